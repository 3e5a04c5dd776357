"""How a model of a file the tool reads is made: a frozen dataclass that Pydantic checks on demand.

Every command that reads a file needs the models' *values*; only a file that may be wrong needs
Pydantic's *checking*. Importing Pydantic costs about as much as Typer, ruamel.yaml and Rich together,
so the models are plain frozen dataclasses, and Pydantic is imported the first time a document must
be checked by it (`validated`) or a JSON Schema is written (`adapter`). A document the shipped index
has already found to have the models' shape is made into the same values without it (`built`, in
core/model/building.py).

The Pydantic rules a field needs are written as the markers below, in `Annotated[...]`: each turns into
Pydantic's own rule only when Pydantic builds the model's schema, so the rules and their messages are
Pydantic's, byte for byte, and nothing of Pydantic is imported to define a model.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from coalition_cli.core.frozen import field_names as frozen_field_names
from coalition_cli.core.frozen import frozen

if TYPE_CHECKING:
    from pydantic import TypeAdapter
    from typing_extensions import dataclass_transform
else:
    from coalition_cli.core.frozen import dataclass_transform


T = TypeVar("T")

CONFIG = {"extra": "forbid"}
"""Pydantic's configuration of every model: an unknown key is an error (with a did-you-mean),
never silently ignored."""


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(dataclasses.field,))
def model(cls: type[T]) -> type[T]:
    """A model: `@frozen` (core/frozen.py; a file, once read and checked, is only ever read),
    its fields given by name, with Pydantic's configuration for when Pydantic checks it."""
    cls.__pydantic_config__ = CONFIG  # type: ignore[attr-defined]
    return frozen(kw_only=True)(cls)


class MinLength:
    """`Field(min_length=n)`: a text or a list with at least `n` characters or items."""

    __slots__ = ("length",)

    def __init__(self, length: int) -> None:
        self.length = length

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["min_length"] = self.length
        return schema


class Strict:
    """`StrictBool` and the like: the value as written, never converted (`"yes"` is not true)."""

    __slots__ = ()

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["strict"] = True
        return schema


class Before:
    """`BeforeValidator(function)`: `function` turns the value as written into the value checked
    (`select: not-rated` into `[not-rated]`); also applied when a document is built without Pydantic."""

    __slots__ = ("function", "input_type")

    def __init__(self, function: Callable[[Any], Any], input_type: Any = None) -> None:
        self.function = function
        self.input_type = input_type
        """What the JSON Schema says the field takes, where the function takes more than the type."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import BeforeValidator

        if self.input_type is None:
            return BeforeValidator(self.function).__get_pydantic_core_schema__(source, handler)
        validator = BeforeValidator(self.function, json_schema_input_type=self.input_type)
        return validator.__get_pydantic_core_schema__(source, handler)


class Wrap:
    """`WrapValidator(function)`: `function(value, handler)` decides, calling Pydantic's `handler`
    for what it does not handle itself. Never applied without Pydantic: see core/model/building.py."""

    __slots__ = ("function",)

    def __init__(self, function: Callable[[Any, Any], Any]) -> None:
        self.function = function

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import WrapValidator

        return WrapValidator(self.function).__get_pydantic_core_schema__(source, handler)


_ADAPTERS: dict[type, Any] = {}


def adapter(model_type: type[T]) -> TypeAdapter[T]:
    """Pydantic's reader of a model (Pydantic imported, and the model's schema built, the first time)."""
    found = _ADAPTERS.get(model_type)
    if found is None:
        from pydantic import TypeAdapter

        found = _ADAPTERS[model_type] = TypeAdapter(model_type)
    return cast("TypeAdapter[T]", found)


def validated(model_type: type[T], data: Any) -> T:
    """`data` checked and read by Pydantic as a `model_type`. Raises pydantic.ValidationError."""
    return adapter(model_type).validate_python(data)


def custom_error(code: str, message: str, context: dict[str, Any]) -> Exception:
    """The error a model's own rule raises for Pydantic to report (its type is our code's name)."""
    from pydantic_core import PydanticCustomError

    return PydanticCustomError(code, message, context)


def as_data(value: Any, *, exclude_none: bool = False) -> Any:
    """A model's values as plain data, as the file writes them: what Pydantic's
    `dump_python(mode="json")` gives (dates as text, lists for tuples, keys as text; `exclude_none`
    leaves out a model's fields that are None), made without importing Pydantic, which `init --from`
    and a participant's save would otherwise load for a few names (tests/unit/test_building.py holds
    the two to each other)."""
    if is_model(type(value)):
        fields = ((name, getattr(value, name)) for name in field_names(type(value)))
        return {
            name: as_data(item, exclude_none=exclude_none)
            for name, item in fields
            if item is not None or not exclude_none
        }
    if isinstance(value, (tuple, list)):
        return [as_data(item, exclude_none=exclude_none) for item in value]
    if isinstance(value, dict):
        return {str(key): as_data(item, exclude_none=exclude_none) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def field_names(model_type: type) -> list[str]:
    """The keys a model takes, in order."""
    return list(frozen_field_names(model_type))


def is_model(value: object) -> bool:
    """Whether `value` is a model class."""
    return (
        isinstance(value, type) and dataclasses.is_dataclass(value) and hasattr(value, "__pydantic_config__")
    )
