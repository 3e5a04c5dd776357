"""validate's output formats, found by module: each module of this package but `base` is one format,
named as its file (`text.py` is `--format text`) and holding its Reporter class as `REPORTER`.

A new format is one new module here; nothing else lists the formats. Only the format asked for is
imported, so a clean run of validate's fast path stays cheap.
"""

from __future__ import annotations

import importlib
from enum import Enum
from pathlib import Path

from coalition_cli.cli.output.problems.base import Reporter, Run, Summary

__all__ = [
    "DEFAULT",
    "FORMATS",
    "ProblemFormat",
    "Reporter",
    "Run",
    "Summary",
    "default_format",
    "report_validation",
    "reporter",
]

DEFAULT = "text"
AUTOMATIC = {"GITHUB_ACTIONS": "github"}
"""The format used when none is given, by the CI that runs us (as yamllint's `auto`)."""


def _format_names() -> tuple[str, ...]:
    """The default first, then the others by name."""
    names = sorted(
        path.stem
        for path in Path(__file__).parent.iterdir()
        if path.suffix == ".py" and not path.stem.startswith("_") and path.stem != "base"
    )
    return (DEFAULT, *(name for name in names if name != DEFAULT))


FORMATS = _format_names()

# An Enum made from the modules found, so that Typer offers exactly these choices; mypy cannot see
# members it does not find written out, and none of this code names one.
ProblemFormat = Enum("ProblemFormat", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]
"""The choices of `validate --format`."""


def default_format() -> str:
    """`github` inside GitHub Actions (GITHUB_ACTIONS=true), else `text`."""
    import os

    for variable, name in AUTOMATIC.items():
        if os.environ.get(variable) == "true":
            return name
    return DEFAULT


def reporter(output: ProblemFormat | str) -> Reporter:
    """The reporter of a format, imported only now."""
    name = ProblemFormat(output).value
    module = importlib.import_module(f"{__name__}.{name}")
    chosen: type[Reporter] = module.REPORTER
    return chosen()


def report_validation(run: Run, output: ProblemFormat | str) -> None:
    """Print what `coalition validate` found: the command and its fast path (cli/validation/fast_path.py)
    both end here, so a clean file reads the same whichever path checked it."""
    reporter(output).report(run)
