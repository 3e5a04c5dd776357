"""The assessment schema works in strict validators and helps editors (issue 15, #10): only standard
JSON Schema keywords (ajv's strict mode refuses others, `markdownDescription` among them), `framework:`
restricted to the bundled ids or a path, and a description for every key an editor completes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from coalition_cli.core.checks.schema import assessment_schema
from coalition_cli.core.loading.frameworks import load_framework, load_guide

KEYWORDS = {
    # core and applicator vocabularies of draft 2020-12
    "$schema", "$id", "$ref", "$defs", "$comment", "$anchor", "$dynamicRef", "$dynamicAnchor",
    "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "properties", "additionalProperties",
    "patternProperties", "items", "prefixItems", "contains", "propertyNames",
    # validation, format and meta-data vocabularies
    "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "required",
    "minProperties", "maxProperties", "dependentRequired", "format", "title", "description",
    "default", "examples", "deprecated", "readOnly", "writeOnly",
}  # fmt: skip


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return assessment_schema(load_framework("community-framework"), load_guide())


def _keywords(node: Any, path: str = "#") -> set[tuple[str, str]]:
    """(keyword, where) for every keyword of every subschema."""
    found: set[tuple[str, str]] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            found.add((key, path))
            if key in ("properties", "$defs", "patternProperties"):
                for name, sub in value.items():
                    found |= _keywords(sub, f"{path}/{key}/{name}")
            elif key in ("items", "additionalProperties", "not", "if", "then", "else", "contains"):
                found |= _keywords(value, f"{path}/{key}")
            elif key in ("anyOf", "allOf", "oneOf", "prefixItems"):
                for index, sub in enumerate(value):
                    found |= _keywords(sub, f"{path}/{key}/{index}")
    return found


def test_only_standard_keywords(schema: dict[str, Any]) -> None:
    unknown = {(key, where) for key, where in _keywords(schema) if key not in KEYWORDS}
    assert unknown == set()
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize(
    ("framework", "valid"),
    [
        ("community-framework", True),
        ("rubrics/our-rubric.yaml", True),
        ("ours.yml", True),
        ("nextjs", False),
        ("", False),
    ],
)
def test_framework_is_a_bundled_id_or_a_path(schema: dict[str, Any], framework: str, valid: bool) -> None:
    document = {"framework": framework, "coalition": "Riverside", "assessed_on": "2026-03-14"}
    assert Draft202012Validator(schema).is_valid(document) is valid


def test_every_key_an_editor_completes_has_a_description(schema: dict[str, Any]) -> None:
    missing = []
    for owner in (schema, *schema["$defs"].values()):
        for name, sub in owner.get("properties", {}).items():
            if "description" not in sub:
                missing.append(f"{owner.get('title', '?')}.{name}")
    assert [
        name
        for name in missing
        if not name.startswith(("Member", "Committee", "Representative", "Meetings", "CoalitionProfile"))
    ] == []
    for name in ("participants", "framework"):
        assert schema["properties"][name]["description"]
    assert schema["$defs"]["rating"]["properties"]["actions"]["description"]
    assert "1 Emerging:" in schema["properties"]["ratings"]["properties"]["C1.1"]["description"]


def test_a_null_stage_is_not_rated_and_a_null_target_is_no_target(schema: dict[str, Any]) -> None:
    """Review s11 #9: the target's description ended "null = not rated"."""
    rating = schema["$defs"]["rating"]["properties"]
    assert rating["stage"]["description"].endswith("; null = not rated.")
    assert rating["target"]["description"].startswith("The stage the team aims for next: 1 Emerging")
    assert rating["target"]["description"].endswith("; null = no target.")


def test_ajv_in_strict_mode_accepts_the_schema(schema: dict[str, Any], tmp_path: Path) -> None:
    """With the real ajv-cli when one is installed (`npm i ajv-cli ajv-formats`); the test above
    holds the same rule (only standard keywords) everywhere else."""
    ajv = shutil.which("ajv")
    if ajv is None:
        pytest.skip(
            "ajv-cli is not installed; test_only_standard_keywords checks what its strict mode checks"
        )
    (tmp_path / "schema.json").write_text(json.dumps(schema))
    (tmp_path / "doc.json").write_text(
        json.dumps({"framework": "community-framework", "coalition": "X", "assessed_on": "2026-03-14"})
    )
    result = subprocess.run(
        [ajv, "validate", "--spec=draft2020", "-c", "ajv-formats", "-s", "schema.json", "-d", "doc.json"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
