"""Problems as people and machines read them: text (coloured on a terminal), JSON, GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import Enum
from typing import IO, TYPE_CHECKING

from coalition_cli.core.problems import Problem

if TYPE_CHECKING:
    from rich.console import Console


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


_RESET = "\x1b[0m"
_STYLE = {"bold": "\x1b[1m", "dim": "\x1b[2m", "error": "\x1b[31m", "warning": "\x1b[33m"}


def format_problem(problem: Problem, *, color: bool = False) -> str:
    """`file:line:col: severity message [code]`, the shape editors and CI logs link to.

    Plain ANSI rather than Rich: validating files in CI must not pay Rich's import time.
    """
    where = f"{problem.file}:{problem.line}:{problem.column}:"
    level = problem.severity.value
    if not color:
        return f"{where} {level} {problem.message} [{problem.code}]"
    return (
        f"{_STYLE['bold']}{where}{_RESET} {_STYLE[level]}{level}{_RESET} {problem.message} "
        f"{_STYLE['dim']}[{problem.code}]{_RESET}"
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
