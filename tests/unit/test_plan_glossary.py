"""The glossary terms a plan uses (`plan.glossary.terms_used`): skipping the patterns of terms whose
words are not in the text never misses a term the pattern would have found."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition_cli.core.loading.frameworks import load_framework
from coalition_cli.core.model import abbreviations
from coalition_cli.core.model.framework import GlossaryEntry
from coalition_cli.core.plan import glossary

GLOSSARY = load_framework().glossary
_OTHERS = (
    GlossaryEntry(term="Éducation Sœur", definition="x"),
    GlossaryEntry(term="Σigma-Case", definition="x"),
)
_PIECES = st.sampled_from(
    [
        *(word for entry in (*GLOSSARY, *_OTHERS) for word in re.split(r"[\s-]+", entry.term)),
        "communities",
        "Programs",
        "PATHWAY",
        "teams",
        "wall",
        "to",
        "pre-",
        "x",
        "ies",
        "es",
        "s",
        " ",
        "-",
        "\n",
        "\u00a0",
        "\u2003",
        "\x1c",
        ".",
        "\u0130",
        "\u0131",
        "\u017f",
        "\u212a",
        "ς",
        "σ",
        "éducation",
        "SŒUR",
    ]
)


def _by_every_pattern(entries: tuple[GlossaryEntry, ...], corpus: str) -> tuple[GlossaryEntry, ...]:
    return tuple(entry for entry in entries if glossary._pattern(entry.term).search(corpus))


@given(st.lists(st.lists(_PIECES, max_size=12).map("".join), max_size=4), st.randoms())
def test_the_terms_found_are_those_every_pattern_finds(texts: list[str], rng: object) -> None:
    mixed = [
        "".join(char.upper() if rng.random() < 0.3 else char for char in text)  # type: ignore[attr-defined]
        for text in texts
    ]
    entries = (*GLOSSARY, *_OTHERS)
    assert glossary.terms_used(entries, mixed) == _by_every_pattern(entries, " ".join(mixed))


@given(
    st.text(
        st.sampled_from(
            [*"aZ-. \t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u1680\u2003\u2028\u200b\u0130\u0131\u017f\u212a\u00c9"]
        )
    )
)
def test_a_text_is_folded_as_the_separators_pattern_folds_it(text: str) -> None:
    """`_folded` splits at spaces instead of substituting `[\\s-]+`: the same words, the same single spaces."""
    by_pattern = glossary._SEPARATORS.sub(" ", text.translate(glossary._LIKE_ASCII).lower()).strip(" ")
    assert glossary._folded(text) == by_pattern


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the pathway team met", True),
        ("Pathway Teams", True),
        ("xpathway team", False),  # inside a longer word
        ("pre-pathway team", False),  # after a hyphen
        ("pathway teammates", False),
        ("xwall to wall to wall", True),  # refused at "xwall", found at the second "wall"
        ("pre-wall-to-wall-to-wall", False),
        ("", False),
    ],
)
def test_a_term_is_found_where_its_pattern_finds_it(text: str, found: bool) -> None:
    for term in ("Pathway Team", "Wall-to-Wall"):
        expected = bool(glossary._pattern(term).search(text))
        assert glossary._found(term, text) is expected
    assert (glossary._found("Pathway Team", text) or glossary._found("Wall-to-Wall", text)) is found


def test_only_these_characters_match_an_ascii_letter_in_another_case() -> None:
    every = "".join(map(chr, range(0x110000)))
    for letter in string.ascii_lowercase:
        others = set(re.compile(letter, re.IGNORECASE).findall(every)) - {letter, letter.upper()}
        assert {other.translate(glossary._LIKE_ASCII).lower() for other in others} <= {letter}


def test_terms_in_any_case_plural_or_spacing_are_found() -> None:
    text = "Our communities-of\n practice, PROGRAMS OF STUDY, wall - to-wall work-based learning; teacher externſhips"
    found = [entry.term for entry in glossary.terms_used(GLOSSARY, [text])]
    assert found == [
        "Community of Practice",
        "Program of Study",
        "Teacher Externship",
        "Wall-to-Wall",
        "Work-based Learning",
    ]
    assert glossary.terms_used(GLOSSARY, ["community practice, programme of study"]) == ()


# --- abbreviations -------------------------------------------------------------------------------


def test_the_bundled_rubric_spells_out_the_abbreviations_a_plan_uses() -> None:
    framework = load_framework()
    texts = ["C6.1 WBL Leadership", "academic, CTE, and WBL", "the IT department", "WBLs", "RUSD"]
    assert glossary.abbreviations(framework, texts) == (
        ("IT", "Information Technology"),
        ("WBL", "work-based learning"),
        ("CTE", "Career Technical Education"),
    )
    assert glossary.abbreviations(framework, ["Riverside Unified (RUSD) and RCC"]) == (), "never guessed"


def _long(words: str, short: str) -> str | None:
    return abbreviations._long_form(words.split(" "), short)


def test_an_abbreviation_is_the_words_whose_initials_make_it() -> None:
    assert _long("operationalizing a work-based learning", "WBL") == "work-based learning"
    assert _long("academic, Career Technical Education", "CTE") == "Career Technical Education"
    assert _long("Department of Labor", "DOL") is None, "small words have no initial"
    assert _long("Department of Labor", "DL") == "Department of Labor"
    assert _long("two and four year postsecondary", "PS") == "postsecondary"  # one word, P…S in order
    assert _long("“Linked Learning”", "LL") == "Linked Learning"
