"""`coalition rate`: ratings from the command line, checked like `validate`, saved like `assess`."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core.loading.assessments import check_assessment
from coalition_cli.core.yaml import source as yamlsource
from tests.support import paths
from tests.support.processes import coalition

FIXTURES = paths.FIXTURES / "editing"


@pytest.fixture
def team(tmp_path: Path) -> Path:
    path = tmp_path / "team.yaml"
    shutil.copy(FIXTURES / "commented.yaml", path)
    return path


def rating(path: Path, indicator: str) -> object:
    return yamlsource.parse_fast(path.read_text())["ratings"][indicator]


def test_rate_sets_stages_by_number_or_name(runner: CliRunner, team: Path) -> None:
    result = runner.invoke(app, ["rate", str(team), "C1.2=3", "c2.4=Developing"])
    assert result.exit_code == 0, result.output
    assert rating(team, "C1.2") == {"stage": 3}
    assert rating(team, "C2.4") == {"stage": 2}
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


LONG_EVIDENCE = (
    "The district adopted a refreshed Portrait of a Graduate in September 2026 with the coalition; RCC,"
    " Cal State and four employers co-wrote it, and the school board voted it on 9 September. Every"
    " member organization has since signed it, and it is on the coalition's site."
)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_long_evidence_in_place_of_a_folded_block_stays_one(
    runner: CliRunner, tmp_path: Path, newline: str
) -> None:
    # the example's evidence is wrapped by hand as `>-`; one line of 260 characters in its place
    # would make the next change to it a change of that whole line in `git diff`
    riverside = paths.EXAMPLES / "riverside"
    shutil.copy(riverside / "coalition.yaml", tmp_path)
    path = tmp_path / "spring.yaml"
    path.write_bytes((riverside / "2026-03-spring.yaml").read_bytes().replace(b"\n", newline.encode()))
    before = path.read_bytes().decode().split(newline)
    result = runner.invoke(app, ["rate", str(path), "C2.1=3", "--evidence", LONG_EVIDENCE])
    assert result.exit_code == 0, result.output
    after = path.read_bytes().decode().split(newline)
    diff = [line for line in difflib.ndiff(before, after) if line[:2] in ("+ ", "- ")]
    assert "+     evidence: >-" not in diff  # the block's header line is unchanged
    added = [line[2:] for line in diff if line.startswith("+ ")]
    assert added[0] == "    stage: 3"
    assert len(added) == 4 and all(line.startswith("      ") and len(line) <= 100 for line in added[1:])
    assert rating(path, "C2.1")["evidence"] == LONG_EVIDENCE  # type: ignore[index]
    assert not check_assessment(path).has_errors


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
    assert result.output.splitlines() == [
        "C1.2 Operational Working Groups: 2 Developing (was not rated)",
        "  evidence added",
        "  target added: 3 Advancing",
        "  marked a priority",
        "  action added: Adopt the charter — Chamber of Commerce, due 30 June 2026",
        f"Saved {team}.",
    ]
    result = runner.invoke(app, ["rate", str(team), "C1.2=2", "--target", "none", "--no-priority"])
    assert result.exit_code == 0, result.output
    assert "  target removed (was 3 Advancing)\n  no longer a priority\n" in result.output
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


def test_a_stage_that_parts_linked_indicators_is_saved_with_a_note(runner: CliRunner, tmp_path: Path) -> None:
    """C1.3 and C6.1 are one practice: rating one apart from the other is what validate warns of."""
    spring = tmp_path / "spring.yaml"
    shutil.copy(paths.ROOT / "examples" / "riverside" / "2026-03-spring.yaml", spring)
    shutil.copy(paths.ROOT / "examples" / "riverside" / "coalition.yaml", tmp_path / "coalition.yaml")
    result = runner.invoke(app, ["rate", str(spring), "C6.1=3"])
    assert result.exit_code == 0, result.output
    assert (
        "note: C6.1 and C1.3 are one practice (the rubric links them), and C1.3 is at 2 Developing: "
        "give them one stage."
    ) in " ".join(result.output.split())
    both = runner.invoke(app, ["rate", str(spring), "C1.3=3", "C6.1=3"])
    assert both.exit_code == 0, both.output
    assert "one practice" not in both.output


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["C1.3=1", "--target", "4"], "--target applies to one indicator, and 2 are rated here"),
        (["C1.3=1", "--priority", "--action", "x"], "--priority, --action apply to one indicator"),
        (["C1.3=1", "--evidence", "x"], "--evidence applies to one indicator, and 2 are rated here"),
        (["C1.3=1", "--no-evidence"], "--no-evidence applies to one indicator, and 2 are rated here"),
        (["C1.3=1", "--evidence", "x", "--target", "3"], "--evidence, --target apply to one indicator"),
        (["--evidence", " \n "], "--evidence is empty"),
        (["--evidence", "x", "--no-evidence"], "--evidence and --no-evidence ask for opposite things"),
        (
            ["--owner", "Dana"],
            "--owner, --due and --status go with --action (a new action) or --action-number",
        ),
        (
            ["--status", "done"],
            "--owner, --due and --status go with --action (a new action) or --action-number",
        ),
        (
            ["--action", "Meet", "--status", "complete"],
            "--status: 'complete' is not a status (did you mean done?)",
        ),
        (["--action-number", "1"], "--action-number 1 says which action to change: say what to change"),
        (["--action-number", "1", "--owner", " "], "--owner is empty"),
        (["--action-number", "1", "--due", "soon"], "--due: 'soon' is not a date"),
        (["--target", "9"], "--target '9': stage 9 is out of range"),
        (["--target", "advancng"], "did you mean 'Advancing'"),
        (["--action", "Meet", "--due", "June"], "--due: 'June' is not a date"),
        (["--action", "  "], "--action is empty"),
        (["--evidence", "Charter\x1b[A signed"], "--evidence holds a control character (\\x1b), not text"),
        (["--action", "Meet\x07", "--owner", "Dana"], "--action holds a control character (\\x07)"),
        (["--action", "Meet", "--owner", "Dana\x00"], "--owner holds a control character (\\x00)"),
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


# -- evidence: what a rating replaces is always said ------------------------------------------------

HAND = """\
framework: community-framework
coalition: Riverside Pathways Coalition
assessed_on: 2026-03-14
ratings:
  C1.2:
    stage: 2   # agreed in March
    evidence: Working groups
  C5.1:
    stage: 1
  C2.1:
    stage: 1
    evidence: >
      Vision statement drafted by the steering committee,
      shared at the February meeting and posted on the website.
    target: 2
    priority: true
