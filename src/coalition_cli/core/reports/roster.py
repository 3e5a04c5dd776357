"""The roster: a coalition's profile read against the Guide to Building a Broad-Based Coalition.

Pure functions of plain data, no I/O: which of the ten stakeholder groups are at the table, how far
the coalition is formalized (the Guide's Step 6), the cautions the Guide states outright, and, for
each member, the sample roles its partner kind can play (Step 5) with the indicators those roles
serve where the assessment shows a gap.

The Guide tags each sample role with the indicators it serves, in one rubric (its `tags_framework`).
For an assessment on another rubric the tags mean nothing: the roles are listed without them, and the
roster says why once.

A gap, and what the team aims for there, is `scoring.aim` (the rule the action plan uses): a rated
indicator below the framework's top stage, aiming for its `target` when set above the stage, else
the next stage. Unrated indicators are not gaps: nothing is known about them yet.

The project's reading of the Guide, where it gives no number:
- "Designated leaders": met when at least one member is chair or co-chair, unless the only leader's
  representative is the Superintendent (a title starting with "Superintendent"), which the Guide
  does not recommend.
- "Formal structure": an executive committee of at least two members (chairs, co-chairs and
  `executive-committee` seats), at least one committee or working group, and reporting mechanisms.
- "Regular meetings": the full coalition meets at least semi-annually.
- "Organizational commitment": met when every member's commitment is organizational. The coalition
  "depends on a few individuals" (a caution) when at least half of the members whose commitment is
  recorded take part as individuals, or when a chair or co-chair does.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from coalition_cli.core.loading.profiles import check_profile_file, looks_like_profile, profile_path
from coalition_cli.core.model.guide import Guide, PartnerKind
from coalition_cli.core.model.profile import FREQUENCIES, CoalitionProfile, Member
from coalition_cli.core.reports.document import Cell, Column, Document, Heading, Line, table
from coalition_cli.core.scoring import score
from coalition_cli.core.wording import plural

if TYPE_CHECKING:
    from coalition_cli.core.loading.assessments import LoadedAssessment
    from coalition_cli.core.model.framework import Framework

Status = Literal["met", "not-met", "unknown"]

SEMI_ANNUALLY = FREQUENCIES.index("semi-annually")
SUPERINTENDENT = "superintendent"


@dataclass(frozen=True)
class Gap:
    """An indicator the assessment rates below the top stage."""

    id: str
    name: str
    stage: int
    stage_name: str
    aim: int
    """The team's target when set above the stage, else the next stage."""
    aim_name: str
    priority: bool


@dataclass(frozen=True)
class SampleRole:
    """One of the Guide's sample responsibilities (Step 5), as written, for one partner kind."""

    partner_kind: str
    partner_kind_name: str
    text: str
    lead_in: str | None
    """The Guide's lead-in that the text completes, for kinds whose items are sub-items of one."""
    serves: tuple[str, ...]
    """The indicators the Guide tags it with; empty when the tags are for another rubric."""
    gaps: tuple[Gap, ...]
    """The indicators it serves that the assessment shows as gaps (empty without an assessment)."""


@dataclass(frozen=True)
class GroupCoverage:
    id: str
    name: str
    members: tuple[str, ...]
    """The organizations that represent the group: empty when it is missing."""
    why_it_matters: str
    sample_roles: tuple[SampleRole, ...]

    @property
    def represented(self) -> bool:
        return bool(self.members)


@dataclass(frozen=True)
class FormalizationCheck:
    id: str
    name: str
    status: Status
    reason: str
    guide_text: str


@dataclass(frozen=True)
class Caution:
    """A rule the Guide states outright that the coalition does not follow."""

    code: str
    element: str
    """The Step 6 element it belongs to."""
    message: str


@dataclass(frozen=True)
class MemberReport:
    organization: str
    stakeholder_group: str
    stakeholder_group_name: str
    role: str
    commitment: str | None
    representatives: tuple[str, ...]
    """`Name (Title)` of each representative, as listed."""
    sample_roles: tuple[SampleRole, ...]


