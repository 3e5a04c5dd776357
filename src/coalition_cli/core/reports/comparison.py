"""One coalition's progress across terms: each term's scores and the change from the first to the last.

Files are ordered by `assessed_on` (files of the same date keep the order they were given in).
Files made with different frameworks cannot be compared (a usage error); files that name
different coalitions are compared anyway, with a warning.

Counts of indicators that advanced or declined count a rubric's linked indicators (`Framework.linked`,
one practice the rubric describes twice) once: as one practice whose stage in a term is the lower of
its members' stages. Scores are unchanged by links. Each term's targets are followed up at the next
term (`reports.targets`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

from coalition_cli.core.errors import UsageError
from coalition_cli.core.frozen import frozen
from coalition_cli.core.loading.assessments import LoadedAssessment, one_framework
from coalition_cli.core.model.framework import Domain, Framework, Indicator
from coalition_cli.core.reports.document import (
    NO_VALUE,
    Cell,
    Column,
    Document,
    Heading,
    Line,
    Tone,
    few_of,
    few_rated,
    from_few,
    rated_apart,
    rated_text,
    score_cell,
    score_with_stage,
    signed,
    stage_cell,
    table,
)
from coalition_cli.core.reports.report import Report
from coalition_cli.core.reports.scorecard import SCORECARD_CSV_HEADER, ScoredFile, scorecard_csv_rows
from coalition_cli.core.reports.targets import TargetFollowUp, follow_ups
from coalition_cli.core.scoring import DomainScore, as_number, score_change
from coalition_cli.core.wording import and_list, coalition_key, loose_key, plural

Direction = Literal["advanced", "declined", "unchanged", "newly rated", "no longer rated", "not rated"]
DIRECTIONS: tuple[Direction, ...] = (
    "advanced",
    "declined",
    "unchanged",
    "newly rated",
    "no longer rated",
    "not rated",
)


COMPARISON_CSV_HEADER = (*SCORECARD_CSV_HEADER, "change_from_first")
"""The `score` rows of every file, oldest first, with each indicator's change since the first file."""


