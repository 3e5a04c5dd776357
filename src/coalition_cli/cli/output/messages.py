"""The sentences a command says on standard output: styled by Rich on a terminal; off one, wrapped and
written as Rich would write them, without importing Rich's console.

`rate`, `init` and `plan -o` say a few sentences and print nothing else through Rich, and importing
Rich's console costs them about 20 ms (a sixth of `rate`). Where Rich would style nothing (standard
output is not a terminal by Rich's own test, `console.styled_by_rich`: a CI log, a pipe, a file),
a sentence is wrapped here as Rich wraps a Text (`plain_layout.py`), at the width Rich would
take, and written. `tests/unit/test_messages.py` holds the two ways to the same bytes.

A sentence is given in pieces: text, printed as it is, or `(text, style)`, a Rich style for a
terminal. Every piece is passed through `printable` first (control characters shown as escapes),
then wrapped: on either way, so nothing is wrapped by one width and cut by another.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from coalition_cli.cli.output.plain_layout import plain_width, wrapped
from coalition_cli.core.wording import printable

if TYPE_CHECKING:
    from rich.console import Console

Piece = str | tuple[str, str]
"""Text printed as it is, or (text, Rich style): the style only shows on a terminal."""


class Messages:
    """Says sentences on standard output; `width` is the console's, for callers that fit text to it."""

    def __init__(self) -> None:
        width = plain_width(sys.stdout)
        self._console: Console | None = None
        if width is None:
            from coalition_cli.cli.console import stdout

            self._console = stdout()
            width = self._console.width
        self.width = width

    def say(self, *pieces: Piece, wrap: bool = True) -> None:
        """One sentence (or several lines), wrapped at words to the width; `wrap=False` for a line
        that must stay whole to be copied (a command)."""
        shown = [
            (printable(piece, newlines=True), "")
            if isinstance(piece, str)
            else (printable(piece[0], newlines=True), piece[1])
            for piece in pieces
        ]
        if self._console is None and not any("\t" in text for text, _ in shown):
            text = "".join(text for text, _ in shown)
            lines = wrapped(text, self.width) if wrap else text.split("\n")
            sys.stdout.write("\n".join(lines) + "\n")
            sys.stdout.flush()
            return
        from rich.text import Text

        console = self._console
        if console is None:  # a tab, which Rich expands by its cells
            from coalition_cli.cli.console import stdout

            console = self._console = stdout()
        console.print(Text.assemble(*shown), soft_wrap=not wrap)
