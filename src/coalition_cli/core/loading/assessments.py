"""Checking assessment files, and loading the valid ones for the commands that need them.

A file goes through the stages of core/loading/pipeline.py (parse, model, framework, profile,
checks, locate); here they check against the models: Pydantic, and the rubric and the Guide as
loaded (`MODELS`). `check_assessment` runs them for one file; `check_all` for many (on every core
when there are many), and `load_all` / `load_assessment` turn outcomes into valid
`LoadedAssessment`s or errors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from coalition_cli.core import codes
from coalition_cli.core.checks.fastcheck import assessment_conforms, profile_conforms
from coalition_cli.core.codes import DEFAULT_POLICY, Policy
from coalition_cli.core.errors import FrameworkError, InvalidFileError, ReadError, UsageError
from coalition_cli.core.files.batch import map_files
from coalition_cli.core.files.discovery import Target
from coalition_cli.core.frozen import frozen
from coalition_cli.core.loading.documents import apply_model
from coalition_cli.core.loading.frameworks import (
    FrameworkOutsideRepository,
    framework_signature,
    load_framework,
    load_guide,
)
from coalition_cli.core.loading.outcome import FileOutcome
from coalition_cli.core.loading.parsed import Parsed
from coalition_cli.core.loading.pipeline import Checked, Modelled, Rubric, check_assessment_with, check_target
from coalition_cli.core.model.assessment import Assessment
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.model.guide import Guide
from coalition_cli.core.model.profile import CoalitionProfile
from coalition_cli.core.model.stages import StageError, parse_stage
from coalition_cli.core.problems import Finding, Problem
from coalition_cli.core.wording import plural

T = TypeVar("T")


@frozen
class LoadedAssessment:
    """An assessment with its framework, and each rating's stage and target as numbers."""

    path: Path
    assessment: Assessment
    framework: Framework
    stages: dict[str, int | None]
    targets: dict[str, int | None]
    text: str
    warnings: tuple[Problem, ...] = ()
    profile: CoalitionProfile | None = None

    def stage(self, indicator_id: str) -> int | None:
        return self.stages.get(indicator_id)

    def target(self, indicator_id: str) -> int | None:
        return self.targets.get(indicator_id)

    @property
    def label(self) -> str:
        """Who the file is by (`facilitator`), or the file's name when it names no one (blank counts
        as no one: a consensus table headed " " named no rater)."""
        facilitator = self.assessment.facilitator
        return facilitator if facilitator and facilitator.strip() else self.path.stem


Read = LoadedAssessment | CoalitionProfile | Framework
"""What a file given as an assessment may hold: an assessment, a shared coalition.yaml, or a rubric."""


class AssessmentOutcome(FileOutcome[Read]):
    """How checking a file given as an assessment went (no other fields than a `FileOutcome`'s)."""

    __slots__ = ()

    @classmethod
    def of(cls, outcome: FileOutcome[Read]) -> AssessmentOutcome:  # type: ignore[override]
        return cls(
            outcome.file,
            outcome.problems,
            outcome.value,
            outcome.skipped,
            outcome.unreadable,
            *outcome.located[1:],
        )

    @property
    def profile(self) -> CoalitionProfile | None:
        """The coalition profile the file is, or holds, or names, when it can be read."""
        if isinstance(self.value, LoadedAssessment):
            return self.value.profile
        return self.value if isinstance(self.value, CoalitionProfile) else None


FRAMEWORK_CODES = (codes.UNKNOWN_FRAMEWORK, codes.INVALID_FRAMEWORK, codes.OUTSIDE_REPOSITORY)
"""What the framework stage may report."""


def find_framework(data: dict[str, object], override: str | None, folder: Path) -> Rubric:
    """The rubric `--framework` (`override`) or the file's own `framework:` names.

    A --framework is a path from the working folder; a file's own `framework:` a path from the file.
    """
    reference = override if override is not None else data.get("framework")
    if not isinstance(reference, str) or not reference:
        return Rubric(None)  # the model reports a missing or mistyped `framework:`
    try:
        return Rubric(load_framework(reference, relative_to=None if override is not None else folder))
    except FrameworkError as error:
        code = codes.INVALID_FRAMEWORK if error.problems else codes.UNKNOWN_FRAMEWORK
        if isinstance(error, FrameworkOutsideRepository):
            code = codes.OUTSIDE_REPOSITORY
        detail = f" ({error.hint})" if error.hint else ""
        if error.problems:
            import shlex

            rubric = shlex.quote(error.file or reference)  # from the working folder, as the message names it
            detail = f": run `coalition framework validate {rubric}` to see its {plural(len(error.problems), 'problem')}"
        later = "; indicator ids and stages are checked once the framework is found"
        return Rubric(None, (Finding(("framework",), code, f"{error.message}{detail}{later}"),))


