"""`coalition compare`: progress across terms, in date order, with changes and a headline."""

from __future__ import annotations

import json
import re
import shutil
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
    assert report["headline"] == (
        "2 indicators advanced, 0 declined, 1 unchanged, 1 rated for the first time (P.3 Shared staff); "
        "2 of 2 targets set in Fall 2025 reached"
    )
    assert report["counts"] == {
        "advanced": 2,
        "declined": 0,
        "unchanged": 1,
        "newly_rated": 1,
        "no_longer_rated": 0,
        "not_rated": 0,
        "linked_counted_once": [],
    }


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
    assert report[
        "headline"
    ] == (  # the indicator not rated this time is named: its domain's score moves with it
        "1 indicator advanced, 1 declined, 0 unchanged, 1 not rated this time (C2.1 Shared Vision for Student Success)"
    )
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
    # C1.3 and C6.1 are one practice in the Framework: 22 indicators, 21 counted
    assert report["headline"] == (
        "21 indicators advanced, 0 declined, 0 unchanged; C1.3 Work-based Learning Leadership and C6.1 WBL Leadership count as one (the rubric links them)"
    )
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
    advanced -= 1  # C1.3 and C6.1, linked in the rubric, advanced together: one practice
    assert report["headline"].startswith(
        f"{advanced} indicator{'s' if advanced != 1 else ''} advanced, {declined} declined"
    )
    assert advanced > declined  # the examples show progress
    first, last = report["overall"]["scores"]
    assert report["overall"]["change"] == pytest.approx(last - first, abs=0.011)


def test_a_linked_pair_rated_in_part_is_counted_indicator_by_indicator(tmp_path: Path) -> None:
    """C6.1 left unrated this term: C1.3 advanced alone, and C6.1 is among those not rated this time,
    as every other list of the unrated says; the pair is not said to count as one."""
    spring = tmp_path / "spring.yaml"
    shutil.copy(RIVERSIDE / "2026-03-spring.yaml", spring)
    shutil.copy(RIVERSIDE / "coalition.yaml", tmp_path / "coalition.yaml")
    fall = tmp_path / "fall.yaml"
    text = spring.read_text(encoding="utf-8").replace("assessed_on: 2026-03-14", "assessed_on: 2026-10-15")
    c13, c61 = text.index("  C1.3:\n    stage: 2"), text.index("  C6.1:\n    stage: 2")
    text = text[:c13] + text[c13:].replace("    stage: 2", "    stage: 3", 1)
    text = text[:c61] + text[c61:].replace("    stage: 2", "    stage: null", 1)
    fall.write_text(text, encoding="utf-8")
    report = run_json("compare", spring, fall)
    assert [i["id"] for i in report["indicators"] if i["direction"] == "advanced"] == ["C1.3"]
    assert report["headline"].startswith(
        "1 indicator advanced, 0 declined, 20 unchanged, 1 not rated this time (C6.1 WBL Leadership)"
    )
    assert "count as one" not in report["headline"]
    c24 = text.index("  C2.4:\n    stage: ")
    fall.write_text(text[:c24] + re.sub(r"stage: \d", "stage: null", text[c24:], count=1), encoding="utf-8")
    headline = run_json("compare", spring, fall)["headline"]
    assert (
        "2 not rated this time (C2.4 Shared Ownership; C6.1 WBL Leadership)" in headline
    )  # in the rubric's order


