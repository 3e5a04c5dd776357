"""What the team aims for on an indicator (`scoring.aim`): one rule for the action plan and the roster."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition_cli.core.loading.assessments import load_assessment
from coalition_cli.core.loading.frameworks import load_guide
from coalition_cli.core.plan.build import build_plan
from coalition_cli.core.reports.roster.build import assessment_gaps
from coalition_cli.core.scoring import Aim, aim
from tests.support.scoring import CF_IDS, write_assessment


@pytest.mark.parametrize(
    ("stage", "target", "expected"),
    [
        (None, None, None),  # unrated: nothing known, no gap
        (None, 3, None),
        (4, None, None),  # at the top stage: no gap
        (4, 4, None),
        (1, None, Aim(2, team_target=False)),  # no target: the next stage
        (1, 3, Aim(3, team_target=True)),  # the team's target, above the stage
        (3, 4, Aim(4, team_target=True)),
        (2, 2, Aim(3, team_target=False)),  # a target already reached: the next stage
        (3, 1, Aim(4, team_target=False)),
    ],
)
def test_the_aim_is_the_teams_target_above_the_stage_else_the_next_stage(
    stage: int | None, target: int | None, expected: Aim | None
) -> None:
    assert aim(stage, target, top_stage=4) == expected


ratings = st.lists(
    st.tuples(st.one_of(st.none(), st.integers(1, 4)), st.one_of(st.none(), st.integers(1, 4))),
    min_size=len(CF_IDS),
    max_size=len(CF_IDS),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ratings)
def test_the_plan_and_the_roster_aim_for_the_same_stage(pairs: list[tuple[int | None, int | None]]) -> None:
    stages = {indicator: stage for indicator, (stage, _target) in zip(CF_IDS, pairs, strict=True)}
    targets = {
        indicator: target
        for indicator, (_stage, target) in zip(CF_IDS, pairs, strict=True)
        if target is not None
    }
    with tempfile.TemporaryDirectory() as folder:
        path = write_assessment(Path(folder) / "a.yaml", stages, targets=targets)
        loaded = load_assessment(path)
        plan = build_plan(loaded, load_guide())
    roster = {gap.id: gap.aim for gap in assessment_gaps(loaded)}
    detailed = [*plan.priority_details, *(item for domain in plan.domains for item in domain.indicators)]
    planned = {item.id: item.target for item in detailed}
    assert planned == roster and len(planned) == len(detailed)
    for item in detailed:
        assert (item.target_source == "team") == (targets.get(item.id) == item.target)
