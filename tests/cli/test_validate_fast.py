"""validate's fast path (cli/validation/fast_path.py), seen from outside: a clean file is answered before
Typer and Pydantic load, with exactly the output of the full command; anything else goes to it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coalition_cli.cli.output.problems import ProblemFormat
from coalition_cli.cli.validation.fast_path import MAX_PROOFS, parse
from tests.support.assessment_edits import clean_document, yaml_text

FULL_COMMAND = "from coalition_cli.cli.app import app; app(prog_name='coalition')"
"""What the launcher runs when the fast path steps aside: the Typer app, all of it."""

LAUNCHER = "from coalition_cli.cli.launch import main; main()"

PROBE = """
import sys
from coalition_cli.cli.launch import main
try:
    main()
finally:
    loaded = [name for name in ("typer", "pydantic", "rich", "jinja2") if name in sys.modules]
    sys.stderr.write("loaded: " + ",".join(loaded) + "\\n")
"""


def _python(code: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=60
    )


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.yaml"
    path.write_text(yaml_text(clean_document()), encoding="utf-8")
    return path


@pytest.fixture
def unrated(tmp_path: Path) -> Path:
    document = clean_document()
    del document["ratings"]["C7.2"]
    path = tmp_path / "unrated.yaml"
    path.write_text(yaml_text(document), encoding="utf-8")
    return path


def test_a_clean_file_is_answered_without_typer_or_pydantic(clean: Path) -> None:
    result = _python(PROBE, "validate", str(clean), cwd=clean.parent)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "✓ 1 file checked, 1 valid\nloaded: \n"


def test_a_file_with_a_warning_is_checked_by_the_models_without_typer(unrated: Path) -> None:
    result = _python(PROBE, "validate", str(unrated), cwd=unrated.parent)
    assert result.returncode == 0, result.stderr
    assert "warning C7.2 Shared Messaging is not rated yet [not-rated]" in result.stdout
    assert result.stderr.endswith("loaded: pydantic\n")


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{clean}"],
        ["validate", "{clean}", "{clean}"],
        ["validate", "--strict", "{clean}"],
        ["validate", "{clean}", "--format", "json"],
        ["validate", "--format=github", "{clean}"],
        ["validate", "-f", "json", "--skip-other-yaml", "{clean}"],
        ["--no-color", "validate", "{clean}"],
        ["validate", "{clean}", "--no-color"],
    ],
)
def test_the_fast_path_prints_what_the_full_command_prints(clean: Path, args: list[str]) -> None:
    argv = [arg.format(clean=clean.name) for arg in args]
    fast = _python(PROBE, *argv, cwd=clean.parent)
    full = _python(FULL_COMMAND, *argv, cwd=clean.parent)
    assert fast.stderr.endswith("loaded: \n"), fast.stderr  # the fast path did answer
    assert (fast.returncode, fast.stdout, fast.stderr.removesuffix("loaded: \n")) == (
        full.returncode,
        full.stdout,
        full.stderr,
    )


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    document = clean_document()
    document["assessed_on"] = "2026-02-30"
    document["ratings"]["C1.1"]["stage"] = "Emergin"
    path = tmp_path / "broken.yaml"
    path.write_text(yaml_text(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{clean}", "{unrated}"],  # one file it cannot prove clean: the models check all
        ["validate", "--strict", "{unrated}"],
        ["validate", "{broken}", "--format", "json"],
        ["validate", "-f", "github", "{broken}", "{clean}"],
        ["validate", "{broken}", "--no-color"],
        ["validate", "{folder}"],  # folders are walked
        ["validate", "{clean}", "missing.yaml"],
        ["validate", "--format", "xml", "{clean}"],
        ["validate", "--framework", "community-framework", "{clean}"],
        ["validate"],
    ],
)
def test_files_not_proven_clean_and_other_command_lines_read_as_the_full_command(
    clean: Path, unrated: Path, broken: Path, args: list[str]
) -> None:
    argv = [
        arg.format(clean=clean.name, unrated=unrated.name, broken=broken.name, folder=".") for arg in args
    ]
    launched = _python(LAUNCHER, *argv, cwd=clean.parent)
    full = _python(FULL_COMMAND, *argv, cwd=clean.parent)
    assert (launched.returncode, launched.stdout, launched.stderr) == (
        full.returncode,
        full.stdout,
        full.stderr,
    )


@pytest.mark.parametrize(
    ("argv", "files", "output", "no_color"),
    [
        (["validate", "a.yaml"], ["a.yaml"], None, False),
        (["--no-color", "validate", "a.yaml", "b.yml"], ["a.yaml", "b.yml"], None, True),
        (["validate", "-f", "github", "a.yaml", "--strict"], ["a.yaml"], ProblemFormat.github, False),
        (["validate", "--format=json", "a.yaml"], ["a.yaml"], ProblemFormat.json, False),
    ],
)
def test_plain_command_lines_are_understood(
    argv: list[str], files: list[str], output: ProblemFormat | None, no_color: bool
) -> None:
    request = parse(argv)
    assert request is not None
    assert (request.files, request.output, request.no_color) == ([Path(f) for f in files], output, no_color)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["score", "a.yaml"],
        ["validate"],
        ["validate", "--help"],
        ["validate", "-h"],
        ["validate", "--jobs", "2", "a.yaml"],
        ["validate", "-j2", "a.yaml"],
        ["validate", "--framework", "x", "a.yaml"],
        ["validate", "--", "a.yaml"],
        ["validate", "--format", "json", "--format", "text", "a.yaml"],
        ["validate", "--format", "JSON", "a.yaml"],
        ["validate", "-fjson", "a.yaml"],
        ["validate", "--format"],
        ["validate", "--strict=yes", "a.yaml"],
        ["--version"],
        ["--no-color"],
    ],
)
def test_other_command_lines_are_left_to_typer(argv: list[str]) -> None:
    assert parse(argv) is None


def test_many_files_go_straight_to_the_models(clean: Path) -> None:
    argv = ["validate", *[clean.name] * (MAX_PROOFS + 1)]
    result = _python(PROBE, *argv, cwd=clean.parent)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"✓ {MAX_PROOFS + 1} files checked, {MAX_PROOFS + 1} valid\nloaded: pydantic\n"


def test_a_folder_is_walked_without_typer(clean: Path, unrated: Path) -> None:
    result = _python(PROBE, "validate", ".", cwd=clean.parent)
    assert result.returncode == 0, result.stderr
    assert "unrated.yaml" in result.stdout
    assert result.stderr.endswith("loaded: pydantic\n")
