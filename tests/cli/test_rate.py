"""`coalition rate`: ratings from the command line, checked like `validate`, saved like `assess`."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core.loading.assessments import check_assessment
from coalition_cli.core.yaml import source as yamlsource
from tests.support import paths

FIXTURES = paths.FIXTURES / "editing"


@pytest.fixture
def team(tmp_path: Path) -> Path:
    path = tmp_path / "team.yaml"
    shutil.copy(FIXTURES / "commented.yaml", path)
    return path


def rating(path: Path, indicator: str) -> object:
    return yamlsource.parse_fast(path.read_text())["ratings"][indicator]


def test_rate_sets_stages_by_number_or_name(runner: CliRunner, team: Path) -> None:
    result = runner.invoke(app, ["rate", str(team), "C1.2=3", "c2.4=Developing", "--evidence", "Signed MOU."])
    assert result.exit_code == 0, result.output
    assert rating(team, "C1.2") == {"stage": 3, "evidence": "Signed MOU."}
    assert rating(team, "C2.4") == {"stage": 2, "evidence": "Signed MOU."}
    assert "C1.2 Operational Working Groups: 3 Advancing (was not rated)" in result.output
    assert f"Saved {team}." in result.output
    assert not check_assessment(team).has_errors


def test_a_stage_name_may_be_begun_as_at_the_assess_prompt(runner: CliRunner, team: Path) -> None:
    result = runner.invoke(app, ["rate", str(team), "C1.2=dev", "C2.4=TRANSF"])
    assert result.exit_code == 0, result.output
    assert rating(team, "C1.2") == {"stage": 2}
    assert rating(team, "C2.4") == {"stage": 4}


def test_rate_changes_only_those_lines(runner: CliRunner, team: Path) -> None:
    before = team.read_text()
    assert runner.invoke(app, ["rate", str(team), "C1.1=4"]).exit_code == 0
    diff = [
        line
        for line in difflib.unified_diff(before.splitlines(), team.read_text().splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert diff == [
        "-    stage: 2          # argued for 3; settled on 2",
        "+    stage: 4          # argued for 3; settled on 2",
    ]


def test_every_mistake_is_reported_and_nothing_is_written(runner: CliRunner, team: Path) -> None:
    before = team.read_bytes()
    result = runner.invoke(app, ["rate", str(team), "C12=3", "C2.4=devlop", "C1.1=7", "C1.1", "C1.3=de"])
    assert result.exit_code == 2
    output = result.output
    assert "did you mean 'C1.2'" in output
    assert "unknown stage 'devlop' (did you mean 'Developing'?)" in output
    assert "unknown stage 'de'" in output  # two letters are too few to be sure
    assert "1 Emerging, 2 Developing, 3 Advancing, 4 Transforming" in output
    assert "stage 7 is out of range" in output
    assert "'C1.1': write an indicator id, =, and a stage" in output
    assert "Traceback" not in output
    assert team.read_bytes() == before


def test_the_same_stage_again_changes_nothing(runner: CliRunner, team: Path) -> None:
    before = team.read_bytes()
    result = runner.invoke(app, ["rate", str(team), "C1.1=2"])
    assert result.exit_code == 0
    assert "Nothing to change" in result.output and "(unchanged)" in result.output
    assert team.read_bytes() == before


def test_a_missing_or_broken_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["rate", str(tmp_path / "nope.yaml"), "C1.1=2"])
    assert result.exit_code == 2
    assert "does not exist" in result.output and "coalition assess" in result.output
    broken = tmp_path / "broken.yaml"
    broken.write_text("framework: community-framework\ncoalition: X\nassessed_on: 2026-02-30\n")
    result = runner.invoke(app, ["rate", str(broken), "C1.1=2"])
    assert result.exit_code == 1
    assert "broken.yaml:3:14" in result.output
    assert broken.read_text().endswith("2026-02-30\n")


def test_crlf_files_stay_crlf(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    path.write_bytes((FIXTURES / "commented.yaml").read_bytes().replace(b"\n", b"\r\n"))
    assert runner.invoke(app, ["rate", str(path), "C1.2=1", "--evidence", "two\nlines"]).exit_code == 0
    data = path.read_bytes()
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert (
        b"  C1.2:   # not discussed yet\r\n    stage: 1\r\n    evidence: |-\r\n      two\r\n      lines\r\n"
        in data
    )


def test_what_the_room_decided_for_one_indicator(runner: CliRunner, team: Path) -> None:
    args = ["rate", str(team), "C1.2=2", "--target", "adv", "--priority", "--evidence", "Minutes."]
    args += ["--action", "Adopt the charter", "--owner", "Chamber of Commerce", "--due", "2026-06-30"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert rating(team, "C1.2") == {
        "stage": 2,
        "evidence": "Minutes.",
        "target": 3,
        "priority": True,
        "actions": [{"action": "Adopt the charter", "owner": "Chamber of Commerce", "due": "2026-06-30"}],
    }
    assert "and target 3 Advancing, a priority, a new action" in result.output
    result = runner.invoke(app, ["rate", str(team), "C1.2=2", "--target", "none", "--no-priority"])
    assert result.exit_code == 0, result.output
    assert rating(team, "C1.2") == {
        "stage": 2,
        "evidence": "Minutes.",
        "actions": [{"action": "Adopt the charter", "owner": "Chamber of Commerce", "due": "2026-06-30"}],
    }
    assert not check_assessment(team).has_errors


def test_a_target_not_above_the_stage_is_saved_with_a_note(runner: CliRunner, team: Path) -> None:
    result = runner.invoke(app, ["rate", str(team), "C1.2=3", "--target", "2"])
    assert result.exit_code == 0, result.output
    assert "a target is usually above the stage (C1.2 is at 3)" in result.output


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["C1.3=1", "--target", "4"], "--target applies to one indicator, and 2 are rated here"),
        (["C1.3=1", "--priority", "--action", "x"], "--priority, --action apply to one indicator"),
        (["--owner", "Dana"], "--owner and --due go with --action"),
        (["--target", "9"], "--target '9': stage 9 is out of range"),
        (["--target", "advancng"], "did you mean 'Advancing'"),
        (["--action", "Meet", "--due", "June"], "--due: 'June' is not a date"),
        (["--action", "  "], "--action is empty"),
    ],
)
def test_decisions_need_one_indicator_and_good_values(
    runner: CliRunner, team: Path, extra: list[str], message: str
) -> None:
    before = team.read_bytes()
    result = runner.invoke(app, ["rate", str(team), "C1.2=2", *extra])
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.output.split())
    assert team.read_bytes() == before
