"""The phones in the room: those that joined, counted before they vote, and said the same way everywhere.

A phone has joined once its page has asked the server for the room's state (it does so as soon as
it opens) or once it has voted in this session. Joins are held in memory only, by the same random
pseudonym as the phone's votes: nothing more is written anywhere, and the presenter page and the
terminal see a count, never who. After a restart, the phones' pages ask again within seconds.
"""

from __future__ import annotations

from collections.abc import Collection

from coalition_cli.core.wording import plural

MAX_JOINED = 20_000
"""Phones remembered as joined (each is a signed cookie the server gave out; far more than a room)."""


class JoinedPhones:
    """The pseudonyms of the phones whose page asked for the state since the room started."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def saw(self, device: str) -> bool:
        """Note that this phone's page is open; True the first time (the count changed)."""
        if device in self._seen or len(self._seen) >= MAX_JOINED:
            return False
        self._seen.add(device)
        return True

    def count(self, voted: Collection[str]) -> int:
        """Phones that joined: seen here, or among `voted` (every phone that voted in the session)."""
        return len(self._seen) + sum(device not in self._seen for device in voted)


def joined_words(joined: int) -> str:
    """ "3 phones joined", for the presenter's header and the terminal before an indicator is open."""
    return "no phone has joined yet" if joined == 0 else f"{plural(joined, 'phone')} joined"


def voted_words(joined: int) -> str:
    """What follows the number of phones that voted on the open indicator: "of 3 phones have voted"."""
    if joined == 0:
        return "have voted: no phone has joined yet"
    return f"of {plural(joined, 'phone')} {'has' if joined == 1 else 'have'} voted"
