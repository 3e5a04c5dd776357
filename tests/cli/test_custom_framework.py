"""Any rubric of the same shape works: 2 domains and 3 stages here, nothing assumes 7 or 4."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.custom_rubric import write_rubric
from tests.support.paths import FIXTURES

FRAMEWORKS = FIXTURES / "frameworks"


def test_framework_validate_accepts_a_custom_rubric(runner: CliRunner) -> None:
    result = runner.invoke(app, ["framework", "validate", str(FRAMEWORKS / "tiny-rubric.yaml")])
    assert result.exit_code == 0, result.output
    assert "2 domains, 3 indicators, 3 stages" in result.output


def test_framework_validate_locates_every_problem(runner: CliRunner) -> None:
    path = FRAMEWORKS / "broken-rubric.yaml"
    result = runner.invoke(app, ["--no-color", "framework", "validate", str(path)])
    assert result.exit_code == 1
    out = result.output
    assert f"{path}:6:13: error stages must be numbered 1, 2, 3, … in order" in out
    assert f"{path}:17:13: error the id 'A.1' is used twice (first by indicator 1 of domain A)" in " ".join(
        out.split()
    )
    # descriptors are matched with the stages as numbered (1 and 3): the first A.1 is consistent
    assert (
        f"{path}:19:9: error indicator A.1 has no descriptor for stage 3: every stage needs exactly one"
        in out
    )
    assert f"{path}:21:11: error indicator A.1 has a descriptor for stage 2, but there is no stage 2" in out
    assert f"{path}:22:11: error indicator A.1 has a descriptor for stage 5, but there is no stage 5" in out
    assert "5 problems" in out


def _rubric(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rubric.yaml"
    path.write_text(text, encoding="utf-8")
    return path


ONE_DOMAIN = """\
id: one
title: One Domain
stages:
  - {number: 1, name: Low}
  - {number: 2, name: Mid}
  - {number: 3, name: High}
domains:
  - id: D
    name: Dee
    indicators:
      - id: D.1
        name: Dee one
        descriptors: {1: a, 2: b, 3: c}
