"""A scored assessment file, and how a scorecard reads in every report that shows one.

`score`, `compare` and `summary` all show scorecards: the JSON objects and CSV rows here are theirs,
so a domain or an indicator looks the same in every report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from coalition_cli.core.frozen import frozen
from coalition_cli.core.loading.assessments import LoadedAssessment
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.reports.actions.register import ActionRecord, action_records
from coalition_cli.core.scoring import DomainScore, IndicatorScore, Scorecard, as_number, score


@frozen(kw_only=True)
class ScoredFile:
    """One assessment file and its scorecard: what every report about scores starts from."""

    file: str
    coalition: str
    assessed_on: dt.date
    term: str | None
    framework: Framework
    card: Scorecard
    actions: tuple[ActionRecord, ...] = ()
    """The file's actions (for following them up: `plan --since` puts both terms' in its register)."""

    @classmethod
    def of(cls, loaded: LoadedAssessment) -> ScoredFile:
        assessment = loaded.assessment
        return cls(
            file=str(loaded.path),
            coalition=assessment.coalition,
            assessed_on=assessment.assessed_on,
            term=assessment.term,
            framework=loaded.framework,
            card=score(loaded.framework, loaded.stages, loaded.targets),
            actions=action_records(assessment),
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


# --- CSV -------------------------------------------------------------------------------------------

SCORECARD_CSV_HEADER = (
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


def scorecard_csv_rows(item: ScoredFile) -> Iterator[list[object]]:
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
