"""Values of an assessment's fields that are known without its model: how a date is written, what
an action's status may be. The JSON Schema (`coalition schema`) reads them without building the
assessment's models (10 ms of Pydantic classes it has no use for).

An action's status is written as the file format names it (`in-progress`) or as the reports say it
(`in progress`), in any case (`Done`, `PLANNED`), as a stage name is: `action_status` is the one
rule the model, the JSON Schema (`STATUS_PATTERN`) and so validate's fast path follow. The model
holds the status by its own name, so every report and edit reads `in-progress`; the file is never
rewritten.
"""

from __future__ import annotations

import re
from typing import Literal, cast

ISO_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
"""How the file format writes a date: year-month-day, nothing else (also the JSON Schema's pattern)."""

ActionStatus = Literal["planned", "in-progress", "done", "dropped"]
"""Where an action stands."""

ACTION_STATUSES: tuple[ActionStatus, ...] = ("planned", "in-progress", "done", "dropped")
"""The statuses, in the order of an action's life (as `ActionStatus` lists them)."""


def any_case(word: str) -> str:
    """A regular expression (JSON Schema's, and Python's) matching `word` in any case: `[Dd][Oo]…`."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else _escaped(c) for c in word)


def _escaped(char: str) -> str:
    return "\\" + char if char in r"\^$.|?*+()[]{}/-" else char


STATUS_PATTERN = (
    r"^\s*(?:"
    + "|".join(r"(?:-|\s+)".join(any_case(word) for word in status.split("-")) for status in ACTION_STATUSES)
    + r")\s*$"
)
"""How a status may be written: its name in any case, its words joined by a hyphen or by spaces
(`in-progress`, `In Progress`), spaces around it ignored. The JSON Schema's pattern, and the rule
`action_status` reads a status by."""


def action_status(written: object) -> ActionStatus | None:
    """The status a value written in a file means (`In Progress` is `in-progress`), or None when it
    is none of them."""
    if not isinstance(written, str) or re.search(STATUS_PATTERN, written) is None:
        return None
    return cast("ActionStatus", "-".join(written.split()).lower())  # the pattern allows only ASCII letters


_WORDS_FOR: dict[str, ActionStatus] = {
    "complete": "done",
    "completed": "done",
    "finished": "done",
    "closed": "done",
    "achieved": "done",
    "cancelled": "dropped",
    "canceled": "dropped",
    "abandoned": "dropped",
    "started": "in-progress",
    "ongoing": "in-progress",
    "underway": "in-progress",
    "under way": "in-progress",
    "active": "in-progress",
    "not started": "planned",
    "to do": "planned",
    "todo": "planned",
}
"""Words people write for a status that the file format names otherwise: suggested, never accepted
(a file means one thing to every reader)."""


def status_meant(written: str) -> ActionStatus | None:
    """The status someone most likely meant by a word that is none: a misspelling (`dnoe`), or another
    word for it (`complete`, `cancelled`); None when nothing is close."""
    from coalition_cli.core.suggest import closest, folded

    said = _WORDS_FOR.get(folded(written).replace("_", " "))
    if said is not None:
        return said
    meant = closest(written, ACTION_STATUSES)
    return cast("ActionStatus", meant) if meant is not None else None


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
