"""Problems as people and machines read them: text (coloured on a terminal), JSON, GitHub annotations."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from enum import Enum
from typing import IO, TYPE_CHECKING

from coalition_cli.cli.console import use_color
from coalition_cli.core.problems import Problem
from coalition_cli.core.wording import plural

if TYPE_CHECKING:
    from rich.console import Console


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


_RESET = "\x1b[0m"
_STYLE = {
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "error": "\x1b[31m",
    "warning": "\x1b[33m",
    "good": "\x1b[32m",
}


def _paint(text: str, style: str, *, color: bool) -> str:
    return f"{_STYLE[style]}{text}{_RESET}" if color else text


def format_problem(problem: Problem, *, color: bool = False) -> str:
    """`file:line:col: severity message [code]`, the shape editors and CI logs link to.

    Plain ANSI rather than Rich: validating files in CI must not pay Rich's import time.
    """
    where = f"{problem.file}:{problem.line}:{problem.column}:"
    level = problem.severity.value
    return (
        f"{_paint(where, 'bold', color=color)} {_paint(level, level, color=color)} {problem.message} "
        f"{_paint(f'[{problem.code}]', 'dim', color=color)}"
    )


def write_problems(problems: Sequence[Problem], stream: IO[str], *, color: bool) -> None:
    for problem in problems:
        stream.write(format_problem(problem, color=color) + "\n")


def print_problems(problems: Sequence[Problem], console: Console) -> None:
    """The same lines through a Rich console (for commands that already use one)."""
    write_problems(problems, console.file, color=console.is_terminal and not console.no_color)


def as_json(problems: Sequence[Problem], summary: dict[str, int]) -> str:
    return json.dumps(
        {"summary": summary, "problems": [problem.as_dict() for problem in problems]},
        indent=2,
        ensure_ascii=False,
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands: each problem becomes an annotation on the file's line."""
    lines = []
    for problem in problems:
        level = "error" if problem.is_error else "warning"
        properties = ",".join(
            [
                f"file={_escape_property(problem.file)}",
                f"line={problem.line}",
                f"col={problem.column}",
                f"title={_escape_property(problem.code)}",
            ]
        )
        lines.append(f"::{level} {properties}::{_escape_data(problem.message)}")
    return "\n".join(lines)


def validation_summary(
    problems: Sequence[Problem], *, files: int, valid: int, skipped: int
) -> dict[str, int]:
    """The counts `coalition validate` reports, in the order its JSON output gives them."""
    errors = sum(problem.is_error for problem in problems)
    return {
        "files": files,
        "valid": valid,
        "errors": errors,
        "warnings": len(problems) - errors,
        "skipped": skipped,
    }


def report_validation(problems: Sequence[Problem], summary: dict[str, int], output: ProblemFormat) -> None:
    """Print what `coalition validate` found: the command and its fast path (cli/validation/fast_path.py)
    both end here, so a clean file reads the same whichever path checked it."""
    if output is ProblemFormat.json:
        sys.stdout.write(as_json(problems, summary) + "\n")
    elif output is ProblemFormat.github:
        if problems:
            sys.stdout.write(as_github(problems) + "\n")
    else:
        write_problems(problems, sys.stdout, color=use_color(sys.stdout))
        sys.stdout.flush()
        sys.stderr.write(summary_line(summary, color=use_color(sys.stderr)) + "\n")
    sys.stdout.flush()


def summary_line(summary: dict[str, int], *, color: bool) -> str:
    """`✓ 3 files checked, 3 valid, 2 warnings`: the last line of validate's text output."""

    files, valid, errors, warnings, skipped = (
        summary["files"],
        summary["valid"],
        summary["errors"],
        summary["warnings"],
        summary["skipped"],
    )
    if not files and not skipped and not errors:
        # a folder with no YAML in it, most likely a mistyped path in a CI job: say so
        mark = _paint("!", "warning", color=color)
        return f"{mark} no assessment files found: no *.yaml or *.yml file in the paths given"
    parts = [f"{plural(files, 'file')} checked", f"{valid} valid"]
    if errors:
        parts.append(_paint(plural(errors, "error"), "error", color=color))
    if warnings:
        parts.append(_paint(plural(warnings, "warning"), "warning", color=color))
    if skipped:
        parts.append(f"{skipped} skipped (not assessments)")
    mark = "✗" if errors else "✓" if files else "!"
    style = "error" if errors else "good" if files else "warning"
    return f"{_paint(mark, style, color=color)} " + ", ".join(parts)
