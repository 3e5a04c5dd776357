"""A room session being run: the one place that decides what is accepted and records it.

`RoomSession` checks every vote and every facilitator action against the session (which indicator is
open, which stages and groups exist), appends the record to the journal, and only then changes the
state everyone sees; a refused request raises `Refused` and changes nothing. The agreed stage goes
into the assessment through `AssessmentFile`, the same safe editor as `coalition assess` (checked,
atomic, comments kept, someone else's change never overwritten).

Nothing here knows about HTTP: the web app (`coalition_cli.web`) turns `Refused` into a 4xx answer and
waits for `journal.sync()` before telling a phone its vote is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coalition_cli.core.editing.assessment_file import AssessmentFile, RatingConflictError
from coalition_cli.core.editing.rating_edits import RatingEdit, clean_line, clean_text
from coalition_cli.core.errors import ConflictError, InvalidFileError, ReadError, UsageError
from coalition_cli.core.room.journal import Journal, journal_path
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
from coalition_cli.core.room.tally import guide_groups
from coalition_cli.core.room.tokens import RoomSecrets, load_or_create_secrets

AGREED_EVIDENCE_MAX = 4000
"""The evidence the room settles on may be a paragraph or two; more belongs in a linked document."""


class Refused(Exception):
    """A request the session does not accept; nothing was recorded. `status` is the HTTP status to give."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
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


class RoomSession:
    """The live session of one assessment. Not thread-safe: call it from one thread (the event loop)."""

    def __init__(self, assessment: Path) -> None:
        self.path = assessment
        self.file = AssessmentFile(assessment)  # a file with errors is refused here (InvalidFileError)
        self.framework = self.file.framework
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
        )

    def close(self) -> None:
        self.journal.close()

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

    def agree(self, indicator: str, stage: int, evidence: str | None) -> bool:
        """Write the agreed stage (and evidence, when given) to the assessment, then record it.

        Returns False when the file already said exactly that. Blocking (it writes the file): call it
        off the event loop, one at a time.
        """
        self._known(indicator)
        if stage not in self.framework.stage_numbers:
            raise Refused(422, f"there is no stage {stage}: use 1 to {self.framework.top_stage}")
        text = _agreed_text(evidence)
        if text is not None and len(text) > AGREED_EVIDENCE_MAX:
            raise Refused(422, f"the agreed evidence is limited to {AGREED_EVIDENCE_MAX} characters")
        try:
            changed = self.file.apply(RatingEdit(indicator, stage=stage, evidence=text))
        except RatingConflictError:
            raise Refused(
                409,
                f"someone else changed {indicator} in the assessment file meanwhile (another editor, a git "
                "pull); nothing was saved: look at the file, then agree again",
            ) from None
        except InvalidFileError:
            raise Refused(
                409, "the assessment file was changed meanwhile and now has problems; nothing was saved"
            ) from None
        except (ConflictError, ReadError) as error:
            raise Refused(409, f"nothing was saved: {_without_path(error.message, self.path)}") from None
        return changed

    def record_agreed(self, indicator: str, stage: int, evidence: str | None) -> None:
        """Journal an agreement once it is in the file (on the event loop, after `agree`)."""
        self._record(Agreed(indicator, stage, _agreed_text(evidence), now()))

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


def _without_path(message: str, path: Path) -> str:
    """Messages go to a web page: name the file, not where it lives on the laptop."""
    return message.replace(str(path), path.name)
