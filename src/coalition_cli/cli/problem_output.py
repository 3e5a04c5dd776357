"""Problems as people and machines read them: text (coloured on a terminal), JSON, GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING

from coalition_cli.core.problems import Problem

if TYPE_CHECKING:
    from rich.console import Console


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def print_problems(problems: Sequence[Problem], console: Console) -> None:
    from rich.markup import escape

    for problem in problems:
        colour = "red" if problem.is_error else "yellow"
        console.print(
            f"[bold]{escape(problem.file)}:{problem.line}:{problem.column}:[/] "
            f"[{colour}]{problem.severity.value}[/] {escape(problem.message)} [dim]\\[{problem.code}][/]",
            soft_wrap=True,
        )


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
