"""A repository's settings file: every code it names is a real one, and only warnings are relaxed
or selected.

An error means a file cannot be used by the other commands, so a setting that would hide one (or
make it a warning) is refused here, at its line, rather than quietly obeyed. Selecting an error is
refused too: errors are always reported, so the team would believe it chose something that does
nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from coalition_cli.core import codes
from coalition_cli.core.checks.base import Check, Kind, Subject
from coalition_cli.core.codes import CODES, Level, Severity
from coalition_cli.core.problems import Finding, Path_
from coalition_cli.core.suggest import did_you_mean


def code_problem(name: str, *, relaxed: bool = False, selected: bool = False) -> str | None:
    """Why a code cannot be named here (`relaxed`: turned off or made a warning; `selected`: named
    in `select`, which takes warning codes only), or None."""
    code = CODES.get(name)
    if code is None:
        return f"unknown code {name!r}{did_you_mean(name, list(CODES))}; the codes are listed in the README"
    if relaxed and not code.adjustable:
        return (
            f"{name} cannot be turned off or made a warning: it is an error, which makes a file unusable "
            "by the other commands; only warnings can be turned off or relaxed"
        )
    if selected and not code.adjustable:
        why = "it is an error, and errors are" if code.severity is Severity.ERROR else "it is"
        return (
            f"{name} cannot be selected: {why} always reported; select names only the warning codes to report"
        )
    return None


def _codes(subject: Subject) -> Iterator[Finding]:
    named: list[tuple[Path_, str, bool]] = []  # where, which code, whether it is relaxed
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
        message = code_problem(name, relaxed=relaxed, selected=path[0] == "select")
        if message is not None:
            yield Finding(path, codes.WRONG_VALUE, message, at="key" if path[0] == "severity" else "value")


CHECKS = (Check("settings.codes", Kind.SETTINGS, (codes.WRONG_VALUE,), _codes),)
