"""A coalition's own templates (`plan --templates DIR`): what in the folder a plan would silently skip.

Jinja renders a plan whatever a folder holds: a block a template names but the template it extends
does not have (`{% block apendix %}`) is never shown, and a file no template asks for
(`partials/_sumary.md.j2`, `plan.md` without `.j2`) is never read. The plan then goes out in the
bundled look, and its author believes their change is in it. So, before rendering:

- `TemplateFolder.check_blocks` stops the command at a block the extended templates do not have,
  naming the file, the line and the blocks there are (a misspelt field stops it too);
- `TemplateFolder.unused` words each file the plan will not read, with the name it may have meant,
  and a folder without any template.

Each template is read and parsed once, never run, here: the sandbox and its limits are for
rendering, which also says why a template cannot be read or parsed.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, NamedTuple

from coalition_cli.core.errors import UsageError
from coalition_cli.core.files.resources import templates_dir
from coalition_cli.core.suggest import closest

if TYPE_CHECKING:
    import jinja2

SUFFIX = ".j2"
MAX_FILES = 500
"""Files looked at in a folder at most (a folder of templates holds a few dozen)."""


def template_names(folder: Path) -> list[str]:
    """The files in `folder` and below, as template names (`partials/_summary.md.j2`), sorted."""
    names: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if not file.startswith("."):
                names.append(PurePosixPath(Path(root, file).relative_to(folder)).as_posix())
        if len(names) >= MAX_FILES:
            break
    return names[:MAX_FILES]


def bundled_names() -> list[str]:
    """The bundled templates' names: a file of the folder with one of these replaces the bundled one."""
    return template_names(templates_dir())


class _Parsed(NamedTuple):
    name: str
    filename: str
    tree: jinja2.nodes.Template


class TemplateFolder:
    """A coalition's templates folder, each of its templates read and parsed once for both checks."""

    def __init__(self, env: jinja2.Environment, folder: Path) -> None:
        self.env, self.folder = env, folder
        self.names = template_names(folder)
        self._trees: dict[str, _Parsed | None] = {}
        """Every template parsed so far by name: the folder's, and the bundled ones they extend."""
        self.parsed = [
            found for name in self.names if name.endswith(SUFFIX) and (found := self._parsed(name))
        ]

    def _parsed(self, name: str) -> _Parsed | None:
        if name not in self._trees:
            self._trees[name] = _parse(self.env, name)
        return self._trees[name]

    def _blocks_of(self, name: str, seen: set[str]) -> set[str] | None:
        """Every block `name` and the templates it extends define; None when one cannot be read."""
        from jinja2 import nodes

        found = self._parsed(name) if name not in seen else None
        if found is None:
            return None
        seen.add(name)
        blocks = {block.name for block in found.tree.find_all(nodes.Block)}
        parent = _extended(found.tree)
        if parent is not None:
            above = self._blocks_of(parent, seen)
            if above is None:
                return None
            blocks |= above
        return blocks

    def check_blocks(self) -> None:
        """Raise UsageError at the first block of a template that the templates it extends do not
        have (`{% block apendix %}` after `{% extends "coalition/plan.md.j2" %}`)."""
        for name, filename, tree in self.parsed:
            parent = _extended(tree)
            there = self._blocks_of(parent, seen={name}) if parent is not None else None
            if there is None:
                continue
            for block in _outer_blocks(tree):
                if block.name not in there:
                    meant = closest(block.name, sorted(there))
                    suggestion = f" (did you mean {meant!r}?)" if meant else ""
                    raise UsageError(
                        f"{shown(filename)}, line {block.lineno}: no block named {block.name!r} in "
                        f"{parent}{suggestion}, so it would never be shown; its blocks: "
                        f"{', '.join(sorted(there))}",
                        hint="a template that extends another can only fill the blocks that one has",
                    )

    def unused(self, fmt_suffix: str) -> list[str]:
        """A sentence for each file that a plan (`fmt_suffix`: `.md` or `.html`) will not read, or for
        a folder without templates. Files for the other format, and those another template of the
        folder names (`{% include %}`, `{% import %}`, `{% extends %}`), are read, or may be."""
        from jinja2 import meta

        if not any(name.endswith(SUFFIX) for name in self.names):
            return [
                f"{self.folder} holds no templates (files ending in {SUFFIX}): the plan uses the bundled ones"
            ]
        bundled = set(bundled_names())
        named = {ref for _, _, tree in self.parsed for ref in meta.find_referenced_templates(tree) if ref}
        said = []
        ours = [name for name in bundled if name.endswith(fmt_suffix + SUFFIX)]
        for name in self.names:
            if name in bundled or name in named:
                continue
            if name.endswith(SUFFIX):
                meant = closest(name, ours) if name.endswith(fmt_suffix + SUFFIX) else None
                if name.endswith(fmt_suffix + SUFFIX) or meant:
                    said.append(_unused(self.folder, name, meant))
            elif name + SUFFIX in bundled:
                said.append(_unused(self.folder, name, name + SUFFIX))
        return said


def _parse(env: jinja2.Environment, name: str) -> _Parsed | None:
    """A template parsed, or None: one that cannot be read or parsed
    (too large, not UTF-8, a syntax error), which rendering reports, with its file and line."""
    try:
        source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        return _Parsed(name, filename or name, env.parse(source, name, filename))
    except Exception:  # (a CoalitionError, Jinja's SecurityError or TemplateSyntaxError, an OSError)
        return None


def shown(filename: str) -> str:
    """A template's file as its author is told about it: under the current folder, from there."""
    path = Path(filename)
    try:
        return str(path.relative_to(Path.cwd())) if path.is_absolute() else filename
    except ValueError:
        return filename


def _unused(folder: Path, name: str, meant: str | None) -> str:
    why = (
        f"did you mean {meant}?"
        if meant
        else "no bundled template has that name, and none of yours includes, imports or extends it"
    )
    return f"{folder / name} is not used: {why}"


def _outer_blocks(node: jinja2.nodes.Node) -> list[jinja2.nodes.Block]:
    """The blocks of a template not inside another block: those that fill the extended template's
    blocks. A block inside one is a new block the template itself places, which is shown."""
    from jinja2 import nodes

    found: list[nodes.Block] = []
    for child in node.iter_child_nodes():
        if isinstance(child, nodes.Block):
            found.append(child)
        else:
            found += _outer_blocks(child)
    return found


def _extended(tree: jinja2.nodes.Template) -> str | None:
    """The template `tree` extends, when it names one as a plain string."""
    from jinja2 import nodes

    for extends in tree.find_all(nodes.Extends):
        if isinstance(extends.template, nodes.Const) and isinstance(extends.template.value, str):
            return str(extends.template.value)
    return None
