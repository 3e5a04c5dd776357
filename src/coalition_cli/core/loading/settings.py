"""Finding and reading a repository's settings for `coalition validate`, as ruff finds its own.

From the working folder up to the root, the first folder that has either wins: `.coalition.yaml`,
else a `pyproject.toml` with a `[tool.coalition]` table (a pyproject.toml without one is passed
over). `--config PATH` names the file instead; `--isolated` reads none. The model is
`core/model/settings.py`; the checks `core/checks/settings.py`; a problem is located like one in any
other file (a TOML file by the line of its key, `toml_locate`).

`find_settings` costs a few `stat` calls and, where there is a pyproject.toml, reading it: validate's
fast path asks it before anything else, and steps aside when there are settings.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, NamedTuple

from coalition_cli.core.codes import Level, Setting
from coalition_cli.core.files.discovery import NO_EXCLUSION, Exclusion
from coalition_cli.core.files.regular import read_regular
from coalition_cli.core.problems import Finding, Located, Problem
from coalition_cli.core.yaml.source import MAX_BYTES

SETTINGS_FILE = ".coalition.yaml"
PYPROJECT = "pyproject.toml"

_TOOL_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*coalition\s*[\].]", re.MULTILINE)
_TOOL_DOTTED = re.compile(r"^\s*(tool\s*\.\s*)?coalition\s*[.=]", re.MULTILINE)


def find_settings(start: Path | None = None) -> Path | None:
    """The settings file that applies in `start` (the working folder), or None."""
    folder = Path(os.path.abspath(start if start is not None else Path.cwd()))  # noqa: PTH100 (no symlinks resolved)
    for candidate in (folder, *folder.parents):
        own = candidate / SETTINGS_FILE
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        text = read_regular(pyproject, MAX_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return True  # cannot tell: let reading it say why
    return bool(_TOOL_TABLE.search(text) or ("[tool]" in text and _TOOL_DOTTED.search(text)))


class RepoSettings(NamedTuple):
    """The settings that apply, ready for a run (all empty when there are none)."""

    file: Path | None = None
    exclusion: Exclusion = NO_EXCLUSION
    framework: str | None = None
    """The rubric to assume: a bundled id, or a path already made relative to the working folder."""
    levels: tuple[Setting, ...] = ()
    """`ignore` and `severity`, as a Policy takes them (each given by this file)."""
    select: tuple[str, ...] | None = None
    """`select`: only these warning codes are reported (None: every one)."""
    strict: bool = False

    @property
    def label(self) -> str:
        """The file as messages name it (`pyproject.toml`); empty when there are no settings."""
        return settings_label(self.file) if self.file is not None else ""


NO_SETTINGS = RepoSettings()


class SettingsOutcome(NamedTuple):
    """The settings read, or the problems that stop them being used (located in the settings file)."""

    settings: RepoSettings = NO_SETTINGS
    located: Located = Located()
    unreadable: str | None = None

    @property
    def usable(self) -> bool:
        return self.unreadable is None and not any(problem.is_error for problem in self.located.problems)


def read_settings(path: Path) -> SettingsOutcome:
    """Read and check a settings file: a pyproject.toml (its `[tool.coalition]` table), or YAML."""
    from coalition_cli.core.checks.base import Kind, Subject
    from coalition_cli.core.checks.registry import run_checks
    from coalition_cli.core.loading.documents import apply_model
    from coalition_cli.core.loading.frameworks import load_guide
    from coalition_cli.core.loading.parsed import locate, parse
    from coalition_cli.core.model.settings import Settings

    label = settings_label(path)
    if path.suffix == ".toml":
        try:
            text = read_regular(path, MAX_BYTES).decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            return SettingsOutcome(unreadable=getattr(error, "strerror", None) or str(error))
        table, problem = _tool_table(label, text, path.name == PYPROJECT)
        if problem is not None:
            return SettingsOutcome(located=Located((problem,)))
        from coalition_cli.core.loading.parsed import Parsed

        parsed = Parsed(label, text, table, parsed=True)
    else:
        parsed = parse(path, label)
        if parsed.unreadable is not None:
            return SettingsOutcome(unreadable=parsed.unreadable)
    modelled = apply_model(parsed, Settings)
    findings = list(modelled.findings)
    if modelled.data is not None:
        findings += run_checks(Kind.SETTINGS, Subject(modelled.data, guide=load_guide()))
    base = path.parent
    framework_findings, framework = _framework(modelled.model, base)
    findings += framework_findings
    if path.suffix == ".toml":
        located = Located(tuple(toml_locate(label, text, findings)))
    else:
        located = locate(parsed, findings)
    settings = modelled.model
    if settings is None or any(problem.is_error for problem in located.problems):
        return SettingsOutcome(located=located)
    levels = [Setting(name, Level.IGNORE, label) for name in settings.ignore] + [
        Setting(name, level, label) for name, level in settings.severity.items()
    ]
    select = tuple(settings.select) if settings.select is not None else None
    exclusion = Exclusion(base, tuple(settings.exclude))
    return SettingsOutcome(
        RepoSettings(path, exclusion, framework, tuple(levels), select, settings.strict), located
    )


def settings_label(path: Path) -> str:
    """The settings file as problems name it: relative to the working folder when it is below it."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def _framework(settings: Any, base: Path) -> tuple[list[Finding], str | None]:
    """The settings' rubric, as the working folder would name it, once it is known to load."""
    if settings is None or settings.framework is None:
        return [], None
    from coalition_cli.core.loading.assessments import find_framework
    from coalition_cli.core.loading.frameworks import looks_like_path

    rubric = find_framework({"framework": settings.framework}, None, base)
    if rubric.framework is None:
        return list(rubric.findings), None
    reference: str = settings.framework
    if looks_like_path(reference) and not Path(reference).expanduser().is_absolute():
        reference = os.path.relpath(base / reference)
    return [], reference


