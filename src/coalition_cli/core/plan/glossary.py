"""The rubric's glossary terms that a plan uses, for its appendix.

A term is used when the plan's text holds it (in any case, a hyphen or a space between its words,
each word with or without a plural ending): "programs of study" uses "Program of Study", "teacher
externships" uses "Teacher Externship", "communities of practice" uses "Community of Practice". Definitions are the rubric's, word for word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from coalition_cli.core.model.framework import GlossaryEntry


def terms_used(glossary: Iterable[GlossaryEntry], texts: Iterable[str]) -> tuple[GlossaryEntry, ...]:
    """The entries whose term appears in `texts`, in the glossary's order."""
    corpus = " ".join(texts)
    return tuple(entry for entry in glossary if _pattern(entry.term).search(corpus))


def _pattern(term: str) -> re.Pattern[str]:
    words = [_word(word) for word in re.split(r"[\s-]+", term.strip()) if word]
    return re.compile(r"(?<![\w-])" + r"[\s-]+".join(words) + r"(?![\w-])", re.IGNORECASE)


def _word(word: str) -> str:
    """A word of a term, singular or plural (`practice(?:s)?`, `communit(?:y|ies)`)."""
    if word[-1:].lower() == "y" and len(word) > 2 and word[-2:-1].lower() not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies)"
    if word[-1:].isalpha():
        return re.escape(word) + "(?:s|es)?"
    return re.escape(word)
