"""The plan as its readers get it: every variant (full and --brief, both audiences, Markdown and HTML)
holds no command line and no local path, reads in the reader-first order, lists the priorities in
priority order everywhere, and with `--audience public` holds nothing the README says it leaves out.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from pathlib import Path

import pytest

from coalition_cli.core.loading.assessments import load_assessment
from tests.support.paths import ROOT
from tests.support.plan import (  # noqa: F401
    FALL,
    HOSTILE,
    RIVERSIDE_FALL,
    RIVERSIDE_SPRING,
    SPRING,
    at_root,
    command_lines,
    local_paths,
    outline,
    plan,
    plan_text,
)

pytestmark = pytest.mark.usefixtures("at_root")

VARIANTS = list(itertools.product(["coalition", "public"], [False, True], ["md", "html"]))
IDS = [f"{audience}-{'brief' if brief else 'full'}-{fmt}" for audience, brief, fmt in VARIANTS]


@cache
def _riverside(audience: str, brief: bool, fmt: str, as_of: str | None = None) -> str:
    """The Riverside plan since last term, for this reader (as of the assessment's day, or `as_of`)."""
    args = [RIVERSIDE_SPRING, "--since", RIVERSIDE_FALL, "--audience", audience, "--format", fmt, "-o", "-"]
    return plan_text(*args, *(["--as-of", as_of] if as_of else []), *(["--brief"] if brief else []))


def _visible(text: str) -> str:
    """The text a reader sees: for HTML, without the style sheet and the tags."""
    text = re.sub(r"<style>.*?</style>", "", text, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))


@pytest.mark.parametrize(("audience", "brief", "fmt"), VARIANTS, ids=IDS)
def test_no_command_lines_and_no_local_paths(audience: str, brief: bool, fmt: str) -> None:
    text = _riverside(audience, brief, fmt)
    assert command_lines(text) == []
    assert local_paths(text) == []
    for name in ("2026-03-spring", "2025-09-fall", "coalition.yaml", "examples/", str(ROOT)):
        assert name not in text, name


