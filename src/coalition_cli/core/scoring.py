"""The scoring rules, in one place, used by every command that shows a score.

- An indicator's score is its stage number; an unrated indicator has no score.
- A domain's score is the mean of its rated indicators; a domain with none rated has no score.
- The overall score is the mean of the domain scores that exist (each domain weighs the same),
  computed from unrounded values.
- A score's stage is the stage numbered floor(score): 2.75 is stage 2.
- Completeness is rated/total, per domain and overall.
- A gap is a rated indicator below the top stage. What the team aims for there is its own target
  when set above the stage, else the next stage (`aim`): the action plan and the roster agree.

Means are kept as exact fractions, so floor() never misreads 2.9999999999 as stage 2.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction

from coalition_cli.core.frozen import frozen
from coalition_cli.core.model.framework import Framework


@frozen(slots=True)
class Aim:
    """The stage the team works towards on an indicator with a gap."""

    stage: int
    team_target: bool
    """True when it is the team's own target; False when it is simply the next stage."""


def aim(stage: int | None, target: int | None, top_stage: int) -> Aim | None:
    """What the team aims for on an indicator: None where there is no gap (unrated, or at the top)."""
    if stage is None or stage >= top_stage:
        return None
    if target is not None and target > stage:
        return Aim(target, team_target=True)
    return Aim(stage + 1, team_target=False)


@frozen(slots=True)
class IndicatorScore:
    """One indicator's stage (None: not rated), and the team's target where it set one."""

    id: str
    name: str
    domain_id: str
    stage: int | None
    stage_name: str | None
    target: int | None = None

    @property
    def to_target(self) -> int | None:
        """Stages still to climb to the team's target, where both are set."""
        if self.stage is None or self.target is None:
            return None
        return max(self.target - self.stage, 0)

    def aim(self, top_stage: int) -> Aim | None:
        """What the team aims for here; None where there is no gap (see `aim`)."""
        return aim(self.stage, self.target, top_stage)

    def is_gap(self, top_stage: int) -> bool:
        """Rated, and below the top stage: something to work on."""
        return self.aim(top_stage) is not None


@frozen(slots=True)
class DomainScore:
    """A domain's score: the exact mean of its rated indicators, and the stage it falls in."""

    id: str
    name: str
    exact: Fraction | None
    stage: int | None
    stage_name: str | None
    rated: int
    total: int
    indicators: tuple[IndicatorScore, ...]

    @property
    def score(self) -> float | None:
        return None if self.exact is None else float(self.exact)

    @property
    def to_target(self) -> float | None:
        """Mean distance to target over the indicators that have both a stage and a target."""
        gaps = [i.to_target for i in self.indicators if i.to_target is not None]
        return sum(gaps) / len(gaps) if gaps else None


@frozen(slots=True)
class Scorecard:
    """An assessment scored: the overall score (the mean of the domain scores), each domain, and how
    complete the rating is."""

    framework_id: str
    exact: Fraction | None
    stage: int | None
    stage_name: str | None
    rated: int
    total: int
    domains: tuple[DomainScore, ...]

    @property
    def score(self) -> float | None:
        return None if self.exact is None else float(self.exact)

    @property
    def completeness(self) -> float:
        return self.rated / self.total if self.total else 0.0

    @property
    def indicators(self) -> tuple[IndicatorScore, ...]:
        return tuple(indicator for domain in self.domains for indicator in domain.indicators)

    def domain(self, domain_id: str) -> DomainScore:
        for domain in self.domains:
            if domain.id == domain_id:
                return domain
        raise KeyError(domain_id)

    def indicator(self, indicator_id: str) -> IndicatorScore:
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        raise KeyError(indicator_id)


def stage_of(framework: Framework, score: Fraction | float | None) -> int | None:
    """The stage a score falls in: floor(score), kept within the framework's stages."""
    if score is None:
        return None
    number = math.floor(score)
    return min(max(number, 1), framework.top_stage)


def _mean(values: list[Fraction]) -> Fraction | None:
    if not values:
        return None
    common = math.lcm(*(value.denominator for value in values))  # exact, without a Fraction per step
    return Fraction(
        sum(value.numerator * (common // value.denominator) for value in values), common * len(values)
    )


def _stage_mean(stages: list[int]) -> Fraction | None:
    """A domain's score: the mean of its rated indicators' stages (kept exact)."""
    return Fraction(sum(stages), len(stages)) if stages else None


def overall_score(framework: Framework, stages: Mapping[str, int | None]) -> Fraction | None:
    """The overall score alone, by the rules of `score` (a trend needs it for every term, cheaply)."""
    domains = []
    for domain in framework.domains:
        rated = [stage for indicator in domain.indicators if (stage := stages.get(indicator.id)) is not None]
        domains.append(_stage_mean(rated))
    return _mean([exact for exact in domains if exact is not None])


def score(
    framework: Framework,
    stages: Mapping[str, int | None],
    targets: Mapping[str, int | None] | None = None,
) -> Scorecard:
    """Score a set of stage ratings (indicator id → stage number or None) against a framework."""
    targets = targets or {}
    domains = []
    for domain in framework.domains:
        indicators = tuple(
            IndicatorScore(
                indicator.id,
                indicator.name,
                domain.id,
                stage := stages.get(indicator.id),
                framework.stage_name(stage) if stage is not None else None,
                targets.get(indicator.id),
            )
            for indicator in domain.indicators
        )
        rated = [i.stage for i in indicators if i.stage is not None]
        exact = _stage_mean(rated)
        domain_stage = stage_of(framework, exact)
        domains.append(
            DomainScore(
                domain.id,
                domain.name,
                exact,
                domain_stage,
                framework.stage_name(domain_stage) if domain_stage is not None else None,
                len(rated),
                len(indicators),
                indicators,
            )
        )
    overall = _mean([d.exact for d in domains if d.exact is not None])
    overall_stage = stage_of(framework, overall)
    return Scorecard(
        framework.id,
        overall,
        overall_stage,
        framework.stage_name(overall_stage) if overall_stage is not None else None,
        sum(d.rated for d in domains),
        sum(d.total for d in domains),
        tuple(domains),
    )


def rounded(exact: Fraction | None) -> Fraction | None:
    """A score as shown: rounded half up to 2 decimals, but never up into the next stage.

    2.345 shows as 2.35, while 2.996 shows as 2.99, not 3.00: the shown number and its stage
    (floor of the unrounded score) always agree.
    """
    if exact is None:
        return None
    hundredths = math.floor(exact * 100 + Fraction(1, 2))
    if math.floor(Fraction(hundredths, 100)) > math.floor(exact):
        hundredths = math.floor(exact * 100)
    return Fraction(hundredths, 100)


def score_change(first: Fraction | None, last: Fraction | None) -> Fraction | None:
    """How far a score moved, as the two scores are shown (each `rounded`): a reader who subtracts
    1.90 from 2.24 reads +0.34 beside them, not the +0.33 of the unrounded scores. None when either
    is missing."""
    before, after = rounded(first), rounded(last)
    return None if before is None or after is None else after - before


def shown(exact: Fraction | None) -> str | None:
    """A score as text with 2 decimals (`2.50`), or None when there is no score."""
    value = rounded(exact)
    return None if value is None else f"{float(value):.2f}"


def as_number(exact: Fraction | None) -> float | None:
    """A score for JSON: the shown value as a number (2.5), or None."""
    value = rounded(exact)
    return None if value is None else float(value)
