"""The plan's context: plain data only, priorities with their reasons, targets, deltas and partners."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from markupsafe import Markup

from coalition_cli.core.frozen import field_names
from coalition_cli.core.loading.assessments import load_assessment
from coalition_cli.core.loading.frameworks import load_framework, load_guide
from coalition_cli.core.plan import build as planning
from coalition_cli.core.plan import context as plan_context
from coalition_cli.core.plan.build import build_plan
from coalition_cli.core.plan.charts import contrast, stage_palette
from coalition_cli.core.plan.context import IndicatorPlan, PlanContext
from coalition_cli.core.reports.comparison import build_comparison
from tests.support.paths import ROOT
from tests.support.plan import FALL, SPRING

PLAIN = (str, int, float, bool, type(None))


def _context(since: bool = True, focus: int = 5) -> PlanContext:
    current = load_assessment(ROOT / SPRING)
    comparison = build_comparison([load_assessment(ROOT / FALL), current]) if since else None
    return build_plan(current, load_guide(), since=comparison, focus=focus)


def _walk(value: object, where: str = "context") -> list[str]:
    """Every place in the context holding something other than plain data or our own records."""
    if isinstance(value, (Markup, *PLAIN)):
        return []
    if _record(type(value)):
        return [
            bad for name in field_names(type(value)) for bad in _walk(getattr(value, name), f"{where}.{name}")
        ]
    if type(value) is tuple:
        return [bad for i, item in enumerate(value) for bad in _walk(item, f"{where}[{i}]")]
    return [f"{where}: {type(value).__module__}.{type(value).__name__}"]


def _record(kind: type) -> bool:
    """A record of the plan's context: a frozen dataclass of its module."""
    return dataclasses.is_dataclass(kind) and kind.__module__ == plan_context.__name__


def test_the_context_is_plain_data_all_the_way_down() -> None:
    assert _walk(_context()) == []


def test_every_context_class_is_documented_for_template_authors() -> None:
    readme = (ROOT / "templates" / "README.md").read_text(encoding="utf-8")
    classes = [obj for obj in vars(plan_context).values() if isinstance(obj, type) and _record(obj)]
    assert len(classes) > 10
    for cls in classes:
        assert cls.__doc__, f"{cls.__name__} has no docstring"
        if cls is not PlanContext:
            assert f"`{cls.__name__}`" in readme, f"{cls.__name__} is not in templates/README.md"
    for name in field_names(PlanContext):
        assert f"`{name}`" in readme, f"PlanContext.{name} is not in templates/README.md"


def test_team_priorities_come_first_then_the_lowest_stages_of_the_lowest_domains() -> None:
    context = _context()
    chosen = [(p.id, p.team_marked) for p in context.priorities]
    assert chosen == [("C1.2", True), ("C4.1", True), ("C4.2", False), ("C7.1", False), ("C6.1", False)]
    reasons = {p.id: p.reason for p in context.priorities}
    assert reasons["C1.2"] == "The team marked it as a priority; it is rated Emerging (stage 1 of 4)."
    assert [p.suggested for p in context.priorities] == [False, False, True, True, True]
    assert [d.id for d in context.priority_details] == ["C1.2", "C4.1", "C4.2", "C7.1", "C6.1"]
    assert reasons["C4.2"] == (
        "Rated Emerging (stage 1 of 4), the lowest stage still to improve; its domain, Data and Metrics, "
        "scores 1.33, the lowest of the 7 domains."
    )
    assert "scores 2.00, tied for 4th lowest of the 7 domains" in reasons["C6.1"]
    ranks = {g.id: g.priority_rank for g in context.glance if g.priority_rank}
    assert ranks == {"C1.2": 1, "C4.1": 2, "C4.2": 3, "C7.1": 4, "C6.1": 5}


def test_focus_zero_lists_no_priorities_but_names_the_team_ones() -> None:
    context = _context(focus=0)
    assert context.priorities == ()
    assert [n.id for n in context.priorities_not_shown] == ["C1.2", "C4.1"]


