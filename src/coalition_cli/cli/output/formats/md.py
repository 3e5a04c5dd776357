"""`--format md`: the report's document as GitHub-flavoured Markdown, text from the files escaped.

Text is escaped by the one Markdown escaper (`core.markdown`), keeping its spacing exactly and
writing `<`, `>` and `&` as entities, so a `|` or a `<script>` in a name cannot break a table or
inject markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coalition_cli.cli.output.formats import Format

if TYPE_CHECKING:
    from coalition_cli.core.reports.document import Cell, Document, Table
    from coalition_cli.core.reports.report import Report


def render(report: Report) -> None:
    from coalition_cli.cli.console import write_stdout

    write_stdout(markdown(report.document()))


FORMAT = Format(help="md (GitHub Markdown)", position=3, render=render)

_ALIGN = {"left": "---", "right": "---:", "center": ":---:"}


def markdown(document: Document) -> str:
    from coalition_cli.core.reports.document import Heading, Line

    parts: list[str] = []
    level = 0  # of the last heading: a table's title is one level below it, never two
    listing = False  # the last block was a list item: the next one joins its list
    for block in document:
        if isinstance(block, Heading):
            level = block.level
            part = _heading(level, block.text)
        elif isinstance(block, Line):
            part = _text(block.text, block.tone)
            if block.item:
                part = "- " + part
                if listing:
                    parts[-1] += "\n" + part
                    continue
        else:
            part = _table(block, level + 1)
        parts.append(part)
        listing = isinstance(block, Line) and block.item
    return "\n\n".join(parts) + "\n"


def _heading(level: int, text: str) -> str:
    """A report's level 1 is `##` (the page it is pasted into has its own title), down to `######`."""
    return "#" * min(level + 1, 6) + " " + _text(text)


def _text(text: str, tone: str | None = None) -> str:
    from coalition_cli.core.markdown import markdown_escape  # its patterns compile when Markdown is asked for

    escaped = markdown_escape(text, exact_spacing=True, entities=True)
    return f"**{escaped}**" if tone == "strong" and escaped else escaped


def _table(block: Table, level: int) -> str:
    lines = []
    if block.title:
        lines += [_heading(level, block.title), ""]
    lines.append("| " + " | ".join(_text(column.header) for column in block.columns) + " |")
    lines.append("| " + " | ".join(_ALIGN[column.align] for column in block.columns) + " |")
    lines.extend("| " + " | ".join(_cell(cell) for cell in row) + " |" for row in block.rows)
    return "\n".join(lines)


def _cell(cell: Cell) -> str:
    """A cell's text, and its note (`Cell.note`) in brackets after it: `2.00 (1 of 3)`."""
    return _text(f"{cell.text} ({cell.note})" if cell.note else cell.text, cell.tone)
