"""How a stage is written in a file and which stage it means: the one rule behind the model, the checks,
the editor, the prompts and validate's fast path.

A stage is written as a number (`2`, `"2"`), a stage name in any case (`developing`), or both, as
the tool itself prints a stage (`2 Developing`, `2 - developing`) when the two agree, and means a
stage only if the rubric has it. Which stages exist is asked of a `StageScale`: a `Framework`, or
the fast path's index of one. No Pydantic here: the fast path imports this module.
"""

from __future__ import annotations

import re
from functools import cache
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


STAGE_SEPARATOR = r"\s*[-–:.]?\s*"
"""Between a stage's number and its name (`2 Developing`, `2 - Developing`, `2: Developing`,
`2. Developing`); the JSON Schema's pattern (core/checks/schema.py) allows the same."""


@cache
def _numbered() -> re.Pattern[str]:
    return re.compile(r"([0-9]+)" + STAGE_SEPARATOR + r"(\S.*)", re.DOTALL)


def numbered_stage(text: str) -> tuple[int, str] | None:
    """(2, "Developing") for `2 Developing` as written, whether or not they agree; None for anything else."""
    found = _numbered().fullmatch(text.strip())
    if found is None or not found.group(1).isascii():
        return None
    return int(found.group(1)), found.group(2).strip()


def stage_number(scale: StageScale, value: int | str) -> int | None:
    """The stage a value written in a file means, or None when the rubric has no such stage."""
    if isinstance(value, bool):
        return None  # `true` is a number to Python, never a stage
    written = written_stage(value) if isinstance(value, str) else value
    if isinstance(written, int):
        return written if written in scale.stage_numbers else None
    named = scale.stage_number_named(written)
    if named is not None:
        return named
    numbered = numbered_stage(written)
    if numbered is not None and numbered[0] in scale.stage_numbers:
        return numbered[0] if scale.stage_number_named(numbered[1]) == numbered[0] else None
    return None


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
    numbered = numbered_stage(written)
    if numbered is not None and numbered[0] in framework.stage_numbers:
        number, name = numbered
        other = framework.stage_number_named(name)
        if other is not None:
            raise StageError(
                codes.UNKNOWN_STAGE,
                f"stage {written!r} says two stages: {number} is {framework.stage_name(number)}, and "
                f"{framework.stage_name(other)} is {other}; write the one the team agreed on",
            )
    raise StageError(
        codes.UNKNOWN_STAGE,
        f"unknown stage {written!r}{_meant(framework, written)}: use a number or a name ({framework.stage_choices()})",
    )


@cache
def _stage_word() -> re.Pattern[str]:
    """`Stage 3`, `Level 2`: a number the rubric may have, written the way a form asks for it."""
    return re.compile(r"(?:stage|level|step)\s*([0-9]+)", re.IGNORECASE)


_STEM = 5
"""Letters a word shares with a stage's name to be taken for it, in another form: `Advanced` and
`Advancing`, `Developed` and `Developing`, `Emerge` and `Emerging`."""


def _meant(framework: RubricTerms, written: str) -> str:
    """` (did you mean 'Developing'?)` for a misspelling or another form of a name, ` (did you mean
    3?)` for `Stage 3`; nothing when no stage is close."""
    from coalition_cli.core.suggest import did_you_mean

    names = [stage.name for stage in framework.stages]
    close = did_you_mean(written, names)
    if close:
        return close
    word = _stage_word().fullmatch(written.strip())
    if word is not None and word.group(1).isascii() and int(word.group(1)) in framework.stage_numbers:
        return f" (did you mean {int(word.group(1))}?)"
    stem = written.strip().casefold()[:_STEM]
    alike = [name for name in names if len(stem) == _STEM and name.casefold().startswith(stem)]
    return f" (did you mean {alike[0]!r}?)" if len(alike) == 1 else ""
