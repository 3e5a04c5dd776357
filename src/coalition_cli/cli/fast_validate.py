"""`coalition validate` on a few clean files, answered before Typer and Pydantic are even imported.

A pre-commit hook or an editor runs validate on one or two files at a time, where start-up is
nearly the whole cost, and importing Typer and Pydantic alone takes longer than checking a file the
way check-jsonschema does. This path understands only the plain command line (`validate [--strict]
[--format F] [--skip-other-yaml] [--no-color] FILE...`) and only files that `core/fastcheck.py`
proves clean; for anything else it steps aside and the Typer command runs as usual, so usage
errors, problems and their wording all come from one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from coalition_cli.cli.problem_output import ProblemFormat

MAX_FILES = 16
"""More files than this go to the Typer command, which spreads the work over every core."""

_FLAGS = frozenset({"--strict", "--skip-other-yaml", "--no-color"})
"""Flags that cannot change what a clean file reports (--no-color only changes how it looks)."""

_FORMATS = {choice.value: choice for choice in ProblemFormat}


@dataclass
class Request:
    files: list[Path] = field(default_factory=list)
    output: ProblemFormat = ProblemFormat.text
    no_color: bool = False


def parse(argv: list[str]) -> Request | None:
    """The plain forms of a validate command line, or None for anything else (left to Typer)."""
    leading = 0
    while leading < len(argv) and argv[leading] == "--no-color":
        leading += 1
    if argv[leading : leading + 1] != ["validate"]:
        return None
    request = Request(no_color=leading > 0)
    words = iter(argv[leading + 1 :])
    output: str | None = None
    for word in words:
        if word in _FLAGS:
            request.no_color |= word == "--no-color"
        elif word in ("--format", "-f") or word.startswith("--format="):
            if output is not None:
                return None
            output = word.partition("=")[2] if "=" in word else next(words, "")
        elif word.startswith("-"):
            return None  # --help, --framework, --jobs, `--`, a typo: Typer's to answer
        else:
            request.files.append(Path(word))
    if output is not None:
        if output not in _FORMATS:
            return None
        request.output = _FORMATS[output]
    return request if request.files else None


def run(argv: list[str]) -> int | None:
    """The exit status when every file is proven clean; None when the Typer command must run."""
    request = parse(argv)
    if request is None or len(request.files) > MAX_FILES:
        return None
    if not all(path.is_file() for path in request.files):
        return None  # folders are walked, and missing files reported, by the command itself

    from coalition_cli.core.fastcheck import file_proven_clean

    if not all(file_proven_clean(path) for path in request.files):
        return None

    from coalition_cli.cli.console import disable_color
    from coalition_cli.cli.problem_output import report_validation, validation_summary

    if request.no_color:
        disable_color()
    count = len(request.files)
    report_validation([], validation_summary([], files=count, valid=count, skipped=0), request.output)
    return 0
