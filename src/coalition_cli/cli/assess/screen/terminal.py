"""A terminal that goes away is a hang-up, even when the hang-up signal never comes.

A terminal window closed, an ssh link dropped: the signal (SIGHUP) may not reach the session (a
wrapper script that traps it, a multiplexer). Then Textual would wait forever: its writer thread dies
on the first failed write, the next writes block on its full queue, and no signal is handled any
more. Here the output is guarded (a failed write is dropped and reported once, so nothing ever
blocks), and the session looks at its terminal every half second (a terminal that hung up answers
every question about itself with an I/O error). Either way the session ends as for SIGHUP: every
answer kept, the evidence being typed kept where it replaces nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import Callable
from typing import IO, Any

from textual.driver import Driver


class GuardedOutput:
    """The driver's output stream: a write that fails (the terminal is gone) is dropped, and
    `lost` is called once, from whichever thread wrote."""

    def __init__(self, stream: IO[str], lost: Callable[[], None]) -> None:
        self._stream, self._lost = stream, lost
        self.gone = False

    def write(self, text: str) -> int:
        if not self.gone:
            try:
                return self._stream.write(text)
            except (OSError, ValueError):
                self._lose()
        return len(text)

    def flush(self) -> None:
        if not self.gone:
            try:
                self._stream.flush()
            except (OSError, ValueError):
                self._lose()

    def _lose(self) -> None:
        self.gone = True
        self._lost()

    def fileno(self) -> int:
        return self._stream.fileno()

    def isatty(self) -> bool:
        return not self.gone and self._stream.isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guarded(driver: type[Driver], lost: Callable[[], None]) -> type[Driver]:
    """`driver` (Textual's own for this system) with its output guarded; `lost` is called on the
    event loop's thread when the terminal is found gone."""

    class GuardedDriver(driver):  # type: ignore[valid-type,misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._loop: asyncio.AbstractEventLoop | None = None
            stream = getattr(self, "_file", None)
            if stream is not None:
                self._file = GuardedOutput(stream, self._report)

        def start_application_mode(self) -> None:
            self._loop = asyncio.get_running_loop()
            super().start_application_mode()

        def _report(self) -> None:
            loop = self._loop
            if loop is not None:
                with contextlib.suppress(RuntimeError):  # the loop is already closed: nothing to do
                    loop.call_soon_threadsafe(lost)

    return GuardedDriver


def terminal_gone(fd: int) -> bool:
    """Whether the terminal on `fd` has hung up: it answers every question about itself with an
    I/O error (a terminal that is there answers; a file or pipe is never "gone")."""
    try:
        import termios
    except ImportError:  # Windows: only failed writes tell
        return False
    try:
        termios.tcgetattr(fd)
    except termios.error as error:
        return bool(error.args) and error.args[0] in (5, 6, 9)  # EIO, ENXIO, EBADF
    except (OSError, ValueError):
        return True
    return False


def silence_lost_terminal() -> None:
    """After a hang-up, what is still printed goes nowhere instead of failing at exit (Python would
    otherwise turn the failed flush of standard output into exit code 120)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            with contextlib.suppress(OSError, ValueError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, stream.fileno())
                os.close(devnull)
