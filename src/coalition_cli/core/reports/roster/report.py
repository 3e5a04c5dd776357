"""The roster as a report: its plain data (the parts in `results`), its JSON, and its document."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from coalition_cli.core.frozen import frozen
from coalition_cli.core.reports.report import Report
from coalition_cli.core.reports.roster.document import roster_document
from coalition_cli.core.reports.roster.results import (
    SUGGESTIONS,
    Caution,
    FormalizationCheck,
    GroupCoverage,
    MemberReport,
    Status,
    ToDiscuss,
)

if TYPE_CHECKING:
    from coalition_cli.core.reports.document import Document
    from coalition_cli.core.reports.roster.executive import ExecutiveCommittee
    from coalition_cli.core.reports.roster.individuals import SoleRepresentative


@frozen(kw_only=True)
class RosterReport(Report):
    """Everything `coalition roster` shows, as plain data (for JSON, Markdown and the action plan).

    A report with no CSV form: its parts (groups, elements, members) are not rows of one table.
    """

    coalition: str
    profile_file: str | None
    """The shared coalition.yaml the profile came from, or None when it is written in the assessment."""
    assessed_on: str | None
    gaps_known: bool
    """False when there is no assessment to take gaps from (a coalition.yaml on its own), or when the
    Guide's tags are for another rubric than the assessment's."""
    coverage: tuple[GroupCoverage, ...]
    formalization: tuple[FormalizationCheck, ...]
    cautions: tuple[Caution, ...]
    members: tuple[MemberReport, ...]
    tags_note: str | None = None
    """Why the roles name no indicators: the assessment's rubric is not the one the Guide's tags name."""
    executive_committee: ExecutiveCommittee | None = None
    """The executive committee's seats against the Guide's "chief executives" (None: no such seat)."""
    sole_representatives: tuple[SoleRepresentative, ...] = ()
    """Members with one named representative who owns open actions in the assessment."""
    to_discuss: ToDiscuss | None = None
    """The Guide's Step 1 questions and Step 3 commitments."""

    @property
    def guide_tags_apply(self) -> bool:
        return self.tags_note is None

    @property
    def missing_groups(self) -> tuple[GroupCoverage, ...]:
        return tuple(group for group in self.coverage if not group.represented)

    def to_record(self) -> list[tuple[str, str]]:
        """What the profile does not say that the roster needs, and how to record it: (the element
        it is for, how), for whoever keeps the profile; never in the roster's own text."""
        found = [(check.name, how) for check in self.formalization for how in check.to_record]
        if self.executive_committee is not None:
            found += [("Executive committee", how) for how in self.executive_committee.to_record]
        return found

    def count(self, status: Status) -> int:
        return sum(check.status == status for check in self.formalization)

    def data(self) -> dict[str, Any]:
        """The report as JSON. Keys for this tool's own links say so (`suggested_…`): the Guide lists
        sample roles by kind of partner and never ties them to indicators, and the `why it matters`
        texts are this tool's summaries (see `SUGGESTIONS`)."""
        data = asdict(self)
        for group, coverage in zip(data["coverage"], self.coverage, strict=True):
            group["represented"] = coverage.represented
        for group in data["coverage"]:
            group["suggested_why_it_matters"] = group.pop("why_it_matters")
        for role in _sample_roles(data):
            role["suggested_indicators"] = role.pop("serves")
            role["suggested_gaps"] = role.pop("gaps")
        for item in data["sole_representatives"]:
            del item["open_actions_for_readers"]  # the document's wording of `open_actions`
        data["guide_tags_apply"] = self.guide_tags_apply
        data["suggestions"] = SUGGESTIONS
        return data

    def document(self) -> Document:
        return roster_document(self)


def _sample_roles(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every sample role in the report's JSON, under the groups and under the members."""
    return [
        role for part in ("coverage", "members") for holder in data[part] for role in holder["sample_roles"]
    ]
