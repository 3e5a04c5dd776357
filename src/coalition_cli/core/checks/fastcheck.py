"""The index validate's fast path checks files against: a bundled rubric and the Guide, as plain data.

Importing Pydantic and the models takes longer than a pre-commit hook's whole budget for one file,
and checking a file needs only two things of them: whether a document has the shape the models
accept, and the ids and words of the rubric and the Guide, which the checks read. Both are shipped
in `framework_data/fast-check/`, written by `fast_index.py` (`python scripts/build-fast-index`):

- the shape, as the JSON Schema `schema.py` writes from the models with `shape_only` (indicator ids,
  stages and the Guide's ids left as any text: the checks say which are wrong), evaluated by
  `schema_subset.py`;
- the rubric (`RubricIndex`) and the Guide (`GuideIndex`), which the checks read as they read a
  `Framework` and a `Guide` (through `checks/base.py`'s RubricTerms and GuideTerms; the type checker
  holds both to them).

core/loading/indexed.py runs the pipeline with them: the same stages and checks, so the same
problems in the same words. Each index is stamped with RULES_VERSION and the digests of the files it
was made from (CRC-32s of their text, line endings normalised). On any doubt the models check the file as always: an index
missing or stale, a rubric given by path or by --framework, a document of another shape, a rubric
file itself.
"""

from __future__ import annotations

import json
import re
import zlib
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from coalition_cli.core import codes
from coalition_cli.core.checks import comments
from coalition_cli.core.checks.base import Kind
from coalition_cli.core.checks.registry import checks_for
from coalition_cli.core.codes import Code
from coalition_cli.core.files.resources import GUIDE_FILE, framework_data_dir
from coalition_cli.core.yaml import source as yamlsource

RULES_VERSION = 4
"""Bump by hand when what the index holds, or how the fast path reads it, changes: the schema writer,
the Assessment or CoalitionProfile model, or the terms the checks read. A shipped index of another
version is stale (the models check every file) until `scripts/build-fast-index` runs."""

FAST_CHECK_DIR = "fast-check"
"""Under framework_data/: one `<framework id>.json` index per bundled rubric, and the Guide's."""

GUIDE_INDEX = Path(GUIDE_FILE).stem
"""The Guide's index is `<this>.json`."""

_BUNDLED_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
"""How a bundled rubric is named in `framework:`; anything else (a path) is not for the fast path."""

STANDS_IN_FOR: dict[str, frozenset[Code]] = {
    "reading, parsing and locating: the same stages (core/loading/parsed.py)": frozenset(
        {
            *yamlsource.CODES,
            codes.UNREADABLE,
            codes.EMPTY_FILE,
            codes.NOT_A_MAPPING,
            codes.TOO_MANY_PROBLEMS,
            codes.UNUSED_SUPPRESSION,
        }
    ),
    "text a comment cut short: the same stage, on the same parse (pipeline.cut_short)": frozenset(
        comments.CODES
    ),
    "the shape: a document the schema refuses is the models' to explain": frozenset(
        {
            codes.UNKNOWN_KEY,
            codes.MISSING_KEY,
            codes.WRONG_TYPE,
            codes.EMPTY_VALUE,
            codes.WRONG_VALUE,
            codes.INVALID_DATE,
        }
    ),
    "a bundled rubric with a current index; any other is the models' to find": frozenset(
        {codes.UNKNOWN_FRAMEWORK, codes.INVALID_FRAMEWORK}
    ),
    "following `profile:`: the same stage (profiles.follow_profile)": frozenset(
        {
            codes.PROFILE_NOT_FOUND,
            codes.PROFILE_UNREADABLE,
            codes.PROFILE_OTHER_COALITION,
            codes.OUTSIDE_REPOSITORY,
        }
    ),
    "the registered checks of assessments and profiles, run on the index": frozenset(
        code for kind in (Kind.ASSESSMENT, Kind.PROFILE) for check in checks_for(kind) for code in check.codes
    ),
    "a rubric file: the index never reads one, the models check it (pipeline.check_rubric_with)": frozenset(
        code for check in checks_for(Kind.FRAMEWORK) for code in check.codes
    ),
}
"""Every code a file given to validate can get (an assessment, a coalition profile, a rubric), and
how the fast path comes to the same answer as the models. A new code such a file can get must be
accounted for here (tests/unit/test_codes.py)."""


class IndicatorEntry(NamedTuple):
    id: str
    name: str


class StageEntry(NamedTuple):
    number: int
    name: str


class LinkedEntry(NamedTuple):
    indicators: tuple[str, ...]


class GroupEntry(NamedTuple):
    id: str
    partner_kinds: tuple[str, ...]


class KindEntry(NamedTuple):
    id: str


