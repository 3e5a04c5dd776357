"""`coalition summary`: many coalitions at a glance, and which ones need a call.

From each coalition's terms (`coalitions.by_coalition`) come:

- **where it stands**: its latest assessment with at least one rating (a term just rolled forward
  with `init --from` has none yet), as a coalitions × domains heatmap, the distribution of stages
  per indicator and the indicators where the network is weakest;
- **how current it is**: the date of that assessment, flagged *stale* when it is older than
  `--stale-after` (default a year) as of `--as-of` (default today);
- **its trend**: the overall score at each term, oldest first, and the change from the first; a
  score from fewer than three quarters of the indicators says so beside it, and a change between two
  terms that rated different indicators says so as `compare` does (`document.rated_apart`), so that
  indicators left unrated are not read as progress;
- **its targets**: the targets its term before the latest set, followed up at the latest (reached,
  not yet, further away, not rated), as `compare` follows them up (`reports.targets`);
- **what is overdue**: the latest term's actions past due and not done or dropped;
- **roll-ups across the network**: the Guide's stakeholder groups at each coalition's table (its
  profile's members, or without a profile the participants of its latest assessment), how
  formalized the coalitions with a profile are (the Guide's Step 6), and, when files say
  `region:` or `cohort:`, the coalitions of each region and cohort.

Files with errors are left out of the numbers and listed; several files of one coalition and one date
are reported (`coalitions.SameDate`) and left out too. Either makes the exit status 1. All the files
summarized together must use one framework: pick one with `--framework` otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

from coalition_cli.core.errors import InvalidFileError, UsageError
from coalition_cli.core.frozen import frozen
from coalition_cli.core.loading.frameworks import framework_path, load_framework, looks_like_path
from coalition_cli.core.loading.outcome import FileOutcome
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.reports.actions.register import ActionRecord, days_overdue
from coalition_cli.core.reports.comparison import change_number
from coalition_cli.core.reports.document import (
    NO_VALUE,
    Document,
    few_of,
    few_rated,
    from_few,
    rated_apart,
    signed,
)
from coalition_cli.core.reports.network.coalitions import CoalitionFiles, SameDate, by_coalition
from coalition_cli.core.reports.network.entries import NetworkEntry, left_out
from coalition_cli.core.reports.network.periods import Period
from coalition_cli.core.reports.report import Report
from coalition_cli.core.reports.scorecard import SCORECARD_CSV_HEADER, ScoredFile, scorecard_csv_rows
from coalition_cli.core.reports.targets import RESULTS, TargetFollowUp, TargetResult, follow_up
from coalition_cli.core.scoring import DomainScore, Scorecard, score, score_change, shown
from coalition_cli.core.wording import and_list, names_list, plural

if TYPE_CHECKING:
    from coalition_cli.core.model.guide import Guide

WEAKEST = 5
"""How many of the network's weakest indicators to list, unless told otherwise."""
NAMED_LEFT_OUT = 10
"""Up to this many indicators left out of the weakest (or coalitions rated in part) are named; the
rest are counted."""
DEFAULT_STALE_AFTER = Period(1, "y")

GroupBy = Literal["region", "cohort"]
GROUP_FIELDS: tuple[GroupBy, ...] = ("region", "cohort")


@frozen(kw_only=True, slots=True)
class TermScore:
    """A coalition's overall score at one term."""

    assessed_on: dt.date
    term: str | None
    file: str
    exact: Fraction | None
    rated: int = 0
    """How many of the rubric's indicators it rated (`total`): a score from few of them says so."""
    total: int = 0


@frozen(kw_only=True, slots=True)
class OverdueAction:
    """An open action past its due date, with the coalition and file it belongs to."""

    coalition: str
    file: str
    action: ActionRecord
    days_late: int


