"""Command lines read without Typer (cli/plain_lines.py): each shape reads as its Typer command reads
the same words, and a plain line prints, writes and exits exactly as the Typer command does."""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
from enum import Enum
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.main import get_command

from coalition_cli.cli.app import app
from coalition_cli.cli.plain_lines import SHAPES, Shape, read
from tests.support.paths import EXAMPLES

RIVERSIDE = EXAMPLES / "riverside"
LAUNCHER = "from coalition_cli.cli.launch import main; main()"
TYPER = "from coalition_cli.cli.app import app; app(prog_name='coalition')"
"""What the launcher runs when a line is not plain: the Typer app, all of it."""


def _command(name: str) -> Any:
    return get_command(app).get_command(None, name)  # type: ignore[attr-defined]


def _run_function(shape: Shape) -> Any:
    module, _, name = shape.run.partition(":")
    return getattr(import_module(module), name)


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_each_shape_names_its_typer_commands_options(name: str) -> None:
    shape, command = SHAPES[name], _command(name)
    options = {param.name: param for param in command.params if param.param_type_name == "option"}
    arguments = [param for param in command.params if param.param_type_name == "argument"]
    assert [argument.name for argument in arguments] == [argument.keyword for argument in shape.arguments]
    assert [argument.nargs == -1 for argument in arguments] == [False] * (len(arguments) - shape.many) + [
        True
    ] * shape.many
    for option in shape.options:
        assert option.keyword in options, option
        typer_option = options[option.keyword]
        assert set(option.spellings) == set(typer_option.opts), option
        assert typer_option.secondary_opts == []
        assert (option.read is None) == typer_option.is_flag, option


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_each_run_takes_every_value_of_its_typer_command_with_its_defaults(name: str) -> None:
    """The run's keywords are the Typer command's parameters, and the defaults the same: a plain line
    passes only what it was given."""
    shape, command = SHAPES[name], _command(name)
    signature = inspect.signature(_run_function(shape))
    if name == "validate":  # the Typer command's others (--jobs, --select, …) are never plain
        assert set(signature.parameters) <= {param.name for param in command.params}
    else:
        assert set(signature.parameters) == {param.name for param in command.params}
    for param in command.params:
        if param.name in signature.parameters and not param.required:
            assert signature.parameters[param.name].default == _plain(param.default), param.name


def _words(shape: Shape) -> st.SearchStrategy[list[str]]:
    spellings = [spelling for option in shape.options for spelling in option.spellings]
    values = ["md", "html", "json", "csv", "table", "text", "github", "public", "coalition", "JSON"]
    values += ["0", "3", "100", "101", "007", "-1", "2026-06-30", "", "-"]
    odd = ["--", "--help", "-h", "--no-such", "-fjson", "--format=json", "--focus=3", "--brief=yes"]
    odd += ["--no-color", "--since=fall.yaml", "--as-of=", "--version"]
    files = ["spring.yaml", "fall.yaml", "a b.yaml", "C1.1=4"]
    return st.lists(st.sampled_from(spellings + values + odd + files), max_size=7)


@pytest.mark.parametrize("name", sorted(SHAPES))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_line_read_plainly_is_read_alike_by_typer(name: str, data: st.DataObject) -> None:
    """Whatever a plain line accepts, Typer accepts too and gives the run the same values (defaults
    included); what it is not sure of it leaves to Typer."""
    shape = SHAPES[name]
    words = data.draw(_words(shape))
    line = read([name, *words])
    if line is None:
        return
    assert line.command == name and line.no_color == ("--no-color" in words)
    context = _command(name).make_context(name, [word for word in words if word != "--no-color"])
    signature = inspect.signature(_run_function(shape))
    defaults = {
        key: param.default for key, param in signature.parameters.items() if param.default is not param.empty
    }
    typer_values = {
        key: _plain(value) for key, value in context.params.items() if key in signature.parameters
    }
    assert {**defaults, **line.values} == typer_values


@pytest.mark.parametrize(
    "argv",
    [
        ["score"],
        ["score", "--help"],
        ["score", "--", "a.yaml"],
        ["score", "-", "a.yaml"],
        ["score", "-f", "json", "-f", "csv", "a.yaml"],
        ["score", "-fjson", "a.yaml"],
        ["score", "--format", "yaml", "a.yaml"],
        ["roster", "a.yaml", "b.yaml"],
        ["plan", "a.yaml", "--templates", "mine"],
        ["plan", "a.yaml", "--focus", "101"],
        ["plan", "a.yaml", "--focus", "-1"],
        ["plan", "a.yaml", "--brief=yes"],
        ["plan", "a.yaml", "--output"],
        ["plan", "a.yaml", "--allow-outside", ".."],
        ["rate", "a.yaml", "C1.1=4", "--priority"],
        ["rate", "a.yaml", "C1.1=4", "--evidence", "- a list"],
        ["assess", "a.yaml"],
        ["--version"],
        ["--no-color"],
    ],
)
def test_other_lines_are_left_to_typer(argv: list[str]) -> None:
    assert read(argv) is None


def test_ctrl_c_while_the_run_loads_is_exit_130(monkeypatch: pytest.MonkeyPatch) -> None:
    """As the fast path for validate did, and the Typer path does (cli/errors.py): no traceback."""
    from coalition_cli.cli import plain_lines

    def interrupted(name: str) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(plain_lines, "import_module", interrupted)
    assert plain_lines.run(["score", "a.yaml"]) == 130


# --- the same bytes, both ways ----------------------------------------------------------------------

SPRING, FALL = "2026-03-spring.yaml", "2025-09-fall.yaml"
RATERS = sorted(f"raters/{path.name}" for path in (RIVERSIDE / "raters").glob("*.yaml"))

