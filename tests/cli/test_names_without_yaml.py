"""A file named without its `.yaml` ending: `assess` opens it, and every other command says which
file was meant instead of only "no such file". And a file Notepad saved as `spring-2026.yaml.txt`:
`assess` offers to rename it, the others say how."""

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


@pytest.fixture
def notepad(here: Path) -> Path:
    """The assessment as Notepad saves it: `.txt` after the name typed."""
    (here / "spring-2026.yaml").rename(here / "spring-2026.yaml.txt")
    return here


RENAME = (
    "spring-2026.yaml.txt is there: its name ends in .txt, as Notepad saves it; rename it to spring-2026.yaml"
)


@pytest.mark.parametrize("command", [["score"], ["plan", "-o", "-"], ["roster"]])
def test_a_file_notepad_saved_with_txt_is_named_with_the_rename_it_needs(
    notepad: Path, command: list[str]
) -> None:
    result = CliRunner().invoke(app, ["--no-color", command[0], "spring-2026.yaml", *command[1:]])
    assert result.exit_code == 2, result.output
    assert f"hint: {RENAME}" in " ".join(result.output.split())


def test_validate_names_the_notepad_file_on_both_paths(notepad: Path) -> None:
    said = f"spring-2026.yaml:1:1: error cannot read: no such file or folder ({RENAME}) [unreadable]"
    typer_path = CliRunner().invoke(app, ["validate", "--no-color", "spring-2026.yaml"])
    assert typer_path.exit_code == 2 and said in typer_path.output
    fast_path = coalition("validate", "spring-2026.yaml", cwd=notepad)
    assert fast_path.returncode == 2 and said in fast_path.stdout


def test_assess_offers_to_rename_the_notepad_file_and_opens_it(notepad: Path) -> None:
    before = (notepad / "spring-2026.yaml.txt").read_bytes()
    result = CliRunner().invoke(app, ["--no-color", "assess", "spring-2026.yaml", "--plain"], input="y\nq\n")
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "There is no spring-2026.yaml, but spring-2026.yaml.txt: its name ends in .txt" in flat
    assert "Renamed spring-2026.yaml.txt to spring-2026.yaml." in flat
    assert "does not exist yet" not in flat
    assert (notepad / "spring-2026.yaml").read_bytes() == before
    assert not (notepad / "spring-2026.yaml.txt").exists()


def test_assess_told_no_leaves_the_notepad_file_and_starts_a_new_one(notepad: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "--no-color",
            "assess",
            "spring-2026.yaml",
            "--plain",
            "--coalition",
            "Lakeview",
            "--date",
            "2026-12-03",
        ],
        input="n\nq\n",
    )
    assert result.exit_code == 0, result.output
    assert "does not exist yet" in result.output
    assert (notepad / "spring-2026.yaml.txt").exists() and (notepad / "spring-2026.yaml").exists()


def test_a_name_in_another_case_or_with_the_other_yaml_ending_is_named(here: Path) -> None:
    (here / "spring-2026.yaml").rename(here / "spring-2026.yml")
    result = CliRunner().invoke(app, ["--no-color", "score", "spring-2026.yaml"])
    assert result.exit_code == 2 and "hint: did you mean spring-2026.yml?" in result.output
    result = CliRunner().invoke(app, ["--no-color", "score", "Spring-2026.yml"])
    assert result.exit_code == 2 and "hint: did you mean spring-2026.yml?" in result.output


def test_a_profile_named_in_another_case_is_named_on_both_paths(here: Path) -> None:
    """`profile: Coalition.yaml` finds coalition.yaml on a Mac and on Windows, and nothing on Linux,
    where CI runs: the error says which file is there."""
    text = (here / "spring-2026.yaml").read_text(encoding="utf-8")
    assert "profile: coalition.yaml  #" in text
    (here / "spring-2026.yaml").write_text(
        text.replace("profile: coalition.yaml  #", "profile: Coalition.yaml  #")
    )
    said = "(looked at Coalition.yaml; did you mean coalition.yaml?)"
    typer_path = CliRunner().invoke(app, ["validate", "--no-color", "spring-2026.yaml"])
    assert typer_path.exit_code == 1 and said in typer_path.output
    fast_path = coalition("validate", "spring-2026.yaml", cwd=here)
    assert fast_path.returncode == 1 and said in fast_path.stdout
