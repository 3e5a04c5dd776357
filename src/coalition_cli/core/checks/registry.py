"""Every check, in one list: the pipeline (core/loading/) runs those of each kind of document.

Adding a check: write it in the module of its family (or a new module here), declare its codes
(core/codes.py has every code), and add it to `CHECKS`. If it can fire on an assessment that
validate's fast path would prove clean, teach the fast path too (core/checks/fastcheck.py says how).
"""

from __future__ import annotations

from functools import cache

from coalition_cli.core.checks import framework, participants, profile, rubric, settings, typography
from coalition_cli.core.checks.base import Check, Kind, Subject
from coalition_cli.core.problems import Finding

CHECKS: tuple[Check, ...] = (
    *framework.CHECKS,
    *rubric.CHECKS,
    *participants.CHECKS,
    *profile.CHECKS,
    *settings.CHECKS,
    *typography.CHECKS,
)


@cache
def checks_for(kind: Kind) -> tuple[Check, ...]:
    return tuple(check for check in CHECKS if check.kind is kind)


def run_checks(kind: Kind, subject: Subject) -> list[Finding]:
    """The findings of every check of this kind of document."""
    return [finding for check in checks_for(kind) for finding in check.run(subject)]
