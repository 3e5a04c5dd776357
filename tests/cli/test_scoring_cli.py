"""`coalition score` end to end: the JSON contract, CSV for spreadsheets, Markdown tables, exit codes."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import cmarkgfm
from cmarkgfm.cmark import Options
from hypothesis import given
from hypothesis import strategies as st

from coalition_cli.cli.output.formats.md import markdown
from coalition_cli.core.reports.document import table
from tests.support.scoring import CF_IDS, SCORING, run, run_csv, run_json, write_assessment

FALL = SCORING / "small-fall.yaml"
SPRING = SCORING / "small-spring.yaml"


def html(markdown: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def test_json_has_the_documented_keys_and_values() -> None:
    report = run_json("score", FALL)
    (item,) = report["assessments"]
    assert set(item) >= {"file", "coalition", "assessed_on", "framework", "overall", "domains", "indicators"}
    assert item["coalition"] == "Lakes & Hills | North <Alliance>"
    assert (item["assessed_on"], item["framework"]) == ("2025-10-02", "two-domain-rubric")
    assert item["overall"] == {
        "score": 1.25,
        "stage": 1,
        "stage_name": "Seed",
        "rated": 3,
        "total": 4,
        "completeness": 0.75,
    }
    p, q = item["domains"]
    assert {k: p[k] for k in ("id", "name", "score", "stage", "rated", "total")} == {
        "id": "P",
        "name": "Partnership",
        "score": 1.5,
        "stage": 1,
        "rated": 2,
        "total": 3,
    }
    assert (q["score"], q["to_target"]) == (1.0, 1.0)
    by_id = {i["id"]: i for i in item["indicators"]}
    assert set(by_id["P.1"]) >= {"id", "name", "stage", "stage_name"}
    assert (by_id["P.1"]["stage"], by_id["P.1"]["stage_name"], by_id["P.1"]["to_target"]) == (1, "Seed", 1)
    assert by_id["P.3"]["stage"] is None and by_id["P.3"]["stage_name"] is None  # not rated -> null
    assert by_id["Q.1"]["stage"] == 1  # written as the stage name "seed"


def test_several_files_are_scored_in_the_order_given() -> None:
    report = run_json("score", SPRING, FALL)
    assert [a["overall"]["score"] for a in report["assessments"]] == [2.67, 1.25]
    assert report["assessments"][0]["overall"]["stage_name"] == "Sprout"


def test_table_shows_scores_with_stage_names_bars_and_completeness() -> None:
    result = run("score", FALL)
    assert result.exit_code == 0, result.output
    out = result.stdout
    for text in ("Overall score: 1.25 Seed", "Indicators rated: 3 of 4 (75%)", "Domain scores", "1.50 Seed"):
        assert text in out
    assert "P.3" in out and "not rated" in out
    assert (
        "██░░░░░░░░" in out
    )  # 1.5 on a scale from stage 1 to 3: a quarter of the way, as the chart draws it
    assert "1 stage to go" in out


def test_csv_has_one_row_per_file_and_indicator() -> None:
    rows = run_csv("score", FALL, SPRING)
    assert len(rows) == 2 * 4
    assert ",".join(rows[0]) == (
        "file,coalition,assessed_on,framework,domain,domain_name,indicator,indicator_name,"
        "stage,stage_name,target,to_target,domain_score,overall_score"
    )
    assert rows[0]["coalition"] == "Lakes & Hills | North <Alliance>"
    assert [(r["indicator"], r["stage"]) for r in rows[:4]] == [
        ("P.1", "1"),
        ("P.2", "2"),
        ("P.3", ""),
        ("Q.1", "1"),
    ]
    assert {r["overall_score"] for r in rows[4:]} == {"2.67"}


def test_csv_defuses_text_a_spreadsheet_would_run_as_a_formula(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", {"C1.1": 2}, coalition='=HYPERLINK("http://x")')
    rows = run_csv("score", path)
    assert rows[0]["coalition"] == '\'=HYPERLINK("http://x")'


def test_markdown_renders_as_github_tables_with_user_text_escaped() -> None:
    result = run("score", "--format", "md", FALL)
    assert result.exit_code == 0
    rendered = html(result.stdout)
    assert rendered.count("<table>") == 2
    assert "<Alliance>" not in rendered  # escaped, not an HTML tag
    assert "Lakes &amp; Hills | North &lt;Alliance&gt;" in rendered
    # each indicator row keeps its 5 cells although the coalition name holds a pipe
    indicators = rendered.split("<table>")[2]
    assert indicators.count("<tr>") == 1 + 4
    assert all(row.count("<td") == 5 for row in indicators.split("<tr>")[2:])


def test_markdown_escapes_pipes_and_tags_in_a_file_name(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a|b<i>.yaml", {"C1.1": 2})
    rendered = html(run("score", "--format", "md", path).stdout)
    assert "<i>" not in rendered and "a|b&lt;i&gt;.yaml" in rendered


def test_a_file_with_problems_exits_1_and_shows_them(tmp_path: Path) -> None:
    good = write_assessment(tmp_path / "good.yaml", {"C1.1": 2})
    bad = write_assessment(tmp_path / "bad.yaml", {"C1.1": 9})
    result = run("score", good, bad)
    assert result.exit_code == 1
    assert "stage 9 is out of range" in result.stderr
    assert "bad.yaml" in result.stderr and result.stdout == ""


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("score", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert "nope.yaml" in result.stderr


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    result = run("score", tmp_path)
    assert result.exit_code == 2
    assert "folder" in result.stderr


def test_an_unknown_format_is_a_usage_error() -> None:
    result = run("score", "--format", "xml", FALL)
    assert result.exit_code == 2


def test_an_assessment_with_nothing_rated_says_not_rated(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "empty.yaml", {})
    result = run("score", path)
    assert result.exit_code == 0
    assert "Overall score: not rated" in result.stdout
    assert "0 of 22 (0%)" in result.stdout
    report = json.loads(run("score", "-f", "json", path).stdout)["assessments"][0]
    assert report["overall"]["score"] is None and all(d["score"] is None for d in report["domains"])


def test_targets_reached_are_said_so(tmp_path: Path) -> None:
    path = write_assessment(tmp_path / "a.yaml", dict.fromkeys(CF_IDS, 2), targets={"C1.1": 3, "C1.2": 2})
    result = run("score", path)
    assert "To target" in result.stdout and "1 stage to go" in result.stdout
    assert "reached" in result.stdout  # C1.2 is already at its target
    indicators = {i["id"]: i for i in run_json("score", path)["assessments"][0]["indicators"]}
    assert (indicators["C1.1"]["to_target"], indicators["C1.2"]["to_target"]) == (1, 0)
    without = run("score", write_assessment(tmp_path / "b.yaml", dict.fromkeys(CF_IDS, 2)))
    assert "To target" not in without.stdout  # the column appears only where targets are set


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30))
def test_any_text_stays_literal_in_a_markdown_table_cell(text: str) -> None:
    document = [table("T", ["Name", "Other"], [[text, "x"]])]
    rendered = html(markdown(document))
    cells = re.findall(r"<td>(.*?)</td>", rendered, re.S)
    assert len(cells) == 2 and cells[1] == "x"
    assert unescape(cells[0]) == text.strip(" \t")


def test_a_score_from_few_indicators_says_so_in_its_headline(tmp_path: Path) -> None:
    stages = {"C1.1": 4, "C2.1": 3, "C2.2": 3, "C3.1": 2, "C5.1": 3, "C7.1": 2}  # 6 of 22: (4+3+2+3+2)/5
    path = write_assessment(tmp_path / "partial.yaml", dict.fromkeys(CF_IDS) | stages)
    table_out = run("score", path).stdout
    assert "Overall score: 2.80 Developing, from 6 of 22 indicators" in table_out
    markdown_out = run("score", "-f", "md", path).stdout
    assert "2.80 Developing, from 6 of 22 indicators" in markdown_out
    # the JSON keeps its shape: the count is in its own keys
    overall = run_json("score", path)["assessments"][0]["overall"]
    assert overall["score"] == 2.8 and "from" not in json.dumps(overall)


def test_a_score_from_most_indicators_keeps_a_short_headline(tmp_path: Path) -> None:
    stages = dict.fromkeys(CF_IDS, 2) | {"C1.1": None, "C1.2": None, "C1.3": None, "C2.1": None, "C2.2": None}
    result = run("score", write_assessment(tmp_path / "most.yaml", stages))  # 17 of 22: 77%
    assert "Overall score: 2.00 Developing\n" in result.stdout
