"""Did-you-mean: an id typed with other separators or case is the id it spells, part for part."""

from __future__ import annotations

import pytest

from coalition_cli.core.suggest import closest, did_you_mean

TWELVE_DOMAINS = [f"D{n}" for n in range(1, 13)] + [f"D{d}.{i}" for d in range(1, 13) for i in range(1, 13)]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("D1-1", "D1.1"), ("d1 1", "D1.1"), ("D1,12", "D1.12"), ("D11-2", "D11.2"), ("d11", "D11")],
)
def test_separators_are_read_where_they_are_not_squashed_away(typed: str, meant: str) -> None:
    # squashed, D1-1 and the domain D11 are both "d11": the domains come first, so D11 was suggested
    assert closest(typed, TWELVE_DOMAINS) == meant


def test_a_missing_separator_is_still_found() -> None:
    assert closest("C12", ["C1", "C1.1", "C1.2"]) == "C1.2"
    assert did_you_mean("C1.2", ["C1.2"]) == ""  # the word itself is no suggestion


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("C1.l", "C1.1"),  # a letter l for the digit 1
        ("Cl.4", "C1.4"),
        ("CI.4", "C1.4"),
        ("C1.4 Cross Systems Alignment", "C1.4"),  # the id with its name, pasted from the rubric
    ],
)
def test_a_letter_for_a_digit_or_the_name_after_the_id_is_still_the_id(typed: str, meant: str) -> None:
    """A coordinator's mistypings that got no suggestion at all (ratio under the cutoff)."""
    assert closest(typed, ["C1", "C1.1", "C1.2", "C1.3", "C1.4", "C2.1"]) == meant


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("k12–education", " (did you mean 'k12-education'? – is a dash: type a hyphen (-) instead)"),
        (
            "“civic”",
            """ (did you mean 'civic'? “ ” are typographic (curly) quotes: type straight quotes (") or none)""",
        ),
        ("“2”", """ (“ ” are typographic (curly) quotes: type straight quotes (") or none)"""),
        (
            "civic\u00a0",
            " (did you mean 'civic'? a no-break space (U+00A0) is not a space to the tool: type an ordinary space)",
        ),
        ("cvic", " (did you mean 'civic'?)"),
        ("civic", ""),
    ],
)
def test_a_word_that_only_looks_right_says_what_its_odd_character_is(typed: str, said: str) -> None:
    """Review s12 #5: `k12–education` got "(did you mean 'k12-education'?)", which looks the same as
    what was typed, and `stage: “2”` no word about its quotes."""
    assert did_you_mean(typed, ["k12-education", "civic"]) == said
