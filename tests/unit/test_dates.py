"""One strict date rule (`assessment.parse_iso_date`) behind the file, `--date` and the prompts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core import session
from coalition_cli.core.editing import scaffold
from coalition_cli.core.errors import UsageError
from coalition_cli.core.model.assessment import Action, parse_iso_date

# date.fromisoformat on Python 3.11 takes all of these; the file format takes none of them.
NOT_YEAR_MONTH_DAY = ["20260314", "2026-W11-6", "2026-073", "2026-03-14T10:00", "２０２６-03-14", "2026-3-14"]
IMPOSSIBLE = ["2026-02-30", "2026-13-01", "soon", "14/03/2026"]


def test_a_date_is_year_month_day_and_nothing_else() -> None:
    assert parse_iso_date(" 2026-03-14 ") == dt.date(2026, 3, 14)
    for text in NOT_YEAR_MONTH_DAY + IMPOSSIBLE:
        with pytest.raises(ValueError):
            parse_iso_date(text)


@pytest.mark.parametrize("text", NOT_YEAR_MONTH_DAY + IMPOSSIBLE)
def test_every_place_that_reads_a_date_refuses_the_same_text(text: str) -> None:
    with pytest.raises(UsageError, match="not a date"):
        scaffold.date_option_or_today(text)
    with pytest.raises(ValueError, match="year-month-day"):
        session.typed_date(text)
    with pytest.raises(ValidationError, match="year-month-day"):
        Action(action="Meet", due=text)  # type: ignore[arg-type]


def test_every_place_that_reads_a_date_accepts_the_same_text() -> None:
    day = dt.date(2026, 3, 14)
    assert scaffold.date_option_or_today("2026-03-14") == session.typed_date("2026-03-14") == day
    assert Action(action="Meet", due="2026-03-14").due == day  # type: ignore[arg-type]


def test_init_refuses_a_date_without_dashes(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "a.yaml"), "--coalition", "X", "--date", "20260314"])
    assert result.exit_code == 2
    assert "not a date" in result.output
    assert not (tmp_path / "a.yaml").exists()
