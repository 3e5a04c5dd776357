"""`coalition rate`'s run: ratings, evidence and actions set in the file without prompts, each change said."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from coalition_cli.core.editing.assessment_file import AssessmentFile
    from coalition_cli.core.editing.rating_edits import Clear, RatingEdit
    from coalition_cli.core.model.assessment import Rating
    from coalition_cli.core.model.framework import Framework
    from coalition_cli.core.model.values import ActionStatus


NOTE = ("note:", "yellow")
"""How a note `rate` says begins (yellow on a terminal)."""


def rate(
    file: Path,
    ratings: list[str],
    evidence: str | None = None,
    no_evidence: bool = False,
    target: str | None = None,
    priority: bool | None = None,
    action: str | None = None,
    action_number: int | None = None,
    owner: str | None = None,
    due: str | None = None,
    status: str | None = None,
) -> None:
    """Set the ratings given (`ID=STAGE`), or with one indicator alone show its actions or change
    what the options say; the file is saved in one safe step, and every change is said."""
    from coalition_cli.cli.assess.wording import early_due
    from coalition_cli.cli.output.messages import Messages
    from coalition_cli.core.editing.assessment_file import AssessmentFile
    from coalition_cli.core.editing.rating_edits import clean_line
    from coalition_cli.core.errors import ReadError
    from coalition_cli.core.yaml.splices import comments_kept

    if not file.exists():
        raise ReadError(
            f"{file} does not exist",
            hint=f"start it with `coalition assess {file}` (asks as it goes) or `coalition init {file}`",
        )
    assessment = AssessmentFile(file)
    fw = assessment.framework
    given = _options_given(evidence, no_evidence, target, priority, action, action_number)
    alone = len(ratings) == 1 and "=" not in ratings[0]
    of_an_action = owner is not None or due is not None or status is not None
    if alone and not given and not of_an_action:
        _show_indicator(fw, assessment, ratings[0], file)  # `rate FILE C6.2`: its actions, by number
        return
    wanted: dict[str, int | None]
    if alone:
        # `rate FILE C1.1 --target 4`: the stage kept (an action needs none)
        wanted = _at_its_stage(fw, ratings[0], assessment.stage, unrated=_actions_only(given))
    else:
        wanted = dict(_parse(fw, ratings, shown_with=_show_command(file, assessment.assessment.framework)))
    decided = _decisions(
        fw,
        wanted,
        evidence=evidence,
        no_evidence=no_evidence,
        target=target,
        priority=priority,
        action=action,
        action_number=action_number,
        owner=owner,
        due=due,
        status=status,
    )
    before = {indicator: assessment.rating(indicator) for indicator in wanted}
    for indicator in wanted:
        _check_action_number(fw, decided, before[indicator], indicator, file)
    stages = {indicator: assessment.stage(indicator) for indicator in wanted}
    text_before = assessment.text
    written_before = {indicator: assessment.written(indicator) for indicator in wanted}
    changed = assessment.apply(
        *(_edit(indicator, stage, decided, before[indicator]) for indicator, stage in wanted.items())
    )
    said = Messages()
    today = dt.date.today()
    for indicator, stage in wanted.items():
        old = stages[indicator]
        was = "was not rated" if old is None else f"was {old} {fw.stage_name(old)}"
        if old == stage or stage is None:
            was = "unchanged"
        name = fw.indicator(indicator).name
        now = "not rated" if stage is None else f"{stage} {fw.stage_name(stage)}"
        said.say(f"{indicator} {name}: {now} ({was})")
        for line in _what_else_changed(fw, decided, before[indicator], width=said.width - 2, today=today):
            said.say(line)
        aim = decided.get("target")
        if isinstance(aim, int) and stage is not None and aim <= stage:
            said.say(NOTE, f" a target is usually above the stage ({indicator} is at {stage}).")
        apart = _linked_apart(fw, indicator, stage, wanted, assessment.stage) if stage is not None else ""
        if apart:
            said.say(NOTE, f" {apart}")
        if changed:
            keys = ("stage", "target", "priority")
            was_written, now_written = written_before[indicator], assessment.written(indicator)
            for key, comment in comments_kept(
                text_before, ("ratings", indicator), was_written, now_written, keys
            ):
                said.say(
                    NOTE,
                    f" the comment beside {indicator}'s {key} is kept (“{comment}”): change it if it no longer holds.",
                )
    for when in _due_dates(decided):
        early = early_due(when, assessment.assessment.assessed_on)
        if early:
            said.say(NOTE, f" {early}")
    if owner and (action or action_number) and clean_line(owner).casefold() not in _NONE:
        from coalition_cli.core.reports.actions.owners import meant_owner

        meant = meant_owner(owner, assessment.assessment.participants)
        if meant is not None:  # saved as typed (nobody is asked here), but said: two owners otherwise
            said.say(
                NOTE,
                f" {owner} is not a participant’s name: did you mean {meant}? The actions register counts "
                "the two as two owners; change it in the file if so.",
            )
    if changed:
        said.say(("Saved", "green"), f" {file}.")
    else:
        said.say(f"Nothing to change: {file} already says this.")


def _linked_apart(
    fw: Framework,
    indicator: str,
    stage: int,
    now: Mapping[str, int | None],
    stage_of: Callable[[str], int | None],
) -> str:
    """Said when the stage just given parts an indicator from a linked one (the rubric's one practice
    seen twice), as `validate` would warn: "" otherwise. `now`: the stages of this run."""
    group = fw.linked_group(indicator)
    if group is None:
        return ""
    others = [(other, now[other] if other in now else stage_of(other)) for other in group.indicators]
    apart = [(other, at) for other, at in others if other != indicator and at is not None and at != stage]
    if not apart:
        return ""
    said = " and ".join(f"{other} is at {at} {fw.stage_name(at)}" for other, at in apart)
    return (
        f"{indicator} and {', '.join(other for other, _ in apart)} are one practice (the rubric links "
        f"them), and {said}: give them one stage."
    )


def _decisions(
    fw: Framework,
    wanted: dict[str, int | None],
    *,
    evidence: str | None,
    no_evidence: bool,
    target: str | None,
    priority: bool | None,
    action: str | None,
    action_number: int | None,
    owner: str | None,
    due: str | None,
    status: str | None,
) -> dict[str, Any]:
    """What the room decided for the one indicator rated: its evidence, target, priority, an action
    added or one changed, as the fields of a `RatingEdit`. Every mistake is a usage error (exit 2),
    and nothing is written. One text is never recorded as the evidence of several indicators: it
    would replace each one's own, which the team wrote for that indicator."""
    from coalition_cli.core.editing.rating_edits import CLEAR, clean_text, control_character
    from coalition_cli.core.errors import UsageError
    from coalition_cli.core.session import typed_stage_number
    from coalition_cli.core.wording import printable

    for name, text in (("--evidence", evidence), ("--action", action), ("--owner", owner)):
        found = control_character(text or "")
        if found is not None:
            raise UsageError(
                f"{name} holds a control character ({printable(found)}), not text: type the text "
                "again without it; nothing was changed"
            )
    if (
        (owner is not None or due is not None or status is not None)
        and action is None
        and action_number is None
    ):
        raise UsageError(
            "--owner, --due and --status go with --action (a new action) or --action-number (one "
            "already there): say which action, then who leads it, by when and how far along it is"
        )
    if evidence is not None and no_evidence:
        raise UsageError("--evidence and --no-evidence ask for opposite things: give one of them")
    given = _options_given(evidence, no_evidence, target, priority, action, action_number)
    if not given:
        return {}
    if len(wanted) != 1:
        first = next(iter(wanted))
        raise UsageError(
            f"{', '.join(given)} {'applies' if len(given) == 1 else 'apply'} to one indicator, and "
            f"{len(wanted)} are rated here: nothing was changed",
            hint=f"rate one at a time, like `coalition rate FILE {first}={wanted[first]} {given[0]} …`",
        )
    decided: dict[str, Any] = {}
    if evidence is not None:
        decided["evidence"] = clean_text(evidence)
        if not decided["evidence"]:
            raise UsageError(
                "--evidence is empty: say what shows the stage, like --evidence 'Charter signed in March'",
                hint="--no-evidence removes the evidence there",
            )
    elif no_evidence:
        decided["evidence"] = CLEAR
    if target is not None:
        if target.strip().casefold() in ("none", "no", "-"):
            decided["target"] = CLEAR
        else:
            try:
                decided["target"] = typed_stage_number(fw, target)
            except ValueError as error:
                raise UsageError(
                    f"--target {target!r}: {error}", hint=f"stages: {fw.stage_choices()}"
                ) from None
    if priority is not None:
        decided["priority"] = True if priority else CLEAR
    if action is not None or action_number is not None:
        decided.update(_action_decided(action, action_number, owner, due, status))
    return decided


