"""`coalition actions`: who owes what by when, across one coalition's terms or a whole network."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app
from coalition_cli.cli.output.formats import format_option

FAIL_ON = ("overdue", "vanished")


@app.command(short_help="Who owes what by when: overdue, carried over, vanished.")
def actions(
    paths: list[Path] = typer.Argument(
        ...,
        metavar="PATH",
        help="Assessment files (one coalition's terms), or folders to search for *.yaml / *.yml (a network).",
    ),
    output: str = format_option(),
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help="The day an action is overdue after its due date (default: today); assessments dated "
        "after it are left out.",
    ),
    fail_on: list[str] = typer.Option(
        [],
        "--fail-on",
        metavar="overdue|vanished",
        help="Exit 1 when an action is overdue (or vanished): a reminder in CI. Repeat for both.",
    ),
    owner: str | None = typer.Option(
        None,
        "--owner",
        metavar="NAME",
        help="Only the actions of this owner (the name before any bracket, in any case): a list to send them.",
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, metavar="N", help="Worker processes (default: one per core)."
    ),
) -> None:
    """List every action of the assessments, by owner and due date, with what needs following up.

    Each coalition's terms are read oldest first and each action is followed from term to term
    (known by its text; a reworded one by its indicator, owner and due date). Overdue: past due
    as of --as-of and not marked done or dropped. Carried over: open in an earlier assessment and
    still open. Vanished: in an earlier assessment, gone from the latest, never marked done or
    dropped. Then the open actions per owner, with the seats they hold when the coalition has a
    profile. --owner NAME lists one owner's actions, to send them. Exit status: 0 listed, 1 some files have problems or share a coalition and date, or
    --fail-on found what it looks for, 2 a path cannot be read.
    """
    from coalition_cli.cli.console import note, warn
    from coalition_cli.cli.output.formats import emit
    from coalition_cli.cli.output.network import say_files_read, say_left_out
    from coalition_cli.core.dates import date_option_or_today
    from coalition_cli.core.errors import EXIT_PROBLEMS, UsageError
    from coalition_cli.core.reports.actions.document import actions_files_read
    from coalition_cli.core.reports.actions.report import build_actions, for_owner
    from coalition_cli.core.reports.network.entries import made_by_day, read_network
    from coalition_cli.core.wording import plural

    wrong = [value for value in fail_on if value not in FAIL_ON]
    if wrong:
        raise UsageError(f"--fail-on: {wrong[0]!r} is not one of {', '.join(FAIL_ON)}")
    day = date_option_or_today(as_of)
    # as of a day given, only what was made by then: the plan's rule
    files, later = made_by_day(
        read_network(paths, jobs=jobs), day if as_of is not None else None, what="a register"
    )
    report = build_actions(files, as_of=day, later=later)
    if owner is not None:
        report = for_owner(report, owner)
    emit(report, output)
    say_files_read(actions_files_read(report))
    if not report.actions and not (report.same_date or report.invalid):
        note("no actions recorded yet: add them under each indicator's `actions:` in the assessment files")
    say_left_out(report.same_date, report.invalid)
    failed = [state for state in dict.fromkeys(fail_on) if report.count(state)]
    for state in failed:
        warn(f"{plural(report.count(state), 'action')} {state} (--fail-on {state})")
    if failed or report.invalid or report.unresolved:
        raise typer.Exit(EXIT_PROBLEMS)
