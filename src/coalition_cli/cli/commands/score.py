"""`coalition score`: overall, domain and indicator scores of each assessment file."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app
from coalition_cli.cli.output.formats import format_option


@app.command(short_help="Score assessments: overall, per domain, per indicator.")
def score(
    files: list[Path] = typer.Argument(..., metavar="FILE", help="Assessment files to score."),
    output: str = format_option(),
) -> None:
    """Score assessments: overall score and stage, a score per domain, every indicator, completeness.

    A domain's score is the mean of its rated indicators; the overall score is the mean of the
    domain scores; a score's stage is its whole number (2.75 is stage 2). Unrated indicators do not
    count. Where the team set targets, the distance to each target is shown too.
    Exit status: 0 scored, 1 a file has problems (run `coalition validate`), 2 a file cannot be read.
    """
    from coalition_cli.cli.runs.reports import score as run

    run(files, output)
