"""`coalition assess` driven through CliRunner with answers on stdin, as a script or a test would."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.editing.rating_edits import RatingEdit
from coalition_cli.core.loading.assessments import check_assessment
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.yaml import source as yamlsource
from tests.support import paths
from tests.support.paths import ROOT

FIXTURES = paths.FIXTURES / "editing"
NEW = ["--coalition", "Riverside Pathways Coalition", "--date", "2026-03-14"]


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A copy of the hand-written fixture, full of comments and odd formatting."""
    path = tmp_path / "team.yaml"
    shutil.copy(FIXTURES / "commented.yaml", path)
    return path


def answer(stage: str, evidence: str = "", action: str = "") -> str:
    """The keys for one indicator: stage, evidence (ended by an empty line), no more actions."""
    keys = f"{stage}\n"
    keys += f"{evidence}\n\n" if evidence else "\n"
    keys += f"{action}\n\n\n\n" if action else "\n"  # action, owner, due, then no other action
    return keys


def ratings(path: Path) -> dict[str, dict[str, object]]:
    """The ratings given so far (a new file lists every indicator with `stage: null`)."""
    data = yamlsource.parse_fast(path.read_text(encoding="utf-8"))["ratings"]
    return {key: value for key, value in data.items() if value and value != {"stage": None}}


def assess(runner: CliRunner, path: Path, keys: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["assess", str(path), *args], input=keys)
    return result.exit_code, result.output


def test_a_whole_session_from_a_new_file(runner: CliRunner, tmp_path: Path, framework: Framework) -> None:
    path = tmp_path / "new.yaml"
    keys = "".join(  # C6.1 takes C1.3's stage (`=`): the rubric links them, and rated apart they warn
        answer("=" if indicator.id == "C6.1" else str(n % 4 + 1))
        for n, indicator in enumerate(framework.indicators)
    )
    code, output = assess(runner, path, keys, *NEW)
    assert code == 0, output
    check = check_assessment(path, strict=True)
    assert not check.problems, check.problems
    assert "Indicator 7 of 22 · C2 Core Beliefs and Values" in output
    assert "Where the coalition stands" in output and "22 of 22" in output
    assert f"coalition plan {path}" in output
    assert "Reflect on your practice" in output


def test_the_name_and_date_are_asked_for_a_new_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    people = (
        "Maria Lopez\nRiverside USD\nastronauts\n1\nSam Ortiz\n\nlab\n\n"  # a wrong group, then its number
    )
    keys = (
        "\nRiverside\nyesterday\n2026-03-14\n  Spring 2026 \nDana Whitfield\n" + people + answer("2") + "q\n"
    )
    code, output = assess(runner, path, keys)
    assert code == 0, output
    assert "The coalition needs a name" in output
    assert "'yesterday' is not a date" in output
    assert "Created" in output and "assessed on 2026-03-14 (Spring 2026)." in " ".join(output.split())
    assert "'astronauts' is not a stakeholder group: type its number, 1 to 10" in " ".join(output.split())
    assessment = AssessmentFile(path).assessment
    assert assessment.coalition == "Riverside"
    assert (assessment.term, assessment.facilitator) == ("Spring 2026", "Dana Whitfield")
    assert [(p.name, p.organization, p.stakeholder_group) for p in assessment.participants] == [
        ("Maria Lopez", "Riverside USD", "k12-education"),
        ("Sam Ortiz", None, "labor-unions"),  # an id begun with 3 letters
    ]
    assert ratings(path) == {"C1.1": {"stage": 2}}


