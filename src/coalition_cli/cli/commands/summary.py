"""`coalition summary`: the network view across many coalitions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from coalition_cli.cli.app import app
from coalition_cli.cli.output.formats import format_option

if TYPE_CHECKING:
    from coalition_cli.core.files.output import OutputFile
    from coalition_cli.core.reports.network.summary import Network


@app.command(short_help="The network view: many coalitions at a glance.")
def summary(
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH", help="Assessment files, or folders to search for *.yaml / *.yml."
    ),
    output: str = format_option(page=True),
    output_file: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="With --format html: write the page to FILE."
    ),
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help="The day staleness and overdue actions are counted from (default: today); assessments "
        "dated after it are left out.",
    ),
    stale_after: str = typer.Option(
        "1y",
        "--stale-after",
        metavar="PERIOD",
        help="Flag coalitions last assessed longer ago than this: 12m, 18m, 1y, 90d (default: 1y).",
    ),
    group_by: str | None = typer.Option(
        None, "--group-by", metavar="region|cohort", help="List the coalitions by their region or cohort."
    ),
    weakest: int = typer.Option(
        5, "--weakest", min=1, metavar="N", help="How many of the weakest indicators to list."
    ),
    framework: str | None = typer.Option(
        None,
        "--framework",
        metavar="ID|PATH",
        help="Summarize only the files that use this framework (id or path).",
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, metavar="N", help="Worker processes (default: one per core)."
    ),
    force: bool = typer.Option(False, "--force", help="With -o: replace a file coalition did not write."),
) -> None:
    """Sum up a network of coalitions: where each stands, how current it is, and what is overdue.

    Shows each coalition's last assessment (flagged stale past --stale-after), its overall score
    at each term, its open and overdue actions; a coalitions × domains heatmap; the stakeholder
    groups at the table and how formalized the coalitions are, across the network; the coalitions
    of each region and cohort; how many coalitions are at each stage per indicator, and the
    weakest indicators. A coalition is known by its name; raters' files beside a consensus are set
    aside; several files of one coalition and one date are reported, not chosen between.
    The html format is one self-contained page (printed, or written to -o FILE).
    Exit status: 0 done, 1 some files have problems or share a coalition and date (they are left
    out and listed), 2 a path cannot be read or the files use several frameworks (choose one with
    --framework).
    """
    from coalition_cli.cli.output.formats import emit
    from coalition_cli.cli.output.network import say_files_read, say_left_out
    from coalition_cli.core.dates import date_option_or_today
    from coalition_cli.core.errors import EXIT_PROBLEMS, UsageError
    from coalition_cli.core.loading.frameworks import load_guide
    from coalition_cli.core.reports.network.document import network_files_read
    from coalition_cli.core.reports.network.entries import made_by_day, read_network
    from coalition_cli.core.reports.network.periods import parse_period
    from coalition_cli.core.reports.network.summary import GROUP_FIELDS, build_network

    try:
        period = parse_period(stale_after)
    except ValueError as error:
        raise UsageError(f"--stale-after: {error}") from None
    if group_by is not None and group_by not in GROUP_FIELDS:
        raise UsageError(f"--group-by: {group_by!r} is not one of {', '.join(GROUP_FIELDS)}")
    if output_file is not None and output != "html":
        raise UsageError(
            "-o writes the HTML page: use it with --format html", hint="or redirect the output: > FILE"
        )
    written = _page_file(output_file, paths, force) if output_file is not None else None
    day = date_option_or_today(as_of)
    # as of a day given, only what was made by then: the plan's rule
    files, later = made_by_day(
        read_network(paths, jobs=jobs), day if as_of is not None else None, what="a summary"
    )
    network = build_network(
        files,
        later=later,
        framework=framework,
        weakest=weakest,
        as_of=day,
        stale_after=period,
        group_by=group_by if group_by in GROUP_FIELDS else None,
        guide=load_guide(),
    )
    if written is None:
        emit(network, output)
    else:
        _write_page(written, network)
    say_files_read(network_files_read(network))
    say_left_out(network.same_date, network.invalid)
    if network.invalid or network.conflicts:
        raise typer.Exit(EXIT_PROBLEMS)


def _write_page(written: OutputFile, network: Network) -> None:
    from rich.markup import escape

    from coalition_cli.cli.console import stdout
    from coalition_cli.core.reports.network.dashboard import dashboard_page
    from coalition_cli.core.wording import plural

    written.write(dashboard_page(network))
    stdout().print(
        f"[green]✓[/] wrote {escape(str(written.path))}: {plural(len(network.coalitions), 'coalition')}."
    )


def _page_file(path: Path, inputs: list[Path], force: bool) -> OutputFile:
    from coalition_cli.core.files.output import OutputFile
    from coalition_cli.core.reports.network.dashboard import written_by_summary

    written = OutputFile(
        path=path,
        command="summary",
        what="the page",
        force=force,
        inputs=tuple(inputs),
        ours=written_by_summary,
    )
    written.check()
    return written
