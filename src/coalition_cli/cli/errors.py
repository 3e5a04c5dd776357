"""Where every CoalitionError becomes a message and an exit code: the one place that maps them."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from coalition_cli.cli.console import disable_color
from coalition_cli.cli.output.errors import report
from coalition_cli.core.errors import EXIT_INTERRUPTED, CoalitionError


class CoalitionGroup(TyperGroup):
    """A Typer group that turns our errors into messages and exit codes, not tracebacks."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # keep the order commands were registered in: the order of the work

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # --no-color and --allow-outside are global options, but people type them after the command
        # too: accept both
        end = args.index("--") if "--" in args else len(args)
        if ANYWHERE[0] in args[:end]:
            disable_color()
            args = [arg for arg in args[:end] if arg != ANYWHERE[0]] + args[end:]
        args, allowed = _take_allow_outside(args)
        if allowed:
            _allow_outside(ctx, allowed)
        try:
            return list(super().parse_args(ctx, args))
        except Exception as error:
            _suggest_option(error)
            raise

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CoalitionError as error:
            report(error)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            # Ctrl-C stops a command with 130, as a shell's own commands do; Click's "Aborted!" and
            # exit 1 would read as "problems found"
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as error:  # a command's (or a sub-command's) options, read here
            _suggest_option(error)
            raise


ANYWHERE = ("--no-color", "--allow-outside")
"""The global options also accepted after the command (`CoalitionGroup.parse_args`)."""


def _suggest_option(error: Exception) -> None:
    """An unknown option's suggestion in the house's words: `No such option: --job (did you mean
    '--jobs'?)`, the one closest option or none, instead of Click's "(Possible options: --help,
    --select, --strict)", which also offers options nothing like the one typed (`--jsons`: --jobs).
    An option that says the opposite (`--no-strict`: --strict) is not offered either.

    Click's NoSuchOption (Typer's copy of Click, or Click itself) is known by what it carries, its
    `option_name` and `possibilities`; only its message and its list are changed, both public.
    """
    name, context = getattr(error, "option_name", None), getattr(error, "ctx", None)
    if not isinstance(name, str) or not hasattr(error, "possibilities") or context is None:
        return
    from coalition_cli.core.suggest import did_you_mean

    options = [
        option
        for param in context.command.get_params(context)
        for option in (*param.opts, *param.secondary_opts)
        if option.startswith("-")  # an argument's name is not an option
    ]
    if context.parent is not None:
        options += ANYWHERE
    alike = [option for option in options if _negated(option) == _negated(name)]
    told: Any = error
    message = str(told.message)
    stop = "." if message.endswith(".") else ""
    told.message = f"{message.removesuffix(stop)}{did_you_mean(name, alike)}{stop}"
    told.possibilities = None


def _negated(option: str) -> bool:
    return option.lstrip("-").startswith("no-")


ALLOW_OUTSIDE = ANYWHERE[1]


def _take_allow_outside(args: list[str]) -> tuple[list[str], list[str]]:
    """The arguments without `--allow-outside PATH` (or `=PATH`), and the paths, before any `--`."""
    kept: list[str] = []
    allowed: list[str] = []
    words = iter(args)
    for word in words:
        if word == "--":
            kept += [word, *words]
            break
        if word.startswith(ALLOW_OUTSIDE + "="):
            allowed.append(word.partition("=")[2])
        elif word == ALLOW_OUTSIDE:
            value = next(words, None)
            if value is None:
                kept.append(word)  # Click says that the option needs a value
            else:
                allowed.append(value)
        else:
            kept.append(word)
    return kept, allowed


def _allow_outside(ctx: Any, folders: list[str]) -> None:
    """Let `framework:` and `profile:` paths lead into these folders for this command (through the
    environment, which worker processes inherit); the environment is restored when it ends."""
    import os
    from pathlib import Path

    from coalition_cli.core.files.references import ENVIRONMENT, allowing

    before = os.environ.get(ENVIRONMENT)
    os.environ[ENVIRONMENT] = allowing(Path(folder) for folder in folders)

    def restore() -> None:
        if before is None:
            os.environ.pop(ENVIRONMENT, None)
        else:
            os.environ[ENVIRONMENT] = before

    ctx.call_on_close(restore)
