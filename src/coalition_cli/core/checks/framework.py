"""A rubric file's own consistency: what Pydantic's per-field checks cannot see.

Stages numbered 1..N in order with distinct names, ids used once, exactly one descriptor per stage,
linked indicators and the indicators a rubric's roles serve that exist. Like the assessment checks, these read the raw document, so they are
reported in the same run as the model's own problems (an unknown key does not hide a duplicate id).
Values of the wrong type are skipped here: the model reports those.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from coalition_cli.core import codes
from coalition_cli.core.checks.base import Check, Kind, Subject
from coalition_cli.core.problems import Finding, Path_
from coalition_cli.core.suggest import Suggester
from coalition_cli.core.wording import quoted


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _number(value: object) -> int | None:
    """A stage number as the model reads it (`2`, `"2"`, `2.0`); None for what the model refuses."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value)
    return None


def _stages(subject: Subject) -> Iterator[Finding]:
    names: dict[str, int] = {}
    stages = _items(subject.data.get("stages"))
    if len(stages) == 1:
        # every indicator would be at that stage or not rated: no score between stages, no next
        # stage, no target above it (the plan would read "on a scale from 1 (Done) to 1 (Done)")
        yield Finding(
            ("stages",),
            codes.TOO_FEW_STAGES,
            "the rubric has one stage; give it two or more (a checklist is 1 Not yet, 2 Done)",
        )
    shifted = _shifted(stages)
    if shifted is not None:
        yield shifted
    for index, stage in enumerate(stages):
        if not isinstance(stage, dict):
            continue  # the model reports it; the stages after it keep their places
        number, name = _number(stage.get("number")), stage.get("name")
        if number is not None and number != index + 1 and shifted is None:
            yield Finding(
                ("stages", index, "number"),
                codes.STAGE_NUMBERING,
                _misnumbered(stages, index, number),
            )
        if not isinstance(name, str):
            continue
        if name.casefold() in names:
            yield Finding(
                ("stages", index, "name"),
                codes.DUPLICATE_ID,
                f"stage name {name!r} is used twice (first by stage {names[name.casefold()] + 1})",
            )
        if name.strip().isdigit():
            yield Finding(("stages", index, "name"), codes.WRONG_TYPE, "a stage name cannot be a number")
        names.setdefault(name.casefold(), index)


def _shifted(stages: list[Any]) -> Finding | None:
    """One problem for stages numbered in order from another number than 1 (a paper rubric's `0 Not
    started` to `4`): every stage is misnumbered, but there is one thing to do."""
    numbers = [_number(stage.get("number")) if isinstance(stage, dict) else None for stage in stages]
    first = numbers[0] if numbers else None
    if first is None or first == 1 or numbers != list(range(first, first + len(numbers))):
        return None
    last, count = numbers[-1], len(numbers)
    written, meant = (f"stage {first}", "1") if count == 1 else (f"stages {first} to {last}", f"1 to {count}")
    message = (
        f"the stages are numbered from {first}, but must be numbered from 1: renumber {written} as "
        f"{meant}, and each indicator's descriptors the same way"
    )
    if first == 2:
        message += " (or, if stage 1 is missing, add it)"
    return Finding(("stages", 0, "number"), codes.STAGE_NUMBERING, message)


def _misnumbered(stages: list[Any], index: int, number: int) -> str:
    """Why stage `index` (0-based) numbered `number` is out of order; a gap after a stage numbered
    right is most likely a stage left out, and is said so."""
    said = f"stages must be numbered 1, 2, 3, … in order; this is stage {index + 1} but is numbered {number}"
    before = stages[index - 1] if index else None
    if number == index + 2 and (
        index == 0 or (isinstance(before, dict) and _number(before.get("number")) == index)
    ):
        return f"{said} (is stage {index + 1} missing?)"
    return said


def _indicators(data: dict[str, Any]) -> Iterator[tuple[Path_, dict[str, Any]]]:
    """Each indicator written as a mapping, with its path."""
    for d, domain in enumerate(_items(data.get("domains"))):
        if isinstance(domain, dict):
            for i, indicator in enumerate(_items(domain.get("indicators"))):
                if isinstance(indicator, dict):
                    yield ("domains", d, "indicators", i), indicator


def _ids(data: dict[str, Any]) -> Iterator[tuple[Path_, str]]:
    """Every domain and indicator id written as text, in the file's order, with the path of the id."""
    for d, domain in enumerate(_items(data.get("domains"))):
        if not isinstance(domain, dict):
            continue
        if isinstance(domain.get("id"), str):
            yield ("domains", d, "id"), domain["id"]
        for i, indicator in enumerate(_items(domain.get("indicators"))):
            if isinstance(indicator, dict) and isinstance(indicator.get("id"), str):
                yield ("domains", d, "indicators", i, "id"), indicator["id"]


ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
"""What a rubric's id, and its domains' and indicators' ids, may be: ASCII letters and digits, then
also `.`, `-` and `_`, up to 64 characters. Ids are typed in assessments and compared as they are
written, so an id with a zero-width space, a bidi control or a Cyrillic `С` that looks like `C`
would be another indicator that looks the same."""


def _id_characters(subject: Subject) -> Iterator[Finding]:
    rubric_id = subject.data.get("id")
    written = [(("id",), rubric_id)] if isinstance(rubric_id, str) else []
    for path, identifier in [*written, *_ids(subject.data)]:
        if not ID_PATTERN.fullmatch(identifier):
            import unicodedata  # only to name an odd character: every command that reads a file loads this module

            odd = next(
                (char for char in identifier if not (char.isascii() and (char.isalnum() or char in "._-"))),
                None,
            )
            why = (
                f"it holds {unicodedata.name(odd, f'U+{ord(odd):04X}')} (U+{ord(odd):04X})"
                if odd is not None
                else "it is empty, over 64 characters, or starts with '.', '-' or '_'"
            )
            yield Finding(
                path,
                codes.INVALID_ID,
                f"the id {quoted(identifier)} is not allowed: {why}; an id is ASCII letters and "
                "digits, then also '.', '-' and '_', up to 64 characters",
            )


