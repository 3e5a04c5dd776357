"""The roster as a document: headings, lines and tables for the terminal and for Markdown."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from coalition_cli.core.model.guide import BUNDLED_NAME
from coalition_cli.core.reports.document import Cell, Column, Document, Heading, Line, table
from coalition_cli.core.reports.roster.individuals import GUIDE_WORDS
from coalition_cli.core.reports.roster.results import STATUS_LABELS, Gap, SampleRole, Status
from coalition_cli.core.wording import long_date

if TYPE_CHECKING:
    from coalition_cli.core.reports.roster.report import RosterReport

ROLE_LABELS = {"executive-committee": "executive committee", "working-group": "working group"}
STATUS_CELLS: dict[Status, Cell] = {
    "met": Cell("✓ met", tone="good"),
    "not-met": Cell("✗ not met", tone="bad"),
    "unknown": Cell("? unknown", tone="warn"),
}


@cache
def _list_end() -> re.Pattern[str]:
    return re.compile(r"\s*(?:;\s*and|;|\.)\s*$")


def roster_document(report: RosterReport) -> Document:
    """The roster as headings, lines and tables, for the terminal and for Markdown: for the coalition's
    members and partners, so no file is named (the terminal says which profile was read)."""
    read = f"Read against {BUNDLED_NAME} (“the Guide”)"
    if report.assessed_on and report.gaps_known:
        day = long_date(dt.date.fromisoformat(report.assessed_on))
        read += f"; the gaps beside each role come from the assessment of {day}"
    document: Document = [Heading(f"{report.coalition}: who is at the table"), Line(read + ".", tone="muted")]
    document += _coverage_blocks(report)
    document += _formalization_blocks(report)
    document += _executive_blocks(report)
    document += _one_person_blocks(report)
    document += _member_blocks(report)
    document += _discuss_blocks(report)
    return document


VERDICT_CELLS = {
    "chief-executive": Cell("✓ chief executive", tone="good"),
    "other-titles": Cell("other titles", tone="warn"),
    "no-titles": Cell("? no titles given", tone="warn"),
}


def _executive_blocks(report: RosterReport) -> Document:
    committee = report.executive_committee
    if committee is None:
        return []
    return [
        Heading(f"Executive committee (Guide, Step 6): {committee.status_label}", level=2),
        Line(committee.reason),
        table(
            None,
            [
                "Member",
                Column("Seat", nowrap=True),
                "Representatives",
                Column("Chief executive?", nowrap=True),
            ],
            (
                [
                    seat.organization,
                    ROLE_LABELS.get(seat.role, seat.role),
                    people_text(seat.representatives) or Cell("none listed", tone="muted"),
                    VERDICT_CELLS[seat.verdict],
                ]
                for seat in committee.seats
            ),
        ),
    ]


def _one_person_blocks(report: RosterReport) -> Document:
    if not report.sole_representatives:
        return []
    blocks: Document = [Heading("Resting on one person", level=2)]
    several = len(report.sole_representatives) > 1
    if several:  # the Guide's words once, above the members they apply to, not once for each
        blocks.append(
            Line(
                f"As the Guide puts it, the coalition “{GUIDE_WORDS}”. Each of these members has one named "
                "representative who owns open actions: name a second representative who knows this work.",
                tone="warn",
            )
        )
    for item in report.sole_representatives:
        blocks.append(Line(item.situation if several else item.message, tone="warn"))
        blocks += [Line(action, item=True) for action in item.open_actions_for_readers]
    return blocks


def _discuss_blocks(report: RosterReport) -> Document:
    discuss = report.to_discuss
    if discuss is None or not (discuss.getting_started or discuss.commitments):
        return []
    blocks: Document = [Heading("Questions to discuss (Guide, Steps 1 and 3)", level=2)]
    if discuss.getting_started:
        blocks.append(Heading("Getting started (Step 1)", level=3))
        if discuss.getting_started_intro:
            blocks.append(Line(discuss.getting_started_intro, tone="muted"))
        for question in discuss.getting_started:
            blocks.append(Line(f"{question.name}: {question.question}"))
            if question.note:
                blocks.append(Line(f"(The Guide's note: {question.note})", tone="muted"))
    if discuss.commitments:
        blocks.append(Heading("Defining the coalition (Step 3)", level=3))
        if discuss.commitments_intro:
            blocks.append(Line(discuss.commitments_intro, tone="muted"))
        blocks += [Line(f"{item.name} {item.text}", item=True) for item in discuss.commitments]
        blocks.append(Line("Do the members share each of these, and does the charter say so?", tone="strong"))
    return blocks


def _coverage_blocks(report: RosterReport) -> Document:
    represented = len(report.coverage) - len(report.missing_groups)
    blocks: Document = [
        Heading(f"Stakeholder groups: {represented} of {len(report.coverage)} represented", level=2),
        table(
            None,
            ["", "Stakeholder group (Guide, Step 2)", "Represented by"],
            (
                [
                    Cell("✓", tone="good") if group.represented else Cell("✗", tone="bad"),
                    group.name,
                    "; ".join(group.members) if group.represented else Cell("missing", tone="bad"),
                ]
                for group in report.coverage
            ),
        ),
    ]
    for group in report.missing_groups:
        blocks += [
            Heading(f"Missing: {group.name}", level=3),
            Line(f"Why it matters (this tool's summary of the Guide): {group.why_it_matters}"),
        ]
        blocks += _roles_blocks(group.sample_roles, report.gaps_known, "What they could do (Guide, Step 5)")
    return blocks


def _formalization_blocks(report: RosterReport) -> Document:
    counts = ", ".join(
        f"{report.count(status)} {label}" for status, label in STATUS_LABELS.items() if report.count(status)
    )
    blocks: Document = [
        Heading(f"Formalization (Guide, Step 6): {counts}", level=2),
        table(
            None,
            ["Element", Column("Status", nowrap=True), "Why"],
            ([check.name, STATUS_CELLS[check.status], check.reason] for check in report.formalization),
        ),
    ]
    if report.cautions:
        blocks.append(Heading("Cautions from the Guide", level=2))
        blocks += [Line(caution.message, tone="warn", item=True) for caution in report.cautions]
    return blocks


def _member_blocks(report: RosterReport) -> Document:
    blocks: Document = [Heading("Members and the roles they could play (Guide, Step 5)", level=2)]
    if report.tags_note:
        blocks.append(Line(report.tags_note, tone="muted"))
    elif report.gaps_known:
        blocks.append(
            Line(
                "Beside each role: the indicators this tool links it to (a suggestion: the Guide does not tie "
                "roles to indicators) that the assessment rates below the top stage (now → what the team aims for).",
                tone="muted",
            )
        )
    else:
        blocks.append(
            Line(
                "No assessment was read with this profile, so no gaps are shown beside the roles.",
                tone="muted",
            )
        )
    for member in report.members:
        details = [member.stakeholder_group_name, ROLE_LABELS.get(member.role, member.role)]
        if member.commitment:
            details.append(f"{member.commitment} commitment")
        if member.representatives:
            details.append(people_text(member.representatives))
        blocks += [Heading(member.organization, level=3), Line(" · ".join(details))]
        blocks += _roles_blocks(member.sample_roles, report.gaps_known, "Sample role (Guide, Step 5)")
    return blocks


def _roles_blocks(roles: tuple[SampleRole, ...], gaps_known: bool, header: str) -> Document:
    if not roles:
        return [
            Line(
                "The Guide's Step 5 gives this group no sample roles of its own: the other partners' roles "
                "are written as work with it.",
                tone="muted",
            )
        ]
    several_kinds = len({role.partner_kind for role in roles}) > 1
    lead_in = roles[0].lead_in if not several_kinds else None
    columns = [header, "Gaps it could help with (this tool's link)"] if gaps_known else [header]
    rows = []
    for role in roles:
        text = role_text(role, with_kind=several_kinds, with_lead_in=lead_in is None)
        gaps = "; ".join(gap_text(gap) for gap in role.gaps) or Cell("—", tone="muted")
        rows.append([text, gaps] if gaps_known else [text])
    # the Guide's own lead-in, unfinished on its own: said as what introduces the roles below
    said: Document = [Line(f"The Guide's sample roles for them begin “{lead_in} …”:")] if lead_in else []
    return [*said, table(None, columns, rows)]


def role_text(role: SampleRole, *, with_kind: bool = False, with_lead_in: bool = True) -> str:
    """A sample role as a phrase: the Guide's list punctuation dropped, its lead-in (if any) joined on."""
    text = _list_end().sub("", role.text)
    if role.lead_in and with_lead_in:
        text = f"{role.lead_in}, {text[:1].lower()}{text[1:]}"
    return f"{role.partner_kind_name}: {text}" if with_kind else text


def gap_text(gap: Gap) -> str:
    """`C3.1 Access and Equity: 2 Developing → 3 Advancing (priority)`."""
    priority = " (priority)" if gap.priority else ""
    return f"{gap.id} {gap.name}: {gap.stage} {gap.stage_name} → {gap.aim} {gap.aim_name}{priority}"


def people_text(representatives: Sequence[str]) -> str:
    """The representatives for reading: `A (Title); B (Title, with a comma)`, a semicolon between
    people (titles hold commas), and `Name, Title (with brackets)` rather than brackets in brackets."""
    return "; ".join(_unnested(person) for person in representatives)


def _unnested(person: str) -> str:
    """`Gloria Mendoza, Parent representative (DELAC member)` for the report's `Name (Title)` when the
    title has brackets of its own; anything else as it is."""
    if not person.endswith("))"):
        return person
    depth = 0
    for index in range(len(person) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(person[index], 0)
        if depth == 0:
            name, title = person[:index].rstrip(), person[index + 1 : -1]
            return f"{name}, {title}" if name and index > 0 and person[index - 1] == " " else person
    return person
