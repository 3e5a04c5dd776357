"""The text bars of plain-text documents (`score`, the Markdown plan): the same scale as the plan's chart."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from coalition_cli.core.reports.document import bar


@given(
    st.integers(min_value=1, max_value=10),
    st.fractions(min_value=0, max_value=1),
    st.fractions(min_value=0, max_value=1),
)
def test_a_bar_runs_from_the_first_stage_to_the_top_and_grows_with_the_score(
    top: int, low: Fraction, high: Fraction
) -> None:
    low, high = sorted((low, high))
    lower, higher = (1 + share * (top - 1) for share in (low, high))
    drawn = bar(lower, top), bar(higher, top)
    assert all(len(text) == 10 and set(text) <= {"█", "░"} for text in drawn)
    assert drawn[0].count("█") <= drawn[1].count("█")  # never shorter for a higher score
    if top > 1:
        assert bar(Fraction(1), top) == "░" * 10  # the first stage: empty, as the chart draws it
    assert bar(Fraction(top), top) == "█" * 10
    assert bar(None, top) == "░" * 10
