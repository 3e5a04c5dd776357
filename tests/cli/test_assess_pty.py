"""`coalition assess` at a real terminal, line by line (`--plain`) and full screen: Ctrl-C or a closed
terminal mid-session keeps the answers, resuming finishes, and a pasted text stays one answer."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from coalition_cli.core.loading.assessments import check_assessment
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.yaml import source as yamlsource
from tests.support.paths import EXAMPLES

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

TIMEOUT = 20


def spawn(cwd: Path, *args: str, plain: bool = True) -> pexpect.spawn:
    env = {**os.environ, "COLUMNS": "80", "LINES": "24", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "coalition_cli", "assess", *args, *(["--plain"] if plain else [])],
        cwd=str(cwd),
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=TIMEOUT,
    )


def rate_one(child: pexpect.spawn, indicator: str, stage: str, evidence: str = "") -> None:
    child.expect(f"Stage for {indicator}")
    child.sendline(stage)
    child.expect("Evidence: ")
    if evidence:
        child.sendline(evidence)
        child.expect("… ")
    child.sendline("")
    child.expect("Action: ")
    child.sendline("")


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None, f"killed by signal {child.signalstatus}"
    return int(child.exitstatus)


def test_ctrl_c_keeps_the_answers_then_resuming_finishes(tmp_path: Path, framework: Framework) -> None:
    child = spawn(tmp_path, "new.yaml")
    child.expect("Name of the coalition: ")
    child.sendline("Riverside Pathways Coalition")
    child.expect("Date of this assessment")
    child.sendline("2026-03-14")
    child.expect("Term ")
    child.sendline("Spring 2026")
    child.expect("Who facilitates")
    child.sendline("")
    child.expect("Participant's name: ")
    child.sendline("Maria Lopez")
    child.expect("Organization")
    child.sendline("Riverside Unified School District")
    child.expect("Stakeholder group, by number")
    child.sendline("1")
    child.expect("Participant's name: ")
    child.sendline("")
    rate_one(child, "C1.1", "2", "Quarterly meetings since 2024")
    rate_one(child, "C1.2", "developing")
    child.expect("Stage for C1.3")
    child.sendline("3")
    child.expect("Evidence: ")
    child.sendintr()  # Ctrl-C in the middle of the third indicator
    child.expect("Stopped at C1.3")
    child.expect(r"coalition assess new\.yaml --start-at C1\.3")
    assert finish(child) == 130

    path = tmp_path / "new.yaml"
    ratings = yamlsource.parse_fast(path.read_text())["ratings"]
    assert ratings["C1.1"] == {"stage": 2, "evidence": "Quarterly meetings since 2024"}
    assert ratings["C1.2"] == {"stage": 2}
    assert ratings["C1.3"] == {"stage": 3}  # given before Ctrl-C: kept
    assert not check_assessment(path).has_errors

    child = spawn(tmp_path, "new.yaml", "--start-at", "C1.3")
    child.expect("Enter keeps 3")
    child.sendline("")  # keep 3
    child.expect("Evidence: ")
    child.sendline("")
    child.expect("Action: ")
    child.sendline("")
    for indicator in framework.indicators[3:]:
        rate_one(child, indicator.id, "=" if indicator.id == "C6.1" else "1")  # C6.1 is linked to C1.3
    child.expect("Where the coalition stands")
    child.expect(r"coalition plan new\.yaml")
    assert finish(child) == 0
    check = check_assessment(path, strict=True)
    assert not check.problems, check.problems


def test_ctrl_c_while_creating_the_file_creates_nothing(tmp_path: Path) -> None:
    child = spawn(tmp_path, "new.yaml")
    child.expect("Name of the coalition: ")
    child.sendintr()
    child.expect("Nothing was created")
    assert finish(child) == 130
    assert not (tmp_path / "new.yaml").exists()


def team_file(folder: Path) -> Path:
    path = folder / "team.yaml"
    shutil.copy(Path(__file__).parent.parent / "fixtures" / "editing" / "commented.yaml", path)
    return path


def ratings_of(path: Path) -> dict[str, object]:
    return dict(yamlsource.parse_fast(path.read_text())["ratings"])


def test_a_paragraph_pasted_after_an_empty_line_stays_evidence(tmp_path: Path) -> None:
    path = team_file(tmp_path)
    child = spawn(tmp_path, "team.yaml", "--indicator", "C1.2")
    child.expect("Stage for C1.2")
    child.sendline("3")
    child.expect("Evidence: ")
    child.send("The charter was signed in May.\r\rA second paragraph.\r")  # pasted: all at once
    child.expect("another line")
    time.sleep(0.2)
    child.sendline("")
    child.expect("Action: ")
    child.sendline("")
    assert finish(child) == 0
    assert ratings_of(path)["C1.2"] == {
        "stage": 3,
        "evidence": "The charter was signed in May.\n\nA second paragraph.",
    }


def test_a_closed_terminal_keeps_every_answer_line_by_line(tmp_path: Path) -> None:
    path = team_file(tmp_path)
    child = spawn(tmp_path, "team.yaml", "--indicator", "C1.2", "--indicator", "C1.3")
    child.expect("Stage for C1.2")
    child.sendline("4")
    child.expect("Evidence: ")
    child.kill(signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 129, (child.exitstatus, child.signalstatus)
    assert ratings_of(path)["C1.2"] == {"stage": 4}


# -- the full screen in a real terminal ---------------------------------------------------------------


def test_the_full_screen_rates_takes_a_bracketed_paste_and_quits(tmp_path: Path) -> None:
    path = team_file(tmp_path)
    child = spawn(tmp_path, "team.yaml", "--indicator", "C1.2", plain=False)
    child.expect("Operational Working Groups")
    child.expect("quit")  # the keys are drawn: the screen is ready
    time.sleep(0.3)
    child.send("2")
    child.expect("Saved")
    child.send("e")
    child.expect("What shows the coalition")
    time.sleep(0.3)
    child.send("\x1b[200~First paragraph.\r\rSecond paragraph.\x1b[201~")  # a paste, as a terminal sends it
    time.sleep(0.3)
    child.send("\x1b")  # Esc: save and close
    child.expect("has the evidence")
    child.send("q")
    assert finish(child) == 0
    assert ratings_of(path)["C1.2"] == {"stage": 2, "evidence": "First paragraph.\n\nSecond paragraph."}


def rate_and_start_evidence(child: pexpect.spawn, stage: str, typed: str) -> None:
    """On the full screen: rate, open the evidence box and type into it, leaving it open."""
    child.expect("quit")  # the keys are drawn: the screen is ready
    time.sleep(0.3)
    child.send(stage)
    child.expect("Saved")
    child.send("e")
    child.expect("What shows the coalition")
    time.sleep(0.3)
    child.send(typed)
    time.sleep(0.3)


@pytest.mark.parametrize("how", ["ctrl-c", "hang-up"])
def test_the_full_screen_stopped_keeps_the_answers_and_unfinished_evidence(tmp_path: Path, how: str) -> None:
    path = team_file(tmp_path)
    child = spawn(tmp_path, "team.yaml", "--indicator", "C1.2", plain=False)
    rate_and_start_evidence(child, "3", "half a sentence")
    if how == "ctrl-c":
        child.sendcontrol("c")
        child.expect("Stopped at C1.2")
        child.expect("was saved")
        assert finish(child) == 130
    else:
        child.kill(signal.SIGHUP)
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 129, (child.exitstatus, child.signalstatus)
    assert ratings_of(path)["C1.2"] == {"stage": 3, "evidence": "half a sentence"}


def test_a_terminal_gone_without_a_hang_up_signal_still_ends_the_session(tmp_path: Path) -> None:
    """Started through a wrapper that traps SIGHUP (so the signal never reaches `assess`), the terminal
    closed: the session notices (its terminal answers with I/O errors), keeps the answers and the
    evidence being typed, and exits 129, instead of spinning forever."""
    path = team_file(tmp_path)
    wrapper = (
        f"trap 'echo trapped' HUP; {sys.executable} -m coalition_cli assess team.yaml --indicator C1.2; "
        "echo $? > rc"
    )
    env = {**os.environ, "COLUMNS": "80", "LINES": "24", "TERM": "xterm"}
    child = pexpect.spawn(
        "/bin/bash",
        ["-c", wrapper],
        cwd=str(tmp_path),
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=TIMEOUT,
    )
    rate_and_start_evidence(child, "3", "half a sentence")
    os.close(child.child_fd)  # the terminal window is closed: the master side goes away, no signal sent
    child.closed = True
    rc = tmp_path / "rc"
    deadline = time.monotonic() + TIMEOUT
    try:
        while not rc.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        with contextlib.suppress(ProcessLookupError):  # a session that did not end: not left spinning
            os.killpg(child.pid, signal.SIGKILL)
    assert rc.exists(), "assess did not end after its terminal went away"
    assert rc.read_text().strip() == "129"
    assert ratings_of(path)["C1.2"] == {"stage": 3, "evidence": "half a sentence"}


def test_sigterm_keeps_the_answers_like_a_hang_up(tmp_path: Path) -> None:
    path = team_file(tmp_path)
    child = spawn(tmp_path, "team.yaml", "--indicator", "C1.2", plain=False)
    rate_and_start_evidence(child, "2", "typed when the laptop shut down")
    child.kill(signal.SIGTERM)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 143, (child.exitstatus, child.signalstatus)
    assert ratings_of(path)["C1.2"] == {"stage": 2, "evidence": "typed when the laptop shut down"}


def test_new_actions_typed_in_one_burst_are_saved_as_typed(tmp_path: Path) -> None:
    """A whole line of keys written to the terminal at once (a macro, `tmux send-keys`, a paste
    without bracketed paste): two new actions, each box's words in their own box; the `d` of
    "Add" and the `x` of "Expand" never mark the actions already there."""
    for name in ("2026-03-spring.yaml", "coalition.yaml"):
        shutil.copy(EXAMPLES / "riverside" / name, tmp_path / name)
    path = tmp_path / "2026-03-spring.yaml"
    before = ratings_of(path)["C6.2"]["actions"]  # type: ignore[index]
    assert [action["status"] for action in before] == ["in-progress", "in-progress", "planned"]
    child = spawn(tmp_path, "2026-03-spring.yaml", "--indicator", "C6.2", plain=False)
    child.expect("quit")  # the keys are drawn: the screen is ready
    time.sleep(0.3)
    child.send("aAdd two hosts\rJanet\r2026-05-30\r\raExpand the data day\rMarcus\r\r\r")  # one write
    child.expect("Saved: a new action for C6.2: Expand the data day")
    child.send("q")
    assert finish(child) == 0
    assert ratings_of(path)["C6.2"]["actions"] == [  # type: ignore[index]
        *before,
        {"action": "Add two hosts", "owner": "Janet", "due": "2026-05-30"},
        {"action": "Expand the data day", "owner": "Marcus"},
    ]
