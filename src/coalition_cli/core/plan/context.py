"""The action plan as data: the one context every plan template renders.

Templates receive the fields of `PlanContext` as top-level names (`header`, `standing`, …). Every
value is a record of this module or plain data: strings, numbers, booleans, None and tuples, never
live framework or Guide objects, so a template (ours or a coalition's own, run in Jinja's sandbox)
sees plain data and nothing it could call into. Every number a template shows also comes pre-formatted
(`score_text`, `change_text`) so Markdown and HTML agree. Every field is documented; names are stable.
The records are frozen dataclasses built by keyword (`core/frozen.py`): read their fields by name.
Making their classes takes 2.5 ms at every plan's start, where named tuples took 6 (30 classes and 300
fields: a named tuple checks each field's annotation and compiles a constructor per class).
`plan.build.build_plan` builds it.

The plan is written for its readers (a superintendent, a board, a funder, a parent), in this order:

1. `header`: the coalition, the term, and who the document is for (`audience`).
2. The summary, one printed page: where the coalition stands (`standing`), what changed since the
   `--since` assessment (`standing.since`, with last term's targets followed up), the `priorities` in
   priority order with their next action, and the decisions the coalition `needs` to make.
3. `priority_details`: each priority in detail, in priority order.
4. `register`: every action followed up (overdue as of the day the plan was made, carried over and
   gone since the `--since` assessment, the open actions by owner and due date, the load per owner).
5. Not with `--brief`: the charts and every indicator (`charts`, `glance`), the other indicators
   domain by domain (`domains`), who took part (`header.participant_groups`), the coalition profile
   (`roster`), the indicators not yet rated (`unrated`).
6. The appendix: sources, scoring, this tool's suggestions, the `glossary` terms the plan uses and
   its `abbreviations`, spelled out.

Nothing in the context is a command line or a local path: those belong in the terminal, which
`coalition plan` uses for its hints after writing a plan. With `--audience public`, the fields that
carry free-text notes, individual raters and person names are empty or name organizations instead
(see `plan.audience`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from coalition_cli.core.frozen import field_names, frozen

if TYPE_CHECKING:
    from markupsafe import Markup

    from coalition_cli.core.reports.comparison import Direction
    from coalition_cli.core.reports.roster.report import RosterReport
    from coalition_cli.core.reports.targets import TargetResult

Audience = Literal["coalition", "public"]


@frozen(kw_only=True)
class StageInfo:
    """One stage of the rubric, with its colors in the plan (a fill and a text color that contrasts)."""

    number: int
    name: str
    fill: str
    text: str


@frozen(kw_only=True)
class Person:
    """A participant in the assessment (for `--audience public`: their organization, no name)."""

    name: str | None
    """None for `--audience public`."""
    organization: str | None
    role: str | None
    """None for `--audience public` (a role can name the person as surely as a name)."""
    display: str
    """`Name (Organization), role` for the coalition; `Organization` for the public."""


@frozen(kw_only=True)
class ParticipantGroup:
    """The participants of one stakeholder group, in the Guide's order of groups."""

    id: str | None
    """The Guide's stakeholder group id, or None for participants whose group is not recorded."""
    name: str
    """The group's name in the Guide, e.g. "Business organizations and industry associations"."""
    people: tuple[Person, ...]
    """For `--audience public`, one entry per organization."""


