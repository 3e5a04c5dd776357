"""Atomic writes: old or new, never half; one writer at a time; through symlinks; permissions, owner and
attributes like an ordinary save; only ordinary files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from coalition_cli.core.files import atomic
from coalition_cli.core.files.atomic import (
    ChangedMeanwhile,
    LockTimeout,
    create_exclusive,
    locked,
    write_atomic,
)
from coalition_cli.core.files.regular import NotARegularFile, read_regular


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


# -- the lock, the compare before the replace, and what a save keeps -------------------------------


def test_stale_temporaries_of_ours_are_removed_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("old\n")
    stale = [tmp_path / ".a.yaml.k3j_9x0q.tmp", tmp_path / ".a.yaml.abcdefgh.tmp"]
    kept = [
        tmp_path / ".a.yaml.notes.tmp",  # not mkstemp's eight characters
        tmp_path / ".b.yaml.abcdefgh.tmp",  # another file's: removed when that file is saved
        tmp_path / "a.yaml.abcdefgh.tmp",
    ]
    for item in [*stale, *kept]:
        item.write_text("left by a killed writer\n")
    write_atomic(path, "new\n")
    assert path.read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.yaml", *(p.name for p in kept)])


def test_a_replace_is_refused_when_the_file_changed_after_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("old\n")
    with locked(path) as file:
        seen = file.read()
        path.write_text("an editor saved this meanwhile\n")  # a writer that takes no lock
        with pytest.raises(ChangedMeanwhile):
            file.replace(b"mine\n", expected=seen)
    assert path.read_text() == "an editor saved this meanwhile\n"
    assert os.listdir(tmp_path) == ["a.yaml"]


def test_a_second_writer_waits_for_the_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("old\n")
    monkeypatch.setattr(atomic, "LOCK_TIMEOUT", 0.05)
    # a lock is held per open folder, so a second open in this process waits as another process would
    with locked(path), pytest.raises(LockTimeout) as raised:
        write_atomic(path, "new\n")
    assert "saving in this folder" in str(raised.value.strerror)
    assert path.read_text() == "old\n"
    write_atomic(path, "new\n")  # once the lock is released
    assert path.read_text() == "new\n"


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="extended attributes are Linux's")
def test_a_save_keeps_extended_attributes(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("old\n")
    try:
        os.setxattr(path, "user.reviewed-by", b"Dana")
    except OSError:
        pytest.skip("this file system has no user attributes")
    write_atomic(path, "new\n")
    assert os.getxattr(path, "user.reviewed-by") == b"Dana"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root may give a file away")
def test_a_save_keeps_the_owner_and_group(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("old\n")
    os.chown(path, 1234, 5678)
    write_atomic(path, "new\n")
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (1234, 5678)


def test_a_fifo_or_a_device_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(NotARegularFile, match="named pipe"):
        write_atomic(fifo, "x\n")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    with pytest.raises(NotARegularFile, match="system file"):
        write_atomic(Path("/dev/null"), "x\n")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_special_files_are_refused_on_the_opened_descriptor(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # no writer: an ordinary open would wait forever
    with pytest.raises(NotARegularFile, match="named pipe"):
        read_regular(fifo)
    with pytest.raises(NotARegularFile, match="a folder"):
        read_regular(tmp_path)
    for system in ("/proc/kmsg", "/proc/self/status", "/dev/zero"):
        if os.path.exists(system):
            with pytest.raises(NotARegularFile, match="system file"):
                read_regular(system)
