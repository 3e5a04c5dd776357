"""The domain chart, checked on the SVG itself: its scale starts at the rubric's first stage, no label
sits on a gridline, every term's bar is visible, and the stage names never collide."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

import pytest

from coalition_cli.core.loading.assessments import load_assessment
from coalition_cli.core.loading.frameworks import load_guide
from coalition_cli.core.plan.build import build_plan
from coalition_cli.core.plan.charts import MIN_MARK, WIDTH, domain_bars
from coalition_cli.core.plan.context import PlanContext, StageInfo
from coalition_cli.core.reports.comparison import since_comparison
from tests.support.paths import ROOT

NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def riverside() -> PlanContext:
    spring = load_assessment(ROOT / "examples" / "riverside" / "2026-03-spring.yaml")
    fall = load_assessment(ROOT / "examples" / "riverside" / "2025-09-fall.yaml")
    return build_plan(spring, load_guide(), since=since_comparison(fall, spring))


def _svg(markup: str) -> ET.Element:
    return ET.fromstring(markup.replace("<svg ", f'<svg xmlns="{NS[1:-1]}" ', 1))


def _all(svg: ET.Element, tag: str, kind: str | None = None) -> list[ET.Element]:
    found = svg.iter(f"{NS}{tag}")
    return [e for e in found if kind is None or e.get("class") == kind]


def _box(text: ET.Element) -> tuple[float, float, float, float]:
    """A text's box (left, right, top, bottom), estimated generously (0.6 em a character; ascent 0.8 em, descent 0.22 em)."""
    size = float(text.get("font-size") or 13)
    width = len(text.text or "") * size * 0.6
    x, y = float(text.get("x") or 0), float(text.get("y") or 0)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[text.get("text-anchor") or "start"]
    return left, left + width, y - 0.8 * size, y + 0.22 * size


def test_the_scale_starts_at_the_first_stage_and_every_bar_there(riverside: PlanContext) -> None:
    svg = _svg(str(riverside.charts.domain_bars))
    grid = {
        int(line.get("data-stage") or 0): float(line.get("x1") or 0) for line in _all(svg, "line", "grid")
    }
    assert sorted(grid) == [1, 2, 3, 4], "a gridline per stage, the first at stage 1, none at 0"
    first, top = grid[1], grid[4]
    assert top - first == pytest.approx(WIDTH - 24)
    bars = {rect.get("data-for"): rect for rect in _all(svg, "rect", "bar")}
    assert len(bars) == 7
    for domain in riverside.standing.domains:
        bar = bars[domain.id]
        assert float(bar.get("x") or 0) == pytest.approx(first), "every bar starts at the first stage"
        assert domain.score is not None
        expected = max((domain.score - 1) / 3 * (top - first), MIN_MARK)
        assert float(bar.get("width") or 0) == pytest.approx(expected, abs=0.06)
    axis = [t for t in _all(svg, "text") if (t.text or "").strip() == "1"]
    assert axis and float(axis[0].get("x") or 0) == pytest.approx(first), (
        "the axis is labelled 1 at its start"
    )
    title = svg.find(f"{NS}title")
    assert title is not None and "from stage 1 to stage 4" in (title.text or "")


def test_no_label_sits_on_a_gridline(riverside: PlanContext) -> None:
    svg = _svg(str(riverside.charts.domain_bars))
    texts = [_box(text) for text in _all(svg, "text")]
    for line in _all(svg, "line", "grid"):
        x, top, bottom = float(line.get("x1") or 0), float(line.get("y1") or 0), float(line.get("y2") or 0)
        for left, right, text_top, text_bottom in texts:
            crosses = left < x < right and text_top < bottom and top < text_bottom
            assert not crosses, (x, left, right, text_top, text_bottom)


def test_each_terms_bar_is_visible_even_when_nothing_changed(riverside: PlanContext) -> None:
    svg = _svg(str(riverside.charts.domain_bars))
    before = {rect.get("data-for"): float(rect.get("width") or 0) for rect in _all(svg, "rect", "bar-before")}
    now = {rect.get("data-for"): float(rect.get("width") or 0) for rect in _all(svg, "rect", "bar")}
    assert set(before) == set(now) == {d.id for d in riverside.standing.domains}
    c2 = next(d for d in riverside.standing.domains if d.id == "C2")
    assert c2.change_text == "0.00" and before["C2"] == pytest.approx(now["C2"]), "unchanged: two bars"
    assert all(width >= MIN_MARK for width in [*before.values(), *now.values()])
    c4 = next(d for d in riverside.standing.domains if d.id == "C4")
    assert c4.previous_score == 1.0 and before["C4"] == MIN_MARK, (
        "a score on the first stage still shows a mark"
    )


