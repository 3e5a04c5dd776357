"""What the room said: the session replayed from its records, and the consensus rules applied to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalition_cli.core.loading.frameworks import load_framework
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.reports.consensus import discuss_from, lower_median
from coalition_cli.core.room.records import Closed, Opened, Revealed, Vote
from coalition_cli.core.room.state import Ballot, RoomState
from coalition_cli.core.room.summary import sentence
from coalition_cli.core.room.tally import Result, guide_groups, live_tally_of, tally
from tests.support.custom_rubric import write_rubric

AT = "2026-03-14T18:00:00Z"
GROUPS = guide_groups()


def _ballots(stages: list[int | None], groups: list[str | None] | None = None) -> list[Ballot]:
    groups = groups or [None] * len(stages)
    return [
        Ballot(f"device{n:04d}", stage, group, None, AT)
        for n, (stage, group) in enumerate(zip(stages, groups, strict=True))
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(min_value=1, max_value=4)), max_size=60))
def test_the_room_follows_the_consensus_rules(framework: Framework, stages: list[int | None]) -> None:
    result = tally(framework, GROUPS, "C1.1", _ballots(stages))
    given_ = [stage for stage in stages if stage is not None]
    assert result.voted == len(stages)
    assert result.dont_know == stages.count(None)
    assert [count.count for count in result.by_stage] == [stages.count(n) for n in (1, 2, 3, 4)]
    assert result.proposed == lower_median(given_)
    assert result.spread == (max(given_) - min(given_) if given_ else None)
    assert result.flagged == (bool(given_) and max(given_) - min(given_) >= 2)
    ends = [None if stage is None else stage.number for stage in (result.lowest, result.highest)]
    assert ends == ([min(given_), max(given_)] if given_ else [None, None])
    said = sentence(result)  # the plan says "discuss" exactly where the presenter said "Discuss first"
    assert ("discuss" in said) == result.flagged
    if given_ and min(given_) < max(given_):
        low, high = (f"{n} {framework.stage_name(n)}" for n in (min(given_), max(given_)))
        assert f"the ratings ranged from {low} to {high}" in said


def test_on_a_two_stage_rubric_any_disagreement_is_flagged(tmp_path: Path) -> None:
    rubric = load_framework(str(write_rubric(tmp_path / "two.yaml")), relative_to=None)
    assert discuss_from(rubric) == 1
    indicator = rubric.indicators[0].id
    assert not tally(rubric, GROUPS, indicator, _ballots([1, 1, None])).flagged
    split = tally(rubric, GROUPS, indicator, _ballots([1, 2, 2]))
    assert split.flagged and split.spread == 1 and split.proposed == 2
    assert sentence(split) == (
        "3 people rated this in the room; the ratings ranged from 1 Not yet to 2 Done, "
        "so the room was asked to discuss it before agreeing."
    )


def test_a_rubric_of_five_stages_counts_all_five(tmp_path: Path) -> None:
    stages = ("Absent", "Starting", "Growing", "Strong", "Leading")
    rubric = load_framework(str(write_rubric(tmp_path / "five.yaml", stages=stages)), relative_to=None)
    indicator = rubric.indicators[-1].id
    result = tally(rubric, GROUPS, indicator, _ballots([5, 5, 1, 3]))
    assert [count.count for count in result.by_stage] == [1, 0, 1, 0, 2]
    assert (result.spread, result.proposed, result.flagged) == (4, 3, True)


def test_the_distribution_by_group_follows_the_guides_order(framework: Framework) -> None:
    k12, parents = "k12-education", "parent-student-advocacy"
    ballots = _ballots(
        [1, 3, None, 2, 2, 1, 2, 4, 1],
        [parents, k12, parents, None, k12, parents, None, k12, None],
    )
    result = tally(framework, GROUPS, "C2.1", ballots)
    assert [(g.id, g.counts, g.dont_know) for g in result.by_group] == [
        ("k12-education", (0, 1, 1, 1), 0),
        ("parent-student-advocacy", (2, 0, 0, 0), 1),
        (None, (1, 2, 0, 0), 0),
    ]
    assert result.by_group[-1].name == "Did not say"


def _groups(result: Result) -> list[tuple[str | None, int]]:
    return [(row.id, row.voted) for row in result.by_group]


def test_a_group_of_fewer_than_three_phones_is_not_shown_on_its_own(framework: Framework) -> None:
    """The only employer's vote and sentence are not to be read off the projector."""
    k12, parents, employers, unions = (
        "k12-education",
        "parent-student-advocacy",
        "corporations",
        "labor-unions",
    )
    ballots = [
        *(Ballot(f"k{n}", 2, k12, None, AT) for n in range(4)),
        Ballot("e", 3, employers, "Charter adopted in Dec.", AT),
        Ballot("u1", 1, unions, None, AT),
        Ballot("u2", 2, unions, None, AT),
        *(Ballot(f"p{n}", 1, parents, "We parents never hear." if n == 0 else None, AT) for n in range(3)),
    ]
    result = tally(framework, GROUPS, "C1.1", ballots)
    assert _groups(result) == [(k12, 4), (parents, 3), ("smaller-groups", 3)]
    assert result.by_group[-1].name == "Smaller groups together"
    assert result.by_group[-1].counts == (1, 1, 1, 0)
    assert {item.text: item.group for item in result.evidence} == {
        "Charter adopted in Dec.": None,  # not "Corporations", the only one
        "We parents never hear.": parents,
    }
    # the employer alone, and the smallest group shown joins it: K–12 and "2 of the smaller groups"
    alone = tally(framework, GROUPS, "C1.1", [*ballots[:5], *ballots[7:]])
    assert _groups(alone) == [(k12, 4), ("smaller-groups", 4)]
    assert tally(framework, GROUPS, "C1.1", ballots[3:5]).by_group == (), "two phones: no table"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([*GROUPS, None]), st.one_of(st.none(), st.integers(1, 4))), max_size=40
    )
)
def test_every_row_by_group_counts_three_phones_or_more_and_all_of_them(
    framework: Framework, votes: list[tuple[str | None, int | None]]
) -> None:
    ballots = [
        Ballot(f"d{n}", stage, group, "said" if group else None, AT) for n, (group, stage) in enumerate(votes)
    ]
    result = tally(framework, GROUPS, "C1.1", ballots)
    assert all(row.voted >= 3 for row in result.by_group)
    assert sum(row.voted for row in result.by_group) == (len(ballots) if len(ballots) >= 3 else 0)
    own_rows = {row.id for row in result.by_group}
    assert all(item.group is None or item.group in own_rows for item in result.evidence)


