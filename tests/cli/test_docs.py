"""Docs cannot fall behind: every command has help text and is in the README; the quick start is true."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, ...]]:
    group = get_command(app)
    found: list[tuple[str, ...]] = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        if sub:
            found += [(name, child) for child in sub]
        else:
            found.append((name,))
    return found


def test_there_are_commands() -> None:
    assert len(_commands()) >= 10


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_every_command_has_help_and_is_in_the_readme(runner: CliRunner, command: tuple[str, ...]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert len(result.output.strip().splitlines()) > 3
    assert f"coalition {command[0]}" in README, f"`coalition {' '.join(command)}` is not in the README"
    if len(command) > 1:
        assert command[1] in README


def test_the_readme_gives_exactly_two_setup_commands_and_ci_runs_the_test_one() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", quick, flags=re.S)
    setup = [block.strip() for block in blocks[:2]]
    assert setup[0].startswith("pip install . && coalition ")
    assert setup[1] == 'pip install ".[test]" && pytest'
    ci = (ROOT / ".ci" / "run").read_text()
    assert setup[1] in ci


def test_the_readme_s_first_terms_run_as_written(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Then, for your own coalition": each command as written (but `assess`, which needs a person),
    then the next term's `init --from`, in an empty folder."""
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    own = quick.split("Then, for your own coalition", 1)[1]
    block = re.findall(r"```sh\n(.*?)```", own, flags=re.S)[0]
    lines = [line.split("#", 1)[0].strip() for line in block.splitlines()]
    written = [shlex.split(line)[1:] for line in lines if line and not line.startswith("coalition assess")]
    prose = " ".join(own.split("```", 2)[2].split())
    next_term = re.search(r"`(coalition init [^`]*--from[^`]*)`", prose)
    assert next_term is not None
    monkeypatch.chdir(tmp_path)
    for args in [*written, shlex.split(next_term.group(1))[1:]]:
        result = runner.invoke(app, ["--no-color", *args])
        assert result.exit_code == 0, (args, result.output)  # unrated indicators are warnings
    assert "term: Fall 2026" in (tmp_path / "fall-2026.yaml").read_text(encoding="utf-8")
    assert "<html" in (tmp_path / "spring-2026.html").read_text(encoding="utf-8")  # plan --format html


@pytest.mark.parametrize(
    ("command", "option"),
    [
        ("room", "--port"),
        ("plan", "--focus"),
        ("summary", "--weakest"),
        ("summary", "--jobs"),
        ("actions", "--jobs"),
        ("validate", "--jobs"),
    ],
)
def test_a_number_option_reads_n_not_a_programmers_type(runner: CliRunner, command: str, option: str) -> None:
    """A facilitator reads `--port N`, not Click's `<int range>`."""
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert "int range" not in result.output
    assert f"{option} N " in result.output


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_help_says_what_to_give_not_pythons_types(runner: CliRunner, command: tuple[str, ...]) -> None:
    """`coalition init [OPTIONS] FILE`, `PATH...`, `--since FILE`, "0 to 100": not Typer's
    `{FILE}`, `PATH <list[Path]>`, `--framework <str>` or "0<=x<=100"."""
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    shown = result.output
    usage = shown.splitlines()[0]
    assert "{" not in usage, usage
    assert not re.search(r"<(str|path|dir|file|int|list\[\w+\])>", shown), shown
    assert "x<=" not in shown and "x>=" not in shown and " None " not in shown, shown


def test_arguments_and_bounds_read_as_people_write_them(runner: CliRunner) -> None:
    validate = runner.invoke(app, ["validate", "--help"], env={"COLUMNS": "100"}).output
    assert "Usage: coalition validate [OPTIONS] PATH...\n" in validate
    assert "  PATH...  Assessment files" in validate
    assert "--framework ID|PATH " in validate
    plan = runner.invoke(app, ["plan", "--help"], env={"COLUMNS": "100"}).output
    assert "--since FILE " in plan and "--templates FOLDER " in plan
    assert "[default: 5; 0 to 100]" in " ".join(plan.split())
    summary = runner.invoke(app, ["summary", "--help"], env={"COLUMNS": "100"}).output
    assert "1 or more" in summary
    show = runner.invoke(app, ["framework", "show", "--help"], env={"COLUMNS": "100"}).output
    assert "Usage: coalition framework show [OPTIONS] [ID]\n" in show


def test_a_choice_not_offered_is_said_without_pydantics_words(runner: CliRunner) -> None:
    result = runner.invoke(app, ["plan", "any.yaml", "--audience", "all"])
    assert result.exit_code == 2
    assert "Invalid value for '--audience': 'all' is not one of 'coalition', 'public'." in result.output
    assert "Value error" not in result.output


def test_the_readme_s_advice_on_quotes_holds_for_every_symbol_it_names() -> None:
    """Review s12 #12: the README says when text needs quotes. Each case it names reads as something
    else than the text when unquoted (an error, another value, or text cut short), and as the text
    in double quotes; `evidence: |` keeps every line."""
    from coalition_cli.core.yaml.source import TextProblem, parse_fast

    advice = README.split("- Text goes in double quotes when it holds", 1)[1].split("\n- ", 1)[0]
    listed = advice.split("starts with a symbol (", 1)[1].split("):", 1)[0]
    symbols = [item.strip().strip("`").strip() or "`" for item in listed.replace("\n", " ").split(", ")]
    assert symbols == ["*", "-", ">", "&", "!", "@", "%", "`", "[", "{", "|"]
    texts = [f"{symbol} monthly meetings" for symbol in symbols]
    texts += ["Teamsters Local #42", "Vision adopted: see minutes"]
    for text in texts:
        try:
            unquoted = parse_fast(f"evidence: {text}\n")
        except TextProblem:
            unquoted = None
        assert unquoted != {"evidence": text}, text
        assert parse_fast(f'evidence: "{text}"\n') == {"evidence": text}
    several = "evidence: |\n  Working groups meet monthly.\n  Minutes are on the drive.\n"
    assert parse_fast(several) == {"evidence": "Working groups meet monthly.\nMinutes are on the drive.\n"}
