"""`coalition rate`: set ratings from the command line, without prompts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from coalition_cli.cli.app import app

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from coalition_cli.core.editing.rating_edits import RatingEdit
    from coalition_cli.core.model.assessment import Rating
    from coalition_cli.core.model.framework import Framework


@app.command()
def rate(
    file: Path = typer.Argument(..., metavar="FILE", help="The assessment file to change."),
    ratings: list[str] = typer.Argument(
        ...,
        metavar="ID=STAGE",
        help="Ratings to set: an indicator id, =, and a stage number or name (one id alone, with the "
        "options below, keeps its stage).",
    ),
    evidence: str | None = typer.Option(
        None,
        "--evidence",
        metavar="TEXT",
        help="What shows the stage (one indicator only); replaces the evidence there, and says what it was.",
    ),
    no_evidence: bool = typer.Option(
        False,
        "--no-evidence",
        help="Remove the indicator's evidence (one indicator only).",
    ),
    target: str | None = typer.Option(
        None,
        "--target",
        metavar="STAGE",
        help="The stage the team aims for next (one indicator only); `none` removes it.",
    ),
    priority: bool | None = typer.Option(
        None,
        "--priority/--no-priority",
        help="Mark the indicator as a priority, or no longer (one indicator only).",
    ),
    action: str | None = typer.Option(
        None, "--action", metavar="TEXT", help="An action the team commits to (one indicator only)."
    ),
    owner: str | None = typer.Option(None, "--owner", metavar="WHO", help="Who leads the --action."),
    due: str | None = typer.Option(
        None, "--due", metavar="DATE", help="When the --action is due, YYYY-MM-DD."
    ),
) -> None:
    """Set ratings without prompts: `coalition rate riverside.yaml C1.1=3 C2.4=developing` (or `C2.4=dev`).

    With one indicator, also its evidence and what the room decided: `--evidence "Charter signed in
    March" --target 4 --priority --action "Adopt the charter" --owner "Chamber of Commerce" --due
    2026-06-30`. The file is checked first (a file with problems is not changed), every value is
    checked against the framework, and the file is saved in one safe step, changing only those
    ratings' lines. It then says every change it made, and what each one replaced.
    """
    from rich.markup import escape

    from coalition_cli.cli.console import stdout
    from coalition_cli.core.editing.assessment_file import AssessmentFile
    from coalition_cli.core.errors import ReadError
    from coalition_cli.core.yaml.splices import comments_kept

    if not file.exists():
        raise ReadError(
            f"{file} does not exist",
            hint=f"start it with `coalition assess {file}` (asks as it goes) or `coalition init {file}`",
        )
    assessment = AssessmentFile(file)
    fw = assessment.framework
    given = _options_given(evidence, no_evidence, target, priority, action)
    if given and len(ratings) == 1 and "=" not in ratings[0]:
        ratings = [_at_its_stage(fw, ratings[0], assessment.stage)]  # `rate FILE C1.1 --target 4`
    wanted = _parse(fw, ratings, shown_with=_show_command(file, assessment.assessment.framework))
    decided = _decisions(
        fw,
        wanted,
        evidence=evidence,
        no_evidence=no_evidence,
        target=target,
        priority=priority,
        action=action,
        owner=owner,
        due=due,
    )
    before = {indicator: assessment.rating(indicator) for indicator in wanted}
    stages = {indicator: assessment.stage(indicator) for indicator in wanted}
    text_before = assessment.text
    written_before = {indicator: assessment.written(indicator) for indicator in wanted}
    changed = assessment.apply(
        *(_edit(indicator, stage, decided, before[indicator]) for indicator, stage in wanted.items())
    )
    console = stdout()
    for indicator, stage in wanted.items():
        old = stages[indicator]
        was = "was not rated" if old is None else f"was {old} {fw.stage_name(old)}"
        if old == stage:
            was = "unchanged"
        name = fw.indicator(indicator).name
        console.print(f"{escape(indicator)} {escape(name)}: {stage} {escape(fw.stage_name(stage))} ({was})")
        for said in _what_else_changed(fw, decided, before[indicator], width=console.width - 2):
            console.print(f"  {escape(said)}")
        aim = decided.get("target")
        if isinstance(aim, int) and aim <= stage:
            console.print(
                f"[yellow]note:[/] a target is usually above the stage ({indicator} is at {stage})."
            )
        apart = _linked_apart(fw, indicator, stage, wanted, assessment.stage)
        if apart:
            console.print(f"[yellow]note:[/] {escape(apart)}")
        if changed:
            keys = ("stage", "target", "priority")
            was_written, now_written = written_before[indicator], assessment.written(indicator)
            for key, comment in comments_kept(
                text_before, ("ratings", indicator), was_written, now_written, keys
            ):
                said = f"the comment beside {indicator}'s {key} is kept (“{comment}”): change it if it no longer holds."
                console.print(f"[yellow]note:[/] {escape(said)}")
    if owner and action:
        from coalition_cli.core.reports.actions.owners import meant_owner

        meant = meant_owner(owner, assessment.assessment.participants)
        if meant is not None:  # saved as typed (nobody is asked here), but said: two owners otherwise
            console.print(
                f"[yellow]note:[/] {escape(f'{owner} is not a participant’s name: did you mean {meant}? The actions register counts the two as two owners; change it in the file if so.')}"
            )
    if changed:
        console.print(f"[green]Saved[/] {escape(str(file))}.")
    else:
        console.print(f"Nothing to change: {escape(str(file))} already says this.")


def _linked_apart(
    fw: Framework,
    indicator: str,
    stage: int,
    now: Mapping[str, int],
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
    wanted: dict[str, int],
    *,
    evidence: str | None,
    no_evidence: bool,
    target: str | None,
    priority: bool | None,
    action: str | None,
    owner: str | None,
    due: str | None,
) -> dict[str, Any]:
    """What the room decided for the one indicator rated: its evidence, target, priority and an
    action, as the fields of a `RatingEdit`. Every mistake is a usage error (exit 2), and nothing is
    written. One text is never recorded as the evidence of several indicators: it would replace
    each one's own, which the team wrote for that indicator."""
    from coalition_cli.core.editing.rating_edits import (
        CLEAR,
        NewAction,
        clean_line,
        clean_text,
        control_character,
    )
    from coalition_cli.core.errors import UsageError
    from coalition_cli.core.session import typed_date, typed_stage_number
    from coalition_cli.core.wording import printable

    for name, text in (("--evidence", evidence), ("--action", action), ("--owner", owner)):
        found = control_character(text or "")
        if found is not None:
            raise UsageError(
                f"{name} holds a control character ({printable(found)}), not text: type the text "
                "again without it; nothing was changed"
            )
    if (owner is not None or due is not None) and action is None:
        raise UsageError(
            "--owner and --due go with --action: say what the action is, then who leads it and by when"
        )
    if evidence is not None and no_evidence:
        raise UsageError("--evidence and --no-evidence ask for opposite things: give one of them")
    given = _options_given(evidence, no_evidence, target, priority, action)
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
    if action is not None:
        what = clean_line(action)
        if not what:
            raise UsageError(
                "--action is empty: say what the team will do, like --action 'Adopt the charter'"
            )
        try:
            when = typed_date(due or "")
        except ValueError as error:
            raise UsageError(f"--due: {error}") from None
        decided["add_actions"] = (NewAction(what, clean_line(owner or "") or None, when),)
    return decided


