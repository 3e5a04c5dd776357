"""Dates as people type them, and what to tell them when a file's date is not written its way.

A file holds a date one way only: year-month-day with four, two and two digits (`2026-03-14`: what
YAML reads as a date and what sorts right), and `parse_iso_date` (model/assessment.py) reads nothing
else. A person typing at a prompt or on the command line may leave out the leading zero of a month or
a day (`2026-3-14`): `typed_day` reads that too, and the date goes into the file in the file's form.
When a file holds such a date, `two_digits_advice` says which two-digit form to write instead; when
it holds one written year-month-day that does not exist (`2026-05-32`), `no_such_date` says why.

Kept free of heavy imports: the models' date validator and the prompts both use it.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from coalition_cli.core.wording import MONTHS


@cache
def _typed() -> re.Pattern[str]:
    """Year-month-day as a person types it: four digits for the year, one or two for the month and day."""
    return re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


def typed_day(text: str) -> dt.date:
    """A date typed year-month-day, the month and day with one digit or two (`2026-3-14`, `2026-03-14`).

    Raises ValueError for anything else, a date that does not exist included (`2026-02-30`)."""
    stripped = text.strip()
    found = _typed().fullmatch(stripped)
    if found is None:
        raise ValueError(f"{stripped!r} is not a date")
    year, month, day = (int(part) for part in found.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{stripped!r} is not a date") from None


def two_digit_form(text: str) -> str | None:
    """The file's form of a real date typed with a one-digit month or day (`2026-3-14` gives
    `2026-03-14`); None for anything else, a date already in the file's form included."""
    try:
        day = typed_day(text)
    except ValueError:
        return None
    written = day.isoformat()
    return written if written != text.strip() else None


def two_digits_advice(text: str) -> str | None:
    """What to tell someone whose file holds a real date with a one-digit month or day, which the
    file's form refuses: the same date in that form; or a date written on paper's way (`3/15/2027`),
    the dates it can be in the file's form. None when something else is wrong."""
    fixed = two_digit_form(text)
    if fixed is not None:
        return f"write the month and day with two digits: {fixed}"
    meant = paper_dates(text)
    return f"write it {meant}" if meant is not None else None


@cache
def _paper() -> re.Pattern[str]:
    """A date as people write it on paper, month and day before the year (`3/15/2027`, `15.03.2027`)."""
    return re.compile(r"([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{4})")


def paper_dates(text: str) -> str | None:
    """The dates a paper date can be, in the file's form: `3/15/2027` only 15 March ("2027-03-15");
    `3/4/2027` 4 March in the US and 3 April elsewhere, so both, for the writer to pick ("2027-03-04
    for 4 March, or 2027-04-03 for 3 April"). None when it is no such date."""
    found = _paper().fullmatch(text.strip())
    if found is None:
        return None
    first, second, year = (int(part) for part in found.groups())
    readings: list[dt.date] = []
    for month, day in ((first, second), (second, first)):
        try:
            reading = dt.date(year, month, day)
        except ValueError:
            continue
        if reading not in readings:
            readings.append(reading)
    said = [f"{day.isoformat()} for {day.day} {MONTHS[day.month - 1]}" for day in readings]
    return readings[0].isoformat() if len(readings) == 1 else ", or ".join(said) or None


def no_such_date(text: str) -> str | None:
    """Why a date written year-month-day (the month and day with one digit or two) does not exist, in
    words: `May has no day 32`, `there is no month 13`. None when it exists, or is not written so:
    then the problem is how it is written, not which day it names."""
    found = _typed().fullmatch(text.strip())
    if found is None:
        return None
    import calendar  # only for a date that is wrong: not on a valid file's path

    year, month, day = (int(part) for part in found.groups())
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if year < dt.MINYEAR:
        return f"there is no year {year}"
    if 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    if day == 0:
        return "there is no day 0"
    if month == 2 and day == 29:
        return f"February {year} has no day 29 ({year} is not a leap year)"
    return f"{MONTHS[month - 1]} has no day {day}"


def date_option_or_today(text: str | None) -> dt.date:
    """A day given on the command line (`init --date`, `plan`, `summary` and `actions --as-of`), read
    as `typed_day` reads what a person types (`2026-3-14` too), else today.

    A bad date is a usage error (exit 2), worded for the command line."""
    from coalition_cli.core.errors import UsageError

    if text is None:
        return dt.date.today()
    try:
        return typed_day(text)
    except ValueError:
        meant = paper_dates(text)
        like = f": {meant}" if meant is not None else ", like 2026-03-14"
        raise UsageError(f"{text!r} is not a date: write it year-month-day{like}") from None
