"""`coalition room` at a real 80×24 terminal: the QR code beside what to do, the links, a live count."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import httpx
import pytest

from tests.support.paths import SRC
from tests.support.room import vote, write_assessment

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def test_the_terminal_shows_the_code_the_links_and_the_live_count(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    env = {**os.environ, "COLUMNS": "80", "LINES": "24", "TERM": "xterm", "PYTHONPATH": str(SRC)}
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "coalition_cli", "room", str(path), "--port", "0"],
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=30,
    )
    try:
        child.expect(r"Presenter: (http://127\.0\.0\.1:\d+/f/\w+)")
        presenter_link = child.match.group(1)
        screen = ANSI.sub("", child.before)
        lines = screen.splitlines()
        assert "▄" in screen and "█" in screen  # the QR code, in half blocks
        assert any("Room open: Riverside Pathways Coalition" in line and "█" in line for line in lines)
        assert all(len(line) <= 80 for line in lines)
        assert sum(1 for line in lines if line.strip()) <= 21  # with the status line, it fits 24 rows
        join = re.search(r"Join:\s+(http://\S+)", screen)
        assert join is not None
        # without --lan no phone can reach the code: the terminal does not ask anyone to scan it
        words = " ".join(
            " ".join(line.replace("█", " ").replace("▄", " ").replace("▀", " ").split()) for line in lines
        )
        assert "Scan the code" not in words
        assert "To try it out, open the join link in this laptop's browser." in words
        assert "Only this laptop can join: add --lan" in words
        child.expect("Keep the presenter link to yourself.")  # whole, on a line of its own
        child.expect("Waiting: open an indicator on the presenter page · no phone has joined yet")

        base = presenter_link.split("/f/")[0]
        presenter = httpx.Client(base_url=base, follow_redirects=True)
        page = presenter.get(presenter_link).text
        assert "Phones cannot join yet:</strong> this link opens on this laptop only." in page
        phone = httpx.Client(base_url=base)
        phone.get(join.group(1))
        phone.get("/api/p/state", params={"seen": -1})  # what the phone's page does once it is open
        child.expect("Waiting: open an indicator on the presenter page · 1 phone here now")
        presenter.post("/api/f/open", json={"indicator": "C1.1"})
        child.expect("C1.1 Executive Leadership · voting open · 0 of 1 phone has voted")
        vote(phone, "C1.1", 3)
        child.expect("C1.1 Executive Leadership · voting open · 1 of 1 phone has voted")
        presenter.post("/api/f/reveal", json={})
        child.expect("C1.1 Executive Leadership · result shown · 1 of 1 phone has voted")
        child.expect("Result: spread 0 · proposed 3 Advancing")

        child.sendintr()
        # wrapped at 80 columns between words
        child.expect(
            r"Room closed: 1 phone joined, 1 voted on 1 indicator; 0 agreed stages saved in\s+spring\.yaml\."
        )
        child.expect(pexpect.EOF)
        goodbye = ANSI.sub("", child.before).splitlines()
        # no line breaks a word: the commands stand whole on lines of their own
        assert goodbye[1].startswith("Not saved: C1.1 Executive Leadership, result shown (proposed 3")
        carry_on = next(n for n, line in enumerate(goodbye) if "To carry on, run:" in line)
        port = presenter_link.split(":")[2].split("/")[0]
        assert (
            goodbye[carry_on + 1].strip().endswith(f"spring.yaml --port {port}")
        )  # the same links: its port
        assert goodbye[carry_on + 1].strip().startswith("coalition room")
        assert any(line.strip().endswith("--export raters/spring/") for line in goodbye)  # its own folder
    finally:
        child.close(force=True)
    assert child.exitstatus == 0
