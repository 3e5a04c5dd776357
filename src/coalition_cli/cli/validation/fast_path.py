"""`coalition validate` without Typer, for the plain command lines that hooks, editors and CI use.

A pre-commit hook or an editor runs validate on one or two files at a time, where start-up is
nearly the whole cost, and importing Typer alone takes longer than checking a file the way
check-jsonschema does. This path understands only the plain command line (`validate [--strict]
[--format F] [--skip-other-yaml] [--no-color] PATH...`) and runs `validate_files`, as the Typer
command does, settings and all; the files are checked against the shipped index of their rubric,
without Pydantic unless a file needs the models (cli/validation/files.py). For any other command
line (`-`, `--select`, `--config`, …) it steps aside and Typer runs, so usage errors come from one
place.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from coalition_cli.cli.output.problems import FORMATS

_FLAGS = frozenset({"--strict", "--skip-other-yaml", "--no-color"})


class Request(NamedTuple):
    """A plain validate command line, read."""

    files: list[Path]
    output: str | None = None
    no_color: bool = False
    strict: bool = False
    skip_other_yaml: bool = False


def parse(argv: list[str]) -> Request | None:
    """The plain forms of a validate command line, or None for anything else (left to Typer)."""
    leading = 0
    while leading < len(argv) and argv[leading] == "--no-color":
        leading += 1
    if argv[leading : leading + 1] != ["validate"]:
        return None
    files: list[Path] = []
    flags: set[str] = {"--no-color"} if leading else set()
    words = iter(argv[leading + 1 :])
    output: str | None = None
    for word in words:
        if word in _FLAGS:
            flags.add(word)
        elif word in ("--format", "-f") or word.startswith("--format="):
            if output is not None:
                return None
            output = word.partition("=")[2] if "=" in word else next(words, "")
        elif word.startswith("-"):
            return None  # --help, --framework, --jobs, `--`, a typo: Typer's to answer
        else:
            files.append(Path(word))
    if not files or (output is not None and output not in FORMATS):
        return None
    return Request(
        files,
        output,
        "--no-color" in flags,
        "--strict" in flags,
        "--skip-other-yaml" in flags,
    )


def run(argv: list[str]) -> int | None:
    """The exit status of a plain validate command line; None when the Typer command must run."""
    request = parse(argv)
    if request is None:
        return None

    from coalition_cli.cli.console import disable_color

    if request.no_color:
        disable_color()

    from coalition_cli.cli.validation.files import Options, validate_files
    from coalition_cli.core.errors import CoalitionError

    try:
        return validate_files(
            Options(
                request.files,
                output=request.output,
                strict=request.strict,
                skip_other_yaml=request.skip_other_yaml,
            )
        )
    except CoalitionError:
        return None  # raised before anything is printed; the Typer command reports it as it should
