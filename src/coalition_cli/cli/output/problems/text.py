"""`--format text` (the default): `file:line:col: severity message [code]`, coloured on a terminal,
and a summary line on standard error.

Plain ANSI rather than Rich: validating files in CI (and validate's fast path) must not pay Rich's
import time. Other commands print problems the same way through `print_problems`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

from coalition_cli.cli.console import use_color
from coalition_cli.cli.output.problems.base import Reporter, Run, Summary
from coalition_cli.core.problems import Problem
from coalition_cli.core.wording import plural, printable

if TYPE_CHECKING:
    from rich.console import Console

_RESET = "\x1b[0m"
_STYLE = {
    "bold": "\x1b[1m",
    "dim": "\x1b[2m",
    "error": "\x1b[31m",
    "warning": "\x1b[33m",
    "good": "\x1b[32m",
}


def _paint(text: str, style: str, *, color: bool) -> str:
    return f"{_STYLE[style]}{text}{_RESET}" if color else text


def format_problem(problem: Problem, *, color: bool = False) -> str:
    """`file:line:col: severity message [code]`, the shape editors and CI logs link to: one line,
    whatever the file's name and the message hold (`printable`: a line feed from a file must not
    start a line of its own, which a CI log could run as a workflow command)."""
    where = f"{printable(problem.file)}:{problem.line}:{problem.column}:"
    level = problem.severity.value
    return (
        f"{_paint(where, 'bold', color=color)} {_paint(level, level, color=color)} {printable(problem.message)} "
        f"{_paint(f'[{problem.code}]', 'dim', color=color)}"
    )


def write_problems(problems: Sequence[Problem], stream: IO[str], *, color: bool) -> None:
    for problem in problems:
        stream.write(format_problem(problem, color=color) + "\n")


def print_problems(problems: Sequence[Problem], console: Console) -> None:
    """The same lines through a Rich console (for commands that already use one)."""
    write_problems(problems, console.file, color=console.is_terminal and not console.no_color)


def statistics_lines(run: Run, *, color: bool) -> list[str]:
    """`--statistics`: one line per code, `  22  warning  not-rated`, most frequent first."""
    counts = run.counts()
    width = max((len(str(count)) for _, _, count in counts), default=1)
    return [
        f"{count:>{width}}  {_paint(f'{severity:<7}', severity, color=color)}  {code}"
        for code, severity, count in counts
    ]


def summary_line(summary: Summary, *, color: bool, settings: str | None = None) -> str:
    """`✓ 3 files checked, 3 valid, 2 warnings`: the last line of validate's text output (`settings`:
    the settings file that excluded the files `summary.excluded` counts)."""
    files, valid, errors, warnings, skipped = (
        summary.files,
        summary.valid,
        summary.errors,
        summary.warnings,
        summary.skipped,
    )
    if summary.nothing_found:
        # a folder with no YAML in it, most likely a mistyped path in a CI job: say so
        mark = _paint("!", "warning", color=color)
        return f"{mark} no assessment files found: no *.yaml or *.yml file in the paths given"
    parts = [f"{plural(files, 'file')} checked", f"{valid} valid"]
    if errors:
        parts.append(_paint(plural(errors, "error"), "error", color=color))
    if warnings:
        parts.append(_paint(plural(warnings, "warning"), "warning", color=color))
    if skipped:
        parts.append(f"{skipped} skipped (not assessments)")
    if summary.excluded:
        parts.append(f"{summary.excluded} excluded by {settings or 'the settings'}")
    if summary.suppressed:
        parts.append(f"{summary.suppressed} suppressed")
    mark = "✗" if errors else "✓" if files else "!"
    style = "error" if errors else "good" if files else "warning"
    return f"{_paint(mark, style, color=color)} " + ", ".join(parts)


BURIED = 10
"""Warnings enough to hide an error among them, read line by line: a new file with one stage
mistyped and eighteen indicators not rated yet showed the error as line 13 of 19."""


def buried_hint(run: Run) -> str | None:
    """`hint: 1 error among 18 warnings; add --ignore not-rated to leave out the 18 not-rated ones`:
    the warning code that buries the errors, and how to see them alone; None when nothing is buried."""
    summary = run.summary
    if not summary.errors or summary.warnings < BURIED:
        return None
    code, count = next((code, count) for code, severity, count in run.counts() if severity == "warning")
    return (
        f"hint: {plural(summary.errors, 'error')} among {plural(summary.warnings, 'warning')}; add "
        f"--ignore {code} to leave out the {count} {code} ones"
    )


class TextReporter(Reporter):
    statistics = True

    def report(self, run: Run) -> None:
        color = use_color(self.stdout)
        if run.statistics:
            self.stdout.writelines(line + "\n" for line in statistics_lines(run, color=color))
        else:
            write_problems(run.problems, self.stdout, color=color)
        for problem in run.suppressed:
            self.stdout.write(
                format_problem(problem, color=color) + " " + _paint("(suppressed)", "dim", color=color) + "\n"
            )
        self.stdout.flush()
        self.stderr.write(
            summary_line(run.summary, color=use_color(self.stderr), settings=run.settings) + "\n"
        )
        hint = None if run.statistics else buried_hint(run)
        if hint is not None:
            self.stderr.write(hint + "\n")
        self.stderr.flush()


REPORTER = TextReporter
