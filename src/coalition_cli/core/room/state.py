"""A room session as the journal's records replay into it: which indicator is open, and who voted what.

The same `RoomState` is built by the server (from the journal, then from each event as it happens)
and by every reader (`tally.RoomWatch`, the plan), so they cannot disagree about what the room said.
Each device has one live vote per indicator: a later vote replaces the earlier one.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from coalition_cli.core.frozen import frozen
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.room.records import (
    Agreed,
    Closed,
    Opened,
    Record,
    Revealed,
    SessionStarted,
    Vote,
)


@frozen
class Ballot:
    """A device's live vote on one indicator."""

    device: str
    stage: int | None
    """None: "don't know"."""
    group: str | None
    evidence: str | None
    at: str


@dataclass
class RoomState:
    """What the records so far say. `apply` one record at a time, in journal order."""

    framework: Framework
    groups: Collection[str]
    """The stakeholder group ids a vote may name (the Guide's); any other is read as no group."""
    session: SessionStarted | None = None
    current: str | None = None
    """The indicator opened last, or None before the first."""
    accepting: bool = False
    """Whether votes on `current` are taken now (opened, not yet closed or revealed)."""
    revealed: bool = False
    """Whether the result of `current` has been shown since it was last opened."""
    round: int = 0
    """How many times an indicator was opened: each opening ("Vote again" too) starts a new round."""
    settled: bool = False
    """Whether an agreed stage for `current` was saved since it was last opened."""
    ballots: dict[str, dict[str, Ballot]] = field(default_factory=dict)
    """Per indicator, per device, the live vote."""
    devices: dict[str, int] = field(default_factory=dict)
    """Every device that voted, numbered from 1 in the order each first voted."""
    agreed: dict[str, Agreed] = field(default_factory=dict)
    opened: list[str] = field(default_factory=list)
    """The indicators opened so far, in the order first opened."""
    ignored: int = 0
    """Records that name an indicator, stage or group the rubric does not have (a rubric edited since)."""
    votes: int = 0
    """Votes recorded, counting changes of mind."""

    def apply(self, record: Record) -> None:
        if isinstance(record, SessionStarted):
            self.session = self.session or record
            return
        if not self.framework.has_indicator(record.indicator):
            self.ignored += 1
            return
        if isinstance(record, Opened):
            self.current, self.accepting, self.revealed, self.settled = record.indicator, True, False, False
            self.round += 1
            if record.indicator not in self.opened:
                self.opened.append(record.indicator)
        elif isinstance(record, (Closed, Revealed)):
            if record.indicator == self.current:
                self.accepting = False
                self.revealed = self.revealed or isinstance(record, Revealed)
        elif isinstance(record, Vote):
            if record.stage is not None and record.stage not in self.framework.stage_numbers:
                self.ignored += 1
                return
            group = record.group if record.group in self.groups else None
            self.ballots.setdefault(record.indicator, {})[record.device] = Ballot(
                record.device, record.stage, group, record.evidence, record.at
            )
            self.devices.setdefault(record.device, len(self.devices) + 1)
            self.votes += 1
        elif isinstance(record, Agreed):
            self.agreed[record.indicator] = record
            self.settled = self.settled or record.indicator == self.current

    def apply_all(self, records: Iterable[Record]) -> RoomState:
        for record in records:
            self.apply(record)
        return self

    def ballots_on(self, indicator: str) -> list[Ballot]:
        """The live votes on an indicator, in the order the devices first voted in the session."""
        found = self.ballots.get(indicator, {})
        return sorted(found.values(), key=lambda ballot: self.devices[ballot.device])

    def is_open(self, indicator: str) -> bool:
        return self.accepting and self.current == indicator

    def is_revealed(self, indicator: str) -> bool:
        return self.revealed and self.current == indicator