"""


@pytest.fixture
def hand(tmp_path: Path) -> Path:
    path = tmp_path / "hand.yaml"
    path.write_text(HAND, encoding="utf-8")
    return path


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]


def test_one_evidence_for_several_indicators_is_refused(runner: CliRunner, hand: Path) -> None:
    result = runner.invoke(app, ["rate", str(hand), "C1.2=1", "C5.1=2", "--evidence", "e1"])
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert "--evidence applies to one indicator, and 2 are rated here: nothing was changed" in said
    assert "rate one at a time, like `coalition rate FILE C1.2=1 --evidence …`" in said
    assert hand.read_text(encoding="utf-8") == HAND


def test_replaced_evidence_is_named_with_what_it_was(runner: CliRunner, hand: Path) -> None:
    result = runner.invoke(app, ["rate", str(hand), "C1.2=1", "--evidence", "e1"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == [
        "C1.2 Operational Working Groups: 1 Emerging (was 2 Developing)",
        "  evidence replaced (was: “Working groups”)",
    ]
    assert result.output.splitlines()[-1] == f"Saved {hand}."
    assert changed_lines(HAND, hand.read_text(encoding="utf-8")) == [
        "-    stage: 2   # agreed in March",
        "-    evidence: Working groups",
        "+    stage: 1   # agreed in March",
        "+    evidence: e1",
    ]


def test_new_evidence_is_said_to_be_added(runner: CliRunner, hand: Path) -> None:
    result = runner.invoke(app, ["rate", str(hand), "C5.1=2", "--evidence", "Employer survey, May 2026"])
    assert result.exit_code == 0, result.output
    assert "C5.1 " in result.output and ": 2 Developing (was 1 Emerging)\n  evidence added\n" in result.output
    assert rating(hand, "C5.1") == {"stage": 2, "evidence": "Employer survey, May 2026"}


def test_evidence_and_an_action_are_both_named(runner: CliRunner, hand: Path) -> None:
    args = [
        "rate",
        str(hand),
        "C2.1=2",
        "--action",
        "Publish the vision",
        "--evidence",
        "Adopted by the board",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "C2.1 Shared Vision for Student Success: 2 Developing (was 1 Emerging)"
    assert lines[1].startswith("  evidence replaced (was: “Vision statement drafted by the steering")
    assert lines[2:] == ["  action added: Publish the vision", f"Saved {hand}."]
    assert rating(hand, "C2.1") == {
        "stage": 2,
        "evidence": "Adopted by the board",
        "target": 2,
        "priority": True,
        "actions": [{"action": "Publish the vision"}],
    }


def test_long_old_evidence_is_cut_at_a_word_to_fit_80_columns(runner: CliRunner, hand: Path) -> None:
    result = runner.invoke(app, ["rate", str(hand), "C2.1=2", "--evidence", "Adopted"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    line = result.output.splitlines()[1]
    # the folded block's two lines read as one, cut between words, and marked as cut
    assert line == "  evidence replaced (was: “Vision statement drafted by the steering…”)"
    assert len(line) <= 80
    result = runner.invoke(app, ["rate", str(hand), "C2.1=2", "--evidence", "Again"], env={"COLUMNS": "80"})
    assert result.output.splitlines()[1] == "  evidence replaced (was: “Adopted”)"


def test_control_characters_in_old_evidence_are_shown_not_sent(runner: CliRunner, hand: Path) -> None:
    hand.write_text(HAND.replace("Working groups", '"Working\\e]0;owned\\a groups"'), encoding="utf-8")
    result = runner.invoke(app, ["rate", str(hand), "C1.2=2", "--evidence", "e1"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "evidence replaced (was: “Working\\x1b]0;owned\\x07 groups”)" in result.output


def test_the_same_evidence_again_leaves_the_file_as_it_is(runner: CliRunner, hand: Path) -> None:
    # the folded block reads as one line; typed again (a line end after it tidied), it is the same text
    same = "Vision statement drafted by the steering committee, shared at the February meeting and posted on the website.\n"
    result = runner.invoke(app, ["rate", str(hand), "C2.1=1", "--evidence", same])
    assert result.exit_code == 0, result.output
    assert "  evidence unchanged\n" in result.output and "Nothing to change" in result.output
    assert hand.read_text(encoding="utf-8") == HAND  # the folded block kept as written
    result = runner.invoke(app, ["rate", str(hand), "C2.1=2", "--evidence", same])
    assert result.exit_code == 0, result.output
    assert changed_lines(HAND, hand.read_text(encoding="utf-8")) == ["-    stage: 1", "+    stage: 2"]


def test_no_evidence_removes_it_and_says_what_it_was(runner: CliRunner, hand: Path) -> None:
    result = runner.invoke(app, ["rate", str(hand), "C1.2=2", "--no-evidence"])
    assert result.exit_code == 0, result.output
    assert "  evidence removed (was: “Working groups”)\n" in result.output
    assert rating(hand, "C1.2") == {"stage": 2}
    after = hand.read_text(encoding="utf-8")
    result = runner.invoke(app, ["rate", str(hand), "C1.2=2", "--no-evidence"])
    assert result.exit_code == 0, result.output
    assert "  no evidence to remove\n" in result.output and "Nothing to change" in result.output
    assert hand.read_text(encoding="utf-8") == after


def test_a_replaced_target_and_priority_say_what_they_were(runner: CliRunner, hand: Path) -> None:
    result = runner.invoke(app, ["rate", str(hand), "C2.1=2", "--target", "4", "--priority"])
    assert result.exit_code == 0, result.output
    assert "  target replaced: 4 Transforming (was 2 Developing)\n  still a priority\n" in result.output
    result = runner.invoke(app, ["rate", str(hand), "C2.1=2", "--target", "4", "--no-priority"])
    assert "  target unchanged: 4 Transforming\n  no longer a priority\n" in result.output
    result = runner.invoke(app, ["rate", str(hand), "C1.2=2", "--target", "none", "--no-priority"])
    assert "  no target to remove\n  still not a priority\n" in result.output
    assert "Nothing to change" in result.output


@pytest.mark.slow
def test_a_real_process_names_the_evidence_it_replaced(hand: Path) -> None:
    refused = coalition("rate", hand.name, "C1.2=1", "C5.1=2", "--evidence", "e1", cwd=hand.parent)
    assert refused.returncode == 2
    assert "--evidence applies to one indicator" in refused.stderr
    assert hand.read_text(encoding="utf-8") == HAND
    done = coalition("rate", hand.name, "C1.2=1", "--evidence", "e1", cwd=hand.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "C1.2 Operational Working Groups: 1 Emerging (was 2 Developing)\n"
        "  evidence replaced (was: “Working groups”)\n"
        "note: the comment beside C1.2's stage is kept (“# agreed in March”): change it"
    )
    assert done.stdout.endswith("if it no longer holds.\nSaved hand.yaml.\n")


def test_an_id_alone_with_decisions_keeps_its_stage(runner: CliRunner, team: Path) -> None:
    """`rate FILE C1.1 --target 4`: the room's decision is recorded without retyping the stage."""
    result = runner.invoke(app, ["rate", str(team), "c1.1", "--target", "4", "--priority"])
    assert result.exit_code == 0, result.output
    c11 = rating(team, "C1.1")
    assert isinstance(c11, dict) and (c11["stage"], c11["target"], c11["priority"]) == (2, 4, True)
    assert "C1.1 Executive Leadership: 2 Developing (unchanged)" in result.output
    assert "target replaced: 4 Transforming (was 3 Advancing)" in result.output
    before = team.read_bytes()
    unrated = runner.invoke(app, ["rate", str(team), "C1.2", "--target", "3"])
    assert unrated.exit_code == 2
    assert "C1.2 is not rated yet: nothing was changed" in unrated.output
    assert "give its stage too, like `C1.2=1`" in " ".join(unrated.output.split())
    assert team.read_bytes() == before
    no_longer = runner.invoke(app, ["rate", str(team), "C1.1", "--no-priority"])  # a decision too
    assert no_longer.exit_code == 0, no_longer.output
    c11 = rating(team, "C1.1")
    assert "no longer a priority" in no_longer.output and isinstance(c11, dict) and "priority" not in c11
    before = team.read_bytes()
    alone = runner.invoke(app, ["rate", str(team), "C1.1"])  # no decision: the indicator is shown
    assert alone.exit_code == 0 and alone.output.startswith("C1.1 Executive Leadership: 2 Developing")
    assert team.read_bytes() == before


