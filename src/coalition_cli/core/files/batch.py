"""Running a per-file function over many files on every core, in order, at no cost for a few files.

Workers never outlive the run: when the parent is told to stop (SIGTERM from a CI runner, Ctrl-C),
it terminates them before it exits, so no orphan keeps standard output open (a CI step waiting for
the end of the output would hang). Workers ignore Ctrl-C themselves (the parent stops them) and, on
Linux, are also sent SIGTERM by the kernel if the parent dies without a chance to clean up.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_FROM = 48
"""Below this many files, starting worker processes costs more than it saves."""

EXIT_TERMINATED = 128 + signal.SIGTERM
"""How a run stopped by SIGTERM exits, as a shell reports a process killed by it."""


def map_files(function: Callable[[T], R], items: Sequence[T], *, jobs: int | None = None) -> list[R]:
    """`[function(item) for item in items]`, spread over processes when that pays off.

    `function` must be picklable (a module-level function or a functools.partial of one).
    """
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers < 2 or len(items) < PARALLEL_FROM:
        return [function(item) for item in items]
    import multiprocessing  # here, not above: a few files must not pay for importing it

    methods = multiprocessing.get_all_start_methods()
    # fork shares the already-imported modules and loaded frameworks with the workers
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, len(items) // (workers * 8))
    with _terminated_on_sigterm():
        pool = context.Pool(workers, initializer=_worker_start, initargs=(os.getpid(),))
        try:
            results = list(pool.imap(function, items, chunksize=chunk))
        except BaseException:
            pool.terminate()  # SIGTERM (as SystemExit), Ctrl-C, a failure: stop every worker now
            pool.join()
            raise
        pool.close()
        pool.join()
    return results


@contextmanager
def _terminated_on_sigterm() -> Iterator[None]:
    """SIGTERM raises SystemExit in the parent while workers run, so they are terminated first."""
    if not threading_main():
        yield
        return

    def stop(_signum: int, _frame: Any) -> None:
        raise SystemExit(EXIT_TERMINATED)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def threading_main() -> bool:
    """Signal handlers can only be set from the main thread (a test runner may call us from another)."""
    import threading

    return threading.current_thread() is threading.main_thread()


def _worker_start(parent: int) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent stops us
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """Linux only: the kernel sends SIGTERM to this worker if the parent dies (even by SIGKILL)."""
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
        if os.getppid() != parent:  # the parent died before the line above: do not linger
            os._exit(EXIT_TERMINATED)
    except (OSError, AttributeError):
        return
