"""Writing a file so that a crash or kill at any moment leaves the old file or the new one, never half.

The new text goes to a temporary file in the same folder, is flushed and fsynced, then replaces the
old file with os.replace (atomic on POSIX and Windows). The folder is fsynced too where possible.
A rename needs only the folder's permission, so a file the user cannot write, or marked read-only,
is refused first (PermissionError): replacing it would quietly undo that choice.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` as UTF-8, line endings exactly as they are in `text`."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    # Through a symlink, replace the file it points to, not the link itself.
    path = Path(os.path.realpath(path))
    check_writable(path)
    mode = _new_file_mode()
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode & 0o777  # an edited file keeps its permissions
    _put(path, data, mode, exclusive=False)


def _put(path: Path, data: bytes, mode: int, *, exclusive: bool) -> None:
    """Write a temporary file beside `path`, fsync it, and move it into place: replacing what is
    there, or (`exclusive`) only if nothing is, by a hard link that fails when the name is taken."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
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


def check_writable(path: Path) -> None:
    """Raise PermissionError if `path` exists (through symlinks) and may not be written: the user has no
    write permission, or no one has (a read-only file, which root could otherwise overwrite)."""
    target = os.path.realpath(path)
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return  # a new file, or one the write itself will report
    if not mode & 0o222:
        raise PermissionError(errno.EACCES, "it is read-only", str(path))
    if not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "you do not have permission to write it", str(path))


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


def create_exclusive(path: Path, text: str) -> None:
    """Write a new file, refusing (FileExistsError) if one already exists, even one created a moment
    ago by another process; with the same atomicity. Where hard links are not supported, the file
    is created with O_EXCL instead (exclusive still, but a crash could leave it half written)."""
    if path.exists() or path.is_symlink():
        raise FileExistsError(path)
    data = text.encode("utf-8")
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
