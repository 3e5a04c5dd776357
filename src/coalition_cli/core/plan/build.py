"""Building the action plan: `build_plan` turns assessments into the context every plan template renders.

`build_plan` turns a loaded assessment (and, with `--since`, an older one) into a `PlanContext`, the
plain data of `plan_context` (which documents every field). Numbers come from `scoring.score`, the one
scoring implementation; every number a template shows also comes pre-formatted (the `score_text`
and `change_text` fields, from `score_figure` and `signed`) so Markdown and HTML agree. Priorities come with the reason each was chosen, indicators
below the top stage with their target and the partners who could lead (from the Guide).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shlex
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from coalition_cli import __version__
from coalition_cli.core.plan import charts
from coalition_cli.core.plan.context import (
    Charts,
    DomainPlan,
    DomainStanding,
    Glance,
    Header,
    IndicatorChange,
    IndicatorPlan,
    Link,
    Named,
    ParticipantGroup,
    PartnerRole,
    Person,
    PlanAction,
    PlanContext,
    Priority,
    RoomVotes,
    Since,
    Source,
    Standing,
    Unrated,
)
from coalition_cli.core.reports.comparison import Comparison, change, change_number, direction, headline
from coalition_cli.core.reports.document import bar, signed
from coalition_cli.core.reports.roster.build import roster_report, tags_for_another_rubric
from coalition_cli.core.scoring import DomainScore, IndicatorScore, Scorecard, score, shown
from coalition_cli.core.wording import plural

if TYPE_CHECKING:
    from coalition_cli.core.loading.assessments import LoadedAssessment
    from coalition_cli.core.model.assessment import Action, Participant, Rating
    from coalition_cli.core.model.framework import Framework
    from coalition_cli.core.model.guide import Guide, PartnerKind

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_SAFE_URL = re.compile(r"^(https?://|mailto:)[^\s<>\"'`]+$", re.IGNORECASE)
_LIST_JOINT = re.compile(r"(\s*;\s*(and|or)?|\s+and|[.;,])\s*$")


def build_plan(
    current: LoadedAssessment,
    guide: Guide,
    *,
    since: Comparison | None = None,
    focus: int = 5,
    file_argument: str | None = None,
    brief: bool = False,
) -> PlanContext:
    """The plan for `current`.

    `since` is `comparison.build_comparison([older, current])` for `--since`: the change is from its first
    assessment to `current`. `file_argument` is how the user named the file (for commands to rerun).
    `brief` keeps only the priorities in the domain-by-domain part: a plan to read in the meeting.
    """
    fw = current.framework
    card = score(fw, current.stages, current.targets)
    before = since.first.card if since is not None else None
    changes = _changes(card, before) if before is not None else {}
    stages = charts.stage_palette(fw)
    standing = _standing(card, since, changes, fw.top_stage)
    priorities, not_shown = _priorities(current, card, focus, changes, standing.since)
    ranks = {p.id: p.rank for p in priorities}
    file_text = file_argument if file_argument is not None else str(current.path)
    domains = _with_room_votes(
        current,
        tuple(
            _domain_plan(current, guide, domain_score, standing_row, ranks, changes)
            for domain_score, standing_row in zip(card.domains, standing.domains, strict=True)
        ),
    )
    glance = tuple(
        Glance(
            id=i.id,
            name=i.name,
            domain_id=d.id,
            domain_name=d.name,
            stage=i.stage,
            stage_name=i.stage_name,
            target=i.target,
            target_name=fw.stage_name(i.target) if i.target is not None else None,
            change=changes.get(i.id),
            priority_rank=ranks.get(i.id),
            anchor=_anchor(i.id) if i.is_gap(fw.top_stage) and (not brief or i.id in ranks) else None,
        )
        for d in card.domains
        for i in d.indicators
    )
    unrated = tuple(
        Unrated(
            id=i.id,
            name=i.name,
            domain_id=d.id,
            domain_name=d.name,
            command=f"coalition assess {_quote(file_text)} --indicator {_quote(i.id)}",
        )
        for d in card.domains
        for i in d.indicators
        if i.stage is None
    )
    context_charts = Charts(
        domain_bars=charts.domain_bars(standing, stages),
        stage_heatmap=charts.stage_heatmap(glance, domains, stages),
    )
    return PlanContext(
        header=_header(current, guide),
        stages=stages,
        standing=standing,
        focus=focus,
        priorities=priorities,
        priorities_not_shown=not_shown,
        domains=_only_priorities(domains, ranks) if brief else domains,
        brief=brief,
        glance=glance,
        unrated=unrated,
        rate_all_command=f"coalition assess {_quote(file_text)}",
        guide_tags_apply=guide.tags_apply_to(fw.id),
        guide_tags_note=_guide_tags_note(guide, fw),
        charts=context_charts,
        roster=roster_report(current, guide),
        roster_command=f"coalition roster {_quote(file_text)}",
        framework=Source(
            title=fw.title,
            publisher=fw.publisher,
            published=fw.published,
            attribution=fw.attribution,
            url=_source_url(fw.source),
        ),
        guide=Source(
            title=guide.title,
            publisher=guide.publisher,
            published=guide.published,
            attribution=guide.attribution,
            url=None,
        ),
    )


def _with_room_votes(current: LoadedAssessment, domains: tuple[DomainPlan, ...]) -> tuple[DomainPlan, ...]:
    """Each indicator with what the room said of it, when a `coalition room` session rated it."""
    from coalition_cli.core.room.summary import room_said

    said = room_said(current)
    if not said:
        return domains
    return tuple(
        dataclasses.replace(
            domain,
            indicators=tuple(
                dataclasses.replace(
                    plan,
                    room=RoomVotes(
                        voted=room.voted, dont_know=room.dont_know, apart=room.apart, text=room.text
                    ),
                )
                if (room := said.get(plan.id)) is not None
                else plan
                for plan in domain.indicators
            ),
        )
        for domain in domains
    )


def _only_priorities(domains: tuple[DomainPlan, ...], ranks: dict[str, int]) -> tuple[DomainPlan, ...]:
    """The domains that hold a priority, each with only its priorities (the at-a-glance table and
    the charts still show every indicator)."""
    kept = []
    for domain in domains:
        chosen = tuple(indicator for indicator in domain.indicators if indicator.id in ranks)
        if chosen:
            kept.append(dataclasses.replace(domain, indicators=chosen, at_top=(), unrated=()))
    return tuple(kept)


def _guide_tags_note(guide: Guide, fw: Framework) -> str:
    """Said once per plan, not under every indicator: why no partner is suggested for this rubric."""
    if guide.tags_apply_to(fw.id):
        return ""
    return f"{tags_for_another_rubric(guide, 'this rubric')}, so this plan does not suggest which partners could lead each indicator."


def written_summary(context: PlanContext) -> str:
    """What a written plan holds, for the line `coalition plan -o` prints: "1 priority, 3 indicators with next steps, …"."""
    next_steps = sum(len(domain.indicators) for domain in context.domains)
    return (
        f"{plural(len(context.priorities), 'priority', 'priorities')}, "
        f"{plural(next_steps, 'indicator')} with next steps, {len(context.unrated)} not yet rated"
    )


def long_date(day: dt.date) -> str:
    """14 March 2026: the same in every locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def score_figure(exact: Fraction | None) -> str:
    """The number alone, `2.50`, as every command shows it (`scoring.shown`), or "—" when there is none.

    (`reports.document.score_with_stage` gives it with its stage's name, `2.50 Developing`.)"""
    return shown(exact) or "—"


