"""Sharing the screen's rows between the stage descriptors, so that every stage shows.

Short descriptors get all the rows they need; the long ones share what is left equally, and are
scrolled (never cut silently: the screen marks them).
"""

from __future__ import annotations

from collections.abc import Sequence


def share_rows(needs: Sequence[int], rows: int) -> list[int]:
    """Rows for each stage: all it needs when everything fits; else at least one each, the short ones
    whole, the long ones an equal share of the rest (the earlier ones first for an odd row)."""
    needs = [max(need, 1) for need in needs]
    if sum(needs) <= rows:
        return needs
    if rows <= len(needs):
        return [1] * len(needs)
    cap = 1
    while sum(min(need, cap + 1) for need in needs) <= rows:
        cap += 1
    heights = [min(need, cap) for need in needs]
    spare = rows - sum(heights)
    for index, need in enumerate(needs):
        if spare and need > heights[index]:
            heights[index] += 1
            spare -= 1
    return heights
