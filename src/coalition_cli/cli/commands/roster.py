"""`coalition roster`: who is at the table, and how far the coalition is formalized, from the Guide."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app
from coalition_cli.cli.output.formats import format_option


@app.command()
def roster(
    file: Path = typer.Argument(
        ...,
        metavar="FILE",
        help="An assessment file with a `profile:` (written out or a shared coalition.yaml), or a coalition.yaml.",
    ),
    output: str = format_option(rows=False),
) -> None:
    """Read the coalition's profile against the Guide to Building a Broad-Based Coalition.

    Shows which of the Guide's ten stakeholder groups are at the table (and, for each missing one,
    why it matters and what it could do); each element of a formalized coalition (Step 6) as met,
    not met or unknown, with the reason and the Guide's cautions; and, for each member, the sample
    roles its partner kind can play (Step 5) beside the indicators those roles serve where the
    assessment shows a gap.
    Exit status: 0 shown, 1 the file or its profile has problems (run `coalition validate`), 2 the
    file cannot be read or has no profile.
    """
    from coalition_cli.cli.console import note
    from coalition_cli.cli.output.formats import emit
    from coalition_cli.core.loading.roster import load_roster

    report = load_roster(file)
    emit(report, output)
    # for the facilitator, not in the roster its readers get
    if report.profile_file:
        note(f"profile read from {report.profile_file}")
    missing = report.to_record()
    if missing:
        lines = "\n".join(f"  {element}: {how}" for element, how in missing)
        note(f"to complete the roster, record in {report.profile_file or file}:\n{lines}")
    if not report.gaps_known and report.guide_tags_apply:
        note("run `coalition roster` on an assessment file to see the gaps each role could help with")
