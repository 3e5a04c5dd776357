"""The phones in the room: which are here now, how many joined in all, said the same way everywhere.

A phone's page keeps asking the server for news (each request waits up to `poll_seconds`, then the
page asks again at once), so a phone whose page is open is heard from every 20 seconds or so. It
counts as *here now* until its page says, as it closes, that it is going (`left`), or it has not been
heard from for `window` seconds: one that lost the Wi-Fi, walked out or fell asleep drops off within
a minute. Either way it is back as soon as its page asks again. *Joined in all* counts every phone heard from since the room started, and every phone
that voted in the session (after a restart, before its page asks again).

Held in memory only, by the same random pseudonym as the phone's votes: nothing more is written
anywhere, and the presenter page and the terminal see counts, never who. Both records are bounded:
the phones here now are pruned as they fall silent, and at most `limit` phones are remembered.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Collection

from coalition_cli.core.frozen import frozen
from coalition_cli.core.wording import plural

HERE_SECONDS = 45.0
"""How long a phone counts as here after its page last asked: two of its ~20-second waits, and then
some for a slow network or a phone retrying after a failure."""
MAX_PHONES = 20_000
"""Phones remembered (each is a signed cookie the server gave out; far more than a room)."""


@frozen
class PhoneCount:
    """How many phones the room has: here now, and joined since it started."""

    here: int
    """Phones heard from within the window: their page is open and in touch now."""
    joined: int
    """Phones that joined since the room started, here now or not (never fewer than `here`)."""


class Phones:
    """When each phone was last heard from, and which joined. Not thread-safe (the event loop's)."""

    def __init__(
        self,
        window: float = HERE_SECONDS,
        *,
        clock: Callable[[], float] = time.monotonic,
        limit: int = MAX_PHONES,
    ) -> None:
        self.window = window
        self._clock = clock
        self._limit = limit
        self._heard: OrderedDict[str, float] = OrderedDict()
        """Phone → when last heard from, the longest silent first: pruned from the front."""
        self._joined: set[str] = set()

    def saw(self, device: str) -> None:
        """This phone's page asked the server for something: it is here now."""
        at = self._clock()
        self._heard[device] = at
        self._heard.move_to_end(device)
        while len(self._heard) > self._limit:
            self._heard.popitem(last=False)
        if len(self._joined) < self._limit:
            self._joined.add(device)
        self._prune(at)

    def left(self, device: str) -> None:
        """This phone's page was closed (it said so as it went): it is no longer here, at once rather
        than when the window has passed. It stays joined, and is back as soon as its page asks again."""
        self._heard.pop(device, None)

    def _prune(self, at: float) -> None:
        """Forget the phones silent for longer than the window (the front of the record)."""
        while self._heard:
            device, last = next(iter(self._heard.items()))
            if at - last <= self.window:
                break
            del self._heard[device]

    def here(self) -> Collection[str]:
        """The phones here now (heard from within the window)."""
        self._prune(self._clock())
        return self._heard.keys()

    def count(self, voted: Collection[str]) -> PhoneCount:
        """Here now, and joined in all: heard from, or among `voted` (every phone that voted in the session)."""
        here = len(self.here())
        joined = len(self._joined) + sum(device not in self._joined for device in voted)
        return PhoneCount(here, max(here, joined))

    def here_or_voted(self, voted: Collection[str]) -> int:
        """The phones that can vote on an indicator now or did: here now, and any that voted on it
        (`voted`) and left since, whose vote still counts."""
        here = self.here()
        return len(here) + sum(device not in here for device in voted)

    def __len__(self) -> int:
        """Phones in the record of who is here (pruned as they fall silent)."""
        return len(self._heard)


def phones_words(count: PhoneCount) -> str:
    """ "3 phones here now", "9 phones here now (12 joined in all)": the presenter's header, the terminal."""
    if count.joined == 0:
        return "no phone has joined yet"
    here = "no phone here now" if count.here == 0 else f"{plural(count.here, 'phone')} here now"
    return here if count.here == count.joined else f"{here} ({count.joined} joined in all)"


def voted_words(of: int, joined: int) -> str:
    """What follows the number of phones that voted on the open indicator: "of 3 phones have voted";
    `of` counts the phones here now and those that voted on it and left (`Phones.here_or_voted`)."""
    if of == 0:
        return "have voted: " + ("no phone has joined yet" if joined == 0 else "no phone here now")
    return f"of {plural(of, 'phone')} {'has' if of == 1 else 'have'} voted"


def took_part_words(count: PhoneCount, voted: int) -> str:
    """ "19 phones joined, 14 voted": the session's phones, said alike by the presenter page once the
    room is closed and by the terminal (`voted`: the phones that voted, as the export counts them)."""
    if count.joined == 0:
        return "no phone joined"
    return f"{plural(count.joined, 'phone')} joined, {voted or 'none'} voted"
