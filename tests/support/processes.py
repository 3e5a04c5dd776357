"""Running the checkout's `coalition` in a real process: as this user, or as `nobody`.

The tests run as root here, and root reads a mode-000 file or folder as if nothing were wrong, so a
test of what a user *cannot* read drops to `nobody` in the child (`setpriv`, util-linux), in a
folder made for it outside pytest's tmp_path (which is private to root). Where that is impossible
(not root, no setpriv, the interpreter not reachable by nobody) the test is skipped and says why.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from tests.support.paths import SRC

LAUNCH = "from coalition_cli.cli.launch import main; main()"
NOBODY = 65534


def environment(**extra: str) -> dict[str, str]:
    drop = ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "COLUMNS")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
    return env | extra


def coalition(
    *args: str,
    cwd: Path,
    stdin: str | bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """The checkout's command in a child process (the launcher, so the fast path too)."""
    return subprocess.run(
        [sys.executable, "-c", LAUNCH, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        input=stdin.decode() if isinstance(stdin, bytes) else stdin,
        env=env if env is not None else environment(),
        timeout=timeout,
    )


def as_nobody(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`coalition ARGS` run as the unprivileged user `nobody`."""
    command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    return subprocess.run(
        [*command, sys.executable, "-c", LAUNCH, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment(HOME="/nonexistent"),
        timeout=60,
    )


def require_nobody() -> None:
    """Skip, saying why, unless a child can really run the checkout as `nobody`."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("needs root to drop to nobody (a non-root user cannot test another user's permissions)")
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is not installed")
    probe = subprocess.run(
        [
            "setpriv",
            f"--reuid={NOBODY}",
            f"--regid={NOBODY}",
            "--clear-groups",
            sys.executable,
            "-c",
            "import coalition_cli, ruamel.yaml, typer, pydantic, rich",
        ],
        capture_output=True,
        env=environment(),
        cwd="/",
        timeout=60,
    )
    if probe.returncode != 0:
        pytest.skip(
            f"nobody cannot run this checkout's Python: {probe.stderr.decode(errors='replace')[-200:]}"
        )


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A folder that `nobody` can enter (pytest's tmp_path cannot be), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="coalition-test-"))
    try:
        folder.chmod(0o755)
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def descendants(pid: int) -> set[int]:
    """Every live process in the process group `pid` leads (its workers, wherever re-parented)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, pgid = fields[0], int(fields[2])
        if pgid == pid and state != "Z":
            found.add(int(entry.name))
    return found


def children(pid: int) -> set[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return set()
    return {int(word) for word in text.split()}


def workers_started(process: subprocess.Popen[bytes], *, within: float = 30) -> set[int]:
    """The children `process` has forked, once it has (or it ended, or `within` seconds passed)."""
    deadline = time.monotonic() + within
    while not children(process.pid) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    return children(process.pid)


def left_after(pid: int, *, within: float) -> set[int]:
    """The processes of the group `pid` leads still alive after up to `within` seconds for them to end."""
    deadline = time.monotonic() + within
    while descendants(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    return descendants(pid)


@contextmanager
def group_killed_afterwards(process: subprocess.Popen[bytes]) -> Iterator[None]:
    """Whatever the test finds, no process of the group `process` leads outlives it."""
    try:
        yield
    finally:
        for pid in descendants(process.pid):
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if process.poll() is None:
            process.kill()
            process.wait()
