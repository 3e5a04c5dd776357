"""How a CoalitionError is told on standard error: the problems that stop the command, the error,
its hint. One place for both ways a command runs: through Typer (`cli/errors.py`, which also maps
the error to its exit code) and read without it (`cli/plain_lines.py`); so this module imports
neither Typer nor Rich until an error is told."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coalition_cli.core.errors import CoalitionError


def report(error: CoalitionError) -> None:
    from rich.markup import escape

    from coalition_cli.cli.console import stderr
    from coalition_cli.cli.output.problems.text import print_problems
    from coalition_cli.core.wording import plural, printable

    console = stderr()
    problems = getattr(error, "problems", None) or []
    errors = [problem for problem in problems if problem.is_error]
    # what stops the command comes first and alone; its warnings would bury it (validate lists them)
    print_problems(errors or problems, console)
    if errors and len(errors) < len(problems):
        hidden = len(problems) - len(errors)
        console.print(f"[dim](and {plural(hidden, 'warning')}, such as indicators not rated yet)[/]")
    console.print(f"[bold red]error:[/] {escape(printable(error.message, newlines=True))}")
    if error.hint:
        console.print(f"[dim]hint:[/] {escape(printable(error.hint, newlines=True))}")
