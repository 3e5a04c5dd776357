"""The stages every YAML document goes through when the models check it: parse, model, checks, locate.

Frameworks, the Guide, assessments and coalition profiles all use them, so a problem in any of them
is reported the same way, at `file:line:col`, with a stable code:

    parsed = parse(path, label)                  # read and parse: plain data, or text problems
    modelled = apply_model(parsed, Model)        # the model, and why the document does not fit it
    findings = run_checks(kind, Subject(...))    # the registered checks (core/checks/registry.py)
    located = locate(parsed, findings, policy)   # lines, columns, severities, suppressions; 100 listed

Parsing and locating need no model (core/loading/parsed.py); the chain of stages is written once
(core/loading/pipeline.py), for the models and for validate's fast path alike. `check_document` is
that chain for the documents with nothing more to resolve (a rubric, the Guide, a coalition.yaml);
core/loading/assessments.py adds the framework and profile stages of assessments.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from coalition_cli.core.checks.base import Kind
from coalition_cli.core.checks.structure import findings_from
from coalition_cli.core.codes import DEFAULT_POLICY, Policy
from coalition_cli.core.loading.outcome import FileOutcome
from coalition_cli.core.loading.parsed import Parsed, parse
from coalition_cli.core.loading.pipeline import Modelled, model_stage, outcome_of
from coalition_cli.core.model.base import validated
from coalition_cli.core.model.building import NotBuilt, built

if TYPE_CHECKING:
    from coalition_cli.core.model.guide import Guide

M = TypeVar("M")


def apply_model(
    parsed: Parsed, model: type[M], conforming: Callable[[dict[str, Any]], bool] | None = None
) -> Modelled[M]:
    """Stage 2, model: the document read by its model, and why it does not fit, where it does not.

    `conforming` says whether a document is known to have the model's shape (by the shipped index):
    such a document is made into the model's values without Pydantic (core/model/building.py)."""

    def validate(data: dict[str, Any]) -> Modelled[M]:
        if conforming is not None and conforming(data):
            try:
                return Modelled(built(model, data), data=data)
            except NotBuilt:
                pass  # Pydantic decides, and says why
        from pydantic import ValidationError

        try:
            return Modelled(validated(model, data), data=data)
        except ValidationError as error:
            return Modelled(None, tuple(findings_from(error, model, data)), data)

    modelled = model_stage(parsed, validate)
    assert modelled is not None  # the models always tell
    return modelled


def document_outcome(
    parsed: Parsed, model: type[M], kind: Kind, *, guide: Guide | None = None, policy: Policy = DEFAULT_POLICY
) -> FileOutcome[M]:
    """Stages 2 to 5 for a document read on its own: the model, the checks of its kind, locate."""
    if parsed.unreadable is not None:
        return FileOutcome(parsed.label, unreadable=parsed.unreadable)
    return outcome_of(parsed, apply_model(parsed, model), kind, guide=guide, policy=policy)


def check_document(
    path: Path,
    model: type[M],
    kind: Kind,
    *,
    label: str | None = None,
    text: str | bytes | None = None,
    guide: Guide | None = None,
    policy: Policy = DEFAULT_POLICY,
) -> FileOutcome[M]:
    """Check one file of a kind that needs nothing else read (`text`: its content, when already read;
    bytes are decoded and checked as the file's would be)."""
    name = label if label is not None else str(path)
    return document_outcome(parse(path, name, text), model, kind, guide=guide, policy=policy)
