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

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import BeforeValidator, Field, WrapValidator
from pydantic_core import PydanticCustomError

from coalition_cli.core.loading.documents import Checked, check_file
from coalition_cli.core.model.base import Model
from coalition_cli.core.model.guide import Guide
from coalition_cli.core.problems import Finding, Path_, Problem, Severity
from coalition_cli.core.suggest import did_you_mean

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
    BeforeValidator(_yes_no, json_schema_input_type=Literal["yes", "draft", "no"] | bool),
]
"""Whether something the Guide asks for exists: yes, as a draft, or no (true/false also accepted)."""


def _representative(value: object) -> object:
    return {"name": value} if isinstance(value, str) else value


class Representative(Model):
    name: str = Field(min_length=1)
    title: str | None = None


class Member(Model):
    organization: str = Field(min_length=1)
    stakeholder_group: str = Field(min_length=1)
    partner_kind: str | None = None
    role: Role = "member"
    commitment: Commitment | None = None
    representatives: tuple[
        Annotated[
            Representative, BeforeValidator(_representative, json_schema_input_type=Representative | str)
        ],
        ...,
    ] = ()
    committees: tuple[str, ...] = ()

    @property
    def leads(self) -> bool:
        return self.role in LEADER_ROLES

    @property
    def on_executive_committee(self) -> bool:
        return self.role in EXECUTIVE_ROLES


class Meetings(Model):
    coalition: Frequency | None = None
    executive_committee: Frequency | None = None


class Committee(Model):
    name: str = Field(min_length=1)
    focus: str | None = None
    meets: Frequency | None = None


class CoalitionProfile(Model):
    name: str | None = None
    members: tuple[Member, ...]
    """At least one; an empty list is reported by `profile_findings` (a length limit here would also
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
        return CoalitionProfile.model_validate(value)
    if value is None or (isinstance(value, str) and value.strip()):
        return handler(value)
    raise PydanticCustomError(
        "wrong-type",
        "must be the coalition's profile (lines of 'key: value') or the name of its file, like "
        "coalition.yaml (got {got})",
        {"got": "a list" if isinstance(value, list) else repr(value)},
    )


ProfileEntry = Annotated[CoalitionProfile | str | None, WrapValidator(_profile_or_path)]
"""The type of an assessment's `profile:`: a profile written out, or the path of a shared file."""


# ---------------------------------------------------------------------------------------------- checks
# Like checks.py, these read the raw document, so every problem is reported even when the model fails.


def profile_findings(data: Any, guide: Guide, prefix: Path_ = ()) -> list[Finding]:
    """Checks of a profile against the Guide: group and partner-kind ids, duplicates, committee names."""
    if not isinstance(data, dict):
        return []
    members = [(index, m) for index, m in enumerate(_items(data.get("members"))) if isinstance(m, dict)]
    committees = [(index, c) for index, c in enumerate(_items(data.get("committees"))) if isinstance(c, dict)]
    findings: list[Finding] = []
    if data.get("members") == []:
        message = "the profile lists no members: add each member organization under `members:`"
        findings.append(Finding((*prefix, "members"), "no-members", message))
    for index, member in members:
        findings.extend(_member_ids(member, (*prefix, "members", index), guide))
    once = "list each organization once, with all its representatives"
    findings.extend(_listed_twice(members, (*prefix, "members"), "organization", "duplicate-member", once))
    once = "list each committee once"
    findings.extend(_listed_twice(committees, (*prefix, "committees"), "name", "duplicate-committee", once))
    names = [c["name"] for _, c in committees if isinstance(c.get("name"), str)]
    listed = isinstance(data.get("committees"), list)
    for index, member in members:
        for position, ref in enumerate(_items(member.get("committees"))):
            if isinstance(ref, str) and ref not in names:
                where = (*prefix, "members", index, "committees", position)
                findings.append(_unknown_committee(where, ref, names if listed else None))
    return findings


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _member_ids(member: dict[str, Any], where: Path_, guide: Guide) -> list[Finding]:
    group_id, kind_id = member.get("stakeholder_group"), member.get("partner_kind")
    group = guide.stakeholder_group(group_id) if isinstance(group_id, str) else None
    findings = []
    if isinstance(group_id, str) and group is None:
        groups = [g.id for g in guide.stakeholder_groups]
        findings.append(_unknown((*where, "stakeholder_group"), "stakeholder group", group_id, groups))
    if not isinstance(kind_id, str):
        return findings
    if guide.partner_kind(kind_id) is None:
        kinds = (
            list(group.partner_kinds)
            if group and group.partner_kinds
            else [k.id for k in guide.partner_kinds]
        )
        findings.append(_unknown((*where, "partner_kind"), "partner kind", kind_id, kinds))
    elif group is not None and kind_id not in group.partner_kinds:
        fits = (
            f"use one of: {', '.join(group.partner_kinds)}"
            if group.partner_kinds
            else "the Guide's Step 5 gives no partner kind for this group, so leave partner_kind out"
        )
        findings.append(
            Finding(
                (*where, "partner_kind"),
                "partner-kind-mismatch",
                f"partner kind {kind_id!r} does not belong to the stakeholder group {group.id!r}; {fits}",
                Severity.WARNING,
            )
        )
    return findings


