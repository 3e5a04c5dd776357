"""`coalition room` in the facilitator's terminal: the links, the QR code, and the live count.

Fits 80×24: on a terminal the QR code (about 17 lines) sits beside what to do, the two links below
it, and one status line that follows the room ("C1.1 Executive Leadership · voting open · 12 of 15
phones have voted"). Without a terminal (a log, a test), plain lines: the links first, then one line
per change of the status, at most once a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.table import Table
from rich.text import Text

from coalition_cli.cli.console import stdout
from coalition_cli.cli.output.fitting import fit
from coalition_cli.core.frozen import frozen
from coalition_cli.core.wording import plural

if TYPE_CHECKING:
    from rich.console import Console

    from coalition_cli.core.room.session import Resumed, RoomSession
    from coalition_cli.web.server import Links, RoomServer


STATUS_WIDTH = 80
"""The status line fits an 80-column terminal whole."""


@frozen
class RoomOptions:
    """What `coalition room` was asked to do, once its arguments are read."""

    file: Path
    lan: bool = False
    port: int = 8765
    qr: bool | None = None
    """None: on a terminal only."""
    open_browser: bool = False


def run(options: RoomOptions) -> None:
    from coalition_cli.core.room.session import RoomSession
    from coalition_cli.web.server import RoomServer

    console = stdout()
    session = RoomSession(options.file)
    resumed = session.start()
    try:
        server = RoomServer(session, lan=options.lan, port=options.port)
        interactive = console.is_terminal
        show_qr = interactive if options.qr is None else options.qr
        _welcome(console, session, server.links, resumed, lan=options.lan, qr=show_qr)
        if options.open_browser:
            import webbrowser

            webbrowser.open(server.links.presenter)
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(_serve(server, console, interactive))
    finally:
        session.close()
    _goodbye(console, session, server)


def _qr_text(text: str) -> str:
    import segno

    buffer = io.StringIO()
    segno.make(text, error="m", micro=False).terminal(out=buffer, compact=True, border=2)
    return buffer.getvalue().rstrip("\n")


def _welcome(
    console: Console, session: RoomSession, links: Links, resumed: Resumed, *, lan: bool, qr: bool
) -> None:
    from coalition_cli.core.room.journal import journal_path
    from coalition_cli.core.room.tokens import secrets_path

    assessment = session.file.assessment
    journal = journal_path(session.path).name
    where = (
        "Phones on the same Wi-Fi can join."
        if lan
        else "Only this laptop can join: add --lan to let phones join over the local network."
    )
    about = [
        f"[bold]Room open: {escape(assessment.coalition)}[/]",
        escape(" · ".join(filter(None, [assessment.term, session.path.name]))),
        "",
        (
            "Scan the code to join, or open the join link."
            if qr
            else "Participants open the join link (the presenter page shows its QR code)."
        )
        if lan
        else "To try it out, open the join link in this laptop's browser.",
        where,
        "",
        f"Votes are saved in {escape(journal)} as they arrive.",
        "Ctrl-C closes the room; the same command carries on.",
    ]
    if resumed.records > 1:  # more than the record that starts a session
        about.insert(
            3,
            f"Carrying on: {plural(resumed.votes, 'vote')} on {plural(resumed.indicators, 'indicator')} kept.",
        )
    if qr:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column()
        grid.add_row(Text(_qr_text(links.join_qr)), "\n".join(about))
        console.print(grid)
    else:
        for line in about:
            if line:
                console.print(line)
    if resumed.trimmed:
        console.print(
            "[yellow]note:[/] a half-written last record was dropped from the journal "
            "(the laptop stopped while writing it; nobody had been told it was saved)"
        )
    if resumed.ignored:
        console.print(
            f"[yellow]note:[/] {plural(resumed.ignored, 'record')} of the journal name indicators or stages "
            "this rubric does not have, and are left out"
        )
    if resumed.kept_out_of_git is not None:
        console.print(
            f"[yellow]note:[/] git is told to ignore the room's links ({escape(secrets_path(session.path).name)}), "
            "so that they are never committed: a line was added to this file, which only this copy of the "
            "repository reads:"
        )
        # the words wrap between words; the path stands on its own line, never broken where the width falls
        console.print(f"  {escape(str(resumed.kept_out_of_git))}", soft_wrap=True)
    if resumed.new_links and resumed.records > 1:
        console.print(
            "[yellow]note:[/] these are new links: phones that joined before must scan the new code"
        )
    # each link alone on its line, never broken (it is copied whole); the words beside it on their own
    console.print(f"Join:      {escape(links.join)}", soft_wrap=True)
    console.print(f"Presenter: {escape(links.presenter)}", soft_wrap=True)
    console.print("[dim]Keep the presenter link to yourself.[/]")
    sys.stdout.flush()


def status_lines(session: RoomSession) -> list[str]:
    """Where the room is: the open indicator and its votes; then, once revealed, its result.

    Phones are counted as the presenter page counts them: "3 phones here now" before an indicator is
    open ("2 phones here now (3 joined in all)" once one left), "2 of 3 phones have voted" on it."""
    from coalition_cli.core.room.phones import phones_words, voted_words
    from coalition_cli.core.room.tally import live_tally_of

    state = session.state
    phones = session.phones_counted
    if state.current is None:
        rest = f" · {phones_words(phones)}"
        return [fit("Waiting: open an indicator on the presenter page", STATUS_WIDTH - len(rest)) + rest]
    live = live_tally_of(state, session.groups, state.current)
    phase = "voting open" if live.open else "result shown" if live.revealed else "voting closed"
    of = session.phones_voting_on(state.current)
    rest = f" · {phase} · {live.voted} {voted_words(of, phones.joined)}"
    name = session.framework.indicator(state.current).name
    name = fit(name, STATUS_WIDTH - len(state.current) - 1 - len(rest))  # the name gives way, the count stays
    lines = [f"{state.current} {name}{rest}"]
    result = live.result
    if result is not None:
        parts = []
        if result.spread is not None:
            parts.append(f"spread {result.spread}" + (", discuss first" if result.flagged else ""))
        if result.proposed is not None:
            parts.append(f"proposed {result.proposed} {session.framework.stage_name(result.proposed)}")
        if result.dont_know:
            parts.append(f"{result.dont_know} don't know")
        lines.append("Result: " + (" · ".join(parts) if parts else "nobody gave a stage"))
    return lines


async def _serve(server: RoomServer, console: Console, interactive: bool) -> None:
    watcher = asyncio.ensure_future(_follow(server.session, console, interactive))
    try:
        await server.serve()
    finally:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher


async def _follow(session: RoomSession, console: Console, interactive: bool) -> None:
    """Show the status line whenever it changes: in place on a terminal, else as a new line."""
    shown: list[str] = []
    if not interactive:
        while True:
            lines = status_lines(session)
            if lines != shown:
                console.print(escape(" · ".join(lines)), soft_wrap=True)
                sys.stdout.flush()
                shown = lines
            await asyncio.sleep(1.0)
    from rich.console import Group
    from rich.live import Live

    with Live(Text(""), console=console, auto_refresh=False, transient=False) as live:
        while True:
            lines = status_lines(session)
            if lines != shown:
                texts = [Text(line, style="bold", no_wrap=True, overflow="ellipsis") for line in lines]
                live.update(Group(*texts), refresh=True)
                shown = lines
            await asyncio.sleep(0.25)


def _goodbye(console: Console, session: RoomSession, server: RoomServer) -> None:
    import shlex

    from coalition_cli.core.room.phones import took_part_words

    state = session.state
    quoted = shlex.quote(str(session.path))
    # as the presenter page says it once closed: "19 phones joined, 14 voted"
    took_part = took_part_words(session.phones_counted, len(state.devices))
    on = f" on {plural(len(state.ballots), 'indicator')}" if state.devices else ""
    console.print(
        f"Room closed: {took_part}{on}; "
        f"{plural(len(state.agreed), 'agreed stage')} saved in {escape(session.path.name)}."
    )
    unsaved = session.unsaved_result()
    if unsaved is not None:  # the moment people leave: the page asks before moving on, not before closing
        indicator, proposed = unsaved
        console.print(
            f"[yellow]Not saved:[/] {escape(session.framework.named(indicator))}, result shown "
            f"(proposed {proposed} {escape(session.framework.stage_name(proposed))}). "
            "Run the same command again and press Save."
        )
    if state.devices:
        for intro, command in (
            ("To carry on, run:", server.command(quoted)),  # the same links: --lan, the same port
            (
                "To write anonymous rater files for coalition consensus, run:",
                # a folder of this term's own: raters/ often holds another term's, which consensus would mix in
                f"coalition room {quoted} --export {shlex.quote(f'raters/{session.path.stem}/')}",
            ),
        ):
            console.print(intro)
            console.print(f"  [bold]{escape(command)}[/]", soft_wrap=True)  # a command is copied whole
