"""A file that is not valid YAML is reported at the line the person changed, with the real cause and
what to type instead (core/yaml/mistakes.py): the slips of review s12 (a coordinator editing in
Notepad or Word), each made on one line of a small assessment."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition_cli.core.loading.assessments import check_assessment
from coalition_cli.core.problems import Problem
from coalition_cli.core.yaml import source as yamlsource
from coalition_cli.core.yaml.mistakes import REST
from coalition_cli.core.yaml.text import LINE_BREAKS

BASE = """\
framework: community-framework
coalition: Riverside Pathways Coalition
assessed_on: 2026-03-14

ratings:
  C1.1:
    stage: 2
    evidence: Working groups meet monthly.
  C1.2:  # the district's groups
    stage: 2
    actions:
      - action: Draft a charter
        owner: Patricia Huang
        due: 2027-05-30
"""
"""Line 8 is the evidence a person edits, line 13 an action's owner."""


def edited(number: int, *lines: str) -> str:
    """BASE with its line `number` replaced by `lines`."""
    text = BASE.split("\n")
    return "\n".join([*text[: number - 1], *lines, *text[number:]])


def problems(text: str) -> list[Problem]:
    return list(check_assessment(Path("s.yaml"), text=text).problems)


def syntax(text: str) -> Problem:
    (problem,) = [problem for problem in problems(text) if problem.code != "not-rated"]
    assert problem.code == "syntax", problem
    assert problem.message.startswith("not valid YAML: ")
    assert f"({REST})" in problem.message
    return problem


@pytest.mark.parametrize(
    ("lines", "where", "words"),
    [
        # evidence continued on a line of its own: the continued line, not the next indicator's
        (
            ("    evidence: Working groups meet monthly.", "    Minutes are on the drive."),
            (9, 5),
            "this line has no ':', so it reads as more of the evidence on line 8; to write a text over "
            "several lines, write 'evidence: |' and put each of its lines under it, indented by 6 spaces",
        ),
        (
            ("    evidence: |", "    Minutes are on the drive."),
            (9, 5),
            "the lines of a text under 'evidence: |' (line 8) must be indented further than 'evidence': "
            "indent this line and the others by 6 spaces",
        ),
        # quotes that end the text early, or a value read as a list
        (
            ("    evidence: 'The board's minutes'",),
            (8, 25),
            "a ' inside '…' ends the text there: write it twice ('') or put the text in double quotes, "
            """like this: evidence: "The board's minutes\"""",
        ),
        (
            ('    evidence: "Working groups meet "monthly" now"',),
            (8, 36),
            'a " inside "…" ends the text there: put the text in single quotes instead, like this: '
            """evidence: 'Working groups meet "monthly" now'""",
        ),
        (
            ('    evidence: "monthly" meetings are held',),
            (8, 23),
            'the text in quotes ends at this ", and more text follows it: put the whole value in quotes, '
            """like this: evidence: '"monthly" meetings are held'""",
        ),
        (
            ("    evidence: [draft] charter circulated",),
            (8, 15),
            "text cannot start with [ here: put the whole value in quotes, like this: "
            'evidence: "[draft] charter circulated"',
        ),
        # a ' never closed on its line, closed by the apostrophe of a comment further on
        (
            ("    evidence: 'The board minutes",),
            (8, 15),
            "this quotation mark (') is not closed on its line, so the lines after it are read as its "
            "text, up to the ' on line 9; add the closing ' where the text ends",
        ),
        # invisible and typographic characters from Word, Outlook or another keyboard
        (
            ("\u00a0\u00a0\u00a0\u00a0evidence: Working groups meet monthly.",),
            (8, 1),
            "a no-break space (U+00A0, pasted from Word or Outlook) is used for indentation on this line; "
            "indent with ordinary spaces",
        ),
        (
            ("    evidence:\u00a0Working groups meet monthly.",),
            (8, 14),
            "a no-break space (U+00A0, pasted from Word or Outlook) follows the ':' on this line; "
            "type an ordinary space",
        ),
        (
            ("    evidence： Working groups meet monthly.",),
            (8, 13),
            "： is a full-width colon: type an ordinary colon (:) instead",
        ),
        (
            ("    evidence: “Note: we met”",),
            (8, 15),
            "“ ” are typographic (curly) quotes, which YAML does not read as quotes: type straight ones "
            'instead, like this: evidence: "Note: we met"',
        ),
        (
            ("    evidence: ‘Note: we met’",),
            (8, 15),
            "‘ ’ are typographic (curly) quotes, which YAML does not read as quotes: type straight ones "
            'instead, like this: evidence: "Note: we met"',
        ),
        # indentation: the line that was moved
        (
            ("evidence: Working groups meet monthly.",),
            (8, 1),
            "this line starts further left than the lines above and below it, so the line after it "
            "reads as more of its text: indent it like line 7 (4 spaces)",
        ),
        (
            ("      evidence: Working groups meet monthly.",),
            (8, 7),
            "this line is indented further than line 7 above it, so it reads as more of that line's "
            "text: indent it like line 7 (4 spaces)",
        ),
        # ': ' inside a value
        (
            ("    evidence: Note: we met",),
            (8, 15),
            "this value holds ': ', which YAML reads as the start of another key: put the whole value "
            'in quotes, like this: evidence: "Note: we met"',
        ),
        (
            ("  C1.1: stage: 2",),
            (6, 9),
            "this value holds ': ', which YAML reads as the start of another key: if it is all text, put "
            'the whole value in quotes, like this: C1.1: "stage: 2"',
        ),
    ],
    ids=[
        "continued",
        "block-not-indented",
        "apostrophe",
        "double-quote",
        "text-after-quotes",
        "bracket",
        "unclosed-single",
        "nbsp-indent",
        "nbsp-after-colon",
        "full-width-colon",
        "curly-double",
        "curly-single",
        "column-1",
        "indented-further",
        "colon-in-value",
        "key-in-value",
    ],
)
def test_a_slip_on_the_evidence_line_is_named_where_it_is(
    lines: tuple[str, ...], where: tuple[int, int], words: str
) -> None:
    problem = syntax(edited(6 if lines[0].startswith("  C1.1") else 8, *lines))
    assert (problem.line, problem.column) == where
    assert problem.message == f"not valid YAML: {words} ({REST})"


