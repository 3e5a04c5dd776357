"""Round-trip edits of assessment files: only the changed rating's lines move, byte for byte."""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
from pathlib import Path

import pytest

from coalition_cli.core.editing.assessment_file import AssessmentFile, RatingConflictError
from coalition_cli.core.editing.rating_edits import (
    CLEAR,
    AddParticipants,
    ChangeAction,
    DeleteAction,
    InsertAction,
    NewAction,
    RatingEdit,
    clean_text,
    undoing,
)
from coalition_cli.core.errors import ConflictError, InvalidFileError, ReadError
from coalition_cli.core.loading.assessments import check_assessment
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.yaml import source as yamlsource
from coalition_cli.core.yaml.splicing import EditError, edit_text
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


def test_new_keys_go_in_in_the_order_a_person_writes_them(framework: Framework) -> None:
    """A rolled-forward rating (`stage: null`, carried actions) given evidence, a target and a
    priority at once: they were written stage, target, evidence, priority, unlike the README."""
    before = (
        "framework: community-framework\ncoalition: X\nassessed_on: 2026-09-19\nratings:\n"
        "  C6.2:  # Employer Engagement\n    stage: null\n    actions:\n      - action: Recruit hosts\n"
    )
    edit = RatingEdit("C6.2", stage=2, target=3, evidence="Ten interns placed.", priority=True)
    after = edit_text(before, [edit], framework)
    assert after.endswith(
        "  C6.2:  # Employer Engagement\n    stage: 2\n    evidence: Ten interns placed.\n    target: 3\n"
        "    priority: true\n    actions:\n      - action: Recruit hosts\n"
    )


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


# -- removing, changing and putting back: the other half of what a session does ---------------------


def _diff(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]


def test_clearing_evidence_removes_its_lines_and_keeps_its_comment(framework: Framework) -> None:
    before = commented()
    folded = edit_text(before, [RatingEdit("C1.1", evidence=CLEAR)], framework)
    assert _diff(before, folded) == [
        "-    evidence: >",
        "-      Quarterly meetings since 2024;",
        "-      charter drafted.",
    ]
    quoted = edit_text(before, [RatingEdit("C1.4", evidence=CLEAR)], framework)
    assert "  C1.4:\n    # double-quoted on purpose\n\n" in quoted  # the comment stays, on its own line
    assert rating(quoted, "C1.4") is None  # nothing left: not rated, as before
    flow = edit_text(before, [RatingEdit("C2.1", evidence=CLEAR)], framework)
    assert "  C2.1: {stage: 1}\n" in flow


def test_evidence_in_place_of_quoted_evidence_keeps_the_files_quotes(framework: Framework) -> None:
    before = commented()
    double = edit_text(before, [RatingEdit("C1.4", evidence="Working groups meet monthly")], framework)
    assert _diff(before, double) == [
        '-    evidence: "Working groups exist, but meet rarely."   # double-quoted on purpose',
        '+    evidence: "Working groups meet monthly"   # double-quoted on purpose',
    ]
    single_quoted = before.replace('"Working groups exist, but meet rarely."', "'Working groups exist'")
    single = edit_text(single_quoted, [RatingEdit("C1.4", evidence="It's monthly now")], framework)
    assert "    evidence: 'It''s monthly now'   # double-quoted on purpose\n" in single
    # a character only an escape can carry: single quotes give way to double ones
    escaped = edit_text(single_quoted, [RatingEdit("C1.4", evidence="tab\there")], framework)
    assert '    evidence: "tab\\there"   # double-quoted on purpose\n' in escaped
    assert rating(double, "C1.4") == {"evidence": "Working groups meet monthly"}
    assert rating(single, "C1.4") == {"evidence": "It's monthly now"}
    assert rating(escaped, "C1.4") == {"evidence": "tab\there"}


def test_target_and_priority_are_set_where_a_person_would_write_them(framework: Framework) -> None:
    before = commented()
    after = edit_text(before, [RatingEdit("C1.1", target=CLEAR, priority=True)], framework)
    assert _diff(before, after) == ["-    target: 3", "+    priority: true"]
    named = edit_text(before, [RatingEdit("C2.2", target=4)], framework)
    assert "    stage: developing\n    target: transforming\n    notes: |" in named  # the stage's own style
    flow = edit_text(before, [RatingEdit("C2.1", target=3, priority=True)], framework)
    assert "  C2.1: {stage: 1, evidence: flow style entry, target: 3, priority: true}\n" in flow
    unrated = edit_text(before, [RatingEdit("C1.1", stage=CLEAR)], framework)
    assert "    stage: null          # argued for 3; settled on 2\n" in unrated