@dataclass(frozen=True)
class RosterReport:
    """Everything `coalition roster` shows, as plain data (for JSON, Markdown and the action plan)."""

    coalition: str
    profile_file: str | None
    """The shared coalition.yaml the profile came from, or None when it is written in the assessment."""
    assessed_on: str | None
    gaps_known: bool
    """False when there is no assessment to take gaps from (a coalition.yaml on its own), or when the
    Guide's tags are for another rubric than the assessment's."""
    coverage: tuple[GroupCoverage, ...]
    formalization: tuple[FormalizationCheck, ...]
    cautions: tuple[Caution, ...]
    members: tuple[MemberReport, ...]
    tags_note: str | None = None
    """Why the roles name no indicators: the assessment's rubric is not the one the Guide's tags name."""

    @property
    def guide_tags_apply(self) -> bool:
        return self.tags_note is None

    @property
    def missing_groups(self) -> tuple[GroupCoverage, ...]:
        return tuple(group for group in self.coverage if not group.represented)

    def count(self, status: Status) -> int:
        return sum(check.status == status for check in self.formalization)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for group, coverage in zip(data["coverage"], self.coverage, strict=True):
            group["represented"] = coverage.represented
        data["guide_tags_apply"] = self.guide_tags_apply
        return data


# ------------------------------------------------------------------------------------------- building


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
                indicator.id,
                indicator.name,
                stage,
                framework.stage_name(stage),
                aim.stage,
                framework.stage_name(aim.stage),
                priority,
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
) -> RosterReport:
    """The roster of a profile; `gaps` None means there is no assessment to take gaps from.

    `tags_note` says why the Guide's tags do not apply (another rubric): the roles then serve nothing.
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
    )


def coverage(
    profile: CoalitionProfile, guide: Guide, gaps: dict[str, Gap], *, tags_apply: bool = True
) -> tuple[GroupCoverage, ...]:
    """The ten stakeholder groups, in the Guide's order, each with the members that represent it."""
    return tuple(
        GroupCoverage(
            group.id,
            group.name,
            tuple(m.organization for m in profile.members if m.stakeholder_group == group.id),
            group.why_it_matters,
            _sample_roles(_kinds(guide, group.partner_kinds), gaps, tags_apply),
        )
        for group in guide.stakeholder_groups
    )


def _member_report(member: Member, guide: Guide, gaps: dict[str, Gap], tags_apply: bool) -> MemberReport:
    group = guide.stakeholder_group(member.stakeholder_group)
    kind_ids = (member.partner_kind,) if member.partner_kind else group.partner_kinds if group else ()
    return MemberReport(
        member.organization,
        member.stakeholder_group,
        group.name if group else member.stakeholder_group,
        member.role,
        member.commitment,
        tuple(f"{r.name} ({r.title})" if r.title else r.name for r in member.representatives),
        _sample_roles(_kinds(guide, kind_ids), gaps, tags_apply),
    )


def _kinds(guide: Guide, ids: Iterable[str]) -> list[PartnerKind]:
    return [kind for kind_id in ids if (kind := guide.partner_kind(kind_id)) is not None]


def _sample_roles(kinds: list[PartnerKind], gaps: dict[str, Gap], tags_apply: bool) -> tuple[SampleRole, ...]:
    """The roles of the kinds; a role's `serves` tags are kept only when they name the assessment's rubric."""
    return tuple(
        SampleRole(
            kind.id,
            kind.name,
            item.text,
            kind.lead_in,
            item.serves if tags_apply else (),
            tuple(gaps[i] for i in item.serves if i in gaps),
        )
        for kind in kinds
        for item in kind.responsibilities
    )


# ---------------------------------------------------------------------------------- formalization


@dataclass(frozen=True)
class _Part:
    """One thing an element needs: there (True), not there (False) or not recorded (None)."""

    state: bool | None
    text: str


def _combine(parts: list[_Part]) -> tuple[Status, str]:
    states = [part.state for part in parts]
    status: Status = "not-met" if False in states else "unknown" if None in states else "met"
    return status, _sentence("; ".join(part.text for part in parts))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _in_place(value: str | None, noun: str, key: str) -> _Part:
    if value == "yes":
        return _Part(True, f"the {noun} is in place")
    if value == "draft":
        return _Part(False, f"the {noun} is still a draft")
    if value == "no":
        return _Part(False, f"there is no {noun} yet")
    return _Part(
        None, f"the profile does not say whether there is a {noun} (add `{key}: yes`, `draft` or `no`)"
    )


def _names(members: Iterable[Member]) -> str:
    """`A`, `A and B`, `A, B and C`."""
    names = [member.organization for member in members]
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


Result = tuple[Status, str, list["Caution"]]


def _clear_definition(profile: CoalitionProfile) -> Result:
    parts = [
        _in_place(profile.charter, "charter", "charter"),
        _in_place(profile.membership_definition, "written definition of membership", "membership_definition"),
    ]
    return (*_combine(parts), [])


