"""Rich's layout of plain text, without Rich's console: where a line wraps, how a cell is justified,
how wide a table's columns are.

Off a terminal Rich styles nothing, so what it prints is text laid out by a few rules: words broken
by `rich._wrap.divide_line`, widths counted by `rich.cells`, lines cut and padded as `Text.wrap`,
`Lines.justify` and `Text.truncate` do, columns sized as `Table._calculate_column_widths` sizes them.
Importing Rich's console costs a command about 20 ms and printing through it about as much again
(a roster's 500 lines); these rules, and the two small modules they use, cost a few. The sentences a
command says (`messages.py`) and a report's document (`plain_document.py`) are laid out here off a
terminal; the tests hold each to what Rich prints, byte for byte, over generated texts and widths.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import Literal, TextIO

Justify = Literal["default", "left", "center", "right"]
Overflow = Literal["fold", "ellipsis"]

_TRAILING_SPACE = re.compile(r"\s+$")
"""What Rich's `Text.rstrip_end` takes off a line that is too long."""


def rich_width() -> int | None:
    """The width a Rich console writing off a terminal takes (`Console.size`): COLUMNS when it is a
    number, else the size of the first of standard input, output and error that is a terminal, else
    80. None where Rich works it out otherwise (Windows; COLUMNS=0), so Rich is asked."""
    if sys.platform == "win32":
        return None
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns) or None
    for descriptor in (0, 1, 2):
        try:
            width = os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
        return width or 80
    return 80


def plain_width(stream: TextIO | None) -> int | None:
    """The width to lay text out at for `stream` where Rich would print it without a single style
    (not a terminal by Rich's own test, `console.styled_by_rich`); None where Rich must print it: a
    terminal, FORCE_COLOR, no stream at all (Rich writes nowhere then), or a width Rich works out
    otherwise."""
    from coalition_cli.cli.console import styled_by_rich

    if stream is None or styled_by_rich(stream):
        return None
    return rich_width()


def wrapped(
    text: str,
    width: int,
    *,
    justify: Justify = "default",
    overflow: Overflow = "fold",
    no_wrap: bool = False,
) -> list[str]:
    """`text`'s lines as Rich's `Text.wrap` makes them: broken at `divide_line`'s places (not with
    `no_wrap`), a line too long losing trailing spaces, then justified (`Lines.justify`: left pads
    to the width, right and center strip and pad), then cut to the width (`Text.truncate`). A line
    justified left, right or center is exactly `width` cells wide."""
    from rich._wrap import divide_line
    from rich.cells import cell_len

    lines: list[str] = []
    for line in text.split("\n"):
        if no_wrap:
            parts = [line]
        else:
            breaks = divide_line(line, width, fold=overflow == "fold")
            parts = [line[start:end] for start, end in zip([0, *breaks], [*breaks, len(line)], strict=True)]
            parts = [_rstrip_end(part, width) for part in parts]
        for part in parts:
            if justify == "left":
                part = truncated(part, width, overflow, pad=True)
            elif justify in ("center", "right"):
                part = truncated(part.rstrip(), width, overflow)
                left = width - cell_len(part)
                part = " " * (left // 2 if justify == "center" else left) + part
                part += " " * (width - cell_len(part))
            lines.append(truncated(part, width, overflow))
    return lines


def _rstrip_end(part: str, width: int) -> str:
    if len(part) <= width:
        return part
    trailing = _TRAILING_SPACE.search(part)
    if trailing is None:
        return part
    return part[: len(part) - min(len(trailing.group()), len(part) - width)]


def truncated(text: str, width: int, overflow: Overflow = "fold", *, pad: bool = False) -> str:
    """`Text.truncate`: cut to `width` cells (an ellipsis ending it, if so), or padded to it."""
    from rich.cells import cell_len, set_cell_size

    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…" if overflow == "ellipsis" else set_cell_size(text, width)
    if pad and length < width:
        return text + " " * (width - length)
    return text


def measured(texts: Sequence[str], pad: int, limit: int, min_width: int | None) -> int:
    """The widest a column of these texts may be within `limit`, padding included, as Rich measures it
    (`Table._measure_column`: a Padding around each text, normalized and capped at every step)."""
    from rich.cells import cell_len

    if limit < 1:
        return 0
    widest = 0
    for text in texts:
        lines = text.splitlines()
        natural = max(map(cell_len, lines)) if lines else 0
        inner = min(natural, limit)  # the Text, capped
        padded = limit if limit - pad < 1 else min(inner + pad, limit)  # its Padding, capped
        widest = max(widest, padded)
    widest = min(widest, limit)
    if min_width is not None:
        widest = max(widest, min_width + pad)
    return widest


def paddings(count: int) -> list[int]:
    """The space to the right of each of a report table's `count` columns, padding in Rich's sense:
    one, but none after the last (`collapse_padding`, no `pad_edge`)."""
    return [0 if index == count - 1 else 1 for index in range(count)]


def frame_width(count: int) -> int:
    """What a report table's frame takes beside its columns: its two edges and a divider between
    each two columns (Rich's `Table._extra_width`, edges shown)."""
    return 2 + count - 1


def column_widths(
    columns: Sequence[Sequence[str]],
    min_widths: Sequence[int | None],
    wrapable: Sequence[bool],
    available: int,
) -> list[int] | None:
    """Each column's width, padding (`paddings`) included, as `Table._calculate_column_widths` finds
    them for a report table: measured, narrowed by `collapsed` (then evenly) if too wide, measured
    again at the width it got. `columns` holds each column's texts, its header first. None when a
    cell would have no room inside its padding: such a table is Rich's to draw."""
    from rich._ratio import ratio_reduce

    pads = paddings(len(columns))
    specs = list(zip(columns, pads, min_widths, strict=True))
    widths = [measured(texts, pad, available, least) or 1 for texts, pad, least in specs]
    if sum(widths) > available:
        widths = collapsed(widths, wrapable, available)
        if sum(widths) > available:
            widths = ratio_reduce(sum(widths) - available, [1] * len(widths), widths, widths)
        widths = [
            measured(texts, pad, width, least)
            for (texts, pad, least), width in zip(specs, widths, strict=True)
        ]
    if any(width - pad < 1 for width, pad in zip(widths, pads, strict=True)):
        return None
    return widths


def collapsed(widths: list[int], wrapable: Sequence[bool], most: int) -> list[int]:
    """Rich's `Table._collapse_widths`: the widest wrapping columns narrowed, a step at a time, toward
    the next widest, until the widths fit `most` or no column can give more."""
    from rich._ratio import ratio_reduce

    total = sum(widths)
    excess = total - most
    if not any(wrapable):
        return widths
    while total and excess > 0:
        widest = max(width for width, wraps in zip(widths, wrapable, strict=True) if wraps)
        next_widest = max(
            width if wraps and width != widest else 0 for width, wraps in zip(widths, wrapable, strict=True)
        )
        difference = widest - next_widest
        ratios = [
            1 if width == widest and wraps else 0 for width, wraps in zip(widths, wrapable, strict=True)
        ]
        if not any(ratios) or not difference:
            break
        widths = ratio_reduce(excess, ratios, [min(excess, difference)] * len(widths), widths)
        total = sum(widths)
        excess = total - most
    return widths
