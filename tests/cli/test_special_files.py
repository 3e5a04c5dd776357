"""Only ordinary files are read or written: a FIFO, a device, a kernel file or a symlink loop given as
a file, a `--since`, a `--from` or an `-o` is refused with a clear message (exit 2), never waited on
and never replaced. The commands that could wait forever run in a real process with a timeout, so
that a regression fails its test instead of hanging the run."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.paths import EXAMPLES

SPRING = EXAMPLES / "riverside" / "2026-03-spring.yaml"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev are POSIX's")


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coalition_cli", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=os.environ | {"NO_COLOR": "1"},
        timeout=30,
    )


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{fifo}"],
        ["score", "{fifo}"],
        ["plan", str(SPRING), "--since", "{fifo}"],
        ["init", "{tmp}/new.yaml", "--from", "{fifo}"],
        ["plan", str(SPRING), "-o", "{fifo}"],
        ["plan", str(SPRING), "-o", "{fifo}", "--force"],
    ],
    ids=["validate", "score", "since", "from", "output", "output-forced"],
)
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path, fifo: Path, args: list[str]) -> None:
    result = _run(*(arg.format(fifo=fifo, tmp=tmp_path) for arg in args), cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "it is a named pipe (FIFO), not an ordinary file" in result.stdout + result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_dev_null_is_never_replaced(runner: CliRunner) -> None:
    result = runner.invoke(app, ["plan", str(SPRING), "-o", "/dev/null", "--force"])
    assert result.exit_code == 2
    assert "not an ordinary file" in result.output and "writes only ordinary files" in result.output
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_symlink_loop_as_output_is_a_message_not_a_traceback(
    runner: CliRunner, tmp_path: Path, force: list[str]
) -> None:
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    result = runner.invoke(app, ["plan", str(SPRING), "-o", str(loop), *force])
    assert result.exit_code == 2, result.output
    assert "loops back on itself" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs /proc")
def test_kernel_files_are_refused_even_when_allowed(runner: CliRunner, repository: Path) -> None:
    """`/proc/kmsg` passes a regular-file check and blocks its reader forever (as root)."""
    path = repository / "a.yaml"
    path.write_text(
        "framework: community-framework\ncoalition: X\nassessed_on: 2026-03-14\nprofile: /proc/self/status\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["--allow-outside", "/proc", "validate", str(path)])
    assert result.exit_code == 1
    assert (
        "a system file (under /proc, /sys or /dev), not an ordinary file [profile-unreadable]"
        in result.output
    )
