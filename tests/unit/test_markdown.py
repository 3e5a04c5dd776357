"""The one Markdown escaper, in both of its spellings: the plan's and the reports'."""

from __future__ import annotations

from html import unescape

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import given
from hypothesis import strategies as st

from coalition_cli.cli.output.formats.md import markdown
from coalition_cli.core import markdown as markdown_text
from coalition_cli.core.markdown import MarkdownText, markdown_escape
from coalition_cli.core.reports.document import Heading, Line, table


def _html(text: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)


@pytest.mark.parametrize(
    ("text", "plan", "report"),
    [
        ("a <b> & c", "a \\<b\\> & c", "a &lt;b&gt; & c"),
        ("AT&amp;T", "AT\\&amp;T", "AT&amp;amp;T"),
        ("two  spaces\nand\tlines", "two spaces and lines", "two  spaces and\tlines"),
        ("1. first", "1\\. first", "1\\. first"),
        ("# title", "\\# title", "\\# title"),
        ("- item", "\\- item", "\\- item"),
        ("-x and +1", "-x and +1", "-x and +1"),
        ("C# and F #", "C# and F \\#", "C# and F \\#"),
        ("a | b *c* _d_ `e` [f] ~g~ \\", *["a \\| b \\*c\\* \\_d\\_ \\`e\\` \\[f\\] \\~g\\~ \\\\"] * 2),
    ],
)
def test_the_two_spellings(text: str, plan: str, report: str) -> None:
    assert markdown_escape(text) == plan
    assert markdown_escape(text, exact_spacing=True, entities=True) == report


def test_markdown_already_made_is_left_alone() -> None:
    made = MarkdownText("**bold**")
    assert markdown_escape(made) is made
    assert markdown_escape(made, exact_spacing=True, entities=True) is made


def test_a_report_line_that_starts_like_a_list_shows_as_written() -> None:
    """Report lines used to escape `1.` as `\\1.`, which GitHub shows with the backslash."""
    rendered = _html(markdown([Line("1. on the list"), Line("- not a bullet"), Line("# not a heading")]))
    assert "<ol" not in rendered and "<ul" not in rendered and "<h" not in rendered
    for shown in ("1. on the list", "- not a bullet", "# not a heading"):
        assert f"<p>{shown}</p>" in rendered


@given(
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30),
    st.sampled_from(["", " #", " ##", "\t#", " # ", " 1.", " -"]),
)
def test_any_heading_or_line_stays_literal(text: str, ending: str) -> None:
    text += ending
    rendered = _html(markdown([Heading(text), Line(text), table(None, ["x"], [["y"]])]))
    assert rendered.count("<h2>") == 1 and rendered.count("<table>") == 1
    heading = rendered.split("<h2>", 1)[1].split("</h2>", 1)[0]
    assert unescape(heading) == text.strip(" \t")


_TEXTS = st.one_of(
    st.text(),
    st.lists(
        st.sampled_from([*"aZé9 ,;:'’\"()!?%/@.—–-+=#*_`[]<>|~&\\\t\n\xa0", "1.", "2)", "  "]), max_size=30
    ).map("".join),
    st.sampled_from(
        ["Developing", "2 Developing", "1. First", "C1.1", "Riverside, Spring 2026", "Lee's (WDB)"]
    ),
)


@given(_TEXTS, st.booleans(), st.booleans())
def test_the_quick_answer_for_inert_text_is_the_full_escape(
    text: str, exact_spacing: bool, entities: bool
) -> None:
    assert markdown_escape(text, exact_spacing=exact_spacing, entities=entities) == markdown_text._escape(
        text, exact_spacing, entities
    )
    assert markdown_escape(text, exact_spacing=exact_spacing, entities=entities) == markdown_text._escape(
        text, exact_spacing, entities
    )  # and from memory, the second time
