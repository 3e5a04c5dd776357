"""The documents that leave the room: `summary`, `actions` and `roster` in Markdown (and the summary's
page), as a funder, a board member or a parent reads them, on the bundled Riverside example.

They speak of coalitions, people and dates, never of files and commands: what the tool read and
skipped is said on the terminal (standard error), for the facilitator, whatever the format.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

import pytest
from click.testing import Result

from tests.support.network import generate
from tests.support.paths import ROOT
from tests.support.plan import command_lines, gfm_html, local_paths
from tests.support.scoring import run

RIVERSIDE = ROOT / "examples" / "riverside"
AS_OF = "2026-04-20"
COMMAND = re.compile(
    r"\bcoalition (validate|consensus|actions|summary|roster|score|compare|plan|init|rate)\b"
)


@cache
def _run(*args: str) -> Result:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return result


def summary(output: str = "md") -> Result:
    return _run("summary", str(ROOT / "examples"), "--as-of", AS_OF, "--format", output)


def actions(output: str = "md") -> Result:
    return _run("actions", str(RIVERSIDE), "--as-of", AS_OF, "--format", output)


def test_the_files_read_are_told_on_the_terminal_not_in_the_documents() -> None:
    for output in ("md", "table", "html", "json"):
        result = summary(output)
        assert "5 assessment files read" in result.stderr
        assert "3 raters' files set aside" in result.stderr
        assert "1 YAML file skipped: not assessments" in result.stderr
        for internal in ("files read", "files set aside", "YAML file", "assessment files"):
            assert internal not in result.stdout, (output, internal)
    for output in ("md", "table"):
        result = actions(output)  # the same counts as summary's: the raters' files too
        assert "5 assessment files read" in result.stderr and "1 YAML file skipped" in result.stderr
        assert "3 raters' files set aside" in result.stderr
        assert "YAML" not in result.stdout and "files read" not in result.stdout


@pytest.fixture(scope="module")
def troubled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated network with a file with errors, two assessments on one date, and raters' files
    waiting for their consensus."""
    root = tmp_path_factory.mktemp("troubled")
    generate(root, coalitions=10)
    return root


@pytest.mark.parametrize("command", ["summary", "actions"])
def test_no_file_path_and_no_command_in_the_documents(troubled: Path, command: str) -> None:
    result = run(command, troubled, "--as-of", AS_OF, "--format", "md")
    assert result.exit_code == 1, result.output  # what is to sort out is still reported
    document = result.stdout
    assert str(troubled) not in document and not re.search(r"[\w-]+\.ya?ml\b", document), document
    assert not COMMAND.search(document), document
    assert "`" not in document
    assert "2 assessments on the same date, and one is to be kept (the coalition is left out until then)" in (
        " ".join(document.split())
    )
    assert "1 file has errors and is left out" in document  # read: a file with a merge conflict too
    # the facilitator is told which files, and what to run
    assert ".yaml" in result.stderr and "coalition consensus" in result.stderr
    assert "coalition validate" in result.stderr


def test_the_summary_page_names_no_file_either(troubled: Path) -> None:
    page = run("summary", troubled, "--as-of", AS_OF, "--format", "html").stdout
    # what a reader sees: not the marker that lets -o replace the page, nor the stylesheet's comments
    page = re.sub(r"<!--.*?-->|<style>.*?</style>", "", page, flags=re.DOTALL)
    assert not re.search(r"[\w-]+\.ya?ml\b", page) and not COMMAND.search(page)
    assert "To sort out" in page and "their consensus not written yet" in page


