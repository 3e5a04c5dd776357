"""`wording.for_readers`: a document people read (a plan, a report's Markdown) holds no control
character but tab, line feed and carriage return, and everything else its text held, in order."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition_cli.core.markdown import markdown_code, markdown_escape, markdown_link, markdown_paragraphs
from coalition_cli.core.wording import for_readers, web_address

CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters, and the bidi controls that reorder what follows them."""
TEXTS = st.text(
    st.one_of(
        st.characters(max_codepoint=0xA0),
        st.sampled_from(
            "é—\u200e\u200f\u061c\u200d\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u00a0✓"
        ),
    )
)


@given(TEXTS)
def test_what_is_left_out_and_what_stays(text: str) -> None:
    shown = for_readers(text)
    assert not CONTROLS.search(shown)
    expected = "".join((" " if char.isspace() else "") if CONTROLS.fullmatch(char) else char for char in text)
    assert shown == expected
    assert for_readers(shown) == shown


def test_a_form_feed_parts_two_words_and_an_escape_sequence_leaves_its_text() -> None:
    assert for_readers("a page\fbreak") == "a page break"
    assert for_readers("\x1b]0;title\x07 \x1b[31mred\x1b[0m\x00") == "]0;title [31mred[0m"
    assert for_readers("tab\tand\nlines\r\n") == "tab\tand\nlines\r\n"
    text = "no controls here: \u200f\u200e\u061c\u200d"  # marks and joiners belong to the text
    assert for_readers(text) is text
    assert for_readers("https://example.org/\u202efdp.exe") == "https://example.org/fdp.exe"  # not "exe.pdf"


@given(TEXTS, st.booleans(), st.booleans())
def test_no_markdown_helper_lets_a_control_character_through(
    text: str, exact_spacing: bool, entities: bool
) -> None:
    for made in (
        markdown_escape(text, exact_spacing=exact_spacing, entities=entities),
        markdown_paragraphs(text),
        markdown_code(text),
        markdown_link(text, "https://example.org/" + text),
        markdown_link(text, text),
    ):
        assert not CONTROLS.search(made), repr(made)


@pytest.mark.parametrize(
    ("address", "linked"),
    [
        ("https://example.org/plan?a=1&b=2", True),
        ("mailto:chair@example.org", True),
        ("HTTPS://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        ("https://example.org/\u202efdp.exe", False),  # shown as "exe.pdf": never a link
        ("https://example.org/\u200bx", False),
        ("https://example.org/\x1b[31m", False),
        ("https://example.org/a b", False),
        ('https://example.org/"onmouseover', False),
        ("", False),
    ],
)
def test_only_a_plain_web_address_is_linked(address: str, linked: bool) -> None:
    assert web_address(address) is linked
    made = markdown_link("the page", address)
    assert made.startswith("[the page](<") is linked
