"""How far a coalition is formalized: the Guide's Step 6, one rule per element, read from its profile.

Each rule gives a status (met, not met, unknown: the profile does not say), the reason in a sentence,
and the cautions the Guide states outright that the coalition does not follow. Pure functions of the
profile.

The project's reading of the Guide, where it gives no number:
- "Designated leaders": met when at least one member is chair or co-chair, unless the only leader is
  the K–12 district represented by its superintendent (`titles.is_superintendent`: "Interim" or
  "Acting Superintendent" too; another sector's "Superintendent/President" never), which the Guide
  does not recommend.
- "Formal structure": an executive committee of at least two members (chairs, co-chairs and
  `executive-committee` seats), at least one committee or working group, and reporting mechanisms.
- "Regular meetings": the full coalition meets at least semi-annually.
- "Organizational commitment": met when every member's commitment is organizational. The coalition
  "depends on a few individuals" (a caution) when at least half of the members whose commitment is
  recorded take part as individuals, or when a chair or co-chair does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from coalition_cli.core.frozen import frozen
from coalition_cli.core.model.guide import Guide
from coalition_cli.core.model.profile import FREQUENCIES, CoalitionProfile, Member, Representative
from coalition_cli.core.reports.roster.results import Caution, FormalizationCheck, Status
from coalition_cli.core.reports.roster.titles import is_superintendent
from coalition_cli.core.wording import names_list, plural

SEMI_ANNUALLY = FREQUENCIES.index("semi-annually")
K12 = "k12-education"
"""The stakeholder group whose superintendent the Guide's Step 6 means."""


@frozen(kw_only=True)
class _Part:
    """One thing an element needs: there (True), not there (False) or not recorded (None)."""

    state: bool | None
    text: str
    record: str | None = None
    """How to record in the profile what it does not say (for whoever keeps coalition.yaml)."""


class Answer(NamedTuple):
    """A rule's answer: the status; the reason, in words for any reader of the roster or the plan
    (no YAML); the cautions it found; and how to record in the profile what it does not say, for the
    facilitator who keeps coalition.yaml (`coalition roster` says it on the terminal only)."""

    status: Status
    reason: str
    cautions: tuple[Caution, ...] = ()
    to_record: tuple[str, ...] = ()


def _combine(parts: list[_Part]) -> Answer:
    states = [part.state for part in parts]
    status: Status = "not-met" if False in states else "unknown" if None in states else "met"
    records = tuple(part.record for part in parts if part.record)
    return Answer(status, _sentence("; ".join(part.text for part in parts)), to_record=records)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _in_place(value: str | None, noun: str, key: str) -> _Part:
    if value == "yes":
        return _Part(state=True, text=f"the {noun} is in place")
    if value == "draft":
        return _Part(state=False, text=f"the {noun} is still a draft")
    if value == "no":
        return _Part(state=False, text=f"there is no {noun} yet")
    return _Part(
        state=None,
        text=f"it is not recorded whether there is a {noun}",
        record=f"`{key}: yes`, `draft` or `no`",
    )


def _names(members: Iterable[Member]) -> str:
    """`A`, `A and B`, `A, B and C` (`A; B; and C` when a name holds a comma): the members' organizations."""
    return names_list(member.organization for member in members)


def _clear_definition(profile: CoalitionProfile) -> Answer:
    parts = [
        _in_place(profile.charter, "charter", "charter"),
        _in_place(profile.membership_definition, "written definition of membership", "membership_definition"),
    ]
    return _combine(parts)


def _designated_leaders(profile: CoalitionProfile) -> Answer:
    leaders = [member for member in profile.members if member.leads]
    if not leaders:
        return Answer(
            "not-met",
            "No member is chair or co-chair.",
            to_record=("give the leading members `role: chair` or `role: co-chair`",),
        )
    if len(leaders) > 1:
        return Answer("met", f"Leadership is shared by {_names(leaders)}.")
    sole = leaders[0]
    superintendent = district_superintendent(sole)
    if superintendent is None:
        return Answer(
            "met", f"{sole.organization} chairs the coalition alone; the Guide suggests sharing leadership."
        )
    message = (
        f"The Superintendent ({superintendent.name}, {sole.organization}) is the coalition's sole chair. "
        "The Guide: “It is not recommended that the Superintendent serve as a sole chair.” Share leadership "
        "through a co-chair from another sector, or a chair that rotates among the executive committee."
    )
    return Answer(
        "not-met",
        f"The Superintendent is the sole chair ({sole.organization}), which the Guide does not recommend.",
        (Caution(code="superintendent-sole-chair", element="designated-leaders", message=message),),
    )


def district_superintendent(member: Member) -> Representative | None:
    """The member's representative who is the district's superintendent: a `k12-education` member's
    representative with a superintendent's title (`titles.is_superintendent`); else None."""
    if member.stakeholder_group != K12:
        return None
    return next((r for r in member.representatives if is_superintendent(r.title)), None)


