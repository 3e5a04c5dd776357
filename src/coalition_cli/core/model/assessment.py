"""A team's assessment file, as a public contract: the shape every command reads and writes.

Stages may be written as a number or a stage name; which numbers and names are valid depends on the
framework, so this model only checks the shape, and core/checks/rubric.py checks the values against
the rubric.
"""

# Annotations are evaluated by Python as the classes are made (no `from __future__ import
# annotations`): reading a document without Pydantic (core/model/building.py) reads them as types.

import datetime as dt
import re
from dataclasses import field
from typing import Annotated

from coalition_cli.core import codes
from coalition_cli.core.dates import no_such_date, two_digits_advice
from coalition_cli.core.model.base import Before, MinLength, Strict, custom_error, model
from coalition_cli.core.model.profile import ProfileEntry
from coalition_cli.core.model.stages import written_stage
from coalition_cli.core.model.values import ACTION_STATUSES, action_status, status_meant
from coalition_cli.core.model.values import ISO_DATE_PATTERN as ISO_DATE_PATTERN
from coalition_cli.core.model.values import ActionStatus as ActionStatus
from coalition_cli.core.wording import value_shown

_ISO_DATE = re.compile(ISO_DATE_PATTERN)


def parse_iso_date(text: str) -> dt.date:
    """A date written year-month-day, like 2026-03-14; raises ValueError for anything else.

    `date.fromisoformat` alone also takes `20260314` and `2026-W11-6` (Python 3.11), which the file
    format does not allow: every date a file holds is read here. What a person types (`--date`, the
    prompts) is read by `dates.typed_day`, which also takes a one-digit month or day.
    """
    stripped = text.strip()
    if _ISO_DATE.match(stripped):
        return dt.date.fromisoformat(stripped)
    raise ValueError(f"{text!r} is not a date written year-month-day")


def _iso_date(value: object) -> object:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return parse_iso_date(value)
        except ValueError:
            reason = no_such_date(value)
            if reason is not None:
                raise custom_error(
                    codes.INVALID_DATE.name,
                    "{got} is not a date: {reason}",
                    {"got": value_shown(value), "reason": reason},
                ) from None
    advice = two_digits_advice(value) if isinstance(value, str) else None
    raise custom_error(
        codes.INVALID_DATE.name,
        "must be a date written year-month-day, like 2026-03-14 (got {got})"
        if advice is None
        else "must be a date written year-month-day; {advice} (got {got})",
        {"got": value_shown(value), "advice": advice},
    )


def _stage_value(value: object) -> object:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, str):
        return written_stage(value)
    raise custom_error(
        codes.WRONG_TYPE.name,
        "must be a stage number or a stage name (got {got})",
        {"got": value_shown(value)},
    )


def _status_value(value: object) -> object:
    """A status as written (`In Progress`, `DONE`) as the status it means (`action_status`); anything
    else is refused with the statuses and, where one is close, the one most likely meant."""
    status = action_status(value)
    if status is not None or value is None:
        return status
    expected = ", ".join(f"'{name}'" for name in ACTION_STATUSES[:-1]) + f" or '{ACTION_STATUSES[-1]}'"
    if isinstance(value, str) and value.strip().casefold() == "open":  # the reports' word for none
        advice = ": an open action has no status, so leave the status out"
    else:
        meant = status_meant(value) if isinstance(value, str) else None
        advice = f"; did you mean '{meant}'?" if meant is not None else ""
    raise custom_error(
        codes.WRONG_VALUE.name,
        "must be one of {expected}, in any case (got {got}{advice})",
        {"expected": expected, "got": value_shown(value), "advice": advice},
    )


IsoDate = Annotated[dt.date, Before(_iso_date)]
StageValue = Annotated[int | str | None, Before(_stage_value)]
"""A stage as written: a number, a stage name in any case, or null (not rated)."""


def _no_list(value: object) -> object:
    return () if value is None else value


def _no_mapping(value: object) -> object:
    return {} if value is None else value


@model
class Action:
    """One thing the team will do about an indicator: what, who, by when, and where it stands."""

    action: Annotated[str, MinLength(1)]
    owner: str | None = None
    due: IsoDate | None = None
    status: Annotated[ActionStatus | None, Before(_status_value)] = None
    """`planned`, `in-progress`, `done` or `dropped`, written in any case (`in progress` too)."""


@model
class Rating:
    """The team's answer for one indicator: the stage, the evidence, where it aims and what it will do."""

    stage: StageValue = None
    evidence: str | None = None
    target: StageValue = None
    priority: Annotated[bool, Strict()] = False
    """true or false only: YAML 1.2 reads `yes` as text, and the JSON Schema agrees."""
    notes: str | None = None
    links: Annotated[tuple[str, ...], Before(_no_list)] = ()
    actions: Annotated[tuple[Action, ...], Before(_no_list)] = ()
    """A bare `actions:` (the last one deleted by hand) is no actions, not a wrong type."""


@model
class Participant:
    """Someone taking part in the assessment, and the stakeholder group they bring to the table."""

    name: Annotated[str, MinLength(1)]
    organization: str | None = None
    stakeholder_group: str | None = None
    role: str | None = None


@model
class Assessment:
    """A team's assessment of its coalition against a rubric, one rating per indicator."""

    framework: Annotated[str, MinLength(1)]
    coalition: Annotated[str, MinLength(1)]
    assessed_on: IsoDate
    term: str | None = None
    region: str | None = None
    """Optional: where the coalition is, for an intermediary's network view (`summary` groups by it)."""
    cohort: str | None = None
    """Optional: the cohort or program year the coalition belongs to (`summary` groups by it)."""
    facilitator: str | None = None
    participants: Annotated[tuple[Participant, ...], Before(_no_list)] = ()
    profile: ProfileEntry = None
    notes: str | None = None
    ratings: Annotated[dict[str, Rating | None], Before(_no_mapping)] = field(default_factory=dict)
    """A bare `ratings:` (how people start a file) is no ratings yet, not a wrong type."""

    def rating(self, indicator_id: str) -> Rating | None:
        return self.ratings.get(indicator_id)
