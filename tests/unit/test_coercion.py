"""The lean coercion of command-line values (cli/coercion.py) gives what Typer's own gives, value or message.

Every parameter of every command, on generated values: plain ones (texts, digits, paths that exist
or not, choices in any case, lists), and the awkward ones (signs, spaces, underscores, huge numbers,
NUL bytes, surrogates, values of the wrong type). Both must return equal values of the same type, or
fail with the same exception and the same message (but for the "Value error, " Pydantic puts before
Typer's words for a choice, which the lean coercion leaves out).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer._click import Context
from typer._coercion import build_runtime_param
from typer.main import get_command

from coalition_cli.cli import coercion
from coalition_cli.cli.app import app
from coalition_cli.cli.coercion import LeanParam
from tests.support.paths import EXAMPLES


def _parameters() -> list[tuple[str, Any, Any]]:
    found = []

    def walk(command: Any, path: str) -> None:
        for param in command.params:
            found.append((f"{path} {param.name}".strip(), command, param))
        for name in getattr(command, "commands", {}):
            walk(command.get_command(None, name), f"{path} {name}")

    walk(get_command(app), "")
    return found


PARAMETERS = _parameters()

_TEXTS = st.one_of(
    st.text(max_size=12),
    st.from_regex(r"[+-]?\s?[0-9_]{0,25}\s?", fullmatch=True),
    st.sampled_from(["", "0", "00", "007", "100", "101", "65535", "65536", "-1", "1_0", " 5", "٣", "²"]),
    st.sampled_from(["md", "html", "json", "text", "TEXT", "Json", "table", "csv", "public", "coalition"]),
    st.sampled_from([str(EXAMPLES), str(EXAMPLES / "riverside" / "2026-03-spring.yaml"), "missing.yaml"]),
    st.sampled_from(["a\x00b", "a\udcffb", "-", "a//b/", "~"]),
)
VALUES = st.one_of(
    st.none(),
    _TEXTS,
    st.integers(min_value=-(2**70), max_value=2**70),
    st.booleans(),
    st.lists(_TEXTS, max_size=3),
    st.tuples(_TEXTS, _TEXTS),
    st.builds(Path, _TEXTS.filter(lambda text: "\x00" not in text)),
)


def _outcome(coerce: Any, value: Any, param: Any, ctx: Context) -> tuple[Any, ...]:
    try:
        result = coerce(value, param=param, ctx=ctx)
    except Exception as error:
        message = error.format_message() if hasattr(error, "format_message") else str(error)
        return ("error", type(error), message.replace(": Value error, ", ": ", 1))  # Pydantic's words out
    shown = [(type(item), item) for item in result] if isinstance(result, list | tuple) else result
    return ("value", type(result), shown)


@pytest.mark.parametrize(("where", "command", "param"), PARAMETERS, ids=[where for where, _, _ in PARAMETERS])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=VALUES)
def test_the_lean_coercion_agrees_with_typers(where: str, command: Any, param: Any, value: Any) -> None:
    descriptor = param.type_descriptor
    lean = LeanParam(descriptor.parameter_info, descriptor.annotation, descriptor)
    typer_own = build_runtime_param(descriptor)
    ctx = Context(command)
    assert _outcome(lean.coerce, value, param, ctx) == _outcome(typer_own.coerce, value, param, ctx)


def test_the_values_people_type_take_the_lean_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """Typer's own coercion is not even built for them (else the agreement above would prove little)."""
    built: list[Any] = []
    monkeypatch.setattr(coercion, "build_runtime_param", built.append)
    plain: dict[Any, tuple[Any, Any]] = {
        Path: (str(EXAMPLES), EXAMPLES),  # a folder that exists, for --templates
        str: ("Riverside", "Riverside"),
        int: ("5", 5),
        bool: (True, True),
    }
    checked = 0
    for _, command, param in PARAMETERS:
        descriptor = param.type_descriptor
        annotation, info = descriptor.annotation, descriptor.parameter_info
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            member = next(iter(annotation))
            typed, expected = member.value, member
        elif annotation in plain and info.parser is None:
            typed, expected = plain[annotation]
        else:
            continue
        lean = LeanParam(info, annotation, descriptor)
        assert lean.coerce(typed, param=param, ctx=Context(command)) == expected
        checked += 1
    assert built == []
    assert checked > 30
