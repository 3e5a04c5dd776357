"""How a stage is written in a file and which stage it means: the one rule behind the model, the checks,
the editor, the prompts and validate's fast path.

A stage is written as a number (`2`, `"2"`) or a stage name in any case (`developing`), and means
a stage only if the rubric has it. Which stages exist is asked of a `StageScale`: a `Framework`, or
the fast path's index of one. No Pydantic here: the fast path imports this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coalition_cli.core import codes
from coalition_cli.core.codes import Code

if TYPE_CHECKING:  # for the type checker only: validate's fast path need not build the Protocol class
    from typing import Protocol

    from coalition_cli.core.checks.base import RubricTerms

    class StageScale(Protocol):
        """The stages of one rubric, as numbers and names."""

        @property
        def stage_numbers(self) -> tuple[int, ...]: ...

        def stage_number_named(self, name: str) -> int | None:
            """The number of the stage with this name (any case, surrounding spaces ignored), if any."""
            ...


def written_stage(text: str) -> int | str:
    """A stage written or typed as text: its number when it is all digits 0-9 (`"2"`), else a name.

    `str.isdigit` alone also takes `²` and `٣`, which `int()` then refuses or reads as another number.
    """
    stripped = text.strip()
    return int(stripped) if stripped.isascii() and stripped.isdigit() else stripped


def stage_number(scale: StageScale, value: int | str) -> int | None:
    """The stage a value written in a file means, or None when the rubric has no such stage."""
    if isinstance(value, bool):
        return None  # `true` is a number to Python, never a stage
    written = written_stage(value) if isinstance(value, str) else value
    if isinstance(written, int):
        return written if written in scale.stage_numbers else None
    return scale.stage_number_named(written)


class StageError(ValueError):
    """A stage written in a file is not one of the framework's; `code` says which problem it is."""

    def __init__(self, code: Code, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def parse_stage(framework: RubricTerms, value: int | str | None) -> int | None:
    """A stage as written (a number, a name in any case, or null) as the stage number, or None.

    Raises StageError, worded for the person who wrote it, when the rubric has no such stage."""
    if value is None:
        return None
    number = stage_number(framework, value)
    if number is not None:
        return number
    written = written_stage(value) if isinstance(value, str) else value
    if isinstance(written, int):
        raise StageError(
            codes.STAGE_OUT_OF_RANGE,
            f"stage {written} is out of range: use 1 to {framework.top_stage} ({framework.stage_choices()})",
        )
    from coalition_cli.core.suggest import did_you_mean

    names = [stage.name for stage in framework.stages]
    raise StageError(
        codes.UNKNOWN_STAGE,
        f"unknown stage {written!r}{did_you_mean(written, names)}: use a number or a name ({framework.stage_choices()})",
    )
