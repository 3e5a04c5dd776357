"""Benchmark: every one-file command, in CPU time, beside what Python and the command's imports cost.

Each command runs on the bundled Riverside example (copied to a temporary folder), as a user would
run it. Beside it, in the same run and in alternating order (paired runs, so that the machine's load
falls on all of them alike):

- an *imports-only replica*: `python -c` importing, in the same order, exactly the modules the
  command imported (read from a run under `python -X importtime`), and doing nothing else (but
  what the launcher does first: turn Pydantic's plugin search off, where it does);
- the floor: `python -c pass`.

The last lines time importing the libraries a report command cannot do without (Typer,
ruamel.yaml's C parser, Rich's console and tables), as Python does by default and with the garbage
collector as the launcher keeps it (paused while starting, spared at exit: `core/collector.py`):
no command that reads a file and prints a table can start faster than the second. The very last
adds Pydantic, which every such command imported until 0.5.0 (it now reads a valid file without it).

The command's CPU time (user + system, of the process) minus the replica's is the work the command
does; the replica's share of the command is what start-up costs. Targets: every one-file command
<= 150 ms CPU median, `plan` <= 200 ms. With `--before BIN` (the bin folder of another installation,
e.g. a virtual environment with an older version), that installation is timed in the same run, in
the same rounds, for before/after figures (`--before` again for more installations).

With `--instructions`, each command runs once per installation under Valgrind's callgrind instead,
and the figure is the instructions it executed: a count a busy machine does not disturb (CPU time on
a shared machine moves by 10-40% from one spell to the next), for before/after comparisons of what
a change cut; a hundred million instructions are roughly 20-30 ms here.

    python benchmarks/bench_commands.py [--repeat 11] [--before /path/to/venv/bin] [--only score,plan]
    python benchmarks/bench_commands.py --instructions --before /path/to/venv/bin [--only score]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import BIN, ROOT, compile_bytecode

TARGET_MS = 150.0
PLAN_TARGET_MS = 200.0

RIVERSIDE = ROOT / "examples" / "riverside"
SPRING, FALL = "2026-03-spring.yaml", "2025-09-fall.yaml"
RATERS = sorted(f"raters/{path.name}" for path in (RIVERSIDE / "raters").glob("*.yaml"))
WARNING = "raters/2026-03-marcus-lee.yaml"  # C5.1 left unrated: a `not-rated` warning
ERROR = "error.yaml"  # the same with a stage the rubric does not have: an error (exit 1)
RATED = "rated.yaml"  # a copy of the spring file that `rate` changes (restored before each run)
NEW = "new.yaml"  # the file `init` writes (removed before each run)
LIBRARIES = "typer, ruamel.yaml.cyaml, rich.console, rich.table"
"""What a command that reads a file and prints a table cannot do without: the floor under it."""
PYDANTIC = "pydantic.main, pydantic.fields"
"""What such a command imported as well until 0.5.0, to read a file by the models."""


@dataclass(frozen=True)
class Case:
    """One command line, run in the Riverside folder; `prepare` runs (untimed) before each run."""

    label: str
    args: tuple[str, ...]
    target_ms: float | None = TARGET_MS
    prepare: Callable[[Path], None] | None = None
    python: bool = False
    """`args` are the interpreter's (a floor to compare with), not `coalition`'s."""


def _restore_rated(folder: Path) -> None:
    shutil.copyfile(folder / SPRING, folder / RATED)


def _remove_new(folder: Path) -> None:
    (folder / NEW).unlink(missing_ok=True)


CASES = (
    Case("validate, clean (fast path)", ("validate", RATERS[0])),
    Case("validate, a warning", ("validate", WARNING)),
    Case("validate, an error", ("validate", ERROR)),
    Case("validate, a profile", ("validate", SPRING)),
    Case("score", ("score", SPRING)),
    Case("compare", ("compare", FALL, SPRING)),
    Case("consensus", ("consensus", *RATERS)),
    Case("plan (Markdown)", ("plan", SPRING, "--since", FALL), PLAN_TARGET_MS),
    Case("plan (HTML)", ("plan", SPRING, "--since", FALL, "-f", "html", "-o", "-"), PLAN_TARGET_MS),
    Case("roster", ("roster", SPRING)),
    Case("rate", ("rate", RATED, "C1.1=4"), prepare=_restore_rated),
    Case("init", ("init", NEW, "--coalition", "Riverside Pathways Coalition"), prepare=_remove_new),
    Case("schema", ("schema",)),
    Case("framework list", ("framework", "list")),
    Case("assess --help", ("assess", "--help")),
    Case("(libraries a report needs)", ("-c", f"import {LIBRARIES}"), target_ms=None, python=True),
    Case(
        "(the same, collector as launched)",
        ("-c", f"import gc; gc.disable(); import {LIBRARIES}; gc.freeze()"),
        target_ms=None,
        python=True,
    ),
    Case(
        "(and Pydantic, collector as launched)",
        ("-c", f"import gc; gc.disable(); import {LIBRARIES}, {PYDANTIC}; gc.freeze()"),
        target_ms=None,
        python=True,
    ),
)


@dataclass
class Installation:
    """A `coalition` installation (a bin folder holding `python` and `coalition`), and its figures."""

    name: str
    bin: Path
    cpu: dict[str, list[float]] = field(default_factory=dict)
    exit_codes: dict[str, int] = field(default_factory=dict)
    replicas: dict[str, list[str]] = field(default_factory=dict)

    @property
    def python(self) -> str:
        return str(self.bin / "python")

    def command(self, case: Case) -> list[str]:
        return [self.python, *self.arguments(case)]

    def arguments(self, case: Case) -> list[str]:
        """What follows the interpreter: the `coalition` script and its arguments, or python's own."""
        return list(case.args) if case.python else [str(self.bin / "coalition"), *case.args]

    def replica(self, case: Case) -> list[str]:
        return [self.python, "-c", _REPLICA, *self.replicas[case.label]]

    def floor(self) -> list[str]:
        return [self.python, "-c", "pass"]


