"""The roster, as data: coverage of the ten groups, each formalization check, roles and gaps."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from coalition_cli.core.loading.assessments import load_assessment
from coalition_cli.core.loading.frameworks import load_guide
from coalition_cli.core.model.base import validated
from coalition_cli.core.model.guide import Guide
from coalition_cli.core.model.profile import CoalitionProfile
from coalition_cli.core.reports.roster.build import build_roster, roster_report
from coalition_cli.core.reports.roster.document import gap_text, role_text
from coalition_cli.core.reports.roster.report import RosterReport
from coalition_cli.core.reports.roster.results import FormalizationCheck
from tests.support.paths import FIXTURES

SHARED = FIXTURES / "roster" / "shared"
DISTRICT = {"organization": "District", "stakeholder_group": "k12-education"}


@pytest.fixture(scope="module")
def guide() -> Guide:
    return load_guide()


def _member(organization: str, group: str = "civic", **fields: Any) -> dict[str, Any]:
    return {"organization": organization, "stakeholder_group": group, **fields}


def _report(guide: Guide, members: list[dict[str, Any]] | None = None, **fields: Any) -> RosterReport:
    profile = validated(CoalitionProfile, {"members": members or [DISTRICT], **fields})
    return build_roster(profile, guide)


def _check(report: RosterReport, element: str) -> FormalizationCheck:
    return next(check for check in report.formalization if check.id == element)


def _cautions(report: RosterReport) -> list[str]:
    return [caution.code for caution in report.cautions]


def _outcome(report: RosterReport, element: str) -> tuple[str, list[str]]:
    """An element's status, and the codes of the cautions the report raised."""
    return _check(report, element).status, _cautions(report)


# ------------------------------------------------------------------------------------------ coverage


def test_coverage_lists_the_ten_groups_in_the_guides_order(guide: Guide) -> None:
    report = _report(guide, [DISTRICT, _member("City Hall"), _member("Mayor's Office")])
    assert [group.id for group in report.coverage] == [group.id for group in guide.stakeholder_groups]
    assert len(report.coverage) == 10
    civic = next(group for group in report.coverage if group.id == "civic")
    assert civic.members == ("City Hall", "Mayor's Office")
    assert [group.id for group in report.missing_groups] == [
        "postsecondary",
        "corporations",
        "business-organizations",
        "labor-unions",
        "community-based-organizations",
        "faith-based-organizations",
        "parent-student-advocacy",
        "workforce-economic-development",
    ]


def test_a_missing_group_says_why_it_matters_and_what_it_could_do(guide: Guide) -> None:
    labor = next(group for group in _report(guide).missing_groups if group.id == "labor-unions")
    assert "pre-apprenticeship" in labor.why_it_matters
    assert labor.sample_roles[0].text == "Advocate for pathways among membership;"
    assert {role.partner_kind for role in labor.sample_roles} == {"labor-unions"}
    assert all(role.gaps == () for role in labor.sample_roles)  # no assessment, no gaps


def test_a_group_with_two_partner_kinds_offers_the_roles_of_both(guide: Guide) -> None:
    report = _report(guide, [DISTRICT])
    parents = next(group for group in report.coverage if group.id == "parent-student-advocacy")
    assert {role.partner_kind for role in parents.sample_roles} == {"parent-groups", "student-groups"}


# ---------------------------------------------------------------------------------- formalization


@pytest.mark.parametrize(
    ("fields", "status", "said"),
    [
        ({"charter": "yes", "membership_definition": True}, "met", "The charter is in place"),
        ({"charter": "draft", "membership_definition": "yes"}, "not-met", "The charter is still a draft"),
        (
            {"charter": "yes", "membership_definition": "no"},
            "not-met",
            "there is no written definition of membership",
        ),
        (
            {"charter": "yes"},
            "unknown",
            "it is not recorded whether there is a written definition of membership",
        ),
        ({}, "unknown", "It is not recorded whether there is a charter"),
    ],
)
def test_clear_definition(guide: Guide, fields: dict[str, Any], status: str, said: str) -> None:
    check = _check(_report(guide, **fields), "clear-definition")
    assert (check.status, said in check.reason) == (status, True), check.reason
    assert "`" not in check.reason  # the reason is for any reader: how to record it is said apart
    recorded = {"charter": "`charter: yes`", "membership_definition": "`membership_definition: yes`"}
    assert [how.split(",")[0] for how in check.to_record] == [
        recorded[key] for key in ("charter", "membership_definition") if key not in fields
    ]