class RubricIndex:
    """A bundled rubric as the checks read it (RubricTerms), and the shape of an assessment."""

    def __init__(
        self,
        framework_id: str,
        indicators: tuple[IndicatorEntry, ...],
        stages: tuple[StageEntry, ...],
        choices: str,
        schema: dict[str, Any],
        linked: tuple[LinkedEntry, ...] = (),
    ) -> None:
        self.id = framework_id
        self.indicators = indicators
        self.stages = stages
        self.linked = linked
        self.stage_numbers = tuple(stage.number for stage in stages)
        self.top_stage = stages[-1].number
        self._choices = choices
        self.schema = schema
        """What the models accept of an assessment (`schema.assessment_schema(shape_only=True)`)."""
        self._indicators = {indicator.id: indicator for indicator in indicators}
        self._stage_names = {stage.number: stage.name for stage in stages}
        self._stage_numbers = {stage.name.casefold(): stage.number for stage in stages}

    def has_indicator(self, indicator_id: str) -> bool:
        return indicator_id in self._indicators

    def indicator(self, indicator_id: str) -> IndicatorEntry:
        return self._indicators[indicator_id]

    def stage_name(self, number: int) -> str:
        return self._stage_names[number]

    def stage_number_named(self, name: str) -> int | None:
        return self._stage_numbers.get(name.strip().casefold())

    def stage_choices(self) -> str:
        """As `Framework.stage_choices` words them (the index holds its words)."""
        return self._choices


class GuideIndex:
    """The Guide as the checks read it (GuideTerms), and the shape of a coalition profile."""

    def __init__(
        self, groups: tuple[GroupEntry, ...], kinds: tuple[KindEntry, ...], schema: dict[str, Any]
    ) -> None:
        self.stakeholder_groups = groups
        self.partner_kinds = kinds
        self.schema = schema
        """What the models accept of a coalition.yaml (`schema.profile_defs(shape_only=True)`)."""
        self._groups = {group.id: group for group in groups}
        self._kinds = {kind.id: kind for kind in kinds}

    def stakeholder_group(self, group_id: str) -> GroupEntry | None:
        return self._groups.get(group_id)

    def partner_kind(self, kind_id: str) -> KindEntry | None:
        return self._kinds.get(kind_id)


@cache
def load_index(framework_id: str, data_dir: Path | None = None) -> RubricIndex | None:
    """The shipped index of a bundled rubric, or None when there is none or it is stale."""
    if not _BUNDLED_ID.fullmatch(framework_id):
        return None
    stored = _current(framework_id, data_dir)
    try:
        if stored is None or stored["framework"] != framework_id:
            return None
        return RubricIndex(
            framework_id,
            tuple(IndicatorEntry(*indicator) for indicator in stored["indicators"]),
            tuple(StageEntry(*stage) for stage in stored["stages"]),
            stored["stage_choices"],
            stored["schema"],
            tuple(LinkedEntry(tuple(group)) for group in stored["linked"]),
        )
    except (KeyError, TypeError, ValueError, IndexError):
        return None


@cache
def load_guide_index(data_dir: Path | None = None) -> GuideIndex | None:
    """The shipped index of the Guide, or None when there is none or it is stale."""
    stored = _current(GUIDE_INDEX, data_dir)
    try:
        if stored is None:
            return None
        return GuideIndex(
            tuple(GroupEntry(group, tuple(kinds)) for group, kinds in stored["stakeholder_groups"]),
            tuple(KindEntry(kind) for kind in stored["partner_kinds"]),
            stored["schema"],
        )
    except (KeyError, TypeError, ValueError):
        return None


def assessment_conforms(data: dict[str, Any]) -> bool:
    """Whether an assessment has the shape the models accept, by the shipped index of its bundled
    rubric; False when there is none to ask (a rubric given by path, an index missing or stale)."""
    from coalition_cli.core.checks.schema_subset import conforms

    reference = data.get("framework")
    index = load_index(reference) if isinstance(reference, str) else None
    return index is not None and conforms(data, index.schema)


def profile_conforms(data: dict[str, Any]) -> bool:
    """Whether a coalition profile has the shape the models accept, by the Guide's shipped index."""
    from coalition_cli.core.checks.schema_subset import conforms

    guide = load_guide_index()
    return guide is not None and conforms(data, guide.schema)


def _current(name: str, data_dir: Path | None) -> dict[str, Any] | None:
    """The stored index `<name>.json`, when it is of this RULES_VERSION and made from the data files
    as they are now."""
    folder = data_dir if data_dir is not None else framework_data_dir()
    try:
        stored = json.loads((folder / FAST_CHECK_DIR / f"{name}.json").read_text(encoding="utf-8"))
        current = stored["rules_version"] == RULES_VERSION and all(
            source_digest(folder / source) == digest for source, digest in stored["sources"].items()
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return stored if current and isinstance(stored, dict) else None


def source_digest(path: Path) -> str:
    """The CRC-32 of a data file's text with its line endings as `\\n`: a checkout that writes CRLF
    (git's autocrlf) has the same rubric, and an index made elsewhere stays current there.

    It tells whether the index was made from the files as they are, not whether anyone forged it
    (whoever can edit the bundled rubric can edit its index beside it), and costs a tenth of a
    sha256, whose module alone takes a one-file run 3% of its time to import."""
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    return f"crc32:{zlib.crc32(text.encode('utf-8')):08x}"
