"""A network's files grouped into coalitions, and each coalition's files into terms.

- A coalition is known by its `coalition:` name, ignoring case and spacing.
- **Raters' files are set aside.** A file that is one rater's (`entries.one_raters_file`: at most one
  participant, and a facilitator or that participant named) is set aside when the coalition has a
  file that is not one rater's dated the same day or up to a month after it: the consensus the raters
  fed. A rater's file with no such consensus is the coalition's own record of that term.
- **One file per date.** When two or more files of a coalition that are not set aside share a date,
  nothing tells which one is the coalition's assessment: they are reported (`SameDate`), never chosen
  between by file name, and that date is left out of the coalition's terms. When that is the
  coalition's latest date, its current standing is unknown (`CoalitionFiles.unresolved`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from coalition_cli.core.frozen import frozen
from coalition_cli.core.wording import coalition_key, long_date, plural

RATERS_BEFORE_DAYS = 31
"""How long before a consensus raters' files may be dated (as `consensus` warns past a month)."""


class Dated(Protocol):
    """What grouping needs of a file: its name, coalition and date, and whether it is one rater's."""

    @property
    def file(self) -> str: ...
    @property
    def coalition(self) -> str: ...
    @property
    def assessed_on(self) -> dt.date: ...
    @property
    def one_rater(self) -> bool: ...


E = TypeVar("E", bound=Dated)


@frozen(kw_only=True)
class SameDate:
    """Files of one coalition and one date that cannot be told apart."""

    coalition: str
    assessed_on: dt.date
    files: tuple[str, ...]
    raters_only: bool
    """Every one of them is one rater's: the consensus has not been written yet."""

    def data(self, *, left_out: bool) -> dict[str, object]:
        """As `summary` and `actions` print it in JSON; `left_out`: the coalition is left out for it."""
        return {
            "coalition": self.coalition,
            "assessed_on": self.assessed_on.isoformat(),
            "files": list(self.files),
            "raters_only": self.raters_only,
            "left_out": left_out,
        }

    def message(self) -> str:
        """What to do, for the terminal: the files, and the command that sorts them out."""
        listed = ", ".join(self.files)
        if self.raters_only:
            return (
                f"{self.coalition}: {plural(len(self.files), 'rater')}' files dated {self.assessed_on.isoformat()} "
                f"and no consensus file ({listed}); write it with `coalition consensus … -o`"
            )
        return (
            f"{self.coalition}: {len(self.files)} files dated {self.assessed_on.isoformat()} ({listed}); "
            "keep one assessment per date, or move the others out of the folder"
        )

    def pending(self, *, left_out: bool) -> str:
        """What is pending, for a document's readers (no file, no command): `left_out`, the coalition
        is left out of the numbers until it is sorted out."""
        if self.raters_only:
            return (
                f"{plural(len(self.files), 'rater')}' ratings, and their consensus not written yet "
                "(the coalition's last assessment counts until then)"
            )
        return f"{len(self.files)} assessments on the same date, and one is to be kept" + (
            " (the coalition is left out until then)" if left_out else ""
        )

    def for_readers(self, *, left_out: bool) -> str:
        """`Lake Pathways 04, 12 March 2026: 2 assessments on one date: …` (see `pending`)."""
        return f"{self.coalition}, {long_date(self.assessed_on)}: {self.pending(left_out=left_out)}"


@frozen(kw_only=True)
class CoalitionFiles(Generic[E]):
    """One coalition's files: its terms (one file per date, oldest first) and what was set aside."""

    name: str
    """As the latest file writes it."""
    terms: tuple[E, ...]
    raters: tuple[E, ...]
    """Raters' files set aside beside a consensus."""
    same_date: tuple[SameDate, ...]

    @property
    def files(self) -> int:
        return len(self.terms) + len(self.raters) + sum(len(item.files) for item in self.same_date)

    @property
    def unresolved(self) -> SameDate | None:
        """The files of the coalition's latest date, when they cannot be told apart; else None."""
        latest = max(self.same_date, key=lambda item: item.assessed_on, default=None)
        if latest is None or (self.terms and self.terms[-1].assessed_on > latest.assessed_on):
            return None
        return latest


def by_coalition(entries: Sequence[E]) -> list[CoalitionFiles[E]]:
    """The files grouped by coalition (in order of their keys), each into terms."""
    groups: dict[str, list[E]] = defaultdict(list)
    for entry in entries:
        groups[coalition_key(entry.coalition)].append(entry)
    return [_terms(groups[key]) for key in sorted(groups)]


def _terms(group: list[E]) -> CoalitionFiles[E]:
    consensus_dates = [entry.assessed_on for entry in group if not entry.one_rater]

    def beside_consensus(entry: E) -> bool:
        return any(0 <= (day - entry.assessed_on).days <= RATERS_BEFORE_DAYS for day in consensus_dates)

    raters = [entry for entry in group if entry.one_rater and beside_consensus(entry)]
    set_aside = {id(entry) for entry in raters}
    by_date: dict[dt.date, list[E]] = defaultdict(list)
    for entry in group:
        if id(entry) not in set_aside:
            by_date[entry.assessed_on].append(entry)
    terms: list[E] = []
    same_date: list[SameDate] = []
    latest = max(group, key=lambda entry: (entry.assessed_on, entry.file))
    for day in sorted(by_date):
        files = sorted(by_date[day], key=lambda entry: entry.file)
        if len(files) == 1:
            terms.append(files[0])
        else:
            same_date.append(
                SameDate(
                    coalition=latest.coalition,
                    assessed_on=day,
                    files=tuple(entry.file for entry in files),
                    raters_only=all(entry.one_rater for entry in files),
                )
            )
    return CoalitionFiles(
        name=latest.coalition,
        terms=tuple(terms),
        raters=tuple(sorted(raters, key=lambda entry: (entry.assessed_on, entry.file))),
        same_date=tuple(same_date),
    )
