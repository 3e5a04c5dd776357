"""`coalition consensus`: raters side by side, spread, lower-median proposal, and the draft file."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from coalition_cli.core.reports.consensus import lower_median
from tests.support.custom_rubric import write_rubric
from tests.support.paths import ROOT
from tests.support.scoring import CF_IDS, RIVERSIDE, SCORING, run, run_csv, run_json, write_assessment

RATERS = sorted((RIVERSIDE / "raters").glob("2026-03-*.yaml"))
SMALL_RATERS = sorted((SCORING / "raters").glob("rater-*.yaml"))
STAGE_NAMES = {"emerging": 1, "developing": 2, "advancing": 3, "transforming": 4}


def plain_stages(path: Path) -> tuple[str, dict[str, int | None], dict[str, Any]]:
    """A rater's name and stages, read with plain YAML, independently of the tool's loader."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    stages: dict[str, int | None] = {}
    for indicator, rating in (data.get("ratings") or {}).items():
        value = (rating or {}).get("stage")
        stages[indicator] = STAGE_NAMES.get(str(value).lower(), value) if isinstance(value, str) else value
    return data.get("facilitator") or path.stem, stages, data


def test_there_are_three_example_raters() -> None:
    assert len(RATERS) == 3


def test_examples_three_raters_json() -> None:
    report = run_json("consensus", *RATERS)
    raters = [plain_stages(path) for path in RATERS]
    names = [name for name, _, _ in raters]
    assert [r["name"] for r in report["raters"]] == names
    assert [i["id"] for i in report["indicators"]] == CF_IDS
    for item in report["indicators"]:
        assert set(item) >= {"id", "ratings", "spread", "proposed", "flag"}
        given_stages = [stages.get(item["id"]) for _, stages, _ in raters]
        assert item["ratings"] == dict(zip(names, given_stages, strict=True))
        rated = sorted(s for s in given_stages if s is not None)
        assert item["spread"] == (rated[-1] - rated[0] if rated else None)
        assert item["proposed"] == (rated[(len(rated) - 1) // 2] if rated else None)
        assert item["flag"] == ("discuss first" if rated and rated[-1] - rated[0] >= 2 else None)
    assert report["flagged"] == sum(i["flag"] is not None for i in report["indicators"])
    assert report["flagged"] >= 1  # the examples disagree somewhere


def test_table_lists_flagged_indicators_first() -> None:
    result = run("consensus", *RATERS)
    assert result.exit_code == 0, result.output
    report = run_json("consensus", *RATERS)
    flagged = [i["id"] for i in report["indicators"] if i["flag"]]
    rows = [
        line.split()[0] for line in result.stdout.splitlines() if line.split() and line.split()[0] in CF_IDS
    ]
    assert rows[: len(flagged)] == sorted(flagged, key=rows.index)
    assert set(rows[: len(flagged)]) == set(flagged)
    assert sum(line.rstrip().endswith("discuss") for line in result.stdout.splitlines()) == len(flagged)
    assert f"{len(flagged)} of 22 indicators to discuss first" in result.stdout
    assert "lower median" in result.stdout


def test_small_raters_with_a_custom_framework() -> None:
    report = run_json("consensus", *SMALL_RATERS)
    assert [r["name"] for r in report["raters"]] == ["Ana Ruiz", "rater-b", "Chen | <Lead> #2"]
    items = {i["id"]: i for i in report["indicators"]}
    assert items["P.1"]["ratings"] == {"Ana Ruiz": 1, "rater-b": 3, "Chen | <Lead> #2": 2}
    assert (items["P.1"]["spread"], items["P.1"]["proposed"], items["P.1"]["flag"]) == (2, 2, "discuss first")
    assert (items["P.2"]["spread"], items["P.2"]["proposed"], items["P.2"]["flag"]) == (
        0,
        2,
        None,
    )  # one rater skipped it
    assert (items["Q.1"]["spread"], items["Q.1"]["proposed"], items["Q.1"]["flag"]) == (None, None, None)


def test_even_number_of_raters_takes_the_lower_median(tmp_path: Path) -> None:
    files = [
        write_assessment(tmp_path / f"r{n}.yaml", {"C1.1": stage}) for n, stage in enumerate([4, 1, 3, 2])
    ]
    item = run_json("consensus", *files)["indicators"][0]
    assert (item["proposed"], item["spread"], item["flag"]) == (2, 3, "discuss first")
    assert list(item["ratings"]) == ["r0", "r1", "r2", "r3"]  # no facilitator: named by file


@given(st.lists(st.integers(1, 4), min_size=1, max_size=9))
def test_lower_median_is_a_stage_at_least_half_the_raters_reached(stages: list[int]) -> None:
    proposed = lower_median(stages)
    assert proposed in stages
    assert sum(s <= proposed for s in stages) >= len(stages) / 2
    assert sum(s >= proposed for s in stages) > len(stages) / 2


def test_csv_has_one_row_per_indicator_and_rater() -> None:
    rows = run_csv("consensus", *RATERS)
    assert len(rows) == 22 * 3
    assert list(rows[0])[:6] == ["coalition", "indicator", "indicator_name", "domain", "rater", "file"]
    assert {r["rater"] for r in rows} == {plain_stages(p)[0] for p in RATERS}


# --- the draft -------------------------------------------------------------------------------------


def test_draft_is_a_valid_assessment_with_the_proposed_stages(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    result = run("consensus", *RATERS, "-o", out)
    assert result.exit_code == 0, result.output
    assert out.is_file() and "draft consensus written" in result.stderr
    check = run("validate", "--strict", out)  # every indicator is rated in the examples
    assert check.exit_code == 0, check.output
    report = run_json("consensus", *RATERS)
    proposed = {i["id"]: i["proposed"] for i in report["indicators"]}
    scored = run_json("score", out)["assessments"][0]
    assert {i["id"]: i["stage"] for i in scored["indicators"]} == proposed
    assert scored["overall"]["score"] == report["proposed_overall"]["score"]
    assert scored["coalition"] == "Riverside Pathways Coalition"


def test_draft_comments_record_each_raters_stage_and_evidence(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    assert run("consensus", *RATERS, "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    block = text.split("\n  C1.1:\n", 1)[1].split("\n  C1.2:", 1)[0]
    for path in RATERS:
        name, stages, data = plain_stages(path)
        assert f"#   {name}: {stages['C1.1']} " in block
        evidence = (data["ratings"]["C1.1"] or {}).get("evidence")
        if evidence:
            first_words = " ".join(evidence.split()[:4])
            assert first_words in " ".join(line.lstrip(" #") for line in block.splitlines())
    flagged = [i["id"] for i in run_json("consensus", *RATERS)["indicators"] if i["flag"]]
    assert text.count("# DISCUSS FIRST") == len(flagged)


def test_draft_survives_hostile_text_and_keeps_a_relative_custom_framework(tmp_path: Path) -> None:
    out = tmp_path / "meeting" / "draft.yaml"
    out.parent.mkdir()
    result = run("consensus", *SMALL_RATERS, "-o", out)
    assert result.exit_code == 0, result.output
    check = run("validate", "--format", "json", out)
    assert check.exit_code == 0, check.output
    text = out.read_text(encoding="utf-8")
    assert "Goals differ | nobody has <written> them down # yet" in text
    assert (
        "#     Two reports a year.\n" in text and "#     The second one was late.\n" in text
    )  # line break kept
    assert "\a" not in text
    assert run_json("score", out)["assessments"][0]["framework"] == "two-domain-rubric"
    assert "Q.1:" in text and "stage: null" in text  # no rater rated Q.1


def test_draft_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    result = run("consensus", *RATERS, "-o", out)
    assert result.exit_code == 2
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me\n" and result.stdout == ""
    assert run("consensus", *RATERS, "-o", out, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# DRAFT consensus assessment")


def test_draft_into_a_folder_is_refused(tmp_path: Path) -> None:
    result = run("consensus", *RATERS, "-o", tmp_path)
    assert result.exit_code == 2 and "folder" in result.stderr


# --- refusals and warnings -------------------------------------------------------------------------


def test_one_rater_is_not_enough() -> None:
    result = run("consensus", RATERS[0])
    assert result.exit_code == 2 and "at least two raters" in result.stderr


def test_the_same_file_twice_is_refused() -> None:
    result = run("consensus", RATERS[0], RATERS[0])
    assert result.exit_code == 2 and "more than once" in result.stderr


def test_different_frameworks_are_refused(tmp_path: Path) -> None:
    result = run("consensus", RATERS[0], SMALL_RATERS[0])
    assert result.exit_code == 2 and "different frameworks" in result.stderr


def test_different_coalitions_or_terms_give_a_warning(tmp_path: Path) -> None:
    a = write_assessment(tmp_path / "a.yaml", {"C1.1": 1}, coalition="Riverside", term="Spring 2026")
    b = write_assessment(
        tmp_path / "b.yaml", {"C1.1": 2}, coalition="Lakeside", term="Fall 2025", assessed_on="2025-09-01"
    )
    result = run("consensus", a, b, "--format", "json")
    assert result.exit_code == 0
    assert "different coalitions" in result.stderr and "different terms" in result.stderr
    assert "dated from 2025-09-01 to 2026-03-14" in result.stderr
    assert json.loads(result.stdout)["indicators"][0]["proposed"] == 1


def test_raters_with_the_same_name_are_told_apart_by_file(tmp_path: Path) -> None:
    a = write_assessment(tmp_path / "a.yaml", {"C1.1": 1}, facilitator="Dana")
    b = write_assessment(tmp_path / "b.yaml", {"C1.1": 3}, facilitator="Dana")
    report = run_json("consensus", a, b)
    assert list(report["indicators"][0]["ratings"]) == ["Dana (a)", "Dana (b)"]


@pytest.mark.parametrize("bad_stage", [7])
def test_a_rater_file_with_problems_exits_1(tmp_path: Path, bad_stage: int) -> None:
    good = write_assessment(tmp_path / "good.yaml", {"C1.1": 1})
    bad = write_assessment(tmp_path / "bad.yaml", {"C1.1": bad_stage})
    result = run("consensus", good, bad)
    assert result.exit_code == 1 and "bad.yaml" in result.stderr


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    coalition=_TEXT,
    names=st.lists(_TEXT, min_size=2, max_size=3),
    evidence=_TEXT,
    stages=st.lists(st.integers(1, 4), min_size=3, max_size=3),
)
@example(coalition="0", names=["0", " "], evidence="0", stages=[1, 1, 1])  # a blank name: no header
def test_draft_is_valid_whatever_the_text_in_the_raters_files(
    coalition: str, names: list[str], evidence: str, stages: list[int]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for n, name in enumerate(names):
            path = Path(folder) / f"rater-{n}.yaml"
            document = {
                "framework": "community-framework",
                "coalition": coalition,
                "assessed_on": "2026-03-14",
                "facilitator": name,
                "ratings": {"C1.1": {"stage": stages[n], "evidence": evidence}},
            }
            with path.open("w", encoding="utf-8") as stream:
                YAML(typ="safe").dump(document, stream)  # any text, written as valid YAML
            files.append(path)
        out = Path(folder) / "draft.yaml"
        result = run("consensus", *files, "-o", out)
        assert result.exit_code == 0, result.output
        check = run("validate", out)
        assert check.exit_code == 0, check.output + out.read_text(encoding="utf-8")
        draft = run_json("score", out)["assessments"][0]
    assert draft["coalition"] == coalition
    assert draft["indicators"][0]["stage"] == sorted(stages[: len(names)])[(len(names) - 1) // 2]


def test_every_rater_is_a_participant_of_the_draft(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from coalition_cli.cli.app import app
    from coalition_cli.core.loading.assessments import load_assessment

    raters = sorted((ROOT / "examples" / "riverside" / "raters").glob("*.yaml"))
    draft = tmp_path / "draft.yaml"
    result = CliRunner().invoke(app, ["consensus", *map(str, raters), "-o", str(draft), "--format", "json"])
    assert result.exit_code == 0, result.output
    names = {person.name for person in load_assessment(draft).assessment.participants}
    assert {"Dana Whitfield", "Marcus Lee", "Priya Natarajan"} <= names


def _two_stage_raters(folder: Path) -> list[Path]:
    """Three raters on a rubric of two stages: they disagree on D-a, agree on D-b."""
    rubric = write_rubric(folder / "rubric.yaml")
    return [
        write_assessment(folder / f"rater-{name}.yaml", stages, framework=str(rubric), facilitator=name)
        for name, stages in (
            ("Ana", {"D-a": 1, "D-b": 2}),
            ("Ben", {"D-a": 2, "D-b": 2}),
            ("Cy", {"D-a": 2, "D-b": 2}),
        )
    ]


def test_on_a_rubric_of_two_stages_any_disagreement_is_flagged(tmp_path: Path) -> None:
    """A spread of 2 cannot happen with two stages: "Not yet" against "Done" must still be discussed."""
    raters = _two_stage_raters(tmp_path)
    report = run_json("consensus", *raters)
    assert report["discuss_from"] == 1
    assert {i["id"]: i["flag"] for i in report["indicators"]} == {"D-a": "discuss first", "D-b": None}
    table = " ".join(run("consensus", *raters).stdout.split())
    assert "1 of 2 indicators to discuss first (raters who disagree); they are listed first." in table
    assert "stages apart" not in table


def test_the_draft_words_the_flag_level_of_the_rubric(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    assert run("consensus", *_two_stage_raters(tmp_path), "-o", out).exit_code == 0
    draft = " ".join(line.lstrip("# ") for line in out.read_text(encoding="utf-8").splitlines())
    assert "Indicators marked DISCUSS FIRST have raters who disagree: talk them through" in draft
    assert "DISCUSS FIRST: the raters are 1 stage apart (1 Not yet to 2 Done)" in draft


def test_on_a_rubric_of_three_stages_a_spread_of_1_is_not_flagged(tmp_path: Path) -> None:
    rubric = write_rubric(tmp_path / "rubric.yaml", stages=("Low", "Middle", "High"))
    raters = [
        write_assessment(
            tmp_path / f"{name}.yaml", {"D-a": stage, "D-b": 1}, framework=str(rubric), facilitator=name
        )
        for name, stage in (("Ana", 1), ("Ben", 2))
    ]
    report = run_json("consensus", *raters)
    assert report["discuss_from"] == 2 and report["flagged"] == 0
    assert "(raters 2 or more stages apart)" in " ".join(run("consensus", *raters).stdout.split())


@pytest.mark.parametrize("phones", [6, 15])
def test_a_rooms_exported_raters_read_at_80_columns(tmp_path: Path, phones: int) -> None:
    """`room --export` names its files `participant-01` …: at 80 columns no heading breaks a word,
    with short labels (P1 …) explained above the table, or past a few raters the stages counted."""
    from tests.support.scoring import ENV

    files = [
        write_assessment(tmp_path / f"participant-{n:02d}.yaml", {"C1.1": n % 4 + 1, "C2.1": 2})
        for n in range(1, phones + 1)
    ]
    from typer.testing import CliRunner

    from coalition_cli.cli.app import app

    result = CliRunner().invoke(
        app, ["--no-color", "consensus", *map(str, files)], env={**ENV, "COLUMNS": "80"}
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    heading = next(index for index, line in enumerate(lines) if line.lstrip().startswith("Indicator"))
    assert not any(line.strip() in ("pa", "rt", "ic") for line in lines[heading - 3 : heading])
    if phones == 6:
        assert "P1 participant-01" in result.stdout and " P6 " in lines[heading]
        assert "Note" in lines[heading]
    else:
        assert "Stages given" in lines[heading] and "the table counts the stages given" in " ".join(lines)
        c11 = next(line for line in lines if line.lstrip().startswith("C1.1"))
        assert "1×3 2×4 3×4 4×4" in c11


def test_the_riverside_raters_keep_their_names_as_headings() -> None:
    from coalition_cli.core.reports.consensus import rater_labels

    assert rater_labels(["Dana Whitfield", "Marcus Lee", "Priya Natarajan"]) == [
        "Dana Whitfield",
        "Marcus Lee",
        "Priya Natarajan",
    ]
    assert rater_labels([f"participant-{n:02d}" for n in range(1, 5)]) == ["P1", "P2", "P3", "P4"]
    assert rater_labels([f"participant-{n:02d}" for n in range(1, 16)]) is None


def test_a_rater_named_like_markup_or_an_emoji_code_is_shown_as_written(tmp_path: Path) -> None:
    for rater in RATERS:
        (tmp_path / rater.name).write_bytes(rater.read_bytes())
    marcus = tmp_path / "2026-03-marcus-lee.yaml"
    marcus.write_text(
        marcus.read_text(encoding="utf-8").replace(
            "facilitator: Marcus Lee", 'facilitator: "[bold]Lee :smile:"'
        ),
        encoding="utf-8",
    )
    result = run("consensus", *sorted(tmp_path.glob("*.yaml")))
    assert result.exit_code == 0, result.output
    header = "\n".join(result.stdout.splitlines()[:14])
    assert "[bold]Lee" in header and ":smile:" in header and "😄" not in result.stdout


def test_a_rater_whose_file_names_no_one_is_named_by_the_file(tmp_path: Path) -> None:
    named = write_assessment(tmp_path / "dana.yaml", {"C1.1": 2}, facilitator="Dana Whitfield")
    blank = write_assessment(tmp_path / "rater-2.yaml", {"C1.1": 3}, facilitator="  ")
    result = run("consensus", named, blank)
    assert result.exit_code == 0, result.output
    assert "2 raters: Dana Whitfield, rater-2" in result.stdout


def test_a_proposed_score_from_few_indicators_says_how_many(tmp_path: Path) -> None:
    """Review s11 #9: "Accepting every proposal gives an overall score of 2.50" came from 3 of 8
    indicators without saying so; `score` and `compare` say "from 3 of 8 indicators" (one rule:
    fewer than three quarters rated)."""
    rubric = write_rubric(
        tmp_path / "rubric.yaml", stages=("Low", "Middle", "High"), domains={"D": list("abcdefgh")}
    )
    few = {"a": 2, "b": 3, "c": 2}
    raters = [
        write_assessment(tmp_path / f"{name}.yaml", few, framework=str(rubric), facilitator=name)
        for name in ("Ana", "Ben")
    ]
    said = " ".join(run("consensus", *raters).stdout.split())
    assert "Accepting every proposal gives an overall score of 2.33 Middle, from 3 of 8 indicators." in said
    assert "Overall score: 2.33 Middle, from 3 of 8 indicators" in " ".join(
        run("score", raters[0]).stdout.split()
    )
    most = dict.fromkeys("abcdef", 2)
    raters = [
        write_assessment(tmp_path / f"{name}.yaml", most, framework=str(rubric), facilitator=name)
        for name in ("Ana", "Ben")
    ]
    said = " ".join(run("consensus", *raters).stdout.split())
    assert "Accepting every proposal gives an overall score of 2.00 Middle." in said
