"""An assessment session as a pure state machine: which indicators to walk, and where the team is.

No terminal code here: the line-by-line prompts (`cli/assess/prompts.py`) and the full-screen
session (`cli/assess/screen/`) read answers and call these methods, and the tests drive it
directly. The session turns answers into `RatingEdit`s; saving them is the caller's job
(`editing.History.apply`, through the safe editor), after every answer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal, cast

from coalition_cli.core import codes
from coalition_cli.core.dates import paper_dates, typed_day
from coalition_cli.core.editing.rating_edits import (
    CLEAR,
    ActionOp,
    ChangeAction,
    Clear,
    DeleteAction,
    NewAction,
    RatingEdit,
    clean_line,
    clean_text,
)
from coalition_cli.core.errors import CoalitionError, UsageError
from coalition_cli.core.frozen import frozen
from coalition_cli.core.model.abbreviations import as_a_word
from coalition_cli.core.model.framework import Domain, Framework, Indicator, Stage
from coalition_cli.core.model.stages import StageError, parse_stage, written_stage
from coalition_cli.core.model.values import ActionStatus, action_status, status_meant
from coalition_cli.core.suggest import closest, did_you_mean, folded


class Kind(Enum):
    STAGE = "stage"
    SKIP = "skip"
    BACK = "back"
    HELP = "help"
    QUIT = "quit"
    TARGET = "target"
    PRIORITY = "priority"
    UNDO = "undo"
    GOTO = "goto"
    SAME = "same"
    CLEAR = "clear"
    INVALID = "invalid"


@frozen
class Command:
    """What the facilitator typed at a prompt: a stage, or one of the session's commands.

    `stage` is the stage chosen (for TARGET, the target; None clears it); `indicator` where GOTO
    goes; `suggestion` the stage a mistyped name was most likely meant to be, which Enter accepts.
    """

    kind: Kind
    stage: int | None = None
    message: str = ""
    indicator: str | None = None
    suggestion: int | None = None


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


_TEXT_WORDS = {word: kind for word, kind in _WORDS.items() if kind is not Kind.HELP}
"""The words that are commands, never text, at the evidence and action prompts (`?` is help there)."""

_TARGET_WORDS = ("t", "target")
_GOTO_WORDS = ("g", "go", "goto")
_CLEARED = ("none", "no", "clear", "-")


def accepted_answers(framework: Framework) -> str:
    """What the stage prompt accepts, in words, for the message after a wrong answer."""
    return (
        f"Type a stage number from 1 to {framework.top_stage} or its name "
        f"({framework.stage_choices()}); or s to skip, b to go back, ? for help, q to save and quit."
    )


def parse_command(
    framework: Framework, typed: str, default: int | None = None, *, same: int | None = None
) -> Command:
    """Read an answer at the stage prompt: a number, a name (or its first letters), or a command.

    Commands: s skip, b back, q quit, ? help, u undo, p priority on or off, `t 3` a target (`t none`
    clears it), `g C6.2` go to an indicator, and `=` the stage of a linked indicator (`same`).
    """
    text = typed.strip().casefold()
    if not text:
        if default is not None:
            return Command(Kind.STAGE, default)
        return Command(Kind.INVALID, message=f"Please choose a stage. {accepted_answers(framework)}")
    if text in _WORDS:
        return Command(_WORDS[text])
    if text in ("u", "undo"):
        return Command(Kind.UNDO)
    if text in ("p", "priority"):
        return Command(Kind.PRIORITY)
    if text in ("=", "same"):
        if same is None:
            return Command(Kind.INVALID, message="There is no linked indicator rated yet to copy.")
        return Command(Kind.SAME, same)
    word, _space, rest = text.partition(" ")
    if word in _TARGET_WORDS:
        return _target_command(framework, rest.strip())
    if word in _GOTO_WORDS and rest.strip():
        return _goto_command(framework, typed.strip().partition(" ")[2].strip())  # as typed: said back
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
    names = [stage.name for stage in framework.stages]
    meant = closest(typed.strip(), names)
    if meant is not None:
        number = framework.stage_numbers[names.index(meant)]
        return Command(
            Kind.INVALID,
            message=f"{typed.strip()!r} is not a stage. Did you mean {number} {meant}? Press Enter for it, "
            "or type another stage.",
            suggestion=number,
        )
    return Command(Kind.INVALID, message=f"{typed.strip()!r} is not a stage. {accepted_answers(framework)}")


def _target_command(framework: Framework, typed: str) -> Command:
    """`t 3`, `target advancing`, `t none`: the stage the team aims for, or none."""
    if typed in _CLEARED:
        return Command(Kind.TARGET, None)
    if not typed:
        return Command(
            Kind.INVALID,
            message=f"Type t and the stage the team aims for, like t {framework.top_stage}; t none removes it.",
        )
    command = parse_command(framework, typed)
    if command.kind is Kind.STAGE:
        return Command(Kind.TARGET, command.stage)
    return Command(
        Kind.INVALID, message=f"{typed!r} is not a stage for a target: use 1 to {framework.top_stage}."
    )


_FOUND_BY = {
    "glossary": "is, by the rubric's glossary, about",
    "stages": "is in the stages of",
}
"""How `g` says it found indicators whose names do not have the words."""


def _goto_command(framework: Framework, typed: str) -> Command:
    """`g C6.2`, or `g employer`: an id, or part of one indicator's name."""
    found, where = search_indicators(framework, typed)
    if len(found) == 1:  # found by the way, it says how: no name has the words
        way = _FOUND_BY.get(where)
        said = f"{typed!r} {way} {framework.named(found[0])}." if way else ""
        return Command(Kind.GOTO, indicator=found[0], message=said)
    if found:
        listed = "; ".join(framework.named(i) for i in found[:6])
        more = ", …" if len(found) > 6 else ""
        way = _FOUND_BY.get(where)
        if way:
            said = f"{typed!r} {way} {listed}{more}: type the id of the one you mean."
        else:
            said = f"{typed!r} could be {listed}{more}: type more of it, or its id."
        return Command(Kind.INVALID, message=said)
    try:
        resolve_ids(framework, [typed], kind="indicator")
    except CoalitionError as error:
        return Command(Kind.INVALID, message=f"{error.message[:1].upper()}{error.message[1:]}.")
    raise AssertionError("an id the framework has is always found")  # pragma: no cover


