"""What a room journal holds: one JSON object per line, each an event of the session, in order.

The first record says which assessment and rubric the session is for; then the facilitator opens,
closes and reveals indicators, participants vote, and the room agrees stages. A vote names its
device by a random pseudonym (never a person, an address or a cookie), the stage chosen (or null for
"don't know"), the stakeholder group the participant said they speak for (optional) and a sentence
of evidence (optional). These records are a file format: keys are stable and documented in the
README; a record of an unknown kind is refused when read, so a newer journal is never half-understood.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Literal

from coalition_cli.core.frozen import frozen

FORMAT_VERSION = 1
DEVICE_PATTERN = re.compile(r"[A-Za-z0-9_-]{8,64}")
"""A device pseudonym as the server makes them (`secrets.token_urlsafe`)."""
IDENTIFIER_MAX = 64
"""No indicator or group id of a rubric or the Guide is longer; anything longer is refused unread."""
EVIDENCE_MAX = 300
"""A sentence of evidence, in characters: enough to say why, short enough to read out."""


class RecordError(ValueError):
    """A line of a journal that is not a record this version writes."""


@frozen
class SessionStarted:
    """The first record of a room's journal: which assessment and rubric the votes belong to."""

    assessment: str
    """The assessment file's name (no folders)."""
    framework: str
    """The rubric's id, so a journal is never replayed against another rubric."""
    at: str
    kind: Literal["session"] = "session"
    version: int = FORMAT_VERSION


@frozen
class Opened:
    """The facilitator opened an indicator for voting (again, if it was opened before)."""

    indicator: str
    at: str
    kind: Literal["open"] = "open"


@frozen
class Closed:
    """Voting on the indicator stopped, without showing the result yet."""

    indicator: str
    at: str
    kind: Literal["close"] = "close"


@frozen
class Revealed:
    """The result was shown to the room; voting on the indicator stopped."""

    indicator: str
    at: str
    kind: Literal["reveal"] = "reveal"


@frozen
class Vote:
    """A participant's rating of the open indicator; it replaces that device's earlier vote on it."""

    indicator: str
    device: str
    stage: int | None
    """None: "don't know"."""
    group: str | None
    evidence: str | None
    at: str
    kind: Literal["vote"] = "vote"


@frozen
class Agreed:
    """The stage (and evidence) the room agreed, as written to the assessment."""

    indicator: str
    stage: int
    evidence: str | None
    at: str
    kind: Literal["agree"] = "agree"


Record = SessionStarted | Opened | Closed | Revealed | Vote | Agreed

_KINDS: dict[str, type[Record]] = {
    "session": SessionStarted,
    "open": Opened,
    "close": Closed,
    "reveal": Revealed,
    "vote": Vote,
    "agree": Agreed,
}


def now() -> str:
    """A record's time: UTC, to the second."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def encode(record: Record) -> bytes:
    """One line of the journal: compact JSON, non-ASCII as itself, ending in a newline."""
    fields = dict(vars(record))  # flat records: no need for asdict's deep copy (a vote is on the hot path)
    data = {"kind": fields.pop("kind"), **fields}
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def decode(line: bytes) -> Record:
    """A record from one complete line; RecordError says what is wrong with it."""
    try:
        data = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RecordError(f"not a JSON record ({error})") from None
    if not isinstance(data, dict):
        raise RecordError("not a JSON object")
    kind = data.get("kind")
    cls = _KINDS.get(kind) if isinstance(kind, str) else None
    if cls is None or not isinstance(kind, str):
        raise RecordError(f"unknown record kind {kind!r}")
    expected = set(cls.__dataclass_fields__)
    given = set(data)
    if given - expected or (expected - given) - {"version"}:
        raise RecordError(f"a {kind!r} record has the keys {sorted(given)}, expected {sorted(expected)}")
    for name, value in data.items():
        _check_field(kind, name, value)
    return cls(**data)


def _check_field(kind: str, name: str, value: Any) -> None:
    def wrong(expected: str) -> RecordError:
        return RecordError(f"{kind!r} record: {name} must be {expected}, not {value!r}")

    if name in ("indicator", "assessment", "framework", "at", "kind"):
        if not isinstance(value, str) or not value:
            raise wrong("text")
    elif name == "device":
        if not isinstance(value, str) or not DEVICE_PATTERN.fullmatch(value):
            raise wrong("a device pseudonym")
    elif name in ("stage", "version"):
        optional = kind == "vote" and name == "stage"
        if not (isinstance(value, int) and not isinstance(value, bool)) and not (optional and value is None):
            raise wrong("a whole number" + (" or null" if optional else ""))
    elif name in ("group", "evidence") and value is not None and not isinstance(value, str):
        raise wrong("text or null")
