"""A rubric as data: stages, domains, indicators and one descriptor per stage.

Nothing here assumes the Community Framework's 7 domains or 4 stages: any rubric of the same shape
works. Structure is checked by Pydantic; the rules that span fields (unique ids, one descriptor per
stage, stages numbered 1..N) are findings located in the file like every other problem.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from coalition_cli.core.model.base import Model
from coalition_cli.core.problems import Finding, Path_


def _paragraphs(value: object) -> object:
    return [value] if isinstance(value, str) else value


Paragraphs = Annotated[tuple[str, ...], BeforeValidator(_paragraphs)]
"""Text that may run to several paragraphs: a string, or a list of strings, one per paragraph."""


class Stage(Model):
    number: int
    name: str = Field(min_length=1)


class Indicator(Model):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    descriptors: dict[int, Paragraphs]

    def descriptor(self, stage: int) -> tuple[str, ...]:
        return self.descriptors.get(stage, ())


class IntroSection(Model):
    """A section of a rubric's own prose: a heading, its paragraphs and, where it has one, a bulleted list."""

    heading: str
    text: Paragraphs
    items: tuple[str, ...] = ()


class GlossaryEntry(Model):
    term: str = Field(min_length=1)
    definition: str = Field(min_length=1)


class Domain(Model):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    introduction: Paragraphs = ()
    overview: tuple[str, ...] = ()
    reflect: tuple[str, ...] = ()
    foundational_steps: tuple[str, ...] = ()
    indicators: tuple[Indicator, ...] = Field(min_length=1)


class LinkedIndicators(Model):
    """Indicators a rubric declares as one practice seen twice (the Community Framework gives C1.3 and
    C6.1 the same descriptors word for word): a session offers one's rating for the other, counts of
    advances count them once, and a pair rated differently is flagged. Each still scores in its domain."""

    indicators: tuple[str, ...] = Field(min_length=2)
    note: str | None = None


