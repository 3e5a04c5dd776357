"""`--format json`: the report's data as one JSON object, UTF-8, `"version": 1` first, keys as documented in docs/json.md."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coalition_cli.cli.output.formats import Format

if TYPE_CHECKING:
    from coalition_cli.core.reports.report import Report


def render(report: Report) -> None:
    """The document as `json.dumps(..., indent=2, ensure_ascii=False)` writes it, line break after,
    written as it is made: `summary` over 20,000 files would otherwise hold its text several times."""
    import json
    from itertools import chain

    from coalition_cli.cli.console import write_stdout_chunks
    from coalition_cli.cli.output.versioned import versioned

    encoder = json.JSONEncoder(indent=2, ensure_ascii=False)
    write_stdout_chunks(chain(encoder.iterencode(versioned(report.data())), ["\n"]))


FORMAT = Format(help="json", position=1, render=render)