def test_the_term_and_facilitator_of_a_new_file_may_be_left_out(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    code, output = assess(runner, path, "Riverside\n2026-03-14\n\n\n\n" + answer("2") + "q\n")
    assert code == 0, output
    assert "Term (optional, e.g. Spring 2026): " in output
    assessment = AssessmentFile(path).assessment
    assert (assessment.term, assessment.facilitator) == (None, None)
    assert "term:" not in path.read_text(encoding="utf-8").split("ratings:")[0].replace("# term", "")
    assert ratings(path) == {"C1.1": {"stage": 2}}


def test_evidence_and_actions_are_saved(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    keys = "2\nQuarterly meetings since 2024;\ncharter drafted.\n\nAdopt the charter\nChamber of Commerce\n30/06\n2026-06-30\n\n"
    code, output = assess(runner, path, keys + "q\n", *NEW)
    assert code == 0, output
    assert "'30/06' is not a date" in output
    assert ratings(path)["C1.1"] == {
        "stage": 2,
        "evidence": "Quarterly meetings since 2024;\ncharter drafted.",
        "actions": [{"action": "Adopt the charter", "owner": "Chamber of Commerce", "due": "2026-06-30"}],
    }


def test_a_wrong_answer_explains_and_asks_again(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    code, output = assess(runner, path, "7\nmaybe\n?\n" + answer("3") + "q\n", *NEW)
    assert code == 0, output
    assert "There is no stage 7. Type a stage number from 1 to 4" in output
    assert "'maybe' is not a stage" in output
    assert "go back to where you were (after g, the indicator you came from)" in output  # the help
    assert ratings(path) == {"C1.1": {"stage": 3}}


def test_skip_back_and_quit(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    keys = answer("2") + "s\n" + "b\n" + "b\n" + answer("4") + "q\n"
    code, output = assess(runner, path, keys, *NEW)
    assert code == 0, output
    assert ratings(path) == {"C1.1": {"stage": 4}}  # re-answered after going back twice
    assert "Skipped C1.2" in output
    assert "Enter keeps 2" in output  # back at C1.1, its rating is the default
    assert f"coalition assess {path} --start-at C1.2" in output


def test_carrying_on_after_a_go_to_takes_the_unrated_indicators_before_it_too(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The review: C1.1 rated, `g` to C4.3, rated, quit there. The command printed carries on at C4.3
    and, after the last, goes back to the 11 indicators before it that are still unrated: run as
    told, it skipped them."""
    path = tmp_path / "new.yaml"
    code, output = assess(runner, path, answer("2") + "g C4.3\n" + "3\n\nq\n", *NEW)
    assert code == 0, output
    resume = f"coalition assess {path} --start-at C4.3"
    assert resume in output
    # nobody listed: Enter; C4.3 kept as it is; every other one skipped
    code, output = assess(runner, path, "\n" + "\n\n\n" + "s\n" * 20 + "q\n", "--start-at", "C4.3")
    said = " ".join(output.split())
    assert "21 indicators to go through" in said  # C4.3, then every one unrated: 20 of them
    assert "Now the indicators before C4.3 that are not rated yet." in said
    after = said.split("Now the indicators before C4.3")[1]
    assert "Stage for C1.2" in after and "Stage for C1.1" not in after


def test_the_done_screen_command_keeps_since(runner: CliRunner, tmp_path: Path, team: Path) -> None:
    """Finished with indicators still unrated: the command to rate them keeps `--since`, so that the
    next session has last term beside each one; not the narrowing of this one (`-i`)."""
    path = tmp_path / "new.yaml"
    code, output = assess(runner, path, answer("2"), *NEW, "-i", "C1.1", "--since", str(team))
    assert code == 0, output
    assert "21 indicators not rated yet" in output
    assert f"  coalition assess {path} --since {team}\n" in output


@pytest.mark.parametrize(("said", "owner"), [("", "Maria Lopez"), ("n", "Maria Lopes")])
def test_an_owner_close_to_a_participants_name_is_asked_about(
    runner: CliRunner, team: Path, said: str, owner: str
) -> None:
    """ "Maria Lopes", with Maria Lopez taking part: Enter takes her name, n keeps it as typed; a name
    close to nobody's ("Bob from Rotary") is not asked about."""
    keys = "2\n\n" + f"Sign the MOU\nMaria Lopes\n{said}\n\n" + "Ask the Rotary\nBob from Rotary\n\n\nq\n"
    code, output = assess(runner, team, keys, "-i", "C1.2")
    assert code == 0, output
    assert output.count("Did you mean") == 1
    assert "Did you mean Maria Lopez? (Enter or y: yes; n: keep Maria Lopes)" in output
    assert ratings(team)["C1.2"]["actions"] == [
        {"action": "Sign the MOU", "owner": owner},
        {"action": "Ask the Rotary", "owner": "Bob from Rotary"},
    ]


def test_going_back_from_the_first_indicator_says_so(runner: CliRunner, tmp_path: Path) -> None:
    code, output = assess(runner, tmp_path / "new.yaml", "b\nq\n", *NEW)
    assert code == 0
    assert "nothing to go back to" in output
    assert (
        "╭─ C1.1" not in output.split("nothing to go back to")[1]
    )  # said under the question, not redrawn away


def test_end_of_input_keeps_every_answer_and_says_how_to_carry_on(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    code, output = assess(
        runner, path, answer("2") + answer("3", "Minutes") + "1\nhalf-typed evidence\n", *NEW
    )
    assert code == 130, output
    assert "Aborted" not in output
    assert ratings(path) == {
        "C1.1": {"stage": 2},
        "C1.2": {"stage": 3, "evidence": "Minutes"},
        "C1.3": {"stage": 1, "evidence": "half-typed evidence"},
    }
    assert "Stopped (end of input) at C1.3" in output
    resume = f"coalition assess {path} --start-at C1.3"
    assert resume in output
    # nobody listed yet: asked first (Enter: nobody); then Enter keeps stage 1 and the evidence
    code, output = assess(runner, path, "\n" + "\n\n\n" + "q\n", "--start-at", "C1.3")
    assert code == 0, output
    assert "Who is taking part?" in output
    assert "Enter keeps 1" in output
    assert ratings(path)["C1.3"] == {"stage": 1, "evidence": "half-typed evidence"}


def test_a_half_given_action_is_kept_at_end_of_input(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    code, _ = assess(runner, path, "2\n\nMeet the mayor\nDana\n", *NEW)
    assert code == 130
    assert ratings(path)["C1.1"] == {"stage": 2, "actions": [{"action": "Meet the mayor", "owner": "Dana"}]}


def test_half_typed_evidence_never_replaces_what_is_there(runner: CliRunner, team: Path) -> None:
    before = ratings(team)["C1.1"]["evidence"]
    code, output = assess(runner, team, "\nhalf a sent", "--all")
    assert code == 130, output
    assert ratings(team)["C1.1"]["evidence"] == before
    assert "The evidence being typed was not saved; the earlier evidence stays." in output
    assert "What was typed, to paste in again if you want it:\n  half a sent" in output


def test_a_question_mark_explains_the_prompt_and_is_never_saved(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    keys = (
        "?\nRiverside\n?\n2026-03-14\n?\n\n?\n\n?\n\n"
        + "2\n?\nMinutes\n?\n\n?\nAdopt the charter\n?\nDana\n?\n\n\nq\n"
    )
    code, output = assess(runner, path, keys)
    assert code == 0, output
    assert ratings(path) == {
        "C1.1": {
            "stage": 2,
            "evidence": "Minutes",
            "actions": [{"action": "Adopt the charter", "owner": "Dana"}],
        }
    }
    assert "A label for the term or meeting, as reports should show it" in " ".join(output.split())
    for words in ("as reports should show it", "press Enter for today", "when everyone is listed", "What shows the coalition",
                  "Something the team will do", "Who leads the action", "When the action is due"):  # fmt: skip
        assert words in " ".join(output.split()), words


def test_revisiting_shows_and_keeps_evidence(runner: CliRunner, team: Path) -> None:
    path = team
    before = path.read_text()
    code, output = assess(runner, path, "\n\n\nq\n", "--all")
    assert code == 0, output
    assert "Evidence so far:" in output and "Quarterly meetings since 2024;" in output
    assert "Adopt the charter — Chamber of Commerce, due 30 June 2026" in output
    assert path.read_text() == before  # Enter everywhere changes nothing, not one byte


def test_narrowing_to_a_domain_or_indicators(runner: CliRunner, team: Path) -> None:
    path = team
    code, output = assess(runner, path, answer("1") * 3, "--domain", "c2")
    assert code == 0, output
    assert "Indicator 8 of 22 · C2" in output  # C2.1-C2.3 are rated; only C2.4 is not
    assert "1 to go in this session" in output
    code, output = assess(runner, path, answer("3") * 2, "--indicator", "C1.1,C5.1")
    assert code == 0, output
    assert ratings(path)["C1.1"]["stage"] == 3 and ratings(path)["C5.1"]["stage"] == 3


def test_the_abbreviations_an_indicator_uses_are_spelled_out_under_it(runner: CliRunner, team: Path) -> None:
    code, output = assess(runner, team, answer("2") * 2, "--indicator", "C5.1,C6.1", "--all")
    assert code == 0, output
    after = output.split("C6.1 WBL Leadership", 1)[1]
    assert after.count("WBL: work-based learning") == 1  # once, under the indicator
    assert "WBL: work-based learning" not in output.split("C6.1 WBL Leadership", 1)[0]  # not under C5.1


def test_an_unknown_indicator_is_a_usage_error_with_a_suggestion(runner: CliRunner, team: Path) -> None:
    path = team
    code, output = assess(runner, path, "", "--indicator", "C12")
    assert code == 2
    assert "did you mean 'C1.2'" in output


def test_when_everything_is_rated(runner: CliRunner, tmp_path: Path, framework: Framework) -> None:
    path = tmp_path / "new.yaml"
    assess(runner, path, "".join(answer("2") for _ in framework.indicators), *NEW)
    code, output = assess(runner, path, "")
    assert code == 0
    assert "Every indicator is already rated (22 of 22)" in output
    assert f"coalition assess {path} --all" in output


def test_a_file_with_errors_is_not_edited(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    text = (FIXTURES / "commented.yaml").read_text().replace("stage: 3\n# trailing", "stage: 9\n# trailing")
    path.write_text(text)
    code, output = assess(runner, path, answer("2"))
    assert code == 1
    assert "stage 9 is out of range" in output and "Traceback" not in output
    assert path.read_text() == text


def test_framework_option_must_match_an_existing_file(runner: CliRunner, team: Path) -> None:
    path = team
    code, output = assess(runner, path, "", "--framework", "no-such-framework")
    assert code == 2
    assert "unknown framework" in output


def test_a_missing_folder_or_a_bad_date(runner: CliRunner, tmp_path: Path) -> None:
    code, output = assess(runner, tmp_path / "nope" / "new.yaml", "")
    assert code == 2 and "does not exist" in output
    code, output = assess(runner, tmp_path / "new.yaml", "", "--date", "March")
    assert code == 2 and "year-month-day" in output
    assert not (tmp_path / "new.yaml").exists()


def test_descriptors_are_never_cut_at_80_columns(
    runner: CliRunner, tmp_path: Path, framework: Framework
) -> None:
    code, output = assess(
        runner, tmp_path / "new.yaml", "".join(answer("s") for _ in framework.indicators), *NEW
    )
    assert code == 0
    panel_lines = [line for line in output.splitlines() if "│" in line or "╭" in line]
    assert panel_lines and max(len(line) for line in panel_lines) <= 80
    words = set(re.findall(r"[\w’'-]+", output))
    for indicator in framework.indicators:
        for stage in framework.stages:
            for paragraph in indicator.descriptor(stage.number):
                assert set(re.findall(r"[\w’'-]+", paragraph)) <= words, (indicator.id, stage.number)


def test_someone_elses_change_to_another_indicator_is_merged(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.yaml"
    other_change = RatingEdit("C7.2", stage=4, evidence="from the other laptop")
    _change_on_disk_before(monkeypatch, "Stage for C1.2", path, other_change)
    code, output = assess(runner, path, answer("2") + answer("3") + "q\n", *NEW)
    assert code == 0, output
    assert ratings(path) == {
        "C1.1": {"stage": 2},
        "C1.2": {"stage": 3},
        "C7.2": {"stage": 4, "evidence": "from the other laptop"},
    }


@pytest.mark.parametrize(("decision", "stage"), [("y", 1), ("", 4)])
def test_someone_elses_change_to_the_same_part_is_asked_about(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, decision: str, stage: int
) -> None:
    """As on the full screen: theirs, or make it yours (Enter keeps theirs, which loses nothing
    they saved); the session goes on either way."""
    path = tmp_path / "new.yaml"
    _change_on_disk_before(monkeypatch, "Stage for C1.2", path, RatingEdit("C1.2", stage=4))
    code, output = assess(runner, path, answer("2") + f"1\n{decision}\n\n\nq\n", *NEW)
    assert code == 0, output
    said = " ".join(output.split())
    assert "C1.2 was changed by someone else (the room, or another editor) while you were at it." in said
    assert "The file now says, for the stage: 4 Transforming You gave: 1 Emerging" in said
    assert ratings(path) == {"C1.1": {"stage": 2}, "C1.2": {"stage": stage}}


def test_an_action_typed_while_someone_else_changes_the_stage_is_saved_on_top(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The review's meeting, line by line: a colleague changed C1.2's stage (with sed) while the
    action was being typed. The session ended (exit 1) and the action was gone; the full screen
    merges the same change, and so does this."""
    path = tmp_path / "new.yaml"

    def sed() -> None:  # their change to the text: C1.2's stage (C1.1 is at 3), nothing else
        text = path.read_text()
        assert text.count("    stage: 2\n") == 1
        path.write_text(text.replace("    stage: 2\n", "    stage: 1\n"))

    _on_disk_before(monkeypatch, "Who will lead it?", sed)
    keys = "2\n\n" + "Collect pledge letters from all members\nJanet Holloway\n2027-01-31\n\n"
    code, output = assess(runner, path, answer("3") + keys + "q\n", *NEW)
    assert code == 0, output
    assert ratings(path)["C1.2"] == {
        "stage": 1,
        "actions": [
            {
                "action": "Collect pledge letters from all members",
                "owner": "Janet Holloway",
                "due": "2027-01-31",
            }
        ],
    }
    said = " ".join(output.split())
    assert "C1.2 was also changed just now by someone else" in said and "went on top" in said
    assert said.split("went on top")[1].count("Actions so far:") == 1  # shown as it is now, once


def test_evidence_saved_elsewhere_while_typing_keeps_both_on_enter(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.yaml"
    _change_on_disk_before(monkeypatch, "Evidence: ", path, RatingEdit("C1.1", evidence="Said in the room"))
    code, output = assess(runner, path, "2\nFacilitator note\n\n\n\nq\n", *NEW)
    assert code == 0, output
    assert "b keep both, theirs first; y yours in place of theirs; t keep theirs, drop yours" in " ".join(
        output.split()
    )
    assert ratings(path)["C1.1"] == {"stage": 2, "evidence": "Said in the room\n\nFacilitator note"}


def test_undo_of_a_change_changed_again_elsewhere_asks_first(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.yaml"
    _change_on_disk_before(monkeypatch, "Stage for C1.2", path, RatingEdit("C1.1", stage=4))
    code, output = assess(runner, path, answer("2") + "u\n\nq\n", *NEW)
    assert code == 0, output
    said = " ".join(output.split())
    assert (
        "Since your change, C1.1 was changed by someone else" in said
        and "the stage is 4 Transforming" in said
    )
    assert "C1.1 keeps what was saved by someone else" in said
    assert ratings(path) == {"C1.1": {"stage": 4}}


def _broken(path: Path) -> str:
    """The file as a colleague's editor left it, half changed: an unclosed `[` on C1.1's stage
    (line 3 of its rating); the text as it was, to put back."""
    fine = path.read_text()
    lines = fine.splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if line.strip() == "stage: 2")
    lines[at] = lines[at].replace("stage: 2", "stage: [2")
    path.write_text("".join(lines))
    return fine


def test_a_file_broken_elsewhere_says_where_and_saves_once_it_is_fixed(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stage refused while a colleague's editor has left the file broken: its problem and line,
    wrapped at words; the session waits, and Enter saves once the file is fixed."""
    path = tmp_path / "new.yaml"
    kept: list[str] = []
    _on_disk_before(monkeypatch, "Stage for C1.2", lambda: kept.append(_broken(path)))
    _on_disk_before(monkeypatch, "Press Enter to save it again", lambda: path.write_text(kept[0]))
    keys = answer("2") + "3\n" + "\n" + "Letters on file\n\n" + "\n" + "q\n"
    code, output = assess(runner, path, keys, *NEW)
    assert code == 0, output
    said = " ".join(output.split())
    line = kept[0].splitlines().index("    stage: 2") + 1
    assert f"has 1 problem. It is on line {line + 1}: not valid YAML: a '[' that is never closed" in said
    assert f"(it opens on line {line})" in said
    assert "Fix it in an editor and save the file (the session waits), then press Enter here." in said
    assert "`" not in said
    assert ratings(path)["C1.2"] == {"stage": 3, "evidence": "Letters on file"}, output
    # wrapped at words to the terminal's width (the words above are whole)
    refused = output[output.index("Not saved: ") : output.index("Press Enter to save it again")]
    assert all(len(line) <= 80 for line in refused.splitlines())


@pytest.mark.parametrize("leave", ["s\n", ""], ids=["s", "end of input"])
def test_an_answer_the_broken_file_refuses_is_printed_and_named_at_the_end(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, leave: str
) -> None:
    """Gone on without it (s), or stopped at the question: what was typed is printed whole, and the
    ending names what is not in the file instead of "every answer given is saved"."""
    path = tmp_path / "new.yaml"
    _on_disk_before(monkeypatch, "Who will lead it?", lambda: _broken(path))
    keys = answer("2") + "3\n\n" + "Collect pledge letters\nJanet Holloway\n2027-01-31\n" + leave
    code, output = assess(runner, path, keys + ("\nq\n" if leave else ""), *NEW)
    assert code == (0 if leave else 130), output
    assert "What was typed, to paste in again if you want it:\n  Collect pledge letters\n" in output
    assert "  who leads it: Janet Holloway\n  due: 2027-01-31\n" in output
    said = " ".join(output.split())
    assert "Every answer given is saved" not in said
    assert "Not saved: C1.2 the action Collect pledge letters — Janet Holloway, due 31 January 2027." in said
    assert "Every other answer given is saved" in said
    if leave:
        assert "Gone on without it: C1.2 the action Collect pledge letters — Janet Holloway" in said


def _change_on_disk_before(
    monkeypatch: pytest.MonkeyPatch, prompt: str, path: Path, edit: RatingEdit
) -> None:
    """Another editor saves `edit` just before the session shows `prompt`."""
    _on_disk_before(monkeypatch, prompt, lambda: AssessmentFile(path).apply(edit))


def _on_disk_before(monkeypatch: pytest.MonkeyPatch, prompt: str, change: Callable[[], object]) -> None:
    """Someone else changes the file (`change`) just before the session shows `prompt`, the first time."""
    from coalition_cli.cli.assess import asking

    original = asking.ask
    done: list[bool] = []

    def ask(console: object, text: str) -> str:
        if prompt in text and not done:
            done.append(True)
            change()
        return original(console, text)  # type: ignore[arg-type]

    monkeypatch.setattr(asking, "ask", ask)


@pytest.mark.slow
def test_piped_answers_make_the_same_file_as_the_runner(runner: CliRunner, tmp_path: Path) -> None:
    keys = answer("2", "Minutes", "Adopt the charter") + answer("s") + answer("developing") + "q\n"
    by_runner = tmp_path / "runner.yaml"
    assess(runner, by_runner, keys, *NEW)
    piped = tmp_path / "piped.yaml"
    command = [sys.executable, "-m", "coalition_cli", "assess", str(piped), *NEW]
    done = subprocess.run(
        command, input=keys, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}
    )
    assert done.returncode == 0, done.stderr
    assert piped.read_bytes() == by_runner.read_bytes()
    assert "\x1b[" not in done.stdout


def test_ctrl_c_during_a_save_waits_for_the_save_to_finish() -> None:
    import signal

    from coalition_cli.cli.assess.asking import interrupts_held

    finished = []
    with pytest.raises(KeyboardInterrupt), interrupts_held():
        os.kill(os.getpid(), signal.SIGINT)
        finished.append(True)  # still running: the save is not cut short
    assert finished == [True]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_the_summary_shows_scores_by_the_scoring_rules(
    runner: CliRunner, tmp_path: Path, framework: Framework, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a score just under a stage boundary shows as 2.99 next to stage 2, never as 3.00 (scoring.shown)
    import dataclasses
    from fractions import Fraction

    from coalition_cli.core import scoring

    real = scoring.score

    def nearly_three(*args: object, **kwargs: object) -> scoring.Scorecard:
        card = real(*args, **kwargs)  # type: ignore[arg-type]
        first = dataclasses.replace(
            card.domains[0], exact=Fraction(2999, 1000), stage=2, stage_name="Developing"
        )
        return dataclasses.replace(card, domains=(first, *card.domains[1:]))

    monkeypatch.setattr(scoring, "score", nearly_three)
    path = tmp_path / "full.yaml"
    keys = "".join(answer("2") for _ in framework.indicators)
    code, output = assess(runner, path, keys, *NEW)
    assert code == 0, output
    summary = output.split("Where the coalition stands", 1)[1]
    row = next(line for line in summary.splitlines() if "C1 " in line)
    assert "2.99" in row and "2 Developing" in row and "3.00" not in row


def test_one_indicator_stopped_early_is_resumed_without_a_start_at(runner: CliRunner, team: Path) -> None:
    code, output = assess(runner, team, "", "--indicator", "C1.4")
    assert code == 130, output
    assert f"coalition assess {team} --indicator C1.4\n" in output
    assert "--start-at" not in output


SPRING = ROOT / "examples" / "riverside" / "2026-03-spring.yaml"


def test_an_earlier_assessment_without_a_term_is_named_by_its_date_in_words(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "coalition.yaml").write_text((SPRING.parent / "coalition.yaml").read_text(encoding="utf-8"))
    earlier = tmp_path / "march.yaml"
    earlier.write_text(
        SPRING.read_text(encoding="utf-8").replace("term: Spring 2026\n", ""), encoding="utf-8"
    )
    code, output = assess(runner, tmp_path / "fall.yaml", "2\n\n\n", *NEW, "--since", str(earlier))
    assert code == 130, output
    assert "Last time (14 March 2026): 3 Advancing." in " ".join(output.split())  # not 2026-03-14


def test_since_shows_last_terms_rating_evidence_and_open_actions(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "fall.yaml"
    code, output = assess(runner, path, "2\n\n\n", *NEW, "--since", str(SPRING))
    assert code == 130, output
    flat = " ".join(output.split())
    assert "Last time (Spring 2026): 3 Advancing." in flat
    assert "Charter adopted on 11 Dec 2025" in flat
    assert "Its actions not marked done:" in flat
    assert f"--since {SPRING}" in output  # the command that carries on keeps showing last term


@pytest.mark.usefixtures("fixtures_allowed")
def test_since_of_another_rubric_is_refused(runner: CliRunner, team: Path, tmp_path: Path) -> None:
    other = tmp_path / "tiny.yaml"
    rubric = paths.FIXTURES / "frameworks" / "tiny-rubric.yaml"
    other.write_text(
        f"framework: {rubric}\ncoalition: X\nassessed_on: 2026-01-01\nratings:\n  A.1: {{stage: 1}}\n"
    )
    code, output = assess(runner, team, "q\n", "--since", str(other))
    assert code == 2
    assert "their ratings cannot be put side by side" in " ".join(output.split())


def test_init_from_suggests_assess_since(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(SPRING.parent, tmp_path / "riverside")  # next term beside the shared profile
    spring, target = tmp_path / "riverside" / SPRING.name, tmp_path / "riverside" / "next.yaml"
    result = runner.invoke(app, ["init", str(target), "--from", str(spring), "--date", "2026-09-20"])
    assert result.exit_code == 0, result.output
    assert f"coalition assess {target} --since {spring}" in " ".join(result.output.split())


# -- keys are commands, text is text (the plain session's share of issue 11) -------------------------


def test_s_b_and_q_at_the_evidence_and_action_prompts_are_never_saved(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "new.yaml"
    keys = (
        "2\n" + "b\n"  # evidence prompt: b goes back to C1.1's stage
        "3\n" + "Minutes\n" + "s\n"  # evidence, then s: on to the next indicator, no action asked
        "1\n" + "\n" + "Meet the mayor\n" + "q\n"  # owner prompt: q saves the action so far and quits
    )
    code, output = assess(runner, path, keys, *NEW)
    assert code == 0, output
    assert ratings(path) == {
        "C1.1": {"stage": 3, "evidence": "Minutes"},
        "C1.2": {"stage": 1, "actions": [{"action": "Meet the mayor"}]},
    }
    assert "Back to the stage of C1.1" in output
    assert f"coalition assess {path} --start-at C1.2" in output


def test_evidence_can_be_cleared_and_actions_changed_or_deleted(runner: CliRunner, team: Path) -> None:
    before = ratings(team)["C1.1"]
    assert before["evidence"] and before["actions"]
    keys = "\n" + "clear\n" + "done 1\n" + "delete\n" + "delete 1\n" + "delete 1\n" + "\n" + "q\n"
    code, output = assess(runner, team, keys, "--indicator", "C1.1", "--indicator", "C1.2")
    assert code == 0, output
    flat = " ".join(output.split())
    assert "Cleared the evidence" in flat
    assert "1. Adopt the charter — Chamber of Commerce, due 30 June 2026, done" in flat
    assert (
        "To delete an action, type delete and its number, like delete 1." in flat
    )  # never an action "delete"
    assert "Removed action 1 of C1.1" in flat
    assert "There are no actions yet." in flat  # a second delete: nothing left to delete
    assert ratings(team)["C1.1"] == {"stage": 2, "target": 3}


def test_an_open_action_past_due_is_said_to_be_overdue(runner: CliRunner, tmp_path: Path) -> None:
    """As on the full screen: open and past due today is overdue; done, or due later, is not."""
    path = tmp_path / "carried.yaml"
    path.write_text(
        "framework: community-framework\ncoalition: Riverside Pathways Coalition\nassessed_on: 2026-03-14\n"
        "ratings:\n  C1.1:\n    stage: 2\n    actions:\n"
        "      - action: Adopt the charter\n        due: 2020-06-30\n"
        "      - action: Publish minutes\n        due: 2020-06-30\n        status: done\n"
        "      - action: Hire a coordinator\n        due: 2999-01-31\n",
        encoding="utf-8",
    )
    code, output = assess(runner, path, "\n\n\nq\n", "--indicator", "C1.1")
    assert code == 0, output
    flat = " ".join(output.split())
    assert "1. Adopt the charter — due 30 June 2020, overdue" in flat
    assert "2. Publish minutes — due 30 June 2020, done" in flat
    assert "3. Hire a coordinator — due 31 January 2999" in flat and "2999, overdue" not in flat


def test_g_says_how_it_found_an_indicator_whose_name_lacks_the_words(
    runner: CliRunner, tmp_path: Path
) -> None:
    """`g budget` goes to C5.2, the one indicator whose stages speak of a budget, and says so first."""
    path = tmp_path / "new.yaml"
    code, output = assess(runner, path, "g budget\nq\n", *NEW)
    assert code == 0, output
    flat = " ".join(output.split())
    assert "'budget' is in the stages of C5.2 Instructional Coherence." in flat
    assert flat.index("'budget' is in the stages") < flat.rindex("C5.2 Instructional Coherence")


def test_target_priority_and_undo_at_the_stage_prompt(runner: CliRunner, team: Path) -> None:
    keys = "t 4\n" + "p\n" + "p\n" + "p\n" + "u\n" + "t none\n" + "u\n" + "\n\n\n" + "q\n"
    code, output = assess(runner, team, keys, "--indicator", "C1.1", "--indicator", "C1.2")
    assert code == 0, output
    flat = " ".join(output.split())
    assert "for C1.1, the target is 4 Transforming" in flat
    assert "C1.1 is now a priority" in flat and "C1.1 is no longer a priority" in flat
    assert "Undone: C1.1 is not a priority again." in flat  # where things stand now, not what was undone
    assert "Undone: C1.1 is back to the target 4 Transforming." in flat
    assert ratings(team)["C1.1"]["target"] == 4
    assert "priority" not in ratings(team)["C1.1"]


def test_a_suggested_stage_is_accepted_with_enter(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    code, output = assess(runner, path, "advancng\n\n\n\nq\n", *NEW)
    assert code == 0, output
    assert "Did you mean 3 Advancing? Press Enter for it" in output
    assert ratings(path) == {"C1.1": {"stage": 3}}


def test_a_linked_indicators_stage_is_offered(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    keys = answer("3") + answer("") + "=\nq\n"  # C1.3 rated 3; at C6.1, Enter gives 3; at C6.2, = has no link
    code, output = assess(
        runner, path, keys, *NEW, "--indicator", "C1.3", "--indicator", "C6.1", "--indicator", "C6.2"
    )
    assert code == 0, output
    flat = " ".join(output.split())
    assert "Linked: C6.1 and C1.3 are one practice. The Framework gives C1.3 and C6.1 the same stage" in flat
    assert "Enter gives 3 as C1.3" in flat
    assert ratings(path)["C6.1"] == {"stage": 3}
    assert "There is no linked indicator rated yet to copy" in flat  # = at C6.2, linked to nothing
    assert "C6.2" not in ratings(path)


def test_going_to_another_indicator_by_id(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    code, output = assess(runner, path, "g c6.2\n" + answer("4") + "q\n", *NEW)
    assert code == 0, output
    assert "Indicator 19 of 22 · C6 Work-Based Learning" in output
    assert ratings(path) == {"C6.2": {"stage": 4}}


def test_participants_are_asked_after_init(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "spring.yaml"
    result = runner.invoke(app, ["init", str(path), "--coalition", "Riverside", "--date", "2026-03-14"])
    assert result.exit_code == 0, result.output
    before = path.read_text()
    code, output = assess(
        runner, path, "Maria Lopez\nRiverside USD\nthe zoo\nk-12\nSam Ortiz\n\nunion\n\nq\n"
    )
    assert code == 0, output
    flat = " ".join(output.split())
    assert "Who is taking part?" in flat and "Saved 2 people taking part" in flat
    assert "'the zoo' is not a stakeholder group" in flat
    people = AssessmentFile(path).assessment.participants
    assert [(p.name, p.organization, p.stakeholder_group) for p in people] == [
        ("Maria Lopez", "Riverside USD", "k12-education"),
        ("Sam Ortiz", None, "labor-unions"),
    ]
    changed = [line for line in path.read_text().splitlines() if line not in before.splitlines()]
    assert changed[0] == "participants:  # who took part: - name: …, organization: …, stakeholder_group: …"
    code, output = assess(runner, path, "q\n")  # people listed now: not asked again
    assert "Who is taking part?" not in output


def test_a_mistyped_file_name_asks_before_creating_anything(runner: CliRunner, tmp_path: Path) -> None:
    meant = tmp_path / "eastside-spring-2026.yaml"
    shutil.copy(FIXTURES / "commented.yaml", meant)
    typo = tmp_path / "eastside-sprng-2026.yaml"
    code, output = assess(runner, typo, "\n" + "q\n")
    assert code == 0, output
    assert "Did you mean eastside-spring-2026.yaml?" in output
    assert not typo.exists()
    assert f"coalition assess {meant} --start-at C1.2" in output  # carried on in the file meant
    code, output = assess(runner, typo, "n\n" + "Eastside\n2026-03-14\n\n\n\nq\n")
    assert code == 0, output
    assert typo.exists()  # n: a new file under the name typed


def test_the_full_screen_is_for_a_person_at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from coalition_cli.cli.assess.run import full_screen_wanted
    from coalition_cli.cli.assess.startup import AssessOptions

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(sys, "stdout", Terminal())
    monkeypatch.setenv("TERM", "xterm-256color")
    options = AssessOptions(Path("a.yaml"))
    assert full_screen_wanted(options)
    assert not full_screen_wanted(AssessOptions(Path("a.yaml"), plain=True))
    assert not full_screen_wanted(options, top_stage=12)  # stage numbers past 9 are not one key each
    monkeypatch.setenv("TERM", "dumb")
    assert not full_screen_wanted(options)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(sys, "stdin", io.StringIO("2\n"))  # answers piped in
    assert not full_screen_wanted(options)


# -- what the review of the line-by-line session found ---------------------------------------------------


def test_g_goes_to_an_indicator_by_part_of_its_name(runner: CliRunner, team: Path) -> None:
    code, output = assess(runner, team, "g employer\n" + answer("2") + "q\n", "--indicator", "C1.2")
    assert code == 0, output
    assert "There is no indicator 'employer'" not in output
    assert ratings(team)["C6.2"] == {"stage": 2}
    code, output = assess(runner, team, "g lead\nq\n", "--indicator", "C1.2")
    said = " ".join(output.split())
    assert "'lead' could be C1.1 Executive Leadership; C1.3 Work-based Learning Leadership" in said


def test_the_stage_prompt_names_the_indicator(runner: CliRunner, team: Path) -> None:
    code, output = assess(runner, team, "q\n", "--indicator", "C2.4")
    assert code == 0, output
    assert "Stage for C2.4 Shared Ownership (1-4" in " ".join(output.split())


def test_action_changes_are_hinted_after_each_action(runner: CliRunner, team: Path) -> None:
    keys = "3\n\nSurvey members\n\n\ndone 1\n\nq\n"
    code, output = assess(runner, team, keys, "--indicator", "C1.2")
    assert code == 0, output
    flat = " ".join(output.split())
    prompt = "Another action (Enter moves on; or done 1, due 1 DATE…; ? lists all): "
    assert prompt in output and len(prompt) <= 80  # one line at 80 columns, with room to type
    assert "1. Survey members" in flat and "Marked done: action 1 of C1.2 (was open)" in flat
    code, output = assess(runner, team, "?\nq\n", "--indicator", "C1.2")
    changes = (
        "done 1, dropped 1, progress 1, planned 1, due 1 DATE, owner 1 NAME or delete 1 changes action 1"
    )
    assert changes in " ".join(output.split())


def test_an_actions_due_date_owner_and_status_are_changed_by_their_number(
    runner: CliRunner, team: Path
) -> None:
    """Review s12 #4: `due 1 DATE`, `owner 1 NAME` and a status with the number change action 1 of
    those listed, and say what they replaced; `none` removes a due date or an owner."""
    keys = "\n\n" + "due 1 2027-3-31\n" + "owner 1 Maria Lopes\n" + "\n" + "progress 1\n"
    keys += "in progress 1\n" + "Planned 1\n" + "due 1\n" + "due 1 soon\n" + "due 3 2027-01-01\n" + "\nq\n"
    code, output = assess(runner, team, keys, "--indicator", "C1.1")
    assert code == 0, output
    flat = " ".join(output.split())
    assert "Changed action 1 of C1.1: due date replaced: 31 March 2027 (was 30 June 2026" in flat
    assert "Did you mean Maria Lopez?" in flat  # the owner typed close to a participant's name
    assert "Changed action 1 of C1.1: owner replaced: Maria Lopez (was Chamber of Commerce)." in flat
    assert "Marked in progress: action 1 of C1.1 (was open)." in flat
    assert "Action 1 already says so." in flat  # `in progress 1`: in progress already
    assert "Marked planned: action 1 of C1.1 (was in progress)." in flat
    assert "Type the date after the number, like due 1 2027-03-31 (due 1 none removes it)." in flat
    assert "'soon' is not a date." in flat
    assert "There is no action 3: the actions are numbered 1 to 1." in flat
    assert ratings(team)["C1.1"]["actions"] == [
        {"action": "Adopt the charter", "owner": "Maria Lopez", "due": "2027-03-31", "status": "planned"}
    ]
    code, output = assess(
        runner, team, "\n\n" + "due 1 none\n" + "owner 1 none\n" + "\nq\n", "--indicator", "C1.1"
    )
    assert code == 0, output
    assert "due date removed (was 31 March 2027)" in output and "owner removed (was Maria Lopez)" in output
    assert ratings(team)["C1.1"]["actions"] == [{"action": "Adopt the charter", "status": "planned"}]


def test_a_text_that_reads_like_an_unknown_change_is_asked_about(runner: CliRunner, team: Path) -> None:
    """Review s12 #4: `open 1` or `reassign 1 Priya`, typed where an action goes, were saved as a new
    action's text. They are asked about now, and saved only on y; an action that starts with a verb
    and a number (`Hire 2 coordinators`) is saved as always."""
    keys = "\n\n" + "open 1\n" + "\n" + "complete 1\n" + "n\n" + "reassign 1 Priya\n" + "y\n\n\n"
    keys += "Hire 2 coordinators\n\n\n" + "\nq\n"
    code, output = assess(runner, team, keys, "--indicator", "C1.1")
    assert code == 0, output
    flat = " ".join(output.split())
    assert (
        "“open 1” reads like a change to action 1. Save it as a new action? (y: save it; Enter: type again)"
        in flat
    )
    assert "“complete 1” reads like a change to action 1: did you mean done 1?" in flat
    assert [action["action"] for action in ratings(team)["C1.1"]["actions"]] == [  # type: ignore[index, union-attr]
        "Adopt the charter",
        "reassign 1 Priya",
        "Hire 2 coordinators",
    ]


def test_marking_a_status_the_file_already_means_keeps_its_spelling(
    runner: CliRunner, tmp_path: Path
) -> None:
    """`status: Done` is done: `done 1` says so, and the file keeps `Done` (review s12 #5)."""
    path = tmp_path / "done.yaml"
    text = (
        "framework: community-framework\ncoalition: Riverside Pathways Coalition\nassessed_on: 2026-03-14\n"
        "participants:\n  - name: Dana Whitfield\n"
        "ratings:\n  C1.1:\n    stage: 2\n    actions:\n      - action: Adopt the charter\n        status: Done\n"
    )
    path.write_text(text, encoding="utf-8")
    code, output = assess(runner, path, "\n\n" + "done 1\n" + "\nq\n", "--indicator", "C1.1")
    assert code == 0, output
    assert "Action 1 already says so." in output
    assert path.read_text(encoding="utf-8") == text


def test_a_stakeholder_group_found_by_part_of_its_name_is_said_back(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "new.yaml"
    keys = "Riverside\n2026-03-14\n\n\nSam Ortiz\nLocal 11\nunion\n\nq\n"
    code, output = assess(runner, path, keys)
    assert code == 0, output
    assert "→ 5  Labor unions" in output


def test_long_stakeholder_group_names_wrap_under_themselves_at_80_columns(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "new.yaml"
    code, output = assess(runner, path, "Riverside\n2026-03-14\n\n\nAna Diaz\nRCF\n7\n\nq\n")
    assert code == 0, output
    lines = output.splitlines()
    listed = lines.index(next(line for line in lines if "Community-based organizations" in line))
    assert lines[listed].startswith("     7  Community-based organizations, including")
    assert lines[listed + 1].strip() == "foundations"
    assert lines[listed + 1].startswith(" " * 8 + "foundations")  # under the name, not the number
    said = lines.index(next(line for line in lines if "    → 7  Community-based" in line))
    assert lines[said + 1].rstrip() == " " * 9 + "foundations"


def test_a_new_file_named_without_yaml_gets_it(runner: CliRunner, tmp_path: Path) -> None:
    typed = tmp_path / "spring-2026"
    code, output = assess(runner, typed, "Riverside\n2026-03-14\n\n\n\nq\n")
    assert code == 0, output
    assert f"Assessment files end in .yaml: this is {typed}.yaml." in " ".join(output.split())
    assert (tmp_path / "spring-2026.yaml").exists() and not typed.exists()
    code, output = assess(runner, typed, "\nq\n")  # the same name again opens the file made
    assert code == 0, output
    assert "does not exist yet" not in output and "Did you mean" not in output


# -- what a facilitator who is not a programmer found ------------------------------------------------


def test_a_date_typed_with_a_one_digit_month_is_taken_and_said_back(
    runner: CliRunner, tmp_path: Path
) -> None:
    import datetime as dt

    path = tmp_path / "new.yaml"
    today = dt.date.today().isoformat()
    code, output = assess(runner, path, "Riverside\n2026-3-32\n2026-3-14\n\n\n\nq\n")
    assert code == 0, output
    flat = " ".join(output.split())
    assert (
        f"'2026-3-32' is not a date. Write it year-month-day, like 2026-03-14, or leave it empty for today ({today})."
        in flat
    )
    assert "→ 2026-03-14\n" in output
    assert "assessed on 2026-03-14" in flat
    assert AssessmentFile(path).assessment.assessed_on == dt.date(2026, 3, 14)
    assert "assessed_on: 2026-03-14\n" in path.read_text()


def _due_typed(runner: CliRunner, tmp_path: Path, *typed: str) -> tuple[str, object]:
    """C1.1 rated 2 with the action "Adopt the charter", its due date typed as given (each line in
    turn, until one is taken), in a session dated 14 March 2026: what was said, and the actions saved."""
    path = tmp_path / "new.yaml"
    keys = "2\n\nAdopt the charter\n\n" + "".join(f"{line}\n" for line in typed) + "\n"
    code, output = assess(runner, path, keys + "q\n", *NEW)
    assert code == 0, output
    return output, ratings(path)["C1.1"]["actions"]


def test_a_due_date_with_a_one_digit_month_is_taken_and_said_back(runner: CliRunner, tmp_path: Path) -> None:
    output, actions = _due_typed(runner, tmp_path, "June", "2026-6-30")
    assert (
        "'June' is not a date. Write it year-month-day, like 2026-06-30, or leave it empty for no due date."
        in " ".join(output.split())
    )
    assert "→ due 2026-06-30\n" in output
    assert actions == [{"action": "Adopt the charter", "due": "2026-06-30"}]


def test_a_due_date_before_the_assessment_is_taken_and_asked_about(runner: CliRunner, tmp_path: Path) -> None:
    output, actions = _due_typed(runner, tmp_path, "2026-02-15")
    assert (
        "Its due date, 15 February 2026, is before this assessment (14 March 2026): is the year right?"
        in " ".join(output.split())
    )
    assert actions == [{"action": "Adopt the charter", "due": "2026-02-15"}]


def test_the_words_people_use_for_a_stakeholder_group_are_taken_and_said_back(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "new.yaml"
    words = ["school", "district", "college", "employer", "chamber", "church"]
    people = "".join(f"Person {n}\n\n{word}\n" for n, word in enumerate(words))
    code, output = assess(runner, path, "Riverside\n2026-03-14\n\n\n" + people + "\nq\n")
    assert code == 0, output
    assert "is not a stakeholder group" not in output
    for said in ["→ 1  K–12 education", "→ 2  Postsecondary", "→ 3  Corporations", "→ 4  Business organizations",
                 "→ 8  Faith-based organizations"]:  # fmt: skip
        assert said in output
    groups = [p.stakeholder_group for p in AssessmentFile(path).assessment.participants]
    assert groups == ["k12-education", "k12-education", "postsecondary", "corporations",
                      "business-organizations", "faith-based-organizations"]  # fmt: skip


def test_a_word_several_groups_share_lists_them_by_number(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    code, output = assess(runner, path, "Riverside\n2026-03-14\n\n\nAna Diaz\nAcme\nbusiness\n3\n\nq\n")
    assert code == 0, output
    flat = " ".join(output.split())
    assert "'business' could be more than one group (3, 4): type the number of the one you mean." in flat
    listed = output.split("could be more than one group")[1].split("Stakeholder group, by number")[0]
    assert [line.split()[0] for line in listed.splitlines() if line[:6].strip().isdigit()] == ["3", "4"]
    assert "Corporations" in listed and "Business organizations and industry associations" in listed
    assert AssessmentFile(path).assessment.participants[0].stakeholder_group == "corporations"


def test_after_a_miss_the_groups_are_listed_again_and_fit_an_80_by_24_screen(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "new.yaml"
    keys = "Riverside\n2026-03-14\n\n\nAna Diaz\nRiverside Arts Council\nthe arts\nmuseum\n7\n\nq\n"
    result = runner.invoke(app, ["assess", str(path)], input=keys, env={"COLUMNS": "80", "LINES": "24"})
    assert result.exit_code == 0, result.output
    output = result.output
    prompt = "Stakeholder group, by number or a word for it (optional): "
    # stdin is not echoed here: each answer's line ends where the next output begins
    screens = output.split(prompt)
    assert len(screens) == 4  # asked three times: two misses, then 7
    for before_third in (screens[1], screens[2]):
        assert "is not a stakeholder group" in before_third
        numbers = [line.split()[0] for line in before_third.splitlines() if line[:6].strip().isdigit()]
        assert numbers == [str(n) for n in range(1, 11)]  # the whole list, again after each miss
    shown = output[: output.rindex(prompt)].splitlines()
    last_list = max(number for number, line in enumerate(shown) if line.startswith("     1  K–12"))
    assert len(shown) - last_list <= 23  # at the third prompt, an 80x24 screen shows the whole list
    assert (
        AssessmentFile(path).assessment.participants[0].stakeholder_group == "community-based-organizations"
    )
