"""`--stale-after`: lengths of time as people write them, counted back in calendar months."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition_cli.core.reports.network.periods import Period, parse_period


@pytest.mark.parametrize(
    ("text", "count", "unit", "words"),
    [
        ("12m", 12, "m", "12 months"),
        ("18m", 18, "m", "18 months"),
        ("1y", 1, "y", "1 year"),
        ("90d", 90, "d", "90 days"),
        (" 6 weeks ", 6, "w", "6 weeks"),
        ("2 Years", 2, "y", "2 years"),
        ("1 month", 1, "m", "1 month"),
    ],
)
def test_forms(text: str, count: int, unit: str, words: str) -> None:
    period = parse_period(text)
    assert (period.count, period.unit, str(period)) == (count, unit, words)


@pytest.mark.parametrize("text", ["", "12", "m", "0m", "-3m", "1.5y", "12mo x", "12 fortnights"])
def test_anything_else_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is not a length of time"):
        parse_period(text)


@pytest.mark.parametrize(
    ("period", "day", "before"),
    [
        (Period(12, "m"), dt.date(2026, 3, 14), dt.date(2025, 3, 14)),
        (Period(1, "y"), dt.date(2024, 2, 29), dt.date(2023, 2, 28)),
        (Period(1, "m"), dt.date(2026, 3, 31), dt.date(2026, 2, 28)),
        (Period(3, "m"), dt.date(2026, 1, 15), dt.date(2025, 10, 15)),
        (Period(90, "d"), dt.date(2026, 4, 20), dt.date(2026, 1, 20)),
        (Period(2, "w"), dt.date(2026, 4, 20), dt.date(2026, 4, 6)),
    ],
)
def test_calendar_arithmetic(period: Period, day: dt.date, before: dt.date) -> None:
    assert period.before(day) == before


@given(
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
    months=st.integers(min_value=1, max_value=240),
)
def test_months_back_land_on_the_same_day_or_the_months_last(day: dt.date, months: int) -> None:
    before = Period(months, "m").before(day)
    assert (day.year * 12 + day.month) - (before.year * 12 + before.month) == months
    assert before.day == day.day or (before.day < day.day and (before + dt.timedelta(days=1)).day == 1)


@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)), years=st.integers(1, 20))
def test_a_year_is_twelve_months(day: dt.date, years: int) -> None:
    assert Period(years, "y").before(day) == Period(12 * years, "m").before(day)