def _indicator(context: PlanContext, indicator_id: str) -> IndicatorPlan:
    return next(i for i in _detailed(context) if i.id == indicator_id)


def _detailed(context: PlanContext) -> list[IndicatorPlan]:
    """Every indicator the plan details: the priorities, then the others domain by domain."""
    return [*context.priority_details, *(i for d in context.domains for i in d.indicators)]


def test_the_target_is_the_teams_when_set_else_the_next_stage() -> None:
    framework = load_framework()
    context = _context()
    team = _indicator(context, "C1.1")
    assert (team.stage, team.target, team.target_source) == (2, 3, "team")
    assert team.target_descriptor == framework.indicator("C1.1").descriptor(3)
    assert team.descriptor == framework.indicator("C1.1").descriptor(2)
    following = _indicator(context, "C1.2")
    assert (following.stage, following.target, following.target_source) == (1, 2, "next")


def test_a_reached_team_target_falls_back_to_the_next_stage(tmp_path: Path) -> None:
    text = (ROOT / SPRING).read_text(encoding="utf-8").replace("    target: 3\n", "    target: 2\n", 1)
    path = tmp_path / "reached.yaml"
    path.write_text(text, encoding="utf-8")
    context = build_plan(load_assessment(path), load_guide())
    reached = _indicator(context, "C1.1")
    assert (reached.target, reached.target_source, reached.team_target_reached) == (3, "next", True)


def test_only_rated_indicators_below_the_top_stage_get_a_section() -> None:
    context = _context()
    planned = [i.id for i in _detailed(context)]
    assert "C5.2" not in planned  # Transforming
    assert "C3.3" not in planned  # not rated
    assert len(planned) == len(set(planned)) == 18, "each once: a priority is not repeated in its domain"
    c5 = next(d for d in context.domains if d.id == "C5")
    assert [n.id for n in c5.at_top] == ["C5.2"] and [n.id for n in c5.unrated] == ["C5.3"]
    c4 = next(d for d in context.domains if d.id == "C4")
    assert [n.id for n in c4.priorities] == ["C4.1", "C4.2"] and [i.id for i in c4.indicators] == ["C4.3"]


def test_changes_since_the_earlier_assessment() -> None:
    standing = _context().standing
    assert standing.since is not None and standing.since.label == "Fall 2025"
    assert (standing.score_text, standing.previous_score_text, standing.change_text) == (
        "1.98",
        "1.50",
        "+0.48",
    )
    # C1.3 went up and C6.1 did not: one practice in the rubric, it stays at its lower stage (unchanged)
    assert [c.id for c in standing.advanced] == ["C1.1", "C2.1", "C2.2", "C3.2", "C4.3", "C5.2", "C6.2"]
    assert [c.id for c in standing.newly_rated] == ["C7.2"]
    assert standing.headline == (
        "7 indicators advanced, 0 declined, 10 unchanged, 1 rated for the first time (C7.2 Shared Messaging). "
        "C1.3 Work-based Learning Leadership and C6.1 WBL Leadership count as one."
    )
    assert standing.place == "between Emerging and Developing"
    assert standing.reached_text == "14 of 19 rated indicators at Developing or above"
    c4 = next(d for d in standing.domains if d.id == "C4")
    assert (c4.score_text, c4.previous_score_text, c4.change_text) == ("1.33", "1.00", "+0.33")
    without = _context(since=False).standing
    assert (without.since, without.change_text, without.headline) == (None, "", "")


