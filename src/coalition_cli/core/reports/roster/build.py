"""Building the roster: from a coalition profile, the Guide and (when there is one) an assessment to a
`RosterReport`.

The Guide tags each sample role with the indicators it serves, in one rubric (its `tags_framework`).
For an assessment on another rubric the tags mean nothing: the roles are listed without them, and the
roster says why once. The only file this reads is that bundled rubric, for its title.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from coalition_cli.core.loading.profiles import profile_path
from coalition_cli.core.model.guide import Guide, PartnerKind
from coalition_cli.core.model.profile import CoalitionProfile, Member
from coalition_cli.core.reports.actions.register import ActionRecord, action_records
from coalition_cli.core.reports.roster.executive import executive_committee
from coalition_cli.core.reports.roster.formalization import formalization
from coalition_cli.core.reports.roster.individuals import sole_representatives
from coalition_cli.core.reports.roster.report import RosterReport
from coalition_cli.core.reports.roster.results import (
    Gap,
    GroupCoverage,
    GuideQuestion,
    MemberReport,
    SampleRole,
    SharedCommitment,
    ToDiscuss,
)
from coalition_cli.core.scoring import score

if TYPE_CHECKING:
    from coalition_cli.core.loading.assessments import LoadedAssessment
    from coalition_cli.core.model.framework import Framework


def roster_report(loaded: LoadedAssessment, guide: Guide) -> RosterReport | None:
    """The roster of a loaded assessment's coalition, or None when the assessment has no profile."""
    if loaded.profile is None:
        return None
    reference = loaded.assessment.profile
    source = (
        os.path.normpath(profile_path(reference, loaded.path.parent)) if isinstance(reference, str) else None
    )
    note = _tags_note(guide, loaded.framework)
    return build_roster(
        loaded.profile,
        guide,
        coalition=loaded.assessment.coalition,
        profile_file=source,
        assessed_on=loaded.assessment.assessed_on.isoformat(),
        gaps=assessment_gaps(loaded) if note is None else None,
        tags_note=note,
        actions=action_records(loaded.assessment),
        indicator_names={indicator.id: indicator.name for indicator in loaded.framework.indicators},
    )


def _tags_note(guide: Guide, framework: Framework) -> str | None:
    """Why the roles are listed without indicators, for a rubric the Guide's tags do not name; else None."""
    if guide.tags_apply_to(framework.id):
        return None
    rubric = f"“{framework.title}”"
    return f"{tags_for_another_rubric(guide, rubric)}, so the roles below are listed without the indicators they serve."


def tags_framework_title(guide: Guide) -> str:
    """The title of the rubric the Guide's `serves` tags name (its id if it cannot be loaded)."""
    from coalition_cli.core.errors import FrameworkError
    from coalition_cli.core.loading.frameworks import load_framework

    reference = guide.tags_framework or ""
    try:
        return load_framework(reference).title
    except FrameworkError:
        return reference


def tags_for_another_rubric(guide: Guide, rubric: str) -> str:
    """Why the Guide's partner roles are not matched to another rubric's indicators: a clause to finish.

    `rubric` names the other rubric as the sentence needs it: "this rubric", or its title in quotes.
    """
    return f"The Guide ties its partner roles to the indicators of the {tags_framework_title(guide)}, not of {rubric}"


def assessment_gaps(loaded: LoadedAssessment) -> list[Gap]:
    """The rated indicators below the framework's top stage, in framework order."""
    framework = loaded.framework
    gaps = []
    for indicator in score(framework, loaded.stages, loaded.targets).indicators:
        stage, aim = indicator.stage, indicator.aim(framework.top_stage)
        if stage is None or aim is None:
            continue  # no gap: unrated, or at the top stage
        rating = loaded.assessment.rating(indicator.id)
        priority = bool(rating and rating.priority)
        gaps.append(
            Gap(
                id=indicator.id,
                name=indicator.name,
                stage=stage,
                stage_name=framework.stage_name(stage),
                aim=aim.stage,
                aim_name=framework.stage_name(aim.stage),
                priority=priority,
            )
        )
    return gaps


