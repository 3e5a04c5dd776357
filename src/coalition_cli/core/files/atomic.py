"""Writing a file so that a crash or kill at any moment leaves the old file or the new one, never half,
and so that two writers at once never lose each other's change.

- **Atomic.** The new bytes go to a temporary file in the same folder (`.NAME.XXXXXXXX.tmp`), are
  flushed and fsynced, then replace the old file with os.replace (atomic on POSIX and Windows). The
  folder is fsynced too where possible.
- **One writer at a time.** Every write takes an advisory lock (`fcntl.flock`) on the folder that
  holds the file, for the few milliseconds from reading the file to replacing it (`locked`). A
  second coalition process waits for it, then reads what the first one wrote, so an editor can
  merge its change with the other one, or refuse, instead of replacing it. The folder is locked, not
  the file, because a replace gives the name a new file: a lock on the old one would guard nothing.
  Where the platform has no flock (Windows) or the file system refuses it, the write goes on
  without the lock and the check below still stands guard.
- **Compare before replacing.** Writers that take no lock (a text editor, `git pull`) are caught by
  reading the file again just before the replace: if it is no longer what the caller read, the
  replace is not made (`ChangedMeanwhile`) and the caller reads it again.
- **Like an ordinary save.** The new file gets the old one's permissions, owner and group where
  allowed (root, or a group the user is in) and its extended attributes, POSIX ACLs among them (on
  Linux; other platforms have no such call in Python). A file with several hard links is replaced
  at its own name: the other names keep the old content (the README says so). A rename needs only
  the folder's permission, so a file the user cannot write, or marked read-only, is refused first
  (PermissionError): replacing it would quietly undo that choice.
- **No litter.** Under the lock, temporary files of our own naming for that file, left by a writer
  that was killed, are deleted.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from coalition_cli.core.files.regular import check_regular_or_missing, read_regular

if sys.platform != "win32":
    import fcntl

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another writer's lock; a save holds it for milliseconds."""

_TEMPORARY = "tmp"
"""The suffix of our temporary files: `.NAME.` + mkstemp's 8 random characters + `.tmp`."""


class ChangedMeanwhile(Exception):
    """The file changed (or went) between being read under the lock and being replaced: another writer
    that takes no lock. Nothing was written; read the file again."""


