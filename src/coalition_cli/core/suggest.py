"""Did-you-mean: the closest valid spelling of a mistyped id or key."""

from __future__ import annotations

import re
from collections.abc import Iterable

_NOT_ALNUM = r"[^0-9a-z]+"
"""Compiled on first use (re caches it): a file with nothing mistyped never needs it."""


def _squash(text: str) -> str:
    return re.sub(_NOT_ALNUM, "", text.casefold())


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The valid choice a person most likely meant: `C12` → `C1.2`, `asessed_on` → `assessed_on`."""
    options = list(choices)
    squashed = {_squash(choice): choice for choice in options}
    exact = squashed.get(_squash(word))
    if exact is not None:
        return exact
    import difflib  # here: a file with nothing mistyped never pays for it

    match = difflib.get_close_matches(_squash(word), list(squashed), n=1, cutoff=0.75)
    return squashed[match[0]] if match else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` (did you mean 'C1.2'?)`, or nothing when no choice is close."""
    match = closest(word, choices)
    return f" (did you mean {match!r}?)" if match is not None and match != word else ""
