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

if TYPE_CHECKING:  # for the type checker only: validate's fast path need not build the Protocol classes
    from collections.abc import Sequence
    from typing import Protocol

    from coalition_cli.core.model.stages import StageScale

    class Named(Protocol):
        @property
        def id(self) -> str: ...

    class IndicatorTerms(Named, Protocol):
        @property
        def name(self) -> str: ...

    class StageTerms(Protocol):
        @property
        def number(self) -> int: ...

        @property
        def name(self) -> str: ...

    class LinkedTerms(Protocol):
        @property
        def indicators(self) -> Sequence[str]: ...

    class RubricTerms(StageScale, Protocol):
        """What the checks read of a rubric: a `Framework`, or validate's fast path's index of one."""

        @property
        def id(self) -> str: ...

        @property
        def indicators(self) -> Sequence[IndicatorTerms]: ...

        @property
        def stages(self) -> Sequence[StageTerms]: ...

        @property
        def top_stage(self) -> int: ...

        @property
        def linked(self) -> Sequence[LinkedTerms]: ...

        def has_indicator(self, indicator_id: str) -> bool: ...

        def indicator(self, indicator_id: str) -> IndicatorTerms: ...

        def stage_name(self, number: int) -> str: ...

        def stage_choices(self) -> str: ...

    class GroupTerms(Named, Protocol):
        @property
        def partner_kinds(self) -> Sequence[str]: ...

    class GuideTerms(Protocol):
        """What the checks read of the Guide: a `Guide`, or validate's fast path's index of one."""

        @property
        def stakeholder_groups(self) -> Sequence[GroupTerms]: ...

        @property
        def partner_kinds(self) -> Sequence[Named]: ...

        def stakeholder_group(self, group_id: str) -> GroupTerms | None: ...

        def partner_kind(self, kind_id: str) -> Named | None: ...


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
    to Building a Broad-Based Coalition, for stakeholder groups and partner kinds. Both are read
    only through the terms above, which the models and validate's fast path's index both have.
    """

    data: dict[str, Any]
    framework: RubricTerms | None = None
    guide: GuideTerms | None = None


class Check(NamedTuple):
    """A rule (NamedTuples, not dataclasses: the fast path imports the rubric checks, see codes.py)."""

    id: str
    """A stable name, `family.rule` (e.g. `rubric.stages`)."""
    kind: Kind
    codes: tuple[Code, ...]
    """Every code its findings may carry (a test holds each check to it)."""
    run: Callable[[Subject], Iterable[Finding]]