@frozen(kw_only=True, slots=True)
class CoalitionStanding:
    """One coalition in the network: its latest assessment, how current it is, its trend and actions."""

    latest: ScoredFile
    assessments: int
    """How many of the files read are this coalition's (raters' files included)."""
    trend: tuple[TermScore, ...]
    """Each term with a rating, oldest first."""
    region: str | None
    cohort: str | None
    stale: bool
    days_since: int
    """Days from the latest assessment to `as_of`."""
    open_actions: int
    overdue: tuple[OverdueAction, ...]
    groups: tuple[str, ...]
    """The Guide's stakeholder groups at its table."""
    groups_from: Literal["profile", "participants"]
    formalization: tuple[tuple[str, str], ...] | None
    """Each Step 6 element's status, from its profile; None without a profile."""
    raters_set_aside: int
    targets: TargetFollowUp | None = None
    """The targets the term before the latest set, followed up at the latest; None when it set none
    (or the coalition has one term)."""
    change_note: str = ""
    """When the first term and the latest rated different indicators, which (`rated_apart`): "8
    indicators rated in one term only"; "" when they rated the same ones."""

    @property
    def name(self) -> str:
        return self.latest.coalition

    @property
    def change(self) -> Fraction | None:
        """The overall score's change from the first term to the latest, when both have one."""
        if len(self.trend) < 2:
            return None
        return score_change(self.trend[0].exact, self.trend[-1].exact)

    def group(self, by: GroupBy) -> str | None:
        return self.region if by == "region" else self.cohort


@frozen(kw_only=True, slots=True)
class IndicatorSpread:
    """How the coalitions stand on one indicator, counting each coalition's latest assessment."""

    id: str
    name: str
    domain_id: str
    counts: tuple[int, ...]
    """Coalitions at each stage, from stage 1 up."""
    not_rated: int

    @property
    def rated(self) -> int:
        return sum(self.counts)

    @property
    def mean(self) -> Fraction | None:
        rated = self.rated
        total = sum(stage * count for stage, count in enumerate(self.counts, start=1))
        return Fraction(total, rated) if rated else None


@frozen(kw_only=True, slots=True)
class GroupRollup:
    """The coalitions of one region or cohort."""

    name: str | None
    """None: the coalitions whose files do not say."""
    coalitions: tuple[CoalitionStanding, ...]

    @property
    def mean(self) -> Fraction | None:
        scores = [c.latest.card.exact for c in self.coalitions if c.latest.card.exact is not None]
        return sum(scores, Fraction(0)) / len(scores) if scores else None

    @property
    def stale(self) -> int:
        return sum(c.stale for c in self.coalitions)

    @property
    def overdue(self) -> int:
        return sum(len(c.overdue) for c in self.coalitions)


