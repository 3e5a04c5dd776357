"""The file a session keeps open for an hour while others save it too: saves that fit, or say why not.

`coalition room` saves the stage the room agreed; a second laptop or a `git pull` changes the file.
The safe editor refuses any save to an indicator someone else changed meanwhile, because it cannot
know what the person at the keyboard saw. A session can: each save carries the rating as it was
when the change began (`seen`). `SessionFile` follows the file on disk (`rereading.OnDisk`), and
saves on top of the newest version when the other change touched other parts of the rating, and
hands back a `Clash` (nothing written) when it touched the same part, for the person to decide. A
save that fails for any other reason (the file now has errors, the disk is full) is a `Failed`:
the session goes on, and nothing typed need be lost. What was refused so, and not saved later, is
remembered (`not_saved`): a session that ends then says which answers are not in the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from coalition_cli.core.editing.assessment_file import AssessmentFile, RatingConflictError
from coalition_cli.core.editing.clashes import ACTIONS, FIELDS, clashes
from coalition_cli.core.editing.history import History, Saved
from coalition_cli.core.editing.rating_edits import RatingEdit
from coalition_cli.core.editing.rereading import OnDisk, Reread
from coalition_cli.core.errors import CoalitionError, ConflictError
from coalition_cli.core.frozen import frozen

_ATTEMPTS = 3
"""Saves tried when another writer keeps getting in between (each time, the file is read again)."""


@frozen
class Done:
    """A change the session asked for, written (or already in the file)."""

    changed: bool
    """False when the file already said exactly that (nothing was written)."""


@frozen
class Clash:
    """Someone else changed these parts of the same rating since the change began: nothing written."""

    parts: frozenset[str]
    now: dict[str, Any] | None
    """The rating as the file holds it now."""


@frozen
class Failed:
    """A change the session asked for that could not be written, and the error that says why."""

    error: CoalitionError


Attempt = Done | Clash | Failed


class SessionFile:
    """The assessment a session edits, followed on disk, with the session's undo history."""

    def __init__(self, file: AssessmentFile) -> None:
        self._disk = OnDisk(file)
        self.history = History(file)
        self._noticed: list[Reread] = []
        self._refused: dict[tuple[str, ...], RatingEdit] = {}
        self.refusal: CoalitionError | None = None
        """Why the last answer refused was refused (the file had problems, the disk was full)."""

    @property
    def file(self) -> AssessmentFile:
        return self._disk.file

    @property
    def problem(self) -> CoalitionError | None:
        """Why the file, changed by someone else, could not be read again (it has errors, it is gone)."""
        return self._disk.problem

    def look(self, *, force: bool = False) -> Reread | None:
        """Read the file again if someone else saved it; what changed, or None."""
        reread = self._disk.reread(force=force)
        if reread is not None:
            self.history.file = reread.file
            self._noticed.append(reread)
        return reread

    def noticed(self) -> list[Reread]:
        """Others' changes read since the last call (also those read on the way to a save)."""
        found, self._noticed = self._noticed, []
        return found

    def written(self, indicator: str) -> dict[str, Any] | None:
        return self.file.written(indicator)

    def save(self, edit: RatingEdit, seen: Mapping[str, Any] | None) -> Attempt:
        """Save `edit`, made while the rating read `seen`, on top of the file as it is now."""
        attempt = self._save(edit, seen)
        pieces = _pieces(edit)
        if isinstance(attempt, Failed):
            self._refused.update(pieces)
            self.refusal = attempt.error
        else:  # saved, or a clash the person decides about: no longer an answer the file refused
            for key in pieces:
                self._refused.pop(key, None)
        return attempt

    def not_saved(self) -> list[RatingEdit]:
        """The answers the file refused (`Failed`) and that were not saved since, one edit for each
        indicator, in the order they were refused."""
        joined: dict[str, RatingEdit] = {}
        for piece in self._refused.values():
            before = joined.get(piece.indicator)
            joined[piece.indicator] = piece if before is None else _joined(before, piece)
        return list(joined.values())

    def _save(self, edit: RatingEdit, seen: Mapping[str, Any] | None) -> Attempt:
        self.look()
        for _attempt in range(_ATTEMPTS):
            if self.problem is not None:
                return Failed(self.problem)
            now = self.written(edit.indicator)
            clash = clashes(edit, seen, now)
            if clash:
                return Clash(clash, now)
            try:
                changed = self.history.apply(edit)
            except RatingConflictError:
                self.look(force=True)  # someone got in between: look again
                continue
            except CoalitionError as error:
                return Failed(error)
            self._disk.saved()
            return Done(changed)
        return Failed(_busy(self.file))

    def undo(self) -> tuple[Saved, Attempt] | None:
        """Undo the last change; None when there is none. A `Clash` when someone else changed the same
        part since (then it stays remembered: `forget_last` drops it, `force_undo` undoes it anyway)."""
        last = self.history.last
        if last is None:
            return None
        self.look()
        now = self.written(last.edit.indicator)
        clash = clashes(last.undo, last.after, now)
        if clash:
            return last, Clash(clash, now)
        return last, self.force_undo()

    def force_undo(self) -> Attempt:
        for _attempt in range(_ATTEMPTS):
            if self.problem is not None:
                return Failed(self.problem)
            try:
                self.history.undo()
            except RatingConflictError:
                self.look(force=True)
                continue
            except CoalitionError as error:
                return Failed(error)
            self._disk.saved()
            return Done(True)
        return Failed(_busy(self.file))

    def forget_last(self) -> None:
        self.history.forget_last()


def _pieces(edit: RatingEdit) -> dict[tuple[str, ...], RatingEdit]:
    """The edit in its parts, each an edit of its own, by what it answers: a later answer to the
    same part (the stage given again) takes its place; a new action is one part of its own."""
    pieces: dict[tuple[str, ...], RatingEdit] = {}
    for name in FIELDS:
        value = getattr(edit, name)
        if value is not None:
            pieces[(edit.indicator, name)] = RatingEdit(edit.indicator, **{name: value})
    if edit.action_ops:
        pieces[(edit.indicator, ACTIONS)] = RatingEdit(edit.indicator, action_ops=edit.action_ops)
    for action in edit.add_actions:
        pieces[(edit.indicator, "new action", action.action)] = RatingEdit(
            edit.indicator, add_actions=(action,)
        )
    return pieces


def _joined(first: RatingEdit, then: RatingEdit) -> RatingEdit:
    """Two parts of one indicator's answers as one edit (`then`'s fields over `first`'s)."""
    fields = {name: getattr(then, name) for name in FIELDS if getattr(then, name) is not None}
    return replace(
        first,
        **fields,
        add_actions=first.add_actions + then.add_actions,
        action_ops=first.action_ops + then.action_ops,
    )


def _busy(file: AssessmentFile) -> ConflictError:
    return ConflictError(
        f"{file.path} keeps changing while the answer is being saved (another program is writing it); "
        "it was not saved: try again in a moment"
    )
