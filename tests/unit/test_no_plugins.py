"""Pydantic's plugin search is skipped (cli/no_plugins.py), and only as Pydantic itself would skip it.

Each case runs in a fresh interpreter: the stand-in must be in place before Pydantic builds a model.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.support.processes import environment

_PROBE = """\
import json, sys
from coalition_cli.cli import no_plugins
no_plugins.disable()
from coalition_cli.core.model.base import validated
from coalition_cli.core.model.framework import Stage
validated(Stage, {"number": 1, "name": "Emerging"})  # builds a model: Pydantic asks for its plugins
loader = sys.modules["pydantic.plugin._loader"]
result = {
    "stand_in": type(loader).__name__ == "_StandIn",
    "metadata_imported": "importlib.metadata" in sys.modules,
    "plugins": list(loader.get_plugins()),
}
if "--other-name" in sys.argv:
    result["group"] = loader.PYDANTIC_ENTRY_POINT_GROUP
    result["real_after"] = type(sys.modules["pydantic.plugin._loader"]).__name__ == "module"
print(json.dumps(result))
"""


def probe(*args: str, **env: str) -> dict[str, object]:
    variables = environment(**env)
    if "PYDANTIC_DISABLE_PLUGINS" not in env:
        variables.pop("PYDANTIC_DISABLE_PLUGINS", None)
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        env=variables,
        timeout=60,
        check=True,
    )
    found: dict[str, object] = json.loads(result.stdout)
    return found


@pytest.mark.slow
def test_the_search_and_its_imports_are_skipped() -> None:
    assert probe() == {"stand_in": True, "metadata_imported": False, "plugins": []}


@pytest.mark.slow
def test_plugins_the_user_turned_off_by_name_are_left_to_pydantic() -> None:
    found = probe(PYDANTIC_DISABLE_PLUGINS="logfire")
    assert found["stand_in"] is False
    assert found["metadata_imported"] is True


@pytest.mark.slow
def test_anything_else_asked_of_the_stand_in_comes_from_the_real_module() -> None:
    found = probe("--other-name")
    assert found["group"] == "pydantic"
    assert found["real_after"] is True
