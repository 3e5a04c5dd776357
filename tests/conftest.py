"""Shared fixtures: the CLI runner, the bundled framework, and paths to the examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.core.framework import Framework
from coalition_cli.core.frameworks import load_framework

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


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
