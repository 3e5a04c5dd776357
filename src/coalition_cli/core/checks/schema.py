"""JSON Schema (draft 2020-12) of the assessment format for one framework.

Editors use it through a `# yaml-language-server: $schema=…` modeline to autocomplete indicator ids,
stages and stakeholder groups; `check-jsonschema` with it agrees with `coalition validate` on
structure (validate also checks what a schema cannot say, such as did-you-mean and merge markers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coalition_cli.core.model.stages import STAGE_SEPARATOR
from coalition_cli.core.model.values import ACTION_STATUSES, ISO_DATE_PATTERN, STATUS_PATTERN, any_case

if TYPE_CHECKING:
    from coalition_cli.core.model.framework import Framework
    from coalition_cli.core.model.guide import Guide


def _stage(framework: Framework, description: str, null: str, *, shape_only: bool = False) -> dict[str, Any]:
    """A stage or a target: a number or a name of the rubric's stages, or null, which means `null`
    (a stage left null is not rated; a target left null is no target)."""
    if shape_only:
        return {"type": ["integer", "string", "null"]}  # which stages the rubric has: rubric.stages says
    # minimum/maximum apply only to numbers and pattern only to strings, so one schema (no anyOf)
    # accepts a stage number, a stage name in any case, or null, and errors stay plain.
    names = [stage.name for stage in framework.stages]
    numbers = "|".join(str(n) for n in framework.stage_numbers)

    return {
        "description": f"{description} {framework.stage_choices()}; null = {null}.",
        "type": ["integer", "string", "null"],
        "minimum": framework.stage_numbers[0],
        "maximum": framework.top_stage,
        "pattern": r"^\s*("
        + "|".join(any_case(stage.name) for stage in framework.stages)
        + "|"
        + numbers
        + "|"
        + "|".join(f"{stage.number}{STAGE_SEPARATOR}{any_case(stage.name)}" for stage in framework.stages)
        + r")\s*$",
        "examples": [*framework.stage_numbers, *names],
    }


def _text(description: str, *, required: bool = False) -> dict[str, Any]:
    if required:
        return {"type": "string", "minLength": 1, "description": description}
    return {"type": ["string", "null"], "description": description}


def _date(description: str, *, required: bool = False) -> dict[str, Any]:
    kind: str | list[str] = "string" if required else ["string", "null"]
    return {"type": kind, "pattern": ISO_DATE_PATTERN, "format": "date", "description": description}


PATH_PATTERN = r"[/\\]|\.[Yy][Aa]?[Mm][Ll]\s*$"
"""What `framework:` must look like when it is not a bundled id: a path (a slash, or a YAML file name),
as `loading.frameworks.looks_like_path` reads it."""


def _framework_reference(bundled: list[str], rubric_path: str | None, title: str) -> dict[str, Any]:
    if rubric_path is not None:
        # the schema lists this rubric's indicators and stages: a file naming another rubric would be
        # checked against the wrong ones, so only a path is offered, and this one as the example
        return {
            "description": f"The rubric this schema is for, {title}: the path of its YAML file, from "
            f"this file's folder (the schema was made from {rubric_path}).",
            "type": "string",
            "pattern": PATH_PATTERN,
            "examples": [rubric_path],
        }
    return {
        "description": "The rubric: a bundled framework id ("
        + ", ".join(bundled)
        + "), or the path of a rubric YAML file relative to this file.",
        "type": "string",
        "anyOf": [{"enum": bundled}, {"pattern": PATH_PATTERN}],
        "examples": bundled,
    }


def assessment_schema(
    framework: Framework,
    guide: Guide,
    bundled: list[str] | None = None,
    *,
    shape_only: bool = False,
    rubric_path: str | None = None,
) -> dict[str, Any]:
    """The schema of an assessment against `framework`; `bundled`: the ids `framework:` may name
    (default: the rubrics shipped with the tool); `rubric_path`: the path `framework` was read from,
    for a rubric of the coalition's own (then `framework:` must be a path, this one the example).

    `shape_only`: exactly what the models accept, for validate's fast path (fastcheck.py), which
    runs the checks themselves: indicator ids, stages and the Guide's ids any text (the checks say
    which are wrong, and how), and a `profile:` path that is not blank (the models refuse it)."""
    if bundled is None:
        from coalition_cli.core.loading.frameworks import bundled_framework_ids

        bundled = bundled_framework_ids()
    groups = [group.id for group in guide.stakeholder_groups]
    action = {
        "type": "object",
        "additionalProperties": False,
        "required": ["action"],
        "properties": {
            "action": _text("What the team commits to do.", required=True),
            "owner": _text("Who leads it."),
            "due": _date("When it is due (YYYY-MM-DD)."),
            "status": {
                "description": "Where the action stands: planned, in-progress, done or dropped, in any "
                "case (in progress, as the reports write it, too); none = open.",
                # a pattern, as for a stage name: any case, and `in progress` with a space, are accepted
                "type": ["string", "null"],
                "pattern": STATUS_PATTERN,
                "examples": list(ACTION_STATUSES),
            },
        },
    }
    rating = {
        "type": ["object", "null"],
        "additionalProperties": False,
        "properties": {
            "stage": _stage(framework, "The stage the team agrees on:", "not rated", shape_only=shape_only),
            "evidence": _text("What shows this stage: meetings, documents, data."),
            "target": _stage(
                framework, "The stage the team aims for next:", "no target", shape_only=shape_only
            ),
            "priority": {"type": "boolean", "description": "true: work on this indicator first."},
            "notes": _text("Anything else worth keeping."),
            "links": {
                "type": ["array", "null"],
                "items": {"type": "string"},
                "description": "Links to evidence documents.",
            },
            "actions": {
                "type": ["array", "null"],
                "items": {"$ref": "#/$defs/action"},
                "description": "What the team commits to do about this indicator: action, owner, due date, status.",
            },
        },
    }
    indicators = {
        indicator.id: {"description": _indicator_help(framework, indicator.id), "$ref": "#/$defs/rating"}
        for indicator in framework.indicators
    }
    participant = {
        "type": "object",
        "additionalProperties": False,
        "required": ["name"],
        "properties": {
            "name": _text("The participant's name.", required=True),
            "organization": _text("The organization they represent."),
            "stakeholder_group": {
                "enum": [*groups, None],
                "description": "The stakeholder group (from the Guide to Building a Broad-Based Coalition).",
            }
            if not shape_only
            else {"type": ["string", "null"]},
            "role": _text("Their role, e.g. chair, co-chair, working group lead."),
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"coalition assessment ({framework.title})",
        "description": f"A self-assessment against {framework.title} ({framework.id}), as read by `coalition validate`.",
        "type": "object",
        "additionalProperties": False,
        "required": ["framework", "coalition", "assessed_on"],
        "properties": {
            "framework": _framework_reference(bundled, rubric_path, framework.title),
            "coalition": _text("The coalition's name.", required=True),
            "assessed_on": _date("The date of the assessment (YYYY-MM-DD).", required=True),
            "term": _text('A label for the term, e.g. "Spring 2026".'),
            "region": _text(
                'Where the coalition is, e.g. "Inland Valley" (`coalition summary` groups by it).'
            ),
            "cohort": _text(
                'The cohort or program year, e.g. "2025 cohort" (`coalition summary` groups by it).'
            ),
            "facilitator": _text("Who facilitated (or, in an individual rater's file, the rater)."),
            "participants": {
                "type": ["array", "null"],
                "items": {"$ref": "#/$defs/participant"},
                "description": "Who took part: each person's name, organization, stakeholder group and role.",
            },
            "notes": _text("Notes about the whole assessment."),
            "profile": {
                "description": "The coalition profile: a mapping, or the path of a shared coalition.yaml.",
                "anyOf": [
                    {"type": ["string", "null"]} if not shape_only else {"type": "null"},
                    *([{"type": "string", "pattern": r"\S"}] if shape_only else []),
                    {"$ref": "#/$defs/CoalitionProfile"},
                ],
            },
            "ratings": {
                "type": ["object", "null"],
                "description": "Ratings keyed by indicator id; a missing indicator is not rated yet.",
                "properties": indicators,
                "additionalProperties": False,
            }
            if not shape_only
            else {"type": ["object", "null"], "additionalProperties": {"$ref": "#/$defs/rating"}},
        },
        "$defs": {
            "rating": rating,
            "action": action,
            "participant": participant,
            **profile_defs(guide, shape_only=shape_only),
        },
    }


def _indicator_help(framework: Framework, indicator_id: str) -> str:
    """The indicator and each stage's descriptor, as plain text: editors show `description` on hover,
    and strict validators (ajv) refuse keywords of their own such as `markdownDescription`."""
    indicator = framework.indicator(indicator_id)
    parts = [indicator.label]
    for stage in framework.stages:
        parts.append(f"{stage.label}: " + " ".join(indicator.descriptor(stage.number)))
    return "\n\n".join(parts)


def profile_defs(guide: Guide, *, shape_only: bool = False) -> dict[str, Any]:
    """The coalition profile's schema (from its model), with the Guide's ids as enumerations
    (`shape_only`: any text, as the model takes them; see `assessment_schema`)."""
    generated = _profile_model_schema()
    defs: dict[str, Any] = generated.pop("$defs", {})
    defs["CoalitionProfile"] = generated
    member = defs["Member"]["properties"]
    if shape_only:
        member["stakeholder_group"] = {"type": "string", "minLength": 1}
        member["partner_kind"] = {"type": ["string", "null"]}
        # a representative written as text is a name, which may not be empty (the model's own
        # schema says only "a string")
        written = member["representatives"]["items"]["anyOf"]
        written[written.index({"type": "string"})] = {"type": "string", "minLength": 1}
        return defs
    member["stakeholder_group"] = {
        "enum": [group.id for group in guide.stakeholder_groups],
        "description": "The stakeholder group (from the Guide to Building a Broad-Based Coalition).",
    }
    member["partner_kind"] = {
        "enum": [*(kind.id for kind in guide.partner_kinds), None],
        "description": "The kind of partner (the Guide's Step 5).",
    }
    return defs


_PROFILE_SCHEMA_KEY = b"the JSON Schema Pydantic writes of CoalitionProfile"


def _profile_model_schema() -> dict[str, Any]:
    """The JSON Schema Pydantic writes of the coalition profile's model. Writing it means importing
    Pydantic and building the model's schema, more than everything else `coalition schema` does; it
    changes only with the model's code, so it is kept between runs beside the checked rubrics
    (core/loading/model_cache.py, whose keys follow the code)."""
    from coalition_cli.core.loading import model_cache

    kept = model_cache.cached(dict, _PROFILE_SCHEMA_KEY)
    if kept is not None:
        return kept
    from coalition_cli.core.model.base import adapter
    from coalition_cli.core.model.profile import CoalitionProfile

    generated = adapter(CoalitionProfile).json_schema(ref_template="#/$defs/{model}")
    model_cache.keep(dict, _PROFILE_SCHEMA_KEY, generated)
    return generated
