"""What the room said about one indicator: how many voted, the distribution, the spread, the proposal.

The rules are `coalition consensus`'s, imported, not restated: the spread is the highest stage given
minus the lowest, a spread of `discuss_from(framework)` or more (2, or any disagreement on a rubric
of two stages) is flagged "discuss first", and the proposed stage is the lower median. "Don't know"
counts as a vote but not as a stage.

`live_tally` and `RoomWatch` are the read-only view for another process (the facilitator's `assess`
session): they read the journal, take no lock and never write. Poll `RoomWatch.tally(indicator)` as
often as you like: each call reads only what the journal gained since the last one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from coalition_cli.core.frozen import frozen
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.reports.consensus import IndicatorConsensus, discuss_from
from coalition_cli.core.room.journal import JournalTail, journal_path
from coalition_cli.core.room.state import Ballot, RoomState

NO_GROUP = "Did not say"
"""How the distribution names votes that gave no stakeholder group."""

FEWEST_SHOWN = 3
"""A group's votes are shown on their own only when at least this many of its phones voted: the one
employer or student in the room must not be read off the projector, vote and sentence. Smaller groups
are counted together (`SMALLER`); when even together they are fewer, the smallest group shown joins
them, and a room of fewer phones gets no table by group at all."""

SMALLER = "smaller-groups"
"""The id of the row counting the smaller groups together (no group of the Guide's has it)."""

SMALLER_NAME = "Smaller groups together"


@frozen
class StageCount:
    """How many in the room gave one stage."""

    number: int
    name: str
    count: int


@frozen
class GroupCount:
    """The votes of one stakeholder group, per stage of the rubric (lowest first), and don't-knows."""

    id: str | None
    """The Guide's group id; None for votes that named no group; `SMALLER` for the smaller groups
    counted together."""
    name: str
    counts: tuple[int, ...]
    dont_know: int

    @property
    def voted(self) -> int:
        return sum(self.counts) + self.dont_know


@frozen
class Evidence:
    """A sentence a participant gave, with the stage it came with (None: "don't know")."""

    stage: int | None
    group: str | None
    """The participant's group, only when the table by group shows that group on its own."""
    text: str


@frozen
class Result:
    """The revealed result of an indicator."""

    indicator: str
    voted: int
    dont_know: int
    by_stage: tuple[StageCount, ...]
    by_group: tuple[GroupCount, ...]
    """Groups in the Guide's order, then votes with no group, then the smaller groups together; only
    groups that voted, each of `FEWEST_SHOWN` votes or more (`shown_by_group`)."""
    spread: int | None
    """Highest stage given minus the lowest; None when nobody gave a stage."""
    discuss_from: int
    flagged: bool
    """True when the spread is `discuss_from` or more: talk before agreeing."""
    proposed: int | None
    """The lower median of the stages given, as `coalition consensus` proposes."""
    evidence: tuple[Evidence, ...]

    @property
    def rated(self) -> int:
        """Votes that gave a stage."""
        return self.voted - self.dont_know

    @property
    def lowest(self) -> StageCount | None:
        """The lowest stage given (the spread runs from it to `highest`); None when nobody gave one."""
        return next((stage for stage in self.by_stage if stage.count), None)

    @property
    def highest(self) -> StageCount | None:
        return next((stage for stage in reversed(self.by_stage) if stage.count), None)


def consensus_rules(framework: Framework, indicator: str, stages: Sequence[int | None]) -> IndicatorConsensus:
    """The consensus command's view of these stages (one per voter), whose rules the room follows."""
    fw_indicator = framework.indicator(indicator)
    return IndicatorConsensus(
        id=fw_indicator.id,
        name=fw_indicator.name,
        domain_id=framework.domain_of(indicator).id,
        stages=tuple(stages),
        evidence=tuple(None for _ in stages),
        targets=tuple(None for _ in stages),
        discuss_from=discuss_from(framework),
    )


def tally(
    framework: Framework, groups: Mapping[str, str], indicator: str, ballots: Sequence[Ballot]
) -> Result:
    """The result of `ballots` (one per device) on `indicator`. `groups`: the Guide's ids and names, in order."""
    rules = consensus_rules(framework, indicator, [ballot.stage for ballot in ballots])
    numbers = framework.stage_numbers
    by_stage = tuple(
        StageCount(stage.number, stage.name, sum(ballot.stage == stage.number for ballot in ballots))
        for stage in framework.stages
    )
    by_group = []
    for group_id, name in [*groups.items(), (None, NO_GROUP)]:
        mine = [ballot for ballot in ballots if ballot.group == group_id]
        if mine:
            counts = tuple(sum(ballot.stage == number for ballot in mine) for number in numbers)
            by_group.append(GroupCount(group_id, name, counts, sum(ballot.stage is None for ballot in mine)))
    shown = shown_by_group(by_group)
    named = {row.id for row in shown} - {SMALLER}
    return Result(
        indicator=indicator,
        voted=len(ballots),
        dont_know=sum(ballot.stage is None for ballot in ballots),
        by_stage=by_stage,
        by_group=shown,
        spread=rules.spread,
        discuss_from=rules.discuss_from,
        flagged=rules.flag is not None,
        proposed=rules.proposed,
        evidence=tuple(
            Evidence(ballot.stage, ballot.group if ballot.group in named else None, ballot.evidence)
            for ballot in ballots
            if ballot.evidence
        ),
    )


def shown_by_group(rows: Sequence[GroupCount]) -> tuple[GroupCount, ...]:
    """`rows` as the room may see them: each of `FEWEST_SHOWN` votes or more, the smaller ones
    counted together (with the smallest of the others while together they are still fewer), in
    the order given, the smaller groups last; none when the votes cannot all be shown so."""
    kept = [row for row in rows if row.voted >= FEWEST_SHOWN]
    together = [row for row in rows if row.voted < FEWEST_SHOWN]
    while together and sum(row.voted for row in together) < FEWEST_SHOWN and kept:
        smallest = min(reversed(kept), key=lambda row: row.voted)  # of a tie, the last shown
        kept.remove(smallest)
        together.append(smallest)
    if not together:
        return tuple(kept)
    if sum(row.voted for row in together) < FEWEST_SHOWN:
        return ()
    counts = tuple(sum(column) for column in zip(*(row.counts for row in together), strict=True))
    return (*kept, GroupCount(SMALLER, SMALLER_NAME, counts, sum(row.dont_know for row in together)))


@frozen
class LiveTally:
    """The live count of one indicator, and its result once the room has seen it."""

    indicator: str
    voted: int
    dont_know: int
    open: bool
    """Votes on it are being taken right now."""
    current: bool
    """It is the indicator the facilitator opened last."""
    revealed: bool
    result: Result | None
    """The distribution, spread and proposal: only once revealed to the room (None before)."""


def live_tally_of(state: RoomState, groups: Mapping[str, str], indicator: str) -> LiveTally:
    ballots = state.ballots_on(indicator)
    revealed = state.is_revealed(indicator)
    return LiveTally(
        indicator,
        len(ballots),
        sum(ballot.stage is None for ballot in ballots),
        state.is_open(indicator),
        state.current == indicator,
        revealed,
        tally(state.framework, groups, indicator, ballots) if revealed else None,
    )


def guide_groups() -> dict[str, str]:
    """The Guide's stakeholder groups, id → name, in the Guide's order."""
    from coalition_cli.core.loading.frameworks import load_guide

    return {group.id: group.name for group in load_guide().stakeholder_groups}


class RoomWatch:
    """The room session of an assessment, followed from another process by polling its journal."""

    def __init__(self, assessment: Path, framework: Framework) -> None:
        self.framework = framework
        self._groups = guide_groups()
        self._tail = JournalTail(journal_path(assessment))
        self._state = RoomState(framework, self._groups)
        self._exists = False

    def poll(self) -> RoomState | None:
        """The session as the journal now says; None when there is no room journal."""
        records = self._tail.read()
        if self._tail.restarted:
            self._state = RoomState(self.framework, self._groups)
        self._state.apply_all(records)
        self._exists = self._tail.path.exists()
        return self._state if self._exists else None

    def tally(self, indicator: str) -> LiveTally | None:
        """The live count of `indicator` (None when there is no room journal or no such indicator)."""
        return self._count(self.poll(), indicator)

    def in_front(self, indicator: str) -> LiveTally | None:
        """The live count of the indicator the room is on (the one the facilitator opened last), or of
        `indicator` while the room has opened none: what `assess` shows beside its own indicator."""
        state = self.poll()
        return self._count(state, state.current or indicator if state else indicator)

    def _count(self, state: RoomState | None, indicator: str) -> LiveTally | None:
        if state is None or not self.framework.has_indicator(indicator):
            return None
        return live_tally_of(state, self._groups, indicator)


def live_tally(assessment: Path, indicator: str, framework: Framework) -> LiveTally | None:
    """One look at the room's count for `indicator` (reads the whole journal; poll with `RoomWatch`)."""
    return RoomWatch(assessment, framework).tally(indicator)
