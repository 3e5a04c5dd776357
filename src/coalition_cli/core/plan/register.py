"""The action plan's register of actions: who owes what by when, as `coalition actions` follows them up.

The register of the plan's assessment and, with `--since`, the earlier one (`reports.actions`): each
action followed from that term to this one, overdue as of the day the plan is made (`--as-of`, as
`coalition actions --as-of` counts it, by the statuses the assessment records), carried over, vanished since the earlier term, done since it (not what was
done then already), moved to a later date or handed to another owner since it, and the open actions per owner with
the seats they hold in the coalition profile. Plain data for the templates
(`partials/_register.*.j2`, the `register` of `PlanContext`); no command lines, no file paths.

For `--audience public` (`plan.audience`), owners are named by their organization (an owner's load is
then the organization's), names in an action's text are replaced, and the seats people hold and the
caution about individuals are left out: they are about people, and the coalition's own business.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from coalition_cli.core.model.values import status_or_open, status_words
from coalition_cli.core.plan.audience import WITHHELD
from coalition_cli.core.plan.context import ActionRegister, RegisterAction, RegisterOwner
from coalition_cli.core.reports.actions.document import (
    counts_text,
    moved_words,
    one_person_caution,
)
from coalition_cli.core.reports.actions.register import (
    TermActions,
    TrackedAction,
    member_seats,
)
from coalition_cli.core.reports.actions.report import coalition_register
from coalition_cli.core.wording import long_date, plural

if TYPE_CHECKING:
    from coalition_cli.core.loading.assessments import LoadedAssessment
    from coalition_cli.core.plan.audience import Redactor
    from coalition_cli.core.reports.actions.register import OwnerLoad
    from coalition_cli.core.reports.comparison import Comparison


BRIEF_LIST = 5
"""How many overdue (and vanished) actions a brief plan lists; the rest are counted, and the full plan
lists them all. A brief is read in minutes and printed on four pages: a coalition with thirty overdue
actions needs the count and the worst few, not a thirty-row table."""

BRIEF_OWNERS = 8
"""How many owners of open actions a brief plan's one sentence names (most open actions first)."""