def check_assessment(
    path: Path,
    *,
    strict: bool = False,
    label: str | None = None,
    framework: str | None = None,
    skip_foreign: bool = False,
    text: str | bytes | None = None,
    policy: Policy | None = None,
) -> AssessmentOutcome:
    """Check one assessment file: every problem, and what it holds when that can be read.

    `framework` overrides the file's own `framework:` reference. With `skip_foreign` (files found by
    walking a directory), a YAML file that is plainly not an assessment is skipped, not failed.
    `text` is checked instead of what the file holds, as if it were there (an edit about to be
    saved): references in it (framework, profile) are still read relative to `path`. A coalition.yaml
    is checked as what it is. `policy` says which codes are reported and how (`strict` is short for
    `Policy(strict=True)`).
    """
    name = label if label is not None else str(path)
    policy = policy if policy is not None else Policy(strict=strict)
    outcome = check_assessment_with(
        MODELS, path, name, policy=policy, framework=framework, skip_foreign=skip_foreign, text=text
    )
    assert outcome is not None  # the models always tell
    return AssessmentOutcome.of(outcome)


BUILT_AT_MOST = 64
"""How many documents a process makes into models without Pydantic. Importing Pydantic and building
the models' validators costs about 60 ms, once; Pydantic then reads a document about 0.4 ms faster
than the index and the builder do. So a command reading a few files never imports it, and one
reading more than this many (`summary`, `actions` over a network) has Pydantic read them all
(`check_all`), as does any process past this many."""


class ModelsReading:
    """The pipeline's reading by the models (see core/loading/pipeline.py): it always tells.

    `by_index`: a document the shipped index finds to have the models' shape is made into the models'
    values without Pydantic (core/model/building.py), for the first `BUILT_AT_MOST` documents of the
    process; without it, Pydantic reads every document (what the tests hold the shortcut to)."""

    def __init__(self, *, by_index: bool = True) -> None:
        self._by_index = by_index
        self._built = 0

    @property
    def offered_to_the_builder(self) -> int:
        """How many documents this reading has offered to be made without Pydantic."""
        return self._built

    def _known_shape(
        self, conforms: Callable[[dict[str, Any]], bool]
    ) -> Callable[[dict[str, Any]], bool] | None:
        if not self._by_index or self._built >= BUILT_AT_MOST:
            return None

        def counted(data: dict[str, Any]) -> bool:
            self._built += 1
            return conforms(data)

        return counted

    def assessment(self, parsed: Parsed) -> Modelled[Assessment]:
        return apply_model(parsed, Assessment, self._known_shape(assessment_conforms))

    def profile(self, parsed: Parsed) -> Modelled[CoalitionProfile]:
        return apply_model(parsed, CoalitionProfile, self._known_shape(profile_conforms))

    def rubric_file(self, parsed: Parsed) -> Modelled[Framework]:
        return apply_model(parsed, Framework)  # as `framework validate` reads one (documents.check_document)

    def guide(self) -> Guide:
        return load_guide()

    def rubric(self, data: dict[str, Any], override: str | None, folder: Path) -> Rubric:
        return find_framework(data, override, folder)

    def loaded(self, checked: Checked) -> LoadedAssessment | None:
        assessment, framework = checked.modelled.model, checked.rubric.framework
        if not isinstance(assessment, Assessment) or not isinstance(framework, Framework):
            return None
        try:
            stages, targets = stage_numbers(framework, assessment)
        except StageError:
            return None  # reported by the rubric checks
        inline = assessment.profile
        return LoadedAssessment(
            checked.path,
            assessment,
            framework,
            stages,
            targets,
            checked.parsed.text or "",
            tuple(problem for problem in checked.problems if not problem.is_error),
            inline if isinstance(inline, CoalitionProfile) else checked.reference.profile,
        )


MODELS = ModelsReading()
PYDANTIC_ONLY = ModelsReading(by_index=False)
"""Pydantic reads every document: the reference the fast ways are tested against."""


def stage_numbers(
    framework: Framework, assessment: Assessment
) -> tuple[dict[str, int | None], dict[str, int | None]]:
    """Each rating's stage and target as numbers (written as numbers or names). Raises StageError."""
    stages: dict[str, int | None] = {}
    targets: dict[str, int | None] = {}
    for indicator_id, rating in assessment.ratings.items():
        stages[indicator_id] = parse_stage(framework, rating.stage) if rating else None
        targets[indicator_id] = parse_stage(framework, rating.target) if rating else None
    return stages, targets


