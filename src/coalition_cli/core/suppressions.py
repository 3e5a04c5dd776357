"""Inline suppression: `# coalition: ignore[not-rated]` on a line turns that code off on that line.

As ruff's `# noqa: CODE`, a suppression names its codes (there is no bare "ignore everything"), it
covers only the line it is written on, and one that suppresses nothing is itself reported
(`unused-suppression`), so stale comments do not pile up. Only codes a team may turn off can be
suppressed (`Code.adjustable`: the warnings); an error always stays.

As ruff's unused-noqa (RUF100) says "non-enabled" of a code the configuration turns off, a comment
naming a code the run does not report is reported too, with what turned the code off (`not-rated is
ignored by pyproject.toml`): it is still `unused-suppression`, a warning (an error under --strict),
since the comment does nothing. A code whose check did not run on the file (its rubric could not be
read) is another matter: its problem may well be on the line, so the comment is not judged.

Comments are found in the text by one regular expression, without parsing: a file with none (nearly
all of them) costs one scan of its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from coalition_cli.core import codes
from coalition_cli.core.codes import CODES, Code, Policy
from coalition_cli.core.problems import Problem


@cache
def _suppression() -> re.Pattern[str]:
    """Starts with a literal `#`, so the scan jumps from one `#` to the next; a comment must also start
    a line or follow a space (`_comment`), as YAML requires."""
    return re.compile(r"(#[ \t]*coalition:[ \t]*ignore\b(?:\[([^\]\n]*)\])?)", re.IGNORECASE)


def _mentions_ignore(text: str) -> bool:
    """Whether the text may hold a suppression: a look for the word before any pattern's search (most
    files have none), in any case (`# Coalition: Ignore[Not-Rated]` is one too)."""
    return "ignore" in text or "ignore" in text.lower()


class Suppression(NamedTuple):
    line: int
    column: int
    """Where the comment's `#` is (1-based)."""
    names: tuple[str, ...]
    """The codes as written, in lower case (codes are); empty for a bare `# coalition: ignore`."""


def has_suppressions(text: str) -> bool:
    """Whether the text holds any `# coalition: ignore` comment (validate's fast path asks)."""
    return _mentions_ignore(text) and any(_comment(text, match) for match in _suppression().finditer(text))


def _comment(text: str, match: re.Match[str]) -> bool:
    start = match.start(1)
    return start == 0 or text[start - 1] in " \t\n\r"


def suppressions(text: str) -> list[Suppression]:
    """Every `# coalition: ignore[...]` comment in the text."""
    if not _mentions_ignore(text):
        return []
    found = []
    for match in _suppression().finditer(text):
        if not _comment(text, match):
            continue
        start = match.start(1)
        line_start = text.rfind("\n", 0, start) + 1
        names = tuple(name.strip().lower() for name in (match.group(2) or "").split(",") if name.strip())
        found.append(Suppression(text.count("\n", 0, start) + 1, start - line_start + 1, names))
    return found


class Applied(NamedTuple):
    kept: list[Problem]
    suppressed: list[Problem]


def apply_suppressions(
    label: str,
    text: str,
    problems: Iterable[Problem],
    policy: Policy,
    not_checked: frozenset[Code] = frozenset(),
) -> Applied:
    """Split the problems into those kept and those a comment on their line suppresses; a comment
    that suppresses nothing (or names a code that cannot be suppressed) adds an `unused-suppression`,
    unless the code is one of `not_checked`: those whose checks did not run on this file."""
    found = suppressions(text)
    if not found:
        return Applied(list(problems), [])
    by_line: dict[int, set[str]] = {}
    for suppression in found:
        by_line.setdefault(suppression.line, set()).update(
            name for name in suppression.names if name in CODES and CODES[name].adjustable
        )
    kept: list[Problem] = []
    suppressed: list[Problem] = []
    used: set[tuple[int, str]] = set()
    for problem in problems:
        if problem.code in by_line.get(problem.line, ()):
            suppressed.append(problem)
            used.add((problem.line, problem.code))
        else:
            kept.append(problem)
    if policy.reports(codes.UNUSED_SUPPRESSION):
        for suppression in found:
            for message in _unused(suppression, used, policy, not_checked):
                kept.append(
                    Problem.of(
                        label, suppression.line, suppression.column, codes.UNUSED_SUPPRESSION, message, policy
                    )
                )
    return Applied(sorted(kept), suppressed)


def _unused(
    suppression: Suppression, used: set[tuple[int, str]], policy: Policy, not_checked: frozenset[Code]
) -> list[str]:
    if not suppression.names:
        return ["name the codes to suppress on this line, like `# coalition: ignore[not-rated]`"]
    messages = []
    for name in suppression.names:
        code = CODES.get(name)
        if code is None:
            from coalition_cli.core.suggest import did_you_mean

            adjustable = [c.name for c in CODES.values() if c.adjustable]
            messages.append(f"unknown code {name!r} in a suppression{did_you_mean(name, adjustable)}")
        elif not code.adjustable:
            messages.append(
                f"{name} cannot be suppressed: it is an error, which makes the file unusable; fix it instead"
            )
        elif (suppression.line, name) in used:
            continue
        elif (turned_off := policy.turned_off(code)) is not None:
            messages.append(f"nothing to suppress: {turned_off}, so this comment need not name it")
        elif code not in not_checked:
            messages.append(f"nothing to suppress: no {name} problem on this line")
    return messages
