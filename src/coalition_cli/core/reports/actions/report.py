"""`coalition actions`: the register of who owes what by when, across one coalition's terms or a network.

The files are read as `summary` reads them (worker processes, `network.entries`), grouped into
coalitions and terms by the same rules (`network.coalitions`: raters' files set aside, several files
of one coalition and date reported), and each coalition's actions are followed from term to term
(`register.follow`). A coalition whose latest date has several files is left out and listed, as are
files with errors.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from coalition_cli.core.errors import InvalidFileError, UsageError
from coalition_cli.core.frozen import frozen
from coalition_cli.core.loading.frameworks import load_framework
from coalition_cli.core.loading.outcome import FileOutcome
from coalition_cli.core.model.values import CLOSED
from coalition_cli.core.reports.actions.owners import owner_key, owner_label, owner_notes
from coalition_cli.core.reports.actions.register import (
    MemberSeat,
    OwnerLoad,
    TermActions,
    TrackedAction,
    follow,
    owner_loads,
)
from coalition_cli.core.reports.report import Report
from coalition_cli.core.wording import long_date, plural

if TYPE_CHECKING:
    from coalition_cli.core.reports.document import Document
    from coalition_cli.core.reports.network.coalitions import CoalitionFiles, SameDate
    from coalition_cli.core.reports.network.entries import NetworkEntry

ACTIONS_CSV_HEADER = (
    "coalition",
    "indicator",
    "indicator_name",
    "action",
    "owner",
    "due",
    "status",
    "state",
    "days_late",
    "carried_over",
    "first_seen",
    "last_seen",
    "file",
    "closed_since_previous",
    "due_moved_from",
    "days_late_when_moved",
    "owner_was",
)
"""One row per action, as it stands in the last term it is in (columns added later go at the end)."""

STATES = ("open", "overdue", "done", "dropped", "vanished")
COUNTS = (
    "actions",
    "open",
    "overdue",
    "open_total",
    "done",
    "dropped",
    "vanished",
    "carried_over",
    "done_since_previous",
    "dropped_since_previous",
)
"""The counts of a register (JSON `counts`), in order; `open_without_owner` is the report's."""


@frozen(kw_only=True)
class Term:
    """One assessment of a coalition's, as the action register names it."""

    file: str
    assessed_on: dt.date
    term: str | None

    @property
    def label(self) -> str:
        """How the register names it: its term ("Spring 2026"), else its date, as the plan does."""
        return self.term or long_date(self.assessed_on)


@frozen(kw_only=True)
class CoalitionRegister:
    """One coalition's actions, followed across its terms."""

    name: str
    terms: tuple[Term, ...]
    actions: tuple[TrackedAction, ...]
    """By owner and due date (see `ordered`)."""
    owners: tuple[OwnerLoad, ...]
    indicator_names: dict[str, str]
    owner_notes: tuple[str, ...] = ()
    """Owners who may be a participant or member under another name (`owners.owner_notes`)."""

    def count(self, state: str) -> int:
        return sum(action.state == state for action in self.actions)

    @property
    def carried_over(self) -> int:
        return sum(action.carried_over and action.is_open for action in self.actions)

    @property
    def previous(self) -> Term | None:
        """The term before the latest: what "since the last meeting" counts from; None with one term."""
        return self.terms[-2] if len(self.terms) > 1 else None

    def closed_since(self, state: str) -> int:
        """The actions marked `state` (done or dropped) since the term before the latest."""
        return sum(action.closed_since_previous and action.state == state for action in self.actions)

    @property
    def counts(self) -> dict[str, int]:
        """The counts of the register, as JSON gives them and `document.counts_text` words them."""
        counts = {
            "actions": len(self.actions),
            "open": self.count("open"),
            "overdue": self.count("overdue"),
            "open_total": sum(action.is_open for action in self.actions),  # open or overdue, as the text says
            **{state: self.count(state) for state in ("done", "dropped", "vanished")},
            "carried_over": self.carried_over,
            **{f"{state}_since_previous": self.closed_since(state) for state in CLOSED},
        }
        assert tuple(counts) == COUNTS
        return counts


def ordered(actions: Sequence[TrackedAction]) -> tuple[TrackedAction, ...]:
    """By coalition, owner (no owner last) and due date (none last), then the action's text."""
    return tuple(
        sorted(
            actions,
            key=lambda a: (
                a.coalition.casefold(),
                a.owner is None,
                owner_key(a.owner or ""),
                a.due is None,
                a.due or dt.date.min,
                a.action.casefold(),
            ),
        )
    )


