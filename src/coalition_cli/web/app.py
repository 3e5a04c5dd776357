"""The room's web app (Starlette): the participants' page, the presenter's page, and their JSON calls.

Routes, and who may use them:

| route | who | what |
| --- | --- | --- |
| `GET /j/{join token}` | anyone with the join link | the participant page; gives the phone its signed device cookie (a mistyped link gets a page that says so) |
| `GET /api/p/state?seen=N&mark=M` | a joined phone | the open indicator, the phone's own vote (`mark`: its fingerprint), `ended` once the room is closing; waits for news when `N` is current and the phone's vote is still `M` (sent from another tab meanwhile: news) (a phone is counted as here while its page keeps asking) |
| `POST /api/p/vote` | a joined phone | `{indicator, stage (null: don't know), group, evidence}` on the open indicator |
| `POST /api/p/leave` | a joined phone | its page is closing: no longer counted as here (sent by the page as it goes; no body) |
| `GET /f/{facilitator token}` | the facilitator | sets the presenter cookie and moves on to `/present` (the token leaves the address bar) |
| `GET /present` | the presenter | the presenter page |
| `GET /api/f/state?seen=N` | the presenter | every count, and the result once revealed, `ended` once the room is closing; waits for news when `N` is current |
| `POST /api/f/open`, `/close`, `/reveal`, `/agree` | the presenter | run the session; `agree` writes the assessment (`seen`: the rating as the page showed it) |

Nothing else is served: no files, no folders, no listing. Every refusal is a 4xx that never repeats
what was sent: a short JSON `{"error": …}` for the pages' scripts, a short page for a person (an
address typed or opened in a browser). A vote is answered only once it is fsynced to the
journal (`Durability`: one fsync for all the votes that arrived meanwhile).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

import anyio.to_thread
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from coalition_cli.core.room.phones import PhoneCount
from coalition_cli.core.room.records import IDENTIFIER_MAX
from coalition_cli.core.room.session import Refused, RoomSession
from coalition_cli.core.room.tokens import token_shaped
from coalition_cli.web.guard import (
    Buckets,
    Limits,
    Problem,
    Shield,
    client_address,
    from_this_site,
    read_json,
)
from coalition_cli.web.pages import Pages
from coalition_cli.web.views import participant_view, presenter_view, vote_mark

DEVICE_COOKIE = "room_device"
PRESENTER_COOKIE = "room_presenter"
COOKIE_SECONDS = 3 * 24 * 3600
"""A phone that joined stays joined for a few days: long enough for a session resumed tomorrow."""

Identifier = Annotated[StrictStr, Field(min_length=1, max_length=IDENTIFIER_MAX)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class VoteBody(_Body):
    indicator: Identifier
    stage: StrictInt | None
    group: Identifier | None = None
    evidence: Annotated[StrictStr, Field(max_length=1000)] | None = None


class OpenBody(_Body):
    indicator: Identifier


Fingerprint = Annotated[StrictStr, Field(max_length=64)]


class AgreeBody(_Body):
    indicator: Identifier
    stage: StrictInt
    evidence: Annotated[StrictStr, Field(max_length=8000)] | None = None
    seen: Annotated[dict[Identifier, Fingerprint | None], Field(max_length=8)] | None = None
    """The rating as the page showed it (`RoomSession.seen_parts`): what this Save may replace."""


class NoBody(_Body):
    pass


class Changes:
    """Version numbers the pages wait on: `phase` moves when the room moves on (what phones need),
    `version` on every change (what the presenter needs). Phones wake on a new phase, and on a saved
    vote (`voted`), to see whether it was their own phone's (from another tab of it)."""

    def __init__(self) -> None:
        self.phase = 0
        self.version = 0
        self._phase_event = asyncio.Event()
        self._version_event = asyncio.Event()
        self.closing = False

    def changed(self, *, phase: bool) -> None:
        self.version += 1
        self._version_event.set()
        self._version_event = asyncio.Event()
        if phase:
            self.phase += 1
            self.voted()

    def voted(self) -> None:
        """A vote is saved (or the room moved on): the phones waiting look again."""
        self._phase_event.set()
        self._phase_event = asyncio.Event()

    def close(self) -> None:
        """The server is stopping: answer every page that is waiting now, and make none wait again."""
        self.closing = True
        self._phase_event.set()
        self._version_event.set()

    async def wait(self, seen: int, timeout: float, *, phase: bool) -> None:
        """Return when the version moves past `seen` (with `phase`: when the phase moves past it,
        or a vote is saved), or after `timeout` seconds."""
        current = self.phase if phase else self.version
        if seen != current or self.closing:
            return
        event = self._phase_event if phase else self._version_event
        with contextlib.suppress(TimeoutError, asyncio.TimeoutError):
            await asyncio.wait_for(event.wait(), timeout)


