"""Who could help with an indicator: this tool's suggestions, drawn from the Guide and the Framework.

None of these links is the sources' own. The Guide (2011) lists sample roles by kind of partner
(Step 5) and the functions of a coalition (Step 4); it never ties them to indicators, and it predates
the 2021 Framework. The tags that tie a role or a function to an indicator (`serves:` in
`framework_data/coalition-guide.yaml`) are this project's, and so is the link from the Framework's
own work-based learning intermediary to C1.3, C6.1 and C6.2 (`roles:` in the rubric). The plan
quotes the roles word for word and labels every link as this tool's suggestion.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from coalition_cli.core.plan.context import FrameworkRole, PartnerRole

if TYPE_CHECKING:
    from coalition_cli.core.loading.assessments import LoadedAssessment
    from coalition_cli.core.model.assessment import Participant
    from coalition_cli.core.model.guide import Guide, PartnerKind
    from coalition_cli.core.plan.audience import Redactor

_LIST_JOINT = re.compile(r"(\s*;\s*(and|or)?|\s+and|[.;,])\s*$")
"""The punctuation that joins the items of the Guide's lists ("; and"), trimmed from a quoted item."""


def framework_roles(loaded: LoadedAssessment, indicator_id: str) -> tuple[FrameworkRole, ...]:
    """The rubric's own roles this tool links to the indicator."""
    return tuple(
        FrameworkRole(name=role.name, quote=role.quote, source=role.source)
        for role in loaded.framework.roles_serving(indicator_id)
    )


def suggested_functions(guide: Guide, indicator_id: str) -> tuple[str, ...]:
    """The Guide's coalition functions (Step 4) this tool links to the indicator."""
    return tuple(function.name for function in guide.functions_serving(indicator_id))


def suggested_partners(
    loaded: LoadedAssessment, guide: Guide, indicator_id: str, redactor: Redactor
) -> tuple[PartnerRole, ...]:
    """The Guide's partner kinds with sample roles this tool links to the indicator; those at the table first."""
    kinds: dict[str, PartnerKind] = {}
    roles: dict[str, list[str]] = {}
    for kind, responsibility in guide.partners_serving(indicator_id):
        kinds[kind.id] = kind
        roles.setdefault(kind.id, []).append(_LIST_JOINT.sub("", responsibility.text))
    kinds_of = _kinds_by_organization(loaded)
    result = []
    for kind_id, texts in roles.items():
        kind = kinds[kind_id]
        groups = tuple(g.name for g in (guide.stakeholder_group(i) for i in kind.stakeholder_groups) if g)
        present = tuple(
            dict.fromkeys(
                # "Name, Organization" (the list is shown in brackets already); the organization alone for the public
                (p.organization or "a participant")
                if redactor.public
                else ", ".join(filter(None, (p.name, p.organization)))
                for p in loaded.assessment.participants
                if kind_id in _partner_kinds(p, kinds_of, guide)
            )
        )
        members = tuple(
            member.organization
            for member in (loaded.profile.members if loaded.profile is not None else ())
            if member.partner_kind == kind_id
            or (member.partner_kind is None and member.stakeholder_group in kind.stakeholder_groups)
        )
        result.append(
            PartnerRole(
                id=kind.id,
                name=kind.name,
                lead_in=kind.lead_in,
                responsibilities=tuple(texts),
                stakeholder_groups=groups,
                at_the_table=present,
                members=members,
            )
        )
    return tuple(sorted(result, key=lambda role: not role.at_the_table))


def _kinds_by_organization(loaded: LoadedAssessment) -> dict[str, str]:
    """The profile's `partner_kind` of each member organization that has one, by its name in any case
    (the first member listed, where two have the same name)."""
    kinds: dict[str, str] = {}
    for member in loaded.profile.members if loaded.profile is not None else ():
        if member.partner_kind:
            kinds.setdefault(member.organization.casefold(), member.partner_kind)
    return kinds


def _partner_kinds(person: Participant, kinds_of: dict[str, str], guide: Guide) -> set[str]:
    """The kinds of partner a participant's organization is: the profile's `partner_kind` for it when
    the coalition profile lists one (`kinds_of`), else every kind of the participant's stakeholder group."""
    kind = kinds_of.get(person.organization.casefold()) if person.organization else None
    if kind is not None:
        return {kind}
    group = guide.stakeholder_group(person.stakeholder_group) if person.stakeholder_group else None
    return set(group.partner_kinds) if group is not None else set()
