"""An assessment file open for editing: every change checked, merged with others' and written safely.

The text of each change is made by `splicing.py` (only the changed entry's bytes change); it must
pass the same checks as `coalition validate` before it is written atomically. A save holds the
folder's write lock (`atomic.locked`) from reading the file to replacing it, so two saves at once
(two `coalition rate` runs, a room and a laptop) take turns, and the second one sees the first one's
change. If the file changed on disk since it was read, the other change is kept: the edit is
applied on top of it when it touches other indicators, and refused (`RatingConflictError`) when it
touches the same one (for participants, a `ConflictError`). A writer that takes no lock (an editor,
a `git pull`) is caught by the compare just before the replace, and the save starts over on top of
what it wrote. Never a silent last-writer-wins.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from coalition_cli.core.editing.rating_edits import PARTICIPANTS, Edit, touched
from coalition_cli.core.errors import ConflictError, InvalidFileError, ReadError
from coalition_cli.core.files import atomic
from coalition_cli.core.files.atomic import check_writable
from coalition_cli.core.files.regular import read_regular
from coalition_cli.core.frozen import frozen
from coalition_cli.core.loading.assessments import LoadedAssessment, check_assessment, load_assessment
from coalition_cli.core.model.assessment import Assessment, Rating
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.yaml import source as yamlsource

_BOM = codecs.BOM_UTF8

_ATTEMPTS = 3
"""How many times a save starts over when a writer that takes no lock changes the file meanwhile."""


class RatingConflictError(ConflictError):
    """Someone else changed the same indicator in the file while we were editing it."""

    def __init__(self, message: str, indicators: Sequence[str], *, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.indicators = tuple(indicators)


@frozen
class _State:
    """The file as last read or written: its bytes (to notice an edit made meanwhile), its text and its
    models."""

    raw: bytes
    text: str
    assessment: Assessment
    framework: Framework

    @property
    def data(self) -> Any:
        return yamlsource.parse_fast(self.text)


class AssessmentFile:
    """An assessment file open for editing: each change is checked, merged and written atomically.

    Opening it checks the file like `coalition validate` (InvalidFileError with every problem when
    it has errors: a file with errors is never edited), and that it may be written (ReadError if not,
    before anyone answers a question whose answer could not be saved).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._state = self._read()
        with self._writing():
            check_writable(path)

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """A file that cannot be written (read-only, no permission, a full disk) is the user's to fix: exit 2."""
        try:
            yield
        except OSError as error:
            reason = error.strerror or str(error)
            raise ReadError(
                f"cannot write {self.path}: {reason}; nothing was changed", hint=_hint(error, self.path)
            ) from None

    def _read(self) -> _State:
        try:
            raw = read_regular(self.path)
        except OSError as error:
            raise ReadError(f"cannot read {self.path}: {error.strerror or error}") from None
        return self._state_of(raw)

    def _state_of(self, raw: bytes) -> _State:
        """The file as these bytes hold it, checked as `validate` would (InvalidFileError if not valid)."""
        try:
            text: str | None = yamlsource.decode(raw)
        except yamlsource.TextProblem:
            text = None  # the file is read again by the check, which reports it as `validate` words it
        loaded = load_assessment(self.path, text=text)
        return _State(raw, loaded.text, loaded.assessment, loaded.framework)

    @property
    def framework(self) -> Framework:
        return self._state.framework

    @property
    def assessment(self) -> Assessment:
        return self._state.assessment

    @property
    def text(self) -> str:
        return self._state.text

    def rating(self, indicator: str) -> Rating | None:
        return self._state.assessment.rating(indicator)

    def written(self, indicator: str) -> dict[str, Any] | None:
        """The rating as the file writes it (`parse_fast`'s reading: keys present, stages as written,
        dates as text), for an edit's inverse; None when there is none."""
        data = self._state.data
        ratings = data.get("ratings") if isinstance(data, dict) else None
        rating = ratings.get(indicator) if isinstance(ratings, dict) else None
        return dict(rating) if isinstance(rating, dict) else None

    def stage(self, indicator: str) -> int | None:
        from coalition_cli.core.model.stages import parse_stage

        rating = self.rating(indicator)
        return parse_stage(self.framework, rating.stage) if rating is not None else None

    @property
    def stages(self) -> dict[str, int | None]:
        return {indicator.id: self.stage(indicator.id) for indicator in self.framework.indicators}

    @property
    def rated(self) -> int:
        """How many of the rubric's indicators have a stage."""
        return sum(stage is not None for stage in self.stages.values())

    def apply(self, *edits: Edit) -> bool:
        """Make the edits and save; False when they change nothing (nothing is written then)."""
        parts = [touched(edit) for edit in edits]
        for _attempt in range(_ATTEMPTS):
            with self._writing(), atomic.locked(self.path) as file:
                try:
                    raw = file.read()
                except FileNotFoundError:
                    raise ConflictError(
                        f"{self.path} was deleted or moved while you were working, so the last answer was not saved",
                        hint="find out where the file went (a git checkout or another editor?) before carrying on",
                    ) from None
                if raw != self._state.raw:
                    self._state = self._merge_base(self._state, parts, raw)
                try:
                    return self._save(file, edits)
                except atomic.ChangedMeanwhile:
                    continue  # a writer without a lock wrote meanwhile: start again on top of its change
        raise ConflictError(
            f"{self.path} keeps changing while the answer is being saved (another program is writing it); "
            "the last answer was not saved",
            hint="close the other program, or wait a moment, then give the answer again",
        )

    def _save(self, file: atomic.LockedFile, edits: Sequence[Edit]) -> bool:
        """Make the edits on the current state and replace the file, if it still holds that state."""
        state = self._state
        # imported at the first save, not when a session starts
        from coalition_cli.core.yaml.splicing import EditError, edit_text

        try:
            text = edit_text(state.text, edits, state.framework)
        except EditError as error:
            raise ConflictError(
                f"could not save the change to {self.path} safely: {error}; the file was not changed"
            ) from None
        if text == state.text:
            return False
        checked = check_assessment(self.path, text=text)  # what `validate` would say once it is saved
        saved = checked.value
        if not isinstance(saved, LoadedAssessment) or checked.has_errors:
            raise InvalidFileError(
                f"saving this change would make {self.path} invalid, so the file was not changed",
                problems=[problem for problem in checked.problems if problem.is_error],
            )
        data = (_BOM if state.raw.startswith(_BOM) else b"") + text.encode("utf-8")
        file.replace(data, expected=state.raw)
        self._state = _State(data, text, saved.assessment, state.framework)
        return True

    def _merge_base(self, mine: _State, parts: Sequence[str], raw: bytes) -> _State:
        """The file as someone else left it (`raw`), if our edits can go on top of their change."""
        try:
            theirs = self._state_of(raw)
        except InvalidFileError as error:
            raise InvalidFileError(
                f"{self.path} was changed by someone else while you were working, and now has problems; "
                "the last answer was not saved",
                problems=error.problems,
                hint=f"fix the file (`coalition validate {self.path}` lists the problems), then carry on",
            ) from None
        if theirs.framework.id != mine.framework.id:
            raise ConflictError(
                f"{self.path} was changed by someone else while you were working: it now uses the framework "
                f"{theirs.framework.id!r} instead of {mine.framework.id!r}; the last answer was not saved"
            )
        changed = changed_ratings(mine.data, theirs.data)
        if PARTICIPANTS in parts and _participants(mine.data) != _participants(theirs.data):
            raise ConflictError(
                f"{self.path} was changed by someone else while you were working, and their change also "
                "touches who is taking part; the participants you gave were not saved, so that their change "
                "is not overwritten",
                hint=f"look at participants: in {self.path}, then add them again if they are missing",
            )
        overlap = [part for part in dict.fromkeys(parts) if part in changed]
        if overlap:
            names = ", ".join(overlap)
            raise RatingConflictError(
                f"{self.path} was changed by someone else while you were working (another editor, or a git "
                f"pull), and their change also touches {names}. Your answer for {names} was not saved, so that "
                "their change is not overwritten.",
                overlap,
                hint=f"look at {names} in the file, then give the answer again",
            )
        return theirs


def _hint(error: OSError, path: Path) -> str:
    """What to do about a failed write, by what failed."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "free some space on the disk (or ask for a larger quota), then save again"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"make it writable (`chmod u+w {path}`) or work on a copy"
    if error.errno == errno.EROFS:
        return "the disk is mounted read-only: work on a copy elsewhere"
    if error.errno == errno.EWOULDBLOCK:
        return "wait a moment, then save again"
    return "work on a copy, or try again"


def _participants(data: Any) -> Any:
    return data.get("participants") if isinstance(data, dict) else None


def changed_ratings(before: Any, after: Any) -> set[str]:
    """The indicators whose rating differs between two parsed versions of a file (unrated = absent)."""

    def ratings(data: Any) -> dict[str, Any]:
        found = data.get("ratings") if isinstance(data, dict) else None
        return {key: value for key, value in (found or {}).items() if value is not None}

    old, new = ratings(before), ratings(after)
    return {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}
