"""A network entry's stages and targets (`IndicatorNumbers`) read as the dict they were made from, in
its order, pickle as it, and share their ids with every other file that lists the same indicators."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from coalition_cli.core.reports.network.entries import IndicatorNumbers

numbers = st.dictionaries(
    st.sampled_from(["C1.1", "C1.2", "C2.1", "C7.2", "X"]), st.one_of(st.none(), st.integers(0, 5))
)


@given(numbers, st.sampled_from(["C1.1", "C7.2", "nope"]))
def test_they_read_as_the_dict_they_were_made_from(made_from: dict[str, int | None], asked: str) -> None:
    kept = IndicatorNumbers(made_from)
    assert kept == made_from and dict(kept) == made_from
    assert list(kept.items()) == list(made_from.items())  # the file's order
    assert len(kept) == len(made_from) and bool(kept) == bool(made_from)
    assert kept.get(asked) == made_from.get(asked) and kept.get(asked, -1) == made_from.get(asked, -1)
    assert (asked in kept) is (asked in made_from)
    again = pickle.loads(pickle.dumps(kept))
    assert again == made_from and list(again) == list(made_from)


def test_files_that_list_the_same_indicators_share_their_ids() -> None:
    first, second = IndicatorNumbers({"C1.1": 2, "C1.2": None}), IndicatorNumbers({"C1.1": 3, "C1.2": 1})
    assert first._ids is second._ids
    assert pickle.loads(pickle.dumps(first))._ids is first._ids
