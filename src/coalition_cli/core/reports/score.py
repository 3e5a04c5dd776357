"""`coalition score`: each file's scorecard as a report (a document, JSON and CSV rows).

The scorecard's JSON objects and CSV rows are shared with `compare` and `summary`
(`reports.scorecard`), so a domain or an indicator looks the same in every report.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from coalition_cli.core.frozen import frozen
from coalition_cli.core.loading.assessments import LoadedAssessment
from coalition_cli.core.reports.document import (
    NO_VALUE,
    Cell,
    Column,
    Document,
    Heading,
    Line,
    bar,
    few_rated,
    rated_text,
    score_cell,
    score_from,
    stage_cell,
    table,
)
from coalition_cli.core.reports.report import Report
from coalition_cli.core.reports.scorecard import (
    SCORECARD_CSV_HEADER,
    ScoredFile,
    file_json,
    scorecard_csv_rows,
)
from coalition_cli.core.scoring import IndicatorScore
from coalition_cli.core.wording import plural


@frozen(kw_only=True)
class ScoreReport(Report):
    """The scorecards of the files, in the order given."""

    items: tuple[ScoredFile, ...]
    csv_header = SCORECARD_CSV_HEADER

    @classmethod
    def of(cls, loaded: Sequence[LoadedAssessment]) -> ScoreReport:
        return cls(items=tuple(ScoredFile.of(item) for item in loaded))

    def data(self) -> dict[str, Any]:
        return {"assessments": [file_json(item) for item in self.items]}

    def csv_rows(self) -> Iterator[list[object]]:
        for item in self.items:
            yield from scorecard_csv_rows(item)

    def document(self) -> Document:
        document: Document = []
        for item in self.items:
            document.extend(_file_section(item))
        return document


# --- the document ----------------------------------------------------------------------------------


def file_title(item: ScoredFile) -> str:
    """`Riverside Pathways Coalition, assessed 2026-03-14 (Spring 2026)`."""
    term = f" ({item.term})" if item.term else ""
    return f"{item.coalition}, assessed {item.assessed_on.isoformat()}{term}"


def _file_section(item: ScoredFile) -> Document:
    fw, card = item.framework, item.card
    targets = item.has_targets
    domain_columns = [
        Column("Domain"),
        Column("Score", nowrap=True),
        Column("", nowrap=True),
        Column("Rated", nowrap=True),
    ]
    indicator_columns = [Column("Indicator", nowrap=True), Column("Name"), Column("Stage", nowrap=True)]
    if targets:
        domain_columns.append(Column("To target (average)", nowrap=True))
        indicator_columns += [Column("Target", nowrap=True), Column("To target", nowrap=True)]
    domain_rows = []
    for domain in card.domains:
        row = [
            Cell(f"{domain.id} {domain.name}"),
            score_cell(fw, domain.exact),
            score_cell(fw, domain.exact, text=bar(domain.exact, fw.top_stage)),
            Cell(
                f"{domain.rated} of {domain.total}",
                tone="warn" if few_rated(domain.rated, domain.total) else None,
            ),
        ]
        if targets:
            row.append(_domain_gap(domain.to_target))
        domain_rows.append(row)
    indicator_rows = []
    for indicator in card.indicators:
        row = [Cell(indicator.id), Cell(indicator.name), stage_cell(fw, indicator.stage)]
        if targets:
            target = stage_cell(fw, indicator.target) if indicator.target is not None else Cell("")
            row += [target, _indicator_gap(indicator)]
        indicator_rows.append(row)
    return [
        Heading(file_title(item)),
        Line(f"File: {item.file} · Framework: {fw.title}", tone="muted"),
        Line(f"Overall score: {score_from(fw, card.exact, card.rated, card.total)}", tone="strong"),
        Line(f"Indicators rated: {rated_text(card.rated, card.total)}"),
        table("Domain scores", domain_columns, domain_rows),
        table("Indicators", indicator_columns, indicator_rows),
    ]


def _domain_gap(gap: float | None) -> Cell:
    if gap is None:
        return Cell("")
    if gap == 0:
        return Cell("reached", tone="good")
    shown = f"{gap:.1f}"
    return Cell(f"{shown} stage" if shown == "1.0" else f"{shown} stages")


def _indicator_gap(indicator: IndicatorScore) -> Cell:
    gap = indicator.to_target
    if gap is None:
        return Cell(NO_VALUE if indicator.target is not None else "", tone="muted")
    if gap == 0:
        return Cell("reached", tone="good")
    return Cell(f"{plural(gap, 'stage')} to go")