class LockTimeout(OSError):
    """Another writer held the folder's lock for longer than LOCK_TIMEOUT."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            errno.EWOULDBLOCK,
            f"another coalition command has been saving in this folder for {LOCK_TIMEOUT:.0f} seconds",
            str(path),
        )


class LockedFile:
    """A file whose folder's write lock is held: read it, then replace it (see `locked`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        """The file itself, symlinks resolved: what is read and replaced."""

    def read(self) -> bytes:
        """The file's bytes now. Raises FileNotFoundError, NotARegularFile or another OSError."""
        return read_regular(self.path)

    def replace(self, data: bytes, *, expected: bytes | None = None) -> None:
        """Replace the file with `data`, keeping its permissions, owner and extended attributes.

        With `expected`, the file is read again just before the replace, and ChangedMeanwhile is
        raised (nothing written) if it no longer holds those bytes.
        """
        check_writable(self.path)
        try:
            before: os.stat_result | None = os.stat(self.path)
        except FileNotFoundError:
            before = None
        mode = stat.S_IMODE(before.st_mode) if before is not None else _new_file_mode()

        def unchanged() -> None:
            if expected is None:
                return
            try:
                now = read_regular(self.path)
            except FileNotFoundError:
                raise ChangedMeanwhile(self.path) from None
            if now != expected:
                raise ChangedMeanwhile(self.path)

        _put(self.path, data, mode, like=before, before_replace=unchanged)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[LockedFile]:
    """Hold the write lock of the folder of `path` (through symlinks: of the file they lead to).

    Temporary files of ours left beside the file by a killed writer are deleted first. Raises
    LockTimeout when another writer keeps the lock for LOCK_TIMEOUT seconds.
    """
    real = Path(os.path.realpath(path))
    check_regular_or_missing(real)
    with _folder_lock(real.parent):
        remove_stale_temporaries(real)
        yield LockedFile(real)


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` as UTF-8, line endings exactly as they are in `text`."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace `path` (through a symlink: the file it points to) with `data`, under the folder's lock."""
    with locked(path) as file:
        file.replace(data)


def create_exclusive(path: Path, text: str) -> None:
    """Write a new file, refusing (FileExistsError) if one already exists, even one created a moment
    ago by another process; with the same atomicity. Where hard links are not supported, the file
    is created with O_EXCL instead (exclusive still, but a crash could leave it half written)."""
    if path.exists() or path.is_symlink():
        raise FileExistsError(path)
    data = text.encode("utf-8")
    with _folder_lock(path.parent):
        remove_stale_temporaries(path)
        try:
            _put(path, data, _new_file_mode(), exclusive=True)
        except FileExistsError:
            raise
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            with open(path, "xb") as stream:  # a file system without hard links
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())


def _put(
    path: Path,
    data: bytes,
    mode: int,
    *,
    exclusive: bool = False,
    like: os.stat_result | None = None,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Write a temporary file beside `path`, fsync it, and move it into place: replacing what is
    there, or (`exclusive`) only if nothing is, by a hard link that fails when the name is taken.
    `like`: the stat of the file replaced, whose owner and extended attributes the new one keeps.
    `before_replace`: called last, to refuse the replace by raising."""
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=f".{_TEMPORARY}", dir=path.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            if like is not None:
                _keep_owner_and_attributes(path, stream.fileno(), like)
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if before_replace is not None:
            before_replace()
        if exclusive:
            os.link(temporary, path)
            os.unlink(temporary)
        else:
            os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(path.parent)


def _keep_owner_and_attributes(path: Path, descriptor: int, like: os.stat_result) -> None:
    """Give the new file the replaced one's owner and group (where the system allows: root may give
    any, a user only a group of theirs), then its extended attributes (ACLs are some; a system may
    refuse one, such as an SELinux label, which then stays the folder's default)."""
    if hasattr(os, "fchown"):
        mine = os.fstat(descriptor)
        if (mine.st_uid, mine.st_gid) != (like.st_uid, like.st_gid):
            with contextlib.suppress(OSError):
                os.fchown(descriptor, like.st_uid, like.st_gid)
            if os.fstat(descriptor).st_gid != like.st_gid:
                with contextlib.suppress(OSError):
                    os.fchown(descriptor, -1, like.st_gid)
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(path)
    except OSError:
        return
    for name in names:
        with contextlib.suppress(OSError):
            os.setxattr(descriptor, name, os.getxattr(path, name))


def check_writable(path: Path) -> None:
    """Raise PermissionError if `path` exists (through symlinks) and may not be written: the user has no
    write permission, or no one has (a read-only file, which root could otherwise overwrite); and
    NotARegularFile if it is a device, a FIFO or anything but an ordinary file."""
    target = os.path.realpath(path)
    check_regular_or_missing(Path(target))
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return  # a new file, or one the write itself will report
    if not mode & 0o222:
        raise PermissionError(errno.EACCES, "it is read-only", str(path))
    if not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "you do not have permission to write it", str(path))


def remove_stale_temporaries(path: Path) -> int:
    """Delete the temporary files of ours for `path` (`.NAME.XXXXXXXX.tmp`, ordinary files of this
    user) that a killed writer left; call only under the folder's lock. Returns how many."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.{_TEMPORARY}")
    removed = 0
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in entries:
            if not pattern.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_uid == _uid():
                    os.unlink(entry.path)
                    removed += 1
    return removed


def _uid() -> int:
    return os.geteuid() if hasattr(os, "geteuid") else 0


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive advisory lock on `folder`, held until the block ends (or the process dies)."""
    descriptor = _lock(folder)
    try:
        yield
    finally:
        if descriptor is not None:
            os.close(descriptor)  # releases the lock


def _lock(folder: Path) -> int | None:
    """A descriptor of `folder` holding its lock, waiting up to LOCK_TIMEOUT; None where there can be
    no lock (Windows, a folder we may write but not read, a file system without locks): the compare
    before the replace still stands guard there."""
    if sys.platform == "win32":
        return None
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return None
    deadline = time.monotonic() + LOCK_TIMEOUT
    pause = 0.002
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return descriptor
        except BlockingIOError:
            if time.monotonic() > deadline:
                os.close(descriptor)
                raise LockTimeout(folder) from None
            time.sleep(pause)
            pause = min(pause * 2, 0.05)
        except OSError:
            os.close(descriptor)  # ENOLCK, EOPNOTSUPP…: no locks on this file system
            return None


def _new_file_mode() -> int:
    """What open() would give a new file (0o666 less the umask); mkstemp's own 0o600 is too private."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
