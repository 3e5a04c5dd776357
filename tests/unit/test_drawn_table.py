"""A report's table drawn by `DrawnTable` is the table Rich draws: the same characters, in the same
styles, whatever the texts, widths, alignments and terminal width; what is not of a report's shape is
drawn by Rich itself."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.console import Console, RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from coalition_cli.cli.output.drawn_table import DrawnTable

WORDS = st.text(
    alphabet=st.sampled_from("abcdefghij KLM–—é✓→漢字🙂-,.()"), min_size=0, max_size=30
) | st.sampled_from(
    ["", "a", "Riverside Unified School District", "Superintendent", "C6.2 Employer Engagement"]
)
"""Cell texts: spaces to wrap at, long words to fold, wide characters (CJK, emoji), and none at all."""

STYLES = st.sampled_from(["", "green", "bold", "dim", "black on yellow", "red underline"])


@st.composite
def tables(draw: st.DrawFn) -> Table:
    """A table of the shape `formats/table.py` makes, with generated columns, rows and styles."""
    count = draw(st.integers(1, 6))
    title = draw(st.none() | WORDS.map(lambda text: Text(text, style="bold")))
    table = Table(
        title=title or None,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        header_style="bold",
        pad_edge=False,
        show_edge=True,
        collapse_padding=True,
    )
    for _ in range(count):
        header = draw(WORDS | st.lists(WORDS, min_size=2, max_size=3).map("\n".join))
        table.add_column(
            Text(header),
            justify=draw(st.sampled_from(["left", "right", "center"])),
            no_wrap=draw(st.booleans()),
            overflow="fold",
            min_width=draw(st.none() | st.integers(1, 20)),
        )
    for _ in range(draw(st.integers(0, 5))):
        table.add_row(
            *(Text(draw(WORDS | WORDS.map(lambda t: t + "\n" + t)), style=draw(STYLES)) for _ in range(count))
        )
    return table


def _drawn(renderable: RenderableType, width: int, *, colour: bool) -> list[list[tuple[str, Style]]]:
    """Each line printed, as (text, style) runs: adjacent runs of one style are one run, and a missing
    style is the null style, so two ways of yielding the same picture compare equal."""
    console = Console(
        file=io.StringIO(), width=width, force_terminal=colour, color_system="truecolor" if colour else None
    )
    segments = console.render(renderable, console.options)
    lines = Segment.split_lines(segments)
    return [  # no style is the null style before runs are merged: merging compares styles
        [
            (segment.text, segment.style or Style.null())
            for segment in Segment.simplify(Segment(s.text, s.style or Style.null(), s.control) for s in line)
            if segment.text
        ]
        for line in lines
    ]


def _printed(renderable: RenderableType, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


@settings(max_examples=400)
@given(tables(), st.integers(10, 120))
def test_a_drawn_table_is_the_table_rich_draws(table: Table, width: int) -> None:
    assert _printed(DrawnTable(table), width) == _printed(table, width)
    assert _drawn(DrawnTable(table), width, colour=True) == _drawn(table, width, colour=True)


def test_a_report_table_is_drawn_without_rich_s_table() -> None:
    # the point of it: not one cell goes through Rich's Padding (which every cell of a Rich Table does)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=True, collapse_padding=True)
    table.add_column(Text("Member"))
    table.add_column(Text("Seat"))
    table.add_row(Text("Riverside Unified School District"), Text("co-chair"))
    console = Console(width=80)
    rendered = list(DrawnTable(table).__rich_console__(console, console.options))
    assert rendered and all(isinstance(piece, Segment) for piece in rendered)
    assert _printed(DrawnTable(table), 80) == _printed(table, 80)


def test_another_shape_is_left_to_rich() -> None:
    table = Table(box=box.ROUNDED, show_lines=True)
    table.add_column("Member")
    table.add_row("Riverside Unified School District")
    assert list(DrawnTable(table).__rich_console__(Console(width=40), Console(width=40).options)) == [table]
    assert _printed(DrawnTable(table), 40) == _printed(table, 40)


def test_a_cell_with_no_room_inside_its_padding_is_left_to_rich() -> None:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=True, collapse_padding=True)
    for header in "ABCDEFGHIJ":
        table.add_column(Text(header * 5))
    table.add_row(*(Text("word " * 3) for _ in range(10)))
    assert list(DrawnTable(table).__rich_console__(Console(width=12), Console(width=12).options)) == [table]
    assert _printed(DrawnTable(table), 12) == _printed(table, 12)


def test_a_row_of_cells_that_draw_nothing_is_still_a_line_high() -> None:
    # found by a reviewer: a cell whose text renders no line (end="", overflow ignore) lost its row
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=True, collapse_padding=True)
    table.add_column(Text("H"), overflow="ignore")
    table.add_row(Text("", style="green", end=""))
    assert _printed(DrawnTable(table), 20) == _printed(table, 20)
    assert len(_printed(DrawnTable(table), 20).splitlines()) == 5


def test_what_holds_the_table_measures_it_as_the_table() -> None:
    from rich.panel import Panel

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=True, collapse_padding=True)
    table.add_column(Text("Member"))
    table.add_column(Text("Seat"))
    table.add_row(Text("Riverside"), Text("chair"))
    assert _printed(Panel(DrawnTable(table), expand=False), 40) == _printed(Panel(table, expand=False), 40)


def test_a_column_added_after_the_rows_is_left_to_rich() -> None:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=True, collapse_padding=True)
    table.add_column(Text("A"))
    table.add_row(Text("x"))
    table.add_column(Text("B"))  # no cell in the row above: Rich shows the header only
    assert _printed(DrawnTable(table), 40) == _printed(table, 40)
