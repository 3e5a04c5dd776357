"""`--format json`: the report's data as one JSON object, UTF-8, `"version": 1` first, keys as documented in docs/json.md."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coalition_cli.cli.output.formats import Format

if TYPE_CHECKING:
    from coalition_cli.core.reports.report import Report


def render(report: Report) -> None:
    import json

    from coalition_cli.cli.console import write_stdout
    from coalition_cli.cli.output.versioned import versioned

    write_stdout(json.dumps(versioned(report.data()), indent=2, ensure_ascii=False) + "\n")


FORMAT = Format(help="json", position=1, render=render)
