"""`--format csv`: the report's rows for a spreadsheet.

UTF-8 with a byte-order mark (so Excel reads accents right), a header row, CRLF line ends, None as an
empty cell; text that a spreadsheet would run as a formula gets a leading `'`. Spreadsheets skip
leading spaces and invisible characters and read fullwidth signs as their ASCII selves, so a cell
starting with `=`, `+`, `-`, `@`, a tab or a carriage return is one after any run of whitespace
(line feed, space, no-break space), zero-width characters or a BOM, and in fullwidth form (`＝`).
Control characters are shown escaped (`\x1b`), as on the terminal: a CSV is often read there first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from coalition_cli.cli.output.formats import Format
from coalition_cli.core.wording import printable

if TYPE_CHECKING:
    from coalition_cli.core.reports.report import Report


def render(report: Report) -> None:
    from coalition_cli.cli.console import write_stdout

    assert report.csv_header is not None, "the csv format is offered only for reports with rows"
    write_stdout("\ufeff" + csv_text(report.csv_header, report.csv_rows()))


FORMAT = Format(help="csv (for spreadsheets)", position=2, render=render, needs_rows=True)


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV a spreadsheet opens cleanly: a header row, CRLF line ends, None as an empty cell.

    The caller writes it as UTF-8 with a byte-order mark, which is how Excel knows it is UTF-8.
    """
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_value(value) for value in row])
    return buffer.getvalue()


_FORMULA = frozenset("=+-@\t\r")
"""What starts a formula (tab and carriage return too, as OWASP lists them)."""

_SKIPPED = " \n\x0b\x0c\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u200b-\u200d\u2060\ufeff"
"""What a spreadsheet skips before a formula: spaces of every width, line breaks, zero-width characters."""


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    return ("'" if starts_a_formula(value) else "") + printable(value, newlines=True)


def starts_a_formula(text: str) -> bool:
    """True when a spreadsheet could read the cell as a formula."""
    import re
    import unicodedata

    first = re.sub(f"^[{_SKIPPED}]+", "", text)[:1] or text[:1]
    return first in _FORMULA or unicodedata.normalize("NFKC", first)[:1] in _FORMULA
