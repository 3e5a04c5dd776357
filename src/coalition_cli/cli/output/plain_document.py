"""A report's document, off a terminal, as Rich prints it there: the same text, without Rich's console.

A report's default format prints its document through Rich (`formats/table.py`): headings, lines,
items and tables. Off a terminal (a CI log, a pipe, a file) Rich styles nothing, and importing and
running its console was most of what `roster`, `score`, `compare` and `consensus` spent beyond
reading their files. Here the same document is laid out by Rich's rules (`plain_layout.py`) and
written block by block: headings and lines wrapped at the console's width, an item under its dash
(Rich's two-column grid), each table with the widths, justification, padding and rules of
`DrawnTable`. `tests/unit/test_plain_document.py` prints generated documents both ways, byte for byte.

`lines` answers None for what it does not lay out as Rich does (a tab, a table Rich would draw
itself); the caller prints through Rich then.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from coalition_cli.cli.output.plain_layout import column_widths, frame_width, paddings, truncated, wrapped
from coalition_cli.core.wording import printable

if TYPE_CHECKING:
    from coalition_cli.cli.output.formats.table import _Fit
    from coalition_cli.core.reports.document import Align, Document, Table

ITEM = "  - "
"""What an item's first line starts with, in a fixed first column (Rich's grid, `formats/table.py:_item`)."""


class _Laid(NamedTuple):
    """A table's layout, worked out before any line is written: its texts and column widths."""

    fits: list[_Fit]
    headers: list[str]
    cells: list[list[str]]
    widths: list[int]


def lines(document: Document, width: int) -> Iterator[list[str]] | None:
    """The document's lines, a table (and what comes before it) at a time; None if any of it is not
    laid out here (it holds a tab, or a table Rich draws itself). Every table's widths are worked out
    first, so that nothing is written when Rich must print it; its lines only when it is written."""
    from coalition_cli.core.reports.document import Heading, Line

    if width <= len(ITEM) or _has_tab(document):
        return None
    laid: dict[int, _Laid] = {}
    for index, block in enumerate(document):
        if not isinstance(block, (Heading, Line)):
            layout = _layout_of(block, width)
            if layout is None:
                return None
            laid[index] = layout
    return _blocks(document, width, laid)


def _blocks(document: Document, width: int, laid: dict[int, _Laid]) -> Iterator[list[str]]:
    from coalition_cli.core.reports.document import Heading, Line

    pending: list[str] = []
    for index, block in enumerate(document):
        if isinstance(block, Heading):
            if index:
                pending.append("")
            pending.extend(wrapped(printable(block.text), width))
        elif isinstance(block, Line):
            text = printable(block.text)
            pending.extend(_item(text, width) if block.item else wrapped(text, width))
        else:
            pending.append("")
            yield [*pending, *_table(block, laid.pop(index), width)]
            pending = []
    if pending:
        yield pending


def _has_tab(document: Document) -> bool:
    from coalition_cli.core.reports.document import Heading, Line

    for block in document:
        if isinstance(block, (Heading, Line)):
            texts = [block.text]
        else:
            texts = [block.title or "", *(column.header for column in block.columns)]
            texts += [f"{cell.text}{cell.note}" for row in block.rows for cell in row]
        if any("\t" in text for text in texts):
            return True
    return False


def _item(text: str, width: int) -> list[str]:
    """An item as Rich's grid of `formats/table.py:_item` lays it out: the dash in a column four wide,
    the text in a column as wide as its longest line (at most the rest), cut with an ellipsis."""
    from rich.cells import cell_len

    available = width - len(ITEM)
    longest = max(map(cell_len, text.splitlines()), default=0)
    column = min(longest, available) or 1
    parts = wrapped(text, column, justify="left", overflow="ellipsis")  # each `column` cells wide
    return [f"{ITEM if number == 0 else ' ' * len(ITEM)}{part}" for number, part in enumerate(parts)]


def _layout_of(block: Table, width: int) -> _Laid | None:
    """The layout `DrawnTable` gives the Rich table `formats/table.py` makes of the block; None when
    Rich would draw it itself (no columns, or a cell with no room inside its padding)."""
    from coalition_cli.cli.output.formats.table import _layout, _shown

    if not block.columns:
        return None
    fits = _layout(block, width)
    count = len(block.columns)
    headers = [fit.header for fit in fits]
    cells = [[printable(_shown(row[index]), newlines=True) for row in block.rows] for index in range(count)]
    widths = column_widths(
        [[header, *column] for header, column in zip(headers, cells, strict=True)],
        [
            None if fit.one_line or column.narrow else fit.least
            for fit, column in zip(fits, block.columns, strict=True)
        ],
        [not fit.one_line for fit in fits],
        width - frame_width(count),
    )
    if widths is None:
        return None
    return _Laid(fits, headers, cells, widths)


def _table(block: Table, laid: _Laid, width: int) -> list[str]:
    """The table's lines, as `DrawnTable` draws them: its title, the head, its rule, the rows."""
    from rich import box

    fits, headers, cells, widths = laid
    count = len(block.columns)
    pads = paddings(count)
    table_width = sum(widths) + frame_width(count)
    frame = box.SIMPLE_HEAD
    drawn: list[str] = []
    if block.title:
        drawn += wrapped(printable(block.title), table_width, justify="left")
    drawn.append(frame.get_top(widths))

    def row(texts: list[str], header: bool, left: str, divider: str, right: str) -> None:
        columns = [
            _cell(text, column.align, fit.one_line, cell_width - pad, pad)
            for text, column, fit, cell_width, pad in zip(
                texts, block.columns, fits, widths, pads, strict=True
            )
        ]
        height = max(1, *(len(lines) for lines in columns))
        for index, cell_width in enumerate(widths):
            blank = [" " * cell_width] * (height - len(columns[index]))
            # the head's cells are aligned to its foot, the rows' to their top (as Rich aligns them)
            columns[index] = blank + columns[index] if header else columns[index] + blank
        drawn.extend(left + divider.join(line) + right for line in zip(*columns, strict=True))

    row(headers, True, frame.head_left, frame.head_vertical, frame.head_right)
    drawn.append(frame.get_row(widths, "head", edge=True))
    for number in range(len(block.rows)):
        last = number == len(block.rows) - 1
        left, divider, right = (
            (frame.foot_left, frame.foot_vertical, frame.foot_right)
            if last
            else (frame.mid_left, frame.mid_vertical, frame.mid_right)
        )
        row([column[number] for column in cells], False, left, divider, right)
    drawn.append(frame.get_bottom(widths))
    return [truncated(line, width) for line in drawn]


def _cell(text: str, align: Align, no_wrap: bool, width: int, pad: int) -> list[str]:
    """A cell's lines, as `DrawnTable._cell_lines` renders them: wrapped and justified to `width`
    (each line exactly that wide), then the padding to their right."""
    return [
        line + " " * pad for line in wrapped(text, width, justify=align, no_wrap=no_wrap, overflow="fold")
    ]
