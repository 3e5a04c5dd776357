"""The output formats of the reports, found by module: each module of this package is one format,
named as its file (`md.py` is `--format md`), as validate's formats are (`cli/output/problems/`).

A format module holds `FORMAT`, a `Format`: a few words for `--help`, its place in the list, whether
it needs the report's CSV rows or its HTML page, and `render(report)`, which writes the report
(`core.reports.report.Report`) to standard output. Every report command offers every format (one
that needs CSV rows, or a page, only for reports that have them), so adding a format is adding one
module here; adding a report is its core module and a command that calls `emit`.

`--help` needs every format's words, so every command's start-up imports these modules: they are
small, and import Rich and the rest only when a report is rendered. Typer is imported only to
declare the option (and to refuse a format), so that a command line read without Typer
(`cli/plain_lines.py`) can check its format here too.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from coalition_cli.core.reports.report import Report

DEFAULT = "table"


class Format(NamedTuple):
    """One output format (a NamedTuple: every command's start-up builds them); its name is its module's."""

    help: str
    """A few words for `--help`: `csv (for spreadsheets)`."""
    position: int
    """Where it comes in the list of formats (the default first)."""
    render: Callable[[Report], None]
    """Write the report to standard output; only what this format needs is built."""
    needs_rows: bool = False
    """True when it writes the report's CSV rows: offered only for reports that have them."""
    needs_page: bool = False
    """True when it writes the report's HTML page: offered only for reports that have one."""


@cache
def formats() -> dict[str, Format]:
    """Every format of this package, by name (its module's), in their order."""
    names = {
        entry.name.removesuffix(".py")
        for folder in __path__
        for entry in os.scandir(folder)
        if entry.name.endswith(".py") and not entry.name.startswith("_")
    }
    found: dict[str, Format] = {name: import_module(f"{__name__}.{name}").FORMAT for name in names}
    return dict(sorted(found.items(), key=lambda item: item[1].position))


def format_option(*, rows: bool = True, page: bool = False) -> Any:
    """`--format` / `-f` for a report command; `rows=False` for a report with no CSV rows (`csv_header`
    None), `page=True` for one that is also an HTML page (`has_page`)."""
    offered = offered_formats(rows=rows, page=page)
    return _format_option(DEFAULT, offered, _listed(formats()[name].help for name in offered) + ".")


def offered_formats(*, rows: bool = True, page: bool = False) -> list[str]:
    """The formats a report command offers (`format_option`'s choices), in their order."""
    return [
        name
        for name, item in formats().items()
        if (rows or not item.needs_rows) and (page or not item.needs_page)
    ]


def problem_format_option() -> Any:
    """`--format` / `-f` for a command that reports problems (`validate`, `framework validate`): one of
    validate's formats (`cli/output/problems`), None when not given (`default_format()` then)."""
    from coalition_cli.cli.output.problems import FORMATS

    return _format_option(
        None,
        FORMATS,
        "How to print problems (default: github inside GitHub Actions, else text).",
        show_default=False,
    )


def _format_option(default: str | None, names: Sequence[str], help_text: str, **more: Any) -> Any:
    """`--format` / `-f`, one of `names`, each listed in the help's `<a|b|c>`."""
    import typer

    return typer.Option(
        default,
        "--format",
        "-f",
        parser=one_of(names),
        metavar="<" + "|".join(names) + ">",
        help=help_text,
        **more,
    )


def one_of(names: Sequence[str]) -> Callable[[str], str]:
    """An option's parser that takes one of `names`, and says which ones in plain words otherwise."""

    def parse(value: str) -> str:
        if value not in names:
            import typer

            raise typer.BadParameter(f"{value!r} is not one of {', '.join(map(repr, names))}.")
        return value

    return parse


def _listed(parts: Iterable[str]) -> str:
    """`a, b or c`."""
    items = list(parts)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def emit(report: Report, name: str) -> None:
    """Print the report in the format named (one `format_option` offered for it)."""
    chosen = formats()[name]
    if chosen.needs_rows and report.csv_header is None:
        raise AssertionError(f"{type(report).__name__} has no CSV rows: its command must not offer {name}")
    if chosen.needs_page and not report.has_page:
        raise AssertionError(f"{type(report).__name__} has no HTML page: its command must not offer {name}")
    chosen.render(report)
