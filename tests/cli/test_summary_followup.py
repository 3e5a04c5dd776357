"""`coalition summary` keeps a network current: stale coalitions, trends, overdue actions, roll-ups,
regions and cohorts, raters' files and same-date files, on a generated network of 36 coalitions; and
the HTML dashboard (self-contained, escaped, accessible, readable on a phone, printable)."""

from __future__ import annotations

import itertools
import json
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from coalition_cli.core.scoring import as_number
from tests.support.network import AS_OF, REGIONS, Network, generate
from tests.support.plan import outline
from tests.support.room_browser import CHROMIUM, browser
from tests.support.scoring import run

AS_OF_TEXT = AS_OF.isoformat()


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Network:
    return generate(tmp_path_factory.mktemp("network"))


@pytest.fixture(scope="module")
def result(network: Network) -> Any:
    return run("summary", network.root, "--as-of", AS_OF_TEXT, "--format", "json")


@pytest.fixture(scope="module")
def report(result: Any) -> Any:
    return json.loads(result.stdout)


def _by_name(report: Any) -> dict[str, Any]:
    return {c["coalition"]: c for c in report["coalitions"]}


def test_every_coalition_but_the_one_with_two_files_on_its_latest_date(network: Network, report: Any) -> None:
    assert sorted(_by_name(report)) == sorted(plan.name for plan in network.summarized)
    assert len(report["coalitions"]) >= 30


def test_stale_coalitions_are_those_last_assessed_over_a_year_ago(network: Network, report: Any) -> None:
    expected = {plan.name for plan in network.summarized if plan.stale}
    assert len(expected) >= 6
    assert set(report["stale"]) == expected
    for name, coalition in _by_name(report).items():
        plan = network.coalitions[name]
        assert coalition["stale"] == plan.stale
        assert coalition["assessed_on"] == plan.latest.isoformat()
        assert coalition["days_since"] == (AS_OF - plan.latest).days


@pytest.mark.parametrize(
    ("period", "cutoff"), [("18m", "2024-10-20"), ("90d", "2026-01-20"), ("1y", "2025-04-20")]
)
def test_stale_after_takes_days_months_and_years(network: Network, period: str, cutoff: str) -> None:
    data = json.loads(
        run(
            "summary", network.root, "--as-of", AS_OF_TEXT, "--stale-after", period, "--format", "json"
        ).stdout
    )
    expected = {plan.name for plan in network.summarized if plan.latest.isoformat() < cutoff}
    assert set(data["stale"]) == expected and data["stale_after"] in ("18 months", "90 days", "1 year")


def test_each_coalitions_trend_is_its_overall_score_at_each_term(network: Network, report: Any) -> None:
    for name, coalition in _by_name(report).items():
        plan = network.coalitions[name]
        assert [t["assessed_on"] for t in coalition["trend"]] == [d.isoformat() for d in plan.terms]
        assert [t["score"] for t in coalition["trend"]] == [
            as_number(plan.overall(i)) for i in range(len(plan.terms))
        ]
        first, last = plan.overall(0), plan.overall(len(plan.terms) - 1)
        assert first is not None and last is not None
        assert isinstance(last - first, Fraction)
        # the change of the scores as shown: a reader subtracting the first from the last gets it
        shown = [t["score"] for t in coalition["trend"]]
        assert coalition["change"] == round(shown[-1] - shown[0], 2)


def test_overdue_and_open_actions_across_the_network(network: Network, report: Any) -> None:
    found = {(a["coalition"], a["action"]) for a in report["overdue_actions"]}
    assert found == network.all_with_state("overdue")
    late = [a["days_late"] for a in report["overdue_actions"]]
    assert late == sorted(late, reverse=True)
    for name, coalition in _by_name(report).items():
        plan = network.coalitions[name]
        assert coalition["actions"]["open"] == sum(plan.state(a) in ("open", "overdue") for a in plan.actions)
        assert coalition["actions"]["overdue"] == len(plan.with_state("overdue"))


