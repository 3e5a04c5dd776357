"""The network summary as a document (the terminal's tables and Markdown) and as JSON."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from coalition_cli.core.reports.comparison import change_number
from coalition_cli.core.reports.document import (
    NO_VALUE,
    Block,
    Cell,
    Column,
    Document,
    Heading,
    Line,
    percent,
    score_cell,
    stage_cell,
    stage_text,
    table,
)
from coalition_cli.core.reports.network.entries import files_read, in_brief, left_out_line
from coalition_cli.core.reports.network.summary import (
    GROUP_FIELDS,
    CoalitionStanding,
    IndicatorSpread,
    Network,
    Part,
    change_text,
    coverage_source,
    domain_part,
    heat_legend,
    overall_part,
    part_text,
    since_text,
    trend_text,
)
from coalition_cli.core.reports.report import Items
from coalition_cli.core.reports.scorecard import domain_json, overall_json
from coalition_cli.core.reports.targets import RESULTS
from coalition_cli.core.scoring import as_number, shown
from coalition_cli.core.wording import long_date, plural

if TYPE_CHECKING:
    from fractions import Fraction

    from coalition_cli.core.model.framework import Framework

STATUS_WORDS = {"met": "met", "not-met": "not met", "unknown": "unknown"}
OVERDUE_SHOWN = 25
"""The longest-overdue actions the table and Markdown list; JSON has them all, `coalition actions` too."""
GROUP_TITLES = {"region": "Region", "cohort": "Cohort"}


# --- JSON -------------------------------------------------------------------------------------------


def network_data(network: Network) -> dict[str, Any]:
    fw = network.framework
    return {
        "framework": {"id": fw.id, "title": fw.title},
        "as_of": network.as_of.isoformat(),
        "stale_after": str(network.stale_after),
        "files": {
            "read": network.files,
            "assessments": network.assessments,
            "skipped": network.skipped,
            "invalid": len(network.invalid),
            "other_framework": network.other_framework,
            "raters_set_aside": sum(c.raters_set_aside for c in network.coalitions),
            "later": len(network.later),
        },
        "coalitions": Items(lambda: (_coalition_json(network, item) for item in network.coalitions)),
        "stale": [item.name for item in network.stale],
        "targets": {
            "coalitions": network.with_targets,
            **{result.replace(" ", "_"): count for result, count in network.targets().items()},
            "total": sum(network.targets().values()),
        },
        "overdue_actions": Items(
            lambda: (
                {
                    "coalition": item.coalition,
                    "file": item.file,
                    "indicator": item.action.indicator,
                    "action": item.action.action,
                    "owner": item.action.owner,
                    "due": item.action.due.isoformat() if item.action.due else None,
                    "status": item.action.status,
                    "days_late": item.days_late,
                }
                for item in network.overdue
            )
        ),
        "stakeholder_groups": [
            {"id": group_id, "name": name, "coalitions": count}
            for group_id, name, count in network.coverage()
        ],
        "formalization": {
            "coalitions_with_profile": network.with_profile,
            "elements": [
                {"id": element_id, "name": name, **{key.replace("-", "_"): n for key, n in counts.items()}}
                for element_id, name, counts in network.formalization()
            ],
        },
        "groups": {
            by: [
                {
                    "name": group.name,
                    "coalitions": [c.name for c in group.coalitions],
                    "mean": as_number(group.mean),
                    "stale": group.stale,
                    "overdue_actions": group.overdue,
                }
                for group in network.groups_of(by)
            ]
            for by in GROUP_FIELDS
        },
        "indicators": [_indicator_json(fw, indicator) for indicator in network.indicators],
        "weakest": [_indicator_json(fw, indicator) for indicator in network.weakest()],
        "not_rated_anywhere": [indicator.id for indicator in network.not_rated_anywhere()],
        "same_date": [item.data(left_out=item in network.unresolved) for item in network.same_date],
        "invalid_files": [{"file": item.file, "problems": in_brief(item)} for item in network.invalid],
    }


def _coalition_json(network: Network, item: CoalitionStanding) -> dict[str, Any]:
    return {
        "coalition": item.name,
        "file": item.latest.file,
        "assessed_on": item.latest.assessed_on.isoformat(),
        "region": item.region,
        "cohort": item.cohort,
        "stale": item.stale,
        "days_since": item.days_since,
        "assessments": item.assessments,
        "raters_set_aside": item.raters_set_aside,
        "overall": overall_json(item.latest.card),
        "domains": [domain_json(domain) for domain in item.latest.card.domains],
        "trend": [
            {
                "assessed_on": term.assessed_on.isoformat(),
                "term": term.term,
                "file": term.file,
                "score": as_number(term.exact),
                "rated": term.rated,
                "total": term.total,
            }
            for term in item.trend
        ],
        "change": change_number(item.change),
        "change_note": item.change_note or None,
        "targets": _targets_json(item),
        "actions": {"open": item.open_actions, "overdue": len(item.overdue)},
        "stakeholder_groups": {"from": item.groups_from, "ids": list(item.groups)},
        "formalization": [{"id": element, "status": status} for element, status in item.formalization]
        if item.formalization is not None
        else None,
    }


def _targets_json(item: CoalitionStanding) -> dict[str, Any] | None:
    """As `compare` gives a term's targets, without the indicators one by one (`compare` has them)."""
    if item.targets is None:
        return None
    data = item.targets.data()
    del data["indicators"]
    return data


