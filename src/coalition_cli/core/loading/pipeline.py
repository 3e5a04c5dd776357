"""The chain of stages a document goes through, written once, whatever it is checked against.

One assessment file goes through these stages, each returning a value the next one takes:

    parse      the text, read and parsed by the C loader          parsed.parse
    model      the document against its model                    Reading.assessment, Reading.profile
    framework  the rubric it names, found and loaded              Reading.rubric
    profile    the coalition.yaml it names, read and checked      profiles.follow_profile
    checks     the registered checks of its kind                  checks.registry.run_checks
               and, on the parse, text a comment cut short        checks.comments.cut_texts
    locate     findings at lines and columns, with severities     parsed.locate

A file given as an assessment may be another kind of document the tool reads, and is then checked
as what it is: a coalition profile (a coalition.yaml) by the profile's model and checks, a rubric by
the rubric's model and checks, as `coalition framework validate` checks one (core/loading/documents.py).

A `Reading` says what the model and framework stages check against: the models (Pydantic, and the
rubric and the Guide as loaded: core/loading/assessments.py), or the index shipped for a bundled
rubric (validate's fast path: core/loading/indexed.py), where a JSON Schema stands in for the
models and the same checks word the same problems. A reading answers None where it cannot tell,
and the file is then the models' to check. No Pydantic here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, Protocol, TypeVar

from coalition_cli.core import codes
from coalition_cli.core.checks.base import Kind, Subject
from coalition_cli.core.checks.comments import cut_texts
from coalition_cli.core.checks.registry import run_checks
from coalition_cli.core.checks.rubric import NEED_THE_RUBRIC
from coalition_cli.core.checks.structure import document_finding
from coalition_cli.core.codes import CODES, Code, Policy
from coalition_cli.core.files.discovery import Target
from coalition_cli.core.loading.outcome import FileOutcome, Record
from coalition_cli.core.loading.parsed import Parsed, foreign, locate, looks_like_rubric, parse
from coalition_cli.core.loading.profiles import (
    Named,
    ProfileCheck,
    ProfileReference,
    follow_profile,
    looks_like_profile,
)
from coalition_cli.core.problems import Finding, Placed, Problem

if TYPE_CHECKING:
    from coalition_cli.core.checks.base import GuideTerms, RubricTerms

M = TypeVar("M")
A = TypeVar("A", covariant=True)
"""What a reading makes of a valid assessment (the models: a `LoadedAssessment`)."""
P = TypeVar("P", bound=Named)
"""What a reading makes of a coalition profile (the models: a `CoalitionProfile`)."""


class Modelled(Record, Generic[M]):
    """Stage 2, model: the document read by its model, and why it does not fit, where it does not.
    `data`: the mapping the checks read, key by key; None when the document is no such mapping."""

    __slots__ = ("data", "findings", "model")

    def __init__(
        self, model: M | None, findings: tuple[Finding, ...] = (), data: dict[str, Any] | None = None
    ) -> None:
        self.model = model
        self.findings = findings
        self.data = data


def model_stage(parsed: Parsed, read: Callable[[dict[str, Any]], Modelled[M] | None]) -> Modelled[M] | None:
    """Stage 2: `read` the document, unless there is nothing a model could read in it (the text did
    not parse, or is empty, not a mapping, or repeats containers through aliases)."""
    if not parsed.parsed:
        return Modelled(None)
    refused = document_finding(parsed.data)
    if refused is not None:
        return Modelled(None, (refused,))
    return read(parsed.data)


NOTHING_CHECKED = frozenset(CODES.values())
"""What was looked for in a document the checks cannot read (its text did not parse, or is not a
mapping): none of the codes, so that no `# coalition: ignore[…]` comment in it is called unused."""


def outcome_of(
    parsed: Parsed, modelled: Modelled[M], kind: Kind, *, guide: GuideTerms | None, policy: Policy
) -> FileOutcome[M]:
    """Stages 4 and 5 of a document that needs nothing else read: the checks of its kind, locate."""
    findings = list(modelled.findings)
    if modelled.data is None:
        return FileOutcome.of(parsed.label, locate(parsed, findings, policy, NOTHING_CHECKED), modelled.model)
    findings += run_checks(kind, Subject(modelled.data, guide=guide))
    return FileOutcome.of(
        parsed.label, locate(parsed, findings, policy, placed=cut_short(parsed, kind, policy)), modelled.model
    )


def cut_short(parsed: Parsed, kind: Kind, policy: Policy) -> tuple[Placed, ...]:
    """Beside the checks: the text values a comment cut short (core/checks/comments.py), read on the
    parse, as the checks cannot (the data holds no comments)."""
    if not policy.reports(codes.TEXT_CUT_BY_COMMENT):
        return ()
    return cut_texts(kind, parsed.text, parsed.nodes, parsed.data)


class Rubric(NamedTuple):
    """The framework stage: the rubric an assessment is checked against, or why it cannot be."""

    framework: RubricTerms | None
    findings: tuple[Finding, ...] = ()


class Checked(NamedTuple):
    """All the pipeline knows of an assessment once it has checked it."""

    path: Path
    parsed: Parsed
    modelled: Modelled[Any]
    rubric: Rubric
    reference: ProfileReference[Any]
    problems: tuple[Problem, ...]


class Reading(Protocol[A, P]):
    """What the model and framework stages check a document against. Each answer may be None: the
    reading cannot tell, and the file is for the models."""

    def assessment(self, parsed: Parsed) -> Modelled[Any] | None:
        """Stage 2 of an assessment."""
        ...

    def profile(self, parsed: Parsed) -> Modelled[P] | None:
        """Stage 2 of a coalition profile (a coalition.yaml, on its own or named by `profile:`)."""
        ...

    def rubric_file(self, parsed: Parsed) -> Modelled[Any] | None:
        """Stage 2 of a rubric file, given as an assessment (the models: a `Framework`)."""
        ...

    def guide(self) -> GuideTerms | None:
        """The Guide's stakeholder groups and partner kinds, which the checks read."""
        ...

    def rubric(self, data: dict[str, Any], override: str | None, folder: Path) -> Rubric | None:
        """Stage 3: the rubric `override` (--framework) or the file's own `framework:` names; a
        file's own `framework:` is a path from its folder."""
        ...

    def loaded(self, checked: Checked) -> A | None:
        """What a file holds once read: its value in the outcome (None when it cannot be used)."""
        ...


