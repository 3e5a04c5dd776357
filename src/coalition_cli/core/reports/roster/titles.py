"""Reading a representative's title: the district's superintendent, and the chief executive of a member.

Titles are free text in the profile. The rules, as the README states them:

- **The superintendent** is a `k12-education` member's representative whose title has the word
  "Superintendent" not qualified as someone else's: "Superintendent", "Interim Superintendent",
  "Acting Superintendent", "County Superintendent of Schools" are; "Assistant Superintendent",
  "Associate Superintendent", "Deputy Superintendent" and "Area Superintendent" are not. Another
  sector's title is never the district's superintendent (a community college's
  "Superintendent/President" is its chief executive, not the one the Guide's Step 6 means).
- **A chief executive** (Step 6: an executive committee "made up of the chief executives from key
  stakeholders") is a title that names the head of an organization: Superintendent, President,
  Chief Executive (or CEO), Chancellor, Executive Director, Mayor, City Manager, County Executive,
  Managing Director, General Manager, Owner, Founder, Senior or Lead Pastor. "Interim" and "acting"
  count; "vice", "assistant", "associate" and "deputy" do not ("Vice President" is not the head).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z]+")
_QUALIFIERS = frozenset({"vice", "assistant", "associate", "deputy", "area"})
"""Words that, just before a head's title, make it someone else's: "Vice President", "Deputy Mayor"."""
_HEADS: tuple[tuple[str, ...], ...] = (
    ("superintendent",),
    ("president",),
    ("chief", "executive"),
    ("ceo",),
    ("chancellor",),
    ("executive", "director"),
    ("mayor",),
    ("city", "manager"),
    ("county", "executive"),
    ("managing", "director"),
    ("general", "manager"),
    ("owner",),
    ("founder",),
    ("senior", "pastor"),
    ("lead", "pastor"),
)


def _words(title: str) -> list[str]:
    return _WORD.findall(title.casefold())


def _names_head(words: list[str], head: tuple[str, ...]) -> bool:
    """The head's words appear in the title, and not as someone else's ("Assistant to the President")."""
    size = len(head)
    for start in range(len(words) - size + 1):
        if tuple(words[start : start + size]) != head:
            continue
        if start and words[start - 1] in _QUALIFIERS:
            continue
        if words[max(0, start - 2) : start] == ["to", "the"]:
            continue
        return True
    return False


def is_superintendent(title: str | None) -> bool:
    """The title names a superintendent (interim and acting included), not an assistant or deputy one."""
    return title is not None and _names_head(_words(title), ("superintendent",))


def is_chief_executive(title: str | None) -> bool:
    """The title names the head of an organization (see the module's list)."""
    if title is None:
        return False
    words = _words(title)
    return any(_names_head(words, head) for head in _HEADS)