def _indicator_json(fw: Framework, indicator: IndicatorSpread) -> dict[str, Any]:
    return {
        "id": indicator.id,
        "name": indicator.name,
        "domain": indicator.domain_id,
        "stages": [
            {"stage": stage.number, "name": stage.name, "coalitions": count}
            for stage, count in zip(fw.stages, indicator.counts, strict=True)
        ],
        "not_rated": indicator.not_rated,
        "mean": as_number(indicator.mean),
    }


# --- the terminal -------------------------------------------------------------------------------------


def network_files_read(network: Network) -> list[str]:
    """The files read, set aside and skipped: for the terminal, not for the summary's readers."""
    return files_read(
        assessments=network.assessments,
        raters_set_aside=sum(c.raters_set_aside for c in network.coalitions),
        skipped=network.skipped,
        other_framework=network.other_framework,
        later=network.later,
        as_of=network.as_of,
    )


# --- the document ------------------------------------------------------------------------------------


def network_document(network: Network) -> Document:
    fw = network.framework
    document: Document = [Heading(f"Network summary: {fw.title}"), *_overview(network)]
    if not network.coalitions:
        return [*document, *_to_sort_out(network)]
    document += [
        _currency_table(network),
        *_heatmap(network),
        *_stale(network),
        *_overdue(network),
        *_coverage(network),
        *_formalization(network),
        *_groups(network),
        _distribution(network),
        *_weakest(network),
        *_to_sort_out(network),
    ]
    return document


def _overview(network: Network) -> Iterator[Line]:
    dates = [item.latest.assessed_on for item in network.coalitions]
    first, last = (long_date(min(dates)), long_date(max(dates))) if dates else ("", "")
    span = (
        ""
        if not dates
        else f", last assessed {first}"
        if first == last
        else f", last assessed between {first} and {last}"
    )
    yield Line(
        f"{plural(len(network.coalitions), 'coalition')}{span}; as of {long_date(network.as_of)}",
        tone="strong",
    )
    partly = network.partly_rated()
    if partly:
        yield Line(f"{partly}.", tone="warn")
    stale = network.stale
    if stale:
        yield Line(
            f"{plural(len(stale), 'coalition')} not assessed for more than {network.stale_after}: "
            + ", ".join(item.name for item in stale),
            tone="bad",
        )
    targets = network.targets()
    total = sum(targets.values())
    if total:
        others = [f"{targets[result]} {result}" for result in RESULTS[1:] if targets[result]]
        yield Line(
            f"Targets set the term before the latest: {targets['reached']} of {total} reached"
            + (f" ({', '.join(others)})" if others else "")
            + f", in {plural(network.with_targets, 'coalition')}",
        )
    overdue = network.overdue
    if overdue:
        coalitions = len({item.coalition for item in overdue})
        yield Line(
            f"{plural(len(overdue), 'action')} overdue in {plural(coalitions, 'coalition')}",
            tone="bad",
        )
    if network.invalid:
        yield Line(
            left_out_line(len(network.invalid)),
            tone="bad",
        )
    if network.unresolved:
        yield Line(
            f"{plural(len(network.unresolved), 'coalition')} left out: several assessments on its latest date "
            "(see the end)",
            tone="bad",
        )


