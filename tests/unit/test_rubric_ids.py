"""A custom rubric's ids are ASCII letters, digits, '.', '-' and '_': two ids that look the same are
never two indicators (a zero-width space, a bidi control, a Cyrillic look-alike are refused)."""

from __future__ import annotations

from pathlib import Path

import pytest

from coalition_cli.core.checks.base import Kind
from coalition_cli.core.loading.documents import check_document
from coalition_cli.core.model.framework import Framework
from tests.support.custom_rubric import write_rubric


def _problems(
    tmp_path: Path, indicators: list[str], rubric_id: str = "one-domain"
) -> list[tuple[int, str, str]]:
    path = write_rubric(tmp_path / "rubric.yaml", domains={"D": indicators}, rubric_id=rubric_id)
    outcome = check_document(path, Framework, Kind.FRAMEWORK)
    return [(p.line, p.code, p.message) for p in outcome.problems]


@pytest.mark.parametrize(
    ("odd", "named"),
    [
        ("D\u200b.1", "ZERO WIDTH SPACE"),
        ("D\u202e.1", "RIGHT-TO-LEFT OVERRIDE"),
        ("\u0421.1", "CYRILLIC CAPITAL LETTER ES"),
        ("D.1\u00a0", "NO-BREAK SPACE"),
        ("D 1", "SPACE"),
    ],
)
def test_look_alike_and_invisible_characters_are_refused(tmp_path: Path, odd: str, named: str) -> None:
    ((line, code, message),) = _problems(tmp_path, ["D.1", odd])
    assert (line, code) == (11, "invalid-id")
    assert named in message and "ASCII letters and digits" in message


def test_the_usual_ids_are_fine(tmp_path: Path) -> None:
    assert _problems(tmp_path, ["C1.1", "D-a", "d_2", "X.10.b"]) == []


def test_the_rubric_id_and_overlong_ids_are_checked_too(tmp_path: Path) -> None:
    found = _problems(tmp_path, ["D" * 65, "-D"], rubric_id="tiny\u2060rubric")
    assert [(line, code) for line, code, _ in found] == [
        (1, "invalid-id"),
        (10, "invalid-id"),
        (11, "invalid-id"),
    ]
    assert "WORD JOINER" in found[0][2] and "over 64 characters" in found[1][2]