@frozen(kw_only=True)
class Network(Report):
    """The report of `summary`: each coalition's latest assessment and follow-up, and the network's numbers."""

    framework: Framework
    coalitions: tuple[CoalitionStanding, ...]
    indicators: tuple[IndicatorSpread, ...]
    files: int
    skipped: int
    invalid: tuple[FileOutcome[NetworkEntry], ...]
    same_date: tuple[SameDate, ...] = ()
    """Files of one coalition and one date that cannot be told apart, in every coalition."""
    unresolved: tuple[SameDate, ...] = ()
    """Coalitions left out of the numbers: their latest date has several files."""
    other_framework: int = 0
    """Valid files left out because they use another framework than the one asked for."""
    later: tuple[NetworkEntry, ...] = ()
    """Assessments dated after the day given with `--as-of`, left out (`core.as_of`)."""
    weakest_count: int = WEAKEST
    """How many of the weakest indicators the report lists (`--weakest`)."""
    as_of: dt.date
    stale_after: Period = DEFAULT_STALE_AFTER
    group_by: GroupBy | None = None
    stakeholder_groups: tuple[tuple[str, str], ...] = ()
    """The Guide's stakeholder groups (id, name), in its order."""
    elements: tuple[tuple[str, str], ...] = ()
    """The Guide's Step 6 elements (id, name), in its order."""
    csv_header = SCORECARD_CSV_HEADER
    """The `score` rows of each coalition's latest assessment."""
    has_page = True
    """`--format html`: the dashboard (`dashboard.py`)."""

    def weakest(self) -> list[IndicatorSpread]:
        """The `weakest_count` indicators with the lowest average stage; ties: more coalitions at
        stage 1, then framework order."""
        order = {indicator.id: index for index, indicator in enumerate(self.framework.indicators)}
        rated = [indicator for indicator in self.indicators if indicator.mean is not None]
        rated.sort(key=lambda i: (i.mean, -i.counts[0], order[i.id]))
        return rated[: self.weakest_count]

    def not_rated_anywhere(self) -> list[IndicatorSpread]:
        """The indicators no coalition rated in its latest assessment: they have no average, so the
        weakest cannot list them, and a reader must be told they are left out (`weakest_left_out`)."""
        return [indicator for indicator in self.indicators if indicator.mean is None]

    def weakest_left_out(self) -> str:
        """`Left out: 8 indicators no coalition rated in its latest assessment (C2.4, C3.3, …)`, said
        under the weakest (an indicator left unrated may well be among the weakest); "" when none."""
        left = [indicator.id for indicator in self.not_rated_anywhere()]
        if not left:
            return ""
        named = left[:NAMED_LEFT_OUT] + (
            [f"{len(left) - NAMED_LEFT_OUT} more"] if len(left) > NAMED_LEFT_OUT else []
        )
        who = "not rated in the coalition's" if len(self.coalitions) == 1 else "no coalition rated in its"
        return f"Left out: {plural(len(left), 'indicator')} {who} latest assessment ({and_list(named)})"

    def partly_rated(self) -> str:
        """Which coalitions' latest scores come from few of the indicators (`few_rated`, the rule of
        `score` and `compare`), said at the top of the report: "The latest scores of Riverside
        Pathways Coalition come from 14 of 22 indicators; the other 8 were not rated"; "" when none."""
        few = [
            c
            for c in self.coalitions
            if c.latest.card.exact is not None and few_rated(c.latest.card.rated, c.latest.card.total)
        ]
        if not few:
            return ""
        if len(few) == 1:
            card = few[0].latest.card
            other = card.total - card.rated
            return (
                f"The latest scores of {few[0].name} come from {card.rated} of {plural(card.total, 'indicator')}; "
                + ("the other one was not rated" if other == 1 else f"the other {other} were not rated")
            )
        named = [f"{c.name} ({c.latest.card.rated} of {c.latest.card.total})" for c in few[:NAMED_LEFT_OUT]]
        if len(few) > NAMED_LEFT_OUT:
            named.append(f"{len(few) - NAMED_LEFT_OUT} more")
        return (
            f"The latest scores of {len(few)} coalitions come from fewer than three quarters of the "
            f"indicators: {names_list(named)}"
        )

    def weakest_ties(self) -> str:
        """What the list of the weakest leaves out at its last average: `3 more indicators also
        average 1.00`; "" when the list ends on its own average (a cut-off tie is not hidden)."""
        listed = self.weakest()
        if not listed:
            return ""
        last = listed[-1].mean
        more = sum(1 for i in self.indicators if i.mean == last) - sum(1 for i in listed if i.mean == last)
        if not more:
            return ""
        verb = "also averages" if more == 1 else "also average"
        return f"{plural(more, 'more indicator')} {verb} {shown(last)}"

    @property
    def assessments(self) -> int:
        return sum(coalition.assessments for coalition in self.coalitions) + sum(
            len(item.files) for item in self.unresolved
        )

    @property
    def stale(self) -> tuple[CoalitionStanding, ...]:
        """The stale coalitions, longest unassessed first."""
        return tuple(sorted((c for c in self.coalitions if c.stale), key=lambda c: (-c.days_since, c.name)))

    @property
    def overdue(self) -> tuple[OverdueAction, ...]:
        """Every overdue action of the network, latest first."""
        found = [item for c in self.coalitions for item in c.overdue]
        return tuple(sorted(found, key=lambda item: (-item.days_late, item.coalition, item.action.action)))

    def targets(self) -> dict[TargetResult, int]:
        """The targets followed up across the network (each coalition's last term's), by result."""
        counts = dict.fromkeys(RESULTS, 0)
        for coalition in self.coalitions:
            if coalition.targets is not None:
                for result in coalition.targets.counted:
                    counts[result] += 1
        return counts

    @property
    def with_targets(self) -> int:
        """How many coalitions have targets followed up."""
        return sum(c.targets is not None for c in self.coalitions)

    @property
    def conflicts(self) -> tuple[SameDate, ...]:
        """Same-date files that are not simply raters' files awaiting their consensus: to fix."""
        return tuple(item for item in self.same_date if not item.raters_only)

    def groups_of(self, by: GroupBy) -> tuple[GroupRollup, ...]:
        """The coalitions by region or cohort (named ones first, alphabetically); () when no file says."""
        found: dict[str | None, list[CoalitionStanding]] = defaultdict(list)
        for coalition in self.coalitions:
            found[coalition.group(by)].append(coalition)
        if set(found) <= {None}:
            return ()
        names = sorted((name for name in found if name is not None), key=str.casefold)
        return tuple(
            GroupRollup(name=name, coalitions=tuple(found[name]))
            for name in [*names, *([None] if None in found else [])]
        )

    def coverage(self) -> list[tuple[str, str, int]]:
        """Each stakeholder group (id, name) and how many coalitions have it at the table."""
        return [
            (group_id, name, sum(group_id in c.groups for c in self.coalitions))
            for group_id, name in self.stakeholder_groups
        ]

    def formalization(self) -> list[tuple[str, str, dict[str, int]]]:
        """Each Step 6 element (id, name) and how many coalitions with a profile meet it, do not, or do not say."""
        profiled = [dict(c.formalization) for c in self.coalitions if c.formalization is not None]
        return [
            (
                element_id,
                name,
                {
                    status: sum(p.get(element_id) == status for p in profiled)
                    for status in ("met", "not-met", "unknown")
                },
            )
            for element_id, name in self.elements
        ]

    @property
    def with_profile(self) -> int:
        return sum(c.formalization is not None for c in self.coalitions)

    def ordered(self) -> tuple[CoalitionStanding, ...]:
        """The coalitions as the heatmap lists them: by name, or by `group_by` then name."""
        if self.group_by is None:
            return self.coalitions
        by = self.group_by
        return tuple(
            sorted(self.coalitions, key=lambda c: (c.group(by) is None, (c.group(by) or "").casefold()))
        )

    # --- as a report ---------------------------------------------------------------------------

    def data(self) -> dict[str, Any]:
        from coalition_cli.core.reports.network.document import network_data

        return network_data(self)

    def csv_rows(self) -> Iterator[list[object]]:
        for coalition in self.coalitions:
            yield from scorecard_csv_rows(coalition.latest)

    def document(self) -> Document:
        from coalition_cli.core.reports.network.document import network_document

        return network_document(self)

    def page(self) -> str:
        from coalition_cli.core.reports.network.dashboard import dashboard_page

        return dashboard_page(self)


