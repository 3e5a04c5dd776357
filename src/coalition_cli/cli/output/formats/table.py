"""`--format table`, the default: the report's document as Rich tables, coloured by stage unless colour is off."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coalition_cli.cli.output.formats import Format

if TYPE_CHECKING:
    from rich.console import Console

    from coalition_cli.core.reports.document import Cell, Document, Table
    from coalition_cli.core.reports.report import Report

STAGE_COLOURS = ("red", "yellow", "green", "bright_green")
"""From the first stage to the top one (ANSI colours, so 16-colour terminals show them too); a
rubric with N stages takes N colours spread over these."""

TONE_STYLES = {"good": "green", "bad": "red", "warn": "yellow", "muted": "dim", "strong": "bold"}


def render(report: Report) -> None:
    from coalition_cli.cli.console import stdout

    console = stdout()
    # one document, printed at once: its size is looked up once, not (three system calls and the
    # environment each time) for every line of every table, a tenth of printing a long report
    console.size = console.size
    print_document(report.document(), console)


FORMAT = Format(help="table (the default)", position=0, render=render)


def stage_colour(stage: int, top: int) -> str:
    if top <= 1:
        return STAGE_COLOURS[-1]
    position = (stage - 1) / (top - 1)
    return STAGE_COLOURS[round(min(max(position, 0.0), 1.0) * (len(STAGE_COLOURS) - 1))]


def cell_style(cell: Cell) -> str:
    parts = [TONE_STYLES[cell.tone]] if cell.tone else []
    if cell.stage is not None:
        colour = stage_colour(cell.stage, cell.top)
        parts.append(f"black on {colour}" if cell.fill else colour)
    return " ".join(parts)


def print_document(document: Document, console: Console) -> None:
    """Print the document's blocks; every text in them is passed through `printable` here (so the
    console need not escape what they print once more)."""
    from rich.text import Text

    from coalition_cli.cli.console import Escaped
    from coalition_cli.core.reports.document import Heading, Line
    from coalition_cli.core.wording import printable

    for index, block in enumerate(document):
        if isinstance(block, Heading):
            if index:
                console.print()
            console.print(Text(printable(block.text), style="bold underline" if block.level == 1 else "bold"))
        elif isinstance(block, Line):
            text = Text(printable(block.text), style=TONE_STYLES[block.tone] if block.tone else "")
            console.print(Escaped(_item(text)) if block.item else text)
        else:
            console.print()
            console.print(Escaped(_rich_table(block)))


def _item(text: Any) -> Any:
    """A list item: `  - ` and the text, its lines wrapped under its first word."""
    from rich.table import Table as RichTable

    grid = RichTable.grid()
    grid.add_column(width=4, no_wrap=True)
    grid.add_column()
    grid.add_row("  - ", text)
    return grid


def _rich_table(block: Table) -> Any:
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    from coalition_cli.core.wording import printable

    # Titles, headers and cells are Text, never strings: a string is read as Rich markup, so a rater
    # named "Lee [bold]" would lose the brackets (and reading markup costs a table a few ms).
    rich_table = RichTable(
        title=Text(printable(block.title), style="bold") if block.title else block.title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        header_style="bold",
        pad_edge=False,
        # Rich miscounts the width of an edgeless table by one and crops its last column
        show_edge=True,
        collapse_padding=True,  # one space between columns, not two: tables must fit 80 columns
    )
    for index, column in enumerate(block.columns):
        header = "\n".join(printable(column.header).split()) if column.narrow else printable(column.header)
        # A wrapping column is never narrower than its longest word (up to a point), and a word
        # that still does not fit is folded, not cut with "…": nothing is lost on an 80-column screen.
        words = [
            len(word) for row in block.rows for word in printable(row[index].text, newlines=True).split()
        ]
        rich_table.add_column(
            Text(header),
            justify=column.align,
            no_wrap=column.nowrap,
            overflow="fold",
            min_width=None if column.nowrap or column.narrow else min(max(words, default=1), 14),
        )
    for row in block.rows:
        rich_table.add_row(
            *(Text(printable(cell.text, newlines=True), style=cell_style(cell)) for cell in row)
        )
    return rich_table
