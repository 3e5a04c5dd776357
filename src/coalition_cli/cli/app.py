"""The `coalition` command: a Typer app whose commands live one per module in `cli/commands/`."""

from __future__ import annotations

import typer

from coalition_cli import __version__
from coalition_cli.cli.console import disable_color
from coalition_cli.cli.errors import CoalitionGroup

app = typer.Typer(
    name="coalition",
    cls=CoalitionGroup,
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
    "plan",
    "roster",
    "schema",
    "framework",
)
"""Each module under cli/commands adds its commands to `app`; this order is the order of `--help`."""


def _register() -> None:
    from importlib import import_module

    for name in COMMAND_MODULES:
        import_module(f"coalition_cli.cli.commands.{name}")


_register()
