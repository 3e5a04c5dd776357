"""The coalition itself, as data: who is at the table and how the coalition is organized.

An assessment carries its profile under `profile:`, either written out (a mapping) or as the path
of a `coalition.yaml` next to it, which every term's assessment can share:

```yaml
# coalition.yaml
name: Riverside Pathways Coalition        # optional; checked against the assessment's `coalition:`
members:                                  # every member organization, once
  - organization: Riverside Unified School District
    stakeholder_group: k12-education      # one of the Guide's ten groups (coalition-guide.yaml)
    partner_kind: null                    # a Step 5 partner kind; optional when the group has one
    role: co-chair                        # chair | co-chair | executive-committee | working-group | member
    commitment: organizational            # organizational | individual (who is committed: the
                                          # organization, or only the person who comes)
    representatives:                      # optional: the people who take part
      - name: Teresa Alvarez
        title: Superintendent
    committees: [Data]                    # optional: names from `committees:` below
meetings:                                 # how often the full coalition and its executive committee meet:
  coalition: every-other-month            # weekly | every-other-week | monthly | every-other-month |
  executive_committee: monthly            # quarterly | semi-annually | annually | irregular
charter: yes                              # yes | draft | no (true/false also work)
membership_definition: yes                # who is a member and what membership asks of them
master_plan: draft                        # the coalition's own plan, supporting the district's
reporting:                                # how committees and the coalition report on their work
  - Working groups report at every steering meeting
committees:                               # task- or function-focused committees and working groups
  - name: Data
    focus: Shared indicators and data-sharing agreements
    meets: monthly
```

Roles. Each member holds one seat, the highest that applies: `chair` and `co-chair` lead the
coalition (two chairs count as co-chairs); they, and members with `executive-committee`, make up the
executive committee; `working-group` members sit on a committee or working group but not on the
executive committee; `member` is everyone else. A role belongs to the organization, not to one person.

A key left out means "not recorded", which the roster reports as unknown, never as not met.
"""

# Annotations are evaluated by Python as the classes are made (no `from __future__ import
# annotations`): reading a document without Pydantic (core/model/building.py) reads them as types.

from typing import Annotated, Any, Literal, get_args

from coalition_cli.core import codes
from coalition_cli.core.model.base import Before, MinLength, Wrap, custom_error, model, validated

Role = Literal["chair", "co-chair", "executive-committee", "working-group", "member"]
LEADER_ROLES: tuple[Role, ...] = ("chair", "co-chair")
EXECUTIVE_ROLES: tuple[Role, ...] = ("chair", "co-chair", "executive-committee")

Commitment = Literal["organizational", "individual"]

Frequency = Literal[
    "weekly",
    "every-other-week",
    "monthly",
    "every-other-month",
    "quarterly",
    "semi-annually",
    "annually",
    "irregular",
]
FREQUENCIES: tuple[Frequency, ...] = get_args(Frequency)
"""From most to least often."""


def _yes_no(value: object) -> object:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


InPlace = Annotated[
    Literal["yes", "draft", "no"],
    Before(_yes_no, Literal["yes", "draft", "no"] | bool),
]
"""Whether something the Guide asks for exists: yes, as a draft, or no (true/false also accepted)."""


def _representative(value: object) -> object:
    return {"name": value} if isinstance(value, str) else value


@model
class Representative:
    """A person who holds a member organization's seat."""

    name: Annotated[str, MinLength(1)]
    title: str | None = None


@model
class Member:
    """A member organization of the coalition, its stakeholder group, role and representatives."""

    organization: Annotated[str, MinLength(1)]
    stakeholder_group: Annotated[str, MinLength(1)]
    partner_kind: str | None = None
    role: Role = "member"
    commitment: Commitment | None = None
    representatives: tuple[
        Annotated[Representative, Before(_representative, Representative | str)],
        ...,
    ] = ()
    committees: tuple[str, ...] = ()

    @property
    def leads(self) -> bool:
        return self.role in LEADER_ROLES

    @property
    def on_executive_committee(self) -> bool:
        return self.role in EXECUTIVE_ROLES


@model
class Meetings:
    """How often the coalition and its executive committee meet."""

    coalition: Frequency | None = None
    executive_committee: Frequency | None = None


@model
class Committee:
    """One of the coalition's committees or working groups."""

    name: Annotated[str, MinLength(1)]
    focus: str | None = None
    meets: Frequency | None = None


@model
class CoalitionProfile:
    """The coalition itself: its members, meetings and structure, shared by every term."""

    name: str | None = None
    members: tuple[Member, ...]
    """At least one; an empty list is reported by core/checks/profile.py (a length limit here would also
    report "too short" whenever one member is wrong)."""
    meetings: Meetings = Meetings()
    charter: InPlace | None = None
    membership_definition: InPlace | None = None
    master_plan: InPlace | None = None
    reporting: tuple[str, ...] | None = None
    committees: tuple[Committee, ...] | None = None


def _profile_or_path(value: Any, handler: Any) -> Any:
    # A mapping is validated as a profile directly, so its problems are located as `profile.members[2]…`
    # rather than once for each kind of value `profile:` may hold (pydantic-core keeps the locations of
    # a ValidationError raised here; tests pin it).
    if isinstance(value, dict):
        return validated(CoalitionProfile, value)
    if value is None or (isinstance(value, str) and value.strip()):
        return handler(value)
    raise custom_error(
        codes.WRONG_TYPE.name,
        "must be the coalition's profile (lines of 'key: value') or the name of its file, like "
        "coalition.yaml (got {got})",
        {"got": "a list" if isinstance(value, list) else repr(value)},
    )


ProfileEntry = Annotated[CoalitionProfile | str | None, Wrap(_profile_or_path)]
"""The type of an assessment's `profile:`: a profile written out, or the path of a shared file."""
