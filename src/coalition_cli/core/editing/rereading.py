"""The file as the disk holds it now, for a session that stays open while others save it too.

A `coalition room` beside `assess`, a second laptop, a `git pull`: each saves the assessment while a
session has it open. `OnDisk` notices (a `stat` each time it is asked, the bytes read only when
that changed) and opens the file again, so the session shows and edits what is really there; it
never writes. `clashes.py` then tells whether a change the facilitator was making still fits.
"""

from __future__ import annotations

from coalition_cli.core.editing.assessment_file import AssessmentFile, changed_ratings
from coalition_cli.core.errors import CoalitionError, ReadError
from coalition_cli.core.files.regular import read_regular
from coalition_cli.core.frozen import frozen
from coalition_cli.core.yaml import source as yamlsource

_Mark = tuple[int, int, int]


def _mark(file: AssessmentFile) -> _Mark | None:
    try:
        status = file.path.stat()
    except OSError:
        return None
    return (status.st_ino, status.st_size, status.st_mtime_ns)


@frozen
class Reread:
    """The file opened again, and which indicators someone else changed in it."""

    file: AssessmentFile
    indicators: tuple[str, ...]
    participants: bool


class OnDisk:
    """Follows one assessment file on disk; `file` is always the one the session edits."""

    def __init__(self, file: AssessmentFile) -> None:
        self.file = file
        self._mark = _mark(file)
        self.problem: CoalitionError | None = None
        """Why the changed file could not be opened again (it has errors, it is gone); None if it could."""

    def saved(self) -> None:
        """The session saved the file itself: that is not someone else's change."""
        self._mark = _mark(self.file)

    def reread(self, *, force: bool = False) -> Reread | None:
        """The file opened again if someone else changed it since the last look; None if nobody did.
        `force`: open it again even if its size and time look the same (the safe editor saw a change).

        A file that now has errors, or is gone, is not opened again: `problem` says why, and `file`
        stays the last good one, whose saves the safe editor then refuses."""
        mark = _mark(self.file)
        if mark == self._mark and not force:
            return None
        self._mark = mark
        try:
            same = mark is not None and yamlsource.decode(read_regular(self.file.path)) == self.file.text
        except (OSError, yamlsource.TextProblem):
            same = False
        if same:  # back as it was (a change undone in an editor): usable again, nothing to show
            self.problem = None
            return None
        try:
            fresh = AssessmentFile(self.file.path)
        except CoalitionError as error:
            self.problem = error
            return None
        except OSError as error:
            self.problem = ReadError(f"cannot read {self.file.path}: {error.strerror or error}")
            return None
        self.problem = None
        before, after = _parsed(self.file), _parsed(fresh)
        changed = changed_ratings(before, after)
        order = [indicator.id for indicator in fresh.framework.indicators]
        participants = _participants(before) != _participants(after)
        self.file = fresh
        return Reread(fresh, tuple(i for i in order if i in changed), participants)


def _parsed(file: AssessmentFile) -> object:
    try:
        return yamlsource.parse_fast(file.text)
    except yamlsource.TextProblem:  # never for a file that opened: it was checked
        return None


def _participants(data: object) -> object:
    return data.get("participants") if isinstance(data, dict) else None