Found = Literal["id", "name", "other name", "glossary", "stages", "nowhere"]
"""Where typed words were found: an indicator's id, its name, another name the rubric gives it, its
name by way of the rubric's glossary, the words of its stages, or nowhere."""


def find_indicators(framework: Framework, typed: str) -> list[str]:
    """The indicators a person means by `typed` (`search_indicators`, without where it was found)."""
    return search_indicators(framework, typed)[0]


def search_indicators(framework: Framework, typed: str) -> tuple[list[str], Found]:
    """The indicators a person means by `typed`, in the framework's order, and where it was found.

    The one with that id (in any case), else every one whose id or name holds each of its words
    (`employer`, `wbl lead`), a word said in the plural as its singular ("employers" finds C6.2
    Employer Engagement). A name is also read with each abbreviation the rubric spells out written
    either way: "work-based learning" finds C6.1 "WBL Leadership", and "wbl" C1.3 "Work-based
    Learning Leadership". Only when no name holds it are the other names the rubric gives an
    indicator read (C6.1 "WBL Intermediaries"); then the rubric's glossary, whose entry for the words
    names another of its terms ("internships": a Student Internship is work-based learning, so the
    WBL indicators); and only when none of those finds one, the words of its stages ("MOU" finds the
    stages that say it). A match the screen does not show would be a puzzle beside ones it does, so
    a wider search is made only to find something."""
    text = folded(typed)
    if not text:
        return [indicator.id for indicator in framework.indicators], "name"
    exact = [indicator.id for indicator in framework.indicators if indicator.id.casefold() == text]
    if exact:
        return exact, "id"
    words = [_singular(word) for word in text.split()]
    for where, texts, matches in _searches(framework, words):
        found = [
            indicator.id
            for indicator in framework.indicators
            if any(matches(name) for name in _searched(framework, texts(indicator)))
        ]
        if found:
            return found, where
    return [], "nowhere"


