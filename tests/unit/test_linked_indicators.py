"""Linked indicators (one practice the rubric lists twice) rated at different stages: a warning, at the
later one's stage, in the bundled rubric and in a rubric's own `linked:`; worded the same by
validate's fast path (the shipped index of the bundled rubric)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core.checks.rubric import linked_stages_differ
from coalition_cli.core.codes import Policy
from coalition_cli.core.files.discovery import Target
from coalition_cli.core.loading.assessments import check_assessment
from coalition_cli.core.loading.indexed import INDEX
from coalition_cli.core.loading.pipeline import check_target
from tests.support.assessment_edits import IDS
from tests.support.custom_rubric import write_rubric


def _text(stages: dict[str, object], framework: str = "community-framework", ids: list[str] = IDS) -> str:
    lines = [f"framework: {framework}", "coalition: Lakeside", "assessed_on: 2026-03-14", "ratings:"]
    for indicator in ids:
        stage = stages.get(indicator, 2)
        lines += [f"  {indicator}:", f"    stage: {json.dumps(stage)}"]
    return "\n".join(lines) + "\n"


def _linked(path: Path, text: str) -> list[str]:
    path.write_text(text, encoding="utf-8")
    return [
        f"{p.line}:{p.column} {p.severity.value} {p.message}"
        for p in check_assessment(path).problems
        if p.code == "linked-indicators-differ"
    ]


def _by_the_index(path: Path, text: str) -> tuple[str, ...]:
    """Every problem validate's fast path finds, as the models word it (the fast path must answer)."""
    path.write_text(text, encoding="utf-8")
    outcome = check_target(INDEX, Target(path), policy=Policy())
    assert outcome is not None
    assert outcome.problems == check_assessment(path).problems
    return tuple(problem.code for problem in outcome.problems)


def test_c13_and_c61_rated_apart_warn_at_c61s_stage(tmp_path: Path) -> None:
    text = _text({"C1.3": 2, "C6.1": 4})
    (found,) = _linked(tmp_path / "a.yaml", text)
    line = text.splitlines().index("  C6.1:") + 2
    assert found == (
        f"{line}:12 warning C6.1 WBL Leadership is rated 4 Transforming, but its linked indicator C1.3 "
        "(the same practice) is rated 2 Developing; give both one stage"
    )
    assert _by_the_index(tmp_path / "a.yaml", text) == ("linked-indicators-differ",)


@pytest.mark.parametrize(
    "stages",
    [
        {"C1.3": 3, "C6.1": 3},
        {"C1.3": "advancing", "C6.1": 3},  # a name and a number for the same stage
        {"C1.3": None, "C6.1": 4},  # one not rated: `not-rated` says so, not this
        {"C1.3": 9, "C6.1": 2},  # out of range: `stage-out-of-range` says so
    ],
)
def test_the_same_stage_or_one_unknown_is_no_warning(tmp_path: Path, stages: dict[str, object]) -> None:
    assert _linked(tmp_path / "a.yaml", _text(stages)) == []


def test_a_clean_file_with_the_pair_alike_is_clean_for_the_fast_path_too(tmp_path: Path) -> None:
    assert _by_the_index(tmp_path / "a.yaml", _text({"C1.3": 3, "C6.1": "Advancing"})) == ()


def test_a_rubrics_own_group_of_three(tmp_path: Path) -> None:
    rubric = write_rubric(
        tmp_path / "r.yaml", domains={"D": ["D-a", "D-b", "D-c", "D-d"]}, stages=("A", "B", "C")
    )
    rubric.write_text(rubric.read_text() + "linked:\n  - indicators: [D-a, D-b, D-c]\n", encoding="utf-8")
    text = _text(
        {"D-a": 1, "D-b": 1, "D-c": 3, "D-d": 2}, framework="r.yaml", ids=["D-a", "D-b", "D-c", "D-d"]
    )
    (found,) = _linked(tmp_path / "a.yaml", text)
    assert "D-c Indicator D-c is rated 3 C, but its linked indicator D-a" in found


def test_validate_exits_0_with_the_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(_text({"C1.3": 1, "C6.1": 2}), encoding="utf-8")
    result = CliRunner().invoke(app, ["--no-color", "validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "[linked-indicators-differ]" in result.output


def test_the_predicate() -> None:
    assert linked_stages_differ([1, 2]) and linked_stages_differ([None, 1, 3])
    assert not linked_stages_differ([2, 2, None]) and not linked_stages_differ([None, None])