def test_riverside_counts_the_linked_pair_once_and_follows_up_the_fall_targets() -> None:
    """Issue 14's figures: 5 distinct advances (C1.3 and C6.1 moved together), 5 of 9 fall targets
    reached, and C6.2 fell from Developing to Emerging against a target of Advancing."""
    report = run_json("compare", RIVERSIDE / "2026-03-spring.yaml", RIVERSIDE / "2025-09-fall.yaml")
    assert [i["id"] for i in report["indicators"] if i["direction"] == "advanced"] == [
        "C1.1",
        "C1.3",
        "C3.2",
        "C4.1",
        "C6.1",
        "C7.1",
    ]
    assert report["counts"]["advanced"] == 5 and report["counts"]["declined"] == 1
    assert report["counts"]["linked_counted_once"] == [["C1.3", "C6.1"]]
    assert report["headline"] == (
        "5 indicators advanced, 1 declined, 15 unchanged; C1.3 Work-based Learning Leadership and C6.1 WBL Leadership count as one (the rubric links them); "
        "5 of 9 targets set in Fall 2025 reached, 3 not yet, 1 further away"
    )
    (follow_up,) = report["targets"]
    assert follow_up["set_in"]["term"] == "Fall 2025" and follow_up["checked_in"]["term"] == "Spring 2026"
    assert follow_up["counts"] == {"reached": 5, "not_yet": 3, "further_away": 1, "not_rated": 0, "total": 9}
    results = {i["id"]: i["result"] for i in follow_up["indicators"]}
    assert results == {
        "C1.1": "reached",
        "C1.2": "not yet",
        "C1.3": "reached",
        "C2.1": "not yet",
        "C3.2": "reached",
        "C4.1": "reached",
        "C6.2": "further away",
        "C7.1": "reached",
        "C7.2": "not yet",
    }
    c62 = next(i for i in follow_up["indicators"] if i["id"] == "C6.2")
    assert (c62["target"], c62["stage_then"], c62["stage_now"]) == (3, 2, 1)
    table = run("compare", RIVERSIDE / "2025-09-fall.yaml", RIVERSIDE / "2026-03-spring.yaml").stdout
    assert "Targets set in Fall 2025, checked in Spring 2026" in table
    assert "▼ further away" in table


def test_a_linked_pair_that_moved_apart_counts_once_at_its_lower_stage(tmp_path: Path) -> None:
    old = write_assessment(tmp_path / "old.yaml", {"C1.3": 1, "C6.1": 1, "C1.1": 1}, assessed_on="2025-01-10")
    new = write_assessment(tmp_path / "new.yaml", {"C1.3": 3, "C6.1": 1, "C1.1": 2}, assessed_on="2025-07-10")
    report = run_json("compare", old, new)
    # C1.3 advanced alone: the practice's lower stage (C6.1's) did not move
    assert report["counts"]["advanced"] == 1 and report["counts"]["unchanged"] == 1
    assert report["headline"].startswith(
        "1 indicator advanced, 0 declined, 1 unchanged; C1.3 Work-based Learning Leadership and C6.1 WBL"
    )
    assert {i["id"]: i["direction"] for i in report["indicators"] if i["stages"][1]} == {
        "C1.1": "advanced",
        "C1.3": "advanced",
        "C6.1": "unchanged",
    }


def test_targets_reached_not_yet_further_away_and_not_rated(tmp_path: Path) -> None:
    old = write_assessment(
        tmp_path / "old.yaml",
        {"C1.1": 1, "C1.2": 2, "C2.1": 2, "C2.2": 1, "C3.1": 2},
        targets={"C1.1": 2, "C1.2": 4, "C2.1": 3, "C2.2": 3},
        assessed_on="2025-01-10",
        term="Winter 2025",
    )
    new = write_assessment(
        tmp_path / "new.yaml",
        {"C1.1": 3, "C1.2": 3, "C2.1": 1, "C2.2": None, "C3.1": 3},
        assessed_on="2025-07-10",
    )
    (follow_up,) = run_json("compare", old, new)["targets"]
    assert {i["id"]: i["result"] for i in follow_up["indicators"]} == {
        "C1.1": "reached",  # above the target counts
        "C1.2": "not yet",  # closer, not there
        "C2.1": "further away",  # lower than when the target was set
        "C2.2": "not rated",
    }
    assert follow_up["counts"]["total"] == 4
    assert (
        "1 of 4 targets set in Winter 2025 reached, 1 not yet, 1 further away, 1 not rated"
        in run("compare", old, new).stdout
    )


def test_targets_on_both_of_a_linked_pair_count_once_by_the_less_favourable(tmp_path: Path) -> None:
    old = write_assessment(
        tmp_path / "old.yaml",
        {"C1.3": 1, "C6.1": 1},
        targets={"C1.3": 2, "C6.1": 2},
        assessed_on="2025-01-10",
    )
    new = write_assessment(tmp_path / "new.yaml", {"C1.3": 2, "C6.1": 1}, assessed_on="2025-07-10")
    (follow_up,) = run_json("compare", old, new)["targets"]
    assert [i["result"] for i in follow_up["indicators"]] == ["reached", "not yet"]
    assert follow_up["counts"] == {"reached": 0, "not_yet": 1, "further_away": 0, "not_rated": 0, "total": 1}


