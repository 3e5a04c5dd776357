"""A coalition.yaml that several terms name is read and checked once a process (`compare`, `plan
--since` and `summary` read the terms together), and again as soon as it is changed."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from coalition_cli.core.loading import pipeline
from coalition_cli.core.loading.assessments import load_all
from tests.support.paths import EXAMPLES

TERMS = ("2025-09-fall.yaml", "2026-03-spring.yaml")


@pytest.fixture
def riverside(tmp_path: Path) -> Path:
    folder = tmp_path / "riverside"
    shutil.copytree(EXAMPLES / "riverside", folder)
    return folder


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the pipeline parses (the assessments and the profiles they name), in order."""
    names: list[str] = []
    real = pipeline.parse

    def counted(path: Any, label: str, *args: Any, **kwargs: Any) -> Any:
        names.append(Path(path).name)
        return real(path, label, *args, **kwargs)

    monkeypatch.setattr(pipeline, "parse", counted)
    return names


def test_two_terms_naming_one_profile_read_it_once(riverside: Path, parsed: list[str]) -> None:
    loaded = load_all([riverside / term for term in TERMS])
    assert parsed.count("coalition.yaml") == 1
    assert loaded[0].profile is not None and loaded[0].profile == loaded[1].profile


def test_a_profile_changed_between_readings_is_read_again(riverside: Path, parsed: list[str]) -> None:
    spring = riverside / TERMS[1]
    before = load_all([spring])[0].profile
    profile = riverside / "coalition.yaml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace("meetings:", "meetings:  # quarterly from June", 1), encoding="utf-8")
    after = load_all([spring])[0].profile
    assert parsed.count("coalition.yaml") == 2
    assert before is not None and after is not None and before is not after
