"""The Markdown plan through a real GFM renderer: tables hold together and user text stays text."""

from __future__ import annotations

import itertools
import re

import pytest

from coalition_cli.core.markdown import (
    markdown_code,
    markdown_escape,
    markdown_link,
    markdown_paragraphs,
)
from tests.support.plan import (  # noqa: F401
    FALL,
    HOSTILE,
    RIVERSIDE_FALL,
    RIVERSIDE_SPRING,
    SPRING,
    at_root,
    gfm_html,
    gfm_tables,
    outline,
    plan_text,
)

pytestmark = pytest.mark.usefixtures("at_root")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a | b", "a | b"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("**bold** _em_ `code` ~~gone~~", "**bold** _em_ `code` ~~gone~~"),
        ("[link](http://x.example)", "[link](http://x.example)"),
        ("# heading", "# heading"),
        ("- item", "- item"),
        ("1. first", "1. first"),
        ("2) second", "2) second"),
        ("AT&T &amp; &#60;", "AT&T &amp; &#60;"),
        ("back\\slash", "back\\slash"),
        ("{{ 7*7 }} {% raw %}", "{{ 7*7 }} {% raw %}"),
        ("1.98 and +0.48 and -x", "1.98 and +0.48 and -x"),
        ("two\n\nlines", "two lines"),
    ],
)
def test_escaped_text_renders_as_exactly_that_text(text: str, shown: str) -> None:
    html = gfm_html(f"- {markdown_escape(text)}\n\n| a |\n| --- |\n| {markdown_escape(text)} |\n")
    page = outline(html)
    allowed = {"ul", "li", "table", "thead", "tbody", "tr", "th", "td"}
    if "http://" in text:
        allowed.add("a")  # GitHub links a URL written in plain text (GFM's autolink extension): allowed
    assert set(page.tags) <= allowed, page.tags
    assert page.tables[0].texts[-1] == [shown]
    assert len(page.tables[0].rows[-1]) == 1


def test_plain_text_stays_readable_in_the_source() -> None:
    assert markdown_escape("Quarterly meetings since 2024; charter drafted (v2).") == (
        "Quarterly meetings since 2024; charter drafted (v2)."
    )
    assert markdown_escape("Parents & students: 1.98 → 2.10") == "Parents & students: 1.98 → 2.10"


def test_paragraphs_code_and_links() -> None:
    assert markdown_paragraphs("one *a*\n\n two\n") == "one \\*a\\*\n\ntwo"
    assert markdown_paragraphs("one\n\ntwo", indent=3) == "one\n\n   two"
    assert markdown_code("a `b` c") == "``a `b` c``"
    assert markdown_code("`x`") == "`` `x` ``"
    assert markdown_link("https://a.example/x", "https://a.example/x") == "<https://a.example/x>"
    assert markdown_link("the charter", "https://a.example/x") == "[the charter](<https://a.example/x>)"
    assert markdown_link("javascript:alert(1)", None) == "javascript:alert(1)"


def _check_tables(markdown: str) -> int:
    """Every GFM table: each row has as many cells as the header, and every header cell is a th."""
    tables = gfm_tables(markdown)
    for table in tables:
        header = table.rows[0]
        assert header and all(tag == "th" for tag, _ in header)
        for row in table.rows[1:]:
            assert len(row) == len(header), (table.texts[0], row)
    return len(tables)


def test_the_plan_tables_render_with_the_right_columns() -> None:
    markdown = plan_text(SPRING, "--since", FALL)
    count = _check_tables(markdown)
    tables = gfm_tables(markdown)
    headers = [table.texts[0] for table in tables]
    assert headers[0] == ["Domain", "Score", "Where it stands", "Since Fall 2025"]
    assert headers[1] == headers[2] == ["#", "Priority", "Now → aim", "Next action", "Owner", "Due"]
    full = next(t for t in tables if t.texts[0][:3] == ["Domain", "Score", "From 1 to 4"])
    bars = [row[2] for row in full.texts[1:]]
    assert all(len(bar) == 10 and set(bar) <= {"█", "░"} for bar in bars), bars
    every = next(t for t in tables if t.texts[0][0] == "Indicator" and "Priority" in t.texts[0])
    assert len(every.rows) == 23  # a header and the 22 indicators
    # the summary, both priority groups, the domains, every indicator, the participants, the
    # register's owners, and one per indicator with actions and the register's overdue and open
    # actions (the fall assessment set no targets: no table of them)
    assert count == 7 + sum("Action" in h for h in headers)


def test_the_example_plan_tables_render() -> None:
    if not RIVERSIDE_SPRING.is_file():
        pytest.skip("the examples are not there yet")
    markdown = plan_text(RIVERSIDE_SPRING, "--since", RIVERSIDE_FALL)
    assert _check_tables(markdown) >= 4


def test_hostile_text_cannot_break_a_table_or_inject_markup() -> None:
    markdown = plan_text(HOSTILE)
    _check_tables(markdown)
    html = gfm_html(markdown)
    page = outline(html)
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags
    assert not page.event_handlers
    assert [url for url in page.urls if "javascript" in url[2]] == []
    hrefs = {value for _, name, value in page.urls if name == "href"}
    # only plain web links (the user's, autolinked by GFM, and the framework's source) and our own anchor
    assert all(h == "#not-yet-rated" or h.startswith(("http://", "https://")) for h in hrefs), hrefs
    assert not [url for url in page.urls if url[1] != "href"]
    # the hostile action row keeps its four cells and shows its text whole
    actions = next(t for t in page.tables if t.texts[0] == ["Action", "Owner", "Due", "Status"])
    assert actions.texts[1] == [
        "Fix </td> | pipes <script>alert(2)</script>",
        "<b>owner</b> | x",
        "1 February 2026",
        "open",  # no status written: open, as the register says
    ]
    participants = next(t for t in page.tables if t.texts[0][0] == "Stakeholder group")
    assert participants.texts[1] == [
        "Corporations",
        "<img src=x onerror=alert(1)> | Mallory (ACME </td></tr></table> *Inc* [x](javascript:alert(1)))",
    ]
    text = re.sub(r"\s+", " ", html)
    assert (
        "&lt;script&gt;alert(&quot;evidence&quot;)&lt;/script&gt; | broken | table {{ 7*7 }} {% raw %} &lt;/td&gt;"
        in text
    )
    # each line of the evidence stays a line (a hard break), and none of them becomes markup
    assert (
        "<br /> # not a heading<br /> - not a list<br /> 1. not a list either<br /> **not bold** `not code`"
        in text
    )
    assert "<h1>Action plan: Evil &lt;b&gt;Coalition&lt;/b&gt; | {{ 7*7 }}</h1>" in text
    assert "<h2>" in text and text.count("<h1>") == 1


@pytest.mark.parametrize("args", [(SPRING, "--since", FALL), (HOSTILE,)], ids=["fixture", "hostile"])
def test_markdown_headings_form_an_outline(args: tuple[object, ...]) -> None:
    headings = outline(gfm_html(plan_text(*args))).headings
    levels = [level for level, _ in headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(after <= before + 1 for before, after in itertools.pairwise(levels)), headings
