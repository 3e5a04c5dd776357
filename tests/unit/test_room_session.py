"""A room session without the web: what it accepts, what it refuses (changing nothing), what it keeps."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.editing.rating_edits import RatingEdit
from coalition_cli.core.errors import InvalidFileError, UsageError
from coalition_cli.core.room import journal as journal_module
from coalition_cli.core.room.journal import Journal, journal_path, read_journal
from coalition_cli.core.room.phones import PhoneCount, Phones, phones_words, voted_words
from coalition_cli.core.room.records import SessionStarted, Vote
from coalition_cli.core.room.session import Refused, RoomSession
from coalition_cli.core.room.tokens import RoomSecrets, secrets_path
from tests.support.room import write_assessment


@pytest.fixture
def session(tmp_path: Path) -> Iterator[RoomSession]:
    opened = RoomSession(write_assessment(tmp_path))
    opened.start()
    yield opened
    opened.close()


def _journal_bytes(session: RoomSession) -> bytes:
    return journal_path(session.path).read_bytes()


@pytest.mark.parametrize(
    ("indicator", "stage", "group", "evidence", "status"),
    [
        ("C1.2", 2, None, None, 409),  # not the open indicator
        ("C9.9", 2, None, None, 404),
        ("x" * 100, 2, None, None, 404),
        ("C1.1", 5, None, None, 422),
        ("C1.1", 0, None, None, 422),
        ("C1.1", 2, "aliens", None, 422),
        ("C1.1", 2, None, "x" * 301, 422),
    ],
)
def test_a_refused_vote_records_nothing(
    session: RoomSession, indicator: str, stage: int, group: str | None, evidence: str | None, status: int
) -> None:
    session.open("C1.1")
    before = _journal_bytes(session)
    with pytest.raises(Refused) as refused:
        session.vote("deviceAAAA", indicator, stage, group, evidence)
    assert refused.value.status == status
    assert _journal_bytes(session) == before
    assert session.state.votes == 0


def test_evidence_is_one_tidy_line(session: RoomSession) -> None:
    session.open("C1.1")
    session.vote("deviceAAAA", "C1.1", 2, None, "  two\nlines\x1b[31m  ")
    assert session.state.ballots_on("C1.1")[0].evidence == "two lines[31m"
    session.vote("deviceAAAA", "C1.1", 2, None, "   ")
    assert session.state.ballots_on("C1.1")[0].evidence is None


def test_a_full_journal_refuses_with_507_and_records_nothing(
    session: RoomSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.open("C1.1")
    before = _journal_bytes(session)
    monkeypatch.setattr(journal_module, "MAX_JOURNAL_BYTES", len(before) + 10)
    with pytest.raises(Refused) as refused:
        session.vote("deviceAAAA", "C1.1", 2, None, None)
    assert refused.value.status == 507
    assert _journal_bytes(session) == before and session.state.votes == 0


def test_a_restarted_session_carries_on_with_the_same_links(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    first = RoomSession(path)
    resumed = first.start()
    assert resumed.new_links and resumed.records == 0
    first.open("C2.1")
    first.vote("deviceAAAA", "C2.1", 3, None, None)
    links = first.secrets
    first.close()
    again = RoomSession(path)
    resumed = again.start()
    try:
        assert not resumed.new_links
        assert (resumed.records, resumed.votes, resumed.indicators) == (3, 1, 1)
        assert again.secrets == links
        assert again.state.is_open("C2.1")
        again.vote("deviceAAAA", "C2.1", 1, None, None)  # the same phone: replaced, not added
        assert [ballot.stage for ballot in again.state.ballots_on("C2.1")] == [1]
    finally:
        again.close()
    assert sum(isinstance(record, SessionStarted) for record in read_journal(journal_path(path))) == 1
    third = RoomSession(path)
    resumed = third.start()  # two votes from one phone: one live vote, as the presenter page counts
    third.close()
    assert (resumed.votes, resumed.changes, resumed.indicators) == (1, 1, 1)


def test_a_journal_of_another_rubric_is_refused(tmp_path: Path) -> None:
    path = write_assessment(tmp_path)
    journal = Journal(journal_path(path))
    journal.open()
    journal.append(SessionStarted("spring.yaml", "another-rubric", "2026-03-14T18:00:00Z"))
    journal.close()
    with pytest.raises(UsageError, match="belongs to a session on 'another-rubric'"):
        RoomSession(path).start()
    RoomSession(path).close()  # the lock was released


def test_a_file_with_problems_opens_no_session(tmp_path: Path) -> None:
    path = write_assessment(
        tmp_path, "framework: community-framework\ncoalition: X\nassessed_on: 2026-13-01\n"
    )
    with pytest.raises(InvalidFileError):
        RoomSession(path)
    assert not journal_path(path).exists() and not secrets_path(path).exists()


def test_the_secrets_are_private_random_and_separate(session: RoomSession) -> None:
    mode = stat.S_IMODE(secrets_path(session.path).stat().st_mode)
    assert mode == 0o600
    made = {RoomSecrets.new().join for _ in range(50)}
    assert len(made) == 50 and all(len(token) == 26 and token.isalnum() for token in made)
    secrets = session.secrets
    assert secrets.join != secrets.facilitator
    assert secrets.is_join(secrets.join.lower()) and not secrets.is_join(secrets.facilitator)
    device, cookie = secrets.new_device()
    assert secrets.device_from(cookie) == device
    forged = cookie[:-2] + ("AA" if not cookie.endswith("AA") else "BB")
    assert secrets.device_from(forged) is None
    assert secrets.device_from(f"{device}.") is None
    assert RoomSecrets.new().device_from(cookie) is None  # another session's key
    assert secrets.presenter_cookie() != secrets.facilitator
    assert secrets.facilitator not in journal_path(session.path).read_text()


def test_agreeing_writes_the_file_and_journals_it(session: RoomSession) -> None:
    assert session.agree("C1.2", 3, "  Minutes of the\nworking groups.  ") is True
    session.record_agreed("C1.2", 3, "  Minutes of the\nworking groups.  ")
    assert session.file_rating("C1.2") == (3, "Minutes of the\nworking groups.")
    assert session.agree("C1.2", 3, "Minutes of the\nworking groups.") is False  # nothing new
    with pytest.raises(Refused) as refused:
        session.agree("C1.2", 9, None)
    assert refused.value.status == 422
    records = read_journal(journal_path(session.path))
    assert records[-1].kind == "agree" and not any(isinstance(record, Vote) for record in records)


class _Clock:
    """A clock the test moves by hand (seconds, as `time.monotonic`)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_phone_is_here_while_its_page_keeps_asking_and_stays_counted_as_joined_once_gone(
    session: RoomSession,
) -> None:
    clock = _Clock()
    session.phones = Phones(45, clock=clock)
    assert session.phones_counted == PhoneCount(here=0, joined=0)
    session.phone_seen("deviceAAAA")
    session.phone_seen("deviceAAAA")  # a page asking again is the same phone
    session.phone_seen("deviceCCCC")
    assert session.phones_counted == PhoneCount(here=2, joined=2)
    session.open("C1.1")
    session.vote("deviceBBBB", "C1.1", 2, None, None)  # voted without its page asking (a restart)
    assert session.phones_counted == PhoneCount(here=2, joined=3)
    clock.now += 30
    session.phone_seen("deviceAAAA")  # A's page asks again; C's page was closed
    clock.now += 20
    assert session.phones_counted == PhoneCount(here=1, joined=3)
    assert session.phones_voting_on("C1.1") == 2  # A is here; B left, and its vote still counts
    clock.now += 60
    assert session.phones_counted == PhoneCount(here=0, joined=3)
    assert len(session.phones) == 0  # the phones that fell silent are forgotten
    session.phone_seen("deviceCCCC")  # its page open again: back
    assert session.phones_counted == PhoneCount(here=1, joined=3)
    kinds = [record.kind for record in read_journal(journal_path(session.path))]
    assert kinds == ["session", "open", "vote"]  # who is here is written nowhere


