"""One rule for the files commands write (plan -o, consensus -o, schema -o, init): the same refusals,
the same exit codes, whichever command writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from coalition_cli.core.errors import UsageError, WriteError
from coalition_cli.core.files.output import OutputFile
from tests.support.scoring import RIVERSIDE, run

SPRING = RIVERSIDE / "2026-03-spring.yaml"
RATERS = sorted((RIVERSIDE / "raters").glob("*.yaml"))

WRITERS: dict[str, list[str]] = {
    "plan": ["plan", str(SPRING), "-o"],
    "consensus": ["consensus", *map(str, RATERS), "-o"],
    "schema": ["schema", "-o"],
}


def test_schema_replaces_its_own_file_but_not_another(tmp_path: Path) -> None:
    schema = tmp_path / "coalition.schema.json"
    assert run("schema", "-o", schema).exit_code == 0
    first = schema.read_text(encoding="utf-8")
    again = run("schema", "-o", schema)
    assert again.exit_code == 0, again.output  # a schema we wrote is regenerated
    assert schema.read_text(encoding="utf-8") == first
    notes = tmp_path / "notes.json"
    notes.write_text('{"mine": true}\n', encoding="utf-8")
    refused = run("schema", "-o", notes)
    assert refused.exit_code == 2
    assert "already exists and was not written by coalition schema" in refused.stderr
    assert "--force" in refused.stderr
    assert notes.read_text(encoding="utf-8") == '{"mine": true}\n'
    assert run("schema", "-o", notes, "--force").exit_code == 0
    assert notes.read_text(encoding="utf-8") == first


@pytest.mark.parametrize("command", WRITERS)
def test_a_folder_is_refused_by_every_writer(command: str, tmp_path: Path) -> None:
    result = run(*WRITERS[command], tmp_path)
    assert result.exit_code == 2
    assert f"{tmp_path} is a folder; give a file name with -o" in result.stderr


@pytest.mark.parametrize("command", WRITERS)
def test_a_missing_folder_is_an_io_error_naming_the_file(command: str, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "out.txt"
    result = run(*WRITERS[command], target)
    assert result.exit_code == 2
    assert f"cannot write {target}: No such file or directory" in result.stderr
    assert not target.parent.exists()


@pytest.mark.parametrize("command", WRITERS)
def test_a_file_that_is_not_ours_is_refused_and_kept(command: str, tmp_path: Path) -> None:
    target = tmp_path / "mine.txt"
    target.write_text("keep me\n", encoding="utf-8")
    result = run(*WRITERS[command], target)
    assert result.exit_code == 2
    assert f"{target} already exists" in result.stderr and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me\n" and result.stdout == ""


def test_the_draft_consensus_never_replaces_a_raters_file(tmp_path: Path) -> None:
    raters = []
    for path in RATERS:
        copy = tmp_path / path.name
        copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        raters.append(copy)
    before = raters[0].read_text(encoding="utf-8")
    result = run("consensus", *raters, "-o", raters[0], "--force")
    assert result.exit_code == 2
    assert f"refusing to write the draft over its own input {raters[0]}" in result.stderr
    assert raters[0].read_text(encoding="utf-8") == before


def test_a_file_created_while_the_command_works_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    output = OutputFile(path=target, command="plan", what="the plan")
    output.check()  # nothing there yet
    target.write_text("someone else's\n", encoding="utf-8")
    with pytest.raises(UsageError, match="already exists"):
        output.write("ours\n")
    assert target.read_text(encoding="utf-8") == "someone else's\n"


def test_without_force_a_command_never_replaces_anything(tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    target.write_text("x: 1\n", encoding="utf-8")
    output = OutputFile(path=target, command="init", what="the new assessment", forceable=False, force=True)
    with pytest.raises(UsageError, match="coalition init never overwrites a file"):
        output.check()


def test_a_read_only_file_is_a_write_error(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(WriteError, match="cannot write"):
        OutputFile(path=target, command="plan", what="the plan", force=True).write("new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