@frozen(kw_only=True)
class Header:
    """Who assessed what, when, and who the document is for."""

    title: str
    """The plan's title: "Action plan: <coalition>"."""
    running_title: str
    """The line printed at the top of every page after the first: "<coalition> · Action plan, Spring 2026"."""
    coalition: str
    assessed_on: str
    """ISO date, 2026-03-14."""
    assessed_on_long: str
    """The same date for reading: 14 March 2026."""
    term: str | None
    term_label: str
    """The term if the file names one, else the long date."""
    prepared_on: str
    """ISO date: the day the plan was made (`--as-of`, default today; never before the assessment).
    Actions due before it and not marked done or dropped are overdue."""
    prepared_on_long: str
    """The same date for reading: 20 April 2026."""
    facilitator: str | None
    """The facilitator's name; for `--audience public` their organization (when a participant), else None."""
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
    """The assessment's own `notes`; None for `--audience public`."""
    audience: Audience
    audience_note: str
    """Who the document is for, in a sentence the reader sees first; a brief's also says what it holds
    and whom to ask for the full plan."""
    generator: str
    """What wrote the plan: "coalition 0.4.0" (the HTML's generator tag)."""
    made_with: str
    """The same for a reader, who would take "coalition" for the coalition: "the coalition
    self-assessment toolkit, version 0.4.0"."""
    guide_name: str = "the Guide"
    """The Guide named in full ("ConnectED’s Guide to Building a Broad-Based Coalition"): the header names
    it so at its first use in the plan, and every later mention says "the Guide"."""
    guide_cited: bool = False
    """True when the plan draws on the Guide beyond the header's count of stakeholder groups (partner
    suggestions for this rubric, or a coalition profile read against it): a header with no participants
    then names the Guide itself, so that "the Guide" later on is never a stranger."""


@frozen(kw_only=True)
class Since:
    """The earlier assessment that `--since` compares with."""

    assessed_on: str
    assessed_on_long: str
    term: str | None
    label: str
    """How the plan names it: the term if there is one, else the long date."""
    targets: TargetsFollowedUp | None
    """The targets it set, followed up now; None when it set none."""


@frozen(kw_only=True)
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
    counted_with: tuple[str, ...] = ()
    """In the lists of `Standing` (advanced, declined, …): the linked indicators this entry also
    stands for, counted once with it (C6.1 with C1.3); () elsewhere."""
    counted_with_names: tuple[str, ...] = ()
    """The same, each with its name: "C6.1 WBL Leadership"."""


@frozen(kw_only=True)
class TargetOutcome:
    """One target set in the `--since` assessment, and where the indicator is now."""

    id: str
    name: str
    anchor: str | None
    target: int
    target_name: str
    before_name: str | None
    """The stage when the target was set."""
    after_name: str | None
    """The stage now; None when it is not rated now."""
    result: TargetResult
    """reached, not yet, further away, or not rated."""


@frozen(kw_only=True)
class TargetsFollowedUp:
    """Last term's targets, reached or not (a rubric's linked indicators count once)."""

    total: int
    reached: int
    not_yet: int
    further_away: int
    not_rated: int
    sentence: str
    """"5 of 9 targets set in Fall 2025 reached, 3 not yet, 1 further away"."""
    outcomes: tuple[TargetOutcome, ...]
    """Every target, in framework order."""
    missed: tuple[TargetOutcome, ...]
    """The targets not reached, the ones further away first."""
    missed_further: tuple[TargetOutcome, ...]
    """The targets further away than when they were set."""
    missed_not_yet: tuple[TargetOutcome, ...]
    """The targets rated this term and not reached yet."""
    missed_not_rated: tuple[TargetOutcome, ...]
    """The targets not rated this term, when they are few enough to name (at most three); else none:
    the sentence counts them, and a list of ten would bury the few not reached yet."""


