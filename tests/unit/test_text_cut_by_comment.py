"""Review s12 #1: ` #` in an unquoted text starts a YAML comment, and the rest of the text was dropped
without a word (`owner: Teamsters Local #42` read as 'Teamsters Local', the file valid). A warning,
`text-cut-by-comment`, at the comment's `#`, says what was kept and how to write the whole value; a
comment written as comments are (`# note`), or beside a value that is no free text, stays silent."""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest

from coalition_cli.core.checks.base import Kind
from coalition_cli.core.checks.comments import TEXT_FIELDS, Fields
from coalition_cli.core.codes import Level, Policy, Setting
from coalition_cli.core.loading.assessments import check_assessment
from coalition_cli.core.loading.documents import check_document
from coalition_cli.core.loading.frameworks import load_guide
from coalition_cli.core.model.assessment import Assessment
from coalition_cli.core.model.profile import CoalitionProfile
from tests.support.files import VALID_HEADER, located

CODE = "text-cut-by-comment"

RATED = VALID_HEADER + "ratings:\n  C1.2:\n    stage: 2\n"
"""Line 6 is the first line under C1.2, indented four spaces."""


def _messages(text: str, *, policy: Policy | None = None) -> list[str]:
    checked = check_assessment(Path("assessment.yaml"), text=text, policy=policy)
    return [f"{p.line}:{p.column}: {p.message}" for p in checked.problems if p.code == CODE]


def test_the_reviewers_three_cuts_say_what_was_kept_and_how_to_keep_it_all() -> None:
    text = RATED + (
        "    evidence: Working groups meet monthly #1 priority is data\n"
        "    actions:\n"
        "      - action: Draft a charter with partner #3 (hospital)\n"
        "        owner: Teamsters Local #42\n"
    )
    assert _messages(text) == [
        "7:43: C1.2 evidence: the text after ' #' is read as a comment, so the evidence is "
        "'Working groups meet monthly'; put the whole value in quotes: "
        '"Working groups meet monthly #1 priority is data"',
        "9:46: C1.2, action 1, action: the text after ' #' is read as a comment, so the action is "
        "'Draft a charter with partner'; put the whole value in quotes: "
        '"Draft a charter with partner #3 (hospital)"',
        "10:32: C1.2, action 1, owner: the text after ' #' is read as a comment, so the owner is "
        "'Teamsters Local'; put the whole value in quotes: \"Teamsters Local #42\"",
    ]
    checked = check_assessment(Path("assessment.yaml"), text=text)
    assert checked.valid  # a warning: the file is usable, as it was
    assert [p.severity.value for p in checked.problems if p.code == CODE] == ["warning"] * 3


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a comment as comments are written: a space after the hash
        ("    evidence: Minutes kept # see the drive", set()),
        ("    evidence: Minutes kept  #  see the drive", set()),
        ("    evidence: Minutes kept\t# see the drive", set()),
        # a hash inside a word is no comment: nothing was cut
        ("    evidence: Room#42 and C#", set()),
        # quoted or a block: the comment after it is one
        ('    evidence: "Teamsters Local #42"  #1', set()),
        ("    evidence: 'Teamsters Local #42' #1", set()),
        ("    evidence: |  #1\n      Teamsters Local #42", set()),
        # a field that is no free text: a comment beside it is ordinary YAML
        ("    target: 3  #stretch", set()),
        ("    priority: true #1", set()),
        ("    links:\n      - https://example.org/page #1", set()),
        # a suppression comment is never text
        ("    notes: Revisit #coalition: ignore[not-rated]", {(7, 20, "unused-suppression")}),
        # cut: a hash and something other than a space, after spaces or a tab
        ("    evidence: Local #42", {(7, 21, CODE)}),
        ("    evidence: Local    #42", {(7, 24, CODE)}),
        ("    evidence: Local\t#42", {(7, 21, CODE)}),
        ("    notes: Local ##42", {(7, 18, CODE)}),
        ("    notes: Café — groupe #1", {(7, 26, CODE)}),  # columns in characters, not bytes
        ("    evidence: #1 priority is data", {(7, 15, CODE)}),  # all of it: the evidence is empty
        ("    evidence: Working groups\n      meet monthly #1 priority", {(8, 20, CODE)}),
    ],
)
def test_only_a_comment_that_most_likely_cut_a_text_is_reported(line: str, expected: set[Any]) -> None:
    assert located(RATED + line + "\n") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (VALID_HEADER.replace("Riverside Pathways Coalition", "Lakeview #2 Partnership"), (2, 21)),
        (VALID_HEADER + "term: Cohort #3\n", (4, 14)),
        (VALID_HEADER + "region: District #9\n", (4, 18)),
        (VALID_HEADER + "cohort: Cohort #3\n", (4, 16)),
        (VALID_HEADER + "facilitator: Rosa #1\n", (4, 19)),
        (VALID_HEADER + "notes: Met in room #204\n", (4, 20)),
        (VALID_HEADER + "participants:\n  - name: Rosa #2\n", (5, 16)),
        (VALID_HEADER + "participants:\n  - name: Rosa\n    organization: Local #42\n", (6, 25)),
        (VALID_HEADER + "participants:\n  - name: Rosa\n    role: Chair #2\n", (6, 17)),
        (RATED + "    notes: Ask partner #3\n", (7, 24)),
    ],
)
def test_every_free_text_of_an_assessment_is_looked_at(text: str, expected: tuple[int, int]) -> None:
    assert located(text) == {(*expected, CODE)}


