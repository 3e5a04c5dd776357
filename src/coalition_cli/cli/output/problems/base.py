"""What every output format of `coalition validate` is: a Reporter of a run's problems and counts.

As in check-jsonschema's reporter.py: the checks produce data (a `Run`: `Problem`s and a `Summary`),
and a reporter only prints it. Each format is a module of this package (`text.py`, `json.py`, …)
holding one `Reporter` subclass as `REPORTER`; the package's `__init__` finds them.
"""

from __future__ import annotations

import sys
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple, TextIO

from coalition_cli.core import codes
from coalition_cli.core.problems import Problem


class Summary(NamedTuple):
    """The counts `coalition validate` reports (a NamedTuple: the fast path prints one).

    `errors` and `warnings` count every problem, those past a file's cap of 100 listed too (the
    `too-many-problems` line that stands for them is not counted itself); `suppressed` those a
    `# coalition: ignore[...]` comment turned off; `excluded` the files named on the command line
    that the settings' `exclude` left out (with --skip-other-yaml).
    """

    files: int
    valid: int
    errors: int
    warnings: int
    skipped: int
    suppressed: int = 0
    excluded: int = 0

    @classmethod
    def of(
        cls,
        problems: Sequence[Problem],
        *,
        files: int,
        valid: int,
        skipped: int,
        unlisted: tuple[int, int] = (0, 0),
        suppressed: int = 0,
        excluded: int = 0,
    ) -> Summary:
        counted = [problem for problem in problems if problem.code != codes.TOO_MANY_PROBLEMS.name]
        errors = sum(problem.is_error for problem in counted)
        warnings = len(counted) - errors
        return cls(files, valid, errors + unlisted[0], warnings + unlisted[1], skipped, suppressed, excluded)

    @property
    def nothing_found(self) -> bool:
        """No file at all to check: most likely a mistyped path in a CI job."""
        return not (self.files or self.skipped or self.errors or self.excluded)

    def as_dict(self) -> dict[str, int]:
        """In the order the JSON output gives them (a documented contract)."""
        return dict(self._asdict())


class Run(NamedTuple):
    """What one run of validate found, as the reporters print it."""

    problems: Sequence[Problem]
    summary: Summary
    suppressed: Sequence[Problem] = ()
    """Shown only with `--show-suppressed` (empty otherwise)."""
    statistics: bool = False
    """`--statistics`: a count per code instead of every problem (text and json only)."""
    checked: Sequence[str] = ()
    """The files checked (skipped ones left out), in order: formats that list files (junit) need them."""
    settings: str | None = None
    """The settings file the run read, as named to the user: what excluded the files `summary.excluded` counts."""

    def counts(self) -> list[tuple[str, str, int]]:
        """(code, severity, count) for `--statistics`, most frequent first."""
        counted = Counter((problem.code, problem.severity.value) for problem in self.problems)
        return [(code, severity, count) for (code, severity), count in counted.most_common()]


class Reporter(ABC):
    """Prints what one run of `coalition validate` found; the streams are the process's by default."""

    statistics = False
    """Whether it can print `--statistics` (a count per code)."""

    def __init__(self, stdout: TextIO | None = None, stderr: TextIO | None = None) -> None:
        self.stdout = stdout if stdout is not None else sys.stdout
        self.stderr = stderr if stderr is not None else sys.stderr

    @abstractmethod
    def report(self, run: Run) -> None:
        """Print every problem and the summary; a clean run prints what the format says of one."""
