"""Does a document fit a JSON Schema? Only for the few keywords `schema.py` writes, without a library.

It answers yes or no, never why: it tells validate's fast path whether a document has the shape the
models accept (see `fastcheck.py`); a document that has not is the models' to explain. A keyword it
does not know makes the answer no, so a schema that outgrows it can only slow a file down, never let
one through unchecked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
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

    `root` is the document `$ref`s point into (`#/$defs/...`); by default `schema` itself. The
    schema is compiled once into a tree of small checks (`_compile`) and kept while it lives: the
    fast path checks every file against the same one.
    """
    return _compiled(schema, schema if root is None else root)(value)


Fits = Callable[[Any], bool]

_COMPILED: dict[tuple[int, int], tuple[Mapping[str, Any], Mapping[str, Any], Fits]] = {}
"""Compiled schemas, by the identity of the schema and its root (kept with them, so that an identity
is never another schema's)."""


def _compiled(schema: Mapping[str, Any], root: Mapping[str, Any]) -> Fits:
    key = (id(schema), id(root))
    found = _COMPILED.get(key)
    if found is None or found[0] is not schema or found[1] is not root:
        found = _COMPILED[key] = (schema, root, _Compiler(root).compile(schema))
    return found[2]


class _Compiler:
    """Turns a schema into one function of the value, keyword by keyword; each `$defs` entry once."""

    def __init__(self, root: Mapping[str, Any]) -> None:
        self._root = root
        self._defs: dict[str, list[Fits]] = {}

    def compile(self, schema: Mapping[str, Any]) -> Fits:
        checks: list[Fits] = []
        for keyword, expected in schema.items():
            if keyword in ANNOTATIONS or keyword == "$defs":
                continue
            make = getattr(self, "_" + _KEYWORDS.get(keyword, "unknown"))
            checks.append(make(expected, schema))
        if not checks:
            return _anything
        if len(checks) == 1:
            return checks[0]
        return lambda value: all(check(value) for check in checks)

    def _unknown(self, _expected: Any, _schema: Mapping[str, Any]) -> Fits:
        return _nothing  # a keyword this evaluator does not know: never satisfied

    def _type(self, expected: str | list[str], _schema: Mapping[str, Any]) -> Fits:
        names = [expected] if isinstance(expected, str) else expected
        kinds = tuple(kind for name in names for kind in _TYPES.get(name, ()))
        boolean = "boolean" in names

        def fits(value: Any) -> bool:
            if isinstance(value, bool):  # True is an int to Python, never an integer to JSON Schema
                return boolean
            return isinstance(value, kinds)

        return fits

    def _properties(self, expected: Mapping[str, Any], _schema: Mapping[str, Any]) -> Fits:
        compiled = [(key, self.compile(sub)) for key, sub in expected.items()]
        return lambda value: (
            not isinstance(value, dict) or all(fits(value[key]) for key, fits in compiled if key in value)
        )

    def _additional(self, expected: bool | Mapping[str, Any], schema: Mapping[str, Any]) -> Fits:
        named = frozenset(schema.get("properties", {}))
        if expected is True:
            return _anything
        if expected is False:
            return lambda value: (
                not isinstance(value, dict) or all(isinstance(key, str) and key in named for key in value)
            )
        fits_other = self.compile(expected)
        return lambda value: (
            not isinstance(value, dict)
            or all(isinstance(key, str) and (key in named or fits_other(item)) for key, item in value.items())
        )

    def _required(self, expected: list[str], _schema: Mapping[str, Any]) -> Fits:
        return lambda value: not isinstance(value, dict) or all(key in value for key in expected)

    def _items(self, expected: Mapping[str, Any], _schema: Mapping[str, Any]) -> Fits:
        fits = self.compile(expected)
        return lambda value: not isinstance(value, list) or all(fits(item) for item in value)

    def _enum(self, expected: list[Any], _schema: Mapping[str, Any]) -> Fits:
        # `type(...) is` as well as `==`, or `true` would count as the number 1
        return lambda value: any(type(value) is type(choice) and value == choice for choice in expected)

    def _pattern(self, expected: str, _schema: Mapping[str, Any]) -> Fits:
        search = re.compile(expected).search
        return lambda value: not isinstance(value, str) or search(value) is not None

    def _min_length(self, expected: int, _schema: Mapping[str, Any]) -> Fits:
        return lambda value: not isinstance(value, str) or len(value) >= expected

    def _minimum(self, expected: int, _schema: Mapping[str, Any]) -> Fits:
        return lambda value: not _is_integer(value) or value >= expected

    def _maximum(self, expected: int, _schema: Mapping[str, Any]) -> Fits:
        return lambda value: not _is_integer(value) or value <= expected

    def _format(self, expected: str, _schema: Mapping[str, Any]) -> Fits:
        return _date if expected == "date" else _nothing

    def _any_of(self, expected: list[Mapping[str, Any]], _schema: Mapping[str, Any]) -> Fits:
        options = [self.compile(option) for option in expected]
        return lambda value: any(fits(value) for fits in options)

    def _ref(self, expected: str, _schema: Mapping[str, Any]) -> Fits:
        prefix = "#/$defs/"
        name = expected[len(prefix) :] if expected.startswith(prefix) else None
        target = self._root.get("$defs", {}).get(name) if name is not None else None
        if name is None or target is None:
            return _nothing
        cell = self._defs.get(name)
        if cell is None:  # compiled once, and a definition that refers to itself waits for its own check
            cell = self._defs[name] = []
            cell.append(self.compile(target))
        return lambda value: cell[0](value)


def _anything(_value: Any) -> bool:
    return True


def _nothing(_value: Any) -> bool:
    return False


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _date(value: Any) -> bool:
    if not isinstance(value, str):
        return True
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


_KEYWORDS = {
    "type": "type",
    "properties": "properties",
    "additionalProperties": "additional",
    "required": "required",
    "items": "items",
    "enum": "enum",
    "pattern": "pattern",
    "minLength": "min_length",
    "minimum": "minimum",
    "maximum": "maximum",
    "format": "format",
    "anyOf": "any_of",
    "$ref": "ref",
}
"""The keywords this evaluator knows, by the name of the method that compiles each."""
