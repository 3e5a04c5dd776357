"""What stands between the room's pages and the network: limits, headers, and careful reading of bodies.

- `Shield` (ASGI middleware) answers 400 to a request for another host name (a DNS-rebinding page
  cannot reach the server through the phone's browser), 429 to an address that keeps sending
  refused requests (bad tokens, unknown pages, malformed bodies), and puts the security headers on
  every answer: a Content-Security-Policy with no external source at all, no framing, no sniffing,
  no referrer (the join link stays out of other sites' logs), no caching.
- `Buckets` are token buckets (a burst, then a steady rate) per key: per phone for votes, per
  address for joining. Their memory is bounded.
- `read_json` reads a body only up to its limit (413 beyond it, before it is all sent), only as
  JSON (415 otherwise), only from this site (403 for another `Origin`).
"""

from __future__ import annotations

import ipaddress
import json
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.requests import Request

from coalition_cli.core.frozen import frozen
from coalition_cli.core.room.phones import HERE_SECONDS

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class Problem(Exception):
    """A request refused with an HTTP status and a plain message (never an echo of the input)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@frozen
class Limits:
    """How much the server takes from whom. The defaults fit a room of a few hundred phones."""

    body_bytes: int = 2048
    """A vote's body: a sentence of evidence is ~300 characters, at most ~1.2 KB of UTF-8 JSON."""
    presenter_body_bytes: int = 32 * 1024
    """The facilitator's: the agreed evidence may be a paragraph or two."""
    device_burst: int = 60
    device_per_second: float = 5.0
    """Each phone: a burst of 60 requests, then 5 a second (it needs one poll per change, one per vote)."""
    join_burst: int = 400
    join_per_second: float = 10.0
    """New phones per address: a whole room at once, even if every phone came through one address."""
    refused_burst: int = 30
    refused_per_second: float = 1.0
    """Refused requests per address before that address gets only 429 for a while (guessing tokens)."""
    max_devices: int = 2000
    """Phones that may vote in one session."""
    poll_seconds: float = 20.0
    """How long a page's request for news waits before it is answered anyway."""
    here_seconds: float = HERE_SECONDS
    """How long a phone counts as here after it last asked: longer than `poll_seconds`, since a page
    whose request is waiting asks again only once it is answered."""
    file_check_seconds: float = 1.0
    """How often the presenter's waiting request looks whether someone else saved the assessment."""


class Buckets:
    """Token buckets by key: `allow` spends one token; a bucket refills at `rate` a second up to `burst`."""

    def __init__(self, burst: int, rate: float, *, max_keys: int = 20_000) -> None:
        self.burst, self.rate, self.max_keys = burst, rate, max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def _level(self, key: str, at: float) -> float:
        tokens, then = self._buckets.get(key, (float(self.burst), at))
        return min(float(self.burst), tokens + (at - then) * self.rate)

    def allow(self, key: str) -> bool:
        at = time.monotonic()
        tokens = self._level(key, at)
        allowed = tokens >= 1
        self._buckets[key] = (tokens - 1 if allowed else tokens, at)
        self._buckets.move_to_end(key)
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return allowed

    def exhausted(self, key: str) -> bool:
        return key in self._buckets and self._level(key, time.monotonic()) < 1


REFUSED_STATUSES = frozenset({400, 401, 403, 404, 405, 413, 415, 422})
"""Answers that count against an address: what a guesser or a broken client gets, not a closed vote."""
_BASE_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    (b"cache-control", b"no-store"),
]
DEFAULT_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"


def page_csp(nonce: str) -> str:
    """A page's policy: its own inline script and style (by nonce), requests to this server only."""
    return (
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
        "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    )


def client_address(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


def host_allowed(host: str, port: int) -> bool:
    """This server's own address as a browser names it: an IP address or localhost, with our port.

    Any IP address is fine (a laptop has several, and phones may reach it on any); a DNS name is
    not, because that is how a web page on the internet would reach a local server (DNS rebinding).
    """
    name, _, given_port = host.rpartition(":") if not host.endswith("]") else (host, "", "")
    if not name or given_port != str(port):
        return False
    if name.lower() == "localhost":
        return True
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


class Shield:
    """Host check, refused-request limit per address, and security headers on every answer."""

    def __init__(self, app: ASGIApp, limits: Limits, port: Callable[[], int]) -> None:
        self.app = app
        self.refused = Buckets(limits.refused_burst, limits.refused_per_second)
        self._port = port

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        address = client_address(scope)
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1")
        if not host_allowed(host, self._port()):
            self.refused.allow(address)
            await _plain(send, 400, "This server answers only at its own address.")
            return
        if self.refused.exhausted(address):
            await _plain(send, 429, "Too many refused requests from this address; wait a minute.")
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                if message["status"] in REFUSED_STATUSES:
                    self.refused.allow(address)
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in _BASE_HEADERS if name not in present]
                if b"content-security-policy" not in present:
                    extra.append((b"content-security-policy", DEFAULT_CSP.encode()))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"content-security-policy", DEFAULT_CSP.encode()),
        *_BASE_HEADERS,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def from_this_site(request: Request) -> None:
    """Raise Problem 403 for a request another site's page sent (its `Origin` is not ours)."""
    origin = request.headers.get("origin")
    if origin is not None and origin != f"{request.url.scheme}://{request.headers.get('host', '')}":
        raise Problem(403, "requests come from this site's own pages only")


async def read_json(request: Request, limit: int) -> Any:
    """The request's JSON body, read no further than `limit` bytes."""
    from_this_site(request)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise Problem(415, "send JSON")
    length = request.headers.get("content-length")
    if length is not None and (not length.isascii() or not length.isdigit() or int(length) > limit):
        raise Problem(413, "too much data")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise Problem(413, "too much data")
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Problem(400, "not valid JSON") from None
