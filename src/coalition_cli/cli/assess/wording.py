"""How both sessions (line by line and full-screen) say what happened, in the facilitator's words."""

from __future__ import annotations

from coalition_cli.core.editing.history import Saved
from coalition_cli.core.editing.rating_edits import (
    CLEAR,
    ChangeAction,
    DeleteAction,
    InsertAction,
    RatingEdit,
)
from coalition_cli.core.model.assessment import Action, Rating
from coalition_cli.core.model.framework import Framework


def describe_action(action: Action) -> str:
    """`Adopt the charter (Chamber of Commerce, due 2026-06-30, done)`."""
    due = f"due {action.due.isoformat()}" if action.due else None
    details = [part for part in (action.owner, due, action.status) if part]
    return f"{action.action} ({', '.join(details)})" if details else action.action


def open_actions(rating: Rating | None) -> list[Action]:
    """The actions not marked done or dropped: what last term left to do."""
    return [action for action in rating.actions if action.status not in ("done", "dropped")] if rating else []


def stage_label(framework: Framework, stage: int | None) -> str:
    return "not rated" if stage is None else f"{stage} {framework.stage_name(stage)}"


def what_changed(framework: Framework, edit: RatingEdit) -> str:
    """What one saved change did, as a short sentence without its indicator: `stage 2 Developing`."""
    parts: list[str] = []
    if edit.stage is CLEAR:
        parts.append("not rated")
    elif edit.stage is not None:
        parts.append(f"stage {stage_label(framework, edit.stage)}")
    if edit.evidence is CLEAR:
        parts.append("no evidence")
    elif edit.evidence is not None:
        parts.append("new evidence")
    if edit.target is CLEAR:
        parts.append("no target")
    elif edit.target is not None:
        parts.append(f"target {stage_label(framework, edit.target)}")
    if edit.priority is CLEAR or edit.priority is False:
        parts.append("not a priority")
    elif edit.priority is True:
        parts.append("a priority")
    for op in edit.action_ops:
        if isinstance(op, InsertAction):
            parts.append(f"action {op.index + 1} back")
        elif isinstance(op, DeleteAction):
            parts.append(f"action {op.index + 1} removed")
        elif isinstance(op, ChangeAction):
            status = op.status if op.status not in (None, CLEAR) else None
            parts.append(
                f"action {op.index + 1} marked {status}" if status else f"action {op.index + 1} changed"
            )
    if edit.add_actions:
        parts.append("a new action" if len(edit.add_actions) == 1 else f"{len(edit.add_actions)} new actions")
    return ", ".join(parts) or "nothing"


def undone(framework: Framework, saved: Saved) -> str:
    """What the indicator is now that a change is undone: `Undone: C1.3 is not rated again.`,
    `Undone: C1.1 has action 2 back (Survey members).` Said from the edit that undid it, so it
    tells where things stand, not what the undone change had done."""
    edit, indicator = saved.undo, saved.undo.indicator
    parts: list[str] = []
    if edit.stage is CLEAR:
        parts.append("is not rated again")
    elif edit.stage is not None:
        parts.append(f"is back at stage {stage_label(framework, edit.stage)}")
    if edit.evidence is CLEAR:
        parts.append("has no evidence again")
    elif edit.evidence is not None:
        parts.append("has its earlier evidence back")
    if edit.target is CLEAR:
        parts.append("has no target again")
    elif edit.target is not None:
        parts.append(f"is back to the target {stage_label(framework, edit.target)}")
    if edit.priority is CLEAR or edit.priority is False:
        parts.append("is not a priority again")
    elif edit.priority is True:
        parts.append("is a priority again")
    for op in edit.action_ops:
        number = op.index + 1
        if isinstance(op, InsertAction):
            parts.append(f"has action {number} back ({op.action.action})")
        elif isinstance(op, DeleteAction):
            parts.append(f"no longer has the new action {number}")
        elif isinstance(op, ChangeAction):
            status = op.status
            if status is CLEAR:
                parts.append(f"has action {number} with no status again")
            elif status is not None:
                parts.append(f"has action {number} {status.replace('-', ' ')} again")
            else:
                parts.append(f"has action {number} as it was")
    said = ", and ".join(parts) if parts else "is as it was"
    return f"Undone: {indicator} {said}."
