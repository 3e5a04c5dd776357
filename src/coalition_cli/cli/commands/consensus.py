"""`coalition consensus`: put raters' stages side by side and propose a consensus to discuss."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app
from coalition_cli.cli.output.formats import format_option


@app.command(short_help="Put raters side by side; draft the consensus.")
def consensus(
    files: list[Path] = typer.Argument(
        ..., metavar="FILE", help="One assessment file per rater, same coalition and term."
    ),
    out: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="Write a draft consensus assessment here, to edit in the meeting.",
    ),
    force: bool = typer.Option(False, "--force", help="With -o: replace the file if it exists."),
    output: str = format_option(),
) -> None:
    """Compare raters: each rater's stage, the spread, and a proposed stage per indicator.

    The proposed stage is the lower median of the raters' stages; indicators where raters are 2 or
    more stages apart (on a rubric of two stages: any disagreement) are flagged "discuss first" and
    listed first. A rater is named by the file's
    facilitator, or by the file name. With -o, writes a valid draft assessment with the proposed
    stages and, in comments, every rater's stage and evidence. Files of different frameworks are
    refused (exit 2); different coalition names, terms or dates only give a warning.
    """
    from coalition_cli.cli.runs.reports import consensus as run

    run(files, out, force, output)
