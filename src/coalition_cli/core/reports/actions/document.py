"""The actions register as a document: the terminal's tables and Markdown."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from coalition_cli.core.model.guide import BUNDLED_NAME
from coalition_cli.core.model.values import CLOSED, status_words
from coalition_cli.core.reports.actions.register import OwnerLoad, TrackedAction
from coalition_cli.core.reports.actions.report import ActionsReport
from coalition_cli.core.reports.document import NO_VALUE, Block, Cell, Column, Document, Heading, Line, table
from coalition_cli.core.reports.roster.individuals import GUIDE_WORDS
from coalition_cli.core.wording import and_list, long_date, plural


def actions_document(report: ActionsReport) -> Document:
    several = len(report.coalitions) > 1
    title = (
        report.coalitions[0].name
        if len(report.coalitions) == 1
        else plural(len(report.coalitions), "coalition")
    )
    whose = f" of {report.owner}" if report.owner else ""
    document: Document = [Heading(f"Actions{whose}: {title}"), *_overview(report)]
    document += _done_since(report, several)
    document += _overdue(report, several)
    document += _vanished(report, several)
    document += _carried(report, several)
    document += _changed(report, several)
    document += _owners(report, several)
    document += _owner_notes(report, several)
    document += _every_action(report, several)
    document += _left_out(report)
    return document


def actions_files_read(report: ActionsReport) -> list[str]:
    """The files read and skipped: for the terminal, not for the register's readers."""
    from coalition_cli.core.reports.network.entries import files_read  # not the plan's

    return files_read(
        assessments=report.assessments,
        raters_set_aside=report.raters_set_aside,
        skipped=report.skipped,
        later=report.later,
        as_of=report.as_of,
    )


def counts_text(counts: dict[str, int], since: str | None = None) -> str:
    """`11 open (2 overdue), 9 done, 1 dropped, 1 vanished; 3 carried over`; with `since` (how the term
    before the latest is named: "Spring 2026", "then"), what was closed since it apart from the rest:
    `8 open (5 overdue), 2 done and 1 dropped since Spring 2026 (12 done and 2 dropped in all); …`.
    An action done before that term is in the total, never in what was done since."""
    parts = [
        f"{counts['open_total']} open" + (f" ({counts['overdue']} overdue)" if counts["overdue"] else "")
    ]
    if since is None:
        parts += [f"{counts[state]} {state}" for state in CLOSED if counts[state]]
    else:
        lately = [f"{counts[f'{state}_since_previous']} {state}" for state in CLOSED]
        lately = [part for part in lately if not part.startswith("0 ")]
        part = f"{and_list(lately)} since {since}" if lately else f"none done or dropped since {since}"
        if any(counts[state] != counts[f"{state}_since_previous"] for state in CLOSED):
            part += f" ({and_list(f'{counts[state]} {state}' for state in CLOSED if counts[state])} in all)"
        parts.append(part)
    parts += [f"{counts['vanished']} vanished"] if counts["vanished"] else []
    text = ", ".join(parts)
    if counts["carried_over"]:
        text += f"; {counts['carried_over']} carried over"
    return text


def _overview(report: ActionsReport) -> Iterator[Line]:
    terms = [term for coalition in report.coalitions for term in coalition.terms]
    if terms:
        first = long_date(min(term.assessed_on for term in terms))
        last = long_date(max(term.assessed_on for term in terms))
        span = first if first == last else f"{first} to {last}"
        yield Line(
            f"{plural(len(report.actions), 'action')} in {plural(len(terms), 'assessment')} ({span}), "
            f"as of {long_date(report.as_of)}",
            tone="strong",
        )
    counts = report.counts
    if report.actions:
        yield Line(counts_text(counts, report.since_label))
    if counts["open_without_owner"]:
        yield Line(
            f"{plural(counts['open_without_owner'], 'open action')} without an owner: who will do it?",
            tone="warn",
        )
    from coalition_cli.core.reports.network.entries import left_out_line  # not the plan's

    if report.invalid:
        yield Line(
            left_out_line(len(report.invalid)),
            tone="bad",
        )


def action_text(report: ActionsReport, action: TrackedAction) -> str:
    """`Hire the WBL coordinator (C1.3 Work-based Learning Leadership)`: the indicator's name beside
    its code, from the coalition's rubric (the code alone when the rubric does not have it)."""
    names = next((c.indicator_names for c in report.coalitions if c.name == action.coalition), {})
    name = names.get(action.indicator)
    return f"{action.action} ({action.indicator}{' ' + name if name else ''})"


def _coalition_column(several: bool) -> list[Column]:
    return [Column("Coalition")] if several else []


def _coalition_cell(action: TrackedAction, several: bool) -> list[Cell]:
    return [Cell(action.coalition)] if several else []