class Durability:
    """Waits until a journal record is fsynced, sharing one fsync among everyone waiting (group commit)."""

    def __init__(self, session: RoomSession) -> None:
        self._journal = session.journal
        self._running: asyncio.Future[int] | None = None

    async def wait(self, number: int) -> None:
        while self._journal.synced < number:
            if self._running is None:
                self._running = asyncio.ensure_future(self._sync())
            await asyncio.shield(self._running)

    async def _sync(self) -> int:
        try:
            return await anyio.to_thread.run_sync(self._journal.sync)
        finally:
            self._running = None


@dataclass
class Room:
    """Everything the handlers share."""

    session: RoomSession
    join_url: str
    join_qr: str
    """The text the QR code holds (the join link in capitals where that is the same link: a smaller code)."""
    command: str
    """The command that starts the room again with the same links, as the presenter page names it."""
    limits: Limits
    changes: Changes
    durability: Durability
    pages: Pages
    devices: Buckets
    joins: Buckets
    agreeing: asyncio.Lock
    counted: PhoneCount = field(default_factory=lambda: PhoneCount(0, 0))
    """The phones as last counted (`_recount`): when the count moves, the presenter hears of it."""


def room_app(
    session: RoomSession,
    join_url: str,
    join_qr: str,
    port: Callable[[], int],
    limits: Limits | None = None,
    *,
    command: str,
) -> tuple[Starlette, Room]:
    """The ASGI app of a started session (`session.start()` done) and its shared state; `command`
    starts the room again with the same links (the presenter page names it when the room is gone)."""
    limits = limits or Limits()
    session.phones.window = limits.here_seconds  # a phone is here while its page keeps asking
    room = Room(
        session,
        join_url,
        join_qr,
        command,
        limits,
        Changes(),
        Durability(session),
        Pages(),
        Buckets(limits.device_burst, limits.device_per_second),
        Buckets(limits.join_burst, limits.join_per_second),
        asyncio.Lock(),
    )

    def handler(
        function: Callable[[Request, Room], Awaitable[Response]], *, page: bool = False
    ) -> Callable[[Request], Awaitable[Response]]:
        """A route's handler: a refusal is JSON for the pages' scripts, a short page for people (`page`)."""

        async def handle(request: Request) -> Response:
            try:
                return await function(request, room)
            except Problem as problem:
                if page:
                    return room.pages.message(
                        _PAGE_TITLES.get(problem.status, "Sorry"), problem.message, problem.status
                    )
                return _error(problem.status, problem.message)

        return handle

    routes = [
        Route("/", handler(_home, page=True)),
        Route("/favicon.ico", _no_icon),  # asked for by every browser: no icon, and not a refusal
        # every address under /j is the join page or a page that says what is wrong with the link
        Route("/j", handler(_join, page=True)),
        Route("/J", handler(_join, page=True)),
        Route("/j/{token:path}", handler(_join, page=True)),
        Route("/J/{token:path}", handler(_join, page=True)),
        Route("/api/p/state", handler(_participant_state)),
        Route("/api/p/vote", handler(_vote), methods=["POST"]),
        Route("/api/p/leave", handler(_leave), methods=["POST"]),
        Route("/f/{token}", handler(_facilitator_link, page=True)),
        Route("/F/{token}", handler(_facilitator_link, page=True)),
        Route("/present", handler(_present, page=True)),
        Route("/api/f/state", handler(_presenter_state)),
        Route("/api/f/open", handler(_open), methods=["POST"]),
        Route("/api/f/close", handler(_close), methods=["POST"]),
        Route("/api/f/reveal", handler(_reveal), methods=["POST"]),
        Route("/api/f/agree", handler(_agree), methods=["POST"]),
    ]

    async def not_found(request: Request, _exc: Exception) -> Response:
        """No such address: a short page for a person (a mistyped link), JSON for the pages' scripts."""
        if request.url.path.startswith("/api/"):
            return _error(404, "not found")
        return room.pages.message(
            _PAGE_TITLES[404], "Scan the code on the screen to join, or check the link.", 404
        )

    app = Starlette(
        routes=routes,
        exception_handlers={404: not_found, 405: _not_allowed, 500: _server_error},
    )
    app.add_middleware(Shield, limits=limits, port=port)
    return app, room


