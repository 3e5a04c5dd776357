"""A real room server for the tests: an assessment in a temporary folder, served on 127.0.0.1 (port 0).

`serve(path)` runs the server in a thread of this process; `RoomProcess` runs `coalition room` in a
subprocess, for the tests that must kill it (SIGKILL). Both read the links back from the server.
Every wait is bounded in time.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from coalition_cli.core.room.session import RoomSession
from coalition_cli.web.guard import Limits
from coalition_cli.web.server import RoomServer
from tests.support.paths import SRC

ASSESSMENT = """\
# Spring workshop: the room rates, the facilitator saves.
framework: community-framework
coalition: Riverside Pathways Coalition
assessed_on: 2026-03-14
term: Spring 2026
ratings:
  C1.1:
    stage: 1   # last term's stage, kept until the room agrees
    evidence: Informal meetings only.
  C1.2:
    stage: null
"""


def write_assessment(folder: Path, text: str = ASSESSMENT, name: str = "spring.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Served:
    server: RoomServer
    session: RoomSession

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    @property
    def join_path(self) -> str:
        return urlsplit(self.server.links.join).path

    @property
    def presenter_path(self) -> str:
        return urlsplit(self.server.links.presenter).path

    def presenter(self) -> httpx.Client:
        client = httpx.Client(base_url=self.base, timeout=30, follow_redirects=True)
        response = client.get(self.presenter_path)
        assert response.status_code == 200, response.text
        return client

    def participant(self) -> httpx.Client:
        client = httpx.Client(base_url=self.base, timeout=30, follow_redirects=True)
        response = client.get(self.join_path)
        assert response.status_code == 200, response.text
        return client


@contextlib.contextmanager
def serve(path: Path, limits: Limits | None = None, port: int = 0) -> Iterator[Served]:
    session = RoomSession(path)
    session.start()
    server = RoomServer(session, port=port, limits=limits)
    try:
        server.start_in_thread()
        yield Served(server, session)
    finally:
        server.stop_thread()
        session.close()


def vote(client: httpx.Client, indicator: str, stage: int | None, **extra: Any) -> httpx.Response:
    return client.post("/api/p/vote", json={"indicator": indicator, "stage": stage, **extra})


_LINK = re.compile(r"^(Join|Presenter):\s+(http://\S+)", re.MULTILINE)


class RoomProcess:
    """`coalition room FILE --port 0 --no-qr` in a subprocess; `links` once it printed them."""

    def __init__(self, path: Path, *extra: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(SRC), "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "coalition_cli", "room", str(path), "--port", "0", "--no-qr", *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            start_new_session=True,
        )
        self.output = ""
        self.links = self._read_links(timeout=30)

    def _read_links(self, timeout: float) -> dict[str, str]:
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        found: dict[str, str] = {}
        while len(found) < 2 and time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.output += line
            match = _LINK.match(line)
            if match:
                found[match.group(1)] = match.group(2)
        if len(found) < 2:
            self.kill()
            raise AssertionError(f"the room did not print its links:\n{self.output}")
        return found

    @property
    def base(self) -> str:
        parts = urlsplit(self.links["Join"])
        return f"{parts.scheme}://{parts.netloc}"

    def client(self, link: str) -> httpx.Client:
        client = httpx.Client(base_url=self.base, timeout=30, follow_redirects=True)
        response = client.get(urlsplit(self.links[link]).path)
        assert response.status_code == 200, response.text
        return client

    def kill(self) -> None:
        """SIGKILL: no clean-up, no flush, as a crash or a pulled plug."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def interrupt(self, timeout: float = 15) -> str:
        """Ctrl-C; returns the rest of the output."""
        self.process.send_signal(signal.SIGINT)
        rest, _ = self.process.communicate(timeout=timeout)
        self.output += rest
        return rest
