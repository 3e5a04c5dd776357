"""Running a per-file function over many files on every core, in order, at no cost for a few files."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_FROM = 48
"""Below this many files, starting worker processes costs more than it saves."""


def map_files(function: Callable[[T], R], items: Sequence[T], *, jobs: int | None = None) -> list[R]:
    """`[function(item) for item in items]`, spread over processes when that pays off.

    `function` must be picklable (a module-level function or a functools.partial of one).
    """
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers < 2 or len(items) < PARALLEL_FROM:
        return [function(item) for item in items]
    import multiprocessing  # here, not above: a few files must not pay for importing it
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    # fork shares the already-imported modules and loaded frameworks with the workers
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, len(items) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(function, items, chunksize=chunk))
