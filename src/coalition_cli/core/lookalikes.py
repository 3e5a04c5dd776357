"""Characters that look like the ones a file needs, as word processors and phones type them.

Word, Outlook and autocorrect turn `"` into `“ ”`, `'` into `‘ ’`, `-` into `–`, and paste no-break
spaces (U+00A0) where spaces were; a Japanese or Chinese keyboard types the full-width colon `：`. To
a YAML reader and to the tool each is a character of its own: `stage: “2”` is the text `“2”`, not
the number 2, and `k12–education` is not `k12-education`. Inside ordinary text they are fine (the
evidence may quote the “board” and say it’s done); in an id, a choice, or where YAML needs its own
quotes, spaces and colons, messages name them, since on screen they look like what they stand for.
No heavy imports: validate's fast path words its problems with this module.
"""

from __future__ import annotations

from typing import NamedTuple


class Lookalike(NamedTuple):
    """What a look-alike character is, in words, and what to type instead."""

    what: str
    """`“ ” are typographic (curly) quotes`: the character and its kin, named."""
    instead: str
    """`type straight quotes (")`."""


_DOUBLE = Lookalike("“ ” are typographic (curly) quotes", 'type straight quotes (") or none')
_SINGLE = Lookalike("‘ ’ are typographic (curly) quotes", "type straight quotes (') or none")
_DASH = Lookalike("{char} is a dash", "type a hyphen (-) instead")
_SPACE = Lookalike("a no-break space (U+{code:04X}) is not a space to the tool", "type an ordinary space")
_COLON = Lookalike("： is a full-width colon", "type an ordinary colon (:) instead")

LOOKALIKES: dict[str, Lookalike] = {
    **dict.fromkeys("“”„‟«»", _DOUBLE),
    **dict.fromkeys("‘’‚‛", _SINGLE),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", _DASH),
    **dict.fromkeys("\u00a0\u2007\u202f\u3000", _SPACE),
    "：": _COLON,
}
"""Each character that stands in for one a file needs, and what it is."""

OPENING_QUOTES = "“‘„‚«"
"""Typographic quotes that open a quotation: a value that starts with one was meant to be quoted."""

SPACES = "\u00a0\u2007\u202f\u3000"
"""No-break and other wide spaces that a YAML reader takes for text, not for a space."""


def described(char: str) -> str:
    """`“ ” are typographic (curly) quotes: type straight quotes (") or none`, for one look-alike."""
    kind = LOOKALIKES[char]
    return f"{kind.what.format(char=char, code=ord(char))}: {kind.instead}"


def enclosing(text: str) -> Lookalike | None:
    """The typographic quotes the whole of `text` is in (`“Lakeview Partnership”`), if it is: what a
    person meant as YAML's quotes around it, where Word or Outlook typed curly ones."""
    if len(text) < 2 or text[0] not in OPENING_QUOTES:
        return None
    kind = LOOKALIKES[text[0]]
    return kind if LOOKALIKES.get(text[-1]) is kind else None


def first_lookalike(text: str) -> str | None:
    """The first look-alike character in `text`, if any."""
    return next((char for char in text if char in LOOKALIKES), None)


def hint(text: str) -> str:
    """`– is a dash: type a hyphen (-) instead`, when a look-alike is in a word that was refused (an
    id, a choice, a stage): what was typed looks like a right answer, so say why it is not. Empty
    when there is none."""
    char = first_lookalike(text)
    return described(char) if char is not None else ""