def _designated_leaders(profile: CoalitionProfile) -> Result:
    leaders = [member for member in profile.members if member.leads]
    if not leaders:
        return (
            "not-met",
            "No member is chair or co-chair: give the leading members `role: chair` or `role: co-chair`.",
            [],
        )
    if len(leaders) > 1:
        return "met", f"Leadership is shared by {_names(leaders)}.", []
    sole = leaders[0]
    superintendent = next(
        (r for r in sole.representatives if (r.title or "").strip().casefold().startswith(SUPERINTENDENT)),
        None,
    )
    if superintendent is None:
        return (
            "met",
            f"{sole.organization} chairs the coalition alone; the Guide suggests sharing leadership.",
            [],
        )
    message = (
        f"The Superintendent ({superintendent.name}, {sole.organization}) is the coalition's sole chair. "
        "The Guide: “It is not recommended that the Superintendent serve as a sole chair.” Share leadership "
        "through a co-chair from another sector, or a chair that rotates among the executive committee."
    )
    return (
        "not-met",
        f"The Superintendent is the sole chair ({sole.organization}), which the Guide does not recommend.",
        [Caution("superintendent-sole-chair", "designated-leaders", message)],
    )


def _formal_structure(profile: CoalitionProfile) -> Result:
    executive = [member for member in profile.members if member.on_executive_committee]
    if len(executive) >= 2:
        committee = _Part(True, f"an executive committee of {len(executive)} members")
    else:
        committee = _Part(
            False,
            "no executive committee (mark its members `role: executive-committee`, or chair / co-chair)"
            if not executive
            else f"only {executive[0].organization} sits on the executive committee",
        )
    working = [member for member in profile.members if member.role == "working-group"]
    if profile.committees:
        groups = _Part(
            True,
            plural(len(profile.committees), "committee or working group", "committees or working groups"),
        )
    elif working:
        groups = _Part(
            True,
            f"{plural(len(working), 'member')} {'sits' if len(working) == 1 else 'sit'} on working groups",
        )
    elif profile.committees is None:
        groups = _Part(
            None, "the profile lists no committees or working groups (add them under `committees:`)"
        )
    else:
        groups = _Part(False, "no task- or function-focused committees")
    if profile.reporting:
        reporting = _Part(True, "reporting: " + "; ".join(profile.reporting))
    elif profile.reporting is None:
        reporting = _Part(None, "the profile does not say how committees report (add `reporting:`)")
    else:
        reporting = _Part(False, "no established reporting mechanisms")
    return (*_combine([committee, groups, reporting]), [])


def _regular_meetings(profile: CoalitionProfile) -> Result:
    full, executive = profile.meetings.coalition, profile.meetings.executive_committee
    if full is None:
        return (
            "unknown",
            "The profile does not say how often the full coalition meets (add `meetings: coalition: quarterly`, "
            "for example).",
            [],
        )
    said = f"The full coalition meets {_frequency(full)}"
    if executive is not None:
        said += f", the executive committee {_frequency(executive)}"
    if FREQUENCIES.index(full) <= SEMI_ANNUALLY:
        if (
            executive is not None
            and "irregular" not in (full, executive)
            and FREQUENCIES.index(executive) > FREQUENCIES.index(full)
        ):
            said += "; the Guide says the executive committee would likely meet more often than the full coalition"
        return "met", said + ".", []
    message = (
        f"The full coalition meets {_frequency(full)}. The Guide: “The Broad-Based Coalition should convene "
        "semi-annually or quarterly.” Set a regular calendar, at least twice a year."
    )
    return (
        "not-met",
        said + "; the Guide asks for at least twice a year.",
        [Caution("meets-too-rarely", "regular-meetings", message)],
    )


def _frequency(value: str) -> str:
    return {
        "irregular": "irregularly",
        "every-other-week": "every other week",
        "every-other-month": "every other month",
    }.get(value, value)


def _organizational_commitment(profile: CoalitionProfile) -> Result:
    members = profile.members
    individual = [m for m in members if m.commitment == "individual"]
    organizational = [m for m in members if m.commitment == "organizational"]
    unrecorded = [m for m in members if m.commitment is None]
    if not individual and not organizational:
        return (
            "unknown",
            "The profile does not say whether members committed as organizations or as individuals (add "
            "`commitment: organizational` or `individual` to each member).",
            [],
        )
    if not individual:
        if unrecorded:
            return (
                "unknown",
                f"{plural(len(organizational), 'member')} committed as organizations; the commitment of "
                f"{_names(unrecorded)} is not recorded.",
                [],
            )
        return "met", f"Every member ({len(members)}) committed as an organization.", []
    reason = (
        f"{len(individual)} of {plural(len(members), 'member')} {'takes' if len(individual) == 1 else 'take'} "
        "part through individuals rather than as "
        f"organizations: {_names(individual)}."
    )
    leaders = [m for m in individual if m.leads]
    if 2 * len(individual) < len(individual) + len(organizational) and not leaders:
        return "not-met", reason, []
    who = f"its leadership ({_names(leaders)})" if leaders else f"{len(individual)} of its members"
    message = (
        f"The coalition depends on a few individuals: {who} take part on personal commitment, not their "
        "organization's. The Guide: it “cannot depend solely on the involvement and commitment of a limited "
        "number of individuals”; ask each organization to commit, and orient more than one representative."
    )
    return "not-met", reason, [Caution("depends-on-individuals", "organizational-commitment", message)]