_NONE = ("none", "-")
"""What `--owner`, `--due` and `--status` take to remove a value from an action already there."""


def _action_decided(
    action: str | None, number: int | None, owner: str | None, due: str | None, status: str | None
) -> dict[str, Any]:
    """A new action (`--action` alone), or a change to action `number` (`--action-number`, its new
    wording in `--action`), as the fields of a `RatingEdit`. `none` removes an owner, a due date or a
    status from an action already there; for a new one it is the same as leaving it out."""
    from coalition_cli.core.editing.rating_edits import CLEAR, ChangeAction, Clear, NewAction, clean_line
    from coalition_cli.core.errors import UsageError
    from coalition_cli.core.session import typed_date, typed_status

    what = clean_line(action) if action is not None else None
    if what == "":
        raise UsageError("--action is empty: say what the team will do, like --action 'Adopt the charter'")
    who: str | Clear | None = None
    if owner is not None:
        who = CLEAR if clean_line(owner).casefold() in _NONE else clean_line(owner)
    when: dt.date | Clear | None = None
    if due is not None:
        try:
            when = CLEAR if due.strip().casefold() in _NONE else typed_date(due)
        except ValueError as error:
            raise UsageError(f"--due: {error}") from None
    how: ActionStatus | Clear | None = None
    if status is not None:
        try:
            how = CLEAR if status.strip().casefold() in _NONE else typed_status(status)
        except ValueError as error:
            raise UsageError(f"--status: {error}") from None
    if number is None:  # a new action: `none` is as good as nothing
        assert what is not None
        added = NewAction(
            what,
            who if isinstance(who, str) and who else None,
            when if isinstance(when, dt.date) else None,
            how if not isinstance(how, Clear) else None,
        )
        return {"add_actions": (added,)}
    if what is None and who is None and when is None and how is None:
        raise UsageError(
            f"--action-number {number} says which action to change: say what to change, with --status, "
            "--due, --owner, or --action for its new wording",
            hint="like `--action-number 2 --status done`",
        )
    if who == "":
        raise UsageError("--owner is empty: give a name, or `--owner none` to remove the owner")
    return {"action_ops": (ChangeAction(number - 1, what, who, when, how),)}


