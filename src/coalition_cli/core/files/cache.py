"""The tool's folder in the user's cache: things worth keeping between runs, and safe to lose.

`$XDG_CACHE_HOME/coalition` (else `~/.cache/coalition`; `%LOCALAPPDATA%\\coalition\\cache` on
Windows). What is kept there is read back as code (compiled templates, pickled models), so a folder
is used only if it is the user's own and private: made with mode 0700, and refused when another user
owns it or others may write into it (the tool's folder above it too). A file in it is read only
when it is an ordinary file (not a symlink: it is opened with `O_NOFOLLOW`, and checked on the open
descriptor) owned by the user and writable by no one else; files are written whole (a private temporary file, then renamed), so a reader never sees
half of one. A folder that cannot be made (no home, a read-only disk) is no cache at all, and a file
that cannot be read or written is skipped: callers go without, never fail.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

APP = "coalition"


def cache_root() -> Path | None:
    """Where the user's caches go, or None when the environment names no such place."""
    if sys.platform == "win32":  # pragma: no cover - CI runs on Linux
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) / APP / "cache" if local else None
    configured = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(configured):  # the XDG rule: a relative value is ignored  # noqa: PTH117
        return Path(configured) / APP
    home = os.environ.get("HOME") or os.path.expanduser("~")  # noqa: PTH111
    return Path(home) / ".cache" / APP if os.path.isabs(home) else None  # noqa: PTH117


def private_folder(name: str) -> Path | None:
    """`name` inside the tool's cache, made if need be, if it is private to this user; else None."""
    root = cache_root()
    if root is None:
        return None
    folder = root / name
    try:
        for made in (root, folder):
            made.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not _private(made):
                return None
    except OSError:
        return None
    return folder


def _private(folder: Path) -> bool:
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):
        return False
    if sys.platform == "win32":  # pragma: no cover - no owners or modes to check there
        return True
    if info.st_uid != os.getuid():
        return False
    if info.st_mode & 0o077:
        os.chmod(folder, 0o700)  # ours, made by an older version or a wider umask: make it private  # noqa: PTH101
    return True


def _owned_unshared(info: os.stat_result) -> bool:
    """An ordinary file of this user's that no other user may write to."""
    if not stat.S_ISREG(info.st_mode):
        return False
    if sys.platform == "win32":  # pragma: no cover - no owners or modes to check there
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


_READING = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
)
"""A symlink is not followed (the open fails), and a FIFO put in its place does not block."""


def read_private(path: Path) -> bytes | None:
    """The bytes of a file of a private folder, if it is an ordinary file of this user's that no one
    else may write to; None when it is missing, unreadable, or anything else."""
    try:
        descriptor = os.open(path, _READING)
    except OSError:
        return None
    try:
        with os.fdopen(descriptor, "rb") as stream:
            if not _owned_unshared(os.fstat(stream.fileno())):
                return None
            return stream.read()
    except OSError:
        return None


def write_private(path: Path, content: bytes) -> bool:
    """Write `content` as the file `path` of a private folder, whole or not at all (a temporary file
    of mode 0600 beside it, then renamed over it). False when it could not be written (a read-only or
    full disk): the cache goes without it."""
    import tempfile  # only a write needs it, not every command that reads the cache (2 ms)

    temporary = None
    try:
        descriptor, name = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        temporary = Path(name)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
        temporary.replace(path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        return False
    return True


def prune(folder: Path, suffix: str, keep: int) -> None:
    """Remove the files ending in `suffix` in `folder` but the `keep` most recently written: an entry
    whose key no run asks for any longer (an edited file's) would otherwise stay for ever."""
    try:
        with os.scandir(folder) as entries:
            found = [
                (entry.stat(follow_symlinks=False).st_mtime_ns, entry.path)
                for entry in entries
                if entry.name.endswith(suffix)
            ]
    except OSError:
        return
    for _, old in sorted(found, reverse=True)[keep:]:
        with contextlib.suppress(OSError):
            os.unlink(old)  # noqa: PTH108
