"""`coalition summary`: the network view across many coalitions."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app
from coalition_cli.cli.output.formats import format_option


@app.command(short_help="The network view: many coalitions at a glance.")
def summary(
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH", help="Assessment files, or folders to search for *.yaml / *.yml."
    ),
    output: str = format_option(),
    weakest: int = typer.Option(5, "--weakest", min=1, help="How many of the weakest indicators to list."),
    framework: str | None = typer.Option(
        None, "--framework", help="Summarize only the files that use this framework (id or path)."
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Worker processes (default: one per core)."
    ),
) -> None:
    """Sum up a network of coalitions: each one's latest scores, and where the network is weakest.

    Shows a coalitions × domains heatmap of the latest assessment of each coalition, how many
    coalitions are at each stage per indicator, and the indicators with the lowest average stage.
    A coalition is known by its name; its latest assessment is the one with the latest assessed_on.
    YAML files in folders that are not assessments are skipped. Exit status: 0 done, 1 some files
    have problems (they are left out and listed), 2 a path cannot be read or the files use
    several frameworks (choose one with --framework).
    """
    from coalition_cli.cli.console import note, warn
    from coalition_cli.cli.output.formats import emit
    from coalition_cli.core.errors import EXIT_PROBLEMS, ReadError
    from coalition_cli.core.files.discovery import expand
    from coalition_cli.core.loading.assessments import check_all
    from coalition_cli.core.reports.network import build_network, in_brief, network_entry, same_day_note

    targets = expand(paths)
    missing = [f"{target.path} ({target.missing})" for target in targets if target.missing is not None]
    if missing:
        raise ReadError("cannot read " + ", ".join(missing))
    files = check_all(targets, network_entry, jobs=jobs)
    unreadable = [f"{item.file} ({item.unreadable})" for item in files if item.unreadable is not None]
    if unreadable:
        raise ReadError("cannot read " + ", ".join(unreadable))
    network = build_network(files, framework=framework, weakest=weakest)
    emit(network, output)
    tied = same_day_note(network)
    if tied:
        note(tied)
    if network.invalid:
        shown = network.invalid[:10]
        for item in shown:
            warn(f"{item.file}: {in_brief(item)}; left out")
        if len(network.invalid) > len(shown):
            warn(f"... and {len(network.invalid) - len(shown)} more files with problems; left out")
        raise typer.Exit(EXIT_PROBLEMS)
