"""What every output format of `coalition validate` is: a Reporter of a run's problems and counts.

As in check-jsonschema's reporter.py: the checks produce data (`Problem`s and a `Summary`), and a
reporter only prints it. Each format is a module of this package (`text.py`, `json.py`, …) holding
one `Reporter` subclass as `REPORTER`; the package's `__init__` finds them.
"""

from __future__ import annotations

import sys
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import NamedTuple, TextIO

from coalition_cli.core.problems import Problem


class Summary(NamedTuple):
    """The counts `coalition validate` reports (a NamedTuple: the fast path prints one)."""

    files: int
    valid: int
    errors: int
    warnings: int
    skipped: int

    @classmethod
    def of(cls, problems: Sequence[Problem], *, files: int, valid: int, skipped: int) -> Summary:
        errors = sum(problem.is_error for problem in problems)
        return cls(files, valid, errors, len(problems) - errors, skipped)

    def as_dict(self) -> dict[str, int]:
        """In the order the JSON output gives them (a documented contract)."""
        return {
            "files": self.files,
            "valid": self.valid,
            "errors": self.errors,
            "warnings": self.warnings,
            "skipped": self.skipped,
        }


class Reporter(ABC):
    """Prints what one run of `coalition validate` found; the streams are the process's by default."""

    def __init__(self, stdout: TextIO | None = None, stderr: TextIO | None = None) -> None:
        self.stdout = stdout if stdout is not None else sys.stdout
        self.stderr = stderr if stderr is not None else sys.stderr

    @abstractmethod
    def report(self, problems: Sequence[Problem], summary: Summary) -> None:
        """Print every problem and the summary; a clean run prints what the format says of one."""