def check_all(
    targets: Sequence[Target],
    keep: Callable[[FileOutcome[Read]], FileOutcome[T]],
    *,
    policy: Policy = DEFAULT_POLICY,
    framework: str | None = None,
    jobs: int | None = None,
    stdin: bytes | None = None,
) -> list[FileOutcome[T]]:
    """Check every file (from `discovery.expand`), in order, on every core when there are many.

    `keep` (a module-level function, for worker processes) turns each outcome into what is sent back:
    only what the caller needs, so that it pickles cheaply. `stdin`: the text of the target read from
    standard input (`Target.stdin`), read once by the caller.

    More files than `BUILT_AT_MOST` are read by Pydantic from the first: imported by this process as
    it reads the first file, before the workers start, it is imported once for all of them.
    """
    many = len(targets) > BUILT_AT_MOST
    check = partial(_check_target, keep=keep, policy=policy, framework=framework, stdin=stdin, many=many)
    return map_files(check, targets, jobs=jobs)


def _check_target(
    target: Target,
    *,
    keep: Callable[[FileOutcome[Read]], FileOutcome[T]],
    policy: Policy,
    framework: str | None,
    stdin: bytes | None,
    many: bool = False,
) -> FileOutcome[T]:
    reading = PYDANTIC_ONLY if many else MODELS
    outcome = check_target(reading, target, policy=policy, framework=framework, stdin=stdin)
    assert outcome is not None  # the models always tell
    return keep(AssessmentOutcome.of(outcome))


def _as_is(outcome: FileOutcome[Read]) -> FileOutcome[Read]:
    return outcome


def valid_assessment(path: Path, outcome: FileOutcome[Read]) -> LoadedAssessment:
    """The assessment of a file that must be a valid one. Raises ReadError, UsageError (a coalition
    profile), or InvalidFileError with the problems."""
    if outcome.unreadable is not None:
        if path.is_dir():
            raise ReadError(f"{path} is a folder; give an assessment file")
        from coalition_cli.core.files.discovery import meant_file

        meant = meant_file(path) if not path.exists() else None
        raise ReadError(f"cannot read {path}: {outcome.unreadable}", hint=meant)
    if isinstance(outcome.value, CoalitionProfile):
        raise UsageError(
            f"{path} is a coalition profile (members, meetings, structure), not an assessment",
            hint="give an assessment file; `coalition roster` reads a profile on its own",
        )
    if isinstance(outcome.value, Framework):
        import shlex

        raise UsageError(
            f"{path} is a rubric (stages, domains, indicators), not an assessment",
            hint="give an assessment file (one that names this rubric in its `framework:`); "
            f"`coalition framework show --framework {shlex.quote(str(path))}` shows the rubric",
        )
    if outcome.has_errors or not isinstance(outcome.value, LoadedAssessment):
        count = sum(problem.is_error for problem in outcome.problems)
        import shlex

        from coalition_cli.core.wording import fix_them, plural  # wording only; not on the valid-file path

        raise InvalidFileError(
            f"{path} has {plural(count, 'problem')}",
            problems=list(outcome.problems),
            hint=f"{fix_them(count)}, then check again with `coalition validate {shlex.quote(str(path))}`",
        )
    return outcome.value


def load_assessment(path: Path, *, framework: str | None = None, text: str | None = None) -> LoadedAssessment:
    """Load a valid assessment (`text`: its content, when already read). Raises ReadError,
    FrameworkError or InvalidFileError (with problems)."""
    return valid_assessment(path, check_assessment(path, framework=framework, text=text))


def load_all(paths: Sequence[Path]) -> list[LoadedAssessment]:
    """Load every file; if any has problems, report the problems of all of them at once (exit 1).

    A file that cannot be read stops at once (exit 2), as does a coalition profile given instead of
    an assessment.
    """
    outcomes = check_all([Target(path) for path in paths], _as_is, jobs=1)
    loaded: list[LoadedAssessment] = []
    problems: list[Problem] = []
    failed: list[str] = []
    for path, outcome in zip(paths, outcomes, strict=True):
        try:
            loaded.append(valid_assessment(path, outcome))
        except InvalidFileError as error:
            problems.extend(error.problems)
            failed.append(str(path))
    if failed:
        from coalition_cli.core.wording import fix_them, plural

        raise InvalidFileError(
            f"{plural(len(failed), 'file')} {'has' if len(failed) == 1 else 'have'} problems, so nothing was scored: "
            + ", ".join(failed),
            problems=problems,
            hint=f"{fix_them(sum(problem.is_error for problem in problems))}, then check again with "
            f"`coalition validate {' '.join(failed)}`",
        )
    return loaded


def one_framework(loaded: Sequence[LoadedAssessment], why: str) -> Framework:
    """The framework all the files use; a usage error (exit 2) when they use different ones."""
    if len({framework_signature(item.framework) for item in loaded}) > 1:
        used = ", ".join(f"{item.path} ({item.framework.id})" for item in loaded)
        raise UsageError(f"these files use different frameworks, so {why}: {used}")
    return loaded[0].framework
