"""Checks of an assessment against its framework and the Guide: ids, stages, stakeholder groups.

They read the raw document rather than the validated model, so that a file with a wrong date still
gets its unknown indicator ids reported in the same run: every problem, never only the first.
"""

from __future__ import annotations

from typing import Any

from coalition_cli.core.model.assessment import written_stage
from coalition_cli.core.model.framework import Framework, StageError, parse_stage
from coalition_cli.core.model.guide import Guide
from coalition_cli.core.problems import Finding, Severity
from coalition_cli.core.suggest import did_you_mean


def rubric_findings(
    data: dict[str, Any], framework: Framework, guide: Guide | None, *, strict: bool
) -> list[Finding]:
    findings: list[Finding] = []
    raw = data.get("ratings")
    ratings: dict[Any, Any] = raw if isinstance(raw, dict) else {}
    ids = [indicator.id for indicator in framework.indicators]
    for key, rating in ratings.items():
        if not isinstance(key, str) or not framework.has_indicator(key):
            findings.append(
                Finding(
                    ("ratings", key),
                    "unknown-indicator",
                    f"unknown indicator {key!r}{did_you_mean(str(key), ids)} in framework {framework.id!r}",
                    at="key",
                )
            )
            continue
        if isinstance(rating, dict):
            findings.extend(_stage_findings(framework, key, rating))
    if raw is None or isinstance(raw, dict):  # a wrong type is the model's to report, not 22 unrated
        findings.extend(_unrated(framework, ratings, strict=strict))
    if guide is not None:
        findings.extend(guide_findings(data, guide))
    return findings


def guide_findings(data: dict[str, Any], guide: Guide) -> list[Finding]:
    """The checks that need only the Guide (stakeholder groups), so that they run even when the
    file's rubric cannot be found: every problem in one run."""
    return _group_findings(data.get("participants"), guide)


def _stage_findings(framework: Framework, indicator_id: str, rating: dict[str, Any]) -> list[Finding]:
    findings: list[Finding] = []
    stage = target = None
    for key in ("stage", "target"):
        value = rating.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            continue  # the model reports wrong types
        try:
            number = parse_stage(framework, written_stage(value) if isinstance(value, str) else value)
        except StageError as error:
            findings.append(
                Finding(("ratings", indicator_id, key), error.code, f"{indicator_id} {key}: {error.message}")
            )
            continue
        if key == "stage":
            stage = number
        else:
            target = number
    if stage is not None and target is not None and target <= stage:
        findings.append(
            Finding(
                ("ratings", indicator_id, "target"),
                "target-not-above-stage",
                f"{indicator_id}: the target ({target} {framework.stage_name(target)}) is not above the current "
                f"stage ({stage} {framework.stage_name(stage)}); set the stage the team aims for next",
                Severity.WARNING,
            )
        )
    return findings


def _unrated(framework: Framework, ratings: dict[str, Any], *, strict: bool) -> list[Finding]:
    severity = Severity.ERROR if strict else Severity.WARNING
    findings = []
    for indicator in framework.indicators:
        rating = ratings.get(indicator.id)
        if rating is not None and not isinstance(rating, dict):
            continue  # written wrongly (`C2.4: 3`): the model reports that, not "not rated" as well
        stage = rating.get("stage") if isinstance(rating, dict) else None
        if stage is not None:
            continue
        path = ("ratings", indicator.id) if indicator.id in ratings else ("ratings",)
        message = f"{indicator.id} {indicator.name} is not rated yet"
        findings.append(Finding(path, "not-rated", message, severity, at="key"))
    return findings


def _group_findings(participants: Any, guide: Guide) -> list[Finding]:
    if not isinstance(participants, list):
        return []
    groups = [group.id for group in guide.stakeholder_groups]
    findings = []
    for index, participant in enumerate(participants):
        group = participant.get("stakeholder_group") if isinstance(participant, dict) else None
        if isinstance(group, str) and guide.stakeholder_group(group) is None:
            findings.append(
                Finding(
                    ("participants", index, "stakeholder_group"),
                    "unknown-stakeholder-group",
                    f"unknown stakeholder group {group!r}{did_you_mean(group, groups)}; "
                    f"use one of: {', '.join(groups)}",
                )
            )
    return findings
