"""`--format table`, the default: the report's document as Rich tables, coloured by stage unless colour is off."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

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

    document = report.document()
    if _written_plain(document):
        return
    console = stdout()
    # one document, printed at once: its size is looked up once, not (three system calls and the
    # environment each time) for every line of every table, a tenth of printing a long report
    console.size = console.size
    print_document(document, console)


def _written_plain(document: Document) -> bool:
    """Off a terminal, where Rich would style nothing, the document is written as Rich would print it,
    without Rich's console (`plain_document.py`); False where Rich must print it (a terminal, an
    encoding Rich would draw the rules of in ASCII, what the plain layout leaves to Rich)."""
    import sys

    from coalition_cli.cli.output.plain_document import lines
    from coalition_cli.cli.output.plain_layout import plain_width

    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
    width = plain_width(stream)
    laid = lines(document, width) if width is not None and encoding.startswith("utf") else None
    if laid is None:
        return False
    for chunk in laid:
        stream.write("\n".join(chunk) + "\n")
    stream.flush()
    return True


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
    console need not escape what they print once more). The headings and lines between two tables
    are printed at once, as one group (a print of Rich's costs as much as a short line's layout, and
    a roster has over a hundred blocks), each table by itself: a report over 20,000 files never holds
    more than its largest table's lines."""
    from rich.console import Group
    from rich.text import Text

    from coalition_cli.cli.console import Escaped
    from coalition_cli.cli.output.drawn_table import DrawnTable
    from coalition_cli.core.reports.document import Heading, Line
    from coalition_cli.core.wording import printable

    blank = Text("")
    parts: list[Any] = []
    for index, block in enumerate(document):
        if isinstance(block, Heading):
            if index:
                parts.append(blank)
            parts.append(Text(printable(block.text), style="bold underline" if block.level == 1 else "bold"))
        elif isinstance(block, Line):
            text = Text(printable(block.text), style=TONE_STYLES[block.tone] if block.tone else "")
            parts.append(_item(text) if block.item else text)
        else:
            parts.append(blank)
            console.print(Escaped(Group(*parts)))
            console.print(Escaped(DrawnTable(_rich_table(block, console.width))))
            parts = []
    if parts:
        console.print(Escaped(Group(*parts)))


def _item(text: Any) -> Any:
    """A list item: `  - ` and the text, its lines wrapped under its first word."""
    from rich.table import Table as RichTable

    from coalition_cli.cli.output.plain_document import ITEM

    grid = RichTable.grid()
    grid.add_column(width=len(ITEM), no_wrap=True)
    grid.add_column()
    grid.add_row(ITEM, text)
    return grid


_LONGEST_FOLDED_WORD = 14
"""A wrapping column is made at least as wide as its longest word up to this many characters; a
longer word is folded (unless the table cannot fit otherwise: then shorter ones are too)."""


class _Fit(NamedTuple):
    """How one column is laid out on the terminal."""

    header: str
    one_line: bool
    least: int
    """Its narrowest: its longest word (or value, on one line), at most the folding width."""


def _layout(block: Table, width: int) -> list[_Fit]:
    """Each column's header and width so that the table fits `width`, giving up, one step at a time
    and only as far as needed: first the one-line columns a report asks for (a stage, a change) wrap,
    widest first; then the narrow columns' headers (a word a line) keep their first word only, the
    stages' all at once (their numbers: the key names them), then the others, widest first; then long
    words are folded shorter. A rubric with more or longer stage
    names than the bundled one would otherwise have a column cut off or squeezed out."""
    from rich.cells import cell_len

    from coalition_cli.core.wording import printable

    headers = [printable(column.header) for column in block.columns]
    cells = [
        [printable(_shown(row[index]), newlines=True) for row in block.rows] for index in range(len(headers))
    ]

    def measured(header: str, narrow: bool, values: list[str]) -> tuple[int, int]:
        lines = [*(header.split() if narrow else [header]), *(line for v in values for line in v.split("\n"))]
        words = [*header.split(), *(word for v in values for word in v.split())]
        return max(map(cell_len, lines), default=1), max(map(cell_len, words), default=1)

    sizes = [
        measured(header, column.narrow, values)
        for header, column, values in zip(headers, block.columns, cells, strict=True)
    ]
    one_line = [column.nowrap for column in block.columns]
    cap = _LONGEST_FOLDED_WORD

    def needed() -> int:
        columns = (
            natural if kept else min(word, cap) for kept, (natural, word) in zip(one_line, sizes, strict=True)
        )
        return 2 * len(sizes) + sum(columns)  # two spaces between columns, one at either edge

    while needed() > width and any(one_line):
        widest = max((i for i, kept in enumerate(one_line) if kept), key=lambda i: sizes[i][0])
        one_line[widest] = False

    def shorten(indexes: list[int]) -> None:
        for index in indexes:
            headers[index] = headers[index].split()[0]
            sizes[index] = measured(headers[index], True, cells[index])

    long = [i for i, column in enumerate(block.columns) if column.narrow and len(headers[i].split()) > 1]
    numbered = [i for i in long if headers[i].split()[0].isdigit()]
    if needed() > width:
        shorten(numbered)  # every stage's column at once: "1", "2", … under the key's names
    for index in sorted(set(long) - set(numbered), key=lambda i: -sizes[i][0]):
        if needed() <= width:
            break
        shorten([index])
    while needed() > width and cap > 3:
        cap -= 1
    return [
        _Fit("\n".join(header.split()) if column.narrow else header, kept, min(word, cap))
        for header, column, kept, (_natural, word) in zip(
            headers, block.columns, one_line, sizes, strict=True
        )
    ]


def _rich_table(block: Table, width: int) -> Any:
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
    for column, fit in zip(block.columns, _layout(block, width), strict=True):
        # A wrapping column is never narrower than its longest word (up to a point), and a word
        # that still does not fit is folded, not cut with "…": nothing is lost on an 80-column screen.
        rich_table.add_column(
            Text(fit.header),
            justify=column.align,
            no_wrap=fit.one_line,
            overflow="fold",
            min_width=None if fit.one_line or column.narrow else fit.least,
        )
    for row in block.rows:
        rich_table.add_row(
            *(Text(printable(_shown(cell), newlines=True), style=cell_style(cell)) for cell in row)
        )
    return rich_table


def _shown(cell: Cell) -> str:
    """A cell's text, and its note (`Cell.note`) on a line of its own under it."""
    return f"{cell.text}\n{cell.note}" if cell.note else cell.text