def _currency_table(network: Network) -> Block:
    # the region or cohort only when the list is grouped by it: the tables "By region" and "By
    # cohort" give the rest, and the trend needs the width
    shown_groups = [network.group_by] if network.group_by else []
    columns = [
        Column("Coalition"),
        *(Column(GROUP_TITLES[by]) for by in shown_groups),
        Column("Last assessed"),  # "(stale)" goes under the date at 80 columns
        Column("Overall at each term"),
        # a change between different indicators says which under it (`change_cell`): it wraps
        Column("Change", align="right", nowrap=not any(item.change_note for item in network.coalitions)),
        Column("Last targets reached", align="right", narrow=True),
        Column("Open actions", align="right"),
    ]
    rows = []
    for item in network.ordered():
        when = long_date(item.latest.assessed_on) + (" (stale)" if item.stale else "")
        rows.append(
            [
                Cell(item.name),
                *(
                    Cell(item.group(by) or NO_VALUE, tone=None if item.group(by) else "muted")
                    for by in shown_groups
                ),
                Cell(when, tone="bad" if item.stale else None),
                Cell(trend_text(item)),
                _change_cell(item),
                _targets_cell(item),
                _actions_cell(item),
            ]
        )
    return table("How current each coalition is, and its trend", columns, rows)


def _actions_cell(item: CoalitionStanding) -> Cell:
    """`11, 2 overdue`: the latest term's open actions, and how many of them are overdue."""
    if item.overdue:
        return Cell(f"{item.open_actions}, {len(item.overdue)} overdue", tone="bad")
    return Cell(str(item.open_actions), tone=None if item.open_actions else "muted")


def _targets_cell(item: CoalitionStanding) -> Cell:
    """`5 of 9`: the targets the term before the latest set, reached at the latest."""
    targets = item.targets
    if targets is None:
        return Cell(NO_VALUE, tone="muted")
    reached = targets.count("reached")
    return Cell(f"{reached} of {targets.total}", tone="bad" if targets.count("further away") else None)


def _change_cell(item: CoalitionStanding) -> Cell:
    """`+0.65` since the first term, coloured as news; a change between terms that rated different
    indicators says so under it and is not coloured as news, as `compare` words and colours a
    domain's change (`comparison.change_cell`): `+0.56` / `(8 indicators rated in one term only)`."""
    change = item.change
    if change is None:
        return Cell(NO_VALUE, tone="muted")
    if item.change_note:
        return Cell(change_text(item), note=item.change_note, tone="warn")
    return Cell(change_text(item), tone="good" if change > 0 else "bad" if change < 0 else None)


