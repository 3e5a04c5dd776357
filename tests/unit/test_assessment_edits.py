"""The property tests' document editor (tests/support/assessment_edits.py) must be a pure function of
its picks: if it mutated its own constants, hypothesis would replay different data and fail as
"FlakyStrategyDefinition" on a loaded machine (it did, before appended values were copied)."""

from __future__ import annotations

import copy
import random

from tests.support import assessment_edits


def test_editing_documents_never_changes_the_editors_own_values() -> None:
    shared = {
        name: copy.deepcopy(getattr(assessment_edits, name))
        for name in (
            "TRICKY",
            "KEYS",
            "STAGES",
            "ODD_STAGES",
            "TEXTS",
            "ODD_TEXTS",
            "DATES",
            "BY_KEY",
            "RATINGS",
        )
    }
    rng = random.Random(2026)
    for _ in range(2000):
        assessment_edits.edit(assessment_edits.clean_document(), rng.choice)
    for name, before in shared.items():
        assert getattr(assessment_edits, name) == before, f"{name} was changed by an edit"
