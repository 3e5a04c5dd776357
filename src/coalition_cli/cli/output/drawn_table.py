"""Drawing a report's table on the terminal: Rich's layout, without Rich's cost per cell.

Rich's `Table` draws through its general machinery: every cell is wrapped in a `Padding`, measured
twice and rendered twice over, about half a millisecond a row (a roster's 85 rows took 40 ms, most of
the command's own work). A report's tables are all of one shape (`formats/table.py` makes them): a simple
head, no lines between rows, one space between columns, text in every cell. `DrawnTable` draws a
Rich `Table` of that shape itself, by Rich's rules:

- the column widths as `Table._calculate_column_widths` finds them (`plain_layout.column_widths`):
  each column measured once, from its texts, narrowed as Rich narrows it, then measured again at its
  new width;
- each cell's text wrapped and justified by Rich (`Console.render_lines`), padded, styled and
  aligned as `Table._render` does, and the lines put together with the box's characters.

A table of any other shape, or one so narrow that a cell has no room inside its padding, is drawn
by Rich itself. Generated tables are drawn both ways in the tests (tests/unit/test_drawn_table.py):
the same characters in the same styles.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from coalition_cli.cli.output.plain_layout import column_widths, frame_width, paddings

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions
    from rich.measure import Measurement
    from rich.table import Column

_PADDING = (0, 1, 0, 1)
"""Rich's default cell padding, the only one drawn here: one space to the right of each cell but the last
(`collapse_padding`, no `pad_edge`)."""


class DrawnTable:
    """A Rich `Table` of a report's shape, drawn as Rich draws it, at a fraction of the cost."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As the table measures: what holds it (a panel, an alignment) fits it the same."""
        return self.table.__rich_measure__(console, options)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Any]:
        table = self.table
        widths = _widths(table, options) if _drawable(table) else None
        if widths is None:
            yield table  # Rich draws what is not of a report's shape
            return
        table_width = sum(widths) + frame_width(len(table.columns))
        render_options = options.update(width=table_width, highlight=table.highlight, height=None)
        if table.title:
            title = table.title
            if isinstance(title, str):
                title_style = Style.pick_first(table.title_style, "table.title")
                title = console.render_str(title, style=title_style, highlight=False)
            yield from console.render(title, render_options.update(justify=table.title_justify))
        yield from _rows(table, console, render_options, widths)


def _drawable(table: Table) -> bool:
    """A table of the shape reports make: simple edges, a header, text cells, collapsed padding."""
    return (
        table.box is not None
        and table.show_edge
        and table.show_header
        and not table.show_footer
        and not table.show_lines
        and not table.leading
        and not table.caption
        and not table.expand
        and table.width is None
        and table.min_width is None
        and table.collapse_padding
        and not table.pad_edge
        and tuple(table.padding) == _PADDING
        and bool(table.columns)
        and not any(row.end_section for row in table.rows)
        and all(_plain_column(column, index, len(table.rows)) for index, column in enumerate(table.columns))
    )


def _plain_column(column: Column, index: int, rows: int) -> bool:
    """Text in every cell, a cell in every row (a column added after rows has fewer), at its place."""
    return (
        column._index == index
        and len(column._cells) == rows
        and column.width is None
        and column.max_width is None
        and column.ratio is None
        and column.vertical == "top"
        and isinstance(column.header, Text)
        and all(isinstance(cell, Text) for cell in column.cells)
    )


def _header(column: Column) -> Text:
    assert isinstance(column.header, Text)  # _plain_column
    return column.header


def _texts(column: Column) -> Iterator[Text]:
    yield _header(column)
    yield from column.cells  # type: ignore[misc]  # Texts (_plain_column)