def _options_given(
    evidence: str | None, no_evidence: bool, target: str | None, priority: bool | None, action: str | None
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
        )
        if value is not None
    ]


def _edit(indicator: str, stage: int, decided: dict[str, Any], before: Rating | None) -> RatingEdit:
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
    fw: Framework, decided: dict[str, Any], before: Rating | None, *, width: int
) -> list[str]:
    """Every change made beside the stage, one line each, naming what it replaced: nothing the
    team wrote goes without being said. Lines fit in `width` cells (the old evidence is cut)."""
    from coalition_cli.cli.assess.wording import describe_action, stage_label
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
    return said


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


def _at_its_stage(fw: Framework, typed: str, stage_of: Callable[[str], int | None]) -> str:
    """`C1.1` given alone with --evidence, --target and the like: `C1.1=<its stage now>`, so the
    room's decisions can be recorded without retyping the stage. An indicator not rated yet needs one."""
    from coalition_cli.core.errors import UsageError
    from coalition_cli.core.session import resolve_ids

    indicator = resolve_ids(fw, [typed], kind="indicator")[0]
    stage = stage_of(indicator)
    if stage is None:
        raise UsageError(
            f"{indicator} is not rated yet: nothing was changed",
            hint=f"give its stage too, like `{indicator}={fw.stage_numbers[0]}`; stages: {fw.stage_choices()}",
        )
    return f"{indicator}={stage}"


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
