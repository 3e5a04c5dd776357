"""Writing YAML by hand (`core.yamltext`): whatever the text, it reads back as itself."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from coalition_cli.core.yaml import source as yamlsource
from coalition_cli.core.yaml import text as yamltext

# Any text a file can hold (no lone surrogates: UTF-8 cannot), with the characters that trip YAML up
# drawn often: indicators, line breaks of every kind, a byte-order mark, controls, digits (dates).
_TRICKY = [*"ab Z09:#-'\"{}[],&*!|>%@`?.~;=$\n\r\t\\", "\x85", "\u2028", "\u2029", "\ufeff", "\x00", "\x7f"]
_DATES = st.dates().map(lambda day: day.isoformat())  # parse_fast keeps a plain date as text: quote it anyway
# paths, and what only looks like one: `.5`, `.inf`, `./.nan`
_PATHS = st.lists(st.sampled_from([*"./~-_ 5a", "inf", "nan", "yaml"]), max_size=8).map("".join)
texts = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",))),
    st.text(st.sampled_from([*_TRICKY, "é", "—", "’", "😀", "\xa0"]), max_size=30),
    _DATES,
    _PATHS,
    st.sampled_from(["null", "True", "no", "On", "~", "1.5", ".inf", "- a", "a: b", "a #b", "", " a", "a "]),
)


def _pure(text: str) -> object:
    return YAML(typ="safe", pure=True).load(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_string_written_as_a_scalar_reads_back_as_itself(text: str) -> None:
    written = yamltext.scalar(text)
    assert "\n" not in written and "\r" not in written
    document = f"key: {written}\nnext: 1\n"
    assert yamlsource.parse_fast(document) == {"key": text, "next": 1}
    assert _pure(document) == {"key": text, "next": 1}  # the same with a plain YAML 1.2 reader
    assert yamlsource.parse_fast(f"- {written}\n") == [text]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_text_typed_in_quotes_reads_back_as_itself_in_double_quotes_where_they_can_hold_it(text: str) -> None:
    """What `validate` tells a person to type (review s12 #1): double quotes, which an apostrophe does
    not end, unless the text holds what they read as an escape."""
    written = yamltext.typed_in_quotes(text)
    assert yamlsource.parse_fast(f"key: {written}\nnext: 1\n") == {"key": text, "next": 1}
    assert _pure(f"key: {written}\n") == {"key": text}
    plain_enough = (
        '"' not in text
        and "\\" not in text
        and re.fullmatch(r"[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*", text)
    )
    assert written.startswith('"') if plain_enough else written[:1] in ("'", '"')


def test_text_typed_in_quotes_is_what_a_person_would_type() -> None:
    assert yamltext.typed_in_quotes("Teamsters Local #42") == '"Teamsters Local #42"'
    assert yamltext.typed_in_quotes("The board's minutes #3") == '"The board\'s minutes #3"'
    assert yamltext.typed_in_quotes('The "Data" group #2') == "'The \"Data\" group #2'"
    assert yamltext.typed_in_quotes("C:\\drive #1") == "'C:\\drive #1'"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_text_styled_for_a_flow_collection_reads_back_as_itself(text: str) -> None:
    style = yamltext.style(text, flow=True)
    if style == "plain":
        assert yamlsource.parse_fast(f"key: {{a: {text}, b: 1}}\n") == {"key": {"a": text, "b": 1}}
        assert yamlsource.parse_fast(f"key: [{text}, 1]\n") == {"key": [text, 1]}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["", "    "]), st.sampled_from(["", "Evidence then: "]))
def test_comment_lines_never_leak_into_the_document(text: str, indent: str, first: str) -> None:
    lines = yamltext.comment_lines(text, indent, first=first, rest="  ")
    assert all(line.lstrip(" ").startswith("#") for line in lines)
    document = "\n".join(["key:", *lines, "  inner: 1", *lines, "next: 2"]) + "\n"
    assert yamlsource.parse_fast(document) == {"key": {"inner": 1}, "next": 2}


def test_comment_lines_wrap_within_the_width_and_keep_line_breaks() -> None:
    text = "word " * 60 + "\u2028second paragraph"
    lines = yamltext.comment_lines(text, "    ", first="1 Emerging: ", rest=" " * 12)
    assert all(len(line) <= yamltext.COMMENT_WIDTH for line in lines)
    assert lines[0].startswith("    # 1 Emerging: word")
    assert lines[-1] == "    #             second paragraph"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Riverside Pathways Coalition", "Riverside Pathways Coalition"),
        ("Women's Council (East)", "Women's Council (East)"),
        ("Chair; co-chair", "Chair; co-chair"),
        ('Sign the "Pathways" MOU!', 'Sign the "Pathways" MOU!'),
        ("Who leads? 50% by June", "Who leads? 50% by June"),
        ("../rubrics/tiny-rubric.yaml", "../rubrics/tiny-rubric.yaml"),
        ("/srv/rubric.yaml", "/srv/rubric.yaml"),
        (".5", "'.5'"),
        ("Riverside: Pathways", "'Riverside: Pathways'"),
        ("it's: 'quoted'", "'it''s: ''quoted'''"),
        ("null", "'null'"),
        ("2026-03-14", "'2026-03-14'"),
        ("two\nlines", '"two\\nlines"'),
        ("tab\there", '"tab\\u0009here"'),
        ("line\u2028separator", '"line\\Lseparator"'),
        ("\ufeffbom", '"\\ufeffbom"'),
    ],
)
def test_scalars_are_plain_where_unambiguous_and_quoted_otherwise(text: str, written: str) -> None:
    assert yamltext.scalar(text) == written


def test_a_literal_block_is_only_used_where_it_holds_the_text_as_it_is() -> None:
    assert yamltext.fits_literal_block("one\ntwo")
    assert not yamltext.fits_literal_block("one \ntwo")  # a space at the end of a line
    assert not yamltext.fits_literal_block("\none")  # a blank line first
    assert not yamltext.fits_literal_block("one\n\ttwo")  # a tab opening a line
    assert not yamltext.fits_literal_block("one\u2028two")  # read as a line break by one parser only


_EVERY_CHARACTER = "".join(map(chr, range(0x110000)))
_AS_ITSELF = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
"""The characters every parser reads as themselves, as ranges: what the module's classes (written
as "none of the others", which compiles 10x faster) must mean, character for character."""


def test_the_classes_of_characters_written_as_themselves_hold_exactly_those() -> None:
    others = set(_AS_ITSELF.sub("", _EVERY_CHARACTER))
    assert len(others) == 0x110000 - len(_AS_ITSELF.findall(_EVERY_CHARACTER)) == 2118
    assert set(yamltext._ONE_LINE.sub("", _EVERY_CHARACTER)) == others
    assert set(yamltext._LINES.sub("", _EVERY_CHARACTER)) == others - {"\t", "\n"}
    assert set(yamltext._NOT_AS_ITSELF.findall(_EVERY_CHARACTER)) == others


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(texts, st.text(st.sampled_from("ab é😀#:'\""), min_size=1, max_size=12)), max_size=30),
    st.integers(10, 90),
)
def test_text_folded_at_its_points_reads_back_as_itself(words: list[str], width: int) -> None:
    from ruamel.yaml.scalarstring import FoldedScalarString

    text = " ".join(words)
    points = yamltext.fold_points(text, width)
    if points is None:
        return
    folded = FoldedScalarString(text)
    folded.fold_pos = points
    stream = io.StringIO()
    yaml = YAML()
    yaml.width = 1_000_000
    yaml.dump({"key": folded, "next": 1}, stream)
    written = stream.getvalue()
    assert yamlsource.parse_fast(written) == {"key": text, "next": 1}
    assert _pure(written) == {"key": text, "next": 1}
    # every line is within the width, unless it has no single space to break at within it
    for line in (line.strip() for line in written.splitlines()[1:-1]):
        single_spaces = [match.start() for match in re.finditer(r"(?<!\s) (?!\s)", line)]
        assert len(line) <= width or not any(index <= width for index in single_spaces)


def test_fold_points_break_between_words_within_the_width() -> None:
    text = "one two three four five six seven"
    assert [text[i] for i in yamltext.fold_points(text, 10) or []] == [" "] * 3
    assert yamltext.fold_points(text, 100) == []
    assert yamltext.fold_points("a  b " * 10, 4) is None  # a space at the end: a block cannot hold it
    assert yamltext.fold_points("two\nlines", 4) is None
    assert yamltext.fold_points("tab\there and there", 4) is None
    assert yamltext.fold_points("a" * 30 + " b", 10) == [30]  # a long word gets its own line
