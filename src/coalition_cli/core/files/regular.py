"""Reading only ordinary files: a FIFO, a device or a kernel file would block, or never end.

A path can be checked and then swapped for something else before it is opened, so the check is made
on the opened descriptor: the file is opened without blocking (`O_NONBLOCK`: opening a FIFO with no
writer, or a terminal, returns at once), then `fstat` says what was really opened. Kernel files
under /proc and /sys pass as "regular" with a size of 0 (and `/proc/kmsg` blocks a reader forever),
so those folders are refused by name as well.

Every refusal is a `NotARegularFile`, an OSError whose `strerror` says in words what the path is, so
the callers' ordinary "cannot read FILE: reason" messages need no special case.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")
"""Kernel and device files: never a coalition's document, whatever `stat` says they are."""

_NONBLOCKING = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class NotARegularFile(OSError):
    """The path names something other than an ordinary file; `strerror` says what, in words."""

    def __init__(self, path: str | os.PathLike[str], what: str) -> None:
        super().__init__(errno.EINVAL, f"it is {what}, not an ordinary file", str(path))


def kind_of(mode: int) -> str:
    """What a file of this `st_mode` is, in words, as the messages name it."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def in_system_folder(path: str | os.PathLike[str]) -> bool:
    """True for a path (symlinks resolved) under /proc, /sys or /dev."""
    real = os.path.realpath(path)
    return any(real == folder or real.startswith(folder + os.sep) for folder in _SYSTEM_FOLDERS)


def open_regular(path: str | os.PathLike[str]) -> int:
    """A read-only descriptor of the ordinary file at `path`. Raises NotARegularFile or OSError."""
    return _opened(path)[0]


def _opened(path: str | os.PathLike[str]) -> tuple[int, int]:
    """`open_regular`'s descriptor, and the file's size when it was opened."""
    if os.name == "posix" and in_system_folder(path):
        raise NotARegularFile(path, "a system file (under /proc, /sys or /dev)")
    descriptor = os.open(path, os.O_RDONLY | _NONBLOCKING)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise NotARegularFile(path, kind_of(status.st_mode))
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor, status.st_size


def read_regular(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of the ordinary file at `path` (at most `limit`, when given). Raises OSError.

    Read in one system call of the file's own size (and one more byte, to see that it has not
    grown since), not into a buffer of `limit` bytes: reading a 5 KB file into a 1 MB buffer took
    five times as long, in every one of a thousand files."""
    descriptor, size = _opened(path)
    with os.fdopen(descriptor, "rb", buffering=0) as stream:
        wanted = size + 1 if limit is None else min(size + 1, limit)
        data = stream.read(wanted)
        if len(data) < wanted or wanted == limit:
            return data
        return data + (stream.read() if limit is None else stream.read(limit - wanted))


def check_regular_or_missing(path: Path) -> None:
    """Raise NotARegularFile when `path` exists (through symlinks) as anything but an ordinary
    file, so that an output is never written over a device, a FIFO or a system file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotARegularFile(path, "a symbolic link that loops back on itself") from None
        return  # a folder we cannot enter, say: the write itself reports it
    if os.name == "posix" and in_system_folder(path):
        raise NotARegularFile(path, "a system file (under /proc, /sys or /dev)")
    if not stat.S_ISREG(mode):
        raise NotARegularFile(path, kind_of(mode))
