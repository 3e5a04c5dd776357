"""Running the full-screen session, then saying in the terminal how it ended (as the plain one does)."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape

from coalition_cli.cli.assess.asking import EXIT_HANGUP, say
from coalition_cli.cli.assess.ending import Ending
from coalition_cli.cli.assess.screen.app import AssessApp, Outcome
from coalition_cli.cli.assess.screen.widgets import LiveVotes
from coalition_cli.cli.assess.startup import Opened
from coalition_cli.core.editing.assessment_file import RatingConflictError
from coalition_cli.core.errors import EXIT_INTERRUPTED, EXIT_PROBLEMS


def run_full_screen(console: Console, opened: Opened, *, live_votes: LiveVotes | None = None) -> None:
    app = AssessApp(opened, live_votes=live_votes)
    app.run()
    ending = Ending(console, opened.file, opened.options)
    session = opened.session
    outcome = app.outcome
    if outcome is Outcome.FINISHED:
        ending.finished(session)
        return
    if outcome is Outcome.QUIT:
        ending.stopped("Stopped", session.where)
        return
    if outcome is Outcome.FAILED and app.failure is not None:
        error = app.failure
        if isinstance(error, RatingConflictError):
            error.hint = f"look at the file, then answer again with: {opened.options.command(start_at=error.indicators[0])}"
        raise error
    note = app.keep_draft()  # interrupted, a closed terminal, or a crash: the draft by the usual rule
    if outcome is None:
        say(console, "The session stopped because of an unexpected error (shown above).")
    ending.stopped(
        "Stopped (the terminal was closed)" if outcome is Outcome.HUNG_UP else "Stopped", session.current
    )
    if note:
        say(console, f"[dim]{escape(note)}[/]")
    code = EXIT_HANGUP if outcome is Outcome.HUNG_UP else EXIT_INTERRUPTED if outcome else EXIT_PROBLEMS
    raise typer.Exit(code)
