"""`coalition assess`: the facilitator's interactive session, one indicator at a time."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app


@app.command()
def assess(
    file: Path = typer.Argument(
        ..., metavar="FILE", help="The assessment file; a new one is created if it does not exist."
    ),
    framework: str | None = typer.Option(
        None,
        "--framework",
        metavar="ID|PATH",
        help="For a new file: the framework, a bundled id or a path (default: community-framework).",
    ),
    domain: list[str] | None = typer.Option(
        None, "--domain", metavar="C2", help="Only this domain, e.g. C2 (may be repeated)."
    ),
    indicator: list[str] | None = typer.Option(
        None,
        "--indicator",
        "-i",
        metavar="C1.1",
        help="Only this indicator, e.g. C1.1, even if rated (may be repeated).",
    ),
    revisit_all: bool = typer.Option(
        False, "--all", help="Go through rated indicators too, with the current rating as the default answer."
    ),
    start_at: str | None = typer.Option(
        None,
        "--start-at",
        metavar="C1.1",
        help="Begin at this indicator, to carry on where a session stopped; the unrated ones before it "
        "come after the last.",
    ),
    since: Path | None = typer.Option(
        None,
        "--since",
        metavar="EARLIER.yaml",
        help="Show what an earlier assessment (last term's) says of each indicator: its stage, evidence "
        "and open actions, to compare in the room.",
    ),
    coalition: str | None = typer.Option(
        None, "--coalition", metavar="NAME", help="For a new file: the coalition's name."
    ),
    date: str | None = typer.Option(
        None,
        "--date",
        metavar="DATE",
        help="For a new file: the date of the assessment, YYYY-MM-DD (default: today).",
    ),
    plain: bool = typer.Option(
        False,
        "--plain",
        help="Ask line by line instead of using the full screen (also when input or output is not a "
        "terminal, or TERM=dumb): for screen readers, scripts and simple terminals.",
    ),
) -> None:
    """Rate the coalition indicator by indicator, saving every answer as it is given.

    Goes through the indicators not rated yet, in framework order, on one full screen: the
    indicator, where you are, every stage, and your answers. Press a stage number to rate; e
    evidence, a actions, t target, p priority, n next, b back, g go to, u undo, ? help, q quit.
    Ctrl-C stops at any time, keeps every answer, and prints the command that carries on (exit
    status 130). --plain asks line by line instead.
    """
    from coalition_cli.cli.assess.run import run
    from coalition_cli.cli.assess.startup import AssessOptions
    from coalition_cli.core import collector

    collector.resume()  # a session in the room runs for an hour: its garbage is collected
    run(
        AssessOptions(
            file,
            framework=framework,
            domains=_split(domain),
            indicators=_split(indicator),
            revisit_all=revisit_all,
            start_at=start_at,
            since=since,
            coalition=coalition,
            date=date,
            plain=plain,
        )
    )


def _split(values: list[str] | None) -> tuple[str, ...]:
    """`--indicator C1.1 --indicator C1.2` and `--indicator C1.1,C1.2` alike."""
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())