def _due_dates(decided: dict[str, Any]) -> list[dt.date]:
    """The due dates given to an action, new or changed (one set before the assessment is asked about)."""
    ops = [op.due for op in decided.get("action_ops", ())]
    added = [new.due for new in decided.get("add_actions", ())]
    return [when for when in (*ops, *added) if isinstance(when, dt.date)]


def _actions_only(given: list[str]) -> bool:
    """Whether the options given change only actions: that needs no stage, and an indicator a new term
    has not rated yet holds the actions carried over to it."""
    return set(given) <= {"--action", "--action-number"}


def _check_action_number(
    fw: Framework, decided: dict[str, Any], rating: Rating | None, indicator: str, file: Path
) -> None:
    """An action number the indicator does not have is a usage error that lists the actions it has."""
    from coalition_cli.cli.assess.wording import numbered_actions
    from coalition_cli.core.errors import UsageError

    actions = rating.actions if rating is not None else ()
    for op in decided.get("action_ops", ()):
        if 0 <= op.index < len(actions):
            continue
        name = fw.indicator(indicator).label
        if not actions:
            raise UsageError(
                f"{name} has no actions yet, so there is no action {op.index + 1} to change: nothing was changed",
                hint=f"add one with `coalition rate {_quoted(file)} {indicator} --action TEXT`",
            )
        listed = "\n  ".join(
            f"{number} {text}" for number, text in numbered_actions(actions, dt.date.today())
        )
        raise UsageError(
            f"{name} has no action {op.index + 1}: its actions are numbered 1 to {len(actions)}, and "
            f"nothing was changed. They are:\n  {listed}"
        )


