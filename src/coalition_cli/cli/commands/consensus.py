"""`coalition consensus`: put raters' stages side by side and propose a consensus to discuss."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app
from coalition_cli.cli.output.reports import ReportFormat, format_option


@app.command(short_help="Put raters side by side; draft the consensus.")
def consensus(
    files: list[Path] = typer.Argument(
        ..., metavar="FILE", help="One assessment file per rater, same coalition and term."
    ),
    out: Path | None = typer.Option(
        None, "--output", "-o", help="Write a draft consensus assessment here, to edit in the meeting."
    ),
    force: bool = typer.Option(False, "--force", help="With -o: replace the file if it exists."),
    output: ReportFormat = format_option(),
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

    from coalition_cli.cli.output.reports import emit_report, note, warn
    from coalition_cli.core.errors import ReadError, UsageError
    from coalition_cli.core.files.atomic import create_exclusive, write_atomic
    from coalition_cli.core.loading.assessments import load_all
    from coalition_cli.core.reports.consensus import (
        CONSENSUS_CSV_HEADER,
        build_consensus,
        consensus_csv_rows,
        consensus_document,
        consensus_json,
        draft_text,
    )
    from coalition_cli.core.reports.document import csv_text

    if out is not None and out.is_dir():
        raise UsageError(
            f"{out} is a folder; give the name of the draft file to write, e.g. {out / 'consensus.yaml'}"
        )
    if out is not None and out.exists() and not force:
        raise UsageError(f"{out} already exists; choose another name, or add --force to replace it")
    result = build_consensus(load_all(files))
    for message in result.warnings:
        warn(message)
    if out is not None:  # the draft first: a closed pipe on the table (`| head`) must not lose it
        text = draft_text(result, out)
        try:
            if force:
                write_atomic(out, text)
            else:
                create_exclusive(out, text)
        except FileExistsError:
            raise UsageError(
                f"{out} already exists; choose another name, or add --force to replace it"
            ) from None
        except OSError as error:
            raise ReadError(f"cannot write {out}: {error.strerror or error}") from None
        note(
            f"draft consensus written to {out}; edit it in the meeting, "
            f"then run `coalition validate {shlex.quote(str(out))}`"
        )
    emit_report(
        output,
        document=lambda: consensus_document(result),
        data=lambda: consensus_json(result),
        csv=lambda: csv_text(CONSENSUS_CSV_HEADER, consensus_csv_rows(result)),
    )
