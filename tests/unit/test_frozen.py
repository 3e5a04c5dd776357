"""`@frozen` behaves as `@dataclass(frozen=True)` does, for everything the code asks of one: made by
position or keyword, defaults and factories, equality, hashing, repr, immutability, `replace`,
`asdict`, pickling (with slots too), and Pydantic reading it as a dataclass."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass, field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coalition_cli.core.frozen import frozen


@frozen
class Cell:
    """A value made by position or keyword."""

    text: str
    width: int = 0
    tags: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CellAsDataclass:
    """The same, as dataclasses writes it."""

    text: str
    width: int = 0
    tags: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)


@frozen
class Pair:
    """Hashable values."""

    text: str
    width: int = 0
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class PairAsDataclass:
    """The same, as dataclasses writes it."""

    text: str
    width: int = 0
    tags: tuple[str, ...] = ()


@frozen(kw_only=True, slots=True)
class Slotted:
    """By keyword only, with slots."""

    name: str
    count: int = 1


@frozen
class Empty:
    """No fields at all."""


values = st.builds(
    lambda text, width, tags: (text, width, tags),
    st.text(max_size=5),
    st.integers(-3, 3),
    st.lists(st.sampled_from(["a", "b"]), max_size=2).map(tuple),
)


@given(first=values, second=values)
def test_equality_hash_and_repr_are_the_dataclass_ones(
    first: tuple[Any, ...], second: tuple[Any, ...]
) -> None:
    ours = Pair(*first), Pair(*second)
    theirs = PairAsDataclass(*first), PairAsDataclass(*second)
    assert (ours[0] == ours[1]) == (theirs[0] == theirs[1])
    assert hash(ours[0]) == hash(theirs[0])  # the hash of the same values, in the same order
    assert repr(ours[0]).replace("Pair(", "PairAsDataclass(", 1) == repr(theirs[0])
    assert ours[0] != theirs[0]  # another class is never equal, as with dataclasses
    lists = Cell(*first), CellAsDataclass(*first)  # a list inside: unhashable, for both alike
    for value in lists:
        with pytest.raises(TypeError, match="unhashable"):
            hash(value)
    assert repr(lists[0]).replace("Cell(", "CellAsDataclass(", 1) == repr(lists[1])


def test_made_by_position_or_keyword_with_defaults_and_factories() -> None:
    assert Cell("a", 2) == Cell(text="a", width=2) == Cell("a", width=2)
    first, second = Cell("x"), Cell("x")
    assert first.notes == [] and first.notes is not second.notes  # a factory per instance
    with pytest.raises(TypeError, match="missing required argument: 'text'"):
        Cell()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        Cell("a", colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple values for argument 'text'"):
        Cell("a", text="b")  # type: ignore[misc]
    with pytest.raises(TypeError, match="takes 4 positional arguments but 5 were given"):
        Cell("a", 1, (), [], 5)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="takes 0 positional arguments"):
        Slotted("a")  # type: ignore[misc]
    assert Empty() == Empty() and repr(Empty()) == "Empty()" and hash(Empty()) == hash(())
    every = Cell(notes=["n"], tags=("t",), width=3, text="a")  # every field by keyword, in any order
    assert (
        every == Cell("a", 3, ("t",), ["n"])
        and repr(every) == "Cell(text='a', width=3, tags=('t',), notes=['n'])"
    )
    assert Slotted(count=2, name="n") == Slotted(name="n", count=2)


def test_nothing_changes_once_made() -> None:
    cell = Cell("a")
    with pytest.raises(FrozenInstanceError):
        cell.text = "b"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del cell.width  # type: ignore[misc]
    slotted = Slotted(name="n")
    with pytest.raises(FrozenInstanceError):
        slotted.count = 2  # type: ignore[misc]
    assert not hasattr(slotted, "__dict__")


def test_replace_asdict_fields_and_pickle() -> None:
    cell = Cell("a", 3, ("t",))
    assert dataclasses.replace(cell, width=4) == Cell("a", 4, ("t",))
    assert dataclasses.asdict(cell) == {"text": "a", "width": 3, "tags": ("t",), "notes": []}
    assert [f.name for f in dataclasses.fields(Slotted)] == ["name", "count"]
    for value in (cell, Slotted(name="n", count=2), Empty()):
        again = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == value and type(again) is type(value)


def test_pydantic_reads_a_frozen_model_as_a_dataclass() -> None:
    from pydantic import TypeAdapter

    assert TypeAdapter(Slotted).validate_python({"name": "n"}) == Slotted(name="n", count=1)
    assert TypeAdapter(Cell).validate_python({"text": "a", "tags": ["t"]}) == Cell("a", tags=("t",))