def _owner_cell(action: TrackedAction) -> Cell:
    return Cell(action.owner, tone=None) if action.owner else Cell("no owner", tone="warn")


def _section(
    report: ActionsReport,
    several: bool,
    title: str,
    chosen: Callable[[TrackedAction], bool],
    columns: list[Column],
    cells: Callable[[TrackedAction], list[Cell]],
    first: Callable[[TrackedAction], int] | None = None,
) -> list[Block]:
    """One table of the actions `chosen`, coalition by coalition in the register's order (by owner),
    or, with `first`, by it across coalitions (smallest first; the register's order among equals)."""
    actions = [action for coalition in report.coalitions for action in coalition.actions if chosen(action)]
    if first is not None:
        actions.sort(key=first)
    rows = [[*_coalition_cell(action, several), *cells(action)] for action in actions]
    if not rows:
        return []
    return [table(title, [*_coalition_column(several), *columns], rows)]


def _overdue(report: ActionsReport, several: bool) -> list[Block]:
    return _section(
        report,
        several,
        f"Overdue as of {long_date(report.as_of)}, longest first: past due, not done or dropped",
        lambda action: action.overdue,
        [
            Column("Due", nowrap=True),
            Column("Late by", align="right", nowrap=True),
            Column("Owner"),
            Column("Action"),
        ],
        lambda action: [
            Cell(long_date(action.due) if action.due else ""),
            Cell(plural(action.days_late or 0, "day"), tone="bad"),
            _owner_cell(action),
            Cell(action_text(report, action)),
        ],
        first=lambda action: -(action.days_late or 0),
    )


def _done_since(report: ActionsReport, several: bool) -> list[Block]:
    """What was completed since the last meeting: done in the latest assessment, not in the one before."""
    since = report.since_label
    return _section(
        report,
        several,
        f"Done since {'each coalition’s previous assessment' if several else since}",
        lambda action: action.closed_since_previous and action.state == "done",
        [Column("Owner"), Column("Action")],
        lambda action: [_owner_cell(action), Cell(action_text(report, action))],
    )


def _vanished(report: ActionsReport, several: bool) -> list[Block]:
    return _section(
        report,
        several,
        "Vanished: in an earlier assessment, gone from the latest, never marked done or dropped",
        lambda action: action.vanished,
        [Column("Last seen", nowrap=True), Column("Owner"), Column("Action")],
        lambda action: [
            Cell(long_date(action.last_seen)),
            _owner_cell(action),
            Cell(action_text(report, action)),
        ],
    )


def _carried(report: ActionsReport, several: bool) -> list[Block]:
    return _section(
        report,
        several,
        "Carried over: open in an earlier assessment and still open",
        lambda action: action.carried_over and action.is_open,
        [Column("Since", nowrap=True), Column("Due", nowrap=True), Column("Owner"), Column("Action")],
        lambda action: [
            Cell(long_date(action.first_seen)),
            Cell(long_date(action.due) if action.due else NO_VALUE, tone="bad" if action.overdue else None),
            _owner_cell(action),
            Cell(action_text(report, action)),
        ],
    )


def moved_words(action: TrackedAction) -> str:
    """`due moved from 30 June 2026 to 31 March 2027 (it was 156 days late)`: a due date an earlier
    assessment gave, put later (or removed) by a later one, with how late the action was by it then;
    "" when the date did not move later."""
    if action.due_moved_from is None:
        return ""
    late = action.days_late_when_moved
    if action.due is None:
        then = f", {plural(late, 'day')} late then" if late is not None else ""
        return f"due date removed (it was {long_date(action.due_moved_from)}{then})"
    then = f" (it was {plural(late, 'day')} late)" if late is not None else ""
    return f"due moved from {long_date(action.due_moved_from)} to {long_date(action.due)}{then}"


def changes_words(action: TrackedAction, owner_was: str | None = None) -> list[str]:
    """What moved since an earlier assessment, in words: the due date (`moved_words`) and the owner
    ("owner was Working group chairs"); `owner_was` as the reader is shown it (by default as written)."""
    was = owner_was if owner_was is not None else action.owner_was
    return [words for words in (moved_words(action), f"owner was {was}" if was else "") if words]


def _changed(report: ActionsReport, several: bool) -> list[Block]:
    return _section(
        report,
        several,
        "Moved or handed over: open actions with a later due date or another owner than in an earlier "
        "assessment",
        lambda action: action.is_open and bool(changes_words(action)),
        [Column("Owner"), Column("Action"), Column("What changed")],
        lambda action: [
            _owner_cell(action),
            Cell(action_text(report, action)),
            Cell("; ".join(changes_words(action)), tone="bad" if action.days_late_when_moved else None),
        ],
    )


