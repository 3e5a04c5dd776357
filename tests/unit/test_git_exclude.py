"""The room's secrets are kept out of git in the clone where they are made: the repository's own
`.git/info/exclude` gets their pattern once; outside git nothing is written."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from coalition_cli.core.files.git_exclude import MARK, keep_out_of_git

PATTERN = "*.room-secrets.json"
GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="needs git")


def _git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True)
    return done.stdout


def _repository(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    _git(folder, "init", "-q")
    return folder


@needs_git
def test_git_no_longer_sees_the_secrets_and_the_line_is_added_once(tmp_path: Path) -> None:
    repository = _repository(tmp_path / "coalition")
    (repository / "terms").mkdir()
    exclude = repository / ".git" / "info" / "exclude"
    before = exclude.read_text(encoding="utf-8")  # git's own comments: kept
    secrets = repository / "terms" / "fall.room-secrets.json"
    secrets.write_text("{}\n", encoding="utf-8")
    assert "fall.room-secrets.json" in _git(repository, "status", "--porcelain", "-uall")
    assert keep_out_of_git(repository / "terms" / "fall.yaml", PATTERN) == exclude
    assert exclude.read_text(encoding="utf-8") == before + f"{MARK}\n{PATTERN}\n"
    assert "room-secrets" not in _git(repository, "status", "--porcelain", "-uall")
    assert keep_out_of_git(repository / "terms" / "spring.yaml", PATTERN) is None
    assert exclude.read_text(encoding="utf-8").count(PATTERN) == 1


@needs_git
def test_a_linked_worktree_uses_its_repositorys_exclude(tmp_path: Path) -> None:
    repository = _repository(tmp_path / "coalition")
    (repository / "a.yaml").write_text("coalition: X\n", encoding="utf-8")
    _git(repository, "add", "a.yaml")
    _git(repository, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "a")
    _git(repository, "worktree", "add", "-q", str(tmp_path / "other"))
    exclude = keep_out_of_git(tmp_path / "other" / "a.yaml", PATTERN)
    assert exclude is not None and exclude.resolve() == (repository / ".git" / "info" / "exclude").resolve()
    (tmp_path / "other" / "a.room-secrets.json").write_text("{}\n", encoding="utf-8")
    assert "room-secrets" not in _git(tmp_path / "other", "status", "--porcelain", "-uall")


def test_outside_git_nothing_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    assert keep_out_of_git(folder / "fall.yaml", PATTERN) is None
    assert sorted(path.name for path in tmp_path.rglob("*")) == ["plain"]


def test_a_last_line_without_its_line_break_keeps_its_words(tmp_path: Path) -> None:
    info = tmp_path / ".git" / "info"
    info.mkdir(parents=True)
    (info / "exclude").write_text("build/", encoding="utf-8")
    assert keep_out_of_git(tmp_path / "fall.yaml", PATTERN) == info / "exclude"
    assert (info / "exclude").read_text(encoding="utf-8") == f"build/\n{MARK}\n{PATTERN}\n"