def _formal_structure(profile: CoalitionProfile) -> Answer:
    executive = [member for member in profile.members if member.on_executive_committee]
    if len(executive) >= 2:
        committee = _Part(state=True, text=f"an executive committee of {len(executive)} members")
    else:
        committee = (
            _Part(
                state=False,
                text="no executive committee",
                record="mark its members `role: executive-committee` (or chair, co-chair)",
            )
            if not executive
            else _Part(state=False, text=f"only {executive[0].organization} sits on the executive committee")
        )
    working = [member for member in profile.members if member.role == "working-group"]
    if profile.committees:
        groups = _Part(
            state=True,
            text=plural(
                len(profile.committees), "committee or working group", "committees or working groups"
            ),
        )
    elif working:
        groups = _Part(
            state=True,
            text=f"{plural(len(working), 'member')} {'sits' if len(working) == 1 else 'sit'} on working groups",
        )
    elif profile.committees is None:
        groups = _Part(
            state=None,
            text="no committees or working groups are recorded",
            record="list them under `committees:`",
        )
    else:
        groups = _Part(state=False, text="no task- or function-focused committees")
    if profile.reporting:
        reporting = _Part(state=True, text="reporting: " + "; ".join(profile.reporting))
    elif profile.reporting is None:
        reporting = _Part(
            state=None, text="it is not recorded how committees report", record="say how under `reporting:`"
        )
    else:
        reporting = _Part(state=False, text="no established reporting mechanisms")
    return _combine([committee, groups, reporting])


def _regular_meetings(profile: CoalitionProfile) -> Answer:
    full, executive = profile.meetings.coalition, profile.meetings.executive_committee
    if full is None:
        return Answer(
            "unknown",
            "It is not recorded how often the full coalition meets.",
            to_record=("`meetings:` then `coalition: quarterly` (for example) under it",),
        )
    said = f"The full coalition meets {_frequency(full)}"
    if executive is not None:
        said += f", the executive committee {_frequency(executive)}"
    if FREQUENCIES.index(full) <= SEMI_ANNUALLY:
        if (
            executive is not None
            and "irregular" not in (full, executive)
            and FREQUENCIES.index(executive) > FREQUENCIES.index(full)
        ):
            said += "; the Guide says the executive committee would likely meet more often than the full coalition"
        return Answer("met", said + ".")
    message = (
        f"The full coalition meets {_frequency(full)}. The Guide: “The Broad-Based Coalition should convene "
        "semi-annually or quarterly.” Set a regular calendar, at least twice a year."
    )
    return Answer(
        "not-met",
        said + "; the Guide asks for at least twice a year.",
        (Caution(code="meets-too-rarely", element="regular-meetings", message=message),),
    )


def _frequency(value: str) -> str:
    return {
        "irregular": "irregularly",
        "every-other-week": "every other week",
        "every-other-month": "every other month",
    }.get(value, value)


def _organizational_commitment(profile: CoalitionProfile) -> Answer:
    members = profile.members
    individual = [m for m in members if m.commitment == "individual"]
    organizational = [m for m in members if m.commitment == "organizational"]
    unrecorded = [m for m in members if m.commitment is None]
    if not individual and not organizational:
        return Answer(
            "unknown",
            "It is not recorded whether members committed as organizations or as individuals.",
            to_record=("`commitment: organizational` or `individual` for each member",),
        )
    if not individual:
        if unrecorded:
            return Answer(
                "unknown",
                f"{plural(len(organizational), 'member')} committed as organizations; the commitment of "
                f"{_names(unrecorded)} is not recorded.",
                to_record=("`commitment: organizational` or `individual` for each member",),
            )
        return Answer("met", f"Every member ({len(members)}) committed as an organization.")
    reason = (
        f"{len(individual)} of {plural(len(members), 'member')} {'takes' if len(individual) == 1 else 'take'} "
        "part through individuals rather than as "
        f"organizations: {_names(individual)}."
    )
    leaders = [m for m in individual if m.leads]
    if 2 * len(individual) < len(individual) + len(organizational) and not leaders:
        return Answer("not-met", reason)
    who = f"its leadership ({_names(leaders)})" if leaders else f"{len(individual)} of its members"
    message = (
        f"The coalition depends on a few individuals: {who} take part on personal commitment, not their "
        "organization's. The Guide: it “cannot depend solely on the involvement and commitment of a limited "
        "number of individuals”; ask each organization to commit, and orient more than one representative."
    )
    return Answer(
        "not-met",
        reason,
        (Caution(code="depends-on-individuals", element="organizational-commitment", message=message),),
    )


def _master_plan(profile: CoalitionProfile) -> Answer:
    return _combine([_in_place(profile.master_plan, "coalition master plan", "master_plan")])


CHECKS: dict[str, Callable[[CoalitionProfile], Answer]] = {
    "clear-definition": _clear_definition,
    "designated-leaders": _designated_leaders,
    "formal-structure": _formal_structure,
    "regular-meetings": _regular_meetings,
    "organizational-commitment": _organizational_commitment,
    "master-plan": _master_plan,
}
"""One check for each element of the Guide's Step 6, by element id."""


def formalization(
    profile: CoalitionProfile, guide: Guide
) -> tuple[tuple[FormalizationCheck, ...], tuple[Caution, ...]]:
    """Each Step 6 element, in the Guide's order, met / not met / unknown with the reason."""
    checks: list[FormalizationCheck] = []
    cautions: list[Caution] = []
    for element in guide.formalization:
        check = CHECKS.get(element.id)
        answer = Answer("unknown", "This tool has no check for this element yet.")
        if check is not None:
            answer = check(profile)
        checks.append(
            FormalizationCheck(
                id=element.id,
                name=element.name,
                status=answer.status,
                reason=answer.reason,
                guide_text=element.text,
                to_record=answer.to_record,
            )
        )
        cautions.extend(answer.cautions)
    return tuple(checks), tuple(cautions)
