"""The plan's summary read alone, by someone new to it: an overdue next action says so where it is
shown and the decisions count the overdue actions; the Markdown writes every date as the HTML does
(long, unbroken in a table); and the Guide is named in full where a reader first meets it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.support.plan import RIVERSIDE, RIVERSIDE_FALL, RIVERSIDE_SPRING, at_root, gfm_tables, plan_text  # noqa: F401

NBSP = "\u00a0"


def _late_spring(tmp_path: Path, assessed_on: str = "2026-12-02") -> Path:
    """Riverside's spring assessment, as if the meeting were held on `assessed_on`."""
    shutil.copy(RIVERSIDE / "coalition.yaml", tmp_path / "coalition.yaml")
    text = re.sub(
        r"(?m)^assessed_on: .*$", f"assessed_on: {assessed_on}", RIVERSIDE_SPRING.read_text("utf-8")
    )
    path = tmp_path / "late.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _summary_md(text: str) -> str:
    return text.split("## Summary", 1)[1].split("## The priorities in detail", 1)[0]


def _summary_html(text: str) -> str:
    return text.split('<section id="summary"', 1)[1].split("</section>", 1)[0]


@pytest.mark.usefixtures("at_root")
def test_an_overdue_next_action_says_so_in_the_summary(tmp_path: Path) -> None:
    summary = _summary_md(plan_text(_late_spring(tmp_path), "--brief", "-o", "-"))
    row = next(line for line in summary.splitlines() if "help-desk interns" in line)
    assert row.endswith(f"15{NBSP}April{NBSP}2026, **231 days late** |"), row
    html = _summary_html(plan_text(_late_spring(tmp_path), "--brief", "--format", "html", "-o", "-"))
    assert '15 April 2026</time>, <strong class="overdue nowrap">231 days late</strong>' in html


@pytest.mark.usefixtures("at_root")
def test_the_decisions_count_every_overdue_action(tmp_path: Path) -> None:
    text = plan_text(_late_spring(tmp_path), "--brief", "-o", "-")
    decisions = _summary_md(text).split("### Decisions the coalition needs to make", 1)[1]
    # as the register counts them: every open action of the assessment is past due on 2 December
    assert "11 open (11 overdue)" in text
    assert (
        "- What to do about each of the 11 actions late on 2 December 2026: a new date, a new owner, or drop it.\n"
    ) in decisions


@pytest.mark.usefixtures("at_root")
def test_one_overdue_action_is_named_with_its_days(tmp_path: Path) -> None:
    # on 10 April only the equity check (due 9 April) is late, by a day
    text = plan_text(_late_spring(tmp_path, "2026-04-10"), "--brief", "-o", "-")
    assert (
        "- What to do about “Add an equity check (who benefits, who is left out) to the working group agenda "
        "template” (C3.2 Equity Principles), 1 day late on 10 April 2026: a new date, a new owner, or drop it.\n"
    ) in _summary_md(text)


@pytest.mark.usefixtures("at_root")
def test_nothing_is_flagged_when_nothing_is_overdue() -> None:
    for fmt in ("md", "html"):
        text = plan_text(RIVERSIDE_SPRING, "--since", RIVERSIDE_FALL, "--format", fmt, "-o", "-")
        assert "overdue**" not in text and 'class="overdue"' not in text
        assert "What to do about" not in text


@pytest.mark.usefixtures("at_root")
def test_the_markdown_writes_long_dates_that_do_not_break_in_a_table(tmp_path: Path) -> None:
    text = plan_text(RIVERSIDE_SPRING, "--since", RIVERSIDE_FALL, "-o", "-")
    body = re.sub(r"<https?://[^>]*>", "", text.split("\n", 1)[1])  # after the marker; links as written
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", body), "ISO dates in the Markdown plan"
    details = [t.texts for t in gfm_tables(text) if t.texts[:1] == [["Action", "Owner", "Due", "Status"]]]
    rows = [row for table in details for row in table]
    publish = next(row for row in rows if row[0] == "Publish baseline values for all nine indicators")
    assert publish[2:] == ["14 May 2026", "planned"]  # its own cell, as GitHub renders it
    assert f"| 14{NBSP}May{NBSP}2026 | planned |" in text  # no-break spaces: the date never wraps


GUIDE_IN_FULL = "ConnectED’s Guide to Building a Broad-Based Coalition"


def _first_guide(text: str) -> str:
    """The words around the first mention of the Guide in a plan's body (after its head and marker)."""
    body = text.split("<body>", 1)[-1].split("\n", 1)[1]
    at = body.index("Guide")
    return body[max(0, at - 60) : at + 60]


@pytest.mark.usefixtures("at_root")
@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("extra", [(), ("--brief",), ("--audience", "public")])
def test_the_guide_is_named_in_full_where_a_reader_first_meets_it(fmt: str, extra: tuple[str, ...]) -> None:
    text = plan_text(RIVERSIDE_SPRING, "--since", RIVERSIDE_FALL, "--format", fmt, *extra, "-o", "-")
    assert GUIDE_IN_FULL in _first_guide(text)
    assert "the Guide’s Step 6" in text or "--brief" not in extra  # and "the Guide" after
    assert "named representative of their member" not in text and "of a member" not in text


@pytest.mark.usefixtures("at_root")
def test_a_plan_without_participants_still_names_the_guide_before_using_it(tmp_path: Path) -> None:
    shutil.copy(RIVERSIDE / "coalition.yaml", tmp_path / "coalition.yaml")
    text = RIVERSIDE_SPRING.read_text("utf-8")
    no_one = re.sub(r"(?ms)^participants:\n(?:  .*\n)+", "", text)
    assert "participants:" not in no_one
    (tmp_path / "no-one.yaml").write_text(no_one, encoding="utf-8")
    plan = plan_text(tmp_path / "no-one.yaml", "--brief", "-o", "-")
    assert f"; on building the coalition: {GUIDE_IN_FULL}." in plan
    assert GUIDE_IN_FULL in _first_guide(plan)