def test_three_terms_follow_up_each_terms_targets_at_the_next(tmp_path: Path) -> None:
    files = [
        write_assessment(
            tmp_path / f"t{n}.yaml", {"C1.1": stage}, targets={"C1.1": target}, assessed_on=f"202{n}-03-01"
        )
        for n, stage, target in ((4, 1, 2), (5, 2, 4), (6, 3, 4))
    ]
    report = run_json("compare", *files)
    assert [(f["set_in"]["assessed_on"], f["checked_in"]["assessed_on"]) for f in report["targets"]] == [
        ("2024-03-01", "2025-03-01"),
        ("2025-03-01", "2026-03-01"),
    ]
    assert [f["counts"]["reached"] for f in report["targets"]] == [1, 0]
    assert report["headline"].endswith("; 0 of 1 target set on 1 March 2025 reached, 1 not yet")


def test_a_change_from_few_indicators_says_so_in_the_overall_line(tmp_path: Path) -> None:
    before = write_assessment(tmp_path / "fall.yaml", dict.fromkeys(CF_IDS, 2), assessed_on="2025-09-18")
    stages = {"C1.1": 4, "C2.1": 3, "C2.2": 3, "C3.1": 2, "C5.1": 3, "C7.1": 2}  # 6 of 22
    after = write_assessment(tmp_path / "spring.yaml", dict.fromkeys(CF_IDS) | stages)
    for fmt in ("table", "md"):
        out = run("compare", before, after, "-f", fmt).stdout
        assert (
            "Overall score: 2.00 Developing → 2.80 Developing (+0.80), the latest from 6 of 22 indicators"
            in out
        )
        assert "6 of 22 (27%)" in out  # the terms' table counts the rated indicators
        assert "4.00 Transforming (1 of 4 rated)" in out  # C1, from one of its four indicators
    data = run_json("compare", before, after)
    assert data["overall"]["scores"] == [2.0, 2.8]  # JSON unchanged: no caution in its values
    assert "from 6 of 22" not in json.dumps(data)


def test_a_change_between_complete_terms_has_no_caution() -> None:
    out = run("compare", RIVERSIDE / "2025-09-fall.yaml", RIVERSIDE / "2026-03-spring.yaml").stdout
    assert "Overall score: 1.44 Emerging → 1.68 Emerging (+0.24)\n" in out
    assert "rated)" not in out


def test_targets_of_a_file_without_a_term_are_named_by_their_date_in_words(tmp_path: Path) -> None:
    old = write_assessment(tmp_path / "old.yaml", {"C1.1": 1}, targets={"C1.1": 2}, assessed_on="2025-09-18")
    new = write_assessment(tmp_path / "new.yaml", {"C1.1": 2}, assessed_on="2026-03-14")
    shown = run("compare", old, new).stdout
    assert "Targets set on 18 September 2025, checked on 14 March 2026" in shown
    assert "1 of 1 target set on 18 September 2025 reached" in shown
    assert "2025-09-18 reached" not in shown


def _headers(markdown: str, title: str) -> list[str]:
    """The column headers of the Markdown table under the heading `title`."""
    lines = markdown.splitlines()
    start = lines.index(f"### {title}")
    return [cell.strip() for cell in lines[start + 2].strip("|").split("|")]


def test_each_term_heads_its_column_and_the_dates_stay_in_the_list_of_assessments() -> None:
    result = run("compare", SPRING, FALL, "--format", "md")
    assert result.exit_code == 0, result.output
    assert _headers(result.stdout, "Domain scores") == ["Domain", "Fall 2025", "Spring 2026", "Change"]
    assert _headers(result.stdout, "Indicators")[2:4] == ["Fall 2025", "Spring 2026"]
    assert "| 2025-10-02 | Fall 2025 |" in result.stdout


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        ((None, "Spring 2026"), ["2025-01-10", "2025-07-10"]),  # a file without a term
        (("Spring 2025", "spring  2025"), ["2025-01-10", "2025-07-10"]),  # the same term twice
    ],
)
def test_without_a_term_of_its_own_each_column_is_headed_by_its_date(
    tmp_path: Path, terms: tuple[str | None, str | None], expected: list[str]
) -> None:
    files = [
        write_assessment(tmp_path / f"{n}.yaml", {"C1.1": 2}, assessed_on=day, term=term)
        for n, (day, term) in enumerate(zip(("2025-01-10", "2025-07-10"), terms, strict=True))
    ]
    result = run("compare", *files, "--format", "md")
    assert result.exit_code == 0, result.output
    assert _headers(result.stdout, "Domain scores")[1:3] == expected