def _heatmap(network: Network) -> list[Block]:
    fw = network.framework
    by = network.group_by
    heat_rows = [
        ([Cell(item.group(by) or NO_VALUE)] if by else [])
        + [
            Cell(item.name),
            _heat_cell(fw, item.latest.card.exact, overall_part(item.latest.card)),
        ]
        + [_heat_cell(fw, domain.exact, domain_part(domain)) for domain in item.latest.card.domains]
        for item in network.ordered()
    ]
    legend = heat_legend(network)
    domain_columns = [Column(domain.id, align="center", nowrap=True) for domain in fw.domains]
    return [
        table(
            "Domain scores of each coalition's latest assessment",
            [
                *([Column(GROUP_TITLES[by])] if by else []),
                Column("Coalition"),
                Column("Overall", align="center", nowrap=True),
                *domain_columns,
            ],
            heat_rows,
        ),
        Line("Domains: " + "; ".join(domain.label for domain in fw.domains), tone="muted"),
        *([Line(legend, tone="muted")] if legend else []),
        table(
            "Key: a score's stage",
            [str(stage.number) for stage in fw.stages],
            [[stage_cell(fw, stage.number, text=stage.name, fill=True) for stage in fw.stages]],
        ),
    ]


def _heat_cell(fw: Framework, exact: Fraction | None, part: Part | None) -> Cell:
    """A score of the heatmap, `2.00`, and, when it comes from part of its indicators, how many
    (`1 of 3`, its note: under it on a terminal, where the heatmap must fit 80 columns)."""
    cell = score_cell(fw, exact, text=shown(exact) or NO_VALUE, fill=True)
    return dataclasses.replace(cell, note=part_text(part)) if part is not None else cell


def _stale(network: Network) -> list[Block]:
    stale = network.stale
    if not stale:
        return []
    return [
        table(
            f"Not assessed for more than {network.stale_after} (as of {long_date(network.as_of)})",
            [Column("Coalition"), Column("Last assessed", nowrap=True), Column("How long ago", nowrap=True)],
            [
                [Cell(c.name), Cell(long_date(c.latest.assessed_on)), Cell(since_text(c.days_since))]
                for c in stale
            ],
        )
    ]


def _overdue(network: Network) -> list[Block]:
    every = network.overdue
    if not every:
        return []
    overdue = every[:OVERDUE_SHOWN]
    more = (
        [
            Line(
                f"… and {plural(len(every) - len(overdue), 'more overdue action')}, not listed here",
                tone="muted",
            )
        ]
        if len(every) > len(overdue)
        else []
    )
    return [
        table(
            f"Overdue actions (as of {long_date(network.as_of)}): past due, not marked done or dropped"
            + (f"; the {len(overdue)} longest overdue" if more else ""),
            [
                Column("Coalition"),
                Column("Due", nowrap=True),
                Column("Late by", align="right", nowrap=True),
                Column("Owner"),
                Column("Action"),
            ],
            [
                [
                    Cell(item.coalition),
                    Cell(long_date(item.action.due) if item.action.due else ""),
                    Cell(plural(item.days_late, "day"), tone="bad"),
                    Cell(item.action.owner or "no owner", tone=None if item.action.owner else "warn"),
                    Cell(f"{item.action.action} ({network.framework.named(item.action.indicator)})"),
                ]
                for item in overdue
            ],
        ),
        *more,
    ]


def _coverage(network: Network) -> list[Block]:
    if not network.stakeholder_groups:
        return []
    if not any(c.groups for c in network.coalitions):
        return [
            Line(
                "Stakeholder groups at the table: no coalition has a profile or lists its participants' "
                "stakeholder groups.",
                tone="muted",
            )
        ]
    total = len(network.coalitions)
    source = coverage_source(total, network.with_profile)
    return [
        table(
            "Stakeholder groups at the table, across the network",
            [Column("Stakeholder group (Guide, Step 2)"), Column("Coalitions", align="right", nowrap=True)],
            [
                [
                    Cell(name),
                    Cell(f"{count} of {total} ({percent(count, total)})", tone="bad" if not count else None),
                ]
                for _, name, count in network.coverage()
            ],
        ),
        Line(source, tone="muted"),
    ]


