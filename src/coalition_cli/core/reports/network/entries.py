"""What a worker process sends back for each file of a network: a small `NetworkEntry`.

Every file is checked in a worker process (the same check as `coalition validate`, C parser,
positions only for problems) and comes back as a few strings, numbers and tuples, cheap to pickle:
the stages and targets, the overall score, the actions, where the coalition sits (region, cohort),
whether the file is one rater's, and what the summary rolls up of the coalition profile.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

from coalition_cli.core.loading.assessments import LoadedAssessment, Read
from coalition_cli.core.loading.frameworks import framework_path, looks_like_path
from coalition_cli.core.loading.outcome import FileOutcome
from coalition_cli.core.model.profile import CoalitionProfile
from coalition_cli.core.reports.actions.owners import name_key
from coalition_cli.core.reports.actions.register import ActionRecord, MemberSeat, action_records, member_seats
from coalition_cli.core.scoring import overall_score
from coalition_cli.core.wording import plural

if TYPE_CHECKING:
    from coalition_cli.core.model.assessment import Assessment


class ProfileDigest(NamedTuple):
    """What the network view rolls up of a coalition profile."""

    groups: tuple[str, ...]
    """The stakeholder groups its members represent."""
    formalization: tuple[tuple[str, str], ...]
    """Each element of the Guide's Step 6, by id, with its status (met, not-met, unknown)."""
    members: tuple[MemberSeat, ...]


@dataclass(frozen=True)
class NetworkEntry:
    """A valid assessment as the network view needs it: a few strings and numbers, cheap to pickle."""

    file: str
    coalition: str
    assessed_on: dt.date
    term: str | None
    framework_id: str
    framework_key: str
    """A bundled framework's id, or the resolved path of a framework file."""
    stages: dict[str, int | None] = field(default_factory=dict)
    targets: dict[str, int | None] = field(default_factory=dict)
    overall: Fraction | None = None
    region: str | None = None
    cohort: str | None = None
    one_rater: bool = False
    """The file is one rater's (see `one_raters_file`)."""
    participant_groups: tuple[str, ...] = ()
    actions: tuple[ActionRecord, ...] = ()
    profile: ProfileDigest | None = None

    @property
    def rated(self) -> bool:
        """At least one indicator is rated (a term just rolled forward has none yet)."""
        return any(stage is not None for stage in self.stages.values())


def one_raters_file(assessment: Assessment) -> bool:
    """An individual rater's file, from what it says: it lists at most one participant and names
    someone (a `facilitator:`, or that one participant), and when it names both they are the same
    person. That is how `consensus` names a rater (by `facilitator:`), and what `room --export`
    writes; a consensus assessment lists the people in the room."""
    people = assessment.participants
    if len(people) > 1:
        return False
    if not people:
        return assessment.facilitator is not None
    return assessment.facilitator is None or name_key(assessment.facilitator) == name_key(people[0].name)


def network_entry(outcome: FileOutcome[Read]) -> FileOutcome[NetworkEntry]:
    """What a worker sends back for one file (module level, small): how it went, and a valid
    assessment's entry. A file with errors is listed and left out; a coalition profile is skipped."""
    loaded = outcome.value
    if isinstance(loaded, CoalitionProfile) and not outcome.has_errors:
        return FileOutcome(outcome.file, skipped=True)
    if outcome.has_errors or not isinstance(loaded, LoadedAssessment):
        return outcome.with_value(None)
    assessment = loaded.assessment
    reference = assessment.framework
    key = (
        str(framework_path(reference, loaded.path.parent).resolve())
        if looks_like_path(reference)
        else reference
    )
    entry = NetworkEntry(
        outcome.file,
        assessment.coalition,
        assessment.assessed_on,
        assessment.term,
        loaded.framework.id,
        key,
        loaded.stages,
        loaded.targets,
        overall_score(loaded.framework, loaded.stages),
        assessment.region,
        assessment.cohort,
        one_raters_file(assessment),
        tuple(dict.fromkeys(p.stakeholder_group for p in assessment.participants if p.stakeholder_group)),
        action_records(assessment),
        _digest(loaded.profile),
    )
    return outcome.with_value(entry)


def _digest(profile: CoalitionProfile | None) -> ProfileDigest | None:
    if profile is None:
        return None
    from coalition_cli.core.loading.frameworks import load_guide
    from coalition_cli.core.reports.roster.formalization import formalization

    checks, _ = formalization(profile, load_guide())
    return ProfileDigest(
        groups=tuple(dict.fromkeys(member.stakeholder_group for member in profile.members)),
        formalization=tuple((check.id, check.status) for check in checks),
        members=member_seats(profile),
    )


def left_out(outcome: FileOutcome[NetworkEntry]) -> bool:
    """A file read but left out of the numbers: it has errors."""
    return outcome.value is None and not outcome.skipped and outcome.unreadable is None


def in_brief(outcome: FileOutcome[NetworkEntry]) -> str:
    """`3 problems; first: line 4: …`, for the list of files left out."""
    errors = [problem for problem in outcome.problems if problem.is_error]
    first = f"; first: line {errors[0].line}: {errors[0].message}" if errors else ""
    return f"{plural(len(errors), 'problem')}{first}"
