"""Hostile files through the commands that read them: each is refused at a located line, in bounded
time, and never takes the process down (the shapes an adversarial trial found, one test each).

Shapes that once crashed the interpreter run in a real process, so that a regression fails one test
instead of killing the whole run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.files import VALID_HEADER


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"NO_COLOR": "1", "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "coalition_cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


DEEP_SHAPES = {
    "flow": "[" * 30_000,
    "flow, closed": "[" * 30_000 + "]" * 30_000,
    "block lists on one line": "- " * 30_000 + "x\n",
    "mappings": "".join(" " * i + "k:\n" for i in range(3_000)) + " " * 3_000 + "v\n",
    "in an assessment": VALID_HEADER + "notes: " + "{a: " * 30_000 + "1" + "}" * 30_000 + "\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("command", ["validate", "score", "summary"])
def test_nesting_that_once_overflowed_the_parser_is_a_located_problem(tmp_path: Path, command: str) -> None:
    """30,000 `[` once killed validate, score and summary with a segfault (exit 139), no output."""
    path = tmp_path / "deep.yaml"
    path.write_text(VALID_HEADER + "ratings: " + "[" * 30_000 + "\n", encoding="utf-8")
    result = _run(command, str(path), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    if command == "summary":  # it names the files with problems and sends you to validate
        assert "1 file with problems" in result.stderr
    else:  # the 65th `[` opens the 65th level below the top
        assert (
            "deep.yaml:4:74: error the file nests more than 64 levels deep [too-deep]"
            in result.stdout + result.stderr
        )


@pytest.mark.slow
def test_every_deep_shape_in_one_run(tmp_path: Path) -> None:
    """One folder of every shape, checked in one run: each file gets its line, none stops the others."""
    names = []
    for number, text in enumerate(DEEP_SHAPES.values()):
        name = f"deep-{number}.yaml"
        (tmp_path / name).write_text(text, encoding="utf-8")
        names.append(name)
    result = _run("validate", *names, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    for name in names:
        assert f"{name}:" in result.stdout and "[too-deep]" in result.stdout, result.stdout
    assert "5 files checked, 0 valid, 5 errors" in result.stderr


def _alias_bomb(path: Path, key: str) -> Path:
    """One 1 MB value aliased 1,000 times: once 429 s in validate (as stakeholder groups) and 52 s
    and 5.9 GB in plan (as participants' names)."""
    person = {
        "stakeholder_group": "{name: P, organization: O, stakeholder_group: *big}",
        "name": "{name: *big, organization: O, stakeholder_group: k12-education}",
    }[key]
    lines = [VALID_HEADER, f"notes: &big {'x' * 1_000_000}\n", "participants:\n"]
    lines += [f"  - {person}\n"] * 1_000
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    ("shape", "command", "expected"),
    [
        ("alias-as-group", "validate", "[alias]"),
        ("alias-as-names", "plan", "[alias]"),
        ("duplicate-keys", "validate", "[too-many-problems]"),
        ("million-items", "validate", "[too-many-values]"),
        ("unrated-10000", "validate", "[too-many-problems]"),
    ],
)
def test_the_trials_slow_shapes_finish_in_seconds(
    tmp_path: Path, shape: str, command: str, expected: str
) -> None:
    """Each took from 17 s to 429 s before; here a minute is the ceiling of a generous guard, not
    a speed target (benchmarks/ measure speed)."""
    path = tmp_path / "shape.yaml"
    if shape == "alias-as-group":
        _alias_bomb(path, "stakeholder_group")
    elif shape == "alias-as-names":
        _alias_bomb(path, "name")
    elif shape == "duplicate-keys":
        keys = "".join(f"k{n}: 1\n" for n in range(10_000))
        path.write_text(VALID_HEADER + keys + keys, encoding="utf-8")
    elif shape == "million-items":
        path.write_text(
            VALID_HEADER + "participants: [" + ",".join(["1"] * 900_000) + "]\n", encoding="utf-8"
        )
    else:
        from tests.support.custom_rubric import write_rubric

        write_rubric(tmp_path / "rubric.yaml", domains={"D": [f"D{n:05}" for n in range(10_000)]})
        path.write_text("framework: rubric.yaml\ncoalition: X\nassessed_on: 2026-03-14\n", encoding="utf-8")
    result = _run(command, str(path), cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == (0 if shape == "unrated-10000" else 1), output[-2000:]
    assert expected in output
    assert len(output) < 100_000  # 100 problems and a count, however many there are