def test_partners_at_the_table_come_first_with_the_guides_responsibilities() -> None:
    partners = _indicator(_context(), "C2.2").suggested_partners
    assert [p.id for p in partners[:2]] == ["colleges-universities-apprenticeships", "parent-groups"]
    assert partners[0].at_the_table == ("Grace Kim, Lakeside Community College",)
    assert (
        partners[0].lead_in == "Develop partnerships with school district that, as appropriate and available"
    )
    assert partners[0].responsibilities == ("Shares facilities and equipment",)
    business = next(p for p in partners if p.id == "business-industry")
    assert business.at_the_table == () and business.stakeholder_groups == ("Corporations",)
    assert _indicator(_context(), "C4.1").suggested_functions == ("Share accountability",)


def test_participants_are_grouped_by_the_guides_stakeholder_groups() -> None:
    header = _context().header
    groups = [(g.name, [p.name for p in g.people]) for g in header.participant_groups]
    assert groups[0] == ("K–12 education", ["Priya Raman", "Luis Ortega"])
    assert groups[-1] == ("Stakeholder group not recorded", ["Sam Whitaker"])
    assert (header.groups_at_table, header.groups_total) == (4, 10)
    assert "Labor unions" in header.groups_missing


def test_only_web_and_mail_links_become_hrefs() -> None:
    context = build_plan(load_assessment(ROOT / "tests/fixtures/plan/hostile.yaml"), load_guide())
    links = _indicator(context, "C1.1").links
    assert [(link.text, link.href) for link in links] == [
        ("javascript:alert(1)", None),
        ("https://example.org/\x1b[31m", None),  # an escape in it: not a web address (the template drops it)
        ("https://example.org/\u202efdp.exe", None),  # a bidi override: shown as "exe.pdf", never linked
        ("https://example.org/ok?a=1&b=<2>", None),
    ]
    spring = _indicator(_context(), "C4.1").links
    assert spring[0].href == "https://example.org/lakeside/data-inventory"


@pytest.mark.parametrize("reference", ["community-framework", "tests/fixtures/frameworks/tiny-rubric.yaml"])
def test_every_stage_colour_has_readable_text(reference: str) -> None:
    stages = stage_palette(load_framework(reference, relative_to=ROOT))
    for stage in stages:
        assert contrast(stage.fill, stage.text) >= 4.5, stage
    fills = [stage.fill for stage in stages]
    assert len(set(fills)) == len(fills)


def test_dates_read_the_same_in_every_locale() -> None:
    import datetime as dt

    assert planning.long_date(dt.date(2026, 3, 4)) == "4 March 2026"


def test_partners_follow_the_profiles_partner_kinds(examples: Path) -> None:
    """The Workforce Board is a workforce board, not an economic development agency, though both kinds
    belong to one stakeholder group; a member that did not take part is named as a member."""
    from coalition_cli.core.loading.assessments import load_assessment
    from coalition_cli.core.loading.frameworks import load_guide
    from coalition_cli.core.plan.build import build_plan

    plan = build_plan(load_assessment(examples / "riverside" / "2026-03-spring.yaml"), load_guide())
    roles = {(p.id, i.id): p for i in _detailed(plan) for p in i.suggested_partners}
    agencies = next(p for (kind, _), p in roles.items() if kind == "economic-development-agencies")
    boards = next(p for (kind, _), p in roles.items() if kind == "workforce-boards")
    assert agencies.at_the_table == ()
    assert agencies.members == ("Riverside Economic Development Agency",)
    assert any("Marcus Lee" in person for person in boards.at_the_table)


def test_the_guides_partner_tags_are_not_applied_to_another_rubric_with_look_alike_ids(
    tmp_path: Path,
) -> None:
    from coalition_cli.core.loading.assessments import load_assessment
    from coalition_cli.core.loading.frameworks import load_guide
    from coalition_cli.core.plan.build import build_plan

    rubric = tmp_path / "other.yaml"
    rubric.write_text(
        "id: other\ntitle: Other\nstages:\n  - {number: 1, name: Low}\n  - {number: 2, name: High}\n"
        "domains:\n  - id: C1\n    name: One\n    indicators:\n"
        "      - {id: C1.1, name: Lookalike, descriptors: {1: a, 2: b}}\n"
    )
    assessment = tmp_path / "a.yaml"
    assessment.write_text(
        "framework: other.yaml\ncoalition: X\nassessed_on: 2026-01-01\nratings:\n  C1.1:\n    stage: 1\n"
    )
    plan = build_plan(load_assessment(assessment), load_guide())
    (indicator,) = plan.priority_details
    assert plan.guide_tags_apply is False
    assert indicator.suggested_partners == () and indicator.suggested_functions == ()