@frozen(kw_only=True)
class DomainStanding:
    """A domain's score (the mean of its rated indicators) and, with `--since`, its change."""

    id: str
    name: str
    anchor: str
    """An HTML id for links to the domain's section."""
    score: float | None
    score_text: str
    """Rounded to 2 decimals, or "—" when no indicator of the domain is rated."""
    place: str
    """Where the score lies among the stages, as readers see it on a chart: "between Developing and
    Advancing", "at Developing", "not rated yet"."""
    bar: str
    """The score as a bar of 10 blocks, empty at the first stage and full at the top one (`█████░░░░░`
    for 2.5 of 4), for plain-text documents."""
    stage: int | None
    stage_name: str | None
    """The stage the score has reached (its whole part: 2.75 has reached Developing)."""
    rated: int
    total: int
    previous_score: float | None
    previous_score_text: str
    change: float | None
    change_text: str
    """"+0.50", "−0.25", "0.00", or "" when either score is missing or there is no `--since`."""
    score_note: str = ""
    """"3 of 4 rated" when the score comes from some but not all of the domain's indicators (as
    `compare` says it), else ""."""
    change_note: str = ""
    """With `--since`, when the two scores come from different indicators: "C2.3 not rated this time",
    "C7.2 rated for the first time", "3 indicators rated in one term only" (said beside the change,
    which is then not the coalition's movement alone); else ""."""


@frozen(kw_only=True)
class Standing:
    """Where we stand: the overall and domain scores, completeness and, with `--since`, the change."""

    score: float | None
    score_text: str
    place: str
    """"between Emerging and Developing" (see `DomainStanding.place`)."""
    reached_text: str
    """"14 of 22 indicators at Developing or above": how many rated indicators have reached the stage
    the overall score is heading for (the score's own stage when it sits exactly on one)."""
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
    """One sentence of progress ("5 indicators advanced, 1 declined, 15 unchanged (C1.3 Work-based
    Learning Leadership and C6.1 WBL Leadership count as one)."), or "" without `--since`."""
    advanced: tuple[IndicatorChange, ...]
    """One entry per practice: linked indicators that moved together are one entry (`counted_with`)."""
    declined: tuple[IndicatorChange, ...]
    newly_rated: tuple[IndicatorChange, ...]
    no_longer_rated: tuple[IndicatorChange, ...]
    score_note: str = ""
    """"from 8 of 22 indicators, in 3 of 7 domains" when the overall score comes from fewer than three
    quarters of the indicators (the domains when some have none rated), else ""."""
    change_note: str = ""
    """With `--since`, when fewer than three quarters of the indicators rated in either term were
    rated in both: "The two scores come from different indicators: 8 rated then, 7 now, 6 of them
    both times." (a change partly made by what was rated), else ""."""


@frozen(kw_only=True)
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
    """The HTML id of the indicator's section in the plan, or None when it has none."""


@frozen(kw_only=True)
class PlanAction:
    """An action the team committed to."""

    action: str
    owner: str | None
    """As written; for `--audience public`, the owner's organization instead of a person's name."""
    due: str | None
    """ISO date."""
    due_long: str | None
    status: str | None
    """planned, in-progress, done or dropped (as written), or None."""
    status_text: str
    """The status for reading: "in progress", "done", …, or "open" when the file gives none (as the
    register says it)."""
    overdue: bool = False
    """Past its due date on the day the plan was made (`Header.prepared_on`), and not marked done or
    dropped in the assessment."""
    days_late: int | None = None
    """How many days past due on the day the plan was made, for an overdue action; else None."""


@frozen(kw_only=True)
class Priority:
    """One of the indicators to work on first: the team's own choice, or this tool's suggestion."""

    rank: int
    id: str
    name: str
    domain_id: str
    domain_name: str
    stage: int | None
    stage_name: str | None
    team_marked: bool
    """True when the team marked it `priority: true` ("the team's priorities")."""
    suggested: bool
    """True when this tool suggests it (a low stage in a low-scoring domain): the team has not chosen it."""
    reason: str
    """Why it is here, in a sentence."""
    short_reason: str
    """For a suggestion, why in a few words ("the lowest stage, in Data and Metrics: 1.33, tied for
    the lowest of the 7 domains"); "" for the team's own."""
    aim: int | None
    aim_name: str | None
    """What the team works towards: its own target, else the next stage; None without a gap."""
    aim_source: Literal["team", "next"] | None
    next_action: PlanAction | None
    """The open action due first (not done or dropped); None when there is none."""
    open_actions: int
    anchor: str | None


