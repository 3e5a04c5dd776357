"""Report tables on an 80-column terminal with a rubric whose stages are many and long-named: every
column stays, no value is cut (the bundled rubric's four short names fit without any of this)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.custom_rubric import write_rubric

STAGES = (
    "Awareness and initial conversations",
    "Exploration",
    "Early implementation",
    "Full implementation",
    "Sustainability",
    "Innovation & scale-up",
)


@pytest.fixture
def terms(tmp_path: Path) -> list[Path]:
    write_rubric(tmp_path / "six.yaml", stages=STAGES, domains={"D": ["D.1", "D.2", "D.10"]})
    written = []
    for date, stages in (("2026-03-01", (1, 2, 5)), ("2026-10-01", (6, 2, 4))):
        ratings = "".join(
            f"  {i}: {{stage: {s}}}\n" for i, s in zip(("D.1", "D.2", "D.10"), stages, strict=True)
        )
        path = tmp_path / f"{date}.yaml"
        path.write_text(
            f"framework: six.yaml\ncoalition: Lakeside\nassessed_on: {date}\nratings:\n{ratings}",
            encoding="utf-8",
        )
        written.append(path)
    return written


def _shown(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["--no-color", *args], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(map(cell_len, lines)) <= 80
    return result.stdout


def test_compare_wraps_long_stage_names_instead_of_cutting_them(runner: CliRunner, terms: list[Path]) -> None:
    out = _shown(runner, "compare", *map(str, terms))
    words = set(out.replace("\u2011", "-").split())  # a hyphen in a stage name is kept from breaking
    assert {"Indicator", "Name", "Change"} <= words  # every column, its header whole
    shown = [STAGES[number - 1] for number in (1, 2, 4, 5, 6)]  # the stages of the two terms
    assert all(word in words for stage in shown for word in stage.split())  # wrapped between words
    assert "▲ +5" in out and "no change" in out


def test_summary_numbers_the_stage_columns_when_their_names_do_not_fit(
    runner: CliRunner, terms: list[Path]
) -> None:
    out = _shown(runner, "summary", *map(str, terms))
    header = next(
        line for line in out.splitlines() if line.lstrip().startswith("Indicator") and " 6 " in line
    )
    assert header.split()[1:] == ["1", "2", "3", "4", "5", "6", "rated", "Average"]  # "Not" on the line above
    key = out[out.index("Key: a score's stage") :]
    assert "Innovation" in key  # the last column of the key is kept, not cut off
