"""The consoles commands print with escape what they print once, at the end, except what says it was
escaped already (a report's document, whose every text `print_document` escaped as it was made)."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from rich.text import Text

from coalition_cli.cli import console as consoles
from tests.support.printed_text import texts


def _printed(renderable: object) -> str:
    console = consoles.stdout()
    console.file = buffer = io.StringIO()
    console.print(renderable)
    return buffer.getvalue()


def test_the_console_escapes_what_a_command_forgot() -> None:
    assert _printed(Text("clear\x1b[2J")) == "clear\\x1b[2J\n"


def test_what_was_escaped_already_is_printed_as_it_is() -> None:
    # Rich resolves `__rich__` before the hook sees what is printed: an Escaped relying on it was
    # escaped a second time (harmless, but every segment of a 500-line roster paid for it)
    assert _printed(consoles.Escaped(Text("made\x1b[2Jsafe"))) == "made\x1b[2Jsafe\n"


# --- warnings and notes: written without Rich where Rich would print no style ---------------------

_MESSAGES = texts(30)


def _told(monkeypatch: pytest.MonkeyPatch, tell: Callable[[str], None], message: str, *, rich: bool) -> str:
    """What `tell` writes on standard error (not a terminal), through Rich or without it."""
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stderr", buffer)
    monkeypatch.setattr(consoles, "styled_by_rich", lambda stream: rich)
    tell(message)
    return buffer.getvalue()


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(message=_MESSAGES)
def test_a_note_or_a_warning_is_written_as_rich_writes_it_off_a_terminal(
    monkeypatch: pytest.MonkeyPatch, message: str
) -> None:
    # Rich, on a stream that is not a terminal, styles nothing: the plain line must be its bytes
    for tell in (consoles.note, consoles.warn):
        assert _told(monkeypatch, tell, message, rich=False) == _told(monkeypatch, tell, message, rich=True)


def test_a_note_off_a_terminal_is_one_plain_line(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _told(monkeypatch, consoles.note, "kept [bold]as typed[/]\x1b[2J", rich=False) == (
        "note: kept [bold]as typed[/]\\x1b[2J\n"
    )
    assert _told(monkeypatch, consoles.warn, "C5.1 not rated", rich=False) == "warning: C5.1 not rated\n"


@pytest.mark.parametrize(
    ("environment", "isatty", "styled"),
    [
        ({}, False, False),
        ({}, True, True),
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": ""}, True, False),
        ({"TTY_COMPATIBLE": "1"}, False, True),
        ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, True, False),
        ({"TTY_COMPATIBLE": "2"}, True, True),  # any other value: Rich looks further
    ],
)
def test_styled_by_rich_is_richs_own_test_of_a_terminal(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], isatty: bool, styled: bool
) -> None:
    from rich.console import Console

    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return isatty

    stream = Stream()
    assert consoles.styled_by_rich(stream) is styled
    assert Console(file=stream).is_terminal is styled  # Rich agrees


def test_a_note_on_a_terminal_is_styled_by_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    monkeypatch.setattr(consoles, "_no_color", False)  # a --no-color run earlier in this process
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stderr", buffer)
    consoles.note("styled")
    # a message is printed as it is, backslashes too (Rich's markup `escape` lost or doubled them)
    consoles.warn("kept in C:\\terms\\ and \\[draft]")
    assert buffer.getvalue() == (
        "\x1b[2mnote:\x1b[0m styled\n\x1b[33mwarning:\x1b[0m kept in C:\\terms\\ and \\[draft]\n"
    )
