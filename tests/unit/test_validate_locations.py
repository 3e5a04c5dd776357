"""Each kind of problem is reported with its stable code at the key or value it concerns."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.files import VALID_HEADER, full_ratings, located, problems, write


def test_a_complete_valid_file_has_no_problems(tmp_path: Path) -> None:
    path = write(tmp_path, VALID_HEADER + full_ratings())
    assert problems(path, strict=True) == set()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # unknown top-level key, pointing at the key
        (VALID_HEADER + "facilitater: Dana\n", {(4, 1, "unknown-key")}),
        # unknown indicator id with did-you-mean, at the key
        (VALID_HEADER + "ratings:\n  C12:\n    stage: 2\n", {(5, 3, "unknown-indicator")}),
        # stage out of range and unknown stage name, at the value
        (VALID_HEADER + "ratings:\n  C1.1:\n    stage: 5\n", {(6, 12, "stage-out-of-range")}),
        (VALID_HEADER + "ratings:\n  C1.1:\n    stage: developping\n", {(6, 12, "unknown-stage")}),
        # wrong types
        (VALID_HEADER + "ratings:\n  C1.1:\n    stage: true\n", {(6, 12, "wrong-type")}),
        (VALID_HEADER + "ratings:\n  C1.1:\n    stage: 2\n    evidence: [a, b]\n", {(7, 15, "wrong-type")}),
        (VALID_HEADER + "participants: Maria\n", {(4, 15, "wrong-type")}),
        # invalid dates, top level and inside an action
        (VALID_HEADER.replace("2026-03-14", "2026-02-30"), {(3, 14, "invalid-date")}),
        (VALID_HEADER.replace("2026-03-14", "March 14"), {(3, 14, "invalid-date")}),
        (
            VALID_HEADER
            + "ratings:\n  C1.1:\n    stage: 2\n    actions:\n      - action: Adopt\n        due: 2026-13-01\n",
            {(9, 14, "invalid-date")},
        ),
        # a required key missing inside a list item points at the item
        (
            VALID_HEADER + "ratings:\n  C1.1:\n    stage: 2\n    actions:\n      - owner: Chamber\n",
            {(8, 9, "missing-key")},
        ),
        # missing required top-level key points at the top of the file
        ("framework: community-framework\ncoalition: X\n", {(1, 1, "missing-key")}),
        # unknown framework and unknown stakeholder group
        (VALID_HEADER.replace("community-framework", "comunity-framework"), {(1, 12, "unknown-framework")}),
        (
            VALID_HEADER + "participants:\n  - name: Maria\n    stakeholder_group: k12\n",
            {(6, 24, "unknown-stakeholder-group")},
        ),
        # duplicate keys at the second occurrence
        (
            VALID_HEADER + "ratings:\n  C1.1:\n    stage: 2\n  C1.1:\n    stage: 3\n",
            {(7, 3, "duplicate-key")},
        ),
        # empty file, top level not a mapping
        ("", {(1, 1, "empty-file")}),
        ("# only a comment\n", {(1, 1, "empty-file")}),
        ("- a\n- b\n", {(1, 1, "not-a-mapping")}),
        # syntax errors and tabs
        (VALID_HEADER + "ratings: [\n", {(5, 1, "syntax")}),
        (VALID_HEADER + "ratings:\n\tC1.1: 2\n", {(5, 1, "syntax")}),
    ],
)
def test_problem_location_and_code(tmp_path: Path, source: str, expected: set[tuple[int, int, str]]) -> None:
    assert problems(write(tmp_path, source)) == expected


def test_a_merge_conflict_is_reported_once_at_its_first_marker(tmp_path: Path) -> None:
    source = (
        VALID_HEADER
        + "ratings:\n  C1.1:\n<<<<<<< HEAD\n    stage: 2\n=======\n    stage: 3\n>>>>>>> spring\n"
    )
    assert problems(write(tmp_path, source)) == {(6, 1, "merge-conflict")}


def test_a_merge_conflict_of_a_crlf_file_is_reported_once(tmp_path: Path) -> None:
    # git ends its marker lines with CRLF in a CRLF file: `=======\r\n` has no label to follow it
    path = tmp_path / "windows.yaml"
    source = (
        VALID_HEADER
        + "ratings:\n  C1.1:\n<<<<<<< HEAD\n    stage: 2\n=======\n    stage: 3\n>>>>>>> spring\n"
    )
    path.write_bytes(source.replace("\n", "\r\n").encode())
    assert problems(path) == {(6, 1, "merge-conflict")}


def test_a_lone_crlf_separator_marker_left_after_a_merge_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    source = VALID_HEADER + "ratings:\n  C1.1:\n    stage: 2\n=======\n  C1.2:\n    stage: 3\n"
    path.write_bytes(source.replace("\n", "\r\n").encode())
    assert problems(path) == {(7, 1, "merge-conflict")}


def test_every_problem_in_a_file_is_reported_in_one_run(tmp_path: Path) -> None:
    source = (
        VALID_HEADER.replace("2026-03-14", "2026-02-30")
        + "ratings:\n  C12:\n    stage: 2\n  C1.1:\n    stage: 9\n    evidnce: x\n"
    )
    codes = {code for _, _, code in problems(write(tmp_path, source))}
    assert codes == {"invalid-date", "unknown-indicator", "stage-out-of-range", "unknown-key"}


def test_did_you_mean_in_messages(tmp_path: Path) -> None:
    from coalition_cli.core.loading.assessments import check_assessment

    path = write(tmp_path, VALID_HEADER + "ratings:\n  C12:\n    stage: developping\n  C1.1:\n    stge: 2\n")
    messages = " ".join(p.message for p in check_assessment(path).problems)
    assert "did you mean 'C1.2'?" in messages
    assert "did you mean 'stage'?" in messages


def test_unknown_stage_lists_the_valid_ones(tmp_path: Path) -> None:
    from coalition_cli.core.loading.assessments import check_assessment

    path = write(tmp_path, VALID_HEADER + "ratings:\n  C1.1:\n    stage: 7\n")
    (problem,) = [p for p in check_assessment(path).problems if p.code == "stage-out-of-range"]
    assert "1 Emerging, 2 Developing, 3 Advancing, 4 Transforming" in problem.message


def test_stage_names_in_any_case_and_quoted_numbers_are_valid(tmp_path: Path) -> None:
    source = VALID_HEADER + full_ratings().replace("stage: 2", "stage: DEVELOPING", 1).replace(
        "stage: 2", "stage: '3'", 1
    )
    assert problems(write(tmp_path, source), strict=True) == set()


def test_not_rated_is_a_warning_and_an_error_with_strict(tmp_path: Path) -> None:
    from coalition_cli.core.loading.assessments import check_assessment

    path = write(tmp_path, VALID_HEADER + "ratings:\n  C1.1:\n    stage: null\n")
    relaxed = check_assessment(path)
    assert {p.code for p in relaxed.problems} == {"not-rated"}
    assert len(relaxed.problems) == 22
    assert not relaxed.has_errors
    (c11,) = [p for p in relaxed.problems if "C1.1 " in p.message]
    assert (c11.line, c11.column) == (5, 3)  # at the indicator's own key
    assert check_assessment(path, strict=True).has_errors


def test_target_not_above_stage_is_a_warning(tmp_path: Path) -> None:
    source = VALID_HEADER + full_ratings().replace("stage: 2\n", "stage: 3\n    target: 2\n", 1)
    assert problems(write(tmp_path, source)) == {(7, 13, "target-not-above-stage")}


def test_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    text = VALID_HEADER + full_ratings()
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert problems(path, strict=True) == set()


def test_problems_in_a_crlf_file_are_on_the_right_line(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    path.write_bytes(
        (VALID_HEADER + "ratings:\r\n  C1.1:\r\n    stage: 9\r\n")
        .replace("\n", "\r\n")
        .replace("\r\r", "\r")
        .encode()
    )
    assert problems(path) == {(6, 12, "stage-out-of-range")}


def test_a_duplicate_key_does_not_hide_the_other_problems(tmp_path: Path) -> None:
    source = (
        VALID_HEADER.replace("2026-03-14", "2026-02-30")
        + "ratings:\n  C1.1:\n    stage: 2\n    stage: 3\n  C12:\n    stage: 2\n"
    )
    assert problems(write(tmp_path, source)) == {
        (3, 14, "invalid-date"),
        (7, 5, "duplicate-key"),
        (8, 3, "unknown-indicator"),
    }


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_file_cut_short_is_reported_on_its_last_line(tmp_path: Path, newline: str) -> None:
    # a copy or a download stopped half-way: no line break at the end, the last key cut in two
    path = tmp_path / "cut.yaml"
    path.write_bytes(
        (VALID_HEADER + "ratings:\n  C1.1:\n    stage: 2\n    evide").replace("\n", newline).encode()
    )
    assert problems(path) == {(7, 5, "syntax")}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # the reader stumbles on the line after `stage:2`: the problem is shown where the space is missing
        (VALID_HEADER + "ratings:\n  C1.1:\n    stage:2\n    evidence: x\n", (6, 10)),
        (VALID_HEADER.replace("assessed_on: ", "assessed_on:") + "term: Spring\n", (3, 12)),
        (VALID_HEADER + "ratings:\n  C1.1:\n    stage:2\n\n    # why\n    evidence: x\n", (6, 10)),
        (
            VALID_HEADER + "ratings:\n  C1.1:\n    actions:\n      - action:Call\n        owner: Bob\n",
            (7, 15),
        ),
        # the last line of the file, with no line break after it
        (VALID_HEADER.replace("assessed_on: 2026-03-14\n", "assessed_on:2026-03-14"), (3, 12)),
    ],
    ids=["before-a-key", "top-level", "before-a-comment", "in-a-list-item", "last-line"],
)
def test_a_missing_space_after_a_colon_is_shown_on_its_line(
    tmp_path: Path, source: str, expected: tuple[int, int]
) -> None:
    from coalition_cli.core.loading.assessments import check_assessment

    (problem,) = check_assessment(write(tmp_path, source)).problems
    assert (problem.line, problem.column, problem.code) == (*expected, "syntax")
    assert "no space after the ':'" in problem.message
    assert "with a space after the ':'" in problem.message


def test_a_url_or_an_indentation_slip_is_not_taken_for_a_missing_space(tmp_path: Path) -> None:
    from coalition_cli.core.loading.assessments import check_assessment

    source = VALID_HEADER + "ratings:\n  C1.1:\n    links:\n      - https://example.org\n      owner: x\n"
    (problem,) = check_assessment(write(tmp_path, source)).problems
    assert problem.code == "syntax"
    assert "no space" not in problem.message


def test_two_documents_in_one_file_are_explained(tmp_path: Path) -> None:
    from coalition_cli.core.loading.assessments import check_assessment

    path = write(tmp_path, VALID_HEADER + "---\n" + VALID_HEADER)
    (problem,) = check_assessment(path).problems
    assert (problem.line, problem.column, problem.code) == (4, 1, "syntax")
    assert "more than one YAML document" in problem.message


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            VALID_HEADER.replace("Riverside Pathways Coalition", "“Riverside Pathways Coalition”"),
            {(2, 12, "typographic-quotes")},
        ),
        (VALID_HEADER + "term: ‘Spring 2026’\n", {(4, 7, "typographic-quotes")}),
        (VALID_HEADER + "participants:\n  - name: “Maria Lopez”\n", {(5, 11, "typographic-quotes")}),
        (
            VALID_HEADER
            + "ratings:\n  C1.1:\n    stage: 2\n    actions:\n      - action: Adopt\n        owner: «Chamber»\n",
            {(9, 16, "typographic-quotes")},
        ),
        (
            VALID_HEADER
            + "profile:\n  name: “Riverside”\n  members:\n    - organization: RUSD\n"
            + "      stakeholder_group: k12-education\n",
            {(5, 9, "typographic-quotes")},
        ),
        # text may quote anyone, and a name may hold quotes of its own
        (VALID_HEADER + "notes: “We met monthly.”\n", set()),
        (
            VALID_HEADER
            + "ratings:\n  C1.1:\n    stage: 2\n    evidence: “Minutes”\n    actions:\n      - action: “Adopt”\n",
            set(),
        ),
        (VALID_HEADER + "term: Spring “2026” term\n", set()),
        (VALID_HEADER + 'term: "Spring 2026"\n', set()),
    ],
)
def test_a_name_in_typographic_quotes_is_a_warning_at_its_value(
    source: str, expected: set[tuple[int, int, str]]
) -> None:
    """Review s12 #5: `coalition: “Lakeview …”` was taken with its curly quotes as part of the name."""
    assert located(source) == expected


def test_a_profile_names_its_typographic_quotes_too(tmp_path: Path) -> None:
    from coalition_cli.core.loading.frameworks import load_guide
    from coalition_cli.core.loading.profiles import check_profile_file

    path = write(
        tmp_path,
        "name: “Riverside”\nmembers:\n  - organization: RUSD\n    representatives:\n      - name: ‘Teresa’\n",
        "coalition.yaml",
    )
    found = {(p.line, p.column, p.code) for p in check_profile_file(path, load_guide()).problems}
    assert found >= {(1, 7, "typographic-quotes"), (5, 15, "typographic-quotes")}