_REPLICA = """\
import importlib, sys
try:  # what the command's launcher does before it imports anything (newer installations only)
    from coalition_cli.cli import no_plugins
    no_plugins.disable()
except ImportError:
    pass
try:
    from coalition_cli.core import collector
    collector.pause()
except ImportError:
    collector = None
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except Exception:
        pass
if collector is not None:
    collector.spare_at_exit()
"""
"""Imports the modules named on its command line, in that order, and nothing else (after turning
Pydantic's plugin search off and pausing the garbage collector as the launcher does, and sparing
the collector the exit as it does, where the installation has those steps)."""


def cpu_seconds(command: Sequence[str], cwd: Path) -> tuple[float, int]:
    """The user + system CPU time of one run of `command`, and its exit code."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, process.returncode


def imported_modules(installation: Installation, case: Case, cwd: Path) -> list[str]:
    """The modules a command imports beyond `python -c pass`, as the outermost imports in order.

    `-X importtime` prints one line per import, children first and indented; the unindented lines
    are the imports the command's own code made (at start or inside functions), and importing them
    again in that order imports every other module the command did.
    """

    def outermost(command: list[str]) -> list[str]:
        result = subprocess.run(
            [installation.python, "-X", "importtime", *command],
            capture_output=True,
            text=True,
            cwd=cwd,
            check=False,
        )
        names = []
        for line in result.stderr.splitlines():
            if line.startswith("import time:") and "|" in line:
                name = line.rsplit("|", 1)[1]
                if name.startswith(" ") and not name.startswith("  "):
                    names.append(name.strip())
        return names

    if case.prepare is not None:  # once untimed, so that the caches are warm as in the timed runs (a
        case.prepare(cwd)  # fresh installation checks the bundled rubric by the models once)
    subprocess.run(installation.command(case), cwd=cwd, capture_output=True, check=False)
    if case.prepare is not None:
        case.prepare(cwd)
    floor = set(outermost(["-c", "pass"]))
    return [name for name in outermost(installation.arguments(case)) if name not in floor]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11, help="rounds (each runs every figure once)")
    parser.add_argument(
        "--before",
        type=Path,
        action="append",
        default=[],
        help="bin folder of another installation to time alongside (repeat for several, oldest first)",
    )
    parser.add_argument("--only", help="comma-separated labels (or their first words) to run")
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions under callgrind (one run each)"
    )
    args = parser.parse_args()

    installations = [
        *(
            Installation(f"before {number}" if len(args.before) > 1 else "before", bin.resolve())
            for number, bin in enumerate(args.before, 1)
        ),
        Installation("now", BIN),
    ]
    cases = [
        case
        for case in CASES
        if not args.only or any(case.label.startswith(word.strip()) for word in args.only.split(","))
    ]
    print(f"{len(cases)} commands on the Riverside example; {os.cpu_count()} cores; {args.repeat} rounds")
    print(f"load average at start: {_load()}")
    for installation in installations:
        print(f"  {installation.name}: {installation.bin / 'coalition'} ({_version(installation)})")
        print(f"    {compile_bytecode(installation.bin / 'coalition')}")

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="coalition-bench-") as temporary:
        folder = Path(temporary) / "riverside"
        shutil.copytree(RIVERSIDE, folder)
        warning = (folder / WARNING).read_text(encoding="utf-8")
        (folder / ERROR).write_text(warning.replace("stage: 3", "stage: 9", 1), encoding="utf-8")
        if args.instructions:
            _count_instructions(cases, installations, folder)
            print(f"load average at end: {_load()} ({time.perf_counter() - started:.0f} s)\n")
            return
        for installation in installations:
            for case in cases:
                installation.replicas[case.label] = imported_modules(installation, case, folder)
        for round_number in range(args.repeat):
            for case in cases:
                _round(case, installations, folder, round_number)
    print(f"load average at end: {_load()} ({time.perf_counter() - started:.0f} s)\n")
    _report(cases, installations)


def _round(case: Case, installations: list[Installation], folder: Path, round_number: int) -> None:
    """Every figure of one command once, in an order that turns with each round."""
    runs: list[tuple[Installation, str, list[str]]] = []
    for installation in installations:
        runs += [
            (installation, case.label, installation.command(case)),
            (installation, f"{case.label}/replica", installation.replica(case)),
            (installation, f"{case.label}/floor", installation.floor()),
        ]
    turn = round_number % len(runs)
    for installation, key, command in runs[turn:] + runs[:turn]:
        if case.prepare is not None:
            case.prepare(folder)
        seconds, code = cpu_seconds(command, folder)
        installation.cpu.setdefault(key, []).append(seconds)
        if key == case.label:
            installation.exit_codes[key] = code


def instructions(command: Sequence[str], cwd: Path) -> int:
    """The instructions one run of `command` executes (Valgrind's callgrind; hash seed fixed)."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={os.devnull}", *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        check=False,
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"callgrind gave no count for {' '.join(command)}:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def _count_instructions(cases: Sequence[Case], installations: Sequence[Installation], folder: Path) -> None:
    print("\nInstructions executed (millions), one run each under callgrind; change: now against the first")
    heading = f"{'command':<38}" + "".join(f" | {installation.name:>10}" for installation in installations)
    print(heading + " | change")
    print("-" * (len(heading) + 9))
    for case in cases:
        counts = []
        for installation in installations:
            if case.prepare is not None:  # once untimed, the caches warm, then counted
                case.prepare(folder)
            subprocess.run(installation.command(case), cwd=folder, capture_output=True, check=False)
            if case.prepare is not None:
                case.prepare(folder)
            counts.append(instructions(installation.command(case), folder))
        shown = "".join(f" | {count / 1e6:>10.0f}" for count in counts)
        print(f"{case.label:<38}{shown} | {counts[-1] / counts[0] - 1:+.0%}", flush=True)


def _report(cases: Sequence[Case], installations: Sequence[Installation]) -> None:
    def ms(installation: Installation, key: str) -> float:
        return statistics.median(installation.cpu[key]) * 1000

    print("CPU time (user + system), median, in ms; start-up = the imports-only replica's share")
    heading = f"{'command':<30}"
    for installation in installations:
        heading += f" | {installation.name + ': command':>15} {'imports':>8} {'python':>7} {'start-up':>9}"
    heading += " | target"
    print(heading)
    print("-" * len(heading))
    for case in cases:
        line = f"{case.label:<30}"
        for installation in installations:
            command = ms(installation, case.label)
            replica = ms(installation, f"{case.label}/replica")
            floor = ms(installation, f"{case.label}/floor")
            code = installation.exit_codes[case.label]
            shown = f"{command:.0f}" + (f" (exit {code})" if code else "")
            line += f" | {shown:>15} {replica:>8.0f} {floor:>7.0f} {min(replica / command, 1.0):>8.0%}"
        now = ms(installations[-1], case.label)
        if case.target_ms is not None:
            verdict = "met" if now <= case.target_ms else "MISSED"
            line += f" | <= {case.target_ms:.0f}: {verdict}"
        print(line)


def _load() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def _version(installation: Installation) -> str:
    result = subprocess.run(
        [str(installation.bin / "coalition"), "--version"], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() or "?"


if __name__ == "__main__":
    main()
