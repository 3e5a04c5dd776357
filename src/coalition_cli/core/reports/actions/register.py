"""Following actions up between meetings: every action of a coalition's terms, tracked from term to term.

A coalition writes its actions under the indicators of each term's assessment. Read together, oldest
term first, each action is followed from one term to the next:

- **The same action in two terms** is found by its text (case, spacing and a final full stop
  ignored), wherever it sits; an action reworded between terms is still found when it stays under
  the same indicator with the same owner and the same due date.
- **Overdue**: in the latest term, past its due date as of a day (`--as-of`, default today), and not
  marked `done` or `dropped`. An action without a status is open.
- **Carried over**: open in an earlier term and still open in the latest one it is in.
- **Moved or handed over**: an action found again whose due date is later than in an earlier term
  (or gone), or whose owner is another (by `owners.owner_key`), keeps what it was: the earlier due
  date, how late the action was by it on the day of the term that moved it, and the earlier owner.
  Moving a date does not erase that the action was late.
- **Closed since the previous term**: marked done (or dropped) in the latest term, and not so in the
  term before it, or not in it at all. An action already done then is not counted again: each action
  done is counted since the term whose file first says it is done.
- **Vanished**: in an earlier term, absent from the latest one, and never marked done or dropped
  (an action closed and then cleaned out of the file is not vanished).
- **Load per owner**: the open actions of the latest term, counted by owner (`owners.owner_key`),
  with the seats the owner holds when the coalition's profile says (chair, executive committee,
  committees, the only named representative of a member).

Pure functions of the terms' actions: `action_records` reads them from an assessment; the summary's
worker processes send them back in `NetworkEntry`s.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol

from coalition_cli.core.frozen import frozen
from coalition_cli.core.model.values import CLOSED
from coalition_cli.core.reports.actions.owners import (
    name_key,
    names_person,
    owner_key,
    owner_label,
)

if TYPE_CHECKING:
    from coalition_cli.core.model.assessment import Assessment
    from coalition_cli.core.model.profile import CoalitionProfile


State = Literal["open", "overdue", "done", "dropped", "vanished"]

ROLE_WORDS = {
    "chair": "chair",
    "co-chair": "co-chair",
    "executive-committee": "executive committee",
    "working-group": "working group",
    "member": "member",
}


class ActionRecord(NamedTuple):
    """One action as a term's file writes it (a NamedTuple: worker processes send many back)."""

    indicator: str
    action: str
    owner: str | None
    due: dt.date | None
    status: str | None

    @property
    def open(self) -> bool:
        return self.status not in CLOSED


class MemberSeat(NamedTuple):
    """What the register needs of a coalition member to say which seats an owner holds."""

    organization: str
    role: str
    committees: tuple[str, ...]
    representatives: tuple[str, ...]
    """The names of its representatives, as the profile lists them."""


def action_records(assessment: Assessment) -> tuple[ActionRecord, ...]:
    """Every action of an assessment, in the order of its ratings (each due date one object in the
    process, as the texts are: `summary` keeps the actions of thousands of files)."""
    return tuple(
        ActionRecord(indicator_id, action.action, action.owner, _shared_day(action.due), action.status)
        for indicator_id, rating in assessment.ratings.items()
        if rating is not None
        for action in rating.actions
    )


_DAYS: dict[dt.date, dt.date] = {}


def _shared_day(day: dt.date | None) -> dt.date | None:
    if day is None:
        return None
    return _DAYS.setdefault(day, day) if len(_DAYS) < 100_000 else day


def member_seats(profile: CoalitionProfile | None) -> tuple[MemberSeat, ...]:
    if profile is None:
        return ()
    return tuple(
        MemberSeat(
            organization=member.organization,
            role=member.role,
            committees=member.committees,
            representatives=tuple(representative.name for representative in member.representatives),
        )
        for member in profile.members
    )


class WithActions(Protocol):
    """An assessment as a report holds it, with its actions (a `ScoredFile`, a `NetworkEntry`)."""

    @property
    def coalition(self) -> str: ...
    @property
    def file(self) -> str: ...
    @property
    def assessed_on(self) -> dt.date: ...
    @property
    def term(self) -> str | None: ...
    @property
    def actions(self) -> tuple[ActionRecord, ...]: ...


@frozen(kw_only=True)
class TermActions:
    """One coalition's actions at one term (one assessment file)."""

    coalition: str
    file: str
    assessed_on: dt.date
    term: str | None
    actions: tuple[ActionRecord, ...]

    @classmethod
    def of(cls, source: WithActions, *, coalition: str | None = None) -> TermActions:
        """`source`'s actions; `coalition` names the coalition as the report groups it."""
        return cls(
            coalition=coalition or source.coalition,
            file=source.file,
            assessed_on=source.assessed_on,
            term=source.term,
            actions=source.actions,
        )


