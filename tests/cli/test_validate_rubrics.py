"""`coalition validate` checks a rubric as a rubric, as it checks a coalition profile as a profile.

A custom rubric kept in git beside the assessments (3 domains, 8 indicators, 5 stages here) is
checked by `validate`, named or found in a folder, and so by the pre-commit hook: with the checks and
the messages of `coalition framework validate`, in every format, with the same exit codes. Only
validate's own summary line differs from `framework validate`'s text format.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.custom_rubric import write_rubric
from tests.support.files import write

FORMATS = ("text", "json", "github", "sarif", "junit")

STAGES = ("Not started", "Beginning", "Building", "Established", "Sustaining")
DOMAINS = {"G": ["G1", "G2", "G3"], "Y": ["Y1", "Y2", "Y3"], "W": ["W1", "W2"]}

RUBRIC = "rubrics/youth-rubric.yaml"
PROBLEM = (
    f"{RUBRIC}:26:38: error indicator W2 has no descriptor for stage 5: every stage needs exactly one "
    "[missing-descriptor]"
)

OUTSIDE_ACTIONS: Mapping[str, str | None] = {"GITHUB_ACTIONS": None, "COLUMNS": "200"}

ASSESSMENT = """\
framework: ../rubrics/youth-rubric.yaml
coalition: Valley Youth Coalition
assessed_on: 2026-03-14
ratings:
""" + "".join(f"  {i}:\n    stage: 2\n" for ids in DOMAINS.values() for i in ids)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root as the working folder, with the rubric (valid) and an assessment using it."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    write_rubric(tmp_path / RUBRIC, stages=STAGES, domains=DOMAINS, title="Youth", rubric_id="valley-youth")
    (tmp_path / "assessments").mkdir()
    write(tmp_path / "assessments", ASSESSMENT, "2026-spring.yaml")
    return tmp_path


def _break(folder: Path) -> None:
    """Leave W2 without a descriptor for stage 5, as the reviewer did."""
    path = folder / RUBRIC
    text = path.read_text(encoding="utf-8")
    assert ", 5: Stage 5 of W2." in text
    path.write_text(text.replace(", 5: Stage 5 of W2.", ""), encoding="utf-8")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["--no-color", *args], env=OUTSIDE_ACTIONS)
    return result.exit_code, result.stdout, result.stderr


def test_a_rubric_named_is_checked_as_a_rubric(here: Path) -> None:
    _break(here)
    assert _run("framework", "validate", RUBRIC)[:2] == (
        1,
        f"{PROBLEM}\n✗ {RUBRIC}: 1 problem; this is not a usable framework\n",
    )
    # no assessment errors (missing assessed_on, unknown key 'stages' …), no note pointing elsewhere
    assert _run("validate", RUBRIC) == (1, f"{PROBLEM}\n", "✗ 1 file checked, 0 valid, 1 error\n")


@pytest.mark.parametrize("output", [f for f in FORMATS if f != "text"])
def test_every_format_prints_what_framework_validate_prints(here: Path, output: str) -> None:
    _break(here)
    expected = _run("framework", "validate", "--format", output, RUBRIC)
    assert expected[0] == 1
    assert _run("validate", "--format", output, RUBRIC) == expected
    assert _run("validate", "--skip-other-yaml", "--format", output, RUBRIC) == expected


@pytest.mark.parametrize("output", FORMATS)
def test_a_valid_rubric_is_a_valid_file(here: Path, output: str) -> None:
    code, _, _ = _run("validate", "--format", output, RUBRIC)
    assert code == 0
    if output != "text":
        assert _run("validate", "--format", output, RUBRIC) == _run(
            "framework", "validate", "--format", output, RUBRIC
        )
    assert _run("validate", RUBRIC) == (0, "", "✓ 1 file checked, 1 valid\n")


def test_a_rubric_found_in_a_folder_is_checked_and_counted(here: Path) -> None:
    assert _run("validate", ".") == (0, "", "✓ 2 files checked, 2 valid\n")
    _break(here)
    code, out, err = _run("validate", ".")
    assert code == 1
    assert out.splitlines()[-1] == PROBLEM
    assert err == "✗ 2 files checked, 0 valid, 2 errors\n"  # the assessment cannot use it either


def test_the_pre_commit_hook_checks_a_changed_rubric(here: Path) -> None:
    """pre-commit passes only the changed file, with --skip-other-yaml: a rubric is not 'other YAML'."""
    _break(here)
    assert _run("validate", "--skip-other-yaml", RUBRIC) == (
        1,
        f"{PROBLEM}\n",
        "✗ 1 file checked, 0 valid, 1 error\n",
    )


def test_a_rubric_that_does_not_parse_is_reported_in_a_folder(here: Path) -> None:
    path = here / RUBRIC
    path.write_text(path.read_text(encoding="utf-8").replace("domains:\n  - id: G", "domains:\n\t- id: G"))
    code, out, _ = _run("validate", "--skip-other-yaml", RUBRIC)
    expected_code, expected_out, _ = _run("framework", "validate", "--format", "text", RUBRIC)
    assert (code, out) == (expected_code, expected_out.partition("✗")[0])
    assert code == 1 and "[syntax]" in out
    assert _run("validate", "rubrics")[0] == 1


def test_a_rubric_given_to_a_report_is_refused_as_a_rubric(here: Path) -> None:
    code, _, err = _run("score", RUBRIC)
    assert code == 2
    assert f"error: {RUBRIC} is a rubric (stages, domains, indicators), not an assessment" in err
    assert f"`coalition framework show --framework {RUBRIC}`" in " ".join(err.split())


def test_a_valid_rubric_in_a_folder_is_skipped_by_summary_and_actions(here: Path) -> None:
    for command in ("summary", "actions"):
        code, _, err = _run(command, ".")
        assert code == 0, err
        assert "1 YAML file skipped" in err, err
        assert "youth-rubric" not in err


@pytest.mark.parametrize("where", [".", "assessments"])
def test_a_broken_rubric_is_named_as_typed_from_the_working_folder(
    here: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """The assessment says `framework: ../rubrics/…` (from its own folder); the message names the rubric
    once, from where the user is, and the command it gives runs from there."""
    _break(here)
    monkeypatch.chdir(here / where)
    rubric = str(Path(os.path.relpath(here / RUBRIC)))
    assessment = os.path.relpath(here / "assessments" / "2026-spring.yaml")
    code, out, _ = _run("validate", assessment)
    assert code == 1
    assert out == (
        f"{assessment}:1:12: error {rubric} is not a valid framework: run `coalition framework validate "
        f"{rubric}` to see its 1 problem; indicator ids and stages are checked once the framework is found "
        "[invalid-framework]\n"
    )
    assert _run("framework", "validate", rubric)[:2] == (
        1,
        f"{PROBLEM.replace(RUBRIC, rubric)}\n✗ {rubric}: 1 problem; this is not a usable framework\n",
    )
