"""Commands imported only when they run: the group's table of commands, filled on demand.

A command is one module under `cli/commands/`; importing it costs its own imports and Typer's
conversion of its parameters, which the other commands need not pay for. The group's `commands` is
this mapping instead of a dict: its keys are every command's name (so `--help`'s order, "No such
command" and its "Did you mean" suggestions are what they were), and reading a value imports that
command's module. Listing every command (`coalition --help`) still imports every module, as it
must to show their help.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import Any


class LazyCommands(MutableMapping[str, Any]):
    """Click commands by name, each made by `load(name)` the first time it is read."""

    def __init__(self, built: MutableMapping[str, Any], names: tuple[str, ...], load: Callable[[str], Any]):
        self.built = dict(built)
        """The commands made so far (those Typer made from what was already registered, then the loaded ones)."""
        self._names = names
        self._load = load

    def __getitem__(self, name: str) -> Any:
        if name not in self.built:
            if name not in self._names:
                raise KeyError(name)
            command = self._load(name)
            if command is None:
                raise KeyError(name)
            self.built[name] = command
        return self.built[name]

    def __iter__(self) -> Iterator[str]:
        yield from self._names
        yield from (name for name in self.built if name not in self._names)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, name: object) -> bool:
        return name in self._names or name in self.built

    def __setitem__(self, name: str, command: Any) -> None:
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        del self.built[name]