def _unknown(path: Path_, what: str, value: str, choices: list[str]) -> Finding:
    code = "unknown-" + what.replace(" ", "-")
    return Finding(
        path,
        code,
        f"unknown {what} {value!r}{did_you_mean(value, choices)}; use one of: {', '.join(choices)}",
    )


def _unknown_committee(path: Path_, ref: str, names: list[str] | None) -> Finding:
    if names:
        message = f"unknown committee {ref!r}{did_you_mean(ref, names)}; the profile's committees are: {', '.join(names)}"
    else:
        message = f"unknown committee {ref!r}: the profile lists no committees; add it under `committees:`"
    return Finding(path, "unknown-committee", message)


def _listed_twice(
    items: list[tuple[int, dict[str, Any]]], where: Path_, key: str, code: str, advice: str
) -> list[Finding]:
    """A finding at each repeat of an item's name (compared without case or surrounding spaces)."""
    first: dict[str, str] = {}
    findings = []
    for index, item in items:
        name = item.get(key)
        if not isinstance(name, str) or not name.strip():
            continue
        folded = name.strip().casefold()
        if folded in first:
            spelled = f" (first as {first[folded]!r})" if first[folded] != name else ""
            message = f"{name!r} is listed twice{spelled}: {advice}"
            findings.append(Finding((*where, index, key), code, message))
        first.setdefault(folded, name)
    return findings


# -------------------------------------------------------------------------------- a shared coalition.yaml


def profile_path(reference: str, relative_to: Path) -> Path:
    """Where a `profile:` path points: relative to the assessment file that names it."""
    path = Path(reference).expanduser()
    return path if path.is_absolute() else relative_to / path


@dataclass
class ProfileCheck:
    """What checking an assessment's `profile:` entry found.

    `findings` concern the entry itself (located in the assessment); `problems` are located in the
    referenced file, under that file's name. `profile` is the referenced file's profile when usable.
    """

    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    profile: CoalitionProfile | None = None


def check_profile_entry(data: Any, relative_to: Path, guide: Guide) -> ProfileCheck:
    """Check the `profile:` of an assessment (its raw top-level mapping), reading a referenced file."""
    entry = data.get("profile") if isinstance(data, dict) else None
    if isinstance(entry, dict):
        return ProfileCheck(profile_findings(entry, guide, ("profile",)))
    if not isinstance(entry, str) or not entry.strip():
        return ProfileCheck()
    path = profile_path(entry, relative_to)
    if not path.is_file():
        what = "is a folder" if path.is_dir() else "was not found"
        return ProfileCheck(
            [
                Finding(
                    ("profile",),
                    "profile-not-found",
                    f"the coalition profile {entry!r} {what} (looked at {path}); give the path of a "
                    "coalition.yaml relative to this file, or write the profile out here",
                )
            ]
        )
    try:
        checked = check_profile_file(path, guide)
    except OSError as error:
        message = f"cannot read the coalition profile {entry!r}: {error.strerror or error}"
        return ProfileCheck([Finding(("profile",), "profile-unreadable", message)])
    findings = []
    profile = checked.model if not checked.has_errors else None
    coalition = data.get("coalition")
    if profile is not None and profile.name and isinstance(coalition, str) and profile.name != coalition:
        findings.append(
            Finding(
                ("profile",),
                "profile-other-coalition",
                f"{entry} describes {profile.name!r}, but this assessment is for {coalition!r}",
                Severity.WARNING,
            )
        )
    return ProfileCheck(findings, checked.problems, profile)


def check_profile_file(
    path: Path, guide: Guide, *, label: str | None = None, text: str | None = None
) -> Checked[CoalitionProfile]:
    """Check a coalition.yaml on its own (its `text` when already read). Raises OSError when unreadable."""
    return check_file(
        path,
        CoalitionProfile,
        label=label,
        text=text,
        extra=lambda _model, data: profile_findings(data, guide),
    )


def looks_like_profile(data: Any) -> bool:
    """A coalition.yaml rather than an assessment: `members:` and none of an assessment's own keys."""
    return (
        isinstance(data, dict)
        and "members" in data
        and not {"framework", "ratings", "assessed_on"} & set(data)
    )
