"""A room session being run: the one place that decides what is accepted and records it.

`RoomSession` checks every vote and every facilitator action against the session (which indicator is
open, which stages and groups exist), appends the record to the journal, and only then changes the
state everyone sees; a refused request raises `Refused` and changes nothing. The agreed stage goes
into the assessment through `SessionFile`, as `coalition assess` saves (checked, atomic, comments
kept). The file is followed on disk (`look`), so the presenter page shows what `assess` or another
editor saved meanwhile; each Save carries the rating as the page showed it (`seen`), and is refused
only when someone else changed the part it replaces since then, which the page then shows: a second
Save, made knowing it, replaces it. Nothing the facilitator has not seen is ever overwritten.

Nothing here knows about HTTP: the web app (`coalition_cli.web`) turns `Refused` into a 4xx answer and
waits for `journal.sync()` before telling a phone its vote is saved.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.editing.rating_edits import RatingEdit, clean_line, clean_text
from coalition_cli.core.editing.session_file import Clash, Failed, SessionFile
from coalition_cli.core.errors import CoalitionError, InvalidFileError, ReadError, UsageError
from coalition_cli.core.files.git_exclude import keep_out_of_git
from coalition_cli.core.frozen import frozen
from coalition_cli.core.room.journal import Journal, journal_path
from coalition_cli.core.room.phones import PhoneCount, Phones
from coalition_cli.core.room.records import (
    EVIDENCE_MAX,
    IDENTIFIER_MAX,
    Agreed,
    Closed,
    Opened,
    Record,
    Revealed,
    SessionStarted,
    Vote,
    now,
)
from coalition_cli.core.room.state import RoomState
from coalition_cli.core.room.tally import guide_groups, tally
from coalition_cli.core.room.tokens import SECRETS_SUFFIX, RoomSecrets, load_or_create_secrets
from coalition_cli.core.wording import clipped

AGREED_EVIDENCE_MAX = 4000
"""The evidence the room settles on may be a paragraph or two; more belongs in a linked document."""

SEEN_PARTS = ("stage", "evidence")
"""The parts of a rating the room's Save replaces: the page is given their fingerprints (`seen`)
and sends them back with Save, small whatever the evidence's length."""

_UNSEEN = object()
"""Stands for a part the page was shown in another version than the file's: equal to nothing."""


class Refused(Exception):
    """A request the session does not accept; nothing was recorded. `status` is the HTTP status to give."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@frozen
class Resumed:
    """What starting the session found in an existing journal."""

    records: int
    votes: int
    """The live votes (one per phone per indicator), as the presenter page counts them."""
    changes: int
    """Votes replaced by a later one from the same phone (a change of mind)."""
    indicators: int
    trimmed: int
    """Bytes of a half-written last record that were dropped (never confirmed to anyone)."""
    ignored: int
    new_links: bool
    """True when the join and presenter links were made now (a new session, or the secrets file was gone)."""
    kept_out_of_git: Path | None = None
    """The git exclude file the secrets' pattern was added to now (`keep_out_of_git`); None if not."""


