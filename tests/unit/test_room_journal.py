"""The room journal: whole records or none, torn last lines ignored, one writer, readers that follow it."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_cli.core.errors import ConflictError
from coalition_cli.core.room.journal import Journal, JournalError, JournalTail, journal_path, read_journal
from coalition_cli.core.room.records import (
    Agreed,
    Closed,
    Opened,
    RecordError,
    Revealed,
    SessionStarted,
    Vote,
    decode,
    encode,
)

AT = "2026-03-14T18:00:00Z"


def _vote(n: int, stage: int | None = 2, indicator: str = "C1.1") -> Vote:
    return Vote(indicator, f"device{n:04d}", stage, None, None, AT)


def test_the_journal_lives_beside_the_assessment() -> None:
    assert journal_path(Path("terms/spring-2026.yaml")) == Path("terms/spring-2026.room.jsonl")


def test_records_round_trip_and_are_one_line_each(tmp_path: Path) -> None:
    records = [
        SessionStarted("spring.yaml", "community-framework", AT),
        Opened("C1.1", AT),
        Vote("C1.1", "abcdefgh", None, "k12-education", "Line one\nline two\u2028 “quoted” </script>", AT),
        Closed("C1.1", AT),
        Revealed("C1.1", AT),
        Agreed("C1.1", 2, "Agreed.", AT),
    ]
    journal = Journal(tmp_path / "j.room.jsonl")
    journal.open()
    for record in records:
        journal.append(record)
    journal.close()
    data = (tmp_path / "j.room.jsonl").read_bytes()
    assert data.count(b"\n") == len(records)
    assert read_journal(tmp_path / "j.room.jsonl") == records


@settings(max_examples=200, deadline=None)
@given(
    evidence=st.none() | st.text(max_size=300),
    stage=st.none() | st.integers(min_value=1, max_value=9),
    group=st.none() | st.text(min_size=1, max_size=40),
)
def test_any_vote_survives_encoding(evidence: str | None, stage: int | None, group: str | None) -> None:
    record = Vote("C2.4", "Zx_-0123abcd", stage, group, evidence, AT)
    line = encode(record)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert decode(line[:-1]) == record


@pytest.mark.parametrize(
    "line",
    [
        b"not json",
        b"[1, 2]",
        b'{"kind": "vote"}',
        b'{"kind": "party", "at": "x"}',
        b'{"kind":"vote","indicator":"C1.1","device":"../../etc","stage":2,"group":null,"evidence":null,"at":"x"}',
        b'{"kind":"vote","indicator":"C1.1","device":"abcdefgh","stage":"2","group":null,"evidence":null,"at":"x"}',
        b'{"kind":"vote","indicator":"C1.1","device":"abcdefgh","stage":true,"group":null,"evidence":null,"at":"x"}',
        b'{"kind":"open","indicator":"C1.1","at":"x","extra":1}',
        b'{"kind":"agree","indicator":"C1.1","stage":null,"evidence":null,"at":"x"}',
    ],
)
def test_a_line_that_is_not_a_record_is_refused(line: bytes) -> None:
    with pytest.raises(RecordError):
        decode(line)


def test_a_torn_last_line_is_ignored_when_read_and_trimmed_when_reopened(tmp_path: Path) -> None:
    path = tmp_path / "j.room.jsonl"
    whole = encode(Opened("C1.1", AT)) + encode(_vote(1))
    path.write_bytes(whole + encode(_vote(2))[:30])
    assert read_journal(path) == [Opened("C1.1", AT), _vote(1)]
    journal = Journal(path)
    reopened = journal.open()
    assert reopened.records == (Opened("C1.1", AT), _vote(1))
    assert reopened.trimmed == 30
    journal.append(_vote(3))
    journal.close()
    assert path.read_bytes() == whole + encode(_vote(3))


def test_a_damaged_line_in_the_middle_is_an_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "j.room.jsonl"
    path.write_bytes(encode(Opened("C1.1", AT)) + b"garbage\n" + encode(_vote(1)))
    with pytest.raises(JournalError, match=r"j\.room\.jsonl:2: not a JSON record"):
        read_journal(path)


def test_only_one_server_writes_a_journal(tmp_path: Path) -> None:
    first = Journal(tmp_path / "j.room.jsonl")
    first.open()
    try:
        with pytest.raises(ConflictError, match="already running"):
            Journal(tmp_path / "j.room.jsonl").open()
    finally:
        first.close()
    second = Journal(tmp_path / "j.room.jsonl")
    second.open()  # the lock went with the first writer
    second.close()


def test_every_record_is_one_write_of_one_whole_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    writes: list[bytes] = []
    real_write = os.write

    def spy(fd: int, data: bytes) -> int:
        writes.append(bytes(data))
        return real_write(fd, data)

    journal = Journal(tmp_path / "j.room.jsonl")
    journal.open()
    monkeypatch.setattr(os, "write", spy)
    for n in range(5):
        journal.append(_vote(n))
    monkeypatch.undo()
    journal.close()
    assert writes == [encode(_vote(n)) for n in range(5)]


def test_a_short_write_leaves_no_fragment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "j.room.jsonl"
    journal = Journal(path)
    journal.open()
    journal.append(_vote(1))
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, data[:10]))
    with pytest.raises(OSError, match="full"):
        journal.append(_vote(2))
    monkeypatch.undo()
    journal.close()
    assert path.read_bytes() == encode(_vote(1))


def test_many_writers_share_fsyncs_and_every_record_is_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal(tmp_path / "j.room.jsonl")
    journal.open()
    syncs: list[int] = []
    real_fsync = os.fsync

    def slow_fsync(fd: int) -> None:
        syncs.append(fd)
        threading.Event().wait(0.01)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)

    def one(n: int) -> None:
        number = journal.append(_vote(n))
        assert journal.sync() >= number

    threads = [threading.Thread(target=one, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    monkeypatch.undo()
    assert journal.synced == 40
    assert len(syncs) < 40  # grouped
    journal.close()
    assert len(read_journal(tmp_path / "j.room.jsonl")) == 40


def test_a_tail_reads_only_what_is_new_and_waits_for_whole_lines(tmp_path: Path) -> None:
    path = tmp_path / "j.room.jsonl"
    tail = JournalTail(path)
    assert tail.read() == []
    path.write_bytes(encode(Opened("C1.1", AT)))
    assert tail.read() == [Opened("C1.1", AT)]
    line = encode(_vote(1))
    with path.open("ab") as stream:
        stream.write(line[:12])
    assert tail.read() == []
    with path.open("ab") as stream:
        stream.write(line[12:])
    assert tail.read() == [_vote(1)]
    assert tail.read() == []
    path.write_bytes(encode(Opened("C2.1", AT)))  # a new session replaced the file
    assert tail.read() == [Opened("C2.1", AT)]
    assert tail.restarted


def test_a_reader_tells_whether_a_room_runs_now(tmp_path: Path) -> None:
    """`assess` shows the room line only while the room's server holds its journal: a journal left
    behind by a closed room (kept, as the README says) says nothing of a room that is gone."""
    from coalition_cli.core.room.journal import room_running

    assessment = tmp_path / "spring.yaml"
    assert room_running(assessment) is False  # no journal at all
    journal = Journal(journal_path(assessment))
    journal.open()
    assert room_running(assessment) is True
    assert room_running(assessment) is True  # looking takes nothing away from the server's lock
    journal.close()
    assert journal_path(assessment).exists() and room_running(assessment) is False
    again = Journal(journal_path(assessment))
    again.open()  # a room started again gets its lock, though readers looked meanwhile
    assert room_running(assessment) is True
    again.close()