def _anchor(identifier: str, prefix: str = "indicator") -> str:
    return f"{prefix}-" + (re.sub(r"[^0-9A-Za-z]+", "-", identifier).strip("-").lower() or "x")


def _quote(text: str) -> str:
    return shlex.quote(text)


def _source_url(source: str | None) -> str | None:
    if source is None:
        return None
    url = source if "://" in source else f"https://{source}"
    return url if _SAFE_URL.match(url) else None


def _person(participant: Participant) -> Person:
    short = participant.name + (f" ({participant.organization})" if participant.organization else "")
    display = short + (f", {participant.role}" if participant.role else "")
    return Person(
        name=participant.name,
        organization=participant.organization,
        role=participant.role,
        short=short,
        display=display,
    )


def _header(loaded: LoadedAssessment, guide: Guide) -> Header:
    assessment, fw = loaded.assessment, loaded.framework
    groups: list[ParticipantGroup] = []
    for group in guide.stakeholder_groups:
        people = tuple(_person(p) for p in assessment.participants if p.stakeholder_group == group.id)
        if people:
            groups.append(ParticipantGroup(id=group.id, name=group.name, people=people))
    known = {group.id for group in guide.stakeholder_groups}
    others = tuple(_person(p) for p in assessment.participants if p.stakeholder_group not in known)
    if others:
        groups.append(ParticipantGroup(id=None, name="Stakeholder group not recorded", people=others))
    present = {p.stakeholder_group for p in assessment.participants}
    return Header(
        title=f"Action plan: {assessment.coalition}",
        coalition=assessment.coalition,
        assessed_on=assessment.assessed_on.isoformat(),
        assessed_on_long=long_date(assessment.assessed_on),
        term=assessment.term,
        facilitator=assessment.facilitator,
        source_file=loaded.path.name,
        framework_id=fw.id,
        framework_title=fw.title,
        framework_publisher=fw.publisher,
        framework_published=fw.published,
        participant_count=len(assessment.participants),
        participant_groups=tuple(groups),
        groups_at_table=sum(group.id in present for group in guide.stakeholder_groups),
        groups_total=len(guide.stakeholder_groups),
        groups_missing=tuple(group.name for group in guide.stakeholder_groups if group.id not in present),
        notes=assessment.notes,
        generator=f"coalition {__version__}",
    )


