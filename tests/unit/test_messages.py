"""What a command says off a terminal is what Rich would have written: the same wrapping at the same
width, byte for byte (`cli/output/messages.py` writes it without importing Rich's console)."""

from __future__ import annotations

import io
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition_cli.cli import console as consoles
from coalition_cli.cli.output import plain_layout
from coalition_cli.cli.output.messages import Messages, Piece
from tests.support.printed_text import texts

_TEXT = texts(40)
_PIECES = st.lists(
    st.one_of(_TEXT, st.tuples(_TEXT, st.sampled_from(["green", "yellow", "bold"]))), max_size=4
)


def _said(monkeypatch: pytest.MonkeyPatch, pieces: list[Piece], *, wrap: bool, rich: bool) -> tuple[str, int]:
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stdout", buffer)
    monkeypatch.setattr(consoles, "styled_by_rich", lambda stream: rich)
    said = Messages()
    said.say(*pieces, wrap=wrap)
    return buffer.getvalue(), said.width


@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=_PIECES, width=st.integers(min_value=8, max_value=120), wrap=st.booleans())
def test_a_sentence_is_written_as_rich_writes_it_off_a_terminal(
    monkeypatch: pytest.MonkeyPatch, pieces: list[Piece], width: int, wrap: bool
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    plain = _said(monkeypatch, pieces, wrap=wrap, rich=False)
    assert plain == _said(monkeypatch, pieces, wrap=wrap, rich=True)
    assert plain[1] == width


def test_a_sentence_wraps_at_words_and_keeps_a_command_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "30")
    text, _ = _said(
        monkeypatch, [("✓", "green"), " wrote new.yaml: 22 indicators to rate."], wrap=True, rich=False
    )
    assert text == "✓ wrote new.yaml: 22 \nindicators to rate.\n"
    text, _ = _said(
        monkeypatch, ["  coalition assess a-very-long-name.yaml --since x.yaml"], wrap=False, rich=False
    )
    assert text == "  coalition assess a-very-long-name.yaml --since x.yaml\n"
    text, _ = _said(monkeypatch, ["C:\\terms\\ kept \\[as typed]\x1b[2J"], wrap=True, rich=False)
    # escaped before it is wrapped: the escape counts the cells it takes
    assert text == "C:\\terms\\ kept \\[as \ntyped]\\x1b[2J\n"


@pytest.mark.parametrize(("columns", "width"), [("100", 100), ("0", None), ("wide", 80), (None, 80)])
def test_the_width_is_the_one_rich_would_take(
    monkeypatch: pytest.MonkeyPatch, columns: str | None, width: int | None
) -> None:
    from rich.console import Console

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setattr("os.get_terminal_size", _not_a_terminal)
    assert plain_layout.rich_width() == width
    if width is not None:
        assert Console(file=io.StringIO()).width == width


def _not_a_terminal(descriptor: int) -> None:
    raise OSError(descriptor)


def test_with_no_standard_output_rich_is_asked_and_writes_nowhere(monkeypatch: pytest.MonkeyPatch) -> None:
    # pythonw and some services start a program without standard output: Rich writes nowhere then,
    # where writing the plain text to None would fail after the file was saved
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setenv("COLUMNS", "50")
    said = Messages()
    said.say(("Saved", "green"), " spring.yaml.")  # no AttributeError on None
    assert said.width == 50  # Rich's console's width: it was asked
