"""What `actions` and `summary` show of the files goes through the same safety layer as every report:
an escape sequence in a coalition's name, an action, an owner or a file's name is shown escaped in
the terminal's tables, the CSV and the warnings, never run; a CSV cell never starts a formula; the
HTML page escapes markup; the plan's register too."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.support.files import full_ratings
from tests.support.scoring import run

TERMINAL = "\x1b]0;pwned\x07\x1b[2J"
FORMULA = '=HYPERLINK("https://evil.example")'


def _assessment(day: str, actions: list[tuple[str, str, str, str]], coalition: str) -> str:
    """An assessment of every indicator at stage 2, C1.1's actions as given (text, owner, due, status)."""
    ratings = full_ratings()
    lines = [
        f"      - action: {json.dumps(text)}\n        owner: {json.dumps(owner)}\n        due: {due}\n"
        f"        status: {status}\n"
        for text, owner, due, status in actions
    ]
    ratings = ratings.replace(
        "  C1.1:\n    stage: 2\n", "  C1.1:\n    stage: 2\n    actions:\n" + "".join(lines), 1
    )
    return (
        "framework: community-framework\n"
        f"coalition: {json.dumps(coalition)}\n"
        f"assessed_on: {day}\n"
        "participants:\n  - name: A\n  - name: B\n" + ratings
    )


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    coalition = "Riverside" + TERMINAL
    action = FORMULA + TERMINAL
    owner = "Dana" + TERMINAL
    fall = [
        (action, owner, "2025-12-01", "planned"),
        ("<script>alert(1)</script> gone" + TERMINAL, owner, "2025-12-02", "planned"),
    ]
    spring = [(action, owner, "2025-12-01", "in-progress")]
    (tmp_path / "fall.yaml").write_text(_assessment("2025-09-18", fall, coalition), encoding="utf-8")
    (tmp_path / "spring.yaml").write_text(_assessment("2026-03-14", spring, coalition), encoding="utf-8")
    # a second file of the same date, named with an escape sequence: a warning names it
    (tmp_path / ("copy" + TERMINAL + ".yaml")).write_text(
        _assessment("2026-03-14", spring, coalition).replace("  - name: B\n", "  - name: C\n"),
        encoding="utf-8",
    )
    return tmp_path


def _safe(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text, text
    assert "\\x1b]0;pwned" in text, "shown, escaped"


@pytest.mark.parametrize(
    "args",
    [["actions", "--as-of", "2026-04-20"], ["summary", "--as-of", "2026-04-20"]],
    ids=["actions", "summary"],
)
def test_the_tables_and_warnings_escape_what_the_files_say(hostile: Path, args: list[str]) -> None:
    result = run(args[0], hostile, *args[1:])
    assert result.exit_code == 1, result.output  # two files on one date
    _safe(result.stdout)
    _safe(result.stderr)  # the same-date warning names the files


def test_the_actions_table_escapes_after_the_two_files_are_sorted_out(hostile: Path) -> None:
    next(hostile.glob("copy*.yaml")).unlink()
    result = run("actions", hostile, "--as-of", "2026-04-20")
    assert result.exit_code == 0, result.output
    _safe(result.stdout)
    assert "vanished" in result.stdout and "carried over" in result.stdout


@pytest.mark.parametrize("command", ["actions", "summary"])
def test_csv_cells_neither_run_a_formula_nor_an_escape(hostile: Path, command: str) -> None:
    next(hostile.glob("copy*.yaml")).unlink()
    result = run(command, hostile, "--as-of", "2026-04-20", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout
    cells = [cell for row in csv.reader(io.StringIO(result.stdout[1:], newline="")) for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@"))], cells
    if command == "actions":
        assert "'" + FORMULA + "\\x1b]0;pwned\\x07\\x1b[2J" in cells


def test_the_page_and_the_plans_register_escape_markup(hostile: Path) -> None:
    next(hostile.glob("copy*.yaml")).unlink()
    page = run("summary", hostile, "--as-of", "2026-04-20", "--format", "html").stdout
    plan = run(
        "plan", hostile / "spring.yaml", "--since", hostile / "fall.yaml", "--format", "html", "-o", "-"
    ).stdout
    for html in (page, plan):
        assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; gone" in plan  # the register's action gone since fall
