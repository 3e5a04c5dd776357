"""The Guide to Building a Broad-Based Coalition as data: who should be at the table and what a
formalized coalition has. `serves` tags link a responsibility or function to the indicators it helps."""

# Annotations are evaluated by Python as the classes are made: as strings (`from __future__ import
# annotations`), Pydantic would compile and evaluate each one itself, a fifth of making the models.

from functools import cached_property

from pydantic import Field

from coalition_cli.core.model.base import Model


class GettingStartedQuestion(Model):
    id: str
    name: str
    question: str
    note: str | None = None


class StakeholderGroup(Model):
    id: str
    name: str
    partner_kinds: tuple[str, ...] = ()
    why_it_matters: str = ""


class Commitment(Model):
    id: str
    name: str
    text: str


class Function(Model):
    id: str
    name: str
    text: str
    serves: tuple[str, ...] = ()


class Responsibility(Model):
    text: str
    serves: tuple[str, ...] = ()


class PartnerKind(Model):
    id: str
    name: str
    stakeholder_groups: tuple[str, ...] = ()
    lead_in: str | None = None
    responsibilities: tuple[Responsibility, ...] = ()


class FormalizationElement(Model):
    id: str
    name: str
    text: str


BUNDLED_NAME = "ConnectED’s Guide to Building a Broad-Based Coalition"
"""The bundled Guide named in full, for a reader meeting it for the first time (`Guide.full_name`), where
the Guide itself is not loaded (`coalition actions`)."""


class Guide(Model):
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
    stakeholder_groups: tuple[StakeholderGroup, ...] = Field(min_length=1)
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
