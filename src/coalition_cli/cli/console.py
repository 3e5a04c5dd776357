"""Writing to the terminal: Rich consoles (colour only on a terminal, never with NO_COLOR or --no-color),
report text as UTF-8 bytes, and the one-line warnings and notes commands print on standard error."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

_no_color = False


def disable_color() -> None:
    global _no_color
    _no_color = True


def color_disabled() -> bool:
    return _no_color or bool(os.environ.get("NO_COLOR"))


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR or --no-color says otherwise."""
    return not color_disabled() and stream.isatty()


def stdout() -> Console:
    from rich.console import Console

    return Console(no_color=color_disabled(), highlight=False, soft_wrap=False)


def stderr() -> Console:
    from rich.console import Console

    # messages are never wrapped: a path or a command in them must stay whole to be copied
    return Console(stderr=True, no_color=color_disabled(), highlight=False, soft_wrap=True)


def write_stdout(text: str) -> None:
    """Write text to standard output as UTF-8 bytes, whatever the terminal's own encoding."""
    import sys

    sys.stdout.flush()
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # a text-only stream stood in for stdout: it takes the text as it is
        sys.stdout.write(text)
        return
    stream.write(text.encode("utf-8"))
    stream.flush()


def warn(message: str) -> None:
    from rich.markup import escape

    stderr().print(f"[yellow]warning:[/] {escape(message)}", soft_wrap=True)


def note(message: str) -> None:
    from rich.markup import escape

    stderr().print(f"[dim]note:[/] {escape(message)}", soft_wrap=True)