def _unique_ids(subject: Subject) -> Iterator[Finding]:
    seen: dict[str, Path_] = {}
    for path, identifier in _ids(subject.data):
        if identifier in seen:
            first = _id_place(subject.data, seen[identifier])
            yield Finding(
                path,
                codes.DUPLICATE_ID,
                f"the id {identifier!r} is used twice (first by {first}); ids must be unique",
            )
        seen.setdefault(identifier, path)


def _id_place(data: dict[str, Any], path: Path_) -> str:
    """Where an id was first written, in the rubric's own terms: `domain 2`, `indicator 3 of domain P`."""
    domain_index = int(path[1])
    if len(path) == 3:
        return f"domain {domain_index + 1}"
    domain = _items(data.get("domains"))[domain_index]
    name = domain.get("id") if isinstance(domain.get("id"), str) else str(domain_index + 1)
    return f"indicator {int(path[3]) + 1} of domain {name}"


def _descriptors(subject: Subject) -> Iterator[Finding]:
    # descriptors are matched with the stages as numbered, so one numbering slip is one problem; with
    # a stage the model cannot read, which numbers are meant is unknown and they are not matched
    stages = _items(subject.data.get("stages"))
    if not all(isinstance(stage, dict) and _number(stage.get("number")) is not None for stage in stages):
        return
    expected = {number for stage in stages if (number := _number(stage.get("number"))) is not None}
    if not expected:
        return
    for where, indicator in _indicators(subject.data):
        descriptors = indicator.get("descriptors")
        if not isinstance(descriptors, dict):
            continue
        name = indicator.get("id") if isinstance(indicator.get("id"), str) else "this indicator"
        have = {number for number in map(_number, descriptors) if number is not None}
        for extra in sorted(have - expected):
            yield Finding(
                (*where, "descriptors", extra),
                codes.STAGE_OUT_OF_RANGE,
                f"indicator {name} has a descriptor for stage {extra}, but there is no stage {extra} "
                f"(the stages are numbered {_joined(sorted(expected))})",
                at="key",
            )
        missing = sorted(expected - have)
        if missing:
            yield Finding(
                (*where, "descriptors"),
                codes.MISSING_DESCRIPTOR,
                f"indicator {name} has no descriptor for stage{'s' if len(missing) > 1 else ''} "
                f"{_joined(missing)}: every stage needs exactly one",
                at="key",
            )


def _joined(numbers: list[int]) -> str:
    """`2`, `2 and 3`, `1, 2 and 4`."""
    words = [str(number) for number in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _linked(subject: Subject) -> Iterator[Finding]:
    """Each linked id is an indicator of this rubric, and in one group at most."""
    ids = {identifier for _, identifier in _ids(subject.data)}
    meant = Suggester(sorted(ids))
    grouped: set[str] = set()
    for g, group in enumerate(_items(subject.data.get("linked"))):
        members = group.get("indicators") if isinstance(group, dict) else None
        for m, member in enumerate(_items(members)):
            if not isinstance(member, str):
                continue
            where: Path_ = ("linked", g, "indicators", m)
            if member not in ids:
                yield Finding(
                    where,
                    codes.UNKNOWN_INDICATOR,
                    f"linked indicator {quoted(member)} is not an indicator of this rubric{meant.did_you_mean(member)}",
                )
            elif member in grouped:
                yield Finding(
                    where,
                    codes.DUPLICATE_ID,
                    f"indicator {member!r} is linked twice; put each indicator in one group",
                )
            grouped.add(member)


def _roles(subject: Subject) -> Iterator[Finding]:
    """The indicators each of the rubric's roles serves are indicators of this rubric."""
    ids = {identifier for _, identifier in _ids(subject.data)}
    meant = Suggester(sorted(ids))
    for r, role in enumerate(_items(subject.data.get("roles"))):
        serves = role.get("serves") if isinstance(role, dict) else None
        for s, member in enumerate(_items(serves)):
            if isinstance(member, str) and member not in ids:
                yield Finding(
                    ("roles", r, "serves", s),
                    codes.UNKNOWN_INDICATOR,
                    f"role {quoted(str(role.get('id')))} serves {quoted(member)}, which is not an indicator of "
                    f"this rubric{meant.did_you_mean(member)}",
                )


CHECKS = (
    Check(
        "framework.stages",
        Kind.FRAMEWORK,
        (codes.TOO_FEW_STAGES, codes.STAGE_NUMBERING, codes.DUPLICATE_ID, codes.WRONG_TYPE),
        _stages,
    ),
    Check("framework.ids", Kind.FRAMEWORK, (codes.DUPLICATE_ID,), _unique_ids),
    Check("framework.id-characters", Kind.FRAMEWORK, (codes.INVALID_ID,), _id_characters),
    Check(
        "framework.descriptors",
        Kind.FRAMEWORK,
        (codes.STAGE_OUT_OF_RANGE, codes.MISSING_DESCRIPTOR),
        _descriptors,
    ),
    Check("framework.linked", Kind.FRAMEWORK, (codes.UNKNOWN_INDICATOR, codes.DUPLICATE_ID), _linked),
    Check("framework.roles", Kind.FRAMEWORK, (codes.UNKNOWN_INDICATOR,), _roles),
)