def _changes(card: Scorecard, before: Scorecard) -> dict[str, IndicatorChange]:
    result: dict[str, IndicatorChange] = {}
    for now, then in zip(card.indicators, before.indicators, strict=True):
        kind = direction(then.stage, now.stage)
        if now.stage is not None and then.stage is not None:
            text = signed(now.stage - then.stage)
        else:
            text = "new" if kind == "newly rated" else ""
        result[now.id] = IndicatorChange(
            id=now.id,
            name=now.name,
            before=then.stage,
            before_name=then.stage_name,
            after=now.stage,
            after_name=now.stage_name,
            kind=kind,
            change_text=text,
        )
    return result


def _moved(then: Fraction | None, now: Fraction | None) -> tuple[float | None, str]:
    value = change_number(change(then, now))
    return value, "" if value is None else signed(value, 2)


def _standing(
    card: Scorecard,
    comparison: Comparison | None,
    changes: dict[str, IndicatorChange],
    top_stage: int,
) -> Standing:
    before = comparison.first.card if comparison is not None else None
    domains = []
    for d in card.domains:
        then = before.domain(d.id).exact if before is not None else None
        moved, moved_text = _moved(then, d.exact)
        domains.append(
            DomainStanding(
                id=d.id,
                name=d.name,
                anchor=_anchor(d.id, "domain"),
                score=d.score,
                score_text=score_figure(d.exact),
                bar=bar(d.exact, top_stage),
                stage=d.stage,
                stage_name=d.stage_name,
                rated=d.rated,
                total=d.total,
                previous_score=None if then is None else float(then),
                previous_score_text=score_figure(then) if before is not None else "",
                change=moved,
                change_text=moved_text,
            )
        )
    then_overall = before.exact if before is not None else None
    moved, moved_text = _moved(then_overall, card.exact)
    by_kind: dict[str, tuple[IndicatorChange, ...]] = {
        kind: tuple(c for c in changes.values() if c.kind == kind)
        for kind in ("advanced", "declined", "newly rated", "no longer rated")
    }
    since = None
    if comparison is not None:
        old = comparison.first
        since = Since(
            assessed_on=old.assessed_on.isoformat(),
            assessed_on_long=long_date(old.assessed_on),
            term=old.term,
            source_file=Path(old.file).name,
            label=old.term or long_date(old.assessed_on),
        )
    return Standing(
        score=card.score,
        score_text=score_figure(card.exact),
        stage=card.stage,
        stage_name=card.stage_name,
        rated=card.rated,
        total=card.total,
        rated_text=f"{card.rated} of {plural(card.total, 'indicator')} rated",
        completeness_percent=round(100 * card.completeness),
        top_stage=top_stage,
        previous_score=None if then_overall is None else float(then_overall),
        previous_score_text=score_figure(then_overall) if before is not None else "",
        change=moved,
        change_text=moved_text,
        domains=tuple(domains),
        since=since,
        headline=headline(comparison) + "." if comparison is not None else "",
        advanced=by_kind["advanced"],
        declined=by_kind["declined"],
        newly_rated=by_kind["newly rated"],
        no_longer_rated=by_kind["no longer rated"],
    )


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _priorities(
    loaded: LoadedAssessment,
    card: Scorecard,
    focus: int,
    changes: dict[str, IndicatorChange],
    since: Since | None,
) -> tuple[tuple[Priority, ...], tuple[Named, ...]]:
    """The team's own priorities (lowest stage first), then the lowest stages of the lowest-scoring domains.

    A reason also says when the indicator declined since the `--since` assessment.
    """
    fw = loaded.framework
    order = {i.id: n for n, i in enumerate(card.indicators)}
    domain_of = {i.id: d for d in card.domains for i in d.indicators}

    def marked(indicator: IndicatorScore) -> bool:
        rating = loaded.assessment.rating(indicator.id)
        return rating is not None and rating.priority

    team = sorted(
        (i for i in card.indicators if marked(i)),
        key=lambda i: (i.stage is None, i.stage or 0, order[i.id]),
    )
    chosen: list[tuple[IndicatorScore, str, bool]] = [(i, _team_reason(fw, i), True) for i in team[:focus]]
    not_shown = tuple(Named(id=i.id, name=i.name) for i in team[focus:])

    taken = {i.id for i in team}
    candidates = sorted(
        (i for i in card.indicators if i.is_gap(fw.top_stage) and i.id not in taken),
        key=lambda i: (i.stage, domain_of[i.id].exact, order[i.id]),
    )
    lowest = candidates[0].stage if candidates else None
    scored = [d for d in card.domains if d.exact is not None]
    for indicator in candidates[: max(focus - len(chosen), 0)]:
        domain = domain_of[indicator.id]
        chosen.append(
            (indicator, _low_reason(fw, indicator, indicator.stage == lowest, domain, scored), False)
        )

    priorities = tuple(
        Priority(
            rank=n + 1,
            id=i.id,
            name=i.name,
            domain_id=domain_of[i.id].id,
            domain_name=domain_of[i.id].name,
            stage=i.stage,
            stage_name=i.stage_name,
            team_marked=team_marked,
            reason=reason + _decline(changes.get(i.id), since),
            anchor=_anchor(i.id) if i.is_gap(fw.top_stage) else None,
        )
        for n, (i, reason, team_marked) in enumerate(chosen)
    )
    return priorities, not_shown