def build_network(
    files: Sequence[FileOutcome[NetworkEntry]],
    *,
    framework: str | None = None,
    weakest: int = WEAKEST,
    as_of: dt.date,
    stale_after: Period = DEFAULT_STALE_AFTER,
    group_by: GroupBy | None = None,
    guide: Guide | None = None,
    later: tuple[NetworkEntry, ...] = (),
) -> Network:
    """Each coalition's standing and the network's numbers, listing the `weakest` indicators.

    Raises UsageError if there is nothing to sum up."""
    valid = [item.value for item in files if item.value is not None]
    by_framework: dict[str, list[NetworkEntry]] = defaultdict(list)
    for item in valid:
        by_framework[item.framework_key].append(item)
    if framework is not None:
        chosen, named = _chosen(by_framework, framework)
        if not chosen and valid:
            used = ", ".join(sorted({item.framework_id for item in valid}))
            raise UsageError(f"no file uses the framework {named}; these files use: {used}")
    elif len(by_framework) > 1:
        used = "; ".join(
            f"{items[0].framework_id}: {plural(len(items), 'file')}"
            for items in sorted(by_framework.values(), key=len, reverse=True)
        )
        raise UsageError(
            f"these files use {len(by_framework)} different frameworks ({used}); a summary covers one",
            hint="choose one with --framework ID",
        )
    else:
        chosen = list(by_framework)
    if not chosen:
        raise _nothing_to_summarize(files)
    key = chosen[0]
    fw = load_framework(key)
    mine = by_framework[key]
    grouped = by_coalition(mine)
    unresolved = tuple(conflict for group in grouped if (conflict := _unresolved(group)) is not None)
    threshold = stale_after.before(as_of)
    coalitions = tuple(
        _standing(fw, group, as_of, threshold)
        for group in grouped
        if _unresolved(group) is None and group.terms
    )
    return Network(
        framework=fw,
        coalitions=coalitions,
        indicators=tuple(_spreads(fw, coalitions)),
        files=len(files),
        skipped=sum(item.skipped for item in files),
        invalid=tuple(item for item in files if left_out(item)),
        same_date=tuple(item for group in grouped for item in group.same_date),
        unresolved=unresolved,
        other_framework=len(valid) - len(mine),
        later=later,
        weakest_count=weakest,
        as_of=as_of,
        stale_after=stale_after,
        group_by=group_by,
        stakeholder_groups=tuple((g.id, g.name) for g in guide.stakeholder_groups) if guide else (),
        elements=tuple((e.id, e.name) for e in guide.formalization) if guide else (),
    )


