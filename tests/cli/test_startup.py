"""A command pays only for itself at start-up: its own module, no Pydantic for parsing its arguments.

Measured by `benchmarks/bench_commands.py`; here only what must stay true for those figures to hold,
and that nothing users see changed: `--help` lists every command in its order with its short help,
a typo is still answered with a suggestion, every command module adds the command of its name.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from coalition_cli.cli.app import COMMAND_MODULES, app
from tests.support.paths import EXAMPLES, SRC
from tests.support.processes import environment

SPRING = EXAMPLES / "riverside" / "2026-03-spring.yaml"

_IMPORTED = """\
import json, sys
from coalition_cli.cli.launch import main
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""
"""Runs the command line given, then prints every module imported, on standard error's last line."""


def imported(*args: str, cwd: Path) -> set[str]:
    """The modules `coalition ARGS` imports, in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", _IMPORTED, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment(),
        timeout=60,
        check=False,
    )
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def _commands(modules: set[str]) -> set[str]:
    prefix = "coalition_cli.cli.commands."
    return {name.removeprefix(prefix) for name in modules if name.startswith(prefix)}


@pytest.mark.slow
def test_a_command_imports_its_own_module_only(tmp_path: Path) -> None:
    assert _commands(imported("score", "--format", "json", "--", str(SPRING), cwd=tmp_path)) == {"score"}
    assert _commands(imported("framework", "list", cwd=tmp_path)) == {"framework"}


@pytest.mark.slow
def test_a_plain_command_line_runs_without_typer_or_pydantic(tmp_path: Path) -> None:
    """score, compare, consensus, roster, plan, validate and init on their files, as people and CI run them
    (`cli/plain_lines.py`): no command module, no Typer, no Pydantic (the files are valid)."""
    raters = sorted(str(path) for path in (SPRING.parent / "raters").glob("*.yaml"))
    fall = str(SPRING.parent / "2025-09-fall.yaml")
    imported("score", str(SPRING), cwd=tmp_path)  # the rubric's cache made (with Pydantic), as on first use
    for args in (
        ("score", "--format", "json", str(SPRING)),
        ("compare", fall, str(SPRING), "--no-color"),
        ("consensus", *raters),
        ("roster", str(SPRING)),
        ("plan", str(SPRING), "--since", fall, "-f", "html", "-o", "-"),
        ("validate", str(SPRING)),
        ("init", str(tmp_path / "new.yaml"), "--coalition", "Riverside Pathways Coalition"),
    ):
        modules = imported(*args, cwd=tmp_path)
        assert _commands(modules) == set(), args
        assert not {"typer", "pydantic", "coalition_cli.cli.app"} & modules, args


@pytest.mark.slow
def test_commands_that_say_sentences_import_no_rich_console_off_a_terminal(tmp_path: Path) -> None:
    """plan (its document, a note on standard error: actions fell due after the assessment), `plan -o`,
    rate and init say sentences and print no table: off a terminal they are written as Rich would
    write them (`cli/output/messages.py`), and Rich's console (about 20 ms) is never imported."""
    fall = str(SPRING.parent / "2025-09-fall.yaml")
    rated = tmp_path / "rated.yaml"
    rated.write_bytes(SPRING.read_bytes())
    (tmp_path / "coalition.yaml").write_bytes((SPRING.parent / "coalition.yaml").read_bytes())
    for args, made in (
        (("plan", str(SPRING), "--since", fall), "coalition_cli.core.plan.rendering"),
        (("plan", str(SPRING), "-f", "html", "-o", "-"), "coalition_cli.core.plan.rendering"),
        (("plan", str(SPRING), "-o", str(tmp_path / "plan.html")), "coalition_cli.cli.output.messages"),
        (("rate", str(rated), "C1.1=4"), "coalition_cli.cli.output.messages"),
        (
            ("init", str(tmp_path / "new.yaml"), "--coalition", "Riverside"),
            "coalition_cli.cli.output.messages",
        ),
    ):
        modules = imported(*args, cwd=tmp_path)
        assert made in modules, args  # the command did its work
        assert not {"rich.console", "rich.markup", "rich.text"} & modules, args
    assert "stage: Transforming  # up from 2" in rated.read_text(encoding="utf-8")  # as it was written
    assert (tmp_path / "new.yaml").is_file() and (tmp_path / "plan.html").is_file()


@pytest.mark.slow
def test_reports_off_a_terminal_import_no_rich_console(tmp_path: Path) -> None:
    """score, compare, consensus and roster write their document off a terminal as Rich would print it
    (`cli/output/plain_document.py`): Rich's console, its tables and texts are never imported."""
    raters = sorted(str(path) for path in (SPRING.parent / "raters").glob("*.yaml"))
    fall = str(SPRING.parent / "2025-09-fall.yaml")
    for args in (
        ("score", str(SPRING)),
        ("compare", fall, str(SPRING)),
        ("consensus", *raters),
        ("roster", str(SPRING)),
    ):
        modules = imported(*args, cwd=tmp_path)
        assert "coalition_cli.cli.output.plain_document" in modules, args
        assert not {"rich.console", "rich.table", "rich.text"} & modules, args


@pytest.mark.slow
def test_arguments_are_parsed_without_pydantic(tmp_path: Path) -> None:
    modules = imported("assess", "--help", cwd=tmp_path)
    assert "pydantic" not in modules
    assert "typer._adapters" not in modules
    modules = imported("score", "--format", "json", str(SPRING), cwd=tmp_path)
    assert "pydantic" not in modules  # a valid file is read without it too (core/model/building.py)
    assert "typer._adapters" not in modules  # and no TypeAdapter was built for an argument
    assert "hashlib" not in modules  # the cached rubric is found by CPython's own BLAKE2 (no OpenSSL)
    modules = imported("score", "--format", "json", str(SPRING.parent / "no-such-file.yaml"), cwd=tmp_path)
    assert "pydantic" not in modules  # nor for a file that is not there


@pytest.mark.slow
def test_a_plain_validate_is_checked_by_the_index(tmp_path: Path) -> None:
    modules = imported("validate", str(SPRING), cwd=tmp_path)
    assert "coalition_cli.cli.validation.files" in modules
    # nor the models, nor dataclasses (and the inspect module it brings): the index answers
    assert "dataclasses" not in modules and "coalition_cli.core.model.base" not in modules


def test_every_command_module_adds_the_command_of_its_name() -> None:
    folder = SRC / "coalition_cli" / "cli" / "commands"
    modules = sorted(path.stem for path in folder.glob("*.py") if path.stem != "__init__")
    assert sorted(COMMAND_MODULES) == modules
    group = get_command(app)
    assert list(group.commands) == list(COMMAND_MODULES)  # type: ignore[attr-defined]
    for name in COMMAND_MODULES:
        command = group.get_command(None, name)  # type: ignore[attr-defined, arg-type]
        assert command is not None and command.name == name


def test_help_lists_every_command_in_order_with_its_short_help(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"], terminal_width=80)
    assert result.exit_code == 0
    listed = result.output.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed if line.strip()] == list(COMMAND_MODULES)
    assert "  score      Score assessments: overall, per domain, per indicator." in listed
    assert "  framework  List, show and check rubrics (frameworks)." in listed


def test_a_typo_in_a_command_gets_a_suggestion(runner: CliRunner) -> None:
    result = runner.invoke(app, ["scor", "x.yaml"])
    assert result.exit_code == 2
    assert "No such command 'scor'. Did you mean 'score'?" in result.output