def test_a_phone_whose_page_said_it_is_going_is_no_longer_here_but_stays_joined(session: RoomSession) -> None:
    clock = _Clock()
    session.phones = Phones(45, clock=clock)
    for device in ("deviceAAAA", "deviceBBBB"):
        session.phone_seen(device)
    session.phone_left("deviceBBBB")
    assert session.phones_counted == PhoneCount(here=1, joined=2)  # at once, not 45 seconds later
    session.phone_left("deviceBBBB")  # said twice (a retried request), or by a phone never seen
    session.phone_left("deviceZZZZ")
    assert session.phones_counted == PhoneCount(here=1, joined=2)
    session.phone_seen("deviceBBBB")  # its page open again
    assert session.phones_counted == PhoneCount(here=2, joined=2)


def test_the_record_of_phones_stays_bounded() -> None:
    clock = _Clock()
    phones = Phones(45, clock=clock, limit=100)
    for number in range(1000):
        phones.saw(f"device{number}")
        clock.now += 0.01
    assert len(phones) == 100  # the longest silent make room
    assert phones.count(()) == PhoneCount(here=100, joined=100)
    clock.now += 46
    phones.saw("device-late")
    assert len(phones) == 1


@pytest.mark.parametrize(
    ("here", "joined", "words"),
    [
        (0, 0, "no phone has joined yet"),
        (1, 1, "1 phone here now"),
        (3, 3, "3 phones here now"),
        (9, 12, "9 phones here now (12 joined in all)"),
        (0, 5, "no phone here now (5 joined in all)"),
    ],
)
def test_the_phones_in_words(here: int, joined: int, words: str) -> None:
    assert phones_words(PhoneCount(here, joined)) == words


