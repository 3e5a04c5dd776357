"""Does a document fit a JSON Schema? Only for the few keywords `schema.py` writes, without a library.

It answers yes or no, never why: it proves clean files clean (see `fastcheck.py`), and every
problem is explained by the models. A keyword it does not know makes the answer no, so a schema
that outgrows it can only slow a file down, never let one through unchecked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

ANNOTATIONS = frozenset({"$schema", "title", "description", "examples", "default"})
"""Keywords that say nothing about validity."""

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
    "null": (type(None),),
}


def conforms(value: Any, schema: Mapping[str, Any], root: Mapping[str, Any] | None = None) -> bool:
    """True when `value` (plain data: dicts, lists, text, numbers, booleans, None) fits `schema`.

    `root` is the document `$ref`s point into (`#/$defs/...`); by default `schema` itself.
    """
    return _fits(value, schema, schema if root is None else root)


def _fits(value: Any, schema: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    for keyword, expected in schema.items():
        if keyword in ANNOTATIONS or keyword == "$defs":
            continue
        if keyword == "additionalProperties":
            if not _additional(value, expected, schema.get("properties", {}), root):
                return False
            continue
        check = _KEYWORDS.get(keyword)
        if check is None or not check(value, expected, root):
            return False
    return True


def _type(value: Any, expected: str | list[str], _root: Mapping[str, Any]) -> bool:
    names = [expected] if isinstance(expected, str) else expected
    return any(_is(value, name) for name in names)


def _is(value: Any, name: str) -> bool:
    if isinstance(value, bool):  # True is an int to Python, never an integer to JSON Schema
        return name == "boolean"
    kinds = _TYPES.get(name)
    return kinds is not None and isinstance(value, kinds)


def _properties(value: Any, expected: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    if not isinstance(value, dict):
        return True
    return all(_fits(value[key], sub, root) for key, sub in expected.items() if key in value)


def _additional(
    value: Any, expected: bool | Mapping[str, Any], named: Mapping[str, Any], root: Mapping[str, Any]
) -> bool:
    if not isinstance(value, dict) or expected is True:
        return True
    others = [key for key in value if not (isinstance(key, str) and key in named)]
    if expected is False:
        return not others
    return all(isinstance(key, str) and _fits(value[key], expected, root) for key in others)


def _required(value: Any, expected: list[str], _root: Mapping[str, Any]) -> bool:
    return not isinstance(value, dict) or all(key in value for key in expected)


def _items(value: Any, expected: Mapping[str, Any], root: Mapping[str, Any]) -> bool:
    return not isinstance(value, list) or all(_fits(item, expected, root) for item in value)


def _enum(value: Any, expected: list[Any], _root: Mapping[str, Any]) -> bool:
    # `type(...) is` as well as `==`, or `true` would count as the number 1
    return any(type(value) is type(choice) and value == choice for choice in expected)


def _pattern(value: Any, expected: str, _root: Mapping[str, Any]) -> bool:
    return not isinstance(value, str) or _compiled(expected).search(value) is not None


def _min_length(value: Any, expected: int, _root: Mapping[str, Any]) -> bool:
    return not isinstance(value, str) or len(value) >= expected


def _minimum(value: Any, expected: int, _root: Mapping[str, Any]) -> bool:
    return not _is(value, "integer") or value >= expected


def _maximum(value: Any, expected: int, _root: Mapping[str, Any]) -> bool:
    return not _is(value, "integer") or value <= expected


def _format(value: Any, expected: str, _root: Mapping[str, Any]) -> bool:
    if expected != "date":
        return False
    if not isinstance(value, str):
        return True
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _any_of(value: Any, expected: list[Mapping[str, Any]], root: Mapping[str, Any]) -> bool:
    return any(_fits(value, option, root) for option in expected)


def _ref(value: Any, expected: str, root: Mapping[str, Any]) -> bool:
    prefix = "#/$defs/"
    target = root.get("$defs", {}).get(expected[len(prefix) :]) if expected.startswith(prefix) else None
    return target is not None and _fits(value, target, root)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_KEYWORDS: dict[str, Callable[[Any, Any, Mapping[str, Any]], bool]] = {
    "type": _type,
    "properties": _properties,
    "required": _required,
    "items": _items,
    "enum": _enum,
    "pattern": _pattern,
    "minLength": _min_length,
    "minimum": _minimum,
    "maximum": _maximum,
    "format": _format,
    "anyOf": _any_of,
    "$ref": _ref,
}
