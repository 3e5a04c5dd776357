"""`coalition summary` over a generated network: latest per coalition, heatmap, distribution, weakest."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from tests.support.scoring import CF_IDS, RIVERSIDE, RUBRIC, SCORING, run, run_csv, run_json, write_assessment

DATES = ["2024-09-12", "2025-03-13", "2025-09-18", "2026-03-12"]


def generate(root: Path, coalitions: int, seed: int = 7) -> dict[str, dict[str, int | None]]:
    """Several terms per coalition, in shuffled folders; returns each coalition's latest stages."""
    rng = random.Random(seed)
    latest: dict[str, dict[str, int | None]] = {}
    for number in range(coalitions):
        name = f"Coalition {number:03}"
        terms = DATES[: rng.randint(1, len(DATES))]
        for date in rng.sample(terms, len(terms)):
            stages: dict[str, int | None] = {i: rng.choice([1, 1, 2, 2, 3, 4, None]) for i in CF_IDS}
            folder = root / f"region-{number % 3}" / f"c{number:03}"
            write_assessment(folder / f"{date}.yaml", stages, coalition=name, assessed_on=date)
            if date == terms[-1]:
                latest[name] = stages
    return latest


Network = tuple[Path, dict[str, dict[str, int | None]]]


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Network:
    root = tmp_path_factory.mktemp("network")
    latest = generate(root, 40)
    (root / "region-0" / "notes.yaml").write_text("meeting_room: B12\nsnacks: true\n", encoding="utf-8")
    return root, latest


@pytest.fixture(scope="module")
def report(network: Network) -> Any:
    """The JSON summary of the generated network, computed once for the tests that read it."""
    return run_json("summary", network[0], "--weakest", "3")


def test_latest_assessment_of_each_coalition(network: Network, report: Any) -> None:
    root, latest = network
    assert [c["coalition"] for c in report["coalitions"]] == sorted(latest)
    files = sum(1 for _ in root.rglob("*.yaml")) - 1
    assert report["files"]["assessments"] == files and report["files"]["skipped"] == 1
    for item in report["coalitions"]:
        assert item["assessed_on"] == Path(item["file"]).stem  # files are named by date
        stages = latest[item["coalition"]]
        rated = [s for s in stages.values() if s is not None]
        assert item["overall"]["rated"] == len(rated) and item["overall"]["total"] == 22
        c1 = [stages[i] for i in CF_IDS if i.startswith("C1.") and stages[i] is not None]
        assert item["domains"][0]["score"] == (round(sum(c1) / len(c1) + 1e-9, 2) if c1 else None)  # type: ignore[arg-type]


def test_distribution_of_stages_per_indicator(network: Network, report: Any) -> None:
    _, latest = network
    for item in report["indicators"]:
        stages = [coalition[item["id"]] for coalition in latest.values()]
        assert [s["coalitions"] for s in item["stages"]] == [stages.count(n) for n in (1, 2, 3, 4)]
        assert [s["name"] for s in item["stages"]] == ["Emerging", "Developing", "Advancing", "Transforming"]
        assert item["not_rated"] == stages.count(None)


def test_weakest_indicators_have_the_lowest_average(network: Network, report: Any) -> None:
    _, latest = network
    means = {}
    for indicator in CF_IDS:
        rated = [c[indicator] for c in latest.values() if c[indicator] is not None]
        means[indicator] = sum(rated) / len(rated)  # type: ignore[arg-type]
    weakest = [item["id"] for item in report["weakest"]]
    assert len(weakest) == 3
    assert sorted(means[i] for i in weakest) == sorted(means.values())[:3]
    assert [item["mean"] for item in report["weakest"]] == sorted(item["mean"] for item in report["weakest"])


def test_table_has_heatmap_distribution_and_weakest(network: Network) -> None:
    root, latest = network
    result = run("summary", root)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"{len(latest)} coalitions" in out
    for title in (
        "Domain scores of each coalition's latest assessment",
        "How many coalitions are at each stage",
        "Where the network is weakest",
    ):
        assert title in out
    assert all(name in out for name in latest)
    assert "C1 Leadership Structures" in out  # the domain key under the heatmap


