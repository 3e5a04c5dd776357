"""A file named without its `.yaml` ending: `assess` opens it, and every other command says which
file was meant instead of only "no such file"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.paths import EXAMPLES
from tests.support.processes import coalition


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copyfile(EXAMPLES / "riverside" / "2026-03-spring.yaml", tmp_path / "spring-2026.yaml")
    shutil.copyfile(EXAMPLES / "riverside" / "coalition.yaml", tmp_path / "coalition.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    "command", [["score"], ["plan", "-o", "-"], ["roster"], ["compare", "spring-2026.yaml"]]
)
def test_a_command_given_a_name_without_its_ending_says_which_file_was_meant(
    here: Path, command: list[str]
) -> None:
    result = CliRunner().invoke(app, ["--no-color", command[0], "spring-2026", *command[1:]])
    assert result.exit_code == 2, result.output
    assert "cannot read spring-2026: No such file or directory" in result.output
    assert "hint: did you mean spring-2026.yaml?" in result.output


SAID = (
    "spring-2026:1:1: error cannot read: no such file or folder (did you mean spring-2026.yaml?) [unreadable]"
)


def test_validate_says_it_in_the_problem_on_both_paths(here: Path) -> None:
    typer_path = CliRunner().invoke(app, ["validate", "--no-color", "spring-2026"])
    assert typer_path.exit_code == 2 and SAID in typer_path.output
    fast_path = coalition("validate", "spring-2026", cwd=here)
    assert fast_path.returncode == 2 and SAID in fast_path.stdout


def test_no_suggestion_when_there_is_nothing_to_suggest(here: Path) -> None:
    result = CliRunner().invoke(app, ["--no-color", "score", "autumn"])
    assert result.exit_code == 2
    assert "did you mean" not in result.output