@frozen(kw_only=True)
class TrackedAction:
    """One action followed across a coalition's terms, as it stands in the last term it is in."""

    coalition: str
    indicator: str
    action: str
    owner: str | None
    due: dt.date | None
    status: str | None
    """As last written: planned, in-progress, done, dropped, or None (not given: open)."""
    state: State
    carried_over: bool
    """Open in an earlier term, and still open in the last one it is in."""
    first_seen: dt.date
    last_seen: dt.date
    file: str
    """The last file it is in."""
    days_late: int | None
    """How many days past due, for an overdue action; else None."""
    closed_since_previous: bool = False
    """Marked done or dropped in the latest term, and not so in the term before it (or not in it):
    closed since the last meeting. False when the coalition has one term."""
    due_moved_from: dt.date | None = None
    """The due date an earlier term gave it, when a later term moved it later or removed it (the
    latest such change); else None."""
    days_late_when_moved: int | None = None
    """How many days past that earlier due date the action was on the day of the term that moved it,
    when it was late then (open and past due); else None."""
    owner_was: str | None = None
    """The owner an earlier term gave it, as written, when the last term it is in names another
    owner, or none (the latest such change); else None."""

    @property
    def is_open(self) -> bool:
        """Open in the latest term: what the load per owner counts."""
        return self.state in ("open", "overdue")

    @property
    def vanished(self) -> bool:
        return self.state == "vanished"

    @property
    def overdue(self) -> bool:
        return self.state == "overdue"


@frozen(kw_only=True)
class OwnerLoad:
    """One owner's open actions in one coalition, and the seats they hold there."""

    coalition: str
    owner: str
    """The owner as shown: the name before any bracket."""
    open: int
    overdue: int
    open_in_coalition: int
    """Every open action of the coalition, for "3 of 11"."""
    seats: tuple[str, ...]
    """"represents Riverside Workforce Development Board (executive committee; committee: Data)" for
    a member's representative (the seat is the organization's), or "represents Casa Esperanza Family
    Center" for one of a plain member's; "co-chair; committee: Data" for the member itself."""
    only_representative_of: tuple[str, ...]
    """Members whose only named representative this owner is."""

    @property
    def share(self) -> str:
        return f"{self.open} of {self.open_in_coalition}"


def days_overdue(due: dt.date | None, status: str | None, as_of: dt.date) -> int | None:
    """How many days past its due date an action is as of a day, when it is and is not marked done or
    dropped; else None. The one rule of "overdue", for the register, the plan and the summary."""
    if status in CLOSED or due is None or due >= as_of:
        return None
    return (as_of - due).days


Thread = list[tuple["TermActions", ActionRecord]]


def follow(terms: Sequence[TermActions], as_of: dt.date) -> tuple[TrackedAction, ...]:
    """Every action of one coalition's terms (oldest first), followed from term to term."""
    threads: list[Thread] = []
    by_text: dict[str, list[int]] = defaultdict(list)
    """The threads whose last action has this text (`name_key`), oldest first."""
    for term in terms:
        extended: set[int] = set()
        unmatched: list[ActionRecord] = []
        for record in term.actions:
            key = name_key(record.action)
            index = next((i for i in by_text[key] if i not in extended), None)
            if index is None:
                unmatched.append(record)
            else:
                _continue(threads, by_text, extended, index, term, record)
        for record in unmatched:
            index = next(
                (
                    i
                    for i, thread in enumerate(threads)
                    if i not in extended and _reworded(thread[-1][1], record)
                ),
                None,
            )
            if index is None:
                threads.append([])
                index = len(threads) - 1
            _continue(threads, by_text, extended, index, term, record)
    latest = terms[-1] if terms else None
    previous = terms[-2] if len(terms) > 1 else None
    return tuple(_tracked(thread, latest, previous, as_of) for thread in threads)


def _continue(
    threads: list[Thread],
    by_text: dict[str, list[int]],
    extended: set[int],
    index: int,
    term: TermActions,
    record: ActionRecord,
) -> None:
    thread = threads[index]
    if thread:
        by_text[name_key(thread[-1][1].action)].remove(index)
    thread.append((term, record))
    by_text[name_key(record.action)].append(index)
    extended.add(index)


