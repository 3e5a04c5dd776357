"""Pydantic without its plugin search: the tool's models have no use for plugins.

The first time Pydantic builds a validator it looks for plugins among the entry points of every
installed package, and a plugin found there is imported into every process that builds a model (an
observability SDK can add 100 ms and hundreds of modules). `PYDANTIC_DISABLE_PLUGINS=1` stops the
search, and the command sets it unless the user set it already. Even then, the module that holds
the search (`pydantic.plugin._loader`) imports `importlib.metadata` as it loads, and with it the
email and zip packages: about 19 ms of every command that reads a file, for nothing. So, while
plugins are off, that module is stood in for by one whose `get_plugins()` returns what the real one
returns then: no plugins. Any other name asked of it loads the real module and answers from it, so
a Pydantic that uses more of the module still gets what it asks for.
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterable

LOADER = "pydantic.plugin._loader"
OFF = ("1", "true", "__all__")
"""The values of PYDANTIC_DISABLE_PLUGINS that turn every plugin off (`_loader.get_plugins`)."""


def disable() -> None:
    """Turn Pydantic's plugins off for this process and its children, unless the user chose otherwise."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] in OFF and LOADER not in sys.modules:
        sys.modules[LOADER] = _StandIn(LOADER, __doc__)


class _StandIn(types.ModuleType):
    """`pydantic.plugin._loader` while plugins are off: no plugins, and the real module for anything else."""

    @staticmethod
    def get_plugins() -> Iterable[object]:
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in OFF:
            return ()
        plugins: Iterable[object] = _real().get_plugins()  # turned back on meanwhile
        return plugins

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):  # what the import system asks of any module: this one's own
            raise AttributeError(name)
        return getattr(_real(), name)


def _real() -> types.ModuleType:
    import importlib

    if isinstance(sys.modules.get(LOADER), _StandIn):
        del sys.modules[LOADER]
    return importlib.import_module(LOADER)
