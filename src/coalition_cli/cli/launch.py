"""The `coalition` command's entry point: the Typer app, unless the command line is a plain one
(`cli/plain_lines.py`), read without Typer.

Output that cannot be written is an I/O error (exit 2, one line on standard error), never a
traceback and never exit 1 (which means "problems found"): a standard output closed by the caller
(`>&-`) is refused before anything runs (a file opened later would otherwise take its descriptor
and receive the output), and a full disk behind it (`> /dev/full`) is reported when a write or the
final flush fails. A reader that stops early (`| head`) still ends the command quietly (SIGPIPE).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys

_WRITE_FAILURES = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF})
"""What a failed write to standard output says when the disk is full or the stream is gone."""

EXIT_USAGE = 2  # core/errors.py's, not imported: this module must stay cheap


def main() -> None:
    from coalition_cli.core import collector

    collector.pause()
    try:
        _main()
    finally:
        collector.spare_at_exit()


def _main() -> None:
    import signal

    if hasattr(signal, "SIGPIPE"):
        # `coalition score … | head` ends quietly when head has read enough, as cat and grep do,
        # not with a BrokenPipeError and exit 1 ("problems found")
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    _hold_closed_stderr()
    if _closed(1) or sys.stdout is None:
        _say(
            "cannot write the output: standard output is closed (>&-); redirect it to /dev/null to discard it"
        )
        sys.exit(EXIT_USAGE)
    try:
        status = _run()
        sys.stdout.flush()
    except SystemExit as done:
        _flush_or_fail()
        raise done from None
    except OSError as error:
        if error.errno not in _WRITE_FAILURES:
            raise
        _output_failed(error)
    sys.exit(status)


def _run() -> int:
    from coalition_cli.cli import no_plugins

    no_plugins.disable()
    from coalition_cli.cli import plain_lines

    status = plain_lines.run(sys.argv[1:])
    if status is not None:
        return status

    from coalition_cli.cli.app import app

    app(prog_name="coalition")  # exits through SystemExit
    return 0


def _flush_or_fail() -> None:
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as error:
        if error.errno not in _WRITE_FAILURES:
            raise
        _output_failed(error)


def _output_failed(error: OSError) -> None:
    # what is still buffered goes nowhere, so that the interpreter's last flush cannot fail again
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    _say(f"cannot write the output: {error.strerror or error}")
    sys.exit(EXIT_USAGE)


def _closed(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return True
    return False


def _hold_closed_stderr() -> None:
    """A closed standard error is given /dev/null, so that no file the command opens takes its place."""
    if _closed(2):
        devnull = os.open(os.devnull, os.O_WRONLY)
        if devnull != 2:
            os.dup2(devnull, 2)
            os.close(devnull)


def _say(message: str) -> None:
    with contextlib.suppress(OSError):
        os.write(2, f"error: {message}\n".encode())