def _widths(table: Table, options: ConsoleOptions) -> list[int] | None:
    """Each column's width, padding included, as Rich's `Table._calculate_column_widths` finds them;
    None when a cell would have no room inside its padding (then Rich draws the table)."""
    columns = table.columns
    return column_widths(
        [[text.plain for text in _texts(column)] for column in columns],
        [column.min_width for column in columns],
        [not column.no_wrap for column in columns],
        options.max_width - frame_width(len(columns)),
    )


def _rows(
    table: Table, console: Console, options: ConsoleOptions, widths: Sequence[int]
) -> Iterator[Segment]:
    """The top edge, the header, its rule, every row and the bottom edge, as `Table._render` yields them."""
    border_style = console.get_style(table.style or "") + console.get_style(table.border_style or "")
    assert table.box is not None  # _drawable
    box = table.box.substitute(
        options, safe=table.safe_box if table.safe_box is not None else console.safe_box
    )
    new_line = Segment.line()
    edges = [
        (
            Segment(box.head_left, border_style),
            Segment(box.head_right, border_style),
            Segment(box.head_vertical, border_style),
        ),
        (
            Segment(box.mid_left, border_style),
            Segment(box.mid_right, border_style),
            Segment(box.mid_vertical, border_style),
        ),
        (
            Segment(box.foot_left, border_style),
            Segment(box.foot_right, border_style),
            Segment(box.foot_vertical, border_style),
        ),
    ]
    yield Segment(box.get_top(widths), border_style)
    yield new_line

    columns = table.columns
    header_style = console.get_style(table.header_style or "")
    cell_styles = [console.get_style(column.style or "") for column in columns]
    bodies = [
        [cell for cell in column.cells if isinstance(cell, Text)] for column in columns
    ]  # all (_plain_column)
    count = len(table.rows) + 1
    pads = paddings(len(columns))
    for index in range(count):
        header = index == 0
        row_style = Style.null() if header else console.get_style(table.get_row_style(console, index - 1))
        cells: list[list[list[Segment]]] = []
        styles: list[Style] = []
        for number, (column, width) in enumerate(zip(columns, widths, strict=True)):
            if header:
                text, style = _header(column), header_style + console.get_style(column.header_style)
            else:
                text, style = bodies[number][index - 1], cell_styles[number]
            style = style + row_style
            cells.append(_cell_lines(console, options, column, text, width, pads[number], style))
            styles.append(style)
        height = max(1, *(len(lines) for lines in cells))  # a row is a line high, even of empty cells
        align = Segment.align_bottom if header else Segment.align_top
        shaped = [
            align(lines, width, height, style)
            for lines, width, style in zip(cells, widths, styles, strict=True)
        ]
        left, right, divider = edges[0 if header else (2 if index == count - 1 else 1)]
        if not divider.text.strip():
            divider = Segment(divider.text, row_style.background_style + divider.style)
        for line in range(height):
            yield left
            for number, lines in enumerate(shaped):
                if number:
                    yield divider
                yield from lines[line]
            yield right
            yield new_line
        if header:
            yield Segment(box.get_row(widths, "head", edge=True), border_style)
            yield new_line
    yield Segment(box.get_bottom(widths), border_style)
    yield new_line


def _cell_lines(
    console: Console, options: ConsoleOptions, column: Column, text: Text, width: int, pad: int, style: Style
) -> list[list[Segment]]:
    """One cell's lines, each `width` wide: its text wrapped and justified by Rich, the padding to its
    right, the cell's style beneath every character (as a Padding around the text, rendered in a
    Table's cell, gives them)."""
    cell_options = options.update(
        width=width - pad,
        justify=column.justify,
        no_wrap=column.no_wrap,
        overflow=column.overflow,
        height=None,
        highlight=column.highlight,
    )
    lines = console.render_lines(text, cell_options)
    padding = [Segment(" " * pad, Style.null())] if pad else []  # as a Padding styles its spaces
    if not style:
        return [[*line, *padding] for line in lines]
    return [list(Segment.apply_style([*line, *padding], style)) for line in lines]
