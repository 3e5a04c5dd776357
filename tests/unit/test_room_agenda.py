"""Which indicator the room takes up next: the next not rated yet in the file, coming round to the start."""

from __future__ import annotations

import pytest

from coalition_cli.core.loading.frameworks import load_framework
from coalition_cli.core.room.agenda import not_rated_after

FRAMEWORK = load_framework("community-framework")
IDS = [indicator.id for indicator in FRAMEWORK.indicators]


def _stages(*rated: str) -> dict[str, int | None]:
    return {indicator: 2 if indicator in rated else None for indicator in IDS}


@pytest.mark.parametrize(
    ("rated", "after", "expected"),
    [
        ((), None, "C1.1"),
        (("C1.1",), None, "C1.2"),  # "Open the first indicator not rated yet"
        (("C1.3", "C1.4"), "C1.2", "C2.1"),  # rated in the file: skipped
        (("C1.3",), "C1.3", "C1.4"),
        (("C1.1", "C1.2"), "C7.2", "C1.3"),  # after the last: round to the start
        (tuple(IDS), None, None),
        (tuple(IDS), "C3.1", None),
        (tuple(i for i in IDS if i != "C3.1"), "C3.1", None),  # never the open one itself
        (tuple(i for i in IDS if i != "C3.1"), "C2.2", "C3.1"),
    ],
)
def test_the_next_indicator_not_rated_yet(
    rated: tuple[str, ...], after: str | None, expected: str | None
) -> None:
    assert not_rated_after(FRAMEWORK, _stages(*rated), after) == expected