def check_assessment_with(
    reading: Reading[A, P],
    path: Path,
    name: str,
    *,
    policy: Policy,
    framework: str | None = None,
    skip_foreign: bool = False,
    text: str | bytes | None = None,
    otherwise: Callable[[], Reading[Any, Any]] | None = None,
) -> FileOutcome[Any] | None:
    """Check one file given as an assessment through every stage, or None when `reading` cannot tell
    (and there is no `otherwise`: the reading to ask then, given when needed, the text parsed once).

    A coalition.yaml or a rubric is checked as what it is; with `skip_foreign` (files found by walking
    a folder), a YAML file that is plainly not an assessment is skipped, not failed. See
    `assessments.check_assessment` for the arguments.
    """
    parsed = parse(path, name, text)
    outcome = _read(reading, parsed, path, policy=policy, framework=framework, skip_foreign=skip_foreign)
    if outcome is None and otherwise is not None:
        return _read(otherwise(), parsed, path, policy=policy, framework=framework, skip_foreign=skip_foreign)
    return outcome


def _read(
    reading: Reading[A, P],
    parsed: Parsed,
    path: Path,
    *,
    policy: Policy,
    framework: str | None,
    skip_foreign: bool,
) -> FileOutcome[A | P] | None:
    name = parsed.label
    if parsed.unreadable is not None:
        return FileOutcome(name, unreadable=parsed.unreadable)
    if looks_like_profile(parsed.data):
        return check_profile_with(reading, parsed, policy)
    if looks_like_rubric(parsed.data):
        return check_rubric_with(reading, parsed, policy)
    if skip_foreign and foreign(parsed):
        return FileOutcome(name, skipped=True)
    modelled = reading.assessment(parsed)
    if modelled is None:
        return None
    if modelled.data is None:
        return FileOutcome.of(name, locate(parsed, list(modelled.findings), policy, NOTHING_CHECKED))
    guide = reading.guide()
    rubric = reading.rubric(modelled.data, framework, path.parent)
    if guide is None or rubric is None:
        return None
    reference = follow_profile(modelled.data, path.parent, profile_check(reading), policy)
    if reference is None:
        return None
    checked = run_checks(Kind.ASSESSMENT, Subject(modelled.data, rubric.framework, guide))
    findings = [*modelled.findings, *rubric.findings, *reference.findings, *checked]
    placed = cut_short(parsed, Kind.ASSESSMENT, policy)
    found = locate(parsed, findings, policy, _not_checked(modelled.data, rubric, reference), placed)
    shared = reference.located
    problems = (*found.problems, *shared.problems)
    return FileOutcome(
        name,
        problems,
        reading.loaded(Checked(path, parsed, modelled, rubric, reference, problems)),
        suppressed=(*found.suppressed, *shared.suppressed),
        unlisted_errors=found.unlisted_errors + shared.unlisted_errors,
        unlisted_warnings=found.unlisted_warnings + shared.unlisted_warnings,
    )


