"""How both sessions (line by line and full-screen) say what happened, in the facilitator's words."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from coalition_cli.core.editing.history import Saved
from coalition_cli.core.editing.rating_edits import (
    CLEAR,
    ChangeAction,
    DeleteAction,
    InsertAction,
    NewAction,
    RatingEdit,
    clean_text,
)
from coalition_cli.core.errors import CoalitionError
from coalition_cli.core.frozen import frozen
from coalition_cli.core.model.assessment import Action, Rating
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.model.stages import parse_stage
from coalition_cli.core.model.values import CLOSED, status_words
from coalition_cli.core.reports.actions.register import days_overdue
from coalition_cli.core.wording import and_list, long_date, plural

if TYPE_CHECKING:
    from coalition_cli.core.loading.assessments import LoadedAssessment


def describe_action(action: Action | NewAction, today: dt.date | None = None) -> str:
    """`Adopt the charter — Chamber of Commerce, due 30 June 2026, in progress`: the date and the
    status as the room says them (the file keeps 2026-06-30 and `in-progress`). A dash, not
    brackets: an owner is often written "Name (Organization)", and brackets inside brackets are hard
    to read aloud. Given the session's day, an action overdue then (by `coalition actions`' rule)
    says so beside its date: "due 15 April 2026, overdue, in progress"."""
    due = f"due {long_date(action.due)}" if action.due else None
    late = "overdue" if today is not None and _overdue(action, today) else None
    status = status_words(action.status) if action.status else None
    details = [part for part in (action.owner, due, late, status) if part]
    return f"{action.action} — {', '.join(details)}" if details else action.action


def numbered_actions(actions: Sequence[Action], today: dt.date | None = None) -> list[tuple[str, str]]:
    """`1.` and `Adopt the charter — Chamber of Commerce, due 30 June 2026`: an indicator's actions
    by the numbers the sessions and `rate --action-number` take."""
    return [(f"{number}.", describe_action(action, today)) for number, action in enumerate(actions, start=1)]


def action_changes(before: Action, change: ChangeAction, today: dt.date) -> list[str]:
    """What a change to an action does, a line a part in the file's order, each naming what it
    replaced: "owner added: Priya Natarajan", "due date replaced: 31 March 2027 (was 15 April 2026,
    232 days late)", "status unchanged: done". `rate` and the line-by-line session say it so: a due
    date moved, or an owner changed, is never out of sight (the lateness it ends is said, as of
    `today`)."""
    said: list[str] = []
    if change.action is not None:
        said.append(
            "wording unchanged"
            if change.action == before.action
            else f"wording replaced (was: “{before.action}”)"
        )
    if change.owner is not None:
        new = change.owner if change.owner is not CLEAR else None
        said.append(_replaced("owner", new, before.owner, same=new == before.owner))
    if change.due is not None:
        late = days_overdue(before.due, before.status, today)
        old = (
            (long_date(before.due) + (f", {plural(late, 'day')} late" if late else ""))
            if before.due
            else None
        )
        new = long_date(change.due) if change.due is not CLEAR else None
        said.append(
            _replaced("due date", new, old, same=change.due == before.due or (new, old) == (None, None))
        )
    if change.status is not None:
        new = status_words(change.status) if change.status is not CLEAR else None
        old = status_words(before.status) if before.status is not None else None
        said.append(_replaced("status", new, old, same=new == old))
    return said


def _replaced(what: str, new: str | None, old: str | None, *, same: bool) -> str:
    """One part of an action changed, as `rate` says a target changed: added, replaced (was …),
    removed (was …), unchanged."""
    if new is None:
        return f"{what} removed (was {old})" if old is not None else f"no {what} to remove"
    if old is None:
        return f"{what} added: {new}"
    return f"{what} unchanged: {new}" if same else f"{what} replaced: {new} (was {old})"


def action_counts(actions: Sequence[Action], today: dt.date | None = None) -> str:
    """`2 open, 1 done`, or `1 open`: where an indicator's actions stand, as the 80×24 screen's line
    says it beside the first open one (its text may be cut; the counts never are). Given the
    session's day, the open ones overdue then are counted too: `3 open, 2 overdue, 1 done`."""
    counted = Counter("open" if action.status not in CLOSED else action.status for action in actions)
    if today is not None:
        counted["overdue"] = sum(_overdue(action, today) for action in actions)
    words = ("open", "overdue", "done", "dropped")
    return ", ".join(f"{counted[word]} {word}" for word in words if counted[word])


def _overdue(action: Action | NewAction, today: dt.date) -> bool:
    """Open and past its due date on `today`: the one rule the actions register and the plan use."""
    return days_overdue(action.due, action.status, today) is not None


def dated_earlier(assessed_on: dt.date, today: dt.date, rated: int) -> str:
    """Said as a session starts on a file nobody has rated yet, dated before today: `init` dates a
    file the day it is written, often days before the meeting, and the plan and the next term name
    the meeting by that date. "" otherwise."""
    if rated or assessed_on >= today:
        return ""
    return (
        f"This assessment is dated {long_date(assessed_on)}: if the team meets on another day, "
        "change assessed_on in the file before rating."
    )