def _decline(change: IndicatorChange | None, since: Since | None) -> str:
    if change is None or since is None or change.kind != "declined":
        return ""
    return f" It declined since {since.label} ({change.before_name} → {change.after_name})."


def _stage_phrase(fw: Framework, stage: int) -> str:
    return f"{fw.stage_name(stage)} (stage {stage} of {fw.top_stage})"


def _team_reason(fw: Framework, indicator: IndicatorScore) -> str:
    if indicator.stage is None:
        return "The team marked it as a priority; it is not rated yet."
    if indicator.stage >= fw.top_stage:
        return f"The team marked it as a priority; it is already {_stage_phrase(fw, indicator.stage)}: keep it there."
    return f"The team marked it as a priority; it is rated {_stage_phrase(fw, indicator.stage)}."


def _low_reason(
    fw: Framework, indicator: IndicatorScore, lowest: bool, domain: DomainScore, scored: list[DomainScore]
) -> str:
    """Why a low stage was chosen: its stage, and where its domain ranks from the bottom (ties share a rank)."""
    assert indicator.stage is not None and domain.exact is not None
    stage = "the lowest stage still to improve" if lowest else "among the lowest stages still to improve"
    rank = 1 + sum(other.exact is not None and other.exact < domain.exact for other in scored)
    tied = any(other.exact == domain.exact and other.id != domain.id for other in scored)
    place = "the lowest" if rank == 1 else f"{_ordinal(rank)} lowest"
    among = f"{'tied for ' if tied else ''}{place} of the {len(scored)} domains" if len(scored) > 1 else ""
    return (
        f"Rated {_stage_phrase(fw, indicator.stage)}, {stage}; its domain, {domain.name}, scores "
        f"{score_figure(domain.exact)}{', ' + among if among else ''}."
    )


def _domain_plan(
    loaded: LoadedAssessment,
    guide: Guide,
    card: DomainScore,
    standing: DomainStanding,
    ranks: dict[str, int],
    changes: dict[str, IndicatorChange],
) -> DomainPlan:
    fw = loaded.framework
    domain = fw.domain(card.id)
    plans = []
    for indicator in card.indicators:
        if not indicator.is_gap(fw.top_stage):
            continue
        rating = loaded.assessment.rating(indicator.id)
        assert rating is not None
        plans.append(
            _indicator_plan(
                loaded, guide, indicator, rating, ranks.get(indicator.id), changes.get(indicator.id)
            )
        )
    return DomainPlan(
        id=card.id,
        name=card.name,
        anchor=standing.anchor,
        standing=standing,
        foundational_steps=domain.foundational_steps,
        reflect=domain.reflect,
        indicators=tuple(plans),
        at_top=tuple(
            Named(id=i.id, name=i.name)
            for i in card.indicators
            if i.stage is not None and i.stage >= fw.top_stage
        ),
        unrated=tuple(Named(id=i.id, name=i.name) for i in card.indicators if i.stage is None),
    )


