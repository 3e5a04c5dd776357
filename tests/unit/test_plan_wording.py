"""The plan's wording for any rubric: singular and plural, a rubric's title, the Guide's tags said once."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from coalition_cli.core.loading.assessments import load_assessment
from coalition_cli.core.loading.frameworks import load_guide
from coalition_cli.core.plan.build import build_plan, written_summary
from tests.support.custom_rubric import write_rubric
from tests.support.plan import plan_text

TAGS_NOTE = (
    "The Guide ties its partner roles to the indicators of the Community Framework, not of this rubric, "
    "so this plan does not suggest which partners could lead each indicator."
)


def _assessment(
    folder: Path, stages: Mapping[str, int], indicators: Sequence[str] = ("D-a",), **rated: bool
) -> Path:
    """An assessment on a two-stage rubric titled "One Domain" with one domain of `indicators`."""
    write_rubric(folder / "rubric.yaml", domains={"D": indicators})
    lines = ["framework: rubric.yaml", "coalition: Test", "assessed_on: 2026-03-14", "ratings:"]
    for indicator, stage in stages.items():
        lines += [f"  {indicator}:", f"    stage: {stage}"]
    path = folder / "assessment.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _both(path: Path) -> list[str]:
    """The Markdown and the HTML plan, each as one line of text (tags left in)."""
    return [" ".join(plan_text(path, "--format", fmt, "-o", "-").split()) for fmt in ("md", "html")]


def _without_charts(text: str) -> str:
    return re.sub(r"<svg\b.*?</svg>", "", text)


def test_counts_of_one_are_singular(tmp_path: Path) -> None:
    for text in map(_without_charts, _both(_assessment(tmp_path, {"D-a": 1}))):
        assert "1 of 1 indicator at" in text and "with 1 of 1 indicator rated (100%)" in text
        assert "Whether to take on priority 1, which this tool suggests, and who leads it." in text
        assert "and who leads it." in text
        assert "The 1 indicator" not in text and "1 indicators" not in text
        assert "its domain, Domain D, scores 1.00." in text  # not "the lowest of the 1 domains"
        assert "of the 1 domains" not in text and "of 1 domains" not in text


def test_the_charts_description_is_singular_too(tmp_path: Path) -> None:
    html = plan_text(_assessment(tmp_path, {"D-a": 1}), "--format", "html", "-o", "-")
    assert "1 of 1 indicators" not in html


def test_one_unrated_indicator_is_named_in_the_singular(tmp_path: Path) -> None:
    for text in _both(_assessment(tmp_path, {"D-a": 1}, ("D-a", "D-b"))):
        assert "1 indicator is not rated yet, so it is not in the scores:" in text
        assert "coalition assess" not in text


def test_nothing_to_prioritize_is_spelled_the_american_way(tmp_path: Path) -> None:
    for text in _both(_assessment(tmp_path, {"D-a": 2})):
        assert "Nothing to prioritize:" in text


def test_the_rubric_title_is_quoted_not_given_an_article(tmp_path: Path) -> None:
    for text in _both(_assessment(tmp_path, {"D-a": 1})):
        assert "in the words of “One Domain”" in text
        assert "the One Domain" not in text


def test_on_another_rubric_the_guides_tags_are_explained_once_not_per_indicator(tmp_path: Path) -> None:
    for text in _both(_assessment(tmp_path, {"D-a": 1, "D-b": 1}, ("D-a", "D-b"))):
        assert text.count(TAGS_NOTE) == 1
        assert "Who could lead" not in text and "who could lead" not in text.replace(TAGS_NOTE, "")
        assert "shares it" not in text


@pytest.mark.parametrize(
    ("stages", "expected"),
    [
        ({"D-a": 1}, "1 priority (suggested by this tool), 1 indicator with next steps, 1 not yet rated"),
        (
            {"D-a": 1, "D-b": 1},
            "2 priorities (suggested by this tool), 2 indicators with next steps, 0 not yet rated",
        ),
    ],
)
def test_the_written_summary_agrees_with_its_counts(
    tmp_path: Path, stages: dict[str, int], expected: str
) -> None:
    path = _assessment(tmp_path, stages, ("D-a", "D-b"))
    assert written_summary(build_plan(load_assessment(path), load_guide())) == expected


def test_the_briefs_written_summary_says_it_holds_the_priorities_only(tmp_path: Path) -> None:
    """The whole plan said "22 indicators with next steps", the brief "5": both true, the second
    unexplained."""
    path = _assessment(tmp_path, {"D-a": 1, "D-b": 1}, ("D-a", "D-b"))
    said = written_summary(build_plan(load_assessment(path), load_guide(), brief=True))
    assert said == (
        "2 priorities (suggested by this tool) in detail (the whole plan has every indicator's), 0 not yet rated"
    )
