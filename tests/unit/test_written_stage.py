"""A stage written as text (`assessment.written_stage`): digits 0-9 are a number, anything else a name."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core.model.assessment import Rating, written_stage
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.session import Kind, parse_command
from tests.support.files import VALID_HEADER, problems, write

# str.isdigit() is true for all of these, and int() refuses the first two
NOT_ASCII_DIGITS = ["²", "①", "٣"]


def test_only_ascii_digits_make_a_number() -> None:
    assert written_stage(" 3 ") == 3
    assert written_stage("Developing") == "Developing"
    for text in NOT_ASCII_DIGITS:
        assert written_stage(text) == text
        assert Rating(stage=text).stage == text


@pytest.mark.parametrize("text", NOT_ASCII_DIGITS)
def test_validate_reports_a_stage_in_other_digits_without_crashing(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, VALID_HEADER + f'ratings:\n  C1.1:\n    stage: "{text}"\n')
    assert problems(path) == {(6, 12, "unknown-stage")}


@pytest.mark.parametrize("text", NOT_ASCII_DIGITS)
def test_the_prompt_and_rate_refuse_a_stage_in_other_digits(
    runner: CliRunner, tmp_path: Path, framework: Framework, text: str
) -> None:
    assert parse_command(framework, text).kind is Kind.INVALID
    path = write(tmp_path, VALID_HEADER)
    result = runner.invoke(app, ["rate", str(path), f"C1.1={text}"])
    assert result.exit_code == 2, result.output
    assert "unknown stage" in result.output