class Framework(Model):
    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    publisher: str | None = None
    published: str | None = None
    attribution: str | None = None
    source: str | None = None
    introduction: tuple[IntroSection, ...] = ()
    narrative: tuple[IntroSection, ...] = ()
    """Longer prose of the rubric's own (the Community Framework's overview of a coalition's functions)."""
    glossary: tuple[GlossaryEntry, ...] = ()
    stages: tuple[Stage, ...] = Field(min_length=1)
    domains: tuple[Domain, ...] = Field(min_length=1)
    linked: tuple[LinkedIndicators, ...] = ()

    @cached_property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, in framework order."""
        return tuple(indicator for domain in self.domains for indicator in domain.indicators)

    @cached_property
    def _indicator_index(self) -> dict[str, tuple[Domain, Indicator]]:
        return {i.id: (d, i) for d in self.domains for i in d.indicators}

    @cached_property
    def _stage_by_name(self) -> dict[str, Stage]:
        return {stage.name.casefold(): stage for stage in self.stages}

    def indicator(self, indicator_id: str) -> Indicator:
        return self._indicator_index[indicator_id][1]

    def domain_of(self, indicator_id: str) -> Domain:
        return self._indicator_index[indicator_id][0]

    def has_indicator(self, indicator_id: str) -> bool:
        return indicator_id in self._indicator_index

    @cached_property
    def _links(self) -> dict[str, LinkedIndicators]:
        return {indicator_id: group for group in self.linked for indicator_id in group.indicators}

    def linked_group(self, indicator_id: str) -> LinkedIndicators | None:
        """The declared group an indicator belongs to, if any."""
        return self._links.get(indicator_id)

    def linked_with(self, indicator_id: str) -> tuple[str, ...]:
        """The other indicators of its group, in the order the rubric declares them; () when none."""
        group = self._links.get(indicator_id)
        return tuple(other for other in group.indicators if other != indicator_id) if group else ()

    def domain(self, domain_id: str) -> Domain:
        for domain in self.domains:
            if domain.id == domain_id:
                return domain
        raise KeyError(domain_id)

    @property
    def top_stage(self) -> int:
        return self.stages[-1].number

    @property
    def stage_numbers(self) -> tuple[int, ...]:
        return tuple(stage.number for stage in self.stages)

    def stage(self, number: int) -> Stage:
        return self.stages[number - 1]

    def stage_name(self, number: int) -> str:
        return self.stage(number).name

    def stage_from_name(self, name: str) -> Stage | None:
        return self._stage_by_name.get(name.strip().casefold())

    def stage_choices(self) -> str:
        """How to write a stage in this framework, for messages: `1 Emerging, 2 Developing, …`."""
        return ", ".join(f"{stage.number} {stage.name}" for stage in self.stages)


def consistency_findings(data: Any) -> list[Finding]:
    """The rules Pydantic's per-field checks cannot see: numbering, uniqueness, one descriptor a stage.

    Like checks.py for assessments, they read the raw document, so they are reported in the same
    run as the model's own problems (an unknown key does not hide a duplicate id). Values of the
    wrong type are skipped here: the model reports those.
    """
    if not isinstance(data, dict):
        return []
    findings: list[Finding] = []
    names: set[str] = set()
    numbers: set[int] = set()
    stages = _items(data.get("stages"))
    for index, stage in enumerate(stages):
        if not isinstance(stage, dict):
            continue  # the model reports it; the stages after it keep their places
        number, name = _number(stage.get("number")), stage.get("name")
        if number is not None:
            numbers.add(number)
            if number != index + 1:
                findings.append(
                    Finding(
                        ("stages", index, "number"),
                        "stage-numbering",
                        f"stages must be numbered 1, 2, 3, … in order; this is stage {index + 1} "
                        f"but is numbered {number}",
                    )
                )
        if not isinstance(name, str):
            continue
        if name.casefold() in names:
            findings.append(
                Finding(("stages", index, "name"), "duplicate-id", f"stage name {name!r} is used twice")
            )
        if name.strip().isdigit():
            findings.append(
                Finding(("stages", index, "name"), "wrong-type", "a stage name cannot be a number")
            )
        names.add(name.casefold())
    # descriptors are matched with the stages as numbered, so one numbering slip is one problem; with
    # a stage the model cannot read, which numbers are meant is unknown and they are not matched
    readable = all(isinstance(stage, dict) and _number(stage.get("number")) is not None for stage in stages)
    expected = numbers if readable else set()
    seen: set[str] = set()
    for d, domain in enumerate(_items(data.get("domains"))):
        if not isinstance(domain, dict):
            continue
        findings.extend(_unique(domain.get("id"), seen, ("domains", d, "id")))
        for i, indicator in enumerate(_items(domain.get("indicators"))):
            if isinstance(indicator, dict):
                where = ("domains", d, "indicators", i)
                findings.extend(_unique(indicator.get("id"), seen, (*where, "id")))
                findings.extend(_descriptor_findings(indicator, where, expected))
    findings.extend(_linked_findings(data.get("linked"), seen))
    return findings


def _linked_findings(linked: Any, ids: set[str]) -> list[Finding]:
    """Each linked id is an indicator of this rubric, and in one group at most."""
    findings: list[Finding] = []
    grouped: set[str] = set()
    for g, group in enumerate(_items(linked)):
        members = group.get("indicators") if isinstance(group, dict) else None
        for m, member in enumerate(_items(members)):
            if not isinstance(member, str):
                continue
            where: Path_ = ("linked", g, "indicators", m)
            if member not in ids:
                from coalition_cli.core.suggest import did_you_mean

                findings.append(
                    Finding(
                        where,
                        "unknown-indicator",
                        f"linked indicator {member!r} is not an indicator of this rubric{did_you_mean(member, sorted(ids))}",
                    )
                )
            elif member in grouped:
                findings.append(
                    Finding(
                        where,
                        "duplicate-id",
                        f"indicator {member!r} is linked twice; put each indicator in one group",
                    )
                )
            grouped.add(member)
    return findings


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


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _descriptor_findings(indicator: dict[str, Any], where: Path_, expected: set[int]) -> list[Finding]:
    descriptors = indicator.get("descriptors")
    if not isinstance(descriptors, dict) or not expected:
        return []
    name = indicator.get("id") if isinstance(indicator.get("id"), str) else "this indicator"
    have = {number for number in map(_number, descriptors) if number is not None}
    findings = [
        Finding(
            (*where, "descriptors", extra),
            "stage-out-of-range",
            f"indicator {name} has a descriptor for stage {extra}, but there is no stage {extra} "
            f"(the stages are numbered {_joined(sorted(expected))})",
            at="key",
        )
        for extra in sorted(have - expected)
    ]
    missing = sorted(expected - have)
    if missing:
        findings.append(
            Finding(
                (*where, "descriptors"),
                "missing-descriptor",
                f"indicator {name} has no descriptor for stage{'s' if len(missing) > 1 else ''} "
                f"{_joined(missing)}: every stage needs exactly one",
                at="key",
            )
        )
    return findings


def _joined(numbers: list[int]) -> str:
    """`2`, `2 and 3`, `1, 2 and 4`."""
    words = [str(number) for number in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _unique(identifier: object, seen: set[str], path: Path_) -> list[Finding]:
    if not isinstance(identifier, str):
        return []
    if identifier in seen:
        return [Finding(path, "duplicate-id", f"the id {identifier!r} is used twice; ids must be unique")]
    seen.add(identifier)
    return []


class StageError(ValueError):
    """A stage written in a file is not one of the framework's; `code` is the problem's stable code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def parse_stage(framework: Framework, value: int | str | None) -> int | None:
    """A stage as written (a number, a name in any case, or null) as the stage number, or None."""
    if value is None:
        return None
    if isinstance(value, int):
        if value in framework.stage_numbers:
            return value
        raise StageError(
            "stage-out-of-range",
            f"stage {value} is out of range: use 1 to {framework.top_stage} ({framework.stage_choices()})",
        )
    stage = framework.stage_from_name(value)
    if stage is None:
        from coalition_cli.core.suggest import did_you_mean

        names = [s.name for s in framework.stages]
        raise StageError(
            "unknown-stage",
            f"unknown stage {value!r}{did_you_mean(value, names)}: use a number or a name ({framework.stage_choices()})",
        )
    return stage.number
