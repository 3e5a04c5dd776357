"""The abbreviations a rubric spells out (core/model/abbreviations.py), found once per rubric and
named for each indicator that uses them: the facilitator's title line, the phone and `framework show`
read them from here, the plan's appendix too."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from coalition_cli.core.loading.frameworks import load_framework
from coalition_cli.core.model.abbreviations import said, used_in
from tests.support.custom_rubric import write_rubric

FRAMEWORK = load_framework()


def test_the_community_framework_spells_out_five_in_its_own_words() -> None:
    assert FRAMEWORK.abbreviations == {
        "IT": "Information Technology",
        "PS": "postsecondary",  # "two and four year postsecondary (PS) institutions": one word
        "HS": "high schools",
        "WBL": "work-based learning",
        "CTE": "Career Technical Education",
    }


def test_an_indicator_names_those_its_name_and_descriptors_use_in_the_rubrics_order() -> None:
    assert FRAMEWORK.abbreviations_in("C6.1") == (("WBL", "work-based learning"),)  # in its name
    assert FRAMEWORK.abbreviations_in("C1.3") == (("WBL", "work-based learning"),)  # in a descriptor
    assert FRAMEWORK.abbreviations_in("C5.3") == (
        ("WBL", "work-based learning"),
        ("CTE", "Career Technical Education"),
    )
    assert FRAMEWORK.abbreviations_in("C3.1") == ()
    assert FRAMEWORK.abbreviations_in("C1.2") == (("PS", "postsecondary"), ("HS", "high schools"))


@given(
    st.sampled_from(
        [
            ("two and four year postsecondary (PS) institutions", {"PS": "postsecondary"}),
            ("a Career Technical Education (CTE)", {"CTE": "Career Technical Education"}),
            ("the district (SD)", {}),  # no S after the D: not a guess
            ("our plan (PS)", {}),  # a word that does not start with its first letter
            ("PS (PS)", {}),  # not longer than the abbreviation
        ]
    )
)
def test_a_single_word_is_spelled_out_only_when_its_letters_make_the_abbreviation(
    case: tuple[str, dict[str, str]],
) -> None:
    from coalition_cli.core.model.abbreviations import _long_form  # the rule itself

    text, spelled = case
    before, short = text.rsplit("(", 1)
    short = short.rstrip(")")
    assert _long_form(before.split(), short) == spelled.get(short)


def test_a_rubric_that_spells_nothing_out_has_none(tmp_path: Path) -> None:
    rubric = load_framework(str(write_rubric(tmp_path / "rubric.yaml")))
    assert rubric.abbreviations == {}
    assert rubric.abbreviations_in("D-a") == ()


def test_said_is_what_a_screen_shows() -> None:
    assert said([]) == ""
    assert said([("WBL", "work-based learning")]) == "WBL: work-based learning"
    assert (
        said(FRAMEWORK.abbreviations_in("C5.3"))
        == "WBL: work-based learning · CTE: Career Technical Education"
    )


@given(
    before=st.sampled_from(["", "a ", "(", "the "]),
    after=st.sampled_from(["", " leads", ")", ".", ", and"]),
)
def test_an_abbreviation_is_used_only_as_a_word_of_its_own(before: str, after: str) -> None:
    spelled = {"WBL": "work-based learning"}
    assert used_in(spelled, [f"{before}WBL{after}"]) == (("WBL", "work-based learning"),)
    for longer in ("WBLs", "pre-WBL", "WBL-ready", "xWBL"):
        assert used_in(spelled, [f"{before}{longer}{after}"]) == ()
