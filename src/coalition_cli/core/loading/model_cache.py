"""Validated rubrics and the Guide kept between runs: a command reads them from its last check, not again.

(The JSON Schema of the coalition profile's model is kept the same way: core/checks/schema.py.)

Reading the bundled rubric and the Guide (parse, build the models' validators, validate, run the
rubric's checks) takes 10–15 ms of every command that scores, plans or writes; unpickling the
models they become takes half a millisecond. So a valid document's model is kept, pickled, in the
user's private cache folder (`core/files/cache.py`, beside the compiled plan templates), under a key
made of:

- a digest of the document's bytes (core/files/digest.py): an edited file is another key, checked
  again in full;
- the model (its module and name), the versions of coalition and Python (pickles name classes and
  their fields; a model of another version may not fit this one). The models are plain dataclasses
  (core/model/base.py), so what is kept holds nothing of Pydantic's;
- a stamp of the tool's core (every module's path, size and time of change under `core/`, 0.5 ms
  to take): a check or a model edited in a source checkout (the version unchanged) never meets a
  model kept by the code before the edit.

Only a document with no errors is kept, so a rubric with problems is checked, and its problems
located, on every run, as before. A user's own rubric (given by path, or named by `framework:`) is
kept too: its key is its content, wherever it lies, and what is kept is what this code made of it.

A pickle runs code when it is loaded, so one is read only from the private folder, and only when it
is an ordinary file of the user's own that no one else may write (`read_private`). Anything else,
or a file that does not unpickle into the model asked for (cut short, damaged, of another layout),
is passed over in silence: the document is checked as if nothing were kept, and kept again.
"""

from __future__ import annotations

import os
import pickle
import sys
from functools import cache
from pathlib import Path
from typing import TypeVar

from coalition_cli.core.files import digest
from coalition_cli.core.files.cache import private_folder, prune, read_private, write_private

FOLDER = "models"
"""The cache's folder inside the tool's own."""
SUFFIX = ".pickle"
KEEP = 32
"""Entries kept at most: the bundled rubric and Guide, and a few versions of a coalition's own."""

_CORE = Path(__file__).resolve().parents[1]
"""src/coalition_cli/core: the code that decides what a document's model holds and whether it is valid."""

T = TypeVar("T")


def cached(model: type[T], content: bytes) -> T | None:
    """The model kept for a document of these bytes, or None (nothing usable kept)."""
    path = _entry(model, content)
    kept = read_private(path) if path is not None else None
    if kept is None:
        return None
    try:
        value = pickle.loads(kept)  # our own file, in our own private folder (read_private)
    except Exception:  # cut short, damaged, or made by other code: check the document again
        return None
    return value if type(value) is model else None


def keep(model: type[T], content: bytes, value: T) -> None:
    """Keep `value`, the valid model of a document of these bytes, for the next runs (or not, when the
    cache cannot be written)."""
    path = _entry(model, content)
    if path is not None and write_private(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)):
        prune(path.parent, SUFFIX, KEEP)


def _entry(model: type[object], content: bytes) -> Path | None:
    folder = private_folder(FOLDER)
    if folder is None:
        return None
    key = digest.new(digest.new(content).digest())
    key.update(f"{model.__module__}.{model.__qualname__}\0{_code()}".encode())
    return folder / f"{key.hexdigest()}{SUFFIX}"


@cache
def _code() -> str:
    """What the tool's model code is, as text: versions and a stamp of the core's files."""
    from coalition_cli import __version__

    stamp = digest.new()
    for relative, size, changed in _modules(_CORE):
        stamp.update(f"{relative}\0{size}\0{changed}\n".encode("utf-8", "surrogateescape"))
    return repr((__version__, sys.implementation.cache_tag, sys.version, stamp.hexdigest()))


def _modules(folder: Path) -> list[tuple[str, int, int]]:
    """(path under `folder`, size, time of change) of every Python module under `folder`, sorted.

    A path under `folder` is the entry's path without `folder`'s: `os.scandir` makes each entry's path
    by joining the folder it was given and the name, and `os.path.relpath` (which resolves both paths
    again) took half of the 2 ms this took for the 130 modules of the core."""
    prefix = len(os.path.join(folder, ""))  # noqa: PTH118 - as scandir joins them: one separator
    found: list[tuple[str, int, int]] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.name.endswith(".py"):
                        info = entry.stat()
                        found.append((entry.path[prefix:], info.st_size, info.st_mtime_ns))
                    elif entry.name != "__pycache__" and entry.is_dir(follow_symlinks=False):
                        pending.append(Path(entry.path))
        except OSError:
            continue
    return sorted(found)
