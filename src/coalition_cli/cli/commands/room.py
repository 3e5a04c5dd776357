"""`coalition room`: a live rating session; participants rate from their phones, the facilitator sees the spread."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app


@app.command(short_help="Rate together from phones; see the spread.")
def room(
    file: Path = typer.Argument(
        ..., metavar="FILE", help="The assessment to rate (it must exist and be valid)."
    ),
    lan: bool = typer.Option(
        False,
        "--lan",
        help="Listen on the local network, so phones on the same Wi-Fi can join (default: this laptop only).",
    ),
    port: int = typer.Option(
        8765, "--port", min=0, max=65535, metavar="N", help="The port to listen on (0: any free one)."
    ),
    qr: bool | None = typer.Option(
        None, "--qr/--no-qr", help="Print the join QR code in the terminal (default: on a terminal only)."
    ),
    open_browser: bool = typer.Option(
        False, "--open", help="Open the presenter page in this laptop's browser."
    ),
    export: Path | None = typer.Option(
        None,
        "--export",
        metavar="FOLDER",
        help="Do not serve: write the session's votes as anonymous rater files into FOLDER (one per "
        "phone, for `coalition consensus` and `score`), then exit.",
    ),
) -> None:
    """Run a live rating session in the room: everyone rates from their phone, anonymously.

    Prints a join link and QR code for participants and a presenter link for you (open it on the
    projected laptop). On the presenter page you open indicators in any order, watch the count,
    reveal the spread and the proposed stage (the lower median, as `coalition consensus`), and save
    the stage the room agrees into FILE, as `assess` does. Every vote is saved beside FILE as it
    arrives (FILE's name with .room.jsonl); Ctrl-C closes the room and the same command carries on.
    """
    if export is not None:
        from coalition_cli.cli.console import stdout
        from coalition_cli.core.loading.assessments import load_assessment
        from coalition_cli.core.room.export import export_raters

        exported = export_raters(load_assessment(file), export)
        written = len(exported.written)
        updated = (
            f" ({exported.updated} of them brought up to date from the last export)"
            if exported.updated
            else ""
        )
        stdout().print(
            f"[green]✓[/] wrote {written} anonymous rater file{'s' if written != 1 else ''} "
            f"into {export}{updated}; compare them with `coalition consensus {export}/*.yaml`",
            soft_wrap=True,
        )
        return

    from coalition_cli.cli.room.terminal import RoomOptions, run
    from coalition_cli.core import collector

    collector.resume()  # the room's server runs for the whole meeting: its garbage is collected
    run(RoomOptions(file, lan=lan, port=port, qr=qr, open_browser=open_browser))
