"""A report's document written off a terminal without Rich's console is what Rich prints there, byte
for byte: headings, lines, items and tables of any texts, at any width (`cli/output/plain_document.py`)."""

from __future__ import annotations

import io
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition_cli.cli import console as consoles
from coalition_cli.cli.output.formats import table as table_format
from coalition_cli.cli.output.plain_document import lines
from coalition_cli.core.reports.document import Cell, Column, Document, Heading, Line, Table

WORDS = st.text(
    alphabet=st.sampled_from("abcdefghij KLM–—é✓→漢字🙂-,.()[]\\"), min_size=0, max_size=30
) | st.sampled_from(
    [
        "",
        "a",
        "Riverside Unified School District",
        "Superintendent",
        "C6.2 Employer Engagement",
        "x" * 90,
        "control \x1b[2J and\x00",
        "trailing   ",
    ]
)
"""Texts: spaces to wrap at, long words to fold, wide characters, control codes, and none at all."""

TONES = st.sampled_from([None, "good", "bad", "warn", "muted", "strong"])


@st.composite
def tables(draw: st.DrawFn) -> Table:
    count = draw(st.integers(1, 6))
    columns = tuple(
        Column(
            draw(WORDS | st.lists(WORDS, min_size=2, max_size=3).map(" ".join)),
            align=draw(st.sampled_from(["left", "right", "center"])),
            nowrap=draw(st.booleans()),
            narrow=draw(st.booleans()),
        )
        for _ in range(count)
    )
    rows = tuple(
        tuple(
            Cell(
                draw(WORDS | WORDS.map(lambda text: f"{text}\n{text}")),
                tone=draw(TONES),
                stage=draw(st.none() | st.integers(1, 4)),
                top=4,
                fill=draw(st.booleans()),
                note=draw(st.sampled_from(["", "1 of 3"]) | WORDS),
            )
            for _ in range(count)
        )
        for _ in range(draw(st.integers(0, 4)))
    )
    return Table(title=draw(st.none() | WORDS), columns=columns, rows=rows)


BLOCKS = st.one_of(
    st.builds(Heading, WORDS, level=st.integers(1, 3)),
    st.builds(Line, WORDS, tone=TONES, item=st.booleans()),
    tables(),
)


def _through_rich(document: Document, width: int) -> str:
    console = consoles.stdout()
    console.file = buffer = io.StringIO()
    console.size = console.size
    table_format.print_document(document, console)
    return buffer.getvalue()


def _plain(document: Document, width: int) -> str | None:
    laid = lines(document, width)
    return None if laid is None else "".join("\n".join(chunk) + "\n" for chunk in laid)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=st.lists(BLOCKS, max_size=6), width=st.integers(5, 120))
def test_a_document_is_written_as_rich_prints_it_off_a_terminal(
    monkeypatch: pytest.MonkeyPatch, document: Document, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    plain = _plain(document, width)
    if plain is not None:  # else Rich prints it (a table it draws itself)
        assert plain == _through_rich(document, width)


def test_a_report_s_document_is_laid_out_here(monkeypatch: pytest.MonkeyPatch) -> None:
    document: Document = [
        Heading("Riverside: who is at the table"),
        Line("Read against the Guide, the gaps beside each role from the assessment of 14 March 2026."),
        Line("Riverside Unified School District", item=True),
        Table(
            title=None,
            columns=(Column("Member"), Column("Stage", align="right", nowrap=True)),
            rows=((Cell("Greater Riverside Chamber of Commerce"), Cell("3 Advancing", note="1 of 3")),),
        ),
    ]
    monkeypatch.setenv("COLUMNS", "40")
    assert _plain(document, 40) == _through_rich(document, 40)
    assert _plain(document, 40) == (
        "Riverside: who is at the table\n"
        "Read against the Guide, the gaps beside \n"
        "each role from the assessment of 14 \n"
        "March 2026.\n"
        "  - Riverside Unified School District\n"
        "\n"
        "                                        \n"
        " Member                           Stage \n"
        " ────────────────────────────────────── \n"
        " Greater Riverside Chamber  3 Advancing \n"
        " of Commerce                     1 of 3 \n"
        "                                        \n"
    )


def test_what_rich_must_print_is_left_to_it() -> None:
    assert lines([Line("a\ttab")], 80) is None  # Rich expands a tab by the cells before it
    assert lines([Table(title=None, columns=(), rows=())], 80) is None


def test_the_default_format_writes_plain_off_a_terminal_and_through_rich_on_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document: Document = [Heading("Scores"), Line("C1.1 [bold]3[/] \\ kept")]
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert table_format._written_plain(document)
    assert sys.stdout.getvalue() == "Scores\nC1.1 [bold]3[/] \\ kept\n"
    monkeypatch.setenv("FORCE_COLOR", "1")  # Rich would style it: Rich prints it
    assert not table_format._written_plain(document)