def _master_plan(profile: CoalitionProfile) -> Result:
    return (*_combine([_in_place(profile.master_plan, "coalition master plan", "master_plan")]), [])


CHECKS: dict[str, Callable[[CoalitionProfile], Result]] = {
    "clear-definition": _clear_definition,
    "designated-leaders": _designated_leaders,
    "formal-structure": _formal_structure,
    "regular-meetings": _regular_meetings,
    "organizational-commitment": _organizational_commitment,
    "master-plan": _master_plan,
}
"""One check for each element of the Guide's Step 6, by element id."""


def formalization(
    profile: CoalitionProfile, guide: Guide
) -> tuple[tuple[FormalizationCheck, ...], tuple[Caution, ...]]:
    """Each Step 6 element, in the Guide's order, met / not met / unknown with the reason."""
    checks: list[FormalizationCheck] = []
    cautions: list[Caution] = []
    for element in guide.formalization:
        check = CHECKS.get(element.id)
        found: list[Caution] = []
        status: Status = "unknown"
        reason = "This tool has no check for this element yet."
        if check is not None:
            status, reason, found = check(profile)
        checks.append(FormalizationCheck(element.id, element.name, status, reason, element.text))
        cautions.extend(found)
    return tuple(checks), tuple(cautions)


# ------------------------------------------------------------------------------------------- loading


def load_roster(path: Path) -> RosterReport:
    """The roster of an assessment file (with its profile) or of a coalition.yaml on its own.

    Raises ReadError (unreadable, a folder), UsageError (an assessment without a profile), FrameworkError, or
    InvalidFileError with the located problems of the file and of the profile it references.
    """
    from coalition_cli.core.errors import InvalidFileError, UsageError
    from coalition_cli.core.loading.assessments import load_assessment
    from coalition_cli.core.loading.frameworks import load_guide

    guide = load_guide()
    text = _profile_text(path)
    if text is not None:
        checked = check_profile_file(path, guide, text=text)
        if checked.value is None or checked.has_errors:
            count = sum(problem.is_error for problem in checked.problems)
            raise InvalidFileError(
                f"{path} has {plural(count, 'problem')}",
                problems=list(checked.problems),
                hint=f"fix them, then run `coalition roster {path}` again",
            )
        return build_roster(checked.value, guide, profile_file=str(path))
    loaded = load_assessment(path)
    report = roster_report(loaded, guide)
    if report is None:
        raise UsageError(
            f"{path} has no coalition profile, so there is no roster to show",
            hint="add `profile: coalition.yaml` (a file describing the members, meetings and structure, shared "
            "by every term) or write the profile out under `profile:`",
        )
    return report


def _profile_text(path: Path) -> str | None:
    """The text of a coalition.yaml, or None for anything else (loading it as an assessment says what)."""
    from coalition_cli.core.yaml import source as yamlsource

    try:
        text = yamlsource.read_text(path)
        return text if looks_like_profile(yamlsource.parse_fast(text)) else None
    except (OSError, yamlsource.TextProblem):
        return None


# -------------------------------------------------------------------------------------- as a document

ROLE_LABELS = {"executive-committee": "executive committee", "working-group": "working group"}
STATUS_LABELS: dict[Status, str] = {"met": "met", "not-met": "not met", "unknown": "unknown"}
STATUS_CELLS: dict[Status, Cell] = {
    "met": Cell("✓ met", tone="good"),
    "not-met": Cell("✗ not met", tone="bad"),
    "unknown": Cell("? unknown", tone="warn"),
}
_LIST_END = re.compile(r"\s*(?:;\s*and|;|\.)\s*$")


def roster_document(report: RosterReport) -> Document:
    """The roster as headings, lines and tables, for the terminal and for Markdown."""
    where = f"Profile: {report.profile_file or 'written in the assessment'}"
    if report.assessed_on and report.gaps_known:
        where += f" · gaps from the assessment of {report.assessed_on}"
    document: Document = [Heading(f"{report.coalition}: who is at the table", 1), Line(where, tone="muted")]
    document += _coverage_blocks(report)
    document += _formalization_blocks(report)
    document += _member_blocks(report)
    return document


