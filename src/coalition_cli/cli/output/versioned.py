"""Every JSON document the tool prints carries `"version": 1`, first, and documented keys (docs/json.md).

The version is raised when a key changes meaning or goes away; new keys may appear without it, so a
script should ignore keys it does not know. (`coalition schema` prints a JSON Schema, a document of
another kind, and carries none: an unknown keyword would break strict schema validators.)
"""

from __future__ import annotations

from typing import Any

JSON_VERSION = 1


def versioned(data: dict[str, Any]) -> dict[str, Any]:
    """The document with `"version"` as its first key."""
    return {"version": JSON_VERSION, **data}