@frozen(kw_only=True)
class Need:
    """A decision the coalition needs to make, read from the assessment and the profile, in words that
    say what is to be decided ("Who owns …", "Whether to …")."""

    text: str
    about: str
    """What it is about, for a short label: "C4.2", "the Guide, Step 6: Master Plan", …"""
    source: Literal["ratings", "priorities", "actions", "roster"]


@frozen(kw_only=True)
class Link:
    """A link the team recorded as evidence. `href` is set only for http(s) and mailto addresses."""

    text: str
    href: str | None


@frozen(kw_only=True)
class PartnerRole:
    """A kind of partner whose sample roles in the Guide this tool links to an indicator.

    The link is this tool's suggestion: the Guide lists sample roles by kind of partner and never ties
    them to indicators. The roles themselves are quoted from the Guide."""

    id: str
    name: str
    """The partner kind as the Guide names it, e.g. "Chamber of Commerce and Industry Associations"."""
    lead_in: str | None
    """The Guide's lead-in sentence for these roles, where it has one."""
    responsibilities: tuple[str, ...]
    """The Guide's sample roles this tool links to the indicator, word for word (list punctuation trimmed)."""
    stakeholder_groups: tuple[str, ...]
    """Names of the stakeholder groups this kind of partner belongs to."""
    at_the_table: tuple[str, ...]
    """Participants of this assessment who are this kind of partner, as "Name, Organization" (for the
    public: the organization)."""
    members: tuple[str, ...] = ()
    """Member organizations of this kind in the coalition profile, whether or not they took part."""


@frozen(kw_only=True)
class FrameworkRole:
    """A role the rubric's own text describes, which this tool links to an indicator (the Community
    Framework's work-based learning intermediary for C1.3, C6.1 and C6.2)."""

    name: str
    quote: str
    """The rubric's words, exactly."""
    source: str
    """The rubric's section the words are from."""


@frozen(kw_only=True)
class RoomVotes:
    """What the room said of an indicator in a `coalition room` session (anonymous counts)."""

    voted: int
    """Phones that voted (a "don't know" included)."""
    dont_know: int
    lowest: int | None
    """The lowest stage given in the room; None when nobody could say which stage."""
    highest: int | None
    discuss: bool
    """The ratings were far enough apart (the spread, highest − lowest, of 2 or more; on a rubric of two
    stages, any difference) that the room was asked to discuss before agreeing, as its presenter said."""
    text: str
    """The sentence: "12 people rated this in the room; the ratings ranged from 1 Emerging to 3
    Advancing, so the room was asked to discuss it before agreeing."."""


@frozen(kw_only=True)
class IndicatorPlan:
    """One rated indicator below the top stage: where it is, where it is going, and who could help."""

    id: str
    name: str
    anchor: str
    domain_id: str
    domain_name: str
    stage: int
    stage_name: str
    descriptor: tuple[str, ...]
    """The current stage's descriptor, one string per paragraph (the rubric's words)."""
    target: int
    target_name: str
    target_descriptor: tuple[str, ...]
    target_source: Literal["team", "next"]
    """"team" when the team set this target; "next" when it is simply the next stage."""
    team_target_reached: bool
    """True when the team's own target is at or below the current stage (so the next stage is shown)."""
    evidence: str | None
    """The team's evidence; for `--audience public`, with the names of people it lists replaced."""
    notes: str | None
    """None for `--audience public`."""
    links: tuple[Link, ...]
    actions: tuple[PlanAction, ...]
    suggested_partners: tuple[PartnerRole, ...]
    """This tool's suggestion: kinds of partner whose sample roles in the Guide fit the indicator."""
    suggested_functions: tuple[str, ...]
    """This tool's suggestion: names of the coalition functions (the Guide, Step 4) that fit it."""
    framework_roles: tuple[FrameworkRole, ...]
    """This tool's suggestion: roles the rubric's own text describes, linked to the indicator."""
    linked_with: tuple[str, ...]
    """The indicators the rubric links with it ("C6.1" for C1.3), as "C6.1 WBL Leadership"."""
    priority_rank: int | None
    change: IndicatorChange | None
    room: RoomVotes | None = None
    """What the room said in a `coalition room` session, or None when there was none."""
    abbreviations: tuple[Abbreviation, ...] = ()
    """The abbreviations its name and the two quoted stages use, as the rubric spells them out,
    said under its heading ("WBL: work-based learning"): a reader meets WBL there, not in the
    appendix's glossary."""