@frozen(kw_only=True)
class Comparison(Report):
    """The report of `compare`; `plan --since` reads the change from it too."""

    framework: Framework
    items: tuple[ScoredFile, ...]
    """Ordered by assessment date."""
    warnings: tuple[str, ...] = ()
    csv_header = COMPARISON_CSV_HEADER

    @property
    def first(self) -> ScoredFile:
        return self.items[0]

    @property
    def last(self) -> ScoredFile:
        return self.items[-1]

    def overall_scores(self) -> list[Fraction | None]:
        """The overall score of each term, oldest first."""
        return [item.card.exact for item in self.items]

    def domain_scores(self) -> list[tuple[Domain, list[Fraction | None]]]:
        """Each domain with its score in each term, oldest first."""
        return [
            (domain, [item.card.domains[index].exact for item in self.items])
            for index, domain in enumerate(self.framework.domains)
        ]

    def indicator_stages(self) -> list[tuple[Indicator, list[int | None]]]:
        """Each indicator with its stage in each term, oldest first."""
        return [
            (indicator, [item.card.indicators[index].stage for item in self.items])
            for index, indicator in enumerate(self.framework.indicators)
        ]

    def practices(self) -> list[tuple[tuple[str, ...], Direction]]:
        """Each practice with how it moved from the first term to the last: an indicator, or a group of
        linked indicators counted once (its stage in a term is the lower of its members' stages).
        A group rated only in part in either term is counted indicator by indicator: "C1.3 and C6.1
        advanced" would say C6.1 moved in a term that left it unrated, and every list of what was
        not rated would name it."""
        first = {indicator.id: indicator.stage for indicator in self.first.card.indicators}
        last = {indicator.id: indicator.stage for indicator in self.last.card.indicators}
        seen: set[str] = set()
        result: list[tuple[tuple[str, ...], Direction]] = []
        for indicator in self.framework.indicators:
            if indicator.id in seen:
                continue
            group = linked_group(self.framework, indicator.id)
            seen.update(group)
            whole = not any(_in_part(stages, group) for stages in (first, last))
            for practice in [group] if whole else [(member,) for member in group]:
                result.append((practice, direction(_lower(first, practice), _lower(last, practice))))
        order = {indicator.id: n for n, indicator in enumerate(self.framework.indicators)}
        return sorted(result, key=lambda item: order[item[0][0]])  # a parted pair's second in its place

    def counts(self) -> dict[Direction, int]:
        """How many practices moved each way (linked indicators counted once)."""
        moved = [way for _, way in self.practices()]
        return {way: moved.count(way) for way in DIRECTIONS}

    def linked_groups(self) -> list[tuple[str, ...]]:
        """The rubric's linked groups, each counted once in `counts`."""
        return [group.indicators for group in self.framework.linked]

    def targets(self) -> tuple[TargetFollowUp, ...]:
        """Each term's targets followed up at the next term, oldest first."""
        return follow_ups(self.framework, self.items)

    # --- as a report ---------------------------------------------------------------------------

    def data(self) -> dict[str, Any]:
        counts = self.counts()
        overall = self.overall_scores()
        domains = [
            {
                "id": domain.id,
                "name": domain.name,
                "scores": [as_number(value) for value in values],
                "change": change_number(score_change(values[0], values[-1])),
            }
            for domain, values in self.domain_scores()
        ]
        indicators = [
            {
                "id": indicator.id,
                "name": indicator.name,
                "domain": self.framework.domain_of(indicator.id).id,
                "stages": stages,
                "change": None if stages[0] is None or stages[-1] is None else stages[-1] - stages[0],
                "direction": direction(stages[0], stages[-1]),
                "linked_with": list(self.framework.linked_with(indicator.id)),
            }
            for indicator, stages in self.indicator_stages()
        ]
        return {
            "framework": self.framework.id,
            "headline": headline(self),
            "assessments": [
                {
                    "file": item.file,
                    "coalition": item.coalition,
                    "assessed_on": item.assessed_on.isoformat(),
                    "term": item.term,
                    "overall": as_number(item.card.exact),
                }
                for item in self.items
            ],
            "overall": {
                "scores": [as_number(value) for value in overall],
                "change": change_number(score_change(overall[0], overall[-1])),
            },
            "domains": domains,
            "indicators": indicators,
            "counts": {way.replace(" ", "_"): count for way, count in counts.items()}
            | {"linked_counted_once": [list(group) for group in self.linked_groups()]},
            "targets": [follow_up.data() for follow_up in self.targets()],
        }

    def csv_rows(self) -> Iterator[list[object]]:
        first = self.first.card.indicators
        for item in self.items:
            for row, was, now in zip(scorecard_csv_rows(item), first, item.card.indicators, strict=True):
                moved = change(was.stage, now.stage)
                yield [*row, None if moved is None else int(moved)]

    def document(self) -> Document:
        fw, items = self.framework, self.items
        labels = _column_labels(self)
        # files that name different coalitions (a warning says so) are all named, not just the last one
        coalition = " / ".join(dict.fromkeys(item.coalition for item in items))
        terms = [
            [
                Cell(item.assessed_on.isoformat()),
                Cell(item.term or ""),
                Cell(item.file),
                score_cell(fw, item.card.exact),
                _rated_cell(item.card.rated, item.card.total),
            ]
            for item in items
        ]
        score_columns = [Column(label, nowrap=True) for label in labels]
        domain_rows = [
            [Cell(domain.label)]
            + [_domain_score_cell(fw, item.card.domains[index]) for item in items]
            + [
                change_cell(
                    score_change(values[0], values[-1]),
                    2,
                    note=rated_apart(items[0].card.domains[index], items[-1].card.domains[index]),
                )
            ]
            for index, (domain, values) in enumerate(self.domain_scores())
        ]
        overall = self.overall_scores()
        domain_rows.append(
            [Cell("Overall", tone="strong")]
            + [score_cell(fw, value) for value in overall]
            + [
                change_cell(
                    score_change(overall[0], overall[-1]), 2, note=rated_apart(items[0].card, items[-1].card)
                )
            ]
        )
        indicator_rows = [
            [Cell(indicator.id), Cell(indicator.name)]
            + [stage_cell(fw, stage) for stage in stages]
            + [change_cell(change(stages[0], stages[-1]))]
            for indicator, stages in self.indicator_stages()
        ]
        latest = latest_targets(self)
        document: Document = [
            Heading(f"{coalition}: progress over {plural(len(items), 'assessment')}"),
            Line(change_headline(self), tone="strong"),
            *([Line(latest.sentence() + ".", tone="strong")] if latest is not None else []),
            Line(overall_line(self)),
            table(
                "Assessments compared", ["Date", "Term", "File", "Overall score", "Indicators rated"], terms
            ),
            table(
                "Domain scores",
                [Column("Domain"), *score_columns, Column("Change", nowrap=True)],
                domain_rows,
            ),
            table(
                "Indicators",
                [
                    Column("Indicator", nowrap=True),
                    Column("Name"),
                    *score_columns,
                    Column("Change", nowrap=True),
                ],
                indicator_rows,
            ),
        ]
        for follow_up in self.targets():
            document += _targets_blocks(fw, follow_up)
        return document