@pytest.mark.parametrize("symbol", ["*", ">", "&", "@", "`", "%", "-", "?", "|", "!important"])
def test_text_that_starts_with_a_symbol_yaml_keeps_is_told_to_be_quoted(symbol: str) -> None:
    problem = syntax(edited(8, f"    evidence: {symbol} monthly meetings"))
    assert (problem.line, problem.column) == (8, 15)
    assert problem.message == (
        f"not valid YAML: text cannot start with {symbol[0]} here: put the whole value in quotes, "
        f'like this: evidence: "{symbol} monthly meetings" ({REST})'
    )


def test_the_first_line_under_a_key_pushed_to_the_margin_is_told_to_go_under_it() -> None:
    problem = syntax(edited(7, "stage: 2"))
    assert (problem.line, problem.column) == (7, 1)
    assert problem.message == (
        "not valid YAML: this line starts further left than the lines above and below it, so the line "
        f"after it reads as more of its text: indent it under line 6 (4 spaces) ({REST})"
    )


def test_a_list_items_line_indented_back_to_its_dash_says_how_far_it_goes() -> None:
    problem = syntax(edited(13, "      owner: Patricia Huang"))
    assert (problem.line, problem.column) == (13, 7)
    assert problem.message == (
        "not valid YAML: this line lines up with the '- ' on line 12 but does not start with '- ': to be "
        f"part of that item, indent it like 'action' on line 12 (8 spaces) ({REST})"
    )


@pytest.mark.parametrize(
    ("line", "written"),
    [
        # the review's own: ` #1 goal` was meant inside the quotes
        (
            "    evidence: 'Profile adopted: see the board's minutes. #1 goal'",
            """evidence: "Profile adopted: see the board's minutes. #1 goal\"""",
        ),
        # a comment after the closing quote stays a comment
        ("    evidence: 'The board's minutes'  # to check", """evidence: "The board's minutes\""""),
    ],
)
def test_an_apostrophe_is_shown_fixed_with_what_was_meant_inside_the_quotes(line: str, written: str) -> None:
    problem = syntax(edited(8, line))
    assert problem.message.endswith(f", like this: {written} ({REST})")


