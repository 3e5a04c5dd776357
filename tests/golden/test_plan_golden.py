"""Golden plans: the whole Markdown and HTML documents, byte for byte. `pytest --update-golden` rewrites them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.plan import (  # noqa: F401
    FALL,
    HOSTILE,
    RIVERSIDE_FALL,
    RIVERSIDE_SPRING,
    SPRING,
    at_root,
    golden,
    plan_text,
)

pytestmark = pytest.mark.usefixtures("at_root")

LATER = ("--as-of", "2026-04-20")
"""A plan made five weeks after the Riverside assessment: two of its actions are late by then."""
SAME_DAY = ("--as-of", "2026-03-14")
"""The Riverside plan made on the day of its assessment."""

CASES: dict[str, tuple[str | Path, ...]] = {
    "riverside-spring-since-fall": (RIVERSIDE_SPRING, "--since", RIVERSIDE_FALL, *LATER),
    "lakeside-spring-since-fall": (SPRING, "--since", FALL, *LATER),
    "lakeside-spring-focus-3": (SPRING, "--focus", "3", "--as-of", "2026-04-09"),
    "riverside-spring-brief": (RIVERSIDE_SPRING, "--brief", *SAME_DAY),
    "riverside-spring-brief-since-fall": (RIVERSIDE_SPRING, "--since", RIVERSIDE_FALL, "--brief", *LATER),
    "riverside-spring-public-since-fall": (
        RIVERSIDE_SPRING,
        "--since",
        RIVERSIDE_FALL,
        "--audience",
        "public",
        *LATER,
    ),
    "hostile": (HOSTILE, *LATER),
    "tiny-rubric": ("tests/fixtures/plan/tiny.yaml", "--as-of", "2026-02-01"),
}
"""Every golden plan is made on a fixed day (`--as-of`), so it does not change with the calendar."""


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("case", CASES)
def test_plan_matches_its_golden_file(case: str, fmt: str) -> None:
    args = CASES[case]
    if not Path(args[0]).is_file():
        pytest.skip(f"{args[0]} is not there yet")
    golden(f"{case}.{fmt}", plan_text(*args, "--format", fmt, "-o", "-"))
