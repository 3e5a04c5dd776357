"""Reading an edit's effect on a file: which lines changed, and whether they stay inside one entry."""

from __future__ import annotations

import difflib
import re

from tests.support import paths

FIXTURES = paths.FIXTURES / "editing"
COMMENTED = FIXTURES / "commented.yaml"


def commented() -> str:
    return COMMENTED.read_text(encoding="utf-8")


def entry_lines(text: str, indicator: str) -> range | None:
    """The lines of one rating entry: its key line up to the next key at its level or above."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(rf"^\s*{re.escape(indicator)}:", line)), None)
    if start is None:
        return None
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines):
        line = lines[end]
        stripped = line.lstrip()
        if stripped and not stripped.startswith("#") and len(line) - len(stripped) <= indent:
            break
        end += 1
    return range(start, end)


def changed_lines(before: str, after: str) -> tuple[set[int], bool]:
    """Original line numbers that were replaced or deleted, and whether anything was inserted."""
    matcher = difflib.SequenceMatcher(a=before.splitlines(True), b=after.splitlines(True), autojunk=False)
    touched: set[int] = set()
    inserted = False
    for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            touched.update(range(i1, i2))
        if tag in ("replace", "insert"):
            inserted = True
    return touched, inserted


def assert_confined(before: str, after: str, indicator: str) -> None:
    """Everything outside the indicator's entry is as it was; a new entry only adds lines."""
    touched, _inserted = changed_lines(before, after)
    entry = entry_lines(before, indicator)
    if entry is None:
        assert not touched, f"a new entry for {indicator} changed existing lines {sorted(touched)}"
    else:
        outside = touched - set(entry)
        assert not outside, f"lines {sorted(outside)} outside {indicator}'s entry {entry} changed"