def test_a_capitalised_word_before_a_colon_is_text_even_where_a_line_starts_with_it() -> None:
    text = edited(8, "    evidence: |", "      Note: minutes posted.", "    notes: Note: we met in May")
    problem = syntax(text)
    assert (problem.line, problem.column) == (10, 12)
    assert (
        'another key: put the whole value in quotes, like this: notes: "Note: we met in May"'
        in problem.message
    )


def test_a_value_cut_by_a_comment_gets_no_suggestion_that_would_lose_its_end() -> None:
    problem = syntax(edited(8, "    evidence: * Monthly meetings  # room #3"))
    assert "like this" not in problem.message
    assert "text cannot start with * here: put the whole value in quotes" in problem.message


@pytest.mark.parametrize(
    "line",
    [
        "    evidence: The “board” met; it’s done – at last",
        "    evidence: “Working groups meet monthly.”",
        "    evidence: ‘Working groups’ meet monthly",
        "    evidence: The board's minutes are on the drive",
    ],
)
def test_typographic_quotes_and_dashes_in_ordinary_text_are_accepted_silently(line: str) -> None:
    assert [problem for problem in problems(edited(8, line)) if problem.code != "not-rated"] == []


def test_a_word_of_one_line_with_no_colon_is_not_taken_for_continued_text() -> None:
    problem = syntax(edited(8, "    evidence: Working groups meet monthly.", "    stage"))
    assert (problem.line, problem.column) == (9, 5)
    assert problem.message == f"not valid YAML: this line has no ':'; write it as 'key: value' ({REST})"


# Property: whatever a hand edit leaves on a line, the problem is on a line of the file, on one line of
# output, says the rest is checked later; and where it shows the value as it should be written, that
# line reads back as the text that was typed.

PIECES = st.sampled_from(
    [
        "a",
        "Minutes",
        " ",
        "  ",
        ": ",
        ":",
        "'",
        '"',
        "“",
        "”",
        "’",
        "–",
        "\u00a0",
        "*",
        "&",
        "!",
        ">",
        "|",
        "@",
        "`",
        "%",
        "- ",
        "? ",
        "[",
        "]",
        "{",
        "}",
        ",",
        " #",
        "\t",
        "\\",
        "key: ",
        "\n",
        "\n    ",
        "\n  ",
        "\nevidence: ",
    ]
)

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.sampled_from([7, 8, 9, 12, 13]), st.lists(PIECES, max_size=12))
def test_any_edit_is_reported_on_a_line_of_the_file(number: int, pieces: list[str]) -> None:
    original = BASE.split("\n")[number - 1]
    indent = original[: len(original) - len(original.lstrip(" "))]
    text = edited(number, indent + "".join(pieces))
    count = len(LINE_BREAKS.split(text))
    for problem in problems(text):
        assert 1 <= problem.line <= count and problem.column >= 1, problem
        if problem.code == "syntax":
            assert REST in problem.message
            assert "\n" not in problem.message


VALUES = st.lists(
    PIECES.filter(lambda piece: "\n" not in piece and piece not in ("\t", " #")), max_size=10
).map(lambda pieces: "".join(pieces).strip(" \u00a0"))


@FUZZ
@given(st.sampled_from(["*", "&", ">", "|", "@", "`", "%", "-", "?", "[", "{", "!", "a: ", "Note: "]), VALUES)
def test_a_value_written_as_the_message_shows_reads_back_as_typed(start: str, rest: str) -> None:
    value = (start + rest).strip(" ")
    text = edited(8, f"    evidence: {value}")
    try:
        yamlsource.parse_fast(text)
    except yamlsource.TextProblem as problem:
        shown = problem.message.partition(", like this: evidence: ")[2].removesuffix(f" ({REST})")
        if problem.line != 8 or not shown or "…" in shown:
            return
        fixed = yamlsource.parse_fast(edited(8, f"    evidence: {shown}"))
        assert fixed["ratings"]["C1.1"]["evidence"] == value
