"""Asking line by line, at a terminal or from a pipe: the questions before a session and the plain one.

Readline gives arrow keys and backspace at a terminal; `?` at any question says what it wants;
a save is never cut short by Ctrl-C; a paragraph pasted after an empty line is recognised as more of
the same text; and a closed terminal (SIGHUP) stops like the end of input, so the session can say
what was saved instead of dying mid-sentence.
"""

from __future__ import annotations

import contextlib
import re
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

from rich.console import Console
from rich.markup import escape

EXIT_HANGUP = 129
"""The terminal was closed (SIGHUP, 128 + 1), as a shell reports it."""
EXIT_TERMINATED = 143
"""The session was ended from outside (SIGTERM, 128 + 15), as a shell reports it."""

_line_editing = False


class HangUp(EOFError):
    """The terminal was closed: like the end of input, every answer given is kept."""


class Terminated(HangUp):
    """The session was ended from outside (SIGTERM): as for a closed terminal, every answer is kept."""


def _stopping_signals() -> dict[int, type[HangUp]]:
    found: dict[int, type[HangUp]] = {signal.SIGTERM: Terminated}
    if hasattr(signal, "SIGHUP"):
        found[signal.SIGHUP] = HangUp
    return found


def enable_line_editing() -> None:
    """Arrow keys and backspace behave at a real terminal (the input() behind the prompts uses it)."""
    global _line_editing
    if sys.stdin is not None and sys.stdin.isatty():
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401

            _line_editing = True


def ask(console: Console, prompt: str) -> str:
    """One line typed at a prompt (Rich markup allowed in the prompt)."""
    if not _line_editing:
        return console.input(prompt)
    # With readline, input() must print the prompt itself: a prompt printed before it is unknown to
    # readline, which then writes over it and loses the newline after an empty answer. Colour
    # codes are marked zero-width (\x01…\x02) so readline counts the prompt's width right.
    with console.capture() as captured:
        console.print(prompt, end="")
    return input(re.sub(r"(\x1b\[[0-9;]*m)", "\x01\\1\x02", captured.get()))


def answer(console: Console, prompt: str, help_text: str) -> str:
    """An answer typed at a prompt; `?` shows what the prompt wants and asks again (never saved)."""
    while True:
        typed = _asked(console, prompt)
        if typed.strip() != "?":
            return typed
        console.print(f"[dim]{escape(help_text)}[/]")


def yes_or_no(console: Console, prompt: str, help_text: str, again: str, *, enter: bool = True) -> bool:
    """A question y answers yes and n answers no, Enter as `enter` says (yes unless told otherwise);
    anything else says `again` and asks again."""
    while True:
        word = answer(console, prompt, help_text).strip().casefold()
        if word in ("y", "yes") or (enter and not word):
            return True
        if word in ("n", "no") or not word:
            return False
        console.print(again)


def _asked(console: Console, prompt: str) -> str:
    # looked up at each call, so that a test can stand in for `ask`
    return ask(console, prompt)


def more_pasted(wait: float = 0.05) -> bool:
    """After an empty line at a terminal: is more text already waiting? Then it was pasted with the
    empty line in it (a second paragraph), not typed, and belongs to the same answer. (A terminal
    with bracketed paste hands readline the whole paste as one answer anyway.)"""
    if not _line_editing:
        return False
    import select

    try:
        ready, _, _ = select.select([sys.stdin], [], [], wait)
    except (OSError, ValueError):
        return False
    return bool(ready)


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Let a save finish before a Ctrl-C (or a closed terminal) during it takes effect."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pressed: list[int] = []

    def hold(signum: int, _frame: FrameType | None) -> None:
        pressed.append(signum)

    stopping = _stopping_signals()
    previous = {signum: signal.signal(signum, hold) for signum in [signal.SIGINT, *stopping]}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    for signum in pressed:
        if signum in stopping:
            raise stopping[signum]
    if pressed:
        raise KeyboardInterrupt


@contextlib.contextmanager
def hang_up_stops() -> Iterator[None]:
    """A closed terminal (SIGHUP) or a polite kill (SIGTERM) raises `HangUp` (`Terminated`) at the
    next question instead of killing the process, so the session says what is saved."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stopping = _stopping_signals()

    def stopped(signum: int, _frame: FrameType | None) -> None:
        raise stopping[signum]

    previous = {signum: signal.signal(signum, stopped) for signum in stopping}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def say(console: Console, *lines: str) -> None:
    """Print what may no longer have a terminal to go to (after a hang-up): a lost line is no error."""
    with contextlib.suppress(OSError):
        for line in lines:
            console.print(line)
