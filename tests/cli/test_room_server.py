"""`coalition room`'s server, driven over HTTP on 127.0.0.1: many phones at once, exact counts, agreed stages.

The server is the real one (Starlette under uvicorn, in a thread of this process, on a free port);
the phones and the presenter are httpx clients. Every load is bounded in count and time.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from ruamel.yaml import YAML

from coalition_cli.core.loading.frameworks import load_framework
from coalition_cli.core.room.journal import journal_path, read_journal
from coalition_cli.core.room.records import Vote
from coalition_cli.core.room.state import RoomState
from coalition_cli.core.room.tally import RoomWatch, guide_groups
from coalition_cli.web.guard import Limits
from tests.support.custom_rubric import write_rubric
from tests.support.room import Served, serve, vote, write_assessment

pytestmark = pytest.mark.slow

GROUPS = [*guide_groups(), None]
INDICATORS = ["C1.1", "C2.3", "C4.2", "C7.1"]
PHONES = 40


def _choices(phone: int, round_: int) -> list[int | None]:
    """What one phone sends on one indicator: a first vote, and for every third phone a change of mind."""
    first: int | None = (phone + round_) % 4 + 1 if phone % 7 else None  # every seventh: don't know
    votes = [first]
    if phone % 3 == 0:
        votes.append((phone * 5 + round_) % 4 + 1)
    return votes


def test_forty_phones_vote_at_once_on_several_indicators_and_every_count_is_exact(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    with serve(path) as room:
        presenter = room.presenter()
        phones = [room.participant() for _ in range(PHONES)]
        expected: dict[str, dict[int, int | None]] = {}
        accepted = 0
        for round_, indicator in enumerate(INDICATORS):
            assert presenter.post("/api/f/open", json={"indicator": indicator}).status_code == 200

            def act(phone: int, indicator: str = indicator, round_: int = round_) -> list[int]:
                group = GROUPS[phone % len(GROUPS)]
                return [
                    vote(phones[phone], indicator, stage, group=group, evidence=f"phone {phone}").status_code
                    for stage in _choices(phone, round_)
                ]

            with ThreadPoolExecutor(max_workers=20) as pool:
                statuses = [status for result in pool.map(act, range(PHONES)) for status in result]
            assert statuses == [200] * len(statuses)
            accepted += len(statuses)
            expected[indicator] = {phone: _choices(phone, round_)[-1] for phone in range(PHONES)}

            live = presenter.get("/api/f/state", params={"seen": -1}).json()
            assert live["current"]["voted"] == PHONES
            assert live["current"]["result"] is None  # nothing shown before the reveal
            assert presenter.post("/api/f/reveal", json={}).status_code == 200
            result = presenter.get("/api/f/state", params={"seen": -1}).json()["current"]["result"]
            finals = list(expected[indicator].values())
            assert result["voted"] == PHONES
            assert result["dont_know"] == finals.count(None)
            assert [row["count"] for row in result["by_stage"]] == [
                finals.count(stage) for stage in (1, 2, 3, 4)
            ]
            by_group = {row["name"]: row["voted"] for row in result["by_group"]}
            assert sum(by_group.values()) == PHONES
            given = sorted(stage for stage in finals if stage is not None)
            assert result["proposed"] == given[(len(given) - 1) // 2]
            assert result["spread"] == given[-1] - given[0]
            assert len(result["evidence"]) == PHONES

        state = presenter.get("/api/f/state", params={"seen": -1}).json()
        assert (state["here"], state["joined"]) == (PHONES, PHONES)  # each voted just now: here, and joined
        assert {item["id"]: item["voted"] for item in state["indicators"] if item["voted"]} == dict.fromkeys(
            INDICATORS, PHONES
        )

    # the journal holds every accepted vote once, and replays to the same counts
    records = read_journal(journal_path(path))
    assert sum(isinstance(record, Vote) for record in records) == accepted
    replayed = RoomState(load_framework("community-framework"), guide_groups()).apply_all(records)
    for indicator, finals in expected.items():
        ballots = replayed.ballots_on(indicator)
        assert len(ballots) == PHONES
        assert sorted((b.stage or 0) for b in ballots) == sorted((s or 0) for s in finals.values())


def test_a_later_vote_replaces_the_earlier_one(tmp_path: Path) -> None:
    with serve(write_assessment(tmp_path)) as room:
        presenter, phone = room.presenter(), room.participant()
        presenter.post("/api/f/open", json={"indicator": "C1.1"})
        for stage in (1, 4, 2):
            assert vote(phone, "C1.1", stage).status_code == 200
        mine = phone.get("/api/p/state", params={"seen": -1}).json()["mine"]
        assert mine == {"stage": 2, "group": None, "evidence": None}
        presenter.post("/api/f/reveal", json={})
        result = presenter.get("/api/f/state", params={"seen": -1}).json()["current"]["result"]
        assert result["voted"] == 1
        assert [row["count"] for row in result["by_stage"]] == [0, 1, 0, 0]


def test_votes_racing_the_close_are_either_counted_or_refused_never_lost(tmp_path: Path) -> None:
    with serve(write_assessment(tmp_path)) as room:
        presenter = room.presenter()
        phones = [room.participant() for _ in range(30)]
        presenter.post("/api/f/open", json={"indicator": "C3.1"})

        def act(phone: int) -> int:
            if phone == 15:
                presenter.post("/api/f/close", json={})
            return vote(phones[phone], "C3.1", phone % 4 + 1).status_code

        with ThreadPoolExecutor(max_workers=15) as pool:
            statuses = list(pool.map(act, range(30)))
        assert set(statuses) <= {200, 409}
        counted = presenter.get("/api/f/state", params={"seen": -1}).json()["current"]["voted"]
        assert counted == statuses.count(200)
    votes = [r for r in read_journal(journal_path(room.session.path)) if isinstance(r, Vote)]
    assert len(votes) == statuses.count(200)


def test_a_phone_waiting_for_news_hears_of_the_next_indicator_at_once(tmp_path: Path) -> None:
    with serve(write_assessment(tmp_path)) as room:
        presenter, phone = room.presenter(), room.participant()
        phase = phone.get("/api/p/state", params={"seen": -1}).json()["phase"]
        with ThreadPoolExecutor(max_workers=1) as pool:
            started = time.monotonic()
            waiting = pool.submit(phone.get, "/api/p/state", params={"seen": phase})
            time.sleep(0.3)
            assert not waiting.done()  # it waits for news
            presenter.post("/api/f/open", json={"indicator": "C5.2"})
            news = waiting.result(timeout=10).json()
        assert time.monotonic() - started < 5
        assert news["indicator"]["id"] == "C5.2"
        assert news["open"] is True
        assert [stage["name"] for stage in news["indicator"]["stages"]] == [
            "Emerging",
            "Developing",
            "Advancing",
            "Transforming",
        ]
        assert all(stage["descriptor"] for stage in news["indicator"]["stages"])
        assert news["indicator"]["spelled_out"] == ""  # C5.2 uses no abbreviation


def test_a_phone_sees_only_its_own_vote_and_no_counts_before_the_reveal(tmp_path: Path) -> None:
    with serve(write_assessment(tmp_path)) as room:
        presenter, mine, other = room.presenter(), room.participant(), room.participant()
        presenter.post("/api/f/open", json={"indicator": "C1.1"})
        vote(other, "C1.1", 4, evidence="the other phone's reason")
        view = mine.get("/api/p/state", params={"seen": -1})
        assert view.json()["mine"] is None
        assert "other phone" not in view.text
        assert "voted" not in view.json()


def test_the_agreed_stage_is_written_to_the_assessment_with_comments_kept(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    with serve(path) as room:
        presenter = room.presenter()
        presenter.post("/api/f/open", json={"indicator": "C1.1"})
        presenter.post("/api/f/reveal", json={})
        reply = presenter.post(
            "/api/f/agree",
            json={
                "indicator": "C1.1",
                "stage": 2,
                "evidence": "Quarterly meetings since 2024; charter drafted.",
            },
        )
        assert reply.status_code == 200 and reply.json()["changed"] is True
        state = presenter.get("/api/f/state", params={"seen": -1}).json()
        assert state["current"]["file_stage"] == 2
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Spring workshop: the room rates, the facilitator saves.\n")
    assert "    stage: 2   # last term's stage, kept until the room agrees\n" in text
    assert "  C1.2:\n    stage: null\n" in text  # the rest of the file is untouched
    rating = YAML(typ="safe").load(text)["ratings"]["C1.1"]
    assert rating == {"stage": 2, "evidence": "Quarterly meetings since 2024; charter drafted."}


def test_an_agreement_never_overwrites_someone_elses_change_to_the_same_indicator(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    with serve(path) as room:
        presenter = room.presenter()
        # someone edits the file meanwhile: C1.1 (the same indicator) and C1.2 (another one)
        path.write_text(path.read_text().replace("stage: 1 ", "stage: 3 "), encoding="utf-8")
        before = path.read_bytes()
        refused = presenter.post("/api/f/agree", json={"indicator": "C1.1", "stage": 2, "evidence": None})
        assert refused.status_code == 409
        assert refused.json()["error"] == (
            "C1.1 was changed in the assessment meanwhile (now 3 Advancing, from the assess session or "
            "another editor). Check the stage below and press Save again to replace it."
        )
        assert str(tmp_path) not in refused.text
        assert path.read_bytes() == before
        path.write_text(path.read_text().replace("  C1.2:\n    stage: null", "  C1.2:\n    stage: 4"))
        merged = presenter.post("/api/f/agree", json={"indicator": "C2.1", "stage": 3})
        assert merged.status_code == 200
    text = path.read_text()
    assert "stage: 3 " in text and "  C1.2:\n    stage: 4" in text and "  C2.1:\n    stage: 3" in text


def _opened(room: Served, indicator: str) -> tuple[httpx.Client, dict[str, object]]:
    """The presenter, having opened `indicator`, and its rating as the page is shown it (`seen`, sent
    back with Save)."""
    presenter = room.presenter()
    presenter.post("/api/f/open", json={"indicator": indicator})
    seen: dict[str, object] = presenter.get("/api/f/state", params={"seen": -1}).json()["current"]["seen"]
    return presenter, seen


def test_a_change_made_elsewhere_is_taken_in_and_a_save_after_it_was_shown_replaces_it(
    tmp_path: Path,
) -> None:
    """The review's dead end: once `assess` saved C1.1, every save of C1.1 by the room was refused."""
    path = write_assessment(tmp_path)
    with serve(path) as room:
        presenter, shown = _opened(room, "C1.1")
        assert set(shown) == {"stage", "evidence"} and all(shown.values())  # fingerprints: small
        path.write_text(path.read_text().replace("stage: 1 ", "stage: 2 "), encoding="utf-8")  # `assess`
        agree = {"indicator": "C1.1", "stage": 3, "evidence": "Informal meetings only.", "seen": shown}
        for _retry in range(2):  # the page has not shown the 2 yet: refused, however often
            refused = presenter.post("/api/f/agree", json=agree)
            assert refused.status_code == 409 and "now 2 Developing" in refused.json()["error"]
        state = presenter.get("/api/f/state", params={"seen": -1}).json()
        assert state["current"]["file_stage"] == 2  # taken in: the page shows it now …
        assert next(i for i in state["indicators"] if i["id"] == "C1.1")["file_stage"] == 2  # … and the list
        saved = presenter.post("/api/f/agree", json={**agree, "seen": state["current"]["seen"]})
        assert saved.status_code == 200 and saved.json()["changed"] is True  # seen, so replaced
    assert "    stage: 3   # last term's stage" in path.read_text()


