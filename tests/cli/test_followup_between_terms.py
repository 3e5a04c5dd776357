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


SIGN = "Sign the three-way data-sharing agreement (RUSD, RCC, Cal State Riverside)"
WORK_PLANS = "Finish written work plans for all three working groups and bring them to steering"
MOVED = "due moved from 30 June 2026 to 31 March 2027 (it was 156 days late)"


@pytest.fixture
def slipped(folder: Path) -> Path:
    """The coordinator's second repro: a late action's date moved, and an action handed to someone else."""
    fall = folder / "2026-12-fall.yaml"
    edit(fall, SIGN, "due", "2026-06-30", "2027-03-31")
    edit(fall, WORK_PLANS, "owner", "Working group chairs", "Priya Natarajan (Riverside Community College)")
    return folder


def test_the_register_says_what_slipped(slipped: Path) -> None:
    report = json.loads(run("actions", slipped, "--as-of", AS_OF, "--format", "json").stdout)
    actions = {a["action"]: a for a in report["actions"]}
    assert (
        actions[SIGN]["due_moved_from"],
        actions[SIGN]["days_late_when_moved"],
        actions[SIGN]["state"],
    ) == (
        "2026-06-30",
        156,
        "open",
    )
    assert actions[WORK_PLANS]["owner_was"] == "Working group chairs"
    assert all(
        a["due_moved_from"] is None and a["owner_was"] is None
        for a in actions.values()
        if a["action"] not in (SIGN, WORK_PLANS)
    )
    csv = run("actions", slipped, "--as-of", AS_OF, "--format", "csv").stdout
    assert csv.splitlines()[0].endswith(",due_moved_from,days_late_when_moved,owner_was")
    md = words(run("actions", slipped, "--as-of", AS_OF, "--format", "md").stdout)
    assert f"| Samuel Okafor (Cal State Riverside) | {SIGN} (C4.1 Shared Accountability) | {MOVED} |" in md
    assert "| owner was Working group chairs |" in md  # in "Moved or handed over"
    assert f"in progress, carried over since 14 March 2026, {MOVED} | {SIGN}" in md  # and in every action
    wide = CliRunner().invoke(app, ["actions", str(slipped), "--as-of", AS_OF], env={"COLUMNS": "300"})
    assert "Moved or handed over" in wide.stdout and MOVED in wide.stdout


def test_the_plan_says_what_slipped_in_its_decisions_and_register(slipped: Path) -> None:
    fall, spring = slipped / "2026-12-fall.yaml", slipped / "2026-03-spring.yaml"
    for brief in ([], ["--brief"]):
        plan = words(run("plan", fall, "--since", spring, "--as-of", AS_OF, *brief).stdout)
        one_page = plan.split("## The priorities in detail")[0]  # the summary, among its decisions
        assert (
            f"Whether the new date holds for “{SIGN}” (C4.1 Shared Accountability): due moved from 30 June "
            "2026 to 31 March 2027 when it was 156 days late." in one_page
        )
        moved = plan.split("### Moved or handed over since Spring 2026")[1].split("###")[0]
        assert f"{SIGN} (C4.1 Shared Accountability) — Samuel Okafor (Cal State Riverside): {MOVED}" in moved
        assert "Priya Natarajan (Riverside Community College): owner was Working group chairs" in moved
    html = run("plan", fall, "--since", spring, "--as-of", AS_OF, "--format", "html", "-o", "-").stdout
    assert MOVED in html and 'id="register-moved"' in html
    public = words(run("plan", fall, "--since", spring, "--as-of", AS_OF, "--audience", "public").stdout)
    # "Working group chairs" names no organization: the public plan does not name it
    assert "— Riverside Community College: handed over from another owner" in public
    assert "Priya" not in public


def test_the_plan_without_since_has_nothing_to_compare(slipped: Path) -> None:
    plan = run("plan", slipped / "2026-12-fall.yaml", "--as-of", AS_OF).stdout
    assert "Moved or handed over" not in plan and "owner was" not in plan


# --- as of a day before the latest assessment: the plan's rule ----------------------------------------


