"""Golden outputs of score, compare, consensus and summary in every format, over the examples and the fixtures.

The table is rendered without colour at 100 columns. To accept an intended change in output:
    pytest tests/golden/test_scoring_golden.py --update-golden
and review the diff of tests/golden/scoring/ before committing it.
"""

from __future__ import annotations

import re
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from tests.support.paths import ROOT
from tests.support.scoring import check_golden, run

FIXTURES = "tests/fixtures/scoring"
RIVERSIDE = "examples/riverside"
RATERS = [
    f"{RIVERSIDE}/raters/2026-03-{name}.yaml" for name in ("dana-whitfield", "marcus-lee", "priya-natarajan")
]

CASES = {
    "score-riverside": ["score", f"{RIVERSIDE}/2026-03-spring.yaml"],
    "score-small": ["score", f"{FIXTURES}/small-fall.yaml", f"{FIXTURES}/small-spring.yaml"],
    "compare-riverside": ["compare", f"{RIVERSIDE}/2026-03-spring.yaml", f"{RIVERSIDE}/2025-09-fall.yaml"],
    "compare-small": ["compare", f"{FIXTURES}/small-fall.yaml", f"{FIXTURES}/small-spring.yaml"],
    "consensus-riverside": ["consensus", *RATERS],
    "consensus-small": ["consensus", *(f"{FIXTURES}/raters/rater-{x}.yaml" for x in "abc")],
    "summary-riverside": ["summary", RIVERSIDE, "--as-of", "2026-04-20"],  # a fixed day: staleness, overdue
    "summary-small": ["summary", FIXTURES, "--as-of", "2026-04-20"],
}
FORMATS = {"table": "txt", "json": "json", "csv": "csv", "md": "md"}


@pytest.fixture(autouse=True)
def _from_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # file names in the output are as given: relative, the same on every machine


@pytest.mark.parametrize("output", FORMATS)
@pytest.mark.parametrize("case", CASES)
def test_golden_output(case: str, output: str) -> None:
    result = run(*CASES[case], "--format", output)
    assert result.exit_code == 0, result.output
    check_golden(f"{case}.{FORMATS[output]}", result.stdout)


@pytest.mark.parametrize("case", CASES)
def test_markdown_goldens_render_as_tables(case: str) -> None:
    markdown = (ROOT / "tests" / "golden" / "scoring" / f"{case}.md").read_text(encoding="utf-8")
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    assert html.count("<table>") == markdown.count("\n| --- ") + markdown.count("\n| :---: ") >= 1
    assert "<Alliance>" not in html and "<Lead>" not in html  # user text never becomes HTML
    for table in html.split("<table>")[1:]:
        head, body = table.split("</thead>")
        columns = len(re.findall(r"<th[ >]", head))
        rows = body.split("</tbody>")[0].split("<tr>")[1:]
        assert rows and all(len(re.findall(r"<td[ >]", row)) == columns for row in rows)


def test_golden_consensus_draft(tmp_path: Path) -> None:
    out = tmp_path / "2026-03-consensus.yaml"
    result = run("consensus", *RATERS, "-o", out)
    assert result.exit_code == 0, result.output
    check_golden("consensus-riverside-draft.yaml", out.read_text(encoding="utf-8"))


def test_goldens_are_all_used() -> None:
    expected = {f"{case}.{ext}" for case in CASES for ext in FORMATS.values()} | {
        "consensus-riverside-draft.yaml"
    }
    present = {path.name for path in (ROOT / "tests" / "golden" / "scoring").iterdir()}
    assert present == expected, (
        "remove golden files no test reads, or add the missing ones with --update-golden"
    )
