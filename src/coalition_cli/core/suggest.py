"""Did-you-mean: the closest valid spelling of a mistyped id or key.

Bounded, because a hostile file can ask for thousands: only words up to MAX_WORD characters are
compared (a megabyte of text is nobody's typo), and only against up to MAX_CHOICES choices; past
that only a spelling that differs in case or punctuation is found. A check that suggests for every
item of a list builds one `Suggester` and asks it for each, so the choices are prepared once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from coalition_cli.core import lookalikes

MAX_WORD = 64
"""The longest word compared with the choices."""

MAX_CHOICES = 1_000
"""The most choices compared by similarity (a rubric of 10,000 indicators is only looked up)."""

_NOT_ALNUM = r"[^0-9a-z]+"
"""Compiled on first use (re caches it): a file with nothing mistyped never needs it."""


def _squash(text: str) -> str:
    return re.sub(_NOT_ALNUM, "", text.casefold())


_LOOKALIKE = str.maketrans("lio", "110")
"""Letters typed for the digits they look like (`C1.l`, `Cl.4`, `C1.O`), as a last exact try."""


def _parts(text: str) -> str:
    """Text compared by its parts: `c1-1`, `C1 1` and `C1.1` are one, `C11` another (case and
    separators ignored, not where the separators are)."""
    return ".".join(re.split(_NOT_ALNUM, text.casefold())).strip(".")


class Suggester:
    """The closest of a fixed set of choices, for any number of words. The choices are prepared when
    the first word is asked about: a check makes one for every file, and most files mistype nothing."""

    def __init__(self, choices: Iterable[str]) -> None:
        self._choices = tuple(choices)
        self._parted: dict[str, str] = {}
        self._squashed: dict[str, str] = {}
        self._lookalike: dict[str, str] = {}
        self._keys: list[str] = []

    def _prepare(self) -> None:
        for choice in self._choices:
            self._parted.setdefault(_parts(choice), choice)
            self._squashed.setdefault(_squash(choice), choice)
            self._lookalike.setdefault(_parts(choice).translate(_LOOKALIKE), choice)
        self._keys = list(self._squashed)
        self._choices = ()

    def closest(self, word: str) -> str | None:
        """The valid choice a person most likely meant: `C12` → `C1.2`, `asessed_on` → `assessed_on`."""
        if len(word) > MAX_WORD:
            return None
        if self._choices:
            self._prepare()
        # the same parts first (`D1-1` is `D1.1`, not the domain `D11` of a rubric of twelve domains),
        # then the same letters and digits (`C12` is `C1.2`)
        exact = self._parted.get(_parts(word))
        if exact is not None:
            return exact
        squashed = _squash(word)
        exact = self._squashed.get(squashed)
        if exact is not None:
            return exact
        # a letter for the digit it looks like (`C1.l`), or the id with its name after it, pasted
        # from the rubric (`C1.4 Cross Systems Alignment`)
        first_word = word.split()[0] if word.split() else ""
        exact = self._lookalike.get(_parts(word).translate(_LOOKALIKE)) or self._parted.get(
            _parts(first_word)
        )
        if exact is not None:
            return exact
        if len(self._keys) > MAX_CHOICES:
            return None
        import difflib  # here: a file with nothing mistyped never pays for it

        match = difflib.get_close_matches(squashed, self._keys, n=1, cutoff=0.75)
        return self._squashed[match[0]] if match else None

    def did_you_mean(self, word: str) -> str:
        """` (did you mean 'C1.2'?)`, or nothing when no choice is close. A word that holds a
        look-alike (`k12–education`, `“2”`) says what it is, the choice suggested or not: on screen
        the choice looks like what was typed."""
        match = self.closest(word)
        odd = lookalikes.hint(word) if len(word) <= MAX_WORD else ""
        if match is not None and match != word:
            return f" (did you mean {match!r}?{' ' + odd if odd else ''})"
        return f" ({odd})" if odd else ""


def folded(text: str) -> str:
    """Text compared as people type it: any case, `-`, `–` and `’` as spaces or apostrophes, spaces
    between words single."""
    return " ".join(text.casefold().replace("–", "-").replace("’", "'").replace("-", " ").split())


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The valid choice a person most likely meant (see `Suggester.closest`)."""
    return Suggester(choices).closest(word)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` (did you mean 'C1.2'?)`, or nothing when no choice is close."""
    return Suggester(choices).did_you_mean(word)