def _unresolved(group: CoalitionFiles[NetworkEntry]) -> SameDate | None:
    """The files of the coalition's latest date when they cannot be told apart (raters' files waiting
    for their consensus are not: the coalition's standing is then its last consensus)."""
    latest = group.unresolved
    return latest if latest is not None and not latest.raters_only else None


def _chosen(by_framework: dict[str, list[NetworkEntry]], framework: str) -> tuple[list[str], str]:
    """The framework keys `--framework` names, best match first, and how to name it in a message.

    A path is resolved the way an assessment's `framework:` is (from the current folder) and matches
    the files that use that rubric file, or another copy of it: the same framework id.
    """
    if not looks_like_path(framework):
        names = {framework}
        named = repr(framework)
    else:
        path = str(framework_path(framework).resolve())
        framework_id = load_framework(path).id
        names = {path, framework_id}
        named = f"{framework!r} (id {framework_id!r})"
    chosen = [key for key, items in by_framework.items() if names & {key, items[0].framework_id}]
    return sorted(chosen, key=lambda key: key not in names), named


def _nothing_to_summarize(files: Sequence[FileOutcome[NetworkEntry]]) -> Exception:
    invalid = [item.file for item in files if left_out(item)]
    if invalid:
        listed = ", ".join(invalid[:10]) + (f" and {len(invalid) - 10} more" if len(invalid) > 10 else "")
        return InvalidFileError(
            f"no valid assessment to summarize: {plural(len(invalid), 'file')} with problems ({listed})",
            problems=[],
            hint="run `coalition validate` on them to see the problems",
        )
    return UsageError(
        f"no assessment files found ({plural(len(files), 'YAML file')} looked at)",
        hint="give assessment files, or folders that hold them",
    )


def _standing(
    fw: Framework, group: CoalitionFiles[NetworkEntry], as_of: dt.date, threshold: dt.date
) -> CoalitionStanding:
    # A term just rolled forward (`init --from`) has nothing rated yet; it would hide the coalition's
    # real standing, so the latest assessment is the latest with at least one rating, when there is one.
    rated = [item for item in group.terms if item.rated]
    latest = (rated or list(group.terms))[-1]
    scored = _scored(fw, latest)
    earlier = rated[-2] if len(rated) > 1 else None
    first = _scored(fw, rated[0]) if len(rated) > 1 else None
    targets = (
        follow_up(fw, _scored(fw, earlier), scored)
        if earlier is not None and any(aim is not None for aim in earlier.targets.values())
        else None
    )
    newest = group.terms[-1]
    overdue = tuple(
        OverdueAction(coalition=newest.coalition, file=newest.file, action=record, days_late=late)
        for record in newest.actions
        if (late := days_overdue(record.due, record.status, as_of)) is not None
    )
    profile = newest.profile or next((item.profile for item in reversed(group.terms) if item.profile), None)
    return CoalitionStanding(
        latest=scored,
        assessments=group.files,
        trend=tuple(
            TermScore(
                assessed_on=item.assessed_on,
                term=item.term,
                file=item.file,
                exact=item.overall,
                rated=sum(item.stages.get(indicator.id) is not None for indicator in fw.indicators),
                total=len(fw.indicators),
            )
            for item in rated
        ),
        region=next((item.region for item in reversed(group.terms) if item.region), None),
        cohort=next((item.cohort for item in reversed(group.terms) if item.cohort), None),
        stale=latest.assessed_on < threshold,
        days_since=(as_of - latest.assessed_on).days,
        open_actions=sum(record.open for record in newest.actions),
        overdue=overdue,
        groups=profile.groups if profile is not None else latest.participant_groups,
        groups_from="profile" if profile is not None else "participants",
        formalization=profile.formalization if profile is not None else None,
        raters_set_aside=len(group.raters),
        targets=targets if targets is not None and targets.total else None,
        change_note=rated_apart(first.card, scored.card) if first is not None else "",
    )


def _scored(fw: Framework, entry: NetworkEntry) -> ScoredFile:
    return ScoredFile(
        file=entry.file,
        coalition=entry.coalition,
        assessed_on=entry.assessed_on,
        term=entry.term,
        framework=fw,
        card=score(fw, entry.stages, entry.targets),
    )


