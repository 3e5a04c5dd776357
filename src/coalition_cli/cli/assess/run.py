"""`coalition assess` from start to end: the file opened, then the full-screen session or the plain one.

The full screen is for a person at a terminal. The plain, line-by-line session is for everything
else: `--plain`, standard input or output not a terminal (a pipe, a script, a test), `TERM=dumb`
(screen readers, simple terminals). Both give the same answers the same way, into the same file.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from coalition_cli.cli.assess.startup import AssessOptions, Opened, open_session

if TYPE_CHECKING:
    from coalition_cli.cli.assess.screen.widgets import LiveVotes
    from coalition_cli.core.room.tally import LiveTally, RoomWatch


def full_screen_wanted(options: AssessOptions, top_stage: int = 4) -> bool:
    """Whether this run gets the full-screen session (a rubric of more than 9 stages, whose numbers
    are not one key each, is asked line by line)."""
    if options.plain or top_stage > 9 or os.environ.get("TERM") == "dumb":
        return False
    streams = (sys.stdin, sys.stdout)
    return all(stream is not None and stream.isatty() for stream in streams)


def room_votes(opened: Opened) -> LiveVotes:
    """The votes of a `coalition room` session on this file, while one runs (it holds its journal's
    lock): the full screen then shows the live count of the indicator the room is on (whichever one
    the screen is on), and the result once it is revealed. Nothing is read, and nothing shown, while
    no room runs; a room started later shows up within a second."""
    from coalition_cli.core.room.journal import journal_path, room_running

    path, framework = opened.file.path, opened.file.framework
    watching: list[RoomWatch] = []

    def votes(indicator: str) -> LiveTally | None:
        running = room_running(path)
        if running is False or (running is None and not journal_path(path).is_file()):
            watching.clear()  # a room started again is read from the top
            return None
        if not watching:
            from coalition_cli.core.room.tally import RoomWatch

            watching.append(RoomWatch(path, framework))
        return watching[0].in_front(indicator)

    return votes


def run(options: AssessOptions, *, live_votes: LiveVotes | None = None) -> None:
    """`live_votes` shows a room's votes on the full screen; by default, those of the `coalition room`
    session running on this file, if one does (`room_votes`)."""
    from coalition_cli.cli.assess.asking import enable_line_editing
    from coalition_cli.cli.console import stdout

    console = stdout()
    enable_line_editing()
    opened = open_session(console, options)
    if full_screen_wanted(opened.options, opened.file.framework.top_stage) and opened.session.queue:
        from coalition_cli.cli.assess.screen.launch import run_full_screen

        run_full_screen(console, opened, live_votes=live_votes or room_votes(opened))
        return
    from coalition_cli.cli.assess.prompts import run_plain

    run_plain(console, opened)
