"""How the full-screen session shares its rows between the stages."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coalition_cli.cli.assess.screen.layout import share_rows


def test_everything_fits_or_the_long_ones_share() -> None:
    assert share_rows([2, 3, 2, 2], 15) == [2, 3, 2, 2]
    assert share_rows([5, 4, 8, 7], 15) == [4, 4, 4, 3]
    assert share_rows([2, 9, 2, 9], 15) == [2, 6, 2, 5]
    assert share_rows([9, 9, 9, 9], 3) == [1, 1, 1, 1]


@given(st.lists(st.integers(0, 40), min_size=1, max_size=8), st.integers(0, 60))
def test_every_stage_shows_and_the_rows_are_used(needs: list[int], rows: int) -> None:
    heights = share_rows(needs, rows)
    assert all(1 <= height <= max(need, 1) for height, need in zip(heights, needs, strict=True))
    assert sum(heights) == min(max(rows, len(needs)), sum(max(need, 1) for need in needs))