def test_csv_one_row_per_coalition_and_indicator(network: Network) -> None:
    root, latest = network
    rows = run_csv("summary", root)
    assert len(rows) == len(latest) * 22
    assert {r["coalition"] for r in rows} == set(latest)


def test_many_files_use_worker_processes_with_the_same_result(tmp_path: Path) -> None:
    generate(tmp_path, 30, seed=3)
    assert sum(1 for _ in tmp_path.rglob("*.yaml")) >= 48  # enough for batch.map_files to fork workers
    parallel = run("summary", tmp_path, "--format", "json", "--jobs", "2")
    single = run("summary", tmp_path, "--format", "json", "--jobs", "1")
    assert parallel.exit_code == single.exit_code == 0
    assert parallel.stdout == single.stdout


def test_files_with_problems_are_left_out_listed_and_exit_1(tmp_path: Path) -> None:
    write_assessment(tmp_path / "good.yaml", {"C1.1": 2}, coalition="Good")
    write_assessment(tmp_path / "bad.yaml", {"C1.1": 9}, coalition="Bad")
    result = run("summary", tmp_path, "--format", "json")
    assert result.exit_code == 1
    assert "bad.yaml" in result.stderr and "left out" in result.stderr
    report = json.loads(result.stdout)
    assert [c["coalition"] for c in report["coalitions"]] == ["Good"]
    assert report["invalid_files"][0]["file"].endswith("bad.yaml")


def test_a_name_in_typographic_quotes_is_the_same_coalition(tmp_path: Path) -> None:
    """`coalition: “Lakeview Pathways”` pasted from Word counted the coalition twice (review s15 #3)."""
    write_assessment(
        tmp_path / "fall.yaml", {"C1.1": 1}, coalition="Lakeview Pathways", assessed_on="2025-09-18"
    )
    write_assessment(tmp_path / "spring.yaml", {"C1.1": 2}, coalition="“Lakeview  pathways”")
    result = run("summary", tmp_path, "--format", "json")
    assert result.exit_code == 0, result.output
    (coalition,) = json.loads(result.stdout)["coalitions"]
    assert coalition["assessed_on"] != "2025-09-18", "the spring file is its latest"


def test_only_invalid_files_exit_1(tmp_path: Path) -> None:
    write_assessment(tmp_path / "bad.yaml", {"C1.1": 9})
    result = run("summary", tmp_path)
    assert result.exit_code == 1 and "no valid assessment" in result.stderr


def test_no_assessments_at_all_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "other.yaml").write_text("a: 1\n", encoding="utf-8")
    result = run("summary", tmp_path)
    assert result.exit_code == 2 and "no assessment files" in result.stderr


def test_a_missing_path_exits_2(tmp_path: Path) -> None:
    result = run("summary", tmp_path / "nowhere")
    assert result.exit_code == 2 and "nowhere" in result.stderr


def test_several_frameworks_need_a_choice(tmp_path: Path) -> None:
    write_assessment(tmp_path / "cf.yaml", {"C1.1": 2}, coalition="Bundled")
    write_assessment(tmp_path / "tiny.yaml", {"P.1": 3}, coalition="Custom", framework=str(RUBRIC))
    result = run("summary", tmp_path)
    assert result.exit_code == 2 and "--framework" in result.stderr
    report = run_json("summary", tmp_path, "--framework", "two-domain-rubric")
    assert [c["coalition"] for c in report["coalitions"]] == ["Custom"]
    assert report["files"]["other_framework"] == 1
    assert [d["id"] for d in report["coalitions"][0]["domains"]] == ["P", "Q"]
    assert [s["stage"] for s in report["indicators"][0]["stages"]] == [1, 2, 3]  # 3 stages, not 4