def _reworded(earlier: ActionRecord, later: ActionRecord) -> bool:
    """Reworded, but under the same indicator with the same owner and due date (both given)."""
    return (
        later.owner is not None
        and later.due is not None
        and earlier.indicator == later.indicator
        and earlier.due == later.due
        and earlier.owner is not None
        and owner_key(earlier.owner) == owner_key(later.owner)
    )


def _tracked(
    thread: Thread, latest: TermActions | None, previous: TermActions | None, as_of: dt.date
) -> TrackedAction:
    term, record = thread[-1]
    state: State
    days_late = None
    if record.status in CLOSED:
        state = "done" if record.status == "done" else "dropped"
    elif term is not latest:
        state = "vanished"
    elif (late := days_overdue(record.due, record.status, as_of)) is not None:
        state, days_late = "overdue", late
    else:
        state = "open"
    carried = record.open and any(earlier.open for _, earlier in thread[:-1])
    before = next((earlier for when, earlier in thread if when is previous), None)
    closed_since = (
        record.status in CLOSED
        and term is latest
        and previous is not None
        and (before is None or before.status != record.status)
    )
    moved_from, late_then = _moved(thread)
    return TrackedAction(
        coalition=term.coalition,
        indicator=record.indicator,
        action=record.action,
        owner=record.owner,
        due=record.due,
        status=record.status,
        state=state,
        carried_over=carried,
        first_seen=thread[0][0].assessed_on,
        last_seen=term.assessed_on,
        file=term.file,
        days_late=days_late,
        closed_since_previous=closed_since,
        due_moved_from=moved_from,
        days_late_when_moved=late_then,
        owner_was=_owner_was(thread),
    )


def _moved(thread: Thread) -> tuple[dt.date | None, int | None]:
    """The due date before the latest change of it, when that change put it later or removed it, and
    how late the action was by it on the day of the term that made the change."""
    due = thread[-1][1].due
    for index in range(len(thread) - 2, -1, -1):
        earlier = thread[index][1]
        if earlier.due == due:
            continue
        if earlier.due is None or (due is not None and due < earlier.due):
            return None, None  # a date given for the first time, or brought forward: nothing slipped
        return earlier.due, days_overdue(earlier.due, earlier.status, thread[index + 1][0].assessed_on)
    return None, None


def _owner_was(thread: Thread) -> str | None:
    """The owner before the latest change of owner, when there was one."""
    owner = owner_key(thread[-1][1].owner or "")
    for _, earlier in reversed(thread[:-1]):
        if owner_key(earlier.owner or "") != owner:
            return earlier.owner
    return None


def owner_loads(
    coalition: str, actions: Iterable[TrackedAction], members: Sequence[MemberSeat] = ()
) -> tuple[OwnerLoad, ...]:
    """The open actions of one coalition by owner, most first; actions with no owner are left out."""
    open_actions = [action for action in actions if action.is_open]
    by_owner: dict[str, list[TrackedAction]] = defaultdict(list)
    for action in open_actions:
        if action.owner:
            by_owner[owner_key(action.owner)].append(action)
    loads = []
    for owned in by_owner.values():
        owner = owned[0].owner
        assert owner is not None
        seats, only = _seats(owner, members)
        loads.append(
            OwnerLoad(
                coalition=coalition,
                owner=owner_label(owner),
                open=len(owned),
                overdue=sum(action.overdue for action in owned),
                open_in_coalition=len(open_actions),
                seats=seats,
                only_representative_of=only,
            )
        )
    return tuple(sorted(loads, key=lambda load: (-load.open, -load.overdue, load.owner.casefold())))


def _seats(owner: str, members: Sequence[MemberSeat]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The seats an owner holds (as a representative of a member, or as the member itself), and the
    members whose only named representative the owner is."""
    seats: list[str] = []
    only: list[str] = []
    for member in members:
        person = any(names_person(owner, name) for name in member.representatives)
        if not person and owner_key(owner) != name_key(member.organization):
            continue  # neither one of its representatives nor the member itself
        held = [ROLE_WORDS.get(member.role, member.role)] if member.role != "member" else []
        if member.committees:
            held.append(
                f"{'committee' if len(member.committees) == 1 else 'committees'}: {', '.join(member.committees)}"
            )
        if person:  # a person holds any seat for their organization, which is the one seated
            seats.append(f"represents {member.organization}" + (f" ({'; '.join(held)})" if held else ""))
        elif held:
            seats.append("; ".join(held))
        if person and len(member.representatives) == 1:
            only.append(member.organization)
    return tuple(dict.fromkeys(seats)), tuple(only)
