"""Compiled templates are kept between runs (core/plan/template_cache.py) and never change a plan.

A second plan compiles nothing; an edited template (a coalition's own) is compiled again; Markdown
and HTML never share compiled code; a damaged entry is compiled again; a cache that cannot be made
or written, or that another user could write into, is simply not used.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import Environment

from coalition_cli.core.files.cache import private_folder
from coalition_cli.core.plan import template_cache
from coalition_cli.core.plan.rendering import environment
from tests.support.cache import empty_cache
from tests.support.plan import SPRING, at_root, plan_text

__all__ = ["at_root"]

pytestmark = pytest.mark.usefixtures("at_root")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache of this test's own; its templates folder."""
    return empty_cache(tmp_path, monkeypatch, template_cache.FOLDER)


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The name of every template compiled in this process, in order."""
    names: list[str] = []
    original = Environment.compile

    def compile_and_note(self: Environment, source: str, name: str | None = None, *args: object) -> object:
        names.append(str(name))
        return original(self, source, name, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(Environment, "compile", compile_and_note)
    yield names


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.jinja")) if cache.is_dir() else []


def test_a_second_plan_compiles_nothing_and_is_the_same(cache: Path, compiled: list[str]) -> None:
    first = plan_text(SPRING)
    assert "plan.md.j2" in compiled
    assert len(_entries(cache)) == len(compiled)
    compiled.clear()
    assert plan_text(SPRING) == first
    assert compiled == []


def test_markdown_and_html_never_share_compiled_code(cache: Path) -> None:
    assert template_cache.compiling(environment("md")) != template_cache.compiling(environment("html"))
    plan_text(SPRING)
    markdown = set(_entries(cache))
    plan_text(SPRING, "--format", "html", "-o", "-")
    assert markdown < set(_entries(cache))


def test_an_edited_template_is_compiled_again(cache: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ours"
    folder.mkdir()
    template = folder / "plan.md.j2"
    template.write_text("# {{ header.coalition }}\n", encoding="utf-8")
    assert "# Lakeside Career Pathways Alliance" in plan_text(SPRING, "--templates", folder)
    entries = _entries(cache)
    template.write_text("# Plan of {{ header.coalition }}\n", encoding="utf-8")
    assert "# Plan of Lakeside Career Pathways Alliance" in plan_text(SPRING, "--templates", folder)
    assert _entries(cache) == entries  # the same entry, now holding the new code


def test_a_damaged_entry_is_compiled_again(cache: Path, compiled: list[str]) -> None:
    first = plan_text(SPRING)
    for entry in _entries(cache):
        entry.write_bytes(entry.read_bytes()[:40] + b"\x00garbage")
    compiled.clear()
    assert plan_text(SPRING) == first
    assert "plan.md.j2" in compiled


def test_a_cache_that_cannot_be_made_is_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = plan_text(SPRING)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert private_folder(template_cache.FOLDER) is None
    assert plan_text(SPRING) == expected


def test_a_cache_that_cannot_be_written_is_skipped(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = plan_text(SPRING)
    for entry in _entries(cache):
        entry.unlink()

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    assert plan_text(SPRING) == expected
    assert _entries(cache) == []


def test_only_a_private_folder_of_this_user_is_used(cache: Path) -> None:
    cache.mkdir(parents=True)
    cache.chmod(0o777)
    assert private_folder(template_cache.FOLDER) == cache
    assert cache.stat().st_mode & 0o777 == 0o700  # ours, made private
    if os.getuid() != 0:
        pytest.skip("only root can give the folder to another user")
    os.chown(cache, 65534, 65534)
    assert private_folder(template_cache.FOLDER) is None


def test_a_relative_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert private_folder(template_cache.FOLDER) == tmp_path / ".cache" / "coalition" / template_cache.FOLDER
