"""`coalition roster` end to end: formats, exit codes, a shared profile, a coalition.yaml on its own."""

from __future__ import annotations

import json
from pathlib import Path

import cmarkgfm
import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.files import VALID_HEADER, write
from tests.support.paths import FIXTURES

ROSTER = FIXTURES / "roster"
FALL = ROSTER / "shared" / "fall.yaml"


def _roster(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--no-color", "roster", *args])
    return result.exit_code, result.stdout, result.stderr


def test_table_shows_coverage_formalization_cautions_and_roles(runner: CliRunner) -> None:
    code, out, _ = _roster(runner, str(FALL))
    assert code == 0, out
    assert "Lakeside Pathways Partnership: who is at the table" in out
    assert "Stakeholder groups: 4 of 10 represented" in out
    assert "Missing: Labor unions" in out
    assert "Formalization (Guide, Step 6): 4 not met, 2 unknown" in out
    assert "Cautions from the Guide" in out
    assert "It is not recommended that the Superintendent serve as a sole chair." in " ".join(out.split())
    assert "Members and the roles they could play (Guide, Step 5)" in out


def test_json_is_the_whole_report(runner: CliRunner) -> None:
    code, out, _ = _roster(runner, "--format", "json", str(FALL))
    assert code == 0
    report = json.loads(out)
    assert report["coalition"] == "Lakeside Pathways Partnership"
    assert report["profile_file"] == str(ROSTER / "shared" / "coalition.yaml")
    assert report["gaps_known"] is True
    assert [g["id"] for g in report["coverage"] if g["represented"]] == [
        "k12-education",
        "postsecondary",
        "business-organizations",
        "parent-student-advocacy",
    ]
    assert {c["id"]: c["status"] for c in report["formalization"]} == {
        "clear-definition": "not-met",
        "designated-leaders": "not-met",
        "formal-structure": "unknown",  # reporting is not recorded
        "regular-meetings": "not-met",
        "organizational-commitment": "not-met",
        "master-plan": "unknown",
    }
    assert [c["code"] for c in report["cautions"]] == [
        "superintendent-sole-chair",
        "meets-too-rarely",
        "depends-on-individuals",
    ]
    chamber = next(m for m in report["members"] if m["organization"] == "Lakeside Chamber of Commerce")
    assert chamber["role"] == "working-group"
    advocate = chamber["sample_roles"][0]
    assert advocate["text"] == "Advocate for pathways in the community and with policymakers;"
    assert [g["id"] for g in advocate["suggested_gaps"]] == ["C3.1"]


def test_markdown_renders_as_tables(runner: CliRunner) -> None:
    code, out, _ = _roster(runner, "--format", "md", str(FALL))
    assert code == 0
    assert out.startswith("## Lakeside Pathways Partnership: who is at the table\n")
    assert "| ✗ | Labor unions | missing |" in out
    assert "| Designated Leaders | ✗ not met |" in out
    html = cmarkgfm.github_flavored_markdown_to_html(out)
    assert html.count("<table>") >= 3
    assert "<h3>Formalization (Guide, Step 6): " in html


def test_markdown_escapes_text_from_the_profile(runner: CliRunner, tmp_path: Path) -> None:
    write(
        tmp_path,
        "members:\n  - organization: 'A | B <script>alert(1)</script>'\n    stakeholder_group: civic\n",
        "coalition.yaml",
    )
    code, out, _ = _roster(runner, "--format", "md", str(tmp_path / "coalition.yaml"))
    assert code == 0
    assert "<script>" not in out
    html = cmarkgfm.github_flavored_markdown_to_html(out)
    assert "<script>" not in html
    assert "A | B &lt;script&gt;" in html


def test_a_coalition_yaml_on_its_own_has_no_gaps(runner: CliRunner) -> None:
    code, out, _ = _roster(runner, "--format", "json", str(ROSTER / "shared" / "coalition.yaml"))
    assert code == 0
    report = json.loads(out)
    assert report["gaps_known"] is False
    assert report["assessed_on"] is None
    code, out, err = _roster(runner, str(ROSTER / "shared" / "coalition.yaml"))
    assert "No assessment was read with this profile, so no gaps are shown" in out
    assert "run `coalition roster` on an assessment file" in err and "coalition roster" not in out


def test_an_inline_profile(runner: CliRunner, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        VALID_HEADER
        + "profile:\n  members:\n    - organization: Local 12\n      stakeholder_group: labor-unions\n",
    )
    code, out, _ = _roster(runner, "--format", "json", str(path))
    assert code == 0
    report = json.loads(out)
    assert report["profile_file"] is None
    assert [m["organization"] for m in report["members"]] == ["Local 12"]


def test_what_the_profile_does_not_say_is_in_plain_words_and_how_to_record_it_goes_to_the_terminal(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        VALID_HEADER
        + "profile:\n  members:\n    - organization: Local 12\n      stakeholder_group: labor-unions\n"
        + "      role: chair\n      representatives:\n        - name: Ana Ortiz\n",
    )
    for output in ("table", "md"):
        code, out, err = _roster(runner, "--format", output, str(path))
        assert code == 0, out
        words = " ".join(out.split())
        assert "It is not recorded whether there is a coalition master plan." in words
        assert "It is not recorded how often the full coalition meets." in words
        assert "master_plan" not in out and "`reporting:`" not in out  # the roster is read by people
        said = " ".join(err.split())
        assert f"note: to complete the roster, record in {path}:" in said
        assert "Master Plan: `master_plan: yes`, `draft` or `no`" in said
        assert "Regular Meetings: `meetings:` then `coalition: quarterly` (for example) under it" in said
        assert "Executive committee: each representative's `title:`" in said
    code, out, _ = _roster(runner, "--format", "json", str(path))
    master = next(check for check in json.loads(out)["formalization"] if check["id"] == "master-plan")
    assert master["to_record"] == ["`master_plan: yes`, `draft` or `no`"]


def test_the_example_coalition_shares_one_profile_across_terms(runner: CliRunner, examples: Path) -> None:
    reports = []
    for term in ("2025-09-fall.yaml", "2026-03-spring.yaml"):
        code, out, _ = _roster(runner, "--format", "json", str(examples / "riverside" / term))
        assert code == 0, out
        reports.append(json.loads(out))
    fall, spring = reports
    assert fall["profile_file"] == spring["profile_file"] == str(examples / "riverside" / "coalition.yaml")
    assert fall["formalization"] == spring["formalization"]
    assert all(group["represented"] for group in spring["coverage"])


def test_problems_in_the_profile_exit_1_and_are_located(runner: CliRunner) -> None:
    code, out, err = _roster(runner, str(ROSTER / "broken" / "term.yaml"))
    assert code == 1
    assert out == ""
    profile = ROSTER / "broken" / "coalition.yaml"
    assert f"{profile}:7:19: error unknown partner kind 'labour-unions'" in err
    code, _, err = _roster(runner, str(profile))
    assert code == 1
    assert f"{profile}:3:24: error unknown stakeholder group 'k12'" in err


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "cannot read"),
        ("folder", "is a folder"),
        ("no-profile", "has no coalition profile"),
    ],
)
def test_usage_and_read_errors_exit_2(runner: CliRunner, tmp_path: Path, setup: str, message: str) -> None:
    path = tmp_path / "a.yaml"
    if setup == "folder":
        path.mkdir()
    elif setup == "no-profile":
        write(tmp_path, VALID_HEADER, "a.yaml")
    code, out, err = _roster(runner, str(path))
    assert code == 2
    assert message in err
    assert "Traceback" not in out + err


