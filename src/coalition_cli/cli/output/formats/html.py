"""`--format html`: the report as one self-contained HTML page (for the reports that are one: `summary`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coalition_cli.cli.output.formats import Format

if TYPE_CHECKING:
    from coalition_cli.core.reports.report import Report


def render(report: Report) -> None:
    from coalition_cli.cli.console import write_stdout

    write_stdout(report.page())


FORMAT = Format(help="html (one self-contained page)", position=4, render=render, needs_page=True)