@pytest.mark.parametrize("count", [2, 3, 4, 6, 10])
def test_stage_names_never_collide(riverside: PlanContext, count: int) -> None:
    names = ["Emerging", "Developing", "Advancing", "Transforming", "Sustaining", "Exemplary"]
    stages = tuple(
        StageInfo(number=n, name=names[(n - 1) % len(names)], fill="#dbe9f6", text="#111827")
        for n in range(1, count + 1)
    )
    standing = dataclasses.replace(riverside.standing, top_stage=count)
    svg = _svg(str(domain_bars(standing, stages, "Spring 2026")))
    axis = [_box(t) for t in _all(svg, "text") if float(t.get("y") or 0) < 50]
    for i, a in enumerate(axis):
        for b in axis[i + 1 :]:
            overlap = a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]
            assert not overlap, (a, b)
    assert all(box[0] >= 0 and box[1] <= WIDTH for box in axis), "labels stay inside the chart"


def test_a_domain_rated_in_part_says_so_under_its_bars(riverside: PlanContext) -> None:
    """As the plan's tables say it beside the score and the change ("1 of 3 rated", "2 indicators
    rated in one term only"): the bar alone would show a score from one indicator as the domain's."""
    domains = tuple(
        dataclasses.replace(d, score_note="1 of 3 rated", change_note="2 indicators rated in one term only")
        if d.id == "C4"
        else d
        for d in riverside.standing.domains
    )
    standing = dataclasses.replace(riverside.standing, domains=domains)
    stages = riverside.stages
    svg = _svg(str(domain_bars(standing, stages, "Spring 2026")))
    texts = _all(svg, "text")
    words = [t.text for t in texts]
    c4 = words.index("C4 Data and Metrics")
    assert words[c4 + 2 : c4 + 4] == ["1 of 3 rated", "change: 2 indicators rated in one term only"]
    desc = svg.find(f"{NS}desc")
    assert desc is not None and "Data and Metrics: 1.33 (+0.33 since Fall 2025), 1 of 3 rated" in (
        desc.text or ""
    )
    # nothing overlaps: no text on another, none on a gridline or a bar, all inside the chart
    boxes = [_box(t) for t in texts]
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[1] <= WIDTH
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]), (a, b)
    for rect in _all(svg, "rect"):
        x, y = float(rect.get("x") or 0), float(rect.get("y") or 0)
        right, bottom = x + float(rect.get("width") or 0), y + float(rect.get("height") or 0)
        for left, text_right, top, text_bottom in boxes:
            assert not (left < right and x < text_right and top < bottom and y < text_bottom)
    plain = _svg(str(domain_bars(riverside.standing, stages, "Spring 2026")))
    assert float(svg.get("height") or 0) == float(plain.get("height") or 0) + 30, "two lines more"


@pytest.mark.parametrize(
    ("now", "then"),
    [
        ("Spring 2026", "Fall 2025"),
        ("Spring 2026 steering committee retreat", "Fall 2025 kickoff"),
        ("S" * 80, "F" * 80),
    ],
)
def test_the_key_names_both_terms_inside_the_chart(riverside: PlanContext, now: str, then: str) -> None:
    """Two long term names ran off the chart on one line (review s15 #3): one a line, each clipped."""
    assert riverside.standing.since is not None
    standing = dataclasses.replace(
        riverside.standing, since=dataclasses.replace(riverside.standing.since, label=then)
    )
    svg = _svg(str(domain_bars(standing, riverside.stages, now)))
    height = float(svg.get("height") or 0)
    keys = _all(svg, "text")[-2:]
    assert [(k.text or "")[:10] for k in keys] == [now[:10], then[:10]]
    for text in keys:
        box = _box(text)
        assert box[0] >= 0 and box[1] <= WIDTH and box[3] <= height, (text.text, box, height)
    if len(now) + len(then) > 40:
        assert float(keys[1].get("y") or 0) > float(keys[0].get("y") or 0), "one a line"