def coalition_register(
    name: str,
    terms: Sequence[TermActions],
    as_of: dt.date,
    *,
    members: Sequence[MemberSeat] = (),
    names: dict[str, str],
    participants: Sequence[tuple[str, str | None]] = (),
) -> CoalitionRegister:
    """The register of one coalition's terms (oldest first); `participants` (name, organization)
    and `members` are who its owners are checked against."""
    tracked = ordered(follow(terms, as_of))
    return CoalitionRegister(
        name=name,
        terms=tuple(Term(file=term.file, assessed_on=term.assessed_on, term=term.term) for term in terms),
        actions=tracked,
        owners=owner_loads(name, tracked, members),
        indicator_names=names,
        owner_notes=owner_notes((a.owner for a in tracked if a.owner), participants, members),
    )


@frozen(kw_only=True)
class ActionsReport(Report):
    """The report of `actions`: every coalition's register, as of a day."""

    as_of: dt.date
    coalitions: tuple[CoalitionRegister, ...]
    files: int
    skipped: int
    invalid: tuple[FileOutcome[NetworkEntry], ...]
    same_date: tuple[SameDate, ...] = ()
    unresolved: tuple[SameDate, ...] = ()
    """Coalitions left out: several files on their latest date."""
    assessments: int = 0
    """The valid assessment files read, raters' files included (as `summary` counts them)."""
    raters_set_aside: int = 0
    """Raters' files set aside beside their coalition's consensus (`network.coalitions`)."""
    later: tuple[NetworkEntry, ...] = ()
    """Assessments dated after the day given with `--as-of`, left out (`core.as_of`)."""
    owner: str | None = None
    """With `--owner`: the owner whose actions alone are listed (`for_owner`), as the register shows
    them (the name before any bracket)."""
    csv_header = ACTIONS_CSV_HEADER

    @property
    def actions(self) -> tuple[TrackedAction, ...]:
        return tuple(action for coalition in self.coalitions for action in coalition.actions)

    def count(self, state: str) -> int:
        return sum(coalition.count(state) for coalition in self.coalitions)

    @property
    def carried_over(self) -> int:
        return sum(coalition.carried_over for coalition in self.coalitions)

    @property
    def counts(self) -> dict[str, int]:
        each = [coalition.counts for coalition in self.coalitions]
        return {
            **{key: sum(counts[key] for counts in each) for key in COUNTS},
            "open_without_owner": sum(not action.owner for action in self.actions if action.is_open),
        }

    @property
    def since_label(self) -> str | None:
        """What "done since …" counts from: one coalition's term before its latest ("Spring 2026"), "the
        previous assessment" for a network; None when no coalition has two terms."""
        earlier = [coalition.previous for coalition in self.coalitions if coalition.previous is not None]
        if not earlier:
            return None
        return earlier[0].label if len(self.coalitions) == 1 else "the previous assessment"

    # --- as a report ---------------------------------------------------------------------------

    def data(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "owner": self.owner,
            "files": {
                "read": self.files,
                "assessments": sum(len(c.terms) for c in self.coalitions),
                "skipped": self.skipped,
                "invalid": len(self.invalid),
                "later": len(self.later),
            },
            "counts": self.counts,
            "coalitions": [
                {
                    "coalition": coalition.name,
                    "assessments": [
                        {"file": term.file, "assessed_on": term.assessed_on.isoformat(), "term": term.term}
                        for term in coalition.terms
                    ],
                    "counts": coalition.counts,
                }
                for coalition in self.coalitions
            ],
            "actions": [
                self._action_json(coalition, action)
                for coalition in self.coalitions
                for action in coalition.actions
            ],
            "owners": [
                {
                    "coalition": load.coalition,
                    "owner": load.owner,
                    "open": load.open,
                    "overdue": load.overdue,
                    "open_in_coalition": load.open_in_coalition,
                    "seats": list(load.seats),
                    "only_representative_of": list(load.only_representative_of),
                }
                for coalition in self.coalitions
                for load in coalition.owners
            ],
            "same_date": [item.data(left_out=item in self.unresolved) for item in self.same_date],
            "invalid_files": [{"file": item.file, "problems": _in_brief(item)} for item in self.invalid],
        }

    @staticmethod
    def _action_json(coalition: CoalitionRegister, action: TrackedAction) -> dict[str, Any]:
        return {
            "coalition": action.coalition,
            "indicator": action.indicator,
            "indicator_name": coalition.indicator_names.get(action.indicator),
            "action": action.action,
            "owner": action.owner,
            "due": action.due.isoformat() if action.due else None,
            "status": action.status,
            "state": action.state,
            "days_late": action.days_late,
            "carried_over": action.carried_over,
            "first_seen": action.first_seen.isoformat(),
            "last_seen": action.last_seen.isoformat(),
            "file": action.file,
            "closed_since_previous": action.closed_since_previous,
            "due_moved_from": action.due_moved_from.isoformat() if action.due_moved_from else None,
            "days_late_when_moved": action.days_late_when_moved,
            "owner_was": action.owner_was,
        }

    def csv_rows(self) -> Iterator[list[object]]:
        for coalition in self.coalitions:
            for action in coalition.actions:
                row = self._action_json(coalition, action)
                yield [row[column] for column in ACTIONS_CSV_HEADER]

    def document(self) -> Document:
        from coalition_cli.core.reports.actions.document import actions_document

        return actions_document(self)


