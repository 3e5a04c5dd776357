"""A length of time as people write it on the command line: `--stale-after 12m`, `18m`, `1y`, `90d`, `6w`.

Months and years are calendar months counted back from a day (2026-03-31 less 1 month is 2026-02-28),
so "12m" before 14 March 2026 is 14 March 2025, not 360 or 365 days.
"""

from __future__ import annotations

import datetime as dt
import re

from coalition_cli.core.frozen import frozen

_PERIOD = re.compile(r"^\s*(\d{1,4})\s*(d|days?|w|weeks?|m|months?|y|years?)\s*$", re.IGNORECASE)
_WORDS = {"d": "day", "w": "week", "m": "month", "y": "year"}


@frozen
class Period:
    """A length of time written `90d`, `6w`, `3m` or `1y` (summary's `--since` and staleness)."""

    count: int
    unit: str
    """d, w, m or y."""

    def before(self, day: dt.date) -> dt.date:
        """The day this long before `day`."""
        if self.unit == "d":
            return day - dt.timedelta(days=self.count)
        if self.unit == "w":
            return day - dt.timedelta(weeks=self.count)
        months = self.count * (12 if self.unit == "y" else 1)
        year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
        month += 1
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        return dt.date(year, month, min(day.day, last))

    def __str__(self) -> str:
        word = _WORDS[self.unit]
        return f"{self.count} {word}{'' if self.count == 1 else 's'}"

    def last(self) -> str:
        """`the last year`, `the last 18 months`: "assessed in the last 1 year" is not how people say it."""
        return f"the last {_WORDS[self.unit]}" if self.count == 1 else f"the last {self}"


def parse_period(text: str) -> Period:
    """`12m` → 12 months; raises ValueError, worded for the command line, for anything else."""
    match = _PERIOD.match(text)
    if match is None or int(match.group(1)) == 0:
        raise ValueError(
            f"{text!r} is not a length of time: write a number and d, w, m or y, like 90d, 12m or 1y"
        )
    return Period(int(match.group(1)), match.group(2)[0].lower())
