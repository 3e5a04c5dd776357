"""The executive committee against the Guide's Step 6: "made up of the chief executives from key
stakeholders".

The Guide says "may include": this is a suggestion, never a rule broken. Each executive committee
seat (chair, co-chair, `executive-committee`) is read from its representatives' titles
(`titles.is_chief_executive`): held by a chief executive, by people whose titles say otherwise (the
tool suggests asking the head of that organization), or not known (no titles given).
"""

from __future__ import annotations

from typing import Literal

from coalition_cli.core.frozen import frozen
from coalition_cli.core.model.profile import CoalitionProfile, Member
from coalition_cli.core.reports.roster.titles import is_chief_executive
from coalition_cli.core.wording import names_list, plural

Verdict = Literal["chief-executive", "other-titles", "no-titles"]
Standing = Literal["met", "suggestion", "unknown"]

GUIDE_WORDS = "made up of the chief executives from key stakeholders"
"""The Guide's Step 6 (Formal Structure), word for word."""

STANDING_LABELS: dict[Standing, str] = {"met": "met", "suggestion": "a suggestion", "unknown": "unknown"}


@frozen(kw_only=True)
class ExecutiveSeat:
    """A seat on the executive committee: the organization, its role and who represents it."""

    organization: str
    role: str
    representatives: tuple[str, ...]
    """`Name (Title)` of each representative, as listed."""
    verdict: Verdict


@frozen(kw_only=True)
class ExecutiveCommittee:
    """The executive committee's seats read against the Guide's "chief executives"."""

    status: Standing
    reason: str
    """In words for any reader: no YAML."""
    seats: tuple[ExecutiveSeat, ...]
    guide_words: str = GUIDE_WORDS
    to_record: tuple[str, ...] = ()
    """What the profile does not say, and how to record it there (for the facilitator's terminal)."""

    @property
    def status_label(self) -> str:
        return STANDING_LABELS[self.status]


def _verdict(member: Member) -> Verdict:
    titles = [r.title for r in member.representatives if r.title]
    if not titles:
        return "no-titles"
    return "chief-executive" if any(is_chief_executive(title) for title in titles) else "other-titles"


def executive_committee(profile: CoalitionProfile) -> ExecutiveCommittee | None:
    """The check, or None when no member sits on the executive committee (Formal Structure says so)."""
    seats = tuple(
        ExecutiveSeat(
            organization=member.organization,
            role=member.role,
            representatives=tuple(
                f"{r.name} ({r.title})" if r.title else r.name for r in member.representatives
            ),
            verdict=_verdict(member),
        )
        for member in profile.members
        if member.on_executive_committee
    )
    if not seats:
        return None
    chiefs = [seat.organization for seat in seats if seat.verdict == "chief-executive"]
    others = [seat for seat in seats if seat.verdict == "other-titles"]
    unknown = [seat.organization for seat in seats if seat.verdict == "no-titles"]
    held = f"{len(chiefs)} of {plural(len(seats), 'seat')} {'is' if len(chiefs) == 1 else 'are'} held by a chief executive"
    if others:
        listed = names_list([seat.organization for seat in others])
        return ExecutiveCommittee(
            status="suggestion",
            reason=(
                f"{held}; the titles of the representatives of {listed} say otherwise. The Guide suggests "
                "an executive committee "
                f"“{GUIDE_WORDS}”: consider asking the head of each to take the seat, with today's "
                "representative as the working contact."
            ),
            seats=seats,
        )
    if unknown:
        return ExecutiveCommittee(
            status="unknown",
            reason=f"{held}; no title is recorded for the representatives of {names_list(unknown)}.",
            seats=seats,
            to_record=("each representative's `title:`",),
        )
    return ExecutiveCommittee(
        status="met",
        reason=f"Every executive committee seat ({len(seats)}) is held by a chief executive.",
        seats=seats,
    )
