"""Values of an assessment's fields that are known without its model: how a date is written, what
an action's status may be. The JSON Schema (`coalition schema`) reads them without building the
assessment's models (10 ms of Pydantic classes it has no use for).
"""

from __future__ import annotations

from typing import Literal

ISO_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
"""How the file format writes a date: year-month-day, nothing else (also the JSON Schema's pattern)."""

ActionStatus = Literal["planned", "in-progress", "done", "dropped"]
"""Where an action stands."""

CLOSED = ("done", "dropped")
"""The statuses that close an action; any other (planned, in-progress, none) leaves it open."""


def status_or_open(status: str | None) -> str:
    """An action's status as written, or "open" when the file gives none: every table that shows
    actions (`coalition actions`, the plan's register and its indicators) says the same word."""
    return status or "open"


def status_words(status: str | None) -> str:
    """The status as a reader says it: "in progress", "planned", "open" (none written), as the plan
    writes it; JSON and CSV keep the file's own value (`in-progress`)."""
    return status_or_open(status).replace("-", " ")
