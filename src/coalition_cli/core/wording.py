"""Wording shared by every output, kept free of heavy imports so the fastest paths can use it."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 indicator`, `4 indicators`."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"
