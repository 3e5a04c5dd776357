"""The plan's one-page summary, in words its readers check against what they see.

- A score and its stage agree with the chart: 1.68 lies "between Emerging and Developing" (its bar
  ends between those gridlines), and the count beside it says how many indicators have reached the
  stage it is heading for ("14 of 22 indicators at Developing or above"). The scoring rule is
  unchanged: 1.68 means Emerging reached, Developing not yet, which the plan's appendix explains.
- Each priority comes with its next action: the open action (not done, not dropped) due first.
- Each next action late on the day the plan is made says so ("5 days late"): the summary is read alone.
- The decisions the coalition needs to make are read from the plan itself, each worded as a decision
  (whether, who, what, by when): whether to take on the priorities this tool suggests, what to do
  about the actions late on the plan's day (all of them, as the register counts them), whether the
  new dates hold for actions moved later when already late (moving a date took them off that list), the next step
  for a priority with no open action, an owner or a date for an open action without one, and, from
  the coalition profile, the Guide's elements of a formalized coalition not yet met and the
  stakeholder groups with no member. The data holds no resources asked for, so the plan promises none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from coalition_cli.core.checks.rubric import linked_stages_differ
from coalition_cli.core.model.values import CLOSED
from coalition_cli.core.plan.context import (
    ActionRegister,
    Need,
    PlanAction,
    Priority,
    RegisterAction,
    TargetOutcome,
    TargetsFollowedUp,
)
from coalition_cli.core.reports.comparison import NAMED_IN_COUNTS, change_counts, counted_as_one
from coalition_cli.core.reports.document import stage_text
from coalition_cli.core.scoring import Scorecard, stage_of
from coalition_cli.core.wording import and_list, plural

if TYPE_CHECKING:
    from coalition_cli.core.model.framework import Framework
    from coalition_cli.core.reports.comparison import Comparison
    from coalition_cli.core.reports.roster.report import RosterReport
    from coalition_cli.core.reports.targets import TargetFollowUp


def place(framework: Framework, exact: Fraction | None) -> str:
    """Where a score lies among the stages: "between Emerging and Developing", "at Developing"."""
    stage = stage_of(framework, exact)
    if exact is None or stage is None:
        return "not rated yet"
    if exact == stage or stage >= framework.top_stage:
        return f"at {framework.stage_name(stage)}"
    return f"between {framework.stage_name(stage)} and {framework.stage_name(stage + 1)}"


def reached_text(framework: Framework, card: Scorecard) -> str:
    """ "14 of 22 indicators at Developing or above": the stage the overall score is heading for (its
    own stage when it sits exactly on one), and how many rated indicators have reached it."""
    stage = stage_of(framework, card.exact)
    if card.exact is None or stage is None:
        return ""
    heading = stage if card.exact == stage else min(stage + 1, framework.top_stage)
    count = sum(i.stage is not None and i.stage >= heading for i in card.indicators)
    name = framework.stage_name(heading)
    at = f"at {name}" if heading == framework.top_stage else f"at {name} or above"
    whole = plural(card.total, "indicator") if card.rated == card.total else f"{card.rated} rated indicators"
    return f"{count} of {whole} {at}"


def same_words(framework: Framework, group: Sequence[str]) -> str:
    """Why linked indicators count once, in plain words: "C1.3 Work-based Learning Leadership and
    C6.1 WBL Leadership are described in the same words by the rubric"."""
    return f"{and_list(framework.named(i) for i in group)} are described in the same words by the rubric"


def change_sentence(comparison: Comparison) -> str:
    """ "5 indicators advanced, 1 declined, 15 unchanged. C1.3 Work-based Learning Leadership and C6.1
    WBL Leadership count as one." (a sentence of its own: in brackets after the counts, it was read
    as naming the last of them). The counts are `Comparison.counts`, as `compare` and `summary` give
    them; shorter than `compare`'s headline, as the plan's appendix says why they count as one."""
    text = change_counts(comparison)
    linked = counted_as_one(comparison)
    return f"{text}. {linked}." if linked else f"{text}."