_Search = tuple[Found, Callable[[Indicator], Sequence[str]], Callable[[str], bool]]
"""Where to look (`Found`), the texts of an indicator looked in, and what a text must hold."""


def _searches(framework: Framework, words: Sequence[str]) -> Iterator[_Search]:
    """The searches of `search_indicators`, widest last; each is made only when those before it found
    nothing (the glossary's terms are looked up only then, and not at all when it has none for the
    words)."""

    def holds(name: str) -> bool:
        return all(word in name for word in words)

    yield "name", lambda indicator: [indicator.label], holds
    yield "other name", lambda indicator: indicator.aliases, holds
    related = _glossary_terms(framework, words)
    if related:
        yield (
            "glossary",
            lambda indicator: [indicator.label, *indicator.aliases],
            lambda name: any(term in name for term in related),
        )
    yield "stages", lambda indicator: _stage_words(framework, indicator), holds


def _singular(word: str) -> str:
    """`parents` as `parent`, `communities` as `community`, `businesses` as `business`: a word said in
    the plural matched as its singular (a name says "Employer Engagement", the room "employers")."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def _glossary_terms(framework: Framework, words: Sequence[str]) -> list[str]:
    """The other glossary terms that the entries for `words` use in their definitions, folded:
    "internship" → the entry Student Internship, whose definition says "work-based learning"."""
    terms = {entry.term: folded(entry.term) for entry in framework.glossary}
    related: list[str] = []
    for entry in framework.glossary:
        if all(word in terms[entry.term] for word in words):
            definition = folded(entry.definition)
            related += [other for name, other in terms.items() if name != entry.term and other in definition]
    return related


def _stage_words(framework: Framework, indicator: Indicator) -> list[str]:
    return [text for number in framework.stage_numbers for text in indicator.descriptor(number)]


def _searched(framework: Framework, names: Sequence[str]) -> list[str]:
    """`names`, each also with the rubric's abbreviations spelled out (where one stands as a word, in
    its capitals: `as_a_word`) and with their long forms abbreviated, folded as typing is (`folded`)."""
    found = list(names)
    for short, long in framework.abbreviations.items():
        word, longer = as_a_word(short), re.compile(re.escape(long), re.IGNORECASE)
        spelled = [word.sub(long.replace("\\", "\\\\"), name) for name in found]  # the text, not a template
        abbreviated = [longer.sub(short, name) for name in found]
        found = list(dict.fromkeys([*found, *spelled, *abbreviated]))
    return [folded(name) for name in found]


def text_command(typed: str) -> Kind | None:
    """A command typed at the evidence or action prompt (a lone `s`, `b`, `q`, `skip`…): never text.

    `clear` is one too (at the evidence prompt it removes the evidence). None for anything else.
    """
    text = typed.strip().casefold()
    if text in ("clear", "delete"):
        return Kind.CLEAR
    return _TEXT_WORDS.get(text)


@frozen
class ActionCommand:
    """A change to one of the actions listed, typed at the action prompt: `delete 2`, a status and
    the number (`done 2`, `progress 2`), `due 2 2027-03-31`, `owner 2 Priya Natarajan`.

    `verb`: `delete`, a status (`in-progress`), `due` or `owner`; `value`: the due date or the owner
    (`CLEAR` removes it), for those two."""

    verb: str
    index: int
    value: str | dt.date | Clear | None = None

    def op(self) -> ActionOp:
        """The change to the list of actions."""
        if self.verb == "delete":
            return DeleteAction(self.index)
        if self.verb == "due":
            assert not isinstance(self.value, str)
            return ChangeAction(self.index, due=self.value)
        if self.verb == "owner":
            assert not isinstance(self.value, dt.date)
            return ChangeAction(self.index, owner=self.value)
        return ChangeAction(self.index, status=cast("ActionStatus", self.verb))


_ACTION_VERBS = {"delete": "delete", "remove": "delete", "due": "due", "owner": "owner"}
"""The words of an action command that are no status (a status is one too: `done 2`)."""

_STATUS_WORDS: dict[str, ActionStatus] = {"progress": "in-progress", "drop": "dropped"}
"""Short words for a status, at the prompt and after `rate --status`: `progress 2`."""


def typed_status(typed: str) -> ActionStatus:
    """A status as typed at the action prompt or after `rate --status`: as a file may write it (any
    case, `in progress`), or `progress`. Raises ValueError, with the status most likely meant."""
    status = action_status(typed) or _STATUS_WORDS.get(typed.strip().casefold())
    if status is not None:
        return status
    meant = status_meant(typed)
    hint = f" (did you mean {meant}?)" if meant is not None else ""
    raise ValueError(
        f"{typed.strip()!r} is not a status{hint}: the statuses are planned, in-progress (or in progress), "
        "done and dropped"
    )


def parse_action_command(typed: str, count: int) -> ActionCommand | str | None:
    """A command for one of `count` actions; a message when it cannot be carried out (no such number,
    no date after `due 2`); None when the text is not a command (then it is an action's text)."""
    words = typed.split()
    at = next((i for i in (1, 2) if i < len(words) and _is_number(words[i])), None)
    if at is None:
        return None
    head = " ".join(words[:at]).casefold()
    verb = _ACTION_VERBS.get(head) or action_status(head) or _STATUS_WORDS.get(head)
    if verb is None:
        return None
    after = typed.strip().split(maxsplit=at + 1)[at + 1 :]
    rest = clean_line(after[0]) if after else ""
    number = int(words[at])
    if verb not in ("due", "owner"):
        if rest:
            return None  # `done 2 things`: text, which `command_like` asks about
    elif not rest:
        example = "due 1 2027-03-31" if verb == "due" else "owner 1 Priya Natarajan"
        return f"Type the {'date' if verb == 'due' else 'name'} after the number, like {example} ({verb} 1 none removes it)."
    if not 1 <= number <= count:
        return (
            f"There is no action {number}: the actions are numbered 1 to {count}."
            if count
            else "There are no actions yet."
        )
    if verb not in ("due", "owner"):
        return ActionCommand(verb, number - 1)
    if rest.casefold() in _CLEARED:
        return ActionCommand(verb, number - 1, CLEAR)
    if verb == "owner":
        return ActionCommand(verb, number - 1, rest)
    try:
        due = typed_due(rest)
    except ValueError as error:
        return str(error)
    return ActionCommand(verb, number - 1, due)


def command_like(typed: str, count: int) -> str | None:
    """What to say of an action's text that reads like a change to one of the `count` actions listed
    that no command makes (`open 2`, `reassign 2 Priya`): it is asked about before it is saved as a
    new action. None for any other text (`Hire 2 coordinators`: a capital, and more words after the
    number, is how an action reads)."""
    words = typed.split()
    if len(words) < 2 or not _is_number(words[1]) or not 1 <= int(words[1]) <= count:
        return None
    word = words[0]
    if re.fullmatch(r"[A-Za-z][A-Za-z-]*", word) is None or (len(words) > 2 and not word.islower()):
        return None
    status = status_meant(word)
    meant = (
        ("progress" if status == "in-progress" else status)
        if status is not None
        else closest(word, [verb for verb in _ACTION_VERBS if verb != "remove"])
    )
    said = f"“{' '.join(words)}” reads like a change to action {words[1]}"
    return f"{said}: did you mean {meant} {words[1]}?" if meant is not None else f"{said}."


def _is_number(word: str) -> bool:
    return word.isascii() and word.isdigit() and len(word) <= 4


def stage_by_name_start(framework: Framework, typed: str) -> Stage | None:
    """The stage whose name is typed, or begun with 3 letters or more (`dev`), in any case; None when
    no stage, or more than one, starts so. Typing in a meeting is quicker than spelling in full."""
    text = typed.strip().casefold()
    names = _stages_begun(framework, text)
    if len(names) == 1 and (len(text) >= 3 or names[0].name.casefold() == text):
        return names[0]
    return None


def ambiguous_start(framework: Framework, typed: str) -> str | None:
    """What to say when what is typed begins more than one stage name: `'sta' could be Starting or
    Stable: type more of the name` (`'b' could be Beginning or Building` too: even one letter that
    could be two stages is no unknown stage); None otherwise."""
    text = typed.strip().casefold()
    names = _stages_begun(framework, text) if text else []
    if len(names) < 2:
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
        try:
            stage = typed_stage_number(framework, typed_stage)
        except ValueError as error:
            mistakes.append(f"{assignment!r}: {error}")
            continue
        if wanted.get(indicator, stage) != stage:
            mistakes.append(f"{assignment!r}: {indicator} is given two different stages")
        wanted[indicator] = stage
    return wanted, mistakes


def typed_stage_number(framework: Framework, typed: str) -> int:
    """A stage written on a command line: a number, a name, or a name's first 3 letters or more, as at
    the stage prompt. Raises ValueError saying what is wrong (with a did-you-mean)."""
    value = typed.strip()
    try:
        stage = parse_stage(framework, written_stage(value))
    except StageError as error:
        begun = stage_by_name_start(framework, value) if error.code is codes.UNKNOWN_STAGE else None
        if begun is None:
            raise ValueError(ambiguous_start(framework, value) or error.message) from None
        return begun.number
    if stage is None:  # a stage written out is never "not rated"
        raise ValueError(
            f"write a stage, like {framework.stage_numbers[0]} or {framework.stages[0].name.lower()}"
        )
    return stage


def typed_date(typed: str, *, when_empty: str = "", example: str = "2026-06-30") -> dt.date | None:
    """A date as typed at a prompt (year-month-day, the month and day with one digit or two, as
    `dates.typed_day` reads it): None when left empty.

    Raises ValueError with a message for the person at the keyboard, who is asked again; `when_empty`
    says what an empty answer means (` for today (2026-12-02)`)."""
    text = typed.strip()
    if not text:
        return None
    try:
        return typed_day(text)
    except ValueError:
        meant = paper_dates(text)
        like = f": {meant}; or" if meant is not None else f", like {example}, or"
        raise ValueError(
            f"{text!r} is not a date. Write it year-month-day{like} leave it empty{when_empty}."
        ) from None


def typed_due(typed: str) -> dt.date | None:
    """An action's due date as typed at a prompt or in a box (`typed_date`): empty means none."""
    return typed_date(typed, when_empty=" for no due date")


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
    visited: dict[str, None] = field(default_factory=dict)
    """Every indicator the walk has stood at, in the order first reached (an ordered set)."""
    trail: list[str] = field(default_factory=list)
    """Where each move came from, newest last: `back` returns there (after `g`, to where you were)."""
    started_at: str | None = None
    """The indicator `--start-at` began the walk at."""
    earlier: str | None = None
    """The first of the indicators before `started_at`, unrated, that the walk takes after the last."""

    def back_to_earlier(self) -> str | None:
        """Said when the walk reaches the indicators before where it started: "Now the indicators
        before C4.3 that are not rated yet."; None anywhere else."""
        if self.current is None or self.current != self.earlier or self.started_at is None:
            return None
        return f"Now the indicators before {self.started_at} that are not rated yet."

    def __post_init__(self) -> None:
        self._arrived()

    def _arrived(self) -> None:
        current = self.current
        if current is not None:
            self.visited.setdefault(current, None)

    def _leave(self) -> None:
        """About to move: remember where from, for `back`."""
        self.trail.append(self._now())

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
        `start_at` begins the walk at that indicator, for resuming, and after the last it goes on
        with the ones before it that are still unrated: a session stopped after a `g` jump is
        carried on with `--start-at` where it stopped, and must not skip what it had not reached.
        """
        chosen_domains = set(resolve_ids(framework, domains, kind="domain"))
        named = set(resolve_ids(framework, indicators, kind="indicator"))
        start = resolve_ids(framework, [start_at], kind="indicator")[0] if start_at else None
        narrowed = bool(chosen_domains or named)

        def in_scope(indicator: str) -> bool:
            return not narrowed or indicator in named or framework.domain_of(indicator).id in chosen_domains

        ids = [indicator.id for indicator in framework.indicators]
        at = ids.index(start) if start is not None else 0
        queue = [
            indicator
            for indicator in ids[at:]
            if in_scope(indicator)
            and (revisit_all or indicator in named or indicator == start or stages.get(indicator) is None)
        ]
        earlier = [
            indicator for indicator in ids[:at] if in_scope(indicator) and stages.get(indicator) is None
        ]
        return cls(framework, (*queue, *earlier), started_at=start, earlier=earlier[0] if earlier else None)

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

    def clear_evidence(self) -> RatingEdit:
        """Remove the current indicator's evidence."""
        return RatingEdit(self._now(), evidence=CLEAR)

    def target(self, stage: int | None) -> RatingEdit:
        """The stage the team aims for next; None removes it."""
        if stage is not None and stage not in self.framework.stage_numbers:
            raise ValueError(f"no stage {stage}")
        return RatingEdit(self._now(), target=CLEAR if stage is None else stage)

    def priority(self, on: bool) -> RatingEdit:
        """Mark the current indicator as one to work on first, or no longer (the key is removed)."""
        return RatingEdit(self._now(), priority=True if on else CLEAR)

    def change_action(self, op: ActionOp) -> RatingEdit:
        """Change, mark or delete one of the current indicator's actions."""
        return RatingEdit(self._now(), action_ops=(op,))

    def action_command(self, command: ActionCommand) -> RatingEdit:
        """`delete 2`, `done 2`, `due 2 2027-03-31`…, as an edit of the current indicator's actions."""
        return self.change_action(command.op())

    def linked(self, stages: Mapping[str, int | None]) -> tuple[str, int] | None:
        """An indicator the rubric links to the current one (the same practice, seen twice) that is
        rated, with its stage: the first in the rubric's order. None when there is none."""
        for other in self.framework.linked_with(self._now()):
            stage = stages.get(other)
            if stage is not None:
                return other, stage
        return None

    def go_to(self, indicator: str, *, shown: bool = False) -> None:
        """Go to any indicator of the framework: to its place in the walk, or, when the walk does not
        take it, as a detour before the indicator the walk stands at (which comes next).

        `shown`: only to show what an undo changed there, not a move of the team's: `back` then goes
        to the indicator before it in the walk, not forward again through the undos' jumps."""
        self.framework.indicator(indicator)  # KeyError for an id not in the framework
        if shown:
            self.trail.clear()
        elif self.current is not None and self.current != indicator:
            self._leave()
        self.stopped = False
        if indicator in self.queue:
            self.position = self.queue.index(indicator)
        else:
            at = min(self.position, len(self.queue))
            self.queue = (*self.queue[:at], indicator, *self.queue[at:])
            self.position = at
        self._arrived()

    def next(self) -> None:
        """Done with the current indicator: on to the next one."""
        self._leave()
        self.position += 1
        self._arrived()

    def skip(self) -> None:
        self.skipped.add(self._now())
        self._leave()
        self.position += 1
        self._arrived()

    def back(self) -> bool:
        """Back to where the walk came from (after `g`, the indicator you were at), else to the
        previous indicator of the walk; False at the first one (nowhere to go)."""
        self._now()
        while self.trail:
            came_from = self.trail.pop()
            if came_from in self.queue and came_from != self.current:
                self.position = self.queue.index(came_from)
                return True
        if self.position == 0:
            return False
        self.position -= 1
        return True

    def stop(self) -> None:
        """Save and quit: every answer is already saved, so this only ends the walk."""
        self.stopped = True
