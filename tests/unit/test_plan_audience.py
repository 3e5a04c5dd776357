"""What `--audience public` does to the strings of a plan (plan/audience.py), and the running title's
CSS string (a coalition's name inside the page's style sheet)."""

from __future__ import annotations

import re

import pytest

from coalition_cli.core.plan.audience import WITHHELD, Redactor
from coalition_cli.core.plan.rendering import css_string

PEOPLE = {
    "Kevin Tran": "Arroyo Data Systems",
    "Rachel Kim": "City of Riverside, Office of the Mayor",
    "May Chen": None,
    "Ana Ruiz": "Riverside Regional",
    "Ana Lopez": "RUSD",
}


@pytest.fixture
def public() -> Redactor:
    return Redactor("public", PEOPLE)


def test_the_coalition_keeps_everything() -> None:
    coalition = Redactor("coalition", PEOPLE)
    assert coalition.text("When Kevin left") == "When Kevin left"
    assert coalition.owner("Kevin Tran (Arroyo Data Systems)") == "Kevin Tran (Arroyo Data Systems)"
    assert coalition.notes("Priya rated 3") == "Priya rated 3"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "When Kevin left, nobody took over.",
            "When [a representative of Arroyo Data Systems] left, nobody took over.",
        ),
        (
            "Kevin Tran ran it; Tran's tracker",
            "[a representative of Arroyo Data Systems] ran it; [a representative of Arroyo Data Systems]'s tracker",
        ),
        (
            "Rachel is the press contact",
            "[a representative of City of Riverside, Office of the Mayor] is the press contact",
        ),
        ("May Chen chairs it", f"{WITHHELD} chairs it"),  # no organization known
        ("Ana will host", f"{WITHHELD} will host"),  # two people called Ana: which organization is not known
        ("The review is in May.", "The review is in May."),  # a month is not a name
        ("Kevinsville and tranquil", "Kevinsville and tranquil"),  # whole words only
    ],
)
def test_names_in_text_are_replaced_for_the_public(public: Redactor, text: str, shown: str) -> None:
    assert public.text(text) == shown


ORGANIZATIONS = (
    "Arroyo Data Systems",
    "City of Riverside, Office of the Mayor",
    "Riverside Unified School District",
    "Riverside Workforce Development Board",
    "Riverside Community College",
)


@pytest.mark.parametrize(
    ("owner", "shown"),
    [
        ("Kevin Tran (Arroyo Data Systems)", "Arroyo Data Systems"),
        ("Samuel Okafor (Cal State Riverside)", "Cal State Riverside"),  # looks like a name: the organization
        ("Rachel Kim", "City of Riverside, Office of the Mayor"),
        ("rachel  kim.", "City of Riverside, Office of the Mayor"),  # one owner, as the register counts them
        ("Rachel Kim (Office of the Mayor)", "City of Riverside, Office of the Mayor"),  # one owner, one name
        ("Ana Lopez (RUSD Research and Assessment)", "RUSD"),
        ("May Chen (Riverside Parents)", "Riverside Parents"),  # no organization known but this one
        ("May Chen", WITHHELD),
        # a role names its organization in brackets, written as the files write it
        ("Superintendent's office (RUSD)", "Riverside Unified School District"),
        ("Lee (the WDB)", "Riverside Workforce Development Board"),
        ("Riverside Community College", "Riverside Community College"),
        ("RCC", "Riverside Community College"),
        # naming no organization: withheld, a role as well as a name (no rule tells them apart)
        ("Working group chairs", WITHHELD),
        ("Lena Ortiz", WITHHELD),
        ("lena", WITHHELD),
        ("Chair (Kevin Tran)", "[a representative of Arroyo Data Systems]"),  # a name in brackets replaced
        (None, None),
    ],
)
def test_action_owners_become_organizations(owner: str | None, shown: str | None) -> None:
    public = Redactor("public", PEOPLE, ORGANIZATIONS)
    assert public.owner(owner) == shown


@pytest.mark.parametrize("owner", ["Ana Lopes", "Ana Lopes (RUSD)", "Kevin", "Kevin Trans", "Tran"])
def test_an_owner_close_to_a_name_is_never_part_replaced(owner: str) -> None:
    """A reviewer's owner "Maria Lopes" (close to the participant Maria Lopez) was shown as "[a
    representative of Riverside Unified School District] Lopes": the first name replaced inside a
    longer one, the rest of it printed. Owners are matched by their whole name only."""
    shown = Redactor("public", PEOPLE, ORGANIZATIONS).owner(owner)
    assert shown in (WITHHELD, "Riverside Unified School District"), shown
    assert "Lopes" not in shown and "Kevin" not in shown and "Tran" not in shown


def test_where_an_owner_is_shown_by_its_own_words_it_is_said() -> None:
    public = Redactor("public", PEOPLE, ORGANIZATIONS)
    assert public.shown_owner("Lena Ortiz (Arroyo Data Systems)") == ("Arroyo Data Systems", "organization")
    assert public.shown_owner("Lena Ortiz (Lena's team)") == ("Lena's team", "as written")
    assert public.shown_owner("Lena Ortiz") == (WITHHELD, "withheld")


def test_notes_are_left_out(public: Redactor) -> None:
    assert public.notes("Priya rated 3 because…") is None


@pytest.mark.parametrize(
    "title",
    ['Evil "Coalition" </style><script>x()</script>', "Back\\slash; new\nline · Spring 2026", "Café ⟨x⟩"],
)
def test_the_running_title_cannot_end_its_css_string_or_the_style_element(title: str) -> None:
    escaped = str(css_string(title))
    assert '"' not in escaped and "<" not in escaped and ">" not in escaped and "\n" not in escaped
    assert re.fullmatch(r"(?:[\w .,:;()!?'’·–—/+-]|\\[0-9a-f]+ )*", escaped), escaped
    unescaped = re.sub(r"\\([0-9a-f]+) ", lambda m: chr(int(m.group(1), 16)), escaped)
    assert unescaped == " ".join(title.split())


def test_a_title_is_never_a_name_and_goes_with_the_name_it_precedes() -> None:
    """A reviewer's participant 'Dr. Raj Patel': 'Raj' was left in, and 'Dr.' alone was taken for
    his name, so 'Dr. Lee', in no file, was tied to his college and kept his surname."""
    public = Redactor("public", {"Dr. Raj Patel": "Millbrook Community College", "Luis Ortega Jr.": "PTA"})
    shown = public.text("Dr. Patel met Dr. Lee; Raj will call Raj Patel, and Luis Ortega is on it.")
    college = "[a representative of Millbrook Community College]"
    assert shown == (
        f"{college} met Dr. Lee; {college} will call {college}, and [a representative of PTA] is on it."
    )