def next_action(actions: Sequence[PlanAction]) -> PlanAction | None:
    """The open action due first (undated ones after the dated), or None when every action is closed."""
    open_actions = [(n, a) for n, a in enumerate(actions) if a.status not in CLOSED]
    if not open_actions:
        return None
    return min(open_actions, key=lambda item: (item[1].due is None, item[1].due or "", item[0]))[1]


def targets_followed_up(
    follow_up: TargetFollowUp | None, anchors: dict[str, str]
) -> TargetsFollowedUp | None:
    """Last term's targets for the plan; None when it set none."""
    if follow_up is None or not follow_up.total:
        return None
    outcomes = tuple(
        TargetOutcome(
            id=check.id,
            name=check.name,
            anchor=anchors.get(check.id),
            target=check.target,
            target_name=check.target_name,
            before_name=check.stage_then_name,
            after_name=check.stage_now_name,
            result=check.result,
        )
        for check in follow_up.checks
    )
    not_rated = tuple(o for o in outcomes if o.result == "not rated")
    order = ("further away", "not rated", "not yet")
    missed = tuple(
        sorted((o for o in outcomes if o.result != "reached"), key=lambda o: order.index(o.result))
    )
    return TargetsFollowedUp(
        total=follow_up.total,
        reached=follow_up.count("reached"),
        not_yet=follow_up.count("not yet"),
        further_away=follow_up.count("further away"),
        not_rated=follow_up.count("not rated"),
        sentence=follow_up.sentence(),
        outcomes=outcomes,
        missed=missed,
        missed_further=tuple(o for o in outcomes if o.result == "further away"),
        missed_not_yet=tuple(o for o in outcomes if o.result == "not yet"),
        missed_not_rated=not_rated if len(not_rated) <= NAMED_IN_COUNTS else (),
    )


FORMALIZATION_DECISIONS = {
    "clear-definition": "How to write down the coalition’s membership, roles, vision and structure",
    "designated-leaders": "Who leads the coalition: an executive committee, co-chairs or a rotation",
    "formal-structure": "How the coalition is organized: an executive committee, working groups, and how they report",
    "regular-meetings": "How often the coalition and its committees meet",
    "organizational-commitment": "Whether to ask each member to commit as an organization",
    "master-plan": "Who drafts a master plan, and by when",
}
"""Each element of a formalized coalition (the Guide, Step 6) not yet met, as the decision it asks for:
this tool's wording, by the element's id (an element without one is named as the Guide names it)."""


def _named(action: RegisterAction | PlanAction, indicator: str) -> str:
    return f"“{action.action}” ({indicator})"


def overdue_need(register: ActionRegister) -> Need | None:
    """What to do about the actions late on the day the plan is made, counted as the register counts
    them (every action of the assessment, not only the priorities'); one line, so the summary still
    prints on one page (a lone late action is named); None if none."""
    if not register.overdue:
        return None
    count = len(register.overdue) + register.overdue_more
    longest = register.overdue[0]
    late = plural(longest.days_late or 0, "day")
    # a plan made weeks after the assessment: some may be done since, which the file does not know yet
    recorded = (
        f" (as recorded on {register.assessed_on_long})"
        if register.as_of_long != register.assessed_on_long
        else ""
    )
    if count == 1:
        about = f"{longest.indicator} {longest.indicator_name}".strip()
        text = (
            f"What to do about {_named(longest, about)}, {late} late on {register.as_of_long}{recorded}: "
            "a new date, a new owner, or drop it."
        )
    else:
        text = (
            f"What to do about each of the {count} actions late on {register.as_of_long}{recorded}: "
            "a new date, a new owner, or drop it."
        )
    return Need(text=text, about="overdue actions", source="actions")