def test_dates_and_statuses_read_as_the_plan_writes_them() -> None:
    for document in (summary().stdout, actions().stdout):
        assert not re.search(r"\b20\d\d-\d\d-\d\d\b", document), "ISO dates are for files, JSON and CSV"
        assert "as of 20 April 2026" in document and "15 April 2026" in document
    register = actions().stdout
    assert "| 15 April 2026 | 5 days |" in register
    assert "in progress, 5 days late" in register and "in-progress" not in register
    # the machine formats keep the file's values, as docs/json.md documents them
    data = json.loads(actions("json").stdout)
    interns = next(item for item in data["actions"] if "help-desk interns" in item["action"])
    assert (interns["due"], interns["status"]) == ("2026-04-15", "in-progress")
    assert ",2026-04-15,in-progress," in actions("csv").stdout
    assert json.loads(summary("json").stdout)["overdue_actions"][1]["due"] == "2026-04-15"


def test_the_summary_says_its_periods_and_sources_in_words() -> None:
    page = " ".join(html.unescape(summary("html").stdout).split())
    # one coalition is named, not counted
    assert "Riverside Pathways Coalition at a glance" in page and "1 coalition at a glance" not in page
    assert "It was assessed in the last year." in page and "in 1 coalition" not in page
    assert "None: every coalition was assessed in the last year." in page
    for document in (summary().stdout, page):
        assert "From the coalition's profile." in document
        assert "(1)" not in document and "(0)" not in document and "last 1 year" not in document


def roster(output: str = "md") -> Result:
    return _run("roster", str(RIVERSIDE / "2026-03-spring.yaml"), "--format", output)


def test_the_roster_names_no_file_and_its_lists_are_lists() -> None:
    result = roster()
    document = result.stdout
    assert local_paths(document) == [] and command_lines(document) == []
    assert "profile read from " in result.stderr and "riverside/coalition.yaml" in result.stderr
    assert "assessment of 14 March 2026" in document
    lines = document.splitlines()
    assert not [line for line in lines if line.startswith(("!", "\\"))], "no '! ' and no escaped '\\- '"
    page = gfm_html(document)
    assert (
        "<li>Host three RUSD teachers for a two-week summer externship (C5.3 Instructional Integration, due 31 July 2026)</li>"
        in page
    )
    assert re.search(
        r"<ul>\s*<li>Common vision .*?</li>\s*<li>Commitment .*?</li>\s*<li>Responsibility", page, re.DOTALL
    )
    assert "<p>- " not in page


def test_the_roster_lists_people_and_organizations_unambiguously() -> None:
    document = roster().stdout
    assert "Gloria Mendoza, Parent representative (DELAC member)" in document
    assert "))" not in document
    # an organization's name can hold a comma: semicolons between names, so five read as five
    assert (
        "Riverside Workforce Development Board; City of Riverside, Office of the Mayor; and Riverside "
        "Community Foundation say otherwise" in document
    )
    assert "Teresa Alvarez (Superintendent); Maria Lopez (Director, College and Career Pathways)" in document


def test_the_roster_json_keeps_its_shape() -> None:
    data = json.loads(roster("json").stdout)
    assert data["profile_file"].endswith("examples/riverside/coalition.yaml")
    sole = data["sole_representatives"][0]
    assert set(sole) == {"organization", "representative", "title", "open_actions", "message"}
    assert (
        sole["open_actions"][0]
        == "Host three RUSD teachers for a two-week summer externship (C5.3, due 2026-07-31)"
    )
    gloria = next(m for m in data["members"] if m["organization"] == "Riverside Parents for Pathways")
    assert gloria["representatives"] == ["Gloria Mendoza (Parent representative (DELAC member))"]


def test_indicator_codes_come_with_their_names() -> None:
    interns = "Ask Riverside Regional's IT department to host 10 help-desk interns (C6.2 Employer Engagement)"
    assert interns in actions().stdout and interns in summary().stdout
    assert "(C1.3 Work-based Learning Leadership)" in actions().stdout
    assert not re.search(r"\(C\d\.\d\)", actions().stdout + summary().stdout + roster().stdout)
    page = html.unescape(summary("html").stdout)
    assert '<span class="tag indicator">C6.2 Employer Engagement</span>' in page
