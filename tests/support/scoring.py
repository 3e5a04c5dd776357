"""Helpers for the score / compare / consensus / summary tests.

- `assessment_yaml` / `write_assessment`: an assessment file with the given stages;
- `run`: the CLI as a black box, without colour, at a fixed width of 100 columns;
- `check_golden`: compare output with tests/golden/scoring/NAME (`pytest --update-golden` rewrites them).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from coalition_cli.cli.app import app
from coalition_cli.core.files.references import ENVIRONMENT
from coalition_cli.core.loading.frameworks import load_framework
from tests.support.golden import assert_golden
from tests.support.paths import ROOT

SCORING = ROOT / "tests" / "fixtures" / "scoring"
GOLDEN = ROOT / "tests" / "golden" / "scoring"
RUBRIC = SCORING / "two-domain-rubric.yaml"
RIVERSIDE = ROOT / "examples" / "riverside"

CF_IDS = [indicator.id for indicator in load_framework("community-framework").indicators]
ENV = {
    "COLUMNS": "100",
    "NO_COLOR": "1",
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TERM": "dumb",
    # files written under tmp_path name the fixture rubric by its absolute path, outside their folder
    ENVIRONMENT: str(SCORING),
}


def assessment_yaml(
    stages: Mapping[str, int | str | None],
    *,
    coalition: str = "Riverside Pathways Coalition",
    assessed_on: str = "2026-03-14",
    framework: str = "community-framework",
    facilitator: str | None = None,
    term: str | None = None,
    targets: Mapping[str, int] | None = None,
    evidence: Mapping[str, str] | None = None,
) -> str:
    lines = [
        f"framework: {json.dumps(framework)}",
        f"coalition: {json.dumps(coalition, ensure_ascii=False)}",
        f"assessed_on: {assessed_on}",
    ]
    if facilitator is not None:
        lines.append(f"facilitator: {json.dumps(facilitator, ensure_ascii=False)}")
    if term is not None:
        lines.append(f"term: {json.dumps(term)}")
    lines.append("ratings:" if stages else "ratings: {}")
    for indicator, stage in stages.items():
        lines += [f"  {indicator}:", f"    stage: {'null' if stage is None else stage}"]
        if targets and indicator in targets:
            lines.append(f"    target: {targets[indicator]}")
        if evidence and indicator in evidence:
            lines.append(f"    evidence: {json.dumps(evidence[indicator], ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def write_assessment(path: Path, stages: Mapping[str, int | str | None], **fields: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(assessment_yaml(stages, **fields), encoding="utf-8")
    return path


def run(*args: str | Path, runner: CliRunner | None = None) -> Result:
    """`coalition --no-color ARGS` at 100 columns; stdout and stderr are kept apart."""
    return (runner or CliRunner()).invoke(app, ["--no-color", *map(str, args)], env=ENV)


def run_json(*args: str | Path) -> Any:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def run_csv(*args: str | Path) -> list[dict[str, str]]:
    result = run(*args, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("\ufeff"), "CSV starts with a UTF-8 byte-order mark for Excel"
    return list(csv.DictReader(io.StringIO(result.stdout[1:], newline="")))


def check_golden(name: str, text: str) -> None:
    """The output must equal tests/golden/scoring/NAME (see tests/support/golden.py)."""
    if name.endswith(".txt"):  # Rich pads table lines with spaces; editors strip them: compare without
        text = "".join(line.rstrip() + "\n" for line in text.splitlines())
    assert_golden(f"scoring/{name}", text)
