"""An existing assessment whose name is close to a file name that does not exist: most likely a typo.

`coalition assess eastside-sprng-2026.yaml` beside `eastside-spring-2026.yaml` should not quietly
start a second file and split the room's answers across two.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from coalition_cli.core.files.discovery import YAML_SUFFIXES

_ASSESSMENT_KEY = re.compile(r"^(?:framework|ratings)[ \t]*:", re.MULTILINE)
_CLOSE = 0.8
"""How alike two names must be (difflib's ratio): one or two letters wrong in a usual file name."""
_DIGITS = re.compile(r"[0-9]+")


def similar_assessment(path: Path) -> Path | None:
    """The assessment file in `path`'s folder whose name is closest to `path`'s, when it is close;
    None when there is none (or `path` exists). Names with other numbers in them (`fall-2025`,
    `fall-2026`) are other terms, not typos."""
    if path.exists():
        return None
    folder = path.parent if str(path.parent) else Path()
    try:
        names = {
            candidate.name.casefold(): candidate
            for candidate in folder.iterdir()
            if candidate.suffix.lower() in YAML_SUFFIXES and not candidate.name.startswith(".")
        }
    except OSError:
        return None
    for match in difflib.get_close_matches(path.name.casefold(), list(names), n=3, cutoff=_CLOSE):
        candidate = names[match]
        same_numbers = _DIGITS.findall(match) == _DIGITS.findall(path.name)
        if same_numbers and candidate.is_file() and _looks_like_assessment(candidate):
            return candidate
    return None


def _looks_like_assessment(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            head = stream.read(64 * 1024).decode("utf-8", errors="replace")
    except OSError:
        return False
    return bool(_ASSESSMENT_KEY.search(head))
