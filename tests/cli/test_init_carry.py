"""`init --from` carries last term's open actions into the new term, so they are followed, not lost.

The repro a new user found: roll Riverside's spring into a fall file, rate one indicator, and the
register must say the eleven open actions are carried over (and overdue), none vanished; the plan
since spring must have nothing "gone since".
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core.editing.scaffold import NewAssessment, render
from coalition_cli.core.loading.assessments import load_assessment
from coalition_cli.core.model.assessment import Action
from tests.support.custom_rubric import write_rubric
from tests.support.paths import EXAMPLES

RIVERSIDE = EXAMPLES / "riverside"


def _open_actions(file: Path) -> dict[str, list[Action]]:
    ratings = load_assessment(file).assessment.ratings
    return {
        indicator: opened
        for indicator, rating in ratings.items()
        if rating is not None
        and (opened := [action for action in rating.actions if action.status not in ("done", "dropped")])
    }


def _closed_texts(file: Path) -> set[str]:
    ratings = load_assessment(file).assessment.ratings
    return {
        action.action
        for rating in ratings.values()
        if rating is not None
        for action in rating.actions
        if action.status in ("done", "dropped")
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("2026-03-spring.yaml", "coalition.yaml"):
        shutil.copy(RIVERSIDE / name, tmp_path / name)
    return tmp_path


def _roll(runner: CliRunner, folder: Path, *options: str) -> str:
    """The repro: init the fall term from spring, date it, rate one indicator."""
    fall, spring = folder / "2026-09-fall.yaml", folder / "2026-03-spring.yaml"
    result = runner.invoke(app, ["init", str(fall), "--from", str(spring), "--date", "2026-09-20", *options])
    assert result.exit_code == 0, result.output
    rated = runner.invoke(app, ["rate", str(fall), "C1.1=3"])
    assert rated.exit_code == 0, rated.output
    return result.output


def test_init_says_the_participants_are_last_terms(runner: CliRunner, folder: Path) -> None:
    # written into the new term unasked, and the plan names them as this term's: said at once
    output = " ".join(_roll(runner, folder).split())
    assert (
        "The participants are Spring 2026's (Dana Whitfield, Maria Lopez, Priya Natarajan and 9 more): "
        "change them in " in output
    )
    assert "if others are in the room this time." in output


def test_init_carries_every_open_action_under_its_indicator(runner: CliRunner, folder: Path) -> None:
    output = _roll(runner, folder)
    assert "Carried over 11 open actions from Spring 2026" in " ".join(output.split())
    # unlike the actions, last term's targets and priorities are not carried: said, not left to find
    assert "Stages, targets and priorities are set again this term." in " ".join(output.split())
    spring, fall = folder / "2026-03-spring.yaml", folder / "2026-09-fall.yaml"
    assert _open_actions(fall) == _open_actions(spring), "every open action, as written, in place"
    assert sum(len(actions) for actions in _open_actions(fall).values()) == 11
    carried = {action.action for actions in _open_actions(fall).values() for action in actions}
    assert not carried & _closed_texts(spring), "done and dropped actions stay behind"
    assert {stage for indicator, stage in load_assessment(fall).stages.items() if indicator != "C1.1"} == {
        None
    }
    text = fall.read_text()
    assert "# Open action:" not in text, "carried, not only listed as comments"
    assert "# Its 11 open actions are carried over, each under its indicator, as written" in text
    valid = runner.invoke(app, ["validate", str(fall)])
    assert valid.exit_code == 0, valid.output


def test_a_folded_action_is_copied_line_for_line(runner: CliRunner, folder: Path) -> None:
    _roll(runner, folder)
    written = (
        "      - action: >-\n"
        "          Listening sessions with three organizations new to pathways (Hmong community center,\n"
        "          Inland Refugee Services, the LGBTQ youth center) on barriers to joining a pathway\n"
        "        owner: Rosa Delgado (Casa Esperanza Family Center)\n"
        "        due: 2026-05-31\n"
        "        status: planned\n"
    )
    assert written in (folder / "2026-03-spring.yaml").read_text()
    fall = (folder / "2026-09-fall.yaml").read_text()
    assert (
        "    # Carried over from Spring 2026 (not done or dropped there):\n    actions:\n" + written in fall
    )


@pytest.mark.parametrize(
    ("bom", "newline"), [(b"\xef\xbb\xbf", b"\r\n"), (b"", b"\r\n"), (b"\xef\xbb\xbf", b"\n")]
)
def test_the_new_term_is_written_with_the_last_terms_line_endings_and_bom(
    runner: CliRunner, folder: Path, bom: bytes, newline: bytes
) -> None:
    spring = folder / "2026-03-spring.yaml"
    spring.write_bytes(bom + spring.read_bytes().replace(b"\n", newline))
    _roll(runner, folder)
    fall = (folder / "2026-09-fall.yaml").read_bytes()
    assert fall.startswith(bom) and not fall[len(bom) :].startswith(b"\xef\xbb\xbf")  # one mark, or none
    lines = fall.split(b"\n")[:-1]
    assert len(lines) > 300 and all(line.endswith(b"\r") == (newline == b"\r\n") for line in lines)
    assert b"\r\r" not in fall
    assert _open_actions(folder / "2026-09-fall.yaml") == _open_actions(spring)


def test_the_register_follows_them_as_carried_over_and_none_vanished(runner: CliRunner, folder: Path) -> None:
    _roll(runner, folder)
    result = runner.invoke(app, ["actions", str(folder), "--as-of", "2026-09-21", "--format", "json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)["counts"]
    assert counts["vanished"] == 0
    assert counts["carried_over"] == 11
    assert counts["open"] + counts["overdue"] == 11
    assert counts["overdue"] == 11, "every carried action was due before the fall meeting"
    assert (counts["done"], counts["dropped"]) == (8, 1)
    text = runner.invoke(app, ["actions", str(folder), "--as-of", "2026-09-21"])
    assert "11 carried over" in text.output
    assert "vanished" not in text.output.split("\n", 3)[2]


@pytest.mark.parametrize("brief", [["--brief"], []])
def test_the_plan_since_last_term_has_nothing_gone(runner: CliRunner, folder: Path, brief: list[str]) -> None:
    _roll(runner, folder)
    fall, spring = folder / "2026-09-fall.yaml", folder / "2026-03-spring.yaml"
    result = runner.invoke(app, ["plan", str(fall), "--since", str(spring), *brief])
    assert result.exit_code == 0, result.output
    assert "Gone since" not in result.stdout
    assert "Hire the WBL coordinator" in result.stdout, "carried actions are in the plan"


def test_no_actions_starts_afresh_and_writes_what_init_always_wrote(runner: CliRunner, folder: Path) -> None:
    output = _roll(runner, folder, "--no-actions")
    assert "Left out 11 open actions of Spring 2026 (--no-actions)" in " ".join(output.split())
    spring, fall = folder / "2026-03-spring.yaml", folder / "2026-09-fall.yaml"
    assert _open_actions(fall) == {}
    last = load_assessment(spring)
    new = NewAssessment(
        "community-framework",
        last.assessment.coalition,
        dt.date(2026, 9, 20),
        facilitator=last.assessment.facilitator,  # carried, as the participants are
        profile_ref="coalition.yaml",
    )
    expected = render(last.framework, new, last).replace("\n    stage: null", "\n    stage: 3", 1)
    assert fall.read_text() == expected, "as before: last term's open actions as comments only"
    assert "    # Open action: Hire the WBL coordinator (Marcus Lee" in expected
    result = runner.invoke(app, ["actions", str(folder), "--as-of", "2026-09-21", "--format", "json"])
    assert json.loads(result.stdout)["counts"]["vanished"] == 11, "what starting afresh means"


def test_no_actions_without_from_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "a.yaml"), "--coalition", "X", "--no-actions"])
    assert result.exit_code == 2
    assert "--no-actions goes with --from" in result.output
    assert not (tmp_path / "a.yaml").exists()


def test_a_term_with_nothing_open_says_so(runner: CliRunner, tmp_path: Path) -> None:
    last = tmp_path / "last.yaml"
    last.write_text(
        "framework: community-framework\ncoalition: Lakeside\nassessed_on: 2026-03-01\nratings:\n"
        "  C1.1:\n    stage: 2\n    actions:\n      - action: Adopt a charter\n        status: done\n"
    )
    result = runner.invoke(app, ["init", str(tmp_path / "next.yaml"), "--from", str(last)])
    assert result.exit_code == 0, result.output
    assert "left no open actions to carry over" in result.output
    assert "actions:" not in (tmp_path / "next.yaml").read_text()


HAND_WRITTEN = """\
framework: community-framework
coalition: Lakeside
assessed_on: 2026-03-01
notes: &chair Ana Ruiz
ratings:
  C1.1:
    stage: 2
    actions:
    # the charter first: the board asked for it
    - action: 'Adopt a charter: seats, votes'   # quoted for the colon
      owner: Lakeside Chamber
      due: 2026-04-01
    - {action: Name a chair, status: in-progress}
    - action: |
        Two lines,
        kept as they are
      status: planned
    - action: Done already
      status: done
  C2.1:
    stage: 1
    actions: [{action: Draft a shared vision, owner: Ana}]
  C2.2:
    stage: 1
    actions:
      - action: Reach the parents
        owner: *chair
