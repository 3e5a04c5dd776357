"""What was being typed when a session stops (Ctrl-C, a closed terminal, a crash): kept, or printed.

One rule for both sessions. Evidence being typed is saved only where it replaces nothing (the file,
read again, has none): Ctrl-C is a way out, and must not swap what the file says for half a
sentence. A new action being typed is added, as far as it goes (it replaces nothing). Whatever is
not saved, because it would replace evidence or because the file refuses it (a colleague's editor
left it broken), is printed, to paste in again: nothing typed is lost.
"""

from __future__ import annotations

from coalition_cli.cli.assess.wording import action_not_saved, describe_action, evidence_not_saved
from coalition_cli.core.editing.rating_edits import NewAction, RatingEdit, clean_text
from coalition_cli.core.editing.session_file import Done, SessionFile


def keep_evidence(keeper: SessionFile, indicator: str, typed: str) -> str | None:
    """The evidence being typed for `indicator`, saved or printed: what happened to it, for the
    facilitator; None when nothing new was typed."""
    text = clean_text(typed)
    keeper.look()
    rating = keeper.file.rating(indicator)
    before = clean_text(rating.evidence or "") if rating is not None else ""
    if not text or text == before:
        return None
    if before:
        return evidence_not_saved(text)
    attempt = keeper.save(RatingEdit(indicator, evidence=text), keeper.written(indicator))
    if not isinstance(attempt, Done):
        return evidence_not_saved(text, indicator)
    return f"The evidence being typed for {indicator} was saved."


def keep_action(keeper: SessionFile, indicator: str, action: NewAction, unread: str = "") -> str:
    """A new action being typed for `indicator`, added or printed (`unread`: a due date typed that
    does not read as a date, left out of the action)."""
    keeper.look()
    attempt = keeper.save(RatingEdit(indicator, add_actions=(action,)), keeper.written(indicator))
    if not isinstance(attempt, Done):
        return action_not_saved(indicator, action, unread)
    left_out = f" (the due date '{unread}' is not a date, so it was left out)" if unread else ""
    return f"The action being typed for {indicator} was saved: {describe_action(action)}{left_out}."
