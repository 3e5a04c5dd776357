"""`--help` in the words of the people who read it, not in Python's.

Typer (0.29) shows each parameter's Python type beside it ("PATH <list[Path]>", "--framework
<str>"), a number's bounds as "0<=x<=100", and a required argument in braces ("coalition init
[OPTIONS] {FILE}"). A facilitator reading `coalition plan --help` needs none of that: every
parameter here has a metavar that says what to give (FILE, PATH, ID|PATH, N, DATE), a list of
arguments says so the way command-line tools always have (PATH...), and bounds read "0 to 100".
"""

from __future__ import annotations

from typing import Any


def plain_help(command: Any) -> None:
    """Word the help of every parameter of `command` (not of its subcommands: `app.made_commands`
    walks them)."""
    for param in getattr(command, "params", ()):
        _plain(param)


def _plain(param: Any) -> None:
    if not hasattr(param, "display_type_rich"):
        return  # not a Typer parameter: Click's own words
    if param.param_type_name == "argument":  # its metavar says what to give: no Python type beside it
        param.display_type_rich = _no_type
        param._rich_display_name = lambda: _listed(param, param.display_name_raw)
        param._usage_display_name = lambda: _listed(
            param, param.display_name_raw if param.required else f"[{param.display_name_raw}]"
        )
    if hasattr(param, "_get_number_range_help_str"):
        param._get_number_range_help_str = lambda: bounds(param.min, param.max)


def _no_type(ctx: Any = None) -> None:
    return None


def _listed(param: Any, name: str) -> str:
    return f"{name}..." if param.nargs != 1 else name


def bounds(low: float | None, high: float | None) -> str | None:
    """A number's bounds as a person says them: "0 to 100", "1 or more", "at most 10"."""
    if low is None and high is None:
        return None
    if low is None:
        return f"at most {high}"
    if high is None:
        return f"{low} or more"
    return f"{low} to {high}"
