"""Running a per-file function over many files on every core, in order, at little cost for a few files.

The files are cut into one run of consecutive files per process. The parent process checks the first
file alone (so that what it loads on the way, the rubric's index, the YAML loader's memory, the
models if a file needs them, is loaded once and shared), then forks one worker for each other run
but the first, which it checks itself; each worker sends its results back through a pipe, pickled
as they are made. Where processes cannot be forked (Windows), the files are checked one after the
other.

No cliffs: CPU time per file falls as files are added, at every count. What a run shares (the
interpreter, imports, the first file's loading: S, 55 to 85 ms of CPU for validate on two cores,
more for the commands that need the models) is spread over its files; a worker adds a cost W of its
own (the fork and its page tables, the copy-on-write faults of both processes as they write to the
pages they shared, about 1,200 at some 4 µs each on a virtual machine, its exit): 5 to 13 ms. Forking
at N files keeps the curve falling only if W <= S / (N - 1): at 32 files, where workers used to
start, W would have to be under 2-3 ms, which no fork of a process of this size is. So workers start
early, as soon as each gets `FILES_PER_WORKER` files (at 4 files on two cores), and only as many as
validate's start-up pays for (`START_UP_IN_WORKERS`, `_processes`). And a worker costs as little as
it can:
- the collector is frozen once the first file is checked: what is loaded is never walked again,
  neither by the parent (which alone saves about 6% of the CPU per file, in one process too) nor by
  a worker, whose shared pages the walk would copy;
- nothing is imported for the workers but the C pickler (`_pickle`, not `pickle` and its imports):
  no `ctypes` (a worker whose parent was killed notices it between two files instead), no
  `threading` (only the main thread can set a signal handler: `signal` says so itself);
- a worker leaves by `os._exit`, never through the interpreter's shutdown.

Workers never outlive the run: when the parent is told to stop (SIGTERM from a CI runner, Ctrl-C)
or fails, it kills them before it exits, so no orphan keeps standard output open (a CI step waiting
for the end of the output would hang). Workers ignore Ctrl-C themselves (the parent stops them), and
one whose parent died without a chance to clean up (SIGKILL) stops before its next file.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any, TypeVar

from coalition_cli.core import collector

T = TypeVar("T")
R = TypeVar("R")

FILES_PER_WORKER = 2
"""The fewest files a worker is forked for: a worker must start early to keep the curve falling."""

START_UP_IN_WORKERS = 5
"""What a run shares (S) in workers' costs (W): validate's start-up, the cheapest, is 5 to 10 workers
(measured on two cores, idle and loaded: S 55-85 ms, W 5-13 ms); the lower bound, to be safe."""

LATE_FILES_PER_WORKER = 100
"""On a machine with more cores than the early workers that keep the curve falling, one more process
per this many files: a step up of W / N per file where it starts (about 2% at 500 files), for the
wall time of a big run on a big machine."""

EXIT_TERMINATED = 128 + signal.SIGTERM
"""How a run stopped by SIGTERM exits, as a shell reports a process killed by it."""


def map_files(function: Callable[[T], R], items: Sequence[T], *, jobs: int | None = None) -> list[R]:
    """`[function(item) for item in items]`, spread over processes when that pays off.

    `function`'s results must be picklable (they come back from the workers that way).
    """
    if len(items) < 2:
        return [function(item) for item in items]
    first = function(items[0])
    with collector.collecting():  # what is loaded is never walked again, here or in a worker
        cores = jobs if jobs is not None else (os.cpu_count() or 1)
        processes = _processes(len(items), cores) if hasattr(os, "fork") else 1
        if processes < 2:
            return [first, *(function(item) for item in items[1:])]
        return [first, *_spread(function, items[1:], processes)]


def _processes(files: int, cores: int) -> int:
    """How many processes check `files` files: up to `cores`, each with `FILES_PER_WORKER` files or
    more, as long as CPU per file keeps falling.

    The k-th process, started at N = k * FILES_PER_WORKER files, adds W to the CPU that N - 1 files
    cost; what is shared, S and the k - 2 workers before it, is spread one file thinner: per file the
    run still costs less while W * (N - 1) <= S + (k - 2) * W, that is, in workers' costs,
    N - 1 <= START_UP_IN_WORKERS + k - 2. The first process refused that way is not added later
    either (a later start would be a bigger step up), except on a machine with more cores than that:
    one process per `LATE_FILES_PER_WORKER` files (a small step up). The count never falls as files
    are added.
    """
    count = 1
    for k in range(2, cores + 1):
        start = k * FILES_PER_WORKER
        if files < start:
            break
        if start - 1 > START_UP_IN_WORKERS + k - 2:  # it would raise the curve
            return max(count, min(cores, files // LATE_FILES_PER_WORKER))
        count = k
    return count


def _spread(function: Callable[[T], R], items: Sequence[T], processes: int) -> list[R]:
    """`function` over `items` in `processes` processes, this one and forked workers, in order."""
    runs = [items[len(items) * k // processes : len(items) * (k + 1) // processes] for k in range(processes)]
    import _pickle  # noqa: F401 - here, once, rather than in every worker

    with _terminated_on_sigterm():
        forked: list[tuple[int, int]] = []
        try:
            for run in runs[1:]:
                forked.append(_fork(function, run))
            results = [function(item) for item in runs[0]]
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
    return results


def _fork(function: Callable[[T], R], run: Sequence[T]) -> tuple[int, int]:
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
        try:
            payload: tuple[str, Any] = ("done", [_orphan_check(parent, function, item) for item in run])
        except Exception as error:  # raised again in the parent, as if it had checked the files
            payload = ("failed", error)
        _send(writing, payload)
    except BaseException:  # whatever happens, a worker never runs the parent's code on its way out
        status = 1
    finally:
        os._exit(status)


def _orphan_check(parent: int, function: Callable[[T], R], item: T) -> R:
    """`function(item)`, unless the parent died without stopping us (SIGKILL): then stop at once."""
    if os.getppid() != parent:
        os._exit(EXIT_TERMINATED)
    return function(item)


def _send(pipe: int, payload: tuple[str, Any]) -> None:
    """The worker's answer, pickled into the pipe as it is made (never held whole as bytes)."""
    import _pickle

    kind, value = payload
    if kind == "failed":
        try:
            value = _pickle.loads(_pickle.dumps(value))
        except Exception as error:  # an error that cannot be pickled is told in words
            value = RuntimeError(f"a worker failed: {value!r} ({error})")
    with os.fdopen(pipe, "wb") as stream:
        _pickle.dump((kind, value), stream, protocol=-1)  # the highest protocol


def _received(pipe: int) -> tuple[str, Any]:
    """A worker's answer, unpickled from the pipe as it comes: ("done", results) or ("failed", error)."""
    import _pickle

    with os.fdopen(pipe, "rb", closefd=False) as stream:
        try:
            answer: tuple[str, Any] = _pickle.load(stream)
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

    def stop(_signum: int, _frame: Any) -> None:
        raise SystemExit(EXIT_TERMINATED)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (a test runner may call us from another): no handler
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
