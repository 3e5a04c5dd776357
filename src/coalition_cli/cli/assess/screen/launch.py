"""Running the full-screen session, then saying in the terminal how it ended (as the plain one does)."""

from __future__ import annotations

import typer
from rich.console import Console

from coalition_cli.cli.assess.asking import EXIT_HANGUP, EXIT_TERMINATED, say
from coalition_cli.cli.assess.ending import Ending
from coalition_cli.cli.assess.screen.app import AssessApp, Outcome
from coalition_cli.cli.assess.screen.widgets import LiveVotes
from coalition_cli.cli.assess.startup import Opened
from coalition_cli.core.errors import EXIT_INTERRUPTED, EXIT_PROBLEMS

_STOPPED = {
    Outcome.HUNG_UP: ("Stopped (the terminal was closed)", EXIT_HANGUP),
    Outcome.TERMINATED: ("Stopped (the session was ended from outside)", EXIT_TERMINATED),
    Outcome.INTERRUPTED: ("Stopped", EXIT_INTERRUPTED),
}


def run_full_screen(console: Console, opened: Opened, *, live_votes: LiveVotes | None = None) -> None:
    app = AssessApp(opened, live_votes=live_votes)
    app.run()
    # the file as the session left it: others may have saved it too, and it was read again
    ending = Ending(console, app.keeper, opened.options)
    session = opened.session
    outcome = app.outcome
    if outcome is Outcome.FINISHED:
        ending.finished(session)
        return
    if outcome is Outcome.QUIT:
        ending.stopped("Stopped", session.where)
        return
    typed = app.keep_draft()  # interrupted, a closed terminal, or a crash: the draft by the usual rule
    if outcome is None:
        say(console, "The session stopped because of an unexpected error (shown above).")
    reason, code = _STOPPED[outcome] if outcome is not None else ("Stopped", EXIT_PROBLEMS)
    ending.stopped(reason, session.current, typed)
    if outcome in (Outcome.HUNG_UP, Outcome.TERMINATED):
        from coalition_cli.cli.assess.screen.terminal import silence_lost_terminal

        silence_lost_terminal()
    raise typer.Exit(code)
