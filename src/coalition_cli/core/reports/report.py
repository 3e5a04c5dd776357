"""The report protocol: every report is data that can give a document, JSON and CSV rows.

A report (`score`, `compare`, `consensus`, `summary`, `roster`, …) is built by the core from loaded
files and knows nothing about terminals or output formats. The CLI renders it in the format the user
asks for (`cli/output/formats/`, one module per format): `table` and `md` draw its `document()`,
`json` prints its `data()`, `csv` writes `csv_header` and `csv_rows()`. A report that has no
tabular form leaves `csv_header` None, and the CSV format is not offered for it. A report that is
also one self-contained HTML page (the network dashboard) sets `has_page` and gives `page()`; the
`html` format is offered only for those.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from coalition_cli.core.reports.document import Document


class Items:
    """A list among a report's `data()` (a value of its top level) made item by item as it is written:
    `summary`'s coalitions and overdue actions over 20,000 files are never held whole, as objects or
    as text. `make` is called each time the list is read."""

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[], Iterable[Any]]) -> None:
        self._make = make

    def __iter__(self) -> Iterator[Any]:
        return iter(self._make())


class Report(ABC):
    """A report as data; each output format takes what it needs from it, and only that is built."""

    csv_header: ClassVar[tuple[str, ...] | None] = None
    """The CSV columns (one name per value of each of `csv_rows`), or None: no CSV form."""
    has_page: ClassVar[bool] = False
    """True when `page()` gives the report as one self-contained HTML page."""

    @abstractmethod
    def document(self) -> Document:
        """Headings, lines and tables: what the terminal table and the Markdown show."""

    @abstractmethod
    def data(self) -> dict[str, Any]:
        """One JSON object, with the keys the README documents (a long list at its top level may be
        `Items`, made as it is written)."""

    def csv_rows(self) -> Iterable[Sequence[object]]:
        """The CSV rows, as many values each as `csv_header` names (None is an empty cell)."""
        raise NotImplementedError(f"{type(self).__name__} has no CSV form")

    def page(self) -> str:
        """The report as one self-contained HTML page (for reports with `has_page`)."""
        raise NotImplementedError(f"{type(self).__name__} has no HTML page")
