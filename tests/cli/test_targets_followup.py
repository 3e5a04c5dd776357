"""Targets followed up across a generated network of 36 coalitions: `compare` on each coalition's
terms, `plan --since` on its last two, and `summary`'s last targets per coalition and across the
network, each against what the generator planted (reached, not yet, further away, not rated; the
linked pair C1.3 / C6.1 counted once, by its least favourable result)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from coalition_cli.core.wording import long_date
from tests.support.network import AS_OF, FRAMEWORK, CoalitionPlan, Network, generate
from tests.support.scoring import run

WORST_FIRST = ("further away", "not rated", "not yet", "reached")
LINKED = [set(group.indicators) for group in FRAMEWORK.linked]


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Network:
    return generate(tmp_path_factory.mktemp("network"))


def _results(plan: CoalitionPlan, term: int) -> dict[str, str]:
    """Each target `term` set, and how it stands at the next term, by the rules the README states."""
    found = {}
    for indicator, target in plan.targets[term].items():
        then, now = plan.stages[term][indicator], plan.stages[term + 1][indicator]
        if now is None:
            found[indicator] = "not rated"
        elif now >= target:
            found[indicator] = "reached"
        elif then is not None and now < then:
            found[indicator] = "further away"
        else:
            found[indicator] = "not yet"
    return found


def _counted(results: dict[str, str]) -> Counter[str]:
    """One result per target, a linked group's targets once (the least favourable)."""
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for indicator in results:
        if indicator in seen:
            continue
        group = next((g for g in LINKED if indicator in g), {indicator}) & set(results)
        seen |= group
        counts[min((results[i] for i in group), key=WORST_FIRST.index)] += 1
    return counts


def _counts_json(counts: Counter[str]) -> dict[str, int]:
    keys = ("reached", "not yet", "further away", "not rated")
    return {key.replace(" ", "_"): counts[key] for key in keys} | {"total": sum(counts.values())}


def test_the_generated_network_plants_every_kind_of_result(network: Network) -> None:
    planted = Counter(
        result
        for plan in network.summarized
        for term in range(len(plan.terms) - 1)
        for result in _results(plan, term).values()
    )
    assert all(planted[result] >= 5 for result in WORST_FIRST), planted
    both = [
        plan
        for plan in network.summarized
        for term in range(len(plan.terms) - 1)
        if {"C1.3", "C6.1"} <= set(plan.targets[term])
    ]
    assert both, "a linked pair with a target on each, counted once"


def test_compare_follows_up_every_terms_targets(network: Network) -> None:
    for plan in network.summarized:
        data = json.loads(run("compare", *plan.files, "--format", "json").stdout)
        expected = [term for term in range(len(plan.terms) - 1) if plan.targets[term]]
        assert [item["set_in"]["file"] for item in data["targets"]] == [
            str(plan.files[term]) for term in expected
        ], plan.name
        for term, item in zip(expected, data["targets"], strict=True):
            results = _results(plan, term)
            assert item["checked_in"]["file"] == str(plan.files[term + 1])
            assert {i["id"]: i["result"] for i in item["indicators"]} == results, (plan.name, term)
            assert item["counts"] == _counts_json(_counted(results)), (plan.name, term)


def test_plan_since_says_how_many_of_last_terms_targets_were_reached(network: Network) -> None:
    checked = 0
    for plan in network.summarized[:12]:
        if not plan.targets[-2]:
            continue
        counts = _counted(_results(plan, len(plan.terms) - 2))
        text = run("plan", plan.files[-1], "--since", plan.files[-2], "-o", "-").stdout
        total = sum(counts.values())
        set_on = long_date(plan.terms[-2])  # these files name no term: the date, in words
        assert (
            f"{counts['reached']} of {total} target{'s' if total != 1 else ''} set on {set_on} reached"
            in text
        )
        for result in ("further away", "not rated"):
            if counts[result]:
                assert f"{counts[result]} {result}" in text
        checked += 1
    assert checked >= 6


def test_summary_gives_each_coalitions_last_targets_and_the_networks(
    network: Network, tmp_path: Path
) -> None:
    report: Any = json.loads(
        run("summary", network.root, "--as-of", AS_OF.isoformat(), "--format", "json").stdout
    )
    by_name = {c["coalition"]: c for c in report["coalitions"]}
    total: Counter[str] = Counter()
    followed = 0
    for plan in network.summarized:
        targets = by_name[plan.name]["targets"]
        if len(plan.terms) < 2 or not plan.targets[-2]:
            assert targets is None, plan.name
            continue
        counts = _counted(_results(plan, len(plan.terms) - 2))
        assert targets["counts"] == _counts_json(counts), plan.name
        assert targets["set_in"]["assessed_on"] == plan.terms[-2].isoformat()
        assert targets["checked_in"]["assessed_on"] == plan.latest.isoformat()
        total += counts
        followed += 1
    assert report["targets"] == {"coalitions": followed, **_counts_json(total)}
    assert followed >= 25
    table = run("summary", network.root, "--as-of", AS_OF.isoformat()).stdout
    assert (
        f"Targets set the term before the latest: {total['reached']} of {sum(total.values())} reached"
        in " ".join(table.split())
    )