def _tool_table(label: str, text: str, pyproject: bool) -> tuple[Any, Problem | None]:
    """The `[tool.coalition]` table of a pyproject.toml (or the whole of another TOML file)."""
    import sys
    from importlib import import_module

    tomllib: Any = import_module("tomllib" if sys.version_info >= (3, 11) else "tomli")  # tomli: Python 3.10

    from coalition_cli.core import codes
    from coalition_cli.core.codes import DEFAULT_POLICY

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, column = _toml_error_position(str(error), text)
        message = f"not valid TOML: {error}"
        return None, Problem.of(label, line, column, codes.SYNTAX, message, DEFAULT_POLICY)
    if pyproject:
        data = data.get("tool", {}).get("coalition", {})
    return data, None


def _toml_error_position(message: str, text: str) -> tuple[int, int]:
    match = re.search(r"line (\d+), column (\d+)", message)
    if match:
        return int(match.group(1)), int(match.group(2))
    if "end of document" in message:
        return text.count("\n") + 1, 1
    return 1, 1


def toml_locate(label: str, text: str, findings: list[Finding]) -> list[Problem]:
    """Each finding at the line of its key in `[tool.coalition]` (or its sub-table `[tool.coalition.K]`).

    TOML readers keep no positions, so the key is looked for in the text: in its own sub-table, else
    on the line of its parent key (an inline table or array), else at the table's header.
    """
    from coalition_cli.core.codes import DEFAULT_POLICY

    lines = text.splitlines()
    tables = _tables(lines)
    problems = []
    for finding in findings:
        line, column = _toml_position(lines, tables, finding.path)
        problems.append(Problem.of(label, line, column, finding.code, finding.message, DEFAULT_POLICY))
    return sorted(set(problems))


_HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")


def _tables(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Each table's name (`tool.coalition`, `tool.coalition.severity`) to its first and last line index."""
    found: dict[str, tuple[int, int]] = {}
    current, start = "", 0
    for index, line in enumerate(lines):
        match = _HEADER.match(line)
        if match and not line.lstrip().startswith("[["):
            found.setdefault(current, (start, index - 1))
            current, start = re.sub(r"\s*\.\s*", ".", match.group(1)).replace('"', ""), index
    found.setdefault(current, (start, len(lines) - 1))
    return found


def _toml_position(
    lines: list[str], tables: dict[str, tuple[int, int]], path: tuple[str | int, ...]
) -> tuple[int, int]:
    table = tables.get("tool.coalition") or tables.get("", (0, len(lines) - 1))
    if path and isinstance(path[0], str) and f"tool.coalition.{path[0]}" in tables:
        start, end = tables[f"tool.coalition.{path[0]}"]
        found = _key_line(lines, start + 1, end, path[1]) if len(path) > 1 else None
        return found or (start + 1, 1)
    start, end = table
    if not path:
        return start + 1, 1
    found = _key_line(
        lines, start + (1 if start or _HEADER.match(lines[0] if lines else "") else 0), end, path[0]
    )
    if found is None:
        return start + 1, 1
    if len(path) > 1:
        inner = _element(lines, found[0] - 1, end, path[1])
        if inner is not None:
            return inner
    return found


def _key_line(lines: list[str], start: int, end: int, key: str | int) -> tuple[int, int] | None:
    pattern = re.compile(rf"""^(\s*)(["']?){re.escape(str(key))}\2\s*=""")
    for index in range(start, min(end, len(lines) - 1) + 1):
        match = pattern.match(lines[index])
        if match:
            return index + 1, len(match.group(1)) + 1
    return None


def _element(lines: list[str], start: int, end: int, element: str | int) -> tuple[int, int] | None:
    """The position of a key or the n-th string inside the value that starts on line `start` (an
    array, or an inline table whose keys may be bare: `{ not-rated = "error" }`)."""
    strings = re.compile(r"""("[^"\n]*"|'[^'\n]*')""")
    if isinstance(element, str):
        bare = re.compile(rf"(?<![\w-]){re.escape(element)}\s*=")
        for index in range(start, min(end, len(lines) - 1) + 1):
            line = lines[index]
            offset = line.index("=") + 1 if index == start and "=" in line else 0
            match = bare.search(line, offset)
            if match:
                return index + 1, match.start() + 1
    seen = 0
    for index in range(start, min(end, len(lines) - 1) + 1):
        line = lines[index]
        offset = line.index("=") + 1 if index == start and "=" in line else 0
        for match in strings.finditer(line, offset):
            value = match.group(1)[1:-1]
            if (isinstance(element, int) and seen == element) or value == element:
                return index + 1, match.start() + 1
            seen += 1
        if index > start and _HEADER.match(line):
            break
    return None