@frozen(kw_only=True)
class Named:
    """An id and a name (an indicator at the top stage, say), and where it is detailed in the plan."""

    id: str
    name: str
    anchor: str | None = None


@frozen(kw_only=True)
class DomainPlan:
    """A domain's part of the plan: the rubric's guidance and its indicators below the top stage
    that are not priorities (those are detailed with the priorities)."""

    id: str
    name: str
    anchor: str
    standing: DomainStanding
    foundational_steps: tuple[str, ...]
    reflect: tuple[str, ...]
    """The domain's "Reflect on Your Practice" questions."""
    indicators: tuple[IndicatorPlan, ...]
    priorities: tuple[Named, ...]
    """The domain's indicators detailed among the priorities."""
    at_top: tuple[Named, ...]
    """Rated indicators already at the top stage."""
    unrated: tuple[Named, ...]


@frozen(kw_only=True)
class Unrated:
    """An indicator not yet rated, with what the team wrote on it so far: evidence gathered before
    the rating is the team's work too, and the plan is where the room reads it next."""

    id: str
    name: str
    domain_id: str
    domain_name: str
    evidence: str | None = None
    """The team's evidence so far; for `--audience public`, with the names of people it lists replaced."""
    notes: str | None = None
    """The team's notes on it (the coalition's plan only)."""
    before_name: str | None = None
    """With `--since`, the stage it was rated then ("Emerging"), when it was: not rated this time."""


@frozen(kw_only=True)
class GlossaryTerm:
    """A term of the rubric's glossary that the plan uses, with the rubric's definition, word for word."""

    term: str
    definition: str


@frozen(kw_only=True)
class Abbreviation:
    """An abbreviation the plan uses, spelled out as the rubric spells it out in its own text ("Work-based
    learning (WBL) leadership …"). Not from the rubric's glossary: the plan says it is its addition."""

    short: str
    """"WBL"."""
    long: str
    """"work-based learning": the rubric's words (in lower case unless every word is capitalized)."""


@frozen(kw_only=True)
class Source:
    """A source text the plan quotes, with its attribution."""

    title: str
    publisher: str | None
    published: str | None
    attribution: str | None
    url: str | None


@frozen(kw_only=True)
class Charts:
    """The charts of the HTML plan (already escaped markup); their numbers are also in tables."""

    domain_bars: Markup
    """An inline SVG: each domain's score on the rubric's scale, from its first stage."""
    stage_heatmap: Markup
    """Every indicator as a cell coloured by its stage and naming the indicator (HTML, not SVG, so
    names wrap on a phone and print whole)."""