def test_a_change_to_another_part_of_the_rating_does_not_stop_the_save(tmp_path: Path) -> None:
    """`assess` added evidence (or an action) while the room was voting on the stage: both are kept."""
    path = write_assessment(tmp_path)
    with serve(path) as room:
        presenter, shown = _opened(room, "C1.2")
        path.write_text(path.read_text() + "  C3.2:\n    evidence: Said on the laptop.\n", encoding="utf-8")
        path.write_text(
            path.read_text().replace("  C1.2:\n    stage: null", "  C1.2:\n    stage: null\n    target: 3")
        )
        saved = presenter.post("/api/f/agree", json={"indicator": "C1.2", "stage": 2, "seen": shown})
        assert saved.status_code == 200
        other = presenter.post("/api/f/agree", json={"indicator": "C3.2", "stage": 1, "seen": {}})
        assert other.status_code == 200  # the evidence is not what the room replaces
    ratings = YAML(typ="safe").load(path.read_text())["ratings"]
    assert ratings["C1.2"] == {"stage": 2, "target": 3}
    assert ratings["C3.2"] == {"evidence": "Said on the laptop.", "stage": 1}


def test_an_evidence_change_the_page_has_not_shown_is_kept(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    with serve(path) as room:
        presenter, shown = _opened(room, "C1.1")
        path.write_text(path.read_text().replace("Informal meetings only.", "Monthly since May."))
        body = {"indicator": "C1.1", "stage": 1, "evidence": "Informal meetings only.", "seen": shown}
        refused = presenter.post("/api/f/agree", json=body)
        assert refused.status_code == 409
        assert refused.json()["error"] == (
            "C1.1's evidence was changed in the assessment meanwhile (now “Monthly since May.”, from the "
            "assess session or another editor). Check the evidence below and press Save again to replace it."
        )
    assert "Monthly since May." in path.read_text()


def test_the_assess_session_can_follow_the_live_count_without_touching_the_server(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    framework = load_framework("community-framework")
    watch = RoomWatch(path, framework)
    assert watch.tally("C1.1") is None  # no room session yet
    with serve(path) as room:
        presenter = room.presenter()
        phones = [room.participant() for _ in range(5)]
        presenter.post("/api/f/open", json={"indicator": "C1.1"})
        for number, phone in enumerate(phones):
            vote(phone, "C1.1", [1, 1, 2, 4, None][number])
        live = watch.tally("C1.1")
        assert live is not None
        assert (live.voted, live.dont_know, live.open, live.revealed, live.result) == (
            5,
            1,
            True,
            False,
            None,
        )
        presenter.post("/api/f/reveal", json={})
        live = watch.tally("C1.1")
        assert live is not None and live.result is not None
        assert (live.open, live.revealed, live.result.proposed, live.result.spread, live.result.flagged) == (
            False,
            True,
            1,
            3,
            True,
        )
        other = watch.tally("C2.1")
        assert other is not None and (other.voted, other.current, other.result) == (0, False, None)


def test_the_presenter_hears_of_a_vote_at_once(tmp_path: Path) -> None:
    with serve(write_assessment(tmp_path)) as room:
        presenter, phone = room.presenter(), room.participant()
        presenter.post("/api/f/open", json={"indicator": "C1.1"})
        news = presenter.get("/api/f/state", params={"seen": -1}).json()
        with ThreadPoolExecutor(max_workers=1) as pool:
            waiting = pool.submit(presenter.get, "/api/f/state", params={"seen": news["version"]})
            time.sleep(0.2)
            sent = time.monotonic()
            vote(phone, "C1.1", 3)
            news = waiting.result(timeout=10).json()
            for _ in range(5):  # other news may come first (the phone counted as here): wait for the vote's
                if news["current"]["voted"] == 1:
                    break
                news = presenter.get("/api/f/state", params={"seen": news["version"]}, timeout=10).json()
        assert time.monotonic() - sent < 2
        assert news["current"]["voted"] == 1


def test_a_phone_that_left_is_no_longer_here_and_the_waiting_presenter_hears_of_it(tmp_path: Path) -> None:
    """A phone whose page was closed asks no more: once the window has passed it is no longer counted
    as here (joined in all keeps it), and the presenter waiting for news hears of it unasked."""
    with serve(write_assessment(tmp_path), Limits(poll_seconds=30.0, here_seconds=2.0)) as room:
        presenter = room.presenter()
        staying, leaving = room.participant(), room.participant()
        presenter.post("/api/f/open", json={"indicator": "C1.2"})
        for phone in (staying, leaving):
            assert phone.get("/api/p/state", params={"seen": -1}).status_code == 200
        assert vote(leaving, "C1.2", 3).status_code == 200
        left = time.monotonic()  # the leaving phone's page is closed: it asks no more
        state = presenter.get("/api/f/state", params={"seen": -1}).json()
        assert (state["here"], state["joined"], state["phones_text"]) == (2, 2, "2 phones here now")
        stop = threading.Event()

        def keep_asking() -> None:  # what an open page does: ask again and again (bounded)
            for _ in range(100):
                if stop.wait(0.3):
                    return
                staying.get("/api/p/state", params={"seen": -1})

        with ThreadPoolExecutor(max_workers=2) as pool:
            asking = pool.submit(keep_asking)
            waiting = pool.submit(presenter.get, "/api/f/state", params={"seen": state["version"]})
            news = waiting.result(timeout=20).json()
            stop.set()
            asking.result(timeout=10)
        heard = time.monotonic() - left
        assert 1.5 <= heard < 10  # once the window passed, long before the 30-second wait ends
        assert (news["here"], news["joined"]) == (1, 2)
        assert news["phones_text"] == "1 phone here now (2 joined in all)"
        # the phone that left voted: its vote counts, so it is counted among those who could vote
        assert (news["current"]["voted"], news["current"]["voted_text"]) == (1, "of 2 phones have voted")
        assert leaving.get("/api/p/state", params={"seen": -1}).status_code == 200  # its page open again
        back = presenter.get("/api/f/state", params={"seen": -1}).json()
        assert (back["here"], back["joined"], back["phones_text"]) == (2, 2, "2 phones here now")


def test_a_phone_whose_page_says_it_is_going_drops_from_the_count_at_once(tmp_path: Path) -> None:
    """The page's last word as it closes: the waiting presenter hears of it at once, not a minute later."""
    with serve(write_assessment(tmp_path), Limits(poll_seconds=30.0, here_seconds=60.0)) as room:
        presenter = room.presenter()
        staying, leaving = room.participant(), room.participant()
        for phone in (staying, leaving):
            assert phone.get("/api/p/state", params={"seen": -1}).status_code == 200
        state = presenter.get("/api/f/state", params={"seen": -1}).json()
        assert (state["here"], state["joined"]) == (2, 2)
        other_site = leaving.post("/api/p/leave", headers={"Origin": "http://elsewhere.example"})
        assert other_site.status_code == 403  # another site's page cannot send a phone away
        with httpx.Client(base_url=room.base, timeout=30) as stranger:  # never joined: no phone to drop
            assert stranger.post("/api/p/leave").status_code == 401
        with ThreadPoolExecutor(max_workers=1) as pool:
            waiting = pool.submit(presenter.get, "/api/f/state", params={"seen": state["version"]})
            started = time.monotonic()
            assert leaving.post("/api/p/leave").status_code == 204
            news = waiting.result(timeout=20).json()
        assert time.monotonic() - started < 10  # long before the window or the 30-second wait ends
        assert (news["here"], news["joined"], news["phones_text"]) == (
            1,
            2,
            "1 phone here now (2 joined in all)",
        )


def test_pages_are_self_contained_and_the_presenter_page_shows_the_join_code(tmp_path: Path) -> None:
    with serve(write_assessment(tmp_path)) as room:
        phone = httpx.Client(base_url=room.base)
        page = phone.get(room.join_path)
        presenter = room.presenter()
        present = presenter.get("/present")
    for response in (page, present):
        html = response.text
        assert response.headers["content-type"].startswith("text/html")
        for outside in ("<script src", "<link", "@import", "url(", "https://", "<iframe"):
            assert outside not in html
        assert "http://" not in html.replace(room.server.links.join, "")
        nonce = response.headers["content-security-policy"].split("'nonce-")[1].split("'")[0]
        assert html.count(f'nonce="{nonce}"') == 2  # the one style and the one script
    assert "<svg" in present.text and room.server.links.join in present.text
    assert (
        room.session.secrets.facilitator not in present.text
    )  # the presenter page never shows its own token


def test_any_rubric_works(tmp_path: Path) -> None:
    """Three stages, one domain of three indicators: nothing assumes the bundled rubric's shape."""
    write_rubric(
        tmp_path / "rubric.yaml",
        stages=("Not yet", "Partly", "Fully"),
        domains={"P": ["P-1", "P-2", "P-3"]},
        rubric_id="three-stages",
    )
    path = write_assessment(
        tmp_path, "framework: rubric.yaml\ncoalition: Lakeside Partners\nassessed_on: 2026-05-02\nratings:\n"
    )
    with serve(path) as room:
        presenter = room.presenter()
        phones = [room.participant() for _ in range(4)]
        presenter.post("/api/f/open", json={"indicator": "P-2"})
        view = phones[0].get("/api/p/state", params={"seen": -1}).json()["indicator"]
        assert [stage["name"] for stage in view["stages"]] == ["Not yet", "Partly", "Fully"]
        for phone, stage in zip(phones, [1, 3, 3, None], strict=True):
            assert vote(phone, "P-2", stage).status_code == 200
        assert vote(phones[0], "P-2", 4).status_code == 422
        assert vote(phones[0], "C1.1", 1).status_code == 404
        presenter.post("/api/f/reveal", json={})
        result = presenter.get("/api/f/state", params={"seen": -1}).json()["current"]["result"]
        assert [row["count"] for row in result["by_stage"]] == [1, 0, 2]
        assert (result["spread"], result["flagged"], result["proposed"]) == (2, True, 3)
        assert presenter.post("/api/f/agree", json={"indicator": "P-2", "stage": 3}).status_code == 200
    assert "P-2:\n    stage: 3" in path.read_text()


def test_a_phone_waiting_for_news_hears_at_once_of_its_own_vote_sent_from_another_tab(tmp_path: Path) -> None:
    """Two tabs of one phone (one cookie): the one waiting for news, with the vote it shows (`mark`),
    is answered as soon as the other tab's vote is saved, not at the next indicator."""
    with serve(write_assessment(tmp_path)) as room:
        room.presenter().post("/api/f/open", json={"indicator": "C1.1"})
        tab_a = room.participant()
        tab_b = httpx.Client(base_url=room.base, timeout=30, cookies=tab_a.cookies)
        assert vote(tab_a, "C1.1", 2).status_code == 200
        shown = tab_a.get("/api/p/state", params={"seen": -1}).json()
        assert shown["mine"]["stage"] == 2
        with ThreadPoolExecutor(max_workers=1) as pool:
            waiting = pool.submit(
                tab_a.get, "/api/p/state", params={"seen": shown["phase"], "mark": shown["mark"]}
            )
            time.sleep(0.3)
            assert not waiting.done()  # nothing new for it: it waits
            started = time.monotonic()
            assert vote(tab_b, "C1.1", 1).json()["mark"] != shown["mark"]
            news = waiting.result(timeout=10).json()
        assert time.monotonic() - started < 3
        assert news["mine"]["stage"] == 1 and news["phase"] == shown["phase"]
        other = room.participant()  # another phone's vote is no news for this one
        with ThreadPoolExecutor(max_workers=1) as pool:
            waiting = pool.submit(
                tab_a.get, "/api/p/state", params={"seen": news["phase"], "mark": news["mark"]}
            )
            time.sleep(0.3)
            vote(other, "C1.1", 4)
            time.sleep(0.5)
            assert not waiting.done()
            room.presenter().post("/api/f/close", json={})
            assert waiting.result(timeout=10).json()["open"] is False
