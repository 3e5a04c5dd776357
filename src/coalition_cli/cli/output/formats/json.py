"""`--format json`: the report's data as one JSON object, UTF-8, keys as documented in the README."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coalition_cli.cli.output.formats import Format

if TYPE_CHECKING:
    from coalition_cli.core.reports.report import Report


def render(report: Report) -> None:
    import json

    from coalition_cli.cli.console import write_stdout

    write_stdout(json.dumps(report.data(), indent=2, ensure_ascii=False) + "\n")


FORMAT = Format(help="json", position=1, render=render)
