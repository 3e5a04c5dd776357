"""Round-trip edits of assessment files: only the changed rating's lines move, byte for byte."""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
from pathlib import Path

import pytest

from coalition_cli.core.editing.assessment_file import AssessmentFile, RatingConflictError
from coalition_cli.core.editing.rating_edits import NewAction, RatingEdit, clean_text
from coalition_cli.core.errors import ConflictError, InvalidFileError
from coalition_cli.core.loading.assessments import check_assessment
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.yaml import source as yamlsource
from coalition_cli.core.yaml.splicing import edit_text
from tests.support.editing import COMMENTED, assert_confined, commented


def rating(text: str, indicator: str) -> object:
    return yamlsource.parse_fast(text)["ratings"][indicator]


# -- the hand-written file, one change at a time --------------------------------------------------


def test_changing_one_stage_changes_one_line_byte_for_byte(framework: Framework) -> None:
    before = commented()
    after = edit_text(before, [RatingEdit("C1.1", stage=3)], framework)
    diff = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert diff == [
        "-    stage: 2          # argued for 3; settled on 2",
        "+    stage: 3          # argued for 3; settled on 2",
    ]


CASES = [
    pytest.param(RatingEdit("C1.1", evidence="Charter signed in May."), id="replace-folded-evidence"),
    pytest.param(
        RatingEdit("C1.1", evidence="Two lines:\nminutes and the charter."), id="multiline-evidence"
    ),
    pytest.param(
        RatingEdit("C1.1", add_actions=(NewAction("Sign the MOU", "Mayor's office", dt.date(2026, 9, 1)),)),
        id="append-action-offset-0",
    ),
    pytest.param(
        RatingEdit("C1.2", stage=1, evidence="a\nb", add_actions=(NewAction("Meet"),)), id="null-with-comment"
    ),
    pytest.param(RatingEdit("C1.3", stage=4), id="explicit-null"),
    pytest.param(RatingEdit("C1.4", stage=2, add_actions=(NewAction("Z"),)), id="insert-keys-in-order"),
    pytest.param(RatingEdit("C1.4", evidence="line one\nline two"), id="quoted-to-literal-keeps-comment"),
    pytest.param(RatingEdit("C2.1", stage=2, evidence="new"), id="flow-entry-stays-flow"),
    pytest.param(RatingEdit("C2.2", stage=3, evidence="e"), id="stage-written-as-name"),
    pytest.param(RatingEdit("C2.3", evidence="x"), id="keep-chomping"),
    pytest.param(RatingEdit("C2.4", stage=2), id="new-entry-in-order"),
    pytest.param(
        RatingEdit("C3.1", add_actions=(NewAction("Q", due=dt.date(2027, 1, 1)),)), id="empty-flow-list"
    ),
    pytest.param(RatingEdit("C4.1", evidence="short"), id="multiline-plain"),
    pytest.param(RatingEdit("C4.1", stage=1, add_actions=(NewAction("Q"),)), id="keys-out-of-order"),
    pytest.param(RatingEdit("C5.1", evidence="at the end"), id="last-entry"),
    pytest.param(RatingEdit("C7.2", stage=1), id="new-last-entry"),
    pytest.param(
        RatingEdit("C1.1", evidence="café ✓ — “quoted”: # not a comment"), id="characters-that-need-quotes"
    ),
    pytest.param(RatingEdit("C1.1", evidence="null"), id="evidence-that-looks-like-null"),
]


@pytest.mark.parametrize("edit", CASES)
def test_each_edit_touches_only_its_entry_and_reads_back(framework: Framework, edit: RatingEdit) -> None:
    before = commented()
    after = edit_text(before, [edit], framework)
    assert_confined(before, after, edit.indicator)
    new = rating(after, edit.indicator)
    assert isinstance(new, dict)
    if edit.stage is not None:
        written = new["stage"]
        assert written == edit.stage or framework.stage_from_name(str(written)).number == edit.stage  # type: ignore[union-attr]
    if edit.evidence is not None:
        assert new["evidence"] == edit.evidence
    if edit.add_actions:
        assert new["actions"][-len(edit.add_actions) :] == [action.parsed() for action in edit.add_actions]