def test_actions_are_changed_put_back_and_deleted_in_place(framework: Framework) -> None:
    before = commented()
    done = edit_text(
        before,
        [
            RatingEdit(
                "C1.1", action_ops=(ChangeAction(0, owner=CLEAR, due=dt.date(2027, 1, 1), status="done"),)
            )
        ],
        framework,
    )
    assert _diff(before, done) == [
        "-      owner: Chamber of Commerce",
        "-      due: 2026-06-30",
        "+      due: 2027-01-01",
        "+      status: done",
    ]
    first = edit_text(
        before,
        [RatingEdit("C1.1", action_ops=(InsertAction(0, NewAction("Meet", status="planned")),))],
        framework,
    )
    assert (
        "    actions:\n    - action: Meet\n      status: planned\n    - action: Adopt the charter\n" in first
    )
    gone = edit_text(before, [RatingEdit("C1.1", action_ops=(DeleteAction(0),))], framework)
    assert "actions" not in rating(gone, "C1.1")  # type: ignore[operator]
    assert "    target: 3\n\n  C1.2:" in gone  # the last action deleted: the key goes, the blank line stays
    flow = "framework: community-framework\ncoalition: X\nassessed_on: 2026-01-01\nratings:\n  C1.1: {stage: 2, actions: [{action: a, owner: b}]}\n"
    changed = edit_text(
        flow, [RatingEdit("C1.1", action_ops=(ChangeAction(0, owner=CLEAR, status="done"),))], framework
    )
    assert "  C1.1: {stage: 2, actions: [{action: a, status: done}]}\n" in changed


def test_a_position_that_is_not_there_is_refused(framework: Framework) -> None:
    with pytest.raises(EditError, match=r"C1\.1 has no action number 3"):
        edit_text(commented(), [RatingEdit("C1.1", action_ops=(DeleteAction(2),))], framework)


@pytest.mark.parametrize(
    ("edit", "same_bytes"),
    [
        (RatingEdit("C1.1", evidence=CLEAR), False),  # folded text comes back as a literal block
        (RatingEdit("C1.4", evidence="new\ntext"), False),  # the double quotes are not data
        (RatingEdit("C1.1", target=CLEAR, priority=True), False),  # target back right under the evidence
        (RatingEdit("C2.2", stage=4, target=4), True),
        (RatingEdit("C1.1", action_ops=(DeleteAction(0),)), True),
        (RatingEdit("C1.1", action_ops=(ChangeAction(0, action="Adopt it", status="dropped"),)), True),
        (
            RatingEdit("C3.1", add_actions=(NewAction("Q", due=dt.date(2027, 1, 1)),)),
            False,
        ),  # `actions: []` goes
    ],
)
def test_undoing_gives_back_the_rating(framework: Framework, edit: RatingEdit, same_bytes: bool) -> None:
    before = commented()
    after = edit_text(before, [edit], framework)
    undo = undoing(edit, yamlsource.parse_fast(before)["ratings"][edit.indicator], framework)
    back = edit_text(after, [undo], framework)
    assert_confined(before, back, edit.indicator)
    assert (rating(back, edit.indicator) or {}) == {
        key: value
        for key, value in rating(before, edit.indicator).items()
        if value != []  # type: ignore[attr-defined]
    }
    if same_bytes:
        assert back == before


def test_participants_join_the_list_as_written(framework: Framework) -> None:
    from coalition_cli.core.model.assessment import Participant

    people = AddParticipants(
        (Participant(name="Sam Ortiz", organization="City: Hall", stakeholder_group="civic"),)
    )
    after = edit_text(commented(), [people], framework)
    assert _diff(commented(), after) == [
        "+- name: Sam Ortiz",
        "+  organization: 'City: Hall'",
        "+  stakeholder_group: civic",
    ]
    empty = "framework: community-framework\ncoalition: X\nassessed_on: 2026-01-01\nparticipants: []  # who took part\nratings:\n"
    assert edit_text(empty, [people], framework).startswith(
        "framework: community-framework\ncoalition: X\nassessed_on: 2026-01-01\nparticipants:  # who took part\n"
        "  - name: Sam Ortiz\n"
    )
    none = "framework: community-framework\ncoalition: X\nassessed_on: 2026-01-01\nratings:\n  C1.1: {stage: 2}\n"
    assert "assessed_on: 2026-01-01\nparticipants:\n  - name: Sam Ortiz\n" in edit_text(
        none, [people], framework
    )


def test_someone_elses_participants_are_not_overwritten(tmp_path: Path) -> None:
    from coalition_cli.core.model.assessment import Participant

    path = tmp_path / "a.yaml"
    path.write_text(commented())
    mine = AssessmentFile(path)
    AssessmentFile(path).apply(AddParticipants((Participant(name="Ana"),)))
    with pytest.raises(ConflictError, match="who is taking part"):
        mine.apply(AddParticipants((Participant(name="Sam"),)))
    assert [p.name for p in AssessmentFile(path).assessment.participants] == ["Maria Lopez", "Ana"]


