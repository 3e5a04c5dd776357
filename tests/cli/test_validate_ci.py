"""`coalition validate` run the way CI and pre-commit run it: the regressions of issue 15, one by one.

Each test names the problem it holds fixed: nothing unreadable passes silently, the github format
always says something, SIGTERM leaves no worker behind, --strict fails every warning, foreign YAML
does not block a commit, profile problems are at a path an annotation attaches to, output that
cannot be written is exit 2, `-` is standard input.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.files import VALID_HEADER, full_ratings, write
from tests.support.paths import EXAMPLES
from tests.support.processes import (
    LAUNCH,
    as_nobody,
    coalition,
    environment,
    group_killed_afterwards,
    left_after,
    require_nobody,
    shared_folder,
    workers_started,
)

BROKEN = VALID_HEADER + "ratings:\n  C1.1:\n    stage: 9\n"


# 1. Silent passes: what cannot be read is exit 2, never "no files found" and never a traceback.


@pytest.mark.slow
def test_a_folder_the_user_cannot_read_is_exit_2_not_no_files_found() -> None:
    require_nobody()
    with shared_folder() as root:
        locked = root / "lockeddir"
        locked.mkdir()
        write(locked, BROKEN, "term.yaml")
        os.chown(locked, 65534, 65534)
        locked.chmod(0o000)
        result = as_nobody("validate", "lockeddir", cwd=root)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "no assessment files found" not in result.stderr
    assert (
        "lockeddir:1:1: error cannot read: cannot list this folder: permission denied [unreadable]"
        in result.stdout
    )
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_an_unreadable_subfolder_of_a_readable_tree_is_exit_2() -> None:
    require_nobody()
    with shared_folder() as root:
        write(root, VALID_HEADER + full_ratings(), "good.yaml")
        hidden = root / "sub"
        hidden.mkdir()
        write(hidden, BROKEN, "broken.yaml")
        hidden.chmod(0o700)  # root's own folder: nobody cannot list it
        result = as_nobody("validate", "--format", "json", ".", cwd=root)
    assert result.returncode == 2, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert [(p["file"], p["code"]) for p in report["problems"]] == [("sub", "unreadable")]
    assert report["summary"]["valid"] == 1


@pytest.mark.slow
def test_a_path_inside_a_folder_the_user_cannot_enter_is_exit_2_without_a_traceback() -> None:
    require_nobody()
    with shared_folder() as root:
        private = root / "private"
        private.mkdir()
        write(private, BROKEN, "term.yaml")
        (private / "inner").mkdir()
        private.chmod(0o700)
        for target in ("private/term.yaml", "private/inner"):
            result = as_nobody("validate", target, cwd=root)
            assert result.returncode == 2, result.stdout + result.stderr
            assert "Traceback" not in result.stderr
            assert f"{target}:1:1: error cannot read: permission denied [unreadable]" in result.stdout


def test_a_mode_000_file_is_refused_as_nobody_and_read_by_root_who_can() -> None:
    """As root the permission bits do not apply (honestly: root reads it); as nobody, exit 2."""
    require_nobody()
    with shared_folder() as root:
        path = write(root, VALID_HEADER + full_ratings(), "term.yaml")
        path.chmod(0o000)
        assert coalition("validate", "term.yaml", cwd=root).returncode == 0
        result = as_nobody("validate", ".", cwd=root)
    assert result.returncode == 2
    assert "term.yaml:1:1: error cannot read: Permission denied [unreadable]" in result.stdout


# 2. --format github says something when nothing is found.


def test_github_format_warns_when_no_files_are_found(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "--format", "github", str(tmp_path)])
    assert result.exit_code == 0
    assert result.stdout.startswith("::warning title=coalition validate::no assessment files found")
    assert "! no assessment files found" in result.stderr


def test_github_is_the_format_inside_github_actions(tmp_path: Path) -> None:
    write(tmp_path, BROKEN, "term.yaml")
    env = environment(GITHUB_ACTIONS="true")
    result = coalition("validate", "term.yaml", cwd=tmp_path, env=env)
    assert result.returncode == 1
    assert "\n::error file=term.yaml,line=6,col=12,title=stage-out-of-range::C1.1 stage" in result.stdout
    clean = write(tmp_path, VALID_HEADER + full_ratings(), "clean.yaml")
    fast = coalition("validate", clean.name, cwd=tmp_path, env=env)  # the fast path chooses it too
    assert (fast.returncode, fast.stdout) == (0, "")
    assert fast.stderr == "✓ 1 file checked, 1 valid\n"
    text = coalition("validate", "--format", "text", "term.yaml", cwd=tmp_path, env=env)
    assert "term.yaml:6:12: error C1.1 stage" in text.stdout


# 3. SIGTERM leaves no worker behind.


@pytest.mark.slow
@pytest.mark.parametrize("command", ["validate", "summary"])
def test_sigterm_stops_every_worker_and_closes_stdout(tmp_path: Path, command: str) -> None:
    text = VALID_HEADER + full_ratings()
    for n in range(400):
        (tmp_path / f"t{n:03}.yaml").write_text(text.replace("Riverside", f"Coalition {n}"), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCH, command, "--jobs", "2", "."],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(),
        start_new_session=True,
    )
    with group_killed_afterwards(process):
        assert workers_started(process), "the run never started its workers"
        process.send_signal(signal.SIGTERM)
        _stdout, _ = process.communicate(timeout=20)  # returns only once every holder of stdout is gone
        assert process.returncode == 128 + signal.SIGTERM
        assert left_after(process.pid, within=5) == set()


# 4. --strict: every warning fails.


def test_strict_fails_a_target_not_above_the_stage(runner: CliRunner, tmp_path: Path) -> None:
    text = VALID_HEADER + full_ratings().replace(
        "  C1.1:\n    stage: 2\n", "  C1.1:\n    stage: 2\n    target: 2\n"
    )
    path = write(tmp_path, text)
    relaxed = runner.invoke(app, ["--no-color", "validate", str(path)])
    assert relaxed.exit_code == 0
    assert "warning C1.1: the target (2 Developing) is not above" in relaxed.stdout
    strict = runner.invoke(app, ["--no-color", "validate", "--strict", str(path)])
    assert strict.exit_code == 1
    assert "error C1.1: the target (2 Developing) is not above" in strict.stdout


# 6. The pre-commit hook's content check: foreign YAML with a `framework:` key does not block a commit.


def test_a_helm_values_file_with_a_framework_key_is_skipped_by_the_hook(
    runner: CliRunner, tmp_path: Path
) -> None:
    values = write(tmp_path, "framework: nextjs\nreplicaCount: 2\nimage:\n  tag: latest\n", "values.yaml")
    broken = write(tmp_path, "framework: nextjs\nimage: [\n", "broken-values.yaml")
    result = runner.invoke(app, ["validate", "--skip-other-yaml", str(values), str(broken)])
    assert result.exit_code == 0, result.output
    assert "0 files checked, 0 valid, 2 skipped (not assessments)" in result.stderr
    typo = write(tmp_path, "framework: comunity-framework\ncoalition: Riverside\n", "typo.yaml")
    assert runner.invoke(app, ["validate", "--skip-other-yaml", str(typo)]).exit_code == 1


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("profile.yaml", "name: Riverside\nmembers:\n  - organization: RUSD\n    stakeholder_group: [k12\n"),
        ("shared.yaml", "name:Riverside\nmembers:\n  - organization: RUSD\n"),
        ("coalition.yaml", "name: Riverside\ncommittees: [Data\n"),  # by its name
        ("coalition.yml", "name: Riverside\n\tmembers: []\n"),
    ],
)
def test_a_profile_that_is_not_valid_yaml_is_never_skipped(
    runner: CliRunner, tmp_path: Path, name: str, text: str
) -> None:
    """A broken coalition.yaml passed the hook as "not assessments" (review s15 #1)."""
    path = write(tmp_path, text, name)
    result = runner.invoke(app, ["--no-color", "validate", "--skip-other-yaml", str(path)])
    assert result.exit_code == 1, result.output
    assert f"{name}:" in result.stdout and "error not valid YAML" in result.stdout
    assert "skipped" not in result.stderr


# 7. Profile problems at a path without `..`.


def test_profile_problems_are_reported_at_a_normalised_path(runner: CliRunner, repository: Path) -> None:
    tmp_path = repository  # `../co.yaml` stays inside the repository (core/files/references.py)
    (tmp_path / "prof" / "sub").mkdir(parents=True)
    profile = (EXAMPLES / "riverside" / "coalition.yaml").read_text(encoding="utf-8")
    (tmp_path / "prof" / "co.yaml").write_text(profile.replace("k12-education", "k12", 1), encoding="utf-8")
    spring = (EXAMPLES / "riverside" / "2026-03-spring.yaml").read_text(encoding="utf-8")
    term = tmp_path / "prof" / "sub" / "a.yaml"
    term.write_text(spring.replace("profile: coalition.yaml", "profile: ../co.yaml"), encoding="utf-8")
    result = runner.invoke(app, ["validate", "--format", "json", str(term)])
    assert result.exit_code == 1
    files = {problem["file"] for problem in json.loads(result.stdout)["problems"]}
    assert files == {str(tmp_path / "prof" / "co.yaml")}


# 8. Output that cannot be written: exit 2 and a message, not a traceback and exit 1.


def test_a_closed_stdout_is_exit_2_with_a_message(tmp_path: Path) -> None:
    path = write(tmp_path, BROKEN)
    for args in (["validate", path.name], ["score", str(EXAMPLES / "riverside" / "2026-03-spring.yaml")]):
        result = subprocess.run(
            [sys.executable, "-c", LAUNCH, *args],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=environment(),
            preexec_fn=lambda: os.close(1),
            timeout=60,
        )
        assert result.returncode == 2, result.stderr
        assert result.stderr == (
            "error: cannot write the output: standard output is closed (>&-); redirect it to /dev/null to discard it\n"
        )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "args",
    [
        ["validate", "assessment.yaml"],
        ["validate", "--format", "json", "assessment.yaml"],
        ["score", "--format", "json", "spring.yaml"],
        ["framework", "list", "--format", "json"],
    ],
)
def test_a_full_disk_is_exit_2_with_a_message(tmp_path: Path, args: list[str]) -> None:
    write(tmp_path, BROKEN)
    write(
        tmp_path,
        (EXAMPLES / "riverside" / "2026-03-spring.yaml")
        .read_text(encoding="utf-8")
        .replace("profile: coalition.yaml", "profile: null"),
        "spring.yaml",
    )
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [sys.executable, "-c", LAUNCH, *args],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=environment(),
            timeout=60,
        )
    assert result.returncode == 2, result.stderr
    assert "error: cannot write the output: No space left on device\n" in result.stderr
    assert "Traceback" not in result.stderr


