"""The Guide to Building a Broad-Based Coalition as data: who should be at the table and what a
formalized coalition has. `serves` tags link a responsibility or function to the indicators it helps."""

# Annotations are evaluated by Python as the classes are made (no `from __future__ import
# annotations`): reading a document without Pydantic (core/model/building.py) reads them as types.

from functools import cached_property
from typing import Annotated

from coalition_cli.core.model.base import MinLength, model


@model
class GettingStartedQuestion:
    """One of the Guide's questions for getting started."""

    id: str
    name: str
    question: str
    note: str | None = None


@model
class StakeholderGroup:
    """One of the stakeholder groups the Guide says a coalition should include."""

    id: str
    name: str
    partner_kinds: tuple[str, ...] = ()
    why_it_matters: str = ""


@model
class Commitment:
    """A kind of commitment a member makes, as the Guide describes it."""

    id: str
    name: str
    text: str


@model
class Function:
    """One of a coalition's functions (the Guide, Step 4)."""

    id: str
    name: str
    text: str
    serves: tuple[str, ...] = ()


@model
class Responsibility:
    """A sample responsibility of a kind of partner (the Guide, Step 5), and the indicators it serves."""

    text: str
    serves: tuple[str, ...] = ()


@model
class PartnerKind:
    """A kind of partner and its sample roles and responsibilities (the Guide, Step 5)."""

    id: str
    name: str
    stakeholder_groups: tuple[str, ...] = ()
    lead_in: str | None = None
    responsibilities: tuple[Responsibility, ...] = ()


@model
class FormalizationElement:
    """One of the things a formalized coalition has (the Guide, Step 6)."""

    id: str
    name: str
    text: str


BUNDLED_NAME = "ConnectED’s Guide to Building a Broad-Based Coalition"
"""The bundled Guide named in full, for a reader meeting it for the first time (`Guide.full_name`), where
the Guide itself is not loaded (`coalition actions`)."""


@model
class Guide:
    """The Guide to Building a Broad-Based Coalition as data."""

    id: str
    title: str
    subtitle: str | None = None
    publisher: str | None = None
    published: str | None = None
    attribution: str | None = None
    tags_framework: str | None = None
    """The framework whose indicator ids the `serves` tags name; they mean nothing for another rubric."""
    getting_started_intro: str | None = None
    """Step 1's lead-in to its questions, as the Guide writes it."""
    getting_started: tuple[GettingStartedQuestion, ...] = ()
    stakeholder_groups: Annotated[tuple[StakeholderGroup, ...], MinLength(1)]
    commitments_intro: str | None = None
    """Step 3's lead-in to the four shared commitments, as the Guide writes it."""
    commitments: tuple[Commitment, ...] = ()
    functions: tuple[Function, ...] = ()
    partner_kinds: tuple[PartnerKind, ...] = ()
    formalization: tuple[FormalizationElement, ...] = ()

    @cached_property
    def _groups(self) -> dict[str, StakeholderGroup]:
        return {group.id: group for group in self.stakeholder_groups}

    @cached_property
    def _kinds(self) -> dict[str, PartnerKind]:
        return {kind.id: kind for kind in self.partner_kinds}

    def stakeholder_group(self, group_id: str) -> StakeholderGroup | None:
        return self._groups.get(group_id)

    def partner_kind(self, kind_id: str) -> PartnerKind | None:
        return self._kinds.get(kind_id)

    @property
    def full_name(self) -> str:
        """ "ConnectED’s Guide to Building a Broad-Based Coalition": how a document names the Guide where a
        reader first meets it ("the Guide" after)."""
        return f"{self.publisher}’s {self.title}" if self.publisher else self.title

    def tags_apply_to(self, framework_id: str) -> bool:
        return self.tags_framework is None or self.tags_framework == framework_id

    def partners_serving(self, indicator_id: str) -> list[tuple[PartnerKind, Responsibility]]:
        """The sample responsibilities, by partner kind, tagged as serving an indicator."""
        return [
            (kind, responsibility)
            for kind in self.partner_kinds
            for responsibility in kind.responsibilities
            if indicator_id in responsibility.serves
        ]

    def functions_serving(self, indicator_id: str) -> list[Function]:
        return [function for function in self.functions if indicator_id in function.serves]
