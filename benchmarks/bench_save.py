"""How long one save of an assessment takes: the figure behind "save after every answer".

A full 22-indicator file with evidence and actions is written to a temporary folder, opened with
`AssessmentFile`, and one rating is changed again and again. Each save re-reads the file (to notice
someone else's change), splices the edit, re-parses and re-validates the result, and writes it
atomically (temporary file, fsync, os.replace). Target: well under 100 ms.

Run: .venv/bin/python benchmarks/bench_save.py [--saves N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path


def full_assessment(framework_id: str = "community-framework") -> str:
    """Every indicator rated, each with two lines of evidence, a target and an action."""
    from coalition_cli.core.loading.frameworks import load_framework

    fw = load_framework(framework_id)
    lines = [
        f"framework: {fw.id}",
        "coalition: Riverside Pathways Coalition",
        "assessed_on: 2026-03-14",
        "facilitator: Dana Whitfield",
        "participants:",
        "  - name: Maria Lopez",
        "    organization: Riverside Unified School District",
        "    stakeholder_group: k12-education",
        "ratings:",
    ]
    for number, indicator in enumerate(fw.indicators):
        stage = number % fw.top_stage + 1
        lines += [
            f"  {indicator.id}:  # {indicator.name}",
            f"    stage: {stage}",
            "    evidence: |-",
            f"      Minutes of the {indicator.name.lower()} working group, 2025-2026.",
            "      Partners' survey: 14 of 18 agree this describes the coalition today.",
        ]
        if stage < fw.top_stage:
            lines.append(f"    target: {stage + 1}")
        lines += [
            "    actions:",
            f"      - action: Review {indicator.name.lower()} at the June meeting",
            "        owner: Chamber of Commerce",
            "        due: 2026-06-30",
        ]
    return "\n".join(lines) + "\n"


def from_init(framework_id: str = "community-framework") -> str:
    """A file as `coalition init` / `assess` write it (the rubric as comments), every indicator rated."""
    import datetime as dt

    from coalition_cli.core.editing.rating_edits import NewAction, RatingEdit
    from coalition_cli.core.editing.scaffold import NewAssessment, render
    from coalition_cli.core.loading.frameworks import load_framework
    from coalition_cli.core.yaml.splicing import edit_text

    fw = load_framework(framework_id)
    text = render(fw, NewAssessment(fw.id, "Riverside Pathways Coalition", dt.date(2026, 3, 14)))
    for number, indicator in enumerate(fw.indicators):
        evidence = (
            f"Minutes of the {indicator.name.lower()} working group, 2025-2026.\nPartners' survey: 14 of 18."
        )
        action = NewAction(
            f"Review {indicator.name.lower()} in June", "Chamber of Commerce", dt.date(2026, 6, 30)
        )
        edit = RatingEdit(
            indicator.id, stage=number % fw.top_stage + 1, evidence=evidence, add_actions=(action,)
        )
        text = edit_text(text, [edit], fw)
    return text


def bench_save(text: str, saves: int) -> dict[str, float]:
    from coalition_cli.core.editing.assessment_file import AssessmentFile
    from coalition_cli.core.editing.rating_edits import RatingEdit
    from coalition_cli.core.yaml.splicing import edit_text

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "riverside.yaml"
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        file = AssessmentFile(path)
        opened = time.perf_counter() - started
        middle = file.framework.indicators[len(file.framework.indicators) // 2].id
        edit_only: list[float] = []
        whole: list[float] = []
        for round_ in range(saves):
            evidence = f"Evidence, take {round_}.\nSecond line."
            edit = RatingEdit(middle, stage=round_ % 2 + 1, evidence=evidence)
            started = time.perf_counter()
            edit_text(file.text, [edit], file.framework)
            edit_only.append(time.perf_counter() - started)
            started = time.perf_counter()
            file.apply(edit)
            whole.append(time.perf_counter() - started)
        size = path.stat().st_size
    return {
        "bytes": size,
        "open_ms": opened * 1000,
        "splice_median_ms": statistics.median(edit_only) * 1000,
        "save_median_ms": statistics.median(whole) * 1000,
        "save_max_ms": max(whole) * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--saves", type=int, default=50, help="how many saves to time (default 50)")
    args = parser.parse_args(argv)
    worst = 0.0
    for label, text in (
        ("written by coalition init, rubric as comments", from_init()),
        ("compact", full_assessment()),
    ):
        figures = bench_save(text, args.saves)
        worst = max(worst, figures["save_max_ms"])
        print(f"== one save of a full 22-indicator assessment with evidence: {label} ==")
        print(f"   {figures['bytes']:,} bytes, {args.saves} saves")
        print(f"   open and check the file (once a session): {figures['open_ms']:6.1f} ms")
        print(f"   splice the edit, no I/O:                  {figures['splice_median_ms']:6.1f} ms median")
        print(f"   one save (read, splice, check, fsync):    {figures['save_median_ms']:6.1f} ms median")
        print(f"                                             {figures['save_max_ms']:6.1f} ms max")
    print(f"target: one save well under 100 ms: {'met' if worst < 100 else 'NOT met'} (worst {worst:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