def action_register(
    current: LoadedAssessment,
    since: Comparison | None,
    *,
    since_label: str | None,
    redactor: Redactor,
    brief: bool = False,
    as_of: dt.date | None = None,
    also_named: Sequence[LoadedAssessment] = (),
) -> ActionRegister:
    """The register of `current` and, with `--since`, its earlier assessment (`since_label` names it),
    as of `as_of` (default: the assessment's day), for the redactor's audience; `brief` words the
    caution about individuals in fewer words and lists only the first `BRIEF_LIST` overdue and
    vanished actions and `BRIEF_OWNERS` owners."""
    from coalition_cli.core.reports.actions.register import action_records

    assessment = current.assessment
    terms = [TermActions.of(since.first, coalition=assessment.coalition)] if since is not None else []
    terms.append(
        TermActions(
            coalition=assessment.coalition,
            file=str(current.path),
            assessed_on=assessment.assessed_on,
            term=assessment.term,
            actions=action_records(assessment),
        )
    )
    names = {indicator.id: indicator.name for indicator in current.framework.indicators}
    day = as_of or assessment.assessed_on
    register = coalition_register(
        assessment.coalition,
        terms,
        day,
        members=member_seats(current.profile),
        names=names,
        participants=[
            (person.name, person.organization)
            for source in (current, *also_named)
            for person in source.assessment.participants
        ],
    )
    first_label = since_label if since is not None else None

    def shown(action: TrackedAction) -> RegisterAction:
        notes = []
        if action.vanished:
            notes.append(("gone", f"gone since {first_label}" if first_label else "gone"))
        if action.overdue:
            notes.append(("late", f"{plural(action.days_late or 0, 'day')} late"))
        if action.carried_over and action.is_open:
            notes.append(("carried", f"carried over from {first_label}" if first_label else "carried over"))
        owner = redactor.owner(action.owner)
        owner_was = redactor.owner(action.owner_was)
        owner_was = owner_was if owner_was != owner else None  # one organization, for the public
        if action.due_moved_from is not None:
            notes.append(("moved", moved_words(action)))
        if owner_was == WITHHELD:  # for the public, an earlier owner the plan does not name
            notes.append(("owner", "handed over from another owner"))
        elif owner_was:
            notes.append(("owner", f"owner was {owner_was}"))
        return RegisterAction(
            action=redactor.text(action.action) or action.action,
            indicator=action.indicator,
            indicator_name=names.get(action.indicator, ""),
            owner=owner,
            due=action.due.isoformat() if action.due else None,
            due_long=long_date(action.due) if action.due else None,
            status=status_or_open(action.status),
            status_text=status_words(action.status),
            overdue=action.overdue,
            days_late=action.days_late,
            carried_over=action.carried_over and action.is_open,
            vanished=action.vanished,
            notes=tuple(notes),
            due_moved_from=action.due_moved_from.isoformat() if action.due_moved_from else None,
            due_moved_from_long=long_date(action.due_moved_from) if action.due_moved_from else None,
            days_late_when_moved=action.days_late_when_moved,
            owner_was=owner_was,
        )

    actions = [(action, shown(action)) for action in register.actions]
    if redactor.public:  # by owner as the public reads them: their organization
        actions.sort(key=lambda pair: ((pair[1].owner or "").casefold(), pair[1].due or ""))
    alone = [load for load in register.owners if load.only_representative_of]
    overdue = tuple(
        view for action, view in sorted(actions, key=lambda pair: -(pair[0].days_late or 0)) if action.overdue
    )
    vanished = tuple(view for action, view in actions if action.vanished)
    moved = tuple(  # those moved when already late first, the latest then first
        sorted(
            (view for action, view in actions if action.is_open and view.changes),
            key=lambda view: -(view.days_late_when_moved if view.days_late_when_moved is not None else -1),
        )
    )
    done_since = tuple(
        view for action, view in actions if action.closed_since_previous and action.state == "done"
    )
    owners = (
        _organizations(tuple(view for action, view in actions if action.is_open))
        if redactor.public
        else tuple(_owner(load) for load in register.owners)
    )
    limit = BRIEF_LIST if brief else None
    return ActionRegister(
        as_of=day.isoformat(),
        as_of_long=long_date(day),
        assessed_on_long=long_date(assessment.assessed_on),
        since_label=first_label,
        total=len(register.actions),
        counts_text=counts_text(register.counts, "then" if since is not None else None)
        if register.actions
        else "",
        open=tuple(view for action, view in actions if action.is_open),
        overdue=overdue[:limit],
        carried_over=tuple(view for action, view in actions if action.carried_over and action.is_open),
        vanished=vanished[:limit],
        done_since=done_since[:limit],
        moved=moved[:limit],
        owners=owners[:BRIEF_OWNERS] if brief else owners,
        caution=one_person_caution(alone, brief=brief, guide="the Guide")
        if alone and not redactor.public
        else "",
        overdue_more=len(overdue) - len(overdue[:limit]),
        vanished_more=len(vanished) - len(vanished[:limit]),
        done_since_more=len(done_since) - len(done_since[:limit]),
        moved_more=len(moved) - len(moved[:limit]),
        moved_when_late=sum(view.days_late_when_moved is not None for view in moved),
        owners_more=len(owners) - len(owners[:BRIEF_OWNERS]) if brief else 0,
        owner_notes=() if redactor.public else register.owner_notes,  # they name people
        late_since_assessed=sum(
            1
            for action, _ in actions
            if action.overdue and action.due and action.due > assessment.assessed_on
        ),
    )


def _owner(load: OwnerLoad) -> RegisterOwner:
    return RegisterOwner(
        owner=load.owner,
        open=load.open,
        overdue=load.overdue,
        share=load.share,
        seats=load.seats,
        only_representative_of=load.only_representative_of,
    )


def _organizations(open_actions: Sequence[RegisterAction]) -> tuple[RegisterOwner, ...]:
    """The load per owner for the public: per organization (the owners as the public plan names
    them), without the seats people hold; actions with no owner are left out, as for people."""
    counted: dict[str, list[int]] = {}
    for action in open_actions:
        if action.owner:
            counts = counted.setdefault(action.owner, [0, 0])
            counts[0] += 1
            counts[1] += action.overdue
    rows = [
        RegisterOwner(
            owner=owner,
            open=open_,
            overdue=overdue,
            share=f"{open_} of {len(open_actions)}",
            seats=(),
            only_representative_of=(),
        )
        for owner, (open_, overdue) in counted.items()
    ]
    # an owner shown as "[name withheld]" (the public plan) after those named, at the same count
    return tuple(
        sorted(
            rows, key=lambda row: (-row.open, -row.overdue, row.owner.startswith("["), row.owner.casefold())
        )
    )