@pytest.mark.parametrize("args", [(SPRING, "--since", FALL), (HOSTILE,), ("tests/fixtures/plan/tiny.yaml",)])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_no_command_lines_in_the_other_plans_either(args: tuple[str, ...], fmt: str) -> None:
    text = plan_text(*args, "--format", fmt, "-o", "-")
    assert command_lines(text) == [] and local_paths(text) == []


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_control_characters_never_reach_a_reader(fmt: str) -> None:
    """The hostile file's notes hold `\\e]0;…\\a` (a terminal's title), `\\e[31m`, a NUL and a form
    feed, and a link holds an escape: the plan shows the text around them, and no control character
    but tab, line feed and carriage return."""
    text = plan_text(HOSTILE, "--format", fmt, "-o", "-")
    assert re.findall(r"[^\S\n\t\r ]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text.replace("\u00a0", "")) == []
    assert "]0;a title" in text and "[31mred" in text.replace("\\[", "[")
    assert re.search(r"a page\W+break", text)  # a form feed: a space, or a line break in a paragraph
    shown = text.replace("\\[", "[")
    assert "https://example.org/[31m" in shown  # the link holding an escape: shown as text, not linked
    assert "example.org/[31m>" not in shown and 'href="https://example.org/[' not in shown
    assert "\u202e" not in text and "this reads backwards" in text  # a bidi override: left out
    assert "https://example.org/fdp.exe" in text  # shown as written, never as a link to "exe.pdf"
    assert "example.org/fdp.exe>" not in text and 'href="https://example.org/fdp' not in text


@pytest.mark.parametrize("brief", [False, True], ids=["full", "brief"])
def test_the_html_reads_in_the_reader_first_order(brief: bool) -> None:
    page = outline(_riverside("coalition", brief, "html"))
    sections = [text for level, text in page.headings if level == 2]
    summary = [text for level, text in page.headings if level == 3][:4]
    assert summary == [
        "Where the coalition stands",
        "What changed since Fall 2025",
        "Priorities",
        "Decisions the coalition needs to make",
    ]
    if brief:
        assert sections == [
            "Summary",
            "The priorities in detail",
            "Actions between meetings",
            "Sources, scoring and glossary",
        ]
    else:
        assert sections == [
            "Summary",
            "The priorities in detail",
            "Actions between meetings",
            "The team’s notes",
            "Where the coalition stands",
            "Domain by domain",
            "Who took part",
            "The coalition: members and structure",
            "Sources, scoring and glossary",
        ]


@pytest.mark.parametrize(("audience", "brief", "fmt"), VARIANTS, ids=IDS)
def test_the_priorities_are_in_priority_order_in_the_summary_and_in_detail(
    audience: str, brief: bool, fmt: str
) -> None:
    text = _riverside(audience, brief, fmt)
    if fmt == "html":
        summary, detail = (_visible(part) for part in text.split('<h2 id="priorities-h">', 1))
        in_summary = re.findall(r"(\d)\. (C\d\.\d) ", summary)
        in_detail = re.findall(r"(\d)\. (C\d\.\d) ", detail)
    else:
        summary, detail = text.split("\n## The priorities in detail\n", 1)
        in_summary = re.findall(r"^\| (\d) \| (C\d\.\d) ", summary, re.MULTILINE)
        in_detail = re.findall(r"^### (\d)\. (C\d\.\d) ", detail, re.MULTILINE)
    expected = [
        (str(n), indicator) for n, indicator in enumerate(["C6.2", "C4.1", "C4.2", "C4.3", "C5.2"], 1)
    ]
    assert in_summary == expected, "the summary, in priority order"
    assert in_detail == expected, "the details, in priority order"
    row = "| {} | {} " if fmt == "md" else "{}. {} "
    team, suggested = summary.index("The team’s priorities"), summary.index("Suggested by this tool")
    assert team < summary.index(row.format(1, "C6.2")) < summary.index(row.format(2, "C4.1")) < suggested
    assert suggested < summary.index(row.format(3, "C4.2"))


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_brief_says_what_it_holds_and_whom_to_ask_for_the_full_plan(fmt: str) -> None:
    """A brief's reader may never see the full plan: its banner describes the brief, not the plan."""
    banner = _visible(_riverside("coalition", True, fmt)).split("Summary", 1)[0]
    assert "this brief names people and holds the summary and the priorities only" in banner
    assert (
        "For the full plan, with every open action and every indicator, ask the facilitator, Dana Whitfield."
        in banner
    )
    assert "keeps the team’s own notes" not in banner
    public = _visible(_riverside("public", True, fmt)).split("Summary", 1)[0]
    assert "this brief holds the summary and the priorities, without people’s names" in public
    assert (
        "For the full public plan, with every open action and every indicator, ask the coalition." in public
    )
    full = _visible(_riverside("coalition", False, fmt)).split("Summary", 1)[0]
    assert "this plan names people and keeps the team’s own notes" in full and "brief" not in full


def test_the_summary_words_the_score_as_readers_see_it() -> None:
    text = _riverside("coalition", True, "md")
    assert "Overall **1.68**, between Emerging and Developing" in text
    assert "14 of 22 indicators at Developing or above" in text
    assert (
        "5 indicators advanced, 1 declined, 15 unchanged. C1.3 Work-based Learning Leadership and C6.1 WBL "
        "Leadership count as one."
    ) in text
    assert "5 of 9 targets set in Fall 2025 reached, 3 not yet, 1 further away" in text
    assert "Further away: C6.2 Employer Engagement (Developing then, Emerging now; target Advancing)" in text
    assert "1.68 Emerging" not in text


UNREADABLE = (
    "whole part",
    "has reached Emerging and lies between",
    "count them once",
    "counts of change",
    "this tool links to it",
    "This tool links none",
    "the rubric links them",
)
"""Sentences a lay reader could not parse (a reader's review of the Riverside plan), in every variant."""


@pytest.mark.parametrize(("audience", "brief", "fmt"), VARIANTS, ids=IDS)
def test_the_plan_says_how_it_counts_in_plain_words(audience: str, brief: bool, fmt: str) -> None:
    text = _visible(_riverside(audience, brief, fmt))
    assert [phrase for phrase in UNREADABLE if phrase in text] == []
    assert (
        "A score counts as a stage once it reaches that stage’s number: 1.50 has reached stage 1 (Emerging), "
        "not yet stage 2 (Developing)."
    ) in text
    assert (
        "C1.3 Work-based Learning Leadership and C6.1 WBL Leadership are described in the same words by the "
        "rubric: they count as one when this plan counts the indicators that moved"
    ) in text
    if not brief:
        assert (
            "The rubric describes C1.3 in the same words as C6.1 WBL Leadership, so they count as one when "
            "this plan counts the indicators that moved."
        ) in text
        assert (
            "No partner to suggest here: none of the sample roles in the Guide is about this indicator."
            in text
        )
        assert "Also helps the coalition to: create the political will; share a common vision;" in text


@pytest.mark.parametrize(("audience", "brief", "fmt"), VARIANTS, ids=IDS)
def test_an_indicator_code_comes_with_its_name(audience: str, brief: bool, fmt: str) -> None:
    """ "(C1.3)" means nothing to a reader who does not know the rubric by heart."""
    text = _visible(_riverside(audience, brief, fmt, as_of="2026-07-01"))
    assert re.findall(r"\(C\d\.\d[);,]", text) == []
    assert "(C6.2 Employer Engagement)" in text  # a late action, in the register and the decisions
    if not brief:
        assert "Hire the WBL coordinator (C1.3 Work-based Learning Leadership)" in text


@pytest.mark.parametrize(("audience", "brief", "fmt"), VARIANTS, ids=IDS)
def test_wbl_is_spelled_out_and_marked_as_this_plans_addition(audience: str, brief: bool, fmt: str) -> None:
    """Headings say "C6.1 WBL Leadership" and the rubric's glossary only defines "Work-based Learning"."""
    glossary = _visible(_riverside(audience, brief, fmt)).split("Glossary", 2)[-1]
    said = {  # in print, one paragraph with the team's own abbreviations, to keep the brief to four pages
        "html": "Abbreviations (this plan’s addition): as “Community Framework” spells them out,",
        "md": "Abbreviations, spelled out as “Community Framework” does in its text (this plan’s addition: "
        "its glossary does not list them):",
    }
    assert said[fmt] in glossary
    assert re.search(r"WBL\W+work-based learning", glossary)
    assert re.search(r"RUSD\W+Riverside Unified School District", glossary)  # the team's own, from a name


@pytest.mark.parametrize(("audience", "brief", "fmt"), VARIANTS, ids=IDS)
def test_wbl_is_spelled_out_under_the_heading_of_a_priority_that_uses_it(
    audience: str, brief: bool, fmt: str
) -> None:
    """Priority 1, C6.2 Employer Engagement, quotes stages that say "WBL": a reader meets it there,
    pages before the glossary. C1.1's stages use no abbreviation: nothing is said under it."""
    text = _riverside(audience, brief, fmt)
    if fmt == "md":
        headings = re.findall(r"^###+ (?:\d\. )?(C\d\.\d) [^\n]*\n\n(\*[^\n]*\*)$", text, flags=re.M)
        tags = dict(headings)  # each indicator in detail: its line of tags
        assert tags["C6.2"].endswith("· WBL: work-based learning*")
        assert "C1.1" not in tags or "work-based learning" not in tags["C1.1"]
    else:
        c62 = text.split('<article class="indicator" id="indicator-c6-2"', 1)[1].split("</article>", 1)[0]
        assert '<p class="spelled-out">WBL: work-based learning</p>' in c62
        for article in text.split('<article class="indicator" id="indicator-c1-1"')[1:]:
            assert "spelled-out" not in article.split("</article>", 1)[0]


DECISION = re.compile(r"^(Whether|Who|Whom|What|How|By when) ")


@pytest.mark.parametrize(("audience", "brief", "fmt"), VARIANTS, ids=IDS)
def test_each_decision_is_worded_as_one(audience: str, brief: bool, fmt: str) -> None:
    """The summary asks for decisions, and promises no resources the files do not record."""
    text = _riverside(audience, brief, fmt, as_of="2026-04-10")
    if fmt == "md":
        section = text.split("### Decisions the coalition needs to make\n", 1)[1].split("\n## ", 1)[0]
        items = [line[2:] for line in section.splitlines() if line.startswith("- ")]
    else:
        section = text.split('<h3 id="summary-needs">Decisions the coalition needs to make</h3>', 1)[1]
        items = re.findall(r"<li>(.*?)</li>", section.split("</ul>", 1)[0])
    assert len(items) == 4, items
    assert [item for item in items if not DECISION.match(item)] == []
    assert "resources" not in _visible(text).split("The priorities in detail", 1)[0]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_summary_is_a_ten_minute_read(fmt: str) -> None:
    text = _visible(_riverside("coalition", False, fmt))
    summary = text.split("The priorities in detail", 1)[0]
    assert len(summary.split()) < 10 * 230 / 2, "well under ten minutes at 230 words a minute"


# --- attribution ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_tools_suggestions_are_labelled_and_the_sources_quoted(fmt: str) -> None:
    text = _visible(_riverside("coalition", False, fmt))
    assert "The Guide names no partner role" not in text and "work for the whole coalition" not in text
    assert "the Guide’s sample responsibilities for" not in text and "(Guide, Step 4)" not in text
    labelled = re.findall(r"Who could help\W+this tool’s suggestion", text)
    assert len(labelled) == text.count("Who could help") == 22, "every indicator in detail, each labelled"
    assert (
        "Also helps the coalition to: share accountability (a coalition function in the Guide, Step 4)."
        in text
    )
    assert "Why it matters (this tool’s summary of the Guide):" not in text  # every group is at the table
    # the Framework's own work-based learning intermediary, quoted, for C1.3, C6.1 and C6.2
    quote = "(such as a work-based learning intermediary or non-profit organization)"
    assert text.count(quote) == 3
    assert "“Provide work-based learning opportunities for students”" in text, "the Guide, word for word"


def test_the_brief_names_the_suggested_partners_and_leaves_the_quotes_to_the_full_plan() -> None:
    text = _riverside("coalition", True, "md")
    assert (
        "**Who could help** (this tool’s suggestion): Work-based learning intermediary (named in “Community Framework”)"
        in text
    )


# --- audiences -----------------------------------------------------------------------------------


def _people() -> dict[str, set[str]]:
    """Everything `--audience public` must leave out of the Riverside plan, read from the files."""
    spring, fall = load_assessment(ROOT / RIVERSIDE_SPRING), load_assessment(ROOT / RIVERSIDE_FALL)
    names = {p.name for a in (spring, fall) for p in a.assessment.participants}
    assert spring.profile is not None
    names |= {r.name for member in spring.profile.members for r in member.representatives}
    names |= {a.assessment.facilitator for a in (spring, fall) if a.assessment.facilitator}
    raters = {
        load_assessment(path).assessment.facilitator or ""
        for path in sorted((ROOT / RIVERSIDE_SPRING).parent.joinpath("raters").glob("*.yaml"))
    }
    notes = [spring.assessment.notes or ""]
    notes += [rating.notes for rating in spring.assessment.ratings.values() if rating and rating.notes]
    roles = {p.role for p in spring.assessment.participants if p.role}
    return {
        "names": names | raters,
        "first and last names": {
            part for name in names | raters for part in (name.split()[0], name.split()[-1])
        },
        "notes": {
            sentence.strip() for note in notes for sentence in note.split(".") if len(sentence.split()) > 4
        },
        "roles": roles,
    }


@pytest.mark.parametrize(("brief", "fmt"), [(b, f) for b in (False, True) for f in ("md", "html")])
def test_the_public_plan_leaves_out_notes_raters_and_names(brief: bool, fmt: str) -> None:
    public = _visible(_riverside("public", brief, fmt))
    coalition = _visible(_riverside("coalition", brief, fmt))
    found = {
        what: sorted(
            item for item in items if re.search(rf"(?<!\w){re.escape(' '.join(item.split()))}(?!\w)", public)
        )
        for what, items in _people().items()
    }
    assert found == {what: [] for what in found}
    assert "Dana Whitfield" in coalition and "Angela Ruiz" in coalition, "the coalition's own plan keeps them"
    assert re.search(
        r"For sharing: this (version leaves out|brief holds the summary and the priorities, without) people’s names",
        public,
    )
    assert "Riverside Regional Medical Center" in public, "organizations stay"
    raw_public, raw_coalition = _riverside("public", brief, fmt), _riverside("coalition", brief, fmt)
    assert "drive.example.org" not in raw_public, "links to the team's drive are left out"
    if not brief:
        assert "drive.example.org/riverside-pathways/minutes" in raw_coalition
        assert "Riverside Parents for Pathways" in public and "Who took part" in public
        assert re.search(r"\\?\[a representative of Arroyo Data Systems\\?\]", public), (
            "a name in the evidence is replaced"
        )


def test_the_public_html_goes_beside_the_assessment_under_its_own_name(tmp_path: Path) -> None:
    source = tmp_path / "spring.yaml"
    source.write_text((ROOT / SPRING).read_text(encoding="utf-8"), encoding="utf-8")
    result = plan(source, "--format", "html", "--audience", "public")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "spring.public.html").is_file() and not (tmp_path / "spring.html").exists()
    assert "Read the evidence before sharing" in " ".join(result.stdout.split())


