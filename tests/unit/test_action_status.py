"""An action's status in any case, and `in progress` as the reports write it (review s12 #5): one rule
(`values.action_status`) for the model, the JSON Schema and validate's fast path, as for stage names.
The file keeps its own spelling; every report reads the status by its own name."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core.checks.fastcheck import load_index
from coalition_cli.core.checks.schema import assessment_schema
from coalition_cli.core.checks.schema_subset import conforms
from coalition_cli.core.loading.frameworks import load_framework, load_guide
from coalition_cli.core.model.assessment import Action
from coalition_cli.core.model.base import validated
from coalition_cli.core.model.building import built
from coalition_cli.core.model.values import STATUS_PATTERN, action_status, status_meant
from tests.support import paths
from tests.support.files import VALID_HEADER, problems, write

ACCEPTED = {
    "in progress": "in-progress",
    "In Progress": "in-progress",
    "In-Progress": "in-progress",
    " IN  PROGRESS ": "in-progress",
    "in-progress": "in-progress",
    "Planned": "planned",
    "DONE": "done",
    "Dropped": "dropped",
}
REFUSED = ["complete", "finished", "in_progress", "inprogress", "in - progress", "open", "", "done.", "ǅone"]


@pytest.mark.parametrize(("written", "meant"), ACCEPTED.items())
def test_a_status_in_any_case_is_the_same_status(written: str, meant: str) -> None:
    assert action_status(written) == meant
    assert validated(Action, {"action": "A", "status": written}).status == meant
    assert built(Action, {"action": "A", "status": written}).status == meant


@pytest.mark.parametrize("written", REFUSED)
def test_other_words_are_no_status(written: str) -> None:
    assert action_status(written) is None


@pytest.mark.parametrize("written", [*ACCEPTED, *REFUSED, "in\nprogress", "done\n", "\u00a0done"])
def test_the_schema_pattern_and_the_rule_agree(written: str) -> None:
    """Editors and check-jsonschema read the pattern; the models read `action_status`; the fast path
    reads the shipped index's schema: all three say the same of every spelling."""
    full = assessment_schema(load_framework("community-framework"), load_guide())
    document = {
        "framework": "community-framework",
        "coalition": "X",
        "assessed_on": "2026-03-14",
        "ratings": {"C1.1": {"stage": 2, "actions": [{"action": "A", "status": written}]}},
    }
    accepted = action_status(written) is not None
    assert (re.search(STATUS_PATTERN, written) is not None) is accepted
    assert Draft202012Validator(full).is_valid(document) is accepted
    index = load_index("community-framework")
    assert index is not None and conforms(document, index.schema) is accepted


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("complete", "done"),
        ("Completed", "done"),
        ("finished", "done"),
        ("dnoe", "done"),
        ("cancelled", "dropped"),
        ("droped", "dropped"),
        ("in_progress", "in-progress"),
        ("started", "in-progress"),
        ("not started", "planned"),
        ("plannd", "planned"),
        ("blue", None),
    ],
)
def test_a_status_that_is_none_suggests_the_one_meant(written: str, meant: str | None) -> None:
    assert status_meant(written) == meant


def test_validate_accepts_the_reports_spelling_and_suggests_for_others(tmp_path: Path) -> None:
    def with_status(status: str) -> Path:
        return write(
            tmp_path,
            VALID_HEADER
            + f"ratings:\n  C1.1:\n    stage: 2\n    actions:\n      - action: A\n        status: {status}\n",
        )

    for status in ACCEPTED:
        assert problems(with_status(f'"{status}"')) == set(), status
    assert problems(with_status("complete")) == {(9, 17, "wrong-value")}


@pytest.mark.parametrize(
    ("status", "said"),
    [
        ("complete", "(got 'complete'; did you mean 'done'?)"),
        ("finished", "(got 'finished'; did you mean 'done'?)"),
        ("open", "(got 'open': an open action has no status, so leave the status out)"),
        ("blue", "(got 'blue')"),
    ],
)
def test_an_unknown_status_is_worded_with_the_one_meant(
    runner: CliRunner, tmp_path: Path, status: str, said: str
) -> None:
    path = write(
        tmp_path,
        VALID_HEADER
        + f"ratings:\n  C1.1:\n    stage: 2\n    actions:\n      - action: A\n        status: {status}\n",
    )
    result = runner.invoke(app, ["--no-color", "validate", str(path)])
    assert result.exit_code == 1
    assert (
        "C1.1, action 1, status: must be one of 'planned', 'in-progress', 'done' or 'dropped', in any case "
        + said
        + " [wrong-value]"
    ) in " ".join(result.output.split())


def test_the_reports_read_the_status_and_the_file_keeps_its_spelling(
    runner: CliRunner, tmp_path: Path
) -> None:
    """`In Progress` is in progress in the register (not open, and the JSON says `in-progress`), and an
    edit elsewhere in the file leaves it as written."""
    shutil.copy(paths.EXAMPLES / "riverside" / "coalition.yaml", tmp_path)
    spring = tmp_path / "spring.yaml"
    text = (paths.EXAMPLES / "riverside" / "2026-03-spring.yaml").read_text(encoding="utf-8")
    text = text.replace("status: in-progress", "status: In Progress").replace("status: done", "status: DONE")
    spring.write_text(text, encoding="utf-8")
    listed = runner.invoke(app, ["actions", str(spring), "--format", "json", "--as-of", "2026-03-14"])
    assert listed.exit_code == 0, listed.output
    statuses = {action["status"] for action in json.loads(listed.stdout)["actions"]}
    assert statuses <= {"planned", "in-progress", "done", "dropped", None}
    assert "in-progress" in statuses and "done" in statuses
    rated = runner.invoke(app, ["rate", str(spring), "C7.2=2"])
    assert rated.exit_code == 0, rated.output
    after = spring.read_text(encoding="utf-8")
    assert after.count("status: In Progress") == text.count("status: In Progress") > 0
    assert after.count("status: DONE") == text.count("status: DONE") > 0