def build_comparison(loaded: Sequence[LoadedAssessment]) -> Comparison:
    if len(loaded) < 2:
        raise UsageError("compare needs at least two assessment files of the same coalition, e.g. two terms")
    framework = one_framework(loaded, "their scores cannot be compared")
    items = sorted((ScoredFile.of(item) for item in loaded), key=lambda item: item.assessed_on)
    warnings = []
    names = list(dict.fromkeys(item.coalition for item in items))
    if len({coalition_key(name) for name in names}) > 1:
        warnings.append(f"these files name different coalitions ({'; '.join(names)}); comparing them anyway")
    dates = [item.assessed_on for item in items]
    if len(set(dates)) < len(dates):
        warnings.append("some files have the same assessment date; they are kept in the order given")
    return Comparison(framework=framework, items=tuple(items), warnings=tuple(warnings))


def since_comparison(earlier: LoadedAssessment, current: LoadedAssessment) -> Comparison:
    """The change from an earlier assessment to this one (`--since`): refused when the "earlier"
    one is dated after this one, which would read every change backwards."""
    if earlier.assessment.assessed_on > current.assessment.assessed_on:
        raise UsageError(
            f"--since {earlier.path} was assessed on {earlier.assessment.assessed_on}, after {current.path} "
            f"({current.assessment.assessed_on}); --since takes the earlier assessment"
        )
    return build_comparison([earlier, current])  # refuses files of different frameworks (exit 2)


def change(first: Fraction | int | None, last: Fraction | int | None) -> Fraction | None:
    """last − first, or None when either is missing."""
    if first is None or last is None:
        return None
    return Fraction(last) - Fraction(first)


def change_number(value: Fraction | None) -> float | None:
    """A change for JSON and display: rounded half away from zero to 2 decimals."""
    if value is None:
        return None
    hundredths = math.floor(abs(value) * 100 + Fraction(1, 2))
    return math.copysign(hundredths / 100, value) if hundredths else 0.0


def direction(first: int | None, last: int | None) -> Direction:
    if first is None:
        return "not rated" if last is None else "newly rated"
    if last is None:
        return "no longer rated"
    return "advanced" if last > first else "declined" if last < first else "unchanged"


def linked_group(framework: Framework, indicator_id: str) -> tuple[str, ...]:
    """The indicator's linked group in the rubric's order, or the indicator alone."""
    group = framework.linked_group(indicator_id)
    return group.indicators if group is not None else (indicator_id,)


def _in_part(stages: dict[str, int | None], group: tuple[str, ...]) -> bool:
    """Some of the group's indicators rated in a term, and not all."""
    rated = sum(stages.get(indicator) is not None for indicator in group)
    return 0 < rated < len(group)


def _lower(stages: dict[str, int | None], group: tuple[str, ...]) -> int | None:
    rated = [stage for indicator in group if (stage := stages.get(indicator)) is not None]
    return min(rated) if rated else None


def change_headline(comparison: Comparison) -> str:
    """`4 indicators advanced, 1 declined, 15 unchanged, 2 rated for the first time`, counting linked
    indicators once (and saying so, by code and name, where a linked group is in the counts: after a
    semicolon, so that it is not read as naming the count before it)."""
    text = change_counts(comparison)
    linked = counted_as_one(comparison)
    return f"{text}; {linked} (the rubric links them)" if linked else text


