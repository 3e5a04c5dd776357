"""Command-line values made into Python values without Pydantic, wherever that gives what Typer gives.

Typer (0.2x) coerces every parameter's value, defaults included, through a Pydantic TypeAdapter that
it builds when the command runs: importing Pydantic's adapters and building them costs about 15 ms
in a command that reads the models anyway, and 60 ms in one that does not need Pydantic at all. Our
parameters are plain (a path, a text, a flag, a bounded whole number, a choice, a list of these),
and for the values people type the result is plain too: `Path(text)`, the text, the number, the
choice. `make_lean` gives each parameter of a command a coercion that returns those values itself and
hands everything else (a value it is not sure of, any error, a kind of parameter it does not know)
to Typer's own coercion, so results and messages stay Typer's, byte for byte
(`tests/unit/test_coercion.py` compares both on generated values), but for one thing: a choice
that is not one of the choices is said without the "Value error, " Pydantic puts before it. With a Typer that does not
coerce this way, nothing is changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from coalition_cli.cli.plain_lines import WHOLE_NUMBER

try:
    from typer import BadParameter
    from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path, lenient_issubclass, routes_to_path
except ImportError:  # pragma: no cover - a Typer without Pydantic coercion: nothing to make lean
    RuntimeParam = None  # type: ignore[assignment, misc]


class Refused(Exception):
    """A choice that is not one of the choices: said as Typer says it, without the "Value error, "
    Pydantic puts before Typer's words."""


_UNSURE: Any = object()
"""What `plain_value` returns when Typer's own coercion must decide."""


def make_lean(command: Any) -> None:
    """Give every Typer parameter of `command` (not of its subcommands: `app.made_commands` walks them)
    the lean coercion."""
    if RuntimeParam is None:
        return  # pragma: no cover
    for param in getattr(command, "params", ()):
        _make_lean(param)
    help_option = getattr(command, "get_help_option", None)
    if help_option is not None:  # made when first asked for, and coerced like the others

        def lean_help_option(ctx: Any) -> Any:
            option = help_option(ctx)
            _make_lean(option)
            return option

        command.get_help_option = lean_help_option


def _make_lean(param: Any) -> None:
    descriptor = getattr(param, "type_descriptor", None)
    if isinstance(descriptor, TypeDescriptor) and getattr(param, "_runtime_param", "absent") is None:
        param._runtime_param = LeanParam(descriptor.parameter_info, descriptor.annotation, descriptor)


if RuntimeParam is not None:

    @dataclass(frozen=True)  # as Typer's RuntimeParam is: a dataclass of its own
    class LeanParam(RuntimeParam):
        """Plain values coerced here; the rest by the coercion Typer would have used."""

        descriptor: TypeDescriptor

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                result = plain_value(self.descriptor, value, param, ctx)
            except Refused as error:
                raise BadParameter(str(error), ctx=ctx, param=param) from error
            except Exception:  # Typer's coercion says what is wrong, in its own words
                result = _UNSURE
            if result is _UNSURE:
                return build_runtime_param(self.descriptor)._coerce_value(value, param=param, ctx=ctx)
            return result


def plain_value(descriptor: Any, value: Any, param: Any, ctx: Any) -> Any:
    """The value Typer's coercion gives for `value`, or `_UNSURE`; in the order of Typer's own
    choice of adapter (`typer._adapters.build_adapter`)."""
    if descriptor.file_annotation is not None:
        return _UNSURE
    annotation = descriptor.annotation
    if getattr(annotation, "__origin__", None) is list:
        (item_type,) = annotation.__args__
        if not isinstance(value, list | tuple):
            value = [value]
        items = [_plain_item(item_type, descriptor.parameter_info, item, param, ctx) for item in value]
        return _UNSURE if any(item is _UNSURE for item in items) else items
    return _plain_item(annotation, descriptor.parameter_info, value, param, ctx)


def _plain_item(annotation: Any, info: Any, value: Any, param: Any, ctx: Any) -> Any:
    if info.parser is not None:
        return info.parser(value)
    if lenient_issubclass(annotation, Enum):
        try:
            return coerce_cli_choice(
                value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx
            )
        except ValueError as error:  # Typer says it through Pydantic: "Value error, 'all' is not one of …"
            raise Refused(str(error)) from error
    if annotation is int:
        return _whole_number(value, info)
    if annotation is bool:
        return value if type(value) is bool else _UNSURE
    if annotation is str:
        return value if type(value) is str else _UNSURE
    if routes_to_path(annotation, info):
        path_type = info.path_type
        if path_type is None and lenient_issubclass(annotation, Path):
            path_type = annotation
        if not lenient_issubclass(path_type, Path):
            return _UNSURE
        if type(value) is str:
            value = path_type(value)
        elif not isinstance(value, path_type):
            return _UNSURE
        return coerce_cli_path(value, info, path_type=path_type, param=param, ctx=ctx)
    return _UNSURE


def _whole_number(value: Any, info: Any) -> Any:
    if info.clamp:
        return _UNSURE
    if type(value) is str and WHOLE_NUMBER.fullmatch(value):
        value = int(value)
    if type(value) is not int:
        return _UNSURE
    if (info.min is not None and value < info.min) or (info.max is not None and value > info.max):
        return _UNSURE
    return value
