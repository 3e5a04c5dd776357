"""Following actions from term to term (core/reports/actions): the same action found again, reworded
ones too; overdue, carried over, vanished; owners counted together; a property over random histories."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition_cli.core.model.assessment import Participant
from coalition_cli.core.reports.actions.owners import (
    meant_owner,
    names_organization,
    names_person,
    owner_key,
    owner_parts,
)
from coalition_cli.core.reports.actions.register import (
    ActionRecord,
    MemberSeat,
    TermActions,
    follow,
    owner_loads,
)

FALL, SPRING, AS_OF = dt.date(2025, 9, 18), dt.date(2026, 3, 12), dt.date(2026, 4, 20)


def term(day: dt.date, *actions: ActionRecord) -> TermActions:
    return TermActions(coalition="Lakeside", file=f"{day}.yaml", assessed_on=day, term=None, actions=actions)


def act(
    text: str,
    status: str | None = None,
    *,
    owner: str | None = "Ana Diaz",
    due: str = "2026-06-30",
    indicator: str = "C1.1",
) -> ActionRecord:
    return ActionRecord(indicator, text, owner, dt.date.fromisoformat(due), status)


def states(*terms: TermActions) -> dict[str, tuple[str, bool]]:
    return {a.action: (a.state, a.carried_over) for a in follow(terms, AS_OF)}


def test_one_term() -> None:
    assert states(term(SPRING, act("A"), act("B", "done"), act("C", due="2026-04-01"), act("D", "dropped"))) == {
        "A": ("open", False), "B": ("done", False), "C": ("overdue", False), "D": ("dropped", False),
    }  # fmt: skip


def test_across_two_terms() -> None:
    fall = term(
        FALL,
        act("Open, still open"),
        act("Open, then done"),
        act("Gone"),
        act("Dropped, then gone", "dropped"),
    )
    spring = term(
        SPRING, act("open, still open."), act("Open, then done", "done"), act("New", due="2026-07-01")
    )
    assert states(fall, spring) == {
        "open, still open.": ("open", True),  # case, spacing and a final full stop ignored
        "Open, then done": ("done", False),
        "Gone": ("vanished", False),
        "Dropped, then gone": ("dropped", False),
        "New": ("open", False),
    }


def test_a_reworded_action_keeps_its_history_only_with_the_same_indicator_owner_and_due() -> None:
    fall = term(FALL, act("Agree on the equity check"), act("Map courses", indicator="C3.1"))
    spring = term(SPRING, act("Agree on an equity checklist"), act("Map the courses", indicator="C3.2"))
    found = {a.action: a for a in follow([fall, spring], AS_OF)}
    assert (
        found["Agree on an equity checklist"].carried_over
        and found["Agree on an equity checklist"].first_seen == FALL
    )
    assert found["Map courses"].state == "vanished" and not found["Map the courses"].carried_over


def test_an_action_that_comes_back_is_not_vanished() -> None:
    third = dt.date(2026, 9, 17)
    history = follow([term(FALL, act("A")), term(SPRING), term(third, act("A", "in-progress"))], AS_OF)
    (only,) = history
    assert (only.state, only.carried_over, only.first_seen, only.last_seen) == ("open", True, FALL, third)


def test_the_same_text_twice_in_one_term_is_two_actions() -> None:
    history = follow([term(FALL, act("Call"), act("Call")), term(SPRING, act("Call", "done"))], AS_OF)
    assert sorted(a.state for a in history) == ["done", "vanished"]


def test_done_since_the_previous_term_counts_only_what_was_not_done_then() -> None:
    """An action done at the earlier term is not done "since" it again; one done in the latest term,
    open in the one before (or not in it), is; only the term before the latest counts as "then"."""
    third = dt.date(2026, 9, 17)
    history = follow(
        [
            term(FALL, act("Done long ago"), act("Open, done in spring"), act("Open all along")),
            term(
                SPRING,
                act("Done long ago", "done"),
                act("Open, done in spring", "done"),
                act("Open all along", "in-progress"),
                act("Dropped then, done now", "dropped"),
            ),
            term(
                third,
                act("Done long ago", "done"),  # still in the file, done then too: not again
                act("Open all along", "done"),
                act("New and done", "done", due="2026-08-01"),  # not the vanished one reworded
                act("Dropped then, done now", "done"),
                act("New and dropped", "dropped", due="2026-08-02"),
            ),
        ],
        AS_OF,
    )
    since = {a.action: a.state for a in history if a.closed_since_previous}
    assert since == {
        "Open all along": "done",
        "New and done": "done",
        "Dropped then, done now": "done",
        "New and dropped": "dropped",
    }
    assert sum(a.state == "done" for a in history) == 5  # the total keeps the rest


def test_with_one_term_nothing_is_done_since_an_earlier_one() -> None:
    (only,) = follow([term(SPRING, act("A", "done"))], AS_OF)
    assert only.state == "done" and not only.closed_since_previous


def test_a_due_date_moved_later_keeps_the_old_date_and_how_late_it_was() -> None:
    third = dt.date(2026, 9, 17)
    history = follow(
        [
            term(FALL, act("Moved when late", due="2025-12-01"), act("Moved twice", due="2025-10-01")),
            term(
                SPRING,
                act("Moved when late", due="2026-06-30"),
                act("Moved early", due="2026-05-01"),
                act("Brought forward", due="2026-09-01"),
                act("Date removed", due="2026-01-31"),
                act("Moved twice", due="2026-01-15"),
            ),
            term(
                third,
                act("Moved early", due="2026-12-01"),  # 1 May 2026 had passed when the third term moved it
                act("Brought forward", due="2026-08-01"),
                ActionRecord("C1.1", "Date removed", "Ana Diaz", None, None),
                act("Moved twice", due="2026-12-31"),
                act("Moved when late", due="2026-06-30"),  # unchanged since spring: still says so
            ),
        ],
        AS_OF,
    )
    found = {a.action: (a.due_moved_from, a.days_late_when_moved) for a in history}
    day = dt.date.fromisoformat
    assert found == {
        "Moved when late": (day("2025-12-01"), (SPRING - day("2025-12-01")).days),
        "Moved early": (day("2026-05-01"), (third - day("2026-05-01")).days),
        "Brought forward": (None, None),  # nothing slipped
        "Date removed": (day("2026-01-31"), (third - day("2026-01-31")).days),
        "Moved twice": (day("2026-01-15"), (third - day("2026-01-15")).days),  # the latest move
    }
    not_late = follow(
        [term(FALL, act("A", due="2026-06-30")), term(SPRING, act("A", due="2026-09-30"))], AS_OF
    )
    assert [(a.due_moved_from, a.days_late_when_moved) for a in not_late] == [(dt.date(2026, 6, 30), None)]
    done_then = follow(
        [term(FALL, act("A", "done", due="2025-10-01")), term(SPRING, act("A", "done", due="2025-11-01"))],
        AS_OF,
    )
    assert [a.days_late_when_moved for a in done_then] == [None], "a done action is not late"


def test_another_owner_keeps_the_earlier_one() -> None:
    history = follow(
        [
            term(
                FALL,
                act("Handed over", owner="Working group chairs"),
                act("Same person", owner="Ana Diaz (RUSD)"),
                act("Owner given", owner=None),
                act("Owner removed", owner="Ana Diaz"),
            ),
            term(
                SPRING,
                act("Handed over", owner="Priya Natarajan"),
                act("Same person", owner="ana diaz (RUSD Research)"),
                act("Owner given", owner="Ana Diaz"),
                act("Owner removed", owner=None),
            ),
        ],
        AS_OF,
    )
    assert {a.action: a.owner_was for a in history} == {
        "Handed over": "Working group chairs",
        "Same person": None,  # one owner by the register's rule
        "Owner given": None,  # nothing slipped
        "Owner removed": "Ana Diaz",
    }


def test_owners() -> None:
    assert owner_parts("Maria Lopez (RUSD Research and Assessment)") == (
        "Maria Lopez",
        "RUSD Research and Assessment",
    )
    assert owner_parts("Working group chairs") == ("Working group chairs", None)
    assert owner_key("maria  LOPEZ (RUSD).") == owner_key("Maria Lopez") == "maria lopez"
    assert names_person("Marcus Lee (WDB)", "marcus lee")
    assert names_organization("Rachel Kim (City of Riverside)", "City of Riverside")
    assert names_organization("City of Riverside", "city of riverside") and not names_organization(
        "Kim", "City"
    )


def test_the_load_per_owner_and_seats() -> None:
    history = follow(
        [term(SPRING, act("A", owner="Marcus Lee (WDB)"), act("B", owner="marcus lee"), act("C", "done", owner="Marcus Lee"),
              act("D", owner="Riverside WDB"), act("E", owner=None))],
        AS_OF,
    )  # fmt: skip
    members = [
        MemberSeat(
            organization="Riverside WDB",
            role="executive-committee",
            committees=("Data",),
            representatives=("Marcus Lee",),
        )
    ]
    loads = {load.owner: load for load in owner_loads("Lakeside", history, members)}
    assert (loads["Marcus Lee"].share, loads["Marcus Lee"].only_representative_of) == (
        "2 of 4",
        ("Riverside WDB",),
    )
    # the seats are the organization's: a representative is said to represent it, not to hold them
    assert loads["Marcus Lee"].seats == ("represents Riverside WDB (executive committee; committee: Data)",)
    assert loads["Riverside WDB"].seats == ("executive committee; committee: Data",)
    assert not loads["Riverside WDB"].only_representative_of
    assert set(loads) == {"Marcus Lee", "Riverside WDB"}  # an action without an owner is nobody's load


STATUSES = st.sampled_from([None, "planned", "in-progress", "done", "dropped"])
HISTORY = st.lists(  # per term: which of six actions appear, with which status
    st.dictionaries(st.integers(0, 5), STATUSES, max_size=6), min_size=1, max_size=5
)


@given(history=HISTORY)
def test_every_action_is_tracked_once_and_states_follow_the_rules(
    history: list[dict[int, str | None]],
) -> None:
    days = [FALL + dt.timedelta(days=180 * n) for n in range(len(history))]
    terms = [
        term(
            day, *(act(f"Action {n}", status, due=f"2030-01-0{n + 1}") for n, status in sorted(items.items()))
        )
        for day, items in zip(days, history, strict=True)
    ]
    tracked = {a.action: a for a in follow(terms, AS_OF)}
    seen = {n for items in history for n in items}
    assert set(tracked) == {f"Action {n}" for n in seen}
    for n in seen:
        appearances = [(i, items[n]) for i, items in enumerate(history) if n in items]
        last_term, last_status = appearances[-1]
        action = tracked[f"Action {n}"]
        if last_status in ("done", "dropped"):
            assert action.state == last_status
        elif last_term != len(history) - 1:
            assert action.state == "vanished"
        else:
            assert action.state == "open"
        opened = [status not in ("done", "dropped") for _, status in appearances]
        assert action.carried_over == (opened[-1] and any(opened[:-1]))
        assert action.first_seen == days[appearances[0][0]] and action.last_seen == days[last_term]
        before = history[-2].get(n, "absent") if len(history) > 1 else last_status
        assert action.closed_since_previous == (
            last_term == len(history) - 1 and last_status in ("done", "dropped") and before != last_status
        )


@pytest.mark.parametrize("terms", [[], [term(SPRING)]])
def test_nothing_to_follow(terms: list[TermActions]) -> None:
    assert follow(terms, AS_OF) == ()


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Maria Lopes", "Maria Lopez"),
        ("Maria Lopes (RUSD)", "Maria Lopez (RUSD)"),  # where she sits is kept
        ("Riverside Unified Scool District", "Riverside Unified School District"),
        ("maria lopez.", None),  # her name, by the register's rule
        ("Maria Lopez (RUSD Research)", None),
        ("Riverside Unified School District", None),
        ("Bob from Rotary", None),  # nobody's: free text
        ("Maria", None),  # a part of the name is a short form, not a slip
        ("Marcus", None),
        ("", None),
    ],
)
def test_an_owner_close_to_a_participant_is_the_participant_meant(typed: str, meant: str | None) -> None:
    people = [
        Participant(name="Maria Lopez", organization="Riverside Unified School District"),
        Participant(name="Marcus Lee"),
    ]
    assert meant_owner(typed, people) == meant
