"""Files shaped to make checking slow, each refused or reported at bounded cost: the work is counted
(calls to the costly steps), never timed, so these tests hold on any machine."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from coalition_cli.core import suggest
from coalition_cli.core.loading.assessments import check_assessment
from coalition_cli.core.yaml import source as yamlsource
from tests.support.files import VALID_HEADER, full_ratings


def _check(text: str, *, rated: bool = False) -> list[tuple[int, int, str, str]]:
    """The problems of a text, as (line, column, code, message); `rated`: not-rated warnings left out."""
    outcome = check_assessment(Path("assessment.yaml"), text=text)
    return [
        (p.line, p.column, p.code, p.message)
        for p in outcome.problems
        if not (rated and p.code == "not-rated")
    ]


def test_one_long_value_aliased_a_thousand_times_is_refused_at_its_anchor() -> None:
    big = "x" * 100_000
    participants = "".join("  - {name: P, organization: O, stakeholder_group: *g}\n" for _ in range(1_000))
    text = VALID_HEADER + f"notes: &g {big}\nparticipants:\n{participants}"
    ((line, column, code, message),) = _check(text, rated=True)
    assert (line, column, code) == (4, 8, "alias")
    assert "2,097,152 characters" in message


def test_short_values_may_be_aliased() -> None:
    participants = "".join(
        f"  - {{name: P{n}, organization: O, stakeholder_group: *g}}\n" for n in range(200)
    )
    text = VALID_HEADER + "facilitator: &g k12-education\nparticipants:\n" + participants + full_ratings()
    assert _check(text, rated=True) == []


def test_a_document_of_too_many_values_stops_the_parser_early(monkeypatch: pytest.MonkeyPatch) -> None:
    resolved = []
    resolve = yamlsource._Resolver.resolve

    def counting(self: object, *args: object) -> object:
        resolved.append(1)
        return resolve(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(yamlsource._Resolver, "resolve", counting)
    items = ",".join(["1"] * 400_000)
    ((line, column, code, message),) = _check(VALID_HEADER + f"participants: [{items}]\n", rated=True)
    assert (line, column, code) == (1, 1, "too-many-values")
    assert "250,000" in message
    assert len(resolved) == yamlsource.MAX_VALUES + 1  # the other 150,000 values were never read


def test_thousands_of_duplicate_keys_are_found_each_with_its_first_line_and_capped() -> None:
    keys = "".join(f"k{n}: 1\n" for n in range(10_000))
    text = VALID_HEADER + keys + keys
    duplicates = yamlsource.parse_document(text).duplicates
    assert len(duplicates) == 10_000
    assert (duplicates[0].line, duplicates[0].message) == (
        10_004,
        "duplicate key 'k0' (first defined on line 4): keep only one",
    )
    assert "(first defined on line 10003)" in duplicates[-1].message
    problems = _check(text)
    assert len(problems) == 101 and problems[-1][2] == "too-many-problems"
    # 10,000 unknown keys, 10,000 duplicates and 22 indicators not rated: the first 100 by line
    assert problems[-1][3] == "19922 more problems not shown"
    assert [p[2] for p in problems[:22]] == ["not-rated"] * 22
    assert [p[:3] for p in problems[22:24]] == [(4, 1, "unknown-key"), (5, 1, "unknown-key")]


def test_only_the_problems_shown_get_a_did_you_mean(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    close = difflib.get_close_matches

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return close(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    keys = "".join(f"facilitater{n}: x\n" for n in range(5_000))
    problems = _check(VALID_HEADER + keys)
    assert len(problems) == 101
    assert problems[22][:3] == (4, 1, "unknown-key")  # after the 22 indicators not rated, at 1:1
    assert "(did you mean 'facilitator'?)" in problems[22][3]
    assert len(calls) <= 200  # was one per key: 5,000


def test_did_you_mean_skips_long_words_and_huge_choice_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(difflib, "get_close_matches", pytest.fail)
    assert suggest.closest("x" * 1_000_000, ["k12-education"]) is None
    many = [f"D{n:05}" for n in range(5_000)]
    assert suggest.closest("d00042", many) == "D00042"  # case and punctuation still match
    assert suggest.closest("D0004X", many) is None


def test_a_megabyte_value_is_shortened_in_its_message() -> None:
    participant = (
        "participants:\n  - {name: P, organization: O, stakeholder_group: " + "y" * 1_000_000 + "}\n"
    )
    ((_, _, code, message),) = _check(VALID_HEADER + participant, rated=True)
    assert code == "unknown-stakeholder-group"
    assert len(message) < 400 and "yyy…'" in message


@pytest.mark.parametrize(
    "text",
    [
        "[" * 5_000,
        "- " * 5_000 + "x\n",
        "".join(" " * n + "k:\n" for n in range(2_000)),
        "a: " + "{b: " * 3_000 + "1" + "}" * 3_000 + "\n",
    ],
    ids=["flow", "block-lists", "block-mappings", "flow-in-block"],
)
def test_nesting_beyond_what_the_parser_can_take_never_reaches_it(text: str) -> None:
    with pytest.raises(yamlsource.SyntaxProblem) as raised:
        yamlsource.check_nesting(text)
    assert raised.value.code.name == "too-deep"


@pytest.mark.parametrize(
    ("key", "code", "start"),
    [
        ("framework", "unknown-framework", "unknown framework 'xxx"),
        ("profile", "profile-not-found", "the coalition profile 'xxx"),
    ],
)
def test_a_reference_with_a_name_longer_than_the_file_system_allows_is_reported(
    key: str, code: str, start: str
) -> None:
    """A name of 300 characters cannot even be looked at (ENAMETOOLONG): not found, never a crash."""
    header = (
        VALID_HEADER if key == "profile" else VALID_HEADER.replace("framework: community-framework\n", "")
    )
    found = [p for p in _check(header + f"{key}: {'x' * 300}\n", rated=True) if p[2] == code]
    assert len(found) == 1 and found[0][3].startswith(start), found
