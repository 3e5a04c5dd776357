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
    import shlex

    from coalition_cli.cli.console import note, warn
    from coalition_cli.cli.output.formats import emit
    from coalition_cli.core.files.output import OutputFile
    from coalition_cli.core.loading.assessments import load_all
    from coalition_cli.core.reports.consensus import build_consensus, draft_text

    draft = None
    if out is not None:
        # a draft is the team's to edit once written: only --force replaces an existing file
        draft = OutputFile(path=out, command="consensus", what="the draft", force=force, inputs=tuple(files))
        draft.check()
    result = build_consensus(load_all(files))
    for message in result.warnings:
        warn(message)
    if draft is not None:  # the draft first: a closed pipe on the table (`| head`) must not lose it
        draft.write(draft_text(result, draft.path))
        note(
            f"draft consensus written to {draft.path}; edit it in the meeting, "
            f"then run `coalition validate {shlex.quote(str(draft.path))}`"
        )
    emit(result, output)
