"""The roster as plain data: what `coalition roster` shows, what its JSON holds, what the plan shows.

A gap, and what the team aims for there, is `scoring.aim` (the rule the action plan uses): a rated
indicator below the framework's top stage, aiming for its `target` when set above the stage, else
the next stage. Unrated indicators are not gaps: nothing is known about them yet.
"""

from __future__ import annotations

from typing import Literal

from coalition_cli.core.frozen import frozen

Status = Literal["met", "not-met", "unknown"]

STATUS_LABELS: dict[Status, str] = {"met": "met", "not-met": "not met", "unknown": "unknown"}
"""How a formalization status reads, in the roster and in the plan's templates alike."""

SUGGESTIONS = (
    "suggested_why_it_matters, suggested_indicators and suggested_gaps are this tool's suggestions, not "
    "the Guide's: the Guide lists sample roles by kind of partner and never ties them to indicators."
)
"""What the roster's JSON says once about the keys that carry this tool's own links."""


@frozen(kw_only=True)
class Gap:
    """An indicator the assessment rates below the top stage."""

    id: str
    name: str
    stage: int
    stage_name: str
    aim: int
    """The team's target when set above the stage, else the next stage."""
    aim_name: str
    priority: bool


@frozen(kw_only=True)
class SampleRole:
    """One of the Guide's sample responsibilities (Step 5), as written, for one partner kind."""

    partner_kind: str
    partner_kind_name: str
    text: str
    lead_in: str | None
    """The Guide's lead-in that the text completes, for kinds whose items are sub-items of one."""
    serves: tuple[str, ...]
    """The indicators this project's tags link it to (JSON: `suggested_indicators`, a suggestion, not
    the Guide's); empty when the tags are for another rubric."""
    gaps: tuple[Gap, ...]
    """Of those, the ones the assessment shows as gaps (JSON: `suggested_gaps`; empty without an assessment)."""


@frozen(kw_only=True)
class GroupCoverage:
    """One of the Guide's stakeholder groups, and which members represent it (none when it is missing)."""

    id: str
    name: str
    members: tuple[str, ...]
    """The organizations that represent the group: empty when it is missing."""
    why_it_matters: str
    """This tool's summary of what the Guide (and the Framework) say the group brings (JSON:
    `suggested_why_it_matters`)."""
    sample_roles: tuple[SampleRole, ...]

    @property
    def represented(self) -> bool:
        return bool(self.members)


@frozen(kw_only=True)
class FormalizationCheck:
    """One element of a formalized coalition (the Guide's list), checked against the profile."""

    id: str
    name: str
    status: Status
    reason: str
    """Why, in words for any reader (the roster, the plan): no YAML."""
    guide_text: str
    to_record: tuple[str, ...] = ()
    """For what the profile does not say: how to record it there (for the facilitator's terminal)."""

    @property
    def status_label(self) -> str:
        """`met`, `not met` or `unknown`: the status as the roster and the plan write it."""
        return STATUS_LABELS[self.status]


@frozen(kw_only=True)
class Caution:
    """A rule the Guide states outright that the coalition does not follow."""

    code: str
    element: str
    """The Step 6 element it belongs to."""
    message: str


@frozen(kw_only=True)
class MemberReport:
    """One member organization as the roster reports it: its group, role, commitment and people."""

    organization: str
    stakeholder_group: str
    stakeholder_group_name: str
    role: str
    commitment: str | None
    representatives: tuple[str, ...]
    """`Name (Title)` of each representative, as listed."""
    sample_roles: tuple[SampleRole, ...]


@frozen(kw_only=True)
class GuideQuestion:
    """One of the Guide's Step 1 questions (lead agency, existing structure), word for word."""

    id: str
    name: str
    question: str
    note: str | None


@frozen(kw_only=True)
class SharedCommitment:
    """One of the four things the Guide's Step 3 says a coalition's members share, word for word."""

    id: str
    name: str
    text: str


@frozen(kw_only=True)
class ToDiscuss:
    """The Guide's Step 1 questions and Step 3 commitments: what a coalition talks through, not a check."""

    getting_started_intro: str | None
    getting_started: tuple[GuideQuestion, ...]
    commitments_intro: str | None
    commitments: tuple[SharedCommitment, ...]