def counted_as_one(comparison: Comparison) -> str:
    """The linked groups the counts count as one and do not name already (`counted_once`), by code
    and name: "C1.3 Work-based Learning Leadership and C6.1 WBL Leadership count as one"; a second
    group is said apart ("…, and so do D.3 … and D.4 …"), as "A and B and C and D" would not say
    which go together; "" when none."""
    groups = [_named(comparison.framework, group) for group in counted_once(comparison, named=False)]
    if not groups:
        return ""
    return f"{groups[0]} count as one" + "".join(f", and so do {group}" for group in groups[1:])


def _named(framework: Framework, group: tuple[str, ...]) -> str:
    """A practice by its indicators' codes and names: "C2.3 Shared Responsibility", or a linked
    group's, joined with "and"."""
    return and_list(framework.named(i) for i in group)


def counted_once(comparison: Comparison, *, named: bool = True) -> list[tuple[str, ...]]:
    """The linked groups the counts of change count as one indicator each (those rated in either
    term); with `named=False`, not those the counts name already ("1 rated for the first time (C1.3
    … and C6.1 …, counted as one)"), which would otherwise be named twice in one sentence."""
    left_out = [] if named else _named_in_counts(comparison)
    return [
        group
        for group, way in comparison.practices()
        if len(group) > 1 and way != "not rated" and group not in left_out
    ]


def change_counts(comparison: Comparison) -> str:
    """`4 indicators advanced, 1 declined, 15 unchanged, 2 rated for the first time`: the counts alone."""
    counts = comparison.counts()
    parts = [
        f"{plural(counts['advanced'], 'indicator')} advanced",
        f"{counts['declined']} declined",
        f"{counts['unchanged']} unchanged",
    ]
    if counts["newly rated"]:
        parts.append(
            f"{counts['newly rated']} rated for the first time{_named_when_few(comparison, 'newly rated')}"
        )
    if counts["no longer rated"]:
        parts.append(
            f"{counts['no longer rated']} not rated this time{_named_when_few(comparison, 'no longer rated')}"
        )
    return ", ".join(parts)


NAMED_IN_COUNTS = 3
"""Up to this many indicators rated for the first time, or rated before and not this time, are named
in the counts: a reader who sees "1 not rated this time" asks which, and a domain's score moves
with it."""


def _named_when_few(comparison: Comparison, way: Direction) -> str:
    """` (C2.3 Shared Accountability)`: the practices that went `way`, when there are few; else ""."""
    groups = _few(comparison, way)
    named = (
        _named(comparison.framework, group) + (", counted as one" if len(group) > 1 else "")
        for group in groups
    )
    return f" ({'; '.join(named)})" if groups else ""


def _few(comparison: Comparison, way: Direction) -> list[tuple[str, ...]]:
    """The practices that went `way`, when there are at most `NAMED_IN_COUNTS` of them; else none."""
    groups = [group for group, went in comparison.practices() if went == way]
    return groups if len(groups) <= NAMED_IN_COUNTS else []


def _named_in_counts(comparison: Comparison) -> list[tuple[str, ...]]:
    """The practices `change_counts` names (`_named_when_few`)."""
    return [*_few(comparison, "newly rated"), *_few(comparison, "no longer rated")]


def headline(comparison: Comparison) -> str:
    """The change (`change_headline`) and, where the last term before the latest set targets, how
    many were reached: `…; 5 of 9 targets set in Fall 2025 reached, 3 not yet, 1 further away`."""
    text = change_headline(comparison)
    latest = latest_targets(comparison)
    return text + "; " + latest.sentence() if latest is not None else text


def latest_targets(comparison: Comparison) -> TargetFollowUp | None:
    """The targets of the term before the latest, followed up in the latest; None when it set none."""
    for follow_up in comparison.targets():
        if follow_up.checked_in.file == comparison.last.file and follow_up.total:
            return follow_up
    return None


