"""Validated rubrics and the Guide are kept between runs (core/loading/model_cache.py), and never change
what a command reads or reports.

A second load reads nothing but the kept model, equal to the freshly checked one; an edited rubric is
checked again; a rubric with errors is never kept, and its problems are the same with a cache or
without; a kept file that is damaged, of another model, writable by others, owned by another user, a
symlink, or in a folder that is not private is passed over, and the document checked as if nothing
were kept.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from coalition_cli.core.errors import FrameworkError
from coalition_cli.core.files.resources import GUIDE_FILE, framework_data_dir
from coalition_cli.core.loading import frameworks, model_cache
from coalition_cli.core.model.base import as_data
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.model.guide import Guide
from tests.support.cache import empty_cache
from tests.support.paths import FIXTURES

BUNDLED = framework_data_dir() / "community-framework.yaml"
TINY = FIXTURES / "frameworks" / "tiny-rubric.yaml"
BROKEN = FIXTURES / "frameworks" / "broken-rubric.yaml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache of this test's own; its models folder."""
    return empty_cache(tmp_path, monkeypatch, model_cache.FOLDER)


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The name of every document checked (parsed, validated) in this test, in order, with the
    process's own memory of loaded rubrics cleared before and after."""
    names: list[str] = []
    original = frameworks.check_document

    def check_and_note(path: Path, *args: Any, **kwargs: Any) -> Any:
        names.append(Path(path).name)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(frameworks, "check_document", check_and_note)
    _forget()
    yield names
    _forget()


def _forget() -> None:
    """As a new process: nothing loaded yet (the cache on disk stays)."""
    frameworks._load.cache_clear()
    frameworks.load_guide.cache_clear()


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob(f"*{model_cache.SUFFIX}")) if cache.is_dir() else []


def _fresh(path: Path, model: type[Any]) -> Any:
    """The document's model as checking it makes it, with no cache involved."""
    outcome = frameworks.check_document(
        path, model, frameworks.Kind.FRAMEWORK if model is Framework else frameworks.Kind.GUIDE
    )
    assert outcome.value is not None and not outcome.has_errors
    return outcome.value


def test_the_second_load_reads_the_kept_models_and_checks_nothing(cache: Path, checked: list[str]) -> None:
    framework, guide = frameworks.load_framework(), frameworks.load_guide()
    assert checked == [BUNDLED.name, GUIDE_FILE]
    assert len(_entries(cache)) == 2
    _forget()
    checked.clear()
    again, guide_again = frameworks.load_framework(), frameworks.load_guide()
    assert checked == []
    assert again == framework and guide_again == guide
    assert again is not framework  # read from the cache, not from this process's memory


@pytest.mark.parametrize(("path", "model"), [(BUNDLED, Framework), (BUNDLED.parent / GUIDE_FILE, Guide)])
def test_the_kept_model_equals_the_freshly_checked_one(cache: Path, path: Path, model: type[Any]) -> None:
    content = path.read_bytes()
    fresh = _fresh(path, model)
    model_cache.keep(model, content, fresh)
    kept = model_cache.cached(model, content)
    assert type(kept) is model
    assert kept == fresh
    assert as_data(kept) == as_data(fresh)
    assert kept.__dict__.keys() == fresh.__dict__.keys()  # nothing more kept (no computed properties)
    if isinstance(kept, Framework):  # what commands ask of a rubric answers the same
        assert kept.indicators == fresh.indicators and kept.stage_choices() == fresh.stage_choices()


def test_an_edited_rubric_is_checked_again(cache: Path, checked: list[str], tmp_path: Path) -> None:
    rubric = tmp_path / "ours.yaml"
    shutil.copyfile(TINY, rubric)
    first = frameworks.load_framework(str(rubric))
    rubric.write_text(
        TINY.read_text(encoding="utf-8").replace(first.title, "Our own rubric, revised"), encoding="utf-8"
    )
    _forget()
    revised = frameworks.load_framework(str(rubric))
    assert checked == ["ours.yaml", "ours.yaml"]
    assert revised.title == "Our own rubric, revised" != first.title
    assert len(_entries(cache)) == 2  # one per content; the other is pruned in time (KEEP)