def test_the_votes_in_words() -> None:
    assert voted_words(3, 4) == "of 3 phones have voted"
    assert voted_words(1, 4) == "of 1 phone has voted"
    assert voted_words(0, 4) == "have voted: no phone here now"
    assert voted_words(0, 0) == "have voted: no phone has joined yet"


def test_a_save_over_both_parts_someone_changed_says_what_the_file_holds_now(session: RoomSession) -> None:
    shown = session.seen_parts("C1.1")
    other = AssessmentFile(session.path)
    other.apply(RatingEdit("C1.1", stage=4, evidence="Board resolution, May 2026.\nSigned by all."))
    with pytest.raises(Refused) as refused:
        session.agree("C1.1", 2, "Informal meetings, and more.", shown)
    assert refused.value.status == 409
    assert refused.value.message == (
        "C1.1 was changed in the assessment meanwhile (now 4 Transforming, with other evidence, from the "
        "assess session or another editor). Check the stage and the evidence below and press Save again "
        "to replace them."
    )
    assert session.file.stage("C1.1") == 4  # taken in, to be shown
    assert session.agree("C1.1", 2, "Informal meetings, and more.", session.seen_parts("C1.1")) is True
    assert AssessmentFile(session.path).stage("C1.1") == 2


def test_who_took_part_is_said_one_way_joined_and_voted() -> None:
    """The presenter once closed and the terminal count alike: "19 phones joined, 14 voted"."""
    from coalition_cli.core.room.phones import PhoneCount, took_part_words

    assert took_part_words(PhoneCount(0, 19), 14) == "19 phones joined, 14 voted"
    assert took_part_words(PhoneCount(0, 1), 1) == "1 phone joined, 1 voted"
    assert took_part_words(PhoneCount(2, 3), 0) == "3 phones joined, none voted"
    assert took_part_words(PhoneCount(0, 0), 0) == "no phone joined"
