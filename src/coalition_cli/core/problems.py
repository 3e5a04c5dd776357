"""Problems found in a file: one type shared by every check, located at a 1-based line and column."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


Path_ = tuple[str | int, ...]
"""Where in the document a finding points: keys and list indexes from the top, e.g. ("ratings", "C1.1")."""


@dataclass(frozen=True)
class Finding:
    """A problem not yet located in the text: checks speak in document paths, not positions.

    Locating needs the slower round-trip parse, so it is done only for files that have findings.
    `at` says whether to point at the key of the last path element or at its value.
    """

    path: Path_
    code: str
    message: str
    severity: Severity = Severity.ERROR
    at: Literal["key", "value"] = "value"


@dataclass(frozen=True, order=True)
class Problem:
    """A located problem, as reported to users: `file:line:col: severity message (code)`."""

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_dict(self) -> dict[str, str | int]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


MAX_PROBLEMS_PER_FILE = 100
"""A hostile file (an alias bomb, a list of a million wrong items) must not produce a flood of problems."""
