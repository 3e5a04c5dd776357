"""The day a plan is made (`--as-of`, default today): printed at the top, and the actions late by then
marked as late, in the summary, the priorities and the register, exactly as `coalition actions --as-of`
counts them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core.wording import long_date
from tests.support.plan import (  # noqa: F401
    RIVERSIDE_FALL,
    RIVERSIDE_SPRING,
    at_root,
    gfm_tables,
    plan,
    plan_text,
)

pytestmark = pytest.mark.usefixtures("at_root")

NBSP = "\u00a0"


def test_the_plan_says_the_day_it_was_made_and_what_is_late_by_then() -> None:
    text = plan_text(RIVERSIDE_SPRING, "--since", RIVERSIDE_FALL, "--as-of", "2026-04-20")
    head = text.split("## Summary", 1)[0]
    assert "Assessed 14 March 2026" in head and "Plan prepared on 20 April 2026." in head
    row = next(line for line in text.splitlines() if line.startswith("| 1 | C6.2"))
    assert row.endswith(f"| 15{NBSP}April{NBSP}2026, **5 days late** |"), "the summary's next action"
    assert f"| 15{NBSP}April{NBSP}2026 | in progress, **5 days late** |" in text, "the priority's actions"
    assert "11 open (2 overdue)" in text
    assert (
        "Due before 20 April 2026, the day this plan was prepared, and not marked done or dropped at the "
        "assessment (14 March 2026)."
    ) in text
    assert "None is overdue" not in text


def test_a_plan_made_on_the_day_of_its_assessment_finds_nothing_late() -> None:
    text = plan_text(RIVERSIDE_SPRING, "--since", RIVERSIDE_FALL, "--as-of", "2026-03-14")
    assert "Plan prepared on 14 March 2026." in text
    assert "None is overdue on 14 March 2026, the day this plan was prepared." in text
    assert "days late" not in text and "statuses recorded" not in text


@pytest.mark.parametrize("day", ["2026-03-14", "2026-04-10", "2026-04-20", "2026-07-01"])
def test_the_plan_and_the_actions_list_agree_on_what_is_late(day: str) -> None:
    """The reader of both documents finds the same actions late, by the same number of days."""
    result = CliRunner().invoke(
        app,
        [
            "--no-color",
            "actions",
            str(RIVERSIDE_FALL),
            str(RIVERSIDE_SPRING),
            "--as-of",
            day,
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    listed = sorted(
        (action["action"], action["days_late"])
        for action in json.loads(result.stdout)["actions"]
        if action["state"] == "overdue"
    )
    text = plan_text(RIVERSIDE_SPRING, "--since", RIVERSIDE_FALL, "--as-of", day)
    late = [t for t in gfm_tables(text) if t.texts[:1] == [["Action", "Owner", "Due", "Late by"]]]
    rows = [row for table in late for row in table.texts[1:]]
    in_plan = sorted(
        (next(name for name, _ in listed if row[0].startswith(name)), int(row[3].split()[0])) for row in rows
    )
    assert in_plan == listed
    assert f"{len(listed)} overdue" in text if listed else "None is overdue" in text


def test_without_as_of_the_plan_is_made_today() -> None:
    result = CliRunner().invoke(app, ["--no-color", "plan", str(RIVERSIDE_SPRING)])
    assert result.exit_code == 0, result.output
    assert f"Plan prepared on {long_date(dt.date.today())}." in result.stdout


def test_a_plan_cannot_be_made_before_its_assessment() -> None:
    result = plan(RIVERSIDE_SPRING, "--as-of", "2026-03-13")
    assert result.exit_code == 2
    assert "--as-of 2026-03-13 is before the assessment (2026-03-14)" in result.output
    result = plan(RIVERSIDE_SPRING, "--as-of", "someday")
    assert result.exit_code == 2
    assert "'someday' is not a date: write it year-month-day" in result.output


def test_actions_that_fell_due_after_the_assessment_are_called_late_with_a_note_at_the_terminal() -> None:
    """Their statuses were recorded before they were due: the plan cannot know they are not done,
    and the coordinator is told before sharing a plan that says the coalition missed them."""
    result = plan(RIVERSIDE_SPRING, "--as-of", "2026-04-20", "-o", "-")
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert (
        "note: 2 actions fell due after the assessment (14 March 2026); the plan calls them late on "
        "20 April 2026 by the statuses recorded then. If some are done, mark them so in "
        "2026-03-spring.yaml first (coalition rate, or assess)."
    ) in said
    assert "--as-of" not in said, "given already"
    today = CliRunner().invoke(app, ["plan", str(RIVERSIDE_SPRING), "-o", "-"])  # months after, today
    assert dt.date.today() > dt.date(2026, 5, 14), "the last of its actions is due then"
    assert "or date the plan nearer the meeting with --as-of." in " ".join(today.stderr.split())
    on_the_day = plan(RIVERSIDE_SPRING, "--as-of", "2026-03-14", "-o", "-")
    assert "fell due" not in on_the_day.stderr
