"""Benchmark: CPU per file from one file to 1,000, named or as a folder; many files for validate and summary.

For 1, 2, 4, … 512 and 1,000 generated assessment files (and 3 and 4, either side of where a worker
process starts on two cores, 6 and 8 where more start on more cores, 31 and 32 where one used to),
times in the same rounds: `coalition validate` on the files named, on their folder,
`check-jsonschema` on the files named, and the parse-only floor (Python parsing the files with
ruamel.yaml's C loader, nothing else); each round runs every command at every size, so that a change
of load during the run cannot pass for a step of the curve. Prints CPU time per file (the process
and its workers; medians of the rounds) and the wall time of the same runs, then whether ours falls
from each size to the next, round by round (the median of each round's own step) and by the best
runs (the least disturbed by other jobs on the machine), and where not, by how much, beside the
lowest and highest step of a single round (a rise well inside that range is one round's noise, not a
cliff): no cliffs. Then, on the
1,000 files (a network: several terms per coalition, some partly unrated), `coalition summary
--format json` beside validate and the floor. Targets: CPU per file falls at every step, named or
folder; <= 1.7 ms per file for validate and summary on 1,000 files.

`--before BIN` times another installation's `coalition` (say, main before a change) in the same
rounds, for before-and-after figures.

    python benchmarks/bench_files.py [--repeat 3] [--before OTHER/bin/coalition]
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import itertools

from _common import BIN, Timing, compile_bytecode, floor, paired, run
from bench_summary import generate

SIZES = (1, 2, 3, 4, 6, 8, 16, 31, 32, 64, 128, 256, 512, 1000)
"""The points of the curve, each of which must cost less CPU per file than the one before."""

TARGET_PER_FILE = 1.7
"""ms of CPU per file, on 1,000 files, for validate and summary."""


def per_file(timing: Timing, files: int) -> float:
    return timing.cpu_median * 1000 / files


def best_per_file(timing: Timing, files: int) -> float:
    return min(timing.cpu_seconds) * 1000 / files


Spread = dict[tuple[int, int], tuple[float, float]]
"""Each step's lowest and highest ratio over the rounds: how far one round's noise reaches."""


def rises(steps: dict[tuple[int, int], float], spread: Spread | None = None) -> list[str]:
    """The steps (from a files to b, the ratio of CPU per file at b to that at a) that go up, each
    with the range its rounds gave (a rise inside that range may be one round's noise)."""
    found = []
    for (a, b), ratio in steps.items():
        if ratio > 1:
            low, high = spread[a, b] if spread else (ratio, ratio)
            rounds = f"; the rounds {low - 1:+.1%} to {high - 1:+.1%}" if spread else ""
            found.append(f"{a}→{b} (+{ratio - 1:.1%}{rounds})")
    return found


def monotone(steps: dict[tuple[int, int], float], spread: Spread | None = None) -> str:
    found = rises(steps, spread)
    return "monotone, meets" if not found else "MISSES, rises at " + ", ".join(found)


def round_by_round(timings: dict[int, list[Timing]], column: int) -> dict[tuple[int, int], float]:
    """Each step of the curve as the median, over the rounds, of the ratio within one round: the two
    sizes of a step ran seconds apart, so a change of load between rounds cancels out."""
    steps = {}
    for a, b in itertools.pairwise(SIZES):
        before, after = timings[a][column].cpu_seconds, timings[b][column].cpu_seconds
        steps[a, b] = statistics.median((y / b) / (x / a) for x, y in zip(before, after, strict=True))
    return steps


def round_spread(timings: dict[int, list[Timing]], column: int) -> Spread:
    """Each step's lowest and highest ratio within one round, over the rounds."""
    spread = {}
    for a, b in itertools.pairwise(SIZES):
        before, after = timings[a][column].cpu_seconds, timings[b][column].cpu_seconds
        ratios = [(y / b) / (x / a) for x, y in zip(before, after, strict=True)]
        spread[a, b] = (min(ratios), max(ratios))
    return spread


def best_runs(timings: dict[int, list[Timing]], column: int) -> dict[tuple[int, int], float]:
    """Each step of the curve by the best run of each size (the least disturbed by other jobs)."""
    best = {size: best_per_file(timings[size][column], size) for size in SIZES}
    return {(a, b): best[b] / best[a] for a, b in itertools.pairwise(SIZES)}


def curve_rounds(
    commands: dict[int, list[tuple[str, list[str]]]], root: Path, *, repeat: int
) -> dict[int, list[Timing]]:
    """Every command at every size once a round, for `repeat` rounds after one not counted: a
    change of load on the machine during the run hits every point of the curve alike, not the few
    sizes timed while it lasted (which would show as a step that is not ours)."""
    rounds: list[dict[int, list[Timing]]] = []
    for number in range(repeat + 1):
        rounds.append(
            {
                size: [
                    run(label, command, repeat=1, cwd=root / f"n{size}") for label, command in commands[size]
                ]
                for size in SIZES
            }
        )
        print(f"  round {number + 1} of {repeat + 1} done", file=sys.stderr, flush=True)
    counted = rounds[1:]
    return {
        size: [
            functools.reduce(Timing.merged, column)
            for column in zip(*(r[size] for r in counted), strict=True)
        ]
        for size in SIZES
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", help="another installation's coalition command, timed beside this one")
    args = parser.parse_args()

    coalition, peer = str(BIN / "coalition"), str(BIN / "check-jsonschema")
    for command in (coalition, args.before) if args.before else (coalition,):
        print(compile_bytecode(command))
    with tempfile.TemporaryDirectory(prefix="coalition-bench-files-") as folder:
        root = Path(folder)
        network = root / "network"
        network.mkdir()
        generate(network, max(SIZES), 4)
        files = sorted(network.rglob("*.yaml"))
        schema = root / "coalition.schema.json"
        subprocess.run([coalition, "schema", "-o", str(schema)], check=True, capture_output=True)
        print(
            f"{len(files)} generated assessment files, {os.cpu_count()} cores, load average "
            f"{os.getloadavg()[0]:.1f} at the start; {args.repeat} rounds of every command at every size, medians of CPU time"
        )
        columns = ["validate, named", "validate, folder", "check-jsonschema", "parse-only floor"]
        if args.before:
            columns += ["before: named", "before: folder"]
        print("\nCPU per file (ms)\n" + f"{'files':>6}  " + "  ".join(f"{c:>17}" for c in columns))
        commands: dict[int, list[tuple[str, list[str]]]] = {}
        for size in SIZES:
            sub = root / f"n{size}"
            sub.mkdir()
            for n, path in enumerate(files[:size]):
                shutil.copy(path, sub / f"{n:04}-{path.parent.name}-{path.name}")
            names = sorted(path.name for path in sub.iterdir())
            commands[size] = [
                ("named", [coalition, "validate", *names]),
                ("folder", [coalition, "validate", "."]),
                ("peer", [peer, "--schemafile", str(schema), *names]),
                ("floor", floor(names)),
            ]
            if args.before:
                commands[size] += [("before named", [args.before, "validate", *names])]
                commands[size] += [("before folder", [args.before, "validate", "."])]
        timings = curve_rounds(commands, root, repeat=args.repeat)
        for size in SIZES:
            figures = [per_file(timing, size) for timing in timings[size]]
            print(f"{size:>6}  " + "  ".join(f"{value:>17.2f}" for value in figures), flush=True)

        print(
            "\nWall time of a run (ms, medians; same runs)\n"
            + f"{'files':>6}  "
            + "  ".join(f"{c:>17}" for c in columns)
        )
        for size in SIZES:
            print(f"{size:>6}  " + "  ".join(f"{timing.median * 1000:>17.0f}" for timing in timings[size]))

        print()
        ours = [(0, "validate, named"), (1, "validate, folder")]
        if args.before:
            ours += [(4, "before: named"), (5, "before: folder")]
        for column, label in ours:
            spread = round_spread(timings, column)
            for steps, which in ((round_by_round, "round by round"), (best_runs, "best runs")):
                print(
                    f"  {label}, {which}: CPU per file falls at every size 1, 2, … 1,000: "
                    + monotone(steps(timings, column), spread if steps is round_by_round else None)
                )

        many = len(files)
        commands = [
            ("validate", [coalition, "validate", "."]),
            ("summary --format json", [coalition, "summary", "--format", "json", "."]),
            ("parse-only floor", floor([str(path.relative_to(network)) for path in files])),
        ]
        if args.before:
            commands += [("before: validate", [args.before, "validate", "."])]
            commands += [("before: summary --format json", [args.before, "summary", "--format", "json", "."])]
        print(f"\n{many} files (a network of coalitions, several terms each)")
        for timing in paired(commands, repeat=args.repeat, cwd=network):
            value = per_file(timing, many)
            verdict = ""
            if timing.label in ("validate", "summary --format json"):
                verdict = f"   target <= {TARGET_PER_FILE}: " + (
                    "meets" if value <= TARGET_PER_FILE else "MISSES"
                )
            print(
                f"  {timing.label:<30} {value:6.2f} ms CPU per file   wall {timing.median:6.2f} s   "
                f"peak RSS {timing.peak_rss_kb / 1024:6.1f} MB{verdict}"
            )
        print(f"\nload average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