"""


def test_one_numbering_slip_is_one_problem(runner: CliRunner, tmp_path: Path) -> None:
    path = _rubric(tmp_path, ONE_DOMAIN.replace("{number: 3, name: High}", "{number: 4, name: High}"))
    path.write_text(path.read_text().replace("3: c}", "4: c}"))
    result = runner.invoke(app, ["--no-color", "framework", "validate", str(path)])
    assert result.exit_code == 1
    assert result.output.count(" error ") == 1
    assert "this is stage 3 but is numbered 4 (is stage 3 missing?) [stage-numbering]" in " ".join(
        result.output.split()
    )


FIVE_STAGES = ("Not started", "Beginning", "Building", "Established", "Sustaining")


def _numbered_from(path: Path, first: int) -> Path:
    """A 3-domain, 8-indicator, 5-stage rubric whose stages and descriptors are numbered from `first`."""
    domains = {"G": ["G1", "G2", "G3"], "Y": ["Y1", "Y2", "Y3"], "W": ["W1", "W2"]}
    write_rubric(path, stages=FIVE_STAGES, domains=domains)
    text = path.read_text(encoding="utf-8")
    for number in range(1, 6):
        shifted = number - 1 + first
        text = text.replace(f"{{number: {number},", f"{{number: #{shifted},")
        text = text.replace(f"{number}: Stage {number} of", f"#{shifted}: Stage {number} of")
    path.write_text(text.replace("#", ""), encoding="utf-8")
    return path


def test_stages_numbered_from_0_are_one_problem(runner: CliRunner, tmp_path: Path) -> None:
    """A paper rubric that starts at "0 Not started": one thing to do, said once, not five errors."""
    path = _numbered_from(tmp_path / "rubric.yaml", 0)
    result = runner.invoke(app, ["--no-color", "framework", "validate", str(path)])
    assert result.exit_code == 1
    assert result.output == (
        f"{path}:4:14: error the stages are numbered from 0, but must be numbered from 1: renumber stages "
        "0 to 4 as 1 to 5, and each indicator's descriptors the same way [stage-numbering]\n"
        f"✗ {path}: 1 problem; this is not a usable framework\n"
    )


def test_stages_numbered_from_2_are_one_problem_that_may_be_a_missing_stage(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = _numbered_from(tmp_path / "rubric.yaml", 2)
    result = runner.invoke(app, ["--no-color", "framework", "validate", str(path)])
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert said.count(" error ") == 1
    assert (
        "renumber stages 2 to 6 as 1 to 5, and each indicator's descriptors the same way (or, if stage 1 "
        "is missing, add it) [stage-numbering]" in said
    )


def test_stages_out_of_order_are_still_each_a_problem(runner: CliRunner, tmp_path: Path) -> None:
    path = _numbered_from(tmp_path / "rubric.yaml", 1)
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("{number: 1,", "{number: 0,")
        .replace("1: Stage 1", "0: Stage 1"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["--no-color", "framework", "validate", str(path)])
    assert result.exit_code == 1
    assert result.output.count(" error ") == 1
    assert "this is stage 1 but is numbered 0 [stage-numbering]" in " ".join(result.output.split())


def test_missing_descriptors_are_listed_in_words(runner: CliRunner, tmp_path: Path) -> None:
    path = _rubric(tmp_path, ONE_DOMAIN.replace("{1: a, 2: b, 3: c}", "{1: a}"))
    result = runner.invoke(app, ["--no-color", "framework", "validate", str(path)])
    assert (
        "indicator D.1 has no descriptor for stages 2 and 3: every stage needs exactly one" in result.output
    )


def test_a_domain_whose_every_indicator_fails_is_not_called_empty(runner: CliRunner, tmp_path: Path) -> None:
    path = _rubric(
        tmp_path, ONE_DOMAIN.replace("        name: Dee one\n", "        name: Dee one\n        extra: 1\n")
    )
    result = runner.invoke(app, ["--no-color", "framework", "validate", str(path)])
    assert result.exit_code == 1
    assert "must not be empty" not in result.output
    assert f"{path}:13:9: error unknown key 'extra'" in result.output
    assert "1 problem;" in result.output


def test_a_small_rubric_is_counted_in_the_singular(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["framework", "validate", str(_rubric(tmp_path, ONE_DOMAIN))])
    assert result.exit_code == 0, result.output
    assert "1 domain, 1 indicator, 3 stages" in result.output


def test_a_framework_option_path_is_read_from_the_working_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _rubric(tmp_path, ONE_DOMAIN)
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms" / "a.yaml").write_text(
        "framework: community-framework\ncoalition: X\nassessed_on: 2026-03-14\nratings:\n  D.1:\n    stage: 3\n"
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "--framework", "rubric.yaml", "terms/a.yaml"])
    assert result.exit_code == 0, result.output
    assert "1 file checked, 1 valid" in result.stderr


def test_rate_points_at_the_files_own_rubric(runner: CliRunner, repository: Path) -> None:
    tmp_path = repository
    _rubric(tmp_path, ONE_DOMAIN)
    (tmp_path / "terms").mkdir()
    file = tmp_path / "terms" / "a.yaml"
    file.write_text("framework: ../rubric.yaml\ncoalition: X\nassessed_on: 2026-03-14\nratings:\n")
    result = runner.invoke(app, ["--no-color", "rate", str(file), "C1.1=3", "D.1"])
    assert result.exit_code == 2
    assert "like D.1=1 or D.1=high" in result.output
    assert (
        f"`coalition framework show --framework {os.path.relpath(tmp_path / 'rubric.yaml')}`" in result.output
    )


def test_a_missing_framework_file_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["framework", "validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "not found" in result.output


@pytest.mark.usefixtures("fixtures_allowed")
def test_init_validate_and_schema_with_a_custom_rubric(runner: CliRunner, tmp_path: Path) -> None:
    rubric = FRAMEWORKS / "tiny-rubric.yaml"
    target = tmp_path / "terms" / "a.yaml"
    target.parent.mkdir()
    result = runner.invoke(
        app, ["init", str(target), "--framework", str(rubric), "--coalition", "Tiny", "--date", "2026-01-10"]
    )
    assert result.exit_code == 0, result.output
    text = target.read_text()
    assert (
        "# 3 Thriving: Shared goals guide every partner's budget.\n    #             They are reviewed every year."
        in text
    )
    assert "C1.1" not in text
    # the framework reference is stored relative to the file's folder? no: as given, and it resolves
    check = runner.invoke(app, ["validate", "--format", "json", str(target)])
    report = json.loads(check.stdout)
    assert check.exit_code == 0
    assert report["summary"]["warnings"] == 3
    rated = text.replace("stage: null", "stage: thriving", 1)
    target.write_text(rated.replace("stage: null", "stage: 4", 1))
    bad = json.loads(runner.invoke(app, ["validate", "--format", "json", str(target)]).stdout)
    (problem,) = [p for p in bad["problems"] if p["severity"] == "error"]
    assert problem["code"] == "stage-out-of-range"
    assert "use 1 to 3 (1 Starting, 2 Growing, 3 Thriving)" in problem["message"]
    schema = json.loads(runner.invoke(app, ["schema", "--framework", str(rubric)]).stdout)
    assert list(schema["properties"]["ratings"]["properties"]) == ["A.1", "A.2", "B.1"]
    assert schema["$defs"]["rating"]["properties"]["stage"]["maximum"] == 3


def test_an_unknown_key_does_not_hide_numbering_or_duplicate_ids(runner: CliRunner, tmp_path: Path) -> None:
    text = ONE_DOMAIN.replace("        name: Dee one\n", "        name: Dee one\n        extra: 1\n")
    text = text.replace("      - id: D.1\n", "      - id: D\n").replace(
        "{number: 3, name: High}", "{number: 4, name: High}"
    )
    path = _rubric(tmp_path, text)
    result = runner.invoke(app, ["--no-color", "framework", "validate", str(path)])
    assert result.exit_code == 1
    codes = [line.rsplit("[", 1)[-1].rstrip("]") for line in result.output.splitlines() if " error " in line]
    assert sorted(codes) == [
        "duplicate-id",
        "missing-descriptor",
        "stage-numbering",
        "stage-out-of-range",
        "unknown-key",
    ]


def test_stage_numbers_are_read_as_the_model_reads_them(runner: CliRunner, tmp_path: Path) -> None:
    text = ONE_DOMAIN.replace("{number: 1,", '{number: "1",').replace("{number: 2,", "{number: 2.0,")
    result = runner.invoke(app, ["framework", "validate", str(_rubric(tmp_path, text))])
    assert result.exit_code == 0, result.output


def test_a_stage_that_is_not_a_mapping_is_one_problem_where_it_is(runner: CliRunner, tmp_path: Path) -> None:
    path = _rubric(tmp_path, ONE_DOMAIN.replace("  - {number: 1, name: Low}", "  - Low"))
    result = runner.invoke(app, ["--no-color", "framework", "validate", str(path)])
    assert result.exit_code == 1
    assert result.output.count(" error ") == 1
    assert f"{path}:4:5: error stage 1: must be a mapping" in result.output


def test_linked_indicators_are_checked_and_located(runner: CliRunner, tmp_path: Path) -> None:
    two = ONE_DOMAIN.replace(
        "        descriptors: {1: a, 2: b, 3: c}\n",
        "        descriptors: {1: a, 2: b, 3: c}\n      - id: D.2\n        name: Dee two\n"
        "        descriptors: {1: a, 2: b, 3: c}\n",
    )
    good = _rubric(tmp_path, two + "linked:\n  - indicators: [D.1, D.2]\n    note: Same words.\n")
    result = runner.invoke(app, ["--no-color", "framework", "validate", str(good)])
    assert result.exit_code == 0, result.output

    bad = _rubric(tmp_path, two + "linked:\n  - indicators: [D.1, D.3]\n  - indicators: [D.2, D.1]\n")
    result = runner.invoke(app, ["--no-color", "framework", "validate", str(bad)])
    assert result.exit_code == 1
    lines = bad.read_text().splitlines()
    first = lines.index("  - indicators: [D.1, D.3]") + 1
    assert (
        f"{bad}:{first}:23: error linked indicator 'D.3' is not an indicator of this rubric" in result.output
    )
    assert f"{bad}:{first + 1}:23: error indicator 'D.1' is linked twice" in result.output


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("name: Sprout", "name: Seed", ":10:11: error stage name 'Seed' is used twice (first by stage 1)"),
        ("  - id: Q\n", "  - id: P\n", ":35:9: error the id 'P' is used twice (first by domain 1)"),
    ],
)
def test_a_repeated_name_or_id_says_where_it_was_first(
    runner: CliRunner, tmp_path: Path, old: str, new: str, said: str
) -> None:
    path = tmp_path / "rubric.yaml"
    path.write_text(
        (FIXTURES / "scoring" / "two-domain-rubric.yaml").read_text(encoding="utf-8").replace(old, new)
    )
    result = runner.invoke(app, ["--no-color", "framework", "validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}{said}" in " ".join(result.output.split())


def test_a_rubric_of_one_stage_is_refused_where_its_stages_are(runner: CliRunner, tmp_path: Path) -> None:
    from tests.support.custom_rubric import write_rubric

    rubric = write_rubric(tmp_path / "checklist.yaml", stages=("Done",))
    result = runner.invoke(app, ["--no-color", "framework", "validate", str(rubric)])
    assert result.exit_code == 1
    assert f"{rubric}:4:3: error the rubric has one stage; give it two or more" in result.output
    assert "[too-few-stages]" in result.output
    # an assessment naming it is told where to look, in words ("1 problem", not "1 problem(s)")
    (tmp_path / "a.yaml").write_text(
        "coalition: Test\nframework: checklist.yaml\nassessed_on: 2026-03-01\nratings:\n  D-a: {stage: 1}\n",
        encoding="utf-8",
    )
    checked = runner.invoke(app, ["--no-color", "validate", str(tmp_path / "a.yaml")])
    assert checked.exit_code == 1
    assert "to see its 1 problem;" in checked.output and "[invalid-framework]" in checked.output
    # two stages are enough: a checklist
    assert (
        runner.invoke(app, ["framework", "validate", str(write_rubric(tmp_path / "two.yaml"))]).exit_code == 0
    )


def test_the_schema_of_a_custom_rubric_offers_its_path_not_the_bundled_ids(
    runner: CliRunner, tmp_path: Path
) -> None:
    import jsonschema

    rubric = FRAMEWORKS / "tiny-rubric.yaml"
    schema = json.loads(runner.invoke(app, ["schema", "--framework", str(rubric)]).stdout)
    reference = schema["properties"]["framework"]
    assert reference["examples"] == [str(rubric)]
    assert "community-framework" not in json.dumps(reference)
    validator = jsonschema.Draft202012Validator(schema)
    document = {"framework": str(rubric), "coalition": "Tiny", "assessed_on": "2026-01-10"}
    assert not list(validator.iter_errors(document))
    # its indicators are not the bundled rubric's: a file naming that one is not this schema's
    assert list(validator.iter_errors({**document, "framework": "community-framework"}))
    bundled = json.loads(runner.invoke(app, ["schema"]).stdout)["properties"]["framework"]
    assert bundled["examples"] == ["community-framework"]


def test_two_linked_groups_are_said_apart_in_compare_and_the_plan(runner: CliRunner, tmp_path: Path) -> None:
    """ "D.1 and D.2 and D.3 and D.4 count as one" would not say which go together."""
    from tests.support.custom_rubric import write_rubric

    rubric = write_rubric(tmp_path / "rubric.yaml", domains={"D": ["D.1", "D.2", "D.3", "D.4"]})
    with rubric.open("a", encoding="utf-8") as text:
        text.write("linked:\n  - indicators: [D.1, D.2]\n  - indicators: [D.3, D.4]\n")
    terms = []
    for day, stage in (("2026-01-10", 1), ("2026-06-10", 2)):
        term = tmp_path / f"{day}.yaml"
        rated = "".join(f"  {i}:\n    stage: {stage}\n" for i in ("D.1", "D.2", "D.3", "D.4"))
        term.write_text(
            f"framework: {rubric}\ncoalition: Lakeside\nassessed_on: {day}\nratings:\n{rated}",
            encoding="utf-8",
        )
        terms.append(str(term))
    linked = (
        "D.1 Indicator D.1 and D.2 Indicator D.2 count as one, "
        "and so do D.3 Indicator D.3 and D.4 Indicator D.4"
    )
    result = runner.invoke(app, ["compare", *terms, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["headline"] == (
        f"2 indicators advanced, 0 declined, 0 unchanged; {linked} (the rubric links them)"
    )
    result = runner.invoke(app, ["plan", terms[1], "--since", terms[0]])
    assert result.exit_code == 0, result.output
    assert f"2 indicators advanced, 0 declined, 0 unchanged. {linked}." in " ".join(result.output.split())