def test_riverside_counts_the_linked_pair_once_and_follows_up_last_terms_targets(examples: Path) -> None:
    from coalition_cli.core.reports.comparison import since_comparison

    spring = load_assessment(examples / "riverside" / "2026-03-spring.yaml")
    fall = load_assessment(examples / "riverside" / "2025-09-fall.yaml")
    standing = build_plan(spring, load_guide(), since=since_comparison(fall, spring)).standing
    linked = next(c for c in standing.advanced if c.id == "C1.3")
    assert linked.counted_with == ("C6.1",) and len(standing.advanced) == 5
    assert standing.since is not None and standing.since.targets is not None
    targets = standing.since.targets
    assert (targets.total, targets.reached, targets.not_yet, targets.further_away) == (9, 5, 3, 1)
    assert [t.id for t in targets.missed] == ["C6.2", "C1.2", "C2.1", "C7.2"], "further away first"
    assert standing.place == "between Emerging and Developing"
    assert standing.reached_text == "14 of 22 indicators at Developing or above"


def test_each_priority_has_its_next_action_the_open_one_due_first(examples: Path) -> None:
    plan = build_plan(load_assessment(examples / "riverside" / "2026-03-spring.yaml"), load_guide())
    first = plan.priorities[0]
    assert (first.id, first.team_marked, first.aim_name) == ("C6.2", True, "Developing")
    assert first.next_action is not None and first.open_actions == 3
    assert (first.next_action.due, first.next_action.owner) == (
        "2026-04-15",
        "Angela Ruiz (Riverside Regional Medical Center)",
    )
    c41 = plan.priorities[1]
    assert (
        c41.next_action is not None
        and c41.next_action.action == "Publish baseline values for all nine indicators"
    )
    assert all(p.next_action is None and p.suggested for p in plan.priorities[2:])
    needs = [need.text for need in plan.needs]
    assert (
        needs[0] == "Whether to take on priorities 3, 4 and 5, which this tool suggests, and who leads each."
    )
    assert (
        "Who drafts a master plan, and by when (the Guide’s Step 6). There is no coalition master plan yet."
    ) in needs


def test_the_glossary_holds_the_terms_the_plan_uses(examples: Path) -> None:
    spring = load_assessment(examples / "riverside" / "2026-03-spring.yaml")
    full = build_plan(spring, load_guide())
    brief = build_plan(spring, load_guide(), brief=True)
    terms = [entry.term for entry in full.glossary]
    assert "Work-based Learning" in terms and "Teacher Externship" in terms  # "teacher externships"
    assert "Wall-to-Wall" not in terms
    glossary = {entry.term: entry.definition for entry in load_framework().glossary}
    assert all(entry.definition == glossary[entry.term] for entry in full.glossary), "word for word"
    assert {entry.term for entry in brief.glossary} <= set(terms)


def test_an_action_without_a_status_reads_open_in_its_indicator_and_in_the_register() -> None:
    plan = _context()
    by_indicator = {
        (indicator.id, action.action): action.status_text
        for indicator in (*plan.priority_details, *(i for domain in plan.domains for i in domain.indicators))
        for action in indicator.actions
    }
    in_register = {(action.indicator, action.action): action.status_text for action in plan.register.open}
    unmarked = ("C1.2", "Launch a dual-credit working group with monthly agendas")  # no `status:` in the file
    assert by_indicator[unmarked] == in_register[unmarked] == "open"
    assert by_indicator.items() >= in_register.items()  # every open action: the same word in both tables
