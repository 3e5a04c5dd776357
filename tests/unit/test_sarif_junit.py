"""`--format sarif` against the published SARIF 2.1.0 JSON Schema, and `--format junit` as the XML
GitLab and Jenkins read."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from jsonschema import Draft4Validator
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.cli.output.problems import junit
from coalition_cli.cli.output.problems.base import Run, Summary
from coalition_cli.cli.output.problems.junit import junit_xml
from coalition_cli.core.codes import CODES, Severity
from coalition_cli.core.problems import Problem
from tests.support.files import VALID_HEADER, full_ratings, write
from tests.support.paths import FIXTURES

SCHEMA = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "terms with space").mkdir()
    write(tmp_path / "terms with space", VALID_HEADER + "ratings:\n  C1.1:\n    stage: 9\n", "bad.yaml")
    write(tmp_path, VALID_HEADER + full_ratings(), "good.yaml")
    text = VALID_HEADER + full_ratings().replace(
        "  C1.1:\n    stage: 2\n", "  C1.1:  # coalition: ignore[not-rated]\n    stage: null\n"
    )
    write(tmp_path, text, "quiet.yaml")
    return tmp_path


def test_the_schema_is_the_published_one() -> None:
    assert (
        SCHEMA["id"]
        == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )
    Draft4Validator.check_schema(SCHEMA)


def test_sarif_output_validates_against_the_sarif_2_1_0_schema(runner: CliRunner, files: Path) -> None:
    result = runner.invoke(app, ["validate", "--format", "sarif", "--show-suppressed", "."])
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    errors = sorted(Draft4Validator(SCHEMA).iter_errors(log), key=str)
    assert errors == [], "\n".join(error.message for error in errors)
    (run,) = log["runs"]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == list(CODES)
    by_rule = {r["ruleId"]: r for r in run["results"] if "suppressions" not in r}
    out_of_range = by_rule["stage-out-of-range"]
    assert out_of_range["level"] == "error"
    location = out_of_range["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "terms%20with%20space/bad.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 6, "startColumn": 12},
    }
    assert run["tool"]["driver"]["rules"][out_of_range["ruleIndex"]]["id"] == "stage-out-of-range"
    (suppressed,) = [r for r in run["results"] if "suppressions" in r]
    assert (suppressed["ruleId"], suppressed["suppressions"]) == ("not-rated", [{"kind": "inSource"}])
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == files.as_uri() + "/"


def test_a_clean_run_is_a_valid_sarif_log_with_no_results(runner: CliRunner, files: Path) -> None:
    result = runner.invoke(app, ["validate", "--format", "sarif", "good.yaml"])
    assert result.exit_code == 0
    log = json.loads(result.stdout)
    assert list(Draft4Validator(SCHEMA).iter_errors(log)) == []
    assert log["runs"][0]["results"] == []


def test_junit_has_a_case_per_file_and_fails_the_files_with_errors(runner: CliRunner, files: Path) -> None:
    result = runner.invoke(app, ["validate", "--format", "junit", ".", "missing.yaml"])
    assert result.exit_code == 2
    root = ElementTree.fromstring(result.stdout)
    (suite,) = root.findall("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "1", "1")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {"good.yaml", "quiet.yaml", "terms with space/bad.yaml", "missing.yaml"}
    failure = cases["terms with space/bad.yaml"].find("failure")
    assert failure is not None and failure.get("type") == "stage-out-of-range"
    assert failure.get("message", "").startswith("1 error: C1.1 stage: stage 9 is out of range")
    assert "terms with space/bad.yaml:6:12: error C1.1 stage" in (failure.text or "")
    assert cases["missing.yaml"].find("error") is not None
    assert list(cases["good.yaml"]) == []


def test_junit_escapes_what_xml_cannot_hold() -> None:
    problem = Problem("a<&>.yaml", 1, 1, Severity.ERROR, "syntax", 'bad \x1b[31m "quote" & <tag>')
    text = junit_xml(
        Run([problem], Summary.of([problem], files=1, valid=0, skipped=0), checked=["a<&>.yaml"])
    )
    case = ElementTree.fromstring(text).find("testsuite/testcase")
    assert case is not None and case.get("name") == "a<&>.yaml"
    failure = case.find("failure")
    assert failure is not None and failure.get("message") == '1 error: bad \\x1b[31m "quote" & <tag>'


def test_the_characters_junit_escapes_are_exactly_those_xml_cannot_hold() -> None:
    every = "".join(map(chr, range(0x110000)))
    xml_chars = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # XML 1.0's `Char`
    assert set(junit._NOT_XML.findall(every)) == set(xml_chars.sub("", every))
