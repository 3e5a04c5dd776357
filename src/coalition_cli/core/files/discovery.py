"""Turning the paths a user gives into the YAML files to read.

A file named on the command line is always checked. A folder is walked recursively for `*.yaml`
and `*.yml`, skipping hidden files and folders (`.git`, `.github`, `.pre-commit-config.yaml`); files
found this way that are plainly not assessments are skipped rather than failed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Target:
    path: Path
    from_folder: bool = False
    missing: str | None = None
    """Why the path cannot be read, when it cannot."""


def expand(paths: Iterable[Path], *, skip_other_yaml: bool = False) -> list[Target]:
    """The files to read; with `skip_other_yaml`, named files are treated like files found in folders."""
    targets: list[Target] = []
    for path in paths:
        if path.is_dir():
            targets.extend(Target(found, from_folder=True) for found in _walk(path))
        elif path.is_file():
            targets.append(Target(path, from_folder=skip_other_yaml))
        elif path.exists():
            targets.append(Target(path, missing="not a regular file"))
        else:
            targets.append(Target(path, missing="no such file or folder"))
    return targets


def _walk(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder).parts
        if any(part.startswith(".") for part in relative):
            continue
        if path.suffix.lower() in YAML_SUFFIXES and path.is_file():
            found.append(path)
    return sorted(found)
