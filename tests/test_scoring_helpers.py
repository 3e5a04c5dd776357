"""Helpers for the score / compare / consensus / summary tests, and the tests that the helpers' files are valid.

- `assessment_yaml` / `write_assessment`: an assessment file with the given stages;
- `run`: the CLI as a black box, without colour, at a fixed width of 100 columns;
- `check_golden`: compare output with tests/golden/scoring/NAME; set UPDATE_GOLDEN=1 to rewrite them.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from coalition_cli.cli.app import app
from coalition_cli.core.frameworks import load_framework

ROOT = Path(__file__).resolve().parent.parent
SCORING = ROOT / "tests" / "fixtures" / "scoring"
GOLDEN = ROOT / "tests" / "golden" / "scoring"
RUBRIC = SCORING / "two-domain-rubric.yaml"
RIVERSIDE = ROOT / "examples" / "riverside"

CF_IDS = [indicator.id for indicator in load_framework("community-framework").indicators]
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "FORCE_COLOR": None, "TTY_COMPATIBLE": None, "TERM": "dumb"}


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
    """The output must equal tests/golden/scoring/NAME; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if name.endswith(".txt"):  # Rich pads table lines with spaces; editors strip them: compare without
        text = "".join(line.rstrip() + "\n" for line in text.splitlines())
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert path.is_file(), f"no golden file {path}: run the tests once with UPDATE_GOLDEN=1"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, (
        f"output differs from {path}; if the change is intended, rerun with UPDATE_GOLDEN=1"
    )


# --- the helpers' own files must be valid assessments ----------------------------------------------


def test_written_assessments_are_valid(tmp_path: Path) -> None:
    bundled = write_assessment(
        tmp_path / "cf.yaml",
        {i: 1 + n % 4 for n, i in enumerate(CF_IDS)},
        facilitator="Ana | <b>",
        term="Spring",
        targets={"C1.1": 4},
        evidence={"C1.1": 'quotes " and # and: colons'},
    )
    custom = write_assessment(tmp_path / "custom.yaml", {"P.1": 2, "Q.1": None}, framework=str(RUBRIC))
    result = run("validate", "--format", "json", bundled, custom)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["valid"] == 2


def test_scoring_fixtures_are_valid() -> None:
    files = sorted(SCORING.glob("*.yaml")) + sorted((SCORING / "raters").glob("*.yaml"))
    assessments = [path for path in files if path != RUBRIC]
    result = run("validate", "--format", "json", *assessments)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["valid"] == len(assessments) == 5
    assert run("framework", "validate", RUBRIC).exit_code == 0
