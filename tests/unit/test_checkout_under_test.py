"""The tests exercise the checkout's code, even when a copy of coalition is installed over it."""

from __future__ import annotations

import os
import subprocess
import sys

import coalition_cli
from tests.support.paths import SRC


def test_this_process_imports_the_checkout() -> None:
    assert coalition_cli.__file__ is not None
    assert str(SRC) in coalition_cli.__file__


def test_processes_the_tests_start_import_the_checkout_too() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import coalition_cli; print(coalition_cli.__file__)"],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        check=True,
    )
    assert done.stdout.startswith(str(SRC))
