"""The day a report is made as of (`--as-of DATE`), and the one rule about assessments dated after it.

A report as of a day counts only the assessments made by then: one dated after the day given is not
counted. `plan` reads one assessment, so such a day is refused; `summary` and `actions` read many (a
coalition's terms, a network) and leave out those dated after it, which the terminal names, so that
"what was overdue on 1 June" is answered from the files of 1 June and not from December's statuses;
a day before every one of their assessments is refused in the plan's words. Without `--as-of`
(today), a file dated later is read as it is (a plan says so).
"""

from __future__ import annotations

import datetime as dt

from coalition_cli.core.errors import UsageError


def made_by(assessed_on: dt.date, as_of: dt.date) -> bool:
    """True when an assessment of that date counts as of the day: it was made by then."""
    return assessed_on <= as_of


def before_assessment(as_of: dt.date, assessed_on: dt.date, *, what: str, every: bool = False) -> UsageError:
    """The usage error for a day before the assessment, or (`every`) before each of them, the earliest
    dated `assessed_on`; `what` is what is made ("a plan", "a register", "a summary")."""
    if every:
        where = f"every assessment (the earliest is dated {assessed_on.isoformat()})"
        day = "its first assessment"
    else:
        where = f"the assessment ({assessed_on.isoformat()})"
        day = "its assessment"
    return UsageError(
        f"--as-of {as_of.isoformat()} is before {where}: {what} is made on the day of {day} or later",
        hint="give a later day, or leave --as-of out for today",
    )
