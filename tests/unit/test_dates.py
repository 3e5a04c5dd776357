"""Two date rules: a file's (`assessment.parse_iso_date`: four, two and two digits, nothing else), and
what a person types at a prompt or on the command line (`dates.typed_day`: the same, or a one-digit
month or day), which is written back in the file's form."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core import dates, session
from coalition_cli.core.dates import no_such_date, paper_dates, two_digit_form, two_digits_advice, typed_day
from coalition_cli.core.errors import UsageError
from coalition_cli.core.model.assessment import Action, parse_iso_date
from coalition_cli.core.model.base import validated

# date.fromisoformat on Python 3.11 takes all of these; neither rule takes any of them.
NOT_YEAR_MONTH_DAY = ["20260314", "2026-W11-6", "2026-073", "2026-03-14T10:00", "２０２６-03-14", "26-3-14"]
IMPOSSIBLE = ["2026-02-30", "2026-13-01", "2026-2-30", "2026-003-14", "soon", "14/13/2026"]
ONE_DIGIT = {
    "2026-3-14": dt.date(2026, 3, 14),
    "2026-03-4": dt.date(2026, 3, 4),
    " 2026-1-1 ": dt.date(2026, 1, 1),
}


def test_a_file_date_is_year_month_day_and_nothing_else() -> None:
    assert parse_iso_date(" 2026-03-14 ") == dt.date(2026, 3, 14)
    for text in NOT_YEAR_MONTH_DAY + IMPOSSIBLE + list(ONE_DIGIT):
        with pytest.raises(ValueError):
            parse_iso_date(text)


@pytest.mark.parametrize("text", NOT_YEAR_MONTH_DAY + IMPOSSIBLE)
def test_every_place_that_reads_a_date_refuses_the_same_text(text: str) -> None:
    with pytest.raises(UsageError, match="not a date"):
        dates.date_option_or_today(text)
    with pytest.raises(ValueError, match="year-month-day"):
        session.typed_date(text)
    reason = no_such_date(text)
    said = "year-month-day, like 2026-03-14" if reason is None else f"is not a date: {reason}"
    with pytest.raises(ValidationError, match=re.escape(said)):
        validated(Action, {"action": "Meet", "due": text})


NO_SUCH_DAY = {
    "2026-05-32": "May has no day 32",
    "2026-02-30": "February has no day 30",
    "2026-04-31": "April has no day 31",
    "2026-4-31": "April has no day 31",
    "2026-02-29": "February 2026 has no day 29 (2026 is not a leap year)",
    "2100-02-29": "February 2100 has no day 29 (2100 is not a leap year)",
    "2026-13-01": "there is no month 13",
    "2026-00-10": "there is no month 0",
    "2026-04-00": "there is no day 0",
    "0000-01-01": "there is no year 0",
}


@pytest.mark.parametrize(("text", "reason"), NO_SUCH_DAY.items())
def test_a_date_written_year_month_day_that_does_not_exist_is_said_why(text: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(f"'{text}' is not a date: {reason}")):
        validated(Action, {"action": "Meet", "due": text})


@pytest.mark.parametrize(
    "text", ["2024-02-29", "2000-02-29", "2026-12-31", "soon", "2026-003-14", "14/03/2026"]
)
def test_only_a_day_that_does_not_exist_has_a_reason(text: str) -> None:
    assert no_such_date(text) is None


def test_every_place_that_reads_a_date_accepts_the_same_text() -> None:
    day = dt.date(2026, 3, 14)
    assert dates.date_option_or_today("2026-03-14") == session.typed_date("2026-03-14") == day
    assert validated(Action, {"action": "Meet", "due": "2026-03-14"}).due == day


@pytest.mark.parametrize(("text", "day"), ONE_DIGIT.items())
def test_a_person_may_leave_out_a_leading_zero_and_a_file_is_told_where(text: str, day: dt.date) -> None:
    assert dates.date_option_or_today(text) == session.typed_date(text) == typed_day(text) == day
    with pytest.raises(ValidationError, match=f"write the month and day with two digits: {day.isoformat()}"):
        validated(Action, {"action": "Meet", "due": text})


def test_what_an_empty_answer_means_is_said() -> None:
    with pytest.raises(ValueError, match=r"or leave it empty for today \(2026-12-02\)\.$"):
        session.typed_date("2026-3-32", when_empty=" for today (2026-12-02)")
    with pytest.raises(ValueError, match=r"like 2026-06-30, or leave it empty for no due date\.$"):
        session.typed_due("June")
    assert session.typed_due("  ") is None


def test_only_a_real_date_with_a_one_digit_part_gets_the_two_digit_advice() -> None:
    assert two_digits_advice("2026-3-14") == "write the month and day with two digits: 2026-03-14"
    for text in ["2026-03-14", "2026-2-30", "2026-02-30", "soon", "", "2026-3-14x"]:
        assert two_digits_advice(text) is None


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1000, 1, 1)), st.booleans(), st.booleans())
def test_a_typed_date_is_read_with_or_without_leading_zeros(
    day: dt.date, pad_month: bool, pad_day: bool
) -> None:
    text = f"{day.year:04d}-{day.month:0{2 if pad_month else 1}d}-{day.day:0{2 if pad_day else 1}d}"
    assert typed_day(text) == day
    assert parse_iso_date(day.isoformat()) == day  # the form it is written in is the file's
    assert two_digit_form(text) == (None if text == day.isoformat() else day.isoformat())


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"\A\s?[0-9]{3,5}-[0-9]{1,3}-[0-9]{1,3}\s?\Z") | st.text(max_size=14))
def test_typing_takes_every_date_a_file_may_hold_and_only_real_dates(text: str) -> None:
    try:
        typed = typed_day(text)
    except ValueError:
        typed = None
    try:
        strict = parse_iso_date(text)
    except ValueError:
        strict = None
    if strict is not None:
        assert typed == strict
    if typed is not None:
        assert parse_iso_date(typed.isoformat()) == typed
        assert typed.isoformat() == text.strip() or two_digit_form(text) == typed.isoformat()


def test_init_refuses_a_date_without_dashes(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "a.yaml"), "--coalition", "X", "--date", "20260314"])
    assert result.exit_code == 2
    assert "not a date" in result.output
    assert not (tmp_path / "a.yaml").exists()


def test_init_takes_a_one_digit_month_and_writes_two(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    result = runner.invoke(app, ["init", str(path), "--coalition", "X", "--date", "2026-3-4"])
    assert result.exit_code == 0, result.output
    assert "assessed_on: 2026-03-04" in path.read_text()


PAPER = {
    "3/15/2027": "2027-03-15",  # the US order, the only one that is a date
    "15.03.2027": "2027-03-15",  # the European one
    "3/3/2027": "2027-03-03",
    "3/4/2027": "2027-03-04 for 4 March, or 2027-04-03 for 3 April",  # both are dates: both said
}


@pytest.mark.parametrize(("text", "meant"), PAPER.items())
def test_a_date_written_as_on_paper_is_refused_and_told_its_file_form(text: str, meant: str) -> None:
    """A coordinator typed `assessed_on: 3/15/2027`; the file's form is refused, but nothing else is
    possible for it, so it is said."""
    assert paper_dates(text) == meant
    with pytest.raises(ValidationError, match=re.escape(f"year-month-day; write it {meant} (got '{text}')")):
        validated(Action, {"action": "Meet", "due": text})
    with pytest.raises(ValueError, match=re.escape(f"Write it year-month-day: {meant}; or leave it empty.")):
        session.typed_date(text)
    with pytest.raises(UsageError, match=re.escape(f"write it year-month-day: {meant}")):
        dates.date_option_or_today(text)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from("/."))
def test_every_paper_date_is_told_as_the_day_it_names_and_its_swap_only_when_that_is_a_date(
    day: dt.date, separator: str
) -> None:
    said = paper_dates(f"{day.month}{separator}{day.day}{separator}{day.year:04d}")
    assert said is not None and said.startswith(day.isoformat())
    swapped = day.day <= 12 and day.day != day.month
    assert (", or " in said) == swapped


def test_what_is_no_paper_date_gets_no_reading() -> None:
    for text in ["13/13/2027", "2/30/2027", "3/15/27", "2027/3/15", "soon", ""]:
        assert paper_dates(text) is None
