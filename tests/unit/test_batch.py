"""Many files on every core (core/files/batch.py): the same results in the same order as one process,
a worker's failure raised in the parent, and no worker left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coalition_cli.core.files import batch
from coalition_cli.core.files.batch import PARALLEL_FROM, map_files

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked processes")


def _where(item: int) -> tuple[int, int]:
    return item * item, os.getpid()


def _fails_at_77(item: int) -> int:
    if item == 77:
        raise ValueError(f"item {item} is wrong")
    return item


class _Unpicklable(Exception):
    def __reduce__(self) -> object:
        raise TypeError("not this one")


def _fails_unpicklably(item: int) -> int:
    if item == 90:
        raise _Unpicklable("odd")
    return item


def _dies_at_70(item: int) -> int:
    if item == 70:
        os._exit(3)
    return item


def _children() -> set[int]:
    """This process's children now (other tests may have left some of their own: compare with before)."""
    pid = os.getpid()
    try:
        return {int(word) for word in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()


@pytest.mark.parametrize("jobs", [2, 3, 4])
def test_results_come_back_in_order_from_several_processes(jobs: int) -> None:
    items = list(range(101))
    before = _children()
    results = map_files(_where, items, jobs=jobs)
    assert [square for square, _ in results] == [item * item for item in items]
    assert len({pid for _, pid in results}) == jobs  # the parent and jobs - 1 workers
    assert results[0][1] == os.getpid()  # the first file is the parent's, before any fork
    assert _children() <= before


def test_few_files_stay_in_one_process() -> None:
    results = map_files(_where, list(range(PARALLEL_FROM - 1)), jobs=4)
    assert {pid for _, pid in results} == {os.getpid()}


def test_one_job_is_one_process() -> None:
    results = map_files(_where, list(range(200)), jobs=1)
    assert {pid for _, pid in results} == {os.getpid()}


def test_a_workers_failure_is_raised_in_the_parent_and_no_worker_is_left() -> None:
    before = _children()
    with pytest.raises(ValueError, match="item 77 is wrong"):
        map_files(_fails_at_77, list(range(100)), jobs=2)
    assert _children() <= before


def test_a_failure_that_cannot_be_pickled_is_told_in_words() -> None:
    before = _children()
    with pytest.raises(RuntimeError, match="a worker failed: _Unpicklable"):
        map_files(_fails_unpicklably, list(range(100)), jobs=2)
    assert _children() <= before


def test_a_worker_that_dies_is_told_of() -> None:
    before = _children()
    with pytest.raises(RuntimeError, match="a worker process stopped without its results"):
        map_files(_dies_at_70, list(range(100)), jobs=2)
    assert _children() <= before


def test_where_processes_cannot_be_forked_the_files_are_checked_in_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delattr(batch.os, "fork")
    results = map_files(_where, list(range(100)), jobs=4)
    assert {pid for _, pid in results} == {os.getpid()}
