"""`coalition compare`: progress across terms, in date order, with changes and a headline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.scoring import CF_IDS, RIVERSIDE, RUBRIC, SCORING, run, run_csv, run_json, write_assessment

FALL = SCORING / "small-fall.yaml"
SPRING = SCORING / "small-spring.yaml"


def test_json_orders_by_date_and_reports_each_term_and_the_change() -> None:
    report = run_json("compare", SPRING, FALL)  # given newest first
    assert [a["assessed_on"] for a in report["assessments"]] == ["2025-10-02", "2026-04-09"]
    assert set(report["assessments"][0]) >= {"file", "assessed_on", "overall"}
    assert report["overall"] == {"scores": [1.25, 2.67], "change": 1.42}  # 8/3 - 5/4 = 1.4166…
    domains = {d["id"]: d for d in report["domains"]}
    assert domains["P"]["scores"] == [1.5, 2.33] and domains["P"]["change"] == 0.83
    assert domains["Q"]["scores"] == [1.0, 3.0] and domains["Q"]["change"] == 2.0
    indicators = {i["id"]: i for i in report["indicators"]}
    assert indicators["P.1"]["stages"] == [1, 2] and indicators["P.1"]["change"] == 1
    assert indicators["P.2"]["change"] == 0
    assert indicators["P.3"]["stages"] == [None, 3] and indicators["P.3"]["change"] is None  # missing first
    assert indicators["Q.1"]["change"] == 2
    assert report["headline"] == "2 indicators advanced, 0 declined, 1 unchanged, 1 rated for the first time"


def test_table_has_headline_terms_and_highlighted_changes() -> None:
    result = run("compare", FALL, SPRING)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "2 indicators advanced, 0 declined, 1 unchanged, 1 rated for the first time" in out
    assert "Overall score: 1.25 Seed → 2.67 Sprout (+1.42)" in out
    assert "2025-10-02" in out and "2026-04-09" in out
    assert "▲ +2" in out and "no change" in out


def test_declines_are_counted_and_marked(tmp_path: Path) -> None:
    old = write_assessment(tmp_path / "old.yaml", {"C1.1": 3, "C1.2": 1, "C2.1": 2}, assessed_on="2025-01-10")
    new = write_assessment(
        tmp_path / "new.yaml", {"C1.1": 2, "C1.2": 3, "C2.1": None}, assessed_on="2025-07-10"
    )
    report = run_json("compare", old, new)
    assert report["headline"] == "1 indicator advanced, 1 declined, 0 unchanged, 1 no longer rated"
    indicators = {i["id"]: i for i in report["indicators"]}
    assert indicators["C1.1"]["change"] == -1 and indicators["C2.1"]["change"] is None
    assert "▼ −1" in run("compare", old, new).stdout


def test_three_terms_show_every_term_and_change_from_first_to_last(tmp_path: Path) -> None:
    files = [
        write_assessment(tmp_path / f"t{n}.yaml", dict.fromkeys(CF_IDS, stage), assessed_on=f"202{n}-03-01")
        for n, stage in ((4, 1), (5, 3), (6, 2))
    ]
    report = run_json("compare", *reversed(files))
    assert report["overall"]["scores"] == [1.0, 3.0, 2.0]
    assert report["overall"]["change"] == 1.0
    assert report["headline"] == "22 indicators advanced, 0 declined, 0 unchanged"
    rows = run_csv("compare", *files)
    assert len(rows) == 3 * 22
    assert {r["change_from_first"] for r in rows[-22:]} == {"1"}
    assert {r["change_from_first"] for r in rows[:22]} == {"0"}


def test_different_frameworks_are_refused_with_exit_2(tmp_path: Path) -> None:
    custom = write_assessment(tmp_path / "custom.yaml", {"P.1": 1}, framework=str(RUBRIC))
    bundled = write_assessment(tmp_path / "bundled.yaml", {"C1.1": 1})
    result = run("compare", custom, bundled)
    assert result.exit_code == 2
    assert "different frameworks" in result.stderr and result.stdout == ""


def test_different_coalitions_are_compared_with_a_warning(tmp_path: Path) -> None:
    a = write_assessment(tmp_path / "a.yaml", {"C1.1": 1}, coalition="Riverside", assessed_on="2025-01-01")
    b = write_assessment(tmp_path / "b.yaml", {"C1.1": 2}, coalition="Lakeside", assessed_on="2025-06-01")
    result = run("compare", a, b)
    assert result.exit_code == 0
    assert "warning" in result.stderr and "different coalitions" in result.stderr
    assert "Riverside" in result.stderr and "Lakeside" in result.stderr
    assert "Riverside / Lakeside: progress over 2 assessments" in result.stdout


def test_same_coalition_spelled_with_other_case_gives_no_warning(tmp_path: Path) -> None:
    a = write_assessment(
        tmp_path / "a.yaml", {"C1.1": 1}, coalition="Riverside  Pathways", assessed_on="2025-01-01"
    )
    b = write_assessment(
        tmp_path / "b.yaml", {"C1.1": 2}, coalition="riverside pathways", assessed_on="2025-06-01"
    )
    assert run("compare", a, b).stderr == ""


@pytest.mark.parametrize("count", [0, 1])
def test_fewer_than_two_files_is_a_usage_error(count: int) -> None:
    result = run("compare", *[FALL][:count])
    assert result.exit_code == 2


def test_the_riverside_examples_show_progress() -> None:
    fall, spring = RIVERSIDE / "2025-09-fall.yaml", RIVERSIDE / "2026-03-spring.yaml"
    report = run_json("compare", spring, fall)
    assert [a["file"] for a in report["assessments"]] == [str(fall), str(spring)]
    changes = [i["change"] for i in report["indicators"] if i["change"] is not None]
    advanced, declined = sum(c > 0 for c in changes), sum(c < 0 for c in changes)
    assert report["headline"].startswith(
        f"{advanced} indicator{'s' if advanced != 1 else ''} advanced, {declined} declined"
    )
    assert advanced > declined  # the examples show progress
    first, last = report["overall"]["scores"]
    assert report["overall"]["change"] == pytest.approx(last - first, abs=0.011)
