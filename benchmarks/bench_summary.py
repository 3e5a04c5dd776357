"""Benchmark: `coalition summary` over a generated network of many coalitions.

Generates N realistic assessment files (default 5,000: several terms per coalition, six months
apart, one folder per coalition; about a third of them leave one to three indicators unrated, as
teams do mid-way), then times `coalition summary` on the folder as a subprocess: the default
table, JSON, and JSON with one process (`--jobs 1`). For comparison, the naive way: one process
calling `load_assessment` (the full check, as `score` does) on every file, timed in-process
(without start-up). CPU time is per file (the process and its workers), and the peak resident size
is the largest process's (target for `--format json` over 20,000 files: 120 MB). There is no peer
tool for this job; `--before BIN` times another installation's
`coalition` (say, main as it was before a change, installed in its own virtualenv) on the same
files in the same run, case by case, alternating the two so that load on the machine hits both alike.

    python benchmarks/bench_summary.py [--files 5000] [--terms 4] [--repeat 3] [--before OTHER/bin/coalition]
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import BIN, Timing, assessment_text, compile_bytecode, indicator_ids, run

MEMORY_TARGET = 120
"""MB, the peak resident size of `summary --format json` over 20,000 files (the largest process)."""

TERM_DATES = ["2024-03-14", "2024-09-19", "2025-03-13", "2025-09-18", "2026-03-12", "2026-09-17"]


def generate(root: Path, files: int, terms: int, seed: int = 2026) -> int:
    """Write `files` assessments, `terms` per coalition (the last coalition may have fewer); the number of coalitions."""
    rng = random.Random(seed)
    indicators = indicator_ids()
    coalitions = -(-files // terms)
    written = 0
    for number in range(coalitions):
        folder = root / f"coalition-{number:04}"
        folder.mkdir()
        for date in TERM_DATES[:terms]:
            if written == files:
                break
            text = assessment_text(rng, f"Coalition {number:04}", date, indicators)
            if rng.random() < 0.35:  # mid-way: a few indicators not rated yet
                stages = list(re.finditer(r"stage: \d", text))
                for match in sorted(rng.sample(stages, rng.randint(1, 3)), key=lambda m: -m.start()):
                    text = text[: match.start()] + "stage: null" + text[match.end() :]
            (folder / f"{date}.yaml").write_text(text, encoding="utf-8")
            written += 1
    return coalitions


def show(timing: Timing, files: int) -> None:
    print(
        f"  {timing.label:<40} median {timing.median:6.2f} s   (min {min(timing.seconds):6.2f})   "
        f"{files / timing.median:7.0f} files/s   CPU {timing.cpu_median * 1000 / files:5.2f} ms a file   "
        f"peak RSS {timing.peak_rss_kb / 1024:6.1f} MB   exit {timing.exit_code}"
    )


def naive(root: Path) -> float:
    """Seconds to load every file with `load_assessment` in this one process and keep the latest."""
    from coalition_cli.core.loading.assessments import load_assessment

    start = time.perf_counter()
    latest: dict[str, tuple[object, Path]] = {}
    for path in sorted(root.rglob("*.yaml")):
        loaded = load_assessment(path)
        key = loaded.assessment.coalition
        if key not in latest or loaded.assessment.assessed_on > latest[key][0]:  # type: ignore[operator]
            latest[key] = (loaded.assessment.assessed_on, path)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--terms", type=int, default=4, choices=range(1, len(TERM_DATES) + 1))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--before", help="another installation's coalition command, timed beside this one")
    args = parser.parse_args()

    coalition = str(BIN / "coalition")
    for command in (coalition, args.before) if args.before else (coalition,):
        print(compile_bytecode(command))
    with tempfile.TemporaryDirectory(prefix="coalition-bench-summary-") as folder:
        root = Path(folder)
        coalitions = generate(root, args.files, args.terms)
        size = sum(p.stat().st_size for p in root.rglob("*.yaml")) / args.files / 1024
        print(
            f"{args.files} generated assessment files ({coalitions} coalitions, up to {args.terms} terms each), "
            f"{size:.1f} KB each on average; {os.cpu_count()} cores; runs: {args.repeat} each, median reported"
        )
        cases = [
            ("coalition summary (table)", [coalition, "--no-color", "summary", str(root)]),
            ("coalition summary --format json", [coalition, "summary", "--format", "json", str(root)]),
            (
                "coalition summary --jobs 1 (one process)",
                [coalition, "summary", "--jobs", "1", "--format", "json", str(root)],
            ),
        ]
        if args.before:
            _before_and_after(args.before, cases, args.files, args.repeat)
        timings = [run(label, command, repeat=args.repeat) for label, command in cases]
        print(f"\n{args.files} files")
        for timing in timings:
            show(timing, args.files)
        parallel, single = timings[1], timings[2]
        print(f"  worker processes: {single.median / parallel.median:.2f}x faster than one process")
        peak = parallel.peak_rss_kb / 1024
        verdict = (
            ("met" if peak <= MEMORY_TARGET else "NOT met") if args.files >= 20_000 else "(at 20,000 files)"
        )
        print(
            f"  --format json peaks at {peak:.1f} MB; target <= {MEMORY_TARGET} MB over 20,000 files: {verdict}"
        )
        slow = naive(root)
        print(
            f"  naive: load_assessment on every file, one process, no start-up: {slow:6.2f} s "
            f"({args.files / slow:.0f} files/s); summary --format json is {slow / parallel.median:.1f}x faster"
        )
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(f"  largest child process seen (RUSAGE_CHILDREN): {children.ru_maxrss / 1024:.1f} MB")


def _before_and_after(before: str, cases: list[tuple[str, list[str]]], files: int, repeat: int) -> None:
    """Each case with the other installation and with this one, alternating run by run."""
    print(
        f"\nbefore ({before}) and after ({BIN / 'coalition'}), {files} files, alternating, {repeat} runs each"
    )
    for label, command in cases:
        olds: list[Timing] = []
        news: list[Timing] = []
        for _ in range(repeat):
            olds.append(run(f"before: {label}", [before, *command[1:]], repeat=1))
            news.append(run(f"after:  {label}", command, repeat=1))
        for timings in (olds, news):
            show(functools.reduce(Timing.merged, timings), files)
        ratio = statistics.median(t.seconds[0] for t in news) / statistics.median(t.seconds[0] for t in olds)
        print(f"  after / before: {ratio:.2f}")


if __name__ == "__main__":
    main()
