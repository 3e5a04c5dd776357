"""Command lines read without Typer: the plain forms of the commands people, hooks and CI run most.

Importing Typer and building a command from it costs about 55 ms, a third of what `coalition score`
costs in all. A command's plain form, its files and options each given once (with the value as the
next word or after `=`), is read here, and the command's run is called with the values its Typer
command would give it. Any other line (`--help`, `--`, an option given twice or written `-fmd`, an
unknown option, a value not among the choices, a file name missing or one too many) is left to
Typer, so help and usage errors come from one place. An error while the command runs is told as
the Typer command tells it (`cli/output/errors.py`).

Each shape names its options as the command's Typer declaration does;
`tests/cli/test_plain_lines.py` reads every shape against its Typer command, and runs command
lines both ways for the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path
from typing import Any

NO_COLOR = "--no-color"
"""The global option people also type after the command (`CoalitionGroup.parse_args`)."""

WHOLE_NUMBER = re.compile(r"(?:0|[1-9][0-9]{0,17})")
"""Digits Typer (through Pydantic) and `int` read alike: no sign, spaces, underscores or leading
zeros, under 2**63. Typer's lean coercion (`cli/coercion.py`) reads whole numbers by it too."""


class Refused(Exception):
    """A value the plain path is not sure of: the command line is left to Typer."""


class Option:
    """One option of a command: its spellings, the run's keyword it sets, and how its text is read.

    (The shapes are plain classes, not NamedTuples: every command reads them at start-up, and a
    NamedTuple class costs a quarter of a millisecond to make.)"""

    __slots__ = ("keyword", "read", "spellings")

    def __init__(
        self, keyword: str, spellings: tuple[str, ...], read: Callable[[str], Any] | None = str
    ) -> None:
        self.keyword = keyword
        self.spellings = spellings
        self.read = read
        """The value of the text given; None for a flag (True when given)."""


class Argument:
    """One argument of a command: the run's keyword it sets, and how its text is read."""

    __slots__ = ("keyword", "read")

    def __init__(self, keyword: str, read: Callable[[str], Any] = Path) -> None:
        self.keyword = keyword
        self.read = read


class Shape:
    """A command's plain form: its arguments (the last may take the rest), its options, its run."""

    __slots__ = ("arguments", "many", "options", "run")

    def __init__(
        self, run: str, arguments: tuple[Argument, ...], options: tuple[Option, ...] = (), many: bool = False
    ) -> None:
        self.run = run
        """`module:function`, called with the arguments' and the given options' keywords."""
        self.arguments = arguments
        self.options = options
        self.many = many
        """The last argument takes every word left (one at least), as a list."""


def one_of(choices: Callable[[], Sequence[str]]) -> Callable[[str], str]:
    """A value among the choices (looked up only when the option is given)."""

    def read(text: str) -> str:
        if text not in choices():
            raise Refused(text)  # Typer says which ones there are
        return text

    return read


def whole_number(least: int, most: int) -> Callable[[str], int]:
    """A whole number from `least` to `most`, written as Typer reads it for sure."""

    def read(text: str) -> int:
        if not WHOLE_NUMBER.fullmatch(text) or not least <= int(text) <= most:
            raise Refused(text)
        return int(text)

    return read


def _report_formats(*, rows: bool = True) -> Callable[[], Sequence[str]]:
    def choices() -> Sequence[str]:
        from coalition_cli.cli.output.formats import offered_formats

        return offered_formats(rows=rows)

    return choices


def _members(where: str) -> Callable[[], Sequence[str]]:
    """The values of the enum at `module:name`, the choices its Typer option declares."""

    def choices() -> Sequence[str]:
        return [member.value for member in _named(where)]

    return choices


def _problem_formats() -> Sequence[str]:
    from coalition_cli.cli.output.problems import FORMATS

    return FORMATS


def _report_format(*, rows: bool = True) -> Option:
    return Option("output", ("--format", "-f"), one_of(_report_formats(rows=rows)))


