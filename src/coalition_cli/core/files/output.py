"""Writing a command's output file (a plan, a draft consensus, a schema, a new assessment) by one rule.

- An output never replaces one of the command's own inputs, nor a folder, nor anything but an ordinary
  file (a device such as /dev/null, a FIFO, a system file), even with --force; nor is such a thing
  opened to see whether the command wrote it (a FIFO would wait forever).
- An existing file is replaced only when the command can tell it wrote it itself (`ours`: a plan
  carries a marker line, a schema its title) or with `--force`. A file that people edit once it is
  written (a draft consensus) has no `ours`: only --force replaces it. A command that never replaces
  a file (`init`) has no --force at all (`forceable=False`).
- The write is atomic (`atomic.write_atomic`): a crash leaves the old file or the new one, never half.
  A file that did not exist is created exclusively, so one that appears meanwhile is not replaced.
- Each refusal is a UsageError and each failed write a WriteError (both exit 2), naming the file and
  what to do.

`check()` refuses early, before the command does its work; `write()` checks again and writes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from coalition_cli.core.errors import UsageError, WriteError
from coalition_cli.core.files.atomic import create_exclusive, write_atomic
from coalition_cli.core.files.regular import NotARegularFile, check_regular_or_missing, read_regular
from coalition_cli.core.frozen import frozen


@frozen(kw_only=True)
class OutputFile:
    """A file a command is asked to write, and how to speak of it when it cannot be written."""

    path: Path
    command: str
    """The command that writes it, as messages name it: `plan`, `consensus`."""
    what: str
    """What is written, as messages name it: `the plan`, `the draft`."""
    force: bool = False
    """`--force`: replace an existing file that is not an input or a folder."""
    forceable: bool = True
    """False for a command without --force, which never replaces a file."""
    inputs: tuple[Path, ...] = ()
    ours: Callable[[Path], bool] | None = None
    """True for a file this command wrote (and may replace without --force)."""
    option: str | None = "-o"
    """The option that names the file, for the hint; None when it is an argument."""

    def check(self) -> None:
        """Raise UsageError if `write` would refuse: an input, a folder, a special file, a file not to replace."""
        path = self.path
        where = f" with {self.option}" if self.option else ""
        if path.is_dir():
            raise UsageError(f"{path} is a folder; give a file name{where}")
        try:
            check_regular_or_missing(path)
        except NotARegularFile as refused:
            raise UsageError(
                f"{path}: {refused.strerror}; coalition {self.command} writes only ordinary files",
                hint=f"give a file name{where}",
            ) from None
        real = os.path.realpath(path)
        if real in {os.path.realpath(item) for item in self.inputs}:
            raise UsageError(f"refusing to write {self.what} over its own input {path}")
        if (path.exists() or path.is_symlink()) and not self._replaceable():
            raise self._exists()

    def write(self, text: str) -> None:
        """Check again, then write `text` (UTF-8) atomically; WriteError if the system refuses."""
        self.check()
        try:
            if self.force or self.path.exists():
                write_atomic(self.path, text)
            else:
                create_exclusive(self.path, text)
        except FileExistsError:
            raise self._exists() from None
        except OSError as error:
            raise WriteError(f"cannot write {self.path}: {error.strerror or error}") from None

    def _replaceable(self) -> bool:
        return self.forceable and (self.force or (self.ours is not None and self.ours(self.path)))

    def _exists(self) -> UsageError:
        if not self.forceable:
            return UsageError(
                f"{self.path} already exists; coalition {self.command} never overwrites a file",
                hint="choose another name",
            )
        unknown = f" and was not written by coalition {self.command}" if self.ours is not None else ""
        where = f" with {self.option}" if self.option else ""
        return UsageError(
            f"{self.path} already exists{unknown}",
            hint=f"choose another name{where}, or replace it with --force",
        )


def starts_with(path: Path, pattern: re.Pattern[str], lines: int = 5) -> bool:
    """True when `pattern` matches in the first `lines` lines of the file: how a command knows its own."""
    try:
        head = read_regular(path, 4096 * lines).decode("utf-8", errors="replace")
    except OSError:
        return False
    return bool(pattern.search("".join(head.splitlines(keepends=True)[:lines])))
