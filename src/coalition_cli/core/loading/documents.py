"""The stages every YAML document goes through: parse, model, checks, locate; each returns a value.

Frameworks, the Guide, assessments and coalition profiles all use them, so a problem in any of them
is reported the same way, at `file:line:col`, with a stable code:

    parsed = parse(path, label)                  # read and parse: plain data, or text problems
    modelled = apply_model(parsed, Model)        # the model, and why the document does not fit it
    findings = run_checks(kind, Subject(...))    # the registered checks (core/checks/registry.py)
    located = locate(parsed, findings, policy)   # lines, columns, severities, suppressions; 100 listed

`check_document` is that chain for the documents with nothing more to resolve (a rubric, the Guide,
a coalition.yaml); core/loading/assessments.py adds the framework and profile stages of assessments.
A valid file is parsed once; only a file with findings is parsed again, for positions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from coalition_cli.core import codes
from coalition_cli.core.checks.base import Kind, Subject
from coalition_cli.core.checks.registry import run_checks
from coalition_cli.core.checks.structure import document_finding, findings_from
from coalition_cli.core.codes import DEFAULT_POLICY, Code, Policy, Severity
from coalition_cli.core.loading.outcome import FileOutcome
from coalition_cli.core.problems import MAX_PROBLEMS_PER_FILE, Finding, Located, Problem, in_document_order
from coalition_cli.core.suppressions import apply_suppressions, has_suppressions
from coalition_cli.core.yaml import source as yamlsource

if TYPE_CHECKING:
    from coalition_cli.core.model.guide import Guide

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Parsed:
    """Stage 1, parse: the file's text and plain data, or what stopped reading it."""

    label: str
    text: str | None = None
    """None when the bytes are not text (or cannot be read)."""
    data: Any = None
    parsed: bool = False
    """The YAML parser read the text; `data` is then the document (None for an empty file)."""
    text_problems: tuple[yamlsource.TextProblem, ...] = ()
    """What stopped reading the text, or duplicate keys (the first value kept: the rest is checked)."""
    unreadable: str | None = None


def parse(path: Path, label: str, text: str | bytes | None = None) -> Parsed:
    """Read the file (or take `text` as its content: bytes, as read from standard input, are checked
    as a file's are) and parse it with the C loader."""
    if not isinstance(text, str):
        try:
            text = yamlsource.read_text(path) if text is None else yamlsource.decode_bytes(text)
        except OSError as error:
            return Parsed(label, unreadable=error.strerror or str(error))
        except yamlsource.TextProblem as problem:
            return Parsed(label, text_problems=(problem,))
    try:
        data, duplicates = yamlsource.parse_document(text)
    except yamlsource.TextProblem as problem:
        return Parsed(label, text, text_problems=(problem,))
    return Parsed(label, text, data, parsed=True, text_problems=duplicates)


@dataclass(frozen=True)
class Modelled(Generic[M]):
    """Stage 2, model: the document read by its model, and why it does not fit, where it does not."""

    model: M | None
    findings: tuple[Finding, ...] = ()
    data: dict[str, Any] | None = None
    """The mapping the checks read, key by key; None when the document is no such mapping."""


def apply_model(parsed: Parsed, model: type[M]) -> Modelled[M]:
    if not parsed.parsed:
        return Modelled(None)
    refused = document_finding(parsed.data)
    if refused is not None:
        return Modelled(None, (refused,))
    try:
        return Modelled(model.model_validate(parsed.data), data=parsed.data)
    except ValidationError as error:
        return Modelled(None, tuple(findings_from(error, model, parsed.data)), parsed.data)


