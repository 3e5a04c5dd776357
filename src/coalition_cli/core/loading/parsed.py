"""The two stages of reading a document that need no model: parse (stage 1) and locate (stage 5).

    parsed = parse(path, label)                  # read and parse: plain data, or text problems
    located = locate(parsed, findings, policy)   # lines, columns, severities, suppressions; 100 listed

Every kind of document goes through both, whatever it is checked against in between: the models
(core/loading/documents.py) or, in validate's fast path, the shipped index of a bundled rubric
(core/loading/indexed.py). No Pydantic here, so that the fast path can import this module. A file
is parsed once: the parser's node tree, whose nodes know their lines and columns, is kept for locate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from coalition_cli.core import codes
from coalition_cli.core.codes import DEFAULT_POLICY, Code, Policy, Severity
from coalition_cli.core.files.resources import bundled_framework_ids, looks_like_path
from coalition_cli.core.problems import (
    MAX_PROBLEMS_PER_FILE,
    Finding,
    Located,
    Placed,
    Problem,
    in_document_order,
)
from coalition_cli.core.suppressions import apply_suppressions, has_suppressions
from coalition_cli.core.yaml import source as yamlsource


class Parsed(NamedTuple):
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
    nodes: Any = None
    """The parser's node tree `data` was built from (lines and columns), where the C loader read it."""


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
        document = yamlsource.parse_document(text)
    except yamlsource.TextProblem as problem:
        return Parsed(label, text, text_problems=(problem,))
    return Parsed(
        label, text, document.data, parsed=True, text_problems=document.duplicates, nodes=document.nodes
    )


def locate(
    parsed: Parsed,
    findings: list[Finding],
    policy: Policy = DEFAULT_POLICY,
    not_checked: frozenset[Code] = frozenset(),
    placed: Sequence[Placed] = (),
) -> Located:
    """Stage 5, locate: every finding and text problem at its line and column, with its severity; the
    codes the policy turns off left out, those a comment on their line suppresses set apart
    (core/suppressions.py), then at most MAX_PROBLEMS_PER_FILE listed. `not_checked`: the codes whose
    checks did not run on the document (a comment naming one is not called unused). `placed`: findings
    already at a line and column (core/checks/comments.py).

    A hostile file can have 100,000 findings: unless comments may suppress some (then each needs its
    line), only the first LOCATED_AT_MOST in the document are located, and the rest counted."""
    reported = [finding for finding in findings if policy.reports(finding.code)]
    text = parsed.text or ""
    if has_suppressions(text):
        shown, rest = reported, list[Finding]()
    else:
        shown, rest = in_document_order(parsed.data, reported)
    located = _located(parsed, shown, policy) if shown else []
    text_problems = [
        Problem.of(parsed.label, line, problem.column, problem.code, message, policy)
        for problem in parsed.text_problems
        for line, message in (
            problem.places
            if isinstance(problem, yamlsource.ConflictMarkers)
            else [(problem.line, problem.message)]
        )
    ]
    text_problems += [
        Problem.of(parsed.label, spot.line, spot.column, spot.code, spot.message, policy)
        for spot in placed
        if policy.reports(spot.code)
    ]
    problems = sorted({*located, *text_problems}) if text_problems else located
    kept, suppressed = apply_suppressions(parsed.label, text, problems, policy, not_checked)
    return _capped(parsed.label, kept, tuple(suppressed), [finding.code for finding in rest], policy)


def _located(parsed: Parsed, findings: list[Finding], policy: Policy) -> list[Problem]:
    label, text = parsed.label, parsed.text or ""
    if any(finding.code is codes.TOO_DEEP for finding in findings):
        # no need to walk pathological nesting again: point at the top-level key
        line = _top_level_line(text, findings[0].path[0] if findings[0].path else None)
        return [Problem.of(label, line, 1, f.code, f.message, policy) for f in findings]
    try:
        nodes = parsed.nodes if parsed.nodes is not None else yamlsource.parse_nodes(text)
    except yamlsource.TextProblem as problem:  # parsed once already; kept for safety
        return [Problem.of(label, problem.line, problem.column, problem.code, problem.message, policy)]
    locator = yamlsource.Locator(nodes)
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


@cache
def _assessment_hint() -> re.Pattern[str]:
    """How an unparseable file shows it was meant as an assessment (its structure cannot say)."""
    return re.compile(
        r"^(ratings|assessed_on)\s*:|^framework\s*:\s*['\"]?([a-z0-9-]*framework\b|\S*\.ya?ml\b)",
        re.MULTILINE,
    )


_RUBRIC_KEYS = frozenset({"stages", "domains"})
"""What every rubric has, and nothing else the tool reads (`framework validate` checks the rest)."""


@cache
def _top_level_key() -> re.Pattern[str]:
    return re.compile(r"^(stages|domains)\s*:", re.MULTILINE)


def looks_like_rubric(data: Any) -> bool:
    """A rubric rather than an assessment: `stages:` and `domains:`, and none of an assessment's own keys."""
    return (
        isinstance(data, dict)
        and set(data) >= _RUBRIC_KEYS
        and not {"framework", "ratings", "assessed_on"} & set(data)
    )


def _rubric_text(text: str) -> bool:
    """An unparseable file that was meant as a rubric: `stages:` and `domains:` at the top level."""
    return {match.group(1) for match in _top_level_key().finditer(text)} == _RUBRIC_KEYS


PROFILE_NAMES = ("coalition.yaml", "coalition.yml")
"""What a coalition profile is called (`init` writes coalition.yaml): one that does not parse is a
broken profile, whatever its text."""


@cache
def _members_key() -> re.Pattern[str]:
    return re.compile(r"^members\s*:", re.MULTILINE)


def _profile_text(text: str) -> bool:
    """An unparseable file that was meant as a coalition profile: `members:` at the top level (a
    coalition.yaml with an unclosed `[`, a tab or `name:Riverside` was skipped as not an assessment,
    and got past the pre-commit hook)."""
    return _members_key().search(text) is not None


def foreign(parsed: Parsed) -> bool:
    """A YAML file that is plainly not an assessment (nor a broken one).

    An assessment has `ratings:` or `assessed_on:`, or a `framework:` that names a rubric (a bundled
    id or a path) or sits beside `coalition:`. So a Helm chart's `values.yaml` with
    `framework: nextjs` is not one, while `framework: comunity-framework` beside `coalition:` is a
    broken one, and reported. A list (an Ansible playbook) is one only if one of its items is. A
    file that does not parse is judged by its text: one meant as an assessment, a rubric (whose
    parsed document is checked as a rubric, see `looks_like_rubric`) or a coalition profile is
    reported, not skipped.
    """
    if isinstance(parsed.data, dict):
        return _foreign_mapping(parsed.data)
    if isinstance(parsed.data, list):  # an Ansible playbook: an assessment only if an item is one
        return all(not isinstance(item, dict) or _foreign_mapping(item) for item in parsed.data)
    if parsed.text is not None:
        # empty, unparseable or one value: by the text
        return not (
            _assessment_hint().search(parsed.text)
            or _rubric_text(parsed.text)
            or _profile_text(parsed.text)
            or Path(parsed.label).name in PROFILE_NAMES
        )
    return False


def _foreign_mapping(data: dict[Any, Any]) -> bool:
    keys = set(data)
    if keys & {"ratings", "assessed_on"}:
        return False
    if "framework" not in keys:
        return True
    return "coalition" not in keys and not _names_a_rubric(data["framework"])


def _names_a_rubric(reference: object) -> bool:
    return isinstance(reference, str) and (looks_like_path(reference) or reference in bundled_framework_ids())