def _coverage_blocks(report: RosterReport) -> Document:
    represented = len(report.coverage) - len(report.missing_groups)
    blocks: Document = [
        Heading(f"Stakeholder groups: {represented} of {len(report.coverage)} represented", 2),
        table(
            None,
            ["", "Stakeholder group (Guide, Step 2)", "Represented by"],
            (
                [
                    Cell("✓", tone="good") if group.represented else Cell("✗", tone="bad"),
                    group.name,
                    ", ".join(group.members) if group.represented else Cell("missing", tone="bad"),
                ]
                for group in report.coverage
            ),
        ),
    ]
    for group in report.missing_groups:
        blocks += [Heading(f"Missing: {group.name}", 3), Line(f"Why it matters: {group.why_it_matters}")]
        blocks += _roles_blocks(group.sample_roles, report.gaps_known, "What they could do (Guide, Step 5)")
    return blocks


def _formalization_blocks(report: RosterReport) -> Document:
    counts = ", ".join(
        f"{report.count(status)} {label}" for status, label in STATUS_LABELS.items() if report.count(status)
    )
    blocks: Document = [
        Heading(f"Formalization (Guide, Step 6): {counts}", 2),
        table(
            None,
            ["Element", Column("Status", nowrap=True), "Why"],
            ([check.name, STATUS_CELLS[check.status], check.reason] for check in report.formalization),
        ),
    ]
    if report.cautions:
        blocks.append(Heading("Cautions from the Guide", 2))
        blocks += [Line(f"! {caution.message}", tone="warn") for caution in report.cautions]
    return blocks


def _member_blocks(report: RosterReport) -> Document:
    blocks: Document = [Heading("Members and the roles they could play (Guide, Step 5)", 2)]
    if report.tags_note:
        blocks.append(Line(report.tags_note, tone="muted"))
    elif report.gaps_known:
        blocks.append(
            Line(
                "Beside each role: the indicators it serves that the assessment rates below the top stage "
                "(now → what the team aims for).",
                tone="muted",
            )
        )
    else:
        blocks.append(
            Line(
                "No assessment given: run `coalition roster` on an assessment file to see the gaps each role serves.",
                tone="muted",
            )
        )
    for member in report.members:
        details = [member.stakeholder_group_name, ROLE_LABELS.get(member.role, member.role)]
        if member.commitment:
            details.append(f"{member.commitment} commitment")
        if member.representatives:
            details.append(", ".join(member.representatives))
        blocks += [Heading(member.organization, 3), Line(" · ".join(details))]
        blocks += _roles_blocks(member.sample_roles, report.gaps_known, "Sample role (Guide, Step 5)")
    return blocks


def _roles_blocks(roles: tuple[SampleRole, ...], gaps_known: bool, header: str) -> Document:
    if not roles:
        return [
            Line(
                "The Guide's Step 5 gives this group no sample roles of its own: the other partners' roles "
                "are written as work with it.",
                tone="muted",
            )
        ]
    several_kinds = len({role.partner_kind for role in roles}) > 1
    lead_in = roles[0].lead_in if not several_kinds else None
    columns = [header, "Gaps it serves"] if gaps_known else [header]
    rows = []
    for role in roles:
        text = role_text(role, with_kind=several_kinds, with_lead_in=lead_in is None)
        gaps = "; ".join(gap_text(gap) for gap in role.gaps) or Cell("—", tone="muted")
        rows.append([text, gaps] if gaps_known else [text])
    said: Document = [Line(f"{lead_in} …")] if lead_in else []
    return [*said, table(None, columns, rows)]


def role_text(role: SampleRole, *, with_kind: bool = False, with_lead_in: bool = True) -> str:
    """A sample role as a phrase: the Guide's list punctuation dropped, its lead-in (if any) joined on."""
    text = _LIST_END.sub("", role.text)
    if role.lead_in and with_lead_in:
        text = f"{role.lead_in}, {text[:1].lower()}{text[1:]}"
    return f"{role.partner_kind_name}: {text}" if with_kind else text


def gap_text(gap: Gap) -> str:
    """`C3.1 Access and Equity: 2 Developing → 3 Advancing (priority)`."""
    priority = " (priority)" if gap.priority else ""
    return f"{gap.id} {gap.name}: {gap.stage} {gap.stage_name} → {gap.aim} {gap.aim_name}{priority}"
