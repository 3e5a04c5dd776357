"""The consoles commands print with escape what they print once, at the end, except what says it was
escaped already (a report's document, whose every text `print_document` escaped as it was made)."""

from __future__ import annotations

import io

from rich.text import Text

from coalition_cli.cli import console as consoles


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
