"""How long `coalition assess` takes to put the first indicator on the screen of a terminal.

Each command runs in a pseudo-terminal of 80×24, as on a facilitator's laptop, and the clock stops
when the first indicator's name has been written to the terminal. Beside it, in the same run:
Python importing Textual (the floor every Textual program pays), a minimal Textual app showing one
line (what any full-screen Textual program costs), and the line-by-line session (`--plain`) up to
its first question. Median of several runs. Target: the full screen in under a second.

Run: .venv/bin/python benchmarks/bench_assess_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from _common import BIN, assessment_text, compile_bytecode, indicator_ids

TARGET_SECONDS = 1.0
MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static


class Hello(App):
    def compose(self):
        yield Static("Hello from a minimal Textual app")


Hello().run()
"""


@dataclass
class Figure:
    label: str
    seconds: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def on_screen(command: Sequence[str], marker: str, *, cwd: Path, timeout: float = 30.0) -> float:
    """Seconds from starting `command` in an 80×24 pseudo-terminal to `marker` on its screen."""
    import pexpect

    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    env.pop("NO_COLOR", None)
    started = time.perf_counter()
    child = pexpect.spawn(
        command[0], list(command[1:]), cwd=str(cwd), env=env, dimensions=(24, 80), timeout=timeout
    )
    try:
        child.expect_exact(marker.encode())
        elapsed = time.perf_counter() - started
    finally:
        child.close(force=True)  # a hang-up: every session keeps what was answered (nothing, here)
    return elapsed


def to_exit(command: Sequence[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (default 7)")
    args = parser.parse_args(argv)
    indicators = indicator_ids()
    first_name = indicators[0][1]
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        (here / "spring.yaml").write_text(
            assessment_text(random.Random(7), "Riverside Pathways Coalition", "2026-03-14", indicators)
        )
        (here / "hello.py").write_text(MINIMAL_APP)
        coalition = str(BIN / "coalition")
        print(compile_bytecode(coalition))
        jobs = [
            (
                "python -c 'import textual.app' (to exit)",
                lambda: to_exit([sys.executable, "-c", "import textual.app"]),
            ),
            (
                "a minimal Textual app (to its line)",
                lambda: on_screen([sys.executable, "hello.py"], "Hello from a minimal", cwd=here),
            ),
            (
                "coalition assess --plain (to the question)",
                lambda: on_screen(
                    [coalition, "assess", "spring.yaml", "--all", "--plain"], "Stage for", cwd=here
                ),
            ),
            (
                "coalition assess (full screen, to the name)",
                lambda: on_screen([coalition, "assess", "spring.yaml", "--all"], first_name, cwd=here),
            ),
        ]
        figures = [Figure(label, []) for label, _job in jobs]
        for _ in range(args.runs):  # interleaved, so that a busy moment of the machine hits them all alike
            for figure, (_label, job) in zip(figures, jobs, strict=True):
                figure.seconds.append(job())
    print(f"== start-up to the first indicator on an 80x24 terminal: median of {args.runs} runs ==")
    for figure in figures:
        print(
            f"   {figure.label:<46} {figure.median * 1000:7.0f} ms   (min {min(figure.seconds) * 1000:5.0f}, "
            f"max {max(figure.seconds) * 1000:5.0f})"
        )
    ours, minimal = figures[-1], figures[1]
    print(f"   the full screen costs {ours.median - minimal.median:+.2f} s over a minimal Textual app")
    verdict = "met" if ours.median < TARGET_SECONDS else "NOT met"
    print(
        f"target: the first indicator on screen in under {TARGET_SECONDS:.0f} s: {verdict} ({ours.median:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
