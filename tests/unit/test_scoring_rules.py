"""The scoring rules, by example and by property, for the bundled framework and a 2-domain, 3-stage one.

Rules: an indicator scores its stage; a domain scores the mean of its rated indicators; the overall
score is the mean of the domain scores that exist; a score's stage is floor(score); unrated
indicators do not count; shown with 2 decimals, never rounded up into the next stage.
"""

from __future__ import annotations

import dataclasses
import random
import tempfile
from fractions import Fraction
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition_cli.core.loading.frameworks import load_framework
from coalition_cli.core.model.base import as_data, validated
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.reports.comparison import change_number
from coalition_cli.core.scoring import rounded, score, score_change, shown
from tests.support.scoring import CF_IDS, RUBRIC, run_json, write_assessment

CF = load_framework("community-framework")
TINY = load_framework(str(RUBRIC))
FRAMEWORKS = [CF, TINY]


def oracle(framework: Framework, stages: dict[str, int | None]) -> float | None:
    """The rules written out the slow, obvious way, in floating point."""
    domain_means = []
    for domain in framework.domains:
        rated = [stages[i.id] for i in domain.indicators if stages.get(i.id) is not None]
        if rated:
            domain_means.append(sum(rated) / len(rated))  # type: ignore[arg-type]
    return sum(domain_means) / len(domain_means) if domain_means else None


@st.composite
def ratings(draw: st.DrawFn, framework: Framework | None = None) -> tuple[Framework, dict[str, int | None]]:
    fw = framework or draw(st.sampled_from(FRAMEWORKS))
    stage = st.one_of(st.none(), st.integers(1, fw.top_stage))
    chosen = draw(st.lists(st.sampled_from([i.id for i in fw.indicators]), unique=True))
    return fw, {indicator: draw(stage) for indicator in chosen}


# --- by example ------------------------------------------------------------------------------------


def test_domain_is_the_mean_of_its_rated_indicators_and_overall_weighs_domains_equally() -> None:
    card = score(TINY, {"P.1": 1, "P.2": 2, "P.3": None, "Q.1": 3})
    assert card.domain("P").exact == Fraction(3, 2)  # P.3 unrated: (1 + 2) / 2
    assert card.domain("Q").exact == 3
    assert card.exact == Fraction(9, 4)  # (1.5 + 3) / 2, not (1 + 2 + 3) / 3
    assert (card.stage, card.stage_name) == (2, "Sprout")
    assert (card.rated, card.total) == (3, 4)
    assert card.domain("P").rated == 2 and card.domain("P").total == 3


def test_a_domain_with_nothing_rated_has_no_score_and_does_not_count() -> None:
    card = score(TINY, {"P.1": 3})
    assert card.domain("Q").exact is None and card.domain("Q").stage is None
    assert card.exact == 3


def test_nothing_rated_means_no_score_at_all() -> None:
    card = score(CF, {})
    assert card.exact is None and card.stage is None and card.stage_name is None
    assert card.rated == 0 and card.total == 22 and card.completeness == 0


def test_stage_is_the_floor_of_the_unrounded_score() -> None:
    # C1: 2, 3, 3, 3 -> 2.75 is stage 2 "Developing", not 3
    card = score(CF, {"C1.1": 2, "C1.2": 3, "C1.3": 3, "C1.4": 3})
    assert card.domain("C1").exact == Fraction(11, 4)
    assert card.domain("C1").stage_name == "Developing"


def test_shown_score_never_rounds_up_into_the_next_stage() -> None:
    assert shown(Fraction(299, 100) + Fraction(6, 1000)) == "2.99"  # 2.996 would round to 3.00
    assert shown(Fraction(2345, 1000)) == "2.35"  # half up
    assert shown(Fraction(5, 2)) == "2.50"
    assert shown(Fraction(7, 3)) == "2.33"
    assert rounded(None) is None and shown(None) is None


def test_targets_give_the_distance_to_target() -> None:
    card = score(TINY, {"P.1": 1, "P.2": 2, "Q.1": 1}, {"P.1": 3, "P.2": 3})
    assert card.indicator("P.1").to_target == 2
    assert card.indicator("P.2").to_target == 1
    assert card.indicator("Q.1").to_target is None  # no target set
    assert card.domain("P").to_target == 1.5


# --- by property -----------------------------------------------------------------------------------


@given(ratings())
def test_scores_stay_within_the_stages_and_match_the_rules(
    case: tuple[Framework, dict[str, int | None]],
) -> None:
    fw, stages = case
    card = score(fw, stages)
    expected = oracle(fw, stages)
    if expected is None:
        assert card.exact is None and card.stage is None
    else:
        assert card.exact is not None and card.stage is not None
        assert 1 <= card.exact <= fw.top_stage
        assert abs(float(card.exact) - expected) < 1e-9
        assert card.stage == int(card.exact)  # floor, and within 1..N
    for domain in card.domains:
        assert domain.exact is None or 1 <= domain.exact <= fw.top_stage
    assert card.rated == sum(stage is not None for stage in stages.values())


