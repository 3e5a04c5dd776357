"""The `coalition` command's entry point: the Typer app, unless validate's fast path answers first."""

from __future__ import annotations


def main() -> None:
    import signal
    import sys

    if hasattr(signal, "SIGPIPE"):
        # `coalition score … | head` ends quietly when head has read enough, as cat and grep do,
        # not with a BrokenPipeError and exit 1 ("problems found")
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)

    from coalition_cli.cli.validation.fast_path import run

    try:
        status = run(sys.argv[1:])
    except KeyboardInterrupt:
        sys.exit(130)  # Ctrl-C while checking: nothing was written; 130 as on the Typer path (cli/errors.py)
    if status is not None:
        sys.exit(status)

    from coalition_cli.cli.app import app

    app(prog_name="coalition")