_PAGE_TITLES = {404: "This link does not work", 403: "Presenter only", 429: "Please wait a moment"}


async def _no_icon(_request: Request) -> Response:
    return Response(status_code=204)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _not_allowed(_request: Request, _exc: Exception) -> Response:
    return _error(405, "not allowed")


async def _server_error(_request: Request, _exc: Exception) -> Response:
    return _error(500, "something went wrong on the laptop; try again")


def _body(model: type[_Body], data: Any) -> Any:
    try:
        return model.model_validate(data, strict=True)
    except ValidationError:
        raise Problem(422, "the request is not in the expected form") from None


def _seen(request: Request) -> int:
    text = request.query_params.get("seen", "-1")
    if len(text) > 12 or not text.lstrip("-").isdigit():
        raise Problem(422, "seen must be a whole number")
    return int(text)


# --- participants ----------------------------------------------------------------------------------


_MISTYPED = (
    "It looks mistyped or cut short. After /j/ come 26 letters and digits, exactly as on the screen "
    "(capitals or not). Scan the code on the screen, or type the link again."
)


async def _home(request: Request, room: Room) -> Response:
    return room.pages.message(
        "Coalition room", "Scan the code on the screen, or ask the facilitator for the link, to join."
    )


async def _join(request: Request, room: Room) -> Response:
    token = request.path_params.get("token", "")
    if not token_shaped(token):  # cut short, a character too many, a letter the code never has
        raise Problem(404, _MISTYPED)
    if not room.session.secrets.is_join(token):
        raise Problem(404, "It may be from another session. Scan the code on the screen again.")
    response = room.pages.participant()
    if room.session.secrets.device_from(request.cookies.get(DEVICE_COOKIE)) is None:
        if not room.joins.allow(client_address(request.scope)):
            raise Problem(429, "too many phones joined from this address just now; try again in a minute")
        _device, cookie = room.session.secrets.new_device()
        response.set_cookie(DEVICE_COOKIE, cookie, max_age=COOKIE_SECONDS, httponly=True, samesite="lax")
    return response


def _device(request: Request, room: Room) -> str:
    """The phone asking (from its cookie), which is here now: every request of its page says so."""
    device = _phone(request, room)
    room.session.phone_seen(device)
    _recount(room)
    return device


def _phone(request: Request, room: Room) -> str:
    """The phone asking, from its cookie, within its share of requests."""
    device = room.session.secrets.device_from(request.cookies.get(DEVICE_COOKIE))
    if device is None:
        raise Problem(401, "open the join link again (scan the code on the screen)")
    if not room.devices.allow(device):
        raise Problem(429, "too many requests from this phone; wait a few seconds")
    return device


def _recount(room: Room) -> None:
    """Count the phones again; when a phone came or went (or fell silent), the presenter hears of it."""
    counted = room.session.phones_counted
    if counted != room.counted:
        room.counted = counted
        room.changes.changed(phase=False)


async def _participant_state(request: Request, room: Room) -> Response:
    """Waits for news: the room moved on, or this phone's vote is no longer the one its page shows
    (`mark`; sent from another tab of the same phone)."""
    device = _device(request, room)
    seen = _seen(request)
    mark = _mark(request)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + room.limits.poll_seconds
    while mark is None or mark == vote_mark(room.session, device):
        left = deadline - loop.time()
        if seen != room.changes.phase or room.changes.closing or left <= 0:
            break
        await room.changes.wait(seen, left, phase=True)
    # `ended`: the server is stopping (the room was closed), so the phone says so instead of retrying
    ended = room.changes.closing
    return JSONResponse({**participant_view(room.session, device, room.changes.phase), "ended": ended})


def _mark(request: Request) -> str | None:
    """The fingerprint of the vote the page shows (`vote_mark`); None from a page that does not say."""
    text = request.query_params.get("mark")
    if text is not None and (len(text) > 32 or not text.isalnum()):
        raise Problem(422, "mark must be letters and digits")
    return text


