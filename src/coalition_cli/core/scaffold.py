"""New assessment files: every indicator listed unrated, with the rubric written in as YAML comments.

Someone editing by hand sees each stage descriptor right above the line they fill in; rolling a new
term forward from the last one keeps the coalition and participants and shows last term's stages.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from dataclasses import dataclass
from typing import Any

from coalition_cli.core.framework import Framework
from coalition_cli.core.validation import LoadedAssessment

COMMENT_WIDTH = 96


@dataclass(frozen=True)
class NewAssessment:
    framework_ref: str
    coalition: str
    assessed_on: dt.date
    term: str | None = None
    facilitator: str | None = None


def _scalar(value: str) -> str:
    """A YAML scalar for user text: plain where safe, double-quoted (JSON-compatible) otherwise."""
    import json

    from ruamel.yaml import YAML

    stream = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.width = 10_000
    yaml.dump(value, stream)
    text = stream.getvalue()
    if text.endswith("\n...\n"):
        text = text[: -len("\n...\n")]
    text = text.rstrip("\n")
    return text if "\n" not in text else json.dumps(value, ensure_ascii=False)


def _comment(text: str, indent: str, *, first: str = "", rest: str = "") -> list[str]:
    wrapped = textwrap.wrap(
        text,
        width=COMMENT_WIDTH - len(indent) - 2,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [f"{indent}# {line}".rstrip() for line in wrapped]


def render(framework: Framework, new: NewAssessment, previous: LoadedAssessment | None = None) -> str:
    """The text of a new assessment file, which validates (with not-rated warnings)."""
    lines = [
        *_comment(f"Self-assessment of {new.coalition} against {framework.title} ({framework.id}).", ""),
        "# Rate each indicator with a stage number or name.",
        *_comment("Stages: " + framework.stage_choices() + ".", ""),
        "# `stage: null` means not rated yet. Check the file with: coalition validate <this file>",
    ]
    if previous is not None:
        lines.append(
            f"# Rolled forward from {previous.path.name} ({previous.assessment.assessed_on.isoformat()}): "
            "last term's stages are shown as comments; confirm or change each one."
        )
    lines += [
        f"framework: {_scalar(new.framework_ref)}",
        f"coalition: {_scalar(new.coalition)}",
        f"assessed_on: {new.assessed_on.isoformat()}",
    ]
    if new.term:
        lines.append(f"term: {_scalar(new.term)}")
    if new.facilitator:
        lines.append(f"facilitator: {_scalar(new.facilitator)}")
    lines += _participants(previous)
    lines.append("ratings:")
    for domain in framework.domains:
        lines.append("")
        lines.append(
            f"  # ── {domain.id} {domain.name} " + "─" * max(3, 70 - len(domain.id) - len(domain.name))
        )
        for indicator in domain.indicators:
            lines.append(f"  {indicator.id}:  # {indicator.name}")
            for stage in framework.stages:
                text = " ".join(indicator.descriptor(stage.number))
                label = f"{stage.number} {stage.name}: "
                lines += _comment(text, "    ", first=label, rest=" " * len(label))
            lines += _last_term(framework, indicator.id, previous)
            lines.append("    stage: null")
    return "\n".join(lines) + "\n"


def _participants(previous: LoadedAssessment | None) -> list[str]:
    if previous is None or not previous.assessment.participants:
        return ["participants: []  # who took part: - name: …, organization: …, stakeholder_group: …"]
    lines = ["participants:"]
    for person in previous.assessment.participants:
        fields: dict[str, Any] = person.model_dump(exclude_none=True)
        first = True
        for key, value in fields.items():
            lines.append(f"  {'- ' if first else '  '}{key}: {_scalar(str(value))}")
            first = False
    return lines


def _last_term(framework: Framework, indicator_id: str, previous: LoadedAssessment | None) -> list[str]:
    if previous is None:
        return []
    stage = previous.stage(indicator_id)
    when = previous.assessment.assessed_on.isoformat()
    if stage is None:
        return [f"    # Last term ({when}): not rated."]
    lines = [f"    # Last term ({when}): {stage} {framework.stage_name(stage)}."]
    rating = previous.assessment.rating(indicator_id)
    if rating is not None and rating.evidence:
        lines += _comment(rating.evidence.strip(), "    ", first="Evidence then: ", rest="  ")
    if rating is not None:
        for action in rating.actions:
            if action.status not in ("done", "dropped"):
                owner = f" ({action.owner})" if action.owner else ""
                lines += _comment(f"{action.action}{owner}", "    ", first="Open action: ", rest="  ")
    return lines


def parse_date(text: str | None) -> dt.date:
    """A date given on the command line (YYYY-MM-DD); today when none is given."""
    from coalition_cli.core.errors import UsageError

    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{text!r} is not a date: write it year-month-day, like 2026-03-14") from None
