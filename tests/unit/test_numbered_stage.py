"""A stage written as the tool prints it, `2 Developing` (review s12, first hour #6): the number and
the name, when they agree, are that stage, for the model, the JSON Schema and validate's fast path
alike; when they disagree, the message says both. Other forms of a name (`Advanced`, `Stage 3`) get
the stage they most likely mean."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core.checks.schema import assessment_schema
from coalition_cli.core.loading.frameworks import load_framework, load_guide
from coalition_cli.core.model.stages import StageError, parse_stage, stage_number
from tests.support.files import VALID_HEADER, write
from tests.support.processes import coalition

FRAMEWORK = load_framework("community-framework")
ACCEPTED = {
    "2 Developing": 2,
    "2 - Developing": 2,
    "2 – developing": 2,
    "3: Advancing": 3,
    "1. emerging": 1,
    " 4 TRANSFORMING ": 4,
    "2Developing": 2,
    "Developing": 2,
    "2": 2,
}
REFUSED = ["2 Advancing", "5 Developing", "2 Develop", "2 - - Developing", "two", "Stage 3", "² Developing"]


@pytest.mark.parametrize(("written", "meant"), ACCEPTED.items())
def test_a_number_and_a_name_that_agree_are_the_stage(written: str, meant: int) -> None:
    assert stage_number(FRAMEWORK, written) == meant
    assert parse_stage(FRAMEWORK, written) == meant


@pytest.mark.parametrize("written", REFUSED)
def test_anything_else_is_no_stage(written: str) -> None:
    assert stage_number(FRAMEWORK, written) is None
    with pytest.raises(StageError):
        parse_stage(FRAMEWORK, written)


@pytest.mark.parametrize("written", [*ACCEPTED, *REFUSED, "2 Developing\n", "2\nDeveloping"])
def test_the_schema_pattern_and_the_rule_agree(written: str) -> None:
    """Editors and check-jsonschema read the pattern; the models and the fast path read `stage_number`."""
    schema = assessment_schema(FRAMEWORK, load_guide())
    document = {
        "framework": "community-framework",
        "coalition": "X",
        "assessed_on": "2026-03-14",
        "ratings": {"C1.1": {"stage": written}},
    }
    assert Draft202012Validator(schema).is_valid(document) is (stage_number(FRAMEWORK, written) is not None)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "2 Advancing",
            "stage '2 Advancing' says two stages: 2 is Developing, and Advancing is 3; write the one",
        ),
        ("Advanced", "unknown stage 'Advanced' (did you mean 'Advancing'?)"),
        ("Developed", "unknown stage 'Developed' (did you mean 'Developing'?)"),
        ("Emerge", "unknown stage 'Emerge' (did you mean 'Emerging'?)"),
        ("Transformed", "unknown stage 'Transformed' (did you mean 'Transforming'?)"),
        ("Stage 3", "unknown stage 'Stage 3' (did you mean 3?)"),
        ("Level 2", "unknown stage 'Level 2' (did you mean 2?)"),
        ("Stage 9", "unknown stage 'Stage 9': use a number or a name"),
    ],
)
def test_what_is_no_stage_is_told_the_stage_it_most_likely_means(written: str, said: str) -> None:
    with pytest.raises(StageError) as error:
        parse_stage(FRAMEWORK, written)
    assert error.value.message.startswith(said)


def test_validate_takes_it_on_both_paths_and_rate_keeps_its_form(tmp_path: Path) -> None:
    path = write(tmp_path, VALID_HEADER + "ratings:\n  C1.1:\n    stage: 2 Developing\n", "a.yaml")
    typer_path = CliRunner().invoke(app, ["--no-color", "validate", str(path), "--ignore", "not-rated"])
    assert typer_path.exit_code == 0, typer_path.output
    fast = coalition("validate", "a.yaml", "--ignore", "not-rated", cwd=tmp_path)
    assert fast.returncode == 0, fast.stdout + fast.stderr
    result = CliRunner().invoke(app, ["--no-color", "rate", str(path), "C1.1=3"])
    assert result.exit_code == 0, result.output
    assert "    stage: 3 Advancing\n" in path.read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["--no-color", "rate", str(path), "C1.2=2 Developing"])
    assert result.exit_code == 0, result.output
