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

CASES: dict[str, tuple[str | Path, ...]] = {
    "riverside-spring-since-fall": (RIVERSIDE_SPRING, "--since", RIVERSIDE_FALL),
    "lakeside-spring-since-fall": (SPRING, "--since", FALL),
    "lakeside-spring-focus-3": (SPRING, "--focus", "3"),
    "riverside-spring-brief": (RIVERSIDE_SPRING, "--brief"),
    "riverside-spring-brief-since-fall": (RIVERSIDE_SPRING, "--since", RIVERSIDE_FALL, "--brief"),
    "riverside-spring-public-since-fall": (
        RIVERSIDE_SPRING,
        "--since",
        RIVERSIDE_FALL,
        "--audience",
        "public",
    ),
    "hostile": (HOSTILE,),
    "tiny-rubric": ("tests/fixtures/plan/tiny.yaml",),
}


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("case", CASES)
def test_plan_matches_its_golden_file(case: str, fmt: str) -> None:
    args = CASES[case]
    if not Path(args[0]).is_file():
        pytest.skip(f"{args[0]} is not there yet")
    golden(f"{case}.{fmt}", plan_text(*args, "--format", fmt, "-o", "-"))
