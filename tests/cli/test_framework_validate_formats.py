"""`coalition framework validate --format`: a rubric's problems in each of `coalition validate`'s formats.

A rubric with a problem gives, in every format, what validate gives for a file with one (its
file:line:col, exit 1); a valid rubric exits 0 and gives the format's clean report (the same as
validate's for a clean file); a rubric that cannot be read is exit 2. The text format is unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.custom_rubric import write_rubric
from tests.support.files import VALID_HEADER, full_ratings

FORMATS = ("text", "github", "json", "junit", "sarif")

RUBRIC = "rubric.yaml"
LINE, COLUMN = 11, 14
"""Where the second `D-a` of the rubric `_twice` writes is: its repeated id."""

OUTSIDE_ACTIONS: Mapping[str, str | None] = {"GITHUB_ACTIONS": None, "COLUMNS": "200"}
"""Run as on a person's computer, whatever runs the tests: the default format is then text."""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working folder, so the rubric is named as a person types it: `rubric.yaml`."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _twice(folder: Path) -> Path:
    """A rubric whose one problem is an indicator id used twice (duplicate-id, line 11)."""
    return write_rubric(folder / RUBRIC, domains={"D": ["D-a", "D-a"]}, rubric_id="twice")


def _valid(folder: Path) -> Path:
    return write_rubric(folder / RUBRIC)


def _run(runner: CliRunner, *args: str, env: Mapping[str, str | None] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--no-color", *args], env=env if env is not None else OUTSIDE_ACTIONS)
    return result.exit_code, result.stdout, result.stderr


def test_the_help_lists_the_formats_of_validate(runner: CliRunner) -> None:
    code, help_text, _ = _run(runner, "framework", "validate", "--help")
    assert code == 0
    assert "<text|github|json|junit|sarif>" in help_text
    assert "default: github inside GitHub Actions, else text" in " ".join(help_text.split())


def test_an_unknown_format_is_refused_with_the_list(runner: CliRunner, here: Path) -> None:
    _valid(here)
    result = runner.invoke(app, ["framework", "validate", "--format", "xml", RUBRIC], env=OUTSIDE_ACTIONS)
    assert result.exit_code == 2
    assert "'text', 'github', 'json', 'junit', 'sarif'" in " ".join(result.output.split())


def test_text_shows_the_problem_where_it_is(runner: CliRunner, here: Path) -> None:
    _twice(here)
    code, out, _ = _run(runner, "framework", "validate", "--format", "text", RUBRIC)
    assert code == 1
    assert out.startswith(f"{RUBRIC}:{LINE}:{COLUMN}: error the id 'D-a' is used twice")
    assert "[duplicate-id]" in out
    assert f"✗ {RUBRIC}: 1 problem; this is not a usable framework" in out


def test_github_gives_an_error_annotation_at_the_problem(runner: CliRunner, here: Path) -> None:
    _twice(here)
    code, out, err = _run(runner, "framework", "validate", "--format", "github", RUBRIC)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"::error file={RUBRIC},line={LINE},col={COLUMN},title=duplicate-id::")
    assert "the id 'D-a' is used twice" in lines[0]
    assert err == "✗ 1 file checked, 0 valid, 1 error\n"


def test_json_names_the_rubric_and_the_problem(runner: CliRunner, here: Path) -> None:
    _twice(here)
    code, out, _ = _run(runner, "framework", "validate", "--format", "json", RUBRIC)
    assert code == 1
    document = json.loads(out)
    assert document["version"] == 1
    assert document["summary"] == {
        "files": 1,
        "valid": 0,
        "errors": 1,
        "warnings": 0,
        "skipped": 0,
        "suppressed": 0,
        "excluded": 0,
    }
    [problem] = document["problems"]
    assert (problem["file"], problem["line"], problem["column"]) == (RUBRIC, LINE, COLUMN)
    assert (problem["severity"], problem["code"]) == ("error", "duplicate-id")


def test_json_names_a_rubric_given_by_its_full_path_so(runner: CliRunner, tmp_path: Path) -> None:
    path = _twice(tmp_path)
    code, out, _ = _run(runner, "framework", "validate", "--format", "json", str(path))
    assert code == 1
    assert [problem["file"] for problem in json.loads(out)["problems"]] == [str(path)]


def test_junit_is_well_formed_xml_with_a_failing_case_for_the_rubric(runner: CliRunner, here: Path) -> None:
    _twice(here)
    code, out, _ = _run(runner, "framework", "validate", "--format", "junit", RUBRIC)
    assert code == 1
    root = ElementTree.fromstring(out)
    assert root.get("failures") == "1"
    [case] = root.iter("testcase")
    assert case.get("name") == RUBRIC
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("type") == "duplicate-id"
    assert f"{RUBRIC}:{LINE}:{COLUMN}: error the id 'D-a' is used twice" in (failure.text or "")


