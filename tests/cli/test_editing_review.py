"""Edits of unusual but valid layouts, through `coalition rate`: exactly the bytes that must change.

Multi-line flow mappings, an empty `ratings:`, anchors and aliases, and read-only files.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.editing.rating_edits import NewAction, RatingEdit
from coalition_cli.core.errors import ConflictError
from coalition_cli.core.files.atomic import write_atomic

HEADER = "framework: community-framework\ncoalition: X\nassessed_on: 2026-03-14\n"
MULTILINE_FLOW = (
    HEADER + "ratings:\n"
    "  C1.1: {\n"
    "    stage: 2,   # multi-line flow\n"
    "    evidence: x   # ev\n"
    "  }\n"
    "  C2.1:\n"
    "    stage: 1\n"
)
ANCHORED = HEADER + "ratings:\n  C1.1:\n    stage: &s 2\n  C1.2:\n    stage: *s   # same as C1.1\n"


def rate(runner: CliRunner, path: Path, text: str, *args: str) -> tuple[int, str, str]:
    """Write `text` to `path`, run `coalition rate path args...`: exit code, output, the file after."""
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["rate", str(path), *args])
    return result.exit_code, result.output, path.read_text(encoding="utf-8")


# -- 1. multi-line flow mappings ----------------------------------------------------------------


def test_a_stage_in_a_multi_line_flow_mapping_changes_in_place(runner: CliRunner, tmp_path: Path) -> None:
    code, output, after = rate(runner, tmp_path / "a.yaml", MULTILINE_FLOW, "C1.1=3")
    assert code == 0, output
    assert after == MULTILINE_FLOW.replace("stage: 2,", "stage: 3,")


def test_a_new_entry_leaves_other_entries_alone(runner: CliRunner, tmp_path: Path) -> None:
    entries = (
        "  C1.1: {\n    stage: &s 2,   # multi-line flow\n    evidence: x   # ev\n  }\n"
        "  C1.2: !!map\n    stage: *s\n"
        "  C2.1: {stage: 1,\n    evidence: y}\n"
    )
    code, output, after = rate(runner, tmp_path / "a.yaml", HEADER + "ratings:\n" + entries, "C1.3=3")
    assert code == 0, output
    new = entries.replace("  C2.1:", "  C1.3:\n    stage: 3\n  C2.1:")
    assert after == HEADER + "ratings:\n" + new


def test_a_key_added_to_a_multi_line_flow_mapping_keeps_its_comments(
    runner: CliRunner, tmp_path: Path
) -> None:
    before = HEADER + "ratings:\n  C1.1: {\n    stage: 2,   # multi-line flow\n  }\n"
    code, output, after = rate(runner, tmp_path / "a.yaml", before, "C1.1=3", "--evidence", "e, f")
    assert code == 0, output
    assert after == HEADER + "ratings:\n  C1.1: {\n    stage: 3, evidence: 'e, f',   # multi-line flow\n  }\n"


def test_what_cannot_be_added_without_losing_a_comment_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(MULTILINE_FLOW, encoding="utf-8")
    with pytest.raises(ConflictError, match="a comment would be lost"):
        AssessmentFile(path).apply(RatingEdit("C1.1", add_actions=(NewAction("Meet"),)))
    assert path.read_text(encoding="utf-8") == MULTILINE_FLOW


def test_a_comment_on_a_block_scalars_first_line_stays(runner: CliRunner, tmp_path: Path) -> None:
    before = (
        HEADER + "ratings:\n  C1.1:\n    evidence: >   # from the minutes\n      old text\n    stage: 2\n"
    )
    code, output, after = rate(runner, tmp_path / "a.yaml", before, "C1.1=2", "--evidence", "new")
    assert code == 0, output
    assert after == HEADER + "ratings:\n  C1.1:\n    evidence: new   # from the minutes\n    stage: 2\n"


# -- 2. an empty `ratings:` ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("ratings:\n", "ratings:\n"),
        ("ratings: ~\n", "ratings:\n"),
        ("ratings: null\n", "ratings:\n"),
        ("ratings:   # none yet\nnotes: hi\n", "ratings:   # none yet\n"),
        ("ratings:", "ratings:\n"),  # no line break at the end
    ],
)
def test_an_empty_ratings_key_gets_a_block_entry(
    runner: CliRunner, tmp_path: Path, written: str, kept: str
) -> None:
    code, output, after = rate(runner, tmp_path / "a.yaml", HEADER + written, "C1.1=3")
    assert code == 0, output
    rest = "notes: hi\n" if "notes" in written else ""
    assert after == HEADER + kept + "  C1.1:\n    stage: 3\n" + rest


def test_assess_on_an_empty_ratings_key(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(HEADER + "ratings:\n", encoding="utf-8")
    result = runner.invoke(app, ["assess", str(path)], input="\n" + "2\n\n\nq\n")  # nobody listed: Enter
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == HEADER + "ratings:\n  C1.1:\n    stage: 2\n"


# -- 3. anchors and aliases ---------------------------------------------------------------------


def test_an_anchored_value_that_an_alias_repeats_is_not_changed(runner: CliRunner, tmp_path: Path) -> None:
    code, output, after = rate(runner, tmp_path / "a.yaml", ANCHORED, "C1.1=3")
    assert code == 1
    assert "marked &s" in output and "*s on line 8" in output and "the file was not changed" in output
    assert after == ANCHORED


def test_an_alias_is_replaced_by_the_new_value_and_keeps_its_comment(
    runner: CliRunner, tmp_path: Path
) -> None:
    code, output, after = rate(runner, tmp_path / "a.yaml", ANCHORED, "C1.2=3")
    assert code == 0, output
    assert after == ANCHORED.replace("stage: *s ", "stage: 3 ")


def test_an_anchor_nothing_repeats_stays_on_the_new_value(runner: CliRunner, tmp_path: Path) -> None:
    before = HEADER + "ratings:\n  C1.1:\n    stage: &s 2   # anchored\n    evidence: !!str x\n"
    code, output, after = rate(runner, tmp_path / "a.yaml", before, "C1.1=3", "--evidence", "z")
    assert code == 0, output
    assert after == HEADER + "ratings:\n  C1.1:\n    stage: &s 3   # anchored\n    evidence: !!str z\n"


def test_a_new_entry_after_one_ending_in_an_alias(runner: CliRunner, tmp_path: Path) -> None:
    code, output, after = rate(runner, tmp_path / "a.yaml", ANCHORED, "C1.3=4")
    assert code == 0, output
    assert after == ANCHORED + "  C1.3:\n    stage: 4\n"


# -- 4. read-only files -------------------------------------------------------------------------


@pytest.mark.parametrize("through_symlink", [False, True])
def test_a_read_only_file_is_not_replaced(runner: CliRunner, tmp_path: Path, through_symlink: bool) -> None:
    real = tmp_path / "real.yaml"
    real.write_text(ANCHORED, encoding="utf-8")
    real.chmod(0o444)
    path = tmp_path / "link.yaml" if through_symlink else real
    if through_symlink:
        path.symlink_to(real)
    result = runner.invoke(app, ["rate", str(path), "C1.2=4"])
    assert result.exit_code == 2
    assert "read-only" in result.output and "nothing was changed" in result.output
    assert real.read_text(encoding="utf-8") == ANCHORED
    assert stat.S_IMODE(real.stat().st_mode) == 0o444
    assert sorted(os.listdir(tmp_path)) == sorted({real.name, path.name})


def test_write_atomic_refuses_a_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("old\n")
    path.chmod(0o444)
    with pytest.raises(PermissionError):
        write_atomic(path, "new\n")
    assert path.read_text() == "old\n"


def test_a_flow_style_ratings_mapping_that_cannot_be_spliced_says_what_to_do(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "flow.yaml"
    text = (
        "framework: community-framework\ncoalition: Test\nassessed_on: 2026-03-14\nparticipants:\n"
        "- name: A\n  organization: B\nratings: {C1.1: {stage: 2}, C1.2: {stage: 3}}\n"
    )
    path.write_text(text)
    # a stage changes in place, inside the braces
    assert CliRunner().invoke(app, ["rate", str(path), "C1.2=4"]).exit_code == 0
    text = text.replace("C1.2: {stage: 3}", "C1.2: {stage: 4}")
    assert path.read_text() == text
    # a new rating with an action needs lines of its own, which a one-line flow mapping has not
    result = CliRunner().invoke(app, ["rate", str(path), "C1.3=2", "--action", "Adopt the charter"])
    assert result.exit_code == 1
    assert "write ratings: as one indicator per line (block style)" in " ".join(result.output.split())
    assert path.read_text() == text


def test_the_node_tree_cache_keeps_only_the_last_few_texts() -> None:
    from coalition_cli.core.yaml import splices

    assert splices.nodes.cache_info().maxsize == 8
