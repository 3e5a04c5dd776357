"""Screenshots of the full-screen session's key screens, compared with the SVGs committed beside this
file (`pytest --snapshot-update` rewrites them after an intended change), and the README's picture.

Every screen here is made from fixed files and keys, so each picture is the same on every run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from coalition_cli.cli.assess.screen.app import AssessApp
from coalition_cli.core.editing.scaffold import NewAssessment, render
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.room.state import Ballot
from coalition_cli.core.room.tally import LiveTally, guide_groups, tally
from tests.support import golden
from tests.support.paths import ROOT
from tests.support.screen import riverside, session_app

Snap = Callable[..., bool]


def test_a_new_assessment_at_80x24(snap_compare: Snap, tmp_path: Path, framework: Framework) -> None:
    path = tmp_path / "spring.yaml"
    path.write_text(render(framework, NewAssessment(framework.id, "Riverside", dt.date(2026, 3, 14))))
    # run a few days after the file's date: the screen says which day the file bears
    assert snap_compare(session_app(path, today=dt.date(2026, 3, 20)), terminal_size=(80, 24))


def test_a_rated_indicator_with_last_term_at_80x24(snap_compare: Snap, tmp_path: Path) -> None:
    assert snap_compare(riverside(tmp_path), terminal_size=(80, 24))


def test_the_same_at_120x40(snap_compare: Snap, tmp_path: Path) -> None:
    assert snap_compare(riverside(tmp_path), terminal_size=(120, 40))


def test_the_evidence_box(snap_compare: Snap, tmp_path: Path) -> None:
    assert snap_compare(riverside(tmp_path, "C1.2"), press=["e"], terminal_size=(80, 24))


def test_the_actions_list(snap_compare: Snap, tmp_path: Path) -> None:
    assert snap_compare(riverside(tmp_path), press=["a"], terminal_size=(80, 24))


def test_three_carried_actions_past_due(snap_compare: Snap, tmp_path: Path) -> None:
    """C6.2's three actions, two of them overdue on the session's day: more than the list shows."""
    app = riverside(tmp_path, "C6.2", today=dt.date(2026, 6, 1))
    assert snap_compare(app, press=["a"], terminal_size=(80, 24))


def test_reading_everything_with_last_term(snap_compare: Snap, tmp_path: Path) -> None:
    assert snap_compare(riverside(tmp_path), press=["r", "end"], terminal_size=(80, 24))


def test_the_help(snap_compare: Snap, tmp_path: Path) -> None:
    assert snap_compare(riverside(tmp_path), press=["question_mark"], terminal_size=(80, 24))


def _room(tmp_path: Path, start_at: str, room: LiveTally) -> AssessApp:
    """The example on `start_at`, with a `coalition room` session beside it whose count is `room`."""
    spring = riverside(tmp_path, start_at)
    return AssessApp(spring.opened, live_votes=lambda indicator: room, today=spring.today)


def _revealed(framework: Framework, indicator: str, stages: list[int]) -> LiveTally:
    ballots = [
        Ballot(f"phone{n:04d}", stage, None, None, "2026-03-14T18:00:00Z") for n, stage in enumerate(stages)
    ]
    result = tally(framework, guide_groups(), indicator, ballots)
    return LiveTally(indicator, result.voted, result.dont_know, False, True, True, result)


def test_the_rooms_result_at_80x24(snap_compare: Snap, tmp_path: Path, framework: Framework) -> None:
    """The room revealed 1, 2 and 3 on the indicator in front: one line, in words, "discuss first"."""
    app = _room(tmp_path, "C2.1", _revealed(framework, "C2.1", [1, 2, 3]))
    assert snap_compare(app, terminal_size=(80, 24))


def test_the_room_voting_on_another_indicator_at_80x24(snap_compare: Snap, tmp_path: Path) -> None:
    """`assess` on C2.1 while the presenter has opened C1.1: the line names C1.1."""
    app = _room(tmp_path, "C2.1", LiveTally("C1.1", 3, 0, True, True, False, None))
    assert snap_compare(app, terminal_size=(80, 24))


README_PICTURE = ROOT / "docs" / "assess.svg"


def test_the_readme_picture_is_the_app_as_it_is(tmp_path: Path) -> None:
    """docs/assess.svg, shown in the README, is exported from the app: `pytest --update-golden` on this
    test writes it again after a change to the screen."""
    import asyncio

    app = riverside(tmp_path, "C2.1")
    pictures: list[str] = []

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            pictures.append(
                app.export_screenshot(
                    title="coalition assess 2026-03-spring.yaml --since 2025-09-fall.yaml --all"
                )
            )

    asyncio.run(run())
    if golden._update:
        README_PICTURE.parent.mkdir(exist_ok=True)
        README_PICTURE.write_text(pictures[0], encoding="utf-8")
    assert README_PICTURE.read_text(encoding="utf-8") == pictures[0], (
        f"{README_PICTURE} is not the screen as it is now: rerun this test with {golden.UPDATE_OPTION}"
    )
