"""Shared by the benchmark scripts: realistic assessment files, and timing commands as subprocesses.

Each run is timed by the clock on the wall and by the CPU time the kernel counts for the process and
every child it waited for (its workers), with the largest resident size seen. `paired` runs several
commands in turn, round by round, so that load on the machine from other jobs hits all of them alike.
"""

from __future__ import annotations

import functools
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

EVIDENCE = [
    "Quarterly meetings since 2024; the charter was drafted by the executive committee in January.",
    "Working groups meet monthly; agendas and minutes are on the shared drive.",
    "The district shares a dashboard with the coalition twice a year; employers asked for more.",
    "Forty-two employers hosted 180 students in summer internships; a database tracks placements.",
    "A communications plan is drafted; partners use the shared one-page brief in their newsletters.",
]
OWNERS = ["Chamber of Commerce", "Riverside USD", "Workforce Board", "Community College", "Mayor's Office"]


def compile_bytecode(command: str | Path) -> str:
    """Compile the coalition package of the installation `command` (its `coalition` script) belongs
    to, as `pip install .` does; the line to print saying so.

    A wheel install ships bytecode, so users never pay for compiling our modules. An editable install
    compiles them on first import and keeps the result, unless PYTHONDONTWRITEBYTECODE is set (as on
    some development machines): then every run would compile them again (35-50 ms) and the figures
    would measure the compiler, not the tool. The installation's own Python does it (its version).
    """
    python = Path(command).parent / "python"
    package = subprocess.run(
        [str(python), "-c", "import coalition_cli, os; print(os.path.dirname(coalition_cli.__file__))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # forced (-f): compileall judges bytecode fresh by the source's time of change, to the second, while
    # the import system checks its size too; a module edited twice within a second would keep bytecode
    # that every run refuses and compiles again
    subprocess.run(
        [str(python), "-m", "compileall", "-f", "-q", package], check=True, stdout=subprocess.DEVNULL
    )
    return f"bytecode compiled (as a wheel install ships it): {package}"


def indicator_ids() -> list[tuple[str, str]]:
    """(indicator id, name) of the bundled framework, read with the tool's own loader."""
    from coalition_cli.core.loading.frameworks import load_framework

    return [(i.id, i.name) for i in load_framework().indicators]


def assessment_text(
    rng: random.Random, coalition: str, date: str, indicators: Sequence[tuple[str, str]]
) -> str:
    """A realistic consensus assessment: comments, participants, evidence, targets and actions."""
    lines = [
        f"# {coalition}: consensus self-assessment",
        "framework: community-framework",
        f"coalition: {coalition}",
        f"assessed_on: {date}",
        "facilitator: Dana Whitfield",
        "participants:",
        "  - name: Maria Lopez",
        "    organization: Riverside Unified School District",
        "    stakeholder_group: k12-education",
        "  - name: Sam Ortiz",
        "    organization: Riverside Chamber of Commerce",
        "    stakeholder_group: business-organizations",
        "ratings:",
    ]
    for indicator_id, name in indicators:
        stage = rng.randint(1, 4)
        lines += [
            f"  {indicator_id}:  # {name}",
            f"    stage: {stage}",
            f"    evidence: {rng.choice(EVIDENCE)}",
        ]
        if stage < 4 and rng.random() < 0.5:
            lines.append(f"    target: {stage + 1}")
        if rng.random() < 0.3:
            lines += [
                "    actions:",
                "      - action: Draft the next step with the working group",
                f"        owner: {rng.choice(OWNERS)}",
                f"        due: 2026-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}",
            ]
    return "\n".join(lines) + "\n"


@dataclass
class Timing:
    label: str
    seconds: list[float]
    peak_rss_kb: int
    exit_code: int
    cpu_seconds: list[float] = field(default_factory=list)
    """User and system time of the process and of the children it waited for, run by run."""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_seconds)

    def merged(self, other: Timing) -> Timing:
        return Timing(
            self.label,
            self.seconds + other.seconds,
            max(self.peak_rss_kb, other.peak_rss_kb),
            other.exit_code,
            self.cpu_seconds + other.cpu_seconds,
        )


def run(label: str, command: Sequence[str], *, repeat: int = 5, cwd: Path | None = None) -> Timing:
    """Run a command `repeat` times: wall and CPU time of each run, the largest resident size seen
    (of the process or of any child it waited for)."""
    seconds, cpu, peak, code = [], [], 0, 0
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        seconds.append(time.perf_counter() - start)
        cpu.append(usage.ru_utime + usage.ru_stime)
        peak = max(peak, usage.ru_maxrss)
        code = os.waitstatus_to_exitcode(status)
        process.returncode = code
    return Timing(label, seconds, peak, code, cpu)


def paired(
    commands: Sequence[tuple[str, Sequence[str]]], *, repeat: int = 5, cwd: Path | None = None
) -> list[Timing]:
    """Each command once a round, in turn, for `repeat` rounds (after one round not counted, which
    fills the file cache): the timings in the order of `commands`."""
    for label, command in commands:
        run(label, command, repeat=1, cwd=cwd)
    rounds = [[run(label, command, repeat=1, cwd=cwd) for label, command in commands] for _ in range(repeat)]
    return [functools.reduce(Timing.merged, column) for column in zip(*rounds, strict=True)]


FLOOR = """
import sys
from ruamel.yaml import YAML
yaml = YAML(typ="safe")
for name in sys.argv[1:]:
    with open(name, "rb") as stream:
        yaml.load(stream)
"""
"""The parse-only floor: Python, ruamel.yaml's C loader, and each file read and parsed, nothing else.
No Python tool that reads the files with it can do the job for less."""


def floor(files: Sequence[str]) -> list[str]:
    return [sys.executable, "-c", FLOOR, *files]


def report(
    title: str, ours: Timing, peer: Timing, target: float | None, *others: Timing, on_wall: bool = False
) -> None:
    """The timings side by side (ours, the peer's, then any others, such as the floor), and the ratio
    of ours to the peer's CPU time (`on_wall`: the target is of wall time); `target` None: the figure
    is for information, with no target."""
    print(f"\n{title}")
    for timing in (ours, peer, *others):
        print(
            f"  {timing.label:<34} CPU {timing.cpu_median * 1000:8.1f} ms   wall {timing.median * 1000:8.1f} ms   "
            f"(min {min(timing.seconds) * 1000:7.1f})   peak RSS {timing.peak_rss_kb / 1024:6.1f} MB   exit {timing.exit_code}"
        )
    cpu, wall = ours.cpu_median / peer.cpu_median, ours.median / peer.median
    ratios = f"ratio {cpu:.2f} of the peer's CPU time, {wall:.2f} of its wall time"
    if target is None:
        print(f"  {ratios} (no target)")
    else:
        verdict = "meets" if (wall if on_wall else cpu) <= target else "MISSES"
        print(f"  {ratios}; target <= {target:.2f} of its {'wall' if on_wall else 'CPU'} time: {verdict}")
