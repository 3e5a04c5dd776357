"""validate's output formats, found by module: each module of this package but `base` is one format,
named as its file (`text.py` is `--format text`) and holding its Reporter class as `REPORTER`.

A new format is one new module here; nothing else lists the formats. Only the format asked for is
imported, so a clean run of validate's fast path stays cheap.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from coalition_cli.cli.output.problems.base import Reporter, Run, Summary

__all__ = [
    "DEFAULT",
    "FORMATS",
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


def default_format() -> str:
    """`github` inside GitHub Actions (GITHUB_ACTIONS=true), else `text`."""
    import os

    for variable, name in AUTOMATIC.items():
        if os.environ.get(variable) == "true":
            return name
    return DEFAULT


def reporter(output: str) -> Reporter:
    """The reporter of a format (one of `FORMATS`), imported only now."""
    if output not in FORMATS:
        raise ValueError(f"{output!r} is not one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"{__name__}.{output}")
    chosen: type[Reporter] = module.REPORTER
    return chosen()


def report_validation(run: Run, output: str) -> None:
    """Print what `coalition validate` found: its Typer command and its plain command lines
    (cli/plain_lines.py) both end here, so a clean file reads the same whichever path checked it."""
    reporter(output).report(run)
