"""Proving an assessment file clean without Pydantic, so `validate` on a few files answers at once.

Importing Pydantic and Typer takes longer than a pre-commit hook's whole budget for one file. A
file with nothing to report needs no explanation, so it can be recognised by cheaper means: the
assessment's JSON Schema (`schema.py`, written from the models and the rubric), evaluated by
`schema_subset.py`, and the two things a schema cannot say: every indicator rated, and each target
above its stage. That index is shipped for each bundled rubric in `framework_data/fast-check/`,
stamped with the sha256 of the files it was made from and of the core modules whose checks it
stands in for.

On any doubt the answer is "not proven" and the models check the file as always: an index missing
or stale, a rubric given by path, a coalition profile (another file to read), anything the schema
refuses. This module never reports a problem; every problem is found and worded by the models.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from coalition_cli.core.checks.schema_subset import ANNOTATIONS, conforms
from coalition_cli.core.files.resources import framework_data_dir
from coalition_cli.core.yaml import source as yamlsource

FAST_CHECK_DIR = "fast-check"
"""Under framework_data/: one `<framework id>.json` index per bundled rubric."""

RULES = (
    "model/assessment.py",
    "model/profile.py",
    "checks/rubric.py",
    "loading/documents.py",
    "loading/assessments.py",
    "checks/schema.py",
)
"""The core modules whose checks a proof stands in for: the index is stamped with them too, so that
a changed rule makes it stale (the tests then say to write it again) instead of proving too much."""

_CORE = Path(__file__).resolve().parents[1]

_BUNDLED_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
"""How a bundled rubric is named in `framework:`; anything else (a path) is not for the fast path."""


@dataclass(frozen=True)
class FastIndex:
    """What proving a file clean needs to know of one rubric, as plain data."""

    framework: str
    indicators: tuple[str, ...]
    stages: dict[str, int]
    """A stage as written, stripped and case-folded (a name, or a number as text), to its number."""
    schema: dict[str, Any]

    def accepts(self, data: dict[str, Any]) -> bool:
        """True when the document has nothing to report: no error, and no warning either.

        Beyond the schema, the two warnings of checks.py that a schema cannot say: an indicator not
        rated (`_unrated`), and a target not above its stage (`_stage_findings`).
        """
        if data.get("framework") != self.framework or not conforms(data, self.schema):
            return False
        ratings = data.get("ratings") or {}
        for indicator in self.indicators:
            rating: dict[str, Any] | None = ratings.get(indicator)  # the schema allows only these
            stage = self.stage_number(rating.get("stage")) if rating is not None else None
            if rating is None or stage is None:
                return False  # not rated yet: a warning to report
            target = rating.get("target")
            if target is not None:
                aim = self.stage_number(target)
                if aim is None or aim <= stage:
                    return False  # a target not above the stage: a warning to report
        return True

    def stage_number(self, value: Any) -> int | None:
        if isinstance(value, bool):
            return None
        if isinstance(value, int):
            return value if value in self.stages.values() else None
        return self.stages.get(value.strip().casefold()) if isinstance(value, str) else None


def file_proven_clean(path: Path) -> bool:
    """True only when the file certainly has nothing to report; False means "let the models check it"."""
    try:
        text = yamlsource.read_text(path)
    except (OSError, yamlsource.TextProblem):
        return False
    return text_proven_clean(text)


def text_proven_clean(text: str, data_dir: Path | None = None) -> bool:
    try:
        data, duplicates = yamlsource.parse_document(text)
    except yamlsource.TextProblem:
        return False
    if duplicates or not isinstance(data, dict) or yamlsource.shared_or_too_deep(data) is not None:
        return False
    reference = data.get("framework")
    if not isinstance(reference, str) or data.get("profile") is not None:
        return False
    index = load_index(reference, data_dir)
    return index is not None and index.accepts(data)


@cache
def load_index(framework_id: str, data_dir: Path | None = None) -> FastIndex | None:
    """The shipped index of a bundled rubric, or None when there is none or it is stale."""
    if not _BUNDLED_ID.fullmatch(framework_id):
        return None
    folder = data_dir if data_dir is not None else framework_data_dir()
    try:
        stored = json.loads((folder / FAST_CHECK_DIR / f"{framework_id}.json").read_text(encoding="utf-8"))
        current = all(_digest(folder / name) == digest for name, digest in stored["sources"].items()) and all(
            _digest(_CORE / name) == digest for name, digest in stored["rules"].items()
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not current or stored.get("framework") != framework_id:
        return None
    return FastIndex(framework_id, tuple(stored["indicators"]), dict(stored["stages"]), stored["schema"])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_index(framework_id: str) -> dict[str, Any]:
    """The index to ship for a bundled rubric (the tests write and check it; it is never built at run time)."""
    from coalition_cli.core.checks.schema import assessment_schema
    from coalition_cli.core.loading.frameworks import GUIDE_FILE, framework_path, load_framework, load_guide

    framework, guide = load_framework(framework_id), load_guide()
    stages = {str(stage.number): stage.number for stage in framework.stages}
    stages |= {stage.name.casefold(): stage.number for stage in framework.stages}
    folder = framework_data_dir()
    return {
        "about": "Made from the files below by tests/test_fastcheck.py (UPDATE_GOLDEN=1); see core/checks/fastcheck.py.",
        "framework": framework.id,
        "sources": {name: _digest(folder / name) for name in (framework_path(framework_id).name, GUIDE_FILE)},
        "rules": {name: _digest(_CORE / name) for name in RULES},
        "indicators": [indicator.id for indicator in framework.indicators],
        "stages": stages,
        "schema": _narrowed(assessment_schema(framework, guide)),
    }


def _narrowed(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema without its annotations, with no profile (the models read that other file), and
    with only the definitions still referred to."""
    schema = _without_annotations(schema)
    schema["properties"]["profile"] = {"type": "null"}
    defs = schema.pop("$defs")
    kept: dict[str, Any] = {}
    pending = _refs(schema)
    while pending:
        name = pending.pop()
        if name not in kept:
            kept[name] = defs[name]
            pending |= _refs(defs[name])
    schema["$defs"] = dict(sorted(kept.items()))
    return schema


def _refs(value: Any) -> set[str]:
    text = json.dumps(value)
    return set(re.findall(r'"\$ref": "#/\$defs/([^"]+)"', text))


def _without_annotations(value: Any, *, names: bool = False) -> Any:
    """`names`: the keys are property or definition names, not keywords, and are all kept."""
    if isinstance(value, dict):
        return {
            key: _without_annotations(sub, names=not names and key in ("properties", "$defs"))
            for key, sub in value.items()
            if names or key not in ANNOTATIONS
        }
    if isinstance(value, list):
        return [_without_annotations(item) for item in value]
    return value
