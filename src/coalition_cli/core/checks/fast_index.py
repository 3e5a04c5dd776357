"""Writing the index validate's fast path reads (fastcheck.py): one JSON file per bundled rubric.

Never built at run time (that needs Pydantic, which the fast path exists to avoid). Run
`python scripts/build-fast-index` after changing a bundled rubric, the Guide, the models, the schema
writer, or a rule (then bump `fastcheck.RULES_VERSION` first); `--check` only says whether the
shipped indexes are current, as a test does.

The stamp: `rules_version` (a deliberate number, not a digest of source code, so that editing a
comment changes nothing), `schema_sha256` (of what the proof reads: the schema, the indicators, the
stages and the linked indicators, as canonical JSON), and `sources`, the digests of the rubric and the Guide with line
endings normalised, which the fast path compares before trusting the index.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

from coalition_cli.core.checks.fastcheck import FAST_CHECK_DIR, RULES_VERSION, source_digest
from coalition_cli.core.checks.schema_subset import ANNOTATIONS
from coalition_cli.core.files.resources import framework_data_dir

SCRIPT = "python scripts/build-fast-index"
"""How to write the indexes again; every message about a stale index names it."""


def index_path(framework_id: str) -> Path:
    return framework_data_dir() / FAST_CHECK_DIR / f"{framework_id}.json"


def build_index(framework_id: str) -> dict[str, Any]:
    """The index to ship for a bundled rubric."""
    from coalition_cli.core.checks.schema import assessment_schema
    from coalition_cli.core.loading.frameworks import GUIDE_FILE, framework_path, load_framework, load_guide

    framework, guide = load_framework(framework_id), load_guide()
    proof = {
        "indicators": [indicator.id for indicator in framework.indicators],
        "stage_numbers": list(framework.stage_numbers),
        "stage_names": {stage.name.casefold(): stage.number for stage in framework.stages},
        "linked": [list(group.indicators) for group in framework.linked],
        "schema": _narrowed(assessment_schema(framework, guide)),
    }
    canonical = json.dumps(proof, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    folder = framework_data_dir()
    sources = (framework_path(framework_id).name, GUIDE_FILE)
    return {
        "about": f"validate's fast path (core/checks/fastcheck.py); written by `{SCRIPT}`, not by hand.",
        "framework": framework.id,
        "rules_version": RULES_VERSION,
        "schema_sha256": hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
        "sources": {name: source_digest(folder / name) for name in sources},
        **proof,
    }


def index_text(framework_id: str) -> str:
    """The index file's text, as shipped."""
    return json.dumps(build_index(framework_id), indent=1, ensure_ascii=False) + "\n"


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


def stale(framework_id: str) -> str | None:
    """Why the shipped index of a bundled rubric is not what `build_index` makes now, or None."""
    path = index_path(framework_id)
    if not path.is_file():
        return f"there is no {path}"
    try:
        shipped = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return f"{path} is not JSON"
    built = build_index(framework_id)
    changes = [
        what
        for key, what in (
            ("rules_version", f"RULES_VERSION is now {RULES_VERSION}"),
            ("sources", "the rubric or the Guide changed"),
            ("schema_sha256", "what the proof reads changed (the schema, the indicators or the stages)"),
        )
        if shipped.get(key) != built[key]
    ]
    if changes:
        return f"{path} is stale: {'; '.join(changes)}"
    if path.read_text(encoding="utf-8") != index_text(framework_id):
        return f"{path} is not as {SCRIPT} writes it"
    return None


def main(argv: list[str]) -> int:
    """`build-fast-index [--check]`: write every bundled rubric's index, or only report stale ones."""
    from coalition_cli.core.loading.frameworks import bundled_framework_ids

    check_only = argv == ["--check"]
    if argv and not check_only:
        sys.stderr.write("usage: build-fast-index [--check]\n")
        return 2
    problems = [reason for framework_id in bundled_framework_ids() if (reason := stale(framework_id))]
    if check_only:
        for reason in problems:
            sys.stderr.write(f"{reason}; run `{SCRIPT}`\n")
        return 1 if problems else 0
    for framework_id in bundled_framework_ids():
        path = index_path(framework_id)
        path.parent.mkdir(exist_ok=True)
        path.write_text(index_text(framework_id), encoding="utf-8", newline="\n")
        sys.stdout.write(f"wrote {path}\n")
    return 0
