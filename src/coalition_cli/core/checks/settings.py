"""A repository's settings file: every code it names is a real one, and only warnings are relaxed.

An error means a file cannot be used by the other commands, so a setting that would hide one (or
make it a warning) is refused here, at its line, rather than quietly obeyed.
"""

from __future__ import annotations

from collections.abc import Iterator

from coalition_cli.core import codes
from coalition_cli.core.checks.base import Check, Kind, Subject
from coalition_cli.core.codes import CODES, Level
from coalition_cli.core.problems import Finding, Path_
from coalition_cli.core.suggest import did_you_mean


def code_problem(name: str, *, relaxed: bool) -> str | None:
    """Why a code cannot be named here (`relaxed`: turned off or made a warning), or None."""
    code = CODES.get(name)
    if code is None:
        return f"unknown code {name!r}{did_you_mean(name, list(CODES))}; the codes are listed in the README"
    if relaxed and not code.adjustable:
        return (
            f"{name} cannot be turned off or made a warning: it is an error, which makes a file unusable "
            "by the other commands; only warnings can be turned off or relaxed"
        )
    return None


def _codes(subject: Subject) -> Iterator[Finding]:
    named: list[tuple[Path_, str, bool]] = []
    severity = subject.data.get("severity")
    for key, relaxed in (("ignore", True), ("select", False)):
        names = subject.data.get(key)
        if isinstance(names, str):  # one code, written without a list
            named.append(((key,), names, relaxed))
        elif isinstance(names, list):
            named += [
                ((key, index), name, relaxed) for index, name in enumerate(names) if isinstance(name, str)
            ]
    if isinstance(severity, dict):
        for name, level in severity.items():
            relaxed = level in (Level.WARNING.value, Level.IGNORE.value)
            named.append((("severity", name), str(name), relaxed))
    for path, name, relaxed in named:
        message = code_problem(name, relaxed=relaxed)
        if message is not None:
            yield Finding(path, codes.WRONG_VALUE, message, at="key" if path[0] == "severity" else "value")


CHECKS = (Check("settings.codes", Kind.SETTINGS, (codes.WRONG_VALUE,), _codes),)
