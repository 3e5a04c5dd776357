"""`coalition actions` on a generated network: every overdue, carried-over and vanished action the
generator planted is found, and nothing else; the load per owner; the CI reminder's exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.files import VALID_HEADER
from tests.support.network import AS_OF, Network, generate
from tests.support.plan import gfm_tables
from tests.support.scoring import RIVERSIDE, run

AS_OF_TEXT = AS_OF.isoformat()


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Network:
    return generate(tmp_path_factory.mktemp("network"))


@pytest.fixture(scope="module")
def calm(tmp_path_factory: pytest.TempPathFactory) -> Network:
    """The same kind of network without the files to sort out (no conflict, no error)."""
    return generate(tmp_path_factory.mktemp("calm"), coalitions=31, troubles=False, seed=3)


@pytest.fixture(scope="module")
def report(network: Network) -> Any:
    result = run("actions", network.root, "--as-of", AS_OF_TEXT, "--format", "json")
    assert result.exit_code == 1, result.output  # a coalition with two files on its latest date, a bad file
    return json.loads(result.stdout)


def _found(report: Any, state: str) -> set[tuple[str, str]]:
    return {(a["coalition"], a["action"]) for a in report["actions"] if a["state"] == state}


@pytest.mark.parametrize("state", ["overdue", "vanished", "done", "dropped", "open"])
def test_each_planted_action_is_found_in_its_state(network: Network, report: Any, state: str) -> None:
    expected = network.all_with_state(state)
    assert expected, f"the generator plants {state} actions"
    assert _found(report, state) == expected


def test_carried_over_actions_are_those_open_before_and_still_open(network: Network, report: Any) -> None:
    expected = {(plan.name, text) for plan in network.summarized for text in plan.carried}
    found = {
        (a["coalition"], a["action"])
        for a in report["actions"]
        if a["carried_over"] and a["state"] != "vanished"
    }
    assert found == expected
    reworded = {text for _, text in found if "equity checklist" in text}
    assert len(reworded) == len([p for p in network.summarized if len(p.terms) >= 2]), (
        "a reworded action is the same"
    )


def test_an_action_closed_then_cleaned_out_is_not_vanished(report: Any) -> None:
    dropped = [a for a in report["actions"] if a["action"].startswith("Pilot the shared dashboard")]
    assert dropped and all(a["state"] == "dropped" for a in dropped)


def test_days_late_and_counts(network: Network, report: Any) -> None:
    for action in report["actions"]:
        if action["state"] == "overdue":
            due = dt.date.fromisoformat(action["due"])
            assert action["days_late"] == (AS_OF - due).days > 0
        else:
            assert action["days_late"] is None
    counts = report["counts"]
    assert counts["actions"] == sum(len(plan.actions) for plan in network.summarized)
    assert counts["overdue"] == len(network.all_with_state("overdue"))
    assert counts["open_without_owner"] == len(network.summarized)  # "Confirm the spring meeting dates"


def test_the_load_per_owner(network: Network, report: Any) -> None:
    for plan in network.summarized:
        loads = {o["owner"]: o["open"] for o in report["owners"] if o["coalition"] == plan.name}
        assert loads == dict(plan.open_by_owner()), plan.name
        total = sum(1 for a in plan.actions if plan.state(a) in ("open", "overdue"))
        assert {o["open_in_coalition"] for o in report["owners"] if o["coalition"] == plan.name} == {total}


def test_a_sole_representative_who_owns_open_actions_is_named_with_their_seat(
    network: Network, report: Any
) -> None:
    profiled = [plan for plan in network.summarized if plan.sole_representatives]
    assert len(profiled) >= 8
    for plan in profiled:
        ((member, person),) = plan.sole_representatives.items()
        (load,) = [o for o in report["owners"] if o["coalition"] == plan.name and o["owner"] == person]
        assert load["only_representative_of"] == [member]
        assert f"represents {member} (executive committee)" in load["seats"]


def test_coalitions_left_out_and_files_to_sort_out(network: Network, report: Any) -> None:
    left = [name for name, plan in network.coalitions.items() if plan.left_out]
    assert left and not {a["coalition"] for a in report["actions"]} & set(left)
    conflicts = [item for item in report["same_date"] if item["left_out"]]
    assert [item["coalition"] for item in conflicts] == left
    assert sorted(Path(f).name for f in conflicts[0]["files"]) == sorted(p.name for p in network.same_date)
    waiting = [item for item in report["same_date"] if item["raters_only"]]
    assert len(waiting) == 1 and not waiting[0]["left_out"]
    assert [item["file"] for item in report["invalid_files"]] == [str(p) for p in network.invalid]


def test_fail_on_overdue_is_a_ci_reminder(calm: Network, tmp_path: Path) -> None:
    (tmp_path / "on-time.yaml").write_text(
        VALID_HEADER + "ratings:\n  C1.1:\n    stage: 2\n    actions:\n"
        "      - {action: Adopt the charter, owner: Ana Diaz, due: 2026-06-30}\n",
        encoding="utf-8",
    )
    clean = run("actions", tmp_path, "--as-of", AS_OF_TEXT)
    assert clean.exit_code == 0, clean.output
    assert run("actions", tmp_path, "--as-of", AS_OF_TEXT, "--fail-on", "overdue").exit_code == 0
    late = run("actions", calm.root, "--as-of", AS_OF_TEXT, "--fail-on", "overdue")
    assert late.exit_code == 1
    assert f"{len(calm.all_with_state('overdue'))} actions overdue (--fail-on overdue)" in late.stderr
    assert run("actions", calm.root, "--as-of", AS_OF_TEXT).exit_code == 0  # a list, not a failure
    vanished = run("actions", calm.root, "--as-of", AS_OF_TEXT, "--fail-on", "vanished")
    assert vanished.exit_code == 1 and "vanished (--fail-on vanished)" in vanished.stderr


def test_as_of_defaults_to_today(tmp_path: Path) -> None:
    today = dt.date.today()
    lines = [
        "framework: community-framework",
        "coalition: Today",
        f"assessed_on: {today.isoformat()}",
        "ratings:",
        "  C1.1:",
        "    stage: 2",
        "    actions:",
        f"      - {{action: Yesterday's, owner: Ana, due: {(today - dt.timedelta(days=1)).isoformat()}}}",
        f"      - {{action: Today's, owner: Ana, due: {today.isoformat()}}}",
    ]
    (tmp_path / "today.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = json.loads(run("actions", tmp_path, "--format", "json").stdout)
    assert {a["action"]: a["state"] for a in data["actions"]} == {"Yesterday's": "overdue", "Today's": "open"}
    assert data["as_of"] == today.isoformat()


def test_riverside_in_every_format() -> None:
    data = json.loads(run("actions", RIVERSIDE, "--as-of", AS_OF_TEXT, "--format", "json").stdout)
    assert data["counts"] | {"actions": 0} == {
        "actions": 0, "open": 9, "overdue": 2, "open_total": 11, "done": 8, "dropped": 1, "vanished": 0,
        "carried_over": 0,
        "done_since_previous": 8, "dropped_since_previous": 1, "open_without_owner": 0,
    }  # fmt: skip
    marcus = next(o for o in data["owners"] if o["owner"] == "Marcus Lee")
    assert (marcus["open"], marcus["open_in_coalition"]) == (3, 11)
    assert marcus["only_representative_of"] == ["Riverside Workforce Development Board"]
    text = run("actions", RIVERSIDE, "--as-of", AS_OF_TEXT).stdout
    assert "Overdue as of 20 April 2026" in text and "Marcus Lee" in text and "3 of 11" in text
    rows = list(
        csv.DictReader(
            io.StringIO(run("actions", RIVERSIDE, "--as-of", AS_OF_TEXT, "--format", "csv").stdout[1:])
        )
    )
    assert len(rows) == len(data["actions"]) == 20
    assert {row["state"] for row in rows} == {"open", "overdue", "done", "dropped"}
    markdown = run("actions", RIVERSIDE, "--as-of", AS_OF_TEXT, "--format", "md").stdout
    tables = gfm_tables(markdown)
    assert [t.texts[0][:2] for t in tables] == [
        ["Owner", "Action"],  # done since Fall 2025
        ["Due", "Late by"],
        ["Owner", "Open actions"],
        ["Owner", "Due"],
    ]


def test_one_coalitions_terms_as_files(network: Network) -> None:
    plan = next(p for p in network.summarized if len(p.terms) >= 3)
    data = json.loads(run("actions", *plan.files, "--as-of", AS_OF_TEXT, "--format", "json").stdout)
    assert [c["coalition"] for c in data["coalitions"]] == [plan.name]
    assert _found(data, "vanished") == {(plan.name, text) for text in plan.with_state("vanished")}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fail-on", "late"], "--fail-on: 'late' is not one of overdue, vanished"),
        (["--as-of", "2026-02-30"], "is not a date"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = run("actions", RIVERSIDE, *args)
    assert result.exit_code == 2 and message in result.output


def test_nothing_to_list_exits_2(tmp_path: Path) -> None:
    result = run("actions", tmp_path)
    assert result.exit_code == 2 and "no assessment files found" in result.output


def test_overdue_actions_are_listed_longest_overdue_first() -> None:
    """The register's other tables go by owner; the overdue one by how late, as the plan and the
    network page list them: the first row is the one to chase first."""
    markdown = run("actions", RIVERSIDE, "--as-of", "2026-06-01", "--format", "md").stdout
    (overdue,) = [t for t in gfm_tables(markdown) if t.texts and t.texts[0][:2] == ["Due", "Late by"]]
    late = [int(row[1].split()[0]) for row in overdue.texts[1:]]
    assert len(late) == 7 and late == sorted(late, reverse=True)
    assert "Overdue as of 1 June 2026, longest first" in markdown


def test_two_files_of_one_date_are_not_said_to_hold_no_actions(tmp_path: Path) -> None:
    # a reviewer rolled a term forward the same day: "No actions recorded yet" and "add them under
    # each indicator's `actions:`", though both files held actions; the date was the reason
    for name in ("2026-03-spring.yaml", "coalition.yaml"):
        (tmp_path / name).write_bytes((RIVERSIDE / name).read_bytes())
    (tmp_path / "copy.yaml").write_bytes((RIVERSIDE / "2026-03-spring.yaml").read_bytes())
    result = run("actions", tmp_path / "2026-03-spring.yaml", tmp_path / "copy.yaml")
    assert result.exit_code == 1
    assert "No actions recorded yet" not in result.stdout
    assert "No actions to list from the files that could be used; those left out are below." in result.stdout
    assert "no actions recorded yet" not in result.stderr
    assert "2 files dated 2026-03-14" in result.stderr
