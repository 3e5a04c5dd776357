"""The HTML plan in a real browser, as its readers meet it: printed on US Letter and A4, and on a
390-pixel phone.

Playwright drives Debian's `chromium` (see tests/support/room_browser.py); skipped where there is none.
The printed pages are read back with pypdf: how many there are, what each says, where each line is.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.support.paths import ROOT
from tests.support.plan import (  # noqa: F401
    FALL,
    RIVERSIDE_FALL,
    RIVERSIDE_SPRING,
    SPRING,
    at_root,
    decode_png,
    plan_text,
)
from tests.support.room_browser import CHROMIUM, browser, horizontal_overflow, phone_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [
    pytest.mark.slow,
    pytest.mark.usefixtures("at_root"),
    pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)"),
]
PAPERS = ("Letter", "A4")
VARIANTS = {
    "coalition": (),
    "coalition-brief": ("--brief",),
    "public": ("--audience", "public"),
    "public-brief": ("--audience", "public", "--brief"),
    "brief-weeks-later": ("--brief", "--as-of", "2026-04-20"),
    "months-later": ("--as-of", "2026-12-03"),
    "public-brief-months-later": ("--audience", "public", "--brief", "--as-of", "2026-12-03"),
}
"""Made on the day of the assessment (as the test helper makes plans), a brief made five weeks
later, when two actions are late: the summary has a decision more and dates marked late; and the
full plan made months later, when eleven actions are overdue (the register's overdue table and the
sentence introducing it once fell either side of a page break)."""
RUNNING_TITLE = "Riverside Pathways Coalition · Action plan, Spring 2026"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with browser() as launched:
        yield launched


@cache
def _html(variant: str) -> str:
    return plan_text(
        RIVERSIDE_SPRING, "--since", RIVERSIDE_FALL, *VARIANTS[variant], "--format", "html", "-o", "-"
    )


def _page(chromium: Browser, variant: str, **context: Any) -> Page:
    page = chromium.new_context(**context).new_page()
    page.set_content(_html(variant), wait_until="load")
    return page


_PDFS: dict[tuple[str, str], bytes] = {}


def _pdf(chromium: Browser, variant: str, paper: str) -> bytes:
    if (variant, paper) not in _PDFS:
        page = _page(chromium, variant)
        _PDFS[variant, paper] = page.pdf(format=paper)
        page.context.close()
    return _PDFS[variant, paper]


def _pages(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _lines(pdf: bytes) -> list[list[tuple[float, str]]]:
    """Each page's lines of text with their height on the page (points from the bottom), top first."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        found: dict[float, list[str]] = {}

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            font: object,
            size: float,
            found: dict[float, list[str]] = found,
        ) -> None:
            if text.strip():
                found.setdefault(round(cm[5] + cm[3] * tm[5], 0), []).append(text.strip())

        page.extract_text(visitor_text=visit)
        pages.append(sorted(((y, " ".join(parts)) for y, parts in found.items()), reverse=True))
    return pages


# --- print -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("variant", ["coalition-brief", "public-brief"])
def test_brief_prints_on_at_most_four_pages(chromium: Browser, variant: str, paper: str) -> None:
    pages = _pages(_pdf(chromium, variant, paper))
    assert len(pages) <= 4, f"{len(pages)} pages on {paper}"


@pytest.mark.parametrize("paper", PAPERS)
def test_a_brief_grows_by_a_bounded_amount_however_far_behind_the_coalition_is(
    chromium: Browser, paper: str, tmp_path: Path
) -> None:
    """Thirty overdue actions print the pages five do: the brief lists the worst few and counts the
    rest. (Riverside's brief fills four pages exactly; with any overdue action its glossary takes a
    fifth, which the README says.)"""
    from coalition_cli.core.plan.register import BRIEF_LIST
    from tests.cli.test_plan_brief_register import _behind

    def pages(late: int) -> int:
        folder = tmp_path / str(late)
        folder.mkdir()
        html = plan_text(
            _behind(folder, late), "--since", RIVERSIDE_FALL, "--brief", "--format", "html", "-o", "-"
        )
        page = chromium.new_context().new_page()
        page.set_content(html, wait_until="load")
        count = len(_pages(page.pdf(format=paper)))
        page.context.close()
        return count

    few = pages(BRIEF_LIST)
    assert pages(30) == few <= 5, paper


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize(
    "variant", ["coalition", "coalition-brief", "public", "brief-weeks-later", "public-brief-months-later"]
)
def test_the_summary_is_the_first_page_and_the_detail_starts_on_the_next(
    chromium: Browser, variant: str, paper: str
) -> None:
    first, second = _pages(_pdf(chromium, variant, paper))[:2]
    assert "Summary" in first and "Decisions the coalition needs to make" in first
    assert (
        "Who drafts a master plan, and by when (the Guide’s Step 6). There is no coalition master plan yet."
        in " ".join(first.split())
    )
    body = [
        line for line in second.splitlines() if RUNNING_TITLE not in line and not line.startswith("Page ")
    ]
    assert body[0] == "The priorities in detail", body[:3]


