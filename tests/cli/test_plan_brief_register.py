"""A brief plan stays brief when a coalition has fallen far behind: the worst few overdue actions,
and a count of the rest, which the full plan lists."""

from __future__ import annotations

import re
from pathlib import Path

from coalition_cli.core.plan.register import BRIEF_LIST, BRIEF_OWNERS
from tests.support.paths import ROOT
from tests.support.plan import plan_text

SPRING = ROOT / "examples" / "riverside" / "2026-03-spring.yaml"
LATE = 12


def _behind(folder: Path, late: int = LATE) -> Path:
    """The Riverside spring assessment with `late` more actions overdue on its date (2026-03-14)."""
    text = SPRING.read_text(encoding="utf-8")
    extra = "".join(
        f"      - action: Follow-up task number {number} from the retreat\n"
        f"        owner: Working group {number % 4}\n"
        f"        due: 2026-02-{number % 27 + 1:02}\n"
        for number in range(late)
    )
    text = text.replace("    actions:\n", "    actions:\n" + extra, 1)
    path = folder / SPRING.name
    path.write_text(text, encoding="utf-8")
    (folder / "coalition.yaml").write_text(
        (SPRING.parent / "coalition.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return path


def _overdue_rows(markdown: str) -> list[str]:
    section = markdown.split("### Overdue", 1)[1].split("\n#", 1)[0]
    return [line for line in section.splitlines() if re.match(r"\| .* \| \d+ days? \|$", line)]


def test_the_brief_lists_the_worst_overdue_actions_and_counts_the_rest(tmp_path: Path) -> None:
    path = _behind(tmp_path)
    full = plan_text(path, "-o", "-")
    brief = plan_text(path, "--brief", "-o", "-")
    everything = _overdue_rows(full)
    assert len(everything) > BRIEF_LIST
    shown = _overdue_rows(brief)
    assert shown == everything[:BRIEF_LIST]  # the longest overdue first, in both
    more = len(everything) - BRIEF_LIST
    assert f"And {more} more overdue actions: the full plan lists every one." in brief
    assert "more overdue action" not in full
    owners_section = full.split("### Who owns the open actions", 1)[1].split("\n#", 1)[0]
    owners = [line for line in owners_section.splitlines() if re.match(r"\| (?!Owner |---)", line)]
    assert len(owners) > BRIEF_OWNERS
    assert f"; and {len(owners) - BRIEF_OWNERS} more owners." in brief


def test_up_to_the_limit_every_overdue_action_is_in_the_brief(tmp_path: Path) -> None:
    path = _behind(tmp_path, BRIEF_LIST)  # Riverside has none overdue on its own date
    full, brief = plan_text(path, "-o", "-"), plan_text(path, "--brief", "-o", "-")
    assert len(_overdue_rows(full)) == BRIEF_LIST
    assert _overdue_rows(brief) == _overdue_rows(full)
    assert "more overdue action" not in brief