def test_a_file_without_a_profile_is_told_where_to_add_it_and_where_to_find_one(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A new coalition's coordinator has no coalition.yaml yet: the hint says which file takes the
    line and where one is shown to copy."""
    write(tmp_path, VALID_HEADER, "a.yaml")
    code, _, err = _roster(runner, str(tmp_path / "a.yaml"))
    assert code == 2
    flat = " ".join(err.split())
    assert "add `profile: coalition.yaml` to a.yaml and write coalition.yaml beside it" in flat
    assert "the README's section “The coalition itself” shows one to copy" in flat


def test_a_bad_format_is_a_usage_error(runner: CliRunner) -> None:
    code, _, _ = _roster(runner, "--format", "csv", str(FALL))
    assert code == 2


def test_help_explains_the_command(runner: CliRunner) -> None:
    result = runner.invoke(app, ["roster", "--help"])
    assert result.exit_code == 0
    assert "Guide to Building a Broad-Based Coalition" in " ".join(result.output.split())


def _custom_rubric_assessment(tmp_path: Path) -> Path:
    """An assessment on a rubric other than the Community Framework, with the shared profile."""
    rubric = FIXTURES / "frameworks" / "tiny-rubric.yaml"
    return write(
        tmp_path,
        f"framework: {rubric}\ncoalition: Lakeside Pathways Partnership\nassessed_on: 2026-03-14\n"
        f"profile: {ROSTER / 'shared' / 'coalition.yaml'}\nratings:\n  A.1:\n    stage: 1\n",
    )


@pytest.mark.usefixtures("fixtures_allowed")
def test_on_another_rubric_the_roles_have_no_gaps_column_and_say_why_once(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The Guide's tags name Community Framework indicators: a column of "—" would read as "no role helps"."""
    code, out, _ = _roster(runner, str(_custom_rubric_assessment(tmp_path)))
    assert code == 0, out
    assert "Gaps it could help with" not in out and "rates below the top stage" not in out
    text = " ".join(out.split())
    note = (
        "The Guide ties its partner roles to the indicators of the Community Framework, not of "
        "“Tiny Partnership Rubric”, so the roles below are listed without the indicators they serve."
    )
    assert text.count(note) == 1
    assert "Sample role (Guide, Step 5)" in out  # the roles themselves are still listed
    assert "gaps from the assessment" not in out


@pytest.mark.usefixtures("fixtures_allowed")
def test_on_another_rubric_the_json_names_no_community_framework_indicator(
    runner: CliRunner, tmp_path: Path
) -> None:
    code, out, _ = _roster(runner, "--format", "json", str(_custom_rubric_assessment(tmp_path)))
    assert code == 0, out
    report = json.loads(out)
    assert report["guide_tags_apply"] is False and report["gaps_known"] is False
    assert "Tiny Partnership Rubric" in report["tags_note"]
    roles = [role for member in report["members"] for role in member["sample_roles"]]
    roles += [role for group in report["coverage"] for role in group["sample_roles"]]
    assert roles and all(
        role["suggested_indicators"] == [] and role["suggested_gaps"] == [] for role in roles
    )


def test_on_the_community_framework_the_tags_apply(runner: CliRunner) -> None:
    code, out, _ = _roster(runner, "--format", "json", str(FALL))
    assert code == 0, out
    report = json.loads(out)
    assert report["guide_tags_apply"] is True and report["tags_note"] is None
    assert any(
        role["suggested_indicators"] for member in report["members"] for role in member["sample_roles"]
    )


def test_this_tools_links_are_named_as_suggestions_in_the_json_and_the_table(runner: CliRunner) -> None:
    """The Guide lists sample roles by kind of partner; tying them to indicators, and the "why it
    matters" texts, are this tool's: the keys and the labels say so, and no key claims them as the Guide's."""
    _, out, _ = _roster(runner, "--format", "json", str(FALL))
    report = json.loads(out)
    text = json.dumps(report)
    for old in ('"serves"', '"gaps"', '"why_it_matters"'):
        assert old not in text, old
    assert all("suggested_why_it_matters" in group for group in report["coverage"])
    assert "this tool's suggestions, not the Guide's" in report["suggestions"]
    _code, markdown, _ = _roster(runner, "--format", "md", str(FALL))
    assert "Why it matters (this tool's summary of the Guide):" in markdown
    assert "| Gaps it could help with (this tool's link) |" in markdown
