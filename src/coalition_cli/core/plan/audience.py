"""Who a plan is for: what `--audience public` leaves out, in one place.

`--audience coalition` (the default) keeps everything. `--audience public` makes a plan safe to share
outside the coalition. It leaves out:

- free-text notes: the assessment's `notes` and every rating's `notes` (where internal remarks such
  as who rated what, or who left and why, are written);
- the links to evidence documents (a rating's `links`), which often lead to the team's own drive;
- individual raters and their comments: the plan never shows an individual rating; the room's votes
  appear as anonymous counts only;
- person names: participants appear by organization and stakeholder group (no name, no role), the
  facilitator by organization. The names of the people the files list (the participants of this
  assessment and of the `--since` one, the facilitator, the profile's representatives, and action
  owners written "Name (Organization)") are replaced wherever they appear in the evidence, the
  actions and the roster's sentences, whole or by first or last name (a title such as "Dr." is
  never a name, and is replaced with the name it precedes), with "[a representative of
  Organization]" (or "[name withheld]" where the organization is not known).
- action owners appear by the organization they name, never by their own words: a person the files
  list (their whole name) by that person's organization; an owner that is an organization, or whose
  brackets name one ("Superintendent's office (RUSD)"), by that organization, else by the words in
  its brackets; an owner that names no organization ("Lena Ortiz", "Working group chairs") is
  "[name withheld]". An organization is written as the coalition's members and participants write
  it ("WDB" is Riverside Workforce Development Board), so one organization is one owner.

A name the files never list cannot be recognised: read the evidence, the actions and the owners shown
by the words in their brackets (`public_owners`) before sharing a public plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Literal

from coalition_cli.core.frozen import frozen
from coalition_cli.core.reports.actions.owners import name_key, organization_named, owner_parts
from coalition_cli.core.wording import MONTHS

if TYPE_CHECKING:
    from coalition_cli.core.loading.assessments import LoadedAssessment
    from coalition_cli.core.plan.context import Audience

WITHHELD = "[name withheld]"
OwnerShown = Literal["organization", "as written", "withheld"]


@cache
def _owner() -> re.Pattern[str]:
    return re.compile(r"^\s*(?P<who>[^()]+?)\s*\((?P<organization>[^()]+)\)\s*$")


@cache
def _person_like() -> re.Pattern[str]:
    """Two to four capitalised words, like "Kevin Tran" or "Mary-Ann O’Neil": a name, in an action owner."""
    return re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}$")


_NOT_NAMES = frozenset(
    (
        *MONTHS,
        *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        *("The", "And", "For", "With", "From"),
        *("Dean", "Chair", "Director", "Superintendent", "President", "Mayor"),
        *("Council", "Board", "College", "School", "District", "City", "County"),
    )
)
"""Words never taken alone as a first or last name (a month, a title, a word that starts a sentence)."""
_TITLES = ("Prof", "Mrs", "Miss", "Rev", "Hon", "Dr", "Mr", "Ms", "Mx")
"""Titles before a name ("Dr. Raj Patel"): never a name alone, and taken with the name they precede
("Dr. Patel" is replaced whole), longest first so that "Mrs" is not read as "Mr"."""
_SUFFIXES = frozenset(("Jr", "Sr", "II", "III", "IV", "PhD", "MD", "EdD", "Esq"))
"""What may follow a name ("Luis Ortega Jr."): the last name is the word before it."""


@frozen
class Redactor:
    """Applies the audience's rules to the strings of a plan; for the coalition it changes nothing."""

    audience: Audience
    people: dict[str, str | None] = field(default_factory=dict)
    """Every person the files name → their organization (None when not known)."""
    organizations: tuple[str, ...] = ()
    """The organizations the files name (members, participants', the coalition), as they write them."""

    @property
    def public(self) -> bool:
        return self.audience == "public"

    def notes(self, text: str | None) -> str | None:
        """Free-text notes: kept for the coalition, left out for the public."""
        return None if self.public else text

    def links(self, links: Sequence[str]) -> Sequence[str]:
        """Links to evidence documents: kept for the coalition, left out for the public (they often lead
        to the team's own drive: minutes, drafts, a charter not yet signed)."""
        return () if self.public else links

    def text(self, text: str | None) -> str | None:
        """Text a person wrote (evidence, an action, a sentence of the roster), names replaced for the public."""
        if text is None or not self.public or not self.people:
            return text
        return self._names.sub(lambda match: self._replacement(match["name"]), text)

    def owner(self, owner: str | None) -> str | None:
        """An action's owner: for the public, the organization it names (see the module's rule)."""
        if owner is None or not self.public:
            return owner
        return self.shown_owner(owner)[0]

    def shown_owner(self, owner: str) -> tuple[str, OwnerShown]:
        """How the public plan shows an owner, and why: "organization" (a person's or one the files
        name), "as written" (the words in its brackets, names replaced) or "withheld". A person is
        given one organization, the first the files give (a participant's): one person's actions
        written "Maria Lopez (RUSD)" and "Maria Lopez (RUSD Research and Assessment)" would otherwise
        be two owners in the public plan and one in the coalition's. Whole names only: "Maria Lopes"
        is not Maria Lopez, and no part of her name is put in its place."""
        who, where = owner_parts(owner)
        person = self._people_by_key.get(name_key(who))
        organization = (
            self.people[person]
            if person is not None
            else organization_named(who, self.organizations)
            if who
            else None
        )
        if organization is None and where is not None:
            organization = organization_named(where, self.organizations) or self.text(where)
        if not organization:
            return WITHHELD, "withheld"
        return organization, "organization" if organization in self.organizations else "as written"

    def organization_of(self, name: str | None) -> str | None:
        return self.people.get(" ".join(name.split())) if name is not None else None

    @cached_property
    def _people_by_key(self) -> dict[str, str]:
        return {name_key(name): name for name in reversed(self.people)}

    @cached_property
    def _names(self) -> re.Pattern[str]:
        return _pattern(self.people)

    def _replacement(self, found: str) -> str:
        owners = {organization for name, organization in self.people.items() if found in _parts(name)}
        if len(owners) == 1 and None not in owners:
            (organization,) = owners
            return f"[a representative of {organization}]"
        return WITHHELD