def _show_indicator(fw: Framework, assessment: AssessmentFile, typed: str, file: Path) -> None:
    """`rate FILE C6.2`, with nothing to change: the indicator as the file has it, its actions by the
    numbers `--action-number` takes, and how to change one."""
    from rich.markup import escape
    from rich.table import Table

    from coalition_cli.cli.assess.wording import numbered_actions, stage_label
    from coalition_cli.cli.console import stdout
    from coalition_cli.core.session import resolve_ids

    indicator = resolve_ids(fw, [typed], kind="indicator")[0]
    rating = assessment.rating(indicator)
    said = [stage_label(fw, assessment.stage(indicator))]
    target = _target_of(fw, rating)
    if target is not None:
        said.append(f"target {stage_label(fw, target)}")
    if rating is not None and rating.priority:
        said.append("a priority")
    console = stdout()
    console.print(f"{escape(fw.indicator(indicator).label)}: {escape(', '.join(said))}")
    name = _quoted(file)
    actions = rating.actions if rating is not None else ()
    if actions:
        console.print("Its actions, by the number --action-number takes:")
        grid = Table.grid(padding=(0, 1, 0, 2))
        grid.add_column(no_wrap=True, justify="right")
        grid.add_column()
        for number, text in numbered_actions(actions, dt.date.today()):
            grid.add_row(number, escape(text))
        console.print(grid)
        example = f"coalition rate {name} {indicator} --action-number {len(actions)} --status done"
        console.print(
            f"To change one: [bold]{escape(example)}[/] (or --due, --owner, --action for its wording)."
        )
    else:
        console.print("No actions yet.")
    console.print(
        f"To add one: [bold]{escape(f'coalition rate {name} {indicator} --action TEXT --owner WHO --due DATE')}[/]."
    )


def _target_of(fw: Framework, rating: Rating | None) -> int | None:
    from coalition_cli.core.model.stages import parse_stage

    return parse_stage(fw, rating.target) if rating is not None and rating.target is not None else None


def _quoted(file: Path) -> str:
    import shlex

    return shlex.quote(str(file))


def _options_given(
    evidence: str | None,
    no_evidence: bool,
    target: str | None,
    priority: bool | None,
    action: str | None,
    action_number: int | None = None,
) -> list[str]:
    """The options given that record a decision for one indicator (`--no-priority` is one too)."""
    return [
        name
        for name, value in (
            ("--evidence", evidence),
            ("--no-evidence", True if no_evidence else None),
            ("--target", target),
            ("--priority", priority),
            ("--action", action),
            ("--action-number", action_number),
        )
        if value is not None
    ]


def _edit(indicator: str, stage: int | None, decided: dict[str, Any], before: Rating | None) -> RatingEdit:
    """The change to make. Evidence the same as the file's is left alone, so the file keeps its
    own wording of it (a block, quotes) byte for byte."""
    from coalition_cli.core.editing.rating_edits import RatingEdit

    fields = dict(decided)
    if fields.get("evidence") == _evidence(before):
        del fields["evidence"]
    return RatingEdit(indicator, stage=stage, **fields)


def _evidence(rating: Rating | None) -> str:
    """A rating's evidence as `--evidence` would give it (tidied), or "" when it has none."""
    from coalition_cli.core.editing.rating_edits import clean_text

    return clean_text(rating.evidence) if rating is not None and rating.evidence else ""