def _formalization(network: Network) -> list[Block]:
    if not network.with_profile or not network.elements:
        return []
    return [
        table(
            f"How formalized the {plural(network.with_profile, 'coalition')} with a profile "
            f"{'is' if network.with_profile == 1 else 'are'} (Guide, Step 6)",
            [
                Column("Element"),
                Column("Met", align="right", narrow=True),
                Column("Not met", align="right", narrow=True),
                Column("Unknown", align="right", narrow=True),
            ],
            [
                [
                    Cell(name),
                    Cell(str(counts["met"]), tone="good" if counts["met"] else "muted"),
                    Cell(str(counts["not-met"]), tone="bad" if counts["not-met"] else "muted"),
                    Cell(str(counts["unknown"]), tone="warn" if counts["unknown"] else "muted"),
                ]
                for _, name, counts in network.formalization()
            ],
        )
    ]


def _groups(network: Network) -> list[Block]:
    blocks: list[Block] = []
    fw = network.framework
    for by in GROUP_FIELDS:
        groups = network.groups_of(by)
        if not groups:
            continue
        blocks.append(
            table(
                f"By {by}",
                [
                    Column(GROUP_TITLES[by]),
                    Column("Coalitions", align="right", narrow=True),
                    Column("Average overall", align="right", narrow=True),
                    Column("Stale", align="right", narrow=True),
                    Column("Overdue actions", align="right", narrow=True),
                ],
                [
                    [
                        Cell(group.name or f"no {by} given", tone=None if group.name else "muted"),
                        Cell(str(len(group.coalitions))),
                        score_cell(fw, group.mean, text=shown(group.mean) or NO_VALUE),
                        Cell(str(group.stale), tone="bad" if group.stale else "muted"),
                        Cell(str(group.overdue), tone="bad" if group.overdue else "muted"),
                    ]
                    for group in groups
                ],
            )
        )
    return blocks


def _distribution(network: Network) -> Block:
    fw = network.framework
    stage_columns = [Column(stage_text(fw, stage.number), align="right", narrow=True) for stage in fw.stages]
    return table(
        "How many coalitions are at each stage, per indicator",
        [
            Column("Indicator"),
            *stage_columns,
            Column("Not rated", align="right", narrow=True),
            Column("Average", align="right"),
        ],
        [
            [Cell(f"{i.id} {i.name}")]
            + [Cell(str(count), tone="muted" if not count else None) for count in i.counts]
            + [
                Cell(str(i.not_rated), tone="muted" if not i.not_rated else None),
                score_cell(fw, i.mean, text=shown(i.mean)),
            ]
            for i in network.indicators
        ],
    )


def _weakest(network: Network) -> Iterator[Block]:
    fw = network.framework
    lowest = fw.stages[0].name
    yield table(
        "Where the network is weakest (lowest average stage)",
        [
            Column("Indicator", nowrap=True),
            Column("Name"),
            Column("Domain"),
            Column("Average", align="right", nowrap=True),
            Column(f"At {lowest}", align="right", nowrap=True),
            Column("Rated by", align="right", nowrap=True),
        ],
        [
            [
                Cell(i.id),
                Cell(i.name),
                Cell(fw.domain(i.domain_id).name),
                score_cell(fw, i.mean, text=shown(i.mean)),
                Cell(str(i.counts[0])),
                Cell(plural(i.rated, "coalition")),
            ]
            for i in network.weakest()
        ],
    )
    ties = network.weakest_ties()
    if ties:
        yield Line(f"{ties}.")
    left_out = network.weakest_left_out()
    if left_out:
        yield Line(f"{left_out}.", tone="warn")


def _to_sort_out(network: Network) -> list[Block]:
    if not network.same_date:
        return []
    return [
        table(
            "To sort out: one coalition, one date, several assessments",
            [Column("Coalition"), Column("Date", nowrap=True), Column("What is pending")],
            [
                [
                    Cell(item.coalition),
                    Cell(long_date(item.assessed_on)),
                    Cell(
                        item.pending(left_out=item in network.unresolved),
                        tone="warn" if item.raters_only else "bad",
                    ),
                ]
                for item in network.same_date
            ],
        )
    ]
