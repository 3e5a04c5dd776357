"""A rubric as data: stages, domains, indicators and one descriptor per stage.

Nothing here assumes the Community Framework's 7 domains or 4 stages: any rubric of the same shape
works. Structure is checked by Pydantic; the rules that span fields (unique ids, one descriptor per
stage, stages numbered 1..N) are checks of their own (core/checks/framework.py), located in the file
like every other problem. How a stage is written and read: core/model/stages.py.
"""

# Annotations are evaluated by Python as the classes are made (no `from __future__ import
# annotations`): reading a document without Pydantic (core/model/building.py) reads them as types.

from collections.abc import Iterable
from functools import cached_property
from typing import Annotated

from coalition_cli.core.model.base import Before, MinLength, model


def _paragraphs(value: object) -> object:
    return [value] if isinstance(value, str) else value


Paragraphs = Annotated[tuple[str, ...], Before(_paragraphs)]
"""Text that may run to several paragraphs: a string, or a list of strings, one per paragraph."""


@model
class Stage:
    """One stage of the rubric (1 Emerging … 4 Transforming in the Community Framework)."""

    number: int
    name: Annotated[str, MinLength(1)]

    @property
    def label(self) -> str:
        """The stage as people say it: its number and its name, "3 Advancing"."""
        return f"{self.number} {self.name}"


@model
class Indicator:
    """One indicator of a domain, with what each stage looks like."""

    id: Annotated[str, MinLength(1)]
    name: Annotated[str, MinLength(1)]
    aliases: tuple[str, ...] = ()
    descriptors: dict[int, Paragraphs]

    def descriptor(self, stage: int) -> tuple[str, ...]:
        return self.descriptors.get(stage, ())

    @property
    def label(self) -> str:
        """The indicator as a reader meets it: its code and its name, "C6.1 WBL Leadership"."""
        return f"{self.id} {self.name}"


@model
class IntroSection:
    """A section of a rubric's own prose: a heading, its paragraphs and, where it has one, a bulleted list."""

    heading: str
    text: Paragraphs
    items: tuple[str, ...] = ()


@model
class GlossaryEntry:
    """A term of the rubric's own glossary."""

    term: Annotated[str, MinLength(1)]
    definition: Annotated[str, MinLength(1)]


@model
class Domain:
    """One domain of the rubric: its indicators, and the questions and first steps it suggests."""

    id: Annotated[str, MinLength(1)]
    name: Annotated[str, MinLength(1)]
    aliases: tuple[str, ...] = ()
    introduction: Paragraphs = ()
    overview: tuple[str, ...] = ()
    reflect: tuple[str, ...] = ()
    foundational_steps: tuple[str, ...] = ()
    indicators: Annotated[tuple[Indicator, ...], MinLength(1)]

    @property
    def label(self) -> str:
        """The domain as a reader meets it: its code and its name."""
        return f"{self.id} {self.name}"


@model
class LinkedIndicators:
    """Indicators a rubric declares as one practice seen twice (the Community Framework gives C1.3 and
    C6.1 the same descriptors word for word): a session offers one's rating for the other, counts of
    advances count them once, and a pair rated differently is flagged. Each still scores in its domain."""

    indicators: Annotated[tuple[str, ...], MinLength(2)]
    note: str | None = None


@model
class FrameworkRole:
    """A role the rubric's own text describes (the Community Framework's work-based learning
    intermediary), quoted word for word, and the indicators it could lead.

    `quote` and `source` are the rubric's; `serves` is whoever wrote the rubric file's link (in the
    bundled rubric, this project's), so documents present the link as a suggestion."""

    id: Annotated[str, MinLength(1)]
    name: Annotated[str, MinLength(1)]
    quote: Annotated[str, MinLength(1)]
    """The rubric's words, exactly."""
    source: Annotated[str, MinLength(1)]
    """Where in the rubric the words are: a section heading."""
    serves: tuple[str, ...] = ()


@model
class Framework:
    """A rubric: its stages, its domains and their indicators, and its own prose."""

    id: Annotated[str, MinLength(1)]
    title: Annotated[str, MinLength(1)]
    publisher: str | None = None
    published: str | None = None
    attribution: str | None = None
    source: str | None = None
    introduction: tuple[IntroSection, ...] = ()
    narrative: tuple[IntroSection, ...] = ()
    """Longer prose of the rubric's own (the Community Framework's overview of a coalition's functions)."""
    glossary: tuple[GlossaryEntry, ...] = ()
    stages: Annotated[tuple[Stage, ...], MinLength(1)]
    domains: Annotated[tuple[Domain, ...], MinLength(1)]
    linked: tuple[LinkedIndicators, ...] = ()
    roles: tuple[FrameworkRole, ...] = ()

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

    def named(self, indicator_id: str) -> str:
        """An indicator by its code, as a reader meets it ("C6.1 WBL Leadership"); a code this rubric
        does not have (a file's typo, an older rubric's indicator) stays as written."""
        found = self._indicator_index.get(indicator_id)
        return found[1].label if found is not None else indicator_id

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

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        """The abbreviations this rubric spells out in its own words: {"WBL": "work-based learning"}."""
        from coalition_cli.core.model.abbreviations import spelled_out

        return spelled_out(self)

    def abbreviations_in(
        self, indicator_id: str, stages: Iterable[int] | None = None
    ) -> tuple[tuple[str, str], ...]:
        """The abbreviations an indicator's name and stage descriptors use (all its stages, or those of
        `stages`), spelled out: what a reader of that one indicator needs ("C6.1 WBL Leadership":
        WBL, work-based learning)."""
        from coalition_cli.core.model.abbreviations import used_in

        indicator = self.indicator(indicator_id)
        numbers = indicator.descriptors if stages is None else stages
        texts = [indicator.name, *(text for number in numbers for text in indicator.descriptor(number))]
        return used_in(self.abbreviations, texts)

    def roles_serving(self, indicator_id: str) -> tuple[FrameworkRole, ...]:
        """The rubric's own roles linked to an indicator."""
        return tuple(role for role in self.roles if indicator_id in role.serves)

    def domain(self, domain_id: str) -> Domain:
        for domain in self.domains:
            if domain.id == domain_id:
                return domain
        raise KeyError(domain_id)

    @property
    def top_stage(self) -> int:
        return self.stages[-1].number

    @cached_property
    def stage_numbers(self) -> tuple[int, ...]:
        return tuple(stage.number for stage in self.stages)

    def stage(self, number: int) -> Stage:
        return self.stages[number - 1]

    def stage_name(self, number: int) -> str:
        return self.stage(number).name

    def stage_from_name(self, name: str) -> Stage | None:
        return self._stage_by_name.get(name.strip().casefold())

    def stage_number_named(self, name: str) -> int | None:
        stage = self.stage_from_name(name)
        return stage.number if stage is not None else None

    def stage_choices(self) -> str:
        """How to write a stage in this framework, for messages: `1 Emerging, 2 Developing, …`."""
        return ", ".join(stage.label for stage in self.stages)
