"""Building the action plan: `build_plan` turns assessments into the context every plan template renders.

`build_plan` turns a loaded assessment (and, with `--since`, a comparison with an older one) into a
`PlanContext`, the plain data of `plan.context` (which documents every field and the plan's order).
Numbers come from `scoring.score`, the one scoring implementation; every number a template shows also
comes pre-formatted (`score_figure`, `signed`) so Markdown and HTML agree. The summary's wording is
`plan.summary`'s, the suggestions of who could help are `plan.suggestions`', and what the public
audience leaves out is `plan.audience`'s.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

from coalition_cli.core.model.abbreviations import spelled_by_names
from coalition_cli.core.model.values import CLOSED, status_words
from coalition_cli.core.plan import charts
from coalition_cli.core.plan.audience import Redactor, redactor_for
from coalition_cli.core.plan.context import (
    Abbreviation,
    Audience,
    Charts,
    DomainPlan,
    DomainStanding,
    Glance,
    GlossaryTerm,
    Header,
    IndicatorChange,
    IndicatorPlan,
    Link,
    Named,
    ParticipantGroup,
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
from coalition_cli.core.plan.glossary import abbreviations, terms_used
from coalition_cli.core.plan.register import action_register
from coalition_cli.core.plan.suggestions import framework_roles, suggested_functions, suggested_partners
from coalition_cli.core.plan.summary import (
    change_sentence,
    linked_apart,
    needs,
    next_action,
    place,
    reached_text,
    same_words,
    targets_followed_up,
)
from coalition_cli.core.reports.comparison import (
    Comparison,
    change_number,
    direction,
    latest_targets,
)
from coalition_cli.core.reports.document import FEW_RATED, bar, few_of, from_few, rated_apart, signed
from coalition_cli.core.reports.roster.build import roster_report, tags_for_another_rubric
from coalition_cli.core.scoring import DomainScore, IndicatorScore, Scorecard, score, score_change, shown
from coalition_cli.core.wording import GENERATOR, MADE_WITH, and_list, long_date, plural, web_address

if TYPE_CHECKING:
    from coalition_cli.core.loading.assessments import LoadedAssessment
    from coalition_cli.core.model.assessment import Action, Participant, Rating
    from coalition_cli.core.model.framework import Domain, Framework
    from coalition_cli.core.model.guide import Guide
    from coalition_cli.core.reports.roster.report import RosterReport

AUDIENCE_NOTES: dict[Audience, str] = {
    "coalition": (
        "For the coalition: this plan names people and keeps the team’s own notes. "
        "Outside the coalition, share the public version."
    ),
    "public": (
        "For sharing: this version leaves out people’s names, the team’s own notes, the links to its "
        "documents and individual ratings."
    ),
}
"""The line at the top of a whole plan, by audience (a brief has its own: `audience_note`)."""


def audience_note(audience: Audience, brief: bool, facilitator: str | None) -> str:
    """Who the document is for, the first thing a reader sees. A brief says what it is, and where the
    rest is: its reader may never see the full plan (for the coalition, the facilitator has it; the
    public's never names a person)."""
    if not brief:
        return AUDIENCE_NOTES[audience]
    if audience == "public":
        return (
            "For sharing: this brief holds the summary and the priorities, without people’s names, the "
            "team’s own notes, the links to its documents or individual ratings. For the full public plan, "
            "with every open action "
            "and every indicator, ask the coalition."
        )
    ask = f"the facilitator, {facilitator}" if facilitator else "the coalition"
    return (
        "For the coalition: this brief names people and holds the summary and the priorities only. "
        f"For the full plan, with every open action and every indicator, ask {ask}. "
        "Outside the coalition, share the public version."
    )


def build_plan(
    current: LoadedAssessment,
    guide: Guide,
    *,
    since: Comparison | None = None,
    focus: int = 5,
    brief: bool = False,
    audience: Audience = "coalition",
    also_named: Sequence[LoadedAssessment] = (),
    as_of: dt.date | None = None,
) -> PlanContext:
    """The plan for `current`, made on `as_of` (default: the assessment's own day; a day before the
    assessment is taken as its day, since a plan follows its assessment).

    `since` is `comparison.since_comparison(older, current)` for `--since`: the change is from its first
    assessment to `current`. `brief` keeps the summary and the priorities in detail: a plan to read in
    the meeting. `audience` "public" leaves out notes and person names (`plan.audience`); the people
    named in `also_named` (the `--since` assessment) are left out too. An action due before
    `as_of` and not marked done or dropped is overdue, as `coalition actions --as-of` counts it.
    """
    fw = current.framework
    redactor = redactor_for(audience, current, *also_named)
    card = score(fw, current.stages, current.targets)
    before = since.first.card if since is not None else None
    changes = _changes(fw, card, before) if before is not None else {}
    stages = charts.stage_palette(fw)
    day = max(as_of or current.assessment.assessed_on, current.assessment.assessed_on)
    actions = {
        indicator_id: tuple(_action(action, redactor, day) for action in rating.actions)
        for indicator_id, rating in current.assessment.ratings.items()
        if rating is not None
    }
    standing = _standing(fw, card, since)
    priorities, not_shown = _priorities(current, card, focus, changes, standing.since, actions)
    ranks = {p.id: p.rank for p in priorities}
    plans = {
        plan.id: plan
        for plan in (
            _indicator_plan(
                current,
                guide,
                indicator,
                ranks.get(indicator.id),
                changes.get(indicator.id),
                redactor,
                actions[indicator.id],
            )
            for indicator in card.indicators
            if indicator.is_gap(fw.top_stage)
        )
    }
    plans = _with_room_votes(current, plans)
    details = tuple(plans[p.id] for p in priorities if p.id in plans)
    domains = (
        ()
        if brief
        else tuple(
            _domain_plan(fw, domain_score, standing_row, plans, ranks)
            for domain_score, standing_row in zip(card.domains, standing.domains, strict=True)
        )
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
            anchor=_anchor(i.id) if i.id in plans and (not brief or i.id in ranks) else None,
        )
        for d in card.domains
        for i in d.indicators
    )
    then = {i.id: i.stage for i in before.indicators} if before is not None else {}
    unrated = tuple(
        _unrated(fw, d, i, current.assessment.rating(i.id), then.get(i.id), redactor)
        for d in card.domains
        for i in d.indicators
        if i.stage is None
    )
    roster = _redacted_roster(roster_report(current, guide), redactor)
    header = _header(current, guide, redactor, day, brief)
    register = action_register(
        current,
        since,
        as_of=day,
        since_label=standing.since.label if standing.since else None,
        redactor=redactor,
        brief=brief,
        also_named=also_named,
    )
    context = PlanContext(
        header=header,
        audience=audience,
        stages=stages,
        standing=standing,
        focus=focus,
        priorities=priorities,
        priorities_not_shown=not_shown,
        priority_details=details,
        needs=needs(priorities, actions, roster, register, linked_apart(fw, current.stages)),
        domains=domains,
        brief=brief,
        glance=glance,
        unrated=unrated,
        unrated_note=_unrated_note(unrated),
        domain_guidance=tuple(kind.words for kind in _guidance_quoted(fw, brief)),
        rubric_quoted="",
        guide_tags_apply=guide.tags_apply_to(fw.id),
        guide_tags_note=_guide_tags_note(guide, fw),
        charts=Charts(
            domain_bars=charts.domain_bars(standing, stages, header.term_label),
            stage_heatmap=charts.stage_heatmap(glance, standing.domains),
        ),
        roster=None if brief else roster,
        register=register,
        glossary=(),
        abbreviations=(),
        team_abbreviations=(),
        linked=tuple(same_words(fw, group.indicators) for group in fw.linked),
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
    texts = tuple(_plan_texts(context))
    used = terms_used(fw.glossary, texts)
    rubrics = abbreviations(fw, texts)
    team = spelled_by_names(_organizations(current), texts, known=fw.abbreviations)
    return dataclasses.replace(
        context,
        rubric_quoted=_rubric_quoted(
            [*(kind.noun for kind in _guidance_quoted(fw, brief)), *(["glossary"] if used else [])]
        ),
        glossary=tuple(GlossaryTerm(term=entry.term, definition=entry.definition) for entry in used),
        abbreviations=tuple(Abbreviation(short=short, long=long) for short, long in rubrics),
        team_abbreviations=tuple(Abbreviation(short=short, long=long) for short, long in team),
    )


def _organizations(loaded: LoadedAssessment) -> list[str]:
    """The organizations the files name: the participants', and the profile's members'."""
    named = [person.organization for person in loaded.assessment.participants if person.organization]
    if loaded.profile is not None:
        named += [member.organization for member in loaded.profile.members]
    return named


class _Guidance(NamedTuple):
    """A kind of guidance a rubric may give each domain, as the plan words it in two places."""

    words: str
    """In "Domain by domain"'s introduction: `its foundational steps`."""
    noun: str
    """Among the rubric's words the sources list: `foundational steps`."""
    of: Callable[[Domain], tuple[str, ...]]


_GUIDANCE = (
    _Guidance("its foundational steps", "foundational steps", lambda domain: domain.foundational_steps),
    _Guidance("the questions to reflect on", "reflection questions", lambda domain: domain.reflect),
)


def _guidance_quoted(fw: Framework, brief: bool) -> list[_Guidance]:
    """The kinds of domain guidance the plan quotes: those the rubric gives, none in a brief."""
    return [] if brief else [kind for kind in _GUIDANCE if any(kind.of(domain) for domain in fw.domains)]


def _rubric_quoted(parts: list[str]) -> str:
    """`, its foundational steps, reflection questions and glossary,`; `, and its glossary,`; ""."""
    if not parts:
        return ""
    return f", {'and ' if len(parts) == 1 else ''}its {and_list(parts)},"


def written_summary(context: PlanContext) -> str:
    """What a written plan holds, for the line `coalition plan -o` prints:
    "5 priorities (2 the team's, 3 suggested), 16 indicators with next steps, 0 not yet rated"; the
    brief's: "5 priorities (…) in detail (the whole plan has every indicator's), 0 not yet rated"."""
    team = sum(p.team_marked for p in context.priorities)
    suggested = len(context.priorities) - team
    split = (
        f" ({team} the team's, {suggested} suggested)"
        if team and suggested
        else " (the team's)"
        if team
        else " (suggested by this tool)"
        if suggested
        else ""
    )
    priorities = f"{plural(len(context.priorities), 'priority', 'priorities')}{split}"
    if context.brief:  # the priorities only: a count of its next steps would disagree with the plan's
        return f"{priorities} in detail (the whole plan has every indicator's), {len(context.unrated)} not yet rated"
    next_steps = len(context.priority_details) + sum(len(domain.indicators) for domain in context.domains)
    return f"{priorities}, {plural(next_steps, 'indicator')} with next steps, {len(context.unrated)} not yet rated"


def score_figure(exact: Fraction | None) -> str:
    """The number alone, `2.50`, as every command shows it (`scoring.shown`), or "—" when there is none.

    (`reports.document.score_with_stage` gives it with its stage's name, `2.50 Developing`.)"""
    return shown(exact) or "—"


# ----------------------------------------------------------------------------------------------
# Who and when
# ----------------------------------------------------------------------------------------------


def _header(loaded: LoadedAssessment, guide: Guide, redactor: Redactor, day: dt.date, brief: bool) -> Header:
    assessment, fw = loaded.assessment, loaded.framework
    groups: list[ParticipantGroup] = []
    known = {group.id for group in guide.stakeholder_groups}
    grouped: list[tuple[str | None, str]] = [(group.id, group.name) for group in guide.stakeholder_groups]
    grouped.append((None, "Stakeholder group not recorded"))
    for group_id, name in grouped:
        members = [
            p
            for p in assessment.participants
            if (p.stakeholder_group == group_id if group_id else p.stakeholder_group not in known)
        ]
        people = tuple(dict.fromkeys(_person(p, redactor) for p in members))
        if people:
            groups.append(ParticipantGroup(id=group_id, name=name, people=people))
    present = {p.stakeholder_group for p in assessment.participants}
    term_label = assessment.term or long_date(assessment.assessed_on)
    facilitator = assessment.facilitator
    if redactor.public:
        facilitator = redactor.organization_of(facilitator)
    return Header(
        title=f"Action plan: {assessment.coalition}",
        running_title=f"{assessment.coalition} · Action plan, {term_label}",
        coalition=assessment.coalition,
        assessed_on=assessment.assessed_on.isoformat(),
        assessed_on_long=long_date(assessment.assessed_on),
        term=assessment.term,
        term_label=term_label,
        prepared_on=day.isoformat(),
        prepared_on_long=long_date(day),
        facilitator=facilitator,
        framework_id=fw.id,
        framework_title=fw.title,
        framework_publisher=fw.publisher,
        framework_published=fw.published,
        participant_count=len(assessment.participants),
        participant_groups=tuple(groups),
        groups_at_table=sum(group.id in present for group in guide.stakeholder_groups),
        groups_total=len(guide.stakeholder_groups),
        groups_missing=tuple(group.name for group in guide.stakeholder_groups if group.id not in present),
        notes=redactor.notes(assessment.notes),
        audience=redactor.audience,
        audience_note=audience_note(redactor.audience, brief, assessment.facilitator),
        generator=GENERATOR,
        made_with=MADE_WITH,
        guide_name=guide.full_name,
        guide_cited=guide.tags_apply_to(fw.id) or loaded.profile is not None,
    )


def _person(participant: Participant, redactor: Redactor) -> Person:
    if redactor.public:
        organization = participant.organization
        return Person(
            name=None, organization=organization, role=None, display=organization or "A participant"
        )
    short = participant.name + (f" ({participant.organization})" if participant.organization else "")
    return Person(
        name=participant.name,
        organization=participant.organization,
        role=participant.role,
        display=short + (f", {participant.role}" if participant.role else ""),
    )


def _redacted_roster(roster: RosterReport | None, redactor: Redactor) -> RosterReport | None:
    """The roster for the audience: for the public, no representatives' names in it (and not the
    members that rest on one person: that is about people)."""
    if roster is None or not redactor.public:
        return roster
    return dataclasses.replace(
        roster,
        profile_file=None,
        formalization=tuple(
            dataclasses.replace(check, reason=redactor.text(check.reason) or "")
            for check in roster.formalization
        ),
        cautions=tuple(
            dataclasses.replace(caution, message=redactor.text(caution.message) or "")
            for caution in roster.cautions
        ),
        members=tuple(dataclasses.replace(member, representatives=()) for member in roster.members),
        executive_committee=(
            dataclasses.replace(
                roster.executive_committee,
                reason=redactor.text(roster.executive_committee.reason) or "",
                seats=tuple(
                    dataclasses.replace(seat, representatives=()) for seat in roster.executive_committee.seats
                ),
            )
            if roster.executive_committee is not None
            else None
        ),
        sole_representatives=(),
    )


# ----------------------------------------------------------------------------------------------
# Where the coalition stands, and what changed
# ----------------------------------------------------------------------------------------------


def _changes(fw: Framework, card: Scorecard, before: Scorecard) -> dict[str, IndicatorChange]:
    return {
        now.id: _change(fw, now.id, now.name, then.stage, now.stage)
        for now, then in zip(card.indicators, before.indicators, strict=True)
    }


def _change(
    fw: Framework,
    identifier: str,
    name: str,
    then: int | None,
    now: int | None,
    counted_with: tuple[str, ...] = (),
) -> IndicatorChange:
    kind = direction(then, now)
    if now is not None and then is not None:
        text = signed(now - then)
    else:
        text = "new" if kind == "newly rated" else ""
    return IndicatorChange(
        id=identifier,
        name=name,
        before=then,
        before_name=fw.stage_name(then) if then is not None else None,
        after=now,
        after_name=fw.stage_name(now) if now is not None else None,
        kind=kind,
        change_text=text,
        counted_with=counted_with,
        counted_with_names=tuple(fw.named(other) for other in counted_with),
    )


def _moved(then: Fraction | None, now: Fraction | None) -> tuple[float | None, str]:
    value = change_number(score_change(then, now))
    return value, "" if value is None else signed(value, 2)


def _standing(fw: Framework, card: Scorecard, comparison: Comparison | None) -> Standing:
    before = comparison.first.card if comparison is not None else None
    domains = []
    for d in card.domains:
        earlier = before.domain(d.id) if before is not None else None
        then = earlier.exact if earlier is not None else None
        moved, moved_text = _moved(then, d.exact)
        domains.append(
            DomainStanding(
                id=d.id,
                name=d.name,
                anchor=_anchor(d.id, "domain"),
                score=d.score,
                score_text=score_figure(d.exact),
                place=place(fw, d.exact),
                bar=bar(d.exact, fw.top_stage),
                stage=d.stage,
                stage_name=d.stage_name,
                rated=d.rated,
                total=d.total,
                previous_score=None if then is None else float(then),
                previous_score_text=score_figure(then) if before is not None else "",
                change=moved,
                change_text=moved_text,
                score_note=few_of(d.rated, d.total),
                change_note=rated_apart(earlier, d) if earlier is not None and moved_text else "",
            )
        )
    then_overall = before.exact if before is not None else None
    moved, moved_text = _moved(then_overall, card.exact)
    since = None
    lists: dict[str, tuple[IndicatorChange, ...]] = {}
    if comparison is not None:
        old = comparison.first
        label = old.term or long_date(old.assessed_on)
        follow_up = latest_targets(comparison)
        anchors = {i.id: _anchor(i.id) for i in card.indicators if i.is_gap(fw.top_stage)}
        since = Since(
            assessed_on=old.assessed_on.isoformat(),
            assessed_on_long=long_date(old.assessed_on),
            term=old.term,
            label=label,
            targets=targets_followed_up(follow_up, anchors),
        )
        lists = _practice_lists(fw, comparison)
    return Standing(
        score=card.score,
        score_text=score_figure(card.exact),
        place=place(fw, card.exact),
        reached_text=reached_text(fw, card),
        stage=card.stage,
        stage_name=card.stage_name,
        rated=card.rated,
        total=card.total,
        rated_text=f"{card.rated} of {plural(card.total, 'indicator')} rated",
        completeness_percent=round(100 * card.completeness),
        top_stage=fw.top_stage,
        previous_score=None if then_overall is None else float(then_overall),
        previous_score_text=score_figure(then_overall) if before is not None else "",
        change=moved,
        change_text=moved_text,
        domains=tuple(domains),
        since=since,
        headline=change_sentence(comparison) if comparison is not None else "",
        advanced=lists.get("advanced", ()),
        declined=lists.get("declined", ()),
        newly_rated=lists.get("newly rated", ()),
        no_longer_rated=lists.get("no longer rated", ()),
        score_note=_score_note(card),
        change_note=_change_note(before, card),
    )


def _score_note(card: Scorecard) -> str:
    """ "from 8 of 22 indicators, in 3 of 7 domains": said beside an overall score that comes from
    few of the rubric's indicators, as `compare` and `score` say it."""
    note = from_few(card.rated, card.total)
    if card.exact is None or not note:
        return ""
    scored = sum(d.exact is not None for d in card.domains)
    if scored < len(card.domains):
        note += f", in {scored} of {plural(len(card.domains), 'domain')}"
    return note


def _change_note(before: Scorecard | None, card: Scorecard) -> str:
    """Said after the overall change when the two terms rated different indicators, fewer than
    three quarters of them both times (`FEW_RATED`): part of the change is then what was rated, not
    how the coalition moved. One indicator rated for the first time among 18 is the headline's."""
    if before is None or before.exact is None or card.exact is None:
        return ""
    then = {i.id for i in before.indicators if i.stage is not None}
    now = {i.id for i in card.indicators if i.stage is not None}
    if len(then & now) >= len(then | now) * FEW_RATED:
        return ""
    return (
        f"The two scores come from different indicators: {len(then)} rated then, {len(now)} now, "
        f"{len(then & now)} of them both times."
    )


def _practice_lists(fw: Framework, comparison: Comparison) -> dict[str, tuple[IndicatorChange, ...]]:
    """The indicators that moved, by direction, one entry per practice (as the headline counts them):
    linked indicators are one entry, at the lower of their stages."""
    first = {i.id: i.stage for i in comparison.first.card.indicators}
    last = {i.id: i.stage for i in comparison.last.card.indicators}
    lists: dict[str, list[IndicatorChange]] = {}
    for group, way in comparison.practices():
        then = min((s for i in group if (s := first[i]) is not None), default=None)
        now = min((s for i in group if (s := last[i]) is not None), default=None)
        lead = fw.indicator(group[0])
        lists.setdefault(way, []).append(_change(fw, lead.id, lead.name, then, now, group[1:]))
    return {way: tuple(entries) for way, entries in lists.items()}


# ----------------------------------------------------------------------------------------------
# The priorities
# ----------------------------------------------------------------------------------------------


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _priorities(
    loaded: LoadedAssessment,
    card: Scorecard,
    focus: int,
    changes: dict[str, IndicatorChange],
    since: Since | None,
    actions: dict[str, tuple[PlanAction, ...]],
) -> tuple[tuple[Priority, ...], tuple[Named, ...]]:
    """The team's own priorities (lowest stage first), then this tool's suggestions: the lowest stages
    of the lowest-scoring domains, from the lower half of the rubric's stages (`low_stages`; when none
    is that low, the lowest rated only), so fewer than `focus` when not enough are. A reason also
    says when the indicator declined since `--since`."""
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
    chosen: list[tuple[IndicatorScore, tuple[str, str], bool]] = [
        (i, (_team_reason(fw, i), ""), True) for i in team[:focus]
    ]
    not_shown = tuple(Named(id=i.id, name=i.name) for i in team[focus:])

    taken = {i.id for i in team}
    candidates = sorted(
        (i for i in card.indicators if i.is_gap(fw.top_stage) and i.id not in taken),
        key=lambda i: (i.stage, domain_of[i.id].exact, order[i.id]),
    )
    lowest = candidates[0].stage if candidates else None
    low = [i for i in candidates if (i.stage or 0) <= low_stages(fw)] or [
        i for i in candidates if i.stage == lowest
    ]  # Advancing, 3 of 4, is not "a low stage" because only five indicators are rated
    scored = [d for d in card.domains if d.exact is not None]
    rated = sum(i.stage is not None for i in card.indicators)
    for indicator in low[: max(focus - len(chosen), 0)]:
        domain = domain_of[indicator.id]
        why = _low_reason(fw, indicator, indicator.stage == lowest, domain, scored, rated)
        chosen.append((indicator, why, False))

    priorities = []
    for n, (i, (reason, short_reason), team_marked) in enumerate(chosen):
        aim = i.aim(fw.top_stage)
        own = actions.get(i.id, ())
        priorities.append(
            Priority(
                rank=n + 1,
                id=i.id,
                name=i.name,
                domain_id=domain_of[i.id].id,
                domain_name=domain_of[i.id].name,
                stage=i.stage,
                stage_name=i.stage_name,
                team_marked=team_marked,
                suggested=not team_marked,
                reason=reason + _decline(changes.get(i.id), since),
                short_reason=short_reason,
                aim=aim.stage if aim else None,
                aim_name=fw.stage_name(aim.stage) if aim else None,
                aim_source=("team" if aim.team_target else "next") if aim else None,
                next_action=next_action(own),
                open_actions=sum(a.status not in CLOSED for a in own),
                anchor=_anchor(i.id) if i.is_gap(fw.top_stage) else None,
            )
        )
    return tuple(priorities), not_shown


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


def low_stages(fw: Framework) -> int:
    """The highest stage this tool calls low, and suggests as a priority: the lower half of the
    rubric's stages (2 of 4 or 5, 1 of 2 or 3)."""
    return max(1, fw.top_stage // 2)


def _low_reason(
    fw: Framework,
    indicator: IndicatorScore,
    lowest: bool,
    domain: DomainScore,
    scored: list[DomainScore],
    rated: int,
) -> tuple[str, str]:
    """Why this tool suggests a low stage, in a sentence and in a few words: its stage ("of the 5
    indicators rated so far" when others are not rated, above the first stage: the lowest of those
    is not the coalition's lowest), and where its domain ranks from the bottom (ties share a rank), among the domains with
    a score ("of the 3 domains rated so far" when others have none). A domain in the upper half is
    not ranked: "3rd lowest of 3" is the highest, and the reason is then the stage alone."""
    assert indicator.stage is not None and domain.exact is not None
    stage = "the lowest stage still to improve" if lowest else "among the lowest stages still to improve"
    if rated < len(fw.indicators) and indicator.stage > fw.stage_numbers[0]:  # none is below the first
        stage += f" of the {rated} indicators rated so far"
    rank = 1 + sum(other.exact is not None and other.exact < domain.exact for other in scored)
    tied = any(other.exact == domain.exact and other.id != domain.id for other in scored)
    ranked = f"{'tied for ' if tied else ''}{'the lowest' if rank == 1 else _ordinal(rank) + ' lowest'}"
    domains = f"{len(scored)} domains{' rated so far' if len(scored) < len(fw.domains) else ''}"
    low = len(scored) > 1 and rank <= (len(scored) + 1) // 2
    among = f"{ranked} of the {domains}" if low else ""
    sentence = (
        f"Rated {_stage_phrase(fw, indicator.stage)}, {stage}; its domain, {domain.name}, scores "
        f"{score_figure(domain.exact)}{', ' + among if among else ''}."
    )
    short = "the lowest stage" if lowest else "a low stage"
    if low:
        short += f"; {domain.name}, at {score_figure(domain.exact)}, is {ranked} of {domains}"
    return sentence, short


# ----------------------------------------------------------------------------------------------
# The indicators in detail
# ----------------------------------------------------------------------------------------------


def _domain_plan(
    fw: Framework,
    card: DomainScore,
    standing: DomainStanding,
    plans: dict[str, IndicatorPlan],
    ranks: dict[str, int],
) -> DomainPlan:
    domain = fw.domain(card.id)
    return DomainPlan(
        id=card.id,
        name=card.name,
        anchor=standing.anchor,
        standing=standing,
        foundational_steps=domain.foundational_steps,
        reflect=domain.reflect,
        indicators=tuple(plans[i.id] for i in card.indicators if i.id in plans and i.id not in ranks),
        priorities=tuple(
            Named(id=i.id, name=i.name, anchor=_anchor(i.id) if i.id in plans else None)
            for i in card.indicators
            if i.id in ranks
        ),
        at_top=tuple(
            Named(id=i.id, name=i.name)
            for i in card.indicators
            if i.stage is not None and i.stage >= fw.top_stage and i.id not in ranks
        ),
        unrated=tuple(
            Named(id=i.id, name=i.name) for i in card.indicators if i.stage is None and i.id not in ranks
        ),
    )


def _indicator_plan(
    loaded: LoadedAssessment,
    guide: Guide,
    indicator: IndicatorScore,
    rank: int | None,
    change: IndicatorChange | None,
    redactor: Redactor,
    actions: tuple[PlanAction, ...],
) -> IndicatorPlan:
    """The plan of an indicator with a gap; `actions`: its actions as the plan shows them (made once,
    in `build_plan`, for the priorities and the summary too)."""
    fw = loaded.framework
    stage, aim = indicator.stage, indicator.aim(fw.top_stage)
    assert stage is not None and aim is not None, "only indicators with a gap have a plan"
    rating: Rating | None = loaded.assessment.rating(indicator.id)
    assert rating is not None
    tags_apply = guide.tags_apply_to(fw.id)
    rubric = fw.indicator(indicator.id)
    domain = fw.domain_of(indicator.id)
    return IndicatorPlan(
        id=indicator.id,
        name=indicator.name,
        anchor=_anchor(indicator.id),
        domain_id=domain.id,
        domain_name=domain.name,
        stage=stage,
        stage_name=fw.stage_name(stage),
        descriptor=rubric.descriptor(stage),
        target=aim.stage,
        target_name=fw.stage_name(aim.stage),
        target_descriptor=rubric.descriptor(aim.stage),
        target_source="team" if aim.team_target else "next",
        team_target_reached=indicator.target is not None and indicator.target <= stage,
        evidence=redactor.text(_written(rating.evidence)),
        notes=redactor.notes(_written(rating.notes)),
        links=tuple(_link(link) for link in redactor.links(rating.links)),
        actions=actions,
        suggested_partners=suggested_partners(loaded, guide, indicator.id, redactor) if tags_apply else (),
        suggested_functions=suggested_functions(guide, indicator.id) if tags_apply else (),
        framework_roles=framework_roles(loaded, indicator.id),
        linked_with=tuple(fw.named(other) for other in fw.linked_with(indicator.id)),
        priority_rank=rank,
        change=change,
        abbreviations=tuple(
            Abbreviation(short=short, long=long)
            for short, long in fw.abbreviations_in(indicator.id, stages=(stage, aim.stage))
        ),
    )


def _with_room_votes(current: LoadedAssessment, plans: dict[str, IndicatorPlan]) -> dict[str, IndicatorPlan]:
    """Each indicator with what the room said of it (anonymous counts), when a `coalition room` session rated it."""
    from coalition_cli.core.room.summary import room_said

    said = room_said(current)
    if not said:
        return plans
    return {
        key: dataclasses.replace(
            plan,
            room=RoomVotes(
                voted=room.voted,
                dont_know=room.dont_know,
                lowest=room.lowest,
                highest=room.highest,
                discuss=room.discuss,
                text=room.text,
            ),
        )
        if (room := said.get(key)) is not None
        else plan
        for key, plan in plans.items()
    }


def _unrated(
    fw: Framework,
    domain: DomainScore,
    indicator: IndicatorScore,
    rating: Rating | None,
    stage_then: int | None,
    redactor: Redactor,
) -> Unrated:
    """An indicator not rated yet, with the evidence and notes the team wrote on it so far, and its
    stage in the `--since` assessment when it had one there."""
    return Unrated(
        id=indicator.id,
        name=indicator.name,
        domain_id=domain.id,
        domain_name=domain.name,
        evidence=redactor.text(_written(rating.evidence)) if rating is not None else None,
        notes=redactor.notes(_written(rating.notes)) if rating is not None else None,
        before_name=fw.stage_name(stage_then) if stage_then is not None else None,
    )


def _written(text: str | None) -> str | None:
    """Text the team wrote, or None when there is none to read: `evidence: '  '` is none recorded."""
    return text if text is not None and text.strip() else None


def _unrated_note(unrated: Sequence[Unrated]) -> str:
    """After "N indicators are not rated yet, so they are not in the scores": where what the team
    wrote on them is, when it wrote on some (`PlanContext.unrated_note`)."""
    written = sum(1 for u in unrated if u.evidence or u.notes)
    if not written:
        return ""
    where = "it" if written == 1 else "each" if written == len(unrated) else "those"
    if written == len(unrated):
        return f"; what the team wrote so far is under {where}"
    return f"; what the team wrote on {written} of them so far is under {where}"


def _link(text: str) -> Link:
    stripped = text.strip()
    return Link(text=stripped, href=stripped if web_address(stripped) else None)


def _action(action: Action, redactor: Redactor, as_of: dt.date) -> PlanAction:
    """An action as the plan shows it, overdue as of `as_of` (the day the plan is made) as the register says."""
    from coalition_cli.core.reports.actions.register import days_overdue

    late = days_overdue(action.due, action.status, as_of)
    return PlanAction(
        action=redactor.text(action.action) or action.action,
        owner=redactor.owner(action.owner),
        due=action.due.isoformat() if action.due else None,
        due_long=long_date(action.due) if action.due else None,
        status=action.status,
        status_text=status_words(action.status),
        overdue=late is not None,
        days_late=late,
    )


def _guide_tags_note(guide: Guide, fw: Framework) -> str:
    """Said once per plan, not under every indicator: why no partner is suggested for this rubric."""
    if guide.tags_apply_to(fw.id):
        return ""
    return f"{tags_for_another_rubric(guide, 'this rubric')}, so this plan does not suggest which partners could lead each indicator."


def _plan_texts(context: PlanContext) -> Iterator[str]:
    """The text the plan shows a reader, for the glossary's terms and the abbreviations to spell out."""
    yield context.header.notes or ""
    for priority in context.priorities:
        yield priority.name
        yield priority.reason
    for need in context.needs:
        yield need.text
    plans = [*context.priority_details, *(i for d in context.domains for i in d.indicators)]
    for plan in plans:
        yield plan.name
        yield from plan.descriptor
        yield from plan.target_descriptor
        yield plan.evidence or ""
        yield plan.notes or ""
        yield from (action.action for action in plan.actions)
        yield from (action.owner or "" for action in plan.actions)  # "Maria Lopez (RUSD)"
        yield from (role.quote for role in plan.framework_roles)
        for partner in plan.suggested_partners:
            yield from partner.responsibilities
    for domain in context.domains:
        yield domain.name
        yield from domain.foundational_steps
        yield from domain.reflect
    register = context.register
    for action in (*register.open, *register.overdue, *register.vanished):
        yield action.action
        yield action.owner or ""
    for owner in register.owners:
        yield from owner.seats
    if not context.brief:
        yield from (g.name for g in context.glance)
        for unrated in context.unrated:
            yield unrated.evidence or ""
            yield unrated.notes or ""
        for group in context.header.participant_groups:
            yield from (person.display for person in group.people)


def _anchor(identifier: str, prefix: str = "indicator") -> str:
    return f"{prefix}-" + (re.sub(r"[^0-9A-Za-z]+", "-", identifier).strip("-").lower() or "x")


def _source_url(source: str | None) -> str | None:
    if source is None:
        return None
    url = source if "://" in source else f"https://{source}"
    return url if web_address(url) else None
