"""Which indicator the room takes up next: the next one the assessment has not rated yet.

One answer for "Open the first indicator not rated yet" and for "Next indicator" (the button and
the N key), taken from the file as it is now, so an indicator counts as done once it is rated in the
assessment: agreed in this room, saved by `assess` beside it, or rated last term. "Not rated yet" is
what `assess` walks (`Session.plan`), so the room starts where `assess` would resume.
"""

from __future__ import annotations

from collections.abc import Mapping

from coalition_cli.core.model.framework import Framework
from coalition_cli.core.session import Session


def not_rated_after(
    framework: Framework, stages: Mapping[str, int | None], after: str | None = None
) -> str | None:
    """The first indicator not rated yet after `after`, in the rubric's order, coming round to the start.

    Never `after` itself: None when every other indicator is rated. Without `after`, the first not
    rated yet (None when all are rated)."""
    waiting = set(Session.plan(framework, stages).queue)
    order = [indicator.id for indicator in framework.indicators]
    if after in order:
        at = order.index(after)
        order = order[at + 1 :] + order[:at]
    return next((indicator for indicator in order if indicator in waiting), None)
