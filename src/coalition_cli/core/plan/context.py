"""The action plan as data: the one context every plan template renders.

Templates receive the fields of `PlanContext` as top-level names (`header`, `standing`, …). Every
value is a frozen dataclass of this module or plain data: strings, numbers, booleans, None and tuples,
never live framework or Guide objects, so a template (ours or a coalition's own, run in Jinja's sandbox)
sees plain data and nothing it could call into. Every number a template shows also comes pre-formatted
(`score_text`, `change_text`) so Markdown and HTML agree. Every field is documented; names are stable.
`plan.build.build_plan` builds it.

The sections follow the order of the plan:

1. `header`: coalition, date, facilitator, participants grouped by the Guide's stakeholder groups.
2. `standing`: overall and domain scores with stages; with `--since`, the change since then.
3. `priorities`: the `--focus N` indicators to work on first, each with the reason it was chosen.
4. `domains`: per domain, every rated indicator below the top stage, with where it is, what the target
   looks like, the team's evidence and actions, and who could lead (from the Guide).
5. `unrated`: indicators not yet rated, each with the command that rates it.
6. `appendix`: the attribution of the framework and the Guide.

`roster` (after the priorities) is the coalition profile read against the Guide: which stakeholder
groups are at the table and how formal the coalition is. It is None, and renders nothing, when the
assessment has no profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from markupsafe import Markup

    from coalition_cli.core.reports.comparison import Direction
    from coalition_cli.core.reports.roster.results import RosterReport


@dataclass(frozen=True, kw_only=True)
class StageInfo:
    """One stage of the rubric, with its colors in the plan (a fill and a text color that contrasts)."""

    number: int
    name: str
    fill: str
    text: str


@dataclass(frozen=True, kw_only=True)
class Person:
    """A participant in the assessment."""

    name: str
    organization: str | None
    role: str | None
    short: str
    """`Name (Organization)`."""
    display: str
    """`Name (Organization), role`: the name with whatever else the file says."""


@dataclass(frozen=True, kw_only=True)
class ParticipantGroup:
    """The participants of one stakeholder group, in the Guide's order of groups."""

    id: str | None
    """The Guide's stakeholder group id, or None for participants whose group is not recorded."""
    name: str
    """The group's name in the Guide, e.g. "Business organizations and industry associations"."""
    people: tuple[Person, ...]


@dataclass(frozen=True, kw_only=True)
class Header:
    """Who assessed what, and when."""

    title: str
    """The plan's title: "Action plan: <coalition>"."""
    coalition: str
    assessed_on: str
    """ISO date, 2026-03-14."""
    assessed_on_long: str
    """The same date for reading: 14 March 2026."""
    term: str | None
    facilitator: str | None
    source_file: str
    """The assessment file's name (no folders)."""
    framework_id: str
    framework_title: str
    framework_publisher: str | None
    framework_published: str | None
    participant_count: int
    participant_groups: tuple[ParticipantGroup, ...]
    groups_at_table: int
    """How many of the Guide's stakeholder groups have at least one participant."""
    groups_total: int
    groups_missing: tuple[str, ...]
    """Names of the Guide's stakeholder groups with no participant."""
    notes: str | None
    """The assessment's own `notes`, if any."""
    generator: str
    """What wrote the plan: "coalition 0.1.0"."""


@dataclass(frozen=True, kw_only=True)
class Since:
    """The earlier assessment that `--since` compares with."""

    assessed_on: str
    assessed_on_long: str
    term: str | None
    source_file: str
    label: str
    """How the plan names it: the term if there is one, else the long date."""


@dataclass(frozen=True, kw_only=True)
class IndicatorChange:
    """How one indicator's stage moved between the `--since` assessment and this one."""

    id: str
    name: str
    before: int | None
    before_name: str | None
    after: int | None
    after_name: str | None
    kind: Direction
    """advanced, declined, unchanged, newly rated, no longer rated, or not rated (in either)."""
    change_text: str
    """"+1", "−1", "0", "new" or "" (not rated now)."""