def _owners(report: ActionsReport, several: bool) -> list[Block]:
    loads = [load for coalition in report.coalitions for load in coalition.owners]
    if not loads:
        return []
    blocks: list[Block] = [
        table(
            "Who owns the open actions",
            [
                *_coalition_column(several),
                Column("Owner"),
                Column("Open actions", align="right", nowrap=True, narrow=True),  # "3 of 11": of them all
                Column("Overdue", align="right", narrow=True),
                Column("Seats in the coalition"),
            ],
            [
                [
                    *([Cell(load.coalition)] if several else []),
                    Cell(load.owner),
                    Cell(load.share),
                    Cell(str(load.overdue), tone="bad" if load.overdue else "muted"),
                    Cell("; ".join(load.seats) or NO_VALUE, tone=None if load.seats else "muted"),
                ]
                for load in loads
            ],
        )
    ]
    guide = BUNDLED_NAME  # in full the first time, then "the Guide"
    for coalition in report.coalitions:
        alone = [load for load in coalition.owners if load.only_representative_of]
        if alone:
            prefix = f"{coalition.name}: " if several else ""
            blocks.append(Line(f"{prefix}{one_person_caution(alone, guide=guide)}", tone="warn"))
            guide = "the Guide"
    return blocks


def _owner_notes(report: ActionsReport, several: bool) -> list[Block]:
    """An owner who may be a participant under another name, said once ("Maria Lopes may be …")."""
    return [
        Line(f"{coalition.name}: {note}" if several else note, tone="warn")
        for coalition in report.coalitions
        for note in coalition.owner_notes
    ]


def one_person_caution(loads: Sequence[OwnerLoad], *, brief: bool = False, guide: str = BUNDLED_NAME) -> str:
    """The Guide's caution about individuals, for owners of open actions who are the only person named
    to represent their organization; `brief` names them without their organizations and counts (the
    brief plan). `guide` names the Guide: in full by default, "the Guide" where the reader has met it."""
    quote = (
        f"As {guide} puts it, the coalition “{GUIDE_WORDS}”: name a second representative who can carry "
        "these on."
    )
    if brief:
        names = and_list(load.owner for load in loads)
        each = "is the only person" if len(loads) == 1 else "are each the only person"
        return f"{names} {each} named to represent their organization in the coalition. {quote}"
    who = "; ".join(
        f"{load.owner} ({' and '.join(load.only_representative_of)}, {plural(load.open, 'open action')})"
        for load in loads
    )
    lead = (
        "owns open actions and is the only person named to represent their organization"
        if len(loads) == 1
        else "own open actions and are each the only person named to represent their organization"
    )
    return f"{plural(len(loads), 'person', 'people')} {lead}: {who}. {quote}"


def _every_action(report: ActionsReport, several: bool) -> list[Block]:
    rows = [
        [
            *_coalition_cell(action, several),
            _owner_cell(action),
            Cell(long_date(action.due) if action.due else NO_VALUE, tone=None if action.due else "muted"),
            _status_cell(action),
            Cell(action_text(report, action)),
        ]
        for coalition in report.coalitions
        for action in coalition.actions
    ]
    if not rows:
        if report.same_date or report.invalid:  # the actions may well be in the files left out
            return [
                Line(
                    "No actions to list from the files that could be used; those left out are below.",
                    tone="muted",
                )
            ]
        return [Line("No actions recorded yet.", tone="muted")]
    return [
        table(
            "Every action, by owner and due date",
            [
                *_coalition_column(several),
                Column("Owner"),
                Column("Due", nowrap=True),
                Column("Status"),
                Column("Action"),
            ],
            rows,
        )
    ]


def _status_cell(action: TrackedAction) -> Cell:
    """The status as a reader says it (as the plan does), and under it what needs following up:
    `in progress,` / `5 days late` (one line in Markdown)."""
    status = status_words(action.status)
    note = _note(action)
    if note:
        return Cell(f"{status},\n{note}", tone="bad" if action.overdue or action.vanished else None)
    if action.status in CLOSED:
        return Cell(status, tone="good" if action.status == "done" else "muted")
    return Cell(status)


def _note(action: TrackedAction) -> str:
    if action.vanished:
        return ", ".join([f"vanished after {long_date(action.last_seen)}", *changes_words(action)])
    notes = []
    if action.overdue:
        notes.append(f"{plural(action.days_late or 0, 'day')} late")
    if action.carried_over and action.is_open:
        notes.append(f"carried over since {long_date(action.first_seen)}")
    notes += changes_words(action)
    return ", ".join(notes)


def _left_out(report: ActionsReport) -> list[Block]:
    return [
        Line(item.for_readers(left_out=item in report.unresolved), tone="warn" if item.raters_only else "bad")
        for item in report.same_date
    ]
