"""Paths written inside a file (`framework:`, `profile:`): resolved from that file, kept inside its repository.

A file's content is not its reader's command line: an assessment from a pull request or a shared
drive may name any path, and its problems are printed, so a `profile: /etc/…` would echo the keys
and values of files on the reader's machine. So a path from a file's content

- is taken literally: `~` and `~user` are not expanded (`~user/x.yaml` is a folder named `~user`),
  and a path longer than MAX_REFERENCE characters, or holding a NUL character, is no path;
- must lead (symlinks followed) inside the assessment's **repository**: the root of the git work
  tree that holds the assessment, or the assessment's folder when it is in none;
- may lead elsewhere only into a folder the reader allows, with `coalition --allow-outside PATH`
  (any number of times) or the `COALITION_ALLOW_OUTSIDE` environment variable (paths separated by
  `os.pathsep`).

Paths a user types on the command line (`--framework`, `--since`) are the user's own and are not
confined.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Iterable
from pathlib import Path

MAX_REFERENCE = 1024
"""The longest path a file may name (Linux allows 4,096 bytes; a rubric's path is a few dozen)."""

ENVIRONMENT = "COALITION_ALLOW_OUTSIDE"
"""Where the allowed folders are kept, the CLI's `--allow-outside` included: worker processes
inherit the environment however they are started."""


class ReferenceRefused(Exception):
    """A path from a file's content that is not followed; `reason` says why, in words."""

    def __init__(self, reason: str, *, outside: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.outside = outside
        """The path is well formed but leads outside the repository (`--allow-outside` would allow it)."""


def allowed_outside() -> tuple[Path, ...]:
    """The folders allowed with --allow-outside and the environment variable."""
    listed = os.environ.get(ENVIRONMENT, "")
    return tuple(Path(os.path.realpath(item)) for item in listed.split(os.pathsep) if item)


def allowing(folders: Iterable[Path]) -> str:
    """The value of the environment variable that also allows `folders`."""
    listed = [item for item in os.environ.get(ENVIRONMENT, "").split(os.pathsep) if item]
    return os.pathsep.join([*listed, *(os.path.realpath(folder) for folder in folders)])


def repository_of(folder: Path) -> Path:
    """The root of the git work tree holding `folder` (symlinks resolved), or `folder` itself."""
    real = Path(os.path.realpath(folder))
    for candidate in (real, *real.parents):
        if (candidate / ".git").exists():
            return candidate
    return real


def resolve_reference(reference: str, folder: Path, allowed: Iterable[Path] | None = None) -> Path:
    """The path a file in `folder` means by `reference`, if it may be followed; else ReferenceRefused.

    `allowed`: folders outside the repository that may be reached (default: `allowed_outside()`).
    The path returned is as written (relative to `folder`), for messages; its real place was checked.
    """
    if len(reference) > MAX_REFERENCE:
        raise ReferenceRefused(f"it is {len(reference):,} characters long, too long to be a path")
    if "\0" in reference:
        raise ReferenceRefused("it holds a NUL character, which no path can")
    path = Path(reference)
    if not path.is_absolute():
        path = folder / path
    real = Path(os.path.realpath(path))
    repository = repository_of(folder)
    roots = (repository, *(allowed_outside() if allowed is None else allowed))
    if not any(real == root or root in real.parents for root in roots):
        raise ReferenceRefused(
            f"it leads outside this file's repository ({repository}), where files are read only if you "
            f"allow it: `coalition --allow-outside {shlex.quote(str(real.parent))} …`",
            outside=True,
        )
    return path