def test_an_action_goes_under_a_bare_actions_key(runner: CliRunner, tmp_path: Path) -> None:
    """The last action deleted by hand leaves `actions:` with nothing under it: no actions, and the next
    one goes there, with the comment beside it kept."""
    path = tmp_path / "emptied.yaml"
    path.write_text(
        HAND.replace(
            "    evidence: Working groups\n", "    evidence: Working groups\n    actions:  # all done\n"
        )
    )
    result = runner.invoke(app, ["rate", str(path), "C1.2", "--action", "Meet in June"])
    assert result.exit_code == 0, result.output
    assert changed_lines(path.read_text(encoding="utf-8"), HAND) == [
        "-    actions:  # all done",
        "-      - action: Meet in June",
    ]


def test_a_letter_two_stage_names_begin_with_says_which_they_are(runner: CliRunner, tmp_path: Path) -> None:
    """Review s11 #9: with stages Beginning and Building, `Y2=b` said "unknown stage 'b'"."""
    from tests.support.custom_rubric import write_rubric

    (tmp_path / ".git").mkdir()
    stages = ("Not started", "Beginning", "Building", "Established", "Sustaining")
    write_rubric(tmp_path / "rubric.yaml", stages=stages, domains={"Y": ["Y1", "Y2"]})
    made = runner.invoke(
        app,
        ["init", str(tmp_path / "a.yaml"), "--framework", str(tmp_path / "rubric.yaml"), "--coalition", "X"],
    )
    assert made.exit_code == 0, made.output
    result = runner.invoke(app, ["--no-color", "rate", str(tmp_path / "a.yaml"), "Y2=b"])
    assert result.exit_code == 2, result.output
    assert "'Y2=b': 'b' could be Beginning or Building: type more of the name" in result.output
    assert "unknown stage" not in result.output