@dataclass(frozen=True, kw_only=True)
class DomainStanding:
    """A domain's score (the mean of its rated indicators) and, with `--since`, its change."""

    id: str
    name: str
    anchor: str
    """An HTML id for links to the domain's section."""
    score: float | None
    score_text: str
    """Rounded to 2 decimals, or "—" when no indicator of the domain is rated."""
    bar: str
    """The score as a bar of 10 blocks, full at the top stage (`██████░░░░`), for plain-text documents."""
    stage: int | None
    stage_name: str | None
    rated: int
    total: int
    previous_score: float | None
    previous_score_text: str
    change: float | None
    change_text: str
    """"+0.50", "−0.25", "0.00", or "" when either score is missing or there is no `--since`."""


@dataclass(frozen=True, kw_only=True)
class Standing:
    """Where we stand: the overall and domain scores, completeness and, with `--since`, the change."""

    score: float | None
    score_text: str
    stage: int | None
    stage_name: str | None
    rated: int
    total: int
    rated_text: str
    """"3 of 22 indicators rated" (the noun agrees with the total: "1 of 1 indicator rated")."""
    completeness_percent: int
    top_stage: int
    previous_score: float | None
    previous_score_text: str
    change: float | None
    change_text: str
    domains: tuple[DomainStanding, ...]
    since: Since | None
    headline: str
    """One sentence of progress ("4 indicators advanced, 1 declined, 15 unchanged."), or "" without `--since`."""
    advanced: tuple[IndicatorChange, ...]
    declined: tuple[IndicatorChange, ...]
    newly_rated: tuple[IndicatorChange, ...]
    no_longer_rated: tuple[IndicatorChange, ...]


@dataclass(frozen=True, kw_only=True)
class Glance:
    """One indicator in the at-a-glance table and the stage heatmap."""

    id: str
    name: str
    domain_id: str
    domain_name: str
    stage: int | None
    stage_name: str | None
    target: int | None
    target_name: str | None
    change: IndicatorChange | None
    priority_rank: int | None
    anchor: str | None
    """The HTML id of the indicator's section in the plan, or None when it has none (unrated or top stage)."""


@dataclass(frozen=True, kw_only=True)
class Priority:
    """One of the indicators to work on first, and why it was chosen."""

    rank: int
    id: str
    name: str
    domain_id: str
    domain_name: str
    stage: int | None
    stage_name: str | None
    team_marked: bool
    """True when the team marked it `priority: true`; else chosen as a low stage in a low-scoring domain."""
    reason: str
    anchor: str | None


@dataclass(frozen=True, kw_only=True)
class PlanAction:
    """An action the team committed to."""

    action: str
    owner: str | None
    due: str | None
    """ISO date."""
    due_long: str | None
    status: str | None
    """planned, in-progress, done or dropped (as written), or None."""


@dataclass(frozen=True, kw_only=True)
class Link:
    """A link the team recorded as evidence. `href` is set only for http(s) and mailto addresses."""

    text: str
    href: str | None


@dataclass(frozen=True, kw_only=True)
class PartnerRole:
    """A kind of partner the Guide says could help with an indicator, and how."""

    id: str
    name: str
    """The partner kind as the Guide names it, e.g. "Chamber of Commerce and Industry Associations"."""
    lead_in: str | None
    """The Guide's lead-in sentence for these responsibilities, where it has one."""
    responsibilities: tuple[str, ...]
    """The Guide's sample responsibilities tagged with this indicator (list punctuation trimmed)."""
    stakeholder_groups: tuple[str, ...]
    """Names of the stakeholder groups this kind of partner belongs to."""
    at_the_table: tuple[str, ...]
    """Participants of this assessment who are this kind of partner, as "Name, Organization"."""
    members: tuple[str, ...] = ()
    """Member organizations of this kind in the coalition profile, whether or not they took part."""


@dataclass(frozen=True, kw_only=True)
class RoomVotes:
    """What the room said of an indicator in a `coalition room` session (read from its journal)."""

    voted: int
    """Phones that voted (a "don't know" included)."""
    dont_know: int
    apart: int
    """Voters 2 or more stages (on a rubric of two stages: any stage) from the middle rating."""
    text: str
    """The sentence: "12 people rated this in the room; 3 were 2 or more stages away from the middle rating."."""


