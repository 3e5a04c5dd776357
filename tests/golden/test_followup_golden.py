"""Golden outputs of the follow-up between meetings, in every format: `actions` (Riverside, and a generated
network), `summary` of a generated network (with the HTML page) and `roster` (Riverside).

The generated network is small (10 coalitions, with every kind of trouble), written by
tests/support/network.py with its fixed seed and read from a temporary folder as `network/`, so that
file names in the output are the same on every machine. To accept an intended change:
    pytest tests/golden/test_followup_golden.py --update-golden
and review the diff of tests/golden/followup/ before committing it.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tests.support.golden import assert_golden
from tests.support.network import AS_OF, generate
from tests.support.paths import ROOT
from tests.support.scoring import run

AS_OF_TEXT = AS_OF.isoformat()
FOLDER = ROOT / "tests" / "golden" / "followup"
EXTENSIONS = {"table": "txt", "json": "json", "csv": "csv", "md": "md", "html": "html"}
CASES: dict[str, tuple[list[str], tuple[str, ...], int]] = {
    "actions-riverside": (
        ["actions", "examples/riverside", "--as-of", AS_OF_TEXT],
        ("table", "json", "csv", "md"),
        0,
    ),
    "actions-network": (["actions", "network", "--as-of", AS_OF_TEXT], ("table", "json", "csv", "md"), 1),
    "summary-network": (
        ["summary", "network", "--as-of", AS_OF_TEXT, "--group-by", "region"],
        ("table", "json", "csv", "md", "html"),
        1,
    ),
    "roster-riverside": (["roster", "examples/riverside/2026-03-spring.yaml"], ("table", "json", "md"), 0),
}


@pytest.fixture(scope="module")
def network_parent(tmp_path_factory: pytest.TempPathFactory) -> Path:
    parent = tmp_path_factory.mktemp("golden")
    (parent / "network").mkdir()
    generate(parent / "network", coalitions=10)
    return parent


def _check(name: str, text: str) -> None:
    if name.endswith(".txt"):  # Rich pads table lines with spaces; editors strip them: compare without
        text = "".join(line.rstrip() + "\n" for line in text.splitlines())
    assert_golden(f"followup/{name}", text)


@pytest.mark.parametrize(
    ("case", "output"), [(case, output) for case, (_, outputs, _) in CASES.items() for output in outputs]
)
def test_golden_output(case: str, output: str, network_parent: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args, _, code = CASES[case]
    monkeypatch.chdir(network_parent if "network" in args else ROOT)
    result = run(*args, "--format", output)
    assert result.exit_code == code, result.output
    _check(f"{case}.{EXTENSIONS[output]}", result.stdout)


def test_goldens_are_all_used() -> None:
    expected = {
        f"{case}.{EXTENSIONS[output]}" for case, (_, outputs, _) in CASES.items() for output in outputs
    }
    present = {path.name for path in FOLDER.iterdir()} if FOLDER.is_dir() else set()
    assert present == expected, (
        "remove golden files no test reads, or add the missing ones with --update-golden"
    )


@pytest.mark.parametrize("case", [case for case, (_, outputs, _) in CASES.items() if "md" in outputs])
def test_markdown_goldens_render_as_tables(case: str) -> None:
    from tests.support.plan import gfm_tables

    markdown = (FOLDER / f"{case}.md").read_text(encoding="utf-8")
    tables = gfm_tables(markdown)
    assert tables and len(tables) == markdown.count("\n| --- ") + markdown.count("\n| :---: ")
    for table in tables:
        header = table.rows[0]
        assert all(tag == "th" for tag, _ in header)
        assert all(len(row) == len(header) for row in table.rows[1:]), table.texts[0]


@pytest.mark.parametrize("case", [case for case, (_, outputs, _) in CASES.items() if "md" in outputs])
def test_markdown_goldens_go_down_one_heading_level_at_a_time(case: str) -> None:
    """`##` for the title, then `###` for its tables and sections: a jump to `####` breaks a document's
    outline (and a screen reader's list of headings)."""
    markdown = (FOLDER / f"{case}.md").read_text(encoding="utf-8")
    levels = [len(line) - len(line.lstrip("#")) for line in markdown.splitlines() if line.startswith("#")]
    assert levels[0] == 2 and levels.count(2) == 1, levels
    assert all(after <= before + 1 for before, after in itertools.pairwise(levels)), levels