SHAPES: dict[str, Shape] = {
    "validate": Shape(
        "coalition_cli.cli.validation.files:validate_plain",
        (Argument("paths"),),
        (
            Option("strict", ("--strict",), None),
            Option("output", ("--format", "-f"), one_of(_problem_formats)),
            Option("skip_other_yaml", ("--skip-other-yaml",), None),
        ),
        many=True,
    ),
    "score": Shape(
        "coalition_cli.cli.runs.reports:score", (Argument("files"),), (_report_format(),), many=True
    ),
    "compare": Shape(
        "coalition_cli.cli.runs.reports:compare", (Argument("files"),), (_report_format(),), many=True
    ),
    "consensus": Shape(
        "coalition_cli.cli.runs.reports:consensus",
        (Argument("files"),),
        (
            Option("out", ("--output", "-o"), Path),
            Option("force", ("--force",), None),
            _report_format(),
        ),
        many=True,
    ),
    "roster": Shape(
        "coalition_cli.cli.runs.reports:roster", (Argument("file"),), (_report_format(rows=False),)
    ),
    "init": Shape(
        "coalition_cli.cli.runs.init:init",
        (Argument("file"),),
        (
            Option("framework", ("--framework",)),
            Option("coalition", ("--coalition",)),
            Option("date", ("--date",)),
            Option("term", ("--term",)),
            Option("facilitator", ("--facilitator",)),
            Option("previous", ("--from",), Path),
            Option("no_actions", ("--no-actions",), None),
        ),
    ),
    "rate": Shape(
        "coalition_cli.cli.runs.rate:rate",
        (Argument("file"), Argument("ratings", str)),
        (
            Option("evidence", ("--evidence",)),
            Option("no_evidence", ("--no-evidence",), None),
            Option("target", ("--target",)),
            Option("action", ("--action",)),
            Option("action_number", ("--action-number",), whole_number(0, 10**18)),
            Option("owner", ("--owner",)),
            Option("due", ("--due",)),
            Option("status", ("--status",)),
        ),
        many=True,
    ),
    "plan": Shape(
        "coalition_cli.cli.runs.plan:plan",
        (Argument("file"),),
        (
            Option(
                "output_format",
                ("--format", "-f"),
                one_of(_members("coalition_cli.cli.runs.plan:PlanFormat")),
            ),
            Option("output", ("--output", "-o")),
            Option("since", ("--since",), Path),
            Option("focus", ("--focus",), whole_number(0, 100)),
            Option("as_of", ("--as-of",)),
            Option("brief", ("--brief",), None),
            Option("audience", ("--audience",), one_of(_members("coalition_cli.cli.runs.plan:PlanAudience"))),
            Option("force", ("--force",), None),
        ),
    ),
}
"""The commands read here, by name; every other command is Typer's."""


class Line:
    """A plain command line, read: the command's shape, its run's keywords, and --no-color."""

    __slots__ = ("command", "no_color", "shape", "values")

    def __init__(self, command: str, shape: Shape, values: dict[str, Any], no_color: bool) -> None:
        self.command = command
        self.shape = shape
        self.values = values
        self.no_color = no_color


def read(argv: Sequence[str]) -> Line | None:
    """The command line read, or None when it is not a plain form of a command here (Typer's then)."""
    no_color = NO_COLOR in argv
    words = [word for word in argv if word != NO_COLOR]
    if not words or words[0] not in SHAPES:
        return None
    shape = SHAPES[words[0]]
    try:
        values = _values(shape, words[1:])
    except Refused:
        return None
    return Line(words[0], shape, values, no_color)


def _values(shape: Shape, words: list[str]) -> dict[str, Any]:
    spelled = {spelling: option for option in shape.options for spelling in option.spellings}
    values: dict[str, Any] = {}
    given: list[str] = []
    rest = iter(words)
    for word in rest:
        if not word.startswith("-"):
            given.append(word)
            continue
        name, equals, attached = word.partition("=") if word.startswith("--") else (word, "", "")
        option = spelled.get(name)
        if option is None or option.keyword in values:
            raise Refused(word)  # `-`, `--`, --help, an option unknown here or given twice
        if option.read is None:
            if equals:
                raise Refused(word)
            values[option.keyword] = True
            continue
        text = attached if equals else next(rest, None)
        if text is None or (text.startswith("-") and text != "-"):
            raise Refused(word)
        values[option.keyword] = option.read(text)
    return {**values, **_arguments(shape, given)}


def _arguments(shape: Shape, given: list[str]) -> dict[str, Any]:
    fixed = len(shape.arguments) - shape.many
    if len(given) < len(shape.arguments) or (not shape.many and len(given) > fixed):
        raise Refused(" ".join(given))
    values = {
        argument.keyword: argument.read(word)
        for argument, word in zip(shape.arguments[:fixed], given[:fixed], strict=True)
    }
    if shape.many:
        last = shape.arguments[-1]
        values[last.keyword] = [last.read(word) for word in given[fixed:]]
    return values


def run(argv: Sequence[str]) -> int | None:
    """The exit status of a plain command line, run here; None when Typer must run it."""
    line = read(argv)
    if line is None:
        return None
    if line.no_color:
        from coalition_cli.cli.console import disable_color

        disable_color()
    from coalition_cli.core.errors import EXIT_INTERRUPTED, CoalitionError

    try:
        status = _named(line.shape.run)(**line.values)  # Ctrl-C while its modules load too
    except CoalitionError as error:
        from coalition_cli.cli.output.errors import report

        report(error)
        return error.exit_code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED  # Ctrl-C stops a command with 130, as on the Typer path (cli/errors.py)
    return status or 0


def _named(where: str) -> Any:
    """What `module:name` names, its module imported."""
    module, _, name = where.partition(":")
    return getattr(import_module(module), name)