@pytest.mark.parametrize("paper", PAPERS)
def test_every_page_has_its_number_and_the_running_title(chromium: Browser, paper: str) -> None:
    pages = _pages(_pdf(chromium, "coalition", paper))
    assert len(pages) > 10
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text, number
        assert (RUNNING_TITLE in text) == (number > 1), number  # the first page has the title itself


def test_the_browsers_own_header_is_not_printed_on_the_first_page(chromium: Browser) -> None:
    """Printed with the browser's headers and footers on (its print dialog's box, and what
    `chromium --print-to-pdf` does), the first page carries no time of printing above the plan's own
    date: the page styles every page's margin, the first one's left empty."""
    page = _page(chromium, "coalition-brief")
    pages = _pages(page.pdf(format="Letter", display_header_footer=True))
    page.context.close()
    stamp = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}:\d{2}\b")
    assert [number for number, text in enumerate(pages, 1) if stamp.search(text)] == []


KEEP_WITH_NEXT = """() => [...document.querySelectorAll(
    'h2, h3, h4, h5, h6, caption, thead tr, dt, .keep > *, .intro, .lead, .lead-in'
)].filter(e => e.getClientRects().length && !e.closest('.visually-hidden, nav'))
  .map(e => e.matches('tr') ? [...e.cells].map(c => c.innerText).join(' ') : e.innerText)"""
"""What must never end a printed page, as the reader sees it printed: headings; a table's caption and
its header row; a glossary term; a card's heading, its stage-and-tag line and the sentence saying why
it is there; a sentence that introduces what follows."""


def _same(text: str) -> str:
    """Text as both the PDF and the page give it back: ligatures undone, and without spaces (the two
    put them in different places: "tool· Learning", "tool · Learning")."""
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", text).split())


def _ends_with_one_of(line: str, texts: set[str]) -> str | None:
    """The text that `line`, a page's last line, is all of, or the first or the last line of (a
    line of two words or more: one word, "organizations", ends a table's cell as often as a header)."""
    last = _same(line)
    partial = len(line.split()) > 1 and len(last) >= 12
    for text in texts:
        if last == text or (partial and (text.startswith(last) or text.endswith(last))):
            return text
    return None


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_heading_caption_header_row_term_or_tag_line_ends_a_page(chromium: Browser, variant: str) -> None:
    """The README's promise, checked on every page's last line: not a heading, a caption, a table's
    header row without a row under it, a glossary term without its definition, nor a card's heading
    and tag line above an empty box (all seen in print before)."""
    page = _page(chromium, variant)
    page.emulate_media(media="print")
    keep = {_same(text) for text in page.evaluate(KEEP_WITH_NEXT) if text.strip()}
    page.context.close()
    assert {"ActionOwnerDueStatus", "Actions"} <= keep  # a header row, as the page prints it
    for paper in PAPERS:
        for number, lines in enumerate(_lines(_pdf(chromium, variant, paper)), 1):
            body = [
                text
                for _, text in lines
                if RUNNING_TITLE not in text and not re.match(r"Page \d+ of \d+", text)
            ]
            assert body, number
            found = _ends_with_one_of(body[-1], keep)
            assert found is None, f"{paper} page {number} ends with {body[-1]!r} (from {found!r})"


def test_dates_statuses_and_stages_never_break_across_lines_in_print(chromium: Browser) -> None:
    page = _page(chromium, "coalition", viewport={"width": 720, "height": 1000})
    page.emulate_media(media="print")
    broken = page.evaluate(
        """() => [...document.querySelectorAll('time, td.status, .stage, .result, .tag')].filter(e => {
               const text = document.createRange(); text.selectNodeContents(e);
               return new Set([...text.getClientRects()].map(r => Math.round(r.bottom))).size > 1;
           }).map(e => e.textContent)"""
    )
    assert broken == []
    # and the printed text has them whole
    text = " ".join(" ".join(_pages(_pdf(chromium, "coalition", "Letter"))).split())
    assert "15 April 2026" in text and "in progress" in text and "in- progress" not in text


