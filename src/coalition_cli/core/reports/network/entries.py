"""What a worker process sends back for each file of a network: a small `NetworkEntry`.

Every file is checked in a worker process (the same check as `coalition validate`, C parser,
positions only for problems) and comes back as a few strings, numbers and tuples, cheap to pickle:
the stages and targets, the overall score, the actions, where the coalition sits (region, cohort),
whether the file is one rater's, and what the summary rolls up of the coalition profile. A network
can hold 20,000 files, all kept until the summary is made: stages and targets are `IndicatorNumbers`,
and the short texts are each one object in the process (core/yaml/source.py reads them so).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import field
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from coalition_cli.core.frozen import frozen
from coalition_cli.core.loading.assessments import LoadedAssessment, Read
from coalition_cli.core.loading.frameworks import framework_path, looks_like_path
from coalition_cli.core.loading.outcome import FileOutcome
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.model.profile import CoalitionProfile
from coalition_cli.core.reports.actions.owners import name_key
from coalition_cli.core.reports.actions.register import ActionRecord, MemberSeat, action_records, member_seats
from coalition_cli.core.scoring import overall_score
from coalition_cli.core.wording import plural

if TYPE_CHECKING:
    from coalition_cli.core.model.assessment import Assessment


class IndicatorNumbers(Mapping[str, "int | None"]):
    """Each indicator's stage (or target) as a number, as a file rated it and in its order: a tuple of
    numbers beside a tuple of indicator ids shared by every file that lists the same indicators. Two
    dicts a file took 40 MB over 20,000 files; this takes a tenth."""

    __slots__ = ("_ids", "_index", "_numbers")

    def __init__(self, numbers: Mapping[str, int | None]) -> None:
        self._ids, self._index = _shared_ids(tuple(numbers))
        self._numbers = tuple(numbers.values())

    def __getitem__(self, indicator_id: str) -> int | None:
        return self._numbers[self._index[indicator_id]]

    def get(self, indicator_id: str, default: int | None = None) -> int | None:  # type: ignore[override]
        position = self._index.get(indicator_id)
        return default if position is None else self._numbers[position]

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __repr__(self) -> str:
        return f"IndicatorNumbers({dict(self)!r})"

    def __reduce__(self) -> tuple[object, ...]:
        return _numbers, (self._ids, self._numbers)  # the ids tuple: pickled once for all the files


def _numbers(ids: tuple[str, ...], numbers: tuple[int | None, ...]) -> IndicatorNumbers:
    made = IndicatorNumbers.__new__(IndicatorNumbers)
    made._ids, made._index = _shared_ids(ids)
    made._numbers = numbers
    return made


_IDS: dict[tuple[str, ...], tuple[tuple[str, ...], dict[str, int]]] = {}


def _shared_ids(ids: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, int]]:
    """The one tuple of these ids in the process, with each id's place in it."""
    shared = _IDS.get(ids)
    if shared is None:
        shared = _IDS[ids] = (ids, {indicator_id: place for place, indicator_id in enumerate(ids)})
    return shared


class ProfileDigest(NamedTuple):
    """What the network view rolls up of a coalition profile."""

    groups: tuple[str, ...]
    """The stakeholder groups its members represent."""
    formalization: tuple[tuple[str, str], ...]
    """Each element of the Guide's Step 6, by id, with its status (met, not-met, unknown)."""
    members: tuple[MemberSeat, ...]


