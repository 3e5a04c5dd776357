"""What a change to a rating is: a stage, evidence, actions to add, and typed text tidied up.

Shared by the prompts (`assess`), the command line (`rate`) and the text-level editor (`splicing.py`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ufeff]")
_LINE_SEPARATOR = re.compile(r"\r\n|[\r\x85\u2028\u2029]")


@dataclass(frozen=True)
class NewAction:
    """An action the team commits to: what, who owns it, and by when."""

    action: str
    owner: str | None = None
    due: dt.date | None = None

    def written(self) -> dict[str, Any]:
        """As it is written into the file (a date stays a plain YAML date)."""
        item: dict[str, Any] = {"action": self.action}
        if self.owner:
            item["owner"] = self.owner
        if self.due is not None:
            item["due"] = self.due
        return item

    def parsed(self) -> dict[str, Any]:
        """As `yamlsource.parse_fast` reads it back (dates stay text)."""
        item = self.written()
        if self.due is not None:
            item["due"] = self.due.isoformat()
        return item


@dataclass(frozen=True)
class RatingEdit:
    """A change to one indicator's rating. `None` and `()` leave that part as it is."""

    indicator: str
    stage: int | None = None
    evidence: str | None = None
    add_actions: tuple[NewAction, ...] = ()


def clean_line(text: str) -> str:
    """One line of typed text: no control characters (stray arrow keys), no surrounding spaces."""
    return _CONTROL.sub("", _LINE_SEPARATOR.sub(" ", text)).strip()


def clean_text(text: str) -> str:
    """Typed text of one or more lines, tidied: no trailing spaces, no blank lines around it."""
    lines = [_CONTROL.sub("", line).rstrip() for line in _LINE_SEPARATOR.sub("\n", text).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)
