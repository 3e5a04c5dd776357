"""Choosing a stakeholder group at a prompt: by number, the Guide's words, or this tool's everyday words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_cli.core.loading.frameworks import load_guide
from coalition_cli.core.stakeholder_groups import EVERYDAY_WORDS, GroupUnclear, parse_group

GUIDE = load_guide()
NUMBERS = {group.id: number for number, group in enumerate(GUIDE.stakeholder_groups, start=1)}


@pytest.mark.parametrize(
    ("typed", "group"),
    [
        # what a facilitator typed, and was refused
        ("school", "k12-education"), ("high school", "k12-education"), ("district", "k12-education"),
        ("college", "postsecondary"), ("employer", "corporations"), ("chamber", "business-organizations"),
        ("church", "faith-based-organizations"),
        # plurals, case, punctuation, and the organization's own name
        ("Schools", "k12-education"), ("universities", "postsecondary"), ("non-profit", "community-based-organizations"),
        ("Boys & Girls Club", "community-based-organizations"), ("Riverside Unified School District.", "k12-education"),
        ("Riverside USD", "k12-education"), ("our church", "faith-based-organizations"),
        ("Riverside Trade School", "postsecondary"),  # a trade school is not a `school`: the longer word counts
        ("Riverside City College", "postsecondary"), ("the Chamber", "business-organizations"),
        # the Guide's partner kinds
        ("Chamber of Commerce and Industry Associations", "business-organizations"),
        ("Colleges", "postsecondary"), ("apprenticeships", "postsecondary"), ("Mayor's office", "civic"),
        ("workforce boards", "workforce-economic-development"), ("Parent Groups", "parent-student-advocacy"),
        # parts of a word, as before
        ("lab", "labor-unions"), ("dist", "k12-education"), ("econ", "workforce-economic-development"),
    ],
)  # fmt: skip
def test_the_words_people_use_choose_a_group(typed: str, group: str) -> None:
    assert parse_group(GUIDE, typed) == group


@pytest.mark.parametrize(
    ("typed", "candidates"),
    [("business", (3, 4)), ("industry", (3, 4)), ("education", (1, 2)), ("community", (2, 7)),
     ("org", (4, 6, 7, 8)), ("Riverside Community College District", (1, 2))],
)  # fmt: skip
def test_a_word_several_groups_share_is_never_guessed(typed: str, candidates: tuple[int, ...]) -> None:
    with pytest.raises(GroupUnclear, match="could be more than one group") as raised:
        parse_group(GUIDE, typed)
    assert raised.value.candidates == candidates


@pytest.mark.parametrize("typed", ["and", "the", "of", "zoo", "12", "0", "local 11"])
def test_words_that_name_no_group_are_refused(typed: str) -> None:
    with pytest.raises(GroupUnclear, match="is not a stakeholder group") as raised:
        parse_group(GUIDE, typed)
    assert raised.value.candidates == ()


def test_a_misspelt_everyday_word_is_suggested() -> None:
    with pytest.raises(
        GroupUnclear, match=r"'chruch' is not a stakeholder group \(did you mean 'church'\?\)"
    ):
        parse_group(GUIDE, "chruch")


def test_every_everyday_word_chooses_its_own_group_alone() -> None:
    assert set(EVERYDAY_WORDS) == set(NUMBERS)  # every group, and only the Guide's
    for group, words in EVERYDAY_WORDS.items():
        for word in words:
            assert parse_group(GUIDE, word) == group, word


def test_every_partner_kind_chooses_its_group() -> None:
    for kind in GUIDE.partner_kinds:
        [group] = kind.stakeholder_groups
        assert parse_group(GUIDE, kind.name) == group, kind.name


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([(word, group) for group, words in EVERYDAY_WORDS.items() for word in words]),
    st.sampled_from([str.upper, str.title, str.lower, lambda w: f"  {w} ", lambda w: w.replace(" ", "-")]),
    st.sampled_from(["", "Riverside "]),
)
def test_an_everyday_word_in_any_case_and_in_a_name_chooses_the_same_group(
    pair: tuple[str, str], spelling: object, before: str
) -> None:
    word, group = pair
    assert callable(spelling)
    assert parse_group(GUIDE, before + spelling(word)) == group