def test_a_domain_scored_from_part_of_its_indicators_says_so_and_the_one_left_out_is_named(
    tmp_path: Path,
) -> None:
    """C2.3 (Emerging) left unrated in spring: C2's score rises from 1.50 to 1.67 with no indicator
    of it moving up. The domain's score says it is from 3 of 4, and the headline names C2.3."""
    spring = (RIVERSIDE / "2026-03-spring.yaml").read_text(encoding="utf-8")
    start = spring.index("  C2.3:")
    stage = spring.index("    stage: 1\n", start)
    (tmp_path / "spring.yaml").write_text(
        spring[:stage] + spring[stage + len("    stage: 1\n") :], encoding="utf-8"
    )
    shutil.copy(RIVERSIDE / "coalition.yaml", tmp_path / "coalition.yaml")
    fall = RIVERSIDE / "2025-09-fall.yaml"
    out = run("compare", fall, tmp_path / "spring.yaml", "--format", "md").stdout
    assert "1 not rated this time (C2.3 Shared Responsibility); C1.3 Work-based Learning Leadership" in out
    assert (  # the change says it is not from the same indicators: not read as progress
        "| C2 Core Beliefs and Values | 1.50 Emerging | 1.67 Emerging (3 of 4 rated) "
        "| ▲ +0.17 (C2.3 not rated this time) |"
    ) in out
    plan = run("plan", tmp_path / "spring.yaml", "--since", fall, "-o", "-").stdout
    assert (
        "| C2 Core Beliefs and Values | 1.67 (3 of 4 rated) | between Emerging and Developing | +0.17 (C2.3 not rated this time) |"
        in plan
    )
    assert "- C2.3 Shared Responsibility (Core Beliefs and Values), rated Emerging in Fall 2025\n" in plan
    html = run("plan", tmp_path / "spring.yaml", "--since", fall, "--format", "html", "-o", "-").stdout
    assert '<span class="domain-name">(Core Beliefs and Values), rated Emerging in Fall 2025</span>' in html
    untouched = run("compare", fall, RIVERSIDE / "2026-03-spring.yaml", "--format", "md").stdout
    assert "of 4 rated" not in untouched and "not rated this time" not in untouched
    assert "rated for the first time" not in untouched and "in one term only" not in untouched


def test_a_linked_pair_named_in_the_counts_is_not_named_again(tmp_path: Path) -> None:
    fall = (RIVERSIDE / "2025-09-fall.yaml").read_text(encoding="utf-8")
    for indicator in ("C1.3", "C6.1"):  # both unrated last term: the pair is rated for the first time
        start = fall.index(f"  {indicator}:")
        stage = fall.index("    stage: ", start)
        fall = fall[:stage] + fall[fall.index("\n", stage) + 1 :]
    (tmp_path / "fall.yaml").write_text(fall, encoding="utf-8")
    shutil.copy(RIVERSIDE / "coalition.yaml", tmp_path / "coalition.yaml")
    report = run_json("compare", tmp_path / "fall.yaml", RIVERSIDE / "2026-03-spring.yaml")
    assert report["headline"].startswith(
        "4 indicators advanced, 1 declined, 15 unchanged, 1 rated for the first time "
        "(C1.3 Work-based Learning Leadership and C6.1 WBL Leadership, counted as one); 5 of 9 targets"
    )
    assert report["headline"].count("C6.1") == 1


def test_the_overall_change_says_when_the_terms_rated_different_indicators(tmp_path: Path) -> None:
    """As a domain's change says it, and not coloured as good news: the review's Fall 2026, rated
    14 of 22, read "▲ +0.56" beside domains qualified one by one."""
    from tests.support.partly_rated import write_partly_rated

    network = write_partly_rated(tmp_path / "network")
    result = run("compare", *sorted(network.iterdir()), "--format", "md")
    overall = next(line for line in result.stdout.splitlines() if line.startswith("| **Overall**"))
    assert overall.endswith("| ▲ +0.56 (8 indicators rated in one term only) |")