def test_sarif_is_well_formed_with_a_result_at_the_problem(runner: CliRunner, here: Path) -> None:
    _twice(here)
    code, out, _ = _run(runner, "framework", "validate", "--format", "sarif", RUBRIC)
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    [result] = log["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("duplicate-id", "error")
    [location] = result["locations"]
    physical = location["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == RUBRIC
    assert physical["region"] == {"startLine": LINE, "startColumn": COLUMN}


@pytest.mark.parametrize("output", FORMATS)
def test_every_format_exits_1_and_gives_the_location(runner: CliRunner, here: Path, output: str) -> None:
    _twice(here)
    code, out, _ = _run(runner, "framework", "validate", "-f", output, RUBRIC)
    assert code == 1
    assert RUBRIC in out
    assert str(LINE) in out
    assert str(COLUMN) in out


def test_inside_github_actions_the_default_is_github(runner: CliRunner, here: Path) -> None:
    _twice(here)
    inside = {"GITHUB_ACTIONS": "true", "COLUMNS": "200"}
    code, out, _ = _run(runner, "framework", "validate", RUBRIC, env=inside)
    assert code == 1
    assert out.startswith(f"::error file={RUBRIC},line={LINE},col={COLUMN},title=duplicate-id::")
    code, out, _ = _run(runner, "framework", "validate", "--format", "text", RUBRIC, env=inside)
    assert code == 1
    assert out.startswith(f"{RUBRIC}:{LINE}:{COLUMN}: error ")


def test_outside_github_actions_the_default_is_text(runner: CliRunner, here: Path) -> None:
    _twice(here)
    code, out, _ = _run(runner, "framework", "validate", RUBRIC)
    assert code == 1
    assert out.startswith(f"{RUBRIC}:{LINE}:{COLUMN}: error ")


@pytest.mark.parametrize("output", FORMATS)
def test_a_valid_rubric_exits_0_in_every_format(runner: CliRunner, here: Path, output: str) -> None:
    _valid(here)
    code, _, _ = _run(runner, "framework", "validate", "--format", output, RUBRIC)
    assert code == 0


def test_a_valid_rubric_in_text_is_the_one_line_as_before(runner: CliRunner, here: Path) -> None:
    _valid(here)
    for args in (["--format", "text"], []):
        code, out, err = _run(runner, "framework", "validate", *args, RUBRIC)
        assert code == 0
        assert out == (
            f"✓ {RUBRIC}: framework 'one-domain' is valid: 1 domain, 2 indicators, 2 stages (1 Not yet, 2 Done)\n"
        )
        assert err == ""


@pytest.mark.parametrize("output", ["github", "json", "sarif"])
def test_a_valid_rubric_reads_as_validate_reads_a_clean_file(
    runner: CliRunner, here: Path, output: str
) -> None:
    _valid(here)
    (here / "clean.yaml").write_text(VALID_HEADER + full_ratings(), encoding="utf-8")
    clean = _run(runner, "validate", "--format", output, "clean.yaml")
    assert clean[0] == 0
    assert _run(runner, "framework", "validate", "--format", output, RUBRIC) == clean


def test_a_valid_rubric_in_junit_is_one_passing_case(runner: CliRunner, here: Path) -> None:
    _valid(here)
    code, out, _ = _run(runner, "framework", "validate", "--format", "junit", RUBRIC)
    assert code == 0
    root = ElementTree.fromstring(out)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "0", "0")
    [case] = root.iter("testcase")
    assert case.get("name") == RUBRIC
    assert list(case) == []


@pytest.mark.parametrize("output", ["github", "json", "junit", "sarif"])
@pytest.mark.parametrize("given", ["missing.yaml", "folder"])
def test_a_rubric_that_cannot_be_read_is_exit_2_and_said_in_the_format(
    runner: CliRunner, here: Path, output: str, given: str
) -> None:
    (here / "folder").mkdir()
    code, out, _ = _run(runner, "framework", "validate", "--format", output, given)
    assert code == 2
    assert "unreadable" in out
    assert given in out
    if output in ("json", "sarif"):
        json.loads(out)
    elif output == "junit":
        [case] = ElementTree.fromstring(out).iter("testcase")
        assert case.find("error") is not None


@pytest.mark.parametrize("given", ["missing.yaml", "folder"])
def test_a_rubric_that_cannot_be_read_is_exit_2_in_text_as_before(
    runner: CliRunner, here: Path, given: str
) -> None:
    (here / "folder").mkdir()
    code, out, err = _run(runner, "framework", "validate", given)
    assert code == 2
    assert out == ""
    assert err.startswith("error: ")
    assert given in err


def test_problems_past_the_hundred_listed_are_counted(runner: CliRunner, here: Path) -> None:
    # 149 ids used twice: 100 are listed, then one line counts the rest; the totals count them all
    write_rubric(here / RUBRIC, domains={"D": ["D-a"] * 150}, rubric_id="many")
    code, out, _ = _run(runner, "framework", "validate", "--format", "json", RUBRIC)
    assert code == 1
    report = json.loads(out)
    assert report["summary"]["errors"] == 149
    code, out, _ = _run(runner, "framework", "validate", RUBRIC)
    assert code == 1
    assert "49 more problems not shown" in out
    assert f"{RUBRIC}: 149 problems; this is not a usable framework" in " ".join(out.split())
