"""`--format json`: the report's data as one JSON object, UTF-8, `"version": 1` first, keys as documented in docs/json.md."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from coalition_cli.cli.output.formats import Format

if TYPE_CHECKING:
    from coalition_cli.core.reports.report import Report


def render(report: Report) -> None:
    """The document as `json.dumps(..., indent=2, ensure_ascii=False)` writes it (its `Items` as
    lists), line break after, written as it is made: `summary` over 20,000 files would otherwise
    hold its text several times over, and its longest lists whole."""
    from coalition_cli.cli.console import write_stdout_chunks
    from coalition_cli.cli.output.versioned import versioned

    write_stdout_chunks(encoded(versioned(report.data())))


def encoded(document: dict[str, Any]) -> Iterator[str]:
    """`json.dumps(document, indent=2, ensure_ascii=False) + "\\n"`, in pieces: each value of the top
    level is encoded on its own, and an `Items` one item at a time (JSON text holds no line break
    but between values, so a value encoded alone is indented to its depth line by line)."""
    import json

    from coalition_cli.core.reports.report import Items

    def dumped(value: Any, depth: int) -> str:
        return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * depth)

    yield "{"
    for position, (key, value) in enumerate(document.items()):
        yield ("," if position else "") + "\n  " + json.dumps(key, ensure_ascii=False) + ": "
        if not isinstance(value, Items):
            yield dumped(value, 1)
            continue
        empty = True
        for item in value:
            yield ("[" if empty else ",") + "\n    " + dumped(item, 2)
            empty = False
        yield "[]" if empty else "\n  ]"
    yield "\n}\n" if document else "}\n"


FORMAT = Format(help="json", position=1, render=render)
