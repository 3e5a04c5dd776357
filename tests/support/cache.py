"""A cache folder of one test's own (core/files/cache.py), empty, so what a test keeps or finds there is its own."""

from __future__ import annotations

from pathlib import Path

import pytest


def empty_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str) -> Path:
    """Point the user's cache at a fresh folder under `tmp_path`; the path of the tool's `folder` in it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "coalition" / folder