def test_the_details_a_person_would_expect(framework: Framework) -> None:
    before = commented()
    stage_name = edit_text(before, [RatingEdit("C2.2", stage=3)], framework)
    assert "    stage: advancing\n" in stage_name  # written as a name, in the same case
    flow = edit_text(before, [RatingEdit("C2.1", stage=2)], framework)
    assert "  C2.1: {stage: 2, evidence: flow style entry}\n" in flow
    quoted = edit_text(before, [RatingEdit("C1.4", evidence="one\ntwo")], framework)
    assert "    evidence: |-   # double-quoted on purpose\n      one\n      two\n" in quoted
    action = edit_text(
        before,
        [RatingEdit("C1.1", add_actions=(NewAction("Sign", "Mayor", dt.date(2026, 9, 1)),))],
        framework,
    )
    assert (
        "      due: 2026-06-30\n    - action: Sign\n      owner: Mayor\n      due: 2026-09-01\n\n  C1.2:"
        in action
    )
    new_entry = edit_text(before, [RatingEdit("C2.4", stage=2)], framework)
    assert "      kept trailing line\n\n  C2.4:\n    stage: 2\n  C3.1:" in new_entry


def test_crlf_stays_crlf_and_only_the_entry_changes(framework: Framework) -> None:
    before = commented().replace("\n", "\r\n")
    for edit in (
        RatingEdit("C1.1", stage=4, evidence="a\nb"),
        RatingEdit("C2.4", stage=1),
        RatingEdit("C2.1", stage=2),
    ):
        after = edit_text(before, [edit], framework)
        assert "\n" not in after.replace("\r\n", "")
        assert_confined(before, after, edit.indicator)


def test_nothing_to_change_leaves_the_text_identical(framework: Framework) -> None:
    before = commented()
    assert edit_text(before, [RatingEdit("C1.1", stage=2)], framework) is before
    assert edit_text(before, [RatingEdit("C1.1")], framework) is before


def test_a_file_without_ratings_gets_a_ratings_block(framework: Framework) -> None:
    before = "framework: community-framework\ncoalition: X\nassessed_on: 2026-01-01  # no newline at the end"
    after = edit_text(before, [RatingEdit("C1.2", stage=3)], framework)
    assert after == before + "\nratings:\n  C1.2:\n    stage: 3\n"


def test_an_empty_flow_ratings_mapping_becomes_a_block(framework: Framework) -> None:
    before = "framework: community-framework\ncoalition: X\nassessed_on: 2026-01-01\nratings: {}   # none yet\nnotes: hi\n"
    after = edit_text(before, [RatingEdit("C1.2", stage=3)], framework)
    assert after == (
        "framework: community-framework\ncoalition: X\nassessed_on: 2026-01-01\nratings:   # none yet\n"
        "  C1.2:\n    stage: 3\nnotes: hi\n"
    )


def test_a_flow_style_file_falls_back_to_a_round_trip_dump(framework: Framework) -> None:
    before = (
        "framework: community-framework\ncoalition: X\nassessed_on: 2026-01-01\nratings: {C1.1: {stage: 2}}\n"
    )
    after = edit_text(before, [RatingEdit("C1.2", stage=3, evidence="e")], framework)
    assert yamlsource.parse_fast(after)["ratings"] == {
        "C1.1": {"stage": 2},
        "C1.2": {"stage": 3, "evidence": "e"},
    }


def test_clean_text_tidies_typed_evidence() -> None:
    assert (
        clean_text("\n  \nfirst line   \r\nsecond\x1b[A\u2028third\ufeff\n\n")
        == "first line\nsecond[A\nthird"
    )
    assert clean_text("   \n") == ""


# -- the file on disk: atomic writes, BOM, merges and conflicts ------------------------------------


