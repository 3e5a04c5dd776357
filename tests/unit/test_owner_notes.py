"""Owners who may be someone the files list under another name (`owners.owner_notes`): said once each,
never rewritten."""

from __future__ import annotations

import pytest

from coalition_cli.core.reports.actions.owners import meant_owner, owner_notes
from coalition_cli.core.reports.actions.register import MemberSeat

PARTICIPANTS = [
    ("Maria Lopez", "Riverside Unified School District"),
    ("Marcus Lee", "Riverside Workforce Development Board"),
    ("Priya Natarajan", "Riverside Community College"),
    ("Ana Ruiz", "Riverside Regional"),
    ("Ana Cho", None),
]
MEMBERS = [
    MemberSeat("Riverside Unified School District", "co-chair", (), ("Teresa Alvarez", "Maria Lopez")),
    MemberSeat("Cal State Riverside", "member", (), ("Samuel Okafor",)),
]


def test_a_slip_is_said_once_with_whom_it_may_be() -> None:
    notes = owner_notes(["Maria Lopes", "Maria Lopez (RUSD)", "maria  lopes."], PARTICIPANTS, MEMBERS)
    assert notes == (
        "Maria Lopes may be Maria Lopez (a participant): counted as two owners here; if they are one "
        "person, write the name the same way in the assessment.",
    )


def test_a_slip_of_a_representative_or_an_organization_says_what_they_are() -> None:
    notes = owner_notes(["Teresa Alvares", "Cal State Riversid"], PARTICIPANTS, MEMBERS)
    assert notes == (
        "Teresa Alvares may be Teresa Alvarez (a representative of Riverside Unified School District): "
        "counted as two owners here; if they are one person, write the name the same way in the assessment.",
        "Cal State Riversid may be Cal State Riverside (a member organization): counted as two owners "
        "here; if they are one organization, write the name the same way in the assessment.",
    )


@pytest.mark.parametrize(
    "owners",
    [
        ["Maria Lopez", "maria lopez (RUSD Research and Assessment)"],  # one owner, by the register's rule
        ["Riverside Unified School District", "RUSD", "Superintendent's office (RUSD)"],  # an organization
        ["Working group chairs", "Bob from Rotary", "Lena Ortiz"],  # nobody close: free text
        ["Marcus"],  # a short form alone: Marcus Lee owns nothing here, so nothing is split
        ["Ana", "Ana Ruiz"],  # a part of two participants' names: whom it is, is not known
    ],
)
def test_nothing_is_said_of_owners_who_are_not_near_misses(owners: list[str]) -> None:
    assert owner_notes(owners, PARTICIPANTS, MEMBERS) == ()


def test_a_short_form_is_said_where_the_register_splits_one_person() -> None:
    """ "Marcus" and "Marcus Lee" were two owners in the register, without a word."""
    notes = owner_notes(["Marcus Lee (WDB)", "Marcus", "Lee"], PARTICIPANTS, MEMBERS)
    assert [note.split(":")[0] for note in notes] == [
        "Marcus may be Marcus Lee (a participant)",
        "Lee may be Marcus Lee (a participant)",
    ]


def test_entry_time_still_asks_about_slips_only() -> None:
    """`rate` and `assess` ask "did you mean" for a slip, not for a short form typed on purpose."""
    from coalition_cli.core.model.assessment import Participant

    people = [Participant(name=name, organization=organization) for name, organization in PARTICIPANTS]
    assert meant_owner("Maria Lopes (RUSD)", people) == "Maria Lopez (RUSD)"
    assert meant_owner("Marcus", people) is None
    assert meant_owner("Maria Lopez", people) is None
