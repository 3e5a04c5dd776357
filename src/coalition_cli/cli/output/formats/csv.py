"""`--format csv`: the report's rows for a spreadsheet.

UTF-8 with a byte-order mark (so Excel reads accents right), a header row, CRLF line ends, None as an
empty cell; text that a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`) gets a leading `'`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from coalition_cli.cli.output.formats import Format

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


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
