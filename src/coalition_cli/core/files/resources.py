"""Where the bundled rubric data and document templates are, installed or in a source checkout, and
which rubrics are bundled (no Pydantic here: validate's fast path asks it too)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

GUIDE_FILE = "coalition-guide.yaml"

_PACKAGE_DIR = Path(__file__).resolve().parents[2]
"""src/coalition_cli: in a wheel the data folders are inside it; in a checkout, two levels up."""


@cache
def _find(name: str) -> Path:
    # In a wheel, hatch's force-include puts the folders inside the package; in a source checkout or
    # an editable install they stay at the top of the repository.
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled {name}/ folder is missing from this installation of coalition")


def framework_data_dir() -> Path:
    return _find("framework_data")


def templates_dir() -> Path:
    return _find("templates")


def bundled_framework_ids() -> list[str]:
    """Ids of the rubrics shipped with the tool (every YAML in framework_data/ but the Guide)."""
    return sorted(
        path.stem
        for path in framework_data_dir().iterdir()
        if path.suffix in (".yaml", ".yml") and path.name != GUIDE_FILE
    )


def looks_like_path(reference: str) -> bool:
    """A `framework:` reference that names a rubric file rather than a bundled rubric."""
    return "/" in reference or os.sep in reference or reference.endswith((".yaml", ".yml"))
