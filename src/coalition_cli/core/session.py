"""An assessment session as a pure state machine: which indicators to walk, and where the team is.

No terminal code here: the prompts in `cli/assess/prompts.py` read answers and call these methods,
and the tests drive it directly. The session turns answers into `RatingEdit`s; saving them is the
caller's job (`editing.AssessmentFile.apply`), after every answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from coalition_cli.core.editing.rating_edits import NewAction, RatingEdit, clean_line, clean_text
from coalition_cli.core.errors import CoalitionError, UsageError
from coalition_cli.core.model.assessment import parse_iso_date, written_stage
from coalition_cli.core.model.framework import Domain, Framework, Stage, StageError, parse_stage
from coalition_cli.core.model.guide import Guide
from coalition_cli.core.suggest import did_you_mean


class Kind(Enum):
    STAGE = "stage"
    SKIP = "skip"
    BACK = "back"
    HELP = "help"
    QUIT = "quit"
    INVALID = "invalid"


@dataclass(frozen=True)
class Command:
    """What the facilitator typed at the stage prompt."""

    kind: Kind
    stage: int | None = None
    message: str = ""


_WORDS = {
    "s": Kind.SKIP,
    "skip": Kind.SKIP,
    "b": Kind.BACK,
    "back": Kind.BACK,
    "?": Kind.HELP,
    "h": Kind.HELP,
    "help": Kind.HELP,
    "q": Kind.QUIT,
    "quit": Kind.QUIT,
}


def accepted_answers(framework: Framework) -> str:
    """What the stage prompt accepts, in words, for the message after a wrong answer."""
    return (
        f"Type a stage number from 1 to {framework.top_stage} or its name "
        f"({framework.stage_choices()}); or s to skip, b to go back, ? for help, q to save and quit."
    )


def parse_command(framework: Framework, typed: str, default: int | None = None) -> Command:
    """Read an answer at the stage prompt: a number, a name (or its first letters), or a key."""
    text = typed.strip().casefold()
    if not text:
        if default is not None:
            return Command(Kind.STAGE, default)
        return Command(Kind.INVALID, message=f"Please choose a stage. {accepted_answers(framework)}")
    if text in _WORDS:
        return Command(_WORDS[text])
    written = written_stage(text)
    if isinstance(written, int):
        if written in framework.stage_numbers:
            return Command(Kind.STAGE, written)
        return Command(Kind.INVALID, message=f"There is no stage {written}. {accepted_answers(framework)}")
    stage = stage_by_name_start(framework, text)
    if stage is not None:
        return Command(Kind.STAGE, stage.number)
    ambiguous = ambiguous_start(framework, typed)
    if ambiguous is not None:
        return Command(Kind.INVALID, message=f"{ambiguous}. {accepted_answers(framework)}")
    suggestion = did_you_mean(typed.strip(), [stage.name for stage in framework.stages])
    return Command(
        Kind.INVALID, message=f"{typed.strip()!r} is not a stage{suggestion}. {accepted_answers(framework)}"
    )


def stage_by_name_start(framework: Framework, typed: str) -> Stage | None:
    """The stage whose name is typed, or begun with 3 letters or more (`dev`), in any case; None when
    no stage, or more than one, starts so. Typing in a meeting is quicker than spelling in full."""
    text = typed.strip().casefold()
    names = _stages_begun(framework, text)
    if len(names) == 1 and (len(text) >= 3 or names[0].name.casefold() == text):
        return names[0]
    return None


def ambiguous_start(framework: Framework, typed: str) -> str | None:
    """What to say when 3 letters or more begin more than one stage name: `'sta' could be Starting or
    Stable: type more of the name`; None otherwise."""
    text = typed.strip().casefold()
    names = _stages_begun(framework, text)
    if len(text) < 3 or len(names) < 2:
        return None
    listed = ", ".join(stage.name for stage in names[:-1]) + f" or {names[-1].name}"
    return f"{typed.strip()!r} could be {listed}: type more of the name"


def _stages_begun(framework: Framework, text: str) -> list[Stage]:
    return [stage for stage in framework.stages if stage.name.casefold().startswith(text)]


def parse_assignments(framework: Framework, assignments: Sequence[str]) -> tuple[dict[str, int], list[str]]:
    """`C1.1=3`, `C2.4=developing` or `C2.4=dev` (as at the stage prompt) as indicator id → stage
    number, and what is wrong with the others, one sentence each, so all are reported at once."""
    wanted: dict[str, int] = {}
    mistakes: list[str] = []
    for assignment in assignments:
        typed_id, equals, typed_stage = assignment.partition("=")
        if not equals or not typed_id.strip() or not typed_stage.strip():
            first, last = framework.indicators[0].id, framework.indicators[-1].id
            mistakes.append(
                f"{assignment!r}: write an indicator id, =, and a stage, like {first}={framework.stage_numbers[0]} "
                f"or {last}={framework.stages[-1].name.lower()}"
            )
            continue
        try:
            indicator = resolve_ids(framework, [typed_id], kind="indicator")[0]
        except CoalitionError as error:
            mistakes.append(f"{assignment!r}: {error.message}")
            continue
        value = typed_stage.strip()
        try:
            stage = parse_stage(framework, written_stage(value))
        except StageError as error:
            begun = stage_by_name_start(framework, value) if error.code == "unknown-stage" else None
            if begun is None:
                mistakes.append(f"{assignment!r}: {ambiguous_start(framework, value) or error.message}")
                continue
            stage = begun.number
        assert stage is not None  # a stage written out is never "not rated"
        if wanted.get(indicator, stage) != stage:
            mistakes.append(f"{assignment!r}: {indicator} is given two different stages")
        wanted[indicator] = stage
    return wanted, mistakes


def parse_group(guide: Guide, typed: str) -> str | None:
    """A stakeholder group as typed at a prompt: its number in the Guide's list, its id, or the id's
    first 3 letters or more (`k12`); None when left empty. Raises ValueError with a plain message
    otherwise."""
    text = typed.strip().casefold()
    if not text:
        return None
    groups = [group.id for group in guide.stakeholder_groups]
    if text.isascii() and text.isdigit() and 1 <= int(text) <= len(groups):
        return groups[int(text) - 1]
    begun = [group for group in groups if group.startswith(text)]
    if text in groups or (len(text) >= 3 and len(begun) == 1):
        return text if text in groups else begun[0]
    raise ValueError(
        f"{typed.strip()!r} is not a stakeholder group{did_you_mean(text, groups)}: type its number, "
        f"1 to {len(groups)}, or press Enter to leave it out."
    )


def parse_date(typed: str) -> dt.date | None:
    """A date as typed: empty for none; raises ValueError with a plain message otherwise."""
    text = typed.strip()
    if not text:
        return None
    try:
        return parse_iso_date(text)
    except ValueError:
        raise ValueError(
            f"{text!r} is not a date. Write it year-month-day, like 2026-06-30, or leave it empty."
        ) from None


def resolve_ids(framework: Framework, typed: Iterable[str], *, kind: str) -> list[str]:
    """Indicator (or domain) ids as typed on the command line, spelled as the framework spells them."""
    if kind == "domain":
        known = [domain.id for domain in framework.domains]
    else:
        known = [indicator.id for indicator in framework.indicators]
    by_case = {identifier.casefold(): identifier for identifier in known}
    found = []
    for word in typed:
        match = by_case.get(word.strip().casefold())
        if match is None:
            raise UsageError(
                f"there is no {kind} {word!r} in {framework.title}{did_you_mean(word, known)}",
                hint=f"{kind}s: " + ", ".join(known),
            )
        found.append(match)
    return found


@dataclass
class Session:
    """Where a session stands: the queue of indicators to walk and the position in it.

    Build it with `Session.plan`. `current` is the indicator being asked about, or None when the
    walk is over (finished, or quit).
    """

    framework: Framework
    queue: tuple[str, ...]
    position: int = 0
    stopped: bool = False
    answered: dict[str, int] = field(default_factory=dict)
    skipped: set[str] = field(default_factory=set)
    introduced: set[str] = field(default_factory=set)

    @classmethod
    def plan(
        cls,
        framework: Framework,
        stages: Mapping[str, int | None],
        *,
        domains: Sequence[str] = (),
        indicators: Sequence[str] = (),
        revisit_all: bool = False,
        start_at: str | None = None,
    ) -> Session:
        """The indicators to walk, in framework order.

        Unrated ones by default; `revisit_all` takes rated ones too. `domains` and `indicators`
        narrow the walk to those (an indicator named on its own is asked even when rated).
        `start_at` begins the walk at that indicator, for resuming.
        """
        chosen_domains = set(resolve_ids(framework, domains, kind="domain"))
        named = set(resolve_ids(framework, indicators, kind="indicator"))
        start = resolve_ids(framework, [start_at], kind="indicator")[0] if start_at else None
        narrowed = bool(chosen_domains or named)
        queue = []
        started = start is None
        for indicator in framework.indicators:
            started = started or indicator.id == start
            if not started:
                continue
            in_scope = (
                not narrowed
                or indicator.id in named
                or framework.domain_of(indicator.id).id in chosen_domains
            )
            wanted = (
                revisit_all
                or indicator.id in named
                or indicator.id == start
                or stages.get(indicator.id) is None
            )
            if in_scope and wanted:
                queue.append(indicator.id)
        return cls(framework, tuple(queue))

    @property
    def current(self) -> str | None:
        if self.stopped or self.position >= len(self.queue):
            return None
        return self.queue[self.position]

    @property
    def where(self) -> str | None:
        """The indicator the walk stands at, also after quitting; None past the end."""
        return self.queue[self.position] if self.position < len(self.queue) else None

    @property
    def finished(self) -> bool:
        return self.current is None

    @property
    def total(self) -> int:
        return len(self.queue)

    def _now(self) -> str:
        current = self.current
        if current is None:
            raise RuntimeError("the session is over")
        return current

    def domain_to_introduce(self) -> Domain | None:
        """The current indicator's domain, the first time the walk reaches it; else None."""
        domain = self.framework.domain_of(self._now())
        if domain.id in self.introduced:
            return None
        self.introduced.add(domain.id)
        return domain

    def choose(self, stage: int) -> RatingEdit:
        """The team chose a stage for the current indicator."""
        if stage not in self.framework.stage_numbers:
            raise ValueError(f"no stage {stage}")
        indicator = self._now()
        self.answered[indicator] = stage
        self.skipped.discard(indicator)
        return RatingEdit(indicator, stage=stage)

    def evidence(self, typed: str) -> RatingEdit | None:
        """Evidence for the current indicator; None when nothing was typed (the old evidence stays)."""
        text = clean_text(typed)
        return RatingEdit(self._now(), evidence=text) if text else None

    def action(self, action: str, owner: str = "", due: dt.date | None = None) -> RatingEdit | None:
        """An action the team commits to for the current indicator; None when no action was typed."""
        what = clean_line(action)
        if not what:
            return None
        return RatingEdit(self._now(), add_actions=(NewAction(what, clean_line(owner) or None, due),))

    def next(self) -> None:
        """Done with the current indicator: on to the next one."""
        self._now()
        self.position += 1

    def skip(self) -> None:
        self.skipped.add(self._now())
        self.position += 1

    def back(self) -> bool:
        """Back to the previous indicator of the walk; False at the first one (nowhere to go)."""
        self._now()
        if self.position == 0:
            return False
        self.position -= 1
        return True

    def stop(self) -> None:
        """Save and quit: every answer is already saved, so this only ends the walk."""
        self.stopped = True
