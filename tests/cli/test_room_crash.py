"""Nothing lost: `coalition room` killed mid-session (SIGKILL) restarts with every vote it confirmed.

The server runs as a real subprocess (`coalition room FILE --port 0 --no-qr`), so it can be killed
without any clean-up, as a crash or a closed laptop would; phones keep their cookies across the
restart, as a phone's browser does.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from coalition_cli.core.room.journal import journal_path, read_journal
from coalition_cli.core.room.records import Vote
from tests.support.room import RoomProcess, vote, write_assessment

pytestmark = pytest.mark.slow


def _moved(client: httpx.Client, room: RoomProcess) -> httpx.Client:
    """The same phone (same cookies) talking to the restarted server, which has a new port."""
    return httpx.Client(base_url=room.base, cookies=client.cookies, timeout=30)


def test_a_killed_server_restarts_with_every_confirmed_vote(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    room = RoomProcess(path)
    try:
        presenter = room.client("Presenter")
        phones = [room.client("Join") for _ in range(24)]
        presenter.post("/api/f/open", json={"indicator": "C2.2"})
        confirmed: dict[int, int | None] = {}
        history: dict[int, list[int | None]] = {phone: [] for phone in range(24)}
        last_try: dict[int, int | None] = {}
        lock = threading.Lock()
        killed = threading.Event()

        def keep_voting(phone: int) -> None:
            for round_ in range(40):  # bounded; the kill comes long before the end
                stage = None if (phone + round_) % 9 == 0 else (phone + round_) % 4 + 1
                last_try[phone] = stage
                try:
                    response = vote(phones[phone], "C2.2", stage)
                except httpx.HTTPError:
                    return  # the server is gone: this vote may or may not have been written
                if response.status_code == 200:
                    with lock:
                        confirmed[phone] = stage
                        history[phone].append(stage)
                if phone == 0 and round_ == 10:
                    room.kill()
                    killed.set()

        with ThreadPoolExecutor(max_workers=12) as pool:
            list(pool.map(keep_voting, range(24)))
        assert killed.is_set()
        assert room.process.returncode == -9
    finally:
        room.kill()

    votes = [record for record in read_journal(journal_path(path)) if isinstance(record, Vote)]
    assert len(votes) >= len(confirmed) > 0
    for phone, stages in history.items():
        device = str(phones[phone].cookies["room_device"]).split(".")[0]
        written = [record.stage for record in votes if record.device == device]
        # every confirmed vote, in order, and at most the one that was on its way
        assert written[: len(stages)] == stages
        assert len(written) - len(stages) <= 1

    again = RoomProcess(path)
    try:
        assert "Carrying on:" in again.output
        presenter = _moved(presenter, again)
        state = presenter.get("/api/f/state", params={"seen": -1}).json()
        assert state["current"]["id"] == "C2.2" and state["current"]["open"] is True
        assert state["current"]["voted"] >= len(confirmed)
        # each phone's live vote is its last confirmed one, or the one it was sending when the server died
        for phone, stage in confirmed.items():
            mine = _moved(phones[phone], again).get("/api/p/state", params={"seen": -1}).json()["mine"]
            assert mine is not None
            assert mine["stage"] in (stage, last_try[phone])
        # the phones go on voting with the cookies they had: replaced, never counted twice
        for phone in range(24):
            assert vote(_moved(phones[phone], again), "C2.2", 2).status_code == 200
        presenter.post("/api/f/reveal", json={})
        result = presenter.get("/api/f/state", params={"seen": -1}).json()["current"]["result"]
        assert result["voted"] == 24
        assert [row["count"] for row in result["by_stage"]] == [0, 24, 0, 0]
        rest = again.interrupt()
        assert again.process.returncode == 0
        assert "Room closed: 24 phones joined, 24 voted on 1 indicator" in rest
    finally:
        again.kill()


def test_every_vote_confirmed_before_the_kill_is_there_after_it(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    room = RoomProcess(path)
    try:
        presenter = room.client("Presenter")
        phones = [room.client("Join") for _ in range(10)]
        sent: dict[str, list[int | None]] = {}
        for indicator in ("C1.1", "C1.2", "C1.3"):
            presenter.post("/api/f/open", json={"indicator": indicator})
            sent[indicator] = [None if n == 3 else (n % 4) + 1 for n in range(10)]
            for phone, stage in zip(phones, sent[indicator], strict=True):
                assert vote(phone, indicator, stage, evidence=f"{indicator} {stage}").status_code == 200
    finally:
        room.kill()

    again = RoomProcess(path)
    try:
        presenter = _moved(presenter, again)
        for indicator, stages in sent.items():
            presenter.post("/api/f/open", json={"indicator": indicator})
            presenter.post("/api/f/reveal", json={})
            result = presenter.get("/api/f/state", params={"seen": -1}).json()["current"]["result"]
            assert result["voted"] == 10
            assert result["dont_know"] == 1
            assert [row["count"] for row in result["by_stage"]] == [stages.count(s) for s in (1, 2, 3, 4)]
            assert sorted(item["text"] for item in result["evidence"]) == sorted(
                f"{indicator} {s}" for s in stages
            )
    finally:
        again.kill()


def test_a_torn_last_line_is_dropped_not_fatal(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    room = RoomProcess(path)
    try:
        presenter, phone = room.client("Presenter"), room.client("Join")
        presenter.post("/api/f/open", json={"indicator": "C1.1"})
        assert vote(phone, "C1.1", 3).status_code == 200
    finally:
        room.kill()
    journal = journal_path(path)
    whole = journal.read_bytes()
    with journal.open("ab") as stream:  # what a laptop losing power mid-write could leave
        stream.write(b'{"kind":"vote","indicator":"C1.1","device":"abcdefgh')

    again = RoomProcess(path)
    try:
        assert "a half-written last record was dropped" in again.output
        assert journal.read_bytes().startswith(whole)
        presenter = _moved(presenter, again)
        assert presenter.get("/api/f/state", params={"seen": -1}).json()["current"]["voted"] == 1
    finally:
        again.kill()


def test_a_second_room_on_the_same_assessment_is_refused(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    room = RoomProcess(path)
    try:
        import subprocess
        import sys

        second = subprocess.run(
            [sys.executable, "-m", "coalition_cli", "room", str(path), "--port", "0", "--no-qr"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert second.returncode == 1
        assert "already running" in second.stderr
    finally:
        room.kill()


def test_in_a_git_repository_the_room_keeps_its_links_out_of_git_and_says_so(tmp_path: Path) -> None:
    """`git add -A`, as anyone does, would have committed the presenter link and the signing key."""
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("needs git")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    path = write_assessment(tmp_path)
    room = RoomProcess(path)
    try:
        said = " ".join(room.output.split())
        assert "git is told to ignore the room's links" in said
        assert ".git/info/exclude" in said and "only this copy of the repository reads" in said
        # at 80 columns the words wrap between words, and the path stands whole on a line of its own
        # (the terminal broke "s / o that" and "riversi / de/.git" where it fell)
        lines = room.output.splitlines()
        exclude = str(tmp_path / ".git" / "info" / "exclude")
        assert [line.strip() for line in lines if exclude in line] == [exclude]
        note = lines[next(n for n, line in enumerate(lines) if "git is told" in line) :]
        assert all(len(line) <= 80 for line in note[:3]), note[:3]
        subprocess.run(["git", "-C", str(tmp_path), "add", "-A"], check=True)
        staged = subprocess.run(
            ["git", "-C", str(tmp_path), "diff", "--cached", "--name-only"], capture_output=True, text=True
        ).stdout
        assert path.name in staged and "room-secrets" not in staged
    finally:
        room.kill()
    again = RoomProcess(path)  # the second time: nothing to add, nothing said
    try:
        assert "git is told" not in again.output
    finally:
        again.kill()