@frozen(slots=True)
class NetworkEntry:
    """A valid assessment as the network view needs it: a few strings and numbers, cheap to pickle."""

    file: str
    coalition: str
    assessed_on: dt.date
    term: str | None
    framework_id: str
    framework_key: str
    """A bundled framework's id, or the resolved path of a framework file."""
    stages: Mapping[str, int | None] = field(default_factory=dict)
    targets: Mapping[str, int | None] = field(default_factory=dict)
    overall: Fraction | None = None
    region: str | None = None
    cohort: str | None = None
    one_rater: bool = False
    """The file is one rater's (see `one_raters_file`)."""
    participant_groups: tuple[str, ...] = ()
    actions: tuple[ActionRecord, ...] = ()
    profile: ProfileDigest | None = None
    participants: tuple[tuple[str, str | None], ...] = ()
    """Each participant's name and organization: the names an action's owner is checked against."""

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
    assessment's entry. A file with errors is listed and left out; a coalition profile or a rubric
    is skipped."""
    loaded = outcome.value
    if isinstance(loaded, CoalitionProfile | Framework) and not outcome.has_errors:
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
        _shared(assessment.assessed_on),
        assessment.term,
        loaded.framework.id,
        key,
        IndicatorNumbers(loaded.stages),
        IndicatorNumbers(loaded.targets),
        _shared(overall_score(loaded.framework, loaded.stages)),
        assessment.region,
        assessment.cohort,
        one_raters_file(assessment),
        _shared(
            tuple(dict.fromkeys(p.stakeholder_group for p in assessment.participants if p.stakeholder_group))
        ),
        action_records(assessment),
        _digest(loaded.profile),
        _shared(tuple((person.name, person.organization) for person in assessment.participants)),
    )
    return outcome.with_value(entry)


_SHARED: dict[tuple[type, Hashable], Hashable] = {}
H = TypeVar("H", bound=Hashable)


def _shared(value: H) -> H:
    """One object in the process for each date, score and list of groups the entries hold (bounded;
    by type too, as `Fraction(1) == 1`)."""
    if len(_SHARED) >= 100_000:
        return value
    return _SHARED.setdefault((type(value), value), value)  # type: ignore[return-value]


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


def read_network(paths: Sequence[Path], *, jobs: int | None = None) -> list[FileOutcome[NetworkEntry]]:
    """Every YAML file of the paths as a `NetworkEntry` (or how it failed), checked for errors only:
    `summary` and `actions` never show warnings. Raises ReadError when a path cannot be read."""
    from coalition_cli.core.codes import ERRORS_ONLY
    from coalition_cli.core.errors import ReadError
    from coalition_cli.core.files.discovery import expand
    from coalition_cli.core.loading.assessments import check_all

    targets = expand(paths)
    missing = [f"{target.path} ({target.missing})" for target in targets if target.missing is not None]
    if missing:
        raise ReadError("cannot read " + ", ".join(missing))
    files = check_all(targets, network_entry, jobs=jobs, policy=ERRORS_ONLY)
    unreadable = [f"{item.file} ({item.unreadable})" for item in files if item.unreadable is not None]
    if unreadable:
        raise ReadError("cannot read " + ", ".join(unreadable))
    return files


def made_by_day(
    files: Sequence[FileOutcome[NetworkEntry]], as_of: dt.date | None, *, what: str
) -> tuple[list[FileOutcome[NetworkEntry]], tuple[NetworkEntry, ...]]:
    """The files as of a day given with `--as-of` (`core.as_of`): the assessments dated after it are
    left out, and returned apart for the terminal to name; with no day given (today), every file.
    Raises UsageError, in the plan's words, when the day is before every assessment (`what` is made:
    "a register", "a summary")."""
    from coalition_cli.core.as_of import before_assessment, made_by

    if as_of is None:
        return list(files), ()
    kept: list[FileOutcome[NetworkEntry]] = []
    later: list[NetworkEntry] = []
    for item in files:
        if item.value is not None and not made_by(item.value.assessed_on, as_of):
            later.append(item.value)
        else:
            kept.append(item)
    if later and all(item.value is None for item in kept):
        raise before_assessment(as_of, min(entry.assessed_on for entry in later), what=what, every=True)
    return kept, tuple(later)


def left_out(outcome: FileOutcome[NetworkEntry]) -> bool:
    """A file read but left out of the numbers: it has errors."""
    return outcome.value is None and not outcome.skipped and outcome.unreadable is None


def in_brief(outcome: FileOutcome[NetworkEntry]) -> str:
    """`3 problems; first: line 4: …`, for the list of files left out."""
    errors = [problem for problem in outcome.problems if problem.is_error]
    first = f"; first: line {errors[0].line}: {errors[0].message}" if errors else ""
    return f"{plural(len(errors), 'problem')}{first}"


def files_read(
    *,
    assessments: int,
    raters_set_aside: int = 0,
    skipped: int = 0,
    other_framework: int = 0,
    later: Sequence[NetworkEntry] = (),
    as_of: dt.date | None = None,
) -> list[str]:
    """What `summary` and `actions` say on the terminal (standard error) about the files they read:
    the facilitator's to know, not the readers' of the report (who are told of coalitions, not files);
    `later`: the assessments dated after `--as-of`, left out."""
    notes = [f"{plural(assessments, 'assessment file')} read"]
    if later and as_of is not None:
        from coalition_cli.core.wording import long_date

        named = ", ".join(f"{entry.file} ({long_date(entry.assessed_on)})" for entry in later[:3])
        more = f" and {len(later) - 3} more" if len(later) > 3 else ""
        notes.append(
            f"{plural(len(later), 'more assessment file')}, dated after {long_date(as_of)}, left out "
            f"(--as-of: not made by then): {named}{more}"
        )
    if raters_set_aside:
        notes.append(
            f"{plural(raters_set_aside, 'rater')}' files set aside: one person's ratings beside their "
            "coalition's consensus"
        )
    if skipped:
        notes.append(f"{plural(skipped, 'YAML file')} skipped: not assessments")
    if other_framework:
        notes.append(f"{plural(other_framework, 'file')} left out: another framework")
    return notes


def left_out_line(count: int) -> str:
    """The report's line for files left out with errors, in `summary` and `actions` alike (the
    terminal names each file, and how to see its problems)."""
    return f"{plural(count, 'file')} {'has' if count == 1 else 'have'} errors and {'is' if count == 1 else 'are'} left out"
