"""`framework:` and `profile:` paths written in a file: followed only inside the file's repository,
never `~`-expanded, and other folders only when the reader allows them (`--allow-outside`)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core.files.references import (
    ENVIRONMENT,
    ReferenceRefused,
    repository_of,
    resolve_reference,
)
from tests.support.files import VALID_HEADER
from tests.support.paths import EXAMPLES, FIXTURES

PROFILE = EXAMPLES / "riverside" / "coalition.yaml"


def _assessment(folder: Path, profile: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "spring.yaml"
    path.write_text(VALID_HEADER + f"profile: {json.dumps(profile)}\n", encoding="utf-8")
    return path


def _codes(runner: CliRunner, *args: str) -> tuple[int, list[tuple[int, str, str]]]:
    result = runner.invoke(app, [*args[:-1], "--format", "json", args[-1]] if args[0] == "validate" else args)
    report = json.loads(result.stdout)
    problems = [(p["line"], p["code"], p["message"]) for p in report["problems"] if p["code"] != "not-rated"]
    return result.exit_code, problems


def test_a_profile_outside_the_repository_is_not_read(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    path = _assessment(tmp_path / "repo" / "terms", "/etc/passwd")
    code, problems = _codes(runner, "validate", str(path))
    assert code == 1
    ((line, name, message),) = problems
    assert (line, name) == (4, "outside-repository")
    assert f"outside this file's repository ({tmp_path / 'repo'})" in message
    assert "coalition --allow-outside /etc" in message
    assert "/bin/" not in message and "x:0:0" not in message  # nothing of /etc/passwd is echoed


def test_inside_the_repository_any_folder_may_be_named(runner: CliRunner, repository: Path) -> None:
    shutil.copy(PROFILE, repository / "coalition.yaml")
    path = _assessment(repository / "terms" / "2026", "../../coalition.yaml")
    code, problems = _codes(runner, "validate", str(path))
    assert (code, problems) == (0, [])


def test_without_git_the_files_folder_is_its_repository(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copy(PROFILE, tmp_path / "coalition.yaml")
    path = _assessment(tmp_path / "terms", "../coalition.yaml")
    code, problems = _codes(runner, "validate", str(path))
    assert code == 1 and [name for _, name, _ in problems] == ["outside-repository"]


@pytest.mark.parametrize("where", ["before", "after", "equals", "environment"])
def test_allow_outside_lets_a_reader_follow_a_shared_profile(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shutil.copy(PROFILE, shared / "coalition.yaml")
    path = _assessment(tmp_path / "terms", "../shared/coalition.yaml")
    args = {
        "before": ["--allow-outside", str(shared), "validate", "--format", "json", str(path)],
        "after": ["validate", "--format", "json", "--allow-outside", str(shared), str(path)],
        "equals": ["validate", f"--allow-outside={shared}", "--format", "json", str(path)],
        "environment": ["validate", "--format", "json", str(path)],
    }[where]
    if where == "environment":
        monkeypatch.setenv(ENVIRONMENT, str(shared))
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert os.environ.get(ENVIRONMENT) == (str(shared) if where == "environment" else None)  # restored


def test_a_symlink_inside_the_repository_does_not_lead_out(
    runner: CliRunner, repository: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    shutil.copy(PROFILE, elsewhere / "coalition.yaml")
    (repository / "linked.yaml").symlink_to(elsewhere / "coalition.yaml")
    path = _assessment(repository, "linked.yaml")
    code, problems = _codes(runner, "validate", str(path))
    assert code == 1 and [name for _, name, _ in problems] == ["outside-repository"]


@pytest.mark.parametrize(
    ("reference", "reason"),
    [
        ("~nosuchuser/x.yaml", None),  # a folder named ~nosuchuser: not found, no traceback
        ("~/coalition.yaml", None),
        ("a" * 1_500_000, "1,500,000 characters long"),
        ("a\0b.yaml", "NUL character"),
    ],
    ids=["tilde-user", "tilde", "too-long", "nul"],
)
@pytest.mark.parametrize("key", ["framework", "profile"])
def test_odd_references_are_located_problems_not_crashes(
    runner: CliRunner, repository: Path, key: str, reference: str, reason: str | None
) -> None:
    text = VALID_HEADER + f"profile: {json.dumps(reference)}\n"
    if key == "framework":
        text = text.replace("framework: community-framework", f"framework: {json.dumps(reference)}").replace(
            f"profile: {json.dumps(reference)}\n", ""
        )
    path = repository / "a.yaml"
    path.write_text(text, encoding="utf-8")
    code, problems = _codes(runner, "validate", str(path))
    assert code == 1
    ((line, name, message),) = problems
    assert line == (1 if key == "framework" else 4)
    assert name in ("unknown-framework", "profile-not-found")
    if reason is not None:
        assert reason in message and len(message) < 400
    else:
        assert "not found" in message and str(Path.home()) not in message


def test_the_repository_is_the_git_root(tmp_path: Path) -> None:
    (tmp_path / ".git").write_text("gitdir: /elsewhere\n")  # a worktree's .git is a file
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert repository_of(tmp_path / "a" / "b") == tmp_path.resolve()
    with pytest.raises(ReferenceRefused) as refused:
        resolve_reference("../../../x.yaml", tmp_path / "a" / "b", allowed=())
    assert refused.value.outside
    assert (
        resolve_reference("../../x.yaml", tmp_path / "a" / "b", allowed=())
        == tmp_path / "a" / "b" / "../../x.yaml"
    )


def test_init_refuses_a_rubric_outside_the_new_files_repository(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path typed with --framework is the user's own, but the file's, read by every command after,
    is confined: a file they would all refuse is not written, unless the rubric's folder is allowed."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "rubrics").mkdir()
    shutil.copy(FIXTURES / "frameworks" / "tiny-rubric.yaml", tmp_path / "rubrics" / "tiny.yaml")
    monkeypatch.chdir(tmp_path / "repo")
    args = ["init", "a.yaml", "--framework", "../rubrics/tiny.yaml", "--coalition", "T"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    flat = " ".join(result.output.split())
    assert (
        f"error: the rubric ../rubrics/tiny.yaml is outside {(tmp_path / 'repo').resolve()}, the git repository "
        "of a.yaml, and every command reading a.yaml would refuse to follow it: nothing was written"
    ) in flat
    assert f"coalition --allow-outside {(tmp_path / 'rubrics').resolve()} init …" in flat
    assert "git init" not in flat  # it is in a repository already
    assert not (tmp_path / "repo" / "a.yaml").exists()
    assert runner.invoke(app, ["--allow-outside", "../rubrics", *args]).exit_code == 0
    assert runner.invoke(app, ["validate", "a.yaml"]).exit_code == 1
    assert runner.invoke(app, ["--allow-outside", "../rubrics", "validate", "a.yaml"]).exit_code == 0


def test_outside_git_init_offers_one_repository_for_the_rubric_and_the_assessments(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rubrics/ beside assessments/ with no git: each file's folder is its repository."""
    (tmp_path / "assessments").mkdir()
    (tmp_path / "rubrics").mkdir()
    shutil.copy(FIXTURES / "frameworks" / "tiny-rubric.yaml", tmp_path / "rubrics" / "tiny.yaml")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(
        app, ["init", "assessments/a.yaml", "--framework", "rubrics/tiny.yaml", "--coalition", "T"]
    )
    assert result.exit_code == 2, result.output
    flat = " ".join(result.output.split())
    assert "the folder of assessments/a.yaml (which is in no git repository)" in flat
    assert f"(`git init {tmp_path.resolve()}`)" in flat
    assert not (tmp_path / "assessments" / "a.yaml").exists()


@pytest.mark.parametrize("key", ["profile", "framework"])
def test_a_name_too_long_for_the_system_is_a_file_not_found(
    runner: CliRunner, repository: Path, key: str
) -> None:
    path = repository / "spring.yaml"
    text = VALID_HEADER.replace("framework: community-framework\n", "")
    name = "x" * 300 + ".yaml"  # longer than a file name may be (ENAMETOOLONG), not a traceback
    extra = (
        f"framework: {name}\n" if key == "framework" else f"framework: community-framework\nprofile: {name}\n"
    )
    path.write_text(extra + text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    assert "not found" in result.output
    assert "Traceback" not in result.output
