"""The abbreviations a rubric spells out in its own words, for readers who do not know them.

An abbreviation ("WBL") is spelled out as the rubric itself spells it out somewhere in its text
("Work-based learning (WBL) leadership recruits …"): the words before the parenthesis whose
initials make it. One the rubric never spells out is not guessed at. A parent rating C6.1 "WBL
Leadership" from a phone, the facilitator reading it aloud and the plan's appendix all spell it out
the same way (`Framework.abbreviations`, found once per rubric).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coalition_cli.core.model.framework import Framework

_IN_PARENTHESES = re.compile(r"\(([A-Z]{2,6})\)")
"""An abbreviation in parentheses, after the words it stands for: "Work-based learning (WBL)"."""
_SHORT_WORDS = {"and", "of", "the", "for", "in", "to", "a", "an", "&"}


def spelled_out(framework: Framework) -> dict[str, str]:
    """Every abbreviation the rubric spells out, short to long, in order of first use in the rubric:
    {"WBL": "work-based learning"}. `long` is the rubric's words, its first letter in lower case
    unless every word is capitalized ("Career Technical Education")."""
    found: dict[str, str] = {}
    for text in _rubric_texts(framework):
        if "(" not in text:
            continue
        for match in _IN_PARENTHESES.finditer(text):
            short = match.group(1)
            before = (
                text[max(0, match.start() - 200) : match.start()]
                .rsplit("(", 1)[-1]
                .split()[-(len(short) + 4) :]
            )
            if short not in found and (long := _long_form(before, short)) is not None:
                found[short] = long
    return found


_CAPITALS = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")
"""A word in capitals that may be an abbreviation: "RUSD", "WDB" (not "IEPs", not "A-G")."""


def spelled_by_names(
    names: Iterable[str], texts: Iterable[str], known: Iterable[str] = ()
) -> tuple[tuple[str, str], ...]:
    """The abbreviations `texts` use (other than `known` ones) that the initials of consecutive words
    of one of `names` spell, a whole name or its last words, as (short, long) in order of first use:
    "RUSD" and "Riverside Unified School District", "WDB" and "Workforce Development Board" (from
    "Riverside Workforce Development Board"). A team writes its members' names short; the names
    are the team's own, so nothing is guessed. An abbreviation two names spell differently is left
    out."""
    corpus = " ".join(texts)
    skip = set(known)
    wanted = [short for short in dict.fromkeys(_CAPITALS.findall(corpus)) if short not in skip]
    if not wanted:
        return ()
    split = [[word.strip(",;:.()“”\"'’") for word in name.split()] for name in dict.fromkeys(names)]
    initials = [
        set("".join(part[0] for word in words for part in word.split("-") if part).upper()) for words in split
    ]
    found: list[tuple[str, str]] = []
    for short in wanted:
        letters = set(short)  # a name without all of them among its initials cannot spell it
        ends = {
            long
            for words, its in zip(split, initials, strict=True)
            if letters <= its and (long := _by_initials(words, short)) is not None and long[:1].isupper()
        }
        whole = {long for long in ends if any(long == " ".join(words) for words in split)}
        longs = whole or ends  # a whole name first: RCC is Riverside Community College, not the end of
        if len(longs) == 1:  # Greater Riverside Chamber of Commerce
            found.append((short, longs.pop()))
    return tuple(found)


def used_in(spelled: Mapping[str, str], texts: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """The (short, long) pairs of `spelled` whose abbreviation `texts` use as a word of its own
    ("WBL", not "WBLs" or "pre-WBL"), in the order of `spelled`."""
    if not spelled:
        return ()
    corpus = " ".join(texts)
    # most of a rubric's abbreviations are not in a plan's text at all: looking for the letters first
    # spares a pattern's search of 30,000 characters for each (a hundred of them: 2 ms)
    return tuple(
        (short, long)
        for short, long in spelled.items()
        if short in corpus and as_a_word(short).search(corpus)
    )


def as_a_word(short: str) -> re.Pattern[str]:
    """The abbreviation where it stands as a word of its own, in its own capitals: "WBL" in "WBL
    Leadership", not in "WBLs", "pre-WBL", or the word "It" for IT."""
    return re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w-])")


def said(pairs: Iterable[tuple[str, str]]) -> str:
    """The pairs as a reader meets them on a screen: "WBL: work-based learning"; "" when none."""
    return " · ".join(f"{short}: {long}" for short, long in pairs)


def _long_form(words: list[str], short: str) -> str | None:
    """The last words whose initials (of each part of a hyphenated word) spell `short`, else the
    last word alone when it starts with the abbreviation's first letter and holds the others in
    order ("postsecondary (PS)"), or None."""
    words = [word.strip(",;:.“”\"'’") for word in words]
    return _by_initials(words, short) or _one_word(words[-1] if words else "", short)


def _one_word(word: str, short: str) -> str | None:
    """`word`, its first letter in lower case, when it can be what `short` stands for."""
    letters = iter(word[1:].upper())  # each letter found after the one before
    if len(word) > len(short) and word[:1].upper() == short[0] and all(c in letters for c in short[1:]):
        return word[:1].lower() + word[1:]
    return None


def _by_initials(words: list[str], short: str) -> str | None:
    for count in range(1, len(words) + 1):
        candidate = [word for word in words[-count:] if word]
        initials = "".join(
            part[0]
            for word in candidate
            for part in word.split("-")
            if part and word.lower() not in _SHORT_WORDS
        )
        if initials.upper() == short:
            long = " ".join(candidate)
            if all(word[:1].isupper() or word.lower() in _SHORT_WORDS for word in candidate):
                return long
            return long[:1].lower() + long[1:]
        if len(initials) > len(short):
            return None
    return None


def _rubric_texts(framework: Framework) -> Iterator[str]:
    """Every text of the rubric, in its order: its prose, its domains and indicators, its glossary."""
    for section in (*framework.introduction, *framework.narrative):
        yield from section.text
        yield from section.items
    for domain in framework.domains:
        yield from domain.introduction
        yield from domain.overview
        yield from domain.reflect
        yield from domain.foundational_steps
        for indicator in domain.indicators:
            for paragraphs in indicator.descriptors.values():
                yield from paragraphs
    for entry in framework.glossary:
        yield entry.definition
    for role in framework.roles:
        yield role.quote
