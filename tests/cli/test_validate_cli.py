"""`coalition validate` end to end: formats, exit codes, folders, many files, hostile input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.files import VALID_HEADER, full_ratings, write
from tests.support.paths import EXAMPLES
from tests.support.processes import coalition


def _valid(tmp_path: Path, name: str = "valid.yaml") -> Path:
    return write(tmp_path, VALID_HEADER + full_ratings(), name)


def _invalid(tmp_path: Path, name: str = "invalid.yaml") -> Path:
    return write(tmp_path, VALID_HEADER + "ratings:\n  C12:\n    stage: 2\n", name)


def test_valid_file_exits_0(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(_valid(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "1 file checked, 1 valid" in result.output


def test_errors_exit_1_with_file_line_col(runner: CliRunner, tmp_path: Path) -> None:
    path = _invalid(tmp_path)
    result = runner.invoke(app, ["--no-color", "validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:5:3: error unknown indicator 'C12' (did you mean 'C1.2'?)" in result.output
    assert "[unknown-indicator]" in result.output


def test_warnings_pass_unless_strict(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, VALID_HEADER + "ratings:\n  C1.1:\n    stage: 2\n")
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
    assert runner.invoke(app, ["validate", "--strict", str(path)]).exit_code == 1


def test_missing_path_exits_2_but_other_files_are_still_checked(runner: CliRunner, tmp_path: Path) -> None:
    bad = _invalid(tmp_path)
    result = runner.invoke(app, ["validate", "--format", "json", str(tmp_path / "nope.yaml"), str(bad)])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert {p["code"] for p in report["problems"]} == {"unreadable", "unknown-indicator", "not-rated"}


def test_unknown_framework_option_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "--framework", "nope", str(_valid(tmp_path))])
    assert result.exit_code == 2
    assert "unknown framework 'nope'" in result.output


def test_json_format(runner: CliRunner, tmp_path: Path) -> None:
    _valid(tmp_path)
    bad = _invalid(tmp_path)
    result = runner.invoke(app, ["validate", "--format", "json", str(tmp_path)])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["summary"] == {
        "files": 2,
        "valid": 1,
        "errors": 1,
        "warnings": 22,
        "skipped": 0,
        "suppressed": 0,
        "excluded": 0,
    }
    first = next(p for p in report["problems"] if p["severity"] == "error")
    assert first == {
        "file": str(bad),
        "line": 5,
        "column": 3,
        "severity": "error",
        "code": "unknown-indicator",
        "message": "unknown indicator 'C12' (did you mean 'C1.2'?) in framework 'community-framework'",
    }


def test_github_format_escapes_properties_and_data(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "a,b:c"
    folder.mkdir()
    path = write(folder, VALID_HEADER + "ratings:\n  C1.1:\n    stage: 9\n", "x.yaml")
    result = runner.invoke(app, ["validate", "--format", "github", str(path)])
    assert result.exit_code == 1
    line = next(x for x in result.stdout.splitlines() if x.startswith("::error"))
    escaped = str(path).replace(":", "%3A").replace(",", "%2C")
    assert line.startswith(
        f"::error file={escaped},line=6,col=12,title=stage-out-of-range::C1.1 stage: stage 9"
    )
    assert any(x.startswith("::warning ") for x in result.stdout.splitlines())


def test_folder_walk_skips_other_yaml_and_hidden_folders(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "terms").mkdir()
    _valid(tmp_path / "terms")
    write(tmp_path, "name: CI\non: push\n", "workflow.yml")
    (tmp_path / ".github").mkdir()
    write(tmp_path / ".github", "broken: [", "ci.yaml")
    result = runner.invoke(app, ["validate", "--format", "json", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"] == {
        "files": 1,
        "valid": 1,
        "errors": 0,
        "warnings": 0,
        "skipped": 1,
        "suppressed": 0,
        "excluded": 0,
    }


def test_a_named_non_assessment_file_is_checked_unless_skip_other_yaml(
    runner: CliRunner, tmp_path: Path
) -> None:
    other = write(tmp_path, "name: CI\non: push\n", "workflow.yml")
    assert runner.invoke(app, ["validate", str(other)]).exit_code == 1
    assert runner.invoke(app, ["validate", "--skip-other-yaml", str(other)]).exit_code == 0


PLAYBOOK = "- hosts: all\n  tasks:\n    - name: ping\n      ping:\n"


def test_a_list_or_a_single_value_is_not_an_assessment_in_a_folder_or_for_pre_commit(
    runner: CliRunner, tmp_path: Path
) -> None:
    # an Ansible playbook is a list: it must not fail a folder's check, nor block a commit
    (tmp_path / "terms").mkdir()
    _valid(tmp_path / "terms")
    playbook = write(tmp_path, PLAYBOOK, "site.yml")
    word = write(tmp_path, "just a note\n", "note.yaml")
    result = runner.invoke(app, ["validate", "--format", "json", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["skipped"] == 2
    hook = runner.invoke(app, ["validate", "--skip-other-yaml", str(playbook), str(word)])
    assert hook.exit_code == 0, hook.output
    assert "2 skipped (not assessments)" in hook.stderr
    named = runner.invoke(app, ["validate", str(playbook)])  # named without the option: checked
    assert named.exit_code == 1
    assert "holds a list" in named.output


def test_an_assessment_written_as_a_list_item_is_still_reported(runner: CliRunner, tmp_path: Path) -> None:
    listed = write(tmp_path, "- " + VALID_HEADER.replace("\n", "\n  ").rstrip() + "\n", "spring.yaml")
    result = runner.invoke(app, ["validate", "--skip-other-yaml", str(listed)])
    assert result.exit_code == 1
    assert "spring.yaml:1:1: error the file holds a list" in result.output


def test_a_broken_yaml_in_a_folder_that_looks_like_an_assessment_is_reported(
    runner: CliRunner, tmp_path: Path
) -> None:
    write(tmp_path, VALID_HEADER + "ratings: [\n", "broken.yaml")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "broken.yaml:5:1: error" in result.output


def test_many_files_in_parallel_report_the_same_as_one_by_one(runner: CliRunner, tmp_path: Path) -> None:
    for n in range(60):
        (_invalid if n % 7 == 0 else _valid)(tmp_path, f"f{n:02}.yaml")
    parallel = runner.invoke(app, ["validate", "--format", "json", str(tmp_path)])
    serial = runner.invoke(app, ["validate", "--format", "json", "--jobs", "1", str(tmp_path)])
    assert parallel.exit_code == serial.exit_code == 1
    assert json.loads(parallel.stdout) == json.loads(serial.stdout)
    assert json.loads(parallel.stdout)["summary"]["valid"] == 51


# Hostile input: a clear error and a bounded cost.


def _codes(runner: CliRunner, path: Path) -> set[str]:
    result = runner.invoke(app, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 1, result.output
    return {p["code"] for p in json.loads(result.stdout)["problems"]}


def test_billion_laughs_is_refused_quickly(runner: CliRunner, tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = write(tmp_path, VALID_HEADER + "notes:\n" + "\n".join("  " + x for x in lines) + "\n")
    assert _codes(runner, path) == {"alias"}


def test_an_alias_of_a_single_value_is_allowed_and_of_a_mapping_is_not(
    runner: CliRunner, tmp_path: Path
) -> None:
    text = VALID_HEADER.replace("coalition: Riverside", "coalition: &name Riverside") + "facilitator: *name\n"
    result = runner.invoke(app, ["validate", str(write(tmp_path, text + full_ratings()))])
    assert result.exit_code == 0, result.output
    assert "not rated" not in result.stdout
    shared = text + "participants:\n  - &p {name: Ana}\n  - *p\n" + full_ratings()
    path = write(tmp_path, shared, "shared.yaml")
    assert _codes(runner, path) == {"alias"}


def test_a_multi_megabyte_file_is_refused_unread(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(VALID_HEADER + "notes: " + "x" * (3 * 1024 * 1024) + "\n")
    assert _codes(runner, path) == {"too-large"}


def test_deep_nesting_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, VALID_HEADER + "notes: " + "[" * 5000 + "]" * 5000 + "\n")
    assert _codes(runner, path) & {"too-deep", "syntax"}


def test_binary_junk_and_non_utf8(runner: CliRunner, tmp_path: Path) -> None:
    junk = tmp_path / "junk.yaml"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert _codes(runner, junk) == {"binary-file"}
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(VALID_HEADER.replace("Riverside", "R\xe9o").encode("latin-1"))
    result = runner.invoke(app, ["--no-color", "validate", str(latin)])
    assert result.exit_code == 1
    assert f"{latin}:2:13: error the file is not UTF-8 text (byte 0xe9)" in result.output


@pytest.mark.parametrize(
    ("encoding", "mark"),
    [("utf-16", b""), ("utf-16-le", b""), ("utf-16-be", b""), ("utf-16-be", b"\xfe\xff")],
    ids=["notepad-unicode", "little-endian", "big-endian", "big-endian-with-mark"],
)
@pytest.mark.parametrize("command", ["validate", "plan", "rate"])
def test_a_file_saved_as_utf16_is_told_to_be_saved_as_utf8(
    runner: CliRunner, tmp_path: Path, encoding: str, mark: bytes, command: str
) -> None:
    """Notepad's "Unicode" (review s12 #4): text, in UTF-16, not a binary file; with a byte-order mark
    or without, either byte order; at the top of the file, not at its first zero byte."""
    path = tmp_path / "unicode.yaml"
    path.write_bytes(mark + (VALID_HEADER.replace("Riverside", "Río") + full_ratings()).encode(encoding))
    args = {"validate": [], "plan": [], "rate": ["C1.1=3"]}[command]
    result = runner.invoke(app, ["--no-color", command, str(path), *args])
    assert result.exit_code == 1
    assert (
        f"{path}:1:1: error this file is saved as UTF-16 (what Notepad and Word call 'Unicode'); save it "
        "as UTF-8 (in Notepad: File, Save as, Encoding: UTF-8) [encoding]"
    ) in result.output


def test_no_color_is_accepted_after_the_command(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(_invalid(tmp_path)), "--no-color"])
    assert result.exit_code == 1
    assert "\x1b[" not in result.output


def test_a_rating_of_the_wrong_type_is_reported_once(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, VALID_HEADER + full_ratings().replace("  C2.4:\n    stage: 2\n", "  C2.4: 3\n"))
    report = json.loads(runner.invoke(app, ["validate", "--format", "json", str(path)]).stdout)
    assert [(p["line"], p["code"]) for p in report["problems"]] == [(19, "wrong-type")]


def test_a_problem_names_its_place_one_way_in_every_format(runner: CliRunner, tmp_path: Path) -> None:
    """A key written as a number is a mapping's key, not a list's item (`ratings: the key 1`, never a
    second item), and Pydantic's own tags (`[key]`) never reach the message; list items count from 1.
    JSON, GitHub annotations and SARIF carry the same message as the text."""
    path = write(
        tmp_path,
        VALID_HEADER + "ratings:\n  1:\n    stage: 2\n  C1.1:\n    stage: 2\n    links: [5]\n",
    )
    text = runner.invoke(app, ["--no-color", "validate", str(path)])
    assert text.exit_code == 1
    messages = [line.split(" error ", 1)[1] for line in text.stdout.splitlines() if " error " in line]
    assert messages == [
        "unknown indicator '1' in framework 'community-framework' [unknown-indicator]",
        "ratings: the key 1 must be text [wrong-type]",
        'C1.1, link 1: must be text (got 5); put it in quotes: "5" [wrong-type]',
    ]
    plain = [message.rsplit(" [", 1)[0] for message in messages]
    report = json.loads(runner.invoke(app, ["validate", "--format", "json", str(path)]).stdout)
    assert [p["message"] for p in report["problems"] if p["severity"] == "error"] == plain
    sarif = json.loads(runner.invoke(app, ["validate", "--format", "sarif", str(path)]).stdout)
    assert [r["message"]["text"] for r in sarif["runs"][0]["results"] if r["level"] == "error"] == plain
    github = runner.invoke(app, ["validate", "--format", "github", str(path)]).stdout
    assert [line.split("::", 2)[2] for line in github.splitlines() if line.startswith("::error ")] == plain
    # a settings file's keys too: `severity, 5`, as the file writes it, not the sixth item of a list
    settings = write(tmp_path, "severity:\n  5: sometimes\n", "settings.yaml")
    refused = runner.invoke(app, ["--no-color", "validate", "--config", str(settings), str(path)])
    assert refused.exit_code == 2
    assert (
        f"{settings}:2:6: error severity, 5: must be one of 'error', 'warning' or 'ignore'" in refused.stderr
    )


def test_a_place_in_a_file_is_said_as_a_coordinator_would_say_it(runner: CliRunner, tmp_path: Path) -> None:
    """An action's due date and status, and a member of the profile, are named in words, counted from
    1, with the member's name: "C1.1, action 1, due", "member 8 (Cal State Riverside)", not
    `ratings.C1.1.actions[1].due` or `members[8]`; the same from the fast path and the models."""
    folder = tmp_path / "riverside"
    shutil.copytree(EXAMPLES / "riverside", folder)
    spring = folder / "2026-03-spring.yaml"
    text = spring.read_text(encoding="utf-8")
    first_action = "        due: 2025-12-11\n        status: done\n"
    assert first_action in text
    spring.write_text(text.replace(first_action, "        due: soon\n        status: dnoe\n", 1))
    profile = folder / "coalition.yaml"
    profile.write_text(
        profile.read_text().replace("- organization: Cal State Riverside", "- name: Cal State Riverside")
    )
    expected = [
        "2026-03-spring.yaml:87:14: error C1.1, action 1, due: must be a date written year-month-day, "
        "like 2026-03-14 (got 'soon') [invalid-date]",
        "2026-03-spring.yaml:88:17: error C1.1, action 1, status: must be one of 'planned', 'in-progress', "
        "'done' or 'dropped', in any case (got 'dnoe'; did you mean 'done'?) [wrong-value]",
        "coalition.yaml:73:5: error member 8 (Cal State Riverside): missing required key 'organization' "
        "[missing-key]",
    ]
    fast = coalition("validate", "2026-03-spring.yaml", "coalition.yaml", cwd=folder)
    models = runner.invoke(
        app, ["--no-color", "validate", "--jobs", "1", str(spring), str(profile)], catch_exceptions=False
    )
    for status, output in ((fast.returncode, fast.stdout), (models.exit_code, models.stdout)):
        assert status == 1, output
        lines = [line.replace(f"{folder}/", "") for line in output.splitlines()]
        assert [line for line in lines if " error " in line and "unknown key" not in line] == expected


def test_a_date_that_does_not_exist_is_not_a_format_problem(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`2026-05-32` is written the right way but names no day: the message says so, and keeps the
    advice on how to write a date for text that is not year-month-day; the fast path and the models
    say the same."""
    text = VALID_HEADER.replace("2026-03-14", "2026-02-30") + full_ratings().replace(
        "  C6.2:\n    stage: 2\n",
        "  C6.2:\n    stage: 2\n    actions:\n      - action: Survey\n        due: 2026-05-32\n"
        "      - action: Call\n        due: next week\n",
    )
    write(tmp_path, text, "a.yaml")
    expected = [
        "a.yaml:3:14: error assessed_on: '2026-02-30' is not a date: February has no day 30 [invalid-date]",
        "a.yaml:45:14: error C6.2, action 1, due: '2026-05-32' is not a date: May has no day 32 [invalid-date]",
        "a.yaml:47:14: error C6.2, action 2, due: must be a date written year-month-day, like 2026-03-14 "
        "(got 'next week') [invalid-date]",
    ]
    fast = coalition("validate", "a.yaml", cwd=tmp_path)
    monkeypatch.chdir(tmp_path)
    models = runner.invoke(app, ["--no-color", "validate", "--jobs", "1", "a.yaml"], catch_exceptions=False)
    assert (fast.returncode, models.exit_code) == (1, 1)
    assert fast.stdout.splitlines() == models.stdout.splitlines() == expected