def _indicator_plan(
    loaded: LoadedAssessment,
    guide: Guide,
    indicator: IndicatorScore,
    rating: Rating,
    rank: int | None,
    change: IndicatorChange | None,
) -> IndicatorPlan:
    fw = loaded.framework
    stage, aim = indicator.stage, indicator.aim(fw.top_stage)
    assert stage is not None and aim is not None, "only indicators with a gap have a plan"
    tags_apply = guide.tags_apply_to(fw.id)
    team_target = indicator.target
    target = aim.stage
    rubric = fw.indicator(indicator.id)
    return IndicatorPlan(
        id=indicator.id,
        name=indicator.name,
        anchor=_anchor(indicator.id),
        stage=stage,
        stage_name=fw.stage_name(stage),
        descriptor=rubric.descriptor(stage),
        target=target,
        target_name=fw.stage_name(target),
        target_descriptor=rubric.descriptor(target),
        target_source="team" if aim.team_target else "next",
        team_target_reached=team_target is not None and team_target <= stage,
        evidence=rating.evidence,
        notes=rating.notes,
        links=tuple(_link(link) for link in rating.links),
        actions=tuple(_action(action) for action in rating.actions),
        partners=_partners(loaded, guide, indicator.id) if tags_apply else (),
        functions=tuple(function.name for function in guide.functions_serving(indicator.id))
        if tags_apply
        else (),
        priority_rank=rank,
        change=change,
    )


def _link(text: str) -> Link:
    stripped = text.strip()
    return Link(text=stripped, href=stripped if _SAFE_URL.match(stripped) else None)


def _action(action: Action) -> PlanAction:
    return PlanAction(
        action=action.action,
        owner=action.owner,
        due=action.due.isoformat() if action.due else None,
        due_long=long_date(action.due) if action.due else None,
        status=action.status,
    )


def _partner_kinds(person: Participant, loaded: LoadedAssessment, guide: Guide) -> set[str]:
    """The kinds of partner a participant's organization is: the profile's `partner_kind` for it when
    the coalition profile lists one, else every kind of the participant's stakeholder group."""
    if loaded.profile is not None and person.organization:
        name = person.organization.casefold()
        for member in loaded.profile.members:
            if member.organization.casefold() == name and member.partner_kind:
                return {member.partner_kind}
    group = guide.stakeholder_group(person.stakeholder_group) if person.stakeholder_group else None
    return set(group.partner_kinds) if group is not None else set()


def _partners(loaded: LoadedAssessment, guide: Guide, indicator_id: str) -> tuple[PartnerRole, ...]:
    """The Guide's partner kinds with responsibilities tagged for the indicator; those at the table first."""
    kinds: dict[str, PartnerKind] = {}
    roles: dict[str, list[str]] = {}
    for kind, responsibility in guide.partners_serving(indicator_id):
        kinds[kind.id] = kind
        roles.setdefault(kind.id, []).append(_LIST_JOINT.sub("", responsibility.text))
    result = []
    for kind_id, texts in roles.items():
        kind = kinds[kind_id]
        groups = tuple(g.name for g in (guide.stakeholder_group(i) for i in kind.stakeholder_groups) if g)
        present = tuple(
            # "Name, Organization": the list is shown in brackets already
            ", ".join(filter(None, (p.name, p.organization)))
            for p in loaded.assessment.participants
            if kind_id in _partner_kinds(p, loaded, guide)
        )
        members = tuple(
            member.organization
            for member in (loaded.profile.members if loaded.profile is not None else ())
            if member.partner_kind == kind_id
            or (member.partner_kind is None and member.stakeholder_group in kind.stakeholder_groups)
        )
        result.append(
            PartnerRole(
                id=kind.id,
                name=kind.name,
                lead_in=kind.lead_in,
                responsibilities=tuple(texts),
                stakeholder_groups=groups,
                at_the_table=present,
                members=members,
            )
        )
    return tuple(sorted(result, key=lambda role: not role.at_the_table))
