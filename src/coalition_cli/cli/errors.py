"""Where every CoalitionError becomes a message and an exit code: the one place that maps them."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from coalition_cli.core.errors import CoalitionError


def report(error: CoalitionError) -> None:
    from rich.markup import escape

    from coalition_cli.cli.console import stderr
    from coalition_cli.cli.problem_output import print_problems

    console = stderr()
    problems = getattr(error, "problems", None)
    if problems:
        print_problems(problems, console)
    console.print(f"[bold red]error:[/] {escape(error.message)}")
    if error.hint:
        console.print(f"[dim]hint:[/] {escape(error.hint)}")


class CoalitionGroup(TyperGroup):
    """A Typer group that turns our errors into messages and exit codes, not tracebacks."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # keep the order commands were registered in: the order of the work

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CoalitionError as error:
            report(error)
            raise typer.Exit(error.exit_code) from None
