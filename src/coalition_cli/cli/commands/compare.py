"""`coalition compare`: one coalition's progress across terms."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app
from coalition_cli.cli.output.formats import format_option


@app.command(short_help="Progress across terms: what advanced, what declined.")
def compare(
    files: list[Path] = typer.Argument(
        ..., metavar="FILE", help="Two or more assessment files of one coalition (any order)."
    ),
    output: str = format_option(),
) -> None:
    """Compare terms: each indicator's and domain's value per term, and the change from first to last.

    Files are put in date order (assessed_on). Improvements are shown in green with ▲, declines in
    red with ▼. The headline counts indicators the rubric links (C1.3 and C6.1) once. Each term's
    targets are followed up at the next term: reached, not yet, or further away (JSON: `counts`,
    `targets`). Files made with different frameworks cannot be compared (exit 2); files naming
    different coalitions are compared with a warning.
    """
    from coalition_cli.cli.runs.reports import compare as run

    run(files, output)
