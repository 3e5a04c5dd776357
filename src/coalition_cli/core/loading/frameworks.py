"""Finding and loading rubrics: the bundled ones by id, any other by path, each checked once per run.

A valid rubric's model, and the Guide's, is kept between runs (`model_cache.py`), under the digest of
the file's bytes: a run that finds it there neither parses nor validates nor checks the file again.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import TypeVar

from coalition_cli.core.checks.base import Kind
from coalition_cli.core.errors import FrameworkError
from coalition_cli.core.files.references import MAX_REFERENCE, ReferenceRefused, resolve_reference
from coalition_cli.core.files.regular import read_regular
from coalition_cli.core.files.resources import GUIDE_FILE as GUIDE_FILE
from coalition_cli.core.files.resources import bundled_framework_ids as bundled_framework_ids
from coalition_cli.core.files.resources import framework_data_dir
from coalition_cli.core.files.resources import looks_like_path as looks_like_path
from coalition_cli.core.loading import model_cache
from coalition_cli.core.loading.documents import check_document
from coalition_cli.core.loading.outcome import FileOutcome
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.model.guide import Guide
from coalition_cli.core.suggest import did_you_mean
from coalition_cli.core.wording import quoted
from coalition_cli.core.yaml.source import MAX_BYTES

DEFAULT_FRAMEWORK = "community-framework"

M = TypeVar("M", Framework, Guide)

_BUNDLED_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
"""How a bundled rubric is named: nothing else is looked up among them."""


class FrameworkOutsideRepository(FrameworkError):
    """A `framework:` path that leads outside the assessment's repository, not allowed."""


def framework_path(reference: str, relative_to: Path | None = None) -> Path:
    """Where a framework reference points: a bundled id, or a path.

    A reference from a file (`relative_to`: that file's folder) is a path relative to it, confined
    to its repository (core/files/references.py); one typed on the command line is the user's own,
    relative to the working folder, `~` expanded as a shell would.
    """
    if len(reference) <= MAX_REFERENCE and not looks_like_path(reference):
        bundled = framework_data_dir() / f"{reference}.yaml"
        if _BUNDLED_ID.fullmatch(reference) and os.path.isfile(bundled):  # noqa: PTH113 (as below)
            return bundled
        raise FrameworkError(
            f"unknown framework {quoted(reference)}{did_you_mean(reference, bundled_framework_ids())}",
            hint="bundled frameworks: "
            + ", ".join(bundled_framework_ids())
            + "; or give a path to a rubric YAML file",
        )
    if relative_to is None:
        path = Path(reference).expanduser()
    else:
        try:
            path = resolve_reference(reference, relative_to)
        except ReferenceRefused as refused:
            kind = FrameworkOutsideRepository if refused.outside else FrameworkError
            raise kind(f"the framework path {quoted(reference)} is not followed: {refused.reason}") from None
    if not os.path.isfile(path):  # noqa: PTH113 (Path.is_file raises on a name too long, before Python 3.14)
        raise FrameworkError(f"framework file {quoted(reference)} not found (looked at {path})")
    return path


def load_framework(reference: str = DEFAULT_FRAMEWORK, relative_to: Path | None = None) -> Framework:
    """Load and check a framework. Raises FrameworkError (with located problems) when it is not usable."""
    path = framework_path(reference, relative_to)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as error:
        raise FrameworkError(f"cannot read framework {quoted(reference)}: {error.strerror}") from None
    return _load(path.resolve(), stamp, str(path) if relative_to is None else from_working_folder(path))


def from_working_folder(path: Path) -> str:
    """A path as typed from the working folder (`rubrics/r.yaml`, not `assessments/../rubrics/r.yaml`),
    so that a command given with it runs where the user is."""
    try:
        return os.path.relpath(path)
    except ValueError:  # on another drive (Windows): there is no relative path
        return str(path.absolute())


@cache
def _load(path: Path, _stamp: int, label: str) -> Framework:
    """Checked once per file version; problems are reported under the path as the user gave it, or,
    for a path a file names, as typed from the working folder."""
    checked = _checked(path, Framework, Kind.FRAMEWORK, label)
    if checked.unreadable is not None:
        raise FrameworkError(f"cannot read framework {str(path)!r}: {checked.unreadable}")
    if checked.value is None or checked.has_errors:
        raise FrameworkError(
            f"{label} is not a valid framework",
            problems=list(checked.problems),
            unlisted=(checked.unlisted_errors, checked.unlisted_warnings),
            file=label,
        )
    return checked.value


@cache
def load_guide() -> Guide:
    """The Guide to Building a Broad-Based Coalition, as bundled."""
    path = framework_data_dir() / GUIDE_FILE
    checked = _checked(path, Guide, Kind.GUIDE, str(path))
    if checked.value is None or checked.has_errors:
        raise FrameworkError(f"the bundled Guide {path} is not valid", problems=list(checked.problems))
    return checked.value


def _checked(path: Path, model: type[M], kind: Kind, label: str) -> FileOutcome[M]:
    """The document checked, or its model as kept by an earlier run that found it valid (then with no
    problems: a document is kept only with none that is an error, and its warnings are not read here).

    The bytes read for the key are the bytes checked, so a file changed meanwhile is never kept under
    the digest of its older self."""
    try:
        content: bytes | None = read_regular(path, MAX_BYTES + 1)
    except OSError:
        content = None  # checking reads it again, and says why it cannot be read
    if content is not None:
        kept = model_cache.cached(model, content)
        if kept is not None:
            return FileOutcome(label, value=kept)
    checked = check_document(path, model, kind, label=label, text=content)
    if content is not None and checked.value is not None and not checked.has_errors:
        model_cache.keep(model, content, checked.value)
    return checked


def framework_signature(framework: Framework) -> tuple[object, ...]:
    """What must match for two assessments' scores to be comparable: the same rubric id and shape."""
    domains = tuple((d.id, tuple(i.id for i in d.indicators)) for d in framework.domains)
    return (framework.id, framework.stage_numbers, domains)
