"""`coalition rate`: set ratings from the command line, without prompts."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app


@app.command()
def rate(
    file: Path = typer.Argument(..., metavar="FILE", help="The assessment file to change."),
    ratings: list[str] = typer.Argument(
        ...,
        metavar="ID=STAGE",
        help="Ratings to set: an indicator id, =, and a stage number or name (one id alone, with the "
        "options below, keeps its stage).",
    ),
    evidence: str | None = typer.Option(
        None,
        "--evidence",
        metavar="TEXT",
        help="What shows the stage (one indicator only); replaces the evidence there, and says what it was.",
    ),
    no_evidence: bool = typer.Option(
        False,
        "--no-evidence",
        help="Remove the indicator's evidence (one indicator only).",
    ),
    target: str | None = typer.Option(
        None,
        "--target",
        metavar="STAGE",
        help="The stage the team aims for next (one indicator only); `none` removes it.",
    ),
    priority: bool | None = typer.Option(
        None,
        "--priority/--no-priority",
        help="Mark the indicator as a priority, or no longer (one indicator only).",
    ),
    action: str | None = typer.Option(
        None,
        "--action",
        metavar="TEXT",
        help="An action the team commits to (one indicator only); with --action-number, that action's new wording.",
    ),
    action_number: int | None = typer.Option(
        None,
        "--action-number",
        metavar="N",
        help="Change the indicator's action N (`coalition rate FILE ID` lists them by number) with "
        "--status, --due, --owner or --action, instead of adding one.",
    ),
    owner: str | None = typer.Option(
        None, "--owner", metavar="WHO", help="Who leads the action (`none` removes it)."
    ),
    due: str | None = typer.Option(
        None, "--due", metavar="DATE", help="When the action is due, YYYY-MM-DD (`none` removes it)."
    ),
    status: str | None = typer.Option(
        None,
        "--status",
        metavar="STATUS",
        help="How far along the action is: planned, in-progress, done or dropped (`none` removes it: open).",
    ),
) -> None:
    """Set ratings without prompts: `coalition rate riverside.yaml C1.1=3 C2.4=developing` (or `C2.4=dev`).

    With one indicator, also its evidence and what the room decided: `--evidence "Charter signed in
    March" --target 4 --priority --action "Adopt the charter" --owner "Chamber of Commerce" --due
    2026-06-30`. Between meetings, change one of its actions by its number: `coalition rate FILE C6.2`
    lists them, `coalition rate FILE C6.2 --action-number 2 --status in-progress --due 2027-03-31
    --owner "Priya Natarajan"` changes action 2. The file is checked first (a file with problems is
    not changed), every value is checked against the framework, and the file is saved in one safe
    step, changing only those lines. It then says every change it made, and what each one replaced.
    """
    from coalition_cli.cli.runs.rate import rate as run

    run(file, ratings, evidence, no_evidence, target, priority, action, action_number, owner, due, status)