def test_a_name_in_a_place_is_shown_escaped_in_every_format(runner: CliRunner, tmp_path: Path) -> None:
    """A member named by its file's own text: an escape sequence in it cannot reach a terminal or a CI log."""
    path = write(
        tmp_path, 'members:\n  - name: "Cal \\e[31mState\\u202e"\n    stakeholder_group: postsecondary\n'
    )
    for output in ("text", "github", "json"):
        result = runner.invoke(app, ["--no-color", "validate", "-f", output, str(path)])
        assert result.exit_code == 1, result.output
        assert "member 1 (Cal \\x1b[31mState\\u202e): missing required key 'organization'" in (
            result.stdout.replace("\\\\", "\\")
        )
        assert "\x1b" not in result.stdout and "\u202e" not in result.stdout


def test_commands_that_need_a_valid_file_show_its_errors_first(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, VALID_HEADER + "ratings:\n  C1.1:\n    stage: 9\n")
    result = runner.invoke(app, ["--no-color", "score", str(path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{path}:6:12: error C1.1 stage: stage 9 is out of range")
    assert "(and 21 warnings, such as indicators not rated yet)" in result.output
    assert "not-rated" not in result.output


def test_the_hint_after_one_problem_says_fix_it(runner: CliRunner, tmp_path: Path) -> None:
    """ "has 1 problem" is followed by "fix it", "has 2 problems" by "fix them", wherever a command
    refuses a file: one assessment, several, a coalition profile, the settings."""
    one = write(tmp_path, VALID_HEADER + full_ratings().replace("stage: 2", "stage: 9", 1), "one.yaml")
    two = write(tmp_path, VALID_HEADER + full_ratings().replace("stage: 2", "stage: 9", 2), "two.yaml")
    said = {
        ("plan", str(one)): "hint: fix it, then check again",
        ("plan", str(two)): "hint: fix them, then check again",
        ("score", str(one)): "hint: fix it, then check again",
        ("score", str(one), str(two)): "hint: fix them, then check again",
    }
    for args, hint in said.items():
        result = runner.invoke(app, ["--no-color", *args])
        assert result.exit_code == 1, result.output
        assert hint in result.output, result.output
    profile = write(tmp_path, "members:\n  - organization: Riverside Unified\n", "coalition.yaml")
    result = runner.invoke(app, ["--no-color", "roster", str(profile)])
    assert (
        result.exit_code == 1
        and "has 1 problem" in result.output
        and "hint: fix it, then run" in result.output
    )
    settings = write(tmp_path, "severity:\n  not-rated: fatal\n", "settings.yaml")
    result = runner.invoke(app, ["--no-color", "validate", "--config", str(settings), str(one)])
    assert result.exit_code == 2 and "hint: fix it, or run with --isolated" in result.output


def test_a_framework_typo_does_not_hide_the_guides_checks(runner: CliRunner, tmp_path: Path) -> None:
    text = VALID_HEADER.replace("community-framework", "community-framwork") + (
        "participants:\n  - name: Ana\n    stakeholder_group: parents\n"
    )
    result = runner.invoke(app, ["--no-color", "validate", str(write(tmp_path, text))])
    assert result.exit_code == 1
    assert "did you mean 'community-framework'?" in result.stdout
    assert "indicator ids and stages are checked once the framework is found" in result.stdout
    assert "6:24: error unknown stakeholder group 'parents'" in result.stdout


def test_an_empty_file_is_not_an_assessment_for_pre_commit(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.yml"
    empty.write_bytes(b"")
    skipped = runner.invoke(app, ["validate", "--skip-other-yaml", str(empty)])
    assert skipped.exit_code == 0, skipped.output
    assert "1 skipped (not assessments)" in skipped.stderr
    named = runner.invoke(app, ["validate", "--format", "json", str(empty)])
    assert named.exit_code == 1
    assert [p["code"] for p in json.loads(named.stdout)["problems"]] == ["empty-file"]


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("ratings:\n  C1.1: {stage: 2\n", "6:1", "a '{' that is never closed with '}' (it opens on line 5)"),
        ('notes: "C:\\qfiles"\n', "4:11", "a backslash inside double quotes: use single quotes instead"),
    ],
)
def test_yaml_syntax_errors_are_explained_in_plain_words(
    runner: CliRunner, tmp_path: Path, text: str, where: str, words: str
) -> None:
    path = write(tmp_path, VALID_HEADER + text)
    result = runner.invoke(app, ["--no-color", "validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:{where}: error not valid YAML: " in result.stdout
    assert words in result.stdout
    assert "the YAML reader says:" in result.stdout


@pytest.mark.parametrize("mark", ['"', "'"])
def test_a_quotation_mark_never_closed_is_located_where_it_opens(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mark: str
) -> None:
    """The reader finds out at the end of the file; the problem is reported at the quotation mark, so
    that an editor or a CI annotation goes there, without the reader's own words."""
    write(tmp_path, VALID_HEADER + f"notes: {mark}unclosed\n" + full_ratings(), "a.yaml")
    said = (
        f"not valid YAML: this quotation mark ({mark}) is never closed, so the lines after it are read as "
        f"its text; add the closing {mark} where the text ends (the rest of the file is checked once this "
        "is fixed)"
    )
    fast = coalition("validate", "a.yaml", cwd=tmp_path)
    monkeypatch.chdir(tmp_path)
    models = runner.invoke(app, ["--no-color", "validate", "--jobs", "1", "a.yaml"], catch_exceptions=False)
    assert fast.returncode == models.exit_code == 1
    assert fast.stdout.splitlines() == models.stdout.splitlines() == [f"a.yaml:4:8: error {said} [syntax]"]
    github = runner.invoke(app, ["validate", "--format", "github", "a.yaml"])
    assert github.stdout.startswith(f"::error file=a.yaml,line=4,col=8,title=syntax::{said}")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_merge_conflict_is_one_problem_that_names_the_indicator_it_is_in(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, newline: str
) -> None:
    """One error for each conflict git left, at its `<<<<<<<` line, saying where it is; a marker line
    left alone is still one of its own. Every command refuses the file, and both paths say the same.
    The advice does not say "keep one side" (review s11 #6): one branch's new stage and the other's
    new action are both to be kept."""
    conflicted = (
        "  C1.3:\n<<<<<<< HEAD\n    stage: 2\n    evidence: x\n=======\n    stage: 3\n>>>>>>> spring\n"
    )
    text = (
        VALID_HEADER
        + (
            "participants:\n<<<<<<< HEAD\n  - name: Maria Lopez\n||||||| base\n  - name: M. Lopez\n"
            "=======\n  - name: María López\n>>>>>>> spring\n"
        )
        + full_ratings().replace("  C1.3:\n    stage: 2\n", conflicted)
        + "=======\n"
    )
    (tmp_path / "a.yaml").write_bytes(text.replace("\n", newline).encode())
    keep = (
        "keep what each side should keep (both changes, or one of them) and delete the marker lines "
        "[merge-conflict]"
    )
    expected = [
        f"a.yaml:5:1: error a git merge conflict in participants (lines 5 to 11): {keep}",
        f"a.yaml:18:1: error a git merge conflict in C1.3 (lines 18 to 23): {keep}",
        f"a.yaml:62:1: error git merge-conflict marker: {keep}",
    ]
    fast = coalition("validate", "a.yaml", cwd=tmp_path)
    monkeypatch.chdir(tmp_path)
    models = runner.invoke(app, ["--no-color", "validate", "--jobs", "1", "a.yaml"], catch_exceptions=False)
    assert fast.returncode == models.exit_code == 1
    assert fast.stdout.splitlines() == models.stdout.splitlines() == expected
    for command in (["score", "a.yaml"], ["plan", "a.yaml"], ["validate", "-f", "json", "a.yaml"]):
        refused = runner.invoke(app, ["--no-color", *command])
        assert refused.exit_code == 1, refused.output


def test_ctrl_c_stops_a_command_with_130(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coalition_cli.cli.validation import files as validate_files

    def interrupted(*_args: object, **_kwargs: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(validate_files, "validate_files", interrupted)
    result = runner.invoke(app, ["validate", str(write(tmp_path, VALID_HEADER))])
    assert result.exit_code == 130
    assert "Aborted" not in result.output


def test_a_folder_without_yaml_says_so(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not yaml\n")
    result = runner.invoke(app, ["--no-color", "validate", str(tmp_path)])
    assert result.exit_code == 0
    assert result.stderr == "! no assessment files found: no *.yaml or *.yml file in the paths given\n"


def test_an_escape_in_quotes_is_not_called_unclosed(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["--no-color", "validate", str(write(tmp_path, VALID_HEADER + 'notes: "a\\qb"\n'))]
    )
    assert "a backslash inside double quotes" in result.stdout
    assert "it opens on line" not in result.stdout


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("--job", "No such option: --job (did you mean '--jobs'?)"),
        ("--selct", "No such option: --selct (did you mean '--select'?)"),
        ("--exit_zero", "No such option: --exit_zero (did you mean '--exit-zero'?)"),
        ("--no-colour", "No such option: --no-colour (did you mean '--no-color'?)"),
        # nothing close, or only an option that says the opposite: no suggestion at all
        ("--jsons", "No such option: --jsons"),
        ("--no-strict", "No such option: --no-strict"),
        ("--path", "No such option: --path"),
    ],
)
def test_an_unknown_option_gets_the_house_did_you_mean(
    runner: CliRunner, tmp_path: Path, typed: str, said: str
) -> None:
    """One closest option in the words every other did-you-mean uses, or none: not Click's
    "(Possible options: --help, --select, --strict)", which offered --jobs for --jsons."""
    result = runner.invoke(app, ["validate", typed, str(_valid(tmp_path))])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: {said}"
    assert "Possible options" not in result.stderr


def test_an_unknown_option_is_exit_2_in_a_real_process(tmp_path: Path) -> None:
    """As CI runs it, past validate's fast path (which leaves every unknown option to Typer), and
    for the options before the command and those of a sub-command too."""
    path = str(_valid(tmp_path))
    for args, said in [
        (["validate", "--strikt", path], "No such option: --strikt (did you mean '--strict'?)"),
        (["--versoin"], "No such option: --versoin (did you mean '--version'?)"),
        (["framework", "list", "--formt", "json"], "No such option: --formt (did you mean '--format'?)"),
    ]:
        process = coalition(*args, cwd=tmp_path)
        assert (process.returncode, process.stdout) == (2, ""), args
        assert process.stderr.splitlines()[-1] == f"Error: {said}"


def test_a_rubric_given_to_validate_is_checked_as_a_rubric(tmp_path: Path) -> None:
    """(tests/cli/test_validate_rubrics.py has the rest.) A valid rubric is a valid file, with no
    assessment errors; an assessment with a key that a rubric has is still an assessment."""
    rubric = tmp_path / "our-rubric.yaml"
    rubric.write_text(
        (Path(__file__).parents[1] / "fixtures" / "scoring" / "two-domain-rubric.yaml").read_text(
            encoding="utf-8"
        )
    )
    result = CliRunner().invoke(app, ["validate", str(rubric)])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "✓ 1 file checked, 1 valid\n"
    assessment = write(tmp_path, VALID_HEADER + "stages: []\ndomains: []\nratings:\n")
    other = CliRunner().invoke(app, ["validate", str(assessment)])
    assert other.exit_code == 1 and "unknown key 'stages'" in other.stdout


def _new_with_one_mistake(tmp_path: Path) -> Path:
    """A first term's file: three indicators rated, one of them with a stage nobody has, the rest not
    rated yet (18 warnings)."""
    ratings = full_ratings("null").replace("C1.1:\n    stage: null", "C1.1:\n    stage: 2", 1)
    ratings = ratings.replace("C2.1:\n    stage: null", "C2.1:\n    stage: 2", 1)
    ratings = ratings.replace("C5.3:\n    stage: null", "C5.3:\n    stage: Advanced", 1)
    return write(tmp_path, VALID_HEADER + ratings, "new.yaml")


def test_an_error_among_many_warnings_is_pointed_out_on_both_paths(runner: CliRunner, tmp_path: Path) -> None:
    """The error is line 13 of 19: the run says how to see it alone."""
    path = _new_with_one_mistake(tmp_path)
    hint = "hint: 1 error among 19 warnings; add --ignore not-rated to leave out the 19 not-rated ones"
    result = runner.invoke(app, ["--no-color", "validate", str(path)])
    assert result.exit_code == 1
    assert result.output.rstrip().endswith("✗ 1 file checked, 0 valid, 1 error, 19 warnings\n" + hint)
    fast = coalition("validate", "new.yaml", cwd=tmp_path)
    assert fast.returncode == 1 and fast.stderr.rstrip().endswith(hint)
    alone = runner.invoke(app, ["--no-color", "validate", str(path), "--ignore", "not-rated"])
    assert "hint:" not in alone.output and "unknown stage 'Advanced'" in alone.output


def test_a_few_warnings_or_no_error_get_no_such_hint(runner: CliRunner, tmp_path: Path) -> None:
    unrated = write(tmp_path, VALID_HEADER + full_ratings("null"), "unrated.yaml")
    assert "hint:" not in runner.invoke(app, ["--no-color", "validate", str(unrated)]).output
    one_wrong = full_ratings().replace("C5.3:\n    stage: 2", "C5.3:\n    stage: Advanced", 1)
    wrong = write(tmp_path, VALID_HEADER + one_wrong, "wrong.yaml")
    result = runner.invoke(app, ["--no-color", "validate", str(wrong)])
    assert result.exit_code == 1 and "hint:" not in result.output


def test_a_number_or_a_date_where_text_is_meant_is_told_to_quote_it_and_an_empty_value_is_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    """`term: 2027` said "must be text (got 2027)": not a fix to a coordinator, who does not know 2027
    is not text to YAML; an empty `assessed_on:` said "(got None)", a Python word."""
    header = VALID_HEADER.replace("assessed_on: 2026-03-14", "assessed_on:\nterm: 2027")
    assert header != VALID_HEADER
    path = write(tmp_path, header + full_ratings(), "a.yaml")
    result = runner.invoke(app, ["--no-color", "validate", str(path)])
    assert result.exit_code == 1
    assert 'term: must be text (got 2027); put it in quotes: "2027" [wrong-type]' in result.stdout
    assert "like 2026-03-14 (got nothing) [invalid-date]" in result.stdout
    fast = coalition("validate", "a.yaml", cwd=tmp_path)
    assert fast.stdout == result.stdout.replace(str(path), "a.yaml")
