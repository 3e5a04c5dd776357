"""An assessment's ratings against its rubric: indicator ids, stages and targets, what is not rated yet,
and linked indicators (one practice the rubric lists twice) rated at different stages.

The predicates `not_rated`, `target_not_above_stage` and `linked_stages_differ` are the rules
themselves: validate's fast path (fastcheck.py) imports them, so a file it proves clean is clean by
the same rule. No Pydantic here, for the same reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from coalition_cli.core import codes
from coalition_cli.core.checks.base import Check, Kind, Subject
from coalition_cli.core.model.stages import StageError, parse_stage, stage_number
from coalition_cli.core.problems import Finding
from coalition_cli.core.suggest import Suggester
from coalition_cli.core.wording import quoted

if TYPE_CHECKING:
    from coalition_cli.core.checks.base import RubricTerms
    from coalition_cli.core.model.stages import StageScale


def not_rated(rating: object) -> bool:
    """An indicator is not rated yet when its rating is missing, empty (`C1.1:`) or has no stage.

    A rating written as something else than a mapping (`C2.4: 3`) is the model's to report."""
    return rating is None or (isinstance(rating, dict) and rating.get("stage") is None)


def target_not_above_stage(stage: int, target: int) -> bool:
    """A target is the stage the team aims for next: one it has reached already says nothing."""
    return target <= stage


def linked_stages_differ(stages: Iterable[int | None]) -> bool:
    """Linked indicators are one practice seen twice: rated at two different stages, one of them is
    wrong. An unrated one says nothing (`not-rated` reports it)."""
    return len({stage for stage in stages if stage is not None}) > 1


def _ratings(data: dict[str, Any]) -> dict[Any, Any]:
    raw = data.get("ratings")
    return raw if isinstance(raw, dict) else {}


def _indicators(subject: Subject) -> Iterator[Finding]:
    framework = subject.framework
    if framework is None:
        return
    meant = Suggester(indicator.id for indicator in framework.indicators)
    for key in _ratings(subject.data):
        if not isinstance(key, str) or not framework.has_indicator(key):
            yield Finding(
                ("ratings", key),
                codes.UNKNOWN_INDICATOR,
                f"unknown indicator {quoted(str(key))}{meant.did_you_mean(str(key))} in framework {framework.id!r}",
                at="key",
            )


def _stages(subject: Subject) -> Iterator[Finding]:
    framework = subject.framework
    if framework is None:
        return
    for indicator_id, rating in _ratings(subject.data).items():
        if (
            isinstance(indicator_id, str)
            and framework.has_indicator(indicator_id)
            and isinstance(rating, dict)
        ):
            yield from _stage_findings(framework, indicator_id, rating)


def _stage_findings(framework: RubricTerms, indicator_id: str, rating: dict[str, Any]) -> Iterator[Finding]:
    numbers: dict[str, int | None] = {}
    for key in ("stage", "target"):
        value = rating.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            continue  # the model reports wrong types
        try:
            numbers[key] = parse_stage(framework, value)
        except StageError as error:
            yield Finding(
                ("ratings", indicator_id, key), error.code, f"{indicator_id} {key}: {error.message}"
            )
    stage, target = numbers.get("stage"), numbers.get("target")
    if stage is not None and target is not None and target_not_above_stage(stage, target):
        yield Finding(
            ("ratings", indicator_id, "target"),
            codes.TARGET_NOT_ABOVE_STAGE,
            f"{indicator_id}: the target ({target} {framework.stage_name(target)}) is not above the current "
            f"stage ({stage} {framework.stage_name(stage)}); set the stage the team aims for next",
        )


def _unrated(subject: Subject) -> Iterator[Finding]:
    framework, raw = subject.framework, subject.data.get("ratings")
    if framework is None or not (raw is None or isinstance(raw, dict)):
        return  # a wrong type is the model's to report, not 22 unrated
    ratings = raw or {}
    for indicator in framework.indicators:
        if not_rated(ratings.get(indicator.id)):
            path = ("ratings", indicator.id) if indicator.id in ratings else ("ratings",)
            message = f"{indicator.id} {indicator.name} is not rated yet"
            yield Finding(path, codes.NOT_RATED, message, at="key")


def _linked(subject: Subject) -> Iterator[Finding]:
    framework = subject.framework
    if framework is None or not framework.linked:
        return
    ratings = _ratings(subject.data)
    for group in framework.linked:
        stages = {
            indicator_id: rated_stage(framework, ratings.get(indicator_id))
            for indicator_id in group.indicators
        }
        if not linked_stages_differ(stages.values()):
            continue
        rated = [indicator_id for indicator_id, stage in stages.items() if stage is not None]
        first, *others = rated
        for other in others:
            if stages[other] == stages[first]:
                continue
            yield Finding(
                ("ratings", other, "stage"),
                codes.LINKED_INDICATORS_DIFFER,
                f"{other} {framework.indicator(other).name} is rated {_stage_words(framework, stages[other])}, "
                f"but its linked indicator {first} (the same practice) is rated "
                f"{_stage_words(framework, stages[first])}; give both one stage",
            )


def rated_stage(scale: StageScale, rating: object) -> int | None:
    """A rating's stage as a number; None when it is not rated, or written wrong (reported elsewhere)."""
    if not isinstance(rating, dict):
        return None
    value = rating.get("stage")
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return None
    return stage_number(scale, value)


def _stage_words(framework: RubricTerms, stage: int | None) -> str:
    assert stage is not None
    return f"{stage} {framework.stage_name(stage)}"


CHECKS = (
    Check("rubric.indicators", Kind.ASSESSMENT, (codes.UNKNOWN_INDICATOR,), _indicators),
    Check(
        "rubric.stages",
        Kind.ASSESSMENT,
        (codes.STAGE_OUT_OF_RANGE, codes.UNKNOWN_STAGE, codes.TARGET_NOT_ABOVE_STAGE),
        _stages,
    ),
    Check("rubric.unrated", Kind.ASSESSMENT, (codes.NOT_RATED,), _unrated),
    Check("rubric.linked", Kind.ASSESSMENT, (codes.LINKED_INDICATORS_DIFFER,), _linked),
)

NEED_THE_RUBRIC = frozenset(code for check in CHECKS for code in check.codes)
"""Every code of these checks: none of them is looked for while the file's rubric cannot be read."""
