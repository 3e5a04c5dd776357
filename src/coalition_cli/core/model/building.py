"""A document known to have the models' shape, made into the models' values without Pydantic.

Pydantic does two things with a document: it checks it, and it converts it (lists into tuples,
mappings into models, each field's `Before` function: a date written as text into a date). For a
document the shipped index has found to conform to the very schema the models write
(core/checks/fastcheck.py), the checking is done; `built` does the converting, reading the models'
own annotations, so a command that reads a valid file never imports Pydantic.

`built` is held to Pydantic's result (`base.validated`) on the bundled examples and on generated
documents (tests/unit/test_building.py). Anything it is not sure of raises `NotBuilt`, and the caller
has Pydantic read the document as always.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable, Mapping
from functools import cache
from typing import Annotated, Any, Literal, TypeVar, Union, cast, get_args, get_origin, get_type_hints

from coalition_cli.core.model.base import Before, field_names, is_model

T = TypeVar("T")

Convert = Callable[[Any], Any]


class NotBuilt(Exception):
    """The document is not one `built` can make without Pydantic: let Pydantic read it."""


def built(model_type: type[T], data: Mapping[str, Any]) -> T:
    """The model of a document that conforms to the models' schema, as Pydantic would make it.

    Raises NotBuilt where the document does not fit after all (a date the calendar does not have, a
    value of a kind the annotations do not expect)."""
    try:
        made: T = _converter(cast(Any, model_type))(data)
        return made
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise NotBuilt(str(error)) from error


@cache
def _converter(annotation: Any) -> Convert:
    """How a value written for `annotation` becomes the value the model holds."""
    if is_model(annotation):
        return _model(annotation)
    origin = get_origin(annotation)
    arguments = get_args(annotation)
    if origin is Annotated:
        inner = _converter(arguments[0])
        befores = tuple(mark.function for mark in annotation.__metadata__ if isinstance(mark, Before))
        return _after(befores, inner) if befores else inner
    if origin is tuple:
        if len(arguments) != 2 or arguments[1] is not Ellipsis:
            raise TypeError(f"no conversion for {annotation!r}")  # only `tuple[X, ...]` is used
        return _sequence(tuple, _converter(arguments[0]))
    if origin is list:
        return _sequence(list, _converter(arguments[0]))
    if origin is dict:
        return _mapping(_converter(arguments[0]), _converter(arguments[1]))
    if origin is Union or origin is types.UnionType:
        return _union(arguments)
    if origin is Literal:
        return _one_of(frozenset(arguments))
    if annotation in (str, int, bool, dt.date):
        return _exactly(annotation)
    raise TypeError(f"no conversion for {annotation!r}")


def _exactly(kind: type) -> Convert:
    """A value of this type as it is (`True` is no `int` here): anything else is Pydantic's to judge."""

    def convert(value: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"{kind.__name__} expected")
        return value

    return convert


def _one_of(allowed: frozenset[Any]) -> Convert:
    def convert(value: Any) -> Any:
        if isinstance(value, bool) or value not in allowed:
            raise ValueError("not one of the values allowed")
        return value

    return convert


def _model(model_type: type) -> Convert:
    hints = get_type_hints(model_type, include_extras=True)
    fields = {name: _converter(hints[name]) for name in field_names(model_type)}

    def make(value: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"{model_type.__name__} needs a mapping")
        return model_type(**{key: fields[key](item) for key, item in value.items()})

    return make


def _after(befores: tuple[Convert, ...], inner: Convert) -> Convert:
    def convert(value: Any) -> Any:
        for before in befores:
            value = before(value)
        return inner(value)

    return convert


def _sequence(kind: type, item: Convert) -> Convert:
    def convert(value: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            raise TypeError("a list was expected")
        return kind(item(element) for element in value)

    return convert


def _mapping(key: Convert, item: Convert) -> Convert:
    def convert(value: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError("a mapping was expected")
        return {key(k): item(v) for k, v in value.items()}

    return convert


def _union(members: tuple[Any, ...]) -> Convert:
    """`X | None` and the like: the member for the kind of value written (a mapping, a list, or a
    single value). Single values try each such member in turn, each taking only a value of its own
    exact type (as Pydantic's union prefers, for `int | str`); only one mapping and one list member
    are expected."""
    values: list[Convert] = []
    by_kind: dict[str, Convert] = {}
    for member in members:
        if member is type(None):
            continue
        kind = _kind(member)
        if kind == "value":
            values.append(_converter(member))
        elif kind in by_kind:
            raise TypeError(f"two members of one kind in {members!r}")
        else:
            by_kind[kind] = _converter(member)
    optional = type(None) in members

    def one_value(value: Any) -> Any:
        for convert in values:
            try:
                return convert(value)
            except (TypeError, ValueError):
                continue
        raise TypeError("no member of the union takes the value")

    by_kind["value"] = one_value

    def convert(value: Any) -> Any:
        if value is None and optional:
            return None
        kind = "mapping" if isinstance(value, dict) else "list" if isinstance(value, list) else "value"
        return by_kind[kind](value)

    return convert


def _kind(annotation: Any) -> str:
    """What is written for a type: a mapping (a model, a dict), a list (a tuple, a list) or a value."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if is_model(annotation) or get_origin(annotation) is dict:
        return "mapping"
    if get_origin(annotation) in (tuple, list):
        return "list"
    return "value"
