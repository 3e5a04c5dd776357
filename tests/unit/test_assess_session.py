"""The session state machine, alone and driving real saves: no sequence of keys loses an answer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.editing.scaffold import NewAssessment, render
from coalition_cli.core.errors import UsageError
from coalition_cli.core.loading.assessments import check_assessment
from coalition_cli.core.loading.frameworks import load_framework
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.session import Command, Kind, Session, parse_command, resolve_ids, typed_date
from coalition_cli.core.yaml import source as yamlsource

FRAMEWORK = load_framework("community-framework")
IDS = [indicator.id for indicator in FRAMEWORK.indicators]


# -- reading the stage prompt ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2", Command(Kind.STAGE, 2)),
        (" developing ", Command(Kind.STAGE, 2)),
        ("TRANS", Command(Kind.STAGE, 4)),
        ("s", Command(Kind.SKIP)),
        ("Back", Command(Kind.BACK)),
        ("?", Command(Kind.HELP)),
        ("q", Command(Kind.QUIT)),
    ],
)
def test_the_stage_prompt_understands(typed: str, expected: Command) -> None:
    assert parse_command(FRAMEWORK, typed) == expected


@pytest.mark.parametrize("typed", ["7", "0", "de", "blue", ""])
def test_a_wrong_answer_says_what_is_accepted(typed: str) -> None:
    command = parse_command(FRAMEWORK, typed)
    assert command.kind is Kind.INVALID
    assert "1 Emerging, 2 Developing, 3 Advancing, 4 Transforming" in command.message
    assert "s to skip" in command.message and "q to save and quit" in command.message


def test_enter_keeps_the_current_rating() -> None:
    assert parse_command(FRAMEWORK, "", default=3) == Command(Kind.STAGE, 3)


def test_a_misspelt_stage_gets_a_suggestion_that_enter_accepts() -> None:
    command = parse_command(FRAMEWORK, "advancng")
    assert "Did you mean 3 Advancing? Press Enter for it" in command.message
    assert command.suggestion == 3
    assert parse_command(FRAMEWORK, "", default=command.suggestion) == Command(Kind.STAGE, 3)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("u", Command(Kind.UNDO)),
        ("P", Command(Kind.PRIORITY)),
        ("t 3", Command(Kind.TARGET, 3)),
        ("target transforming", Command(Kind.TARGET, 4)),
        ("t none", Command(Kind.TARGET, None)),
        ("g c6.2", Command(Kind.GOTO, indicator="C6.2")),
        ("=", Command(Kind.SAME, 3)),
    ],
)
def test_the_stage_prompt_also_takes_the_sessions_commands(typed: str, expected: Command) -> None:
    assert parse_command(FRAMEWORK, typed, same=3) == expected


def test_commands_with_a_mistake_say_what_to_type() -> None:
    assert "There is no linked indicator" in parse_command(FRAMEWORK, "=").message
    assert "like t 4" in parse_command(FRAMEWORK, "t").message
    assert "did you mean 'C1.2'" in parse_command(FRAMEWORK, "g C12").message
    assert parse_command(FRAMEWORK, "t 9").kind is Kind.INVALID


def test_keys_typed_at_the_evidence_and_action_prompts_are_commands_never_text() -> None:
    from coalition_cli.core.session import ActionCommand, parse_action_command, text_command

    assert [text_command(word) for word in ("b", " Q ", "s", "skip", "clear", "?", "b.", "back to it")] == [
        Kind.BACK, Kind.QUIT, Kind.SKIP, Kind.SKIP, Kind.CLEAR, None, None, None,
    ]  # fmt: skip
    assert parse_action_command("delete 2", 2) == ActionCommand("delete", 1)
    assert parse_action_command("Done 1", 2) == ActionCommand("done", 0)
    assert parse_action_command("delete 3", 2) == "There is no action 3: the actions are numbered 1 to 2."
    assert parse_action_command("Delete the old charter", 2) is None  # an action's text


def test_an_actions_status_due_date_and_owner_are_commands_too() -> None:
    """Review s12 #4: `due 1 DATE`, `owner 1 NAME`, a status and the number (`progress 1`, `in
    progress 1`, `planned 1`), beside `done 1`, `dropped 1` and `delete 1`."""
    import datetime as dt

    from coalition_cli.core.editing.rating_edits import CLEAR, ChangeAction
    from coalition_cli.core.session import ActionCommand, command_like, parse_action_command

    assert parse_action_command("progress 2", 2) == ActionCommand("in-progress", 1)
    assert parse_action_command("In Progress 2", 2) == ActionCommand("in-progress", 1)
    assert parse_action_command("in-progress 1", 2) == ActionCommand("in-progress", 0)
    assert parse_action_command("planned 1", 2) == ActionCommand("planned", 0)
    assert parse_action_command("drop 1", 2) == ActionCommand("dropped", 0)
    assert parse_action_command("due 1 2027-3-31", 2) == ActionCommand("due", 0, dt.date(2027, 3, 31))
    assert parse_action_command("due 1 none", 2) == ActionCommand("due", 0, CLEAR)
    assert parse_action_command("owner 2  Priya  Natarajan ", 2) == ActionCommand(
        "owner", 1, "Priya  Natarajan"
    )
    assert parse_action_command("owner 2 none", 2) == ActionCommand("owner", 1, CLEAR)
    assert ActionCommand("due", 0, dt.date(2027, 3, 31)).op() == ChangeAction(0, due=dt.date(2027, 3, 31))
    assert ActionCommand("in-progress", 1).op() == ChangeAction(1, status="in-progress")
    assert parse_action_command("due 1", 2) == (
        "Type the date after the number, like due 1 2027-03-31 (due 1 none removes it)."
    )
    assert (
        parse_action_command("owner 3 Priya", 2) == "There is no action 3: the actions are numbered 1 to 2."
    )
    assert "'soon' is not a date" in str(parse_action_command("due 1 soon", 2))
    for text in (
        "Due diligence on the 3 vendors",
        "done 1 and dusted",
        "Owner outreach",
        "Hire 2 coordinators",
    ):
        assert parse_action_command(text, 2) is None, text
    # what reads like a change that no command makes is asked about; an action's text is not
    assert command_like("open 1", 2) == "“open 1” reads like a change to action 1."
    assert (
        command_like("complete 2", 2) == "“complete 2” reads like a change to action 2: did you mean done 2?"
    )
    assert (
        command_like("started 1", 2)
        == "“started 1” reads like a change to action 1: did you mean progress 1?"
    )
    assert (
        command_like("ower 1 Priya", 2)
        == "“ower 1 Priya” reads like a change to action 1: did you mean owner 1?"
    )
    for text in ("Hire 2 coordinators", "open 3", "open 1.5", "C4.1 2", "open 1"):
        assert command_like(text, 2 if text != "open 1" else 0) is None, text


@pytest.mark.parametrize(
    ("typed", "group"),
    [("1", "k12-education"), ("k12", "k12-education"), ("union", "labor-unions"), ("Faith", "faith-based-organizations"),
     ("mayor", "civic"), ("k–12", "k12-education"), ("", None)],
)  # fmt: skip
def test_a_stakeholder_group_by_number_or_part_of_its_name(typed: str, group: str | None) -> None:
    from coalition_cli.core.loading.frameworks import load_guide
    from coalition_cli.core.stakeholder_groups import parse_group

    assert parse_group(load_guide(), typed) == group


def test_a_part_of_a_name_that_several_groups_share_lists_them() -> None:
    from coalition_cli.core.loading.frameworks import load_guide
    from coalition_cli.core.stakeholder_groups import GroupUnclear, parse_group

    with pytest.raises(GroupUnclear, match=r"'organizations' could be more than one group") as raised:
        parse_group(load_guide(), "organizations")
    assert raised.value.candidates == (4, 6, 7, 8)


def test_due_dates() -> None:
    assert typed_date(" 2026-06-30 ") == dt.date(2026, 6, 30)
    assert typed_date("") is None
    for bad in ("2026-13-01", "30/06/2026", "soon"):
        with pytest.raises(ValueError, match="year-month-day"):
            typed_date(bad)


def test_ids_are_matched_ignoring_case_and_mistakes_get_a_suggestion() -> None:
    assert resolve_ids(FRAMEWORK, ["c1.1", "C2.4"], kind="indicator") == ["C1.1", "C2.4"]
    assert resolve_ids(FRAMEWORK, ["c2"], kind="domain") == ["C2"]
    with pytest.raises(UsageError, match=r"did you mean 'C1.2'"):
        resolve_ids(FRAMEWORK, ["C12"], kind="indicator")


# -- planning the walk -----------------------------------------------------------------------------


def test_the_walk_takes_unrated_indicators_in_framework_order() -> None:
    stages: dict[str, int | None] = {"C1.1": 2, "C1.3": 1}
    session = Session.plan(FRAMEWORK, stages)
    assert session.queue[:3] == ("C1.2", "C1.4", "C2.1")
    assert session.total == 20


def test_narrowing_revisiting_and_starting_at() -> None:
    stages: dict[str, int | None] = {"C2.1": 3}
    assert Session.plan(FRAMEWORK, stages, domains=["C2"]).queue == ("C2.2", "C2.3", "C2.4")
    everything = Session.plan(FRAMEWORK, stages, domains=["C2"], revisit_all=True)
    assert everything.queue == ("C2.1", "C2.2", "C2.3", "C2.4")
    # an indicator named on its own is asked even when rated
    assert Session.plan(FRAMEWORK, stages, indicators=["C2.1", "C7.2"]).queue == ("C2.1", "C7.2")
    assert Session.plan(FRAMEWORK, stages, start_at="C2.1").queue[0] == "C2.1"  # resuming shows it again


def test_starting_at_goes_on_with_the_unrated_ones_before_it() -> None:
    """`--start-at`, as a stopped session prints it: from there to the last, then the indicators
    before it still unrated (a `g` jump had left them behind)."""
    ids = [indicator.id for indicator in FRAMEWORK.indicators]
    stages: dict[str, int | None] = {"C1.1": 2, "C4.3": 3, "C7.2": 1}
    session = Session.plan(FRAMEWORK, stages, start_at="C4.3")
    before, after = ids[1 : ids.index("C4.3")], ids[ids.index("C4.3") + 1 : -1]
    assert session.queue == ("C4.3", *after, *before)
    assert session.earlier == "C1.2" and session.back_to_earlier() is None
    session.go_to("C1.2")
    assert session.back_to_earlier() == "Now the indicators before C4.3 that are not rated yet."
    # revisiting all: from there, every one; before it, those still unrated
    again = Session.plan(FRAMEWORK, stages, start_at="C4.3", revisit_all=True).queue
    assert again == (*ids[ids.index("C4.3") :], *before)
    # narrowed: within the domains asked for
    assert Session.plan(FRAMEWORK, stages, domains=["C1", "C7"], start_at="C7.1").queue == (
        "C7.1",
        "C1.2",
        "C1.3",
        "C1.4",
    )
    assert Session.plan(FRAMEWORK, stages, start_at="C1.1").earlier is None


def test_moving_through_the_walk() -> None:
    session = Session.plan(FRAMEWORK, {}, domains=["C1"])
    assert session.domain_to_introduce() is not None
    assert not session.back()  # nothing before the first
    edit = session.choose(2)
    assert edit.indicator == "C1.1" and edit.stage == 2
    assert session.evidence("  \n ") is None
    assert session.action("   ") is None
    action = session.action(" Adopt the charter ", " Chamber ", dt.date(2026, 6, 30))
    assert action is not None and action.add_actions[0].action == "Adopt the charter"
    session.next()
    assert session.domain_to_introduce() is None  # same domain: introduced once
    session.skip()
    assert session.current == "C1.3" and "C1.2" in session.skipped
    assert session.back() and session.current == "C1.2"
    session.stop()
    assert session.finished and session.current is None and session.where == "C1.2"


def test_going_to_an_indicator_in_or_out_of_the_walk() -> None:
    session = Session.plan(FRAMEWORK, {"C1.1": 2}, domains=["C1"])
    assert session.queue == ("C1.2", "C1.3", "C1.4")
    session.go_to("C1.4")
    assert session.current == "C1.4"
    session.go_to("C1.1")  # rated, not in the walk: a detour, then back to C1.4
    assert session.current == "C1.1"
    session.next()
    assert session.current == "C1.4"


def test_a_linked_indicators_rating_is_offered() -> None:
    session = Session.plan(FRAMEWORK, {}, indicators=["C1.3", "C6.1", "C6.2"])
    assert session.linked({}) is None
    session.next()
    assert session.current == "C6.1" and session.linked({"C1.3": 3}) == ("C1.3", 3)
    session.next()
    assert session.linked({"C1.3": 3}) is None  # C6.2 is linked to nothing


def test_the_sessions_other_edits() -> None:
    from coalition_cli.core.editing.rating_edits import CLEAR, ChangeAction, DeleteAction, RatingEdit
    from coalition_cli.core.session import ActionCommand

    session = Session.plan(FRAMEWORK, {})
    assert session.target(3) == RatingEdit("C1.1", target=3)
    assert session.target(None) == RatingEdit("C1.1", target=CLEAR)
    assert session.priority(True) == RatingEdit("C1.1", priority=True)
    assert session.priority(False) == RatingEdit("C1.1", priority=CLEAR)
    assert session.clear_evidence() == RatingEdit("C1.1", evidence=CLEAR)
    assert session.action_command(ActionCommand("delete", 1)).action_ops == (DeleteAction(1),)
    assert session.action_command(ActionCommand("dropped", 0)).action_ops == (
        ChangeAction(0, status="dropped"),
    )
    with pytest.raises(ValueError):
        session.target(7)


# -- the property: random keys always leave a valid file holding every answer ----------------------

steps = st.lists(
    st.one_of(
        st.tuples(
            st.just("answer"),
            st.integers(1, 4),
            st.sampled_from(["", "Minutes of the March meeting.", "two\nlines: # not a comment", "  \n"]),
            st.sampled_from(["", "Adopt the charter", "Ask the mayor: soon"]),
        ),
        st.tuples(st.just("skip")),
        st.tuples(st.just("back")),
        st.tuples(st.just("quit")),
    ),
    max_size=30,
)


def new_file(folder: Path, framework: Framework) -> Path:
    path = folder / "session.yaml"
    path.write_text(render(framework, NewAssessment(framework.id, "Riverside", dt.date(2026, 3, 14))))
    return path


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(keys=steps, domain=st.sampled_from([None, "C1", "C6"]))
def test_random_answers_skips_backs_and_quits_leave_a_valid_file_with_every_answer(
    tmp_path_factory: pytest.TempPathFactory, keys: list[tuple[object, ...]], domain: str | None
) -> None:
    path = new_file(tmp_path_factory.mktemp("session"), FRAMEWORK)
    file = AssessmentFile(path)
    session = Session.plan(FRAMEWORK, file.stages, domains=[domain] if domain else ())
    expected_stage: dict[str, int] = {}
    expected_evidence: dict[str, str] = {}
    expected_actions: dict[str, list[str]] = {}
    for key in keys:
        if session.finished:
            break
        current = session.current
        assert current is not None
        if key[0] == "answer":
            _, stage, evidence, action = key
            assert isinstance(stage, int) and isinstance(evidence, str) and isinstance(action, str)
            file.apply(session.choose(stage))
            expected_stage[current] = stage
            edit = session.evidence(evidence)
            if edit is not None:
                file.apply(edit)
                expected_evidence[current] = edit.evidence or ""
            edit = session.action(action)
            if edit is not None:
                file.apply(edit)
                expected_actions.setdefault(current, []).append(action)
            session.next()
        elif key[0] == "skip":
            session.skip()
        elif key[0] == "back":
            session.back()
        else:
            session.stop()
        check = check_assessment(path)
        assert not check.has_errors, check.problems
    ratings = yamlsource.parse_fast(path.read_text())["ratings"]
    assert {i: r["stage"] for i, r in ratings.items() if r and r.get("stage") is not None} == expected_stage
    assert {i: r["evidence"] for i, r in ratings.items() if r and "evidence" in r} == expected_evidence
    assert {i: [a["action"] for a in r["actions"]] for i, r in ratings.items() if r and "actions" in r} == (
        expected_actions
    )
    assert session.position <= session.total


def test_assignments_are_read_with_every_mistake_named(framework: Framework) -> None:
    from coalition_cli.core.session import parse_assignments

    wanted, mistakes = parse_assignments(framework, ["C1.1=3", "c2.4=Dev", "C1.2=transforming"])
    assert (wanted, mistakes) == ({"C1.1": 3, "C2.4": 2, "C1.2": 4}, [])
    wanted, mistakes = parse_assignments(framework, ["C1.1=3", "C1.1=2", "C9.9=1", "C1.3", "C1.4=de"])
    assert mistakes[0] == "'C1.1=2': C1.1 is given two different stages"
    assert mistakes[1].startswith("'C9.9=1': ")
    assert mistakes[2] == "'C1.3': write an indicator id, =, and a stage, like C1.1=1 or C7.2=transforming"
    assert mistakes[3].startswith("'C1.4=de': unknown stage 'de'")
    assert len(mistakes) == 4


def test_three_letters_that_begin_two_stage_names_say_which(tmp_path: Path) -> None:
    from coalition_cli.core.loading.frameworks import load_framework
    from coalition_cli.core.session import Kind, parse_assignments, parse_command

    rubric = tmp_path / "r.yaml"
    rubric.write_text(
        "id: r\ntitle: R\nstages:\n  - {number: 1, name: No}\n  - {number: 2, name: Starting}\n"
        "  - {number: 3, name: Stable}\ndomains:\n  - id: A\n    name: A\n    indicators:\n"
        "      - {id: A.1, name: One, descriptors: {1: a, 2: b, 3: c}}\n"
    )
    fw = load_framework(str(rubric))
    command = parse_command(fw, "sta")
    assert command.kind is Kind.INVALID
    assert command.message.startswith("'sta' could be Starting or Stable: type more of the name")
    assert parse_command(fw, "stab").stage == 3
    assert parse_assignments(fw, ["A.1=sta"])[1] == [
        "'A.1=sta': 'sta' could be Starting or Stable: type more of the name"
    ]


def test_one_letter_that_begins_two_stage_names_says_which_not_unknown(tmp_path: Path) -> None:
    """Review s11 #9: `rate FILE Y2=b` with Beginning and Building said "unknown stage 'b'". It says
    what the stage prompt says of a prefix two stages share (one code path: ambiguous_start)."""
    from coalition_cli.core.loading.frameworks import load_framework
    from coalition_cli.core.session import Kind, parse_assignments, parse_command

    rubric = tmp_path / "r.yaml"
    rubric.write_text(
        "id: r\ntitle: R\nstages:\n  - {number: 1, name: Not started}\n  - {number: 2, name: Beginning}\n"
        "  - {number: 3, name: Building}\ndomains:\n  - id: Y\n    name: Y\n    indicators:\n"
        "      - {id: Y2, name: Two, descriptors: {1: a, 2: b, 3: c}}\n"
    )
    fw = load_framework(str(rubric))
    assert parse_assignments(fw, ["Y2=b", "Y2= B "])[1] == [
        "'Y2=b': 'b' could be Beginning or Building: type more of the name",
        "'Y2= B ': 'B' could be Beginning or Building: type more of the name",
    ]
    assert parse_assignments(fw, ["Y2=be"])[1][0].startswith("'Y2=be': unknown stage 'be'")  # one stage
    assert parse_assignments(fw, ["Y2=beg"]) == ({"Y2": 2}, [])
    assert parse_command(fw, "b").kind is Kind.BACK  # at the prompt, b is still "back"


# -- moving: back returns where you came from; the indicators looked at ---------------------------------


def test_back_after_go_to_returns_to_where_the_walk_was() -> None:
    session = Session.plan(FRAMEWORK, {}, start_at="C1.2")
    session.go_to("C6.2")
    assert session.back() and session.current == "C1.2"  # not C6.1, the one before in the rubric
    session.next()
    assert session.current == "C1.3" and session.back() and session.current == "C1.2"
    assert session.back() is False  # the first of the walk: nowhere to go


def test_back_after_undo_showed_an_indicator_is_the_one_before_it_not_forward_again() -> None:
    # a reviewer: rate C1.3, n, u, u (undo shows C1.3, then C1.2), then b went to C1.3 and on to C1.4
    session = Session.plan(FRAMEWORK, {}, start_at="C1.1")
    session.next()
    session.next()
    session.next()
    assert session.current == "C1.4"
    session.go_to("C1.3", shown=True)
    session.go_to("C1.2", shown=True)
    assert session.back() and session.current == "C1.1"
    assert session.back() is False


def test_the_indicators_looked_at_are_counted_not_the_walk() -> None:
    session = Session.plan(FRAMEWORK, {}, start_at="C2.3")
    session.go_to("C2.2")  # the last of the walk: C2.3 to C7.2, then C1.1 to C2.2
    session.next()
    assert session.finished and list(session.visited) == ["C2.3", "C2.2"]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("c6.2", ["C6.2"]),
        ("employer", ["C6.2"]),
        ("WBL lead", ["C1.3", "C6.1"]),  # C1.3 Work-based Learning Leadership, abbreviated as the rubric does
        ("wbl", ["C1.3", "C6.1", "C6.3"]),
        ("work-based learning", ["C1.3", "C6.1", "C6.3"]),  # C6.1 WBL Leadership, spelled out
        ("intermediar", ["C6.1"]),  # no name holds it: its other name, in the table of contents
        ("lead", ["C1.1", "C1.3", "C5.1", "C6.1"]),  # not C1.2, "also called Operational Leadership"
        ("employers", ["C6.2"]),  # a word said in the plural: Employer Engagement
        ("leaders", ["C1.1", "C1.3", "C5.1", "C6.1"]),
        ("parents", ["C4.1"]),  # in no name: C4.1's stages speak of parents
        (
            "internships",
            ["C1.3", "C6.1", "C6.3"],
        ),  # the glossary: a Student Internship is work-based learning
        ("budget", ["C5.2"]),  # in no name nor the glossary: C5.2's stages
        ("MOU", ["C1.1", "C1.4", "C5.3"]),  # the stages that say it
        ("nothing like it", []),
    ],
)
def test_an_indicator_is_found_by_id_or_part_of_its_name(typed: str, found: list[str]) -> None:
    from coalition_cli.core.session import find_indicators

    assert find_indicators(FRAMEWORK, typed) == found
    command = parse_command(FRAMEWORK, f"g {typed}")
    assert (command.kind is Kind.GOTO) == (len(found) == 1)


@pytest.mark.parametrize(
    ("typed", "where"),
    [
        ("C6.2", "id"),
        ("employer", "name"),
        ("intermediar", "other name"),
        ("internship", "glossary"),
        ("budget", "stages"),
        ("nothing like it", "nowhere"),
    ],
)
def test_a_search_says_where_it_found_the_words(typed: str, where: str) -> None:
    """The stages' words are read only when no name holds the words: "lead" is in many stages, but
    four names have it, and those are what the screen shows."""
    from coalition_cli.core.session import search_indicators

    assert search_indicators(FRAMEWORK, typed)[1] == where
    assert search_indicators(FRAMEWORK, "lead") == (["C1.1", "C1.3", "C5.1", "C6.1"], "name")


def test_g_by_words_in_several_indicators_stages_asks_for_the_id() -> None:
    command = parse_command(FRAMEWORK, "g MOU")
    assert command.kind is Kind.INVALID
    assert command.message == (
        "'MOU' is in the stages of C1.1 Executive Leadership; C1.4 Cross Systems Alignment; "
        "C5.3 Instructional Integration: type the id of the one you mean."
    )
    command = parse_command(FRAMEWORK, "g budget")
    assert (command.kind, command.indicator) == (Kind.GOTO, "C5.2")
    assert (
        command.message == "'budget' is in the stages of C5.2 Instructional Coherence."
    )  # said before going
    assert parse_command(FRAMEWORK, "g internships").message == (
        "'internships' is, by the rubric's glossary, about C1.3 Work-based Learning Leadership; "
        "C6.1 WBL Leadership; C6.3 WBL Continuous Improvement: type the id of the one you mean."
    )
    assert parse_command(FRAMEWORK, "g employer").message == ""  # found by its name: nothing to explain


def test_a_word_of_a_name_is_not_taken_for_an_abbreviation_in_other_capitals(tmp_path: Path) -> None:
    """A rubric that spells out IT: "Make It Count" is not "Make Information Technology Count"."""
    from coalition_cli.core.loading.frameworks import load_framework
    from coalition_cli.core.session import find_indicators

    rubric = tmp_path / "rubric.yaml"
    rubric.write_text(
        "id: it-rubric\ntitle: IT\nstages:\n  - {number: 1, name: Not yet}\n  - {number: 2, name: Yes}\n"
        "domains:\n  - id: D\n    name: Domain D\n    indicators:\n"
        "      - {id: D-a, name: Make It Count, descriptors: {1: None., 2: Some.}}\n"
        "      - {id: D-b, name: IT Partnerships, descriptors: "
        "{1: Information Technology (IT) classes are planned., 2: IT classes run.}}\n",
        encoding="utf-8",
    )
    framework = load_framework(str(rubric))
    assert framework.abbreviations == {"IT": "Information Technology"}
    assert find_indicators(framework, "information technology") == ["D-b"]
    assert find_indicators(framework, "it partner") == ["D-b"]