PROFILE = """\
name: Riverside Pathways Coalition
members:
  - organization: Teamsters Local #42
    stakeholder_group: labor-unions
    role: member  #for now
    representatives:
      - Rosa Diaz #2
      - name: Sam Lee #3
        title: Steward #1
    committees: [Data]
reporting:
  - Reports at meeting #4
committees:
  - name: Data
    focus: Shared data #1
"""


def test_a_coalition_profile_is_looked_at_on_its_own_and_written_out_in_an_assessment(tmp_path: Path) -> None:
    expected = {(3, 35), (7, 19), (8, 23), (9, 24), (12, 24), (15, 24)}
    path = tmp_path / "coalition.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    outcome = check_document(path, CoalitionProfile, Kind.PROFILE, guide=load_guide())
    assert {(p.line, p.column) for p in outcome.problems if p.code == CODE} == expected
    inline = VALID_HEADER + "profile:\n" + "".join(f"  {line}\n" for line in PROFILE.splitlines())
    assert located(inline) == {(line + 4, column + 2, CODE) for line, column in expected}
    assert "profile, member 1 (Teamsters Local), organization: " in _messages(inline)[0]


def test_the_value_to_write_is_quoted_as_a_person_would_type_it() -> None:
    said = _messages(
        RATED
        + "    evidence: The board's minutes #3\n"
        + '    notes: The "Data" group #2\n'
        + "    actions:\n"
        + "      - action: "
        + "word " * 30
        + "#5 and more\n"
    )
    assert said[0].endswith('so the evidence is "The board\'s minutes"; put the whole value in quotes: '
                            '"The board\'s minutes #3"')  # fmt: skip
    assert said[1].endswith("put the whole value in quotes: 'The \"Data\" group #2'")
    assert "so the action is '…word word word word word word word word word word'; " in said[2]
    assert said[2].endswith(
        'put the whole value in quotes: "word word word word word word word word wo … '
        'word word word word word word #5 and more"'
    )


def test_it_is_a_warning_a_team_can_suppress_ignore_or_make_an_error() -> None:
    cut = RATED + "    evidence: Local #42 # coalition: ignore[text-cut-by-comment]\n"
    checked = check_assessment(Path("assessment.yaml"), text=cut)
    assert [p.code for p in checked.suppressed] == [CODE]
    assert all(p.code != "unused-suppression" for p in checked.problems)
    assert (
        'put the whole value in quotes: "Local #42"' in checked.suppressed[0].message
    )  # the comment left out
    plain = RATED + "    evidence: Local #42\n"
    assert _messages(plain, policy=Policy(levels=(Setting(CODE, Level.IGNORE),))) == []
    assert located(plain, strict=True) == {(7, 21, CODE)}
    strict = check_assessment(Path("assessment.yaml"), text=plain, strict=True)
    assert not strict.valid


# --- the fields looked at, held to the models -----------------------------------------------------------