def _superintendent(role: str, title: str = "Superintendent") -> dict[str, Any]:
    return {**DISTRICT, "role": role, "representatives": [{"name": "Ana Ortiz", "title": title}]}


@pytest.mark.parametrize(
    ("members", "status", "cautions"),
    [
        # nobody leads
        ([DISTRICT], "not-met", []),
        # the Superintendent as sole chair: the Guide's explicit rule
        ([_superintendent("chair")], "not-met", ["superintendent-sole-chair"]),
        ([_superintendent("co-chair")], "not-met", ["superintendent-sole-chair"]),
        ([_superintendent("chair", "superintendent of schools")], "not-met", ["superintendent-sole-chair"]),
        # shared leadership, or a sole chair who is not the Superintendent
        ([_superintendent("co-chair"), _member("Chamber", role="co-chair")], "met", []),
        ([_superintendent("chair"), _member("Chamber", role="chair")], "met", []),
        ([_superintendent("chair", "Assistant Superintendent")], "met", []),
        ([DISTRICT, _member("Chamber", role="chair")], "met", []),
    ],
)
def test_designated_leaders(
    guide: Guide, members: list[dict[str, Any]], status: str, cautions: list[str]
) -> None:
    assert _outcome(_report(guide, members), "designated-leaders") == (status, cautions)


def test_the_sole_chair_caution_quotes_the_guide(guide: Guide) -> None:
    report = _report(guide, [_superintendent("chair")])
    message = report.cautions[0].message
    assert "It is not recommended that the Superintendent serve as a sole chair." in message
    assert "Ana Ortiz" in message
    assert report.cautions[0].element == "designated-leaders"


STRUCTURED = [
    _member("A", role="chair"),
    _member("B", role="executive-committee"),
]


@pytest.mark.parametrize(
    ("members", "fields", "status"),
    [
        (STRUCTURED, {"committees": [{"name": "Data"}], "reporting": ["Monthly report"]}, "met"),
        # working-group members count as committees even when none is named
        ([*STRUCTURED, _member("C", role="working-group")], {"reporting": ["Monthly report"]}, "met"),
        # one member is not a committee
        (STRUCTURED[:1], {"committees": [{"name": "Data"}], "reporting": ["Monthly report"]}, "not-met"),
        (STRUCTURED, {"committees": [], "reporting": ["Monthly report"]}, "not-met"),
        (STRUCTURED, {"committees": [{"name": "Data"}], "reporting": []}, "not-met"),
        # not recorded
        (STRUCTURED, {"committees": [{"name": "Data"}]}, "unknown"),
        (STRUCTURED, {"reporting": ["Monthly report"]}, "unknown"),
    ],
)
def test_formal_structure(
    guide: Guide, members: list[dict[str, Any]], fields: dict[str, Any], status: str
) -> None:
    assert _check(_report(guide, members, **fields), "formal-structure").status == status


@pytest.mark.parametrize(
    ("meetings", "status", "cautions"),
    [
        ({"coalition": "quarterly", "executive_committee": "monthly"}, "met", []),
        ({"coalition": "semi-annually"}, "met", []),
        ({"coalition": "monthly"}, "met", []),
        ({"coalition": "annually"}, "not-met", ["meets-too-rarely"]),
        ({"coalition": "irregular"}, "not-met", ["meets-too-rarely"]),
        ({"executive_committee": "monthly"}, "unknown", []),
    ],
)
def test_regular_meetings(guide: Guide, meetings: dict[str, str], status: str, cautions: list[str]) -> None:
    assert _outcome(_report(guide, meetings=meetings), "regular-meetings") == (status, cautions)