def overall_line(comparison: Comparison) -> str:
    """`Overall score: 1.44 Emerging → 1.68 Emerging (+0.24)`; where a term's score comes from few of
    the indicators (`few_rated`), the line says so itself, since the change then compares different
    sets: `Overall score: 1.68 Emerging → 2.83 Developing (+1.15), the latest from 6 of 22 indicators`."""
    fw, first, last = comparison.framework, comparison.first.card, comparison.last.card
    moved = change_number(score_change(first.exact, last.exact))
    delta = f" ({signed(moved, 2)})" if moved is not None else ""
    line = f"Overall score: {score_with_stage(fw, first.exact)} → {score_with_stage(fw, last.exact)}{delta}"
    cautions = [
        f"{which} {few}"
        for which, card in (("the earliest", first), ("the latest", last))
        if card.exact is not None and (few := from_few(card.rated, card.total))
    ]
    return line + (", " + " and ".join(cautions) if cautions else "")


# --- the document's cells --------------------------------------------------------------------------


def _targets_blocks(fw: Framework, follow_up: TargetFollowUp) -> Document:
    """The targets one term set, each with its stage then and now and whether it was reached."""

    def stage(number: int | None) -> str:
        return "—" if number is None else str(number)

    rows = [
        [
            Cell(f"{check.id} {check.name}"),
            stage_cell(fw, check.target),
            Cell(f"{stage(check.stage_then)} → {stage(check.stage_now)}"),
            _RESULT_CELLS[check.result],
        ]
        for check in follow_up.checks
    ]
    title = f"Targets set {follow_up.set_in.when}, checked {follow_up.checked_in.when}"
    columns = [
        Column("Indicator"),
        Column("Target", nowrap=True),
        Column("Stage then → now", nowrap=True),
        Column("Result", nowrap=True),
    ]
    return [table(title, columns, rows), Line(follow_up.sentence() + ".")]


_RESULT_CELLS: dict[str, Cell] = {
    "reached": Cell("✓ reached", tone="good"),
    "not yet": Cell("not yet", tone="warn"),
    "further away": Cell("▼ further away", tone="bad"),
    "not rated": Cell("not rated", tone="muted"),
}


def _column_labels(comparison: Comparison) -> list[str]:
    """Each assessment's column header: its term ("Fall 2025", as the headline and the targets name
    it) when every file has a term of its own, else its date (with its file's name when two share one)."""
    terms = [item.term for item in comparison.items]
    if all(terms) and len({loose_key(str(term)) for term in terms}) == len(terms):
        return [str(term) for term in terms]
    dates = [item.assessed_on.isoformat() for item in comparison.items]
    repeated = {date for date in dates if dates.count(date) > 1}
    return [
        f"{date} ({Path(item.file).name})" if date in repeated else date
        for date, item in zip(dates, comparison.items, strict=True)
    ]


def _rated_cell(rated: int, total: int) -> Cell:
    """`20 of 22 (91%)`, marked when few are rated (`few_rated`)."""
    return Cell(rated_text(rated, total), tone="warn" if few_rated(rated, total) else None)


def _domain_score_cell(fw: Framework, domain: DomainScore) -> Cell:
    """A domain's score in one term: `1.67 Emerging (3 of 4 rated)` when not all its indicators are (`few_of`)."""
    few = few_of(domain.rated, domain.total)
    if domain.exact is None or not few:
        return score_cell(fw, domain.exact)
    return score_cell(fw, domain.exact, text=f"{score_with_stage(fw, domain.exact)} ({few})")


def change_cell(value: Fraction | None, decimals: int = 0, *, note: str = "") -> Cell:
    """`▲ +1` (good news), `▼ −0.25` (bad news), `no change`, or `—` when it cannot be computed; with
    `note` (`rated_apart`), the change is from different indicators: said, and not coloured as news."""
    if value is None:
        return Cell(NO_VALUE, tone="muted")
    tone: Tone
    if value == 0:
        text, tone = "no change", "muted"
    else:
        shown = signed(change_number(value) or 0.0, decimals)
        text, tone = (f"▲ {shown}", "good") if value > 0 else (f"▼ {shown}", "bad")
    return Cell(f"{text} ({note})", tone="warn") if note else Cell(text, tone=tone)
