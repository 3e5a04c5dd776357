"""`coalition assess` at a real terminal: Ctrl-C mid-session keeps the answers, and resuming finishes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from coalition_cli.core.loading.assessments import check_assessment
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.yaml import source as yamlsource

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

TIMEOUT = 20


def spawn(cwd: Path, *args: str) -> pexpect.spawn:
    env = {**os.environ, "COLUMNS": "80", "LINES": "24", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "coalition_cli", "assess", *args],
        cwd=str(cwd),
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=TIMEOUT,
    )


def rate_one(child: pexpect.spawn, indicator: str, stage: str, evidence: str = "") -> None:
    child.expect(f"Stage for {indicator}")
    child.sendline(stage)
    child.expect("Evidence: ")
    if evidence:
        child.sendline(evidence)
        child.expect("… ")
    child.sendline("")
    child.expect("Action: ")
    child.sendline("")


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None, f"killed by signal {child.signalstatus}"
    return int(child.exitstatus)


def test_ctrl_c_keeps_the_answers_then_resuming_finishes(tmp_path: Path, framework: Framework) -> None:
    child = spawn(tmp_path, "new.yaml")
    child.expect("Name of the coalition: ")
    child.sendline("Riverside Pathways Coalition")
    child.expect("Date of this assessment")
    child.sendline("2026-03-14")
    child.expect("Participant's name: ")
    child.sendline("Maria Lopez")
    child.expect("Organization")
    child.sendline("Riverside Unified School District")
    child.expect("Stakeholder group, by number")
    child.sendline("1")
    child.expect("Participant's name: ")
    child.sendline("")
    rate_one(child, "C1.1", "2", "Quarterly meetings since 2024")
    rate_one(child, "C1.2", "developing")
    child.expect("Stage for C1.3")
    child.sendline("3")
    child.expect("Evidence: ")
    child.sendintr()  # Ctrl-C in the middle of the third indicator
    child.expect("Stopped at C1.3")
    child.expect(r"coalition assess new\.yaml --start-at C1\.3")
    assert finish(child) == 130

    path = tmp_path / "new.yaml"
    ratings = yamlsource.parse_fast(path.read_text())["ratings"]
    assert ratings["C1.1"] == {"stage": 2, "evidence": "Quarterly meetings since 2024"}
    assert ratings["C1.2"] == {"stage": 2}
    assert ratings["C1.3"] == {"stage": 3}  # given before Ctrl-C: kept
    assert not check_assessment(path).has_errors

    child = spawn(tmp_path, "new.yaml", "--start-at", "C1.3")
    child.expect("Enter keeps 3")
    child.sendline("")  # keep 3
    child.expect("Evidence: ")
    child.sendline("")
    child.expect("Action: ")
    child.sendline("")
    for indicator in framework.indicators[3:]:
        rate_one(child, indicator.id, "1")
    child.expect("Where the coalition stands")
    child.expect(r"coalition plan new\.yaml")
    assert finish(child) == 0
    check = check_assessment(path, strict=True)
    assert not check.problems, check.problems


def test_ctrl_c_while_creating_the_file_creates_nothing(tmp_path: Path) -> None:
    child = spawn(tmp_path, "new.yaml")
    child.expect("Name of the coalition: ")
    child.sendintr()
    child.expect("Nothing was created")
    assert finish(child) == 130
    assert not (tmp_path / "new.yaml").exists()