def _what_else_changed(
    fw: Framework, decided: dict[str, Any], before: Rating | None, *, width: int, today: dt.date
) -> list[str]:
    """Every change made beside the stage, one line each (indented under the indicator), naming what
    it replaced: nothing the team wrote goes without being said. Lines fit in `width` cells (the old
    evidence is cut). A changed action is named with its number, and each part of it on a line."""
    from coalition_cli.cli.assess.wording import action_changes, describe_action, stage_label
    from coalition_cli.core.editing.rating_edits import CLEAR
    from coalition_cli.core.model.stages import parse_stage

    said: list[str] = []
    if "evidence" in decided:
        new, old = decided["evidence"], _evidence(before)
        written = before.evidence if before is not None and before.evidence else ""  # shown as it is
        if new is CLEAR:
            said.append(_with_old("evidence removed", written, width) if old else "no evidence to remove")
        elif not old:
            said.append("evidence added")
        else:
            said.append(
                "evidence unchanged" if new == old else _with_old("evidence replaced", written, width)
            )
    if "target" in decided:
        aim = decided["target"]
        had = parse_stage(fw, before.target) if before is not None and before.target is not None else None
        if aim is CLEAR:
            said.append(
                f"target removed (was {stage_label(fw, had)})" if had is not None else "no target to remove"
            )
        elif had is None:
            said.append(f"target added: {stage_label(fw, aim)}")
        elif had == aim:
            said.append(f"target unchanged: {stage_label(fw, aim)}")
        else:
            said.append(f"target replaced: {stage_label(fw, aim)} (was {stage_label(fw, had)})")
    if "priority" in decided:
        was = before is not None and before.priority
        if decided["priority"] is True:
            said.append("still a priority" if was else "marked a priority")
        else:
            said.append("no longer a priority" if was else "still not a priority")
    said += [f"action added: {describe_action(new)}" for new in decided.get("add_actions", ())]
    lines = [f"  {line}" for line in said]
    actions = before.actions if before is not None else ()
    for op in decided.get("action_ops", ()):
        old = actions[op.index]
        lines.append(f"  action {op.index + 1}: {op.action or old.action}")
        lines += [f"    {line}" for line in action_changes(old, op, today)]
    return lines


def _with_old(said: str, old: str, width: int) -> str:
    """`evidence replaced (was: “Working groups…”)`: the old text on one line, cut at a word to fit."""
    from rich.cells import cell_len

    from coalition_cli.cli.output.fitting import fit
    from coalition_cli.core.wording import printable

    frame = f"{said} (was: “”)"
    shown = fit(printable(" ".join(old.split())), max(width - cell_len(frame), 12))
    return f"{said} (was: “{shown}”)"


def _show_command(file: Path, reference: str) -> str:
    """The command that shows this file's rubric, typed from the working folder."""
    import os
    import shlex

    from coalition_cli.core.loading.frameworks import DEFAULT_FRAMEWORK, framework_path, looks_like_path

    if reference == DEFAULT_FRAMEWORK:
        return "coalition framework show"
    if looks_like_path(reference):
        reference = os.path.relpath(framework_path(reference, relative_to=file.parent))
    return f"coalition framework show --framework {shlex.quote(reference)}"


def _at_its_stage(
    fw: Framework, typed: str, stage_of: Callable[[str], int | None], *, unrated: bool
) -> dict[str, int | None]:
    """`C1.1` given alone with --evidence, --target and the like: C1.1 at its stage now, so the room's
    decisions can be recorded without retyping the stage. An indicator not rated yet needs one,
    unless only its actions change (`unrated`): then it stays not rated (None)."""
    from coalition_cli.core.errors import UsageError
    from coalition_cli.core.session import resolve_ids

    indicator = resolve_ids(fw, [typed], kind="indicator")[0]
    stage = stage_of(indicator)
    if stage is None and not unrated:
        raise UsageError(
            f"{indicator} is not rated yet: nothing was changed",
            hint=f"give its stage too, like `{indicator}={fw.stage_numbers[0]}`; stages: {fw.stage_choices()}",
        )
    return {indicator: stage}


def _parse(fw: Framework, assignments: list[str], *, shown_with: str) -> dict[str, int]:
    """The ratings asked for; every mistake is reported at once, as a usage error."""
    from coalition_cli.core.errors import UsageError
    from coalition_cli.core.session import parse_assignments

    wanted, mistakes = parse_assignments(fw, assignments)
    if mistakes:
        raise UsageError(
            "nothing was changed, because:\n  " + "\n  ".join(mistakes),
            hint=f"stages: {fw.stage_choices()}; `{shown_with}` lists the indicators",
        )
    return wanted