def redactor_for(audience: Audience, loaded: LoadedAssessment, *others: LoadedAssessment) -> Redactor:
    """The redactor for a plan of `loaded` (with the people of `others`, the `--since` assessment)."""
    if audience != "public":
        return Redactor(audience)
    organizations = organizations_named(loaded, *others)
    return Redactor(audience, people_named(loaded, *others, organizations=organizations), organizations)


def organizations_named(loaded: LoadedAssessment, *others: LoadedAssessment) -> tuple[str, ...]:
    """The organizations the files name, as they write them: the profile's members, the participants'
    organizations, the coalition itself."""
    found: dict[str, str] = {}
    for source in (loaded, *others):
        names = [member.organization for member in source.profile.members] if source.profile else []
        names += [person.organization for person in source.assessment.participants if person.organization]
        names.append(source.assessment.coalition)
        for name in names:
            found.setdefault(name_key(name), " ".join(name.split()))
    return tuple(found.values())


def people_named(
    loaded: LoadedAssessment, *others: LoadedAssessment, organizations: Sequence[str] = ()
) -> dict[str, str | None]:
    """Every person the assessments and the coalition profile name, with their organization, written
    as `organizations` write it when it is one of them ("WDB": Riverside Workforce Development Board)."""
    people: dict[str, str | None] = {}

    def add(name: str | None, organization: str | None) -> None:
        if name and name.strip():
            key = " ".join(name.split())
            written = " ".join(organization.split()) if organization else None
            if written is not None:
                written = organization_named(written, organizations) or written
            people[key] = people.get(key) or written

    for source in (loaded, *others):
        assessment = source.assessment
        for participant in assessment.participants:
            add(participant.name, participant.organization)
        for rating in assessment.ratings.values():
            for action in rating.actions if rating is not None else ():
                match = _owner().match(action.owner or "")
                if match and _person_like().match(match["who"]):
                    add(match["who"], match["organization"])
        if source.profile is not None:
            for member in source.profile.members:
                for representative in member.representatives:
                    add(representative.name, member.organization)
    for source in (loaded, *others):
        facilitator = source.assessment.facilitator
        if facilitator:
            add(facilitator, people.get(" ".join(facilitator.split())))
    return people


def public_owners(loaded: LoadedAssessment, *others: LoadedAssessment) -> PublicOwners:
    """What the public plan of `loaded` (with `others`, the `--since` assessment) does with its action
    owners that it cannot show as an organization the files name: for the terminal, never the plan."""
    public = redactor_for("public", loaded, *others)
    withheld: dict[str, None] = {}
    as_written: dict[str, None] = {}
    for source in (loaded, *others):
        for rating in source.assessment.ratings.values():
            for action in rating.actions if rating is not None else ():
                if action.owner and action.owner.strip():
                    shown, how = public.shown_owner(action.owner)
                    if how == "withheld":
                        withheld[owner_parts(action.owner)[0]] = None
                    elif how == "as written":
                        as_written[shown] = None
    return PublicOwners(withheld=tuple(withheld), as_written=tuple(as_written))


@frozen
class PublicOwners:
    """The action owners a public plan does not name (as the files write them), and the words of
    owners' brackets it shows that name no organization the files list."""

    withheld: tuple[str, ...] = ()
    as_written: tuple[str, ...] = ()


def _parts(name: str) -> set[str]:
    """A person's name as it may appear in text: in full (with and without a title or a suffix), and
    by first or last name alone ("Dr. Raj Patel": "Raj Patel", "Raj", "Patel"; never "Dr.")."""
    words = name.split()
    while words and words[0].rstrip(".") in _TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1].strip(",.").replace(".", "") in _SUFFIXES:
        words = words[:-1]
    parts = {name, " ".join(words)} if words else {name}
    if len(words) > 1:
        parts.update(word.rstrip(",") for word in (words[0], words[-1]) if _usable(word.rstrip(",")))
    return parts


def _usable(word: str) -> bool:
    return len(word) >= 3 and word[:1].isupper() and word.strip(".") not in _NOT_NAMES


def _pattern(people: dict[str, str | None]) -> re.Pattern[str]:
    """One pattern for every form of every name, longest first, on word boundaries, case as written."""
    forms: Iterable[str] = {form for name in people for form in _parts(name)}
    ordered = sorted(forms, key=lambda form: (-len(form), form))
    titles = "|".join(_TITLES)
    return re.compile(
        rf"(?<![\w\[])(?:(?:{titles})\.?\s+)?(?P<name>"
        + "|".join(re.escape(form) for form in ordered)
        + r")(?!\w)"
    )
