"""A coalition's own templates (`plan --templates DIR`): what in the folder a plan would silently skip.

Jinja renders a plan whatever a folder holds: a block a template names but the template it extends
does not have (`{% block apendix %}`) is never shown, and a file no template asks for
(`partials/_sumary.md.j2`, `plan.md` without `.j2`) is never read. The plan then goes out in the
bundled look, and its author believes their change is in it. So, before rendering:

- `check_blocks` stops the command at a block the extended templates do not have, naming the file,
  the line and the blocks there are (a misspelt field stops it too);
- `unused_files` words each file the plan will not read, with the name it may have meant, and a
  folder without any template.

Templates are parsed, never run, here: the sandbox and its limits are for rendering.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

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


def check_blocks(env: jinja2.Environment, folder: Path) -> None:
    """Raise UsageError at the first block of a template in `folder` that the templates it extends
    do not have (`{% block apendix %}` after `{% extends "coalition/plan.md.j2" %}`)."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError

    for name in template_names(folder):
        if not name.endswith(SUFFIX):
            continue
        try:
            source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
            tree = env.parse(source, name, filename)
        except (TemplateNotFound, TemplateSyntaxError):
            continue  # rendering says why, where it matters
        parent = _extended(tree)
        if parent is None:
            continue
        there = _blocks_of(env, parent, seen={name})
        if there is None:
            continue
        for block in _outer_blocks(tree):
            if block.name not in there:
                meant = closest(block.name, sorted(there))
                suggestion = f" (did you mean {meant!r}?)" if meant else ""
                raise UsageError(
                    f"{_shown(filename)}, line {block.lineno}: no block named {block.name!r} in "
                    f"{parent}{suggestion}, so it would never be shown; its blocks: "
                    f"{', '.join(sorted(there))}",
                    hint="a template that extends another can only fill the blocks that one has",
                )


def unused_files(fmt_suffix: str, folder: Path, env: jinja2.Environment) -> list[str]:
    """A sentence for each file in `folder` that a plan (`fmt_suffix`: `.md` or `.html`) will not read,
    or for a folder without templates. Files for the other format, and those another template of
    the folder names (`{% include %}`, `{% import %}`, `{% extends %}`), are read, or may be."""
    from jinja2 import meta

    names = template_names(folder)
    templates = [name for name in names if name.endswith(SUFFIX)]
    if not templates:
        return [f"{folder} holds no templates (files ending in {SUFFIX}): the plan uses the bundled ones"]
    bundled = set(bundled_names())
    named: set[str] = set()
    for name in templates:
        try:
            source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
            named.update(
                ref for ref in meta.find_referenced_templates(env.parse(source, name, filename)) if ref
            )
        except Exception:  # unreadable or broken (too large, not UTF-8): rendering says why, if it reads it
            continue
    said = []
    ours = [name for name in bundled if name.endswith(fmt_suffix + SUFFIX)]
    for name in names:
        if name in bundled or name in named:
            continue
        if name.endswith(SUFFIX):
            meant = closest(name, ours) if name.endswith(fmt_suffix + SUFFIX) else None
            if name.endswith(fmt_suffix + SUFFIX) or meant:
                said.append(_unused(folder, name, meant))
        elif name + SUFFIX in bundled:
            said.append(_unused(folder, name, name + SUFFIX))
    return said


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


def _blocks_of(env: jinja2.Environment, name: str, seen: set[str]) -> set[str] | None:
    """Every block `name` and the templates it extends define; None when one cannot be read."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, nodes

    if name in seen:
        return None
    seen.add(name)
    try:
        source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        tree = env.parse(source, name, filename)
    except (TemplateNotFound, TemplateSyntaxError):
        return None
    found = {block.name for block in tree.find_all(nodes.Block)}
    parent = _extended(tree)
    if parent is not None:
        above = _blocks_of(env, parent, seen)
        if above is None:
            return None
        found |= above
    return found


def _shown(filename: str | None) -> str:
    if not filename:
        return "a template"
    path = Path(filename)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return filename