def test_a_later_vote_replaces_the_earlier_and_only_the_open_indicator_is_live(framework: Framework) -> None:
    state = RoomState(framework, GROUPS).apply_all(
        [
            Opened("C1.1", AT),
            Vote("C1.1", "deviceAAAA", 1, None, None, AT),
            Vote("C1.1", "deviceBBBB", 3, "civic", "We meet.", AT),
            Vote("C1.1", "deviceAAAA", 4, "k12-education", None, AT),
            Closed("C1.1", AT),
            Opened("C1.2", AT),
            Vote("C1.2", "deviceBBBB", None, None, None, AT),
        ]
    )
    assert [(b.device, b.stage, b.group) for b in state.ballots_on("C1.1")] == [
        ("deviceAAAA", 4, "k12-education"),
        ("deviceBBBB", 3, "civic"),
    ]
    assert state.votes == 4 and state.devices == {"deviceAAAA": 1, "deviceBBBB": 2}
    assert state.is_open("C1.2") and not state.is_open("C1.1")
    live = live_tally_of(state, GROUPS, "C1.1")
    assert (live.voted, live.open, live.current, live.revealed, live.result) == (2, False, False, False, None)
    state.apply(Revealed("C1.2", AT))
    live = live_tally_of(state, GROUPS, "C1.2")
    assert live.revealed and live.result is not None and live.result.dont_know == 1


def test_records_this_rubric_does_not_know_are_counted_and_left_out(framework: Framework) -> None:
    state = RoomState(framework, GROUPS).apply_all(
        [
            Opened("C9.9", AT),
            Vote("C9.9", "deviceAAAA", 2, None, None, AT),
            Vote("C1.1", "deviceAAAA", 7, None, None, AT),
            Vote("C1.1", "deviceBBBB", 2, "no-such-group", None, AT),
        ]
    )
    assert state.ignored == 3
    assert state.current is None
    assert [(b.stage, b.group) for b in state.ballots_on("C1.1")] == [(2, None)]


@pytest.mark.parametrize(
    ("stages", "text"),
    [
        ([2], "1 person rated this in the room: 2 Developing."),
        ([3, 3, None], "3 people rated this in the room (1 did not know); all gave 3 Advancing."),
        (
            [2, 3, 3],
            "3 people rated this in the room; the ratings ranged from 2 Developing to 3 Advancing, "
            "close enough to agree.",
        ),
        (  # the review's C1.4: the presenter said "Discuss first", the plan said none was far from the middle
            [1, 2, 3],
            "3 people rated this in the room; the ratings ranged from 1 Emerging to 3 Advancing, "
            "so the room was asked to discuss it before agreeing.",
        ),
        (
            [1, 2, 2, 4, None],
            "5 people rated this in the room (1 did not know); the ratings ranged from 1 Emerging to "
            "4 Transforming, so the room was asked to discuss it before agreeing.",
        ),
        ([None, None], "2 people voted on this in the room; none could say which stage."),
    ],
)
def test_the_plan_says_it_in_one_sentence(framework: Framework, stages: list[int | None], text: str) -> None:
    assert sentence(tally(framework, GROUPS, "C1.1", _ballots(stages))) == text
