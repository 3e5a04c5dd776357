"""The room journal: every event of a session appended, as it happens, to a file beside the assessment.

`spring-2026.yaml` gets `spring-2026.room.jsonl`. What is promised:

- **A record is written whole or not at all.** Each record is one line, written by one `os.write`
  on a file opened with `O_APPEND`; the kernel holds it as soon as the call returns, so a killed
  server (SIGKILL, a crash) loses nothing it had written. A line cut short by a dying laptop is the
  last line of the file: reading ignores it, and reopening the journal for writing trims it off
  (nobody was told that record was saved, see the next point).
- **A vote is on disk before the phone hears "saved".** `sync()` fsyncs everything written so far;
  the server calls it (one fsync for every vote that arrived meanwhile: a group commit) before it
  answers. After that, even a power cut keeps the vote.
- **One writer at a time.** The server holds an exclusive lock on the journal while it runs, so a
  second `coalition room` on the same assessment is refused instead of interleaving. Readers
  (`read_journal`, `JournalTail`: the `assess` session's live count, the plan) take no lock; the
  lock is also how a reader tells that a room is running now (`room_running`), not only held once.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from coalition_cli.core.errors import ConflictError, ReadError
from coalition_cli.core.frozen import frozen
from coalition_cli.core.room.paths import JOURNAL_SUFFIX as JOURNAL_SUFFIX
from coalition_cli.core.room.paths import journal_path as journal_path
from coalition_cli.core.room.records import Record, RecordError, decode, encode

MAX_JOURNAL_BYTES = 64 * 1024 * 1024
"""Far beyond any session (200 people × 22 indicators × a few changes of mind is ~5 MB): a journal
larger than this is refused, so a hostile or runaway client cannot fill the disk."""


class JournalError(ReadError):
    """A journal that cannot be read as records (exit 2): named with the file and line."""


def _records(data: bytes, path: Path, *, first_line: int = 1) -> Iterator[Record]:
    """The records of complete lines; a torn last line (no newline yet) is left out."""
    end = data.rfind(b"\n") + 1
    for number, line in enumerate(data[:end].split(b"\n")[:-1], start=first_line):
        if not line.strip():
            continue
        try:
            yield decode(line)
        except RecordError as error:
            raise JournalError(
                f"{path}:{number}: {error}",
                hint="the room journal is written by `coalition room` only; restore it from a copy, "
                "or move it away to start a new session",
            ) from None


def read_journal(path: Path) -> list[Record]:
    """Every complete record of a journal, in order ([] when there is none)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as error:
        raise JournalError(f"cannot read {path}: {error.strerror or error}") from None
    return list(_records(data, path))


