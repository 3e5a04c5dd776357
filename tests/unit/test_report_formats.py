"""The report protocol and the format registry: every report in every format it offers, and a new
format is one module."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.cli.output import formats as formats_package
from coalition_cli.cli.output.formats import emit, format_option, formats
from coalition_cli.core.reports.actions.report import ActionsReport
from coalition_cli.core.reports.comparison import Comparison
from coalition_cli.core.reports.consensus import Consensus
from coalition_cli.core.reports.network.summary import Network
from coalition_cli.core.reports.report import Report
from coalition_cli.core.reports.roster.report import RosterReport
from coalition_cli.core.reports.score import ScoreReport
from tests.support.scoring import ENV, RIVERSIDE

FALL, SPRING = RIVERSIDE / "2025-09-fall.yaml", RIVERSIDE / "2026-03-spring.yaml"
RATERS = sorted((RIVERSIDE / "raters").glob("*.yaml"))

COMMANDS: dict[str, tuple[type[Report], list[str]]] = {
    "score": (ScoreReport, [str(SPRING)]),
    "compare": (Comparison, [str(FALL), str(SPRING)]),
    "consensus": (Consensus, [str(path) for path in RATERS]),
    "summary": (Network, [str(RIVERSIDE)]),
    "roster": (RosterReport, [str(SPRING)]),
    "actions": (ActionsReport, [str(RIVERSIDE)]),
}


def test_the_registry_finds_every_format_module_in_order() -> None:
    assert list(formats()) == ["table", "json", "csv", "md", "html"]
    assert [name for name, item in formats().items() if item.needs_rows] == ["csv"]
    assert [name for name, item in formats().items() if item.needs_page] == ["html"]


def _offered(command: str) -> list[str]:
    result = CliRunner().invoke(app, [command, "--help"], env={**ENV, "COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if "--format" in line)
    return line.split("<", 1)[1].split(">", 1)[0].split("|")


@pytest.mark.parametrize("command", COMMANDS)
def test_each_report_command_offers_exactly_the_formats_its_report_can_give(command: str) -> None:
    report_type, _ = COMMANDS[command]
    expected = [
        name
        for name, item in formats().items()
        if (report_type.csv_header is not None or not item.needs_rows)
        and (report_type.has_page or not item.needs_page)
    ]
    assert _offered(command) == expected


@pytest.mark.parametrize("command", COMMANDS)
def test_each_report_renders_in_each_format_it_offers(command: str) -> None:
    _, args = COMMANDS[command]
    for name in _offered(command):
        result = CliRunner().invoke(app, ["--no-color", command, *args, "--format", name], env=ENV)
        assert result.exit_code == 0, (name, result.output)
        assert result.stdout.strip(), (command, name)
        if name == "json":
            assert isinstance(json.loads(result.stdout), dict)
        if name == "csv":
            assert result.stdout.startswith("\ufeff")


def test_a_report_without_rows_is_never_written_as_csv() -> None:
    class NoRows(Report):
        def document(self) -> list[object]:  # type: ignore[override]
            return []

        def data(self) -> dict[str, object]:
            return {}

    with pytest.raises(AssertionError, match="NoRows has no CSV rows"):
        emit(NoRows(), "csv")
    with pytest.raises(AssertionError, match="NoRows has no HTML page"):
        emit(NoRows(), "html")


def test_a_new_format_is_one_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Drop a module into the formats package: every report command built after it offers it."""
    extra = tmp_path / "formats"
    extra.mkdir()
    (extra / "lines.py").write_text(
        "from coalition_cli.cli.output.formats import Format\n"
        "from coalition_cli.cli.console import write_stdout\n"
        "def render(report):\n"
        "    write_stdout(''.join(block.text + '\\n' for block in report.document() if hasattr(block, 'text')))\n"
        "FORMAT = Format(help='lines (one per heading and line)', position=9, render=render)\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(formats_package, "__path__", [*formats_package.__path__, str(extra)])
    monkeypatch.delitem(sys.modules, "coalition_cli.cli.output.formats.lines", raising=False)
    formats.cache_clear()
    try:
        demo = typer.Typer()

        @demo.command()
        def score(file: Path, output: str = format_option()) -> None:
            from coalition_cli.core.loading.assessments import load_assessment

            emit(ScoreReport.of([load_assessment(file)]), output)

        result = CliRunner().invoke(demo, [str(SPRING), "--format", "lines"], env=ENV)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("Riverside Pathways Coalition, assessed 2026-03-")
        assert "Overall score: " in result.stdout
        assert "lines (one per heading and line)" in CliRunner().invoke(demo, ["--help"], env=ENV).stdout
    finally:
        formats.cache_clear()
