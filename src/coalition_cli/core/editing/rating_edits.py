"""What a change to an assessment is, as data: a rating's fields, its actions, who takes part.

Shared by the sessions (`assess`, plain and full-screen), the command line (`rate`) and the
text-level editor (`splicing.py`), which makes each change touching only its own lines. Every
change to a rating has an inverse (`undoing`), worked out from the rating as the file held it
before: that is how a session undoes its last change, through the same safe editor as any other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import fields, replace
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, Union

from coalition_cli.core.frozen import frozen
from coalition_cli.core.model.assessment import ActionStatus, Participant, parse_iso_date
from coalition_cli.core.model.base import as_data
from coalition_cli.core.model.values import action_status

if TYPE_CHECKING:
    from coalition_cli.core.model.framework import Framework

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ufeff]")
_LINE_SEPARATOR = re.compile(r"\r\n|[\r\x85\u2028\u2029]")


class Clear(Enum):
    """The type of `CLEAR`."""

    CLEAR = "clear"


CLEAR: Final = Clear.CLEAR
"""As a field of an edit: remove it (a stage becomes `null`, not rated; any other key is removed)."""

ACTION_FIELDS = ("action", "owner", "due", "status")
"""An action's keys, in the order a person writes them (the model's order)."""


@frozen
class NewAction:
    """An action the team commits to: what, who owns it, by when, and how far along it is."""

    action: str
    owner: str | None = None
    due: dt.date | None = None
    status: ActionStatus | None = None

    def written(self) -> dict[str, Any]:
        """As it is written into the file (a date stays a plain YAML date)."""
        item: dict[str, Any] = {"action": self.action}
        if self.owner:
            item["owner"] = self.owner
        if self.due is not None:
            item["due"] = self.due
        if self.status is not None:
            item["status"] = self.status
        return item

    def parsed(self) -> dict[str, Any]:
        """As `yamlsource.parse_fast` reads it back (dates stay text)."""
        item = self.written()
        if self.due is not None:
            item["due"] = self.due.isoformat()
        return item

    @classmethod
    def from_parsed(cls, item: Mapping[str, Any]) -> NewAction:
        """An action as `parse_fast` read it from a valid file."""
        due = item.get("due")
        return cls(
            str(item["action"]),
            item.get("owner"),
            parse_iso_date(due) if isinstance(due, str) else due,
            item.get("status"),
        )


@frozen
class InsertAction:
    """Put an action at a position of the list (undoing a deletion puts it back where it was)."""

    index: int
    action: NewAction


@frozen
class ChangeAction:
    """Change some of one action's fields; `None` leaves a field as it is, `CLEAR` removes it."""

    index: int
    action: str | None = None
    owner: str | Clear | None = None
    due: dt.date | Clear | None = None
    status: ActionStatus | Clear | None = None

    def changed(self) -> dict[str, Any]:
        """The fields this change sets (`CLEAR` for those it removes), by key."""
        return {key: getattr(self, key) for key in ACTION_FIELDS if getattr(self, key) is not None}


@frozen
class DeleteAction:
    """Remove one action from the list."""

    index: int


ActionOp = Union[InsertAction, ChangeAction, DeleteAction]  # noqa: UP007 (a runtime alias on 3.10)


@frozen
class RatingEdit:
    """A change to one indicator's rating. `None` and `()` leave that part as it is; `CLEAR` removes it.

    `action_ops` change the list of actions in order, then `add_actions` are appended to it.
    """

    indicator: str
    stage: int | Clear | None = None
    evidence: str | Clear | None = None
    target: int | Clear | None = None
    priority: bool | Clear | None = None
    add_actions: tuple[NewAction, ...] = ()
    action_ops: tuple[ActionOp, ...] = ()

    @property
    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, ()) for f in fields(self) if f.name != "indicator")


@frozen
class AddParticipants:
    """People to add to the assessment's `participants:` list."""

    participants: tuple[Participant, ...]

    def written(self) -> list[dict[str, Any]]:
        return [as_data(person, exclude_none=True) for person in self.participants]


Edit = Union[RatingEdit, AddParticipants]  # noqa: UP007 (a runtime alias on 3.10)
"""Any change the safe editor (`AssessmentFile.apply`) can make."""

PARTICIPANTS: Final = "participants"
"""What an `AddParticipants` touches, in the sense of `touched`."""


