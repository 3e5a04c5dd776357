"""Writing to the terminal: Rich consoles (colour only on a terminal, never with NO_COLOR or --no-color),
report text as UTF-8 bytes, and the one-line warnings and notes commands print on standard error.

Text from files (a coalition's name, evidence, a custom rubric's indicators) can hold escape
sequences that would set the terminal's title, make links or clear the screen. Commands escape what
they print (`wording.printable`), so tables keep their widths; and every console made here passes
what it prints through `printable` once more, at the end, so that nothing a command forgot reaches
the terminal raw: only Rich's own styles do. Rich's emoji codes are off: `:smile:` in a rater's
name or a message stays as written (and Rich's table of emoji is never loaded).
"""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from collections.abc import Iterable

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

    return _printable_only(Console(no_color=color_disabled(), highlight=False, emoji=False, soft_wrap=False))


def stderr() -> Console:
    from rich.console import Console

    # messages are never wrapped: a path or a command in them must stay whole to be copied
    return _printable_only(
        Console(stderr=True, no_color=color_disabled(), highlight=False, emoji=False, soft_wrap=True)
    )


class Escaped:
    """Something to print whose every text was passed through `printable` when it was made (a report's
    document, `print_document`): printed as it is, without escaping each piece of it once more.

    It renders what it holds itself (not by `__rich__`, which Rich resolves before a render hook
    sees what is printed, so the hook could never tell it apart)."""

    def __init__(self, renderable: Any) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: Any) -> Any:
        return console.render(self.renderable, options)

    def __rich_measure__(self, console: Console, options: Any) -> Any:
        from rich.measure import Measurement

        return Measurement.get(console, options, self.renderable)


def _printable_only(console: Console) -> Console:
    """The console, with every text it prints escaped by `printable` (line feeds kept)."""
    from rich.console import RenderHook
    from rich.segment import Segment

    from coalition_cli.core.wording import printable

    class Printable:
        def __init__(self, renderable: Any) -> None:
            self.renderable = renderable

        def __rich_console__(self, console: Console, options: Any) -> Any:
            for segment in console.render(self.renderable, options):
                text, style, control = segment
                yield segment if control else Segment(printable(text, newlines=True), style)

    class Hook(RenderHook):
        def process_renderables(self, renderables: list[Any]) -> list[Any]:
            return [r if isinstance(r, Escaped) else Printable(r) for r in renderables]

    console.push_render_hook(Hook())
    return console


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


def write_stdout_chunks(chunks: Iterable[str], size: int = 1 << 16) -> None:
    """Write text that comes in pieces (`json.JSONEncoder.iterencode`'s) to standard output as UTF-8,
    about `size` characters at a time: the whole text is never held at once, as a report over
    thousands of files would otherwise be, several times over (the pieces, the text, its bytes)."""
    import sys

    sys.stdout.flush()
    stream = getattr(sys.stdout, "buffer", None)
    pending: list[str] = []
    held = 0
    for chunk in chunks:
        pending.append(chunk)
        held += len(chunk)
        if held >= size:
            _write(stream, "".join(pending))
            pending, held = [], 0
    _write(stream, "".join(pending))
    (stream or sys.stdout).flush()


def _write(stream: IO[bytes] | None, text: str) -> None:
    import sys

    if stream is None:  # a text-only stream stood in for stdout: it takes the text as it is
        sys.stdout.write(text)
    else:
        stream.write(text.encode("utf-8"))


def warn(message: str) -> None:
    _tell("warning:", "yellow", message)


def note(message: str) -> None:
    _tell("note:", "dim", message)


def _tell(label: str, style: str, message: str) -> None:
    """One line (never wrapped) on standard error: `label message`, the label styled on a terminal.

    Where Rich would print no style (standard error is not a terminal: a CI log, a pipe, a file), the
    line is written as Rich would write it, without importing Rich, which costs a command that prints
    nothing else with it about 20 ms (`plan`'s notes). A tab is Rich's to expand. Either way the
    message is printed as it is, brackets and backslashes too.
    """
    import sys

    from coalition_cli.core.wording import printable

    text = printable(message, newlines=True)
    stream = sys.stderr
    if stream is not None and "\t" not in text and not styled_by_rich(stream):
        stream.write(f"{label} {text}\n")
        stream.flush()
        return
    from rich.text import Text

    # the message as a Text, not markup: Rich's `escape` leaves `\\[` to lose its backslash and
    # doubles a backslash at the end; a Text is printed as it is
    stderr().print(Text.assemble((label, style), f" {text}"), soft_wrap=True)


def styled_by_rich(stream: TextIO) -> bool:
    """Whether a Rich console writing to `stream` would style what it prints, by Rich's own test of a
    terminal (`Console.is_terminal`): TTY_COMPATIBLE 1 or 0 first, then FORCE_COLOR (set and not
    empty), then the stream's `isatty`. Inside IPython, Rich decides (a notebook shows HTML)."""
    import builtins

    if hasattr(builtins, "get_ipython"):
        return True
    tty_compatible = os.environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "1"
    force_color = os.environ.get("FORCE_COLOR")
    if force_color is not None:
        return force_color != ""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream: Rich says not a terminal
        return False


def textual_strips_every_control_code() -> None:
    """Make Textual (the full-screen session) drop every control character from the text it shows,
    as it already drops five (bell, backspace, vertical tab, form feed, carriage return): an ESC
    in a rubric's or an assessment's text would otherwise reach the terminal raw. Line feeds and
    tabs are kept; Textual's own styles are spans, never characters in the text."""
    from textual import content

    table = content._CONTROL_STRIP_TRANSLATE
    for code in (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)):
        table[code] = None
