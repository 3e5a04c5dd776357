"""`coalition plan` from the command line: where the plan goes, what it refuses, and exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coalition_cli.core.plan.rendering import MARKER
from tests.support.plan import FALL, HOSTILE, SPRING, at_root, command_lines, plan, plan_text  # noqa: F401

pytestmark = pytest.mark.usefixtures("at_root")

SECTIONS_IN_ORDER = (
    "# Action plan: Lakeside Career Pathways Alliance",
    "## Summary",
    "### Where the coalition stands",
    "### What changed since Fall 2025",
    "### Priorities",
    "### Decisions the coalition needs to make",
    "## The priorities in detail",
    "## Where the coalition stands",
    "## Domain by domain",
    "## Who took part",
    "## Not yet rated",
    "## Sources, scoring and glossary",
)


def test_markdown_goes_to_stdout_with_the_sections_in_order() -> None:
    text = plan_text(SPRING, "--since", FALL)
    assert text.startswith(MARKER + "\n# Action plan")
    positions = [
        re.search(f"^{re.escape(heading)}$", text, re.MULTILINE).start() for heading in SECTIONS_IN_ORDER
    ]  # type: ignore[union-attr]
    assert positions == sorted(positions)
    assert "## The coalition" not in text, "the roster section renders nothing without a profile"
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_the_roster_section_appears_when_the_assessment_has_a_profile(examples: Path) -> None:
    text = plan_text(examples / "riverside" / "2026-03-spring.yaml")
    section = text.split("## The coalition: members and structure\n", 1)[1].split("\n## ", 1)[0]
    assert text.index("## Who took part") < text.index("## The coalition") < text.index("## Sources")
    assert "The coalition’s members cover all 10 stakeholder groups the Guide names" in section
    assert "| Organizational Commitment | not met |" in section
    assert "| Master Plan | not met | There is no coalition master plan yet. |" in section
    assert "coalition roster" not in section and "coalition.yaml" not in section


def test_html_goes_next_to_the_assessment_by_default(tmp_path: Path) -> None:
    source = tmp_path / "spring.yaml"
    source.write_text(SPRING.read_text(encoding="utf-8"), encoding="utf-8")
    result = plan(source, "--format", "html")
    assert result.exit_code == 0, result.output
    written = tmp_path / "spring.html"
    assert f"wrote {written}" in result.output.replace("\n", "")
    html = written.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>\n" + MARKER + "\n<html")


def test_the_format_follows_the_output_suffix(tmp_path: Path) -> None:
    out = tmp_path / "plan.html"
    assert plan(SPRING, "-o", out).exit_code == 0
    assert "<html" in out.read_text(encoding="utf-8")
    md = tmp_path / "plan.md"
    assert plan(SPRING, "-o", md).exit_code == 0
    assert md.read_text(encoding="utf-8").startswith(MARKER + "\n# Action plan")


def test_dash_sends_html_to_stdout() -> None:
    text = plan_text(SPRING, "--format", "html", "-o", "-")
    assert text.startswith("<!DOCTYPE html>")


def test_a_file_the_plan_wrote_is_replaced_but_another_is_not(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    assert plan(SPRING, "-o", out).exit_code == 0
    assert plan(SPRING, "-o", out, "--focus", "2").exit_code == 0, "our own output is regenerated"
    mine = tmp_path / "notes.md"
    mine.write_text("# My own notes\n", encoding="utf-8")
    refused = plan(SPRING, "-o", mine)
    assert refused.exit_code == 2
    assert "was not written by coalition plan" in refused.output and "--force" in refused.output
    assert mine.read_text(encoding="utf-8") == "# My own notes\n"
    forced = plan(SPRING, "-o", mine, "--force")
    assert forced.exit_code == 0
    assert mine.read_text(encoding="utf-8").startswith(MARKER)


def test_the_marker_is_recognised_after_a_byte_order_mark_or_edits_below_it(tmp_path: Path) -> None:
    out = tmp_path / "plan.html"
    out.write_text("\ufeff<!DOCTYPE html>\n" + MARKER + "\n<p>edited by hand</p>\n", encoding="utf-8")
    assert plan(SPRING, "-o", out).exit_code == 0


def test_the_plan_never_overwrites_its_own_inputs(tmp_path: Path) -> None:
    source = tmp_path / "spring.yaml"
    source.write_text(SPRING.read_text(encoding="utf-8"), encoding="utf-8")
    before = source.read_text(encoding="utf-8")
    result = plan(source, "-o", source, "--force")
    assert result.exit_code == 2
    assert "its own input" in result.output
    assert source.read_text(encoding="utf-8") == before


def test_a_folder_as_output_is_a_usage_error(tmp_path: Path) -> None:
    result = plan(SPRING, "-o", tmp_path)
    assert result.exit_code == 2
    assert "is a folder" in result.output


def test_focus_limits_the_priorities_and_says_what_was_left_out(tmp_path: Path) -> None:
    text = plan_text(SPRING, "--focus", "1")
    priorities = text.split("### Priorities", 1)[1].split("\n## ", 1)[0]
    assert "| 1 | C1.2 Operational Working Groups |" in priorities
    assert "| 2 |" not in priorities
    assert (
        "The team also marked C4.1 Shared Accountability as a priority (not detailed in this plan)."
        in priorities
    )
    assert "--focus" not in text, "no command-line options in a document for readers"
    result = plan(SPRING, "--focus", "1", "-o", tmp_path / "plan.md")
    assert "add --focus 2" in result.stdout, "the terminal says how to list them"


def test_since_must_be_the_earlier_assessment() -> None:
    result = plan(FALL, "--since", SPRING)
    assert result.exit_code == 2
    assert "--since takes the earlier assessment" in result.output


def test_since_with_another_framework_is_a_usage_error() -> None:
    result = plan(SPRING, "--since", "tests/fixtures/plan/tiny.yaml")
    assert result.exit_code == 2
    assert "different frameworks" in result.output


def test_since_for_another_coalition_warns_but_plans() -> None:
    result = plan(SPRING, "--since", HOSTILE)
    assert result.exit_code == 0, result.output
    assert "warning:" in result.stderr and "different coalitions" in result.stderr


def test_an_invalid_assessment_shows_its_problems_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "framework: community-framework\ncoalition: X\nassessed_on: 2026-01-01\nratings:\n  C12: {stage: 9}\n",
        encoding="utf-8",
    )
    result = plan(bad)
    assert result.exit_code == 1
    assert "did you mean 'C1.2'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args", [["missing.yaml"], [SPRING, "--since", "missing.yaml"], [SPRING, "--templates", "nope"]]
)
def test_missing_paths_are_usage_errors(args: list[str | Path]) -> None:
    result = plan(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_unrated_indicators_are_listed_and_the_terminal_gives_the_command(tmp_path: Path) -> None:
    text = plan_text(SPRING)
    assert "- C3.3 Student Supports (Equity, Access, and Success)" in text
    assert command_lines(text) == []
    result = plan(SPRING, "-o", tmp_path / "plan.html")
    assert result.exit_code == 0, result.output
    assert (
        "Rate the 3 not yet rated: coalition assess tests/fixtures/plan/spring.yaml "
        "--indicator C3.3 --indicator C5.3 --indicator C6.3" in " ".join(result.stdout.split())
    )


def test_the_assess_command_keeps_the_earlier_term_the_plan_was_given(tmp_path: Path) -> None:
    """With --since, the session it proposes shows "Last time" beside each indicator too."""
    result = plan(SPRING, "--since", FALL, "-o", tmp_path / "plan.html")
    assert result.exit_code == 0, result.output
    assert (
        "Rate the 3 not yet rated: coalition assess tests/fixtures/plan/spring.yaml --indicator C3.3 "
        "--indicator C5.3 --indicator C6.3 --since tests/fixtures/plan/fall.yaml"
    ) in " ".join(result.stdout.split())


def test_many_unrated_indicators_get_the_plain_assess_command(tmp_path: Path) -> None:
    """assess goes through the unrated indicators by itself: sixteen --indicator flags would wrap over
    five lines of a projected terminal."""
    text = SPRING.read_text(encoding="utf-8")
    unrated = text.replace("stage: 3", "stage: null").replace("stage: 2", "stage: null")
    path = tmp_path / "partial.yaml"
    path.write_text(unrated, encoding="utf-8")
    result = plan(path, "-o", tmp_path / "plan.html")
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert f"Rate the 16 not yet rated: coalition assess {path} To share" in said
    assert "--indicator" not in said


def test_a_custom_rubric_plans_with_its_own_stages() -> None:
    text = plan_text("tests/fixtures/plan/tiny.yaml")
    assert "### 1. A.1 Shared goals: Starting → Growing" in text
    assert "Already Thriving: A.2." in text
    assert "on the rubric’s scale from 1 (Starting) to 3 (Thriving)" in text
    html = plan_text("tests/fixtures/plan/tiny.yaml", "--format", "html", "-o", "-")
    assert ".stage-3 {" in html and ".stage-4" not in html


def test_the_plan_opens_with_the_summary() -> None:
    text = plan_text(SPRING, "--since", FALL)
    summary = text.split("## Summary\n", 1)[1].split("\n## ", 1)[0]
    assert "Overall **1.98**, between Emerging and Developing" in summary
    assert "since Fall 2025" in summary and "| 1 | C1.2 Operational Working Groups |" in summary
    assert (
        text.index("## Summary") < text.index("## The priorities in detail") < text.index("## Who took part")
    )


def test_brief_is_the_summary_and_the_priorities_in_detail_in_priority_order() -> None:
    from tests.support.plan import RIVERSIDE_SPRING

    full = plan_text(RIVERSIDE_SPRING)
    brief = plan_text(RIVERSIDE_SPRING, "--brief")
    sections = re.findall(r"^## (.+)$", brief, re.MULTILINE)
    assert sections == [
        "Summary",
        "The priorities in detail",
        "Actions between meetings",
        "Sources, scoring and glossary",
    ]
    ranked = re.findall(r"^\| (\d) \| (C\d\.\d) ", brief, re.MULTILINE)
    detailed = re.findall(r"^### (\d)\. (C\d\.\d) ", brief, re.MULTILINE)
    assert detailed == ranked and [rank for rank, _ in ranked] == ["1", "2", "3", "4", "5"]
    assert [indicator for _, indicator in ranked] == ["C6.2", "C4.1", "C4.2", "C4.3", "C5.2"]
    assert len(brief.split()) < len(full.split()) / 3


def test_a_markdown_plan_on_a_terminal_says_how_to_keep_it(tmp_path: Path) -> None:
    """Printed to a terminal, hundreds of lines of Markdown scroll past: the terminal (not the plan)
    is told how to write it to a file, or as the page people read. Piped, nothing is added."""
    pexpect = pytest.importorskip("pexpect")
    import os
    import sys

    child = pexpect.spawn(
        sys.executable,
        ["-m", "coalition_cli", "plan", str(SPRING)],
        env={**os.environ, "COLUMNS": "200", "LINES": "24", "TERM": "xterm"},
        dimensions=(24, 200),
        encoding="utf-8",
        timeout=30,
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    said = " ".join((child.before or "").split())
    assert f"to keep the plan, write it to a file: coalition plan {SPRING} -o plan.md" in said
    assert "or --format html for a page that prints and reads on a phone" in said
    assert "to keep the plan" not in plan(SPRING).stderr  # CliRunner: not a terminal
