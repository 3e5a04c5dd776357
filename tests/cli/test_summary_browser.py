"""The network summary's HTML page on a 390-pixel phone, as a funder or a board member opens it: every
table fits the screen (a table's own scrollbar hides a column as surely as the page's), no header is
cut, and no coalition's name is broken inside a word.

Playwright drives Debian's `chromium` (see tests/support/room_browser.py); skipped where there is none.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.support.network import AS_OF, generate
from tests.support.partly_rated import write_partly_rated
from tests.support.paths import ROOT
from tests.support.room_browser import CHROMIUM, browser, horizontal_overflow, phone_page
from tests.support.scoring import run

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)"),
]
AS_OF_TEXT = AS_OF.isoformat()

_VISIBLE = """e => {
    for (let a = e; a && a !== document.body; a = a.parentElement) {
        const r = a.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1 || getComputedStyle(a).display === 'none') return false;
    }
    return true;
}"""

WIDER_THAN_THE_SCREEN = f"""() => {{
    const visible = {_VISIBLE};
    return [...document.body.querySelectorAll('*')].filter(e => {{
        const r = e.getBoundingClientRect();
        return visible(e) && (r.right > window.innerWidth + 0.5 || r.left < -0.5);
    }}).map(e => e.tagName + ' ' + (e.textContent || '').trim().slice(0, 40));
}}"""
"""Every element that reaches past either edge of the screen, even inside a box that scrolls."""

CUT_HEADERS = f"""() => {{
    const visible = {_VISIBLE};
    return [...document.querySelectorAll('th, caption')].filter(e => visible(e)
        && (e.scrollWidth > e.clientWidth + 1)).map(e => e.textContent.trim().slice(0, 40));
}}"""
"""Headers whose text runs out of their box (and is hidden by it)."""

BROKEN_WORDS = f"""() => {{
    const visible = {_VISIBLE};
    const broken = [];
    for (const cell of document.querySelectorAll('th, td')) {{
        if (!visible(cell)) continue;
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {{
            if (!visible(node.parentElement)) continue;
            for (const match of node.data.matchAll(/\\S+/g)) {{
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (lines.size > 1) broken.push(match[0]);
            }}
        }}
    }}
    return broken;
}}"""
"""Words of a table cell that the browser broke over two lines ("Riversid / e")."""


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with browser() as launched:
        yield launched


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The bundled example (one coalition, as the README runs it) and a generated network of 36,
    listed by region (a column more, and every kind of trouble); and a coalition whose latest term
    is rated in part (how many indicators each score comes from, under it)."""
    parent = tmp_path_factory.mktemp("summary-browser")
    generate(parent)
    riverside = run("summary", ROOT / "examples", "--as-of", AS_OF_TEXT, "--format", "html")
    partly = run(
        "summary",
        write_partly_rated(tmp_path_factory.mktemp("partly")),
        "--as-of",
        "2026-10-22",
        "--format",
        "html",
    )
    network = run("summary", parent, "--as-of", AS_OF_TEXT, "--group-by", "region", "--format", "html")
    assert riverside.exit_code == partly.exit_code == 0, riverside.output + partly.output
    assert network.exit_code == 1, network.output  # files to sort out: still a page
    return {"riverside": riverside.stdout, "network": network.stdout, "partly": partly.stdout}


def _phone(chromium: Browser, html: str) -> Page:
    phone = phone_page(chromium)
    phone.set_content(html, wait_until="load")
    return phone


@pytest.mark.parametrize("name", ["riverside", "network", "partly"])
def test_at_390_pixels_every_table_fits_and_nothing_is_cut(
    chromium: Browser, pages: dict[str, str], name: str
) -> None:
    phone = _phone(chromium, pages[name])
    widths = horizontal_overflow(phone)
    assert widths["document"] <= widths["viewport"] and widths["body"] <= widths["viewport"], widths
    assert phone.evaluate(WIDER_THAN_THE_SCREEN) == []
    assert phone.evaluate(CUT_HEADERS) == []
    assert phone.evaluate(BROKEN_WORDS) == []
    phone.context.close()


def test_at_390_pixels_the_trends_show_every_number_of_a_coalition(
    chromium: Browser, pages: dict[str, str]
) -> None:
    """The review's phone: the overdue count was off the screen, its header read "Overdu"."""
    phone = _phone(chromium, pages["riverside"])
    cells: list[dict[str, Any]] = phone.evaluate(
        """() => [...document.querySelectorAll('#trends tbody tr > *')].map(e => {
               const r = e.getBoundingClientRect();
               return {label: e.dataset.label || e.tagName, text: e.textContent.trim(),
                       shown: r.width > 1 && r.left >= 0 && r.right <= window.innerWidth,
                       before: getComputedStyle(e, '::before').content};
           })"""
    )
    shown = {cell["label"]: cell["text"] for cell in cells if cell["shown"]}
    assert shown["TH"] == "Riverside Pathways Coalition"
    assert shown["Overdue"] == "2" and shown["Open actions"] == "11"
    assert shown["Change"] == "+0.24"
    labels = {cell["before"] for cell in cells if cell["label"] != "TH"}
    assert '"Overdue: "' in labels, labels  # each number says what it is, as the header did
    phone.context.close()


def test_on_a_wide_screen_the_trends_stay_a_table(chromium: Browser, pages: dict[str, str]) -> None:
    page = chromium.new_context(viewport={"width": 1200, "height": 900}).new_page()
    page.set_content(pages["riverside"], wait_until="load")
    display = page.evaluate("getComputedStyle(document.querySelector('#trends thead')).display")
    assert display == "table-header-group"
    assert page.evaluate(WIDER_THAN_THE_SCREEN) == []
    page.context.close()


def test_the_page_file_written_with_o_is_the_page(tmp_path: Path, pages: dict[str, str]) -> None:
    out = tmp_path / "summary.html"
    result = run("summary", ROOT / "examples", "--as-of", AS_OF_TEXT, "--format", "html", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == pages["riverside"]
