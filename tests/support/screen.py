"""Driving the full-screen session headlessly (Textual's Pilot) and reading what is on the screen."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from textual.app import App

from coalition_cli.cli.assess.screen.app import AssessApp
from coalition_cli.cli.assess.startup import AssessOptions, Opened
from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.loading.assessments import load_assessment
from coalition_cli.core.session import Session
from tests.support.paths import EXAMPLES


def screen_text(app: App[object]) -> str:
    """The screen as the room sees it, as text: one line per row, exactly the terminal's size. (Made
    the way Textual's own `export_screenshot` makes its SVG, from the same private compositor.)"""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), force_terminal=True, color_system=None, record=True
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


SPRING_DAY = dt.date(2026, 3, 14)
"""The day of the example's spring meeting: its session is run on that day, so that what is overdue
(and every picture of it) does not change with the calendar."""


def session_app(path: Path, *, today: dt.date | None = None, **plan: object) -> AssessApp:
    """The app for the file at `path`, its walk planned as `coalition assess` would (options as keywords),
    run on `today`: by default the file's own day, so that what is overdue does not change with the
    calendar."""
    file = AssessmentFile(path)
    session = Session.plan(file.framework, file.stages, **plan)  # type: ignore[arg-type]
    day = today or file.assessment.assessed_on
    return AssessApp(Opened(AssessOptions(path), file, session, None), today=day)


def riverside(
    folder: Path,
    start_at: str = "C1.1",
    *,
    spring: Callable[[str], str] | None = None,
    today: dt.date = SPRING_DAY,
) -> AssessApp:
    """The example coalition's spring assessment revisited, with last term beside it (`--since`), on
    `today` (by default the meeting's own day); `spring` changes the spring file's text first."""
    for name in ("2025-09-fall.yaml", "2026-03-spring.yaml", "coalition.yaml"):
        shutil.copy(EXAMPLES / "riverside" / name, folder / name)
    path = folder / "2026-03-spring.yaml"
    if spring is not None:
        path.write_text(spring(path.read_text(encoding="utf-8")), encoding="utf-8")
    file = AssessmentFile(path)
    session = Session.plan(file.framework, file.stages, revisit_all=True, start_at=start_at)
    return AssessApp(
        Opened(
            AssessOptions(path, since=folder / "2025-09-fall.yaml"),
            file,
            session,
            load_assessment(folder / "2025-09-fall.yaml"),
        ),
        today=today,
    )