def early_due(due: dt.date | None, assessed_on: dt.date, *, named: bool = True) -> str:
    """Said when an action is given a due date before the assessment's own day (2026 typed for 2027
    is an easy slip, and the plan would call the action months late); "" otherwise. `named=False`
    after words that said the date already ("… due 31 January 2026. That date is before …")."""
    if due is None or due >= assessed_on:
        return ""
    date = "That date" if not named else f"Its due date, {long_date(due)},"
    return f"{date} is before this assessment ({long_date(assessed_on)}): is the year right?"


def typed_not_saved(said: str, typed: Sequence[str]) -> str:
    """Said when text being typed could not be saved (it would replace what the file says, or the
    file cannot be written): what was typed is printed with it, line by line, so that it can be
    pasted in again rather than lost. The one way both sessions say it, for evidence and actions."""
    shown = "\n".join(f"  {line}" for text in typed for line in text.splitlines())
    return f"{said}\nWhat was typed, to paste in again if you want it:\n{shown}"


def evidence_not_saved(typed: str, indicator: str | None = None) -> str:
    """Half-typed evidence not saved: over the evidence the file has (it never replaces what the file
    says with half a sentence), or, given the `indicator`, because the file refused it."""
    if indicator is None:
        return typed_not_saved("The evidence being typed was not saved; the earlier evidence stays.", [typed])
    return typed_not_saved(f"The evidence being typed for {indicator} could not be saved.", [typed])


def action_not_saved(indicator: str, action: NewAction, unread: str = "") -> str:
    """A new action being typed that could not be saved: its words, owner and due date (as typed,
    `unread`, when it does not read as a date), each on a line of its own, to type in again."""
    due = action.due.isoformat() if action.due is not None else unread
    typed = [
        action.action,
        *([f"who leads it: {action.owner}"] if action.owner else []),
        *([f"due: {due}"] if due else []),
        *([f"how far along: {status_words(action.status)}"] if action.status else []),
    ]
    return typed_not_saved(f"The action being typed for {indicator} could not be saved.", typed)


def why_not_saved(error: CoalitionError) -> str:
    """Why a save was refused, for the room: for a file with problems (a colleague's editor left it
    half changed), the first problem in plain words and its line, so that it can be fixed in an
    editor while the session waits: "…yaml has 1 problem. It is on line 203: not valid YAML: a '['
    that is never closed with ']' (it opens on line 202)…". Else what the error says."""
    errors = [problem for problem in getattr(error, "problems", None) or [] if problem.is_error]
    said = _sentence(error.message)
    if not errors:
        return said
    first = errors[0]
    which = "The first" if len(errors) > 1 else "It"
    return f"{said} {which} is on line {first.line}: {_sentence(first.message, capital=False)}"


def what_to_do(error: CoalitionError, then: str = "give the answer again") -> str:
    """What to do about a refused save, after `why_not_saved`: for a file with problems, fix it in an
    editor while the session waits (not the command line's `coalition validate`: a facilitator in
    front of a room has no second terminal open), `then` what; else the error's hint."""
    if getattr(error, "problems", None):
        return f"Fix it in an editor and save the file (the session waits), then {then}."
    return _sentence(error.hint) if error.hint else ""


def _sentence(text: str, *, capital: bool = True) -> str:
    """`text` as a sentence: a capital first (unless it follows a colon, or the first word is a file's
    name: "fall.yaml has 1 problem", never "Fall.yaml"), a full stop last."""
    text = text.strip()
    if text and not text.endswith((".", "?", "!")):
        text += "."
    first = text.split(maxsplit=1)[0] if text else ""
    if any(mark in first.rstrip(".") for mark in "./\\"):
        capital = False
    return text[:1].upper() + text[1:] if capital else text


ELSEWHERE = "by someone else (the room, or another editor)"
"""Who changed the file meanwhile, as both sessions say it."""


def part_now(framework: Framework, part: str, now: dict[str, object] | None) -> str:
    """What the file holds now for one part of a rating (`stage`, `evidence`…), in words: when someone
    else changed it while the facilitator was at it, both sessions ask which to keep."""
    value = (now or {}).get(part)
    if part in ("stage", "target"):
        stage = parse_stage(framework, value) if value is not None else None  # type: ignore[arg-type]
        return stage_label(framework, stage) if stage is not None else "none"
    if part == "priority":
        return "a priority" if value else "not a priority"
    if part == "evidence":
        return clean_text(str(value)) if value else "none"
    return str(value)


def part_given(framework: Framework, part: str, edit: RatingEdit) -> str:
    """What the facilitator gave for one part of a rating, in words (beside `part_now`)."""
    value = getattr(edit, part)
    if value is CLEAR:
        return "none"
    if part in ("stage", "target"):
        return stage_label(framework, value)
    if part == "priority":
        return "a priority" if value else "not a priority"
    return str(value)


