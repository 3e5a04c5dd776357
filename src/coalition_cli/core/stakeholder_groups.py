"""A stakeholder group as a facilitator names it at a prompt: by its number in the Guide's list, its
id, a word of its name, the Guide's kinds of partner that belong to it ("Chamber of Commerce and
Industry Associations" is a business organization), or an everyday word for such an organization
(`school`, `church`, `employer`).

The everyday words (`EVERYDAY_WORDS`) are this tool's own, never the Guide's: the Guide names ten
groups and eleven kinds of partner, and a room says "the district" or "our church". They only help
choose one of the Guide's groups; the file holds the Guide's id, and what is said back is the
Guide's name. A word that fits more than one group is never guessed: `GroupUnclear` lists the few it
could be, by number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from coalition_cli.core.model.guide import Guide
from coalition_cli.core.suggest import did_you_mean, folded

EVERYDAY_WORDS: Mapping[str, tuple[str, ...]] = {
    "k12-education": (
        "school",
        "high school",
        "middle school",
        "elementary school",
        "charter school",
        "school district",
        "unified school district",
        "district",
        "usd",
        "isd",
        "school board",
        "board of education",
        "county office of education",
        "teacher",
        "principal",
        "superintendent",
    ),
    "postsecondary": (
        "college",
        "community college",
        "city college",
        "technical college",
        "university",
        "trade school",
        "vocational school",
        "apprenticeship",
    ),
    "corporations": ("employer", "company", "firm", "manufacturer", "hospital", "bank"),
    "business-organizations": ("chamber", "chamber of commerce", "trade association", "business association"),
    "labor-unions": ("union", "labor", "labour", "building trades", "trades council", "afl cio"),
    "civic": (
        "city",
        "city hall",
        "city council",
        "county",
        "town",
        "government",
        "library",
        "public library",
    ),
    "community-based-organizations": (
        "nonprofit",
        "non profit",
        "cbo",
        "foundation",
        "charity",
        "united way",
        "ymca",
        "ywca",
        "boys and girls club",
    ),
    "faith-based-organizations": (
        "church",
        "mosque",
        "synagogue",
        "temple",
        "congregation",
        "parish",
        "ministry",
    ),
    "parent-student-advocacy": ("parent", "pta", "pto", "student", "youth", "advocate", "youth group"),
    "workforce-economic-development": (
        "workforce board",
        "workforce development board",
        "wib",
        "wdb",
        "job center",
        "american job center",
        "one stop",
        "edc",
        "economic development corporation",
    ),
}
"""This tool's own everyday words for each of the Guide's stakeholder groups (by the Guide's id), for
choosing a group at a prompt. Not the Guide's text: never shown as a group's name, never written in
a file. Words are compared as typed (any case, `-` as a space, a plural as its singular), whole: a
word here that another group's words also hold (`trade school`, `school`) is settled by the longer."""

_PUNCTUATION = re.compile(r"[^\w']+")
"""Between words: anything but letters, digits and apostrophes (`Mayor's Office/Civic`, `district.`)."""

MIN_PART = 3
"""The fewest letters of a word typed as part of a longer one (`lab`, `chamb`): fewer match too much."""

_LITTLE_WORDS = frozenset({"and", "the", "for", "other", "including", "and/or"})
"""Words of the Guide's long names that name nothing by themselves."""

MAX_SUGGESTED = 24
"""The longest word offered as a did-you-mean: everyday words and short names, not whole sentences."""


class GroupUnclear(ValueError):
    """What was typed is not one stakeholder group. `candidates` are the groups it could be (their
    numbers in the Guide's list, from 1), empty when it fits none."""

    def __init__(self, message: str, candidates: tuple[int, ...] = ()) -> None:
        super().__init__(message)
        self.candidates = candidates


Terms = tuple[tuple[str, ...], ...]
"""Each group's words, in the Guide's order of groups (`_terms`)."""


def _terms(guide: Guide) -> Terms:
    """The words each group can be named by (id, name, its partner kinds' names, the everyday words),
    compared as `_singular` writes them, in the Guide's order of groups."""
    kinds = {kind.id: kind.name for kind in guide.partner_kinds}
    return tuple(
        tuple(
            dict.fromkeys(
                _singular(word)
                for word in (
                    group.id,
                    group.name,
                    *(kinds.get(kind, "") for kind in group.partner_kinds),
                    *EVERYDAY_WORDS.get(group.id, ()),
                )
                if word
            )
        )
        for group in guide.stakeholder_groups
    )


def parse_group(guide: Guide, typed: str) -> str | None:
    """The id of the stakeholder group typed at a prompt; None when left empty.

    In order: its number in the Guide's list; its id; a name or word that is one group's (`school`,
    `Labor Unions`, `chamber of commerce`); part of one group's words, 3 letters or more (`lab`,
    `faith`); one group's words whole inside what was typed (`Riverside Unified School District`,
    `our church`). Raises GroupUnclear, with the candidates, when that is several groups or none."""
    text = " ".join(typed.split())
    if not text:
        return None
    ids = [group.id for group in guide.stakeholder_groups]
    if text.isascii() and text.isdigit() and 1 <= int(text) <= len(ids):
        return ids[int(text) - 1]
    if text.casefold() in ids:
        return text.casefold()
    terms = _terms(guide)
    words = _singular(text)
    for fits in (_equal, _part_of, _inside):
        found = fits(words, terms)
        if len(found) == 1:
            return ids[found[0] - 1]
        if found:
            raise GroupUnclear(_could_be(text, found), found)
    hint = did_you_mean(words, [term for group in terms for term in group if len(term) <= MAX_SUGGESTED])
    raise GroupUnclear(
        f"{text!r} is not a stakeholder group{hint}: type its number, 1 to {len(ids)}, or a word for it, "
        "like school, college, employer, union or church; or press Enter to leave it out."
    )


def _equal(words: str, terms: Terms) -> tuple[int, ...]:
    """The groups (numbered from 1) one of whose words is what was typed."""
    return tuple(number for number, group in enumerate(terms, start=1) if words in group)


def _part_of(words: str, terms: Terms) -> tuple[int, ...]:
    """The groups one of whose words begins with what was typed (`lab`, `chamb`, `org`), when that is
    at least MIN_PART letters and not a little word every long name has (`and`, `the`)."""
    if len(words.replace(" ", "")) < MIN_PART or words in _LITTLE_WORDS:
        return ()
    start = f" {words}"
    return tuple(
        number for number, group in enumerate(terms, start=1) if any(start in f" {term}" for term in group)
    )


def _inside(words: str, terms: Terms) -> tuple[int, ...]:
    """The groups one of whose words appears whole in what was typed (`church` in `our church`); a
    word inside a longer one found too counts as the longer (`trade school` is not a `school`)."""
    padded = f" {words} "
    found = [
        (number, term)
        for number, group in enumerate(terms, start=1)
        for term in group
        if f" {term} " in padded
    ]
    return tuple(
        sorted(
            {
                number
                for number, term in found
                if not any(other != term and f" {term} " in f" {other} " for _, other in found)
            }
        )
    )


def _could_be(text: str, numbers: tuple[int, ...]) -> str:
    listed = ", ".join(str(number) for number in numbers)
    return f"{text!r} could be more than one group ({listed}): type the number of the one you mean."


def _singular(text: str) -> str:
    """Text folded as people type it, each word singular (`Schools` → `school`, `universities` →
    `university`), so that a plural and its singular match: the same on both sides of a comparison."""
    words = _PUNCTUATION.sub(" ", folded(text).replace("&", " and "))
    return " ".join(_one(word) for word in words.split())


def _one(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