def test_regions_and_cohorts(network: Network, report: Any) -> None:
    regions = {g["name"]: len(g["coalitions"]) for g in report["groups"]["region"]}
    expected: dict[str | None, int] = {}
    for plan in network.summarized:
        expected[plan.region] = expected.get(plan.region, 0) + 1
    assert regions == expected and set(regions) == {*REGIONS, None}
    for group in report["groups"]["cohort"]:
        members = [network.coalitions[name] for name in group["coalitions"]]
        assert {plan.cohort for plan in members} == {group["name"]}
        assert group["stale"] == sum(plan.stale for plan in members)
        assert group["overdue_actions"] == sum(len(plan.with_state("overdue")) for plan in members)


def test_group_by_lists_the_coalitions_by_region(network: Network) -> None:
    text = run(
        "summary", network.root, "--as-of", AS_OF_TEXT, "--group-by", "region", "--format", "md"
    ).stdout
    heatmap = text.split("### Domain scores of each coalition's latest assessment")[1].split("\n###")[0]
    regions = [
        line.split(" | ")[0].lstrip("| ")
        for line in heatmap.splitlines()
        if line.startswith("| ") and "---" not in line
    ][1:]
    assert regions == sorted(regions, key=lambda r: (r == "—", r))


def test_stakeholder_groups_and_formalization_roll_up(network: Network, report: Any) -> None:
    groups = {g["id"]: g["coalitions"] for g in report["stakeholder_groups"]}
    assert groups["k12-education"] == len(network.summarized)  # every profile and every consensus has one
    assert groups["labor-unions"] == 0
    profiled = [plan for plan in network.summarized if plan.profile]
    assert report["formalization"]["coalitions_with_profile"] == len(profiled) >= 10
    elements = {e["id"]: e for e in report["formalization"]["elements"]}
    assert elements["master-plan"]["not_met"] == len(
        profiled
    )  # every generated profile: `master_plan: draft`
    assert elements["regular-meetings"]["met"] == len(profiled)  # quarterly


def test_raters_files_are_set_aside_and_same_date_files_reported(
    network: Network, result: Any, report: Any
) -> None:
    assert report["files"]["raters_set_aside"] == sum(len(plan.raters) for plan in network.summarized) >= 10
    assert result.exit_code == 1
    assert "2 files dated" in result.stderr and "keep one assessment per date" in result.stderr
    waiting = [item for item in report["same_date"] if item["raters_only"]]
    assert sorted(waiting[0]["files"]) == sorted(str(p) for p in network.awaiting_consensus)
    assert "no consensus file" in result.stderr
    assert report["files"]["invalid"] == 1


def test_a_network_without_troubles_exits_0(tmp_path: Path) -> None:
    calm = generate(tmp_path, coalitions=30, troubles=False, seed=5)
    done = run("summary", calm.root, "--as-of", AS_OF_TEXT)
    assert done.exit_code == 0, done.output
    assert "30 coalitions" in done.stdout and "not assessed for more than 1 year" in done.stdout


def test_validate_flags_the_linked_pair_rated_apart(network: Network) -> None:
    data = json.loads(run("validate", network.root, "--format", "json").stdout)
    flagged = {p["file"] for p in data["problems"] if p["code"] == "linked-indicators-differ"}
    planted = {str(path) for plan in network.coalitions.values() for path in plan.linked_apart}
    assert len(planted) >= 8 and flagged == planted


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--stale-after", "12"], "--stale-after: '12' is not a length of time"),
        (["--stale-after", "0m"], "is not a length of time"),
        (["--group-by", "county"], "--group-by: 'county' is not one of region, cohort"),
        (["-o", "x.html"], "-o writes the HTML page: use it with --format html"),
    ],
)
def test_usage_errors_exit_2(network: Network, args: list[str], message: str) -> None:
    result = run("summary", network.root, *args)
    assert result.exit_code == 2 and message in result.output


