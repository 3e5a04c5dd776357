"""Benchmark: `coalition validate` beside `check-jsonschema` with our exported schema, on the same files.

Generates realistic assessment files, then times in the same run, round by round: both tools and
the parse-only floor (Python parsing the files with ruamel.yaml's C loader, nothing else) on one
file alone of each kind teams commit (clean; with a warning, an indicator not rated yet; with an
error, a stage out of range; naming a shared coalition profile, as Riverside does), and on 1,000
files. Times are medians of paired runs, CPU (the process and its workers) and wall. Targets: one file
<= 0.25 of check-jsonschema's CPU time when clean, <= 0.35 with a warning, an error or a profile;
1,000 files <= 1/3 of its wall time (ours are spread over the cores, as CI runners have several).

`--before BIN` times another installation's `coalition` (say, main before a change, in a virtualenv
of its own) in the same rounds, for before-and-after figures.

    python benchmarks/bench_validate.py [--files 1000] [--repeat 5] [--before OTHER/bin/coalition]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import BIN, ROOT, assessment_text, compile_bytecode, floor, indicator_ids, paired, report

RIVERSIDE = "Riverside Pathways Coalition"


def kinds(root: Path, first: str) -> dict[str, tuple[Path, float]]:
    """One file of each kind, written from the first generated file: (path, target ratio)."""
    text = Path(first).read_text(encoding="utf-8")
    unrated = text[: text.rindex("\n  C7.2:")] + "\n"
    error = text.replace("    stage: ", "    stage: 7  # was ", 1)
    profiled = text.replace("coalition: Coalition 0\n", f"coalition: {RIVERSIDE}\nprofile: coalition.yaml\n")
    shutil.copy(ROOT / "examples" / "riverside" / "coalition.yaml", root / "coalition.yaml")
    files = {
        "clean": (text, 0.25),
        "warning": (unrated, 0.35),
        "error": (error, 0.35),
        "profile": (profiled, 0.35),
    }
    written = {}
    for kind, (content, target) in files.items():
        path = root / f"one-{kind}.yaml"
        path.write_text(content, encoding="utf-8")
        written[kind] = (path, target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", help="another installation's coalition command, timed beside this one")
    args = parser.parse_args()

    coalition, peer = str(BIN / "coalition"), str(BIN / "check-jsonschema")
    for command in (coalition, args.before) if args.before else (coalition,):
        print(compile_bytecode(command))
    rng = random.Random(2026)
    indicators = indicator_ids()
    with tempfile.TemporaryDirectory(prefix="coalition-bench-") as folder:
        root = Path(folder)
        many = root / "many"
        many.mkdir()
        files = []
        for n in range(args.files):
            path = many / f"coalition-{n:04}.yaml"
            path.write_text(
                assessment_text(rng, f"Coalition {n}", "2026-03-14", indicators), encoding="utf-8"
            )
            files.append(str(path))
        schema = root / "coalition.schema.json"
        subprocess.run([coalition, "schema", "-o", str(schema)], check=True, capture_output=True)
        size = sum(Path(f).stat().st_size for f in files) / len(files) / 1024
        print(
            f"{args.files} generated assessment files, {size:.1f} KB each on average; {os.cpu_count()} cores, "
            f"load average {os.getloadavg()[0]:.1f} at the start"
        )
        print(f"peer: check-jsonschema {_version(peer)}; {args.repeat} paired runs each, medians reported")

        def case(title: str, paths: list[str], target: float, repeat: int, *, on_wall: bool = False) -> None:
            commands = [
                ("coalition validate", [coalition, "validate", *paths]),
                ("check-jsonschema --schemafile", [peer, "--schemafile", str(schema), *paths]),
                ("parse-only floor", floor(paths)),
            ]
            if args.before:
                commands.append(("before: coalition validate", [args.before, "validate", *paths]))
            ours, theirs, *others = paired(commands, repeat=repeat, cwd=root)
            report(title, ours, theirs, target, *others, on_wall=on_wall)

        for kind, (path, target) in kinds(root, files[0]).items():
            case(f"one file alone: {kind}", [path.name], target, args.repeat * 2)
        case(f"{args.files} files", files, 1 / 3, args.repeat, on_wall=True)
        print(f"\nload average {os.getloadavg()[0]:.1f} at the end")


def _version(command: str) -> str:
    result = subprocess.run([command, "--version"], capture_output=True, text=True, check=False)
    return result.stdout.strip().split()[-1] if result.stdout.strip() else "?"


if __name__ == "__main__":
    main()