def test_after_a_whole_public_page_the_terminal_offers_the_brief_for_phones(tmp_path: Path) -> None:
    """The whole public plan is some 70 phone screens: a parent wants the brief, written beside it."""
    import shlex

    for name in ("2026-03-spring.yaml", "2025-09-fall.yaml", "coalition.yaml"):
        (tmp_path / name).write_bytes((ROOT / RIVERSIDE_SPRING).parent.joinpath(name).read_bytes())
    spring, fall = tmp_path / "2026-03-spring.yaml", tmp_path / "2025-09-fall.yaml"
    result = plan(spring, "--since", fall, "--audience", "public", "--format", "html")
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if "For parents and phones" in line)
    command = shlex.split(line.split(": ", 1)[1])
    assert command[:2] == ["coalition", "plan"] and "--brief" in command and "--audience" in command
    again = plan(*command[2:])
    assert again.exit_code == 0, again.output
    assert (tmp_path / "2026-03-spring.public.html").is_file(), "the whole public plan stays"
    brief = (tmp_path / "2026-03-spring.public-brief.html").read_text(encoding="utf-8")
    assert "this brief holds the summary and the priorities" in brief and "Compared with Fall 2025" in brief
    assert "For parents and phones" not in again.stdout, "the brief is the short version already"
    coalition = plan(spring, "--format", "html", "-o", tmp_path / "own.html")
    assert "For parents and phones" not in coalition.stdout, "the coalition's own plan is not for parents"
    named = plan(spring, "--audience", "public", "--format", "html", "-o", tmp_path / "plan-public.html")
    assert "-o " + shlex.quote(str(tmp_path / "plan-public-brief.html")) in " ".join(named.stdout.split())


