"""`--format table|json|csv|md` for the reports (score, compare, consensus, summary), in one place.

- table: Rich tables on the terminal (the default), coloured by stage unless colour is off;
- json: one object, UTF-8, keys as documented in the README;
- csv: UTF-8 with a byte-order mark (so Excel reads accents right), a header row, CRLF line ends;
- md: GitHub-flavoured Markdown tables, with the text of the files escaped so it cannot break them.

Importing this module is cheap (an Enum and typer): Rich and the rest load only when used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from coalition_cli.core.reports.document import Cell, Document, Table


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


def format_option() -> Any:
    return typer.Option(
        ReportFormat.table,
        "--format",
        "-f",
        help="table (the default), json, csv (for spreadsheets) or md (GitHub Markdown).",
    )


def emit_report(
    output: ReportFormat,
    *,
    document: Callable[[], Document],
    data: Callable[[], dict[str, Any]],
    csv: Callable[[], str],
) -> None:
    """Print a report in the chosen format; only that format is built."""
    if output is ReportFormat.json:
        import json

        write_stdout(json.dumps(data(), indent=2, ensure_ascii=False) + "\n")
    elif output is ReportFormat.csv:
        write_stdout("\ufeff" + csv())
    elif output is ReportFormat.md:
        write_stdout(markdown(document()))
    else:
        from coalition_cli.cli.console import stdout

        print_document(document(), stdout())


def write_stdout(text: str) -> None:
    """Write text to standard output as UTF-8 bytes, whatever the terminal's own encoding."""
    import sys

    sys.stdout.flush()
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # a text-only stream stood in for stdout: it takes the text as it is
        sys.stdout.write(text)
        return
    stream.write(text.encode("utf-8"))
    stream.flush()


def warn(message: str) -> None:
    from rich.markup import escape

    from coalition_cli.cli.console import stderr

    stderr().print(f"[yellow]warning:[/] {escape(message)}", soft_wrap=True)


def note(message: str) -> None:
    from rich.markup import escape

    from coalition_cli.cli.console import stderr

    stderr().print(f"[dim]note:[/] {escape(message)}", soft_wrap=True)


# --- Rich ------------------------------------------------------------------------------------------

STAGE_COLOURS = ("red", "yellow", "green", "bright_green")
"""From the first stage to the top one (ANSI colours, so 16-colour terminals show them too); a
rubric with N stages takes N colours spread over these."""

TONE_STYLES = {"good": "green", "bad": "red", "warn": "yellow", "muted": "dim", "strong": "bold"}


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
    from rich.text import Text

    from coalition_cli.core.reports.document import Heading, Line

    for index, block in enumerate(document):
        if isinstance(block, Heading):
            if index:
                console.print()
            console.print(Text(block.text, style="bold underline" if block.level == 1 else "bold"))
        elif isinstance(block, Line):
            console.print(Text(block.text, style=TONE_STYLES[block.tone] if block.tone else ""))
        else:
            console.print()
            console.print(_rich_table(block))


def _rich_table(block: Table) -> Any:
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    rich_table = RichTable(
        title=block.title,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        header_style="bold",
        pad_edge=False,
        # Rich miscounts the width of an edgeless table by one and crops its last column
        show_edge=True,
        collapse_padding=True,  # one space between columns, not two: tables must fit 80 columns
    )
    for index, column in enumerate(block.columns):
        header = "\n".join(column.header.split()) if column.narrow else column.header
        # A wrapping column is never narrower than its longest word (up to a point), and a word
        # that still does not fit is folded, not cut with "…": nothing is lost on an 80-column screen.
        words = [len(word) for row in block.rows for word in row[index].text.split()]
        rich_table.add_column(
            header,
            justify=column.align,
            no_wrap=column.nowrap,
            overflow="fold",
            min_width=None if column.nowrap or column.narrow else min(max(words, default=1), 14),
        )
    for row in block.rows:
        rich_table.add_row(*(Text(cell.text, style=cell_style(cell)) for cell in row))
    return rich_table


# --- Markdown --------------------------------------------------------------------------------------

_MD_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
        "*": "\\*",
        "_": "\\_",
        "`": "\\`",
        "[": "\\[",
        "]": "\\]",
        "~": "\\~",
        "\r": " ",
        "\n": " ",
    }
)
_MD_BLOCK_START = r"^(\s*)([#=+-]|\d+[.)])"
"""A paragraph starting like this would become a heading or a list item (compiled on first use)."""


def md_escape(text: str) -> str:
    """Text from a file as literal Markdown: `|` and `<` cannot break a table or inject HTML."""
    return text.translate(_MD_ESCAPES)


def markdown(document: Document) -> str:
    from coalition_cli.core.reports.document import Heading, Line

    parts: list[str] = []
    for block in document:
        if isinstance(block, Heading):
            parts.append("#" * (block.level + 1) + " " + md_escape(block.text))
        elif isinstance(block, Line):
            # a paragraph that starts like a heading or a list item must stay a paragraph
            parts.append(re.sub(_MD_BLOCK_START, r"\1\\\2", _md_cell(block.text, block.tone), count=1))
        else:
            parts.append(_md_table(block))
    return "\n\n".join(parts) + "\n"


def _md_cell(text: str, tone: str | None) -> str:
    escaped = md_escape(text)
    return f"**{escaped}**" if tone == "strong" and escaped else escaped


_MD_ALIGN = {"left": "---", "right": "---:", "center": ":---:"}


def _md_table(block: Table) -> str:
    lines = []
    if block.title:
        lines += [f"#### {md_escape(block.title)}", ""]
    lines.append("| " + " | ".join(md_escape(column.header) for column in block.columns) + " |")
    lines.append("| " + " | ".join(_MD_ALIGN[column.align] for column in block.columns) + " |")
    lines.extend(
        "| " + " | ".join(_md_cell(cell.text, cell.tone) for cell in row) + " |" for row in block.rows
    )
    return "\n".join(lines)
