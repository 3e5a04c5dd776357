"""The documents that leave the room: `summary`, `actions` and `roster` in Markdown (and the summary's
page), as a funder, a board member or a parent reads them, on the bundled Riverside example.

They speak of coalitions, people and dates, never of files and commands: what the tool read and
skipped is said on the terminal (standard error), for the facilitator, whatever the format.
"""

from __future__ import annotations

from functools import cache

from click.testing import Result

from tests.support.paths import ROOT
from tests.support.scoring import run

RIVERSIDE = ROOT / "examples" / "riverside"
AS_OF = "2026-04-20"


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
        result = actions(output)
        assert "2 assessment files read" in result.stderr and "1 YAML file skipped" in result.stderr
        assert "YAML" not in result.stdout and "files read" not in result.stdout
