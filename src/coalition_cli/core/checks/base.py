"""What a check is: a named rule that reads a document and reports findings with codes it declares.

As in yamllint's rules registry, each check says what it is (`id`), which documents it reads
(`kind`) and which codes it may raise (`codes`); `core/checks/registry.py` lists them all, and the
pipeline (core/loading/) runs the ones for each kind of document. Checks read the raw data, not the
validated model, so that every problem in a file is reported in one run, even when the model
refused part of it.

No Pydantic here (models are named for type checking only): validate's fast path imports the
predicates of the rubric checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple

from coalition_cli.core.codes import Code
from coalition_cli.core.problems import Finding

if TYPE_CHECKING:
    from coalition_cli.core.model.framework import Framework
    from coalition_cli.core.model.guide import Guide


class Kind(str, Enum):
    """The kinds of document the tool reads and checks."""

    ASSESSMENT = "assessment"
    PROFILE = "profile"
    """A coalition.yaml on its own."""
    FRAMEWORK = "framework"
    """A rubric file."""
    GUIDE = "guide"
    """The bundled Guide (checked by its model alone)."""
    SETTINGS = "settings"
    """A repository's settings for validate (.coalition.yaml, or pyproject.toml's [tool.coalition])."""


class Subject(NamedTuple):
    """What a check reads: the document as plain data, and what it is checked against.

    `framework` is the assessment's rubric once found (None when it cannot be); `guide` the Guide
    to Building a Broad-Based Coalition, for stakeholder groups and partner kinds.
    """

    data: dict[str, Any]
    framework: Framework | None = None
    guide: Guide | None = None


class Check(NamedTuple):
    """A rule (NamedTuples, not dataclasses: the fast path imports the rubric checks, see codes.py)."""

    id: str
    """A stable name, `family.rule` (e.g. `rubric.stages`)."""
    kind: Kind
    codes: tuple[Code, ...]
    """Every code its findings may carry (a test holds each check to it)."""
    run: Callable[[Subject], Iterable[Finding]]
