"""Problems found in a file: one type shared by every check, located at a 1-based line and column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, NamedTuple

from coalition_cli.core.codes import Code, Policy, Severity

__all__ = [
    "LOCATED_AT_MOST",
    "MAX_PROBLEMS_PER_FILE",
    "DocumentOrder",
    "Finding",
    "Located",
    "Path_",
    "Placed",
    "Problem",
    "Severity",
    "in_document_order",
]

Path_ = tuple[str | int, ...]
"""Where in the document a finding points: keys and list indexes from the top, e.g. ("ratings", "C1.1")."""


class Finding(NamedTuple):
    """A problem not yet located in the text: checks speak in document paths, not positions.

    Locating walks the parser's node tree (kept from the one parse: its nodes know their positions),
    so it is done only for files that have findings. `at` says whether to point at the key of the last path element or at
    its value. A finding has no severity: the run's `Policy` gives one to its code when it is located.

    NamedTuples, this and `Problem`: immutable records that sort by their fields, cheap to create
    as classes (validate's fast path imports this module) and to pickle (workers send problems back).
    """

    path: Path_
    code: Code
    message: str
    at: Literal["key", "value"] = "value"


class Placed(NamedTuple):
    """A finding the text places, at a 1-based line and column, rather than a path: a spot inside a
    line that no key or value starts at (the `#` of a comment that cut a text short). It gets its
    severity, as a `Finding` does, when it is located."""

    line: int
    column: int
    code: Code
    message: str


class Problem(NamedTuple):
    """A located problem, as reported to users: `file:line:col: severity message [code]`."""

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    @classmethod
    def of(cls, file: str, line: int, column: int, code: Code, message: str, policy: Policy) -> Problem:
        """A problem with the severity the policy gives its code."""
        return cls(file, line, column, policy.severity(code), code.name, message)

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


class Located(NamedTuple):
    """A file's problems once located: those listed, those its comments suppressed, and how many the
    cap of MAX_PROBLEMS_PER_FILE left unlisted (the `too-many-problems` line counts them; the
    summary of a run counts every problem, listed or not)."""

    problems: tuple[Problem, ...] = ()
    suppressed: tuple[Problem, ...] = ()
    unlisted_errors: int = 0
    unlisted_warnings: int = 0


LOCATED_AT_MOST = 2 * MAX_PROBLEMS_PER_FILE
"""Findings located and worded in full (with a did-you-mean): those first in the file. Locating
needs a walk of the node tree for each; a hostile file can have 100,000 findings, and the rest
are only counted."""


def in_document_order(
    data: Any, findings: Sequence[Finding], keep: int = LOCATED_AT_MOST
) -> tuple[list[Finding], list[Finding]]:
    """The first `keep` findings in the order their paths come in the document, and the rest.

    The order comes from the data alone (a mapping keeps the file's order, a list its own), so the
    findings to show are chosen before any is located.
    """
    if len(findings) <= keep:
        return list(findings), []
    order = DocumentOrder(data)
    ranked = sorted(findings, key=lambda finding: order(finding.path))
    return ranked[:keep], ranked[keep:]


class DocumentOrder:
    """Where a path comes in the document, as a sortable tuple, from the data alone: each mapping's
    keys are ranked once, so ordering any number of paths costs about one pass over the data."""

    def __init__(self, data: Any) -> None:
        self._data = data
        self._ranks: dict[int, dict[Any, int]] = {}

    def __call__(self, path: Sequence[str | int]) -> tuple[int, ...]:
        node = self._data
        rank: list[int] = []
        for element in path:
            if isinstance(node, dict):
                ranks = self._ranks.get(id(node))
                if ranks is None:
                    ranks = self._ranks[id(node)] = {key: index for index, key in enumerate(node)}
                key = element if element in ranks else str(element)
                if key not in ranks:
                    continue  # a Pydantic union tag, or a missing key (its parent's place)
                rank.append(ranks[key])
                node = node[key]
            elif isinstance(node, list) and isinstance(element, int) and 0 <= element < len(node):
                rank.append(element)
                node = node[element]
        return tuple(rank)