def test_a_rubric_kept_under_one_path_is_found_under_another(
    cache: Path, checked: list[str], tmp_path: Path
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copyfile(TINY, tmp_path / "a" / "rubric.yaml")
    shutil.copyfile(TINY, tmp_path / "b" / "rubric.yaml")
    assert frameworks.load_framework(str(tmp_path / "a" / "rubric.yaml")) == frameworks.load_framework(
        str(tmp_path / "b" / "rubric.yaml")
    )
    assert checked == ["rubric.yaml"]


def _problems(reference: str) -> list[str]:
    _forget()
    with pytest.raises(FrameworkError) as raised:
        frameworks.load_framework(reference)
    return [repr(problem) for problem in raised.value.problems]


def test_a_rubric_with_errors_is_never_kept_and_reports_the_same_problems(
    cache: Path, checked: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_cache = [_problems(str(BROKEN)), _problems(str(BROKEN))]
    assert checked == [BROKEN.name, BROKEN.name]  # checked each time: nothing was kept
    assert _entries(cache) == []
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    without = _problems(str(BROKEN))
    assert with_cache == [without, without]
    assert without and all(f"file={str(BROKEN)!r}, line=" in problem for problem in without)


def test_a_rubric_made_invalid_reports_its_problems_though_its_valid_self_was_kept(
    cache: Path, checked: list[str], tmp_path: Path
) -> None:
    rubric = tmp_path / "ours.yaml"
    shutil.copyfile(TINY, rubric)
    frameworks.load_framework(str(rubric))
    shutil.copyfile(BROKEN, rubric)
    assert _problems(str(rubric)) == [
        problem.replace(str(BROKEN), str(rubric)) for problem in _problems(str(BROKEN))
    ]


def _kept_once(cache: Path) -> list[Path]:
    frameworks.load_framework(), frameworks.load_guide()
    _forget()
    entries = _entries(cache)
    assert len(entries) == 2
    return entries


def _passed_over(cache: Path, checked: list[str], spoil: Callable[[Path], None]) -> None:
    """Spoil every kept entry: the next load checks both documents again, and the models are right."""
    expected = (frameworks.load_framework(), frameworks.load_guide())
    for entry in _kept_once(cache):
        spoil(entry)
    checked.clear()
    assert (frameworks.load_framework(), frameworks.load_guide()) == expected
    assert checked == [BUNDLED.name, GUIDE_FILE]


def test_a_damaged_entry_is_passed_over_and_kept_again(cache: Path, checked: list[str]) -> None:
    def damage(entry: Path) -> None:
        entry.write_bytes(entry.read_bytes()[:100])

    _passed_over(cache, checked, damage)
    _forget()
    checked.clear()
    frameworks.load_framework(), frameworks.load_guide()
    assert checked == []  # kept again, whole


def test_garbage_and_another_models_pickle_are_passed_over(cache: Path, checked: list[str]) -> None:
    entries = iter(["not a pickle at all", {"id": "community-framework"}])

    def replace(entry: Path) -> None:
        content = next(entries)
        entry.write_bytes(content.encode() if isinstance(content, str) else pickle.dumps(content))

    _passed_over(cache, checked, replace)


def test_an_entry_others_may_write_is_not_read(cache: Path, checked: list[str]) -> None:
    _passed_over(cache, checked, lambda entry: entry.chmod(0o666))


def test_an_entry_that_is_a_symlink_is_not_read(cache: Path, checked: list[str], tmp_path: Path) -> None:
    def link(entry: Path) -> None:
        target = tmp_path / entry.name
        entry.rename(target)
        entry.symlink_to(target)

    _passed_over(cache, checked, link)


@pytest.mark.skipif(os.getuid() != 0, reason="only root can give a file to another user")
def test_an_entry_of_another_user_is_not_read(cache: Path, checked: list[str]) -> None:
    _passed_over(cache, checked, lambda entry: os.chown(entry, 65534, 65534))


@pytest.mark.skipif(os.getuid() != 0, reason="only root can give a folder to another user")
def test_a_folder_of_another_user_is_not_used(cache: Path, checked: list[str]) -> None:
    _kept_once(cache)
    os.chown(cache, 65534, 65534)
    checked.clear()
    frameworks.load_framework()
    assert checked == [BUNDLED.name]


@pytest.mark.skipif(os.getuid() != 0, reason="only root can give a folder to another user")
def test_a_tool_folder_of_another_user_is_not_used(cache: Path, checked: list[str]) -> None:
    _kept_once(cache)
    os.chown(cache.parent, 65534, 65534)
    checked.clear()
    frameworks.load_framework()
    assert checked == [BUNDLED.name]


def test_a_folder_others_may_write_into_is_made_private_first(cache: Path, checked: list[str]) -> None:
    _kept_once(cache)
    cache.chmod(0o777)
    cache.parent.chmod(0o777)
    checked.clear()
    frameworks.load_framework()
    assert checked == []
    assert cache.stat().st_mode & 0o777 == cache.parent.stat().st_mode & 0o777 == 0o700


def test_a_folder_that_is_a_symlink_is_not_used(cache: Path, checked: list[str], tmp_path: Path) -> None:
    _kept_once(cache)
    cache.rename(tmp_path / "elsewhere")
    cache.symlink_to(tmp_path / "elsewhere")
    checked.clear()
    frameworks.load_framework()
    assert checked == [BUNDLED.name]


def test_a_cache_that_cannot_be_written_is_skipped(
    cache: Path, checked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    assert frameworks.load_framework() == _fresh(BUNDLED, Framework)
    assert _entries(cache) == []


def test_another_version_of_the_code_never_meets_a_kept_model(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = BUNDLED.read_bytes()
    model_cache.keep(Framework, content, _fresh(BUNDLED, Framework))
    assert model_cache.cached(Framework, content) is not None
    monkeypatch.setattr(model_cache, "_code", lambda: "another version")
    assert model_cache.cached(Framework, content) is None


def test_an_edited_core_module_changes_the_stamp(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    module = tmp_path / "model" / "framework.py"
    module.write_text("x = 1\n", encoding="utf-8")
    before = model_cache._modules(tmp_path)
    module.write_text("x = 12\n", encoding="utf-8")
    assert model_cache._modules(tmp_path) != before
    assert [relative for relative, _, _ in before] == [os.path.join("model", "framework.py")]


def test_old_entries_are_pruned(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_cache, "KEEP", 3)
    fresh = _fresh(TINY, Framework)
    contents = [TINY.read_bytes() + f"# version {number}\n".encode() for number in range(5)]
    for number, content in enumerate(contents):
        model_cache.keep(Framework, content, fresh)
        for entry in _entries(cache):  # distinct times, oldest first, whatever the clock's grain
            os.utime(entry, ns=(entry.stat().st_mtime_ns - 10**9,) * 2)
        assert len(_entries(cache)) == min(number + 1, 3)
    assert [model_cache.cached(Framework, content) is not None for content in contents] == [
        False,
        False,
        True,
        True,
        True,
    ]