def test_an_executive_committee_meeting_less_often_than_the_coalition_is_noted(guide: Guide) -> None:
    check = _check(
        _report(guide, meetings={"coalition": "monthly", "executive_committee": "quarterly"}),
        "regular-meetings",
    )
    assert check.status == "met"
    assert "executive committee would likely meet more often" in check.reason


def _committed(*commitments: str | None, chair: int | None = None) -> list[dict[str, Any]]:
    return [
        _member(f"Org {i}", commitment=c, role="chair" if i == chair else "member")
        for i, c in enumerate(commitments)
    ]


@pytest.mark.parametrize(
    ("members", "status", "cautions"),
    [
        (_committed("organizational", "organizational"), "met", []),
        (_committed(None, None), "unknown", []),
        (_committed("organizational", None), "unknown", []),
        # a minority of individuals: not met, but the coalition does not depend on them
        (_committed("organizational", "organizational", "individual"), "not-met", []),
        # half or more, or a chair on personal commitment: the Guide's risk
        (_committed("organizational", "individual"), "not-met", ["depends-on-individuals"]),
        (
            _committed("organizational", "organizational", "individual", chair=2),
            "not-met",
            ["depends-on-individuals"],
        ),
    ],
)
def test_organizational_commitment(
    guide: Guide, members: list[dict[str, Any]], status: str, cautions: list[str]
) -> None:
    assert _outcome(_report(guide, members), "organizational-commitment") == (status, cautions)


def test_the_individuals_are_named(guide: Guide) -> None:
    check = _check(
        _report(guide, _committed("organizational", "organizational", "individual")),
        "organizational-commitment",
    )
    assert (
        check.reason == "1 of 3 members takes part through individuals rather than as organizations: Org 2."
    )


@pytest.mark.parametrize(
    ("value", "status"),
    [("yes", "met"), (True, "met"), ("draft", "not-met"), ("no", "not-met"), (None, "unknown")],
)
def test_master_plan(guide: Guide, value: object, status: str) -> None:
    assert _check(_report(guide, master_plan=value), "master-plan").status == status


def test_the_checks_follow_the_guides_step_6(guide: Guide) -> None:
    report = _report(guide)
    assert [check.id for check in report.formalization] == [element.id for element in guide.formalization]
    assert len(report.formalization) == 6
    assert all(check.guide_text for check in report.formalization)


# --------------------------------------------------------------------------------- roles and gaps


def test_member_roles_carry_the_gaps_they_serve(guide: Guide) -> None:
    report = roster_report(load_assessment(SHARED / "fall.yaml"), guide)
    assert report is not None
    parents = next(m for m in report.members if m.organization == "Lakeside Parents Council")
    assert {role.partner_kind for role in parents.sample_roles} == {"parent-groups"}
    awareness = parents.sample_roles[0]
    assert awareness.serves == ("C3.1",)
    [gap] = awareness.gaps
    # C3.1 is rated 2 with a target of 4 and marked a priority
    assert (gap.id, gap.stage, gap.aim, gap.priority) == ("C3.1", 2, 4, True)
    assert (
        gap_text(gap) == "C3.1 Student Success, Access and Equity: 2 Developing → 4 Transforming (priority)"
    )


def test_a_top_stage_or_unrated_indicator_is_not_a_gap(guide: Guide) -> None:
    report = roster_report(load_assessment(SHARED / "fall.yaml"), guide)
    assert report is not None
    gaps = {gap.id for member in report.members for role in member.sample_roles for gap in role.gaps}
    gaps |= {gap.id for group in report.coverage for role in group.sample_roles for gap in role.gaps}
    assert gaps == {"C1.1", "C3.1"}  # C6.2 is at stage 4; nothing else is rated


