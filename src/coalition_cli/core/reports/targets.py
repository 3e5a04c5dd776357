"""Targets followed up: was each target a term set reached by the next term?

A target is the stage a team wrote as `target` for an indicator. At the next assessment it is

- **reached** when the indicator is now at the target or above it;
- **further away** when the indicator now sits lower than when the target was set;
- **not yet** when it is below the target but no lower than it was;
- **not rated** when the later assessment does not rate the indicator.

Indicators a rubric links (`Framework.linked`: one practice seen twice, C1.3 and C6.1 in the
Community Framework) count once: a linked group with targets on several members counts as one
target, by the least favourable result among them. Every target is still listed on its own.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

from coalition_cli.core.frozen import frozen
from coalition_cli.core.wording import long_date, plural

if TYPE_CHECKING:
    from coalition_cli.core.model.framework import Framework
    from coalition_cli.core.reports.scorecard import ScoredFile

TargetResult = Literal["reached", "not yet", "further away", "not rated"]
RESULTS: tuple[TargetResult, ...] = ("reached", "not yet", "further away", "not rated")
"""From the best news to the worst: the order of the counts, and how a linked group is judged."""
_WORST_FIRST: tuple[TargetResult, ...] = ("further away", "not rated", "not yet", "reached")


@frozen(kw_only=True, slots=True)
class TargetCheck:
    """One target set in an earlier term, against the stage of the next term."""

    id: str
    name: str
    target: int
    target_name: str
    stage_then: int | None
    stage_then_name: str | None
    stage_now: int | None
    stage_now_name: str | None
    result: TargetResult
    linked_with: tuple[str, ...] = ()
    """The other indicators of its linked group, if the rubric declares one."""


@frozen(kw_only=True, slots=True)
class Term:
    """An assessment as the follow-up names it."""

    file: str
    assessed_on: dt.date
    term: str | None

    @property
    def label(self) -> str:
        """`Fall 2025`, or the date in words where the file names no term."""
        return self.term or long_date(self.assessed_on)

    @property
    def when(self) -> str:
        """`in Fall 2025`, or `on 18 September 2025` where the file names no term."""
        return f"in {self.term}" if self.term else f"on {long_date(self.assessed_on)}"


@frozen(kw_only=True, slots=True)
class TargetFollowUp:
    """The targets set in one term (`set_in`), checked at the next (`checked_in`)."""

    set_in: Term
    checked_in: Term
    checks: tuple[TargetCheck, ...]
    """Every target, in framework order."""
    counted: tuple[TargetResult, ...]
    """One result per target counted (a linked group's targets count once)."""

    def count(self, result: TargetResult) -> int:
        return self.counted.count(result)

    @property
    def total(self) -> int:
        return len(self.counted)

    def of(self, result: TargetResult) -> tuple[TargetCheck, ...]:
        return tuple(check for check in self.checks if check.result == result)

    def sentence(self) -> str:
        """`5 of 9 targets set in Fall 2025 reached, 3 not yet, 1 further away`; "" when none was set."""
        if not self.total:
            return ""
        parts = [f"{self.count('reached')} of {plural(self.total, 'target')} set {self.set_in.when} reached"]
        parts += [f"{self.count(result)} {result}" for result in RESULTS[1:] if self.count(result)]
        return ", ".join(parts)

    def data(self) -> dict[str, Any]:
        return {
            "set_in": _term_json(self.set_in),
            "checked_in": _term_json(self.checked_in),
            "counts": {result.replace(" ", "_"): self.count(result) for result in RESULTS}
            | {"total": self.total},
            "indicators": [
                {
                    "id": check.id,
                    "name": check.name,
                    "target": check.target,
                    "stage_then": check.stage_then,
                    "stage_now": check.stage_now,
                    "result": check.result,
                    "linked_with": list(check.linked_with),
                }
                for check in self.checks
            ],
        }


def _term_json(term: Term) -> dict[str, Any]:
    return {"file": term.file, "assessed_on": term.assessed_on.isoformat(), "term": term.term}


def result_of(target: int, then: int | None, now: int | None) -> TargetResult:
    """How a target set when the indicator was at `then` stands with the indicator at `now`."""
    if now is None:
        return "not rated"
    if now >= target:
        return "reached"
    if then is not None and now < then:
        return "further away"
    return "not yet"


def follow_up(framework: Framework, earlier: ScoredFile, later: ScoredFile) -> TargetFollowUp:
    """The targets `earlier` set, checked against `later`."""
    checks = []
    for then, now in zip(earlier.card.indicators, later.card.indicators, strict=True):
        if then.target is None:
            continue
        checks.append(
            TargetCheck(
                id=then.id,
                name=then.name,
                target=then.target,
                target_name=framework.stage_name(then.target),
                stage_then=then.stage,
                stage_then_name=then.stage_name,
                stage_now=now.stage,
                stage_now_name=now.stage_name,
                result=result_of(then.target, then.stage, now.stage),
                linked_with=framework.linked_with(then.id),
            )
        )
    return TargetFollowUp(
        set_in=_term(earlier), checked_in=_term(later), checks=tuple(checks), counted=tuple(_counted(checks))
    )


def follow_ups(framework: Framework, items: Sequence[ScoredFile]) -> tuple[TargetFollowUp, ...]:
    """Each term's targets checked at the next term, oldest first (terms that set none are left out)."""
    pairs = itertools.pairwise(items)
    return tuple(follow_up(framework, earlier, later) for earlier, later in pairs if earlier.has_targets)


def _term(item: ScoredFile) -> Term:
    return Term(file=item.file, assessed_on=item.assessed_on, term=item.term)


def _counted(checks: Sequence[TargetCheck]) -> Iterator[TargetResult]:
    """One result per target, a linked group's targets once (the least favourable of them)."""
    seen: set[str] = set()
    for check in checks:
        if check.id in seen:
            continue
        group = [other for other in checks if other.id == check.id or other.id in check.linked_with]
        seen.update(other.id for other in group)
        yield min((other.result for other in group), key=_WORST_FIRST.index)
