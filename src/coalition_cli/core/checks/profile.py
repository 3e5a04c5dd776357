"""A coalition profile against the Guide and itself: member ids, duplicates, committee names.

Each rule runs twice over: on a coalition.yaml of its own, and on a profile written out under an
assessment's `profile:` (its problems then point into the assessment, under `profile.`). Whether a
`profile:` path can be read is the loader's to say (core/loading/profiles.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from coalition_cli.core import codes
from coalition_cli.core.checks.base import Check, Kind, Subject
from coalition_cli.core.codes import Code
from coalition_cli.core.problems import Finding, Path_
from coalition_cli.core.suggest import did_you_mean
from coalition_cli.core.wording import quoted

if TYPE_CHECKING:
    from coalition_cli.core.checks.base import GuideTerms

ProfileRule = Callable[[dict[str, Any], "GuideTerms", Path_], Iterator[Finding]]
"""A rule on a profile's raw mapping; findings' paths start with the prefix (`("profile",)` or `()`)."""


def _members(profile: dict[str, Any], guide: GuideTerms, prefix: Path_) -> Iterator[Finding]:
    if profile.get("members") == []:
        message = "the profile lists no members: add each member organization under `members:`"
        yield Finding((*prefix, "members"), codes.NO_MEMBERS, message)
    members = _mappings(profile.get("members"))
    for index, member in members:
        yield from _member_ids(member, (*prefix, "members", index), guide)
    once = "list each organization once, with all its representatives"
    yield from _listed_twice(members, (*prefix, "members"), "organization", codes.DUPLICATE_MEMBER, once)


def _committees(profile: dict[str, Any], _guide: GuideTerms, prefix: Path_) -> Iterator[Finding]:
    committees = _mappings(profile.get("committees"))
    once = "list each committee once"
    yield from _listed_twice(committees, (*prefix, "committees"), "name", codes.DUPLICATE_COMMITTEE, once)
    names = [c["name"] for _, c in committees if isinstance(c.get("name"), str)]
    listed = isinstance(profile.get("committees"), list)
    for index, member in _mappings(profile.get("members")):
        for position, ref in enumerate(_items(member.get("committees"))):
            if isinstance(ref, str) and ref not in names:
                where = (*prefix, "members", index, "committees", position)
                yield _unknown_committee(where, ref, names if listed else None)


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _mappings(value: Any) -> list[tuple[int, dict[str, Any]]]:
    return [(index, item) for index, item in enumerate(_items(value)) if isinstance(item, dict)]


def _member_ids(member: dict[str, Any], where: Path_, guide: GuideTerms) -> Iterator[Finding]:
    group_id, kind_id = member.get("stakeholder_group"), member.get("partner_kind")
    group = guide.stakeholder_group(group_id) if isinstance(group_id, str) else None
    if isinstance(group_id, str) and group is None:
        groups = [g.id for g in guide.stakeholder_groups]
        yield _unknown(
            (*where, "stakeholder_group"),
            codes.UNKNOWN_STAKEHOLDER_GROUP,
            "stakeholder group",
            group_id,
            groups,
        )
    if not isinstance(kind_id, str):
        return
    if guide.partner_kind(kind_id) is None:
        kinds = (
            list(group.partner_kinds)
            if group and group.partner_kinds
            else [k.id for k in guide.partner_kinds]
        )
        yield _unknown((*where, "partner_kind"), codes.UNKNOWN_PARTNER_KIND, "partner kind", kind_id, kinds)
    elif group is not None and kind_id not in group.partner_kinds:
        fits = (
            f"use one of: {', '.join(group.partner_kinds)}"
            if group.partner_kinds
            else "the Guide's Step 5 gives no partner kind for this group, so leave partner_kind out"
        )
        yield Finding(
            (*where, "partner_kind"),
            codes.PARTNER_KIND_MISMATCH,
            f"partner kind {kind_id!r} does not belong to the stakeholder group {group.id!r}; {fits}",
        )


def _unknown(path: Path_, code: Code, what: str, value: str, choices: list[str]) -> Finding:
    return Finding(
        path,
        code,
        f"unknown {what} {quoted(value)}{did_you_mean(value, choices)}; use one of: {', '.join(choices)}",
    )


def _unknown_committee(path: Path_, ref: str, names: list[str] | None) -> Finding:
    if names:
        message = f"unknown committee {quoted(ref)}{did_you_mean(ref, names)}; the profile's committees are: {', '.join(quoted(name) for name in names)}"
    else:
        message = (
            f"unknown committee {quoted(ref)}: the profile lists no committees; add it under `committees:`"
        )
    return Finding(path, codes.UNKNOWN_COMMITTEE, message)


def _listed_twice(
    items: list[tuple[int, dict[str, Any]]], where: Path_, key: str, code: Code, advice: str
) -> Iterator[Finding]:
    """A finding at each repeat of an item's name (compared without case or surrounding spaces)."""
    first: dict[str, str] = {}
    for index, item in items:
        name = item.get(key)
        if not isinstance(name, str) or not name.strip():
            continue
        folded = name.strip().casefold()
        if folded in first:
            spelled = f" (first as {first[folded]!r})" if first[folded] != name else ""
            yield Finding((*where, index, key), code, f"{name!r} is listed twice{spelled}: {advice}")
        first.setdefault(folded, name)


def _on_its_own(rule: ProfileRule) -> Callable[[Subject], Iterator[Finding]]:
    def run(subject: Subject) -> Iterator[Finding]:
        if subject.guide is not None:
            yield from rule(subject.data, subject.guide, ())

    return run


def _written_out(rule: ProfileRule) -> Callable[[Subject], Iterator[Finding]]:
    def run(subject: Subject) -> Iterator[Finding]:
        entry = subject.data.get("profile")
        if subject.guide is not None and isinstance(entry, dict):
            yield from rule(entry, subject.guide, ("profile",))

    return run


def _both(name: str, rule: ProfileRule, *raised: Code) -> tuple[Check, Check]:
    """The rule on a coalition.yaml, and on a profile written out in an assessment."""
    return (
        Check(f"profile.{name}", Kind.PROFILE, raised, _on_its_own(rule)),
        Check(f"profile.{name}", Kind.ASSESSMENT, raised, _written_out(rule)),
    )


CHECKS = (
    *_both(
        "members",
        _members,
        codes.NO_MEMBERS,
        codes.UNKNOWN_STAKEHOLDER_GROUP,
        codes.UNKNOWN_PARTNER_KIND,
        codes.PARTNER_KIND_MISMATCH,
        codes.DUPLICATE_MEMBER,
    ),
    *_both("committees", _committees, codes.DUPLICATE_COMMITTEE, codes.UNKNOWN_COMMITTEE),
)