class JournalTail:
    """A journal read as it grows, for polling: each `read()` returns only the records added since.

    A line still being written is kept back until its newline arrives. If the file is replaced or
    shortened (a new session), reading starts again from the top and `restarted` says so.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._offset = 0
        self._lines = 0
        self._identity: tuple[int, int] | None = None
        self.restarted = False

    def read(self) -> list[Record]:
        try:
            with self.path.open("rb") as stream:
                status = os.fstat(stream.fileno())
                identity = (status.st_dev, status.st_ino)
                self.restarted = self._identity is not None and (
                    identity != self._identity or status.st_size < self._offset
                )
                if self.restarted or self._identity is None:
                    self._offset, self._lines = 0, 0
                self._identity = identity
                stream.seek(self._offset)
                data = stream.read()
        except FileNotFoundError:
            self.restarted = self._identity is not None
            self._identity, self._offset, self._lines = None, 0, 0
            return []
        except OSError as error:
            raise JournalError(f"cannot read {self.path}: {error.strerror or error}") from None
        complete = data[: data.rfind(b"\n") + 1]
        records = list(_records(complete, self.path, first_line=self._lines + 1))
        self._offset += len(complete)
        self._lines += complete.count(b"\n")
        return records


@frozen
class Reopened:
    """What opening an existing journal found."""

    records: tuple[Record, ...]
    trimmed: int
    """Bytes of a torn last line removed (a record the server never confirmed)."""


class Journal:
    """A journal open for appending by the one server of a session. Thread-safe."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd = -1
        self._lock = threading.Lock()
        self._sync_lock = threading.Lock()
        self._written = 0
        self._synced = 0
        self._size = 0

    def open(self) -> Reopened:
        """Open (creating it if need be), lock, trim a torn last line, and return what it holds."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
        except OSError as error:
            raise JournalError(
                f"cannot open the room journal {self.path}: {error.strerror or error}"
            ) from None
        try:
            _lock_exclusively(fd, self.path)
            data = _read_all(fd)
            records = tuple(_records(data, self.path))
            complete = data.rfind(b"\n") + 1
            trimmed = len(data) - complete
            if trimmed:
                os.ftruncate(fd, complete)
                os.fsync(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd, self._size = fd, complete
        return Reopened(records, trimmed)

    def append(self, record: Record) -> int:
        """Write one record (one `os.write` of one whole line); returns its number, for `sync`.

        Raises OSError when the disk refuses it (full, gone), and JournalError beyond
        `MAX_JOURNAL_BYTES`; nothing of the record stays in the journal either way.
        """
        line = encode(record)
        with self._lock:
            if self._fd < 0:
                raise JournalError(f"the room journal {self.path} is not open")
            if self._size + len(line) > MAX_JOURNAL_BYTES:
                raise JournalError(f"the room journal {self.path} is full ({MAX_JOURNAL_BYTES} bytes)")
            written = os.write(self._fd, line)
            if written != len(line):  # a full disk mid-line: take the fragment back out
                with contextlib.suppress(OSError):
                    os.ftruncate(self._fd, self._size)
                raise OSError(28, "the disk is full")
            self._size += written
            self._written += 1
            return self._written

    @property
    def written(self) -> int:
        """How many records this journal object has written (the number of the last one)."""
        return self._written

    @property
    def synced(self) -> int:
        """How many records are known to be on disk (fsynced)."""
        return self._synced

    def sync(self) -> int:
        """fsync everything written so far; returns how many records are now on disk.

        Callers that arrive while another fsync runs wait for it, then find their record covered or
        start the next one: many votes, one fsync (group commit).
        """
        with self._sync_lock:
            with self._lock:
                target, fd = self._written, self._fd
            if target > self._synced and fd >= 0:
                os.fsync(fd)
                self._synced = target
            return self._synced

    def close(self) -> None:
        with self._lock:
            if self._fd >= 0:
                with contextlib.suppress(OSError):
                    os.fsync(self._fd)
                self._synced = self._written
                os.close(self._fd)  # also releases the lock
                self._fd = -1


def _read_all(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def room_running(assessment: Path) -> bool | None:
    """Whether a `coalition room` server runs on this assessment now: it holds its journal's lock.

    None where that cannot be told (no advisory locks, as on Windows). The look takes a shared lock
    for an instant and lets it go; a server starting at that instant waits for it (`_lock_exclusively`).
    """
    try:
        import fcntl
    except ImportError:
        return None
    try:
        fd = os.open(journal_path(assessment), os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return False
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return None
    finally:
        os.close(fd)  # also lets go of the shared lock, if taken
    return False


_LOCK_WAIT = 0.5
"""How long a starting server waits for the lock: a reader's look (`room_running`) holds it for an instant."""


def _lock_exclusively(fd: int, path: Path) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; one server per assessment is then up to the user
        return
    import time

    deadline = time.monotonic() + _LOCK_WAIT
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() < deadline:
                time.sleep(0.02)
                continue
        raise ConflictError(
            f"a room session for this assessment is already running (its journal {path} is in use)",
            hint="use the join link that session printed, or close it (Ctrl-C in its terminal) first",
        ) from None