# 9. When a file's problems are cut at 100, the summary still counts them all.


def test_the_summary_counts_problems_past_the_cap(runner: CliRunner, tmp_path: Path) -> None:
    keys = "".join(f"unknown_{n:03}: 1\n" for n in range(130))
    path = write(tmp_path, VALID_HEADER + full_ratings() + keys)
    report = json.loads(runner.invoke(app, ["validate", "--format", "json", str(path)]).stdout)
    assert len(report["problems"]) == 101
    assert report["summary"]["errors"] == 130
    assert report["problems"][-1]["message"] == "30 more problems not shown"


# 10. `-` is standard input.


def test_a_dash_reads_standard_input(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["--no-color", "validate", "-"], input=BROKEN)
    assert result.exit_code == 1
    assert "\n-:6:12: error C1.1 stage: stage 9 is out of range" in result.stdout
    named = runner.invoke(
        app, ["--no-color", "validate", "-", "--stdin-filename", "terms/spring.yaml"], input=BROKEN
    )
    assert "\nterms/spring.yaml:6:12: error C1.1 stage" in named.stdout
    clean = runner.invoke(app, ["validate", "-"], input=VALID_HEADER + full_ratings())
    assert clean.exit_code == 0
    assert "1 file checked, 1 valid" in clean.stderr


def test_standard_input_is_checked_as_a_file_is(tmp_path: Path) -> None:
    """Binary data and merge markers are caught on stdin too; relative references follow --stdin-filename."""
    binary = coalition("validate", "-", cwd=tmp_path, stdin="framework: x\n\x00\n")
    assert binary.returncode == 1 and "[binary-file]" in binary.stdout
    rubric = (EXAMPLES.parent / "framework_data" / "community-framework.yaml").read_text(encoding="utf-8")
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "ours.yaml").write_text(rubric, encoding="utf-8")
    text = VALID_HEADER.replace("community-framework", "ours.yaml") + full_ratings()
    found = coalition("validate", "-", "--stdin-filename", "rubrics/term.yaml", cwd=tmp_path, stdin=text)
    assert found.returncode == 0, found.stdout + found.stderr
    lost = coalition("validate", "-", cwd=tmp_path, stdin=text)
    assert lost.returncode == 1 and "[unknown-framework]" in lost.stdout
