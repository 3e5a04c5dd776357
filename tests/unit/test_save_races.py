"""Saves under pressure, by real processes: two writers at once lose nothing, a writer killed at any
moment leaves a valid file, and the next save clears what it left behind.

The writers are forked from this process (modules already imported), so a round costs a save, not
a start-up, and 200 rounds stay within a few seconds.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.editing.rating_edits import RatingEdit
from coalition_cli.core.loading.assessments import check_assessment
from coalition_cli.core.yaml import source as yamlsource
from tests.support.editing import commented

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="forks writers and kills them with SIGKILL"),
]

_FORK = multiprocessing.get_context("fork")
_PATIENCE = 60
"""Seconds a process waits for the others at a barrier: generous, since a loaded CI machine can stall
a forked writer for seconds; a lost update is caught by the file's content, never by a timeout."""


def _ratings(path: Path) -> dict[str, object]:
    ratings = yamlsource.parse_fast(path.read_text(encoding="utf-8"))["ratings"]
    assert isinstance(ratings, dict)
    return ratings


def _writer(
    path: Path, indicator: str, rounds: int, opened: Barrier, done: Barrier, checked: Barrier
) -> None:
    """Each round: read the file (as `coalition rate` does when it starts), wait until the other
    writer has read it too, then both save a change to their own indicator at once; then wait until
    the test has read what they saved (else, on a loaded machine, the next round's saves could land
    before the test reads this one's, and look like a lost update)."""
    for number in range(rounds):
        file = AssessmentFile(path)
        opened.wait(timeout=_PATIENCE)
        file.apply(RatingEdit(indicator, stage=number % 4 + 1))
        done.wait(timeout=_PATIENCE)
        checked.wait(timeout=_PATIENCE)


def test_two_writers_at_once_lose_no_update(tmp_path: Path) -> None:
    rounds = 200
    path = tmp_path / "a.yaml"
    path.write_text(commented(), encoding="utf-8")
    opened, done, checked = _FORK.Barrier(2), _FORK.Barrier(3), _FORK.Barrier(3)
    writers = [
        _FORK.Process(target=_writer, args=(path, i, rounds, opened, done, checked)) for i in ("C1.2", "C5.1")
    ]
    for writer in writers:
        writer.start()
    lost = []
    try:
        for number in range(rounds):
            done.wait(timeout=_PATIENCE)  # both writers saved this round
            ratings = _ratings(path)
            stages = [ratings[i]["stage"] for i in ("C1.2", "C5.1")]  # type: ignore[index]
            if stages != [number % 4 + 1] * 2:
                lost.append((number, stages))
            checked.wait(timeout=_PATIENCE)
    finally:
        for writer in writers:
            writer.join(timeout=_PATIENCE)
            if writer.is_alive():
                writer.kill()
    assert [writer.exitcode for writer in writers] == [0, 0]
    assert lost == []
    assert not check_assessment(path).has_errors
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def _saving_forever(path: Path) -> None:
    file = AssessmentFile(path)
    for number in range(1_000_000):
        file.apply(
            RatingEdit("C1.2", stage=number % 4 + 1, evidence=f"save number {number}\n" * (number % 7))
        )


def test_a_writer_killed_at_any_moment_leaves_a_valid_file_and_the_next_save_tidies_up(
    tmp_path: Path,
) -> None:
    rounds = 100
    path = tmp_path / "a.yaml"
    path.write_text(commented(), encoding="utf-8")
    shuffle = random.Random(16)
    left_behind = 0
    for number in range(rounds):
        writer = _FORK.Process(target=_saving_forever, args=(path,))
        writer.start()
        time.sleep(shuffle.uniform(0.005, 0.04))
        os.kill(writer.pid or 0, signal.SIGKILL)
        writer.join(timeout=10)
        assert writer.exitcode == -signal.SIGKILL
        left_behind += len(list(tmp_path.glob(".a.yaml.*.tmp")))
        assert not check_assessment(path).has_errors, f"round {number}: the file is not valid after the kill"
        AssessmentFile(path).apply(RatingEdit("C5.1", stage=number % 4 + 1))  # the next run
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"], f"round {number}"
    # The kills did land inside saves, between the temporary file and the rename, some of the time;
    # otherwise this test would prove nothing about tidying up.
    assert left_behind > 0