def touched(edit: Edit) -> str:
    """The part of the file an edit changes: an indicator id, or `participants`."""
    return edit.indicator if isinstance(edit, RatingEdit) else PARTICIPANTS


# -- actions, as `parse_fast` reads them ------------------------------------------------------------


def with_action_op(actions: list[dict[str, Any]], op: ActionOp) -> list[dict[str, Any]]:
    """The list of parsed actions with one operation made. Raises IndexError for a position not there."""
    result = [dict(item) for item in actions]
    if isinstance(op, InsertAction):
        if not 0 <= op.index <= len(result):
            raise IndexError(op.index)
        result.insert(op.index, op.action.parsed())
        return result
    if not 0 <= op.index < len(result):
        raise IndexError(op.index)
    if isinstance(op, DeleteAction):
        del result[op.index]
        return result
    item = result[op.index]
    for key, value in op.changed().items():
        if value is CLEAR:
            item.pop(key, None)
        elif key == "status" and action_status(item.get(key)) == value:
            continue  # `status: Done` is done already, and keeps the file's spelling
        else:
            item[key] = value.isoformat() if isinstance(value, dt.date) else value
    rank = {key: index for index, key in enumerate(ACTION_FIELDS)}
    result[op.index] = {key: item[key] for key in sorted(item, key=lambda key: rank.get(key, len(rank)))}
    return result


# -- undoing ----------------------------------------------------------------------------------------


def undoing(edit: RatingEdit, before: Mapping[str, Any] | None, framework: Framework) -> RatingEdit:
    """The edit that puts back what `edit` changed, given the rating as `parse_fast` read it before.

    Made through the same safe editor, it restores every field the edit touched: a value that was
    absent is removed again, an action deleted goes back in its place with all its fields.
    """
    from coalition_cli.core.model.stages import parse_stage

    old = dict(before or {})

    def stage(key: str) -> int | Clear | None:
        if getattr(edit, key) is None:
            return None
        written = old.get(key)
        number = parse_stage(framework, written) if written is not None else None
        return CLEAR if number is None else number

    def value(key: str) -> Any:
        if getattr(edit, key) is None:
            return None
        return CLEAR if old.get(key) is None else old[key]

    actions = [dict(item) for item in old.get("actions") or []]
    inverse: list[ActionOp] = []
    for op in [*edit.action_ops, *(InsertAction(-1, action) for action in edit.add_actions)]:
        appended = isinstance(op, InsertAction) and op.index < 0  # -1: at the end, wherever that is
        placed = replace(op, index=len(actions)) if appended else op
        inverse.append(_inverse_op(placed, actions))
        actions = with_action_op(actions, placed)
    return RatingEdit(
        edit.indicator,
        stage=stage("stage"),
        evidence=value("evidence"),
        target=stage("target"),
        priority=value("priority"),
        action_ops=tuple(reversed(inverse)),
    )


def _inverse_op(op: ActionOp, actions: list[dict[str, Any]]) -> ActionOp:
    if isinstance(op, InsertAction):
        return DeleteAction(op.index)
    if not 0 <= op.index < len(actions):
        raise IndexError(op.index)
    item = actions[op.index]
    if isinstance(op, DeleteAction):
        return InsertAction(op.index, NewAction.from_parsed(item))
    was: dict[str, Any] = {}
    for key in op.changed():
        old = item.get(key)
        was[key] = CLEAR if old is None else parse_iso_date(old) if key == "due" else old
    return ChangeAction(op.index, **was)


# -- typed text -------------------------------------------------------------------------------------


def control_character(text: str) -> str | None:
    """The first character `clean_line` and `clean_text` would drop (an escape, a bell: what a stray
    key press types), if any. Typed into a session it is noise; given on the command line, it is
    refused rather than dropped without a word."""
    found = _CONTROL.search(_LINE_SEPARATOR.sub(" ", text))
    return found.group() if found else None


def clean_line(text: str) -> str:
    """One line of typed text: no control characters (stray arrow keys), no surrounding spaces."""
    return _CONTROL.sub("", _LINE_SEPARATOR.sub(" ", text)).strip()


def clean_text(text: str) -> str:
    """Typed text of one or more lines, tidied: no trailing spaces, no blank lines around it."""
    lines = [_CONTROL.sub("", line).rstrip() for line in _LINE_SEPARATOR.sub("\n", text).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)
