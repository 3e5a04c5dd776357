"""One file and how checking it went: the one result type of every file the tool reads.

`validate` reports it, `summary` and `score` build on it, a worker process sends it back (keeping
only a small `value`, so it pickles cheaply). No Pydantic here, and no dataclasses either: validate's
fast path imports this module, and making a dataclass (and importing the module that makes them)
costs a one-file run more than a tenth of its time. Records on that path are NamedTuples, or, when
generic (Python 3.10 has no generic NamedTuples), `Record`s like this one.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from coalition_cli.core.problems import Located, Problem

T = TypeVar("T", covariant=True)
U = TypeVar("U")


class Record:
    """A class of named fields (its `__slots__`, set once by `__init__` and never changed after),
    shown by them."""

    __slots__: tuple[str, ...] = ()

    def __repr__(self) -> str:
        names = [name for klass in reversed(type(self).__mro__) for name in getattr(klass, "__slots__", ())]
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__name__}({fields})"


class FileOutcome(Record, Generic[T]):
    """A file, every problem found in it, and what it holds when that could be read.

    `value` is the document as its model reads it (for an assessment: a `LoadedAssessment`, once its
    framework is found too), present whenever it could be read, problems or not: a value does not
    make the file valid, `has_errors` says that. `skipped`: a YAML file found in a folder that is
    plainly not an assessment. `unreadable`: why the file could not be read at all. `suppressed`:
    the problems a `# coalition: ignore[...]` comment set apart; `unlisted_errors` and
    `unlisted_warnings`: those past the cap of problems listed per file (counted, not listed).
    """

    __slots__ = (
        "file",
        "problems",
        "skipped",
        "suppressed",
        "unlisted_errors",
        "unlisted_warnings",
        "unreadable",
        "value",
    )

    def __init__(
        self,
        file: str,
        problems: tuple[Problem, ...] = (),
        value: T | None = None,
        skipped: bool = False,
        unreadable: str | None = None,
        suppressed: tuple[Problem, ...] = (),
        unlisted_errors: int = 0,
        unlisted_warnings: int = 0,
    ) -> None:
        self.file = file
        self.problems = problems
        self.value = value
        self.skipped = skipped
        self.unreadable = unreadable
        self.suppressed = suppressed
        self.unlisted_errors = unlisted_errors
        self.unlisted_warnings = unlisted_warnings

    @classmethod
    def of(cls, file: str, located: Located, value: T | None = None) -> FileOutcome[T]:
        """The outcome of a file read, with its located problems."""
        return cls(file, located.problems, value, False, None, *located[1:])

    @property
    def located(self) -> Located:
        return Located(self.problems, self.suppressed, self.unlisted_errors, self.unlisted_warnings)

    @property
    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self.problems)

    @property
    def valid(self) -> bool:
        return self.unreadable is None and not self.has_errors

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if not problem.is_error)

    def with_value(self, value: U | None) -> FileOutcome[U]:
        """The same outcome carrying another value (a worker's small summary of it, or none)."""
        return FileOutcome(self.file, self.problems, value, self.skipped, self.unreadable, *self.located[1:])


def without_value(outcome: FileOutcome[object]) -> FileOutcome[None]:
    """Only how the file went (what `validate` needs back from a worker)."""
    return outcome.with_value(None)
