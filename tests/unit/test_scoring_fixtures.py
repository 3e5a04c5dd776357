"""The scoring tests' own files (tests/support/scoring.py writes some; tests/fixtures/scoring holds the rest) are valid."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.scoring import CF_IDS, RUBRIC, SCORING, run, write_assessment


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
