"""The coalition profile: its format, and its problems located in the assessment or in a shared coalition.yaml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core.loading.assessments import check_assessment, load_assessment
from coalition_cli.core.model.base import validated
from coalition_cli.core.model.profile import CoalitionProfile
from tests.support import paths
from tests.support.files import VALID_HEADER, problems, write

FIXTURES = paths.FIXTURES / "roster"

INLINE = VALID_HEADER + "profile:\n  members:\n"
"""An assessment with an inline profile; the first member goes on line 6."""


def _member(group: str = "labor-unions", extra: str = "") -> str:
    return f"    - organization: Local 12\n      stakeholder_group: {group}\n{extra}"


def test_an_inline_profile_is_loaded_with_the_assessment(tmp_path: Path) -> None:
    path = write(tmp_path, INLINE + _member(extra="      role: co-chair\n      commitment: individual\n"))
    loaded = load_assessment(path)
    assert loaded.profile is not None
    member = loaded.profile.members[0]
    assert (member.organization, member.role, member.commitment) == ("Local 12", "co-chair", "individual")


def test_a_referenced_profile_is_loaded_from_the_file_next_to_the_assessment() -> None:
    loaded = load_assessment(FIXTURES / "shared" / "fall.yaml")
    assert loaded.assessment.profile == "coalition.yaml"
    assert loaded.profile is not None
    assert loaded.profile.name == "Lakeside Pathways Partnership"
    assert len(loaded.profile.members) == 4


def test_the_examples_share_one_profile(examples: Path) -> None:
    fall = load_assessment(examples / "riverside" / "2025-09-fall.yaml")
    spring = load_assessment(examples / "riverside" / "2026-03-spring.yaml")
    assert fall.profile is not None
    assert fall.profile == spring.profile


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # an unknown stakeholder group, at the value, with did-you-mean
        (INLINE + _member("labour-unions"), {(7, 26, "unknown-stakeholder-group")}),
        # an unknown partner kind, with did-you-mean among the group's kinds
        (INLINE + _member(extra="      partner_kind: labour-union\n"), {(8, 21, "unknown-partner-kind")}),
        # a partner kind of another group is a warning
        (
            INLINE + _member(extra="      partner_kind: faith-based-organizations\n"),
            {(8, 21, "partner-kind-mismatch")},
        ),
        # a wrong role and a wrong frequency list the valid ones
        (INLINE + _member(extra="      role: chiar\n"), {(8, 13, "wrong-value")}),
        (INLINE + _member() + "  meetings:\n    coalition: twice a year\n", {(9, 16, "wrong-value")}),
        # an unknown key inside the profile, with did-you-mean
        (INLINE + _member(extra="      comitment: individual\n"), {(8, 7, "unknown-key")}),
        # the same organization twice, at the second
        (INLINE + _member() + _member().replace("Local 12", "local 12 "), {(8, 21, "duplicate-member")}),
        # a committee a member sits on that the profile does not list
        (
            INLINE
            + _member(extra="      committees: [Employer]\n")
            + "  committees:\n    - name: Employers\n",
            {(8, 20, "unknown-committee")},
        ),
        # a profile without members (at the profile's key), with an empty list of them, and a list
        (VALID_HEADER + "profile:\n  charter: yes\n", {(4, 1, "missing-key")}),
        (VALID_HEADER + "profile:\n  members: []\n", {(5, 12, "no-members")}),
        (VALID_HEADER + "profile: [a, b]\n", {(4, 10, "wrong-type")}),
        (VALID_HEADER + "profile: ''\n", {(4, 10, "wrong-type")}),
        # a profile file that does not exist, at the reference
        (VALID_HEADER + "profile: coalitoin.yaml\n", {(4, 10, "profile-not-found")}),
    ],
)
def test_profile_problems_are_located_in_the_assessment(
    tmp_path: Path, source: str, expected: set[tuple[int, int, str]]
) -> None:
    assert problems(write(tmp_path, source)) == expected


def test_messages_name_the_valid_choices(tmp_path: Path) -> None:
    path = write(tmp_path, INLINE + _member("labour-unions", "      partner_kind: labour-union\n"))
    messages = {p.code: p.message for p in check_assessment(path).problems}
    assert "(did you mean 'labor-unions'?)" in messages["unknown-stakeholder-group"]
    assert "use one of: k12-education, postsecondary" in messages["unknown-stakeholder-group"]
    assert "(did you mean 'labor-unions'?)" in messages["unknown-partner-kind"]


def test_problems_in_a_referenced_profile_carry_that_files_name_and_lines() -> None:
    check = check_assessment(FIXTURES / "broken" / "term.yaml")
    profile = str(FIXTURES / "broken" / "coalition.yaml")
    located = {(p.file, p.line, p.column, p.code) for p in check.problems if p.code != "not-rated"}
    assert located == {
        (profile, 3, 24, "unknown-stakeholder-group"),
        (profile, 4, 11, "wrong-value"),
        (profile, 7, 19, "unknown-partner-kind"),
        (profile, 9, 14, "wrong-value"),
    }
    assert check.has_errors
    assert check.profile is None


def test_validate_reports_a_referenced_profile_with_exit_1(runner: CliRunner) -> None:
    term = FIXTURES / "broken" / "term.yaml"
    result = runner.invoke(app, ["validate", "--format", "json", str(term)])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    errors = [p for p in report["problems"] if p["severity"] == "error"]
    assert {p["file"] for p in errors} == {str(FIXTURES / "broken" / "coalition.yaml")}
    assert {"line": 7, "column": 19, "code": "unknown-partner-kind"}.items() <= next(
        p for p in errors if p["code"] == "unknown-partner-kind"
    ).items()


def test_validate_text_output_points_at_the_profile_file(runner: CliRunner) -> None:
    term = FIXTURES / "broken" / "term.yaml"
    result = runner.invoke(app, ["--no-color", "validate", str(term)])
    assert result.exit_code == 1
    profile = FIXTURES / "broken" / "coalition.yaml"
    assert (
        f"{profile}:7:19: error unknown partner kind 'labour-unions' (did you mean 'labor-unions'?)"
        in result.output
    )


def test_a_profile_for_another_coalition_is_a_warning(tmp_path: Path) -> None:
    write(
        tmp_path,
        "name: Someone Else\nmembers:\n  - organization: A\n    stakeholder_group: civic\n",
        "coalition.yaml",
    )
    path = write(tmp_path, VALID_HEADER + "profile: coalition.yaml\n")
    found = [p for p in check_assessment(path).problems if p.code == "profile-other-coalition"]
    assert [(p.line, p.column, p.severity.value) for p in found] == [(4, 10, "warning")]
    assert "describes 'Someone Else'" in found[0].message


def test_a_profile_path_that_is_a_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    path = write(tmp_path, VALID_HEADER + "profile: shared\n")
    assert problems(path) == {(4, 10, "profile-not-found")}


def test_yes_no_true_false_and_short_representatives_are_accepted() -> None:
    profile = validated(
        CoalitionProfile,
        {
            "members": [{"organization": "A", "stakeholder_group": "civic", "representatives": ["Rae Lin"]}],
            "charter": True,
            "membership_definition": "no",
            "master_plan": False,
        },
    )
    assert (profile.charter, profile.membership_definition, profile.master_plan) == ("yes", "no", "no")
    assert profile.members[0].representatives[0].name == "Rae Lin"
    assert profile.members[0].role == "member"
    assert profile.meetings.coalition is None


def test_validate_checks_a_coalition_yaml_named_directly(runner: CliRunner, examples: Path) -> None:
    result = runner.invoke(app, ["validate", str(examples / "riverside" / "coalition.yaml")])
    assert result.exit_code == 0, result.output
    broken = FIXTURES / "broken" / "coalition.yaml"
    result = runner.invoke(app, ["--no-color", "validate", "--skip-other-yaml", str(broken)])
    assert result.exit_code == 1  # a pre-commit run that only touched the profile still checks it
    assert f"{broken}:9:14: error meetings, coalition: must be one of 'weekly'" in result.output


def test_a_profile_is_not_an_assessment(runner: CliRunner) -> None:
    result = runner.invoke(app, ["score", str(FIXTURES / "shared" / "coalition.yaml")])
    assert result.exit_code == 2
    assert "is a coalition profile" in result.stderr
