"""The line-by-line session of `coalition assess`: for pipes, screen readers, `TERM=dumb` and `--plain`.

The state lives in `core.session.Session`; every answer is saved at once through the session's
`SessionFile` (the safe editor, with undo), as on the full screen: another editor's change to other
parts of the same indicator is merged, one to the same part is asked about, and a file that cannot
be saved (someone's editor left it broken) says its problem and waits to be fixed. No save problem
ends the session, and nothing typed is lost. Ctrl-C, the end of input or a closed terminal at any
prompt keeps every answer already given, says where the session stopped, what was not saved, and
how to carry on, and exits 130 (129 for a closed terminal). Keys are commands, text is text: a lone
`s`, `b` or `q` at the evidence or action prompt moves on, goes back or quits, and is never saved
as evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from coalition_cli.cli.assess import asking
from coalition_cli.cli.assess.asking import (
    EXIT_HANGUP,
    EXIT_TERMINATED,
    HangUp,
    Terminated,
    answer,
    hang_up_stops,
    interrupts_held,
    more_pasted,
    yes_or_no,
)
from coalition_cli.cli.assess.ending import Ending
from coalition_cli.cli.assess.keeping import keep_action, keep_evidence
from coalition_cli.cli.assess.startup import AssessOptions, Opened
from coalition_cli.cli.assess.wording import (
    ELSEWHERE,
    action_changes,
    action_not_saved,
    answers_not_saved,
    dated_earlier,
    describe_action,
    earlier_rating,
    early_due,
    evidence_not_saved,
    not_carried,
    numbered_actions,
    part_given,
    part_now,
    stage_label,
    undone,
    what_to_do,
    when_assessed,
    why_not_saved,
)
from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.editing.rating_edits import ChangeAction, RatingEdit
from coalition_cli.core.editing.session_file import Clash, Done, Failed, SessionFile
from coalition_cli.core.errors import EXIT_INTERRUPTED
from coalition_cli.core.loading.assessments import LoadedAssessment
from coalition_cli.core.model.abbreviations import said
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.model.values import status_words
from coalition_cli.core.reports.actions.owners import meant_owner
from coalition_cli.core.session import (
    ActionCommand,
    Command,
    Kind,
    command_like,
    parse_action_command,
    parse_command,
    text_command,
    typed_due,
)
from coalition_cli.core.wording import plural

BAR_WIDTH = 30

Seen = Mapping[str, Any] | None
"""A rating as the facilitator saw it when a question was asked (`SessionFile.written`)."""

_EVIDENCE_HELP = (
    "What shows the coalition is at this stage: meetings, documents, data. Type it in one or several "
    "lines; an empty line finishes. Press Enter at once to leave it out (or to keep what is there); "
    "type clear to remove it; s moves on, b goes back to the stage, q saves and quits."
)
_ACTION_HELP = (
    "Something the team will do to move forward, for example: Adopt the charter. Press Enter to move on. "
    "To change an action listed above, type what to change and its number: done 1, dropped 1, planned 1 "
    "or progress 1 (in progress) for its status; due 1 2027-03-31 for its due date; owner 1 Priya "
    "Natarajan for who leads it (due 1 none and owner 1 none remove them); delete 1 removes the action."
)
_CHANGES = "done 1, dropped 1, progress 1, planned 1, due 1 DATE, owner 1 NAME or delete 1"
"""The commands that change an action listed, as the action question lists them."""
_OWNER_HELP = "Who leads the action: a person or an organization. Press Enter to leave it out."
_DUE_HELP = "When the action is due, written year-month-day like 2026-06-30. Press Enter to leave it out."
_RETRY_HELP = (
    "The answer could not be saved. Fix the file in an editor and save it, then press Enter here to save "
    "the answer again; or type s to go on without it (what you typed is printed, to paste in again later)."
)
_CLASH_HELP = "Someone else saved the same answer while you were at it: choose whose to keep, by its letter."
_MOVES = (Kind.SKIP, Kind.BACK, Kind.QUIT)
"""What a lone word at the evidence or action prompts does instead of being saved as text."""


def run_plain(console: Console, opened: Opened) -> None:
    """The whole session, line by line, after the file is open."""
    Walk(console, opened).run()


class Walk:
    """One run through the session's indicators at the terminal."""

    def __init__(self, console: Console, opened: Opened) -> None:
        self.console = console
        self.keeper = SessionFile(opened.file)
        self.session = opened.session
        self.options: AssessOptions = opened.options
        self.framework: Framework = opened.file.framework
        self.earlier: LoadedAssessment | None = opened.earlier
        self.ending = Ending(console, self.keeper, opened.options)
        self.today = dt.date.today()
        """The session's day: an open action past due then is said to be overdue, as on the full screen."""
        self.typed: list[str] = []
        """What was being typed when the session stopped, saved or printed (`keeping`), for the ending."""
        self._problem_said: object = None
        self._seen: Seen = None
        """The indicator's rating as it was when its stage was last asked."""
        self._shown = False
        """Whether the last save showed the indicator's answers (someone else had changed it too)."""

    @property
    def file(self) -> AssessmentFile:
        """The file as the disk held it at the last look (someone else may save it too)."""
        return self.keeper.file

    # -- the session as a whole --------------------------------------------------------------

    def run(self) -> None:
        console, session = self.console, self.session
        if not session.queue:
            self._nothing_to_do()
            return
        rated = self.file.rated
        console.print(
            f"Assessing [bold]{escape(self.file.assessment.coalition)}[/] against the "
            f"{escape(self.framework.title)}: {plural(session.total, 'indicator')} to go through "
            f"({rated} of {len(self.framework.indicators)} rated so far)."
        )
        console.print(
            f"Every answer is saved in {escape(str(self.file.path))} as soon as you give it. "
            "Type ? at any question for help; press Ctrl-C to stop at any time."
        )
        dated = dated_earlier(self.file.assessment.assessed_on, self.today, rated)
        if dated:
            console.print(f"[yellow]{escape(dated)}[/]")
        try:
            with hang_up_stops():
                while not session.finished:
                    self._indicator()
        except (KeyboardInterrupt, EOFError) as interruption:
            hung_up = isinstance(interruption, HangUp)
            self._stopped(
                end_of_input=isinstance(interruption, EOFError),
                hung_up=hung_up,
                terminated=isinstance(interruption, Terminated),
            )
            code = EXIT_TERMINATED if isinstance(interruption, Terminated) else EXIT_HANGUP
            raise typer.Exit(code if hung_up else EXIT_INTERRUPTED) from None
        if session.stopped:
            self._quit()
        else:
            self._finished()

    def _save(self, edit: RatingEdit | None, seen: Seen) -> bool | None:
        """Save one answer now, given while the rating read `seen`: True when saved, False when it
        changes nothing (nothing is written), None when it is not saved (the facilitator kept what
        someone else saved meanwhile, or went on without an answer the file refused).

        Someone else's change to other parts of the rating is merged; to the same part, the
        facilitator is asked. A file that cannot be saved says its problem, and waits to be fixed.
        Interrupted at one of these questions, what was typed is printed at the end."""
        self._shown = False
        if edit is None:
            return False
        try:
            while True:
                with interrupts_held():
                    attempt = self.keeper.save(edit, seen)
                if isinstance(attempt, Done):
                    self._noticed(edit.indicator)
                    return attempt.changed
                self._noticed(None)
                if isinstance(attempt, Clash):
                    decided = self._decide(edit, attempt)
                    if decided is None:
                        self._show_answers(edit.indicator)  # what the file says now, all of it
                        return None
                    edit, seen = decided, attempt.now
                elif not self._again(edit, attempt):
                    return None
        except (KeyboardInterrupt, EOFError):
            self.typed += self._typed_in(edit)
            raise

    def _typed_in(self, edit: RatingEdit) -> list[str]:
        """The text an answer carries (evidence, a new action), to paste in again: nothing is lost."""
        said = [evidence_not_saved(edit.evidence, edit.indicator)] if isinstance(edit.evidence, str) else []
        return said + [action_not_saved(edit.indicator, action) for action in edit.add_actions]

    def _noticed(self, saved: str | None) -> None:
        """Others' changes read on the way to a save: said when they touched the indicator `saved`."""
        changed = {indicator for reread in self.keeper.noticed() for indicator in reread.indicators}
        if saved is not None and saved in changed:
            self.console.print(
                f"[yellow]{escape(saved)} was also changed just now {ELSEWHERE}: your answer went on top "
                "of their change, which touched other parts of it. It is now:[/]"
            )
            self._show_answers(saved)
            self._shown = True

    def _decide(self, edit: RatingEdit, clash: Clash) -> RatingEdit | None:
        """Someone else changed the part of the rating this answer replaces: theirs, mine, or (for
        evidence) both. The edit to save instead, or None to keep what the file says."""
        console, fw = self.console, self.framework
        indicator = edit.indicator
        if "actions" in clash.parts:  # an action by its number, in a list that changed: look again
            console.print(
                f"[yellow]The actions of {escape(indicator)} were changed {ELSEWHERE} just now, so nothing "
                "was changed: here they are.[/]"
            )
            self._show_actions(indicator)
            return None
        console.print(f"[yellow]{escape(indicator)} was changed {ELSEWHERE} while you were at it.[/]")
        parts = sorted(clash.parts)
        for part in parts:
            console.print(f"The file now says, for the {part}:")
            console.print(Padding(escape(part_now(fw, part, clash.now)), (0, 0, 0, 2)))
            console.print("You gave:")
            console.print(Padding(escape(part_given(fw, part, edit)), (0, 0, 0, 2)))
        typed = edit.evidence if isinstance(edit.evidence, str) and edit.evidence else None
        theirs = part_now(fw, "evidence", clash.now) if "evidence" in clash.parts else "none"
        mine = ", ".join(part_given(fw, part, edit) for part in parts)
        now = ", ".join(part_now(fw, part, clash.now) for part in parts)
        if typed is not None and theirs != "none":
            choices = {
                "b": "keep both, theirs first",
                "y": "yours in place of theirs",
                "t": "keep theirs, drop yours",
            }
            safe = "b"
        else:
            choices = {"y": f"make it yours ({mine})", "t": f"keep what the file says ({now})"}
            safe = "t"
        listed = "; ".join(f"{key} {what}" for key, what in choices.items())
        while True:
            key = (
                answer(console, f"{escape(listed)} [dim](Enter: {safe})[/]: ", _CLASH_HELP).strip().casefold()
            )
            key = key or safe
            if key in choices:
                break
            console.print(f"Please type {' or '.join(choices)}.")
        if key == "b":
            return RatingEdit(indicator, evidence=f"{theirs}\n\n{typed}")
        if key == "y":
            return edit
        console.print(f"{escape(indicator)} keeps what was saved {ELSEWHERE}: {escape(now)}.")
        return None

    def _again(self, edit: RatingEdit, failed: Failed) -> bool:
        """An answer the file refused: why, and what to do; True to save it again (the file fixed),
        False to go on without it (what was typed is printed, to paste in again)."""
        console = self.console
        console.print(f"[yellow]Not saved: {escape(why_not_saved(failed.error))}[/]")
        todo = what_to_do(failed.error, then="press Enter here")
        if todo:
            console.print(escape(todo))
        while True:
            typed = answer(
                console,
                "Press Enter to save it again, or type s to go on without it: ",
                _RETRY_HELP,
            )
            word = typed.strip().casefold()
            if not word:
                return True
            if word in ("s", "skip"):
                left = answers_not_saved(self.framework, [edit])
                console.print(f"Gone on without it: {escape(left)} is not in the file.")
                for note in self._typed_in(edit):
                    console.print(f"[dim]{escape(note)}[/]")
                return False
            console.print("Please press Enter (once the file is fixed) or type s.")

    def _nothing_to_do(self) -> None:
        rated, total = self.ending.rated()
        if self.options.domains or self.options.indicators or self.options.start_at:
            self.console.print("Every indicator you asked for is already rated.")
        else:
            self.console.print(f"Every indicator is already rated ({rated} of {total}).")
        self.ending.show_command("To go through them again, run:", self.options.command(revisit_all=True))
        self.ending.summary()

    # -- one indicator -----------------------------------------------------------------------

    def _indicator(self) -> None:
        session, fw = self.session, self.framework
        indicator_id = session.current
        assert indicator_id is not None
        self._look()
        earlier = session.back_to_earlier()
        if earlier is not None:
            self.console.print()
            self.console.print(f"[bold]{escape(earlier)}[/]")
        domain = session.domain_to_introduce()
        if domain is not None:
            self._introduce(domain.id)
        self._show(indicator_id)
        command = self._ask_stage(indicator_id)
        if command.kind is Kind.SKIP:
            self.console.print(f"Skipped {indicator_id}: it stays as it was.")
            session.skip()
        elif command.kind is Kind.BACK:
            session.back()
        elif command.kind is Kind.QUIT:
            session.stop()
        elif command.kind is Kind.GOTO and command.indicator is not None:
            if command.message:  # found by the rubric's glossary or its stages, not by its name
                self.console.print(escape(command.message))
            session.go_to(command.indicator)
        elif command.stage is not None:
            stage = escape(stage_label(fw, command.stage))
            saved = self._save(session.choose(command.stage), self._seen)
            if saved:
                self.console.print(f"[green]Saved:[/] {indicator_id} is at stage {stage}.")
            elif saved is False:
                self.console.print(f"Kept: {indicator_id} stays at stage {stage}.")
            move = self._ask_evidence(indicator_id)
            if move is None:
                move = self._ask_actions(indicator_id)
            if move is Kind.QUIT:
                session.stop()
            elif move is Kind.BACK:
                self.console.print(f"Back to the stage of {indicator_id}.")
            else:
                session.next()

    def _look(self) -> None:
        """Read the file again if someone else saved it; say once when it cannot be saved now."""
        self.keeper.look()
        self.keeper.noticed()  # the indicator is shown as the file is now
        problem = self.keeper.problem
        if problem is not None and problem is not self._problem_said:
            self.console.print(
                f"[yellow]The file was changed elsewhere and cannot be saved now: "
                f"{escape(why_not_saved(problem))}[/] {escape(what_to_do(problem))}"
            )
        self._problem_said = problem

    def _introduce(self, domain_id: str) -> None:
        from coalition_cli.cli.output.framework_view import render_domain

        self.console.print()
        self.console.rule(f"Domain {escape(domain_id)}", style="dim")
        render_domain(self.framework, self.framework.domain(domain_id), self.console, brief=True)

    def _show(self, indicator_id: str) -> None:
        from rich.panel import Panel

        from coalition_cli.cli.output.framework_view import descriptor_table

        console, session, fw = self.console, self.session, self.framework
        domain = fw.domain_of(indicator_id)
        indicator = fw.indicator(indicator_id)
        stage = self.file.stage(indicator_id)
        console.print()
        # where the indicator stands in the framework, and how much of the framework is rated: both
        # stay true across a resumed or narrowed session ("Indicator 7 of 22 · C2 …")
        place = [i.id for i in fw.indicators].index(indicator_id) + 1
        console.rule(f"Indicator {place} of {len(fw.indicators)} · {escape(domain.id)} {escape(domain.name)}")
        rated, total = self.ending.rated()
        filled = round(BAR_WIDTH * rated / total)
        left = session.total - session.position
        console.print(
            Text.assemble(
                ("█" * filled, "green"),
                ("░" * (BAR_WIDTH - filled), "dim"),
                f" {rated} of {total} rated · {left} to go in this session",
            )
        )
        console.print(
            Panel(
                descriptor_table(fw, indicator, current=stage),
                title=escape(indicator.label),
                title_align="left",
                # repeated at the panel's foot: a long indicator scrolls the header off a projected screen
                subtitle=escape(f"Indicator {place} of {len(fw.indicators)} · {domain.label}"),
                subtitle_align="right",
            )
        )
        spelled = said(fw.abbreviations_in(indicator_id))
        if spelled:
            console.print(escape(spelled))
        self._show_answers(indicator_id)
        linked = self._linked_offer(indicator_id)
        if linked is not None:
            other, other_stage = linked
            group = fw.linked_group(indicator_id)
            note = f" {group.note}" if group is not None and group.note else ""
            console.print(
                f"[bold]Linked:[/] {escape(indicator_id)} and {escape(other)} are one practice.{escape(note)} "
                f"{escape(other)} is at {escape(stage_label(fw, other_stage))}: type = to give "
                f"{escape(indicator_id)} the same stage."
            )
        if self.earlier is not None:
            self._show_earlier(indicator_id, self.earlier)

    def _show_answers(self, indicator_id: str) -> None:
        """What the file says of the indicator now: stage, target, priority, evidence, actions."""
        console, fw = self.console, self.framework
        rating = self.file.rating(indicator_id)
        stage = self.file.stage(indicator_id)
        said = []
        if stage is not None:
            said.append(f"Rated now: {stage_label(fw, stage)}.")
        target = self._target(indicator_id)
        if target is not None:
            said.append(f"Target: {stage_label(fw, target)}.")
        if rating is not None and rating.priority:
            said.append("A priority.")
        if said:
            console.print(escape(" ".join(said)))
        if rating is not None and rating.evidence:
            console.print("Evidence so far:")
            console.print(Padding(escape(rating.evidence), (0, 0, 0, 2)))
        if rating is not None and rating.actions:
            self._show_actions(indicator_id)

    def _show_actions(self, indicator_id: str) -> None:
        rating = self.file.rating(indicator_id)
        if rating is None or not rating.actions:
            self.console.print("No actions now.")
            return
        self.console.print("Actions so far:")
        grid = Table.grid(padding=(0, 1, 0, 2))
        grid.add_column(no_wrap=True, justify="right")
        grid.add_column()
        for number, action in numbered_actions(rating.actions, self.today):
            grid.add_row(number, escape(action))
        self.console.print(grid)

    def _target(self, indicator_id: str) -> int | None:
        from coalition_cli.core.model.stages import parse_stage

        rating = self.file.rating(indicator_id)
        return parse_stage(self.framework, rating.target) if rating is not None else None

    def _linked_offer(self, indicator_id: str) -> tuple[str, int] | None:
        """A linked indicator's stage, when it is rated and differs from this one's."""
        linked = self.session.linked(self.file.stages)
        if linked is None or linked[1] == self.file.stage(indicator_id):
            return None
        return linked

    def _show_earlier(self, indicator_id: str, earlier: LoadedAssessment) -> None:
        """What last term's assessment said, so the room can see what changed since."""
        from coalition_cli.cli.output.framework_view import bullets

        console, fw = self.console, self.framework
        when = when_assessed(earlier)
        rated = earlier_rating(fw, earlier, indicator_id)
        console.print(f"[bold]Last time[/] ({escape(when)}): {escape(rated)}.")
        rating = earlier.assessment.rating(indicator_id)
        if rating is not None and rating.evidence:
            console.print(Padding(escape(rating.evidence), (0, 0, 0, 2)), style="dim")
        left = not_carried(rating, self.file.rating(indicator_id))
        if left:
            console.print("Its actions not marked done:")
            console.print(bullets(describe_action(action) for action in left))

    def _ask_stage(self, indicator_id: str) -> Command:
        """The stage question; commands that do not leave the indicator (help, undo, target, priority)
        are carried out here and the question asked again."""
        fw = self.framework
        linked = self.session.linked(self.file.stages)
        same = linked[1] if linked is not None else None
        default = self.file.stage(indicator_id)
        keep = f", Enter keeps {default}" if default is not None else ""
        if default is None and same is not None:
            default, keep = same, f", Enter gives {same} as {linked[0] if linked else ''}"
        suggested: int | None = None
        while True:
            # the name too: at 24 rows the indicator's panel has scrolled away by the time it is asked
            named = escape(fw.named(indicator_id))
            prompt = (
                f"[bold]Stage for {named}[/] [dim](1-{fw.top_stage} or a name; "
                f"s skip, b back, ? help, q quit{escape(keep)})[/]: "
            )
            if suggested is not None:
                prompt = (
                    f"[bold]Stage for {named}[/] [dim](Enter for {escape(stage_label(fw, suggested))})[/]: "
                )
            self._seen = self.keeper.written(indicator_id)
            command = parse_command(fw, asking.ask(self.console, prompt), suggested or default, same=same)
            suggested = None
            if command.kind is Kind.HELP:
                self._help()
            elif command.kind is Kind.INVALID:
                self.console.print(f"[yellow]{escape(command.message)}[/]")
                suggested = command.suggestion
            elif command.kind is Kind.BACK and self.session.position == 0:
                # said here, under the question, rather than above a redrawn indicator that hides it
                self.console.print(
                    "This is the first indicator of the session: there is nothing to go back to."
                )
            elif command.kind is Kind.UNDO:
                self._undo()
            elif command.kind is Kind.PRIORITY:
                rating = self.file.rating(indicator_id)
                on = not (rating is not None and rating.priority)
                if self._save(self.session.priority(on), self._seen) is not None:
                    self.console.print(
                        f"[green]Saved:[/] {indicator_id} is {'now a priority: the plan puts it first' if on else 'no longer a priority'}."
                    )
            elif command.kind is Kind.TARGET:
                aim = f"the target is {stage_label(fw, command.stage)}" if command.stage else "no target"
                if self._save(self.session.target(command.stage), self._seen) is not None:
                    self.console.print(f"[green]Saved:[/] for {indicator_id}, {escape(aim)}.")
            else:
                return command

    def _undo(self) -> None:
        with interrupts_held():
            undoing = self.keeper.undo()
        self._noticed(None)
        if undoing is None:
            self.console.print("There is nothing to undo: no change was saved in this session yet.")
            return
        saved, attempt = undoing
        if isinstance(attempt, Clash):
            indicator = saved.edit.indicator
            now = ", ".join(
                f"the {part} is {part_now(self.framework, part, attempt.now)}"
                for part in sorted(attempt.parts)
            )
            self.console.print(
                f"[yellow]Since your change, {escape(indicator)} was changed {ELSEWHERE}: {escape(now)}. "
                "Undoing would overwrite that.[/]"
            )
            while True:
                key = answer(
                    self.console,
                    "y undo anyway; t keep theirs (your change can no longer be undone) [dim](Enter: t)[/]: ",
                    _CLASH_HELP,
                )
                key = key.strip().casefold() or "t"
                if key in ("y", "t"):
                    break
                self.console.print("Please type y or t.")
            if key == "t":
                self.keeper.forget_last()
                self.console.print(
                    f"{escape(indicator)} keeps what was saved {ELSEWHERE}; u now undoes the change before."
                )
                return
            with interrupts_held():
                attempt = self.keeper.force_undo()
        if isinstance(attempt, Failed):
            self.console.print(f"[yellow]Not undone: {escape(why_not_saved(attempt.error))}[/]")
            todo = what_to_do(attempt.error, then="press u again")
            if todo:
                self.console.print(escape(todo))
            return
        self.console.print(f"[green]{escape(undone(self.framework, saved))}[/]")

    def _help(self) -> None:
        fw = self.framework
        table = Table(show_header=False, box=None, padding=(0, 2, 0, 2))
        table.add_column(no_wrap=True, style="bold")
        table.add_column()
        table.add_row(
            f"1 to {fw.top_stage}",
            "the stage that best describes the coalition today; a stage name works too",
        )
        table.add_row("", escape(fw.stage_choices()))
        table.add_row("Enter", "keep the current rating, when there is one")
        table.add_row("s", "skip this indicator for now; it stays as it is")
        table.add_row(
            "b", "go back to where you were (after g, the indicator you came from), else the one before"
        )
        table.add_row("t 3", "set the target stage the team aims for (t none removes it)")
        table.add_row("p", "mark this indicator as a priority, or no longer")
        table.add_row("=", "give it the same stage as its linked indicator, when there is one")
        table.add_row(
            "g C2.1",
            "go to another indicator (by its id, part of its name, or a word of its stages: g employer)",
        )
        table.add_row("u", "undo the last change")
        table.add_row("q", "stop here; every answer is already saved")
        table.add_row("Ctrl-C", "stop at any moment, also without losing answers")
        self.console.print(table)
        self.console.print(
            "After the stage you can add evidence (what shows it) and actions (what the team will do next); "
            f"press Enter to leave them out. At the Action question, {_CHANGES} changes action 1 of "
            "those listed."
        )

    def _ask_evidence(self, indicator_id: str) -> Kind | None:
        """Evidence, several lines, an empty line ending it; a command word ends it too, and is returned."""
        rating = self.file.rating(indicator_id)
        had_evidence = rating is not None and bool(rating.evidence)
        if had_evidence:
            self.console.print(
                "[dim]Evidence: press Enter to keep what is there, type new evidence to replace it, or "
                "clear to remove it; an empty line finishes.[/]"
            )
        else:
            self.console.print(
                "[dim]Evidence (optional): what shows the coalition is at this stage? Several lines are fine; "
                "an empty line finishes. Press Enter now to leave it out.[/]"
            )
        lines: list[str] = []
        move: Kind | None = None
        seen = self.keeper.written(indicator_id)
        try:
            line = answer(self.console, "Evidence: ", _EVIDENCE_HELP)
            while True:
                command = text_command(line)
                if command is Kind.CLEAR:  # what was typed before it goes too
                    if self._save(self.session.clear_evidence(), seen):
                        self.console.print("[green]Cleared[/] the evidence.")
                    return None
                if command in _MOVES:
                    move = command
                    break
                # an empty line ends the evidence, unless more was pasted with it: a paragraph break
                if not line.strip() and not (lines and more_pasted()):
                    break
                lines.append(line)
                line = answer(self.console, "  … [dim](another line, or Enter to finish)[/] ", _EVIDENCE_HELP)
        except (KeyboardInterrupt, EOFError):
            # unfinished evidence is kept only where it replaces nothing (Ctrl-C is a way out, and
            # must not swap what the file says for half a sentence), else printed: `keeping`
            note = keep_evidence(self.keeper, indicator_id, "\n".join(lines))
            self.typed += [note] if note else []
            raise
        if self._save(self.session.evidence("\n".join(lines)), seen):
            self.console.print("[green]Saved[/] the evidence.")
        return move

    def _ask_actions(self, indicator_id: str) -> Kind | None:
        """Actions, one at a time; `done 1`, `dropped 1`, `delete 1` change those listed; a command word
        (s, b, q) ends the question and is returned."""
        console = self.console
        rating = self.file.rating(indicator_id)
        listed = rating is not None and bool(rating.actions)
        console.print(
            "[dim]Actions (optional): what will the team do to move forward? Press Enter to move on."
            + (f" To change one listed above: {_CHANGES}.[/]" if listed else "[/]")
        )
        prompt = "Action: "
        while True:
            seen = self.keeper.written(indicator_id)
            what = answer(console, prompt, _ACTION_HELP).strip()
            if not what:
                return None
            command = text_command(what)
            if command in _MOVES:
                return command
            if command is Kind.CLEAR:
                console.print("[yellow]To delete an action, type delete and its number, like delete 1.[/]")
                continue
            rating = self.file.rating(indicator_id)
            count = len(rating.actions) if rating else 0
            changed = parse_action_command(what, count)
            if isinstance(changed, str):
                console.print(f"[yellow]{escape(changed)}[/]")
                continue
            if isinstance(changed, ActionCommand):
                self._change_action(indicator_id, changed, seen)
                continue
            odd = command_like(what, count)
            if odd is not None and not self._text_after_all(odd):
                continue
            owner = ""
            due: dt.date | None = None
            move: Kind | None = None
            try:
                owner = answer(console, "  Who will lead it? [dim](optional)[/]: ", _OWNER_HELP)
                move = text_command(owner)
                if move in _MOVES:
                    owner = ""
                else:
                    owner = self._meant_owner(owner)
                    move, due = self._ask_due()
            except (KeyboardInterrupt, EOFError):
                # the action is kept, as far as it was given (or printed, when the file refuses it)
                given = self.session.action(what, owner, due)
                if given is not None:
                    self.typed.append(keep_action(self.keeper, indicator_id, given.add_actions[0]))
                raise
            if self._save(self.session.action(what, owner, due), seen):
                console.print(f"[green]Saved[/] the action for {escape(indicator_id)}.")
            if move in _MOVES:
                return move
            if not self._shown:  # else listed already, with someone else's change
                self._show_actions(indicator_id)
            # short enough for its line at 80 columns; `?` lists every change
            prompt = "Another action [dim](Enter moves on; or done 1, due 1 DATE…; ? lists all)[/]: "

    def _meant_owner(self, owner: str) -> str:
        """An owner close to a participant's name without being it ("Maria Lopes" for Maria Lopez) is
        asked about: Enter takes the participant's name, n keeps it as typed (the actions register
        would count the two as two people)."""
        meant = meant_owner(owner, self.file.assessment.participants)
        if meant is None:
            return owner
        typed = owner.strip()
        if not yes_or_no(
            self.console,
            f"  Did you mean {escape(meant)}? [dim](Enter or y: yes; n: keep {escape(typed)})[/] ",
            f"{meant} takes part in this assessment: Enter gives the action to them; n keeps {typed}.",
            "  Please answer y (or Enter) for the name, or n to keep yours.",
        ):
            return owner
        self.console.print(f"  [green]→[/] {escape(meant)}")
        return meant

    def _text_after_all(self, said: str) -> bool:
        """An action's text that reads like a change to an action listed (`open 2`), which no command
        makes: saved as a new action only when the facilitator says so (y), never by Enter."""
        return yes_or_no(
            self.console,
            f"[yellow]{escape(said)}[/] Save it as a new action? [dim](y: save it; Enter: type again)[/] ",
            f"What you typed is not one of the changes ({_CHANGES}). y saves it as a new action's text; "
            "Enter asks for the action again.",
            "  Please answer y to save it, or press Enter to type it again.",
            enter=False,
        )

    def _change_action(self, indicator_id: str, command: ActionCommand, seen: Seen) -> None:
        number = command.index + 1
        rating = self.file.rating(indicator_id)
        before = rating.actions[command.index] if rating is not None else None
        if command.verb == "owner" and isinstance(command.value, str):
            command = replace(command, value=self._meant_owner(command.value))
        saved = self._save(self.session.action_command(command), seen)
        if saved is None:
            return
        op = command.op()
        where = f"action {number} of {escape(indicator_id)}"
        if not saved:
            self.console.print(f"Action {number} already says so.")
        elif command.verb == "delete":
            self.console.print(f"[green]Removed[/] {where}.")
        elif isinstance(op, ChangeAction) and op.status is not None and before is not None:
            was = status_words(before.status)
            self.console.print(f"[green]Marked {escape(status_words(command.verb))}:[/] {where} (was {was}).")
        elif isinstance(op, ChangeAction) and before is not None:
            changes = "; ".join(action_changes(before, op, self.today))
            self.console.print(f"[green]Changed[/] {where}: {escape(changes)}.")
            early = early_due(
                op.due if isinstance(op.due, dt.date) else None, self.file.assessment.assessed_on
            )
            if early:
                self.console.print(f"  [yellow]{escape(early)}[/]")
        if not self._shown:
            self._show_actions(indicator_id)

    def _ask_due(self) -> tuple[Kind | None, dt.date | None]:
        while True:
            typed = answer(self.console, "  Due date, year-month-day [dim](optional)[/]: ", _DUE_HELP)
            move = text_command(typed)
            if move in _MOVES:
                return move, None
            try:
                due = typed_due(typed)
            except ValueError as error:
                self.console.print(f"[yellow]{escape(str(error))}[/]")
                continue
            if due is not None and due.isoformat() != typed.strip():  # `2026-6-30` is written 2026-06-30
                self.console.print(f"  [green]→[/] due {due.isoformat()}")
            early = early_due(due, self.file.assessment.assessed_on)
            if early:
                self.console.print(f"  [yellow]{escape(early)}[/]")
            return None, due

    # -- the end -----------------------------------------------------------------------------

    def _stopped(self, *, end_of_input: bool, hung_up: bool = False, terminated: bool = False) -> None:
        reason = (
            "Stopped (the session was ended from outside)"
            if terminated
            else "Stopped (the terminal was closed)"
            if hung_up
            else "Stopped (end of input)"
            if end_of_input
            else "Stopped"
        )
        self.ending.stopped(reason, self.session.current, self.typed)

    def _quit(self) -> None:
        self.ending.stopped("Stopped", self.session.where)

    def _finished(self) -> None:
        self.ending.finished(self.session)
