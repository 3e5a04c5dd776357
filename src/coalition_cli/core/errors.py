"""One error hierarchy for the whole tool; the CLI maps each kind to an exit code in one place.

Exit codes follow the convention users know from ruff and SQLFluff: 0 nothing wrong, 1 problems
found in the files, 2 usage, configuration or I/O errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coalition_cli.core.problems import Problem

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class CoalitionError(Exception):
    """Base of every error the tool reports to users instead of a traceback."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(CoalitionError):
    """The command line asks for something impossible (a bad option value, an existing output file)."""


class ReadError(CoalitionError):
    """A file or directory cannot be read: missing, a directory where a file was expected, no permission."""


class WriteError(CoalitionError):
    """A file cannot be written: no permission, a missing folder, a full disk."""


class FrameworkError(CoalitionError):
    """A framework cannot be found or is not a valid rubric."""

    def __init__(
        self,
        message: str,
        *,
        problems: list[Problem] | None = None,
        hint: str | None = None,
        unlisted: tuple[int, int] = (0, 0),
        file: str | None = None,
    ):
        super().__init__(message, hint=hint)
        self.problems = problems or []
        self.unlisted = unlisted
        """Errors and warnings past the problems listed (counted by the last one, not listed)."""
        self.file = file
        """The rubric file with the problems, named as they name it (a path from the working folder)."""


class SettingsError(CoalitionError):
    """The repository's settings file has problems (located in it); nothing is checked until it is fixed."""

    def __init__(self, message: str, *, problems: list[Problem], hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.problems = problems


class OutputError(CoalitionError):
    """Standard output cannot be written: closed (`>&-`), or the disk behind it is full."""


class InvalidFileError(CoalitionError):
    """A file has problems; commands that need a valid file stop and show them (exit 1)."""

    exit_code = EXIT_PROBLEMS

    def __init__(self, message: str, *, problems: list[Problem], hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.problems = problems


class ConflictError(CoalitionError):
    """Someone else changed the file on disk in a way that overlaps our edit; nothing was written."""

    exit_code = EXIT_PROBLEMS
