"""What happened to the actions between two meetings, said the same way by `actions`, `plan --since` and
`summary`: what was done since the last term (not what was already done then), and what slipped.

The coordinator's repro: Riverside's spring rolled into a fall file (`init --from`), two carried
actions marked done in the fall session; the plan since spring said "12 done", counting again the
actions already done at the spring meeting.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.paths import EXAMPLES

RIVERSIDE = EXAMPLES / "riverside"
AS_OF = "2026-12-03"
DONE_IN_FALL = (
    "Publish baseline values for all nine indicators",
    "Stand up an employer-partner database at the WDB to replace the Arroyo-hosted CRM",
)


def edit(file: Path, action: str, key: str, old: str, new: str) -> None:
    """Change one key of one action, as a coordinator does in an editor."""
    text = file.read_text(encoding="utf-8")
    start = text.index(f"- action: {action}\n")
    at = text.index(f"        {key}: {old}\n", start)
    assert text.find("- action:", start + 1, at) == -1, f"{key} of another action"
    file.write_text(text[:at] + f"        {key}: {new}\n" + text[at + len(f"        {key}: {old}\n") :])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("2025-09-fall.yaml", "2026-03-spring.yaml", "coalition.yaml"):
        shutil.copy(RIVERSIDE / name, tmp_path / name)
    fall = tmp_path / "2026-12-fall.yaml"
    result = CliRunner().invoke(
        app,
        [
            "init",
            str(fall),
            "--from",
            str(tmp_path / "2026-03-spring.yaml"),
            "--date",
            AS_OF,
            "--term",
            "Fall 2026",
        ],
    )
    assert result.exit_code == 0, result.output
    for action in DONE_IN_FALL:
        edit(fall, action, "status", "planned", "done")
    return tmp_path


def run(*args: str | Path) -> Any:
    result = CliRunner().invoke(app, [str(arg) for arg in args])
    assert result.exit_code == 0, result.output
    return result


def words(text: str) -> str:
    return " ".join(text.split())


def test_done_since_the_last_term_counts_only_what_was_not_done_then(folder: Path) -> None:
    fall, spring = folder / "2026-12-fall.yaml", folder / "2026-03-spring.yaml"
    every = json.loads(run("actions", folder, "--as-of", AS_OF, "--format", "json").stdout)
    both = json.loads(run("actions", spring, fall, "--as-of", AS_OF, "--format", "json").stdout)
    for report in (every, both):
        counts = report["counts"]
        assert (counts["done_since_previous"], counts["dropped_since_previous"]) == (2, 0)
        assert counts["done"] == 10, "the 8 done at the spring meeting stay in the total"
        since = {a["action"] for a in report["actions"] if a["closed_since_previous"]}
        assert since == set(DONE_IN_FALL)
    plan = words(run("plan", fall, "--since", spring, "--as-of", AS_OF).stdout)
    assert (
        "Actions followed up since Spring 2026: 9 open (9 overdue), 2 done since then "
        "(10 done and 1 dropped in all); 9 carried over." in plan
    )
    listed = plan.split("### Done since Spring 2026")[1].split("###")[0]
    assert all(action in listed for action in DONE_IN_FALL) and "— Maria Lopez (RUSD Research" in listed
    register = words(run("actions", folder, "--as-of", AS_OF).stdout)
    assert "2 done since Spring 2026 (10 done and 1 dropped in all)" in register
    assert "Done since Spring 2026" in register
    # the spring plan counts the 8 done at the spring meeting since fall 2025: each is counted once
    spring_plan = words(run("plan", spring, "--since", folder / "2025-09-fall.yaml").stdout)
    assert "8 done and 1 dropped since then." in spring_plan


def test_the_brief_counts_them_and_leaves_the_list_to_the_full_plan(folder: Path) -> None:
    fall, spring = folder / "2026-12-fall.yaml", folder / "2026-03-spring.yaml"
    brief = words(run("plan", fall, "--since", spring, "--as-of", AS_OF, "--brief").stdout)
    assert "2 done since then" in brief
    assert (
        "Every open action, by owner and due date, and the 2 done since Spring 2026, are in the full plan."
        in brief
    )
    assert "### Done since" not in brief


def test_one_term_has_no_since(folder: Path) -> None:
    text = words(run("actions", folder / "2026-03-spring.yaml", "--as-of", "2026-03-14").stdout)
    assert "11 open, 8 done, 1 dropped" in text and "since" not in text.split("Every action")[0]
