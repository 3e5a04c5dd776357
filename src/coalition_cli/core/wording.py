"""Wording shared by every output, kept free of heavy imports so the fastest paths can use it."""

from __future__ import annotations

from collections.abc import Iterable

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""Month names in English, for dates written the same in every locale ("14 March 2026")."""


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 indicator`, `4 indicators`."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def and_list(items: Iterable[str]) -> str:
    """`A`, `A and B`, `A, B and C`."""
    names = list(items)
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


def quoted(text: str, limit: int = 60) -> str:
    """`text` quoted for a message, cut to `limit` characters: a key or a value in a file can be a
    megabyte long, and a message is read on one line."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
