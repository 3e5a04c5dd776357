"""What the room said, in one sentence per indicator, for readers of the plan.

"12 people rated this in the room; the ratings ranged from 1 Emerging to 3 Advancing, so the room
was asked to discuss it before agreeing." The measure is the presenter's, from the same `Result`:
the spread from the lowest stage given to the highest, and `Result.flagged` (`coalition
consensus`'s "discuss first" rule) for whether the room was told to talk before agreeing. The plan
never says the room agreed where the presenter said "Discuss first".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coalition_cli.core.frozen import frozen
from coalition_cli.core.room.paths import journal_path
from coalition_cli.core.wording import plural

if TYPE_CHECKING:
    from coalition_cli.core.loading.assessments import LoadedAssessment
    from coalition_cli.core.room.tally import Result, StageCount


@frozen
class RoomSaid:
    """What the room said on one indicator: how many voted, the lowest and highest stage, and the words for
    it."""

    indicator: str
    voted: int
    dont_know: int
    lowest: int | None
    """The lowest stage given; None when nobody could say."""
    highest: int | None
    discuss: bool
    """The ratings were far enough apart that the presenter said "Discuss first"."""
    text: str


def room_said(loaded: LoadedAssessment) -> dict[str, RoomSaid]:
    """Per indicator voted on in the assessment's room session; {} when it had none."""
    path = journal_path(loaded.path)
    if not path.exists():
        return {}  # as for most plans: the votes' machinery is not even imported
    from coalition_cli.core.room.journal import read_journal
    from coalition_cli.core.room.state import RoomState
    from coalition_cli.core.room.tally import guide_groups, tally

    groups = guide_groups()
    state = RoomState(loaded.framework, groups).apply_all(read_journal(path))
    said = {}
    for indicator in loaded.framework.indicators:
        ballots = state.ballots_on(indicator.id)
        if ballots:
            result = tally(loaded.framework, groups, indicator.id, ballots)
            low, high = result.lowest, result.highest
            said[indicator.id] = RoomSaid(
                indicator.id,
                result.voted,
                result.dont_know,
                None if low is None else low.number,
                None if high is None else high.number,
                result.flagged,
                sentence(result),
            )
    return said


def sentence(result: Result) -> str:
    """The room's vote on an indicator in plain words."""
    people = plural(result.voted, "person", "people")
    low, high = result.lowest, result.highest
    if low is None or high is None:
        return f"{people} voted on this in the room; none could say which stage."
    opening = f"{people} rated this in the room"
    if result.dont_know:
        opening += f" ({result.dont_know} did not know)"
    if low == high:
        return f"{opening}: {_stage(low)}." if result.rated == 1 else f"{opening}; all gave {_stage(low)}."
    ranged = f"the ratings ranged from {_stage(low)} to {_stage(high)}"
    if result.flagged:
        return f"{opening}; {ranged}, so the room was asked to discuss it before agreeing."
    return f"{opening}; {ranged}, close enough to agree."


def _stage(stage: StageCount) -> str:
    return f"{stage.number} {stage.name}"