"""


def test_hand_written_actions_read_back_exactly_whatever_their_layout(
    runner: CliRunner, tmp_path: Path
) -> None:
    last = tmp_path / "last.yaml"
    last.write_text(HAND_WRITTEN.replace("notes: &chair Ana Ruiz\n", "notes: &chair Ana Ruiz\n"))
    target = tmp_path / "next.yaml"
    result = runner.invoke(app, ["init", str(target), "--from", str(last)])
    assert result.exit_code == 0, result.output
    assert "Carried over 5 open actions from last.yaml (2026-03-01)" in " ".join(result.output.split())
    assert _open_actions(target) == _open_actions(last)
    text = target.read_text()
    # copied as written: the comment above, the quotes and the comment beside, the flow mapping
    assert (
        "      # the charter first: the board asked for it\n"
        "      - action: 'Adopt a charter: seats, votes'   # quoted for the colon\n"
        "        owner: Lakeside Chamber\n"
        "        due: 2026-04-01\n"
        "      - {action: Name a chair, status: in-progress}\n"
        "      - action: |\n"
        "          Two lines,\n"
        "          kept as they are\n"
        "        status: planned\n"
    ) in text
    # a flow list and an alias cannot be copied as lines: their fields are written out
    assert "      - action: Draft a shared vision\n        owner: Ana\n" in text
    assert "      - action: Reach the parents\n        owner: Ana Ruiz\n" in text
    assert "Done already" not in text
    valid = runner.invoke(app, ["validate", str(target)])
    assert valid.exit_code == 0, valid.output


def test_actions_under_indicators_the_new_rubric_lacks_are_named(runner: CliRunner, tmp_path: Path) -> None:
    old = write_rubric(tmp_path / "old.yaml", domains={"D": ["D-a", "D-b"]})
    write_rubric(tmp_path / "new.yaml", domains={"D": ["D-a"]})
    last = tmp_path / "last.yaml"
    last.write_text(
        f"framework: {old.name}\ncoalition: Lakeside\nassessed_on: 2026-03-01\nratings:\n"
        "  D-a:\n    stage: 1\n    actions:\n      - action: Keep this one\n"
        "  D-b:\n    stage: 1\n    actions:\n      - action: Under a retired indicator\n"
    )
    target = tmp_path / "next.yaml"
    result = runner.invoke(
        app, ["init", str(target), "--from", str(last), "--framework", str(tmp_path / "new.yaml")]
    )
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "Carried over 1 open action from last.yaml (2026-03-01), under its indicator." in said
    assert "# Its open action is carried over under its indicator, as written" in target.read_text()
    assert (
        "1 open action of last.yaml (2026-03-01) is under indicators this rubric does not have (D-b)" in said
    )
    assert _open_actions(target) == {"D-a": [Action(action="Keep this one")]}


@pytest.mark.slow
def test_the_repro_in_a_real_process(folder: Path) -> None:
    from tests.support.processes import coalition

    init = coalition(
        "init", "2026-09-fall.yaml", "--from", "2026-03-spring.yaml", "--date", "2026-09-20", cwd=folder
    )
    assert init.returncode == 0, init.stderr
    assert "Carried over 11 open actions from Spring 2026" in " ".join(init.stdout.split())
    assert coalition("rate", "2026-09-fall.yaml", "C1.1=3", cwd=folder).returncode == 0
    register = coalition("actions", ".", "--as-of", "2026-09-21", cwd=folder)
    assert register.returncode == 0, register.stderr
    assert (  # the 8 done and 1 dropped were so in spring: none since
        "11 open (11 overdue), none done or dropped since Spring 2026 (8 done and 1 dropped in all); "
        "11 carried over" in " ".join(register.stdout.split())
    )
    assert "vanished" not in register.stdout.casefold()
    plan = coalition("plan", "2026-09-fall.yaml", "--since", "2026-03-spring.yaml", "--brief", cwd=folder)
    assert plan.returncode == 0, plan.stderr
    assert "Gone since" not in plan.stdout


def test_the_session_does_not_count_carried_actions_as_left_behind(runner: CliRunner, folder: Path) -> None:
    from coalition_cli.cli.assess.screen.answers import last_time, last_time_of

    _roll(runner, folder)
    spring, fall = (
        load_assessment(folder / "2026-03-spring.yaml"),
        load_assessment(folder / "2026-09-fall.yaml"),
    )
    before = last_time_of(spring, "C1.3")
    assert before is not None and len(before.open) == 1, "without this term's rating: one left open"
    now = fall.assessment.rating("C1.3")
    after = last_time_of(spring, "C1.3", now)
    assert after is not None and after.open == (), "carried into this term: not shown as left behind"
    assert "Not marked done" not in last_time(fall.framework, spring, "C1.3", now)[1]
