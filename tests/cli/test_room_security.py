"""Hostile requests to the room: each is refused with a 4xx, and neither the journal nor the assessment changes.

Bad and borrowed tokens, forged devices, oversized and malformed bodies, unknown or path-like ids,
script in evidence, other hosts and origins, floods; and no file reachable over HTTP.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from coalition_cli.core.room.journal import journal_path
from coalition_cli.web.guard import Limits, host_allowed
from tests.support.room import Served, serve, vote, write_assessment

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("room")
    with serve(write_assessment(folder), Limits(refused_burst=10_000)) as served:
        presenter = served.presenter()
        assert presenter.post("/api/f/open", json={"indicator": "C1.1"}).status_code == 200
        yield served


@pytest.fixture
def phone(room: Served) -> httpx.Client:
    return room.participant()


@pytest.fixture
def unchanged(room: Served) -> Iterator[None]:
    """The journal and the assessment are byte for byte the same after the test's request."""
    files = [room.session.path, journal_path(room.session.path)]
    before = [path.read_bytes() for path in files]
    yield
    assert [path.read_bytes() for path in files] == before


def _anonymous(room: Served) -> httpx.Client:
    return httpx.Client(base_url=room.base, timeout=10)


def _raw(room: Served, method: str, path: str, **kwargs: Any) -> httpx.Response:
    with _anonymous(room) as client:
        return client.request(method, path, **kwargs)


BAD_PATHS = [
    "/j/AAAAAAAAAAAAAAAAAAAAAAAAAA",
    "/j/",
    "/j/../spring.yaml",
    "/j/%2e%2e%2fspring.yaml",
    "/spring.yaml",
    "/spring.room.jsonl",
    "/spring.room-secrets.json",
    "/..%2fspring.yaml",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/static/participant.html",
    "/pages/participant.html",
    "/present/../spring.yaml",
    "/f/" + "A" * 5000,
    "/api/p/state/../../spring.yaml",
]


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize("path", BAD_PATHS)
def test_no_file_and_no_other_page_is_reachable(room: Served, path: str) -> None:
    response = _raw(room, "GET", path)
    assert response.status_code == 404
    for secret in (
        "Riverside",
        "spring",
        "framework:",
        "root:",
        room.session.secrets.join,
        str(room.session.path),
    ):
        assert secret not in response.text


@pytest.mark.usefixtures("unchanged")
def test_the_tokens_are_not_interchangeable(room: Served) -> None:
    secrets = room.session.secrets
    assert _raw(room, "GET", f"/f/{secrets.join}").status_code == 404
    assert _raw(room, "GET", f"/j/{secrets.facilitator}").status_code == 404


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize("action", ["open", "close", "reveal", "agree"])
def test_a_phone_cannot_act_as_the_presenter(room: Served, phone: httpx.Client, action: str) -> None:
    body = {"indicator": "C1.1", "stage": 4} if action == "agree" else {"indicator": "C1.2"}
    assert phone.post(f"/api/f/{action}", json=body if action in ("open", "agree") else {}).status_code == 403
    assert phone.get("/api/f/state", params={"seen": -1}).status_code == 403
    assert phone.get("/present").status_code == 403
    forged = httpx.Client(base_url=room.base, cookies={"room_presenter": "x" * 24})
    assert forged.post(f"/api/f/{action}", json={}).status_code == 403


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize(
    "cookie",
    [None, "", "abc", "AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAA", "../../x.y", "a" * 500, "%00.%00"],
)
def test_a_vote_needs_a_device_the_server_gave(room: Served, cookie: str | None) -> None:
    client = httpx.Client(base_url=room.base, cookies={"room_device": cookie} if cookie is not None else {})
    assert vote(client, "C1.1", 2).status_code == 401
    assert client.get("/api/p/state", params={"seen": -1}).status_code == 401


