"""The `coalition` command's entry point: the Typer app, after a chance for validate's fast path."""

from __future__ import annotations


def main() -> None:
    import signal
    import sys

    if hasattr(signal, "SIGPIPE"):
        # `coalition score … | head` ends quietly when head has read enough, as cat and grep do,
        # not with a BrokenPipeError and exit 1 ("problems found")
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)

    from coalition_cli.cli.fast_validate import run

    if run(sys.argv[1:]) is not None:
        return

    from coalition_cli.cli.app import app

    app(prog_name="coalition")
