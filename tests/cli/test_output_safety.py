"""Text from files (and file names) is made safe for the output it goes to: one line per problem in
validate's text output (a CI log must never see a workflow command it did not write), no escape
sequence reaching the terminal from any table, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.cli.output.formats.csv import starts_a_formula
from coalition_cli.core.wording import printable
from tests.support.custom_rubric import write_rubric
from tests.support.files import VALID_HEADER, full_ratings
from tests.support.paths import EXAMPLES
from tests.support.scoring import run, write_assessment

INJECTED = "\n::warning file=a,line=1::INJECTED"
TERMINAL = "\x1b]0;pwned\x07\x1b[2J\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\"
ENV = {"NO_COLOR": "1", "COLUMNS": "100"}


def _no_workflow_command(output: str) -> None:
    assert not any(line.startswith("::") for line in output.splitlines()), output


def test_a_framework_value_cannot_start_a_workflow_command_in_validates_text_output(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "a.yaml"
    text = VALID_HEADER.replace("community-framework", json.dumps("x.yaml" + INJECTED + "\x1b[2J"))
    path.write_text(text + "profile: " + json.dumps("p.yaml\n::add-mask::secret") + "\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)], env=ENV)
    assert result.exit_code == 1
    _no_workflow_command(result.stdout)
    assert "\x1b" not in result.stdout
    assert "\\n::warning file=a,line=1::INJECTED" in result.stdout


def test_a_key_label_cannot_start_a_workflow_command(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    key = json.dumps("C1.1" + INJECTED)
    path.write_text(VALID_HEADER + f"ratings:\n  {key}:\n    stage: x\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)], env=ENV)
    assert result.exit_code == 1
    _no_workflow_command(result.stdout)
    assert "::warning file=a" in result.stdout  # shown, escaped, on the line of its problem


def test_a_file_name_cannot_start_a_workflow_command(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / ("a" + INJECTED + "\x1b[31m.yaml")
    path.write_text(VALID_HEADER + "ratings:\n  C9.9: {stage: 1}\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)], env=ENV)
    assert result.exit_code == 1
    _no_workflow_command(result.stdout + result.stderr)
    assert "\x1b" not in result.stdout + result.stderr


def _hostile_assessment(folder: Path, name: str = "spring.yaml", assessed_on: str = "2026-03-14") -> Path:
    stages = {
        f"C{d}.{i}": 2
        for d, n in [(1, 4), (2, 4), (3, 3), (4, 3), (5, 3), (6, 3), (7, 2)]
        for i in range(1, n + 1)
    }
    return write_assessment(
        folder / name,
        stages,
        coalition="Riverside" + TERMINAL,
        facilitator="Dana" + TERMINAL,
        term="Spring" + TERMINAL,
        assessed_on=assessed_on,
        evidence={"C1.1": '=HYPERLINK("https://evil.example")' + TERMINAL},
    )


@pytest.mark.parametrize(
    "command",
    [
        ["score"],
        ["summary"],
        ["compare"],
        ["score", "--format", "csv"],
        ["summary", "--format", "csv"],
        ["score", "--format", "md"],
        ["compare", "--format", "md"],
        ["summary", "--format", "md"],
    ],
    ids=lambda words: "-".join(words),
)
def test_no_table_lets_an_escape_sequence_through(tmp_path: Path, command: list[str]) -> None:
    first = _hostile_assessment(tmp_path, "fall.yaml", "2025-09-18")
    second = _hostile_assessment(tmp_path, "spring.yaml")
    files = [first, second] if command[0] in ("compare", "summary") else [second]
    result = run(*command[:1], *files, *command[1:])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout
    if command[-1] == "md":  # a document people read: the text, without what no reader sees
        assert "Riverside]0;pwned" in result.stdout.replace("\\", "")
    else:
        assert "\\x1b]0;pwned" in result.stdout  # shown, not run


def test_the_roster_and_assess_since_let_no_escape_sequence_through(
    runner: CliRunner, repository: Path
) -> None:
    hostile = json.dumps("Riverside Unified" + TERMINAL)  # YAML reads JSON's escapes: a real ESC
    profile = (EXAMPLES / "riverside" / "coalition.yaml").read_text(encoding="utf-8")
    (repository / "coalition.yaml").write_text(
        profile.replace("organization: Riverside Unified School District", f"organization: {hostile}"),
        encoding="utf-8",
    )
    spring = repository / "spring.yaml"
    text = (EXAMPLES / "riverside" / "2026-03-spring.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    evidence: >-\n      Charter adopted",
        "    evidence: " + json.dumps("Charter" + TERMINAL) + "\n    notes: >-\n      Charter adopted",
    )
    spring.write_text(text, encoding="utf-8")
    roster = runner.invoke(app, ["roster", str(spring)], env=ENV)
    assert roster.exit_code == 0, roster.output
    assert "\x1b" not in roster.stdout and "Riverside Unified\\x1b]0;pwned" in roster.stdout
    since = runner.invoke(
        app,
        [
            "assess",
            str(repository / "fall.yaml"),
            "--coalition",
            "X",
            "--date",
            "2026-09-17",
            "--since",
            str(spring),
        ],
        input="2\n\n\n",
        env=ENV,
    )
    assert "Charter\\x1b]0;pwned" in since.output and "\x1b" not in since.output


def test_framework_show_and_rate_let_no_escape_sequence_through(runner: CliRunner, tmp_path: Path) -> None:
    rubric = write_rubric(tmp_path / "rubric.yaml", domains={"D": ["D.1", "D.2"]})
    rubric.write_text(
        rubric.read_text(encoding="utf-8").replace(
            "name: Indicator D.1", "name: " + json.dumps("Indicator" + TERMINAL)
        ),
        encoding="utf-8",
    )
    shown = runner.invoke(app, ["framework", "show", "--framework", str(rubric)], env=ENV)
    assert shown.exit_code == 0, shown.output
    assert "\x1b" not in shown.stdout and "Indicator\\x1b]0;pwned" in shown.stdout
    path = tmp_path / "a.yaml"
    path.write_text("framework: rubric.yaml\ncoalition: X\nassessed_on: 2026-03-14\n", encoding="utf-8")
    rated = runner.invoke(app, ["rate", str(path), "D.1=2"], env=ENV)
    assert rated.exit_code == 0, rated.output
    assert "\x1b" not in rated.stdout and "Indicator\\x1b]0;pwned" in rated.stdout


def test_error_messages_let_no_escape_sequence_through(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / ("x\x1b]0;pwned\x07.yaml")
    result = runner.invoke(app, ["score", str(path)], env=ENV)
    assert result.exit_code == 2
    assert "\x1b" not in result.output and "x\\x1b]0;pwned\\x07.yaml" in result.output


def test_the_full_screen_drops_control_characters() -> None:
    from textual.content import Content

    import coalition_cli.cli.assess.screen  # noqa: F401  (importing it is what makes Textual strict)

    assert (
        Content("a" + TERMINAL + "\nb\tc").plain == "a]0;pwned[2J]8;;https://evil.example\\link]8;;\\\nb\tc"
    )


@pytest.mark.parametrize(
    "cell",
    [
        "=1+1",
        "+1",
        "-1",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "\n=1",
        " =1",
        "  @x",
        "\xa0=1",
        "\u200b=1",
        "\ufeff=1",
        "\u3000+1",
        "\uff1d1+1",
        "\uff0b1",
        "\uff0d1",
        "\uff201",
    ],
)
def test_every_formula_trigger_is_neutralised(cell: str) -> None:
    assert starts_a_formula(cell)


@pytest.mark.parametrize("cell", ["Riverside", " spaced", "1 = 1", "C1.1", "", "\u200bplain"])
def test_ordinary_text_is_left_alone(cell: str) -> None:
    assert not starts_a_formula(cell)


def test_csv_cells_are_prefixed_and_escaped(tmp_path: Path) -> None:
    path = write_assessment(
        tmp_path / "a.yaml",
        {"C1.1": 2},
        coalition='\n=HYPERLINK("https://evil.example")',
        facilitator="\uff1dcmd|' /C calc'!A0" + TERMINAL,
    )
    result = run("score", path, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout[1:], newline="")))
    values = [value for row in rows for value in row.values()]
    assert '\'\n=HYPERLINK("https://evil.example")' in values
    assert not any(starts_a_formula(value) for value in values if value)
    assert "\x1b" not in result.stdout


def test_printable_shows_what_it_hides() -> None:
    assert printable("a\nb\x1b[2J\u202ec") == "a\\nb\\x1b[2J\\u202ec"
    assert printable("a\nb\tc\x07", newlines=True) == "a\nb\tc\\x07"
    assert printable("café — ✓") == "café — ✓"
    assert full_ratings()  # the helper every hostile file here starts from still rates everything
