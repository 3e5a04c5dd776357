"""The rubric's glossary terms that a plan uses, and the abbreviations it uses, for its appendix.

A term is used when the plan's text holds it (in any case, a hyphen or a space between its words,
each word with or without a plural ending): "programs of study" uses "Program of Study", "teacher
externships" uses "Teacher Externship", "communities of practice" uses "Community of Practice".
Definitions are the rubric's, word for word.

An abbreviation ("WBL") is spelled out as the rubric itself spells it out (core/model/abbreviations.py).
The rubric's glossary has no entry for it, so the plan presents it as its own addition, from the
rubric's words; one the rubric never spells out is not guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from coalition_cli.core.model.abbreviations import used_in
from coalition_cli.core.model.framework import GlossaryEntry

if TYPE_CHECKING:
    from coalition_cli.core.model.framework import Framework

_SEPARATORS = re.compile(r"[\s-]+")
"""What may stand between the words of a term: spaces, line breaks, hyphens."""
_LIKE_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The characters `re.IGNORECASE` takes for an ASCII letter other than its two cases (İ, ı, ſ and
the Kelvin sign), as that letter."""
_ODD_LETTERS = "".join(map(chr, _LIKE_ASCII))


def terms_used(glossary: Iterable[GlossaryEntry], texts: Iterable[str]) -> tuple[GlossaryEntry, ...]:
    """The entries whose term appears in `texts`, in the glossary's order.

    A term's pattern (`_pattern`) is compiled only when the text could hold it (`_may_appear`):
    compiling a glossary's patterns takes 5 ms, and a plan uses a few of its terms."""
    corpus = " ".join(texts)
    folded = _folded(corpus)
    return tuple(
        entry for entry in glossary if _may_appear(entry.term, folded) and _found(entry.term, corpus)
    )


def abbreviations(framework: Framework, texts: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """The abbreviations the rubric spells out that `texts` use, as (short, long) in order of first use
    in the rubric: ("WBL", "work-based learning"); see `Framework.abbreviations`."""
    return used_in(framework.abbreviations, texts)


def _folded(corpus: str) -> str:
    """`corpus` as `_may_appear` reads it. A plan's text is some 30,000 characters, and translating it
    by a table and substituting at every space took 5 ms of the 20 that building a plan takes;
    looking for the four letters first and splitting at spaces takes a fraction of that (`str.split`
    and the pattern's `\\s` take the same characters for spaces)."""
    if not corpus.isascii() and any(letter in corpus for letter in _ODD_LETTERS):
        corpus = corpus.translate(_LIKE_ASCII)
    return " ".join(corpus.lower().replace("-", " ").split())


def _may_appear(term: str, folded: str) -> bool:
    """False when the term's pattern cannot match the text, given as `folded`: in lower case,
    `_LIKE_ASCII` applied, every run of separators one space. The pattern matches a form of each
    word (`_forms`), in any case, then separators, then the next word; so `folded` holds each
    word's form, a space, and the next word but its last letter. Checked for ASCII terms only:
    case is not so simple beyond ASCII (their patterns are always tried)."""
    words = _words(term)
    if not term.isascii() or not words:
        return True
    forms = [_forms(word) for word in words]
    if len(words) == 1:
        return any(form in folded for form in forms[0])
    return all(
        any(f"{form} {following[:-1].lower()}" in folded for form in forms[index])
        for index, following in enumerate(words[1:])
    )


def _words(term: str) -> list[str]:
    return [word for word in _SEPARATORS.split(term.strip()) if word]


def _pattern(term: str) -> re.Pattern[str]:
    """The term in a text: its words in any case, each with its endings, separators between them,
    and neither a letter, a digit nor a hyphen on either side."""
    return re.compile(_WORD_BEFORE_NOT + _unanchored(term).pattern, re.IGNORECASE)


_WORD_BEFORE_NOT = r"(?<![\w-])"
_WORD_CHARACTER = re.compile(r"[\w-]")


def _unanchored(term: str) -> re.Pattern[str]:
    """`_pattern` but what must not come before the term."""
    words = [_word(word) for word in _words(term)]
    return re.compile(r"[\s-]+".join(words) + r"(?![\w-])", re.IGNORECASE)


def _found(term: str, corpus: str) -> bool:
    """`_pattern(term).search(corpus)`, three times as fast on a plan's text: the lookbehind a pattern
    starts with keeps `re` from scanning for its first letters (0.5 ms a term on 30,000 characters),
    so the pattern without it is searched, and the character before each match checked here (the
    next search starts a character later: a match may begin inside one that was refused)."""
    pattern = _unanchored(term)
    at = 0
    while (match := pattern.search(corpus, at)) is not None:
        start = match.start()
        if start == 0 or not _WORD_CHARACTER.match(corpus, start - 1):
            return True
        at = start + 1
    return False


def _endings(word: str) -> tuple[str, tuple[str, ...]]:
    """A word of a term as a stem and the endings it may take: singular or plural
    (`practice` + `s`, `communit` + `y` or `ies`), none for a word that does not end in a letter."""
    if word[-1:].lower() == "y" and len(word) > 2 and word[-2:-1].lower() not in "aeiou":
        return word[:-1], ("y", "ies")
    if word[-1:].isalpha():
        return word, ("", "s", "es")
    return word, ("",)


def _word(word: str) -> str:
    """A word of a term as a pattern (`practice(?:s|es)?`, `communit(?:y|ies)`)."""
    stem, endings = _endings(word)
    if endings == ("",):
        return re.escape(stem)
    if "" in endings:
        return re.escape(stem) + "(?:" + "|".join(ending for ending in endings if ending) + ")?"
    return re.escape(stem) + "(?:" + "|".join(endings) + ")"


def _forms(word: str) -> list[str]:
    """Every way a word of a term can be written, in lower case."""
    stem, endings = _endings(word)
    return [(stem + ending).lower() for ending in endings]
