"""An owner who may be a participant under another name is said once, in `actions` and in the
coalition's plan, beside the owners it splits from (never in the public plan, never rewritten)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.plan import plan, riverside_with_actions

LOPES = "Maria Lopes may be Maria Lopez (a participant): counted as two owners here"
MARCUS = "Marcus may be Marcus Lee (a participant): counted as two owners here"


SLIPS = [("C4.2", "Maria Lopes"), ("C6.3", "Marcus")]


@pytest.fixture(scope="module")
def riverside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Riverside example with a slip and a short form added, as a coordinator adds them by `rate`."""
    added = [(indicator, f"Something for {indicator}", owner, "2026-12-01") for indicator, owner in SLIPS]
    return riverside_with_actions(tmp_path_factory.mktemp("riverside"), added)


def _said(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("fmt", ["table", "md"])
def test_actions_says_it_once_per_owner(riverside: Path, fmt: str) -> None:
    result = CliRunner().invoke(
        app, ["--no-color", "actions", str(riverside), "--as-of", "2026-04-20", "--format", fmt]
    )
    assert result.exit_code == 0, result.output
    said = _said(result.stdout)
    assert said.count(LOPES) == 1 and said.count(MARCUS) == 1, said
    assert "Maria Lopes" in said  # the owner is kept as written: nothing is rewritten


def test_the_coalitions_plan_says_it_under_the_owners_and_the_public_one_does_not(riverside: Path) -> None:
    spring, fall = riverside / "2026-03-spring.yaml", riverside / "2025-09-fall.yaml"
    for extra in ((), ("--brief",), ("--format", "html")):
        result = plan(spring, "--since", fall, "-o", "-", *extra)
        assert result.exit_code == 0, result.output
        said = _said(result.stdout)
        assert said.count(LOPES) == 1 and said.count(MARCUS) == 1, extra
        assert said.index("Who owns") < said.index(LOPES), "beside the owners it splits from"
    public = _said(plan(spring, "--since", fall, "-o", "-", "--audience", "public").stdout)
    assert "Names to check" not in public and "may be Maria" not in public and "Lopes" not in public
