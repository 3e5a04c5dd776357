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