def moved_need(register: ActionRegister) -> Need | None:
    """Whether the new dates hold, for the open actions whose due date was moved later when it had
    already passed: moving it took them off the overdue list, and the coalition should know and
    agree (one line; a lone one is named); None if none."""
    count = register.moved_when_late
    if not count:
        return None
    if count == 1:
        first = register.moved[0]  # the ones moved when late come first
        about = f"{first.indicator} {first.indicator_name}".strip()
        text = (
            f"Whether the new date holds for {_named(first, about)}: due moved from "
            f"{first.due_moved_from_long} to {first.due_long or 'no date'} when it was "
            f"{plural(first.days_late_when_moved or 0, 'day')} late."
        )
    else:
        text = (
            f"Whether the new dates hold for the {count} actions whose due date was moved when they "
            f"were already late (listed under “Actions between meetings”)."
        )
    return Need(text=text, about="moved actions", source="actions")


def linked_apart(framework: Framework, stages: Mapping[str, int | None]) -> tuple[Need, ...]:
    """Linked indicators (one practice, described in the same words by the rubric) rated at
    different stages, each as the decision it asks for (validate warns of it too)."""
    found = []
    for group in framework.linked:
        if not linked_stages_differ(stages.get(i) for i in group.indicators):
            continue
        rated = [(i, stages.get(i)) for i in group.indicators if stages.get(i) is not None]
        named = and_list(framework.named(i) for i, _ in rated)
        given = and_list(stage_text(framework, stage) for _, stage in rated)
        found.append(
            Need(
                text=f"Which one stage {named} are at: the rubric describes them in the same words, "
                f"and they are rated {given}.",
                about=", ".join(i for i, _ in rated),
                source="ratings",
            )
        )
    return tuple(found)


def needs(
    priorities: Sequence[Priority],
    actions: dict[str, tuple[PlanAction, ...]],
    roster: RosterReport | None,
    register: ActionRegister | None = None,
    disagreements: Sequence[Need] = (),
) -> tuple[Need, ...]:
    """The decisions the coalition needs to make, each worded as one, from the priorities, their
    actions, the register of every action (the late ones) and the profile; `disagreements`
    (`linked_apart`) first, as they change what the rest reads."""
    result: list[Need] = list(disagreements)
    suggested = [p for p in priorities if p.suggested]
    if suggested:
        ranks = and_list(str(p.rank) for p in suggested)
        which = (
            f"priority {ranks}, which this tool suggests"
            if len(suggested) == 1
            else f"priorities {ranks}, which this tool suggests"
        )
        result.append(
            Need(
                text=f"Whether to take on {which}, and who leads {'it' if len(suggested) == 1 else 'each'}.",
                about="suggested priorities",
                source="priorities",
            )
        )
    overdue = overdue_need(register) if register is not None else None
    if overdue is not None:
        result.append(overdue)
    moved = moved_need(register) if register is not None else None
    if moved is not None:
        result.append(moved)
    for priority in priorities:
        if priority.suggested or priority.aim is None:
            continue
        if priority.open_actions == 0:
            result.append(
                Need(
                    text=f"What to do next on {priority.id} {priority.name}, who leads it and by when: "
                    "no action is open.",
                    about=priority.id,
                    source="actions",
                )
            )
        for action in actions.get(priority.id, ()):
            if action.status in CLOSED:
                continue
            named_action = _named(action, f"{priority.id} {priority.name}")
            if not action.owner:
                text = f"Who owns {named_action}{', and by when' if not action.due else ''}."
            elif not action.due:
                text = f"By when {named_action} is due."
            else:
                continue
            result.append(Need(text=text, about=priority.id, source="actions"))
    if roster is not None:
        for check in roster.formalization:
            if check.status == "not-met":
                decision = FORMALIZATION_DECISIONS.get(check.id, f"What to do about {check.name}")
                result.append(
                    Need(
                        text=f"{decision} (the Guide’s Step 6). {check.reason}",
                        about=f"the Guide, Step 6: {check.name}",
                        source="roster",
                    )
                )
        missing_groups = [group.name for group in roster.missing_groups]
        if missing_groups:
            result.append(
                Need(
                    text="Whom to invite from the stakeholder groups the Guide names that have no member yet: "
                    + "; ".join(missing_groups)
                    + ".",
                    about="the Guide, Step 2",
                    source="roster",
                )
            )
    return tuple(result)
