"""A mistyped file name close to an existing assessment is noticed before anything is created."""

from __future__ import annotations

from pathlib import Path

from coalition_cli.core.files.similar import similar_assessment


def test_a_typo_finds_the_assessment_it_was_meant_to_be(tmp_path: Path) -> None:
    meant = tmp_path / "eastside-spring-2026.yaml"
    meant.write_text("framework: community-framework\ncoalition: Eastside\nassessed_on: 2026-03-14\n")
    (tmp_path / "eastside-sprint-2026.yaml").write_text("tasks: []\n")  # close, but not an assessment
    (tmp_path / "westside-fall-2025.yaml").write_text("framework: community-framework\n")
    assert similar_assessment(tmp_path / "eastside-sprng-2026.yaml") == meant
    assert similar_assessment(tmp_path / "EASTSIDE-SPRING-2026.yml") == meant
    assert similar_assessment(tmp_path / "eastside-fall-2026.yaml") is None  # another term: a new file
    assert similar_assessment(meant) is None  # it exists: nothing to suggest
    assert similar_assessment(tmp_path / "missing" / "eastside-spring-2026.yaml") is None
