"""Atomic writes: old or new, never half; through symlinks; permissions like an ordinary save."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from coalition_cli.core.files.atomic import create_exclusive, write_atomic


def test_replaces_content_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("old\r\n")
    write_atomic(path, "new\r\n")
    assert path.read_bytes() == b"new\r\n"
    assert os.listdir(tmp_path) == ["a.yaml"]


def test_writes_through_a_symlink_to_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real" / "target.yaml"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_atomic(link, "new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"


def test_new_files_get_the_umask_mode_and_edited_files_keep_theirs(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        created = tmp_path / "new.yaml"
        create_exclusive(created, "x\n")
        assert stat.S_IMODE(created.stat().st_mode) == 0o644
        private = tmp_path / "private.yaml"
        private.write_text("x\n")
        private.chmod(0o600)
        write_atomic(private, "y\n")
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_create_exclusive_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("mine\n")
    with pytest.raises(FileExistsError):
        create_exclusive(path, "theirs\n")
    assert path.read_text() == "mine\n"


def test_create_exclusive_refuses_a_file_created_after_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("created by someone else a moment ago\n")
    monkeypatch.setattr(Path, "exists", lambda _self: False)  # as if it appeared after the check
    with pytest.raises(FileExistsError):
        create_exclusive(path, "theirs\n")
    monkeypatch.undo()
    assert path.read_text() == "created by someone else a moment ago\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]  # no temporary file left


def test_a_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("old\n")

    def crash(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(path, "new\n")
    assert path.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["a.yaml"]
