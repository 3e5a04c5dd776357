"""Text fitted to a width in terminal cells: whole, or cut at a word and marked `…`, never silently.

Shared by the full-screen session (each answer on one line at 80×24) and `coalition rate` (the
evidence a rating replaced, quoted on one line).
"""

from __future__ import annotations

from rich.cells import cell_len


def fit(text: str, width: int) -> str:
    """`text` in at most `width` cells: whole, or cut at a word with `…` (never silently). A cut at
    the end of a sentence drops its full stop: "…in January 2026.…" read as the text's own end."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    cut = text
    while cell_len(cut) > width - 1:
        cut = cut[:-1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:·(.") + "…"
