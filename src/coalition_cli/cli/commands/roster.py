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
    from coalition_cli.cli.runs.reports import roster as run

    run(file, output)