SENDS: list[tuple[str, Callable[[httpx.Client], httpx.Response], int]] = [
    (
        "oversized body",
        lambda c: c.post(
            "/api/p/vote", content=b"{" + b" " * 100_000 + b"}", headers={"content-type": "application/json"}
        ),
        413,
    ),
    (
        "oversized chunked body",
        lambda c: c.post(
            "/api/p/vote",
            content=iter([b'{"evidence": "' + b"x" * 1000] * 50),
            headers={"content-type": "application/json"},
        ),
        413,
    ),
    ("form instead of JSON", lambda c: c.post("/api/p/vote", data={"indicator": "C1.1", "stage": "2"}), 415),
    (
        "not JSON",
        lambda c: c.post(
            "/api/p/vote", content=b"{indicator: C1.1", headers={"content-type": "application/json"}
        ),
        400,
    ),
    (
        "deeply nested JSON",
        lambda c: c.post(
            "/api/p/vote", content=b"[" * 1000 + b"]" * 1000, headers={"content-type": "application/json"}
        ),
        400,
    ),
    (
        "not UTF-8",
        lambda c: c.post(
            "/api/p/vote", content=b'{"indicator": "\xff"}', headers={"content-type": "application/json"}
        ),
        400,
    ),
    ("a list", lambda c: c.post("/api/p/vote", json=[{"indicator": "C1.1", "stage": 2}]), 422),
    ("an unknown key", lambda c: vote(c, "C1.1", 2, name="Maria"), 422),
    ("stage as text", lambda c: c.post("/api/p/vote", json={"indicator": "C1.1", "stage": "2"}), 422),
    ("stage as true", lambda c: c.post("/api/p/vote", json={"indicator": "C1.1", "stage": True}), 422),
    ("stage as a float", lambda c: c.post("/api/p/vote", json={"indicator": "C1.1", "stage": 2.0}), 422),
    ("stage missing", lambda c: c.post("/api/p/vote", json={"indicator": "C1.1"}), 422),
    ("stage out of range", lambda c: vote(c, "C1.1", 7), 422),
    ("stage zero", lambda c: vote(c, "C1.1", 0), 422),
    ("a huge stage", lambda c: vote(c, "C1.1", 10**40), 422),
    ("unknown indicator", lambda c: vote(c, "C9.9", 2), 404),
    ("path-like indicator", lambda c: vote(c, "../../spring.yaml", 2), 404),
    ("indicator with a NUL", lambda c: vote(c, "C1.1\x00", 2), 404),
    ("long indicator", lambda c: vote(c, "C" * 500, 2), 422),
    ("indicator not open", lambda c: vote(c, "C1.2", 2), 409),
    ("unknown group", lambda c: vote(c, "C1.1", 2, group="../../etc"), 422),
    ("group as a list", lambda c: vote(c, "C1.1", 2, group=["k12-education"]), 422),
    ("evidence too long", lambda c: vote(c, "C1.1", 2, evidence="x" * 301), 422),
    ("evidence far too long", lambda c: vote(c, "C1.1", 2, evidence="x" * 1001), 422),
    (
        "another site's page",
        lambda c: c.post(
            "/api/p/vote", json={"indicator": "C1.1", "stage": 2}, headers={"origin": "http://evil.example"}
        ),
        403,
    ),
    ("GET instead of POST", lambda c: c.get("/api/p/vote"), 405),
    ("seen is not a number", lambda c: c.get("/api/p/state", params={"seen": "../x"}), 422),
]


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize(("what", "send", "status"), SENDS, ids=[what for what, _, _ in SENDS])
def test_a_malformed_vote_is_refused(
    phone: httpx.Client, what: str, send: Callable[[httpx.Client], httpx.Response], status: int
) -> None:
    response = send(phone)
    assert response.status_code == status, (what, response.text)
    assert set(response.json()) == {"error"}
    assert "Maria" not in response.text and "evil" not in response.text  # the input is never echoed


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize(
    "body",
    [
        {"indicator": "C1.1", "stage": 9},
        {"indicator": "C1.1", "stage": "2"},
        {"indicator": "../spring.yaml", "stage": 2},
        {"indicator": "C1.1", "stage": 2, "evidence": "x" * 8001},
        {"indicator": "C1.1", "stage": 2, "actions": []},
    ],
)
def test_a_malformed_agreement_is_refused(room: Served, body: dict[str, Any]) -> None:
    presenter = room.presenter()
    assert presenter.post("/api/f/agree", json=body).status_code in (404, 422)
    assert presenter.post("/api/f/open", json={"indicator": "C0.0"}).status_code == 404


