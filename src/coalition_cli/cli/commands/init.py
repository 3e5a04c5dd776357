"""`coalition init`: start a new assessment file, or roll a new term forward from the last one."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app


@app.command()
def init(
    file: Path = typer.Argument(
        ..., metavar="FILE", help="The new assessment file to write (it must not exist yet)."
    ),
    framework: str | None = typer.Option(
        None,
        "--framework",
        metavar="ID|PATH",
        help="Bundled framework id or path to a rubric YAML. Default: community-framework.",
    ),
    coalition: str | None = typer.Option(None, "--coalition", metavar="NAME", help="The coalition's name."),
    date: str | None = typer.Option(
        None, "--date", metavar="DATE", help="Date of the assessment, YYYY-MM-DD. Default: today."
    ),
    term: str | None = typer.Option(
        None, "--term", metavar="TERM", help='A label for the term, e.g. "Spring 2026".'
    ),
    facilitator: str | None = typer.Option(
        None, "--facilitator", metavar="NAME", help="Who facilitates the assessment."
    ),
    previous: Path | None = typer.Option(
        None,
        "--from",
        metavar="FILE",
        help="Last term's assessment: keep its coalition and participants, show its stages, carry over "
        "its open actions.",
    ),
    no_actions: bool = typer.Option(
        False,
        "--no-actions",
        help="With --from: start afresh, without last term's open actions (they are shown as comments).",
    ),
) -> None:
    """Write a new assessment listing every indicator unrated, with the rubric as comments."""
    from coalition_cli.cli.runs.init import init as run

    run(file, framework, coalition, date, term, facilitator, previous, no_actions)
