"""`coalition room` on the command line: refusals, the export to rater files, the plan's line, the terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.cli.room.terminal import status_lines
from coalition_cli.core.room.journal import Journal, journal_path
from coalition_cli.core.room.phones import Phones
from coalition_cli.core.room.records import Opened, Revealed, SessionStarted, Vote
from coalition_cli.core.room.session import RoomSession
from tests.support.paths import SRC
from tests.support.room import write_assessment

AT = "2026-03-14T18:00:00Z"
ROOM_VOTES = {  # device: (stage on C1.1, stage on C2.1, group)
    "phoneAAAA": (1, 3, "parent-student-advocacy"),
    "phoneBBBB": (2, None, "k12-education"),
    "phoneCCCC": (2, 2, None),
    "phoneDDDD": (4, 3, "corporations"),
    "phoneEEEE": (None, 1, "parent-student-advocacy"),
}


def _session(path: Path) -> None:
    """A finished room session in the journal beside `path`, as the server writes it."""
    journal = Journal(journal_path(path))
    journal.open()
    journal.append(SessionStarted(path.name, "community-framework", AT))
    for index, indicator in enumerate(("C1.1", "C2.1")):
        journal.append(Opened(indicator, AT))
        for device, votes in ROOM_VOTES.items():
            evidence = f"Reason on {indicator}: a | pipe and <b>markup</b>" if device == "phoneAAAA" else None
            journal.append(Vote(indicator, device, votes[index], votes[2], evidence, AT))
        journal.append(Revealed(indicator, AT))
    journal.close()


def test_a_file_with_problems_is_not_served(runner: CliRunner, tmp_path: Path) -> None:
    path = write_assessment(
        tmp_path, "framework: community-framework\ncoalition: X\nassessed_on: 2026-02-30\n"
    )
    result = runner.invoke(app, ["room", str(path), "--port", "0"])
    assert result.exit_code == 1
    assert "invalid-date" in result.output
    assert not journal_path(path).exists()


def test_a_missing_file_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["room", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "nope.yaml" in result.output


def test_export_writes_one_anonymous_rater_file_per_phone_that_consensus_and_score_read(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = write_assessment(tmp_path)
    _session(path)
    out = tmp_path / "raters"
    result = runner.invoke(app, ["room", str(path), "--export", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote 5 anonymous rater files" in result.output
    files = sorted(out.glob("*.yaml"))
    assert [file.name for file in files] == [f"participant-0{n}.yaml" for n in range(1, 6)]
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert "phone" not in text.replace("this phone", "")  # no device pseudonym
        assert runner.invoke(app, ["validate", "--strict", str(file)]).exit_code in (
            0,
            1,
        )  # unrated = warnings
        assert runner.invoke(app, ["validate", str(file)]).exit_code == 0
    report = json.loads(runner.invoke(app, ["consensus", *map(str, files), "--format", "json"]).output)
    by_id = {item["id"]: item for item in report["indicators"]}
    assert list(by_id["C1.1"]["ratings"].values()) == [votes[0] for votes in ROOM_VOTES.values()]
    assert by_id["C1.1"]["proposed"] == 2 and by_id["C1.1"]["flag"] == "discuss first"
    assert list(by_id["C2.1"]["ratings"].values()) == [votes[1] for votes in ROOM_VOTES.values()]
    first = files[0].read_text(encoding="utf-8")
    assert "stakeholder_group: parent-student-advocacy" in first
    assert "Reason on C1.1: a | pipe and <b>markup</b>" in first
    score = runner.invoke(app, ["score", *map(str, files), "--format", "json"])
    assert score.exit_code == 0, score.output


def test_export_never_replaces_a_file(runner: CliRunner, tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    _session(path)
    out = tmp_path / "raters"
    out.mkdir()
    (out / "participant-03.yaml").write_text("mine\n")
    result = runner.invoke(app, ["room", str(path), "--export", str(out)])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "would be replaced" in said
    assert f"export into a folder of its own, like {out}-2" in said  # one that works
    assert sorted(p.name for p in out.iterdir()) == ["participant-03.yaml"]
    assert (out / "participant-03.yaml").read_text() == "mine\n"
    assert runner.invoke(app, ["room", str(path), "--export", f"{out}-2"]).exit_code == 0


def test_export_again_into_the_same_folder_brings_its_own_files_up_to_date(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The closing lines suggest `--export raters/spring/` after every evening: the second time, the
    room's own earlier files there are brought up to date (a later vote, a new phone), not refused."""
    path = write_assessment(tmp_path)
    _session(path)
    out = tmp_path / "raters" / "spring"
    assert runner.invoke(app, ["room", str(path), "--export", f"{out}/"]).exit_code == 0
    journal = Journal(journal_path(path))
    journal.open()
    journal.append(Opened("C1.1", AT))
    journal.append(Vote("C1.1", "phoneAAAA", 4, None, "Changed my mind.", AT))
    journal.append(Vote("C1.1", "phoneFFFF", 3, None, None, AT))
    journal.close()
    (out / "notes.yaml").write_text("not: a rater file\n")  # left alone
    result = runner.invoke(app, ["room", str(path), "--export", f"{out}/"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert (
        "wrote 6 anonymous rater files" in said
        and "5 of them brought up to date from the last export" in said
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "notes.yaml",
        *(f"participant-0{n}.yaml" for n in range(1, 7)),
    ]
    assert (
        "stage: 4" in (out / "participant-01.yaml").read_text()
        and "Changed my mind." in (out / "participant-01.yaml").read_text()
    )
    assert (out / "notes.yaml").read_text() == "not: a rater file\n"


def test_export_refuses_a_folder_of_another_terms_raters_and_takes_this_terms(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The room's closing hint said `--export raters/`, where last term's raters' files were: the
    consensus then mixed the two terms. Files of the same day are welcome (raters who wrote theirs)."""
    import re
    import shutil

    path = write_assessment(tmp_path)
    _session(path)
    day = re.search(r"(?m)^assessed_on: (\S+)$", path.read_text(encoding="utf-8"))
    assert day is not None
    out = tmp_path / "raters"
    out.mkdir()
    last_term = out / "2025-09-dana.yaml"
    shutil.copyfile(path, last_term)
    last_term.write_text(
        last_term.read_text().replace(f"assessed_on: {day.group(1)}", "assessed_on: 2025-09-18")
    )
    result = runner.invoke(app, ["room", str(path), "--export", str(out)])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert f"{out} already holds 1 assessment of another day (2025-09-dana.yaml)" in said
    assert f"export into a folder of this term's own, like {out / path.stem}" in said
    assert sorted(p.name for p in out.iterdir()) == ["2025-09-dana.yaml"]
    last_term.unlink()
    shutil.copyfile(path, out / "written-by-hand.yaml")  # the same day: exported beside it
    result = runner.invoke(app, ["room", str(path), "--export", str(out)])
    assert result.exit_code == 0, result.output


def test_export_without_a_session_says_how_to_run_one(runner: CliRunner, tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    result = runner.invoke(app, ["room", str(path), "--export", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "has no room session yet" in result.output and "coalition room" in result.output


def test_the_plan_says_what_the_room_said(runner: CliRunner, tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    without = runner.invoke(app, ["plan", str(path)]).output
    assert "In the room" not in without
    _session(path)
    markdown = runner.invoke(app, ["plan", str(path)])
    assert markdown.exit_code == 0, markdown.output
    said = (  # C1.1: 1, 2, 2, 4 and a "don't know": the presenter said "Discuss first" (spread 3)
        "**In the room:** 5 people rated this in the room (1 did not know); the ratings ranged from "
        "1 Emerging to 4 Transforming, so the room was asked to discuss it before agreeing.\n\n"
    )
    assert said in markdown.output
    assert markdown.output.replace(said, "") == without  # one paragraph more, nothing else changed
    html = runner.invoke(app, ["plan", str(path), "--format", "html", "-o", "-"]).output
    assert '<p class="room"><strong>In the room:</strong> 5 people rated this in the room' in html
    assert "phone" not in html.lower().replace("phone:", "")


def test_the_terminal_status_line_follows_the_room(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    _session(path)
    session = RoomSession(path)
    session.start()
    try:
        assert status_lines(session) == [
            "C2.1 Shared Vision for Student Success · result shown · 5 of 5 phones have voted",
            "Result: spread 2, discuss first · proposed 2 Developing · 1 don't know",
        ]
        session.open("C1.2")  # restarted: the phones that voted before are not here until their pages ask
        assert status_lines(session) == [
            "C1.2 Operational Working Groups · voting open · 0 have voted: no phone here now"
        ]
        session.phone_seen("a-phone-that-voted-before")
        assert status_lines(session) == [
            "C1.2 Operational Working Groups · voting open · 0 of 1 phone has voted"
        ]
        session.close_voting()
        assert "voting closed" in status_lines(session)[0]
        assert all(len(line) <= 80 for line in status_lines(session))
        session.open("C3.1")  # the longest name gives way, the count stays whole
        session.phone_seen("a-phone-that-has-not-voted")
        [line] = status_lines(session)
        assert line.startswith("C3.1 Student Success") and line.endswith(
            " · voting open · 0 of 2 phones have voted"
        )
        assert len(line) <= 80
    finally:
        session.close()


def test_the_terminal_says_how_many_phones_are_here_now_not_only_how_many_joined(tmp_path: Path) -> None:
    session = RoomSession(write_assessment(tmp_path))
    session.start()
    clock = [0.0]
    session.phones = Phones(45, clock=lambda: clock[0])
    try:
        assert status_lines(session) == [
            "Waiting: open an indicator on the presenter page · no phone has joined yet"
        ]
        for number in range(12):
            session.phone_seen(f"phone{number}")
        assert status_lines(session) == [
            "Waiting: open an indicator on the presenter page · 12 phones here now"
        ]
        clock[0] = 40.0
        for number in range(9):  # three pages were closed: they ask no more
            session.phone_seen(f"phone{number}")
        clock[0] = 60.0
        [line] = status_lines(session)
        assert line.endswith(" · 9 phones here now (12 joined in all)") and line.startswith("Waiting: open")
        assert len(line) <= 80
        session.open("C1.2")
        session.phone_seen("phone11")  # back for a moment: it votes, and is gone again
        session.vote("phone11", "C1.2", 3, None, None)
        session.vote("phone0", "C1.2", 2, None, None)
        clock[0] = 80.0
        for number in range(9):
            session.phone_seen(f"phone{number}")
        clock[0] = 110.0
        assert status_lines(session) == [  # 9 here, and the one that voted and left
            "C1.2 Operational Working Groups · voting open · 2 of 10 phones have voted"
        ]
    finally:
        session.close()


def test_other_commands_do_not_load_the_web_server() -> None:
    code = (
        "import sys; import coalition_cli.cli.app; "
        "print(sorted(m for m in ('starlette', 'uvicorn', 'segno', 'httpx', 'anyio') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={"PYTHONPATH": str(SRC)},
    )
    assert result.stdout.strip() == "[]"


def test_the_join_code_holds_the_link_in_capitals_which_is_the_same_link(tmp_path: Path) -> None:
    from coalition_cli.web.server import lan_address, links

    session = RoomSession(write_assessment(tmp_path))
    session.start()
    try:
        found = links(session, "192.168.1.20", 8765)
    finally:
        session.close()
    assert found.join == f"http://192.168.1.20:8765/j/{session.secrets.join}"
    assert (
        found.join_qr == found.join.upper()
    )  # scheme and host ignore case; /J/ is routed; the token is capitals
    assert found.presenter.startswith("http://127.0.0.1:8765/f/")
    address = lan_address()  # asks the routing table only: sends nothing
    assert address is None or (address.count(".") == 3 and not address.startswith("127."))


def test_the_command_that_carries_on_keeps_lan_and_the_port_the_links_use() -> None:
    """Phones come back by themselves only to the same address: --lan, and the port (one picked by
    --port 0 too), or the restarted room's links differ from the ones on their screens."""
    from coalition_cli.web.server import room_command

    assert room_command("spring.yaml", lan=False, port=8765) == "coalition room spring.yaml"
    assert room_command("spring.yaml", lan=True, port=8765) == "coalition room spring.yaml --lan"
    assert (
        room_command("'my file.yaml'", lan=True, port=41234)
        == "coalition room 'my file.yaml' --lan --port 41234"
    )


def test_closing_with_a_result_shown_but_not_saved_says_so(tmp_path: Path) -> None:
    """Ctrl-C with C1.2's result on the projector and its stage not saved: the terminal's closing
    lines name it and how to save it (the votes are kept; the same command shows the result again).
    Saved, or already the file's stage, nothing is said."""
    from tests.support.room import RoomProcess, vote

    path = write_assessment(tmp_path)
    room = RoomProcess(path)
    try:
        presenter = room.client("Presenter")
        presenter.post("/api/f/open", json={"indicator": "C1.2"})
        for stage in (2, 2, 3):
            assert vote(room.client("Join"), "C1.2", stage).status_code == 200
        presenter.post("/api/f/reveal", json={})
        said = " ".join(room.interrupt().split())
    finally:
        room.kill()
    assert (
        "Not saved: C1.2 Operational Working Groups, result shown (proposed 2 Developing). "
        "Run the same command again and press Save. To carry on, run: coalition room"
    ) in said

    room = RoomProcess(path)  # carried on: the result is shown again; saved, nothing to say
    try:
        presenter = room.client("Presenter")
        state = presenter.get("/api/f/state", params={"seen": -1}).json()
        assert state["current"]["id"] == "C1.2" and state["current"]["revealed"] is True
        saved = presenter.post(
            "/api/f/agree", json={"indicator": "C1.2", "stage": 2, "seen": state["current"]["seen"]}
        )
        assert saved.status_code == 200, saved.text
        said = " ".join(room.interrupt().split())
    finally:
        room.kill()
    assert "Not saved" not in said and "1 agreed stage saved" in said
