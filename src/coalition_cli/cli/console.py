"""Rich consoles for the CLI: colour only on a terminal, never with NO_COLOR or --no-color."""

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
