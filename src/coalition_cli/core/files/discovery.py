"""Turning the paths a user gives into the YAML files to read.

A file named on the command line is always checked. A folder is walked recursively for `*.yaml`
and `*.yml`, as git sees it: hidden files and folders (`.git`, `.github`, `.pre-commit-config.yaml`)
are skipped, and so is whatever the repository's `.gitignore` files (and `.git/info/exclude`) ignore,
read with `pathspec` (git itself is never run); files found this way that are plainly not
assessments are skipped rather than failed. The repository's settings may exclude more
(`exclude`, gitignore patterns relative to the settings file).

Nothing is skipped silently: a folder that cannot be listed, or a path that cannot even be looked at
(inside a folder the user cannot enter), becomes a target that cannot be read, reported with exit 2.
`-` is standard input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

from coalition_cli.core.files.regular import kind_of, read_regular

YAML_SUFFIXES = (".yaml", ".yml")

STDIN = "-"
"""The path that means standard input, as for cat, ruff and yamllint."""


class Target(NamedTuple):
    path: Path
    from_folder: bool = False
    missing: str | None = None
    """Why the path cannot be read, when it cannot."""
    stdin: bool = False
    """The text comes from standard input; `path` is where it stands (`--stdin-filename`, or `-`)."""
    excluded: bool = False
    """Named, but the settings' `exclude` leaves it out (with `skip_other_yaml`): not to be read, only counted."""

    @property
    def label(self) -> str:
        return str(self.path)


class Exclusion(NamedTuple):
    """Gitignore-style patterns (the settings' `exclude`), relative to the folder that holds them."""

    base: Path
    patterns: tuple[str, ...]

    def excludes(self, path: Path, *, folder: bool = False) -> bool:
        if not self.patterns:
            return False
        relative = _relative(path, self.base)
        if relative is None:
            return False
        return bool(_settings_spec(self.patterns).match_file(relative + ("/" if folder else "")))


NO_EXCLUSION = Exclusion(Path("."), ())


def expand(
    paths: Iterable[Path | str],
    *,
    skip_other_yaml: bool = False,
    exclusion: Exclusion = NO_EXCLUSION,
    stdin_filename: str | None = None,
) -> list[Target]:
    """The files to read; with `skip_other_yaml`, named files are treated like files found in folders
    (skipped when plainly not assessments, or excluded by the settings: those are `excluded`
    targets, so that the run can say why they were not checked)."""
    targets: list[Target] = []
    for given in paths:
        if str(given) == STDIN:
            where = Path(stdin_filename) if stdin_filename else Path(STDIN)
            targets.append(Target(where, from_folder=skip_other_yaml, stdin=True))
            continue
        path = Path(given)
        try:
            status = path.stat()
        except OSError as error:
            missing = "no such file or folder" if isinstance(error, FileNotFoundError) else _why(error)
            meant = meant_file(path) if isinstance(error, FileNotFoundError) else None
            if meant is not None:
                missing += f" ({meant})"
            targets.append(Target(path, missing=missing))
            continue
        from stat import S_ISDIR, S_ISREG

        if S_ISDIR(status.st_mode):
            targets.extend(_walk(path, exclusion))
        elif not S_ISREG(status.st_mode):
            targets.append(Target(path, missing=f"it is {kind_of(status.st_mode)}, not an ordinary file"))
        else:
            excluded = skip_other_yaml and exclusion.excludes(path)
            targets.append(Target(path, from_folder=skip_other_yaml, excluded=excluded))
    return targets


def yaml_named(path: Path) -> Path | None:
    """The file a name without its ending was meant to be (`spring-2026` for `spring-2026.yaml`,
    as `assess` takes it), when there is one; else None."""
    if path.suffix in (".yaml", ".yml"):
        return None
    for ending in (".yaml", ".yml"):
        meant = path.with_name(path.name + ending)
        if os.path.isfile(meant):  # Path.is_file raises on a name too long
            return meant
    return None


def saved_as_text(path: Path) -> Path | None:
    """`spring-2027.yaml.txt` for `spring-2027.yaml` when only it is there: Notepad adds .txt to the
    name a file is saved under (and Windows hides the ending), so the file looks right to its writer."""
    if path.suffix.lower() not in YAML_SUFFIXES:
        return None
    text = path.with_name(path.name + ".txt")
    return text if os.path.isfile(text) else None


def spelled_otherwise(path: Path) -> Path | None:
    """The file beside `path` whose name differs from it only in case (`Coalition.yaml` for
    `coalition.yaml`: the same file on a Mac or Windows laptop, none on Linux, where CI runs) or in
    its YAML ending (`spring.yml` for `spring.yaml`); None when there is none."""
    folder = path.parent if str(path.parent) else Path()
    wanted = path.name.casefold()
    stem, suffix = path.stem.casefold(), path.suffix.casefold()
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None
    for name in names:
        candidate = Path(name)
        alike = name.casefold() == wanted or (
            suffix in YAML_SUFFIXES
            and candidate.suffix.casefold() in YAML_SUFFIXES
            and candidate.stem.casefold() == stem
        )
        if name != path.name and alike and os.path.isfile(folder / name):
            return folder / name if str(path.parent) else Path(name)
    return None