def test_a_profile_shared_by_two_terms(guide: Guide) -> None:
    fall = roster_report(load_assessment(SHARED / "fall.yaml"), guide)
    spring = roster_report(load_assessment(SHARED / "spring.yaml"), guide)
    assert fall is not None and spring is not None
    # the same coalition, read from one coalition.yaml
    assert fall.profile_file == spring.profile_file == str(SHARED / "coalition.yaml")
    assert [(g.id, g.members) for g in fall.coverage] == [(g.id, g.members) for g in spring.coverage]
    assert [(c.id, c.status) for c in fall.formalization] == [(c.id, c.status) for c in spring.formalization]
    assert (
        _cautions(fall)
        == _cautions(spring)
        == [
            "superintendent-sole-chair",
            "meets-too-rarely",
            "depends-on-individuals",
        ]
    )

    # but each term's own gaps: C6.2 fell from 4 to 2 by spring
    def gaps(report: RosterReport) -> set[str]:
        return {gap.id for m in report.members for role in m.sample_roles for gap in role.gaps}

    assert "C6.2" not in gaps(fall)
    assert "C6.2" in gaps(spring)
    assert (fall.assessed_on, spring.assessed_on) == ("2025-10-01", "2026-04-01")


def test_an_assessment_without_a_profile_has_no_roster(guide: Guide, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        "framework: community-framework\ncoalition: X\nassessed_on: 2026-01-01\n", encoding="utf-8"
    )
    assert roster_report(load_assessment(path), guide) is None


def test_role_text_drops_list_punctuation_and_joins_the_lead_in(guide: Guide) -> None:
    report = _report(guide, [_member("College", "postsecondary")])
    [college] = report.members
    first = college.sample_roles[0]
    assert (
        first.text
        == "Offers pathway students access to dual enrollment opportunities accompanied by support services;"
    )
    assert role_text(first) == (
        "Develop partnerships with school district that, as appropriate and available, offers pathway students "
        "access to dual enrollment opportunities accompanied by support services"
    )
    assert role_text(first, with_lead_in=False).startswith("Offers pathway students")
    assert role_text(first, with_kind=True).startswith(
        "Colleges, Universities, and Apprenticeship Programs: "
    )


def test_the_json_data_is_plain_data(guide: Guide) -> None:
    data = _report(guide, [_superintendent("chair")]).data()
    assert data["coverage"][0]["represented"] is True
    assert data["coverage"][1]["represented"] is False
    assert data["formalization"][1] == {
        "id": "designated-leaders",
        "name": "Designated Leaders",
        "status": "not-met",
        "reason": "The Superintendent is the sole chair (District), which the Guide does not recommend.",
        "guide_text": guide.formalization[1].text,
        "to_record": (),
    }
    assert json.loads(json.dumps(data))["members"][0]["representatives"] == ["Ana Ortiz (Superintendent)"]


# --------------------------------------------------- the superintendent, by sector and title


@pytest.mark.parametrize(
    ("group", "title", "caution"),
    [
        ("k12-education", "Superintendent", True),
        ("k12-education", "Interim Superintendent", True),
        ("k12-education", "Acting Superintendent of Schools", True),
        ("k12-education", "County Superintendent of Schools", True),
        ("k12-education", "Assistant Superintendent, Educational Services", False),
        ("k12-education", "Deputy Superintendent", False),
        ("k12-education", "Director, College and Career Pathways", False),
        ("postsecondary", "Superintendent/President", False),  # a community college's chief executive
        ("civic", "Superintendent of Parks", False),
    ],
)
def test_the_sole_chair_caution_is_the_districts_superintendent(
    guide: Guide, group: str, title: str, caution: bool
) -> None:
    member = _member("Lead", group, role="chair", representatives=[{"name": "Ana Ortiz", "title": title}])
    assert ("superintendent-sole-chair" in _cautions(_report(guide, [member]))) == caution


# --------------------------------------------------- the executive committee's chief executives


def _seat(organization: str, *titles: str | None, role: str = "executive-committee") -> dict[str, Any]:
    people = [{"name": f"Person {n}", **({"title": t} if t else {})} for n, t in enumerate(titles)]
    return _member(organization, role=role, representatives=people)