def for_owner(report: ActionsReport, name: str) -> ActionsReport:
    """The register of one owner's actions (`--owner`), matched by the register's owner rule
    (`owners.owner_key`: the name before any bracket, any case and spacing): a list to send them.
    Raises UsageError when nobody of that name owns an action, offering the closest owners' names."""
    key = owner_key(name)
    coalitions = []
    for coalition in report.coalitions:
        mine = tuple(
            action for action in coalition.actions if action.owner and owner_key(action.owner) == key
        )
        if mine:
            label = owner_label(next(action.owner for action in mine if action.owner))
            coalitions.append(
                dataclasses.replace(
                    coalition,
                    actions=mine,
                    owners=tuple(load for load in coalition.owners if owner_key(load.owner) == key),
                    # the notes on this owner's name ("Maria Lopes may be Maria Lopez …"), not others'
                    owner_notes=tuple(note for note in coalition.owner_notes if note.startswith(f"{label} ")),
                )
            )
    if not coalitions:
        raise UsageError(f"no action in these files is owned by {name!r}", hint=_owners_hint(report, key))
    first = next(action.owner for coalition in coalitions for action in coalition.actions if action.owner)
    return dataclasses.replace(report, coalitions=tuple(coalitions), owner=owner_label(first))


def _owners_hint(report: ActionsReport, key: str) -> str:
    """The owners a mistyped name may mean (close in spelling, or holding its words), else some owners."""
    import difflib

    names: dict[str, str] = {}
    for action in report.actions:
        if action.owner:
            names.setdefault(owner_key(action.owner), owner_label(action.owner))
    if not names:
        return "no action in these files has an owner yet"
    words = set(key.split())
    close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.6)
    close += [known for known in names if words and words <= set(known.split()) and known not in close]
    if close:
        return f"did you mean {' or '.join(repr(names[known]) for known in close[:3])}?"
    shown = sorted(names.values(), key=str.casefold)
    more = f" and {len(shown) - 8} more" if len(shown) > 8 else ""
    return f"the owners are {', '.join(shown[:8])}{more}"


def _in_brief(item: FileOutcome[NetworkEntry]) -> str:
    # the network's modules are the `actions` command's, not the plan's (which reads this module's register)
    from coalition_cli.core.reports.network.entries import in_brief

    return in_brief(item)


def build_actions(
    files: Sequence[FileOutcome[NetworkEntry]], *, as_of: dt.date, later: tuple[NetworkEntry, ...] = ()
) -> ActionsReport:
    """The register of every coalition in the files (`later`: those left out as dated after a day
    given with `--as-of`, `entries.made_by_day`). Raises UsageError (or InvalidFileError) when no
    file is a valid assessment."""
    from coalition_cli.core.reports.network.coalitions import by_coalition
    from coalition_cli.core.reports.network.entries import left_out

    valid = [item.value for item in files if item.value is not None]
    if not valid:
        invalid = [item.file for item in files if left_out(item)]
        if invalid:
            raise InvalidFileError(
                f"no valid assessment: {plural(len(invalid), 'file')} with problems ({', '.join(invalid[:10])})",
                problems=[],
                hint="run `coalition validate` on them to see the problems",
            )
        raise UsageError(
            f"no assessment files found ({plural(len(files), 'YAML file')} looked at)",
            hint="give assessment files, or folders that hold them",
        )
    grouped = by_coalition(valid)
    unresolved = tuple(
        latest for group in grouped if (latest := group.unresolved) is not None and not latest.raters_only
    )
    left = {item.coalition for item in unresolved}
    return ActionsReport(
        as_of=as_of,
        coalitions=tuple(
            _register(group, as_of) for group in grouped if group.name not in left and group.terms
        ),
        files=len(files),
        skipped=sum(item.skipped for item in files),
        invalid=tuple(item for item in files if left_out(item)),
        same_date=tuple(item for group in grouped for item in group.same_date),
        unresolved=unresolved,
        assessments=len(valid),
        raters_set_aside=sum(len(group.raters) for group in grouped),
        later=later,
    )


def _register(group: CoalitionFiles[NetworkEntry], as_of: dt.date) -> CoalitionRegister:
    profile = next((entry.profile for entry in reversed(group.terms) if entry.profile is not None), None)
    framework = load_framework(Counter(entry.framework_key for entry in group.terms).most_common(1)[0][0])
    return coalition_register(
        group.name,
        [TermActions.of(entry, coalition=group.name) for entry in group.terms],
        as_of,
        members=profile.members if profile is not None else (),
        names={indicator.id: indicator.name for indicator in framework.indicators},
        participants=[person for entry in reversed(group.terms) for person in entry.participants],
    )
