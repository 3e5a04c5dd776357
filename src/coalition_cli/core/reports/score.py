"""`coalition score` as data: each file's scorecard as JSON, CSV rows and a document to render.

The JSON objects and CSV rows built here are shared by `compare` and `summary`, so a domain or an
indicator looks the same in every report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from coalition_cli.core.loading.assessments import LoadedAssessment
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.reports.document import (
    NO_VALUE,
    Cell,
    Column,
    Document,
    Heading,
    Line,
    bar,
    rated_text,
    score_cell,
    score_text,
    stage_cell,
    table,
)
from coalition_cli.core.scoring import DomainScore, IndicatorScore, Scorecard, as_number, score
from coalition_cli.core.wording import plural


@dataclass(frozen=True)
class ScoredFile:
    """One assessment file and its scorecard: what every report about scores starts from."""

    file: str
    coalition: str
    assessed_on: dt.date
    term: str | None
    framework: Framework
    card: Scorecard

    @classmethod
    def of(cls, loaded: LoadedAssessment) -> ScoredFile:
        assessment = loaded.assessment
        return cls(
            str(loaded.path),
            assessment.coalition,
            assessment.assessed_on,
            assessment.term,
            loaded.framework,
            score(loaded.framework, loaded.stages, loaded.targets),
        )

    @property
    def has_targets(self) -> bool:
        return any(indicator.target is not None for indicator in self.card.indicators)


# --- JSON ------------------------------------------------------------------------------------------


def _to_target(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def overall_json(card: Scorecard) -> dict[str, Any]:
    return {
        "score": as_number(card.exact),
        "stage": card.stage,
        "stage_name": card.stage_name,
        "rated": card.rated,
        "total": card.total,
        "completeness": round(card.completeness, 2),
    }


def domain_json(domain: DomainScore) -> dict[str, Any]:
    return {
        "id": domain.id,
        "name": domain.name,
        "score": as_number(domain.exact),
        "stage": domain.stage,
        "stage_name": domain.stage_name,
        "rated": domain.rated,
        "total": domain.total,
        "to_target": _to_target(domain.to_target),
    }


def indicator_json(indicator: IndicatorScore) -> dict[str, Any]:
    return {
        "id": indicator.id,
        "name": indicator.name,
        "domain": indicator.domain_id,
        "stage": indicator.stage,
        "stage_name": indicator.stage_name,
        "target": indicator.target,
        "to_target": indicator.to_target,
    }


def file_json(item: ScoredFile) -> dict[str, Any]:
    return {
        "file": item.file,
        "coalition": item.coalition,
        "assessed_on": item.assessed_on.isoformat(),
        "term": item.term,
        "framework": item.framework.id,
        "overall": overall_json(item.card),
        "domains": [domain_json(domain) for domain in item.card.domains],
        "indicators": [indicator_json(indicator) for indicator in item.card.indicators],
    }


def score_json(items: Sequence[ScoredFile]) -> dict[str, Any]:
    return {"assessments": [file_json(item) for item in items]}


# --- CSV -------------------------------------------------------------------------------------------

CSV_HEADER = (
    "file",
    "coalition",
    "assessed_on",
    "framework",
    "domain",
    "domain_name",
    "indicator",
    "indicator_name",
    "stage",
    "stage_name",
    "target",
    "to_target",
    "domain_score",
    "overall_score",
)
"""One row per file and indicator, with its domain's and the file's overall score beside it."""


def csv_rows(item: ScoredFile) -> Iterator[list[object]]:
    overall = as_number(item.card.exact)
    for domain in item.card.domains:
        for indicator in domain.indicators:
            yield [
                item.file,
                item.coalition,
                item.assessed_on.isoformat(),
                item.framework.id,
                domain.id,
                domain.name,
                indicator.id,
                indicator.name,
                indicator.stage,
                indicator.stage_name,
                indicator.target,
                indicator.to_target,
                as_number(domain.exact),
                overall,
            ]


# --- the document ----------------------------------------------------------------------------------


def file_title(item: ScoredFile) -> str:
    """`Riverside Pathways Coalition, assessed 2026-03-14 (Spring 2026)`."""
    term = f" ({item.term})" if item.term else ""
    return f"{item.coalition}, assessed {item.assessed_on.isoformat()}{term}"


def score_document(items: Sequence[ScoredFile]) -> Document:
    document: Document = []
    for item in items:
        document.extend(_file_section(item))
    return document


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
            Cell(f"{domain.rated} of {domain.total}"),
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
        Line(f"Overall score: {score_text(fw, card.exact)}", tone="strong"),
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