@frozen(kw_only=True)
class RegisterAction:
    """One action, as the register shows it."""

    action: str
    indicator: str
    indicator_name: str
    owner: str | None
    due: str | None
    """ISO date."""
    due_long: str | None
    status: str
    """As written (planned, in-progress, done, dropped), or "open" when the file gives none."""
    status_text: str
    """The status as a reader says it: "in progress", "planned", "open"."""
    overdue: bool
    days_late: int | None
    carried_over: bool
    vanished: bool
    notes: tuple[tuple[str, str], ...]
    """What to note about it, as (kind, words): ("gone", "gone since Fall 2025"), ("late", "34 days
    late") (lateness as `coalition actions` words it), ("carried", "carried over from Fall 2025"),
    ("moved", "due moved from 30 June 2026 to 31 March 2027 (it was 156 days late)"), ("owner",
    "owner was Working group chairs")."""
    due_moved_from: str | None = None
    """ISO: the due date the `--since` assessment gave it, when this one puts it later (or removes it)."""
    due_moved_from_long: str | None = None
    days_late_when_moved: int | None = None
    """How late it was by that date on the day of this assessment, when it was late then."""
    owner_was: str | None = None
    """The owner the `--since` assessment gave it, when this one names another (for the public, when
    the organization is another)."""

    @property
    def note(self) -> str:
        """The notes in one line: "34 days late; carried over from Fall 2025", or ""."""
        return "; ".join(words for _kind, words in self.notes)

    @property
    def changes(self) -> str:
        """What moved since the `--since` assessment, in one line: "due moved from 30 June 2026 to 31
        March 2027 (it was 156 days late); owner was Working group chairs", or ""."""
        return "; ".join(words for kind, words in self.notes if kind in ("moved", "owner"))


@frozen(kw_only=True)
class RegisterOwner:
    """One owner's open actions, and the seats they hold in the coalition."""

    owner: str
    open: int
    overdue: int
    share: str
    """"3 of 11"."""
    seats: tuple[str, ...]
    only_representative_of: tuple[str, ...]


@frozen(kw_only=True)
class ActionRegister:
    """Every action of the plan's assessment (and, with `--since`, the earlier one), followed up."""

    as_of: str
    """The day the plan was made, ISO (`Header.prepared_on`): an action due before it and not marked
    done or dropped in the assessment is overdue."""
    as_of_long: str
    assessed_on_long: str
    """The assessment's date, 14 March 2026: the statuses are as the team recorded them then."""
    since_label: str | None
    """How the plan names the earlier assessment, with `--since`; else None."""
    total: int
    counts_text: str
    """"11 open (2 overdue), 9 done, 1 dropped; 3 carried over"; with `--since`, what was closed since
    then apart from the rest: "8 open (5 overdue), 2 done since then (12 done and 2 dropped in all); 7
    carried over" (`since_label` names "then")."""
    open: tuple[RegisterAction, ...]
    """The open actions, by owner and due date."""
    overdue: tuple[RegisterAction, ...]
    """The longest overdue first (in a brief plan, only the first few: see `overdue_more`)."""
    carried_over: tuple[RegisterAction, ...]
    vanished: tuple[RegisterAction, ...]
    """In the earlier assessment, gone from this one, never marked done or dropped (in a brief plan,
    only the first few)."""
    owners: tuple[RegisterOwner, ...]
    caution: str
    """The Guide's caution about individuals, when owners of open actions are a member's only named
    representative; else ""."""
    done_since: tuple[RegisterAction, ...] = ()
    """With `--since`: the actions done since then (marked done in this assessment, and not in the
    earlier one, or not in it): what was completed since the last meeting (in a brief plan, only the
    first few)."""
    done_since_more: int = 0
    """Actions done since then that a brief plan leaves to the full plan."""
    moved: tuple[RegisterAction, ...] = ()
    """With `--since`: the open actions whose due date this assessment puts later than that one did (or
    removes), or whose owner it changes: what slipped, which moving a date would otherwise hide (in a
    brief plan, only the first few)."""
    moved_more: int = 0
    """Moved actions a brief plan leaves to the full plan."""
    moved_when_late: int = 0
    """Of the moved actions (all of them), those whose due date was moved when it had already passed."""
    overdue_more: int = 0
    """Overdue actions a brief plan leaves to the full plan, past the first `BRIEF_LIST`."""
    vanished_more: int = 0
    """Vanished actions a brief plan leaves to the full plan."""
    owners_more: int = 0
    """Owners of open actions a brief plan leaves to the full plan (those with fewest open actions)."""
    late_since_assessed: int = 0
    """Overdue actions that fell due after the assessment: called late by statuses recorded before
    they were due, so some may be done since and the file not say so yet (the command says so)."""
    owner_notes: tuple[str, ...] = ()
    """Owners who may be a participant under another name, one sentence each ("Maria Lopes may be
    Maria Lopez (a participant): …"); empty for the public."""


