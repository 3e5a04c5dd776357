"""Action owners in a public plan, as a reviewer's coordinator added them between meetings: an owner
close to a participant's name, one promised by email who is nobody the files list, and one person's
actions written with his organization in full and by its initials. None of their names is printed;
each is shown by the organization it names, written one way; the terminal says what it withheld."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.paths import ROOT
from tests.support.plan import plan, riverside_with_actions

ADDED = [
    ("C4.2", "Propose three process metrics to steering", "Maria Lopes", "2027-01-21"),
    ("C4.1", "Draft the dashboard spec", "Lena Ortiz", "2027-02-01"),
    ("C1.3", "Write a sustainability plan", "Tom Becker (WDB)", "2027-06-30"),  # first in the file
    (
        "C6.3",
        "Run the post-internship survey",
        "Tom Becker (Riverside Workforce Development Board)",
        "2026-09-15",
    ),
]


@pytest.fixture(scope="module")
def riverside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Riverside example's spring term, with the reviewer's four actions added by `rate`."""
    return riverside_with_actions(tmp_path_factory.mktemp("riverside"), ADDED)


def _plan(folder: Path, *extra: str) -> tuple[str, str]:
    result = plan(
        folder / "2026-03-spring.yaml",
        "--since",
        folder / "2025-09-fall.yaml",
        "--audience",
        "public",
        *extra,
    )
    assert result.exit_code == 0, result.output
    return result.stdout, " ".join(result.stderr.split())


@pytest.mark.parametrize("extra", [(), ("--brief",), ("--format", "html", "-o", "-")])
def test_no_owner_is_printed_by_name_and_none_by_half_a_name(riverside: Path, extra: tuple[str, ...]) -> None:
    text, _ = _plan(riverside, *extra)
    for name in ("Lopes", "Lena", "Ortiz", "Tom", "Becker"):
        assert name not in text, name
    assert "] Lopes" not in text  # "[a representative of …] Lopes": a first name replaced inside another
    assert "name withheld" in text


def test_one_organization_is_written_one_way(riverside: Path) -> None:
    """Tom Becker's actions, "(WDB)" and "(Riverside Workforce Development Board)", are both the
    member's: the public owner table counts them together under its name."""
    text, _ = _plan(riverside)
    rows = [
        line
        for line in text.splitlines()
        if line.startswith("|")
        and ("Run the post-internship survey" in line or "Write a sustainability plan" in line)
    ]
    assert len(rows) >= 2, rows
    assert all("| Riverside Workforce Development Board |" in row for row in rows), rows
    owners = re.findall(r"^\| (WDB|Riverside Workforce Development Board) \| (\d+) of", text, re.M)
    assert [owner for owner, _ in owners] == ["Riverside Workforce Development Board"], owners


def test_the_terminal_names_the_owners_withheld_and_says_how_to_show_them(riverside: Path) -> None:
    _, said = _plan(riverside)
    assert "Read the evidence" in said
    assert "as “[name withheld]”" in said
    assert "Maria Lopes" in said and "Lena Ortiz" in said
    assert "write it in brackets after the owner in the file" in said


def test_owners_shown_by_their_brackets_are_among_what_to_read(tmp_path: Path) -> None:
    for name in ("2026-03-spring.yaml", "coalition.yaml"):
        (tmp_path / name).write_bytes((ROOT / "examples" / "riverside" / name).read_bytes())
    spring = tmp_path / "2026-03-spring.yaml"
    args = ["rate", str(spring), "C4.1", "--action", "Draft it", "--owner", "Lena Ortiz (Lena's team)"]
    assert CliRunner().invoke(app, args).exit_code == 0
    result = plan(spring, "--audience", "public", "-o", "-")
    said = " ".join(result.stderr.split())
    assert "the action owners shown as their brackets write them (Lena's team; Arroyo Data Systems)" in said
    assert "Read the evidence" not in plan(spring, "-o", "-").stderr  # the coalition's own plan
