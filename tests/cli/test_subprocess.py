"""The installed `coalition` command, run as a real process from another working directory."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROOT

SPRING = ROOT / "examples" / "riverside" / "2026-03-spring.yaml"


def _coalition() -> list[str]:
    found = shutil.which("coalition", path=str(Path(sys.executable).parent)) or shutil.which("coalition")
    return [found] if found else [sys.executable, "-m", "coalition_cli"]


def _run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH is left out: this is the installed command, not the checkout (see conftest.py)
    drop = ("COLUMNS", "FORCE_COLOR", "PYTHONPATH")
    env = {k: v for k, v in os.environ.items() if k not in drop} | {"NO_COLOR": "1"}
    return subprocess.run(
        [*_coalition(), *args], cwd=cwd, capture_output=True, text=True, input=stdin, env=env, timeout=60
    )


@pytest.mark.slow
def test_validate_from_another_directory(tmp_path: Path) -> None:
    result = _run("validate", str(SPRING), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 file checked, 1 valid" in result.stderr


@pytest.mark.slow
def test_exit_codes_of_the_real_process(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "framework: community-framework\ncoalition: X\nassessed_on: 2026-01-01\nratings:\n  C9.9: {}\n"
    )
    assert _run("validate", str(bad), cwd=tmp_path).returncode == 1
    assert _run("validate", "missing.yaml", cwd=tmp_path).returncode == 2
    assert _run("validate", "--format", "nonsense", str(bad), cwd=tmp_path).returncode == 2
    assert _run("no-such-command", cwd=tmp_path).returncode == 2


@pytest.mark.slow
def test_package_data_ships_with_the_installed_package(tmp_path: Path) -> None:
    listing = _run("framework", "show", "--format", "json", cwd=tmp_path)
    assert listing.returncode == 0, listing.stderr
    assert len(json.loads(listing.stdout)["framework"]["domains"]) == 7


@pytest.mark.slow
def test_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "coalition_cli", "--version"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("coalition ")


@pytest.mark.slow
def test_check_jsonschema_agrees_with_validate_on_structure(tmp_path: Path) -> None:
    checker = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which(
        "check-jsonschema"
    )
    if checker is None:
        pytest.skip("check-jsonschema is not installed (pip install '.[test]')")
    schema = tmp_path / "coalition.schema.json"
    assert _run("schema", "-o", str(schema), cwd=tmp_path).returncode == 0
    examples = sorted((ROOT / "examples").rglob("*.yaml"))
    examples = [p for p in examples if p.name != "coalition.yaml"]
    header = "framework: community-framework\ncoalition: X\nassessed_on: 2026-01-01\n"
    invalid = {
        "unknown-key.yaml": header + "colour: red\n",
        "stage-range.yaml": header + "ratings:\n  C1.1:\n    stage: 5\n",
        "stage-name.yaml": header + "ratings:\n  C1.1:\n    stage: excellent\n",
        "indicator.yaml": header + "ratings:\n  C12:\n    stage: 2\n",
        "date.yaml": header.replace("2026-01-01", "2026-02-30"),
        "missing.yaml": "framework: community-framework\ncoalition: X\n",
        "action.yaml": header + "ratings:\n  C1.1:\n    stage: 2\n    actions:\n      - owner: Chamber\n",
        "group.yaml": header + "participants:\n  - name: A\n    stakeholder_group: k12\n",
        "type.yaml": header + "ratings:\n  C1.1:\n    stage: true\n",
        "priority.yaml": header + "ratings:\n  C1.1:\n    stage: 2\n    priority: yes\n",
        "profile.yaml": header
        + "profile:\n  members:\n    - organization: A\n      stakeholder_group: civc\n",
        "profile-key.yaml": header + "profile:\n  members: []\n  colour: red\n",
        "status.yaml": header
        + "ratings:\n  C1.1:\n    actions:\n      - action: A\n        status: complete\n",
    }
    (tmp_path / "bare-ratings.yaml").write_text(header + "participants:\nratings:\n")
    examples.append(tmp_path / "bare-ratings.yaml")
    (tmp_path / "statuses.yaml").write_text(  # any case, and the reports' `in progress`
        header
        + "ratings:\n  C1.1:\n    stage: 2\n    actions:\n"
        + "".join(
            f"      - action: A\n        status: {status}\n" for status in ("in progress", "DONE", "Planned")
        )
    )
    examples.append(tmp_path / "statuses.yaml")
    for name, text in invalid.items():
        (tmp_path / name).write_text(text)
    for path in examples:
        ours = _run("validate", str(path), cwd=tmp_path).returncode
        theirs = subprocess.run(
            [checker, "--schemafile", str(schema), str(path)], capture_output=True, text=True
        )
        assert (ours, theirs.returncode) == (0, 0), (path, theirs.stdout)
    for name in invalid:
        ours = _run("validate", name, cwd=tmp_path).returncode
        theirs = subprocess.run(
            [checker, "--schemafile", str(schema), name], cwd=tmp_path, capture_output=True
        )
        assert (ours, theirs.returncode) == (1, 1), name


@pytest.mark.slow
def test_the_pre_commit_hook_runs_on_every_changed_yaml_file(tmp_path: Path) -> None:
    from ruamel.yaml import YAML

    (hook,) = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "coalition-validate"
    assert hook["language"] == "python"
    assert hook["types"] == ["yaml"]
    workflow = tmp_path / "ci.yml"
    workflow.write_text("name: CI\non: push\njobs: {}\n")
    good = tmp_path / "spring.yaml"
    good.write_text(SPRING.read_text().replace("profile: coalition.yaml", "profile: null"))
    # pre-commit runs the entry with the changed file names appended
    entry = hook["entry"].split()
    assert entry[0] == "coalition"
    result = _run(*entry[1:], str(workflow), str(good), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 skipped (not assessments)" in result.stderr
    bad = tmp_path / "fall.yaml"
    bad.write_text(re.sub(r"stage: \S+", "stage: 7", good.read_text(), count=1))
    result = _run(*entry[1:], str(workflow), str(good), str(bad), cwd=tmp_path)
    assert result.returncode == 1
    assert "fall.yaml:" in result.stdout and "[stage-out-of-range]" in result.stdout
