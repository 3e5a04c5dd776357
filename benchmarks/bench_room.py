"""How many votes a second `coalition room` takes, and how soon the presenter sees each one.

Two servers, each in its own process on 127.0.0.1, driven by the same client in the same run:

- **room**: `coalition room FILE --port 0 --no-qr` on a copy of the Riverside example, with every
  guard on (cookies checked, bodies validated, limits), every vote appended to the journal and
  fsynced (group commit) before its answer;
- **floor**: a bare Starlette endpoint under the same uvicorn settings that only counts votes in
  memory (no check, no journal, no fsync): what the framework and the server cost alone.

The client is 200 participants (httpx, asyncio, one connection each) and a presenter waiting for
news as the presenter page does. Three figures per server:

1. throughput: every participant sends 10 votes back to back, all 200 at once (2,000 votes);
2. latency of a vote (its answer): median and 95th percentile, under that load;
3. vote → presenter: 100 participants keep changing their votes (load that moves no count) while
   100 others vote once each, at random moments; the time from sending each of those votes to the
   presenter receiving the count that includes it. Target: no visible lag (well under 250 ms).

Every loop is bounded in count and time; traffic goes to 127.0.0.1 only.

Run: .venv/bin/python benchmarks/bench_room.py [--participants 200] [--votes 10]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEADLINE = 300.0
"""No run of the benchmark takes longer than this (seconds)."""


# --- the floor: a bare Starlette endpoint ----------------------------------------------------------


def serve_floor() -> None:
    """The same protocol as the room, with nothing but a dict behind it: one live vote per device and
    indicator, counted in memory, and the same waiting for news; under the same uvicorn settings."""
    import itertools

    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    devices = itertools.count(1)
    votes: dict[str, dict[str, int | None]] = {}
    current = {"indicator": "", "version": 0, "phase": 0}
    events = {"version": asyncio.Event(), "phase": asyncio.Event()}

    def changed(*kinds: str) -> None:
        for kind in kinds:
            current[kind] = int(current[kind]) + 1
            events[kind].set()
            events[kind] = asyncio.Event()

    async def wait(kind: str, request: Request) -> None:
        if int(request.query_params.get("seen", "-1")) == current[kind]:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(events[kind].wait(), 20)

    async def join(request: Request) -> Response:
        response = JSONResponse({"ok": True})
        response.set_cookie("device", str(next(devices)))
        return response

    async def vote(request: Request) -> JSONResponse:
        body = await request.json()
        votes.setdefault(body["indicator"], {})[request.cookies.get("device", "")] = body.get("stage")
        changed("version")
        return JSONResponse({"saved": True, "stage": body.get("stage")})

    async def open_(request: Request) -> JSONResponse:
        current["indicator"] = (await request.json())["indicator"]
        changed("version", "phase")
        return JSONResponse({"ok": True})

    async def presenter(request: Request) -> JSONResponse:
        await wait("version", request)
        voted = len(votes.get(str(current["indicator"]), {}))
        return JSONResponse({"version": current["version"], "current": {"voted": voted}})

    async def participant(request: Request) -> JSONResponse:
        await wait("phase", request)
        return JSONResponse({"phase": current["phase"], "indicator": current["indicator"]})

    app = Starlette(
        routes=[
            Route("/j/x", join),
            Route("/api/p/vote", vote, methods=["POST"]),
            Route("/api/p/state", participant),
            Route("/api/f/state", presenter),
            Route("/api/f/open", open_, methods=["POST"]),
        ]
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # as the room's (see bind)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(512)
    port = sock.getsockname()[1]
    print(f"Join:      http://127.0.0.1:{port}/j/x", flush=True)
    print(f"Presenter: http://127.0.0.1:{port}/j/x", flush=True)
    config = uvicorn.Config(
        app,
        lifespan="off",
        access_log=False,
        log_level="warning",
        http="h11",
        ws="none",
        limit_concurrency=1000,
        timeout_keep_alive=30,
    )
    asyncio.run(uvicorn.Server(config).serve(sockets=[sock]))


# --- the servers under test ------------------------------------------------------------------------

_LINK = re.compile(r"^(Join|Presenter):\s+(http://\S+)")


@dataclass
class Server:
    name: str
    process: subprocess.Popen[str]
    links: dict[str, str] = field(default_factory=dict)

    @property
    def base(self) -> str:
        parts = urlsplit(self.links["Join"])
        return f"{parts.scheme}://{parts.netloc}"


@contextlib.contextmanager
def started(name: str, command: list[str]) -> Iterator[Server]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    server = Server(name, process)
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 60
        while len(server.links) < 2 and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            match = _LINK.match(line)
            if match:
                server.links[match.group(1)] = match.group(2)
        if len(server.links) < 2:
            raise RuntimeError(f"the {name} server did not start")
        yield server
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


# --- the client ------------------------------------------------------------------------------------


@dataclass
class Figures:
    votes: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    to_presenter: list[float] = field(default_factory=list)
    refused: int = 0
    statuses: dict[int, int] = field(default_factory=dict)

    @property
    def per_second(self) -> float:
        return self.votes / self.seconds if self.seconds else 0.0


def ms(values: list[float], q: float) -> str:
    if not values:
        return "–"
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000:.1f} ms"


class Phone:
    """One keep-alive HTTP/1.1 connection with its cookies: a phone, or the presenter's browser.

    A few lines of asyncio rather than an HTTP library: at 200 participants a full client library
    costs more CPU than the server it measures (httpx managed ~270 requests a second here against
    the bare floor), and the two share this machine's cores.
    """

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        self.host, self.port = str(parts.hostname), int(parts.port or 80)
        self.cookies: dict[str, str] = {}
        self._streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def request(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        if self._streams is None:
            self._streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self._streams
        payload = b"" if body is None else json.dumps(body).encode()
        head = [
            f"{method} {path} HTTP/1.1",
            f"Host: {self.host}:{self.port}",
            f"Content-Length: {len(payload)}",
        ]
        if body is not None:
            head.append("Content-Type: application/json")
        if self.cookies:
            head.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + payload)
        status_line = await reader.readline()
        status = int(status_line.split()[1])
        length = 0
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "set-cookie":
                key, _, rest = value.strip().partition("=")
                self.cookies[key] = rest.split(";")[0]
        data = await reader.readexactly(length)
        return status, json.loads(data) if data.startswith((b"{", b"[")) else None

    async def get(self, path: str) -> tuple[int, Any]:
        return await self.request("GET", path)

    async def post(self, path: str, body: Any) -> tuple[int, Any]:
        return await self.request("POST", path, body)

    def close(self) -> None:
        if self._streams is not None:
            self._streams[1].close()


async def run_load(server: Server, participants: int, votes_each: int, seed: int) -> Figures:
    rng = random.Random(seed)
    figures = Figures()
    presenter = Phone(server.base)
    phones = [Phone(server.base) for _ in range(participants)]
    try:
        presenter_path = urlsplit(server.links["Presenter"]).path
        await presenter.get(presenter_path)  # sets the presenter cookie (the 303 to the page is not followed)
        join = urlsplit(server.links["Join"]).path
        for phone in phones:
            await phone.get(join)

        async def vote(phone: Phone, indicator: str, stage: int | None) -> None:
            started = time.perf_counter()
            status, _ = await phone.post(
                "/api/p/vote", {"indicator": indicator, "stage": stage, "group": None, "evidence": None}
            )
            figures.latencies.append(time.perf_counter() - started)
            if status != 200:
                figures.refused += 1
                figures.statuses[status] = figures.statuses.get(status, 0) + 1

        # every phone waits for news, as the participant page does; opening the indicator answers them all
        waiting = [asyncio.ensure_future(phone.get("/api/p/state?seen=0")) for phone in phones]
        await asyncio.sleep(1.0)
        await presenter.post("/api/f/open", {"indicator": "C2.3"})
        await asyncio.wait_for(asyncio.gather(*waiting), 60)

        # 1-2. throughput: everyone sends `votes_each` votes back to back, all at once
        async def keep_voting(phone: Phone) -> None:
            for _ in range(votes_each):
                await vote(phone, "C2.3", rng.randint(1, 4))

        started = time.perf_counter()
        await asyncio.gather(*(keep_voting(phone) for phone in phones))
        figures.seconds = time.perf_counter() - started
        figures.votes = participants * votes_each
        throughput_latencies = list(figures.latencies)

        # 3. vote -> presenter: new voters one at a time at random moments, under re-voting load
        await presenter.post("/api/f/open", {"indicator": "C3.1"})
        half = participants // 2
        background, probes = phones[:half], phones[half:]
        for phone in background:  # counted once; their changes of mind move no count
            await vote(phone, "C3.1", 2)
        _, state = await presenter.get("/api/f/state?seen=-1")
        base_count = state["current"]["voted"]
        seen_at: dict[int, float] = {}
        stop = asyncio.Event()

        async def presenter_loop() -> None:
            version = state["version"]
            while not stop.is_set():
                _, data = await presenter.get(f"/api/f/state?seen={version}")
                version = data["version"]
                now = time.perf_counter()
                for reached in range(data["current"]["voted"] + 1):
                    seen_at.setdefault(reached, now)

        async def churn() -> None:
            for _ in range(1000):  # bounded; stopped long before
                if stop.is_set():
                    return
                await asyncio.gather(*(vote(phone, "C3.1", rng.randint(1, 4)) for phone in background))
                await asyncio.sleep(0.1)

        sent: list[float] = []
        watcher = asyncio.ensure_future(presenter_loop())
        churner = asyncio.ensure_future(churn())
        await asyncio.sleep(0.3)
        for phone in probes:
            await asyncio.sleep(rng.uniform(0.01, 0.05))
            sent.append(time.perf_counter())
            await vote(phone, "C3.1", rng.randint(1, 4))
        await asyncio.sleep(0.5)
        stop.set()
        await asyncio.gather(churner, return_exceptions=True)
        opener = Phone(server.base)
        opener.cookies = dict(presenter.cookies)
        await opener.post("/api/f/open", {"indicator": "C1.1"})  # answers the presenter's last wait
        opener.close()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(watcher, 25)
        for number, at in enumerate(sent, start=1):
            if base_count + number in seen_at:
                figures.to_presenter.append(max(0.0, seen_at[base_count + number] - at))
        figures.latencies = throughput_latencies
    finally:
        for phone in (presenter, *phones):
            phone.close()
    return figures


def measure(server: Server, participants: int, votes_each: int) -> Figures:
    return asyncio.run(asyncio.wait_for(run_load(server, participants, votes_each, seed=14), DEADLINE))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument(
        "--votes", type=int, default=10, help="votes each participant sends in the throughput run"
    )
    parser.add_argument("--serve-floor", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_floor:
        serve_floor()
        return 0
    if not 2 <= args.participants <= 1000 or not 1 <= args.votes <= 50:
        parser.error("--participants 2..1000, --votes 1..50")

    results: dict[str, Figures] = {}
    with tempfile.TemporaryDirectory(dir=ROOT) as folder:
        for name in ("2026-03-spring.yaml", "coalition.yaml"):
            shutil.copy(ROOT / "examples" / "riverside" / name, folder)
        assessment = Path(folder) / "2026-03-spring.yaml"
        commands: dict[str, list[str]] = {
            "room": [
                sys.executable,
                "-m",
                "coalition_cli",
                "room",
                str(assessment),
                "--port",
                "0",
                "--no-qr",
            ],
            "floor": [sys.executable, str(Path(__file__).resolve()), "--serve-floor"],
        }
        for name, command in commands.items():
            with started(name, command) as server:
                results[name] = measure(server, args.participants, args.votes)
        journal = assessment.with_name(assessment.stem + ".room.jsonl")
        journal_votes = journal.read_text(encoding="utf-8").count('"kind":"vote"')

    room, floor = results["room"], results["floor"]
    print(
        f"== coalition room: {args.participants} participants, Python {sys.version.split()[0]}, {os.cpu_count()} cores =="
    )
    print(f"{'':44}{'room':>14}{'floor':>14}")
    print(
        f"{'votes a second (' + str(room.votes) + ' votes, all at once)':44}{room.per_second:>14,.0f}{floor.per_second:>14,.0f}"
    )
    print(f"{'one vote answered, median':44}{ms(room.latencies, 0.5):>14}{ms(floor.latencies, 0.5):>14}")
    print(
        f"{'one vote answered, 95th percentile':44}{ms(room.latencies, 0.95):>14}{ms(floor.latencies, 0.95):>14}"
    )
    print(
        f"{'vote -> presenter count, median':44}{ms(room.to_presenter, 0.5):>14}{ms(floor.to_presenter, 0.5):>14}"
    )
    print(
        f"{'vote -> presenter count, 95th percentile':44}{ms(room.to_presenter, 0.95):>14}{ms(floor.to_presenter, 0.95):>14}"
    )
    print(
        f"{'vote -> presenter count, worst':44}{ms(room.to_presenter, 1.0):>14}{ms(floor.to_presenter, 1.0):>14}"
    )
    print(f"{'votes refused (should be 0)':44}{room.refused:>14}{floor.refused:>14}")
    if room.statuses or floor.statuses:
        print(f"refusals by status: room {room.statuses}, floor {floor.statuses}")
    print(f"room journal: {journal_votes:,} votes written and fsynced (group commit) before each answer")
    worst = max(room.to_presenter) if room.to_presenter else float("inf")
    p95 = (
        sorted(room.to_presenter)[round(0.95 * (len(room.to_presenter) - 1))] if room.to_presenter else worst
    )
    verdict = "met" if p95 < 0.25 and room.refused == 0 else "NOT met"
    print(
        f"target: {args.participants} participants without visible lag (95% of votes on the presenter "
        f"within 250 ms): {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
