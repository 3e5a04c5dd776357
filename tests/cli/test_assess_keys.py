"""Keys that arrive in one burst on the full screen: fast typing, a paste without bracketed paste, a
keyboard macro, `tmux send-keys`. The terminal reads such a burst whole, before the first key has
opened its box; every key must still land where the keys before it left the focus, and the file must
hold exactly the actions typed, the rest of it untouched."""

from __future__ import annotations

import asyncio
import difflib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from coalition_cli.cli.assess.screen.app import AssessApp, IndicatorScreen
from coalition_cli.core.yaml import source as yamlsource
from tests.support.paths import EXAMPLES
from tests.support.screen import screen_text, session_app

KEY_NAMES = {"\r": "enter", "\t": "tab", "\x1b": "escape", " ": "space", "-": "minus", ".": "full_stop"}


def burst(app: AssessApp, typed: str) -> None:
    """Every key of `typed` handed to the app at once, as the terminal's driver hands over one read
    (Pilot's `press` waits for the app to settle after each key: a person never does)."""
    driver = app._driver
    assert driver is not None
    for character in typed:
        key = KEY_NAMES.get(character, character)
        assert len(key) > 1 or character.isalnum(), character
        driver.process_message(events.Key(key, character))


async def settle(pilot: Pilot[None], done: Callable[[], bool]) -> None:
    """Until `done` (bounded: a few seconds at most), then once more for anything still under way."""
    for _ in range(100):
        await pilot.pause(0.03)
        if done():
            break
    await pilot.pause(0.1)


@pytest.fixture
def spring(tmp_path: Path) -> Path:
    """The example coalition's spring assessment: C6.2 has three open actions, none of them done."""
    for name in ("2026-03-spring.yaml", "coalition.yaml"):
        shutil.copy(EXAMPLES / "riverside" / name, tmp_path / name)
    return tmp_path / "2026-03-spring.yaml"


def actions(path: Path, indicator: str) -> list[dict[str, object]]:
    return list(yamlsource.parse_fast(path.read_text())["ratings"][indicator].get("actions") or [])


def only_added(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`; fails if any line of `before` (a comment, a folded
    paragraph, a quote) was changed or lost."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert not [line for line in diff if line.startswith("- ")], "\n".join(diff)
    return [line[2:] for line in diff if line.startswith("+ ")]


def run(app: AssessApp, typed: str, done: Callable[[], bool]) -> tuple[str, object]:
    """`typed` in one burst; then the screen as shown, and the screen on top (a dialog, or the indicator)."""

    async def steps() -> tuple[str, object]:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            burst(app, typed)
            await settle(pilot, done)
            return screen_text(app), app.screen

    return asyncio.run(steps())


OPEN_ACTIONS = [
    {
        "action": "Recruit 15 new internship hosts through the Chamber's spring membership drive",
        "owner": "Janet Holloway (Greater Riverside Chamber of Commerce)",
        "due": "2026-05-15",
        "status": "in-progress",
    },
    {
        "action": "Ask Riverside Regional's IT department to host 10 help-desk interns",
        "owner": "Angela Ruiz (Riverside Regional Medical Center)",
        "due": "2026-04-15",
        "status": "in-progress",
    },
    {
        "action": "Stand up an employer-partner database at the WDB to replace the Arroyo-hosted CRM",
        "owner": "Marcus Lee (Riverside Workforce Development Board)",
        "due": "2026-06-30",
        "status": "planned",
    },
]


def test_two_new_actions_typed_in_one_burst_are_saved_as_typed(spring: Path) -> None:
    """Both actions whole, each box's words in its own box, Enter moving on as it does key by key;
    the `d` and `x` in the words never mark the actions already there."""
    before = spring.read_text()
    assert actions(spring, "C6.2") == OPEN_ACTIONS
    app = session_app(spring, indicators=["C6.2"])
    typed = "aAdd two hosts\rJanet\r2026-05-30\r\raExpand the data day\rMarcus\r\r\r"
    shown, on_top = run(app, typed, lambda: len(actions(spring, "C6.2")) >= 5)
    assert app.outcome is None, "the session ended"
    assert isinstance(on_top, IndicatorScreen), "a form is still open"
    assert actions(spring, "C6.2") == [
        *OPEN_ACTIONS,
        {"action": "Add two hosts", "owner": "Janet", "due": "2026-05-30"},
        {"action": "Expand the data day", "owner": "Marcus"},
    ]
    assert "Saved: a new action for C6.2: Expand the data day — Marcus." in shown
    assert only_added(before, spring.read_text()) == [
        "      - action: Add two hosts",
        "        owner: Janet",
        "        due: 2026-05-30",
        "      - action: Expand the data day",
        "        owner: Marcus",
    ]


@pytest.mark.parametrize(
    ("typed", "added"),
    [
        pytest.param("aHold a data day\x1b", {"action": "Hold a data day"}, id="Esc saves"),
        pytest.param(
            "aShared data\tDana\t2026-06-30\x1b",
            {"action": "Shared data", "owner": "Dana", "due": "2026-06-30"},
            id="Tab moves on",
        ),
        pytest.param(
            "aDraft the MOU\rDana\r\r\x1b",
            {"action": "Draft the MOU", "owner": "Dana"},
            id="Enter moves on",
        ),
    ],
)
def test_a_new_action_opened_typed_and_closed_in_one_burst(
    spring: Path, typed: str, added: dict[str, object]
) -> None:
    app = session_app(spring, indicators=["C6.2"])
    _shown, on_top = run(app, typed, lambda: len(actions(spring, "C6.2")) >= 4)
    assert actions(spring, "C6.2") == [*OPEN_ACTIONS, added]
    assert isinstance(on_top, IndicatorScreen), "the form is still open"


def test_evidence_opened_typed_and_closed_in_one_burst(spring: Path) -> None:
    app = session_app(spring, indicators=["C6.1"])
    evidence = str(yamlsource.parse_fast(spring.read_text())["ratings"]["C6.1"]["evidence"])
    _shown, on_top = run(app, "e Two more hosts signed.\x1b", lambda: "Two more" in spring.read_text())
    assert isinstance(on_top, IndicatorScreen), "the evidence box is still open"
    assert yamlsource.parse_fast(spring.read_text())["ratings"]["C6.1"]["evidence"] == (
        f"{evidence} Two more hosts signed."
    )
