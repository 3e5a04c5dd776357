"""`rated_apart`: what a domain's change says when its two scores come from different indicators."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coalition_cli.core.loading.frameworks import load_framework
from coalition_cli.core.reports.document import rated_apart
from coalition_cli.core.scoring import DomainScore, score

FRAMEWORK = load_framework()
C2 = ["C2.1", "C2.2", "C2.3", "C2.4"]


def _c2(stages: dict[str, int | None]) -> DomainScore:
    return score(FRAMEWORK, stages).domain("C2")


def test_the_same_indicators_say_nothing() -> None:
    assert rated_apart(_c2({"C2.1": 1, "C2.2": 2}), _c2({"C2.1": 3, "C2.2": 2})) == ""


def test_one_left_out_or_one_new_is_named() -> None:
    everything = dict.fromkeys(C2, 1)
    assert rated_apart(_c2(everything), _c2({**everything, "C2.3": None})) == "C2.3 not rated this time"
    assert rated_apart(_c2({**everything, "C2.4": None}), _c2(everything)) == "C2.4 rated for the first time"


def test_more_are_counted() -> None:
    then = _c2({"C2.1": 1, "C2.2": 1})
    assert rated_apart(then, _c2({"C2.3": 2, "C2.2": 1, "C2.4": 1})) == "3 indicators rated in one term only"


def test_the_overall_score_is_said_the_same_way() -> None:
    """`compare`'s overall change and `summary`'s trend: the whole scorecards' indicators."""
    everything = dict.fromkeys((i.id for i in FRAMEWORK.indicators), 2)
    partly = {**everything, "C4.2": None, "C4.3": None, "C7.2": None}
    assert rated_apart(score(FRAMEWORK, everything), score(FRAMEWORK, partly)) == (
        "3 indicators rated in one term only"
    )
    assert rated_apart(score(FRAMEWORK, everything), score(FRAMEWORK, everything)) == ""


def test_a_term_with_none_rated_has_no_change_to_qualify() -> None:
    assert rated_apart(_c2({}), _c2({"C2.1": 2})) == ""


@given(st.lists(st.sampled_from(C2), unique=True), st.lists(st.sampled_from(C2), unique=True))
def test_said_exactly_when_both_scores_exist_and_the_rated_sets_differ(
    then: list[str], now: list[str]
) -> None:
    stages_then: dict[str, int | None] = dict.fromkeys(then, 2)
    stages_now: dict[str, int | None] = dict.fromkeys(now, 2)
    note = rated_apart(_c2(stages_then), _c2(stages_now))
    assert bool(note) == (bool(then) and bool(now) and set(then) != set(now))
