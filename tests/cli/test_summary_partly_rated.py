"""`coalition summary` over a term rated in part, as a funder or a board member reads it: a score from
part of the indicators says so beside it (with the words of `score` and `compare`), a change between
terms that rated different indicators is said to be one (as `compare` says it), and the weakest
indicators say which indicators no coalition rated rather than dropping them.

The coalition: Riverside's Fall 2025 and Spring 2026 (every indicator rated), then a Fall 2026 that
rates 14 of 22 (C2.4 C3.3 C4.2 C4.3 C5.3 C6.1 C6.3 C7.2 left unrated), as a reviewer made it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.support.partly_rated import FALL_2025, NAME, SPRING_2026, UNRATED, write_partly_rated
from tests.support.scoring import run, run_json, write_assessment

AS_OF = "2026-10-22"


@pytest.fixture
def network(tmp_path: Path) -> Path:
    return write_partly_rated(tmp_path / "network")


def summary(network: Path, output: str) -> str:
    result = run("summary", network, "--as-of", AS_OF, "--format", output)
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


def test_the_scores_are_the_reviewers(network: Path) -> None:
    (coalition,) = run_json("summary", network, "--as-of", AS_OF)["coalitions"]
    assert [term["score"] for term in coalition["trend"]] == [1.44, 1.68, 2.0]
    assert coalition["change"] == 0.56
    assert coalition["overall"]["rated"] == 14


def test_a_score_from_part_of_the_indicators_says_so_beside_it(network: Path) -> None:
    text = summary(network, "md")
    # the trend, with the words `score` and `compare` use for an overall score
    assert "1.44 → 1.68 → 2.00 (from 14 of 22 indicators)" in text
    # and the top of the report says it before any number
    assert f"The latest scores of {NAME} come from 14 of 22 indicators; the other 8 were not rated" in text


@pytest.mark.parametrize("columns", [80, 100])
def test_on_a_terminal_too(network: Path, columns: int) -> None:
    """The notes go under the numbers on a terminal (`Cell.note`), and the tables still fit."""
    from typer.testing import CliRunner

    from coalition_cli.cli.app import app
    from tests.support.scoring import ENV

    result = CliRunner().invoke(
        app, ["--no-color", "summary", str(network), "--as-of", AS_OF], env={**ENV, "COLUMNS": str(columns)}
    )
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert max(map(len, lines)) <= columns
    words = " ".join(result.stdout.split())
    assert f"The latest scores of {NAME} come from 14 of 22 indicators; the other 8 were not rated" in words
    heat = next(i for i, line in enumerate(lines) if "2.50" in line and "3.00" in line)
    notes = " ".join(lines[heat + 1].split()).removeprefix("Pathways ")  # the name wraps at 80
    assert notes == "14 of 22 3 of 4 2 of 3 1 of 3 2 of 3 1 of 3 1 of 2"  # under Overall, C2 … C7
    for words_apart in (["(from", "indicators)"], ["8", "indicators", "rated", "term", "only"]):
        assert all(word in words for word in words_apart)


def test_the_heatmap_says_how_many_indicators_a_score_comes_from(network: Path) -> None:
    text = run("summary", network, "--as-of", AS_OF, "--format", "md").stdout
    row = next(line for line in text.splitlines() if line.startswith(f"| {NAME} | 2.00"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    # overall (14 of 22: under three quarters), then C1 … C7 (a domain: whenever one is left out)
    assert cells[1:] == [
        "2.00 (14 of 22)",
        "2.50",
        "2.00 (3 of 4)",
        "2.00 (2 of 3)",
        "2.00 (1 of 3)",
        "1.50 (2 of 3)",
        "1.00 (1 of 3)",
        "3.00 (1 of 2)",
    ]
    assert (
        "“14 of 22” with a score: it comes from 14 of its 22 indicators; the others were not rated"
        in " ".join(text.split())
    )


def test_a_change_between_different_sets_of_indicators_is_not_shown_as_progress(network: Path) -> None:
    """As `compare` says beside a domain's change: the indicators rated in one term only."""
    text = summary(network, "md")
    assert "+0.56 (8 indicators rated in one term only)" in text


def test_the_change_is_not_coloured_as_good_news(network: Path) -> None:
    """Coloured as `compare` colours a domain's change from different indicators: a caution."""
    from coalition_cli.core.reports.document import Table
    from coalition_cli.core.reports.network.entries import read_network
    from coalition_cli.core.reports.network.summary import build_network

    report = build_network(read_network([network], jobs=1), as_of=dt.date(2026, 10, 22))
    (trends,) = [b for b in report.document() if isinstance(b, Table) and b.title and "trend" in b.title]
    change = trends.rows[0][3]
    assert change.text.startswith("+0.56") and change.tone == "warn"


def test_json_says_what_each_term_rated_and_why_the_change_is_apart(network: Path) -> None:
    data: Any = run_json("summary", network, "--as-of", AS_OF)
    (coalition,) = data["coalitions"]
    assert [(t["rated"], t["total"]) for t in coalition["trend"]] == [(22, 22), (22, 22), (14, 22)]
    assert coalition["change_note"] == "8 indicators rated in one term only"
    assert data["not_rated_anywhere"] == list(UNRATED)


@pytest.mark.parametrize("output", ["table", "md"])
def test_the_weakest_say_which_indicators_no_coalition_rated(network: Path, output: str) -> None:
    text = summary(network, output)
    assert (
        "Left out: 8 indicators not rated in the coalition's latest assessment "
        "(C2.4, C3.3, C4.2, C4.3, C5.3, C6.1, C6.3 and C7.2)."
    ) in text


def test_the_page_says_it_too(network: Path, tmp_path: Path) -> None:
    page = tmp_path / "summary.html"
    result = run("summary", network, "--as-of", AS_OF, "--format", "html", "-o", page)
    assert result.exit_code == 0, result.output
    html = " ".join(page.read_text(encoding="utf-8").replace("&#39;", "'").split())
    assert f"The latest scores of {NAME} come from 14 of 22 indicators; the other 8 were not rated." in html
    assert "1.44 → 1.68 → 2.00 (from 14 of 22 indicators)" in html
    assert 'class="num nowrap change-apart"' in html and "8 indicators rated in one term only" in html
    # the heatmap's cells: the count under the score, and in words for a screen reader
    assert '<span class="heat-note" aria-hidden="true">1 of 3</span>' in html
    assert "2.00 Developing, from 1 of 3 indicators" in html
    assert "Left out: 8 indicators not rated in the coalition's latest assessment" in html


def test_a_fully_rated_network_says_none_of_it(tmp_path: Path) -> None:
    for day, stages in (("2025-09-18", FALL_2025), ("2026-03-14", SPRING_2026)):
        write_assessment(tmp_path / "n" / f"{day}.yaml", stages, coalition=NAME, assessed_on=day)
    text = summary(tmp_path / "n", "md")
    assert "1.44 → 1.68 |" in text and "+0.24 |" in text
    assert "indicators" not in text.split("How current")[0] and "Left out" not in text
    data = run_json("summary", tmp_path / "n", "--as-of", AS_OF)
    assert data["coalitions"][0]["change_note"] is None and data["not_rated_anywhere"] == []
