"""The full-screen session driven headlessly by Textual's Pilot, at a projector's 80×24 and at 120×40.

For every indicator: its name, where the session stands, every stage's number and the answer line
are on the first screen, and every word of every descriptor can be brought into view with the keys.
Then each bug of issue 11, and the ways a session ends.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from coalition_cli.cli.assess.screen.app import AssessApp, Outcome
from coalition_cli.cli.assess.screen.dialogs import ChoiceDialog
from coalition_cli.cli.assess.screen.widgets import RoomLine, StageRow, room_line
from coalition_cli.cli.assess.startup import Opened
from coalition_cli.cli.assess.wording import describe_action
from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.editing.rating_edits import RatingEdit
from coalition_cli.core.editing.scaffold import NewAssessment, render
from coalition_cli.core.model.abbreviations import said
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.room.tally import LiveTally
from coalition_cli.core.wording import long_date
from coalition_cli.core.yaml import source as yamlsource
from tests.support import paths
from tests.support.screen import riverside, screen_text, session_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
WORD = re.compile(r"[\w’'-]+")


def new_file(folder: Path, framework: Framework) -> Path:
    path = folder / "spring.yaml"
    path.write_text(render(framework, NewAssessment(framework.id, "Riverside", dt.date(2026, 3, 14))))
    return path


@pytest.fixture
def team(tmp_path: Path) -> Path:
    path = tmp_path / "team.yaml"
    shutil.copy(paths.FIXTURES / "editing" / "commented.yaml", path)
    return path


def drive(app: AssessApp, size: tuple[int, int], steps: Callable[[Pilot[None]], Awaitable[None]]) -> None:
    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await steps(pilot)

    asyncio.run(run())


def rating(path: Path, indicator: str) -> object:
    return (yamlsource.parse_fast(path.read_text())["ratings"] or {}).get(indicator)


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Text typed into the box that has the focus (the words themselves, not key by key: a key in a
    box is text whatever it is, and pressing each would only make the tests slow)."""
    focused = pilot.app.focused
    if isinstance(focused, TextArea):
        focused.insert(text)
    else:
        assert isinstance(focused, Input), focused
        focused.insert_text_at_cursor(text)
    await pilot.pause()


# -- every indicator on the first screen, every word within reach ------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_every_indicator_shows_whole_on_the_first_screen(
    tmp_path: Path, framework: Framework, size: tuple[int, int]
) -> None:
    width, height = size
    app = session_app(new_file(tmp_path, framework))
    checked: list[str] = []

    async def steps(pilot: Pilot[None]) -> None:
        for place, indicator in enumerate(framework.indicators, start=1):
            await pilot.pause()
            screen = screen_text(app)
            lines = screen.splitlines()
            assert len(lines) == height and max(len(line) for line in lines) <= width
            domain = framework.domain_of(indicator.id)
            assert f"{indicator.id}  {indicator.name}" in lines[0], indicator.id
            spelled = said(framework.abbreviations_in(indicator.id))
            first = said(framework.abbreviations_in(indicator.id)[:1])
            if first and f"{indicator.name} · {first}" in lines[0]:  # the abbreviations, each whole
                assert f"{place} of {len(framework.indicators)}" in lines[0]
            else:
                assert f"Indicator {place} of {len(framework.indicators)}" in lines[0]
            if width >= 120:
                assert f"{indicator.name} · {spelled}" in lines[0] if spelled else " · " not in lines[0]
            assert f"{domain.id} {domain.name}" in lines[1] and f"{place} of 22 in this session" in lines[1]
            for stage in framework.stages:
                assert any(line[:17].strip() == f"{stage.number} {stage.name}" for line in lines), (
                    indicator.id,
                    stage,
                )
            assert f"Stage not rated yet: press 1 to {framework.top_stage}" in screen
            assert " 1–4  stage " in screen and " q  quit" in screen  # the keys, on screen
            await every_word_reachable(pilot, app, framework, indicator.id)
            checked.append(indicator.id)
            await pilot.press("n")

    drive(app, size, steps)
    assert checked == [indicator.id for indicator in framework.indicators]


async def every_word_reachable(
    pilot: Pilot[None], app: AssessApp, framework: Framework, indicator: str
) -> None:
    """Each stage scrolled a page at a time: every word of its descriptor comes into view, and a stage
    cut short says so under its label. (The keys that scroll are tested once, below.)"""
    for stage, row in zip(framework.stages, app.screen.query(StageRow), strict=True):
        scroller, seen = row.scroller, set[str]()
        for _ in range(30):  # bounded: the longest descriptor needs far fewer pages
            region = scroller.region
            for line in screen_text(app).splitlines()[region.y : region.bottom]:
                seen |= set(WORD.findall(line[region.x : region.right]))
            if scroller.scroll_y >= scroller.max_scroll_y:
                break
            scroller.scroll_page_down(animate=False)
            await pilot.pause()
        wanted = {
            word
            for paragraph in framework.indicator(indicator).descriptor(stage.number)
            for word in WORD.findall(paragraph)
        }
        assert wanted <= seen, (indicator, stage.number, sorted(wanted - seen)[:5])
        if row.cut:
            label = [line[:17] for line in screen_text(app).splitlines()[row.region.y : row.region.bottom]]
            assert any("↓" in line for line in label), (indicator, stage.number, label)


def test_the_keys_scroll_a_stage_and_read_every_stage_in_full(tmp_path: Path, framework: Framework) -> None:
    app = session_app(new_file(tmp_path, framework), indicators=["C1.1"])
    indicator = framework.indicator("C1.1")
    words = [
        {w for text in indicator.descriptor(stage.number) for w in WORD.findall(text)}
        for stage in framework.stages
    ]

    async def steps(pilot: Pilot[None]) -> None:
        rows = list(app.screen.query(StageRow))
        assert all(row.cut for row in rows)  # C1.1 is the longest: every stage scrolls at 80×24
        await press(pilot, "tab", "tab", "tab")
        assert app.focused is rows[2].scroller
        region = rows[2].scroller.region

        def visible() -> set[str]:
            return {
                w
                for line in screen_text(app).splitlines()[region.y : region.bottom]
                for w in WORD.findall(line[region.x :])
            }

        seen = visible()
        assert not words[2] <= seen  # cut at first
        for _ in range(10):
            await press(pilot, "down")
            seen |= visible()
        assert words[2] <= seen
        await press(pilot, "r")  # every stage in full, in one view
        read = ""
        for _ in range(8):
            read += screen_text(app)
            await press(pilot, "pagedown")
        assert set().union(*words) <= set(WORD.findall(read))
        await press(pilot, "3")  # a stage key from the reader rates, and closes it
        assert "Saved: C1.1 is at stage 3 Advancing." in screen_text(app)

    drive(app, (80, 24), steps)


def test_the_abbreviations_an_indicator_uses_are_spelled_out_on_its_title_and_in_full(
    tmp_path: Path, framework: Framework
) -> None:
    app = session_app(new_file(tmp_path, framework), indicators=["C6.1", "C5.3", "C1.1"])
    place = {indicator.id: number for number, indicator in enumerate(framework.indicators, start=1)}

    async def steps(pilot: Pilot[None]) -> None:
        assert " · " not in screen_text(app).splitlines()[0]  # C1.1 uses none: nothing said
        await press(pilot, "r")
        assert "Abbreviations" not in screen_text(app)
        await press(pilot, "escape", "n")  # C5.3: two do not fit beside the name at 80; the first does
        title = screen_text(app).splitlines()[0]
        assert "C5.3  Instructional Integration · WBL: work-based learning" in title
        assert "CTE" not in title and f" {place['C5.3']} of 22" in title
        await press(pilot, "r")
        read = ""
        for _ in range(8):
            read += screen_text(app)
            await press(pilot, "pagedown")
        assert "Abbreviations, as the rubric spells them out" in read
        assert "WBL: work-based learning" in read and "CTE: Career Technical Education" in read
        await press(pilot, "escape", "n")
        title = screen_text(app).splitlines()[0]
        assert (
            "C6.1  WBL Leadership · WBL: work-based learning" in title and f" {place['C6.1']} of 22" in title
        )

    drive(app, (80, 24), steps)


# -- the bugs of issue 11 ------------------------------------------------------------------------------