def test_custom_framework_fixtures_and_examples() -> None:
    report = run_json("summary", SCORING)
    (coalition,) = report["coalitions"]
    assert coalition["file"].endswith("small-spring.yaml")  # the latest of five files
    assert coalition["overall"]["score"] == 2.67 and report["files"]["skipped"] == 1  # the rubric itself
    # rater-a and rater-c name their rater; rater-b names nobody, so nothing says it is one rater's
    assert report["files"]["raters_set_aside"] == 2
    assert [term["file"].rsplit("/", 1)[-1] for term in coalition["trend"]] == [
        "small-fall.yaml",
        "rater-b.yaml",
        "small-spring.yaml",
    ]
    examples = run("summary", RIVERSIDE, "--format", "json")
    assert examples.exit_code == 0, examples.output
    data = json.loads(examples.stdout)
    assert data["files"]["raters_set_aside"] == 3  # beside the consensus of the same date
    assert data["coalitions"][0]["file"].endswith("2026-03-spring.yaml") and not data["same_date"]
    assert "several files" not in examples.stderr


def test_a_term_rolled_forward_but_not_rated_yet_does_not_hide_the_latest_scores(
    tmp_path: Path, examples: Path
) -> None:
    from typer.testing import CliRunner

    from coalition_cli.cli.app import app

    runner = CliRunner()
    spring = tmp_path / "2026-03-spring.yaml"
    spring.write_text(
        (examples / "riverside" / "2026-03-spring.yaml").read_text().replace("profile: coalition.yaml", "")
    )
    assert runner.invoke(app, ["init", str(tmp_path / "2026-09.yaml"), "--from", str(spring)]).exit_code == 0
    data = json.loads(runner.invoke(app, ["summary", "--format", "json", str(tmp_path)]).stdout)
    (coalition,) = data["coalitions"]
    assert coalition["assessed_on"] == "2026-03-14"


def test_framework_can_be_named_by_the_path_of_the_rubric_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--framework` takes a path as well as an id, as every command does, resolved from the current folder."""
    network = tmp_path / "network"
    write_assessment(network / "cf.yaml", {"C1.1": 2}, coalition="Bundled")
    write_assessment(network / "tiny.yaml", {"P.1": 3}, coalition="Custom", framework=str(RUBRIC))
    monkeypatch.chdir(RUBRIC.parent)
    report = run_json("summary", network, "--framework", RUBRIC.name)
    assert [c["coalition"] for c in report["coalitions"]] == ["Custom"]
    assert report["framework"]["id"] == "two-domain-rubric"
    copy = tmp_path / "copy" / "rubric.yaml"  # another copy of the same rubric: the same id
    copy.parent.mkdir()
    copy.write_text(RUBRIC.read_text(encoding="utf-8"), encoding="utf-8")
    by_copy = run_json("summary", network, "--framework", copy)
    assert [c["coalition"] for c in by_copy["coalitions"]] == ["Custom"]


def test_a_rubric_file_no_assessment_uses_is_named_with_its_id(tmp_path: Path) -> None:
    write_assessment(tmp_path / "network" / "cf.yaml", {"C1.1": 2}, coalition="Bundled")
    other = tmp_path / "other.yaml"
    other.write_text(RUBRIC.read_text(encoding="utf-8").replace("id: two-domain-rubric", "id: other"))
    result = run("summary", tmp_path / "network", "--framework", other)
    assert result.exit_code == 2
    assert (
        f"no file uses the framework '{other}' (id 'other'); these files use: community-framework"
        in " ".join(result.stderr.split())
    )
    missing = run("summary", tmp_path / "network", "--framework", tmp_path / "nowhere.yaml")
    assert missing.exit_code == 2 and "nowhere.yaml" in missing.stderr


def test_weakest_says_how_many_more_share_the_last_average(tmp_path: Path) -> None:
    """A list of the weakest that stops inside a tie says so, in every format, instead of
    seeming to pick two of eight indicators that stand level at the lowest stage."""
    examples = RIVERSIDE.parent
    text = run("summary", examples, "--weakest", "2").stdout
    markdown = run("summary", examples, "--weakest", "2", "--format", "md").stdout
    page = tmp_path / "summary.html"
    run("summary", examples, "--weakest", "2", "--format", "html", "--output", page)
    for shown in (text, markdown, page.read_text(encoding="utf-8")):
        assert "6 more indicators also average 1.00." in shown
    assert "more indicator" not in run("summary", examples, "--weakest", "8").stdout
