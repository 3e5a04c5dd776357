"""The small JSON Schema evaluator behind validate's fast path: each keyword, unknown keywords, and
agreement with the `jsonschema` library on the schema the fast path really uses."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings

from coalition_cli.core.checks.fastcheck import load_index
from coalition_cli.core.checks.schema_subset import conforms
from tests.support.assessment_edits import edited_documents

CASES: list[tuple[dict[str, Any], Any, bool]] = [
    ({"type": "integer"}, 3, True),
    ({"type": "integer"}, True, False),
    ({"type": "boolean"}, 1, False),
    ({"type": ["string", "null"]}, None, True),
    ({"type": "number"}, 3, False),  # a type this evaluator does not know is never satisfied
    ({"required": ["a"]}, {"b": 1}, False),
    ({"properties": {"a": {"type": "string"}}}, {"a": 1}, False),
    ({"properties": {"a": {"type": "string"}}, "additionalProperties": False}, {"a": "x", "b": 1}, False),
    ({"properties": {"a": {}}, "additionalProperties": False}, {1: "x"}, False),
    ({"additionalProperties": {"type": "integer"}}, {"a": 1, "b": 2}, True),
    ({"additionalProperties": {"type": "integer"}}, {"a": "1"}, False),
    ({"items": {"type": "string"}}, ["a", 2], False),
    ({"enum": ["done", None]}, None, True),
    ({"enum": [1]}, True, False),
    ({"pattern": "^a+$"}, "aaa", True),
    ({"pattern": "^a+$"}, 3, True),  # pattern applies to text only
    ({"minLength": 1}, "", False),
    ({"minimum": 1, "maximum": 4}, 5, False),
    ({"minimum": 1, "maximum": 4}, "5", True),
    ({"format": "date"}, "2026-02-30", False),
    ({"format": "date"}, "2024-02-29", True),
    ({"format": "email"}, "a@b.c", False),
    ({"anyOf": [{"type": "null"}, {"type": "integer"}]}, 2, True),
    ({"$ref": "#/$defs/n", "$defs": {"n": {"type": "null"}}}, None, True),
    ({"$ref": "#/$defs/missing", "$defs": {}}, None, False),
    ({"description": "words only", "examples": [1]}, "anything", True),
    ({"not": {"type": "null"}}, 3, False),  # an unknown keyword: no
]


@pytest.mark.parametrize(("schema", "value", "fits"), CASES)
def test_each_keyword(schema: dict[str, Any], value: Any, fits: bool) -> None:
    assert conforms(value, schema) is fits


def _has_float(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_float(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_float(item) for item in value)
    return isinstance(value, float)


@settings(max_examples=300, deadline=None)
@given(document=edited_documents())
def test_it_agrees_with_the_jsonschema_library_on_the_fast_path_schema(document: dict[str, Any]) -> None:
    index = load_index("community-framework")
    assert index is not None
    validator = jsonschema.Draft202012Validator(index.schema, format_checker=jsonschema.FormatChecker())
    ours = conforms(document, index.schema)
    if ours:
        assert validator.is_valid(document), json.dumps(document)
    elif not _has_float(document):  # 2.0 is an integer to JSON Schema, and (rightly) not to a stage
        assert not validator.is_valid(document), json.dumps(document)