class RoomSession:
    """The live session of one assessment. Not thread-safe: call it from one thread (the event loop)."""

    def __init__(self, assessment: Path) -> None:
        self.path = assessment
        # a file with errors is refused here (InvalidFileError)
        self.disk = SessionFile(AssessmentFile(assessment))
        self.framework = self.file.framework
        self.phones = Phones()
        self.groups = guide_groups()
        self.journal = Journal(journal_path(assessment))
        self.secrets: RoomSecrets
        self.state = RoomState(self.framework, self.groups)

    def start(self) -> Resumed:
        """Open the journal (locked for this session), replay it, and make the links if need be."""
        reopened = self.journal.open()
        try:
            first = reopened.records[0] if reopened.records else None
            if first is not None and (
                not isinstance(first, SessionStarted) or first.framework != self.framework.id
            ):
                rubric = first.framework if isinstance(first, SessionStarted) else "an unknown rubric"
                raise UsageError(
                    f"the room journal {self.journal.path} belongs to a session on {rubric!r}, "
                    f"but {self.path.name} uses {self.framework.id!r}",
                    hint="move the journal away to start a new session",
                )
            self.state.apply_all(reopened.records)
            self.secrets, new_links = load_or_create_secrets(self.path)
            excluded = keep_out_of_git(self.path, f"*{SECRETS_SUFFIX}") if new_links else None
            if first is None:
                self._record(SessionStarted(self.path.name, self.framework.id, now()))
        except BaseException:
            self.journal.close()
            raise
        live = sum(len(ballots) for ballots in self.state.ballots.values())
        return Resumed(
            len(reopened.records),
            live,
            self.state.votes - live,
            len(self.state.ballots),
            reopened.trimmed,
            self.state.ignored,
            new_links,
            excluded,
        )

    def close(self) -> None:
        self.journal.close()

    @property
    def file(self) -> AssessmentFile:
        """The assessment as the room last read it (`look` reads it again when someone saved it)."""
        return self.disk.file

    def look(self) -> bool:
        """Read the file again if someone else saved it since the last look; True if it changed.

        Blocking (it may read and check the file): call it off the event loop, one at a time, as `agree`."""
        changed = self.disk.look() is not None
        self.disk.noticed()  # the page shows the file as it is now; what changed in between is not kept
        return changed

    def phone_seen(self, device: str) -> None:
        """A phone asked the server for something (its page waiting for news, or a vote): it is here."""
        self.phones.saw(device)

    def phone_left(self, device: str) -> None:
        """A phone's page was closed: it is no longer here (its votes still count)."""
        self.phones.left(device)

    @property
    def phones_counted(self) -> PhoneCount:
        """The phones here now, and how many joined in all (every phone that voted counts as joined)."""
        return self.phones.count(self.state.devices.keys())

    def phones_voting_on(self, indicator: str) -> int:
        """The phones that can vote on `indicator` or did: here now, or gone with their vote counted."""
        return self.phones.here_or_voted(self.state.ballots.get(indicator, {}).keys())

    def _record(self, record: Record) -> int:
        """Append, then apply: the state never shows what the journal does not hold."""
        try:
            number = self.journal.append(record)
        except OSError as error:
            raise Refused(
                503, f"the vote could not be saved on the laptop ({error.strerror or error})"
            ) from None
        except ReadError as error:
            raise Refused(507, error.message) from None
        self.state.apply(record)
        return number

    # --- participants -----------------------------------------------------------------------------

    def vote(
        self, device: str, indicator: str, stage: int | None, group: str | None, evidence: str | None
    ) -> int:
        """Record a device's vote on the open indicator; returns the record's number (see `journal.sync`)."""
        self._known(indicator)
        if not self.state.is_open(indicator):
            raise Refused(409, "voting on this indicator is closed")
        if stage is not None and stage not in self.framework.stage_numbers:
            raise Refused(422, f"there is no stage {stage}: use 1 to {self.framework.top_stage}")
        if group is not None and group not in self.groups:
            raise Refused(422, "unknown stakeholder group")
        text = clean_line(" ".join((evidence or "").splitlines())) or None  # a sentence: one line
        if text is not None and len(text) > EVIDENCE_MAX:
            raise Refused(422, f"evidence is limited to {EVIDENCE_MAX} characters")
        return self._record(Vote(indicator, device, stage, group, text, now()))

    # --- the facilitator --------------------------------------------------------------------------

    def open(self, indicator: str) -> None:
        self._known(indicator)
        if not self.state.is_open(indicator):
            self._record(Opened(indicator, now()))

    def close_voting(self) -> None:
        current = self.state.current
        if current is not None and self.state.accepting:
            self._record(Closed(current, now()))

    def reveal(self) -> None:
        current = self.state.current
        if current is None:
            raise Refused(409, "open an indicator first")
        if not self.state.revealed:
            self._record(Revealed(current, now()))

    def agree(
        self,
        indicator: str,
        stage: int,
        evidence: str | None,
        seen: Mapping[str, str | None] | None = None,
    ) -> bool:
        """Write the agreed stage (and evidence, when given) to the assessment, then record it.

        `seen` fingerprints the rating's stage and evidence as the presenter page showed them
        (`seen_parts`); without it, the rating as the room last read it counts as seen. When someone else changed what this would replace
        since then, nothing is written: `Refused` (409) says what the file holds now, which the room
        has read and shows from then on. Returns False when the file already said exactly that.
        Blocking (it writes the file): call it off the event loop, one at a time.
        """
        self._known(indicator)
        if stage not in self.framework.stage_numbers:
            raise Refused(422, f"there is no stage {stage}: use 1 to {self.framework.top_stage}")
        text = _agreed_text(evidence)
        if text is not None and len(text) > AGREED_EVIDENCE_MAX:
            raise Refused(422, f"the agreed evidence is limited to {AGREED_EVIDENCE_MAX} characters")
        if seen is None:
            shown = self.file.written(indicator)
        else:
            self.look()
            now = self.file.written(indicator) or {}
            shown = {
                part: now.get(part) if fingerprint(now.get(part)) == seen.get(part) else _UNSEEN
                for part in SEEN_PARTS
            }
        attempt = self.disk.save(RatingEdit(indicator, stage=stage, evidence=text), shown)
        if isinstance(attempt, Clash):
            raise Refused(409, self._changed_meanwhile(indicator, attempt))
        if isinstance(attempt, Failed):
            raise Refused(409, self._not_saved(attempt.error))
        return attempt.changed

    def seen_parts(self, indicator: str) -> dict[str, str | None]:
        """Fingerprints of the parts of the rating a Save replaces, as the file holds them now: the
        presenter page is given them with the rating and sends them back with Save (`seen`)."""
        written = self.file.written(indicator) or {}
        return {part: fingerprint(written.get(part)) for part in SEEN_PARTS}

    def _changed_meanwhile(self, indicator: str, clash: Clash) -> str:
        """Said on the projector: what the file holds now, and that a second Save replaces it."""
        stage = self.file.stage(indicator)
        now_stage = f"{stage} {self.framework.stage_name(stage)}" if stage is not None else "no stage"
        evidence = (clash.now or {}).get("evidence")
        now_evidence = f"“{clipped(' '.join(str(evidence).split()), 80)}”" if evidence else "no evidence"
        where = "from the assess session or another editor"
        if clash.parts >= {"stage", "evidence"}:
            return (
                f"{indicator} was changed in the assessment meanwhile (now {now_stage}, with other evidence, "
                f"{where}). Check the stage and the evidence below and press Save again to replace them."
            )
        if "evidence" in clash.parts:
            return (
                f"{indicator}'s evidence was changed in the assessment meanwhile (now {now_evidence}, {where}). "
                "Check the evidence below and press Save again to replace it."
            )
        return (
            f"{indicator} was changed in the assessment meanwhile (now {now_stage}, {where}). "
            "Check the stage below and press Save again to replace it."
        )

    def _not_saved(self, error: CoalitionError) -> str:
        if isinstance(error, InvalidFileError):
            return (
                "the assessment was changed meanwhile and now has problems (another editor left it half "
                "done?), so nothing was saved; once it is fixed, press Save again"
            )
        return f"nothing was saved: {_without_path(error.message, self.path)}"

    def record_agreed(self, indicator: str, stage: int, evidence: str | None) -> None:
        """Journal an agreement once it is in the file (on the event loop, after `agree`)."""
        self._record(Agreed(indicator, stage, _agreed_text(evidence), now()))

    def unsaved_result(self) -> tuple[str, int] | None:
        """The open indicator and its proposed stage, when its result is shown but the assessment does
        not have it: no agreed stage saved since it was opened, and the file says another stage."""
        state, current = self.state, self.state.current
        if current is None or not state.revealed or state.settled:
            return None
        proposed = tally(self.framework, self.groups, current, state.ballots_on(current)).proposed
        if proposed is None or self.file.stage(current) == proposed:
            return None
        return current, proposed

    def file_rating(self, indicator: str) -> tuple[int | None, str | None]:
        """The stage and evidence the assessment file holds for an indicator now."""
        rating = self.file.rating(indicator)
        return self.file.stage(indicator), rating.evidence if rating is not None else None

    def _known(self, indicator: str) -> None:
        if len(indicator) > IDENTIFIER_MAX or not self.framework.has_indicator(indicator):
            raise Refused(404, "unknown indicator")


def _agreed_text(evidence: str | None) -> str | None:
    """The evidence the room settled on, tidied as `assess` tidies typed text; None when empty."""
    return clean_text((evidence or "").strip()) or None


def fingerprint(value: Any) -> str | None:
    """A short digest of a value as the file writes it; None for a part the rating does not have."""
    if value is None:
        return None
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _without_path(message: str, path: Path) -> str:
    """Messages go to a web page: name the file, not where it lives on the laptop."""
    return message.replace(str(path), path.name)