SESSIONS: dict[str, list[list[str]]] = {
    "score": [
        ["score", SPRING],
        ["score", SPRING, FALL, "-f", "json"],
        ["score", "--format=csv", SPRING],
        ["score", SPRING, "--no-color", "--format", "md"],
        ["score", "no-such.yaml"],
        ["score", "broken.yaml"],
        ["score", "spring.yaml.txt"],
    ],
    "compare": [
        ["compare", FALL, SPRING],
        ["compare", SPRING, FALL, "-f", "md"],
        ["compare", SPRING],
        ["compare", FALL, "broken.yaml"],
    ],
    "consensus": [
        ["consensus", *RATERS],
        ["consensus", "-o", "draft.yaml", *RATERS, "-f", "json"],
        ["consensus", "-o", "draft.yaml", *RATERS],
        ["consensus", "--force", "-o", "draft.yaml", *RATERS],
    ],
    "roster": [
        ["roster", SPRING],
        ["roster", SPRING, "-f", "json"],
        ["roster", "coalition.yaml", "-f", "md"],
        ["roster", RATERS[0]],
    ],
    "plan": [
        ["plan", SPRING],
        ["plan", SPRING, "--since", FALL, "--as-of", "2026-04-01", "--focus", "3"],
        ["plan", SPRING, "-f", "html", "--as-of", "2026-04-01"],
        ["plan", SPRING, "-f", "html", "--as-of", "2026-04-01"],
        ["plan", SPRING, "--audience", "public", "-f", "html", "--as-of", "2026-04-01"],
        ["plan", SPRING, "--brief", "-o", "brief.md", "--as-of", "2026-04-01"],
        ["plan", SPRING, "-o", "brief.md", "--as-of", "2026-04-01"],
        ["plan", SPRING, "-o", "notes.md"],
        ["plan", SPRING, "-o", "notes.md", "--force", "--as-of", "2026-04-01"],
        ["plan", SPRING, "--as-of", "2026-01-01"],
        ["plan", SPRING, "--as-of", "3/15/2027"],
        ["plan", SPRING, "--since", "no-such.yaml"],
        ["plan", "broken.yaml"],
    ],
    "init": [
        ["init", "new.yaml", "--coalition", "Riverside Pathways Coalition", "--date", "2026-09-15"],
        ["init", "new.yaml", "--coalition", "Riverside Pathways Coalition"],
        ["init", "fall.yaml", "--from", SPRING, "--date", "2026-09-15", "--term", "Fall 2026"],
        ["init", "lean.yaml", "--from", SPRING, "--no-actions", "--facilitator", "Ana Ruiz"],
        ["init", "other.yaml", "--coalition", "X", "--date", "3/15/2027"],
        ["init", "other.yaml", "--no-actions", "--coalition", "X"],
        ["init", "other.yaml", "--coalition", "X", "--framework", "no-such-rubric"],
    ],
    "rate": [
        ["rate", SPRING, "C1.1=4", "C2.1=developing"],
        ["rate", SPRING, "C6.2"],
        ["rate", SPRING, "C6.2", "--action-number", "1", "--status", "in-progress", "--due", "2027-03-31"],
        ["rate", SPRING, "C1.2=3", "--evidence", "MOU signed", "--target", "4", "--action", "Adopt it"],
        [
            "rate",
            SPRING,
            "C1.2",
            "--action-number",
            "1",
            "--owner",
            "Chamber of Commerce",
            "--due=2026-06-30",
        ],
        ["rate", SPRING, "C1.1", "--no-evidence"],
        ["rate", SPRING, "C1.1=9"],
        ["rate", SPRING, "C6.2", "--action-number", "9", "--status", "done"],
        ["rate", "no-such.yaml", "C1.1=2"],
        ["rate", "broken.yaml", "C1.1=2"],
    ],
    "validate": [
        ["validate", SPRING, FALL],
        ["validate", "broken.yaml", "-f", "json"],
        ["validate", "--strict", RATERS[1]],
        ["validate", "no-such.yaml"],
    ],
}
"""Command lines run one after the other in one folder (the later ones see what the earlier wrote)."""


def _folder(root: Path) -> Path:
    folder = root / "riverside"
    shutil.copytree(RIVERSIDE, folder)
    broken = (folder / SPRING).read_text(encoding="utf-8").replace("stage: 3", "stage: 7", 1)
    (folder / "broken.yaml").write_text(broken, encoding="utf-8")
    shutil.copyfile(folder / FALL, folder / "spring.yaml.txt")
    (folder / "notes.md").write_text("# Our notes\n", encoding="utf-8")
    return folder


def _python(code: str, argv: list[str], cwd: Path) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS")}
    done = subprocess.run(
        [sys.executable, "-c", code, *argv], cwd=cwd, capture_output=True, text=True, env=env, timeout=120
    )
    return done.returncode, done.stdout, done.stderr


def _contents(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SESSIONS))
def test_a_plain_line_prints_writes_and_exits_as_the_typer_command_does(name: str, tmp_path: Path) -> None:
    plain, typer = _folder(tmp_path / "plain"), _folder(tmp_path / "typer")
    statuses = set()
    for argv in SESSIONS[name]:
        assert read(argv) is not None, argv  # these lines are all plain ones
        by_launcher = _python(LAUNCHER, argv, plain)
        assert by_launcher == _python(TYPER, argv, typer), argv
        statuses.add(by_launcher[0])
    assert _contents(plain) == _contents(typer)
    assert 0 in statuses and statuses - {0}, statuses  # each command's session has a failure too