def build_roster(
    profile: CoalitionProfile,
    guide: Guide,
    *,
    coalition: str | None = None,
    profile_file: str | None = None,
    assessed_on: str | None = None,
    gaps: Iterable[Gap] | None = None,
    tags_note: str | None = None,
    actions: Sequence[ActionRecord] = (),
    indicator_names: Mapping[str, str] | None = None,
) -> RosterReport:
    """The roster of a profile; `gaps` None means there is no assessment to take gaps from.

    `tags_note` says why the Guide's tags do not apply (another rubric): the roles then serve nothing.
    `actions` are the assessment's, for the members that rest on one person who owns open ones;
    `indicator_names` (the assessment's rubric's) name their indicators.
    """
    gap_index = {gap.id: gap for gap in gaps or ()}
    tags_apply = tags_note is None
    checks, cautions = formalization(profile, guide)
    return RosterReport(
        coalition=coalition or profile.name or "The coalition",
        profile_file=profile_file,
        assessed_on=assessed_on,
        gaps_known=gaps is not None,
        coverage=coverage(profile, guide, gap_index, tags_apply=tags_apply),
        formalization=checks,
        cautions=cautions,
        members=tuple(_member_report(member, guide, gap_index, tags_apply) for member in profile.members),
        tags_note=tags_note,
        executive_committee=executive_committee(profile),
        sole_representatives=sole_representatives(profile, actions, indicator_names),
        to_discuss=to_discuss(guide),
    )


def to_discuss(guide: Guide) -> ToDiscuss:
    """The Guide's Step 1 questions and Step 3 commitments, word for word."""
    return ToDiscuss(
        getting_started_intro=guide.getting_started_intro,
        getting_started=tuple(
            GuideQuestion(id=q.id, name=q.name, question=q.question, note=q.note)
            for q in guide.getting_started
        ),
        commitments_intro=guide.commitments_intro,
        commitments=tuple(SharedCommitment(id=c.id, name=c.name, text=c.text) for c in guide.commitments),
    )


def coverage(
    profile: CoalitionProfile, guide: Guide, gaps: dict[str, Gap], *, tags_apply: bool = True
) -> tuple[GroupCoverage, ...]:
    """The ten stakeholder groups, in the Guide's order, each with the members that represent it."""
    return tuple(
        GroupCoverage(
            id=group.id,
            name=group.name,
            members=tuple(m.organization for m in profile.members if m.stakeholder_group == group.id),
            why_it_matters=group.why_it_matters,
            sample_roles=_sample_roles(_kinds(guide, group.partner_kinds), gaps, tags_apply),
        )
        for group in guide.stakeholder_groups
    )


def _member_report(member: Member, guide: Guide, gaps: dict[str, Gap], tags_apply: bool) -> MemberReport:
    group = guide.stakeholder_group(member.stakeholder_group)
    kind_ids = (member.partner_kind,) if member.partner_kind else group.partner_kinds if group else ()
    return MemberReport(
        organization=member.organization,
        stakeholder_group=member.stakeholder_group,
        stakeholder_group_name=group.name if group else member.stakeholder_group,
        role=member.role,
        commitment=member.commitment,
        representatives=tuple(f"{r.name} ({r.title})" if r.title else r.name for r in member.representatives),
        sample_roles=_sample_roles(_kinds(guide, kind_ids), gaps, tags_apply),
    )


def _kinds(guide: Guide, ids: Iterable[str]) -> list[PartnerKind]:
    return [kind for kind_id in ids if (kind := guide.partner_kind(kind_id)) is not None]


def _sample_roles(kinds: list[PartnerKind], gaps: dict[str, Gap], tags_apply: bool) -> tuple[SampleRole, ...]:
    """The roles of the kinds; a role's `serves` tags are kept only when they name the assessment's rubric."""
    return tuple(
        SampleRole(
            partner_kind=kind.id,
            partner_kind_name=kind.name,
            text=item.text,
            lead_in=kind.lead_in,
            serves=item.serves if tags_apply else (),
            gaps=tuple(gaps[i] for i in item.serves if i in gaps),
        )
        for kind in kinds
        for item in kind.responsibilities
    )