async def _vote(request: Request, room: Room) -> Response:
    device = _device(request, room)
    body: VoteBody = _body(VoteBody, await read_json(request, room.limits.body_bytes))
    state = room.session.state
    if device not in state.devices and len(state.devices) >= room.limits.max_devices:
        raise Problem(503, "the room is full")
    try:
        number = room.session.vote(device, body.indicator, body.stage, body.group, body.evidence)
    except Refused as refused:
        raise Problem(refused.status, refused.message) from None
    room.changes.changed(phase=False)
    try:
        await room.durability.wait(number)
    except OSError:
        raise Problem(503, "the vote may not be saved: the laptop's disk refused it") from None
    room.changes.voted()  # saved: another tab of this phone that shows an older vote hears of it
    ballot = state.ballots[body.indicator][device]
    return JSONResponse(
        {
            "saved": True,
            "indicator": body.indicator,
            "stage": ballot.stage,
            "evidence": ballot.evidence,
            "mark": vote_mark(room.session, device),
        }
    )


async def _leave(request: Request, room: Room) -> Response:
    """The phone's page is closing: the presenter's count of phones here drops now, not a minute later."""
    from_this_site(request)
    room.session.phone_left(_phone(request, room))
    _recount(room)
    return Response(status_code=204)


# --- the facilitator -------------------------------------------------------------------------------


async def _facilitator_link(request: Request, room: Room) -> Response:
    token = request.path_params["token"]
    if len(token) > 64 or not room.session.secrets.is_facilitator(token):
        raise Problem(404, "Use the presenter link that `coalition room` printed in the terminal.")
    response = RedirectResponse("/present", status_code=303)
    response.set_cookie(
        PRESENTER_COOKIE,
        room.session.secrets.presenter_cookie(),
        max_age=COOKIE_SECONDS,
        httponly=True,
        samesite="lax",
    )
    return response


def _presenter(request: Request, room: Room) -> None:
    if not room.session.secrets.is_presenter(request.cookies.get(PRESENTER_COOKIE)):
        raise Problem(403, "open the presenter link that `coalition room` printed in the terminal")


async def _present(request: Request, room: Room) -> Response:
    _presenter(request, room)
    return room.pages.presenter(room.join_url, room.join_qr, room.command)


async def _presenter_state(request: Request, room: Room) -> Response:
    """Waits for news, and meanwhile looks every second whether someone else saved the assessment
    (`assess` beside the room, another editor) and whether a phone fell silent: the page then shows
    the file as it is now, and the phones here now."""
    _presenter(request, room)
    seen = _seen(request)
    deadline = asyncio.get_running_loop().time() + room.limits.poll_seconds
    while True:
        await _look(room)
        _recount(room)
        left = deadline - asyncio.get_running_loop().time()
        if seen != room.changes.version or room.changes.closing or left <= 0:
            break
        await room.changes.wait(seen, min(left, room.limits.file_check_seconds), phase=False)
    view = presenter_view(room.session, room.changes.version, room.join_url)
    return JSONResponse({**view, "ended": room.changes.closing})  # the room was closed: say so, as phones do


async def _look(room: Room) -> None:
    """Read the assessment again if someone else saved it (taking turns with saves); news if so."""
    async with room.agreeing:
        if await anyio.to_thread.run_sync(room.session.look):
            room.changes.changed(phase=False)


async def _facilitator_action(
    request: Request, room: Room, model: type[_Body], act: Callable[[Any], None]
) -> Response:
    _presenter(request, room)
    body = _body(model, await read_json(request, room.limits.presenter_body_bytes))
    try:
        act(body)
    except Refused as refused:
        raise Problem(refused.status, refused.message) from None
    room.changes.changed(phase=True)
    await room.durability.wait(room.session.journal.written)
    return JSONResponse({"ok": True, "version": room.changes.version})


async def _open(request: Request, room: Room) -> Response:
    return await _facilitator_action(request, room, OpenBody, lambda body: room.session.open(body.indicator))


async def _close(request: Request, room: Room) -> Response:
    return await _facilitator_action(request, room, NoBody, lambda _body: room.session.close_voting())


async def _reveal(request: Request, room: Room) -> Response:
    return await _facilitator_action(request, room, NoBody, lambda _body: room.session.reveal())


async def _agree(request: Request, room: Room) -> Response:
    _presenter(request, room)
    body: AgreeBody = _body(AgreeBody, await read_json(request, room.limits.presenter_body_bytes))
    async with room.agreeing:
        try:
            changed = await anyio.to_thread.run_sync(
                room.session.agree, body.indicator, body.stage, body.evidence, body.seen
            )
            room.session.record_agreed(body.indicator, body.stage, body.evidence)
        except Refused as refused:
            room.changes.changed(phase=False)  # the file as it is now, read to say why: on the page
            raise Problem(refused.status, refused.message) from None
    room.changes.changed(phase=True)
    return JSONResponse({"ok": True, "changed": changed, "version": room.changes.version})
