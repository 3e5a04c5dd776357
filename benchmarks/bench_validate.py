"""Benchmark: `coalition validate` beside `check-jsonschema` with our exported schema, on the same files.

Generates realistic assessment files, then times, in the same run, both tools on 1,000 files and on
one file alone (start-up dominates there). Targets: <= 1/3 of check-jsonschema's wall time on 1,000
files, <= 0.6 of it on one file. A clean file alone is proven clean without Pydantic; a file with a
warning (an indicator not rated yet) is timed too, for information: the models check and explain it.

    python benchmarks/bench_validate.py [--files 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import BIN, assessment_text, indicator_ids, report, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    coalition, peer = str(BIN / "coalition"), str(BIN / "check-jsonschema")
    rng = random.Random(2026)
    indicators = indicator_ids()
    with tempfile.TemporaryDirectory(prefix="coalition-bench-") as folder:
        root = Path(folder)
        files = []
        for n in range(args.files):
            path = root / f"coalition-{n:04}.yaml"
            path.write_text(
                assessment_text(rng, f"Coalition {n}", "2026-03-14", indicators), encoding="utf-8"
            )
            files.append(str(path))
        schema = root / "coalition.schema.json"
        subprocess.run([coalition, "schema", "-o", str(schema)], check=True, capture_output=True)
        size = sum(Path(f).stat().st_size for f in files) / len(files) / 1024
        print(
            f"{args.files} generated assessment files, {size:.1f} KB each on average; {os.cpu_count()} cores"
        )
        print(f"peer: check-jsonschema {_version(peer)}; runs: {args.repeat} each, median reported")

        ours = run("coalition validate", [coalition, "validate", *files], repeat=args.repeat)
        theirs = run(
            "check-jsonschema --schemafile", [peer, "--schemafile", str(schema), *files], repeat=args.repeat
        )
        report(f"{args.files} files", ours, theirs, target=1 / 3)

        one = files[:1]
        ours = run("coalition validate", [coalition, "validate", *one], repeat=args.repeat * 2)
        theirs = run(
            "check-jsonschema --schemafile", [peer, "--schemafile", str(schema), *one], repeat=args.repeat * 2
        )
        report("one file alone", ours, theirs, target=0.6)

        unrated = root / "unrated.yaml"
        text = Path(files[0]).read_text(encoding="utf-8")
        unrated.write_text(text[: text.rindex("\n  C7.2:")] + "\n", encoding="utf-8")
        one = [str(unrated)]
        ours = run("coalition validate", [coalition, "validate", *one], repeat=args.repeat * 2)
        theirs = run(
            "check-jsonschema --schemafile", [peer, "--schemafile", str(schema), *one], repeat=args.repeat * 2
        )
        report("one file alone, with a warning (checked by the models)", ours, theirs, target=None)


def _version(command: str) -> str:
    result = subprocess.run([command, "--version"], capture_output=True, text=True, check=False)
    return result.stdout.strip().split()[-1] if result.stdout.strip() else "?"


if __name__ == "__main__":
    main()
