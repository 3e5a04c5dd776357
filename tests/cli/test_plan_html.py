"""The HTML plan parsed with the standard library: one self-contained, accessible, escaped page."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from tests.support.plan import (  # noqa: F401
    FALL,
    HOSTILE,
    RIVERSIDE_FALL,
    RIVERSIDE_SPRING,
    SPRING,
    Outline,
    at_root,
    outline,
    plan_text,
)

pytestmark = pytest.mark.usefixtures("at_root")

CASES = {
    "fixture": (SPRING, "--since", FALL),
    "fixture-alone": (SPRING,),
    "hostile": (HOSTILE,),
    "examples": (RIVERSIDE_SPRING, "--since", RIVERSIDE_FALL),
}


def _html(case: str) -> str:
    args = CASES[case]
    if not Path(args[0]).is_file():
        pytest.skip(f"{args[0]} is not there yet")
    return plan_text(*args, "--format", "html", "-o", "-")


def _user_links(case: str) -> set[str]:
    """The http(s) links the assessment itself holds, which the page may link to."""
    text = Path(CASES[case][0]).read_text(encoding="utf-8")
    return set(re.findall(r"https?://[^\s\"'<>]+", text))


@pytest.mark.parametrize("case", CASES)
def test_one_h1_and_headings_that_never_skip_a_level(case: str) -> None:
    page = outline(_html(case))
    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, page.headings
    titles = [text for level, text in page.headings if level == 2]
    source = Path(CASES[case][0]).read_text()
    roster = ["The coalition: members and structure"] if "profile:" in source else []
    notes = ["The team’s notes"] if "\nnotes:" in source else []
    rated = [] if case == "examples" else ["Not yet rated"]
    assert titles == [
        "Summary",
        "The priorities in detail",
        "Actions between meetings",
        *notes,
        "Where the coalition stands",
        "Domain by domain",
        "Who took part",
        *roster,
        *rated,
        titles[-1],
    ]
    assert titles[-1].startswith("Sources, scoring")


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize(
    "variant", [(), ("--brief",), ("--audience", "public"), ("--audience", "public", "--brief")]
)
def test_the_contents_list_every_section_by_its_heading_in_order(case: str, variant: tuple[str, ...]) -> None:
    """On a phone the whole plan is 60,000 px tall: a section the contents leave out (the actions
    between meetings, the team's notes) is not found."""
    args = CASES[case]
    if not Path(args[0]).is_file():
        pytest.skip(f"{args[0]} is not there yet")
    html = plan_text(*args, *variant, "--format", "html", "-o", "-")
    nav = html.split('<nav aria-label="Contents">', 1)[1].split("</nav>", 1)[0]
    listed = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', nav)
    sections = re.findall(r'<section id="([^"]+)"[^>]*>\s*<h2[^>]*>([^<]+)</h2>', html)
    assert listed == sections


def _width(row: list[tuple[str, dict[str, str | None]]]) -> int:
    return sum(int(attrs.get("colspan") or 1) for _, attrs in row)


@pytest.mark.parametrize("case", CASES)
def test_tables_have_header_cells_with_scope(case: str) -> None:
    page = outline(_html(case))
    assert page.tables
    for table in page.tables:
        header = table.rows[0]
        assert header and all(tag == "th" and attrs.get("scope") == "col" for tag, attrs in header), (
            table.texts[0]
        )
        assert table.caption.strip(), "every table has a caption"
        for row in table.rows[1:]:
            assert _width(row) == _width(header)
            assert all(attrs.get("scope") in ("row", "col", "colgroup") for tag, attrs in row if tag == "th")


@pytest.mark.parametrize("case", CASES)
def test_self_contained_no_scripts_no_requests(case: str) -> None:
    html = _html(case)
    page = outline(html)
    for tag in ("script", "link", "img", "iframe", "object", "embed", "base", "form", "meta http-equiv"):
        assert tag not in page.tags, tag
    assert "style" in page.tags and "@media print" in html and "@page" in html
    assert not page.event_handlers
    assert not [url for url in page.urls if url[1] != "href"], "no src attributes at all"
    allowed = _user_links(case) | {"https://www.connectednational.org"}
    for _, _, href in page.urls:
        if href.startswith("#"):
            assert href[1:] in page.ids, f"dangling anchor {href}"
        else:
            assert href in allowed, f"unexpected link {href}"
    assert "url(" not in html and "@import" not in html
    assert len(page.ids) == len(set(page.ids)), "ids are unique"
    assert '<html lang="en">' in html


@pytest.mark.parametrize("case", ["fixture", "examples"])
def test_charts_are_labelled_images_with_their_numbers_in_tables(case: str) -> None:
    html = _html(case)
    svgs = re.findall(r"<svg\b[^>]*>", html)
    assert len(svgs) == 1, "the domain bars; the heatmap is HTML"
    assert all('role="img"' in svg and "aria-labelledby" in svg for svg in svgs)
    page = outline(html)
    domain_table = next(
        t
        for t in page.tables
        if t.texts[0][:3] == ["Domain", "Score", "Where it stands"] and "Overall" in str(t.texts)
    )
    shown_in_table = {row[0]: row[1] for row in domain_table.texts[1:]}
    description = re.search(r'<desc id="domain-bars-desc">(.*?)</desc>', html, re.S)
    assert description is not None
    pairs = re.findall(r"([^;:]+): (\d\.\d\d|—)", description.group(1))
    assert len(pairs) == 7 and len(shown_in_table) == 8  # the seven domains, and the overall row
    for name, score in pairs:
        assert any(label.endswith(name.strip()) and value == score for label, value in shown_in_table.items())
    cells = re.findall(
        r'<li class="cell stage-[^"]+"><span class="cell-id">([^<]+)</span> <span class="cell-name">([^<]+)</span>',
        html,
    )
    assert len(cells) == 22, "every indicator in the heatmap, named, not only its id"


def test_hostile_text_is_escaped_everywhere() -> None:
    html = _html("hostile")
    assert "<script" not in html.lower()
    assert "<img" not in html.lower() and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert (
        "&lt;script&gt;alert(&#34;evidence&#34;)&lt;/script&gt; | broken | table {{ 7*7 }} {% raw %} &lt;/td&gt;"
        in html
    )
    assert "{{ &#39;&#39;.__class__.__mro__ }} &lt;/style&gt;&lt;script&gt;x()&lt;/script&gt;" in html
    assert "<title>Action plan: Evil &lt;b&gt;Coalition&lt;/b&gt; | {{ 7*7 }}</title>" in html
    page: Outline = outline(html)
    assert page.headings[0] == (1, "Evil <b>Coalition</b> | {{ 7*7 }}")
    actions = next(t for t in page.tables if t.texts[0] == ["Action", "Owner", "Due", "Status"])
    assert actions.texts[1][:2] == ["Fix </td> | pipes <script>alert(2)</script>", "<b>owner</b> | x"]
    assert 'href="javascript' not in html
    assert "<li>javascript:alert(1)</li>" in html, "an unsafe link is shown as text, not linked"
