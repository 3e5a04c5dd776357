"""`--format json` is written as it is made (cli/output/formats/json.py), a report's `Items` one item at
a time, and reads byte for byte as `json.dumps(..., indent=2, ensure_ascii=False)` wrote it whole."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.cli.console import write_stdout_chunks
from coalition_cli.cli.output.formats.json import encoded
from coalition_cli.core.reports.report import Items
from tests.support.scoring import ENV, RIVERSIDE

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    _TEXT,
    st.sampled_from(["é—😀", "\x1b[2J"]),
)
documents = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_TEXT, inner, max_size=4)),
    max_leaves=30,
)


class _Stdout(io.TextIOWrapper):
    """A standard output whose bytes are kept."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8")

    def written(self) -> bytes:
        self.flush()
        buffer = self.buffer
        assert isinstance(buffer, io.BytesIO)
        return buffer.getvalue()


def _streamed(document: dict[str, Any], size: int, monkeypatch: pytest.MonkeyPatch) -> bytes:
    stdout = _Stdout()
    monkeypatch.setattr(sys, "stdout", stdout)
    write_stdout_chunks(encoded(document), size=size)
    return stdout.written()


def _lazy(document: dict[str, Any], which: list[bool]) -> dict[str, Any]:
    """The document with some of its top-level lists given as `Items`."""
    return {
        key: Items(lambda value=value: iter(value)) if isinstance(value, list) and lazy else value
        for (key, value), lazy in zip(document.items(), which, strict=False)
    }


@settings(max_examples=300, deadline=None)
@given(
    document=st.dictionaries(_TEXT, documents, max_size=6),
    which=st.lists(st.booleans(), min_size=6, max_size=6),
    size=st.sampled_from([1, 7, 1 << 16]),
)
def test_the_text_written_in_pieces_is_the_text_written_whole(
    document: dict[str, Any], which: list[bool], size: int
) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        streamed = _streamed(_lazy(document, which), size, monkeypatch)
    assert streamed == (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def test_a_long_list_is_made_as_it_is_written() -> None:
    made = []

    def items() -> Any:
        for n in range(3):
            made.append(n)
            yield {"n": n}

    pieces = encoded({"version": 1, "items": Items(items)})
    assert next(pieces) == "{" and made == []
    text = "".join(pieces)
    assert made == [0, 1, 2]
    assert "{" + text == json.dumps({"version": 1, "items": [{"n": 0}, {"n": 1}, {"n": 2}]}, indent=2) + "\n"


@pytest.mark.parametrize(
    "args",
    [
        ["summary", str(RIVERSIDE)],
        ["score", str(RIVERSIDE / "2026-03-spring.yaml")],
        ["consensus", *map(str, sorted((RIVERSIDE / "raters").glob("*.yaml")))],
        ["roster", str(RIVERSIDE / "2026-03-spring.yaml")],
    ],
)
def test_each_report_reads_as_json_dumps_wrote_it(args: list[str]) -> None:
    result = CliRunner().invoke(app, [*args, "--format", "json"], env=ENV)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert result.stdout_bytes == (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