@pytest.mark.usefixtures("unchanged")
@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:{port}", "localhost.evil.example:{port}", "127.0.0.1:1", ""]
)
def test_another_host_name_is_refused(room: Served, host: str) -> None:
    response = _raw(room, "GET", room.join_path, headers={"host": host.format(port=room.server.port)})
    assert response.status_code == 400


def test_host_names_that_are_this_server() -> None:
    assert host_allowed("127.0.0.1:8765", 8765)
    assert host_allowed("localhost:8765", 8765)
    assert host_allowed("192.168.1.20:8765", 8765)
    assert host_allowed("[::1]:8765", 8765)
    assert not host_allowed("192.168.1.20", 8765)
    assert not host_allowed("attacker.example:8765", 8765)


def test_script_in_evidence_is_kept_as_text_and_served_only_as_json(
    room: Served, phone: httpx.Client
) -> None:
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> "quotes" & ampersands'
    response = vote(phone, "C1.1", 3, evidence=hostile)
    assert response.status_code == 200
    assert response.json()["evidence"] == hostile
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    records = [json.loads(line) for line in journal_path(room.session.path).read_text().splitlines()]
    assert records[-1]["evidence"] == hostile  # recorded as written, escaped wherever it is shown
    page = phone.get(room.join_path).text + room.presenter().get("/present").text
    assert "alert(" not in page


@pytest.mark.usefixtures("unchanged")
def test_every_answer_carries_the_security_headers(room: Served, phone: httpx.Client) -> None:
    answers = [
        phone.get(room.join_path),
        phone.get("/api/p/state", params={"seen": -1}),
        phone.get("/nowhere"),
        _raw(room, "GET", "/", headers={"host": "evil.example"}),
        room.presenter().get("/present"),
    ]
    for answer in answers:
        headers = answer.headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "http" not in csp and "*" not in csp and "unsafe" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert headers["cache-control"] == "no-store"
        assert "server" not in headers


def test_the_device_cookie_is_http_only_and_not_sent_cross_site(room: Served) -> None:
    response = _raw(room, "GET", room.join_path)
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/" in cookie


def test_a_flooding_phone_is_slowed_and_nothing_extra_is_recorded(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    with serve(path, Limits(device_burst=5, device_per_second=0.01)) as room:
        room.presenter().post("/api/f/open", json={"indicator": "C1.1"})
        phone = room.participant()
        statuses = [vote(phone, "C1.1", 1 + n % 4).status_code for n in range(20)]
        assert statuses[:5] == [200] * 5
        assert set(statuses[5:]) == {429}
        votes = [line for line in journal_path(path).read_text().splitlines() if '"vote"' in line]
        assert len(votes) == 5
        other = room.participant()  # the limit is per phone: the others still vote
        assert vote(other, "C1.1", 2).status_code == 200


def test_an_address_guessing_tokens_is_shut_out_for_a_while(tmp_path: Path) -> None:
    with serve(write_assessment(tmp_path), Limits(refused_burst=8, refused_per_second=0.01)) as room:
        statuses = [_raw(room, "GET", f"/j/GUESS{n:021d}").status_code for n in range(12)]
        assert statuses[:8] == [404] * 8
        assert set(statuses[8:]) == {429}
        assert _raw(room, "GET", room.join_path).status_code == 429  # even the right link, for now


def test_joining_is_limited_per_address(tmp_path: Path) -> None:
    with serve(write_assessment(tmp_path), Limits(join_burst=3, join_per_second=0.01)) as room:
        room.presenter().post("/api/f/open", json={"indicator": "C1.1"})
        joined = room.participant()
        statuses = [_raw(room, "GET", room.join_path).status_code for _ in range(4)]
        assert statuses == [200, 200, 429, 429]
        assert joined.get(room.join_path).status_code == 200  # a phone that joined keeps its place
        assert vote(joined, "C1.1", 2).status_code == 200
