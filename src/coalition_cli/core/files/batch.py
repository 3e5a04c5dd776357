"""Running a per-file function over many files on every core, in order, at little cost for a few files.

The files are cut into one run of consecutive files per core. The parent process checks the first
file alone (so that what it loads on the way, the rubric's index, the YAML loader's memory, the
models if a file needs them, is loaded once and shared), then forks one worker for each other run
but the first, which it checks itself; each worker sends its results back through a pipe, pickled
at once. So starting the workers costs a few milliseconds, not the tens a `multiprocessing.Pool`
takes (its import, its threads, a task per few files), and CPU per file still falls as files are
added: there is no step where the workers start. Where processes cannot be forked (Windows), the
files are checked one after the other.

Workers never outlive the run: when the parent is told to stop (SIGTERM from a CI runner, Ctrl-C)
or fails, it kills them before it exits, so no orphan keeps standard output open (a CI step waiting
for the end of the output would hang). Workers ignore Ctrl-C themselves (the parent stops them) and,
on Linux, are also sent SIGTERM by the kernel if the parent dies without a chance to clean up.
"""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_FROM = 32
"""Below this many files, forking a worker costs more time than it saves on two cores."""

EXIT_TERMINATED = 128 + signal.SIGTERM
"""How a run stopped by SIGTERM exits, as a shell reports a process killed by it."""


def map_files(function: Callable[[T], R], items: Sequence[T], *, jobs: int | None = None) -> list[R]:
    """`[function(item) for item in items]`, spread over processes when that pays off.

    `function`'s results must be picklable (they come back from the workers that way).
    """
    workers = min(jobs if jobs is not None else (os.cpu_count() or 1), len(items) // 2)
    if workers < 2 or len(items) < PARALLEL_FROM or not hasattr(os, "fork"):
        return [function(item) for item in items]
    first = function(items[0])
    rest = items[1:]
    runs = [rest[len(rest) * k // workers : len(rest) * (k + 1) // workers] for k in range(workers)]
    import pickle  # noqa: F401 - here, once, rather than in the parent and again in every worker

    die_with_parent = _death_signal()  # loaded here, once, rather than in every worker
    gc.freeze()  # what is loaded is left out of the workers' collections, so its pages stay shared
    with _terminated_on_sigterm():
        forked: list[tuple[int, int]] = []
        try:
            for run in runs[1:]:
                forked.append(_fork(function, run, die_with_parent))
            results = [first, *(function(item) for item in runs[0])]
            while forked:
                pid, pipe = forked[0]
                kind, value = _received(pipe)  # all of it: the worker is done
                forked.pop(0)  # so it is never killed now (its pid may be another's once reaped)
                os.close(pipe)
                os.waitpid(pid, 0)
                if kind == "failed":
                    raise value
                results += value
        except BaseException:
            _stop(forked)  # SIGTERM (as SystemExit), Ctrl-C, a failure: stop every worker now
            raise
        finally:
            gc.unfreeze()
    return results


def _fork(
    function: Callable[[T], R], run: Sequence[T], die_with_parent: Callable[[int], None]
) -> tuple[int, int]:
    """A worker checking `run`: its pid, and the pipe its pickled results come through."""
    parent = os.getpid()
    reading, writing = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writing)
        return pid, reading
    os.close(reading)  # the worker, from here on: it never returns
    status = 0
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent stops us
        die_with_parent(parent)
        try:
            payload: tuple[str, Any] = ("done", [function(item) for item in run])
        except Exception as error:  # raised again in the parent, as if it had checked the files
            payload = ("failed", error)
        _send(writing, payload)
    except BaseException:  # whatever happens, a worker never runs the parent's code on its way out
        status = 1
    finally:
        os._exit(status)


def _send(pipe: int, payload: tuple[str, Any]) -> None:
    """The worker's answer, pickled into the pipe as it is made (never held whole as bytes)."""
    import pickle

    kind, value = payload
    if kind == "failed":
        try:
            value = pickle.loads(pickle.dumps(value))
        except Exception as error:  # an error that cannot be pickled is told in words
            value = RuntimeError(f"a worker failed: {value!r} ({error})")
    with os.fdopen(pipe, "wb") as stream:
        pickle.dump((kind, value), stream, protocol=pickle.HIGHEST_PROTOCOL)


def _received(pipe: int) -> tuple[str, Any]:
    """A worker's answer, unpickled from the pipe as it comes: ("done", results) or ("failed", error)."""
    import pickle

    with os.fdopen(pipe, "rb", closefd=False) as stream:
        try:
            answer: tuple[str, Any] = pickle.load(stream)
        except Exception as error:  # cut short: the worker died, or sent what cannot be read
            return "failed", RuntimeError(f"a worker process stopped without its results ({error!r})")
    return answer


def _stop(forked: list[tuple[int, int]]) -> None:
    for pid, pipe in forked:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        with suppress(ChildProcessError):
            os.waitpid(pid, 0)
        os.close(pipe)


@contextmanager
def _terminated_on_sigterm() -> Iterator[None]:
    """SIGTERM raises SystemExit in the parent while workers run, so they are stopped first."""
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


def _death_signal() -> Callable[[int], None]:
    """What a worker calls first so that, on Linux, the kernel sends it SIGTERM if the parent dies
    (even by SIGKILL); elsewhere nothing."""
    import sys

    if not sys.platform.startswith("linux"):
        return lambda _parent: None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return lambda _parent: None
    pr_set_pdeathsig = 1

    def die_with_parent(parent: int) -> None:
        prctl(pr_set_pdeathsig, signal.SIGTERM)
        if os.getppid() != parent:  # the parent died before the line above: do not linger
            os._exit(EXIT_TERMINATED)

    return die_with_parent
