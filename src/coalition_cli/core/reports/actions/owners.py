"""Who an action's `owner:` names, so that one person's actions are counted together.

Teams write owners freely: "Marcus Lee", "Marcus Lee (Riverside Workforce Development Board)",
"Superintendent's office (RUSD)", "Working group chairs". The rule, kept simple enough to say in
the README:

- The owner is the text before a bracket, ignoring case, spacing and a final full stop: "Maria Lopez
  (RUSD)" and "maria lopez (RUSD Research and Assessment)" are one owner, shown as "Maria Lopez".
- The words in brackets, when there are some, are where the owner sits (an organization).
- An owner names a coalition member's representative when the names match by that rule, and names
  the member itself when the owner, or the words in its brackets, is the member's organization.
- An owner that names nobody the files list but is close to a person's or an organization's name
  ("Maria Lopes" for the participant Maria Lopez), or is a part of exactly one person's name while
  that name owns actions too ("Marcus" beside "Marcus Lee"), may be them: the register says so
  once per owner (`owner_notes`), and counts the two apart as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from coalition_cli.core.wording import loose_key

if TYPE_CHECKING:
    from coalition_cli.core.model.assessment import Participant
    from coalition_cli.core.reports.actions.register import MemberSeat
    from coalition_cli.core.suggest import Suggester


@cache
def _brackets() -> re.Pattern[str]:
    return re.compile(r"^(?P<who>[^()]*?)\s*\((?P<where>[^()]*)\)\s*$")


@lru_cache(maxsize=4096)  # a plan compares its few owners' names some 2,000 times
def name_key(text: str) -> str:
    """A name as compared: case, spacing and a final full stop ignored."""
    return loose_key(text).rstrip(".").strip()


@lru_cache(maxsize=4096)
def owner_parts(owner: str) -> tuple[str, str | None]:
    """`("Maria Lopez", "RUSD")` for "Maria Lopez (RUSD)"; `(owner, None)` when it has no brackets."""
    written = owner.strip().rstrip(".").strip()
    match = _brackets().match(written)
    if match is None or not match.group("who"):
        return " ".join(written.split()), None
    return " ".join(match.group("who").split()), " ".join(match.group("where").split()) or None


def owner_key(owner: str) -> str:
    """The key one owner's actions are counted under (see the module's rule)."""
    return name_key(owner_parts(owner)[0])


def owner_label(owner: str) -> str:
    """How an owner is shown in the load per owner: the name before any bracket."""
    return owner_parts(owner)[0]


def names_person(owner: str, name: str) -> bool:
    """True when the owner is this person (a representative's name)."""
    return owner_key(owner) == name_key(name)


def names_organization(owner: str, organization: str) -> bool:
    """True when the owner is this organization, or sits in it ("Kim (City of Riverside)")."""
    who, where = owner_parts(owner)
    wanted = name_key(organization)
    return name_key(who) == wanted or (where is not None and name_key(where) == wanted)


def meant_owner(owner: str, participants: Sequence[Participant]) -> str | None:
    """The participant an owner being typed most likely names, when it is close to one's name (or
    organization) without being it: "Maria Lopes" → "Maria Lopez", brackets kept ("Maria Lopes
    (RUSD)" → "Maria Lopez (RUSD)"); the register would count the two as two owners. None when it
    names a participant or their organization by the rule above, when it is a part of the name
    ("Marcus" for Marcus Lee: a short form, not a slip), or when nobody is close ("Bob from Rotary"
    is free text)."""
    from coalition_cli.core.suggest import Suggester

    who, where = owner_parts(owner)
    choices = [person.name for person in participants]
    choices += [person.organization for person in participants if person.organization]
    if not who or name_key(who) in {name_key(choice) for choice in choices}:
        return None
    meant = _slip(who, Suggester(choices))
    return None if meant is None else f"{meant} ({where})" if where else meant


def _slip(who: str, choices: Suggester) -> str | None:
    """The choice `who` is close to, when it is not a part of it (see `meant_owner`)."""
    meant = choices.closest(who)
    if meant is None or set(name_key(who).split()) <= set(name_key(meant).split()):
        return None  # nobody close, or a part of the name ("Marcus" for Marcus Lee): not a slip
    return meant


def _short_form(who: str, people: Iterable[str]) -> str | None:
    """The one person `who` is a part of the name of ("Marcus" for Marcus Lee); None for none or two."""
    words = set(name_key(who).split())
    whole = [name for name in people if words < set(name_key(name).split())]
    return whole[0] if len(whole) == 1 else None


def owner_notes(
    owners: Iterable[str],
    participants: Iterable[tuple[str, str | None]],
    members: Sequence[MemberSeat] = (),
) -> tuple[str, ...]:
    """One sentence for each owner who may be someone the files list under another name (the
    module's last rule), in the owners' order: "Maria Lopes may be Maria Lopez (a participant):
    counted as two owners here; if they are one person, write the name the same way in the
    assessment." `owners` as the files write them, `participants` as (name, organization), and the
    coalition profile's `members`."""
    from coalition_cli.core.suggest import Suggester

    people: dict[str, str] = {}
    organizations: dict[str, str] = {}
    for member in members:
        organizations.setdefault(" ".join(member.organization.split()), "a member organization")
    for name, organization in participants:
        people.setdefault(" ".join(name.split()), "a participant")
        if organization:
            organizations.setdefault(" ".join(organization.split()), "a participant’s organization")
    for member in members:
        for name in member.representatives:
            people.setdefault(" ".join(name.split()), f"a representative of {member.organization}")
    labels: dict[str, str] = {}
    for owner in owners:
        if owner.strip():
            labels.setdefault(owner_key(owner), owner_label(owner))
    known = {name_key(name) for name in (*people, *organizations)}
    choices = Suggester([*people, *organizations])
    notes = []
    for key, label in labels.items():
        if not key or key in known or organization_named(label, organizations) is not None:
            continue
        meant = _slip(label, choices)
        if meant is None:  # a short form is the same person, as a rule: said only where it splits them
            meant = _short_form(label, people)
            if meant is None or name_key(meant) not in labels:
                continue
        one = "person" if meant in people else "organization"
        notes.append(
            f"{label} may be {meant} ({people.get(meant) or organizations[meant]}): counted as two owners "
            f"here; if they are one {one}, write the name the same way in the assessment."
        )
    return tuple(notes)


@cache
def _abbreviation() -> re.Pattern[str]:
    """An organization written by its initials: "RUSD", "the WDB"."""
    return re.compile(r"(?:[Tt]he\s+)?(?P<short>[A-Z]{2,6})")


def organization_named(text: str, organizations: Iterable[str]) -> str | None:
    """The one of `organizations` that `text` names, as they write it: by its name (case, spacing and
    a final full stop ignored), or by the initials of its name or of its last words ("RUSD" for
    Riverside Unified School District, "WDB" or "the WDB" for Riverside Workforce Development Board,
    a whole name first as in `abbreviations.spelled_by_names`). None when it names none of them, or
    when its initials fit two."""
    known = list(dict.fromkeys(" ".join(name.split()) for name in organizations))
    wanted = name_key(text)
    named = next((name for name in known if name_key(name) == wanted), None)
    short = _abbreviation().fullmatch(" ".join(text.split()).rstrip("."))
    if named is not None or short is None:
        return named
    from coalition_cli.core.model.abbreviations import spelled_by_names

    spelled = spelled_by_names(known, [short["short"]])
    if not spelled:
        return None
    long = spelled[0][1]
    written = {name: " ".join(word.strip(",;:.()“”\"'’") for word in name.split()) for name in known}
    fits = [name for name, words in written.items() if words == long] or [
        name for name, words in written.items() if words.endswith(f" {long}")
    ]
    return fits[0] if len(fits) == 1 else None
