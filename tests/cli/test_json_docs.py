"""docs/json.md documents every command's JSON: the keys it lists are exactly the keys printed."""

from __future__ import annotations

import json
import re
import shutil
from typing import Any

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.files import VALID_HEADER
from tests.support.network import generate
from tests.support.paths import EXAMPLES, ROOT

DOC = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")

OPAQUE = {"framework show": {"framework", "domain", "indicator"}}
"""Keys whose value is a document of its own format (the rubric as read), not listed key by key."""


def documented() -> dict[str, list[str]]:
    """Each section's command (`validate`, `framework list`, …) and the keys of its table."""
    sections: dict[str, list[str]] = {}
    for heading, body in re.findall(
        r"^## `coalition ([a-z ]+?) --format json`\n(.*?)(?=^## |\Z)", DOC, re.M | re.S
    ):
        sections[heading] = re.findall(r"^\| `([^`]+)` \|", body, re.M)
    return sections


def paths(value: Any, prefix: str = "", opaque: set[str] | None = None) -> set[str]:
    """Every key path of a JSON value, as docs/json.md writes them (`a.b`, `a[]`)."""
    if isinstance(value, dict) and value and prefix not in (opaque or set()):
        found = {prefix} if prefix else set()
        for key, item in value.items():
            found |= paths(item, f"{prefix}.{key}" if prefix else key, opaque)
        return found
    if isinstance(value, list) and value:
        return {prefix, *(path for item in value for path in paths(item, prefix + "[]", opaque))}
    return {prefix + ("[]" if isinstance(value, list) else "")}


def leaves(value: Any, prefix: str = "", opaque: set[str] | None = None) -> set[str]:
    if isinstance(value, dict) and value and prefix not in (opaque or set()):
        return {
            p
            for key, item in value.items()
            for p in leaves(item, f"{prefix}.{key}" if prefix else key, opaque)
        }
    if isinstance(value, list) and value:
        return {p for item in value for p in leaves(item, prefix + "[]", opaque)}
    return {prefix + ("[]" if isinstance(value, list) else "")}


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """Each command's JSON, from runs that between them print every documented key."""
    folder = tmp_path_factory.mktemp("json") / "riverside"
    shutil.copytree(EXAMPLES / "riverside", folder)
    spring, fall = folder / "2026-03-spring.yaml", folder / "2025-09-fall.yaml"
    quiet = folder / "quiet.yaml"
    quiet.write_text(VALID_HEADER + "ratings:  # coalition: ignore[not-rated]\n", encoding="utf-8")
    (folder / "broken.yaml").write_text("framework: community-framework\ncoalition: X\ncolour: red\n")
    raters = sorted(str(path) for path in (folder / "raters").glob("*.yaml"))
    network = tmp_path_factory.mktemp("json-network")
    generate(network, coalitions=10)  # regions, cohorts, profiles, same-date files, raters' files
    runs = {
        "validate": [
            ["validate", "--show-suppressed", str(folder)],
            ["validate", "--statistics", str(folder)],
        ],
        "score": [["score", str(spring)]],
        "compare": [["compare", str(fall), str(spring)]],
        "consensus": [["consensus", *raters]],
        "summary": [["summary", str(folder)], ["summary", str(network), "--as-of", "2026-04-20"]],
        "actions": [["actions", str(folder)], ["actions", str(network), "--as-of", "2026-04-20"]],
        "roster": [["roster", str(spring)]],
        "framework list": [["framework", "list"]],
        "framework show": [["framework", "show"], ["framework", "show", "C1"], ["framework", "show", "C1.1"]],
    }
    runner = CliRunner()
    found: dict[str, list[dict[str, Any]]] = {}
    for name, commands in runs.items():
        found[name] = []
        for args in commands:
            result = runner.invoke(app, [*args, "--format", "json"])
            found[name].append(json.loads(result.stdout))
    return found


def test_every_json_command_is_documented(printed: dict[str, list[dict[str, Any]]]) -> None:
    assert set(documented()) == set(printed)


@pytest.mark.parametrize("command", sorted(documented()))
def test_the_documented_keys_are_the_printed_keys(
    printed: dict[str, list[dict[str, Any]]], command: str
) -> None:
    rows = documented()[command]
    opaque = OPAQUE.get(command, set())
    patterns = {
        row: re.compile(re.escape(row).replace(re.escape("<rater>"), r"[^.\[\]]+") + r"\Z") for row in rows
    }
    outputs = printed[command]
    assert all(next(iter(output)) == "version" and output["version"] == 1 for output in outputs)
    every_path = set().union(*(paths(output, opaque=opaque) for output in outputs))
    every_leaf = set().union(*(leaves(output, opaque=opaque) for output in outputs))
    undocumented = {leaf for leaf in every_leaf if not any(p.match(leaf) for p in patterns.values())}
    assert undocumented == set(), f"printed by `coalition {command}` but not in docs/json.md"
    unprinted = {
        row for row, pattern in patterns.items() if not any(pattern.match(path) for path in every_path)
    }
    assert unprinted == set(), f"in docs/json.md but not printed by `coalition {command}`"


def test_the_readme_points_to_the_json_documentation() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/json.md" in readme
    assert len(documented()) >= 8
