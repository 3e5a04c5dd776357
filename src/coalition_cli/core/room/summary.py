"""What the room said, in one sentence per indicator, for readers of the plan.

"12 people rated this in the room; 3 were 2 or more stages away from the middle rating." The middle
rating is the proposed stage of `coalition consensus` (the lower median), and "2 or more" is its
"discuss first" spread for the rubric (any difference, on a rubric of two stages).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from coalition_cli.core.room.paths import journal_path
from coalition_cli.core.wording import plural

if TYPE_CHECKING:
    from coalition_cli.core.loading.assessments import LoadedAssessment
    from coalition_cli.core.room.tally import Result


@dataclass(frozen=True)
class RoomSaid:
    indicator: str
    voted: int
    dont_know: int
    apart: int
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
            said[indicator.id] = RoomSaid(
                indicator.id, result.voted, result.dont_know, result.apart, sentence(result)
            )
    return said


def sentence(result: Result) -> str:
    """The room's vote on an indicator in plain words."""
    people = plural(result.voted, "person", "people")
    if result.rated == 0:
        return f"{people} voted on this in the room; none could say which stage."
    opening = f"{people} rated this in the room"
    if result.dont_know:
        opening += f" ({result.dont_know} did not know)"
    if result.discuss_from == 1:
        spread = (
            "all gave the same stage"
            if result.apart == 0
            else f"{result.apart} gave a different stage from the middle rating"
        )
    else:
        spread = (
            f"none was {result.discuss_from} or more stages away from the middle rating"
            if result.apart == 0
            else f"{result.apart} {'was' if result.apart == 1 else 'were'} {result.discuss_from} or more "
            "stages away from the middle rating"
        )
    return f"{opening}; {spread}."
