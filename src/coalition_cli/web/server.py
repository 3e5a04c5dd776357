"""Serving a room: the listening socket, the links people use, and uvicorn, in the foreground or a thread.

The socket is bound before uvicorn starts, so the port is known (port 0: any free one) and printed
with the links before the first request can arrive. By default it listens on the loopback address
only (127.0.0.1: this laptop); `lan=True` listens on every interface, and the join link names the
laptop's address on the local network, which is how phones reach it.
"""

from __future__ import annotations

import asyncio
import shlex
import socket
import threading

import uvicorn

from coalition_cli.core.errors import UsageError
from coalition_cli.core.frozen import frozen
from coalition_cli.core.room.session import RoomSession
from coalition_cli.web.app import Room, room_app
from coalition_cli.web.guard import Limits

LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 8765
MAX_CONNECTIONS = 1000
"""Open connections at once (each phone keeps one waiting for news); beyond this, 503."""


def bind(host: str, port: int) -> socket.socket:
    # IPPROTO_TCP by name: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on sockets that say
    # so, and with it on, an answer written in two parts waits ~40 ms for the phone's delayed ACK
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        taken = error.errno in (98, 48, 10048)  # EADDRINUSE on Linux, macOS, Windows
        raise UsageError(
            f"cannot listen on port {port}: {'it is in use' if taken else error.strerror or error}",
            hint="choose another with --port (--port 0 picks a free one)",
        ) from None
    sock.listen(512)
    sock.set_inheritable(True)
    return sock


def lan_address() -> str | None:
    """This laptop's address on the local network, or None when it has none.

    Asks the system which address it would send from to a documentation-only address (RFC 5737);
    connecting a UDP socket sends nothing.
    """
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))
        address = str(probe.getsockname()[0])
    except OSError:
        return None
    finally:
        probe.close()
    return None if address.startswith(("127.", "0.")) else address


@frozen
class Links:
    """The room's addresses: the join link for phones and its QR code, and the facilitator's."""

    join: str
    """What participants open (the QR code holds the same link)."""
    join_qr: str
    """The join link as the QR code holds it: in capitals, which makes a smaller code (alphanumeric)."""
    presenter: str
    """The facilitator's link, for this laptop's browser: keep it off the projector and out of chats."""


def links(session: RoomSession, host: str, port: int) -> Links:
    join = f"http://{host}:{port}/j/{session.secrets.join}"
    return Links(
        join,
        f"HTTP://{host.upper()}:{port}/J/{session.secrets.join}",
        f"http://{LOOPBACK}:{port}/f/{session.secrets.facilitator}",
    )


def room_command(file: str, *, lan: bool, port: int) -> str:
    """The command that starts the room again with the same links: the same file (as `file` says
    it), --lan if it was given, and the port it listens on (phones come back only to that one)."""
    words = ["coalition", "room", file, *(["--lan"] if lan else [])]
    return " ".join(words if port == DEFAULT_PORT else [*words, "--port", str(port)])


class _Uvicorn(uvicorn.Server):
    """uvicorn, answering the pages that wait for news before it waits for open requests to finish."""

    def __init__(self, config: uvicorn.Config, room: Room) -> None:
        super().__init__(config)
        self.room = room

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        self.room.changes.close()
        await super().shutdown(sockets)


class RoomServer:
    """A started session served over HTTP by uvicorn."""

    def __init__(
        self,
        session: RoomSession,
        *,
        lan: bool = False,
        port: int = DEFAULT_PORT,
        limits: Limits | None = None,
    ) -> None:
        host = LOOPBACK
        if lan:
            found = lan_address()
            if found is None:
                raise UsageError(
                    "this laptop is not on a local network, so phones cannot reach it",
                    hint="join the room's Wi-Fi, or run without --lan to try it on this laptop alone",
                )
            host = found
        self.session = session
        self.lan = lan
        self.socket = bind("0.0.0.0" if lan else LOOPBACK, port)
        self.port = int(self.socket.getsockname()[1])
        self.links = links(session, host, self.port)
        self.app, self.room = room_app(
            session,
            self.links.join,
            self.links.join_qr,
            lambda: self.port,
            limits,
            # on the projected page: the file's name, not where it lives on the laptop
            command=self.command(shlex.quote(session.path.name)),
        )
        self.server = _Uvicorn(
            uvicorn.Config(
                self.app,
                lifespan="off",
                access_log=False,  # the access log would print the links' tokens
                log_level="warning",
                proxy_headers=False,  # nobody stands between the phones and this laptop
                server_header=False,
                http="h11",
                ws="none",
                limit_concurrency=MAX_CONNECTIONS,
                timeout_keep_alive=30,
                timeout_graceful_shutdown=2,
                h11_max_incomplete_event_size=16 * 1024,
            ),
            self.room,
        )
        self._thread: threading.Thread | None = None

    def command(self, file: str) -> str:
        """The command that starts this room again with the same links (`room_command`)."""
        return room_command(file, lan=self.lan, port=self.port)

    async def serve(self) -> None:
        """Serve until `stop()` (or Ctrl-C, in the main thread)."""
        await self.server.serve(sockets=[self.socket])

    def stop(self) -> None:
        self.server.should_exit = True

    # --- in a thread (tests, benchmarks) -----------------------------------------------------------

    def start_in_thread(self, timeout: float = 10.0) -> None:
        self._thread = threading.Thread(
            target=lambda: asyncio.run(self.serve()), name="room-server", daemon=True
        )
        self._thread.start()
        waited = 0.0
        while not self.server.started and waited < timeout:
            if not self._thread.is_alive():
                raise RuntimeError("the room server stopped while starting")
            threading.Event().wait(0.02)
            waited += 0.02
        if not self.server.started:
            raise RuntimeError("the room server did not start")

    def stop_thread(self, timeout: float = 10.0) -> None:
        self.stop()
        if self._thread is not None:
            self._thread.join(timeout)
        self.socket.close()
