"""Names in typographic quotes: `coalition: “Lakeview Career Pathways Partnership”`.

Word and Outlook type `“ ”` for `"`, and YAML keeps curly quotes as part of the text, where it reads
straight ones as quotes: the plan's title then shows them, and the profile's name no longer matches
the assessment's (review s12 #5). Only names are looked at (the coalition, the term, who took part,
who leads an action), never what people wrote about them: evidence, notes and actions may quote
anyone. No Pydantic: validate's fast path runs this check as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from coalition_cli.core import codes, lookalikes
from coalition_cli.core.checks.base import Check, Kind, Subject
from coalition_cli.core.problems import Finding, Path_
from coalition_cli.core.wording import clipped, printable

_PROFILE_NAMES = (
    ("name",),
    ("members", "*", "organization"),
    ("members", "*", "representatives", "*", "name"),
)
"""The names in a coalition profile, `*` for each item of a list."""

_ASSESSMENT_NAMES = (
    ("coalition",),
    ("term",),
    ("region",),
    ("cohort",),
    ("facilitator",),
    ("participants", "*", "name"),
    ("participants", "*", "organization"),
    ("participants", "*", "role"),
    ("ratings", "*", "actions", "*", "owner"),
    *(("profile", *names) for names in _PROFILE_NAMES),
)
"""The names in an assessment, its profile written out in it among them; `*` for each item of a list
or each indicator."""


def _values(data: Any, pattern: tuple[str, ...], path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    if not pattern:
        yield path, data
        return
    step, rest = pattern[0], pattern[1:]
    if step != "*":
        if isinstance(data, dict) and step in data:
            yield from _values(data[step], rest, (*path, step))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _values(item, rest, (*path, index))
    elif isinstance(data, dict):
        for key, item in data.items():
            if isinstance(key, str):
                yield from _values(item, rest, (*path, key))


def _quoted(patterns: tuple[tuple[str, ...], ...]) -> Callable[[Subject], Iterator[Finding]]:
    def run(subject: Subject) -> Iterator[Finding]:
        for pattern in patterns:
            for path, value in _values(subject.data, pattern):
                kind = lookalikes.enclosing(value) if isinstance(value, str) else None
                if kind is not None:
                    yield Finding(
                        path,
                        codes.TYPOGRAPHIC_QUOTES,
                        f"{path[-1]}: {printable(clipped(value, 60))} is in typographic (curly) quotes, "
                        f"which are kept as part of it: {kind.instead}",
                    )

    return run


CHECKS = (
    Check("typography.names", Kind.ASSESSMENT, (codes.TYPOGRAPHIC_QUOTES,), _quoted(_ASSESSMENT_NAMES)),
    Check("typography.names", Kind.PROFILE, (codes.TYPOGRAPHIC_QUOTES,), _quoted(_PROFILE_NAMES)),
)