@pytest.mark.parametrize(
    ("members", "status", "verdicts"),
    [
        (
            [_seat("A", "President and CEO", role="chair"), _seat("B", "Executive Director")],
            "met",
            ["chief-executive"] * 2,
        ),
        (
            [_seat("A", "Vice President, Workforce"), _seat("B", "Interim Superintendent")],
            "suggestion",
            ["other-titles", "chief-executive"],
        ),
        ([_seat("A", "Mayor"), _seat("B", None)], "unknown", ["chief-executive", "no-titles"]),
        ([_seat("A", "Dean"), _seat("B")], "suggestion", ["other-titles", "no-titles"]),
        ([_seat("A", "Program Manager", "President")], "met", ["chief-executive"]),  # one of them is enough
    ],
)
def test_the_executive_committee_against_step_6(
    guide: Guide, members: list[dict[str, Any]], status: str, verdicts: list[str]
) -> None:
    committee = _report(guide, members).executive_committee
    assert committee is not None
    assert committee.status == status and [seat.verdict for seat in committee.seats] == verdicts
    assert "made up of the chief executives from key stakeholders" in committee.guide_words
    if status == "suggestion":
        assert "consider asking the head of each to take the seat" in committee.reason


def test_no_executive_committee_is_for_formal_structure_to_say(guide: Guide) -> None:
    assert _report(guide, [DISTRICT]).executive_committee is None


# --------------------------------------------------- one person, open actions


def test_a_member_resting_on_one_person_who_owns_open_actions(guide: Guide) -> None:
    from coalition_cli.core.reports.actions.register import ActionRecord

    profile = validated(
        CoalitionProfile,
        {
            "members": [
                _member("WDB", representatives=[{"name": "Marcus Lee", "title": "Manager"}]),
                _member("College", representatives=["Ana", "Bo"]),
                _member("City", representatives=["Rachel Kim"]),
                _member("Chamber", representatives=["Jan"]),
            ]
        },
    )
    actions = [
        ActionRecord("C1.3", "Hire the coordinator", "Marcus Lee (WDB)", None, "in-progress"),
        ActionRecord("C6.2", "Survey", "marcus lee", None, None),
        ActionRecord("C6.3", "Old", "Marcus Lee", None, "done"),
        ActionRecord("C2.1", "Brief", "Ana", None, None),  # two representatives: not resting on one
        ActionRecord("C7.1", "Press", "City", None, "planned"),  # the member itself
    ]
    report = build_roster(profile, guide, actions=actions)
    found = {item.organization: item for item in report.sole_representatives}
    assert set(found) == {"WDB", "City"}
    assert found["WDB"].open_actions == ("Hire the coordinator (C1.3)", "Survey (C6.2)")
    assert "WDB has one named representative, Marcus Lee, who owns 2 open actions" in found["WDB"].message
    assert (
        "cannot depend solely on the involvement and commitment of a limited number of individuals"
        in found["WDB"].message
    )


def test_the_riverside_roster_rests_on_marcus_lee(guide: Guide) -> None:
    from tests.support.paths import EXAMPLES

    report = roster_report(load_assessment(EXAMPLES / "riverside" / "2026-03-spring.yaml"), guide)
    assert report is not None
    wdb = next(item for item in report.sole_representatives if item.representative == "Marcus Lee")
    assert len(wdb.open_actions) == 3
    assert report.executive_committee is not None and report.executive_committee.status == "suggestion"


def test_the_questions_to_discuss_are_the_guides(guide: Guide) -> None:
    discuss = _report(guide).to_discuss
    assert discuss is not None
    assert [q.name for q in discuss.getting_started] == ["Lead agency", "Existing structure"]
    assert discuss.getting_started[0].question.startswith(
        "Is there an influential and respected organization"
    )
    assert [c.name for c in discuss.commitments] == [
        "Common vision",
        "Commitment",
        "Responsibility",
        "Accountability",
    ]
    data = _report(guide).data()
    assert data["to_discuss"]["commitments"][3]["text"].startswith("for results—students graduating")
