"""Whether a change still fits the rating it was made for, after someone else saved the same indicator.

The safe editor (`assessment_file`) refuses any save whose indicator someone else changed meanwhile:
it cannot know what the person at the keyboard saw. A session can: it knows the rating as it was
when the facilitator began the change (`seen`), and can read the rating as the file holds it now.
Their change and ours clash only when they touch the same part (the stage, the evidence, the target,
the priority, or the numbered list of actions); otherwise ours goes on top of theirs. Adding an
action clashes with nothing: it is appended to the list as the file holds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coalition_cli.core.editing.rating_edits import RatingEdit

FIELDS = ("stage", "evidence", "target", "priority")
ACTIONS = "actions"


def depends_on(edit: RatingEdit) -> frozenset[str]:
    """The parts of the rating whose value the edit replaces or, for actions by number, points into."""
    parts = {name for name in FIELDS if getattr(edit, name) is not None}
    if edit.action_ops:
        parts.add(ACTIONS)
    return frozenset(parts)


def changed_parts(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> frozenset[str]:
    """The keys whose value differs between two readings of one rating (absent = None = not given)."""
    old, new = dict(before or {}), dict(after or {})
    return frozenset(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))


def clashes(
    edit: RatingEdit, seen: Mapping[str, Any] | None, now: Mapping[str, Any] | None
) -> frozenset[str]:
    """The parts someone else changed since `seen` that the edit would overwrite; empty when it fits."""
    return depends_on(edit) & changed_parts(seen, now)
