"""Many files on every core (core/files/batch.py): the same results in the same order as one process,
a worker's failure raised in the parent, no worker left behind, and workers started only where
their cost keeps CPU per file falling."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition_cli.core.files import batch
from coalition_cli.core.files.batch import (
    FILES_PER_WORKER,
    LATE_FILES_PER_WORKER,
    START_UP_IN_WORKERS,
    _processes,
    map_files,
)
from tests.support.processes import environment, group_killed_afterwards, left_after, workers_started

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
    results = map_files(_where, list(range(2 * FILES_PER_WORKER - 1)), jobs=4)
    assert {pid for _, pid in results} == {os.getpid()}


def test_a_worker_starts_as_soon_as_it_has_its_share_of_files() -> None:
    results = map_files(_where, list(range(2 * FILES_PER_WORKER)), jobs=2)
    assert len({pid for _, pid in results}) == 2
    assert [square for square, _ in results] == [item * item for item in range(2 * FILES_PER_WORKER)]


def test_workers_run_from_a_thread_other_than_the_main_one() -> None:
    """Only the main thread may set a SIGTERM handler: from another, the run goes on without one."""
    found: list[list[tuple[int, int]]] = []
    thread = threading.Thread(target=lambda: found.append(map_files(_where, list(range(20)), jobs=2)))
    thread.start()
    thread.join(timeout=30)
    assert [square for square, _ in found[0]] == [item * item for item in range(20)]
    assert len({pid for _, pid in found[0]}) == 2


def test_the_collector_is_left_as_it_was() -> None:
    frozen = gc.get_freeze_count()
    map_files(_where, list(range(40)), jobs=2)
    map_files(_where, list(range(5)), jobs=1)
    assert gc.get_freeze_count() == frozen


def _shared_per_file(files: int, processes: int) -> float:
    """The cost model of `_processes`, in workers' costs: what a run shares, spread over its files."""
    return (START_UP_IN_WORKERS + processes - 1) / files


@given(cores=st.integers(1, 256))
def test_workers_never_make_a_file_dearer_than_one_fewer(cores: int) -> None:
    counts = [_processes(files, cores) for files in range(1, 2001)]
    assert counts == sorted(counts)  # a process once started is there for every larger run
    assert all(1 <= count <= cores for count in counts)
    for files in range(2, 2001):
        before, now = counts[files - 2], counts[files - 1]
        if now > before and files < LATE_FILES_PER_WORKER:  # an early worker: the curve still falls
            assert _shared_per_file(files, now) <= _shared_per_file(files - 1, before)


def test_two_cores_spread_from_four_files() -> None:
    assert [_processes(files, 2) for files in (1, 2, 3, 4, 5, 1000)] == [1, 1, 1, 2, 2, 2]


def test_more_cores_join_early_while_the_start_up_pays_then_one_per_hundred_files() -> None:
    early = [_processes(files, 64) for files in range(1, 100)]
    assert max(early) == 4 and early.index(4) + 1 == 8  # 2, 3 and 4 processes at 4, 6 and 8 files
    assert _processes(1000, 64) == 10
    assert _processes(1000, 8) == 8


SLOW_RUN = """
import sys, time
from coalition_cli.core.files.batch import map_files
def slow(item):
    time.sleep(0.05)
    return item
print("started", flush=True)
map_files(slow, list(range(400)), jobs=2)  # 10 s a process
"""


def test_workers_stop_soon_after_their_parent_is_killed() -> None:
    """SIGKILL leaves the parent no chance to stop its workers: they notice before their next item,
    and stop long before their 10 s of work would be done."""
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_RUN], stdout=subprocess.PIPE, env=environment(), start_new_session=True
    )
    with group_killed_afterwards(process):
        assert process.stdout is not None and process.stdout.readline() == b"started\n"
        assert workers_started(process, within=10), "the run never started its worker"
        process.kill()
        process.wait(timeout=10)
        assert left_after(process.pid, within=3) == set()


def test_a_worker_whose_parent_died_stops_before_its_next_file() -> None:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        batch._orphan_check(os.getpid(), _fails_at_77, 77)  # "parent" is not ours: as if it had died
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == batch.EXIT_TERMINATED


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