@pytest.mark.usefixtures("at_root")
def test_the_caution_about_one_person_reads_plainly() -> None:
    text = plan_text(RIVERSIDE_SPRING, "--brief", "-o", "-")
    assert (
        "are each the only person named to represent their organization in the coalition. As the Guide puts "
        "it, the coalition “cannot depend solely"
    ) in text


def test_the_bundled_guides_full_name_is_the_one_commands_use_without_loading_it() -> None:
    from coalition_cli.core.loading.frameworks import load_guide
    from coalition_cli.core.model.guide import BUNDLED_NAME

    assert load_guide().full_name == BUNDLED_NAME == GUIDE_IN_FULL


@pytest.mark.usefixtures("at_root")
def test_an_action_without_an_owner_or_a_date_asks_who_and_by_when(tmp_path: Path) -> None:
    shutil.copy(RIVERSIDE / "coalition.yaml", tmp_path / "coalition.yaml")
    text = RIVERSIDE_SPRING.read_text("utf-8")
    text = text.replace(
        "        owner: Samuel Okafor (Cal State Riverside)\n        due: 2026-06-30\n", "", 1
    ).replace(
        "        owner: Maria Lopez (RUSD Research and Assessment)\n        due: 2026-05-14\n",
        "        owner: Maria Lopez (RUSD Research and Assessment)\n",
        1,
    )
    (tmp_path / "open.yaml").write_text(text, encoding="utf-8")
    decisions = _summary_md(plan_text(tmp_path / "open.yaml", "--brief", "-o", "-")).split(
        "### Decisions the coalition needs to make", 1
    )[1]
    assert (
        "- Who owns “Sign the three-way data-sharing agreement (RUSD, RCC, Cal State Riverside)” "
        "(C4.1 Shared Accountability), and by when.\n"
    ) in decisions
    assert (
        "- By when “Publish baseline values for all nine indicators” (C4.1 Shared Accountability) is due.\n"
        in decisions
    )


def _rolled_forward(tmp_path: Path, *rated: str) -> Path:
    """Next term's file made from Riverside's spring one, as a coordinator makes it, with only `rated`
    (`C1.1=3`…) rated so far: the spring file's 14 targets followed up."""
    from typer.testing import CliRunner

    from coalition_cli.cli.app import app

    tmp_path.mkdir(exist_ok=True)
    for name in ("coalition.yaml", RIVERSIDE_SPRING.name):
        shutil.copy(RIVERSIDE / name, tmp_path / name)
    fall = tmp_path / "2026-09-fall.yaml"
    runner = CliRunner()
    for args in (
        ["init", str(fall), "--from", str(tmp_path / RIVERSIDE_SPRING.name), "--term", "Fall 2026"],
        ["rate", str(fall), *rated],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    return fall


@pytest.mark.parametrize("html", [False, True])
def test_targets_not_yet_reached_are_listed_apart_from_those_not_rated(tmp_path: Path, html: bool) -> None:
    """ "2 not yet, 10 not rated", then "Not yet:" listing twelve, the two last: the list said other
    than its sentence."""
    fall = _rolled_forward(tmp_path, "C1.1=3", "C1.2=3", "C1.3=2", "C1.4=2", "C6.2=2")
    spring = tmp_path / RIVERSIDE_SPRING.name
    args = ("--since", spring, "--brief", "-o", "-", *(["--format", "html"] if html else []))
    text = plan_text(fall, *args)
    summary = " ".join(re.sub("<[^>]+>", "", (_summary_html if html else _summary_md)(text)).split())
    assert "2 of 15 targets set in Spring 2026 reached, 2 not yet, 11 not rated." in summary
    assert "Not yet: C1.3 Work-based Learning Leadership, C1.4 Cross Systems Alignment." in summary
    assert "Not rated this term" not in summary, "eleven are counted, not named"
    rated = "C1.2=3 C1.3=3 C1.4=2 C2.1=3 C2.3=2 C3.1=3 C3.2=3 C3.3=2 C4.2=2 C5.2=2 C6.2=2 C6.3=2"
    fall = _rolled_forward(tmp_path / "more", *rated.split())  # all but C4.1, C7.1 and C7.2 of the targets
    text = plan_text(fall, "--since", tmp_path / "more" / RIVERSIDE_SPRING.name, *args[2:])
    summary = " ".join(re.sub("<[^>]+>", "", (_summary_html if html else _summary_md)(text)).split())
    assert ", 3 not rated. " in summary
    assert (
        "Not rated this term: C4.1 Shared Accountability, C7.1 Communication Protocols, C7.2 Shared Messaging."
        in summary
    )


def test_a_partly_rated_term_suggests_only_low_stages_and_says_of_how_many(tmp_path: Path) -> None:
    """With 5 of 22 rated, C1.1 at Advancing (3 of 4) was suggested as "a low stage", "among the
    lowest stages still to improve", in the public brief too."""
    fall = _rolled_forward(tmp_path, "C1.1=3", "C1.2=3", "C1.3=2", "C1.4=2", "C6.2=2")
    text = plan_text(fall, "-o", "-")
    summary = " ".join(_summary_md(text).split())
    assert "C1.1 Executive Leadership (suggested" not in summary
    assert "C1.2 Operational Working Groups (suggested" not in summary
    assert "a low stage" not in summary
    assert "C1.4 Cross Systems Alignment (suggested: the lowest stage)" in summary
    assert (
        "Rated Developing (stage 2 of 4), the lowest stage still to improve of the 5 indicators rated so far"
        in " ".join(text.split())
    )