def _not_checked(data: dict[str, Any], rubric: Rubric, reference: ProfileReference[Any]) -> frozenset[Code]:
    """The codes not looked for in an assessment: the rubric checks' while its rubric cannot be read,
    and whether the profile is another coalition's while the profile its `profile:` names cannot be."""
    missed: set[Code] = set()
    if rubric.framework is None:
        missed |= NEED_THE_RUBRIC
    if isinstance(data.get("profile"), str) and reference.profile is None:
        missed.add(codes.PROFILE_OTHER_COALITION)
    return frozenset(missed)


def check_target(
    reading: Reading[A, P],
    target: Target,
    *,
    policy: Policy,
    framework: str | None = None,
    stdin: bytes | None = None,
    otherwise: Callable[[], Reading[Any, Any]] | None = None,
) -> FileOutcome[Any] | None:
    """`check_assessment_with` for a file to check (from `discovery.expand`): `stdin`, the text of
    standard input when the target stands for it."""
    if target.missing is not None:
        return FileOutcome(target.label, unreadable=target.missing)
    return check_assessment_with(
        reading,
        target.path,
        target.label,
        policy=policy,
        framework=framework,
        skip_foreign=target.from_folder,
        text=stdin if target.stdin else None,
        otherwise=otherwise,
    )


def check_profile_with(reading: Reading[A, P], parsed: Parsed, policy: Policy) -> FileOutcome[P] | None:
    """A coalition profile, parsed, through the remaining stages; None when `reading` cannot tell."""
    if parsed.unreadable is not None:
        return FileOutcome(parsed.label, unreadable=parsed.unreadable)
    guide = reading.guide()
    modelled = reading.profile(parsed)
    if guide is None or modelled is None:
        return None
    return outcome_of(parsed, modelled, Kind.PROFILE, guide=guide, policy=policy)


def check_rubric_with(reading: Reading[A, P], parsed: Parsed, policy: Policy) -> FileOutcome[Any] | None:
    """A rubric file, parsed, through the remaining stages: its model and the rubric checks, as
    `coalition framework validate` checks it; None when `reading` cannot tell."""
    modelled = reading.rubric_file(parsed)
    if modelled is None:
        return None
    return outcome_of(parsed, modelled, Kind.FRAMEWORK, guide=None, policy=policy)


def profile_check(reading: Reading[A, P]) -> ProfileCheck[P]:
    """How `reading` checks the coalition.yaml an assessment's `profile:` names: once a process for
    every assessment naming it (the terms `compare`, `plan --since` and `summary` read share one),
    again only if the file changed (its size, time of change or inode)."""

    def check(path: Path, label: str, policy: Policy) -> FileOutcome[P] | None:
        import os

        try:
            found = Path(path).stat()
            key = (reading, os.fspath(path), label, policy, found.st_ino, found.st_size, found.st_mtime_ns)
            hash(key)
        except (OSError, TypeError):  # unreadable (said by parse), or a policy of unhashable parts
            return check_profile_with(reading, parse(path, label), policy)
        if key not in _PROFILES_CHECKED:
            if len(_PROFILES_CHECKED) >= _PROFILES_KEPT:
                _PROFILES_CHECKED.clear()  # a long session re-reading an edited profile: start again
            _PROFILES_CHECKED[key] = check_profile_with(reading, parse(path, label), policy)
        checked: FileOutcome[P] | None = _PROFILES_CHECKED[key]
        return checked

    return check


_PROFILES_CHECKED: dict[tuple[Any, ...], Any] = {}
"""Each coalition.yaml checked in this process, by reading, path, label, policy and the file's state."""

_PROFILES_KEPT = 64