@pytest.mark.parametrize("command", ["actions", "summary"])
def test_as_of_a_past_day_reads_the_files_made_by_then(folder: Path, command: str) -> None:
    """`--as-of 2026-06-01` with a December file: the December statuses do not answer "what was overdue
    in June"; the files of then do, and the December one is named as left out."""
    result = CliRunner().invoke(app, [command, str(folder), "--as-of", "2026-06-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["files"]["later"] == 1
    said = words(result.stderr)
    assert "1 more assessment file, dated after 1 June 2026, left out (--as-of: not made by then):" in said
    assert "2026-12-fall.yaml (3 December 2026)" in said
    if command == "summary":
        (coalition,) = data["coalitions"]
        assert (coalition["assessed_on"], coalition["days_since"]) == ("2026-03-14", 79)
        assert coalition["actions"]["overdue"] == 7  # due by 1 June, open in the spring file
    else:
        assert [term["assessed_on"] for term in data["coalitions"][0]["assessments"]] == [
            "2025-09-18",
            "2026-03-14",
        ]
        assert (data["counts"]["open"] + data["counts"]["overdue"], data["counts"]["overdue"]) == (11, 7)
    today = CliRunner().invoke(app, [command, str(folder), "--format", "json"])
    assert json.loads(today.stdout)["files"]["later"] == 0, "without --as-of, every file"


@pytest.mark.parametrize(("command", "what"), [("actions", "a register"), ("summary", "a summary")])
def test_a_day_before_every_assessment_is_refused_in_the_plans_words(
    folder: Path, command: str, what: str
) -> None:
    result = CliRunner().invoke(app, [command, str(folder), "--as-of", "2025-06-01"])
    assert result.exit_code == 2
    assert (
        f"--as-of 2025-06-01 is before every assessment (the earliest is dated 2025-09-18): {what} is made "
        "on the day of its first assessment or later" in words(result.output)
    )
    plan = CliRunner().invoke(app, ["plan", str(folder / "2026-12-fall.yaml"), "--as-of", "2026-06-01"])
    assert plan.exit_code == 2
    assert (
        "--as-of 2026-06-01 is before the assessment (2026-12-03): a plan is made on the day of its "
        "assessment or later" in words(plan.output)
    )


# --- one owner's list, to send them ------------------------------------------------------------------


def test_one_owners_actions_by_the_registers_rule(slipped: Path) -> None:
    data = json.loads(
        run("actions", slipped, "--as-of", AS_OF, "--owner", "MARIA  lopez", "--format", "json").stdout
    )
    assert data["owner"] == "Maria Lopez"
    assert {a["owner"] for a in data["actions"]} == {
        "Maria Lopez (RUSD)",  # one owner, whatever the brackets say
        "Maria Lopez (RUSD Research and Assessment)",
    }
    assert len(data["actions"]) == 3 and data["counts"]["done_since_previous"] == 1
    assert [o["owner"] for o in data["owners"]] == []  # none of hers is open
    md = run("actions", slipped, "--as-of", AS_OF, "--owner", "Samuel Okafor (CSU)", "--format", "md").stdout
    assert md.startswith("## Actions of Samuel Okafor: Riverside Pathways Coalition")
    assert MOVED in md and "Maria" not in md
    late = CliRunner().invoke(
        app, ["actions", str(slipped), "--as-of", AS_OF, "--owner", "Rosa Delgado", "--fail-on", "overdue"]
    )
    assert late.exit_code == 1 and "1 action overdue (--fail-on overdue)" in late.stderr


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("Maria Lopes", "did you mean 'Maria Lopez'?"),
        ("maria", "did you mean 'Maria Lopez'?"),  # a part of the name
        ("Bob", "the owners are Angela Ruiz, Dana Whitfield, "),
    ],
)
def test_an_unknown_owner_says_so_and_offers_close_names(folder: Path, typed: str, hint: str) -> None:
    result = CliRunner().invoke(app, ["actions", str(folder), "--owner", typed])
    assert result.exit_code == 2
    said = words(result.output)
    assert f"no action in these files is owned by {typed!r}" in said and hint in said


def test_the_json_has_the_texts_open_count(folder: Path) -> None:
    """`counts.open` leaves the overdue ones out (as documented, and kept); `open_total` is the text's
    "9 open" and what the owners' `open` add up to, for a spreadsheet built from both."""
    data = json.loads(run("actions", folder, "--as-of", AS_OF, "--format", "json").stdout)
    counts = data["counts"]
    assert (counts["open"], counts["overdue"], counts["open_total"]) == (0, 9, 9)
    assert counts["open_total"] == sum(o["open"] for o in data["owners"]) + counts["open_without_owner"]
    assert all(
        c["counts"]["open_total"] == c["counts"]["open"] + c["counts"]["overdue"] for c in data["coalitions"]
    )
    assert "9 open (9 overdue)" in run("actions", folder, "--as-of", AS_OF).stdout


def test_one_owners_list_keeps_only_the_note_on_their_own_name(folder: Path) -> None:
    fall = folder / "2026-12-fall.yaml"
    added = CliRunner().invoke(
        app, ["rate", str(fall), "C4.2", "--action", "Draft the dashboard spec", "--owner", "Maria Lopes"]
    )
    assert added.exit_code == 0, added.output
    note = "Maria Lopes may be Maria Lopez"
    assert note in words(run("actions", folder, "--as-of", AS_OF).stdout)
    assert note in words(run("actions", folder, "--as-of", AS_OF, "--owner", "maria lopes").stdout)
    assert note not in words(run("actions", folder, "--as-of", AS_OF, "--owner", "Samuel Okafor").stdout)
