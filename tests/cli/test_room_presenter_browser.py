"""The presenter page in a real browser, in the situations a new-user review found it wrong.

A second round ("Vote again") selects its own proposal; a change `assess` (or any editor) saved to the
indicator meanwhile is shown and then replaced on purpose, never blindly and never refused forever;
"Open the first indicator" opens the first one not rated yet; the phones here now are counted before
they vote, and a phone whose page was closed drops off. Playwright drives Debian's `chromium` (see
tests/support/room_browser.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.editing.rating_edits import RatingEdit
from coalition_cli.web import app as web_app
from coalition_cli.web.guard import Limits
from tests.support.room import ASSESSMENT, Served, serve, vote, write_assessment
from tests.support.room_browser import CHROMIUM, PROJECTOR, browser, phone_page, projector_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)"),
]

SLOW_LOOKS = Limits(file_check_seconds=600.0)
"""The server does not look at the file on its own: the page stays as it was until something happens."""


def _pressed(page: object) -> list[str]:
    buttons = page.locator("#agree-stages button")  # type: ignore[attr-defined]
    return [
        buttons.nth(n).inner_text()
        for n in range(buttons.count())
        if buttons.nth(n).get_attribute("aria-pressed") == "true"
    ]


def _presenter_on(chromium: Browser, room: Served, indicator: str) -> Page:
    """The presenter page on the projector, voting opened on `indicator` from the list."""
    presenter = projector_page(chromium)
    presenter.goto(room.server.links.presenter)
    presenter.locator("nav button").filter(has_text=indicator).click()
    presenter.get_by_text("Voting open").wait_for()
    return presenter


def _saved_elsewhere(path: Path, indicator: str, **change: object) -> None:
    """What `coalition assess` does when the facilitator answers there: the safe editor's save."""
    AssessmentFile(path).apply(RatingEdit(indicator, **change))  # type: ignore[arg-type]


def test_each_reveal_selects_the_proposal_it_shows_unless_the_facilitator_picked_one_in_that_round(
    tmp_path: Path,
) -> None:
    path = write_assessment(tmp_path)
    with serve(path) as room, browser() as chromium:
        presenter = _presenter_on(chromium, room, "C2.4")
        first, second, third = room.participant(), room.participant(), room.participant()
        vote(first, "C2.4", 1)
        presenter.locator("#count").filter(has_text="1").wait_for()
        presenter.keyboard.press("r")
        presenter.get_by_text("Proposed: 1 Emerging").wait_for()
        assert _pressed(presenter) == ["1 Emerging"]

        presenter.get_by_role("button", name="Vote again").click()  # the review's steps
        presenter.get_by_text("Voting open").wait_for()
        vote(second, "C2.4", 3)
        vote(third, "C2.4", 3)
        presenter.locator("#count").filter(has_text="3").wait_for()
        presenter.keyboard.press("r")
        presenter.get_by_text("Proposed: 3 Advancing").wait_for()
        assert _pressed(presenter) == ["3 Advancing"]  # not round 1's 1 Emerging

        presenter.get_by_role(
            "button", name="4 Transforming", exact=True
        ).click()  # picked by hand in round 2 …
        laptop = room.presenter()
        laptop.post("/api/f/agree", json={"indicator": "C1.2", "stage": 2})  # news: the page renders again
        presenter.locator("nav button").filter(has_text="C1.2").locator(".saved").wait_for()
        assert _pressed(presenter) == ["4 Transforming"]  # … stays picked while the round lasts …
        presenter.get_by_role("button", name="Vote again").click()
        presenter.get_by_text("Voting open").wait_for()
        presenter.keyboard.press("r")
        presenter.get_by_text("Result shown").wait_for()
        assert _pressed(presenter) == ["3 Advancing"]  # … and is not carried into round 3

        presenter.get_by_role("button", name="2 Developing", exact=True).click()
        presenter.get_by_role("button", name="Save to the assessment").click()
        presenter.get_by_text("Saved: C2.4 is 2 Developing in the assessment.").wait_for()
    assert AssessmentFile(path).stage("C2.4") == 2