@frozen(kw_only=True)
class PlanContext:
    """Everything a plan template can use. Templates see its fields as top-level names (`header`, …)."""

    header: Header
    audience: Audience
    """"coalition" (everything) or "public" (no notes, no individual raters, no person names)."""
    stages: tuple[StageInfo, ...]
    """The rubric's stages, lowest first."""
    standing: Standing
    focus: int
    """How many priorities were asked for (`--focus`)."""
    priorities: tuple[Priority, ...]
    """In priority order: the team's priorities first, then this tool's suggestions."""
    priorities_not_shown: tuple[Named, ...]
    """Indicators the team marked as priorities beyond `--focus`."""
    priority_details: tuple[IndicatorPlan, ...]
    """The priorities with a gap, in priority order, in detail."""
    needs: tuple[Need, ...]
    """The decisions the coalition needs to make, for the summary."""
    domains: tuple[DomainPlan, ...]
    """Every domain, with the indicators that are not priorities (empty with `--brief`)."""
    brief: bool
    """True with `--brief`: the summary and the priorities in detail only."""
    glance: tuple[Glance, ...]
    """Every indicator, in framework order."""
    unrated: tuple[Unrated, ...]
    unrated_note: str
    """Where "Not yet rated" says the team's writing is, after its count: "; what the team wrote so
    far is under each", "; what the team wrote on 1 of them so far is under it", or ""."""
    domain_guidance: tuple[str, ...]
    """What the rubric gives each domain that "Domain by domain" quotes: `its foundational steps`,
    `the questions to reflect on`, or fewer (a rubric of only stages has neither)."""
    rubric_quoted: str
    """Besides the stage descriptions, what of the rubric's words this plan quotes, as the sources
    name it after "The stage descriptions quoted in this plan": `, its foundational steps, reflection
    questions and glossary,`, `, and its glossary,` or "" (only what is there)."""
    guide_tags_apply: bool
    """False for a rubric other than the one the Guide's `serves` tags name: no partner suggestions."""
    guide_tags_note: str
    """When `guide_tags_apply` is false, why the plan suggests no partners (said once per plan); else ""."""
    charts: Charts
    roster: RosterReport | None
    """The coalition profile read against the Guide (coverage, formalization); None without a profile,
    and with `--brief`."""
    glossary: tuple[GlossaryTerm, ...]
    """The rubric's glossary terms that the plan's text uses, in the rubric's order."""
    abbreviations: tuple[Abbreviation, ...]
    """The abbreviations the plan's text uses that the rubric spells out somewhere ("WBL"), in the
    order the rubric first spells them out: this plan's addition to the glossary."""
    team_abbreviations: tuple[Abbreviation, ...]
    """The abbreviations the team's own words use that its members' names spell ("RUSD": Riverside
    Unified School District), in order of first use: this plan's addition too."""
    linked: tuple[str, ...]
    """The rubric's linked groups, each as a sentence's subject: "C1.3 Work-based Learning Leadership and
    C6.1 WBL Leadership are described in the same words by the rubric"; each counts once when the plan
    counts the indicators that moved."""
    register: ActionRegister
    """Every action followed up: overdue as of the day the plan was made, carried over and gone since `--since`,
    the open actions by owner and due date, the load per owner (`plan/register.py`). For the public,
    owners are named by organization and the seats and the caution about individuals are left out."""
    framework: Source
    guide: Source

    def as_template_vars(self) -> dict[str, object]:
        """The fields as a mapping of top-level template names."""
        return {name: getattr(self, name) for name in field_names(PlanContext)}