def test_saving_keeps_a_bom_and_the_file_validates(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(codecs.BOM_UTF8 + COMMENTED.read_bytes())
    file = AssessmentFile(path)
    assert file.apply(RatingEdit("C1.2", stage=3))
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert not check_assessment(path).has_errors
    assert_confined(COMMENTED.read_text(), data[3:].decode(), "C1.2")


def test_a_file_with_errors_is_not_edited(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    text = commented().replace("stage: 1\n    actions: []", "stage: 9\n    actions: []")
    path.write_text(text)
    with pytest.raises(InvalidFileError) as raised:
        AssessmentFile(path)
    assert any(problem.code == "stage-out-of-range" for problem in raised.value.problems)
    assert path.read_text() == text


def test_someone_elses_change_to_another_indicator_is_merged(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(commented())
    mine = AssessmentFile(path)
    mine.apply(RatingEdit("C1.2", stage=1))
    theirs = AssessmentFile(path)  # another editor, or a git pull
    theirs.apply(RatingEdit("C5.1", stage=4, evidence="from the other laptop"))
    mine.apply(RatingEdit("C1.3", stage=2))
    data = yamlsource.parse_fast(path.read_text())["ratings"]
    assert data["C1.2"]["stage"] == 1 and data["C1.3"]["stage"] == 2
    assert data["C5.1"] == {"stage": 4, "evidence": "from the other laptop"}
    assert mine.stage("C5.1") == 4  # the session now sees their change too


def test_someone_elses_change_to_the_same_indicator_stops_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(commented())
    mine = AssessmentFile(path)
    AssessmentFile(path).apply(RatingEdit("C1.2", stage=4))
    on_disk = path.read_bytes()
    with pytest.raises(RatingConflictError) as raised:
        mine.apply(RatingEdit("C1.2", stage=1))
    assert raised.value.indicators == ("C1.2",)
    assert raised.value.exit_code == 1
    assert "C1.2" in raised.value.message and "not saved" in raised.value.message
    assert path.read_bytes() == on_disk


def test_a_hand_edit_that_breaks_the_file_stops_the_save(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(commented())
    mine = AssessmentFile(path)
    broken = commented() + "<<<<<<< HEAD\n"
    path.write_text(broken)
    with pytest.raises(InvalidFileError) as raised:
        mine.apply(RatingEdit("C1.2", stage=1))
    assert "changed by someone else" in raised.value.message
    assert path.read_text() == broken


def test_a_deleted_file_is_not_recreated(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(commented())
    mine = AssessmentFile(path)
    path.unlink()
    with pytest.raises(ConflictError, match="deleted or moved"):
        mine.apply(RatingEdit("C1.2", stage=1))
    assert not path.exists()


def test_no_temporary_files_are_left_behind(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(commented())
    file = AssessmentFile(path)
    for stage in (1, 2, 3):
        file.apply(RatingEdit("C1.2", stage=stage))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_check_assessment_checks_the_text_given_instead_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(commented())
    broken = commented().replace("stage: 1\n    actions: []", "stage: 9\n    actions: []")
    assert not check_assessment(path).has_errors
    codes = {problem.code for problem in check_assessment(path, text=broken).problems}
    assert "stage-out-of-range" in codes
    assert path.read_text() == commented()


def test_a_save_passes_every_check_of_validate_the_profile_too(tmp_path: Path, examples: Path) -> None:
    # one definition of a valid assessment: a save that `validate` would then fail is not made
    for name in ("2026-03-spring.yaml", "coalition.yaml"):
        (tmp_path / name).write_bytes((examples / "riverside" / name).read_bytes())
    path, profile = tmp_path / "2026-03-spring.yaml", tmp_path / "coalition.yaml"
    file = AssessmentFile(path)
    before = path.read_bytes()
    profile.write_text(profile.read_text().replace("k12-education", "k12-educaton", 1))  # someone edits it
    with pytest.raises(InvalidFileError) as raised:
        file.apply(RatingEdit("C1.1", stage=1))
    assert {problem.code for problem in raised.value.problems} == {
        problem.code for problem in check_assessment(path).problems if problem.is_error
    }
    assert raised.value.problems
    assert path.read_bytes() == before
