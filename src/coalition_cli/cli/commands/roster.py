"""`coalition roster`: who is at the table, and how far the coalition is formalized, from the Guide."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from coalition_cli.cli.app import app


class RosterFormat(str, Enum):
    table = "table"
    json = "json"
    md = "md"


@app.command()
def roster(
    file: Path = typer.Argument(
        ...,
        metavar="FILE",
        help="An assessment file with a `profile:` (written out or a shared coalition.yaml), or a coalition.yaml.",
    ),
    output: RosterFormat = typer.Option(
        RosterFormat.table, "--format", "-f", help="table (the default), json, or md (GitHub Markdown)."
    ),
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
    from coalition_cli.core.reports.roster import load_roster

    report = load_roster(file)
    if output is RosterFormat.json:
        import json

        from coalition_cli.cli.output.reports import write_stdout

        write_stdout(json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n")
        return
    from coalition_cli.core.reports.roster import roster_document

    if output is RosterFormat.md:
        from coalition_cli.cli.output.reports import markdown, write_stdout

        write_stdout(markdown(roster_document(report)))
    else:
        from coalition_cli.cli.console import stdout
        from coalition_cli.cli.output.reports import print_document

        print_document(roster_document(report), stdout())
