"""Shared fixtures: the CLI runner, the bundled framework, and paths to the examples."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from coalition_cli.core.files.references import ENVIRONMENT
from coalition_cli.core.loading.frameworks import load_framework
from coalition_cli.core.model.framework import Framework
from tests.support import golden
from tests.support.paths import EXAMPLES, FIXTURES, SRC

# Property tests check what is true of every input, never how fast: speed is the benchmarks' (under
# benchmarks/), and a deadline per example only fails at random on a busy machine (CI shares its cores).
settings.register_profile("coalition", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("coalition")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        golden.UPDATE_OPTION,
        action="store_true",
        help="rewrite the golden files under tests/golden/ of the tests that run, instead of comparing",
    )


def pytest_configure(config: pytest.Config) -> None:
    golden.set_update(bool(config.getoption(golden.UPDATE_OPTION)))
    # The code under test is the checkout's src/, in this process (pyproject's `pythonpath`) and in
    # the processes the tests start, even after a non-editable `pip install .`; only
    # tests/cli/test_subprocess.py runs the installed command, to prove the wheel works on its own.
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))


@pytest.fixture(scope="session", autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """What the tests compile (plan templates, some from temporary folders) goes to a cache of their
    own, never to the cache of the person running them (core/files/cache.py)."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def framework() -> Framework:
    return load_framework("community-framework")


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """`tmp_path` as the root of a git work tree, where a file's `framework:` and `profile:` paths may
    lead into any folder (outside it they are refused: core/files/references.py)."""
    (tmp_path / ".git").mkdir()
    return tmp_path


@pytest.fixture
def fixtures_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written under tmp_path may name the checkout's fixtures and examples by path, as a reader
    allows with `--allow-outside`."""
    monkeypatch.setenv(ENVIRONMENT, os.pathsep.join([str(FIXTURES), str(EXAMPLES)]))
