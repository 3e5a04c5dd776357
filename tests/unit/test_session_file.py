"""A session's file while others save it too: their change shown, ours saved on top of it when they
touched other parts of the rating, and a clash (nothing written) when they touched the same part."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.editing.clashes import changed_parts, clashes, depends_on
from coalition_cli.core.editing.rating_edits import CLEAR, ChangeAction, DeleteAction, NewAction, RatingEdit
from coalition_cli.core.editing.session_file import Clash, Done, Failed, SessionFile
from coalition_cli.core.yaml import source as yamlsource
from tests.support import paths


@pytest.fixture
def team(tmp_path: Path) -> Path:
    path = tmp_path / "team.yaml"
    shutil.copy(paths.FIXTURES / "editing" / "commented.yaml", path)
    return path


def rating(path: Path, indicator: str) -> object:
    return (yamlsource.parse_fast(path.read_text())["ratings"] or {}).get(indicator)


@pytest.mark.parametrize(
    ("edit", "parts"),
    [
        (RatingEdit("C1.1", stage=2), {"stage"}),
        (RatingEdit("C1.1", evidence=CLEAR), {"evidence"}),
        (RatingEdit("C1.1", target=3, priority=True), {"target", "priority"}),
        (RatingEdit("C1.1", add_actions=(NewAction("Meet"),)), set()),  # appended: fits any list
        (RatingEdit("C1.1", action_ops=(DeleteAction(0),)), {"actions"}),  # by number: needs the same list
    ],
)
def test_what_an_edit_depends_on(edit: RatingEdit, parts: set[str]) -> None:
    assert depends_on(edit) == parts


def test_clashes_are_the_parts_both_changed() -> None:
    seen = {"stage": 2, "evidence": "old"}
    assert changed_parts(seen, {"stage": 3, "evidence": "old"}) == {"stage"}
    assert clashes(RatingEdit("C1.1", evidence="mine"), seen, {"stage": 3, "evidence": "old"}) == set()
    assert clashes(RatingEdit("C1.1", stage=1), seen, {"stage": 3, "evidence": "old"}) == {"stage"}
    assert clashes(RatingEdit("C1.1", stage=1), None, {"stage": None}) == set()  # unrated either way


def test_a_change_elsewhere_is_read_and_ours_goes_on_top(team: Path) -> None:
    kept = SessionFile(AssessmentFile(team))
    seen = kept.written("C1.2")
    AssessmentFile(team).apply(RatingEdit("C1.2", stage=3))  # the room, in another process
    assert kept.save(RatingEdit("C1.2", evidence="Facilitator note"), seen) == Done(True)
    assert rating(team, "C1.2") == {"stage": 3, "evidence": "Facilitator note"}
    [reread] = kept.noticed()
    assert reread.indicators == ("C1.2",)


def test_the_same_part_changed_elsewhere_is_a_clash_and_nothing_is_written(team: Path) -> None:
    kept = SessionFile(AssessmentFile(team))
    seen = kept.written("C1.2")
    AssessmentFile(team).apply(RatingEdit("C1.2", stage=3, evidence="Said in the room"))
    before = team.read_bytes()
    attempt = kept.save(RatingEdit("C1.2", evidence="Facilitator note"), seen)
    assert isinstance(attempt, Clash) and attempt.parts == {"evidence"}
    assert attempt.now is not None and attempt.now["evidence"] == "Said in the room"
    assert team.read_bytes() == before
    # decided: the facilitator saw theirs (now), and keeps both
    both = RatingEdit("C1.2", evidence="Said in the room\n\nFacilitator note")
    assert kept.save(both, attempt.now) == Done(True)


def test_actions_by_number_clash_when_the_list_changed(team: Path) -> None:
    kept = SessionFile(AssessmentFile(team))
    seen = kept.written("C1.1")
    AssessmentFile(team).apply(RatingEdit("C1.1", add_actions=(NewAction("Another laptop's"),)))
    marked = RatingEdit("C1.1", action_ops=(ChangeAction(0, status="done"),))
    assert isinstance(kept.save(marked, seen), Clash)
    assert kept.save(RatingEdit("C1.1", add_actions=(NewAction("Mine"),)), seen) == Done(True)
    actions = rating(team, "C1.1")["actions"]  # type: ignore[index]
    assert [action["action"] for action in actions][-2:] == ["Another laptop's", "Mine"]


def test_a_file_broken_elsewhere_fails_the_save_and_keeps_the_session(team: Path) -> None:
    kept = SessionFile(AssessmentFile(team))
    seen = kept.written("C1.2")
    team.write_text(team.read_text() + "\nratings: [oops\n")
    attempt = kept.save(RatingEdit("C1.2", stage=2), seen)
    assert isinstance(attempt, Failed) and kept.problem is not None
    assert "oops" in team.read_text()  # nothing written over it


def test_answers_the_file_refused_are_remembered_until_they_are_saved(team: Path) -> None:
    """What a session says at its end: the answers not in the file, joined by indicator; a part given
    again and saved, once the file is fixed, is no longer among them."""
    kept = SessionFile(AssessmentFile(team))
    fine = team.read_text()
    team.write_text(fine.replace("    stage: 2          #", "    stage: [2          #"))
    meet = NewAction("Meet the mayor", "Dana")
    for edit in (
        RatingEdit("C1.2", stage=2),
        RatingEdit("C1.3", evidence="Minutes"),
        RatingEdit("C1.2", evidence="Letters", add_actions=(meet,)),
        RatingEdit("C1.2", stage=3),  # given again: it replaces the 2
    ):
        assert isinstance(kept.save(edit, kept.written(edit.indicator)), Failed)
    assert kept.refusal is not None and kept.refusal.problems  # type: ignore[attr-defined]
    assert kept.not_saved() == [
        RatingEdit("C1.2", stage=3, evidence="Letters", add_actions=(meet,)),
        RatingEdit("C1.3", evidence="Minutes"),
    ]
    team.write_text(fine)
    assert isinstance(kept.save(RatingEdit("C1.2", stage=3), kept.written("C1.2")), Done)
    assert kept.not_saved() == [
        RatingEdit("C1.3", evidence="Minutes"),
        RatingEdit("C1.2", evidence="Letters", add_actions=(meet,)),
    ]


def test_undo_asks_first_when_the_change_was_changed_again_elsewhere(team: Path) -> None:
    kept = SessionFile(AssessmentFile(team))
    assert kept.save(RatingEdit("C1.2", stage=2), kept.written("C1.2")) == Done(True)
    AssessmentFile(team).apply(RatingEdit("C1.2", stage=4))
    undoing = kept.undo()
    assert undoing is not None and isinstance(undoing[1], Clash)
    assert rating(team, "C1.2") == {"stage": 4}  # theirs stays until the facilitator says otherwise
    assert kept.force_undo() == Done(True)
    assert rating(team, "C1.2") in (None, {"stage": None})


def test_undo_of_a_part_nobody_else_touched_just_undoes(team: Path) -> None:
    kept = SessionFile(AssessmentFile(team))
    assert kept.save(RatingEdit("C1.2", stage=2), kept.written("C1.2")) == Done(True)
    AssessmentFile(team).apply(RatingEdit("C1.2", evidence="Said in the room"))
    undoing = kept.undo()
    assert undoing is not None and undoing[1] == Done(True)
    assert rating(team, "C1.2") == {"stage": None, "evidence": "Said in the room"} or rating(
        team, "C1.2"
    ) == {"evidence": "Said in the room"}