def meant_file(path: Path) -> str | None:
    """What to say of a file that is not there when another one beside it is most likely the one
    meant: "did you mean spring-2026.yaml?" for `spring-2026` (or `Spring-2026.yaml`, or
    `spring-2026.yml`), or the rename a Notepad-saved `spring-2026.yaml.txt` needs. None when there is
    no such file."""
    named = yaml_named(path) or spelled_otherwise(path)
    if named is not None:
        return f"did you mean {named}?"
    text = saved_as_text(path)
    if text is not None:
        return f"{text.name} is there: its name ends in .txt, as Notepad saves it; rename it to {path.name}"
    return None


def _why(error: OSError) -> str:
    return (error.strerror or str(error)).lower() if error.strerror else str(error)


def _walk(folder: Path, exclusion: Exclusion) -> list[Target]:
    """Every YAML file under the folder as git sees it, and every folder that cannot be listed."""
    found: list[Target] = []
    ignored = GitIgnored.around(folder)

    def unlisted(error: OSError) -> None:
        where = Path(error.filename) if error.filename else folder
        found.append(Target(where, missing=f"cannot list this folder: {_why(error)}"))

    for top, folders, files in os.walk(folder, onerror=unlisted):
        here = Path(top)
        ignored.enter(here)
        folders[:] = [
            name
            for name in folders
            if not name.startswith(".")
            and not ignored.ignores(here / name, folder=True)
            and not exclusion.excludes(here / name, folder=True)
        ]
        for name in files:
            path = here / name
            if name.startswith(".") or not name.lower().endswith(YAML_SUFFIXES):
                continue
            if ignored.ignores(path) or exclusion.excludes(path):
                continue
            try:
                regular = path.is_file()
            except OSError as error:
                found.append(Target(path, missing=_why(error)))
                continue
            if regular:
                found.append(Target(path, from_folder=True))
    return sorted(found, key=lambda target: target.path)


class GitIgnored:
    """What the `.gitignore` files of the repository around a folder ignore, as git would.

    The repository is the nearest folder up from the walked one holding `.git`; outside one, nothing
    is ignored (as for git). Each `.gitignore` applies to its own folder and below, a deeper one
    overriding (and `!` re-including) what a shallower one says; `.git/info/exclude` applies to the
    whole repository. Specs are read once per folder, and `pathspec` is imported only when a
    repository has any.
    """

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self._specs: dict[Path, Any] = {}
        """Each folder's own spec (None when it has no .gitignore), by absolute path."""

    @classmethod
    def around(cls, folder: Path) -> GitIgnored:
        start = Path(os.path.abspath(folder))
        for candidate in (start, *start.parents):
            if os.path.lexists(candidate / ".git"):  # never raises: a folder we cannot enter has none
                ignored = cls(candidate)
                exclude = candidate / ".git" / "info" / "exclude"
                ignored._specs[candidate / ".git"] = _read_spec(exclude)
                for ancestor in reversed(start.relative_to(candidate).parents):
                    ignored.enter(candidate / ancestor)
                return ignored
        return cls(None)

    def enter(self, folder: Path) -> None:
        if self.root is None:
            return
        absolute = Path(os.path.abspath(folder))
        if absolute not in self._specs:
            self._specs[absolute] = _read_spec(absolute / ".gitignore")

    def ignores(self, path: Path, *, folder: bool = False) -> bool:
        if self.root is None:
            return False
        absolute = Path(os.path.abspath(path))
        verdict: bool | None = None
        info = self._specs.get(self.root / ".git")
        if info is not None:
            verdict = _verdict(info, absolute, self.root, folder, verdict)
        for base in (*reversed(absolute.parents),):
            spec = self._specs.get(base)
            if spec is not None and base.is_relative_to(self.root):
                verdict = _verdict(spec, absolute, base, folder, verdict)
        return bool(verdict)


def _verdict(spec: Any, path: Path, base: Path, folder: bool, verdict: bool | None) -> bool | None:
    relative = path.relative_to(base).as_posix() + ("/" if folder else "")
    result = spec.check_file(relative)
    return verdict if result.include is None else bool(result.include)


def _read_spec(path: Path) -> GitIgnoreSpec | None:
    try:
        lines = read_regular(path, 2**21).decode("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return _spec(lines) if any(line.strip() and not line.startswith("#") for line in lines) else None


@cache
def _settings_spec(patterns: tuple[str, ...]) -> GitIgnoreSpec:
    """The settings' `exclude` patterns, compiled once per run."""
    return _spec(patterns)


def _spec(lines: Sequence[str]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)


def _relative(path: Path, base: Path) -> str | None:
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
    if relative.startswith(".." + os.sep) or relative == "..":
        return None
    return Path(relative).as_posix()