# --- the HTML page --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(network: Network, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("page") / "network.html"
    result = run("summary", network.root, "--as-of", AS_OF_TEXT, "--format", "html", "-o", out)
    assert result.exit_code == 1, result.output  # the files to sort out are still there
    assert "wrote" in result.stdout
    return out


def test_the_page_is_self_contained_and_structured(page: Path, network: Network) -> None:
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>\n<!-- Generated by coalition summary.")
    doc = outline(html)
    assert not doc.urls or all(value.startswith("#") for _, _, value in doc.urls), doc.urls
    assert "script" not in doc.tags and not doc.event_handlers and not re.search(r"(https?:)?//", html)
    levels = [level for level, _ in doc.headings]
    assert levels.count(1) == 1 and all(after <= before + 1 for before, after in itertools.pairwise(levels))
    assert [text for level, text in doc.headings if level == 2] == [
        "Needs attention", "Where each coalition stands", "Trends", "Across the network", "Where the network is weakest",
    ]  # fmt: skip
    for table in doc.tables:
        assert table.rows[0] and all(tag == "th" for tag, _ in table.rows[0])
    stale = next(t for t in doc.tables if t.texts[0] == ["Coalition", "Last assessed", "How long ago"])
    assert {row[0] for row in stale.texts[1:]} == {plan.name for plan in network.summarized if plan.stale}
    assert "@media print" in html and "@media (max-width: 40rem)" in html
    assert str(network.root) not in html and "coalition consensus" not in html  # no paths, no commands


def test_the_page_escapes_what_the_files_say(tmp_path: Path) -> None:
    hostile = '<script>alert("x")</script> & Co'
    lines = [
        "framework: community-framework",
        f"coalition: {json.dumps(hostile)}",
        "assessed_on: 2024-01-10",
        'region: "<b>North</b>"',
        "ratings:",
        "  C1.1:",
        "    stage: 2",
        "    actions:",
        '      - {action: "<img src=x onerror=alert(1)>", owner: "<i>Bo</i>", due: 2024-02-01}',
    ]
    (tmp_path / "a.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    html = run("summary", tmp_path, "--as-of", AS_OF_TEXT, "--format", "html").stdout
    assert "<script>" not in html and "<img" not in html and "<i>Bo" not in html and "<b>North" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_o_replaces_only_a_page_summary_wrote(tmp_path: Path, page: Path, network: Network) -> None:
    mine = tmp_path / "mine.html"
    mine.write_text("<p>my notes</p>\n", encoding="utf-8")
    refused = run("summary", network.root, "--format", "html", "-o", mine)
    assert refused.exit_code == 2 and "was not written by coalition summary" in refused.output
    assert mine.read_text(encoding="utf-8") == "<p>my notes</p>\n"
    again = tmp_path / "again.html"
    again.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("summary", network.root, "--as-of", AS_OF_TEXT, "--format", "html", "-o", again).exit_code == 1
    assert run("summary", network.root, "--format", "html", "-o", mine, "--force").exit_code == 1
    assert mine.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium")
def test_on_a_phone_nothing_scrolls_sideways_and_it_prints(page: Path, tmp_path: Path) -> None:
    with browser() as chromium:
        for width in (390, 1200):
            context = chromium.new_context(viewport={"width": width, "height": 844})
            tab = context.new_page()
            tab.goto(page.resolve().as_uri())
            assert tab.evaluate("document.documentElement.scrollWidth") <= width
            sizes = tab.evaluate(
                "[...document.querySelectorAll('td, th, p, li')].map(e => parseFloat(getComputedStyle(e).fontSize))"
            )
            assert min(sizes) >= 11, f"text as small as {min(sizes)} px at {width} px"
            if width == 1200:
                pdf = tab.pdf(format="Letter")
                assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 2
            context.close()
