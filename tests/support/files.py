"""Small helpers shared by the tests: write a file, run a check, read problems as (line, col, code)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from coalition_cli.core.loading.assessments import check_assessment

VALID_HEADER = """\
framework: community-framework
coalition: Riverside Pathways Coalition
assessed_on: 2026-03-14
"""


def full_ratings(stage: int | str = 2) -> str:
    """A `ratings:` block rating all 22 indicators of the bundled framework."""
    ids = [
        f"C{d}.{i}"
        for d, n in [(1, 4), (2, 4), (3, 3), (4, 3), (5, 3), (6, 3), (7, 2)]
        for i in range(1, n + 1)
    ]
    return "ratings:\n" + "".join(f"  {i}:\n    stage: {stage}\n" for i in ids)


def write(tmp_path: Path, text: str, name: str = "assessment.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(path: Path, *, strict: bool = False) -> set[tuple[int, int, str]]:
    """The errors and warnings of a file as (line, column, code), not-rated warnings left out."""
    check = check_assessment(path, strict=strict)
    return {(p.line, p.column, p.code) for p in check.problems if p.code != "not-rated"}


def located(source: str, *, strict: bool = False) -> set[tuple[int, int, str]]:
    """`problems` of a text, checked as a file in the working folder would be: one line per location test,
    as yamllint's `check(source, problem=(line, col))`: `assert located(text) == {(4, 1, "unknown-key")}`."""
    check = check_assessment(Path("assessment.yaml"), text=textwrap.dedent(source), strict=strict)
    return {(p.line, p.column, p.code) for p in check.problems if p.code != "not-rated"}
