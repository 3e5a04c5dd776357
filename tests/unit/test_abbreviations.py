"""The abbreviations a rubric spells out (core/model/abbreviations.py), found once per rubric and
named for each indicator that uses them: the facilitator's title line, the phone and `framework show`
read them from here, the plan's appendix too."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from coalition_cli.core.loading.frameworks import load_framework
from coalition_cli.core.model import abbreviations
from coalition_cli.core.model.abbreviations import said, spelled_by_names, used_in
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


MEMBERS = [
    "Riverside Unified School District",
    "Riverside Community College",
    "Riverside Workforce Development Board",
    "Greater Riverside Chamber of Commerce",
    "City of Riverside, Office of the Mayor",
]


def test_the_teams_abbreviations_are_spelled_out_from_its_members_names() -> None:
    """A whole name, or its last words (the WDB); a whole name before the end of another (RCC is not
    "Riverside Chamber of Commerce"); nothing guessed where no name spells it, nor a known one again."""
    texts = ["RUSD and RCC met the WDB about the LCAP; IEPs, A-G and the IT help desk. WBL for all."]
    assert spelled_by_names(MEMBERS, texts, known=["WBL"]) == (
        ("RUSD", "Riverside Unified School District"),
        ("RCC", "Riverside Community College"),
        ("WDB", "Workforce Development Board"),
    )


def test_an_abbreviation_two_names_spell_differently_is_left_out() -> None:
    names = ["Riverside Community College", "Regional Chamber Council"]
    assert spelled_by_names(names, ["The RCC said so."]) == ()


@given(st.lists(st.sampled_from(["RUSD", "RCC", "WDB", "XYZ", "the", "and", "IT", "Riverside"]), max_size=12))
def test_every_abbreviation_spelled_out_is_in_the_text_and_made_by_a_names_initials(words: list[str]) -> None:
    found = spelled_by_names(MEMBERS, [" ".join(words)])
    assert [short for short, _ in found] == [w for w in dict.fromkeys(words) if w in {"RUSD", "RCC", "WDB"}]
    for short, long in found:
        assert any(name.endswith(long) for name in MEMBERS)
        assert "".join(word[0] for word in long.split() if word not in ("of", "the")) == short


def _spelled_by_every_name(names: list[str], text: str) -> tuple[tuple[str, str], ...]:
    """`spelled_by_names` as it was, trying every name for every abbreviation (no initials looked at first)."""
    wanted = list(dict.fromkeys(abbreviations._CAPITALS.findall(text)))
    split = [[word.strip(",;:.()“”\"'’") for word in name.split()] for name in dict.fromkeys(names)]
    found = []
    for short in wanted:
        ends = {
            long
            for words in split
            if (long := abbreviations._by_initials(words, short)) is not None and long[:1].isupper()
        }
        whole = {long for long in ends if any(long == " ".join(words) for words in split)}
        longs = whole or ends
        if len(longs) == 1:
            found.append((short, longs.pop()))
    return tuple(found)


_NAME_WORDS = st.sampled_from(
    [
        "Riverside",
        "river",
        "Rapid",
        "Council",
        "Career",
        "Center",
        "of",
        "the",
        "and",
        "Co-op",
        "De-Anza",
        "ßtraße",
        "Ω",
    ]
)


@given(
    st.lists(st.lists(_NAME_WORDS, min_size=1, max_size=5).map(" ".join), max_size=4),
    st.lists(st.sampled_from(["RC", "RCC", "CC", "RRC", "CDA", "SS", "TCC", "RAC", "x", "the"]), max_size=8),
)
def test_looking_at_initials_first_finds_what_trying_every_name_finds(
    names: list[str], words: list[str]
) -> None:
    text = " ".join(words)
    assert spelled_by_names(names, [text]) == _spelled_by_every_name(names, text)
