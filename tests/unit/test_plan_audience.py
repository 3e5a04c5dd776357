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


@pytest.mark.parametrize(
    ("owner", "shown"),
    [
        ("Kevin Tran (Arroyo Data Systems)", "Arroyo Data Systems"),
        ("Samuel Okafor (Cal State Riverside)", "Cal State Riverside"),  # looks like a name: the organization
        ("Superintendent's office (RUSD)", "Superintendent's office (RUSD)"),  # not a person
        ("Rachel Kim", "City of Riverside, Office of the Mayor"),
        ("Rachel Kim (Office of the Mayor)", "City of Riverside, Office of the Mayor"),  # one owner, one name
        ("Ana Lopez (RUSD Research and Assessment)", "RUSD"),
        ("May Chen (Riverside Parents)", "Riverside Parents"),  # no organization known but this one
        ("May Chen", WITHHELD),
        ("Working group chairs", "Working group chairs"),
        (None, None),
    ],
)
def test_action_owners_become_organizations(public: Redactor, owner: str | None, shown: str | None) -> None:
    assert public.owner(owner) == shown


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