def test_a_link_is_printed_once(chromium: Browser) -> None:
    text = " ".join(" ".join(_pages(_pdf(chromium, "coalition", "Letter"))).split())
    assert text.count("https://www.connectednational.org") == 1


# --- the phone -------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_at_390_pixels_nothing_scrolls_sideways_and_the_chart_is_readable(
    chromium: Browser, variant: str
) -> None:
    phone = phone_page(chromium)
    phone.set_content(_html(variant), wait_until="load")
    widths = horizontal_overflow(phone)
    assert widths["document"] <= widths["viewport"] and widths["body"] <= widths["viewport"], widths
    smallest = phone.evaluate(
        """() => Math.min(...[...document.querySelectorAll('svg text')].map(
               t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))"""
    )
    if "brief" not in variant:
        assert smallest >= 11, f"chart text is {smallest:.1f} px on the phone"
    cut = phone.evaluate(
        """() => [...document.querySelectorAll('main *')].filter(e => {
               const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5);
           }).map(e => e.tagName + ' ' + (e.textContent || '').slice(0, 40))"""
    )
    assert cut == [], "nothing is cut off at the right edge"
    png = phone.screenshot(full_page=False)
    width, _height, channels, rows = decode_png(png)
    colours = {row[x : x + 3] for row in rows[::8] for x in range(0, width * channels, channels * 8)}
    assert len(colours) > 10, "the page is not blank"
    phone.context.close()


def test_the_desktop_page_renders(chromium: Browser, tmp_path: Path) -> None:
    page = _page(chromium, "coalition", viewport={"width": 1200, "height": 2000})
    width, height, channels, rows = decode_png(page.screenshot())
    white = bytes((255, 255, 255))
    inked = sum(
        row[x : x + 3] != white for row in rows[::8] for x in range(0, width * channels, channels * 8)
    )
    assert inked > 0.05 * (height // 8) * (width // 8), "almost nothing was drawn"
    page.context.close()


def test_the_plan_makes_no_request(chromium: Browser) -> None:
    page = chromium.new_context().new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    path = ROOT / "tests" / "golden" / "plan" / "riverside-spring-since-fall.html"
    page.goto(path.as_uri())
    assert requests == [path.as_uri()]
    page.context.close()


@pytest.mark.parametrize(
    "args", [("tests/fixtures/plan/hostile.yaml",), (SPRING, "--since", FALL)], ids=["hostile", "lakeside"]
)
def test_long_words_and_other_plans_do_not_scroll_sideways_either(
    chromium: Browser, args: tuple[str, ...]
) -> None:
    phone = phone_page(chromium)
    phone.set_content(plan_text(*args, "--format", "html", "-o", "-"), wait_until="load")
    widths = horizontal_overflow(phone)
    assert widths["document"] <= widths["viewport"], widths
    phone.context.close()


def test_a_change_said_to_come_from_other_indicators_does_not_scroll_sideways(
    chromium: Browser, tmp_path: Path
) -> None:
    """C2.3 left unrated: "+0.17 (C2.3 not rated this time)" in a one-line cell once pushed the
    summary's table to 511 pixels on a 390-pixel phone."""
    for name in ("2025-09-fall.yaml", "2026-03-spring.yaml", "coalition.yaml"):
        (tmp_path / name).write_bytes((ROOT / RIVERSIDE_SPRING).parent.joinpath(name).read_bytes())
    spring = (tmp_path / "2026-03-spring.yaml").read_text(encoding="utf-8")
    stage = spring.index("    stage: 1\n", spring.index("  C2.3:"))
    (tmp_path / "2026-03-spring.yaml").write_text(spring[:stage] + spring[stage + 13 :], encoding="utf-8")
    html = plan_text(
        tmp_path / "2026-03-spring.yaml",
        "--since",
        tmp_path / "2025-09-fall.yaml",
        "--format",
        "html",
        "-o",
        "-",
    )
    assert "(C2.3 not rated this time)" in html
    phone = phone_page(chromium)
    phone.set_content(html, wait_until="load")
    widths = horizontal_overflow(phone)
    assert widths["document"] <= widths["viewport"], widths
    phone.context.close()
