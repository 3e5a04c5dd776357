"""What the tool's own classes cost to make when a command imports them.

Every command imports a few dozen of them before it does anything, so each must stay cheap to make.
The timing itself is benchmarks/bench_commands.py's; these tests hold the rules behind it.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "coalition_cli"


def _dataclasses() -> list[tuple[str, str]]:
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(_is_dataclass(d) for d in node.decorator_list):
                module = ".".join(path.relative_to(SOURCE.parent).with_suffix("").parts)
                found.append((module, node.name))
    return found


def _is_dataclass(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(target, ast.Name) and target.id in ("dataclass", "frozen", "model")


DATACLASSES = _dataclasses()


def test_the_source_has_dataclasses_to_check() -> None:
    assert len(DATACLASSES) > 100


def test_frozen_dataclasses_are_made_without_writing_code() -> None:
    """`@dataclass(frozen=True)` compiles five or six functions for each class; `@frozen`
    (core/frozen.py) shares them. Only a class whose base is a frozen dataclass of another library
    must be one itself."""
    written = []
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for decorator in node.decorator_list:
                    if (
                        isinstance(decorator, ast.Call)
                        and isinstance(decorator.func, ast.Name)
                        and decorator.func.id == "dataclass"
                        and any(k.arg == "frozen" for k in decorator.keywords)
                    ):
                        written.append(node.name)
    assert written == ["LeanParam"]  # Typer's RuntimeParam is a frozen dataclass


@pytest.mark.parametrize(("module", "name"), DATACLASSES, ids=[f"{m}.{n}" for m, n in DATACLASSES])
def test_every_dataclass_says_what_it_holds(module: str, name: str) -> None:
    """A dataclass without a docstring is given one made from `inspect.signature` as it is made: a
    fifth of its cost at import, paid by every command that imports it. A sentence of our own says
    more, and costs nothing."""
    cls = getattr(importlib.import_module(module), name)
    assert dataclasses.is_dataclass(cls)
    assert cls.__doc__ and not cls.__doc__.startswith(f"{name}("), f"{module}.{name} has no docstring"