def locate(parsed: Parsed, findings: list[Finding], policy: Policy = DEFAULT_POLICY) -> Located:
    """Stage 5, locate: every finding and text problem at its line and column, with its severity; the
    codes the policy turns off left out, those a comment on their line suppresses set apart
    (core/suppressions.py), then at most MAX_PROBLEMS_PER_FILE listed.

    A hostile file can have 100,000 findings: unless comments may suppress some (then each needs its
    line), only the first LOCATED_AT_MOST in the document are located, and the rest counted."""
    reported = [finding for finding in findings if policy.reports(finding.code)]
    text = parsed.text or ""
    if has_suppressions(text):
        shown, rest = reported, list[Finding]()
    else:
        shown, rest = in_document_order(parsed.data, reported)
    located = _located(parsed.label, text, shown, policy) if shown else []
    text_problems = [
        Problem.of(parsed.label, line, problem.column, problem.code, problem.message, policy)
        for problem in parsed.text_problems
        for line in (problem.lines if isinstance(problem, yamlsource.ConflictMarkers) else [problem.line])
    ]
    problems = sorted({*located, *text_problems}) if text_problems else located
    kept, suppressed = apply_suppressions(parsed.label, text, problems, policy)
    return _capped(parsed.label, kept, tuple(suppressed), [finding.code for finding in rest], policy)


def _located(label: str, text: str, findings: list[Finding], policy: Policy) -> list[Problem]:
    if any(finding.code is codes.TOO_DEEP for finding in findings):
        # no need to walk pathological nesting again: point at the top-level key
        line = _top_level_line(text, findings[0].path[0] if findings[0].path else None)
        return [Problem.of(label, line, 1, f.code, f.message, policy) for f in findings]
    try:
        locator = yamlsource.Locator(yamlsource.parse_nodes(text))
    except yamlsource.TextProblem as problem:  # parsed once already; kept for safety
        return [Problem.of(label, problem.line, problem.column, problem.code, problem.message, policy)]
    return sorted(
        {
            Problem.of(label, position.line, position.column, f.code, f.message, policy)
            for f in findings
            for position in [locator.position(f)]
        }
    )


def _capped(
    label: str,
    problems: list[Problem],
    suppressed: tuple[Problem, ...],
    unlocated: list[Code],
    policy: Policy,
) -> Located:
    """At most MAX_PROBLEMS_PER_FILE problems, then one that counts the rest (`unlocated` too: the
    codes of findings never located); it is an error when one of the rest is, so that cutting the
    list never changes the exit status (and the run's summary counts the rest by severity)."""
    if len(problems) <= MAX_PROBLEMS_PER_FILE and not unlocated:
        return Located(tuple(problems), suppressed)
    shown, rest = problems[:MAX_PROBLEMS_PER_FILE], problems[MAX_PROBLEMS_PER_FILE:]
    errors = sum(p.is_error for p in rest) + sum(
        policy.severity(code) is Severity.ERROR for code in unlocated
    )
    unlisted = len(rest) + len(unlocated)
    severity = Severity.ERROR if errors else policy.severity(codes.TOO_MANY_PROBLEMS)
    message = f"{unlisted} more problems not shown"
    cut = Problem(label, shown[-1].line if shown else 1, 1, severity, codes.TOO_MANY_PROBLEMS.name, message)
    return Located((*shown, cut), suppressed, errors, unlisted - errors)


def _top_level_line(text: str, key: object) -> int:
    if isinstance(key, str):
        for number, line in enumerate(text.splitlines(), start=1):
            if line.startswith((f"{key}:", f'"{key}":', f"'{key}':")):
                return number
    return 1


def document_outcome(
    parsed: Parsed, model: type[M], kind: Kind, *, guide: Guide | None = None, policy: Policy = DEFAULT_POLICY
) -> FileOutcome[M]:
    """Stages 2 to 5 for a document read on its own: the model, the checks of its kind, locate."""
    if parsed.unreadable is not None:
        return FileOutcome(parsed.label, unreadable=parsed.unreadable)
    modelled = apply_model(parsed, model)
    findings = list(modelled.findings)
    if modelled.data is not None:
        findings += run_checks(kind, Subject(modelled.data, guide=guide))
    return FileOutcome.of(parsed.label, locate(parsed, findings, policy), modelled.model)


def check_document(
    path: Path,
    model: type[M],
    kind: Kind,
    *,
    label: str | None = None,
    text: str | None = None,
    guide: Guide | None = None,
    policy: Policy = DEFAULT_POLICY,
) -> FileOutcome[M]:
    """Check one file of a kind that needs nothing else read (`text`: its content, when already read)."""
    name = label if label is not None else str(path)
    return document_outcome(parse(path, name, text), model, kind, guide=guide, policy=policy)
