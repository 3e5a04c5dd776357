"""Keys in turn: each key of a burst lands where the same key, typed alone, would.

Textual sends a key to whatever has the focus when the key is read, and looks up the key's binding
when it comes back up from there, a moment later. A burst (fast typing, a paste without bracketed
paste, a keyboard macro, `tmux send-keys`) is read whole before its first key has done anything:
after `a`, the words meant for the new action went to the screen behind (and were lost), or to the
list of actions the form focuses first (`d` marked one done, Enter opened one to change), and after
Enter in a box the next words joined the same box. Here the session's keys are handed on one at a
time: the next only once everything the one before started is over (a dialog opened and its box
focused, Enter's move to the next box, a form closed and its answer saved).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump

SETTLING = 2.0
"""Seconds a key waits at most for the ones before it (a bound: settling takes milliseconds)."""

_LOOK = 0.05
"""Seconds between looks for a part of the screen that closed before it could answer."""


class KeysInTurn:
    """The keys (and pastes) read from the terminal, handed to the app one at a time.

    `held` is asked about every event the app receives: a key read while the one before it is still
    under way is kept back, and `hand_on` (the app's worker) posts it again once that one settled.
    A letter typed into the box that has the focus moves nothing (no handler of a box's change moves
    the focus), so the key after it need not wait: a long text typed ahead is not slowed down."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.waiting: deque[events.Key | events.Paste] = deque()
        self.letting: list[events.Event] = []  # posted again by `hand_on`, for the app to handle now
        self.running = False  # `hand_on` has started: until then (and after) nothing is held
        self.busy = False  # a key that may move the focus was handed on and has not settled yet
        self.wake = asyncio.Event()

    def held(self, event: events.Event) -> bool:
        """Whether the app must leave `event` for later: it is a key typed ahead, kept in turn."""
        for index, letting in enumerate(self.letting):
            if letting is event:
                del self.letting[index]
                return False
        if not isinstance(event, events.Key | events.Paste) or event.is_forwarded or not self.running:
            return False  # a key coming back up from a widget, the mouse, or the app is not running yet
        if self.busy or self.waiting:
            self.waiting.append(event)
            return True
        self._handing(event)
        return False

    def _handing(self, event: events.Key | events.Paste) -> None:
        """`event` goes to the app now: unless it is text for the box in focus, the next waits for it."""
        if not self._text_for_the_box(event):
            self.busy = True
            self.wake.set()

    def _text_for_the_box(self, event: events.Key | events.Paste) -> bool:
        focused = self.app.screen_stack[-1].focused if self.app.screen_stack else None
        return (
            isinstance(event, events.Key)
            and event.is_printable
            and focused is not None
            and focused.check_consume_key(event.key, event.character)
        )

    async def hand_on(self) -> None:
        """Whenever a key that may move the focus was handed on: wait until it has settled, then hand
        on the keys typed meanwhile, up to the next such key."""
        self.running = True
        try:
            while True:
                await self.wake.wait()
                self.wake.clear()
                while self.busy:
                    await settled(self.app)
                    self.busy = False
                    while self.waiting and not self.busy:
                        event = self.waiting.popleft()
                        self.letting.append(event)
                        self.app.post_message(event)
                        self._handing(event)
        finally:
            self.running = False


def _parts(app: App[Any]) -> list[MessagePump]:
    """The app, and every screen open with everything on it: where a key's effects run."""
    return [app, *(node for screen in app.screen_stack for node in screen.walk_children(with_self=True))]


async def settled(app: App[Any]) -> None:
    """Until every part of the app has handled all it was sent, and nothing new was opened, focused or
    sent meanwhile (at most `SETTLING` seconds)."""
    deadline = time.monotonic() + SETTLING
    while time.monotonic() < deadline:
        parts = _parts(app)
        focused = app.screen_stack[-1].focused if app.screen_stack else None
        await _everyone_reached(parts, deadline)
        now = _parts(app)
        if (
            now == parts
            and (app.screen_stack[-1].focused if app.screen_stack else None) is focused
            and not any(part.message_queue_size for part in now)
        ):
            return


async def _everyone_reached(parts: list[MessagePump], deadline: float) -> None:
    """Until each part has handled what it had been sent before this call (or has closed)."""
    loop = asyncio.get_running_loop()
    waiting: list[tuple[MessagePump, asyncio.Future[None]]] = []
    for part in parts:
        reached: asyncio.Future[None] = loop.create_future()
        if part.call_later(_reach, reached):
            waiting.append((part, reached))
    while waiting and time.monotonic() < deadline:
        await asyncio.wait([reached for _part, reached in waiting], timeout=_LOOK)
        waiting = [(part, reached) for part, reached in waiting if not reached.done() and part.is_running]


def _reach(reached: asyncio.Future[None]) -> None:
    if not reached.done():
        reached.set_result(None)
