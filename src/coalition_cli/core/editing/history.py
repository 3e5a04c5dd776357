"""The changes a session saved, newest last, so that the last one can be undone.

Undoing is not a restore of old bytes: it is the inverse edit (`rating_edits.undoing`), made
through the same safe editor as any answer, so it is checked, merged with anyone else's change to
other indicators, and refused when someone else changed the same indicator since.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.editing.rating_edits import RatingEdit, undoing
from coalition_cli.core.frozen import frozen


@frozen
class Saved:
    """One change that was saved, the edit that undoes it, and the rating as the change left it (to
    tell, before undoing, whether someone else changed it since: `clashes.clashes`)."""

    edit: RatingEdit
    undo: RatingEdit
    after: dict[str, Any] | None = None


@dataclass
class History:
    """Saves a session's changes through `file` and remembers them, to undo the last."""

    file: AssessmentFile
    saved: list[Saved] = field(default_factory=list)

    def apply(self, edit: RatingEdit) -> bool:
        """Save one change now; False when it changes nothing (nothing is written or remembered)."""
        inverse = undoing(edit, self.file.written(edit.indicator), self.file.framework)
        if not self.file.apply(edit):
            return False
        self.saved.append(Saved(edit, inverse, self.file.written(edit.indicator)))
        return True

    def forget_last(self) -> Saved | None:
        """Drop the last change from what can be undone (someone else has changed it since)."""
        return self.saved.pop() if self.saved else None

    @property
    def last(self) -> Saved | None:
        return self.saved[-1] if self.saved else None

    def undo(self) -> Saved | None:
        """Undo the last change still remembered; None when there is none. When the undo cannot be
        saved (someone else changed that indicator since), the error is raised and it stays remembered."""
        if not self.saved:
            return None
        last = self.saved[-1]
        self.file.apply(last.undo)
        self.saved.pop()
        return last
