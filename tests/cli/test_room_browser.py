"""The room in a real browser: a phone at 390×844 joins and votes, the presenter reveals and saves.

Playwright drives Debian's `chromium` (see tests/support/room_browser.py); skipped where there is none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coalition_cli.web.guard import Limits
from tests.support.room import Served, serve, vote, write_assessment
from tests.support.room_browser import (
    CHROMIUM,
    browser,
    horizontal_overflow,
    phone_page,
    projector_page,
    requests_outside,
    vote_from,
    words_split,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)"),
]
HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> & "quoted"'


def _no_sideways_scrolling(page: object, what: str) -> None:
    widths = horizontal_overflow(page)  # type: ignore[arg-type]
    assert widths["document"] <= widths["viewport"], (what, widths)
    assert widths["body"] <= widths["viewport"], (what, widths)


def test_a_phone_joins_and_votes_and_the_presenter_shows_and_saves_the_result(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    with serve(path) as room, browser() as chromium:
        presenter = projector_page(chromium)
        outside = requests_outside(presenter, room.base)
        presenter.goto(room.server.links.presenter)
        assert presenter.url == f"{room.base}/present"  # the token left the address bar
        presenter.locator("nav button").filter(has_text="C1.1 Executive Leadership").click()  # rated already
        presenter.get_by_text("Voting open").wait_for()

        phone = phone_page(chromium)
        outside += requests_outside(phone, room.base)
        phone.goto(room.server.links.join)
        phone.get_by_role("heading", name="Who do you speak for?").wait_for()
        _no_sideways_scrolling(phone, "choosing a group")
        phone.get_by_role("button", name="Parent, student, and advocacy groups").click()
        phone.get_by_role("heading", name="C1.1 Executive Leadership").wait_for()
        assert phone.get_by_text("Speaking for: Parent, student, and advocacy groups").is_visible()
        _no_sideways_scrolling(phone, "the stages")
        send = phone.get_by_role("button", name="Choose a stage above")
        assert send.is_disabled()
        phone.get_by_text("2 · Developing").click()
        phone.get_by_label("Why? One sentence of evidence").fill(HOSTILE)
        phone.get_by_role("button", name="Send: 2 Developing").click()
        phone.get_by_text("Saved ✓ You chose 2 Developing.").wait_for()
        assert phone.get_by_role("button", name="Saved ✓").is_disabled()  # nothing new to send
        phone.get_by_label("Why? One sentence of evidence").fill(HOSTILE + " (changed)")
        phone.get_by_role("button", name="Send: 2 Developing").click()  # a change of mind replaces it
        phone.get_by_role("button", name="Saved ✓").wait_for()

        presenter.locator("#count").filter(has_text="1").wait_for()
        vote(room.participant(), "C1.1", 4, group="corporations", evidence="Our CEO chairs it.")
        for group in ("parent-student-advocacy", "parent-student-advocacy", "labor-unions", "labor-unions"):
            vote(room.participant(), "C1.1", 2, group=group)  # three parents: their group is shown
        presenter.locator("#count").filter(has_text="6").wait_for()
        presenter.get_by_role("button", name="Reveal the result").click()
        presenter.get_by_text("Result shown").wait_for()
        phone.get_by_text("Voting on this indicator is closed.").wait_for()
        _no_sideways_scrolling(phone, "voting closed")

        presenter.get_by_text("Discuss first: raters 2 or more stages apart (spread 2).").wait_for()
        assert presenter.get_by_text("Proposed: 2 Developing").is_visible()
        assert presenter.locator("#groups").get_by_text("Parent, student, and advocacy groups").is_visible()
        assert presenter.locator("#groups").get_by_text("Corporations").count() == 0  # one, and two unions:
        assert presenter.locator("#groups").get_by_text("Smaller groups together").is_visible()
        employer = presenter.locator("#evidence li").filter(has_text="Our CEO chairs it.")
        assert "Corporations" not in employer.inner_text()  # the only employer: not named by group
        assert presenter.get_by_text(f"“{HOSTILE} (changed)”").is_visible()  # shown as the text it is
        assert presenter.evaluate("() => window.__pwned") is None
        assert phone.evaluate("() => window.__pwned") is None
        _no_sideways_scrolling(presenter, "the presenter's result")

        assert (
            presenter.get_by_role("button", name="2 Developing", exact=True).get_attribute("aria-pressed")
            == "true"
        )
        presenter.locator("#evidence li").filter(has_text="Our CEO chairs it.").get_by_role(
            "button", name="Use"
        ).click()
        assert "Our CEO chairs it." in presenter.get_by_label("Evidence").input_value()
        presenter.get_by_role("button", name="Save to the assessment").click()
        presenter.get_by_text("Saved: C1.1 is 2 Developing in the assessment.").wait_for()
        assert outside == []
    assert room.session.file.stage("C1.1") == 2
    rating = room.session.file.rating("C1.1")
    assert rating is not None and rating.evidence is not None and "Our CEO chairs it." in rating.evidence


@pytest.mark.parametrize("width", [320, 360, 390])
def test_the_participant_page_needs_no_sideways_scrolling(tmp_path: Path, width: int) -> None:
    """On narrow phones too, with the longest indicator name and descriptors of the rubric."""
    with serve(write_assessment(tmp_path)) as room, browser() as chromium:
        room.presenter().post("/api/f/open", json={"indicator": "C3.1"})
        phone = phone_page(chromium, width=width)
        phone.goto(room.server.links.join)
        phone.get_by_role("button", name="I'd rather not say").click()
        phone.get_by_role("heading", name="C3.1 Student Success, Access and Equity").wait_for()
        assert phone.locator("#spelled-out").is_hidden()  # C3.1 uses no abbreviation
        phone.get_by_text("Don't know").click()
        shot = phone.screenshot(full_page=True)
        assert shot.startswith(b"\x89PNG")
        _no_sideways_scrolling(phone, f"{width} px")
        send = phone.get_by_role("button", name="Send: don't know")
        box = send.bounding_box()
        assert box is not None and box["height"] >= 44 and box["width"] >= width - 40  # a thumb-sized target
        font = phone.evaluate(
            "() => parseFloat(getComputedStyle(document.querySelector('.descriptor p')).fontSize)"
        )
        assert font >= 17  # readable without zooming


@pytest.mark.parametrize("size", [(390, 844), (320, 640)], ids=["390x844", "320x640"])
@pytest.mark.parametrize("text", ["150%", "200%"])
def test_large_text_on_a_phone_keeps_words_whole_and_the_send_bar_small(
    tmp_path: Path, size: tuple[int, int], text: str
) -> None:
    """Android's text size at 150% or 200% (the page's root text larger): the stage descriptors keep
    the card's width (the indents do not grow with the text), no word that fits on a line is cut
    in two ("Developi/ng"), and the Send bar does not cover a third of the screen or more."""
    width, height = size
    with serve(write_assessment(tmp_path)) as room, browser() as chromium:
        room.presenter().post("/api/f/open", json={"indicator": "C3.1"})  # the longest descriptors
        phone = phone_page(chromium, width=width, height=height)
        phone.goto(room.server.links.join)
        phone.evaluate(f"() => {{ document.documentElement.style.fontSize = '{text}'; }}")
        phone.get_by_role("button", name="I'd rather not say").click()
        phone.get_by_role("heading", name="C3.1 Student Success, Access and Equity").wait_for()
        phone.locator(".stage").filter(has_text="Developing").click()
        _no_sideways_scrolling(phone, f"{width} px, text {text}")
        cut = [w for w in words_split(phone) if w["width"] <= w["line"]]
        assert cut == [], cut  # only a word longer than a whole line may be split
        descriptor = phone.locator(".descriptor").first.bounding_box()
        assert descriptor is not None and descriptor["width"] >= 0.8 * width, descriptor
        bar = phone.locator(".send-bar")
        fixed = bar.evaluate("(node) => getComputedStyle(node).position") == "fixed"
        box = bar.bounding_box()
        assert box is not None
        assert not fixed or box["height"] <= 0.25 * height, (box, height)
        phone.get_by_role("button", name="Send: 2 Developing").click()
        phone.get_by_role("button", name="Saved ✓").wait_for()


def _served_presenter_page(room: Served) -> None:
    room.presenter().post("/api/f/open", json={"indicator": "C6.2"})


def test_the_presenter_page_reads_from_the_back_of_the_room(tmp_path: Path) -> None:
    with serve(write_assessment(tmp_path)) as room, browser() as chromium:
        _served_presenter_page(room)
        presenter = projector_page(chromium)
        presenter.goto(room.server.links.presenter)
        presenter.get_by_role("heading", name="C6.2 Employer Engagement").wait_for()
        assert presenter.locator("#spelled-out").inner_text() == "WBL: work-based learning"
        phone = phone_page(chromium, width=360)
        phone.goto(room.server.links.join)
        phone.get_by_role("button", name="I'd rather not say").click()
        phone.get_by_role("heading", name="C6.2 Employer Engagement").wait_for()
        assert phone.locator("#spelled-out").inner_text() == "WBL: work-based learning"
        assert phone.locator("#spelled-out").is_visible()
        _no_sideways_scrolling(presenter, "presenter")
        count = presenter.evaluate(
            "() => parseFloat(getComputedStyle(document.getElementById('count')).fontSize)"
        )
        title = presenter.evaluate(
            "() => parseFloat(getComputedStyle(document.querySelector('.title')).fontSize)"
        )
        assert count >= 48 and title >= 30
        presenter.keyboard.press("r")  # keys work for the facilitator at the laptop
        presenter.get_by_text("Result shown").wait_for()
        presenter.keyboard.press("n")
        presenter.get_by_role("heading", name="C6.3 WBL Continuous Improvement").wait_for()


def test_a_phone_rides_out_a_restart_of_the_server(tmp_path: Path) -> None:
    """The room is closed (Ctrl-C) and started again: the page says the room is closed, then carries on."""
    path = write_assessment(tmp_path)
    with browser() as chromium:
        with serve(path) as room:
            port = room.server.port
            room.presenter().post("/api/f/open", json={"indicator": "C1.1"})
            phone = phone_page(chromium)
            vote_from(phone, room.server.links.join, "3 · Advancing")
            phone.get_by_label("Why? One sentence of evidence").fill("Typed as the room closed.")
        ended = phone.get_by_text(
            "The room is closed. Thank you! Every vote you sent is kept. "
            "If the facilitator opens it again, this page carries on by itself."
        )
        ended.wait_for(timeout=10_000)  # told by the stopping server, not guessed after failed tries
        assert phone.get_by_role("button", name="Voting is closed").is_disabled()
        assert phone.locator("#status").inner_text() == (
            "Your last change was not sent: the room closed before you pressed Send. "
            "The room has your earlier vote: 3 Advancing."
        )
        phone.wait_for_timeout(3000)
        assert ended.is_visible() and not phone.get_by_text("Reconnecting…").is_visible()
        with serve(path, port=port) as again:
            ended.wait_for(state="hidden", timeout=30_000)
            phone.get_by_role("button", name="Send: 3 Advancing").click()  # open again, the sentence kept
            phone.get_by_role("button", name="Saved ✓").wait_for()
            again.presenter().post("/api/f/open", json={"indicator": "C1.2"})
            phone.get_by_role("heading", name="C1.2 Operational Working Groups").wait_for()
            phone.get_by_text("1 · Emerging").click()
            phone.get_by_role("button", name="Send: 1 Emerging").click()
            phone.get_by_role("button", name="Saved ✓").wait_for()
            assert [b.stage for b in again.session.state.ballots_on("C1.1")] == [3]
            assert [b.stage for b in again.session.state.ballots_on("C1.2")] == [1]
            assert len(again.session.state.devices) == 1  # the same phone, not a new one


def test_the_presenter_keeps_the_result_in_view_remembers_the_code_hidden_and_asks_before_reopening(
    tmp_path: Path,
) -> None:
    """At 1280×720: after the reveal, "discuss first", the proposal and the Save button are on screen
    (the join code steps aside); "Hide the join code" survives a reload; a click on an indicator
    already voted on asks before it reopens voting."""
    path = write_assessment(tmp_path)
    with serve(path) as room, browser() as chromium:
        presenter = projector_page(chromium)
        presenter.goto(room.server.links.presenter)
        presenter.locator("nav button").filter(has_text="C1.1 Executive Leadership").click()  # rated already
        presenter.get_by_text("Voting open").wait_for()
        for stage, group in ((1, "corporations"), (3, "k12-education"), (4, None)):
            vote(room.participant(), "C1.1", stage, group=group, evidence="Said in the room.")
        presenter.locator("#count").filter(has_text="3").wait_for()
        assert presenter.locator("#join").is_visible()
        presenter.get_by_role("button", name="Reveal the result").click()
        presenter.get_by_text("Result shown").wait_for()

        def in_view(locator: object) -> bool:
            box = locator.bounding_box()  # type: ignore[attr-defined]
            return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 720

        assert not presenter.locator("#join").is_visible()  # stepped aside for the result
        assert in_view(presenter.get_by_text("Discuss first", exact=False))
        assert in_view(presenter.get_by_text("Proposed:", exact=False))
        assert in_view(presenter.get_by_role("button", name="Save to the assessment"))

        presenter.get_by_role("button", name="Next indicator →").click()
        presenter.get_by_role("button", name="Move on without saving").click()  # the result is not saved
        presenter.get_by_role("heading", name="C1.2 Operational Working Groups").wait_for()
        presenter.get_by_role("button", name="Hide the join code").click()
        presenter.reload()
        presenter.get_by_role("heading", name="C1.2 Operational Working Groups").wait_for()
        assert not presenter.locator("#join").is_visible()
        assert presenter.get_by_role("button", name="Show the join code").is_visible()

        asked: list[str] = []
        presenter.on("dialog", lambda dialog: asked.append(dialog.message))  # a browser's own box: none
        presenter.locator("nav button").filter(has_text="C1.1 Executive Leadership").click()
        question = presenter.get_by_role("dialog")  # in the page, as "not saved yet" is
        question.get_by_text("Open C1.1 Executive Leadership again?").wait_for()
        assert "Its 3 votes stay" in question.inner_text()
        question.get_by_role("button", name="Stay on C1.2").click()
        question.wait_for(state="hidden")
        presenter.wait_for_timeout(300)
        assert room.session.state.current == "C1.2"  # stayed: nothing reopened
        assert asked == []


def test_vote_again_tells_a_phone_that_voted_it_can_change_its_vote(tmp_path: Path) -> None:
    """ "Vote again" after the reveal: a phone that voted says voting is open again and gives back the
    stages and Send, instead of only "Saved ✓ You chose 1 Emerging."."""
    with serve(write_assessment(tmp_path)) as room, browser() as chromium:
        presenter = room.presenter()
        presenter.post("/api/f/open", json={"indicator": "C1.2"})
        phone = phone_page(chromium)
        vote_from(phone, room.server.links.join, "1 · Emerging")
        presenter.post("/api/f/reveal", json={})
        phone.get_by_text("Voting on this indicator is closed.").wait_for()
        presenter.post("/api/f/open", json={"indicator": "C1.2"})  # what "Vote again" does
        notice = phone.get_by_text(
            "Voting is open again: change your vote if the discussion changed your mind."
        )
        notice.wait_for()
        assert phone.locator("#status").inner_text() == (
            "Your earlier vote counts: 1 Emerging. To change it, choose a stage and press Send."
        )
        phone.get_by_text("3 · Advancing").click()
        phone.get_by_role("button", name="Send: 3 Advancing").click()
        phone.get_by_role("button", name="Saved ✓").wait_for()
        assert not notice.is_visible()
        assert [ballot.stage for ballot in room.session.state.ballots_on("C1.2")] == [3]

        other = phone_page(chromium)  # joined after the vote: nothing to reopen for it
        other.goto(room.server.links.join)
        other.get_by_role("button", name="I'd rather not say").click()
        other.get_by_role("heading", name="C1.2 Operational Working Groups").wait_for()
        assert other.locator("#again").is_hidden()


def test_a_phone_offline_says_only_what_is_true_and_says_when_it_is_back(tmp_path: Path) -> None:
    """Offline with no vote on the indicator, "Reconnecting…" alone (no rating to keep); a Send that
    failed offline is followed, once the connection is back, by "Back online: press Send."."""
    quick = Limits(poll_seconds=1.0)
    with serve(write_assessment(tmp_path), quick) as room, browser() as chromium:
        room.presenter().post("/api/f/open", json={"indicator": "C1.2"})
        phone = phone_page(chromium)
        phone.goto(room.server.links.join)
        phone.get_by_role("button", name="I'd rather not say").click()
        phone.get_by_role("heading", name="C1.2 Operational Working Groups").wait_for()
        banner = phone.locator("#offline")
        phone.context.set_offline(True)
        banner.wait_for(timeout=10_000)
        assert banner.inner_text() == "Reconnecting…"
        phone.get_by_text("2 · Developing").click()
        phone.get_by_role("button", name="Send: 2 Developing").click()
        phone.get_by_text("Not sent: check the Wi-Fi, then press Send again.").wait_for()
        phone.context.set_offline(False)
        phone.get_by_text("Back online: press Send.").wait_for(timeout=10_000)
        banner.wait_for(state="hidden")
        phone.get_by_role("button", name="Send: 2 Developing").click()
        phone.get_by_role("button", name="Saved ✓").wait_for()
        phone.context.set_offline(True)
        banner.wait_for(timeout=10_000)
        assert banner.inner_text() == "Reconnecting… your rating is kept."  # now there is one
        phone.context.set_offline(False)
        banner.wait_for(state="hidden", timeout=10_000)
    assert [ballot.stage for ballot in room.session.state.ballots_on("C1.2")] == [2]