@given(ratings(), st.data())
def test_raising_one_indicator_never_lowers_any_score(
    case: tuple[Framework, dict[str, int | None]], data: st.DataObject
) -> None:
    fw, stages = case
    raisable = [i for i, stage in stages.items() if stage is not None and stage < fw.top_stage]
    if not raisable:
        return
    chosen = data.draw(st.sampled_from(raisable))
    before = score(fw, stages)
    after = score(fw, {**stages, chosen: stages[chosen] + 1})  # type: ignore[operator]
    assert after.exact is not None and before.exact is not None
    assert after.exact > before.exact  # strictly: its domain's mean rises
    assert after.stage is not None and before.stage is not None and after.stage >= before.stage
    for old, new in zip(before.domains, after.domains, strict=True):
        assert (old.exact is None and new.exact is None) or (
            new.exact is not None and old.exact is not None and new.exact >= old.exact
        )


@given(ratings(), st.randoms(use_true_random=False))
def test_order_of_ratings_and_of_indicators_does_not_matter(
    case: tuple[Framework, dict[str, int | None]], rng: random.Random
) -> None:
    fw, stages = case
    shuffled_ratings = dict(rng.sample(list(stages.items()), len(stages)))
    domains = [
        dataclasses.replace(
            domain, indicators=tuple(rng.sample(list(domain.indicators), len(domain.indicators)))
        )
        for domain in fw.domains
    ]
    reordered = validated(
        Framework, {**as_data(fw), "domains": [as_data(d) for d in rng.sample(domains, len(domains))]}
    )
    original = score(fw, stages)
    for card in (score(fw, shuffled_ratings), score(reordered, stages)):
        assert card.exact == original.exact
        assert {d.id: d.exact for d in card.domains} == {d.id: d.exact for d in original.domains}


@given(ratings())
def test_unrated_indicators_do_not_count(case: tuple[Framework, dict[str, int | None]]) -> None:
    fw, stages = case
    only_rated = {i: stage for i, stage in stages.items() if stage is not None}
    all_listed = {i.id: stages.get(i.id) for i in fw.indicators}  # every missing one written as null
    assert score(fw, only_rated).exact == score(fw, stages).exact == score(fw, all_listed).exact


# --- through the CLI -------------------------------------------------------------------------------


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ratings(TINY))
def test_the_score_command_reports_the_rules_rounded_to_2_decimals(
    case: tuple[Framework, dict[str, int | None]],
) -> None:
    fw, stages = case
    with tempfile.TemporaryDirectory() as folder:
        path = write_assessment(Path(folder) / "a.yaml", stages, framework=str(RUBRIC))
        report = run_json("score", path)["assessments"][0]
    expected = oracle(fw, stages)
    overall = report["overall"]
    if expected is None:
        assert overall["score"] is None and overall["stage"] is None
    else:
        assert abs(overall["score"] - expected) <= 0.005 + 1e-9
        assert overall["stage"] == int(expected + 1e-9)
        assert overall["stage_name"] == fw.stage_name(overall["stage"])
    assert overall["total"] == 4
    assert [d["id"] for d in report["domains"]] == ["P", "Q"]


def test_the_bundled_framework_through_the_cli(tmp_path: Path) -> None:
    stages = {indicator: 1 + n % 4 for n, indicator in enumerate(CF_IDS)}
    stages["C7.2"] = None
    report = run_json("score", write_assessment(tmp_path / "a.yaml", stages))["assessments"][0]
    expected = oracle(CF, stages)
    assert expected is not None
    assert report["overall"]["score"] == round(expected, 2)
    assert (report["overall"]["rated"], report["overall"]["total"]) == (21, 22)
    assert len(report["domains"]) == 7 and len(report["indicators"]) == 22
    c7 = report["domains"][-1]
    assert (c7["rated"], c7["total"], c7["score"]) == (1, 2, float(stages["C7.1"] or 0))


SCORES = st.fractions(min_value=1, max_value=4, max_denominator=200)
"""Means of up to 200 stages: every score a rubric of four stages can have, and more."""


@given(SCORES, SCORES)
def test_a_change_is_the_difference_of_the_scores_as_shown(first: Fraction, last: Fraction) -> None:
    # 1.90 → 2.24 reads +0.34 to anyone who subtracts, though the unrounded scores differ by 0.33
    before, after = shown(first), shown(last)
    assert before is not None and after is not None
    assert change_number(score_change(first, last)) == round(float(after) - float(before), 2)


def test_a_change_from_or_to_no_score_is_none() -> None:
    assert score_change(None, Fraction(2)) is None and score_change(Fraction(2), None) is None
    assert score_change(Fraction(19048, 10000), Fraction(22361, 10000)) == Fraction(34, 100)
