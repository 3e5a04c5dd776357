"""Edges of `coalition validate` that mutations of the code once slipped past: what a folder walk
skips, and the cap of 100 problems a file (which must never change the exit status)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.custom_rubric import write_rubric
from tests.support.files import VALID_HEADER, located, write


def test_a_file_in_a_folder_with_ratings_but_no_framework_is_checked_and_fails(
    runner: CliRunner, tmp_path: Path
) -> None:
    write(tmp_path, "coalition: Riverside\nassessed_on: 2026-03-14\nratings:\n  C1.1:\n    stage: 2\n")
    result = runner.invoke(app, ["validate", "--format", "json", str(tmp_path)])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["summary"]["skipped"] == 0 and report["summary"]["files"] == 1
    assert [(p["line"], p["code"]) for p in report["problems"]] == [(1, "missing-key")]


def test_a_file_in_a_folder_with_a_framework_but_no_ratings_is_checked(
    runner: CliRunner, tmp_path: Path
) -> None:
    write(tmp_path, "framework: community-framework\n")
    result = runner.invoke(app, ["validate", "--format", "json", str(tmp_path)])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["skipped"] == 0


def _unrated(tmp_path: Path, count: int) -> Path:
    """An assessment of a rubric of `count` indicators, none rated: `count` warnings, nothing else."""
    write_rubric(tmp_path / "rubric.yaml", domains={"D": [f"D{n:03}" for n in range(count)]})
    return write(tmp_path, "framework: rubric.yaml\ncoalition: Riverside\nassessed_on: 2026-03-14\n")


@pytest.mark.parametrize(("count", "shown"), [(99, 99), (100, 100), (101, 101)])
def test_a_file_with_only_warnings_passes_however_many_there_are(
    runner: CliRunner, tmp_path: Path, count: int, shown: int
) -> None:
    result = runner.invoke(app, ["validate", "--format", "json", str(_unrated(tmp_path, count))])
    assert result.exit_code == 0, result.output
    problems = json.loads(result.stdout)["problems"]
    assert len(problems) == shown
    assert {p["severity"] for p in problems} == {"warning"}
    cut = [p for p in problems if p["code"] == "too-many-problems"]
    assert cut == ([] if count <= 100 else [cut[0]])
    if cut:
        assert cut[0]["message"] == "1 more problems not shown" and problems[-1] == cut[0]


@pytest.mark.parametrize("count", [100, 101])
def test_the_cap_counts_errors_as_errors(runner: CliRunner, tmp_path: Path, count: int) -> None:
    result = runner.invoke(app, ["validate", "--strict", "--format", "json", str(_unrated(tmp_path, count))])
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert len(problems) == min(count, 101)
    assert {p["severity"] for p in problems} == {"error"}
    assert [p["code"] for p in problems].count("too-many-problems") == (count > 100)


def test_an_error_beyond_the_cap_still_fails_the_file(runner: CliRunner, tmp_path: Path) -> None:
    """100 warnings shown, one error not: the line that counts the rest is an error."""
    path = _unrated(tmp_path, 100)
    path.write_text(path.read_text(encoding="utf-8") + "zz_unknown: 1\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert (problems[-1]["code"], problems[-1]["severity"]) == ("too-many-problems", "error")


def test_the_location_helper_reads_one_line() -> None:
    assert located(VALID_HEADER + "facilitater: Dana\n") == {(4, 1, "unknown-key")}
