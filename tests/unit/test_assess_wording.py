"""What the sessions say of last term's actions: those carried into this term are this term's."""

from __future__ import annotations

import datetime as dt

from coalition_cli.cli.assess.wording import not_carried
from coalition_cli.core.model.assessment import Action, Rating

CHARTER = Action(
    action="Draft a coalition charter", owner="Tom Baker", due=dt.date(2026, 2, 15), status="in-progress"
)
COMMITTEE = Action(action="Set up an executive committee", status="planned")


def test_an_action_carried_over_and_marked_done_now_is_not_last_terms_open_one() -> None:
    # the reviewer marked the carried charter done: "Last time … 1 open action" appeared, "Not marked done"
    before = Rating(stage=2, actions=(CHARTER, COMMITTEE))
    now = Rating(
        actions=(Action(action="Draft a coalition charter", owner="Tom Baker", status="done"), COMMITTEE)
    )
    assert not_carried(before, now) == ()


def test_an_open_action_left_out_of_this_term_is_still_named() -> None:
    before = Rating(stage=2, actions=(CHARTER, COMMITTEE))
    assert not_carried(before, Rating(actions=(COMMITTEE,))) == (CHARTER,)
    assert not_carried(before, None) == (CHARTER, COMMITTEE)


def test_last_terms_closed_actions_are_never_named() -> None:
    done = Action(action="Adopt the charter", status="done")
    assert not_carried(Rating(actions=(done,)), Rating()) == ()


def test_a_file_dated_before_today_that_nobody_rated_is_pointed_out() -> None:
    from coalition_cli.cli.assess.wording import dated_earlier

    day, today = dt.date(2026, 11, 24), dt.date(2026, 12, 3)
    assert dated_earlier(day, today, rated=0) == (
        "This assessment is dated 24 November 2026: if the team meets on another day, "
        "change assessed_on in the file before rating."
    )
    assert dated_earlier(day, today, rated=1) == ""  # the team has begun: the date is theirs
    assert dated_earlier(today, today, rated=0) == ""


def test_an_open_action_past_due_on_the_sessions_day_is_said_overdue() -> None:
    from coalition_cli.cli.assess.wording import action_counts, describe_action

    done = Action(action="Adopt the charter", due=dt.date(2026, 1, 10), status="done")
    dropped = Action(action="Hire a coordinator", due=dt.date(2026, 1, 10), status="dropped")
    undated = Action(action="Survey the members")
    actions = (CHARTER, COMMITTEE, done, dropped, undated)
    assert describe_action(CHARTER, dt.date(2026, 2, 16)) == (
        "Draft a coalition charter — Tom Baker, due 15 February 2026, overdue, in progress"
    )
    assert describe_action(CHARTER, dt.date(2026, 2, 15)) == (
        "Draft a coalition charter — Tom Baker, due 15 February 2026, in progress"
    )
    assert describe_action(done, dt.date(2026, 12, 1)) == "Adopt the charter — due 10 January 2026, done"
    assert action_counts(actions, dt.date(2026, 12, 1)) == "3 open, 1 overdue, 1 done, 1 dropped"
    assert action_counts(actions, dt.date(2026, 2, 1)) == "3 open, 1 done, 1 dropped"
    assert action_counts(actions) == "3 open, 1 done, 1 dropped"


def test_a_refusal_that_starts_with_a_files_name_keeps_its_case() -> None:
    """ "fall.yaml has 1 problem" is a file's name, not a word to capitalize: "Fall.yaml" names no file."""
    from coalition_cli.cli.assess.wording import why_not_saved
    from coalition_cli.core.errors import CoalitionError

    assert why_not_saved(CoalitionError("fall.yaml has 1 problem")) == "fall.yaml has 1 problem."
    assert why_not_saved(CoalitionError("teams/fall.yaml is not readable")).startswith("teams/fall.yaml")
    assert why_not_saved(CoalitionError("the file moved")) == "The file moved."