def test_a_comment_beside_a_changed_value_is_kept_and_said(runner: CliRunner, hand: Path) -> None:
    """`stage: 2   # agreed in March` becomes `stage: 1   # agreed in March`: the comment is the team's,
    so it stays, and rate says so, since it may no longer hold. One beside an unchanged value is not named."""
    result = runner.invoke(app, ["rate", str(hand), "C1.2=1"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert (
        "note: the comment beside C1.2's stage is kept (“# agreed in March”): change it if it no longer holds."
        in said
    )
    assert "    stage: 1   # agreed in March\n" in hand.read_text(encoding="utf-8")
    again = runner.invoke(app, ["rate", str(hand), "C1.2=1", "--target", "3"])
    assert again.exit_code == 0, again.output
    assert "comment beside" not in again.output  # the stage did not change this time


def test_an_owner_close_to_a_participants_name_is_saved_as_typed_and_said(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Nobody is asked here, so "Maria Lopes" is saved as typed, but rate says whom it may mean: the
    register would count Maria Lopes and Maria Lopez as two owners. A name nobody is close to is free."""
    path = tmp_path / "spring.yaml"
    shutil.copy(paths.EXAMPLES / "riverside" / "2026-03-spring.yaml", path)
    shutil.copy(paths.EXAMPLES / "riverside" / "coalition.yaml", tmp_path / "coalition.yaml")
    result = runner.invoke(app, ["rate", str(path), "C1.2", "--action", "Meet", "--owner", "Maria Lopes"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "note: Maria Lopes is not a participant’s name: did you mean Maria Lopez?" in said
    assert rating(path, "C1.2")["actions"][-1] == {"action": "Meet", "owner": "Maria Lopes"}  # type: ignore[index]
    for owner in ("Maria Lopez", "Bob from Rotary"):
        quiet = runner.invoke(app, ["rate", str(path), "C1.2", "--action", "Meet", "--owner", owner])
        assert quiet.exit_code == 0 and "not a participant" not in quiet.output, quiet.output


# -- an action already there, changed by its number (review s12 #4) --------------------------------

ACTIONS = """\
framework: community-framework
coalition: Riverside Pathways Coalition
assessed_on: 2026-03-14
participants:
  - name: Priya Natarajan
    organization: Riverside Community College
ratings:
  C6.2:
    stage: 1
    actions:
      # recruitment, the Chamber's drive
      - action: Recruit 15 new internship hosts
        owner: Janet Holloway
        due: 2026-05-15
        status: in-progress   # started in March
      - action: Ask Riverside Regional to host 10 help-desk interns
        owner: Angela Ruiz (Riverside Regional Medical Center)
        due: 2025-04-15       # agreed at the fall meeting
        status: planned
      - action: Stand up an employer-partner database
  C1.2:
    actions:
      - action: Finish the work plans
        owner: Working group chairs
        status: Done
"""


@pytest.fixture
def acted(tmp_path: Path) -> Path:
    path = tmp_path / "actions.yaml"
    path.write_text(ACTIONS, encoding="utf-8")
    return path


def test_an_action_is_changed_by_its_number_and_every_change_is_said(runner: CliRunner, acted: Path) -> None:
    args = ["rate", str(acted), "C6.2", "--action-number", "2", "--status", "in-progress"]
    args += ["--due", "2027-03-31", "--owner", "Priya Natarajan"]
    result = runner.invoke(app, args, env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    late = (dt.date.today() - dt.date(2025, 4, 15)).days
    assert result.output.splitlines() == [
        "C6.2 Employer Engagement: 1 Emerging (unchanged)",
        "  action 2: Ask Riverside Regional to host 10 help-desk interns",
        "    owner replaced: Priya Natarajan (was Angela Ruiz (Riverside Regional Medical Center))",
        f"    due date replaced: 31 March 2027 (was 15 April 2025, {late} days late)",
        "    status replaced: in progress (was planned)",
        f"Saved {acted}.",
    ]
    # only the three values change; the comments beside and above them stay
    assert changed_lines(ACTIONS, acted.read_text(encoding="utf-8")) == [
        "-        owner: Angela Ruiz (Riverside Regional Medical Center)",
        "-        due: 2025-04-15       # agreed at the fall meeting",
        "-        status: planned",
        "+        owner: Priya Natarajan",
        "+        due: 2027-03-31       # agreed at the fall meeting",
        "+        status: in-progress",
    ]
    assert not check_assessment(acted).has_errors


def test_missing_parts_are_added_in_order_and_none_removes_them(runner: CliRunner, acted: Path) -> None:
    args = [
        "rate",
        str(acted),
        "C6.2",
        "--action-number",
        "3",
        "--status",
        "In Progress",
        "--due",
        "2027-1-5",
    ]
    result = runner.invoke(app, [*args, "--owner", "Marcus Lee", "--action", "Stand up a partner database"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:6] == [
        "  action 3: Stand up a partner database",
        "    wording replaced (was: “Stand up an employer-partner database”)",
        "    owner added: Marcus Lee",
        "    due date added: 5 January 2027",
        "    status added: in progress",
    ]
    assert rating(acted, "C6.2")["actions"][2] == {  # type: ignore[index]
        "action": "Stand up a partner database",
        "owner": "Marcus Lee",
        "due": "2027-01-05",
        "status": "in-progress",
    }
    args = ["rate", str(acted), "C6.2", "--action-number", "3", "--owner", "none", "--due", "none"]
    result = runner.invoke(app, [*args, "--status", "none"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2:5] == [
        "    owner removed (was Marcus Lee)",
        "    due date removed (was 5 January 2027)",
        "    status removed (was in progress)",
    ]
    assert rating(acted, "C6.2")["actions"][2] == {"action": "Stand up a partner database"}  # type: ignore[index]


def test_a_status_already_meant_keeps_the_files_spelling(runner: CliRunner, acted: Path) -> None:
    """`status: Done` is done: `--status done` changes nothing, and the file keeps `Done`."""
    result = runner.invoke(app, ["rate", str(acted), "C1.2", "--action-number", "1", "--status", "done"])
    assert result.exit_code == 0, result.output
    assert "    status unchanged: done\n" in result.output and "Nothing to change" in result.output
    assert acted.read_text(encoding="utf-8") == ACTIONS


def test_an_action_of_an_indicator_not_rated_is_changed_without_a_stage(
    runner: CliRunner, acted: Path
) -> None:
    """A new term's file holds the actions carried over under indicators not rated yet: changing one
    needs no stage (and gives none); a decision about the indicator itself still needs its stage."""
    result = runner.invoke(
        app, ["rate", str(acted), "C1.2", "--action-number", "1", "--owner", "Priya Natarajan"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("C1.2 Operational Working Groups: not rated (unchanged)\n")
    assert rating(acted, "C1.2") == {
        "actions": [{"action": "Finish the work plans", "owner": "Priya Natarajan", "status": "Done"}]
    }
    added = runner.invoke(
        app, ["rate", str(acted), "C1.2", "--action", "Meet in June", "--status", "planned"]
    )
    assert added.exit_code == 0, added.output
    assert "  action added: Meet in June — planned\n" in added.output
    assert rating(acted, "C1.2")["actions"][1] == {"action": "Meet in June", "status": "planned"}  # type: ignore[index]
    before = acted.read_bytes()
    refused = runner.invoke(
        app, ["rate", str(acted), "C1.2", "--target", "3", "--action-number", "1", "--status", "done"]
    )
    assert refused.exit_code == 2 and "C1.2 is not rated yet: nothing was changed" in refused.output
    assert acted.read_bytes() == before


def test_a_number_the_indicator_has_not_is_refused_with_the_list(runner: CliRunner, acted: Path) -> None:
    result = runner.invoke(app, ["rate", str(acted), "C6.2", "--action-number", "4", "--status", "done"])
    assert result.exit_code == 2
    said = result.output
    assert (
        "C6.2 Employer Engagement has no action 4: its actions are numbered 1 to 3, and nothing was changed"
        in " ".join(said.split())
    )
    assert "\n  1. Recruit 15 new internship hosts — Janet Holloway, due 15 May 2026" in said
    assert "\n  3. Stand up an employer-partner database\n" in said
    result = runner.invoke(app, ["rate", str(acted), "C6.2", "--action-number", "0", "--status", "done"])
    assert result.exit_code == 2 and "has no action 0" in result.output
    result = runner.invoke(app, ["rate", str(acted), "C6.1", "--action-number", "1", "--status", "done"])
    assert result.exit_code == 2
    assert "C6.1 WBL Leadership has no actions yet, so there is no action 1 to change" in " ".join(
        result.output.split()
    )
    result = runner.invoke(
        app, ["rate", str(acted), "C6.2=1", "C1.2=2", "--action-number", "1", "--status", "done"]
    )
    assert result.exit_code == 2 and "--action-number applies to one indicator" in result.output
    assert acted.read_text(encoding="utf-8") == ACTIONS


def test_an_id_alone_lists_its_actions_by_number(runner: CliRunner, acted: Path) -> None:
    result = runner.invoke(app, ["rate", str(acted), "c6.2"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.output.splitlines()]
    assert lines[:2] == [
        "C6.2 Employer Engagement: 1 Emerging",
        "Its actions, by the number --action-number takes:",
    ]
    assert lines[3].startswith("2.  Ask Riverside Regional to host 10 help-desk interns — Angela Ruiz")
    assert lines[4] == "3.  Stand up an employer-partner database"
    assert f"To change one: coalition rate {acted} C6.2 --action-number 3 --status done" in lines[5]
    assert acted.read_text(encoding="utf-8") == ACTIONS
    none = runner.invoke(app, ["rate", str(acted), "C6.1"])
    assert none.exit_code == 0 and "No actions yet." in none.output


def test_an_owner_close_to_a_participant_is_said_for_a_changed_action_too(
    runner: CliRunner, acted: Path
) -> None:
    result = runner.invoke(
        app, ["rate", str(acted), "C6.2", "--action-number", "1", "--owner", "Priya Natarajn"]
    )
    assert result.exit_code == 0, result.output
    assert "did you mean Priya Natarajan?" in " ".join(result.output.split())