def test_a_change_saved_elsewhere_is_shown_within_seconds_and_saving_replaces_it(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    with serve(path) as room, browser() as chromium:
        presenter = _presenter_on(chromium, room, "C1.2")
        _saved_elsewhere(path, "C1.2", stage=2, evidence="Two working groups meet monthly.")
        entry = presenter.locator("nav button").filter(has_text="C1.2")
        entry.locator(".saved").filter(has_text="✓2").wait_for(timeout=5_000)  # the list follows the file
        vote(room.participant(), "C1.2", 3)
        presenter.keyboard.press("r")
        presenter.get_by_text("(the assessment says 2 Developing)", exact=False).wait_for()
        assert presenter.get_by_label("Evidence").input_value() == "Two working groups meet monthly."
        assert _pressed(presenter) == ["3 Advancing"]
        presenter.get_by_role("button", name="Save to the assessment").click()
        presenter.get_by_text("Saved: C1.2 is 3 Advancing in the assessment.").wait_for()
    saved = AssessmentFile(path).rating("C1.2")
    assert saved is not None and saved.evidence == "Two working groups meet monthly."
    assert AssessmentFile(path).stage("C1.2") == 3


async def _not_looking(room: object) -> None:
    """The server's look at the file while the presenter page waits for news, left out."""


def test_a_change_the_facilitator_has_not_seen_is_never_overwritten_and_a_second_save_replaces_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_assessment(tmp_path)
    with serve(path, limits=SLOW_LOOKS) as room, browser() as chromium:
        presenter = _presenter_on(chromium, room, "C1.1 Executive")
        vote(room.participant(), "C1.1", 3)
        presenter.keyboard.press("r")
        presenter.get_by_text("(the assessment says 1 Emerging)", exact=False).wait_for()
        # The other editor saves between two of the server's looks, before Save: the page's next
        # request for news, free to look first, could otherwise show the change, leaving nothing to ask.
        monkeypatch.setattr(web_app, "_look", _not_looking)
        _saved_elsewhere(path, "C1.1", stage=2)  # the page still shows 1: nobody has seen this 2
        before = path.read_bytes()
        presenter.get_by_role("button", name="Save to the assessment").click()
        presenter.get_by_text(
            "C1.1 was changed in the assessment meanwhile (now 2 Developing, from the assess session or "
            "another editor). Check the stage below and press Save again to replace it."
        ).wait_for()
        monkeypatch.undo()
        assert path.read_bytes() == before  # nothing was overwritten
        presenter.get_by_text("(the assessment says 2 Developing)", exact=False).wait_for()
        assert "look at the file" not in presenter.locator("body").inner_text()
        entry = presenter.locator("nav button").filter(has_text="C1.1 Executive")
        assert entry.locator(".saved").inner_text() == "✓2"
        assert _pressed(presenter) == ["3 Advancing"]  # the room's proposal is still the one selected
        presenter.get_by_role("button", name="Save to the assessment").click()
        presenter.get_by_text("Saved: C1.1 is 3 Advancing in the assessment.").wait_for()
    assert AssessmentFile(path).stage("C1.1") == 3


def test_open_the_first_indicator_opens_the_first_not_rated_yet(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)  # C1.1 is rated, C1.2 is not
    with serve(path) as room, browser() as chromium:
        presenter = projector_page(chromium)
        presenter.goto(room.server.links.presenter)
        button = presenter.get_by_role(
            "button", name="Open the first indicator not rated yet: C1.2 Operational Working Groups"
        )
        legend = presenter.locator("nav .legend").inner_text()
        assert legend.startswith("Beside each indicator: its votes so far, and ✓ with the stage saved")
        assert presenter.locator("nav button").filter(has_text="C1.1").locator(".saved").inner_text() == "✓1"
        button.click()
        presenter.get_by_role("heading", name="C1.2 Operational Working Groups").wait_for()
        assert room.session.state.current == "C1.2"


def test_phones_here_are_counted_before_they_vote(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    with serve(path) as room, browser() as chromium:
        presenter = projector_page(chromium)
        presenter.goto(room.server.links.presenter)
        presenter.locator("#phones").filter(has_text="No phone has joined yet").wait_for()
        phone = phone_page(chromium)
        phone.goto(room.server.links.join)
        phone.get_by_role("button", name="I'd rather not say").click()
        presenter.locator("#phones").filter(has_text="1 phone here now").wait_for()
        others = [room.participant() for _ in range(2)]
        for other in others:  # what the page does as soon as it is open: ask for the state
            assert other.get("/api/p/state", params={"seen": -1}).status_code == 200
        presenter.locator("#phones").filter(has_text="3 phones here now").wait_for()
        assert room.session.state.devices == {}  # nobody voted: counted all the same
        presenter.locator("nav button").filter(has_text="C2.1").click()
        presenter.get_by_text("Voting open").wait_for()
        presenter.get_by_text("of 3 phones have voted").wait_for()
        vote(others[0], "C2.1", 2)
        vote(others[1], "C2.1", 3)
        presenter.locator("#count").filter(has_text="2").wait_for()
        assert presenter.locator("#count-label").inner_text() == "of 3 phones have voted"
        assert presenter.locator("#phones").inner_text() == "3 phones here now"


def _two_phones_here(chromium: Browser, room: Served) -> tuple[Page, list[Page]]:
    """The presenter's page, and two phones that joined (and chose no group), counted as here."""
    presenter = projector_page(chromium)
    presenter.goto(room.server.links.presenter)
    phones = [phone_page(chromium) for _ in range(2)]
    for phone in phones:
        phone.goto(room.server.links.join)
        phone.get_by_role("button", name="I'd rather not say").click()
    presenter.locator("#phones").filter(has_text="2 phones here now").wait_for()
    return presenter, phones


def test_a_phone_whose_page_was_closed_is_no_longer_counted_as_here(tmp_path: Path) -> None:
    """The phone's page keeps asking the server for news; closed, it stops, and within the window
    (3 s here, 45 s in a room) the header says so: the facilitator sees who can still vote."""
    quick = Limits(poll_seconds=1.0, here_seconds=3.0)
    with serve(write_assessment(tmp_path), quick) as room, browser() as chromium:
        presenter, phones = _two_phones_here(chromium, room)
        presenter.wait_for_timeout(4000)  # longer than the window: open pages keep asking, so both stay
        assert presenter.locator("#phones").inner_text() == "2 phones here now"
        phones[1].context.close()  # the tab closed, the phone walked out
        presenter.locator("#phones").filter(has_text="1 phone here now (2 joined in all)").wait_for()
        presenter.locator("nav button").filter(has_text="C2.1").click()
        presenter.get_by_text("Voting open").wait_for()
        assert presenter.locator("#count-label").inner_text() == "of 1 phone has voted"
        phones[0].get_by_role("heading", name="C2.1 Shared Vision for Student Success").wait_for()


@pytest.mark.parametrize("how", ["closed", "navigated away"])
def test_a_page_that_closes_says_so_and_drops_from_the_count_at_once(tmp_path: Path, how: str) -> None:
    """A page that goes tells the server as it goes: the count drops in seconds, not once the window
    (a minute here, as in a room) has passed; the phone coming back is counted again."""
    slow = Limits(poll_seconds=20.0, here_seconds=60.0)
    with serve(write_assessment(tmp_path), slow) as room, browser() as chromium:
        presenter, phones = _two_phones_here(chromium, room)
        if how == "closed":
            phones[1].close()
        else:
            phones[1].goto("about:blank")
        presenter.locator("#phones").filter(has_text="1 phone here now (2 joined in all)").wait_for(
            timeout=10_000
        )
        if how == "navigated away":
            phones[1].goto(room.server.links.join)  # back: the same phone, counted again
            presenter.locator("#phones").filter(has_text="2 phones here now").wait_for(timeout=10_000)


def test_the_presenter_says_the_room_is_closed_and_carries_on_when_it_starts_again(tmp_path: Path) -> None:
    """Ctrl-C in the terminal: the projector says so instead of "retrying" forever."""
    path = write_assessment(tmp_path)
    with browser() as chromium:
        with serve(path) as room:
            port = room.server.port
            presenter = projector_page(chromium)
            presenter.goto(room.server.links.presenter)
            presenter.locator("nav button").filter(has_text="C1.1").wait_for()
        closed = presenter.get_by_text("The room is closed. Every vote and every saved stage is kept.")
        closed.wait_for(timeout=10_000)  # told by the stopping server
        assert presenter.locator("#offline code").inner_text() == f"coalition room spring.yaml --port {port}"
        presenter.wait_for_timeout(3000)
        assert closed.is_visible() and not presenter.get_by_text("retrying").is_visible()
        assert not presenter.get_by_text("not answering").is_visible()
        with serve(path, port=port):
            # at once, not after the restarted room's first long wait for news (22 s, beside 30 s)
            closed.wait_for(state="hidden", timeout=12_000)


RATED_HERE_AND_THERE = ASSESSMENT + "".join(
    f"  {indicator}:\n    stage: 2\n" for indicator in ("C1.3", "C1.4", "C7.1")
)
"""C1.1, C1.3, C1.4 and C7.1 rated in the file; C1.2 and the rest not."""


def _all_rated(framework_ids: list[str]) -> str:
    return (
        ASSESSMENT.split("ratings:")[0]
        + "ratings:\n"
        + "".join(f"  {indicator}:\n    stage: 2\n" for indicator in framework_ids)
    )


def test_next_opens_the_next_indicator_not_rated_in_the_file_and_says_when_none_is_left(
    tmp_path: Path,
) -> None:
    """Rated in the file counts (saved by `assess` or last term), not only agreed in this room; after
    the last indicator it comes round to the start; with none left it says so and opens nothing."""
    path = write_assessment(tmp_path, RATED_HERE_AND_THERE)
    with serve(path, SLOW_LOOKS) as room, browser() as chromium:
        presenter = _presenter_on(chromium, room, "C1.2 Operational")
        presenter.get_by_role("button", name="Next indicator →").click()
        presenter.get_by_role("heading", name="C2.1 Shared Vision for Student Success").wait_for()
        presenter.locator("nav button").filter(has_text="C6.3").click()
        # C2.1's voting was open too: wait for C6.3 itself before the key, or "n" goes on from C2.1
        presenter.get_by_role("heading", name="C6.3 WBL Continuous Improvement").wait_for()
        presenter.get_by_text("Voting open").wait_for()
        presenter.keyboard.press("n")  # C7.1 is rated: the key skips it as the button does
        presenter.get_by_role("heading", name="C7.2 Shared Messaging").wait_for()
        presenter.keyboard.press("n")  # the last one: round to the first not rated, C1.2
        presenter.get_by_role("heading", name="C1.2 Operational Working Groups").wait_for()
    ids = [indicator.id for indicator in room.session.framework.indicators]
    done = write_assessment(tmp_path, _all_rated([i for i in ids if i != "C5.2"]), name="done.yaml")
    with serve(done, SLOW_LOOKS) as room, browser() as chromium:
        presenter = projector_page(chromium)
        presenter.goto(room.server.links.presenter)
        presenter.get_by_role(
            "button", name="Open the first indicator not rated yet: C5.2 Instructional Coherence"
        ).click()
        presenter.get_by_role("heading", name="C5.2 Instructional Coherence").wait_for()
        presenter.get_by_role("button", name="Next indicator →").click()
        presenter.get_by_text(
            "Every other indicator is rated in the assessment. To rate one again, open it from the list."
        ).wait_for()
        assert room.session.state.current == "C5.2"  # nothing opened, nothing came round
        vote(room.participant(), "C5.2", 3)
        presenter.keyboard.press("r")
        presenter.get_by_role("button", name="Save to the assessment").click()
        presenter.get_by_text("Saved: C5.2 is 3 Advancing in the assessment.").wait_for()
        presenter.keyboard.press("n")
        presenter.get_by_text(
            "Every indicator is rated in the assessment. To rate one again, open it from the list."
        ).wait_for()
        assert room.session.state.current == "C5.2"


def test_the_presenter_page_says_when_phones_cannot_reach_the_join_link(tmp_path: Path) -> None:
    """Started without --lan, the join link and its code lead to this laptop alone: the projected
    page says so (a room that scans it would reach nothing), and how to let phones in."""
    path = write_assessment(tmp_path)
    with serve(path) as room, browser() as chromium:
        presenter = projector_page(chromium)
        presenter.goto(room.server.links.presenter)
        note = presenter.locator("#laptop-only")
        note.wait_for()
        assert note.is_visible()
        assert "Phones cannot join yet" in note.inner_text()
        assert "start it again with --lan" in note.inner_text()
    from coalition_cli.web.pages import Pages

    on_the_wifi = Pages().presenter(
        "http://192.168.1.20:8765/j/TOKEN",
        "HTTP://192.168.1.20:8765/J/TOKEN",
        "coalition room spring.yaml --lan",
    )
    assert b"laptop-only" not in on_the_wifi.body


def _in_view(locator: object, height: int) -> bool:
    box = locator.bounding_box()  # type: ignore[attr-defined]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


@pytest.mark.parametrize(
    ("width", "height", "zoom"),
    [(853, 480, 1.5), (819, 614, 1.25)],
    ids=["1280x720 laptop at 150%", "1024x768 projector at 125%"],
)
def test_a_narrow_presenter_page_shows_the_open_indicator_and_its_result_first(
    tmp_path: Path, width: int, height: int, zoom: float
) -> None:
    """Narrower than 900 CSS pixels the list of indicators no longer fits beside the result: it comes
    after it, and opening an indicator (from the list, or with N) or revealing it brings it into view."""
    path = write_assessment(tmp_path)
    with serve(path) as room, browser() as chromium:
        context = chromium.new_context(viewport={"width": width, "height": height}, device_scale_factor=zoom)
        context.set_default_timeout(15_000)
        presenter = context.new_page()
        presenter.goto(room.server.links.presenter)
        presenter.locator("nav button").filter(has_text="C2.4").click()  # far down the list: scrolled to
        title = presenter.get_by_role("heading", name="C2.4", exact=False)
        title.wait_for()
        presenter.wait_for_timeout(200)
        assert _in_view(title, height)
        assert _in_view(presenter.locator("#count"), height)
        vote(room.participant(), "C2.4", 2)
        presenter.locator("#count").filter(has_text="1").wait_for()
        presenter.keyboard.press("r")
        proposal = presenter.get_by_text("Proposed: 2 Developing", exact=False)
        proposal.wait_for()
        presenter.wait_for_timeout(200)
        assert _in_view(proposal, height)
        save = presenter.get_by_role("button", name="Save to the assessment").bounding_box()
        assert save is not None and save["y"] < 2 * height  # the next screen at most, not three down
        nav = presenter.locator("nav").bounding_box()
        assert nav is not None and save["y"] < nav["y"]  # the list comes after the result
        presenter.get_by_role("button", name="Save to the assessment").click()
        presenter.get_by_text("Saved: C2.4 is 2 Developing in the assessment.").wait_for()
        presenter.keyboard.press("n")
        following = presenter.get_by_role("heading", name="C3.1", exact=False)
        following.wait_for()
        presenter.wait_for_timeout(200)
        assert _in_view(following, height)


def test_moving_on_from_a_result_not_saved_asks_first(tmp_path: Path) -> None:
    """After the reveal, N, "Next indicator" or a click in the list would leave the agreed stage unsaved
    and the evidence typed for it off the screen: the page asks (save it / move on without saving /
    stay), and moves on without asking once it is saved."""
    path = write_assessment(tmp_path, RATED_HERE_AND_THERE)  # C1.2 not rated; C1.3, C1.4 rated 2
    with serve(path, SLOW_LOOKS) as room, browser() as chromium:
        presenter = _presenter_on(chromium, room, "C1.2 Operational")
        vote(room.participant(), "C1.2", 2)
        presenter.locator("#count").filter(has_text="1").wait_for()
        presenter.keyboard.press("r")
        presenter.get_by_text("Proposed: 2 Developing", exact=False).wait_for()
        presenter.get_by_label("Evidence").fill("Two working groups meet monthly.")
        question = presenter.get_by_role("dialog")

        presenter.locator("body").click(position={"x": 5, "y": 5})  # the typing box no longer has the keys
        presenter.keyboard.press("n")
        question.get_by_text("C1.2's stage is not saved yet").wait_for()
        assert "the stage 2 Developing and the evidence typed here" in question.inner_text()
        question.get_by_role("button", name="Stay on C1.2").click()
        question.wait_for(state="hidden")
        presenter.wait_for_timeout(300)
        assert room.session.state.current == "C1.2"
        assert presenter.get_by_label("Evidence").input_value() == "Two working groups meet monthly."

        presenter.locator("nav button").filter(has_text="C2.1").click()
        question.get_by_role("button", name="Save 2 Developing").click()
        presenter.get_by_role("heading", name="C2.1 Shared Vision for Student Success").wait_for()
        saved = AssessmentFile(path).rating("C1.2")
        assert saved is not None and saved.stage == 2 and saved.evidence == "Two working groups meet monthly."

        vote(room.participant(), "C2.1", 3)
        presenter.locator("#count").filter(has_text="1").wait_for()
        presenter.keyboard.press("r")
        presenter.get_by_text("Proposed: 3 Advancing", exact=False).wait_for()
        presenter.get_by_role("button", name="Next indicator →").click()
        question.get_by_role("button", name="Move on without saving").click()
        presenter.get_by_role("heading", name="C2.2", exact=False).wait_for()
        assert AssessmentFile(path).stage("C2.1") is None

        vote(room.participant(), "C2.2", 1)
        presenter.locator("#count").filter(has_text="1").wait_for()
        presenter.keyboard.press("r")
        presenter.get_by_role("button", name="Save to the assessment").click()
        presenter.get_by_text("Saved: C2.2 is 1 Emerging in the assessment.").wait_for()
        presenter.keyboard.press("n")  # saved: nothing to ask
        presenter.get_by_role("heading", name="C2.3", exact=False).wait_for()
        assert not question.is_visible()


def test_once_the_room_is_closed_the_header_counts_who_took_part_not_who_is_here(tmp_path: Path) -> None:
    """Ctrl-C: no phone is "here now" any more; the header says how many joined and how many voted,
    as the terminal does ("2 phones joined, 1 voted"), where it said "took part" of phones that only
    opened the link."""
    path = write_assessment(tmp_path)
    with browser() as chromium:
        with serve(path) as room:
            presenter, phones = _two_phones_here(chromium, room)
            room.presenter().post("/api/f/open", json={"indicator": "C1.2"})
            phones[0].get_by_text("3 · Advancing").click()
            phones[0].get_by_role("button", name="Send: 3 Advancing").click()
            phones[0].get_by_role("button", name="Saved ✓").wait_for()
        presenter.get_by_text("The room is closed. Every vote and every saved stage is kept.").wait_for(
            timeout=10_000
        )
        assert presenter.locator("#phones").inner_text() == "Closed · 2 phones joined, 1 voted"


def test_on_a_720_pixel_projector_what_people_said_starts_on_the_first_screen(tmp_path: Path) -> None:
    """At 1280×720 after a reveal, the sentences the phones sent (and their Use buttons, which put one
    into the evidence) begin above the fold: the facilitator reads them out without scrolling the
    projected page."""
    path = write_assessment(tmp_path)
    with serve(path) as room, browser() as chromium:
        presenter = _presenter_on(chromium, room, "C2.3")
        sentences = ["We only share volunteer roles.", "Parents are not asked to lead anything."]
        for stage, sentence in zip((1, 2, 3, 4, None), [*sentences, "", "", ""], strict=True):
            vote(room.participant(), "C2.3", stage, evidence=sentence)
        presenter.locator("#count").filter(has_text="5").wait_for()
        presenter.keyboard.press("r")
        first = presenter.get_by_text(sentences[0], exact=False)
        first.wait_for()
        presenter.wait_for_timeout(200)
        height = PROJECTOR["height"]
        assert _in_view(presenter.get_by_role("heading", name="What people said"), height)
        assert _in_view(first, height)
        assert _in_view(presenter.get_by_role("button", name="Save to the assessment"), height)


def test_a_presenter_whose_room_server_died_names_the_command_to_run_and_carries_on(tmp_path: Path) -> None:
    """`kill -9`, a crash or a laptop that slept: the projected page says what to run in the terminal
    (the same command, with the port its links use), stops counting phones "here now" as if it knew,
    and its buttons wait; the room started again, the page carries on by itself."""
    from tests.support.room import RoomProcess

    path = write_assessment(tmp_path)
    room = RoomProcess(path)
    try:
        port = room.base.rsplit(":", 1)[1]
        room.client("Presenter").post("/api/f/open", json={"indicator": "C1.1"})
        with browser() as chromium:
            presenter = projector_page(chromium)
            presenter.goto(room.links["Presenter"])
            presenter.get_by_text("Voting open").wait_for()
            room.kill()
            banner = presenter.locator("#offline")
            banner.get_by_text("start it again there with the same command").wait_for(timeout=30_000)
            assert banner.locator("code").inner_text() == f"coalition room spring.yaml --port {port}"
            assert "here now" not in presenter.locator("#phones").inner_text()
            assert presenter.locator("#phones").inner_text() == "Not in touch with the room server"
            assert presenter.get_by_role("button", name="Reveal the result").is_disabled()
            assert presenter.locator("nav button").first.is_disabled()
            presenter.keyboard.press("r")  # the keys wait too: nothing is tried
            assert "Could not reach" not in presenter.locator("#action-message").inner_text()

            room = RoomProcess(path, "--port", port)
            banner.wait_for(state="hidden", timeout=30_000)
            presenter.locator("#phones").filter(has_text="no phone has joined yet").wait_for()
            assert presenter.get_by_role("button", name="Reveal the result").is_enabled()
            presenter.get_by_role("button", name="Reveal the result").click()
            presenter.get_by_text("Result shown").wait_for()
    finally:
        room.kill()


def test_next_onto_an_indicator_with_earlier_votes_asks_before_opening_it_again(tmp_path: Path) -> None:
    """N opens the next indicator not rated in the file, which may be one the room voted on earlier
    (its result not saved): opening it again is asked, in the page, as a click in the list asks."""
    with serve(write_assessment(tmp_path), SLOW_LOOKS) as room, browser() as chromium:
        presenter = _presenter_on(chromium, room, "C1.2 Operational")
        vote(room.participant(), "C1.2", 2)
        presenter.locator("#count").filter(has_text="1").wait_for()
        presenter.get_by_role("button", name="Close voting").click()
        presenter.get_by_text("Voting closed").wait_for()
        presenter.locator("nav button").filter(
            has_text="C1.1 Executive"
        ).click()  # rated, no votes: no question
        presenter.get_by_role("heading", name="C1.1 Executive Leadership").wait_for()
        question = presenter.get_by_role("dialog")
        assert not question.is_visible()

        presenter.keyboard.press("n")  # the next not rated yet: C1.2, voted on before
        question.get_by_text("Open C1.2 Operational Working Groups again?").wait_for()
        assert "Its 1 vote stays" in question.inner_text()
        question.get_by_role("button", name="Stay on C1.1").click()
        question.wait_for(state="hidden")
        presenter.wait_for_timeout(300)
        assert room.session.state.current == "C1.1"

        presenter.get_by_role("button", name="Next indicator →").click()
        question.get_by_role("button", name="Open C1.2 again").click()
        presenter.get_by_role("heading", name="C1.2 Operational Working Groups").wait_for()
        presenter.get_by_text("Voting open").wait_for()
        assert room.session.state.current == "C1.2" and room.session.state.accepting


def test_a_screen_reader_hears_which_sentence_each_use_button_takes_and_what_the_numbers_are(
    tmp_path: Path,
) -> None:
    """Every "Use" button was named "Use", and the list read "C1.1 Executive Leadership 3 ✓1" with
    the numbers unexplained: each button now says which sentence it takes, and the list's numbers
    are said in words. (And a stage nobody chose draws no bar.)"""
    with serve(write_assessment(tmp_path)) as room, browser() as chromium:
        presenter = _presenter_on(chromium, room, "C1.1 Executive")
        long = "We meet every quarter with the superintendent, the college and two employers " * 2
        for stage, sentence in ((1, "We only meet when asked."), (2, long.strip()), (2, "")):
            vote(room.participant(), "C1.1", stage, evidence=sentence or None)
        presenter.locator("#count").filter(has_text="3").wait_for()
        presenter.keyboard.press("r")
        presenter.get_by_text("Result shown").wait_for()
        short = presenter.get_by_role(
            "button", name="Use this sentence: “We only meet when asked.”", exact=True
        )
        assert short.is_visible() and short.inner_text() == "Use"
        clipped = presenter.get_by_role(
            "button", name="Use this sentence: “We meet every quarter", exact=False
        )
        assert clipped.count() == 1
        assert clipped.get_attribute("aria-label").endswith("…”")  # type: ignore[union-attr]
        short.click()
        assert "We only meet when asked." in presenter.get_by_label("Evidence").input_value()
        bars = presenter.locator("#bars .row")  # a stage nobody chose draws no bar, not a thin one
        drawn = {
            bars.nth(n).locator(".label").inner_text(): bars.nth(n).locator(".fill").is_visible()
            for n in range(bars.count())
        }
        assert drawn == {
            "1 Emerging": True,
            "2 Developing": True,
            "3 Advancing": False,
            "4 Transforming": False,
            "Don't know": False,
        }
        item = presenter.get_by_role(
            "button", name="C1.1 Executive Leadership, 3 votes, in the assessment: 1 Emerging", exact=True
        )
        assert item.is_visible()
        assert " ".join(item.inner_text().split()) == "C1.1 Executive Leadership 3 ✓1"  # on screen as before