@dataclass(frozen=True, kw_only=True)
class IndicatorPlan:
    """One rated indicator below the top stage: where it is, where it is going, and who could lead."""

    id: str
    name: str
    anchor: str
    stage: int
    stage_name: str
    descriptor: tuple[str, ...]
    """The current stage's descriptor, one string per paragraph."""
    target: int
    target_name: str
    target_descriptor: tuple[str, ...]
    target_source: Literal["team", "next"]
    """"team" when the team set this target; "next" when it is simply the next stage."""
    team_target_reached: bool
    """True when the team's own target is at or below the current stage (so the next stage is shown)."""
    evidence: str | None
    notes: str | None
    links: tuple[Link, ...]
    actions: tuple[PlanAction, ...]
    partners: tuple[PartnerRole, ...]
    functions: tuple[str, ...]
    """Names of the coalition functions (Guide, Step 4) that serve this indicator."""
    priority_rank: int | None
    change: IndicatorChange | None
    room: RoomVotes | None = None
    """What the room said in a `coalition room` session, or None when there was none."""


@dataclass(frozen=True, kw_only=True)
class Named:
    """An id and a name (an indicator at the top stage, say)."""

    id: str
    name: str


@dataclass(frozen=True, kw_only=True)
class DomainPlan:
    """A domain's part of the plan: its guidance and its indicators below the top stage."""

    id: str
    name: str
    anchor: str
    standing: DomainStanding
    foundational_steps: tuple[str, ...]
    reflect: tuple[str, ...]
    """The domain's "Reflect on Your Practice" questions."""
    indicators: tuple[IndicatorPlan, ...]
    at_top: tuple[Named, ...]
    """Rated indicators already at the top stage."""
    unrated: tuple[Named, ...]


@dataclass(frozen=True, kw_only=True)
class Unrated:
    """An indicator not yet rated, and the exact command that rates it."""

    id: str
    name: str
    domain_id: str
    domain_name: str
    command: str


@dataclass(frozen=True, kw_only=True)
class Source:
    """A source text the plan quotes, with its attribution."""

    title: str
    publisher: str | None
    published: str | None
    attribution: str | None
    url: str | None


@dataclass(frozen=True, kw_only=True)
class Charts:
    """Inline SVG charts for the HTML plan (already escaped markup); their numbers are also in tables."""

    domain_bars: Markup
    stage_heatmap: Markup


@dataclass(frozen=True, kw_only=True)
class PlanContext:
    """Everything a plan template can use. Templates see its fields as top-level names (`header`, …)."""

    header: Header
    stages: tuple[StageInfo, ...]
    """The rubric's stages, lowest first."""
    standing: Standing
    focus: int
    """How many priorities were asked for (`--focus`)."""
    priorities: tuple[Priority, ...]
    priorities_not_shown: tuple[Named, ...]
    """Indicators the team marked as priorities beyond `--focus`."""
    domains: tuple[DomainPlan, ...]
    brief: bool
    """True with `--brief`: `domains` holds only the priorities, for a plan to read in the meeting."""
    glance: tuple[Glance, ...]
    """Every indicator, in framework order."""
    unrated: tuple[Unrated, ...]
    rate_all_command: str
    """The command that walks every indicator not yet rated."""
    guide_tags_apply: bool
    """False for a rubric other than the one the Guide's `serves` tags name: no partner suggestions."""
    guide_tags_note: str
    """When `guide_tags_apply` is false, why the plan suggests no partners (said once per plan); else ""."""
    charts: Charts
    roster: RosterReport | None
    """The coalition profile read against the Guide (coverage, formalization); None without a profile."""
    roster_command: str
    """The command that shows the full roster, with each member's sample roles."""
    framework: Source
    guide: Source

    def as_template_vars(self) -> dict[str, object]:
        """The fields as a mapping of top-level template names."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}
