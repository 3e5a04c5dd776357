"""The participant's phone at the edges of a session: what was not sent, a mistyped link, the room closing,
large text and small targets.

Playwright drives Debian's `chromium` at a phone's viewport (see tests/support/room_browser.py);
skipped where there is none. The join-link checks need no browser.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from coalition_cli.core.room.tokens import secrets_path
from coalition_cli.web.guard import Limits
from tests.support.room import RoomProcess, Served, serve, write_assessment
from tests.support.room_browser import CHROMIUM, browser, horizontal_overflow, phone_page

pytestmark = pytest.mark.slow
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)"
)

JOIN = "2I6FOOZUYUB5QIRL7O3XKM4ADI"
"""A join token with both an O and an I in it, as a person would read it off the projector."""


def _with_known_links(folder: Path) -> Path:
    path = write_assessment(folder)
    secrets = {"join": JOIN, "facilitator": "F" * 26, "device_key": "ab" * 32}
    secrets_path(path).write_text(json.dumps(secrets), encoding="utf-8")
    return path


def _joined(room: Served, page: Any, group: str = "I'd rather not say") -> None:
    _joined_to(room, page, "C1.1 Executive Leadership", group)


def _joined_to(room: Served, page: Any, heading: str, group: str = "I'd rather not say") -> None:
    page.goto(room.server.links.join)
    page.get_by_role("button", name=group).click()
    page.get_by_role("heading", name=heading).wait_for()


@dataclass
class Voting:
    room: Served
    presenter: httpx.Client
    chromium: Any
    phone: Any


@contextlib.contextmanager
def _voting_on_c11(folder: Path, group: str = "I'd rather not say", **viewport: int) -> Iterator[Voting]:
    """A room voting on C1.1 and a phone (390×844 unless told) that joined it."""
    with serve(write_assessment(folder)) as room, browser() as chromium:
        presenter = room.presenter()
        presenter.post("/api/f/open", json={"indicator": "C1.1"})
        phone = phone_page(chromium, **viewport)
        _joined(room, phone, group)
        yield Voting(room, presenter, chromium, phone)


def _status(page: Any) -> str:
    return str(page.locator("#status").inner_text())


# --- a mistyped join link --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        JOIN.replace("O", "0"),
        JOIN.replace("I", "1"),
        JOIN.replace("O", "0").replace("I", "1").lower(),
        JOIN.lower(),
    ],
)
def test_a_join_link_typed_with_0_for_o_or_1_for_i_still_joins(tmp_path: Path, typed: str) -> None:
    with serve(_with_known_links(tmp_path)) as room, httpx.Client(base_url=room.base, timeout=10) as client:
        response = client.get(f"/j/{typed}")
        assert response.status_code == 200, response.text
        assert "Who do you speak for?" in response.text
        assert "room_device" in response.cookies  # joined: this phone can vote
        assert client.get("/api/p/state", params={"seen": -1}).status_code == 200


MISTYPED = [
    "/j/",
    "/j",
    "/J/",
    "/j/" + JOIN[:-1],  # a character short
    "/j/" + JOIN + "X",  # a character too many
    "/j/" + JOIN[:-1] + "8",  # a character the code never has
    "/j/" + JOIN + "/",
    "/j/" + JOIN[:10] + " " + JOIN[10:],
    "/j/" + JOIN[:13] + "/" + JOIN[13:],
]


@pytest.mark.parametrize("path", MISTYPED)
def test_a_mistyped_join_link_gets_a_page_that_says_so(tmp_path: Path, path: str) -> None:
    with serve(_with_known_links(tmp_path)) as room, httpx.Client(base_url=room.base, timeout=10) as client:
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")
        assert "<h1>This link does not work</h1>" in response.text
        assert "mistyped or cut short" in response.text
        assert "26 letters and digits" in response.text
        assert JOIN not in response.text and "Riverside" not in response.text


def test_another_sessions_link_and_an_unknown_page_get_pages_and_the_scripts_get_json(tmp_path: Path) -> None:
    with serve(_with_known_links(tmp_path)) as room, httpx.Client(base_url=room.base, timeout=10) as client:
        other = client.get("/j/" + "A" * 26)
        assert other.status_code == 404 and other.headers["content-type"].startswith("text/html")
        assert "It may be from another session." in other.text
        for path in ("/jj/" + JOIN, "/join", "/index.html"):
            page = client.get(path)
            assert page.status_code == 404 and page.headers["content-type"].startswith("text/html"), path
            assert "<h1>This link does not work</h1>" in page.text
            assert "Scan the code on the screen to join" in page.text
        api = client.get("/api/p/nothing")
        assert api.status_code == 404 and api.json() == {"error": "not found"}


@needs_chromium
def test_the_mistyped_link_page_reads_on_a_phone(tmp_path: Path) -> None:
    with serve(_with_known_links(tmp_path)) as room, browser() as chromium:
        phone = phone_page(chromium)
        phone.goto(f"{room.base}/j/")
        heading = phone.get_by_role("heading", name="This link does not work")
        assert heading.is_visible()
        assert phone.get_by_text("mistyped or cut short", exact=False).is_visible()
        widths = horizontal_overflow(phone)
        assert widths["document"] <= widths["viewport"]
        font = phone.evaluate("() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
        assert font >= 17


# --- unsent changes ------------------------------------------------------------------------------------


@needs_chromium
def test_a_sentence_not_sent_when_voting_closes_is_said_to_be_not_sent(tmp_path: Path) -> None:
    with _voting_on_c11(tmp_path) as voting:
        room, presenter, phone = voting.room, voting.presenter, voting.phone
        phone.get_by_text("1 · Emerging").click()
        phone.get_by_role("button", name="Send: 1 Emerging").click()
        phone.get_by_text("Saved ✓ You chose 1 Emerging.").wait_for()

        sentence = "We meet monthly but the charter is not signed."
        phone.get_by_label("Why? One sentence of evidence").fill(sentence)
        assert _status(phone) == (  # no longer "Saved"
            "Not sent yet: press Send to change your vote. The room has your vote: 1 Emerging."
        )
        assert phone.get_by_role("button", name="Send: 1 Emerging").is_enabled()

        presenter.post("/api/f/close", json={})
        phone.get_by_text("Voting on this indicator is closed.").wait_for()
        assert _status(phone) == (
            "Your last change was not sent: voting closed before you pressed Send. "
            "The room has your earlier vote: 1 Emerging."
        )
        assert "Saved" not in _status(phone)
        assert phone.get_by_label("Why? One sentence of evidence").input_value() == sentence  # kept on screen
        assert [b.evidence for b in room.session.state.ballots_on("C1.1")] == [None]


@needs_chromium
def test_a_stage_tapped_but_not_sent_when_the_room_moves_on_is_said_to_be_not_sent(tmp_path: Path) -> None:
    with _voting_on_c11(tmp_path) as voting:
        room, presenter, phone = voting.room, voting.presenter, voting.phone
        phone.get_by_text("3 · Advancing").click()
        assert _status(phone) == "Not sent yet: press Send."
        phone.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")  # down by the Send button

        presenter.post("/api/f/open", json={"indicator": "C1.2"})
        phone.get_by_role("heading", name="C1.2 Operational Working Groups").wait_for()
        notice = phone.get_by_role("alert").filter(has_text="was not sent")
        assert notice.inner_text() == (
            "Your last change on C1.1 Executive Leadership was not sent: voting on it ended before you pressed Send."
        )
        box = notice.bounding_box()
        # the new question starts at its top, with the notice in view
        assert box is not None and 0 <= box["y"] < 844 / 2
        assert room.session.state.ballots_on("C1.1") == []

        phone.get_by_text("2 · Developing").click()  # the notice stays until the next vote is sent
        assert notice.is_visible()
        phone.get_by_role("button", name="Send: 2 Developing").click()
        phone.get_by_text("Saved ✓ You chose 2 Developing.").wait_for()
        assert not notice.is_visible()

        presenter.post("/api/f/open", json={"indicator": "C1.3"})  # nothing unsent: nothing said
        phone.get_by_role("heading", name="C1.3 Work-based Learning Leadership").wait_for()
        assert not phone.locator("#unsent").is_visible()


# --- the room closing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "state", "seen"), [("Join", "/api/p/state", "phase"), ("Presenter", "/api/f/state", "version")]
)
def test_ctrl_c_answers_the_waiting_pages_that_the_session_ended(
    tmp_path: Path, link: str, state: str, seen: str
) -> None:
    """Phones and the presenter alike are told the room closed, instead of retrying forever."""
    room = RoomProcess(write_assessment(tmp_path))
    try:
        page = room.client(link)
        first = page.get(state, params={"seen": -1}).json()
        assert first["ended"] is False
        with ThreadPoolExecutor(1) as pool:
            waiting = pool.submit(page.get, state, params={"seen": first[seen]})
            time.sleep(1.0)  # the page is waiting for news
            room.interrupt()
            answer = waiting.result(timeout=15)
        assert answer.status_code == 200 and answer.json()["ended"] is True
    finally:
        room.kill()


@needs_chromium
def test_a_phone_whose_room_vanished_says_to_keep_the_page_open_and_carries_on_when_it_is_back(
    tmp_path: Path,
) -> None:
    """A crash or a closed lid says nothing: after ~15 s of failed tries the phone stops saying
    "Reconnecting", and says to keep the page open (never that the session ended: the room may be
    started again, and a page closed then is a voice lost). Its banner covers nothing. The room
    started again, the page carries on by itself."""
    path = write_assessment(tmp_path)
    room = RoomProcess(path)
    try:
        room.client("Presenter").post("/api/f/open", json={"indicator": "C1.1"})
        with browser() as chromium:
            phone = phone_page(chromium)
            phone.goto(room.links["Join"])
            phone.get_by_role("button", name="Parent, student, and advocacy groups").click()
            phone.get_by_role("heading", name="C1.1 Executive Leadership").wait_for()
            room.kill()
            banner = phone.locator("#offline").filter(has_text="Reconnecting…")
            banner.wait_for(timeout=15_000)
            assert banner.inner_text() == "Reconnecting…"  # no vote on C1.1: no rating to keep
            lost = phone.get_by_text(
                "Lost touch with the room. Keep this page open: it carries on by itself, and your votes "
                "are kept. If the meeting is over, you can close it."
            )
            lost.wait_for(timeout=40_000)
            assert not phone.get_by_text("Reconnecting…").is_visible()
            assert "ended" not in phone.locator("#offline").inner_text()
            speaking = phone.get_by_text("Speaking for: Parent, student, and advocacy groups").bounding_box()
            shown = phone.locator("#offline").bounding_box()
            assert speaking is not None and shown is not None
            assert speaking["y"] >= shown["y"] + shown["height"]  # below the banner, not under it
            port = room.base.rsplit(":", 1)[1]
            room = RoomProcess(path, "--port", port)  # the same command: the same links
            lost.wait_for(state="hidden", timeout=30_000)
            phone.get_by_text("1 · Emerging").click()
            phone.get_by_role("button", name="Send: 1 Emerging").click()
            phone.get_by_role("button", name="Saved ✓").wait_for()
    finally:
        room.kill()


# --- readability and tap targets ------------------------------------------------------------------------


def _luminance(css: str) -> float:
    channels = [int(value) / 255 for value in re.findall(r"\d+", css)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(page: Any, selector: str) -> float:
    colors = page.evaluate(
        "(s) => { const c = getComputedStyle(document.querySelector(s)); return [c.color, c.backgroundColor]; }",
        selector,
    )
    lighter, darker = sorted((_luminance(colors[0]), _luminance(colors[1])), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@needs_chromium
def test_the_disabled_send_button_is_readable_and_the_change_link_is_a_thumb_target(tmp_path: Path) -> None:
    with _voting_on_c11(tmp_path, "Parent, student, and advocacy groups") as voting:
        phone = voting.phone
        send = phone.get_by_role("button", name="Choose a stage above")
        assert send.is_disabled()
        assert _contrast(phone, "#send") >= 4.5
        change = phone.get_by_role("button", name="Change")
        box = change.bounding_box()
        assert box is not None and box["height"] >= 44 and box["width"] >= 44
        voting.presenter.post("/api/f/close", json={})
        phone.get_by_role("button", name="Voting is closed").wait_for()
        assert _contrast(phone, "#send") >= 4.5
        assert phone.locator("#status").bounding_box()["height"] == 0  # type: ignore[index]  # empty: no blank row


@needs_chromium
def test_at_200_percent_text_the_send_bar_does_not_cover_the_screen(tmp_path: Path) -> None:
    """195×422 CSS pixels: what a 390×844 phone shows at 200% zoom."""
    with _voting_on_c11(tmp_path, width=195, height=422) as voting:
        phone = voting.phone
        covered = phone.evaluate(
            "() => [...document.querySelectorAll('body *')]"
            ".filter((e) => ['fixed', 'sticky'].includes(getComputedStyle(e).position) && e.offsetHeight > 0)"
            ".reduce((sum, e) => sum + e.getBoundingClientRect().height, 0)"
        )
        assert covered <= 422 * 0.15, covered
        phone.get_by_text("Don't know").click()
        send = phone.get_by_role("button", name="Send: don't know")
        send.scroll_into_view_if_needed()
        send.click()
        phone.get_by_text("Saved ✓ You chose don't know.").wait_for()
        widths = horizontal_overflow(phone)
        assert widths["document"] <= widths["viewport"]
        tall = phone_page(voting.chromium)  # at 390×844 the bar stays at hand, at the bottom
        _joined(voting.room, tall)
        assert (
            tall.evaluate("() => getComputedStyle(document.querySelector('.send-bar')).position") == "fixed"
        )


# --- Send in reach on a short screen ------------------------------------------------------------------

_IN_VIEW = """([name, enabled]) => {
  for (const button of document.querySelectorAll('button')) {
    if (button.textContent.trim() !== name || (enabled && button.disabled)) continue;
    const box = button.getBoundingClientRect();
    if (box.height === 0 || box.top < 0 || box.bottom > window.innerHeight) continue;
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const hit = document.elementFromPoint(x, y);
    if (hit && button.contains(hit)) return {x, y, top: box.top, height: box.height};
  }
  return null;
}"""


def _button_in_view(page: Any, name: str, *, enabled: bool = True) -> dict[str, float]:
    """A button named `name` on screen now, not covered by anything (waits up to 5 s)."""
    found = page.wait_for_function(_IN_VIEW, arg=[name, enabled], timeout=5_000).json_value()
    assert isinstance(found, dict)
    return found


@needs_chromium
@pytest.mark.parametrize(
    ("width", "height", "font"),
    [(390, 844, None), (320, 568, None), (390, 844, 32), (195, 422, None)],
    ids=["390x844", "320x568", "large-text", "200%-zoom"],
)
def test_after_tapping_a_stage_send_is_on_screen_at_every_size(
    tmp_path: Path, width: int, height: int, font: int | None
) -> None:
    """On a short screen the Send bar follows the form, screens below the stage just tapped (about 8
    screens with the browser's text at 32 px): a one-line Send button waits at the bottom of the
    screen instead, until the form's own is in view, and says "Saved ✓" once pressed."""
    with serve(write_assessment(tmp_path)) as room, browser() as chromium:
        room.presenter().post("/api/f/open", json={"indicator": "C3.1"})  # the longest descriptors
        phone = phone_page(chromium, width=width, height=height)
        if font is not None:  # a phone set to very large text: the browser's default size
            cdp = phone.context.new_cdp_session(phone)
            cdp.send("Page.setFontSizes", {"fontSizes": {"standard": font, "fixed": font}})
        phone.goto(room.server.links.join)
        phone.get_by_role("button", name="I'd rather not say").click()
        phone.get_by_role("heading", name="C3.1 Student Success, Access and Equity").wait_for()
        phone.get_by_text("2 · Developing").click()
        send = _button_in_view(phone, "Send: 2 Developing")
        assert send["height"] <= max(0.15 * height, 60), send  # one line, not a third of the screen
        phone.mouse.click(send["x"], send["y"])
        _button_in_view(phone, "Saved ✓", enabled=False)
        assert [ballot.stage for ballot in room.session.state.ballots_on("C3.1")] == [2]
        widths = horizontal_overflow(phone)
        assert widths["document"] <= widths["viewport"]
        if (width, height, font) == (390, 844, None):  # a tall phone: the form's own bar, fixed as before
            assert phone.evaluate("() => getComputedStyle(document.querySelector('.send-bar')).position") == (
                "fixed"
            )


def _slow(page: Any, latency_ms: int) -> None:
    """A slow connection: every request and answer takes `latency_ms` more."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": latency_ms, "downloadThroughput": -1, "uploadThroughput": -1},
    )


@needs_chromium
def test_a_stage_changed_while_the_vote_is_on_its_way_is_not_said_to_be_saved(tmp_path: Path) -> None:
    """On a slow connection: Send 1, then tap 4 while it says "Sending…". When the answer comes, the
    room has 1: the phone says 4 is not sent yet (never "Saved ✓ You chose 1" beside a chosen 4),
    and keeps the sentence typed meanwhile."""
    with _voting_on_c11(tmp_path) as voting:
        room, phone = voting.room, voting.phone
        _slow(phone, 2000)
        phone.get_by_text("1 · Emerging").click()
        phone.get_by_role("button", name="Send: 1 Emerging").click()
        phone.get_by_role("button", name="Sending…").wait_for()
        phone.get_by_text("4 · Transforming").click()  # the cards stay open while sending
        assert _status(phone) == "Sending 1 Emerging… This new choice is not sent yet."
        phone.get_by_label("Why? One sentence of evidence").fill("Typed while it was sending.")
        phone.get_by_role("button", name="Send: 4 Transforming").wait_for(timeout=15_000)
        assert [ballot.stage for ballot in room.session.state.ballots_on("C1.1")] == [1]
        assert _status(phone) == (
            "Not sent yet: press Send to change your vote. The room has your vote: 1 Emerging."
        )
        assert (
            phone.get_by_label("Why? One sentence of evidence").input_value() == "Typed while it was sending."
        )
        phone.get_by_role("button", name="Send: 4 Transforming").click()
        phone.get_by_role("button", name="Saved ✓").wait_for(timeout=15_000)
        assert _status(phone).startswith("Saved ✓ You chose 4 Transforming.")
        assert [ballot.evidence for ballot in room.session.state.ballots_on("C1.1")] == [
            "Typed while it was sending."
        ]


def _checked(page: Any) -> list[str]:
    return list(
        page.locator("input[name=stage]:checked").evaluate_all("(inputs) => inputs.map((i) => i.value)")
    )


@needs_chromium
def test_a_second_tab_of_the_same_phone_shows_the_vote_sent_from_the_other(tmp_path: Path) -> None:
    """The camera opened the link again in a new tab: a vote sent there is shown in the first tab
    within seconds ("in another tab"), instead of "Saved ✓" with the old stage; a change being made
    in the first tab is kept, and said not to be sent."""
    with _voting_on_c11(tmp_path) as voting:
        room, tab_a = voting.room, voting.phone
        tab_a.get_by_text("2 · Developing").click()
        tab_a.get_by_role("button", name="Send: 2 Developing").click()
        tab_a.get_by_text("Saved ✓ You chose 2 Developing.").wait_for()

        tab_b = tab_a.context.new_page()
        tab_b.goto(room.server.links.join)
        tab_b.get_by_role("heading", name="C1.1 Executive Leadership").wait_for()  # its group remembered
        assert _checked(tab_b) == ["2"]
        tab_b.get_by_text("1 · Emerging").click()
        tab_b.get_by_label("Why? One sentence of evidence").fill("Sent from the second tab.")
        tab_b.get_by_role("button", name="Send: 1 Emerging").click()
        tab_b.get_by_text("Saved ✓ You chose 1 Emerging.").wait_for()

        tab_a.get_by_text("Saved ✓ You chose 1 Emerging in another tab.").wait_for(timeout=5_000)
        assert _checked(tab_a) == ["1"]
        assert (
            tab_a.get_by_label("Why? One sentence of evidence").input_value() == "Sent from the second tab."
        )
        assert tab_a.get_by_role("button", name="Saved ✓").is_disabled()

        tab_a.get_by_text("3 · Advancing").click()  # a change of its own, not sent yet
        tab_b.get_by_text("4 · Transforming").click()
        tab_b.get_by_role("button", name="Send: 4 Transforming").click()
        tab_b.get_by_role("button", name="Saved ✓").wait_for()
        tab_a.get_by_text("The room has your vote: 4 Transforming.").wait_for(timeout=5_000)
        assert (
            _status(tab_a)
            == "Not sent yet: press Send to change your vote. The room has your vote: 4 Transforming."
        )
        assert _checked(tab_a) == ["3"]
        assert [ballot.stage for ballot in room.session.state.ballots_on("C1.1")] == [4]
        assert len(room.session.state.devices) == 1  # one phone, one vote


@needs_chromium
@pytest.mark.parametrize("arrives", ["in time", "too late"])
def test_a_vote_answered_after_the_room_moved_on_says_whether_it_counts(tmp_path: Path, arrives: str) -> None:
    """Send pressed, then the facilitator opens the next indicator before the answer comes back (a
    slow phone): the phone never says the vote was not sent "before you pressed Send"; it says it is
    on its way, then whether it counts, and which vote the room has."""
    with _voting_on_c11(tmp_path) as voting:
        room, presenter, phone = voting.room, voting.presenter, voting.phone
        phone.get_by_text("1 · Emerging").click()
        phone.get_by_role("button", name="Send: 1 Emerging").click()
        phone.get_by_role("button", name="Saved ✓").wait_for()
        held: list[Any] = []
        phone.route(
            "**/api/p/vote", lambda route: held.append(route)
        )  # the answer (and, for now, the vote) held up on the way
        phone.get_by_text("2 · Developing").click()
        phone.get_by_role("button", name="Send: 2 Developing").click()
        for _ in range(100):
            if held:
                break
            phone.wait_for_timeout(50)
        assert held, "the vote was not sent"
        answer = held[0].fetch() if arrives == "in time" else None  # it reaches the laptop before N
        presenter.post("/api/f/open", json={"indicator": "C1.2"})
        phone.get_by_role("heading", name="C1.2 Operational Working Groups").wait_for()
        notice = phone.locator("#unsent")
        assert notice.inner_text() == "Your vote on C1.1 Executive Leadership is on its way…"
        held[0].fulfill(response=answer if answer is not None else held[0].fetch())
        if arrives == "in time":
            phone.get_by_text(
                "Your vote on C1.1 Executive Leadership arrived in time: 2 Developing counts."
            ).wait_for()
            assert [ballot.stage for ballot in room.session.state.ballots_on("C1.1")] == [2]
        else:
            phone.get_by_text(
                "Your vote on C1.1 Executive Leadership arrived after voting on it ended, so it was not "
                "counted. The room has your earlier vote: 1 Emerging."
            ).wait_for()
            assert [ballot.stage for ballot in room.session.state.ballots_on("C1.1")] == [1]
        assert "before you pressed Send" not in notice.inner_text()


@needs_chromium
def test_a_reload_before_send_keeps_the_chosen_stage_and_the_sentence(tmp_path: Path) -> None:
    """A phone that reloads the page (or drops it from memory) before Send gets its choice back, still
    "Not sent yet"; once sent, a reload shows the vote the room has and nothing else."""
    with _voting_on_c11(tmp_path) as voting:
        room, phone = voting.room, voting.phone
        phone.get_by_text("2 · Developing").click()
        phone.get_by_label("Why? One sentence of evidence").fill("Half typed sentence about the")
        phone.reload()
        phone.get_by_role("heading", name="C1.1 Executive Leadership").wait_for()
        assert _checked(phone) == ["2"]
        assert (
            phone.get_by_label("Why? One sentence of evidence").input_value()
            == "Half typed sentence about the"
        )
        assert _status(phone) == "Not sent yet: press Send."
        phone.get_by_role("button", name="Send: 2 Developing").click()
        phone.get_by_role("button", name="Saved ✓").wait_for()
        phone.reload()
        phone.get_by_role("heading", name="C1.1 Executive Leadership").wait_for()
        phone.get_by_role("button", name="Saved ✓").wait_for()
        assert _checked(phone) == ["2"]
        voting.presenter.post("/api/f/open", json={"indicator": "C1.2"})  # another question: nothing kept
        phone.get_by_role("heading", name="C1.2 Operational Working Groups").wait_for()
        phone.get_by_text("3 · Advancing").click()
        voting.presenter.post("/api/f/open", json={"indicator": "C1.3"})
        phone.get_by_role("heading", name="C1.3 Work-based Learning Leadership").wait_for()
        phone.reload()
        phone.get_by_role("heading", name="C1.3 Work-based Learning Leadership").wait_for()
        assert _checked(phone) == []
        assert [ballot.evidence for ballot in room.session.state.ballots_on("C1.1")] == [
            "Half typed sentence about the"
        ]


@needs_chromium
def test_back_online_is_said_soon_after_the_connection_returns_and_never_while_offline(
    tmp_path: Path,
) -> None:
    """After a while offline the page waits up to 10 s between tries: the connection coming back
    (the browser's `online`) tries at once, and "Back online" is never said while the browser
    knows it is offline."""
    with serve(write_assessment(tmp_path), Limits(poll_seconds=1.0)) as room, browser() as chromium:
        room.presenter().post("/api/f/open", json={"indicator": "C1.2"})
        phone = phone_page(chromium)
        _joined_to(room, phone, "C1.2 Operational Working Groups")
        phone.context.set_offline(True)
        phone.get_by_text("2 · Developing").click()
        phone.get_by_role("button", name="Send: 2 Developing").click()
        phone.get_by_text("Not sent: check the Wi-Fi, then press Send again.").wait_for()
        for _ in range(24):  # 12 s offline: the tries are spaced out by now
            phone.wait_for_timeout(500)
            assert "Back online" not in _status(phone)
        phone.context.set_offline(False)
        started = time.monotonic()
        phone.get_by_text("Back online: press Send.").wait_for(timeout=10_000)
        assert time.monotonic() - started < 3
        phone.get_by_role("button", name="Send: 2 Developing").click()
        phone.get_by_role("button", name="Saved ✓").wait_for()
