"""Proving an assessment file clean without Pydantic, so `validate` on a few files answers at once.

Importing Pydantic and Typer takes longer than a pre-commit hook's whole budget for one file. A
file with nothing to report needs no explanation, so it can be recognised by cheaper means: the
assessment's JSON Schema (`schema.py`, written from the models and the rubric), evaluated by
`schema_subset.py`, and the two rules a schema cannot say, imported from the checks themselves
(`rubric.not_rated`, `rubric.target_not_above_stage`, and `stages.stage_number` to read a stage).

The schema is shipped for each bundled rubric in `framework_data/fast-check/` (`fast_index.py`
writes it: `python scripts/build-fast-index`), stamped with `RULES_VERSION` and the digests of the
rubric and the Guide it was made from. On any doubt the answer is "not proven" and the models check
the file as always: an index missing or stale, a rubric given by path, a coalition profile (another
file to read), anything the schema refuses. This module never reports a problem; every problem is
found and worded by the models.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from coalition_cli.core import codes
from coalition_cli.core.checks.rubric import (
    linked_stages_differ,
    not_rated,
    rated_stage,
    target_not_above_stage,
)
from coalition_cli.core.checks.schema_subset import conforms
from coalition_cli.core.codes import Code
from coalition_cli.core.files.resources import framework_data_dir
from coalition_cli.core.model.stages import stage_number
from coalition_cli.core.suppressions import has_suppressions
from coalition_cli.core.yaml import source as yamlsource

RULES_VERSION = 2
"""Bump by hand when a rule this proof stands in for changes what is clean: a check of assessments,
the Assessment model, how a stage is read, the schema writer, or `accepts` below. A shipped index
of another version is stale (the models check every file) until `scripts/build-fast-index` runs."""

FAST_CHECK_DIR = "fast-check"
"""Under framework_data/: one `<framework id>.json` index per bundled rubric."""

_BUNDLED_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
"""How a bundled rubric is named in `framework:`; anything else (a path) is not for the fast path."""

STANDS_IN_FOR: dict[str, frozenset[Code]] = {
    "reading and parsing the text as plain data, or not proven": frozenset(
        {
            *yamlsource.CODES,
            codes.UNREADABLE,
            codes.EMPTY_FILE,
            codes.NOT_A_MAPPING,
            codes.TOO_MANY_PROBLEMS,
        }
    ),
    "the schema": frozenset(
        {
            codes.UNKNOWN_KEY,
            codes.MISSING_KEY,
            codes.WRONG_TYPE,
            codes.EMPTY_VALUE,
            codes.WRONG_VALUE,
            codes.INVALID_DATE,
            codes.UNKNOWN_INDICATOR,
            codes.STAGE_OUT_OF_RANGE,
            codes.UNKNOWN_STAGE,
            codes.UNKNOWN_STAKEHOLDER_GROUP,
        }
    ),
    "a bundled rubric with a current index, and no profile": frozenset(
        {
            codes.UNKNOWN_FRAMEWORK,
            codes.INVALID_FRAMEWORK,
            codes.OUTSIDE_REPOSITORY,
            codes.PROFILE_NOT_FOUND,
            codes.PROFILE_UNREADABLE,
            codes.PROFILE_OTHER_COALITION,
            codes.UNKNOWN_PARTNER_KIND,
            codes.PARTNER_KIND_MISMATCH,
            codes.DUPLICATE_MEMBER,
            codes.DUPLICATE_COMMITTEE,
            codes.UNKNOWN_COMMITTEE,
            codes.NO_MEMBERS,
        }
    ),
    "no `# coalition: ignore` comment (suppressions.has_suppressions)": frozenset({codes.UNUSED_SUPPRESSION}),
    "rubric.not_rated": frozenset({codes.NOT_RATED}),
    "rubric.target_not_above_stage": frozenset({codes.TARGET_NOT_ABOVE_STAGE}),
    "rubric.linked_stages_differ": frozenset({codes.LINKED_INDICATORS_DIFFER}),
}
"""Every code an assessment file can get, and what rules it out before a file is proven clean. A new
code an assessment can get must be added here, and ruled out (tests/unit/test_codes.py checks)."""


@dataclass(frozen=True)
class FastIndex:
    """What proving a file clean needs to know of one rubric, as plain data (a `StageScale` too)."""

    framework: str
    indicators: tuple[str, ...]
    stage_numbers: tuple[int, ...]
    stage_names: dict[str, int]
    """Each stage's name, case-folded, to its number."""
    schema: dict[str, Any]
    linked: tuple[tuple[str, ...], ...] = ()
    """The rubric's linked indicators, group by group."""

    def stage_number_named(self, name: str) -> int | None:
        return self.stage_names.get(name.strip().casefold())

    def accepts(self, data: dict[str, Any]) -> bool:
        """True when the document has nothing to report: no error, and no warning either."""
        if data.get("framework") != self.framework or not conforms(data, self.schema):
            return False
        ratings = data.get("ratings") or {}
        for indicator in self.indicators:
            rating: dict[str, Any] = ratings.get(indicator) or {}  # the schema allows a mapping or null
            if not_rated(rating):
                return False
            stage = stage_number(self, rating["stage"])
            target = rating.get("target")
            aim = stage_number(self, target) if target is not None else None
            if stage is None or (target is not None and (aim is None or target_not_above_stage(stage, aim))):
                return False
        return not any(
            linked_stages_differ(rated_stage(self, ratings.get(indicator)) for indicator in group)
            for group in self.linked
        )


def file_proven_clean(path: Path) -> bool:
    """True only when the file certainly has nothing to report; False means "let the models check it"."""
    try:
        text = yamlsource.read_text(path)
    except (OSError, yamlsource.TextProblem):
        return False
    return text_proven_clean(text)


def text_proven_clean(text: str, data_dir: Path | None = None) -> bool:
    if has_suppressions(text):
        return False  # the models say whether each comment suppresses anything
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
        current = stored["rules_version"] == RULES_VERSION and all(
            source_digest(folder / name) == digest for name, digest in stored["sources"].items()
        )
        if not current or stored["framework"] != framework_id:
            return None
        return FastIndex(
            framework_id,
            tuple(stored["indicators"]),
            tuple(stored["stage_numbers"]),
            dict(stored["stage_names"]),
            stored["schema"],
            tuple(tuple(group) for group in stored["linked"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def source_digest(path: Path) -> str:
    """The sha256 of a data file's text with its line endings as `\\n`: a checkout that writes CRLF
    (git's autocrlf) has the same rubric, and an index made elsewhere stays current there."""
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
