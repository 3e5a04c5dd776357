"""The tool's folder in the user's cache: things worth keeping between runs, and safe to lose.

`$XDG_CACHE_HOME/coalition` (else `~/.cache/coalition`; `%LOCALAPPDATA%\\coalition\\cache` on
Windows). What is kept there is read back as code (compiled templates), so a folder is used only if
it is the user's own and private: made with mode 0700, and refused when another user owns it or others
may write into it. A folder that cannot be made (no home, a read-only disk) is no cache at all:
callers go without, never fail.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

APP = "coalition"


def cache_root() -> Path | None:
    """Where the user's caches go, or None when the environment names no such place."""
    if sys.platform == "win32":  # pragma: no cover - CI runs on Linux
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) / APP / "cache" if local else None
    configured = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(configured):  # the XDG rule: a relative value is ignored  # noqa: PTH117
        return Path(configured) / APP
    home = os.environ.get("HOME") or os.path.expanduser("~")  # noqa: PTH111
    return Path(home) / ".cache" / APP if os.path.isabs(home) else None  # noqa: PTH117


def private_folder(name: str) -> Path | None:
    """`name` inside the tool's cache, made if need be, if it is private to this user; else None."""
    root = cache_root()
    if root is None:
        return None
    folder = root / name
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return None
    except OSError:
        return None
    return folder


def _private(folder: Path) -> bool:
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):
        return False
    if sys.platform == "win32":  # pragma: no cover - no owners or modes to check there
        return True
    if info.st_uid != os.getuid():
        return False
    if info.st_mode & 0o077:
        os.chmod(folder, 0o700)  # ours, made by an older version or a wider umask: make it private  # noqa: PTH101
    return True
