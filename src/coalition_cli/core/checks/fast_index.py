"""Writing the indexes validate's fast path reads (fastcheck.py): one JSON file per bundled rubric,
and one for the Guide.

Never built at run time (that needs Pydantic, which the fast path exists to avoid). Run
`python scripts/build-fast-index` after changing a bundled rubric, the Guide, the models, the schema
writer, or the terms the checks read (then bump `fastcheck.RULES_VERSION` first); `--check` only
says whether the shipped indexes are current, as a test does.

The stamp: `rules_version` (a deliberate number, not a digest of source code, so that editing a
comment changes nothing), `schema_sha256` (of what the fast path reads: the schema and the terms,
as canonical JSON), and `sources`, the digests of the files it was made from with line endings
normalised, which the fast path compares before trusting the index.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

from coalition_cli.core.checks.fastcheck import FAST_CHECK_DIR, GUIDE_INDEX, RULES_VERSION, source_digest
from coalition_cli.core.checks.schema_subset import ANNOTATIONS
from coalition_cli.core.files.resources import GUIDE_FILE, bundled_framework_ids, framework_data_dir

SCRIPT = "python scripts/build-fast-index"
"""How to write the indexes again; every message about a stale index names it."""


def index_path(name: str) -> Path:
    """Where the index of a bundled rubric (its id) or of the Guide (`fastcheck.GUIDE_INDEX`) is shipped."""
    return framework_data_dir() / FAST_CHECK_DIR / f"{name}.json"


def index_names() -> list[str]:
    """Every index shipped: one per bundled rubric, and the Guide's."""
    return [*bundled_framework_ids(), GUIDE_INDEX]


def build_index(name: str) -> dict[str, Any]:
    """The index to ship for a bundled rubric (its id) or for the Guide (`fastcheck.GUIDE_INDEX`)."""
    from coalition_cli.core.checks.schema import assessment_schema, profile_defs
    from coalition_cli.core.loading.frameworks import framework_path, load_framework, load_guide

    guide = load_guide()
    if name == GUIDE_INDEX:
        defs = profile_defs(guide, shape_only=True)
        profile = defs.pop("CoalitionProfile")
        terms: dict[str, Any] = {
            "stakeholder_groups": [
                [group.id, list(group.partner_kinds)] for group in guide.stakeholder_groups
            ],
            "partner_kinds": [kind.id for kind in guide.partner_kinds],
            "schema": _narrowed({**profile, "$defs": defs}),
        }
        sources: tuple[str, ...] = (GUIDE_FILE,)
        stamp: dict[str, Any] = {}
    else:
        framework = load_framework(name)
        terms = {
            "indicators": [[indicator.id, indicator.name] for indicator in framework.indicators],
            "stages": [[stage.number, stage.name] for stage in framework.stages],
            "stage_choices": framework.stage_choices(),
            "linked": [list(group.indicators) for group in framework.linked],
            "schema": _narrowed(assessment_schema(framework, guide, shape_only=True)),
        }
        sources = (framework_path(name).name, GUIDE_FILE)
        stamp = {"framework": framework.id}
    canonical = json.dumps(terms, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    folder = framework_data_dir()
    return {
        "about": f"validate's fast path (core/checks/fastcheck.py); written by `{SCRIPT}`, not by hand.",
        **stamp,
        "rules_version": RULES_VERSION,
        "schema_sha256": hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
        "sources": {source: source_digest(folder / source) for source in sources},
        **terms,
    }


def index_text(name: str) -> str:
    """The index file's text, as shipped."""
    return json.dumps(build_index(name), indent=1, ensure_ascii=False) + "\n"


def _narrowed(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema without its annotations, and with only the definitions still referred to."""
    schema = _without_annotations(schema)
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


def stale(name: str) -> str | None:
    """Why a shipped index is not what `build_index` makes now, or None."""
    path = index_path(name)
    if not path.is_file():
        return f"there is no {path}"
    try:
        shipped = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return f"{path} is not JSON"
    built = build_index(name)
    changes = [
        what
        for key, what in (
            ("rules_version", f"RULES_VERSION is now {RULES_VERSION}"),
            ("sources", "the rubric or the Guide changed"),
            ("schema_sha256", "what the fast path reads changed (the schema, or the terms the checks read)"),
        )
        if shipped.get(key) != built[key]
    ]
    if changes:
        return f"{path} is stale: {'; '.join(changes)}"
    if path.read_text(encoding="utf-8") != index_text(name):
        return f"{path} is not as {SCRIPT} writes it"
    return None


def main(argv: list[str]) -> int:
    """`build-fast-index [--check]`: write every index, or only report stale ones."""
    check_only = argv == ["--check"]
    if argv and not check_only:
        sys.stderr.write("usage: build-fast-index [--check]\n")
        return 2
    problems = [reason for name in index_names() if (reason := stale(name))]
    if check_only:
        for reason in problems:
            sys.stderr.write(f"{reason}; run `{SCRIPT}`\n")
        return 1 if problems else 0
    for name in index_names():
        path = index_path(name)
        path.parent.mkdir(exist_ok=True)
        path.write_text(index_text(name), encoding="utf-8", newline="\n")
        sys.stdout.write(f"wrote {path}\n")
    return 0