NOT_FREE_TEXT = {
    Kind.ASSESSMENT: {
        ("framework",),  # a rubric's id or path
        ("profile",),  # a path, when it is text
        ("participants", "[]", "stakeholder_group"),  # the Guide's ids
        ("ratings", "*"),  # indicator ids
        ("ratings", "*", "stage"),
        ("ratings", "*", "target"),
        ("ratings", "*", "links", "[]"),  # web addresses
        ("ratings", "*", "actions", "[]", "status"),
    },
    Kind.PROFILE: {
        ("members", "[]", "stakeholder_group"),
        ("members", "[]", "partner_kind"),
    },
}
"""Text the models accept that is no free text: ids, names of choices, paths and links."""


def _texts(model: Any, path: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every place the model holds text, as a path of keys, `[]` (a list's items) and `*` (any key)."""
    found: set[tuple[str, ...]] = set()

    def walk(annotation: Any, here: tuple[str, ...]) -> None:
        origin = get_origin(annotation)
        if origin is Annotated:
            walk(get_args(annotation)[0], here)
        elif origin in (Union, types.UnionType):
            for member in get_args(annotation):
                walk(member, here)
        elif origin is tuple:
            walk(get_args(annotation)[0], (*here, "[]"))
        elif origin is dict:
            found.add((*here, "*"))
            walk(get_args(annotation)[1], (*here, "*"))
        elif annotation is str:
            found.add(here)
        elif origin is Literal or annotation is type(None):
            pass
        elif isinstance(annotation, type) and typing.get_type_hints(annotation):
            for name, inner in typing.get_type_hints(annotation, include_extras=True).items():
                walk(inner, (*here, name))

    walk(model, path)
    return found


def _paths(fields: Fields | str, path: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    if isinstance(fields, str):
        return {path}
    found = {path} if "" in fields else set()
    for key, inner in fields.items():
        if key:
            found |= _paths(inner, (*path, key))
    return found


@pytest.mark.parametrize(("kind", "model"), [(Kind.ASSESSMENT, Assessment), (Kind.PROFILE, CoalitionProfile)])
def test_every_text_of_the_models_is_looked_at_or_said_to_be_no_free_text(kind: Kind, model: Any) -> None:
    """A text field added to a model must be sorted here: free text (comments.TEXT_FIELDS) or not."""
    texts = _texts(model)
    looked_at = _paths(TEXT_FIELDS[kind])
    if kind is Kind.ASSESSMENT:
        texts = {path for path in texts if path[:1] != ("profile",) or path == ("profile",)}
        looked_at = {path for path in looked_at if path[:1] != ("profile",)}
        assert TEXT_FIELDS[kind]["profile"] is TEXT_FIELDS[Kind.PROFILE]
    unsorted = texts - looked_at - NOT_FREE_TEXT[kind]
    assert unsorted == set()
    # a representative written as a name alone is free text too (the model reads it as one)
    assert looked_at - texts <= {("members", "[]", "representatives", "[]")}
    assert looked_at & NOT_FREE_TEXT[kind] == set()


def test_a_file_of_hundreds_of_cuts_words_those_it_shows_and_counts_the_rest() -> None:
    """As other findings: the first LOCATED_AT_MOST are worded in full, the rest only counted."""
    from coalition_cli.core.problems import LOCATED_AT_MOST

    owners = "".join(f"      - action: Step {n}\n        owner: Local #{n}\n" for n in range(300))
    checked = check_assessment(Path("assessment.yaml"), text=RATED + "    actions:\n" + owners)
    shown = [p for p in checked.problems if p.code == CODE]
    assert len(checked.problems) == 101 and checked.problems[-1].code == "too-many-problems"
    assert shown[0].message.startswith("C1.2, action 1, owner: the text after ' #' is read as a comment, so")
    assert len(shown) + checked.unlisted_warnings == 300  # every cut listed or counted
    from coalition_cli.core.checks.comments import cut_texts
    from coalition_cli.core.loading.parsed import parse

    parsed = parse(Path("assessment.yaml"), "assessment.yaml", RATED + "    actions:\n" + owners)
    placed = cut_texts(Kind.ASSESSMENT, parsed.text, parsed.nodes, parsed.data)
    assert [spot.message.endswith('"') for spot in placed] == [True] * LOCATED_AT_MOST + [False] * 100
