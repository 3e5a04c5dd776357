"""Debian's Chromium, driven by Playwright, for the room's pages (the browser tests and the README's screenshots).

`playwright install` cannot download a browser here, so Playwright drives the system's `chromium`
(installed by `.ci/run`); `CHROMIUM` is None where there is none and the tests skip.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PHONE = {"width": 390, "height": 844}
"""An iPhone 12-15's viewport in CSS pixels; the page is designed for 360."""
PROJECTOR = {"width": 1280, "height": 720}


@contextlib.contextmanager
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM is not None
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
        )
        try:
            yield launched
        finally:
            launched.close()


def phone_page(browser: Browser, width: int = PHONE["width"], height: int = PHONE["height"]) -> Page:
    context = browser.new_context(
        viewport={"width": width, "height": height}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(15_000)
    return context.new_page()


def projector_page(browser: Browser) -> Page:
    context = browser.new_context(viewport=PROJECTOR)
    context.set_default_timeout(15_000)
    return context.new_page()


def horizontal_overflow(page: Page) -> dict[str, Any]:
    """The page's widths: a page that needs no sideways scrolling has `document` ≤ `viewport`.

    `viewport` is the width the page was opened at, not `window.innerWidth`: a mobile browser (as
    `phone_page` emulates one) widens its layout viewport to a page too wide for it, so innerWidth
    grows with the overflow it should reveal (511 pixels on a 390-pixel phone)."""
    widths: dict[str, Any] = page.evaluate(
        "() => ({document: document.documentElement.scrollWidth, body: document.body.scrollWidth})"
    )
    size = page.viewport_size
    assert size is not None, "the page was opened at a set size"
    widths["viewport"] = size["width"]
    return widths


def requests_outside(page: Page, base: str) -> list[str]:
    """Record every request the page makes that is not to `base` (there should be none)."""
    outside: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(base) else outside.append(request.url))
    return outside


_SPLIT_WORDS = """() => {
  const split = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  for (const node of nodes) {
    const parent = node.parentElement;
    if (!parent.getClientRects().length) continue;
    const words = /[A-Za-z\\u00C0-\\u024F]+/g;
    for (let match = words.exec(node.data); match; match = words.exec(node.data)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (lines.size < 2) continue;
      const alone = document.createElement("span");
      alone.style.whiteSpace = "nowrap";
      alone.textContent = match[0];
      parent.appendChild(alone);
      const width = alone.getBoundingClientRect().width;
      alone.remove();
      const style = getComputedStyle(parent);
      const line = parent.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      split.push({word: match[0], width: Math.round(width), line: Math.round(line)});
    }
  }
  return split;
}"""


def words_split(page: Page) -> list[dict[str, Any]]:
    """The words on screen that run over two lines, each with its width alone and its line's width:
    a word split although it would fit on a line of its own was cut mid-word ("Developi/ng")."""
    split: list[dict[str, Any]] = page.evaluate(_SPLIT_WORDS)
    return split


def vote_from(phone: Page, join: str, stage: str) -> None:
    """A phone joins by `join` without saying its group and sends `stage` ("3 · Advancing") on the
    open indicator, until the page says it is saved."""
    phone.goto(join)
    phone.get_by_role("button", name="I'd rather not say").click()
    phone.get_by_text(stage).click()
    phone.get_by_role("button", name=f"Send: {stage.replace(' · ', ' ')}").click()
    phone.get_by_role("button", name="Saved ✓").wait_for()
