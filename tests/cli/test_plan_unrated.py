"""The plan's "Not yet rated" section keeps what the team wrote on an indicator before rating it:
the evidence (names replaced for the public) and the notes (the coalition's plan only)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from tests.support.custom_rubric import write_rubric
from tests.support.plan import plan_text

EVIDENCE = "Two employers met with Tom Okafor in May.\n\nA survey of 40 employers is planned for June."
NOTES = "Ask the chamber before rating."


def _assessment(folder: Path, unrated: str, also: str = "") -> Path:
    """A file on a custom rubric: D-a rated 1, D-b not rated, written as `unrated`; with `also`, a
    third indicator, D-c, not rated either, written as `also`."""
    write_rubric(folder / "rubric.yaml", domains={"D": ["D-a", "D-b", *(["D-c"] if also else [])]})
    text = (
        "framework: rubric.yaml\n"
        "coalition: Lakeside\n"
        "assessed_on: 2026-03-14\n"
        "participants:\n"
        "  - name: Tom Okafor\n"
        "    organization: Lakeside Chamber of Commerce\n"
        "ratings:\n"
        "  D-a:\n"
        "    stage: 1\n"
        "  D-b:\n" + unrated + (f"  D-c:\n{also}" if also else "")
    )
    path = folder / "assessment.yaml"
    path.write_text(text, encoding="utf-8")
    return path


WRITTEN = "    evidence: |-\n      Two employers met with Tom Okafor in May.\n\n      A survey of 40 employers is planned for June.\n    notes: Ask the chamber before rating.\n"


def _section(markdown: str) -> str:
    return markdown.split("## Not yet rated", 1)[1].split("\n## ", 1)[0]


class _Items(HTMLParser):
    """The text of each list item of the "Not yet rated" section, and each paragraph's class in it."""

    def __init__(self) -> None:
        super().__init__()
        self.inside, self.items, self.classes = False, list[str](), list[str]()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section" and ("id", "not-yet-rated") in attrs:
            self.inside = True
        elif self.inside and tag == "li":
            self.items.append("")
        elif self.inside and tag == "p" and self.items:
            self.classes.append(dict(attrs).get("class") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside and self.items:
            self.items[-1] += data


def _items(html: str) -> _Items:
    parser = _Items()
    parser.feed(html)
    return parser


def test_evidence_and_notes_on_an_unrated_indicator_are_in_the_coalitions_plan(tmp_path: Path) -> None:
    path = _assessment(tmp_path, WRITTEN)
    section = _section(plan_text(path, "-o", "-"))
    assert "not in the scores; what the team wrote so far is under it:" in section
    assert (
        "- D-b Indicator D-b (Domain D)\n\n"
        "  **Evidence so far:** Two employers met with Tom Okafor in May.\n\n"
        "  A survey of 40 employers is planned for June.\n\n"
        "  **The team’s notes:** Ask the chamber before rating.\n"
    ) in section

    items = _items(plan_text(path, "--format", "html", "-o", "-"))
    assert len(items.items) == 1
    assert "Evidence so far: Two employers met with Tom Okafor in May." in items.items[0]
    assert "The team’s notes: Ask the chamber before rating." in items.items[0]
    assert items.classes == ["evidence", "notes"]


def test_the_public_plan_keeps_the_evidence_without_names_and_leaves_the_notes_out(tmp_path: Path) -> None:
    path = _assessment(tmp_path, WRITTEN)
    for fmt in ("md", "html"):
        text = plan_text(path, "--format", fmt, "--audience", "public", "-o", "-")
        text = text.replace("\\[", "[").replace("\\]", "]")  # as Markdown escapes them
        assert "Evidence so far:" in text
        assert "Two employers met with [a representative of Lakeside Chamber of Commerce] in May." in text
        assert "Tom Okafor" not in text and "Okafor" not in text
        assert "Ask the chamber" not in text and "The team’s notes" not in text


def test_an_unrated_indicator_with_nothing_written_is_listed_as_before(tmp_path: Path) -> None:
    path = _assessment(tmp_path, "    evidence: '  '\n")
    section = _section(plan_text(path, "-o", "-"))
    assert (
        "1 indicator is not rated yet, so it is not in the scores:\n\n- D-b Indicator D-b (Domain D)\n"
        in section
    )
    assert "so far" not in section
    html = plan_text(path, "--format", "html", "-o", "-")
    assert re.search(r"<li>D-b Indicator D-b <span class=\"domain-name\">\(Domain D\)</span></li>", html)


def test_when_only_some_have_writing_the_lead_in_says_how_many(tmp_path: Path) -> None:
    path = _assessment(tmp_path, WRITTEN, also="    stage:\n")
    section = _section(plan_text(path, "-o", "-"))
    assert (
        "2 indicators are not rated yet, so they are not in the scores; "
        "what the team wrote on 1 of them so far is under it:"
    ) in section
    assert "- D-c Indicator D-c (Domain D)\n" in section


def test_blank_evidence_on_a_rated_indicator_is_none_recorded(tmp_path: Path) -> None:
    """`evidence: '   '` on a rated indicator: "none recorded yet.", not "Evidence:" and nothing."""
    path = _assessment(tmp_path, "    stage: 1\n    evidence: '   '\n    notes: ' '\n")
    markdown = plan_text(path, "-o", "-")
    assert "**Evidence:** none recorded yet." in markdown
    assert not re.search(r"\*\*Evidence:\*\* *\n", markdown)
    assert "The team’s notes:** \n" not in markdown and "The team’s notes:** " not in markdown
    html = plan_text(path, "--format", "html", "-o", "-")
    assert '<span class="missing">none recorded yet.</span>' in html