def test_the_history_undoes_the_last_change_through_the_safe_editor(tmp_path: Path) -> None:
    from coalition_cli.core.editing.history import History

    path = tmp_path / "a.yaml"
    path.write_text(commented())
    history = History(AssessmentFile(path))
    assert history.apply(RatingEdit("C1.2", stage=3))
    assert not history.apply(RatingEdit("C1.2", stage=3))  # nothing changed: nothing to undo later
    assert history.apply(RatingEdit("C1.1", evidence=CLEAR))
    AssessmentFile(path).apply(RatingEdit("C5.1", stage=1))  # someone else, meanwhile
    undone = history.undo()
    assert undone is not None and undone.edit.indicator == "C1.1"
    assert "Quarterly meetings" in str(rating(path.read_text(), "C1.1"))
    assert rating(path.read_text(), "C5.1") == {"stage": 1}  # their change is kept
    AssessmentFile(path).apply(RatingEdit("C1.2", evidence="theirs"))
    with pytest.raises(RatingConflictError):
        history.undo()  # they changed C1.2 since: theirs is not overwritten
    assert history.last is not None and history.last.edit.indicator == "C1.2"


def test_a_change_written_without_the_lock_during_a_save_is_merged_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor saves while our save is being checked: the compare before the replace sees it, and
    the save starts over on top of the editor's change."""
    import coalition_cli.core.editing.assessment_file as module

    path = tmp_path / "a.yaml"
    path.write_text(commented())
    mine = AssessmentFile(path)
    theirs = commented().replace("C5.1:\n", "C5.1:\n    evidence: typed in an editor\n", 1)
    assert theirs != commented()
    checks = []

    def check_while_an_editor_saves(*args: object, **kwargs: object) -> object:
        if not checks:
            path.write_text(theirs)  # no lock taken, as an editor would
        checks.append(1)
        return check_assessment(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "check_assessment", check_while_an_editor_saves)
    assert mine.apply(RatingEdit("C1.2", stage=3))
    data = yamlsource.parse_fast(path.read_text())["ratings"]
    assert data["C1.2"]["stage"] == 3
    assert data["C5.1"]["evidence"] == "typed in an editor"
    assert len(checks) == 2  # checked, refused at the compare, merged and checked again


def test_a_full_disk_says_to_free_space_not_to_chmod(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import coalition_cli.core.files.atomic as atomic

    path = tmp_path / "a.yaml"
    path.write_text(commented())
    file = AssessmentFile(path)

    def full(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_put", full)
    with pytest.raises(ReadError) as raised:
        file.apply(RatingEdit("C1.2", stage=3))
    assert "No space left on device" in raised.value.message
    assert raised.value.hint is not None and "free some space" in raised.value.hint
    assert "chmod" not in raised.value.hint
    assert path.read_text() == commented()


FLOW_FILES = {
    "flow-document": (
        "{framework: community-framework, coalition: X, assessed_on: 2026-01-01,\n"
        " ratings: {C1.1: {stage: 2},\n"
        "           C1.4: {stage: 1}}}\n"
    ),
    "flow-ratings-one-a-line": (
        "framework: community-framework\ncoalition: X\nassessed_on: 2026-01-01\n"
        "ratings: {\n  C1.1: {stage: 2},\n  C1.4: {stage: 1}\n}\n"
    ),
    "flow-ratings-one-line": (
        "framework: community-framework\ncoalition: X\nassessed_on: 2026-01-01\n"
        "ratings: {C1.1: {stage: 2}, C1.4: {stage: 1}}\n"
    ),
}


@pytest.mark.parametrize("name", list(FLOW_FILES))
def test_a_flow_style_file_without_comments_keeps_its_lines(framework: Framework, name: str) -> None:
    """`rate` once rewrote such a file onto one line (the round-trip dump); a new entry now goes in
    beside its neighbours, laid out as they are, and nothing else moves."""
    before = FLOW_FILES[name]
    after = edit_text(before, [RatingEdit("C1.2", stage=3, evidence="one, two")], framework)
    assert yamlsource.parse_fast(after)["ratings"]["C1.2"] == {"stage": 3, "evidence": "one, two"}
    removed = [line for line in _diff(before, after) if line.startswith("-")]
    added = [line for line in _diff(before, after) if line.startswith("+")]
    assert len(after.splitlines()) == len(before.splitlines()) + (0 if name == "flow-ratings-one-line" else 1)
    if name == "flow-ratings-one-line":
        assert added == [
            "+ratings: {C1.1: {stage: 2}, C1.2: {stage: 3, evidence: 'one, two'}, C1.4: {stage: 1}}"
        ]
    else:
        assert removed == []
        column = next(line for line in before.splitlines() if "C1.4" in line).index("C1.4")
        assert added == ["+" + " " * column + "C1.2: {stage: 3, evidence: 'one, two'},"]
    changed = edit_text(after, [RatingEdit("C1.4", stage=2)], framework)
    assert [line for line in _diff(after, changed) if line.startswith("+")] == [
        line.replace("C1.4: {stage: 1}", "C1.4: {stage: 2}")
        for line in ["+" + next(line for line in after.splitlines() if "C1.4" in line)]
    ]
