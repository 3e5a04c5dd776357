"""The one pipeline every YAML document goes through: read, parse fast, check, and locate problems.

Frameworks, the Guide, assessments and coalition profiles all use it, so a problem in any of them is
reported the same way, at `file:line:col`, with a stable code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from coalition_cli.core.checks.structure import findings_from
from coalition_cli.core.problems import MAX_PROBLEMS_PER_FILE, Finding, Problem, Severity
from coalition_cli.core.yaml import source as yamlsource

M = TypeVar("M", bound=BaseModel)

ExtraChecks = Callable[[Any, Any], list[Finding]]
"""Checks beyond the model's own: given the validated model (or None) and the raw data."""


@dataclass
class Checked(Generic[M]):
    """The outcome of checking one document: the model when it is usable, and every problem found."""

    label: str
    text: str | None
    data: Any = None
    model: M | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self.problems)


def check_file(
    path: Path,
    model: type[M],
    *,
    label: str | None = None,
    extra: ExtraChecks | None = None,
    text: str | None = None,
) -> Checked[M]:
    """Check one file. Raises OSError when it cannot be read; every other problem is in the result."""
    name = label if label is not None else str(path)
    if text is None:
        try:
            text = yamlsource.read_text(path)
        except yamlsource.TextProblem as problem:
            lines = problem.lines if isinstance(problem, yamlsource.ConflictMarkers) else [problem.line]
            problems = [
                Problem(name, line, problem.column, Severity.ERROR, problem.code, problem.message)
                for line in lines
            ]
            return Checked(name, None, problems=problems)
    return check_text(text, model, label=name, extra=extra)


def check_text(text: str, model: type[M], *, label: str, extra: ExtraChecks | None = None) -> Checked[M]:
    try:
        data, duplicates = yamlsource.parse_document(text)
    except yamlsource.TextProblem as problem:
        return Checked(label, text, problems=[_at(label, problem)])
    result: Checked[M] = Checked(label, text, data=data)
    findings = _findings(data, model, result, extra)
    if findings:
        result.problems = _located(label, text, findings)
    if duplicates:
        result.problems = sorted([*result.problems, *(_at(label, problem) for problem in duplicates)])
    return result


def _findings(data: Any, model: type[M], result: Checked[M], extra: ExtraChecks | None) -> list[Finding]:
    if data is None:
        return [Finding((), "empty-file", "the file is empty: it needs at least the required keys")]
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        return [
            Finding((), "not-a-mapping", f"the file holds {kind}; it must be a mapping of 'key: value' lines")
        ]
    shared = yamlsource.shared_or_too_deep(data)
    if shared is not None:
        return [shared]
    findings: list[Finding] = []
    try:
        result.model = model.model_validate(data)
    except ValidationError as error:
        findings.extend(findings_from(error, model))
    if extra is not None:
        findings.extend(extra(result.model, data))
    return findings


def _located(label: str, text: str, findings: list[Finding]) -> list[Problem]:
    if any(f.code == "too-deep" for f in findings):
        # no need to walk pathological nesting again: point at the top-level key
        line = _top_level_line(text, findings[0].path[0] if findings[0].path else None)
        return [Problem(label, line, 1, f.severity, f.code, f.message) for f in findings]
    try:
        document = yamlsource.parse_nodes(text)
    except yamlsource.TextProblem as problem:  # parsed once already; kept for safety
        return [_at(label, problem)]
    problems = sorted(
        {
            Problem(label, position.line, position.column, f.severity, f.code, f.message)
            for f in findings
            for position in [yamlsource.locate(document, f)]
        }
    )
    if len(problems) > MAX_PROBLEMS_PER_FILE:
        rest = len(problems) - MAX_PROBLEMS_PER_FILE
        problems = problems[:MAX_PROBLEMS_PER_FILE]
        problems.append(
            Problem(
                label,
                problems[-1].line,
                1,
                Severity.ERROR,
                "too-many-problems",
                f"{rest} more problems not shown",
            )
        )
    return problems


def _top_level_line(text: str, key: object) -> int:
    if isinstance(key, str):
        for number, line in enumerate(text.splitlines(), start=1):
            if line.startswith((f"{key}:", f'"{key}":', f"'{key}':")):
                return number
    return 1


def _at(label: str, problem: yamlsource.TextProblem) -> Problem:
    return Problem(label, problem.line, problem.column, Severity.ERROR, problem.code, problem.message)