def test_keys_on_the_main_screen_never_write_text(team: Path) -> None:
    before = team.read_bytes()
    app = session_app(team, revisit_all=True)

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "s", "b", "x", "z", "b", "?", "escape", "r", "escape")
        assert "first indicator of the session: there is nothing to go back to" in screen_text(app)

    drive(app, (80, 24), steps)
    assert team.read_bytes() == before


def test_pasted_paragraphs_stay_evidence(team: Path) -> None:
    app = session_app(team, indicators=["C1.2"])
    pasted = "The charter was signed in May.\n\nA second paragraph: minutes of every meeting since.\n"

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "3", "e")
        app.post_message(events.Paste(pasted))  # as the terminal sends a paste: to the app, in one piece
        await pilot.pause()
        await press(pilot, "escape")
        assert "Saved: C1.2 has the evidence." in screen_text(app)

    drive(app, (80, 24), steps)
    assert rating(team, "C1.2") == {
        "stage": 3,
        "evidence": "The charter was signed in May.\n\nA second paragraph: minutes of every meeting since.",
    }


def test_evidence_can_be_edited_and_cleared(team: Path) -> None:
    app = session_app(team, indicators=["C1.1"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "e")
        await type_text(pilot, " Signed.")
        await press(pilot, "escape")
        # the folded text of the file reads as one line; typing goes on at its end
        assert rating(team, "C1.1")["evidence"] == "Quarterly meetings since 2024; charter drafted. Signed."  # type: ignore[index]
        await press(pilot, "e", "ctrl+l", "escape")
        assert "no evidence (u undoes it)" in screen_text(app)

    drive(app, (80, 24), steps)
    assert "evidence" not in rating(team, "C1.1")  # type: ignore[operator]


def test_an_actions_words_are_read_whole_as_they_are_typed_at_80x24(team: Path) -> None:
    """The action's box has the dialog's width (72 columns), not the 46 a label beside it left: most
    of Riverside's actions (47 to 88 characters) show whole, or nearly, while they are typed."""
    words = "Ask Riverside Regional's IT department to host 10 help-desk interns"  # 67 characters
    app = session_app(team, indicators=["C1.1"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "a")
        assert isinstance(app.focused, Input) and app.focused.id == "what"
        assert app.focused.region.width >= 70
        await type_text(pilot, words)
        assert any(words in line for line in screen_text(app).splitlines())
        assert "What will the team do?" in screen_text(app)
        longer = " and report back to the steering committee in June"  # now 118: the box scrolls
        await type_text(pilot, longer)
        owner = "Janet Holloway (Greater Riverside Chamber of Commerce), with the Workforce Board"
        await press(pilot, "tab")
        await type_text(pilot, owner)
        await press(pilot, "tab")  # each box left shows its words from the first, not cut at the left
        shown = screen_text(app)
        assert "Ask Riverside Regional's IT department" in shown and "Janet Holloway (Greater" in shown

    drive(app, (80, 24), steps)


def test_a_long_action_saved_at_80x24_is_said_back_with_its_owner_and_date(team: Path) -> None:
    """The message keeps two lines: the action's words give way, never its owner or date."""
    words = "Ask the Chamber board to adopt an employer pledge for 25 summer internship slots by May"
    app = session_app(team, indicators=["C1.1"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "a")
        await type_text(pilot, words)
        await press(pilot, "tab")
        await type_text(pilot, "Janet Holloway (Greater Riverside Chamber of Commerce)")
        await press(pilot, "tab")
        await type_text(pilot, "2026-5-9")
        await press(pilot, "enter", "enter")  # on to how far along; Enter saves
        said = " ".join(screen_text(app).split())
        assert "Saved: a new action for C1.1: Ask the Chamber board" in said
        assert "… — Janet Holloway (Greater Riverside Chamber of Commerce), due 9 May 2026." in said

    drive(app, (80, 24), steps)
    actions = rating(team, "C1.1")["actions"]  # type: ignore[index]
    assert actions[-1] == {
        "action": words,
        "owner": "Janet Holloway (Greater Riverside Chamber of Commerce)",
        "due": "2026-05-09",
    }


def test_typing_goes_on_where_it_was_after_the_terminal_or_the_box_was_left(team: Path) -> None:
    """The facilitator looks at a browser and comes back: the next words go after the action's, not
    before them. Back in a box with Shift+Tab, they add to its words instead of replacing them."""
    app = session_app(team, indicators=["C1.1"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "a")
        box = app.focused
        assert isinstance(box, Input)
        await type_text(pilot, "Sign the MOU")
        app.post_message(events.AppBlur())  # the terminal loses the focus
        await pilot.pause()
        app.post_message(events.AppFocus())
        await pilot.pause()
        assert app.focused is box
        await pilot.press(*" with")
        await press(pilot, "tab")
        await type_text(pilot, "Mayor")
        await press(pilot, "shift+tab")  # back to the action's words: typing adds to them
        assert app.focused is box
        await pilot.press(*" the college")
        await pilot.pause()
        assert box.value == "Sign the MOU with the college"

    drive(app, (80, 24), steps)


def test_actions_are_added_changed_marked_and_deleted(team: Path) -> None:
    app = session_app(team, indicators=["C1.1"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "a")  # always a new action's form; the list is one Shift+Tab away
        assert isinstance(app.focused, Input) and app.focused.id == "what"
        await type_text(pilot, "Sign the MOU")
        await press(pilot, "enter")
        await type_text(pilot, "Mayor")
        await press(pilot, "enter")
        await type_text(pilot, "2026-13-01")
        await press(pilot, "tab")  # leaving the box is enough to hear that it is no date
        assert "'2026-13-01' is not a date" in screen_text(app)
        await press(pilot, "shift+tab")
        assert isinstance(app.focused, Input) and app.focused.id == "due"
        app.focused.value = ""
        await type_text(pilot, "2026-09-01")
        await press(pilot, "enter")  # on to how far along
        await press(pilot, "right", "right", "enter")  # "in progress", and Enter saves at the last box
        said = " ".join(screen_text(app).split())  # the message takes two lines at 80 columns
        # what was saved, said back whole: the room hears the owner and the date as the file has them
        assert (
            "Saved: a new action for C1.1: Sign the MOU — Mayor, due 1 September 2026, in progress." in said
        )
        assert "· 2 open (a)" in screen_text(app)
        await press(pilot, "a", "shift+tab")  # to the actions so far: letters are commands only there
        assert "2. Sign the MOU — Mayor, due 1 September 2026, in progress" in screen_text(app)
        await press(pilot, "d")  # mark the first done
        assert "action 1 (Adopt the charter) is marked done; Esc, then u, undoes" in screen_text(app)
        # back in the new action's box, the first still highlighted one Shift+Tab away
        assert isinstance(app.focused, Input) and app.focused.id == "what"
        await press(pilot, "shift+tab", "down", "x")  # the second dropped
        await press(pilot, "shift+tab", "up", "delete")  # delete the first
        await press(pilot, "escape")
        assert "Actions 1. Sign the MOU — Mayor, due 1 September 2026, dropped" in screen_text(app)

    drive(app, (80, 24), steps)
    assert rating(team, "C1.1")["actions"] == [  # type: ignore[index]
        {"action": "Sign the MOU", "owner": "Mayor", "due": "2026-09-01", "status": "dropped"}
    ]


def test_after_changing_a_listed_action_typing_goes_to_a_new_one(team: Path) -> None:
    """The reviewer's edit, then 'Send reminder': the form came back with the list focused, so the
    'd' of 'Send' marked the edited action done. Typing now lands in the new action's box."""
    app = session_app(team, indicators=["C1.1"])
    before = rating(team, "C1.1")["actions"]  # type: ignore[index]

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "a", "shift+tab", "enter")  # edit the first action listed
        await press(pilot, "escape")  # saved as it was; back to a new action's form
        assert isinstance(app.focused, Input) and app.focused.id == "what"
        await type_text(pilot, "Send reminder")
        await press(pilot, "escape")
        assert "Saved: a new action for C1.1: Send reminder." in screen_text(app)

    drive(app, (80, 24), steps)
    assert rating(team, "C1.1")["actions"] == [*before, {"action": "Send reminder"}]  # type: ignore[index]


def test_typing_an_action_where_one_exists_never_changes_the_old_one(team: Path) -> None:
    """The reviewer's 'Hold a data day' and 'Invite partners': `a` then typing at normal speed, key by
    key, with an action already there. Every letter lands in the new action; the old one is untouched."""
    app = session_app(team, indicators=["C1.1"])
    before = rating(team, "C1.1")

    async def steps(pilot: Pilot[None]) -> None:
        for words in ("Hold a data day", "Invite partners"):
            await press(pilot, "a")
            for character in words:
                await pilot.press("space" if character == " " else character)
            await press(pilot, "escape")
            assert f"Saved: a new action for C1.1: {words}." in screen_text(app)

    drive(app, (80, 24), steps)
    after = rating(team, "C1.1")
    assert after["actions"] == [
        *before["actions"],
        {"action": "Hold a data day"},
        {"action": "Invite partners"},
    ]  # type: ignore[index]


def test_target_priority_and_undo(team: Path) -> None:
    app = session_app(team, indicators=["C1.1", "C1.2"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "t", "4", "p")
        screen = screen_text(app)
        assert "Target 4 Transforming" in screen and "Priority yes" in screen
        await press(pilot, "t", "0")
        assert "Target none" in screen_text(app)
        await press(pilot, "n", "2", "u")  # undo goes back to C1.2's stage
        assert "Undone: C1.2 is not rated again." in screen_text(app)
        await press(pilot, "u")  # the one before: C1.1's target, back on screen
        screen = screen_text(app)
        assert "C1.1  Executive Leadership" in screen and "Target 4 Transforming" in screen

    drive(app, (80, 24), steps)
    assert rating(team, "C1.1")["target"] == 4 and rating(team, "C1.1")["priority"] is True  # type: ignore[index]
    assert rating(team, "C1.2") in (None, {"stage": None})  # not rated, as before


def test_a_linked_indicators_stage_is_one_key_away(tmp_path: Path, framework: Framework) -> None:
    path = new_file(tmp_path, framework)
    AssessmentFile(path).apply(RatingEdit("C1.3", stage=3))
    app = session_app(path)

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "g")
        await type_text(pilot, "c6.1")
        await press(pilot, "enter")
        screen = screen_text(app)
        assert "C6.1  WBL Leadership" in screen
        assert "Linked C1.3 (same descriptors) is at 3 Advancing: = gives the same stage" in screen  # whole
        # a stage of its own is saved, and said to differ while the room can still agree on one
        await press(pilot, "2")
        said = " ".join(screen_text(app).split())
        assert "Saved: C6.1 is at stage 2 Developing. But C1.3, the same practice, is at 3" in said
        await press(pilot, "equals_sign")
        assert "But C1.3" not in screen_text(app)  # the same stage now: nothing to say

    drive(app, (80, 24), steps)
    assert rating(path, "C6.1") == {"stage": 3}


def test_the_end_of_the_session_is_asked_twice(tmp_path: Path, framework: Framework) -> None:
    app = session_app(new_file(tmp_path, framework), indicators=["C7.2"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "4", "n")
        assert "This is the last indicator of the session: n again finishes, b goes back." in screen_text(app)
        await press(pilot, "n")

    drive(app, (80, 24), steps)
    assert app.outcome is Outcome.FINISHED


@pytest.mark.parametrize("key", ["ctrl+c", "ctrl+d"])
def test_stopping_keeps_unfinished_evidence_only_where_there_was_none(team: Path, key: str) -> None:
    app = session_app(team, indicators=["C1.2"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "2", "e")
        await type_text(pilot, "half a sent")
        await press(pilot, key)

    drive(app, (80, 24), steps)
    assert app.outcome is Outcome.INTERRUPTED
    assert app.keep_draft() == ["The evidence being typed for C1.2 was saved."]
    assert rating(team, "C1.2") == {"stage": 2, "evidence": "half a sent"}

    app = session_app(team, indicators=["C1.1"])

    async def replacing(pilot: Pilot[None]) -> None:
        await press(pilot, "e", "ctrl+l")
        await type_text(pilot, "half")
        await press(pilot, "ctrl+c")

    drive(app, (80, 24), replacing)
    [note] = app.keep_draft()
    # not saved over the file's evidence, but not lost either: printed, to paste in again
    assert note.startswith("The evidence being typed was not saved; the earlier evidence stays.")
    assert note.endswith("What was typed, to paste in again if you want it:\n  half")
    assert "Quarterly meetings" in rating(team, "C1.1")["evidence"]  # type: ignore[index]


async def type_action(pilot: Pilot[None], action: str, owner: str) -> None:
    """`a`, then an action and its owner typed in the action box (the due date's field next)."""
    await press(pilot, "a")
    await type_text(pilot, action)
    await press(pilot, "tab")
    await type_text(pilot, owner)


@pytest.mark.parametrize("key", ["ctrl+c", "ctrl+d"])
def test_stopping_keeps_a_new_action_being_typed(team: Path, key: str) -> None:
    """As line by line: an action half given when the session stops is added (it replaces nothing);
    a due date that does not read as one yet is left out, and said."""
    app = session_app(team, indicators=["C1.2"])

    async def steps(pilot: Pilot[None]) -> None:
        await type_action(pilot, "Sign an MOU with the college", "Maria Lopez")
        await press(pilot, "tab")
        await type_text(pilot, "next friday")
        await press(pilot, key)

    drive(app, (80, 24), steps)
    assert app.outcome is Outcome.INTERRUPTED
    assert app.keep_draft() == [
        "The action being typed for C1.2 was saved: Sign an MOU with the college — Maria Lopez "
        "(the due date 'next friday' is not a date, so it was left out)."
    ]
    assert rating(team, "C1.2") == {
        "actions": [{"action": "Sign an MOU with the college", "owner": "Maria Lopez"}]
    }


@pytest.mark.parametrize(("key", "owner"), [("enter", "Maria Lopez"), ("tab", "Maria Lopes")])
def test_an_owner_close_to_a_participants_name_is_offered_the_name(team: Path, key: str, owner: str) -> None:
    """ "Maria Lopes", with Maria Lopez taking part: Enter takes her name, Tab keeps what was typed
    (the actions register counted the two spellings as two people)."""
    app = session_app(team, indicators=["C1.2"])

    async def steps(pilot: Pilot[None]) -> None:
        await type_action(pilot, "Sign the MOU", "Maria Lopes")
        assert "Did you mean Maria Lopez? Enter takes it; Tab keeps what you typed." in screen_text(app)
        await press(pilot, key)
        assert "Did you mean" not in screen_text(app)
        await press(pilot, "escape")
        await press(pilot, "a", "tab")
        await type_text(pilot, "Bob from Rotary")  # nobody's name: free text, nothing asked
        assert "Did you mean" not in screen_text(app)

    drive(app, (80, 24), steps)
    assert rating(team, "C1.2") == {"actions": [{"action": "Sign the MOU", "owner": owner}]}


def test_stopping_after_an_action_is_saved_adds_it_only_once(team: Path) -> None:
    app = session_app(team, indicators=["C1.2"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "a")
        await type_text(pilot, "Sign an MOU")
        await press(pilot, "escape")
        assert "Saved: a new action for C1.2: Sign an MOU." in screen_text(app)
        await press(pilot, "a")  # opened again, nothing typed: nothing to keep
        await press(pilot, "ctrl+c")

    drive(app, (80, 24), steps)
    assert app.keep_draft() == []
    assert rating(team, "C1.2") == {"actions": [{"action": "Sign an MOU"}]}


def test_an_owner_typed_without_the_action_is_not_thrown_away_without_a_word(team: Path) -> None:
    """Esc with an owner typed but no words for the action: the form says why nothing can be saved
    and stays open; Esc again closes it, nothing saved."""
    app = session_app(team, indicators=["C1.2"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "a", "tab")
        await type_text(pilot, "City of Lakeview")
        await press(pilot, "escape")
        text = screen_text(app)
        assert "Not saved: type what the team will do, or Esc again to close without it." in text
        assert "City of Lakeview" in text  # still in its box
        await type_text(pilot, "Ask the city for bus passes")  # the focus is on the action's words
        await press(pilot, "escape")
        assert "Saved: a new action for C1.2: Ask the city for bus passes — City of Lakeview." in screen_text(
            app
        )
        await press(pilot, "a", "tab")
        await type_text(pilot, "Nobody")
        await press(pilot, "escape", "escape")
        assert "Nobody" not in screen_text(app)
        await press(pilot, "q")

    drive(app, (80, 24), steps)
    assert app.outcome is Outcome.QUIT
    assert rating(team, "C1.2") == {
        "actions": [{"action": "Ask the city for bus passes", "owner": "City of Lakeview"}]
    }


def test_a_change_saved_elsewhere_shows_and_the_session_saves_on_top(team: Path) -> None:
    """`coalition room` beside the session saves C1.2's stage: the screen shows it within a second,
    and the facilitator's evidence typed afterwards is saved on top (no conflict, no exit)."""
    app = session_app(team, indicators=["C1.2"])

    async def steps(pilot: Pilot[None]) -> None:
        assert "Stage not rated yet" in screen_text(app)
        AssessmentFile(team).apply(RatingEdit("C1.2", stage=3))  # the room's "Save to the assessment"
        app.look_at_the_file()  # what the one-second timer does
        await pilot.pause()
        screen = screen_text(app)
        assert "Stage 3 Advancing" in screen and "C1.2 was just saved by someone else" in screen
        await press(pilot, "e")
        await type_text(pilot, "Facilitator note")
        await press(pilot, "escape")
        assert "Saved: C1.2 has the evidence." in screen_text(app)

    drive(app, (80, 24), steps)
    assert app.outcome is None
    assert rating(team, "C1.2") == {"stage": 3, "evidence": "Facilitator note"}


def test_a_change_elsewhere_while_typing_the_same_evidence_keeps_both(team: Path) -> None:
    """A true conflict: the room saved evidence for C1.2 while the facilitator typed other evidence.
    Nothing is overwritten, the session goes on, and the typed text is kept: both, on one key."""
    app = session_app(team, indicators=["C1.2"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "e")
        await type_text(pilot, "Facilitator note")
        AssessmentFile(team).apply(RatingEdit("C1.2", stage=3, evidence="Said in the room"))
        await press(pilot, "escape")
        screen = screen_text(app)
        assert "the evidence was changed meanwhile" in screen and "Said in the room" in screen
        assert "Facilitator note" in screen
        await press(pilot, "b")
        said = " ".join(screen_text(app).split())
        assert "Saved: C1.2 keeps both texts of evidence, theirs first." in said
        assert "evidences" not in said

    drive(app, (80, 24), steps)
    assert app.outcome is None
    assert rating(team, "C1.2") == {"stage": 3, "evidence": "Said in the room\n\nFacilitator note"}


def test_quoted_evidence_that_wraps_keeps_its_indent_in_the_question(team: Path) -> None:
    # a reviewer: a quote's wrapped line started at the left edge and read as a new line of the dialog
    app = session_app(team, indicators=["C1.2"])
    theirs = (
        "Said in the room: the charter is signed by nine of the twelve members, and the rest have it "
        "on their agendas for June.\n\nThe county read it too."
    )
    mine = "The steering committee met twice and wrote the charter; the county's board asked for changes."

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "e")
        await type_text(pilot, mine)
        AssessmentFile(team).apply(RatingEdit("C1.2", evidence=theirs))
        await press(pilot, "escape")
        body = app.screen.query_one("VerticalScroll").region
        lines = [line[body.x : body.right] for line in screen_text(app).splitlines()[body.y : body.bottom]]
        start = lines.index(next(line for line in lines if line.startswith("The file now says")))
        gave = lines.index(next(line for line in lines if line.startswith("You gave:")))
        quotes = [line for line in lines[start + 1 : gave] + lines[gave + 1 :] if line.strip()]
        assert len(quotes) >= 5  # both quotes wrapped at 80 columns, and their paragraphs
        assert all(line.startswith("  ") and line[2] != " " for line in quotes), quotes
        said = " ".join(" ".join(quotes).split())
        assert said == " ".join(f"{theirs} {mine}".split())

    drive(app, (80, 24), steps)


def test_a_stage_changed_elsewhere_is_not_overwritten_without_asking(team: Path) -> None:
    app = session_app(team, indicators=["C1.2"])
    # The other laptop saves between two of the session's once-a-second looks at the file: with the
    # looks left running, one could see the change before the key, and then there is nothing to ask.
    app.look_at_the_file = lambda: None  # type: ignore[method-assign]

    async def steps(pilot: Pilot[None]) -> None:
        AssessmentFile(team).apply(RatingEdit("C1.2", stage=4))  # another laptop, not yet seen here
        await press(pilot, "1")
        screen = screen_text(app)
        assert "C1.2 was changed meanwhile" in screen and "4 Transforming" in screen
        await press(pilot, "escape")  # Esc keeps what the file says
        assert "keeps what was saved by someone else" in screen_text(app)
        await press(pilot, "1")  # now seen on screen: pressing 1 is the facilitator's own decision
        assert "Saved: C1.2 is at stage 1 Emerging." in screen_text(app)

    drive(app, (80, 24), steps)
    assert app.outcome is None
    assert rating(team, "C1.2") == {"stage": 1}


def test_a_file_broken_elsewhere_keeps_the_session_and_the_typed_text(team: Path) -> None:
    app = session_app(team, indicators=["C1.2"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "e")
        await type_text(pilot, "Kept through it all")
        team.write_text(team.read_text() + "\nratings: [oops\n")  # someone's editor saved half a change
        await press(pilot, "escape")
        assert "Not saved" in screen_text(app)
        await press(pilot, "escape")  # back into the box, the text still there
        assert isinstance(app.focused, TextArea) and app.focused.text == "Kept through it all"

    drive(app, (80, 24), steps)
    assert app.outcome is None


async def shown_room_line(pilot: Pilot[None], app: AssessApp) -> str:
    """The room line (the screen's third row) after its next look at the room."""
    app.screen.query_one(RoomLine).refresh_votes()
    await pilot.pause()
    return screen_text(app).splitlines()[2].strip()


def _revealed(framework: Framework, indicator: str, stages: list[int | None]) -> LiveTally:
    """The room's result on `indicator`, revealed, one phone per stage given (None: "don't know")."""
    from coalition_cli.core.room.state import Ballot
    from coalition_cli.core.room.tally import guide_groups, tally

    ballots = [
        Ballot(f"phone{n:04d}", stage, None, None, "2026-03-14T18:00:00Z") for n, stage in enumerate(stages)
    ]
    result = tally(framework, guide_groups(), indicator, ballots)
    return LiveTally(indicator, result.voted, result.dont_know, False, True, True, result)


def test_the_room_line_shows_the_rooms_live_count_when_given_one(team: Path, framework: Framework) -> None:
    live: dict[str, LiveTally] = {"C1.2": LiveTally("C1.2", 9, 1, True, True, False, None)}
    app = AssessApp(
        session_app(team, indicators=["C1.2"]).opened, live_votes=lambda indicator: live.get(indicator)
    )

    async def steps(pilot: Pilot[None]) -> None:
        lines = screen_text(app).splitlines()
        assert lines[2].strip() == "The room is voting on this indicator: 9 phones voted (1 don't know)"
        assert "C1.2  Operational Working Groups" in lines[0] and "Indicator 2 of 22" in lines[0]
        live["C1.2"] = LiveTally("C1.2", 9, 1, False, True, False, None)
        assert (
            await shown_room_line(pilot, app)
            == "The room: 9 phones voted (1 don't know); voting closed, result not shown yet"
        )
        # the review's C1.4: 1, 2 and 3, which the presenter flags "Discuss first", said for a person
        live["C1.2"] = _revealed(framework, "C1.2", [1, 2, 3])
        assert (
            await shown_room_line(pilot, app)
            == "The room: 3 votes, from 1 to 3; proposed 2 Developing; discuss first"
        )
        live["C1.2"] = _revealed(framework, "C1.2", [2, 3, None])
        assert (
            await shown_room_line(pilot, app)
            == "The room: 3 votes, from 2 Developing to 3 Advancing; proposed 2 Developing"
        )
        live["C1.2"] = _revealed(framework, "C1.2", [3, 3])
        assert await shown_room_line(pilot, app) == "The room: 2 votes, all for 3 Advancing"
        del live["C1.2"]  # the room closed
        assert not (await shown_room_line(pilot, app)).startswith("The room")
        assert "The room" not in screen_text(app)

    drive(app, (80, 24), steps)


def test_the_room_line_says_which_indicator_the_room_is_on(team: Path, framework: Framework) -> None:
    """`assess` on C1.2 while the presenter has opened C1.1: the line is about C1.1, and says so."""
    room = {"C1.1": LiveTally("C1.1", 3, 0, True, True, False, None)}
    app = AssessApp(  # as `run.room_votes` answers: the room's indicator, whichever `assess` is on
        session_app(team, indicators=["C1.2"]).opened, live_votes=lambda indicator: room["C1.1"]
    )

    async def steps(pilot: Pilot[None]) -> None:
        assert (
            await shown_room_line(pilot, app)
            == "The room is voting on C1.1 Executive Leadership (3 phones voted)"
        )
        room["C1.1"] = LiveTally("C1.1", 3, 0, False, True, False, None)
        assert (
            await shown_room_line(pilot, app)
            == "The room is on C1.1 Executive Leadership: voting is closed (3 phones voted)"
        )
        room["C1.1"] = _revealed(framework, "C1.1", [1, 2, 4])
        assert (
            await shown_room_line(pilot, app)
            == "The room on C1.1: 3 votes, from 1 to 4; proposed 2 Developing; discuss first"
        )
        room["C1.1"] = _revealed(framework, "C1.1", [2, 2])
        assert await shown_room_line(pilot, app) == "The room is on C1.1: 2 votes, all for 2 Developing"

    drive(app, (80, 24), steps)


@settings(max_examples=150, deadline=None)
@given(
    stages=st.lists(st.one_of(st.none(), st.integers(min_value=1, max_value=4)), min_size=1, max_size=300),
    elsewhere=st.booleans(),
)
def test_a_revealed_result_is_one_line_of_plain_words_at_80_columns(
    framework: Framework, stages: list[int | None], elsewhere: bool
) -> None:
    found = _revealed(framework, "C7.1", stages)  # the longest id and name of the rubric's last domain
    line = room_line(framework, found, "C1.1" if elsewhere else "C7.1", 78).plain
    assert cell_len(line) <= 78 and "\n" not in line
    assert ("discuss first" in line) == found.result.flagged  # type: ignore[union-attr]
    assert line.startswith(("The room is on C7.1: ", "The room on C7.1: ") if elsewhere else "The room: ")
    assert re.search(r"\d: \d+ +\d: \d", line) is None  # no "1: 1  2: 1" code


def test_assess_follows_the_room_only_while_it_runs(team: Path) -> None:
    from coalition_cli.cli.assess.run import room_votes
    from coalition_cli.core.room.journal import Journal, journal_path
    from coalition_cli.core.room.records import Opened as RoomOpened
    from coalition_cli.core.room.records import SessionStarted, Vote

    opened = session_app(team, indicators=["C1.2"]).opened
    votes = room_votes(opened)
    assert votes("C1.2") is None  # no room held on this file: no line

    at = "2026-03-14T18:00:00Z"
    journal = Journal(journal_path(team))  # the room's server: it holds the journal's lock
    journal.open()
    for record in (
        SessionStarted(team.name, opened.file.framework.id, at),
        RoomOpened("C1.2", at),
        Vote("C1.2", "phone-aaaa", 2, "k12-education", None, at),
        Vote("C1.2", "phone-bbbb", None, None, None, at),
    ):
        journal.append(record)
    tally = votes("C1.2")
    assert tally is not None and (tally.voted, tally.dont_know, tally.open) == (2, 1, True)
    elsewhere = votes("C1.1")  # `assess` on C1.1: the line is about C1.2, where the room is voting
    assert elsewhere is not None and (elsewhere.indicator, elsewhere.voted, elsewhere.current) == (
        "C1.2",
        2,
        True,
    )
    journal.close()  # Ctrl-C in the room's terminal: the journal stays, the room is gone
    assert journal_path(team).exists() and votes("C1.2") is None


def test_a_file_broken_elsewhere_says_its_problem_and_line_and_saves_once_it_is_fixed(team: Path) -> None:
    """A colleague's editor leaves an unclosed `[`: the refusal says what is wrong and on which line,
    in words (no command to run: a facilitator in front of the room has no second terminal), and
    once the file is put right in an editor, the same key saves."""
    app = session_app(team, indicators=["C1.2"])
    fine = team.read_text()

    async def steps(pilot: Pilot[None]) -> None:
        team.write_text(fine.replace("    stage: 2          #", "    stage: [2          #"))
        await press(pilot, "2")
        assert isinstance(app.screen, ChoiceDialog)
        said = " ".join(app.screen.body.plain.split())  # type: ignore[attr-defined]
        assert "team.yaml has 1 problem. It is on line 18: not valid YAML: a '[' that is never closed" in said
        assert "(it opens on line 17)" in said and "Fix it in an editor" in said
        assert "`" not in said and "coalition validate" not in said
        await press(pilot, "escape")
        team.write_text(fine)  # put back as it was, in the editor
        await press(pilot, "2")
        assert "Saved: C1.2 is at stage 2 Developing." in screen_text(app)

    drive(app, (80, 24), steps)
    assert rating(team, "C1.2") == {"stage": 2}


def _full_screen_said(opened: Opened, width: int) -> tuple[int, str]:
    """`run_full_screen`'s exit code and what it says at the terminal, `width` columns wide (the app's
    run already replaced by the caller)."""
    import io

    import typer
    from rich.console import Console

    from coalition_cli.cli.assess.screen import launch

    console = Console(file=io.StringIO(), width=width)
    try:
        launch.run_full_screen(console, opened)
        code = 0
    except typer.Exit as stop:
        code = stop.exit_code
    return code, console.file.getvalue()  # type: ignore[attr-defined]


def ended(monkeypatch: pytest.MonkeyPatch, app: AssessApp) -> tuple[int, str]:
    """The exit code and what the terminal says once `app`, driven already, has ended (as
    `run_full_screen` says it, at 80 columns)."""
    from coalition_cli.cli.assess.screen import launch

    monkeypatch.setattr(launch, "AssessApp", lambda opened, live_votes=None: app)
    monkeypatch.setattr(app, "run", lambda: None)
    return _full_screen_said(app.opened, 80)


def test_stopping_with_a_file_broken_elsewhere_says_what_is_not_saved_and_prints_what_was_typed(
    monkeypatch: pytest.MonkeyPatch, team: Path
) -> None:
    """The review's meeting: a colleague's editor broke the file, the 2 and the evidence were refused,
    then Ctrl-C. The ending named a saved file for every answer and let the typed text go."""
    app = session_app(team, indicators=["C1.2"])
    typed = "Five members pledged staff time in writing (letters on file)."

    async def steps(pilot: Pilot[None]) -> None:
        team.write_text(team.read_text().replace("    stage: 2          #", "    stage: [2          #"))
        await press(pilot, "2", "escape", "e")
        await type_text(pilot, typed)
        await press(pilot, "escape")  # refused: said, and back into its box
        await press(pilot, "escape")
        assert isinstance(app.focused, TextArea) and app.focused.text == typed
        await press(pilot, "ctrl+c")

    drive(app, (80, 24), steps)
    code, said = ended(monkeypatch, app)
    assert code == 130
    words = " ".join(said.split())
    assert "Every answer given is saved" not in words
    assert "Not saved: C1.2 stage 2 Developing and its evidence." in words
    assert "It is on line 18: not valid YAML" in words
    assert "Every other answer given is saved in" in words
    # the typed text, on a line of its own, whole, to paste in again
    assert f"\n  {typed}\n" in said
    assert said.index(typed) < said.index("To carry on from there, run:")


def test_stopping_keeps_a_new_action_the_file_refuses_printed_whole(
    monkeypatch: pytest.MonkeyPatch, team: Path
) -> None:
    app = session_app(team, indicators=["C1.2"])

    async def steps(pilot: Pilot[None]) -> None:
        team.write_text(team.read_text().replace("    stage: 2          #", "    stage: [2          #"))
        await press(pilot, "a")
        await type_text(pilot, "Collect pledge letters from all members")
        await press(pilot, "tab")
        await type_text(pilot, "Janet Holloway")
        await press(pilot, "tab")
        await type_text(pilot, "2027-01-31")
        await press(pilot, "ctrl+c")

    drive(app, (80, 24), steps)
    code, said = ended(monkeypatch, app)
    assert code == 130
    assert "Every answer given is saved" not in said
    assert "The action being typed for C1.2 could not be saved." in said
    assert (
        "What was typed, to paste in again if you want it:\n  Collect pledge letters from all members\n"
        "  who leads it: Janet Holloway\n  due: 2027-01-31\n"
    ) in said


# -- how the terminal hears the end ------------------------------------------------------------------


def run_ending(
    monkeypatch: pytest.MonkeyPatch, team: Path, outcome: Outcome | None, draft: str | None = None
) -> tuple[int, str]:
    """`run_full_screen` with the app's run replaced by its outcome (and evidence left being typed)."""
    from coalition_cli.cli.assess.screen.app import Draft

    def ran(app: AssessApp) -> None:
        app.outcome = outcome
        if draft is not None:
            app.draft = Draft("C1.2", draft)

    monkeypatch.setattr(AssessApp, "run", ran)
    return _full_screen_said(session_app(team, indicators=["C1.2"]).opened, 100)


def test_a_crash_keeps_the_answers_and_the_evidence_being_typed(
    monkeypatch: pytest.MonkeyPatch, team: Path
) -> None:
    code, said = run_ending(monkeypatch, team, None, draft="typed before the crash")
    assert code == 1
    assert "stopped because of an unexpected error" in said
    assert "coalition assess" in said and "--start-at C1.2" in said
    assert rating(team, "C1.2") == {"evidence": "typed before the crash"}


def test_quitting_and_finishing_say_where_things_stand(monkeypatch: pytest.MonkeyPatch, team: Path) -> None:
    code, said = run_ending(monkeypatch, team, Outcome.QUIT)
    assert code == 0 and "Stopped at C1.2" in said
    code, said = run_ending(monkeypatch, team, Outcome.FINISHED)
    assert code == 0 and "Where the coalition stands" in said and "coalition plan" in said
    code, said = run_ending(monkeypatch, team, Outcome.HUNG_UP)
    assert code == 129


def test_ctrl_q_quits_like_q(team: Path) -> None:
    app = session_app(team, indicators=["C1.2"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "ctrl+q")

    drive(app, (80, 24), steps)
    assert app.outcome is Outcome.QUIT


def test_a_resized_terminal_uses_the_room(team: Path) -> None:
    app = session_app(team, indicators=["C1.1"])

    async def steps(pilot: Pilot[None]) -> None:
        assert "Actions 1. Adopt the charter" in screen_text(app)  # a line each at 80×24
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        screen = screen_text(app)
        assert "  1. Adopt the charter — Chamber of Commerce, due 30 June 2026" in screen  # listed whole
        assert "█" in screen.splitlines()[1]  # room for the progress bar too

    drive(app, (80, 24), steps)


# -- what the review at 80×24 found ---------------------------------------------------------------------


def _not_carried(spring: str) -> str:
    """The spring file without the two C1.1 actions it carried over from the fall (and marked done)."""
    start = spring.index("      - action: Draft and adopt a coalition charter")
    end = spring.index("  C1.2:")
    return spring[:start].removesuffix("    actions:\n") + spring[end:]


def test_since_shows_last_terms_evidence_and_open_actions_on_the_main_screen(tmp_path: Path) -> None:
    """`--since`: at 80×24 a line with last term's stage, the start of its evidence and how many of
    its actions are still open and not carried into this term; at 120×40 all of it, every open
    action named."""
    app = riverside(tmp_path, "C1.1", spring=_not_carried)

    async def small(pilot: Pilot[None]) -> None:
        line = next(line for line in screen_text(app).splitlines() if "Last time" in line)
        assert "2 Developing" in line and "“The Superintendent convenes" in line
        assert line.rstrip().endswith("2 open actions (r)")

    drive(app, (80, 24), small)
    app = riverside(tmp_path, "C1.1", spring=_not_carried)

    async def large(pilot: Pilot[None]) -> None:
        screen = " ".join(screen_text(app).split())
        # on a screen with room, last term's target and priority too (they start afresh each term)
        assert (
            "Last time (Fall 2025) 2 Developing, target 3 Advancing, a priority: The Superintendent convenes"
            in screen
        )
        assert "not marked done: Draft and adopt a coalition charter" in screen
        assert "not marked done: Set up an executive committee" in screen

    drive(app, (120, 40), large)


def test_last_terms_actions_carried_over_and_marked_done_are_not_open_ones(tmp_path: Path) -> None:
    """The spring file carried C1.1's two fall actions over and marked them done: the main screen and
    read-all say nothing of them as last term's open actions (a reviewer saw '1 open action (r)'
    appear on marking a carried action done)."""
    app = riverside(tmp_path, "C1.1")

    async def steps(pilot: Pilot[None]) -> None:
        line = next(line for line in screen_text(app).splitlines() if "Last time" in line)
        assert "open action" not in line
        await press(pilot, "r")
        assert "not marked done" not in " ".join(screen_text(app).split()).lower()

    drive(app, (80, 24), steps)


def test_nothing_on_the_main_screen_is_cut_silently(tmp_path: Path) -> None:
    """At 80×24 each part shows whole or says it is cut (`…`), and the count of more actions stays in
    view (the reviewer found "Equity" missing with no sign, and no "+1 more")."""
    from coalition_cli.cli.assess.wording import action_counts, describe_action

    app = riverside(tmp_path, "C1.1")

    async def steps(pilot: Pilot[None]) -> None:
        for _ in range(22):
            indicator = app.session.current
            assert indicator is not None
            lines = screen_text(app).splitlines()
            name = f"{indicator}  {app.framework.indicator(indicator).name}"
            assert name in lines[0] or "…" in lines[0], lines[0]
            assert f"{app.framework.domain_of(indicator).name} ·" in lines[1]
            rating = app.file.rating(indicator)
            assert rating is not None
            said = {
                line.split(" ", 2)[1]: line for line in lines if line.startswith((" Evidence", " Actions"))
            }
            evidence = " ".join((rating.evidence or "").split())
            assert evidence in " ".join(said["Evidence"].split()) or "…" in said["Evidence"]
            if rating.actions:
                number, first = next(
                    ((n, a) for n, a in enumerate(rating.actions, 1) if a.status not in ("done", "dropped")),
                    (1, rating.actions[0]),
                )
                shown = describe_action(first, app.today)
                assert f"{number}. {shown}" in said["Actions"] or "…" in said["Actions"]
                assert said["Actions"].rstrip().endswith(f"{action_counts(rating.actions, app.today)} (a)")
            await press(pilot, "n")

    drive(app, (80, 24), steps)


def test_back_after_go_to_returns_where_you_came_from(tmp_path: Path, framework: Framework) -> None:
    app = session_app(new_file(tmp_path, framework), start_at="C1.2")

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "g")
        await type_text(pilot, "employer")  # part of a name
        await press(pilot, "enter")
        assert "C6.2  Employer Engagement" in screen_text(app)
        await press(pilot, "b")
        assert "C1.2  Operational Working Groups" in screen_text(app)

    drive(app, (80, 24), steps)


def test_go_to_finds_words_in_the_stages_and_says_so(tmp_path: Path, framework: Framework) -> None:
    """No name has "budget"; C5.2's stages do, and the list says that is where it was found. No name
    has "internships" either; the rubric's glossary says a Student Internship is work-based learning."""
    app = session_app(new_file(tmp_path, framework), start_at="C1.2")

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "g")
        await type_text(pilot, "employers")
        assert "stages of these indicators" not in screen_text(app)
        assert "C6.2" in screen_text(app)  # Employer Engagement, said in the plural
        await press(pilot, *["backspace"] * len("employers"))
        await type_text(pilot, "internships")
        screen = screen_text(app)
        assert "No name has these words; by the rubric's glossary, they are about these:" in screen
        assert "C1.3" in screen and "C6.1" in screen and "C6.3" in screen and "C2.4" not in screen
        await press(pilot, *["backspace"] * len("internships"))
        await type_text(pilot, "budget")
        screen = screen_text(app)
        assert "No name has these words; the stages of these indicators do:" in screen
        assert "C5.2" in screen and "C6.2" not in screen
        await type_text(pilot, "zz")
        assert "No indicator has these words: try another word, or an id like C6.2." in screen_text(app)
        await press(pilot, "backspace", "backspace", "enter")
        assert "C5.2  Instructional Coherence" in screen_text(app)

    drive(app, (80, 24), steps)


def test_carrying_on_at_an_indicator_goes_on_to_the_unrated_ones_before_it(
    tmp_path: Path, framework: Framework
) -> None:
    """`--start-at C7.2`, as a session stopped there prints it: after C7.2, the ones before it that
    are not rated, and the screen says so."""
    app = session_app(new_file(tmp_path, framework), start_at="C7.2")

    async def steps(pilot: Pilot[None]) -> None:
        assert "1 of 22 in this session" in screen_text(app)
        await press(pilot, "1", "n")
        screen = screen_text(app)
        assert "C1.1  Executive Leadership" in screen
        assert "Now the indicators before C7.2 that are not rated yet." in screen

    drive(app, (80, 24), steps)


def test_the_count_at_the_end_is_of_the_indicators_looked_at(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, framework: Framework
) -> None:
    """`g` from C2.3 to C2.2 (the last of the walk, which goes on from C7.2 to the ones before
    C2.3), then n n: two indicators looked at, not the 22 of the walk."""
    import io

    from rich.console import Console

    from coalition_cli.cli.assess.ending import Ending

    app = session_app(new_file(tmp_path, framework), start_at="C2.3")

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "g")
        await type_text(pilot, "C2.2")
        await press(pilot, "enter", "n", "n")

    drive(app, (80, 24), steps)
    assert app.outcome is Outcome.FINISHED
    console = Console(file=io.StringIO(), width=100)
    Ending(console, app.keeper, app.opened.options).finished(app.session)
    assert "You went through 2 indicators and rated 0." in console.file.getvalue()  # type: ignore[attr-defined]


def test_help_says_how_to_close_it(team: Path) -> None:
    app = session_app(team, indicators=["C1.2"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "question_mark")
        screen = screen_text(app)
        assert "Esc closes this help" in screen and " Esc  close" in screen
        await press(pilot, "escape")
        assert "Esc closes this help" not in screen_text(app)

    drive(app, (80, 24), steps)


def test_the_status_choice_and_the_last_hint_are_whole_at_80_columns(team: Path) -> None:
    app = session_app(team, indicators=["C1.2"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "a")
        screen = screen_text(app)
        assert "in progress" in screen and "in progres…" not in screen
        await press(pilot, "escape", "n")
        assert "This is the last indicator of the session: n again finishes, b goes back." in screen_text(app)

    drive(app, (80, 24), steps)


def test_a_due_date_problem_keeps_the_keys_in_the_action_form_at_80x24(tmp_path: Path) -> None:
    # a reviewer: "'06/30/2027' is not a date…" pushed "Esc save and close" out of the form
    app = riverside(tmp_path, "C6.2")  # three actions listed above the boxes

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "a")
        await type_text(pilot, "Invite the hospital's HR director")
        await press(pilot, "tab", "tab")
        await type_text(pilot, "06/30/2027")
        await press(pilot, "enter")
        await pilot.pause()
        screen = screen_text(app)
        form = app.screen.query("Vertical").first().content_region
        said = " ".join(" ".join(line[form.x : form.right] for line in screen.splitlines()).split())
        assert (
            "'06/30/2027' is not a date. Write it year-month-day: 2027-06-30; or leave it empty for no "
            "due date." in said
        )
        assert " Esc  save and close " in screen and " Tab  next box " in screen
        assert "What will the team do?" in screen and "Due date (optional)" in screen
        assert "1. Recruit 15 new internship hosts" in screen  # the list gave way, and is still there
        app.focused.value = ""  # type: ignore[union-attr]
        await type_text(pilot, "2027-06-30")
        await press(pilot, "tab")  # the date reads: the problem goes
        await pilot.pause()
        screen = screen_text(app)
        assert "is not a date" not in screen and " Esc  save and close " in screen
        assert "1. Recruit 15 new internship hosts" in screen and "↓ 2 more actions below" in screen

    drive(app, (80, 24), steps)


def test_actions_the_list_cannot_show_are_counted_under_it_at_80x24(tmp_path: Path) -> None:
    # a reviewer: three carried actions showed one and a half (cut after "due 15 April 2026,"),
    # and nothing said a third was there
    app = riverside(tmp_path, "C6.2", today=dt.date(2026, 12, 3))

    async def steps(pilot: Pilot[None]) -> None:
        rating = app.file.rating("C6.2")
        assert rating is not None and len(rating.actions) == 3
        listed = [f"{n}. {describe_action(a, app.today)}" for n, a in enumerate(rating.actions, start=1)]

        async def shown() -> tuple[str, str]:
            """The list's text as the room sees it, and the line under it."""
            await pilot.pause()
            lines = screen_text(app).splitlines()
            box = app.screen.query_one("ActionList").scrollable_content_region  # its scroll bar aside
            under = lines[box.bottom][box.x : box.right].strip()
            return " ".join(
                " ".join(line[box.x : box.right] for line in lines[box.y : box.bottom]).split()
            ), under

        await press(pilot, "a")
        text, under = await shown()
        assert text == listed[0]  # the first whole, and no half of the second
        assert under == "↓ 2 more actions below (Shift+Tab, then ↑ ↓)"
        await press(pilot, "shift+tab", "down")
        text, under = await shown()
        assert text == listed[1] and under == "↑ 1 more action above, ↓ 1 more action below (↑ ↓)"
        await press(pilot, "down")
        text, under = await shown()
        assert text == listed[2] and under == "↑ 2 more actions above (↑ ↓)"
        assert " Esc  save and close " in screen_text(app)

    drive(app, (80, 24), steps)


def test_a_list_of_actions_shown_whole_says_nothing_more(tmp_path: Path) -> None:
    app = riverside(tmp_path, "C1.1")  # two short actions

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "a")
        await pilot.pause()
        screen = screen_text(app)
        assert "1. Draft and adopt a coalition charter" in screen
        assert "2. Set up an executive committee" in screen and "more action" not in screen

    drive(app, (80, 24), steps)


def test_a_due_date_before_the_assessment_is_saved_and_asked_about(team: Path) -> None:
    # a reviewer typed 2026-2-15 for 2027 on a December assessment: saved without a word, and the
    # plan then called the action 291 days late
    app = session_app(team, indicators=["C1.1"])
    assessed_on = app.file.assessment.assessed_on
    early = assessed_on.replace(year=assessed_on.year - 1)

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "a")
        await type_text(pilot, "Sign the MOU")
        await press(pilot, "enter", "enter")
        await type_text(pilot, early.isoformat())
        await press(pilot, "enter", "enter")  # on to how far along; Enter saves
        screen = " ".join(screen_text(app).split())
        assert f"Saved: a new action for C1.1: Sign the MOU — due {long_date(early)}. That date is" in screen
        assert f"is before this assessment ({long_date(assessed_on)}): is the year right?" in screen
        # with an owner and a status the message is longer: the question is still read whole (it was
        # cut at "is before this…" at 80×24)
        await press(pilot, "a")
        await type_text(pilot, "Invite two parents to the steering group")
        await press(pilot, "enter")
        await type_text(pilot, "Gloria Mendoza")
        await press(pilot, "enter")
        await type_text(pilot, early.isoformat())
        await press(pilot, "enter", "right", "right", "enter")
        screen = " ".join(screen_text(app).split())
        assert f"— due {long_date(early)}. That date is before this assessment" in screen
        assert f"({long_date(assessed_on)}): is the year right?" in screen

    drive(app, (80, 24), steps)


def test_the_actions_line_shows_the_first_open_action_and_counts_them_by_status(tmp_path: Path) -> None:
    # a reviewer: "a done action is still listed first", and whether any is done was not to be seen
    app = riverside(tmp_path, "C1.1")  # C1.1's two actions, carried from the fall, are marked done

    async def steps(pilot: Pilot[None]) -> None:
        line = next(line for line in screen_text(app).splitlines() if line.startswith(" Actions"))
        assert line.rstrip().endswith("· 2 done (a)")
        await press(pilot, "a")
        await type_text(pilot, "Send the charter to the new members")
        await press(pilot, "escape")  # saves and closes
        line = next(line for line in screen_text(app).splitlines() if line.startswith(" Actions"))
        assert "3. Send the charter to the new members" in line  # the open one, by its number in the list
        assert line.rstrip().endswith("· 1 open, 2 done (a)")

    drive(app, (80, 24), steps)


async def read_in_full(pilot: Pilot[None], app: AssessApp) -> str:
    """Everything `r` shows, page by page, as the room reads it (its lines joined by spaces)."""
    await press(pilot, "r")
    reading = app.screen.query_one("#reading")
    seen: list[str] = []
    for _ in range(40):  # bounded: far more pages than the longest indicator has
        region = reading.region
        seen += [
            line[region.x : region.right] for line in screen_text(app).splitlines()[region.y : region.bottom]
        ]
        if reading.scroll_y >= reading.max_scroll_y:
            break
        await press(pilot, "pagedown")
    await press(pilot, "escape")
    return " ".join(" ".join(seen).split())


def test_actions_past_due_on_the_sessions_day_say_overdue(tmp_path: Path) -> None:
    # a reviewer: carried actions months past due were shown exactly like actions on time
    app = riverside(tmp_path, "C6.2", today=dt.date(2026, 6, 1))  # due 15 May, 15 April and 30 June

    async def steps(pilot: Pilot[None]) -> None:
        line = next(line for line in screen_text(app).splitlines() if line.startswith(" Actions"))
        assert line.rstrip().endswith("· 3 open, 2 overdue (a)") and len(line) <= 80
        said = await read_in_full(pilot, app)
        assert (
            "2. Ask Riverside Regional's IT department to host 10 help-desk interns — Angela Ruiz "
            "(Riverside Regional Medical Center), due 15 April 2026, overdue, in progress" in said
        )
        assert "due 30 June 2026, planned" in said and "due 30 June 2026, overdue" not in said
        await press(pilot, "a")
        listed = " ".join(screen_text(app).split())
        assert "Commerce), due 15 May 2026, overdue, in progress" in listed
        await press(pilot, "shift+tab", "d")  # marked done, an action is no longer overdue, whatever its date
        await press(pilot, "escape")
        line = next(line for line in screen_text(app).splitlines() if line.startswith(" Actions"))
        assert line.rstrip().endswith("· 2 open, 1 overdue, 1 done (a)")

    drive(app, (80, 24), steps)


def test_actions_are_not_overdue_on_the_day_they_are_due(tmp_path: Path) -> None:
    app = riverside(tmp_path, "C6.2", today=dt.date(2026, 4, 15))  # the second action's day

    async def steps(pilot: Pilot[None]) -> None:
        line = next(line for line in screen_text(app).splitlines() if line.startswith(" Actions"))
        assert line.rstrip().endswith("· 3 open (a)")
        assert "overdue" not in await read_in_full(pilot, app)

    drive(app, (80, 24), steps)


def test_a_file_nobody_rated_dated_before_today_says_its_date(tmp_path: Path, framework: Framework) -> None:
    # a reviewer: init dates a file the day it is written, and the session never showed that date
    app = session_app(new_file(tmp_path, framework), today=dt.date(2026, 3, 20))
    assert app.file.assessment.assessed_on < app.today

    async def steps(pilot: Pilot[None]) -> None:
        screen = " ".join(screen_text(app).split())
        day = long_date(app.file.assessment.assessed_on)
        assert (
            f"This assessment is dated {day}: if the team meets on another day, change assessed_on" in screen
        )
        await press(pilot, "2")
        assert "This assessment is dated" not in screen_text(app)  # the next message replaces it

    drive(app, (80, 24), steps)


def test_the_chosen_status_is_marked_not_only_coloured(team: Path) -> None:
    # Textual's radio buttons tell on from off by colour alone: a projector washes that out
    app = session_app(team, indicators=["C1.2"])

    async def steps(pilot: Pilot[None]) -> None:
        await press(pilot, "a")
        screen = screen_text(app)
        assert re.search(r"●\S* not said", screen)  # the button's own edges may be drawn beside it
        assert all(
            re.search(rf"○\S* {status}", screen) for status in ("planned", "in progress", "done", "dropped")
        )

    drive(app, (80, 24), steps)


def test_long_stage_names_widen_the_labels_and_are_never_lost(tmp_path: Path) -> None:
    """A rubric's long stage names widen the label column; one longer still is cut there with `…`
    and given whole above its descriptor. No label runs into its descriptor."""
    from coalition_cli.core.loading.frameworks import load_framework

    rubric = tmp_path / "rubric.yaml"
    rubric.write_text(
        (paths.FIXTURES / "scoring" / "two-domain-rubric.yaml")
        .read_text(encoding="utf-8")
        .replace("name: Seed", "name: Not yet begun anywhere")
        .replace("name: Sprout", "name: Partly in place today")
        .replace("name: Bloom", "name: Fully embedded everywhere")
    )
    framework = load_framework(str(rubric), relative_to=None)
    path = tmp_path / "spring.yaml"
    path.write_text(render(framework, NewAssessment("rubric.yaml", "Riverside", dt.date(2026, 3, 14))))
    app = session_app(path)

    async def steps(pilot: Pilot[None]) -> None:
        lines = [line.rstrip() for line in screen_text(app).splitlines()]
        assert "  1 Not yet begun anywhe…  Not yet begun anywhere:" in lines
        assert "  2 Partly in place today  Partners have written shared goals." in lines
        assert "  3 Fully embedded every…  Fully embedded everywhere:" in lines
        assert all(len(line) < 27 or line[25:27] == "  " for line in lines[2:9])  # label, a gap, descriptor

    drive(app, (80, 24), steps)


def labels_stand_apart(app: AssessApp) -> list[str]:
    """Each stage's label on the screen, checked to stand apart from its descriptor: two spaces at
    least between them, the descriptor starting right after the label's column."""
    lines = screen_text(app).splitlines()
    labels = []
    for row in app.screen.query(StageRow):
        line, width = lines[row.region.y], row.view.label_width
        assert line[:width].rstrip() and line[:width].endswith("  ") and line[width] != " ", line
        labels.append(line[:width].strip())
    return labels


@pytest.mark.parametrize(
    "stages",
    [
        pytest.param(None, id="the bundled rubric"),
        pytest.param(("Not yet", "Done"), id="two short stages"),
        pytest.param(("Seed", "Rooted", "Growing strongly", "Thriving everywhere"), id="a little longer"),
        pytest.param(("Not started", "Started", "Partly in place now", "In place", "Sustained"), id="five"),
        pytest.param(("A", "Twenty-one characters", "Twenty-two characters!"), id="at the widest"),
        pytest.param(("Starting", "A name too long to stand whole in the label"), id="cut"),
    ],
)
def test_every_stage_name_stands_apart_from_its_descriptor(
    tmp_path: Path, framework: Framework, stages: tuple[str, ...] | None
) -> None:
    # a reviewer: "4 Transforming The broad-based coalition…" read as one phrase on a projector
    from coalition_cli.core.loading.frameworks import load_framework
    from tests.support.custom_rubric import write_rubric

    if stages is not None:
        rubric = write_rubric(tmp_path / "rubric.yaml", stages=stages)
        framework = load_framework(str(rubric), relative_to=None)
    path = tmp_path / "spring.yaml"
    reference = framework.id if stages is None else "rubric.yaml"
    path.write_text(render(framework, NewAssessment(reference, "Riverside", dt.date(2026, 3, 14))))
    app = session_app(path)

    async def steps(pilot: Pilot[None]) -> None:
        for _ in framework.indicators[:2]:
            for stage in framework.stages:
                shown = labels_stand_apart(app)
                assert all(
                    label.removeprefix("▶ ") == f"{s.number} {s.name}" or label.endswith("…")
                    for label, s in zip(shown, framework.stages, strict=True)
                ), shown
                await press(pilot, str(stage.number))  # the chosen one is marked ▶
            await press(pilot, "n")

    drive(app, (80, 24), steps)


def test_a_room_line_too_long_for_the_screen_is_cut_with_an_ellipsis(
    team: Path, framework: Framework
) -> None:
    """The room line is one row: on a narrow terminal its sentence is cut, and says so with `…`."""
    room = {"C1.1": _revealed(framework, "C1.1", [1, 2, 4])}
    app = AssessApp(session_app(team, indicators=["C1.2"]).opened, live_votes=lambda indicator: room["C1.1"])

    async def steps(pilot: Pilot[None]) -> None:
        line = await shown_room_line(pilot, app)
        assert line.startswith("The room on C1.1: 3 votes, from 1 to 4;") and line.endswith("…")
        assert len(line) <= 58  # the width, less the line's padding

    drive(app, (60, 24), steps)