def test_the_readme_lists_what_each_audience_leaves_out() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Who a plan is for", 1)[1].split("\n## ", 1)[0]
    for item in (
        "`notes`",
        "individual raters",
        "participants",
        "representatives",
        "action owners",
        "facilitator",
    ):
        assert item in section, item


# --- reading time --------------------------------------------------------------------------------

READING_ROWS = {
    "the summary alone": ("coalition", False, True),
    "`--brief`": ("coalition", True, False),
    "`--brief --audience public`": ("public", True, False),
    "the whole plan": ("coalition", False, False),
    "the whole plan, `--audience public`": ("public", False, False),
}


def _words(audience: str, brief: bool, summary_only: bool) -> int:
    """The words a reader reads: the Markdown plan rendered (as GitHub does), without its markup."""
    from tests.support.plan import gfm_html

    markdown = _riverside(audience, brief, "md")
    if summary_only:
        markdown = markdown.split("\n## The priorities in detail\n", 1)[0]
    return len(re.sub(r"<[^>]+>", " ", gfm_html(markdown)).split())


def test_the_readmes_reading_times_are_the_plans() -> None:
    """Words ÷ 230 a minute, to the nearest minute; the README's figures may lag the plan by a few words
    (5% of the words, half a minute and a little) before this fails."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- reading times: begin", 1)[1].split("<!-- reading times: end", 1)[0]
    rows = dict(re.findall(r"^\| (.+?) \| ([\d,]+) \| \d+ minutes? \|$", table, re.MULTILINE))
    minutes = dict(re.findall(r"^\| (.+?) \| [\d,]+ \| (\d+) minutes? \|$", table, re.MULTILINE))
    assert set(rows) == set(READING_ROWS)
    for label, variant in READING_ROWS.items():
        words = _words(*variant)
        assert abs(words - int(rows[label].replace(",", ""))) <= 0.05 * words, (label, words)
        assert abs(int(minutes[label]) - words / 230) <= 0.6, (label, words)
    assert int(minutes["`--brief`"]) <= 10, "the brief plan is a ten-minute read"


def test_a_rubric_of_only_stages_is_never_promised_guidance_it_does_not_have() -> None:
    """The test rubric gives no foundational steps, reflection questions or glossary: the plan says
    nothing about them and draws no empty box for them."""
    small = ROOT / "tests" / "fixtures" / "scoring" / "small-spring.yaml"
    for fmt in ("md", "html"):
        text = plan_text(small, "--format", fmt, "-o", "-")
        assert "foundational steps" not in text.lower()
        assert "reflect" not in text.lower()
        assert "The stage descriptions quoted in this plan are its words, exactly." in text
        assert "For each domain, each of its indicators below Bloom that is not a priority" in text
        assert 'class="guidance"' not in text
    riverside = plan_text(RIVERSIDE_SPRING)
    assert (
        "For each domain: its foundational steps and the questions to reflect on, in the words of"
        in riverside
    )
    assert (
        "quoted in this plan, its foundational steps, reflection questions and glossary, are its words"
        in riverside
    )
    assert "quoted in this plan, and its glossary, are its words" in plan_text(RIVERSIDE_SPRING, "--brief")


def test_the_chart_caption_names_every_stage_the_chart_may_not_have_room_for(tmp_path: Path) -> None:
    """With long stage names the domain chart shows stage numbers only: its caption names them all."""
    rubric = (ROOT / "tests" / "fixtures" / "scoring" / "two-domain-rubric.yaml").read_text(encoding="utf-8")
    long_names = {
        "Seed": "Not yet begun anywhere",
        "Sprout": "Partly in place today",
        "Bloom": "Fully embedded everywhere",
    }
    for short, long in long_names.items():
        rubric = rubric.replace(f"name: {short}", f"name: {long}")
    (tmp_path / "rubric.yaml").write_text(rubric, encoding="utf-8")
    spring = (ROOT / "tests" / "fixtures" / "scoring" / "small-spring.yaml").read_text(encoding="utf-8")
    spring = re.sub(r"(?m)^framework:.*$", "framework: rubric.yaml", spring)
    for number, short in enumerate(long_names, start=1):
        spring = spring.replace(f": {short}\n", f": {number}\n")
    (tmp_path / "spring.yaml").write_text(spring, encoding="utf-8")
    page = plan_text(tmp_path / "spring.yaml", "--format", "html", "-o", "-")
    assert (
        "on the rubric’s scale of 1 Not yet begun anywhere, 2 Partly in place today, 3 Fully embedded everywhere"
        in page
    )


def test_a_public_plan_on_standard_output_still_reminds_the_terminal_to_read_it_first() -> None:
    result = plan(SPRING, "--audience", "public", "-o", "-")
    assert result.exit_code == 0, result.output
    assert "Read the evidence before sharing" in " ".join(result.stderr.split())
    assert "Read the evidence" not in result.stdout  # the plan itself carries no such line
    coalition = plan(SPRING, "-o", "-")
    assert "Read the evidence" not in coalition.stderr


def test_an_assessment_dated_after_today_is_said_to_be_and_the_plan_is_dated_then(tmp_path: Path) -> None:
    import datetime as dt

    from coalition_cli.core.wording import long_date

    later = dt.date.today() + dt.timedelta(days=60)
    source = tmp_path / "next.yaml"
    text = (ROOT / SPRING).read_text(encoding="utf-8")
    source.write_text(
        re.sub(r"(?m)^assessed_on: .*$", f"assessed_on: {later.isoformat()}", text), encoding="utf-8"
    )
    from typer.testing import CliRunner

    from coalition_cli.cli.app import app

    result = CliRunner().invoke(app, ["--no-color", "plan", str(source), "-o", "-"])  # as of today
    assert result.exit_code == 0, result.output
    warning = " ".join(result.stderr.split())
    assert f"is dated {long_date(later)}, after today ({long_date(dt.date.today())})" in warning
    assert f"Plan prepared on {long_date(later)}" in result.stdout
    past = CliRunner().invoke(app, ["--no-color", "plan", str(ROOT / SPRING), "-o", "-"])
    assert past.exit_code == 0 and "after today" not in past.stderr  # an assessment of the past: no warning


def test_a_score_from_few_indicators_says_so_and_so_does_a_change_between_different_ones(
    tmp_path: Path,
) -> None:
    """A reviewer's first terms: 8 of 22 rated, then 7, 6 of them both times. The summary gave
    '1.92' and 'Overall −0.17' as if from the whole rubric and the same indicators."""
    from tests.support.scoring import write_assessment

    first = {"C1.1": 2, "C1.2": 2, "C1.3": 1, "C2.1": 3, "C2.2": 3, "C3.1": 2, "C3.2": 2, "C3.3": 1}
    second = {"C1.1": 2, "C1.2": 2, "C1.3": 2, "C2.1": 2, "C3.1": 2, "C3.2": 1, "C4.1": 1}
    fall = write_assessment(tmp_path / "fall.yaml", first, assessed_on="2026-09-10", term="Fall 2026")
    spring = write_assessment(tmp_path / "spring.yaml", second, assessed_on="2027-03-10", term="Spring 2027")
    text = " ".join(plan_text(spring, "--since", fall).split())
    assert "Overall **1.63** (from 7 of 22 indicators, in 4 of 7 domains), between" in text
    assert "| C2 Core Beliefs and Values | 2.00 (1 of 4 rated) |" in text
    assert "The two scores come from different indicators: 8 rated then, 7 now, 6 of them both times." in text


def test_a_suggested_priority_ranks_its_domain_among_those_rated_and_only_when_it_is_low(
    tmp_path: Path,
) -> None:
    """A reviewer's 'Leadership Structures, at 2.25, is 3rd lowest of 3 domains' (the highest), and
    'the lowest of 3 domains' beside a table of 7."""
    from tests.support.scoring import write_assessment

    stages = {"C1.1": 3, "C1.2": 2, "C1.3": 2, "C1.4": 2, "C2.1": 2, "C2.2": 2, "C3.1": 1, "C3.2": 1}
    spring = write_assessment(tmp_path / "spring.yaml", stages, assessed_on="2027-03-10")
    text = " ".join(plan_text(spring).split())
    assert "Equity, Access, and Success, scores 1.00, the lowest of the 3 domains rated so far." in text
    assert "3rd lowest" not in text and "lowest of 3 domains)" not in text
