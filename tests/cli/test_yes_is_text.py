"""`priority: yes` is text in YAML 1.2: the message says so, rather than telling people to remove
quotes they never wrote; a quoted "true" is still told to lose its quotes. The same on both of
validate's paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.files import VALID_HEADER, full_ratings, write
from tests.support.processes import coalition

RATED = full_ratings()


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "yes",
            "C1.1 priority: must be true or false (got yes, which YAML 1.2 reads as text, not as true or false)",
        ),
        (
            "Off",
            "C1.1 priority: must be true or false (got Off, which YAML 1.2 reads as text, not as true or false)",
        ),
        ('"true"', "C1.1 priority: must be true or false, without quotes (got the text 'true')"),
    ],
)
def test_a_yaml_1_1_boolean_is_explained(tmp_path: Path, written: str, said: str) -> None:
    text = VALID_HEADER + RATED.replace(
        "  C1.1:\n    stage: 2\n", f"  C1.1:\n    stage: 2\n    priority: {written}\n"
    )
    path = write(tmp_path, text, "a.yaml")
    typer_path = CliRunner().invoke(app, ["--no-color", "validate", "--jobs", "1", str(path)])
    fast_path = coalition("validate", "a.yaml", cwd=tmp_path)
    for output, status in (
        (typer_path.output, typer_path.exit_code),
        (fast_path.stdout, fast_path.returncode),
    ):
        assert status == 1, output
        assert said in output, output