def open_actions(rating: Rating | None) -> list[Action]:
    """The actions not marked done or dropped: what last term left to do."""
    return [action for action in rating.actions if action.status not in CLOSED] if rating else []


def not_carried(before: Rating | None, now: Rating | None) -> tuple[Action, ...]:
    """Last term's open actions, less those this term's rating `now` holds, open or not (`init
    --from` carried them over: they are listed as this term's, and marking one done now must not
    bring it back as last term's), found by text as the actions register follows them from term to
    term."""
    from coalition_cli.core.reports.actions.owners import name_key

    here = {name_key(action.action) for action in now.actions} if now is not None else set()
    return tuple(action for action in open_actions(before) if name_key(action.action) not in here)


def when_assessed(earlier: LoadedAssessment) -> str:
    """An earlier assessment as the room names it: its term ("Fall 2025"), else its date in words."""
    return earlier.assessment.term or long_date(earlier.assessment.assessed_on)


def earlier_rating(framework: Framework, earlier: LoadedAssessment, indicator: str) -> str:
    """Last term's answer for an indicator in words: "2 Developing, target 3 Advancing, a priority"
    (its target and priority are not carried into a new term: the team sets them again)."""
    said = [stage_label(framework, earlier.stage(indicator))]
    target = earlier.target(indicator)
    if target is not None:
        said.append(f"target {stage_label(framework, target)}")
    rating = earlier.assessment.rating(indicator)
    if rating is not None and rating.priority:
        said.append("a priority")
    return ", ".join(said)


def stage_label(framework: Framework, stage: int | None) -> str:
    return "not rated" if stage is None else f"{stage} {framework.stage_name(stage)}"


@frozen
class _Phrases:
    """How to say each part of an edit that undid another: where things stand after it."""

    unrated: str
    stage: str
    no_evidence: str
    evidence: str
    no_target: str
    target: str
    no_priority: str
    priority: str
    inserted: str
    deleted: str
    marked: str
    unmarked: str
    changed: str
    added: str


_RESULTS = _Phrases(
    "is not rated again", "is back at stage {stage}", "has no evidence again", "has its earlier evidence back",
    "has no target again", "is back to the target {stage}", "is not a priority again", "is a priority again",
    "has action {number} back ({what})", "no longer has the new action {number}",
    "has action {number} {status} again", "has action {number} with no status again",
    "has action {number} as it was", "has the new action {what}",
)  # fmt: skip

_ANSWERS = _Phrases(
    "not rated", "stage {stage}", "no evidence", "its evidence", "no target", "the target {stage}",
    "not a priority", "a priority", "action {number} put back ({what})", "action {number} deleted",
    "action {number} marked {status}", "action {number} with no status", "action {number} changed",
    "the action {what}",
)  # fmt: skip


def _described(framework: Framework, edit: RatingEdit, say: _Phrases) -> list[str]:
    parts: list[str] = []
    if edit.stage is CLEAR:
        parts.append(say.unrated)
    elif edit.stage is not None:
        parts.append(say.stage.format(stage=stage_label(framework, edit.stage)))
    if edit.evidence is CLEAR:
        parts.append(say.no_evidence)
    elif edit.evidence is not None:
        parts.append(say.evidence)
    if edit.target is CLEAR:
        parts.append(say.no_target)
    elif edit.target is not None:
        parts.append(say.target.format(stage=stage_label(framework, edit.target)))
    if edit.priority is CLEAR or edit.priority is False:
        parts.append(say.no_priority)
    elif edit.priority is True:
        parts.append(say.priority)
    for op in edit.action_ops:
        number = op.index + 1
        if isinstance(op, InsertAction):
            parts.append(say.inserted.format(number=number, what=op.action.action))
        elif isinstance(op, DeleteAction):
            parts.append(say.deleted.format(number=number))
        elif op.status is CLEAR:
            parts.append(say.unmarked.format(number=number))
        elif op.status is not None:
            parts.append(say.marked.format(number=number, status=op.status.replace("-", " ")))
        else:
            parts.append(say.changed.format(number=number))
    parts += [say.added.format(what=describe_action(action)) for action in edit.add_actions]
    return parts


def answers_not_saved(framework: Framework, edits: Sequence[RatingEdit]) -> str:
    """The answers a session gave that are not in the file, by indicator: "C2.2 stage 2 Developing
    and its evidence; C3.1 the action Collect pledge letters — Janet Holloway"."""
    return "; ".join(f"{edit.indicator} {and_list(_described(framework, edit, _ANSWERS))}" for edit in edits)


def undone(framework: Framework, saved: Saved) -> str:
    """What the indicator is now that a change is undone: `Undone: C1.3 is not rated again.`,
    `Undone: C1.1 has action 2 back (Survey members).` Said from the edit that undid it, so it
    tells where things stand, not what the undone change had done."""
    said = ", and ".join(_described(framework, saved.undo, _RESULTS)) or "is as it was"
    return f"Undone: {saved.undo.indicator} {said}."
