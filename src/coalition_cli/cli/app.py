"""The `coalition` command: a Typer app whose commands live one per module in `cli/commands/`.

A command's module is imported when that command runs (or when `--help` lists them all), not at
start-up: each command pays only for its own imports (`cli/lazy.py`). Its arguments are made into
values without Pydantic wherever Typer's own coercion would give the same (`cli/coercion.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from typing import Any, cast

import typer

from coalition_cli import __version__
from coalition_cli.cli.coercion import make_lean
from coalition_cli.cli.console import disable_color
from coalition_cli.cli.errors import CoalitionGroup
from coalition_cli.cli.help_words import plain_help
from coalition_cli.cli.lazy import LazyCommands

COMMAND_MODULES = (
    "init",
    "assess",
    "room",
    "rate",
    "validate",
    "score",
    "compare",
    "consensus",
    "summary",
    "actions",
    "plan",
    "roster",
    "schema",
    "framework",
)
"""Each command is the module of its name under cli/commands, which adds it to `app`; this order is
the order of `--help`."""


class CoalitionApp(CoalitionGroup):
    """The top group: its commands are made from their modules when first asked for."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for command in made_commands(self):  # the global options, and the commands Typer made already
            make_lean(command)
            plain_help(command)
        self.lazy = LazyCommands(self.commands, COMMAND_MODULES, _load)
        self.commands = self.lazy


def made_commands(command: Any) -> Iterator[Any]:
    """The command and every subcommand of it made already (`framework list`, …), depth first."""
    yield command
    children = getattr(command, "commands", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from made_commands(child)


def _load(name: str) -> Any:
    """The Click command `name`, made by Typer once its module has added it to `app`."""
    import_module(f"coalition_cli.cli.commands.{name}")
    group = cast(CoalitionApp, typer.main.get_command(app))
    return group.lazy.built.get(name)  # made lean, its help worded, by the group's __init__


app = typer.Typer(
    name="coalition",
    cls=CoalitionApp,
    help=(
        "Assess a community coalition against ConnectED's Community Framework, keep the assessments "
        "as YAML in git, check them in CI, and turn them into action plans."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coalition {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    no_color: bool = typer.Option(
        False, "--no-color", help="Plain text, no colors (NO_COLOR is honored too)."
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    allow_outside: list[str] = typer.Option(
        [],
        "--allow-outside",
        metavar="PATH",
        help=(
            "Let `framework:` and `profile:` paths in files lead into this folder, outside the "
            "file's repository (repeatable; also COALITION_ALLOW_OUTSIDE)."
        ),
    ),
) -> None:
    if no_color:
        disable_color()
