"""Checking files against the shipped index of a bundled rubric: validate's way, without Pydantic.

The pipeline of core/loading/pipeline.py, with the index (core/checks/fastcheck.py) standing in for
the models: a JSON Schema of the shape the models accept, and the rubric's and the Guide's terms for
the very same checks. A file thus gets the problems the models would give it, in the same words,
for a fraction of the cost (importing Pydantic and the models alone takes longer than checking a
hundred files this way). Where the index cannot tell (a document of another shape, a rubric given
by path or by --framework, a rubric file itself, an index missing or stale), the file goes to the
models, imported then.

Only `validate` reads files this way: it needs each file's problems, never the model of a valid
file, which the other commands use.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from coalition_cli.core.checks.fastcheck import (
    GuideIndex,
    assessment_conforms,
    load_guide_index,
    load_index,
    profile_conforms,
)
from coalition_cli.core.codes import Policy
from coalition_cli.core.files.batch import map_files
from coalition_cli.core.files.discovery import Target
from coalition_cli.core.loading.outcome import FileOutcome, without_value
from coalition_cli.core.loading.parsed import Parsed
from coalition_cli.core.loading.pipeline import Checked, Modelled, Reading, Rubric, check_target, model_stage


class ProfileName(NamedTuple):
    """What the index makes of a coalition profile: its name, which following `profile:` compares."""

    name: str | None


class _Index:
    """The pipeline's reading by the index (see core/loading/pipeline.py); None where it cannot tell."""

    def assessment(self, parsed: Parsed) -> Modelled[None] | None:
        def shaped(data: dict[str, Any]) -> Modelled[None] | None:
            return Modelled(None, data=data) if assessment_conforms(data) else None

        return model_stage(parsed, shaped)

    def profile(self, parsed: Parsed) -> Modelled[ProfileName] | None:
        def shaped(data: dict[str, Any]) -> Modelled[ProfileName] | None:
            return Modelled(ProfileName(data.get("name")), data=data) if profile_conforms(data) else None

        return model_stage(parsed, shaped)

    def rubric_file(self, parsed: Parsed) -> None:
        return None  # the index holds no rubric's shape: a rubric file is the models' to check

    def guide(self) -> GuideIndex | None:
        return load_guide_index()

    def rubric(self, data: dict[str, Any], override: str | None, folder: Path) -> Rubric | None:
        reference = data.get("framework")
        if override is not None or not isinstance(reference, str):
            return None  # --framework is a path from the working folder, or another rubric: the models'
        index = load_index(reference)
        return Rubric(index) if index is not None else None

    def loaded(self, checked: Checked) -> None:
        return None  # validate needs no value


INDEX = _Index()


def validate_target(
    target: Target, *, policy: Policy, framework: str | None, stdin: bytes | None
) -> FileOutcome[None]:
    """How one file to validate went: checked against the index when it can tell, else by the models."""
    outcome = check_target(INDEX, target, policy=policy, framework=framework, stdin=stdin, otherwise=_models)
    assert outcome is not None  # the models always tell
    return without_value(outcome)


def _models() -> Reading[Any, Any]:
    """The models, imported only for a file the index cannot tell about."""
    from coalition_cli.core.loading.assessments import MODELS

    return MODELS


def validate_all(
    targets: Sequence[Target],
    *,
    policy: Policy,
    framework: str | None = None,
    jobs: int | None = None,
    stdin: bytes | None = None,
) -> list[FileOutcome[None]]:
    """`validate_target` for every file, in order, on every core when there are many."""
    check = partial(validate_target, policy=policy, framework=framework, stdin=stdin)
    return map_files(check, targets, jobs=jobs)
