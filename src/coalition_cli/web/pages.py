"""The room's HTML pages: each one self-contained (inline style and script, no fonts or files to fetch).

School networks often have no internet, so a page needs nothing but this server. Its script and
style run under a per-answer nonce (the Content-Security-Policy allows nothing else); every value
put in the page is escaped by Jinja, and the scripts put what the server sends on screen as text
only (`textContent`), never as markup.
"""

from __future__ import annotations

import secrets
from functools import cached_property
from pathlib import Path

import jinja2
from markupsafe import Markup
from starlette.responses import HTMLResponse

from coalition_cli.web.guard import page_csp

PAGES_DIR = Path(__file__).resolve().parent / "pages"


def qr_svg(text: str) -> Markup:
    """The QR code of `text` as inline SVG, black on white, sized by the page (a viewBox, no size)."""
    import segno

    code = segno.make(text, error="m", micro=False)
    return Markup(
        code.svg_inline(scale=1, border=4, omitsize=True, dark="#000", light="#fff", title="QR code to join")
    )


def laptop_only(url: str) -> bool:
    """Whether the link leads to this laptop alone (the room was started without --lan): a phone
    that scans it reaches nothing, and the presenter page says so before the room tries."""
    import ipaddress
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Pages:
    @cached_property
    def _env(self) -> jinja2.Environment:
        return jinja2.Environment(
            loader=jinja2.FileSystemLoader(PAGES_DIR),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def _page(self, name: str, status: int = 200, **values: object) -> HTMLResponse:
        nonce = secrets.token_urlsafe(16)
        html = self._env.get_template(name).render(nonce=nonce, **values)
        return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": page_csp(nonce)})

    def participant(self) -> HTMLResponse:
        return self._page("participant.html")

    def presenter(self, join_url: str, join_qr: str, command: str) -> HTMLResponse:
        return self._page(
            "presenter.html",
            join_url=join_url,
            qr=qr_svg(join_qr),
            laptop_only=laptop_only(join_url),
            command=command,
        )

    def message(self, title: str, text: str, status: int = 200) -> HTMLResponse:
        return self._page("message.html", status, title=title, text=text)
