"""`@frozen`: a frozen dataclass, made without the code `dataclasses` writes for each class.

`@dataclass(frozen=True)` writes `__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__` and
`__delattr__` as source text for every class and compiles each one: on Python 3.11 that is most of
what defining the class costs, a third of a millisecond or more, and a command that reads a file and
prints a table defines some seventy such classes before it does anything. `frozen` makes the same
dataclass (`dataclasses.fields`, `replace`, `asdict` and Pydantic see one) with the same behaviour,
from functions written once, here: made by position or by keyword (`kw_only` as in dataclasses),
equal and hashed by its fields, shown by them, and frozen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, cast, overload

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Any:  # for the type checker only (typing has it from 3.11)
        return lambda decorator: decorator


T = TypeVar("T")


class _Spec:
    """What the shared functions need to know of one class, worked out once."""

    __slots__ = ("by_dict", "fields", "name_set", "names", "positional", "values")

    def __init__(self, cls: type) -> None:
        fields = dataclasses.fields(cls)
        self.fields = tuple((field.name, field.default, field.default_factory) for field in fields)
        self.names = tuple(field.name for field in fields)
        self.name_set = frozenset(self.names)
        self.by_dict = "__slots__" not in cls.__dict__
        """Its instances keep their values in a `__dict__` (no slots)."""
        self.positional = tuple(field.name for field in fields if not field.kw_only)
        if self.positional != self.names[: len(self.positional)]:
            raise TypeError(f"{cls.__name__}: keyword-only fields must come after the others")
        names = self.names
        self.values: Callable[[Any], tuple[Any, ...]] = (
            attrgetter(*names)
            if len(names) > 1
            else (lambda item: (getattr(item, names[0]),))
            if names
            else _none
        )


def _none(_: object) -> tuple[Any, ...]:
    return ()


def _spec(item: object) -> _Spec:
    return cast(_Spec, type(item).__frozen__)  # type: ignore[attr-defined]


def field_names(cls: type) -> tuple[str, ...]:
    """The fields of a `@frozen` class, in order (what `dataclasses.fields` names, worked out once)."""
    return cast(_Spec, cls.__frozen__).names  # type: ignore[attr-defined]


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    spec = _spec(self)
    # every field by keyword, as a plan makes some 700 records: set at once (1 ms less than one by one)
    if not args and spec.by_dict and kwargs.keys() == spec.name_set:
        self.__dict__.update(kwargs)
        return
    setting = object.__setattr__
    if not kwargs and len(args) == len(spec.positional) == len(spec.names):  # every field by position
        for name, value in zip(spec.names, args, strict=True):
            setting(self, name, value)
        return
    name_of = type(self).__name__
    if len(args) > len(spec.positional):
        raise TypeError(
            f"{name_of}() takes {len(spec.positional)} positional arguments but {len(args)} were given"
        )
    for (name, _, _), value in zip(spec.fields, args, strict=False):
        if name in kwargs:
            raise TypeError(f"{name_of}() got multiple values for argument {name!r}")
        setting(self, name, value)
    for name, default, factory in spec.fields[len(args) :]:
        if name in kwargs:
            setting(self, name, kwargs.pop(name))
        elif default is not MISSING:
            setting(self, name, default)
        elif factory is not MISSING:
            setting(self, name, factory())
        else:
            raise TypeError(f"{name_of}() missing required argument: {name!r}")
    if kwargs:
        raise TypeError(f"{name_of}() got an unexpected keyword argument {next(iter(kwargs))!r}")


def _setattr(self: Any, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _eq(self: Any, other: object) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    values = _spec(self).values
    return values(self) == values(other)


def _hash(self: Any) -> int:
    return hash(_spec(self).values(self))


def _repr(self: Any) -> str:
    spec = _spec(self)
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in spec.names)
    return f"{type(self).__qualname__}({shown})"


def _getstate(self: Any) -> tuple[Any, ...]:
    return _spec(self).values(self)


def _setstate(self: Any, state: tuple[Any, ...]) -> None:
    for (name, _, _), value in zip(_spec(self).fields, state, strict=True):
        object.__setattr__(self, name, value)


def _make(cls: type[T], kw_only: bool, slots: bool) -> type[T]:
    made = dataclasses.dataclass(init=False, repr=False, eq=False, kw_only=kw_only, slots=slots)(cls)
    made.__frozen__ = _Spec(made)  # type: ignore[attr-defined]
    shared: list[tuple[str, Callable[..., Any]]] = [
        ("__init__", _init),
        ("__setattr__", _setattr),
        ("__delattr__", _delattr),
        ("__eq__", _eq),
        ("__hash__", _hash),
        ("__repr__", _repr),
    ]
    if slots:  # no __dict__ for pickle to fill: the values, set as __init__ sets them
        shared += [("__getstate__", _getstate), ("__setstate__", _setstate)]
    for name, function in shared:
        if name not in cls.__dict__:  # a class's own method wins, as with dataclasses
            setattr(made, name, function)
    return made


@overload
def frozen(cls: type[T], /) -> type[T]: ...


@overload
def frozen(*, kw_only: bool = False, slots: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen(cls: type[T] | None = None, /, *, kw_only: bool = False, slots: bool = False) -> Any:
    """`@frozen`, `@frozen(kw_only=True, slots=True)`: `@dataclass(frozen=True, ...)`, made without
    writing code."""
    if cls is not None:
        return _make(cls, kw_only, slots)
    return lambda later: _make(later, kw_only, slots)