def _spreads(fw: Framework, coalitions: Sequence[CoalitionStanding]) -> Iterator[IndicatorSpread]:
    stages = [[indicator.stage for indicator in c.latest.card.indicators] for c in coalitions]
    for position, indicator in enumerate(fw.indicators):
        counts = [0] * len(fw.stages)
        not_rated = 0
        for of_coalition in stages:
            stage = of_coalition[position]
            if stage is None:
                not_rated += 1
            else:
                counts[stage - 1] += 1
        yield IndicatorSpread(
            id=indicator.id,
            name=indicator.name,
            domain_id=fw.domain_of(indicator.id).id,
            counts=tuple(counts),
            not_rated=not_rated,
        )


# --- wording shared by the document, the JSON and the HTML page ------------------------------------


def trend_text(coalition: CoalitionStanding) -> str:
    """`1.45 → 1.68 → 2.10`: the overall score at each term (— where none is rated), a score from few
    of the indicators saying so as `score` says it: `1.44 → 1.68 → 2.00 (from 14 of 22 indicators)`."""
    return " → ".join(term_text(item) for item in coalition.trend)


def term_text(term: TermScore) -> str:
    """`2.00`, or `2.00 (from 14 of 22 indicators)` when few are rated (`document.from_few`)."""
    text = shown(term.exact)
    if text is None:
        return NO_VALUE
    few = from_few(term.rated, term.total)
    return f"{text} ({few})" if few else text


Part = tuple[int, int]
"""How many of its indicators a score comes from, and of how many: (1, 3)."""


def overall_part(card: Scorecard) -> Part | None:
    """(14, 22) for an overall score that comes from few of the indicators (`few_rated`, as `score`
    and `compare` say it), said with it in the heatmap; else None."""
    few = card.exact is not None and few_rated(card.rated, card.total)
    return (card.rated, card.total) if few else None


def domain_part(domain: DomainScore) -> Part | None:
    """(1, 3) for a domain's score when not all its indicators are rated (`few_of`, as the plan's
    tables and `compare` say it), said with it in the heatmap; else None."""
    few = domain.exact is not None and bool(few_of(domain.rated, domain.total))
    return (domain.rated, domain.total) if few else None


def part_text(part: Part | None) -> str:
    """`1 of 3`, said under a heatmap's score (its note); "" for a score from all its indicators."""
    return "" if part is None else f"{part[0]} of {part[1]}"


def heat_legend(network: Network) -> str:
    """What `1 of 3` with a heatmap's score means, with the first such score as the example; ""
    when every score comes from all its indicators."""
    for coalition in network.ordered():
        card = coalition.latest.card
        parts = [overall_part(card), *(domain_part(domain) for domain in card.domains)]
        example = next((part for part in parts if part is not None), None)
        if example is not None:
            rated, total = example
            return (
                f"“{part_text(example)}” with a score: it comes from {rated} of its {total} indicators; "
                "the others were not rated. An overall score says so when fewer than three quarters are rated."
            )
    return ""


def change_text(coalition: CoalitionStanding) -> str:
    """`+0.65` since the first term, `0.00`, or "" with one term."""
    change = change_number(coalition.change)
    return "" if change is None else signed(change, 2)


def targets_text(coalition: CoalitionStanding) -> str:
    """`5 of 9 reached`, or "" when no target is followed up."""
    targets = coalition.targets
    return "" if targets is None else f"{targets.count('reached')} of {targets.total} reached"


def coverage_source(total: int, profiled: int) -> str:
    """Where the stakeholder groups at the table come from: each coalition's profile, else the
    participants of its latest assessment, in words (`From the profiles of 4 coalitions, and …`)."""
    if profiled == total:
        return "From the coalition's profile." if total == 1 else "From each coalition's profile."
    if not profiled:
        return (
            "From the participants of the coalition's latest assessment (it has no profile)."
            if total == 1
            else "From the participants of each coalition's latest assessment (no coalition has a profile)."
        )
    with_profile = "the profile of 1 coalition" if profiled == 1 else f"the profiles of {profiled} coalitions"
    others = "the other one" if total - profiled == 1 else f"the other {total - profiled}"
    return f"From {with_profile}, and the participants of the latest assessment of {others}."


def since_text(days: int) -> str:
    """`13 months ago`, `3 weeks ago`, `today`: how long since an assessment, in round words."""
    if days <= 0:
        return "today"
    if days < 14:
        return f"{plural(days, 'day')} ago"
    if days < 61:
        return f"{plural(days // 7, 'week')} ago"
    return f"{plural(round(days / 30.44), 'month')} ago"
