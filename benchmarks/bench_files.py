"""Benchmark: CPU per file from one file to 1,000, named or as a folder; many files for validate and summary.

For 1, 2, 4, … 512 and 1,000 generated assessment files (and 31 and 32, either side of where
worker processes start), times in the same rounds: `coalition validate` on the files named, on
their folder, `check-jsonschema` on the files named, and the parse-only floor (Python parsing the
files with ruamel.yaml's C loader, nothing else). Prints CPU time per file (the process and its
workers; medians of paired runs) and whether ours falls at every step, by the medians and by the best
runs (the least disturbed by other jobs on the machine): no cliffs. Then, on the
1,000 files (a network: several terms per coalition, some partly unrated), `coalition summary
--format json` beside validate and the floor. Targets: CPU per file falls at every step, named or
folder; <= 1.7 ms per file for validate and summary on 1,000 files.

`--before BIN` times another installation's `coalition` (say, main before a change) in the same
rounds, for before-and-after figures.

    python benchmarks/bench_files.py [--repeat 3] [--before OTHER/bin/coalition]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import itertools

from _common import BIN, Timing, compile_bytecode, floor, paired
from bench_summary import generate

SIZES = (1, 2, 4, 8, 16, 31, 32, 64, 128, 256, 512, 1000)
STEPS = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000)
"""The points of the curve that must fall one after the other (31 is shown, as the last size checked
in one process; it need not beat 16 by as much)."""

TARGET_PER_FILE = 1.7
"""ms of CPU per file, on 1,000 files, for validate and summary."""


def per_file(timing: Timing, files: int) -> float:
    return timing.cpu_median * 1000 / files


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
            f"{os.getloadavg()[0]:.1f} at the start; {args.repeat} paired runs each, medians of CPU time"
        )
        columns = ["validate, named", "validate, folder", "check-jsonschema", "parse-only floor"]
        if args.before:
            columns += ["before: named", "before: folder"]
        print("\nCPU per file (ms)\n" + f"{'files':>6}  " + "  ".join(f"{c:>17}" for c in columns))
        curve: dict[int, list[float]] = {}
        best: dict[int, list[float]] = {}
        for size in SIZES:
            sub = root / f"n{size}"
            sub.mkdir()
            for n, path in enumerate(files[:size]):
                shutil.copy(path, sub / f"{n:04}-{path.parent.name}-{path.name}")
            names = sorted(path.name for path in sub.iterdir())
            commands = [
                ("named", [coalition, "validate", *names]),
                ("folder", [coalition, "validate", "."]),
                ("peer", [peer, "--schemafile", str(schema), *names]),
                ("floor", floor(names)),
            ]
            if args.before:
                commands += [("before named", [args.before, "validate", *names])]
                commands += [("before folder", [args.before, "validate", "."])]
            timings = paired(commands, repeat=args.repeat, cwd=sub)
            curve[size] = [per_file(timing, size) for timing in timings]
            best[size] = [min(timing.cpu_seconds) * 1000 / size for timing in timings]
            print(f"{size:>6}  " + "  ".join(f"{value:>17.2f}" for value in curve[size]), flush=True)
            shutil.rmtree(sub)

        for column, label in ((0, "named"), (1, "as a folder")):
            for figures, which in ((curve, "medians"), (best, "best runs")):
                rises = [
                    f"{a}→{b} (+{figures[b][column] / figures[a][column] - 1:.0%})"
                    for a, b in itertools.pairwise(STEPS)
                    if figures[b][column] > figures[a][column]
                ]
                verdict = "meets" if not rises else "MISSES (rises at " + ", ".join(rises) + ")"
                print(
                    f"  validate, {label}, {which}: CPU per file falls at every step 1, 2, … 1,000: {verdict}"
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
