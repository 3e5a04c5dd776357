"""Checking one assessment file, and loading it for the commands that need a valid one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coalition_cli.core.checks.rubric import guide_findings, rubric_findings
from coalition_cli.core.errors import FrameworkError, InvalidFileError, ReadError, UsageError
from coalition_cli.core.files.discovery import Target
from coalition_cli.core.loading.documents import Checked, check_file
from coalition_cli.core.loading.frameworks import load_framework, load_guide
from coalition_cli.core.model.assessment import Assessment
from coalition_cli.core.model.framework import Framework, parse_stage
from coalition_cli.core.model.profile import (
    CoalitionProfile,
    ProfileCheck,
    check_profile_entry,
    check_profile_file,
    looks_like_profile,
)
from coalition_cli.core.problems import Finding, Problem

_ASSESSMENT_HINT = re.compile(r"^(framework|ratings|assessed_on)\s*:", re.MULTILINE)


@dataclass
class AssessmentCheck:
    """What `validate` learns about one file."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    skipped: bool = False
    assessment: Assessment | None = None
    framework: Framework | None = None
    text: str | None = None
    profile: CoalitionProfile | None = None

    @property
    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self.problems)


def check_assessment(
    path: Path,
    *,
    strict: bool = False,
    label: str | None = None,
    framework: str | None = None,
    skip_foreign: bool = False,
    text: str | None = None,
) -> AssessmentCheck:
    """Check one assessment file. Raises OSError when the file cannot be read.

    `framework` overrides the file's own `framework:` reference. With `skip_foreign` (files found by
    walking a directory), a YAML file that is plainly not an assessment is skipped, not failed.
    `text` is checked instead of what the file holds, as if it were there (an edit about to be
    saved): references in it (framework, profile) are still read relative to `path`.
    """
    name = label if label is not None else str(path)
    resolved: dict[str, Framework] = {}

    def rubric(_model: Any, data: Any) -> list[Finding]:
        reference = framework if framework is not None else data.get("framework")
        if not isinstance(reference, str) or not reference:
            return guide_findings(data, load_guide())
        # a --framework given on the command line is a path from the working folder; a file's own
        # `framework:` is a path from the file
        relative_to = None if framework is not None else path.parent
        try:
            resolved["framework"] = fw = load_framework(reference, relative_to=relative_to)
        except FrameworkError as error:
            code = "unknown-framework" if not error.problems else "invalid-framework"
            detail = f" ({error.hint})" if error.hint else ""
            if error.problems:
                detail = f": run `coalition framework validate {reference}` to see its {len(error.problems)} problem(s)"
            later = "; indicator ids and stages are checked once the framework is found"
            return [
                Finding(("framework",), code, f"{error.message}{detail}{later}"),
                *guide_findings(data, load_guide()),
            ]
        return rubric_findings(data, fw, load_guide(), strict=strict)

    profile = ProfileCheck()

    def checks(model: Any, data: Any) -> list[Finding]:
        nonlocal profile
        profile = check_profile_entry(data, path.parent, load_guide())
        return [*rubric(model, data), *profile.findings]

    checked: Checked[Assessment] = check_file(path, Assessment, label=name, extra=checks, text=text)
    if looks_like_profile(checked.data):  # a shared coalition.yaml, checked as what it is
        alone = check_profile_file(path, load_guide(), label=name, text=checked.text)
        return AssessmentCheck(name, alone.problems, text=checked.text, profile=alone.model)
    if skip_foreign and _foreign(checked):
        return AssessmentCheck(name, skipped=True)
    inline = checked.model.profile if checked.model else None
    return AssessmentCheck(
        name,
        [*checked.problems, *profile.problems],
        assessment=checked.model,
        framework=resolved.get("framework"),
        text=checked.text,
        profile=inline if isinstance(inline, CoalitionProfile) else profile.profile,
    )


def _foreign(checked: Checked[Assessment]) -> bool:
    if isinstance(checked.data, dict):
        return not ({"framework", "ratings"} & set(checked.data))
    if checked.data is None and checked.text is not None:
        return not _ASSESSMENT_HINT.search(checked.text)  # empty or unparseable: judge by the text
    return False


@dataclass(frozen=True)
class LoadedAssessment:
    """A valid assessment with its framework, and each rating's stage and target as numbers."""

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
        return self.assessment.facilitator or self.path.stem


def stage_numbers(
    framework: Framework, assessment: Assessment
) -> tuple[dict[str, int | None], dict[str, int | None]]:
    """Each rating's stage and target as numbers (written as numbers or names), for a checked file."""
    stages: dict[str, int | None] = {}
    targets: dict[str, int | None] = {}
    for indicator_id, rating in assessment.ratings.items():
        stages[indicator_id] = parse_stage(framework, rating.stage) if rating else None
        targets[indicator_id] = parse_stage(framework, rating.target) if rating else None
    return stages, targets


def load_assessment(path: Path, *, framework: str | None = None) -> LoadedAssessment:
    """Load a valid assessment. Raises ReadError, FrameworkError or InvalidFileError (with problems)."""
    if path.is_dir():
        raise ReadError(f"{path} is a folder; give an assessment file")
    try:
        check = check_assessment(path, framework=framework)
    except OSError as error:
        raise ReadError(f"cannot read {path}: {error.strerror or error}") from None
    if check.assessment is None and check.profile is not None:
        raise UsageError(
            f"{path} is a coalition profile (members, meetings, structure), not an assessment",
            hint="give an assessment file; `coalition roster` reads a profile on its own",
        )
    if check.has_errors or check.assessment is None or check.framework is None:
        count = sum(problem.is_error for problem in check.problems)
        import shlex

        from coalition_cli.core.wording import plural  # wording only; not on the valid-file path

        raise InvalidFileError(
            f"{path} has {plural(count, 'problem')}",
            problems=check.problems,
            hint=f"fix them, then check again with `coalition validate {shlex.quote(str(path))}`",
        )
    fw, assessment = check.framework, check.assessment
    stages, targets = stage_numbers(fw, assessment)
    return LoadedAssessment(
        path,
        assessment,
        fw,
        stages,
        targets,
        check.text or "",
        tuple(problem for problem in check.problems if not problem.is_error),
        check.profile,
    )


@dataclass(frozen=True)
class FileOutcome:
    """What a worker process sends back for one file: small enough to pickle cheaply."""

    file: str
    problems: tuple[Problem, ...] = ()
    skipped: bool = False
    unreadable: str | None = None

    @property
    def valid(self) -> bool:
        return self.unreadable is None and not any(problem.is_error for problem in self.problems)


def validate_target(target: Target, *, strict: bool = False, framework: str | None = None) -> FileOutcome:
    """Check one path found by `discovery.expand`, for `coalition validate`."""
    label = str(target.path)
    if target.missing is not None:
        return FileOutcome(label, unreadable=target.missing)
    try:
        check = check_assessment(
            target.path, strict=strict, framework=framework, skip_foreign=target.from_folder
        )
    except OSError as error:
        return FileOutcome(label, unreadable=error.strerror or str(error))
    return FileOutcome(label, tuple(check.problems), skipped=check.skipped)
