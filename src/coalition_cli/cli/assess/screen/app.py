"""The full-screen session: one indicator at a time, everything the room needs on one screen.

At 80×24 the indicator's id and name, where the session stands, every stage (a long descriptor
scrolls, and says so), the current answers and the keys are in view together; a larger terminal
gives the descriptors more rows. Keys are commands; text goes only into the evidence and action
boxes, which a key opens (keys typed ahead of a box wait their turn: `keys.py`). Every answer is
saved the moment it is given, in `IndicatorScreen.commit` and nowhere else, through the session's
`SessionFile` (the safe editor, with undo): the file is followed on disk, so a `coalition room`
beside the session, or a second laptop, saves too, and their change shows; when theirs and ours
touch the same answer, the facilitator decides (`conflicts.py`), and nothing typed is lost. No
save problem ends the session.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, ClassVar, Literal

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.driver import Driver
from textual.screen import Screen
from textual.widgets import Static

from coalition_cli.cli.assess.keeping import keep_action, keep_evidence
from coalition_cli.cli.assess.screen import conflicts
from coalition_cli.cli.assess.screen.answers import ROOMY_HEIGHT, Answers, last_time, last_time_of
from coalition_cli.cli.assess.screen.dialogs import (
    ActionAnswer,
    ActionChoice,
    ActionForm,
    EvidenceDialog,
    GoToDialog,
    HelpDialog,
    ReaderDialog,
    TargetDialog,
)
from coalition_cli.cli.assess.screen.keys import KeysInTurn
from coalition_cli.cli.assess.screen.widgets import KeyBar, LiveVotes, RoomLine, StagesPanel, stage_views
from coalition_cli.cli.assess.startup import Opened
from coalition_cli.cli.assess.wording import (
    dated_earlier,
    describe_action,
    early_due,
    stage_label,
    undone,
    what_to_do,
    why_not_saved,
)
from coalition_cli.cli.output.fitting import fit
from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.editing.history import History
from coalition_cli.core.editing.rating_edits import (
    CLEAR,
    ChangeAction,
    DeleteAction,
    NewAction,
    RatingEdit,
    clean_text,
)
from coalition_cli.core.editing.rereading import Reread
from coalition_cli.core.editing.session_file import Clash, Done, Failed, SessionFile
from coalition_cli.core.model.abbreviations import said
from coalition_cli.core.model.stages import parse_stage
from coalition_cli.core.reports.actions.owners import meant_owner
from coalition_cli.core.wording import long_date

Seen = Mapping[str, Any] | None
"""A rating as the facilitator saw it when a change began (`AssessmentFile.written`)."""


class Outcome(Enum):
    FINISHED = "finished"
    QUIT = "quit"
    INTERRUPTED = "interrupted"
    HUNG_UP = "hung up"
    TERMINATED = "terminated"


@dataclass
class Draft:
    """Evidence being typed: kept on Ctrl-C, a closed terminal or a crash only where the indicator
    has none (it never replaces what the file says with half a sentence)."""

    indicator: str
    text: str


@dataclass
class ActionDraft:
    """A new action being typed: kept on Ctrl-C, a closed terminal or a crash, as the line-by-line
    session keeps one (adding an action replaces nothing). `unread`: a due date typed that does not
    read as a date, left out."""

    indicator: str
    action: NewAction
    unread: str = ""


class IndicatorScreen(Screen[None]):
    """The indicator in front of the room: where, what each stage says, what the team answered."""

    AUTO_FOCUS = ""  # nothing chosen until Tab: a highlighted stage would read as an answer

    DEFAULT_CSS = """
    IndicatorScreen #title {
        height: 1;
        background: $primary;
        color: $text;
        text-style: bold;
    }
    IndicatorScreen #title Static { width: auto; padding: 0 1; }
    IndicatorScreen #title #name { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    IndicatorScreen #where { height: 1; padding: 0 1; }
    IndicatorScreen #where, IndicatorScreen #answers {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    IndicatorScreen #answers.-roomy {
        text-wrap: wrap;
        max-height: 16;
    }
    IndicatorScreen #answers {
        height: auto;
        max-height: 6;
        border-top: solid $primary;
        padding: 0 1;
    }
    IndicatorScreen #message { height: auto; max-height: 2; padding: 0 1; text-style: bold; }
    IndicatorScreen #message.-warning { color: $warning; }
    IndicatorScreen #message.-saved { color: $success; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"stage({n})", f"stage {n}", show=False) for n in range(1, 10)),
        Binding("e", "evidence", "evidence"),
        Binding("a", "actions", "action"),
        Binding("t", "target", "target"),
        Binding("p", "priority", "priority"),
        Binding("n,right", "next", "next", key_display="n →"),
        Binding("b,left", "back", "back", key_display="b ←"),
        Binding("g", "go_to", "go to"),
        Binding("r", "read", "read all"),
        Binding("u", "undo", "undo"),
        Binding("question_mark", "help", "help", key_display="?"),
        Binding("q", "quit_session", "quit"),
        Binding("s", "skip", "skip", show=False),
        Binding("equals_sign", "same", "same as linked", show=False),
    ]

    def __init__(self, live_votes: LiveVotes | None = None) -> None:
        super().__init__()
        self.live_votes = live_votes
        self.at_the_end = False
        self.said = ""
        """The last message: a dialog opened again after a change shows it too."""

    @property
    def session_app(self) -> AssessApp:
        assert isinstance(self.app, AssessApp)
        return self.app

    def compose(self) -> ComposeResult:
        app = self.session_app
        with Horizontal(id="title"):
            yield Static(id="name")
            yield Static(id="place")
        yield Static(id="where")
        if self.live_votes is not None:
            yield RoomLine(self.live_votes, app.framework, id="room")
        first = app.session.current or app.framework.indicators[0].id
        yield StagesPanel(stage_views(app.framework, app.framework.indicator(first), None), id="stages")
        yield Static(id="answers")
        yield Static(id="message")
        yield KeyBar(lead=[(f"1–{app.framework.top_stage}", "stage")])

    def on_mount(self) -> None:
        self.show_indicator()
        app = self.session_app
        dated = dated_earlier(app.file.assessment.assessed_on, app.today, app.file.rated)
        if dated:
            self.say(dated)

    # -- what is shown -----------------------------------------------------------------------------

    @property
    def indicator(self) -> str:
        current = self.session_app.session.current
        assert current is not None
        return current

    def show_indicator(self) -> None:
        """Everything about the indicator in front, from the file as it is now."""
        app = self.session_app
        indicator = app.framework.indicator(self.indicator)
        self._show_title()
        self._show_where()
        self.query_one(StagesPanel).show(stage_views(app.framework, indicator, app.file.stage(indicator.id)))
        self._show_answers()
        if self.live_votes is not None:
            self.query_one(RoomLine).follow(indicator.id)

    def on_resize(self) -> None:
        if self.session_app.session.current is not None:
            self._show_title()
            self._show_where()
            self._show_answers()

    def _show_title(self) -> None:
        """The id and name, and the place in the rubric: shortened to fit, the name last, with `…`.
        The abbreviations the indicator uses are spelled out after its name, as many as the line has
        room for whole, in the rubric's order ("C6.1  WBL Leadership · WBL: work-based learning");
        `r` always has them all."""
        fw = self.session_app.framework
        indicator = fw.indicator(self.indicator)
        place = [i.id for i in fw.indicators].index(indicator.id) + 1
        name = f"{indicator.id}  {indicator.name}"
        pairs = fw.abbreviations_in(indicator.id)
        width = self.size.width or 80
        ways = [f"Indicator {place} of {len(fw.indicators)}", f"{place} of {len(fw.indicators)}"]
        titles = [*(f"{name} · {said(pairs[:count])}" for count in range(len(pairs), 0, -1)), name]
        name, where = next(
            (
                (title, way)
                for title in titles
                for way in ways
                if cell_len(title) + cell_len(way) + 4 <= width
            ),
            (name, ways[-1]),
        )
        self.query_one("#name", Static).update(Text(fit(name, max(width - cell_len(where) - 4, 8))))
        self.query_one("#place", Static).update(where)

    def _show_where(self) -> None:
        """The domain and how far along: the longest way of saying it that fits the width."""
        app = self.session_app
        domain = app.framework.domain_of(self.indicator)
        rated, total = app.file.rated, len(app.framework.indicators)
        bar = "█" * round(10 * rated / total) + "░" * (10 - round(10 * rated / total))
        here = f"{app.session.position + 1} of {app.session.total} in this session"
        ways = [
            f"{domain.label} · {bar} {rated} of {total} rated · {here}",
            f"{domain.label} · {rated} of {total} rated · {here}",
            f"{domain.label} · {rated} of {total} rated",
        ]
        width = (self.size.width or 80) - 2
        where = next((way for way in ways if cell_len(way) <= width), fit(ways[-1], width))
        self.query_one("#where", Static).update(Text(where))

    def _show_answers(self) -> None:
        app = self.session_app
        indicator = self.indicator
        linked = app.session.linked(app.file.stages)
        said = Answers(
            app.framework,
            app.file.rating(indicator),
            app.file.stage(indicator),
            linked if linked is not None and linked[1] != app.file.stage(indicator) else None,
            last_time_of(app.earlier, indicator, app.file.rating(indicator)),
            app.today,
        )
        # a projector's 80×24 gets a line each (e, a and r show them whole); a larger screen shows more
        roomy = self.size.height >= ROOMY_HEIGHT
        width = (self.size.width or 80) - 2
        answers = self.query_one("#answers", Static)
        answers.set_class(roomy, "-roomy")
        answers.update(said.whole(width) if roomy else said.lines(width))

    def say(self, message: str, kind: Literal["saved", "warning", "note"] = "note") -> None:
        """A message under the answers: two lines at most, cut (with `…`) only past that."""
        self.said = message
        widget = self.query_one("#message", Static)
        widget.set_class(kind == "saved", "-saved")
        widget.set_class(kind == "warning", "-warning")
        width = max((self.size.width or 80) - 2, 20)
        widget.update(Text(fit(message, 2 * width - 4) if cell_len(message) > 2 * width else message))

    def _new_action_said(self, indicator: str, new: NewAction, assessed_on: dt.date) -> str:
        """ "a new action for C6.2: Ask the Chamber board to … — Janet Holloway (…), due 9 May 2026."
        Its owner, date and status are what the room checks after the form closes: when the message
        would be cut (`say` keeps two lines), the action's words are shortened, never those. A date
        before the assessment is asked about instead of the owner and status: the question is what
        must be read whole ("… — due 31 January 2026. That date is before this assessment (…): is
        the year right?")."""
        early = early_due(new.due, assessed_on, named=False)
        details = describe_action(new).removeprefix(new.action)  # " — Janet Holloway, due …", or ""
        if early and new.due is not None:
            details = f" — due {long_date(new.due)}"

        def said(words: str) -> str:
            return f"a new action for {indicator}: {words}{details}." + (f" {early}" if early else "")

        width = max((self.size.width or 80) - 2, 20)
        over = cell_len(f"Saved: {said(new.action)}") - (
            2 * width - 10
        )  # a little spare: lines break at words
        if over <= 0 or not details:
            return said(new.action)
        return said(fit(new.action, max(cell_len(new.action) - over, 20)))

    def _after_save(self, message: str, saved: bool, unchanged: str) -> None:
        if saved:
            self.say(f"Saved: {message}", "saved")
        else:
            self.say(unchanged)
        self.at_the_end = False
        self.show_indicator()

    # -- saving --------------------------------------------------------------------------------------

    def commit(
        self,
        edit: RatingEdit | None,
        said: str,
        unchanged: str,
        *,
        seen: Seen | Literal["now"] = "now",
        clash: Callable[[Clash], None] | None = None,
        failed: Callable[[], None] | None = None,
    ) -> None:
        """Save one change, made while the rating read `seen` (by default, as the screen shows it).

        When someone else changed the same part meanwhile, `clash` is asked (by default, the
        facilitator, `conflicts.decide`); when the save fails, the problem is shown and `failed`
        (which opens a box again with what was typed) follows. The session goes on either way."""
        app = self.session_app
        if edit is None:
            return
        before = app.keeper.written(edit.indicator) if seen == "now" else seen
        attempt = app.keeper.save(edit, before)
        self.noticed(app.keeper.noticed(), saving=edit.indicator)
        if isinstance(attempt, Done):
            self._after_save(said, attempt.changed, unchanged)
            return
        self.show_indicator()  # the file as it is now
        if isinstance(attempt, Clash):
            if clash is not None:
                clash(attempt)
            else:
                conflicts.decide(self, edit, attempt, said, unchanged)
            return
        self.problem(attempt, then=failed)

    def problem(self, failed: Failed, then: Callable[[], None] | None = None) -> None:
        """A save that could not be made: why, and what to do; then `then` (a box opened again)."""
        self.say("Not saved: " + why_not_saved(failed.error), "warning")
        conflicts.show_problem(self, failed.error, then)

    def noticed(self, rereads: list[Reread], *, saving: str | None = None) -> None:
        """Someone else saved the file: show it as it is now, and say what changed."""
        changed = [indicator for reread in rereads for indicator in reread.indicators]
        if not rereads:
            return
        self.show_indicator()
        current = self.session_app.session.current
        if current in changed and current != saving:
            self.say(
                f"{current} was just saved by someone else (the room, or another editor): "
                "the screen shows the file as it is now.",
                "warning",
            )
        elif changed and saving is None:
            shown = ", ".join(dict.fromkeys(changed))
            self.say(f"Saved elsewhere just now (the room, or another editor): {shown}.")

    # -- answers -----------------------------------------------------------------------------------

    def action_stage(self, number: int) -> None:
        app = self.session_app
        fw = app.framework
        if number not in fw.stage_numbers:
            self.say(f"There is no stage {number}: press 1 to {fw.top_stage}.", "warning")
            return
        indicator = self.indicator
        label = stage_label(fw, number)
        then = "Then: e evidence, a action, n next."
        linked = app.session.linked(app.file.stages)
        if linked is not None and linked[1] != number:
            # the same practice at two stages: the plan counts it once, at the lower, and validate
            # warns; said now, while the room can still agree on one
            other, stage = linked
            then = f"But {other}, the same practice, is at {stage_label(fw, stage)}: = gives this one that stage."
        self.commit(
            app.session.choose(number),
            f"{indicator} is at stage {label}. {then}",
            f"{indicator} stays at stage {label}.",
        )

    def action_same(self) -> None:
        app = self.session_app
        linked = app.session.linked(app.file.stages)
        if linked is None:
            self.say("This indicator has no linked indicator rated yet.", "warning")
            return
        self.action_stage(linked[1])

    def action_priority(self) -> None:
        app = self.session_app
        rating = app.file.rating(self.indicator)
        on = not (rating is not None and rating.priority)
        what = "a priority: the plan puts it first" if on else "no longer a priority"
        self.commit(app.session.priority(on), f"{self.indicator} is {what}.", f"{self.indicator} is {what}.")

    def action_target(self) -> None:
        app = self.session_app
        indicator = self.indicator
        rating = app.file.rating(indicator)
        target = parse_stage(app.framework, rating.target) if rating is not None else None
        seen = app.keeper.written(indicator)

        def chosen(choice: int | Literal["none", "cancel"] | None) -> None:
            if choice in (None, "cancel"):
                return
            stage = None if choice == "none" else int(choice)
            what = f"the target is {stage_label(app.framework, stage)}" if stage else "no target"
            self.commit(
                app.session.target(stage),
                f"for {indicator}, {what}.",
                f"For {indicator}, {what} already.",
                seen=seen,
            )
            current = app.file.stage(indicator)
            if stage is not None and current is not None and stage <= current:
                self.say(
                    f"Saved. A target is usually above the stage now ({stage_label(app.framework, current)}).",
                    "warning",
                )

        self.app.push_screen(
            TargetDialog(app.framework, indicator, app.file.stage(indicator), target), chosen
        )

    def action_evidence(self) -> None:
        app = self.session_app
        rating = app.file.rating(self.indicator)
        before = clean_text(rating.evidence or "") if rating is not None else ""
        self.edit_evidence(before, seen=app.keeper.written(self.indicator))

    def edit_evidence(self, text: str, *, seen: Seen, notice: str = "") -> None:
        """The evidence box, holding `text`; what is saved replaces the evidence the file had when
        `seen` was read (if someone else changed it since, the facilitator is asked first)."""
        app = self.session_app
        indicator = self.indicator
        before = clean_text(str((seen or {}).get("evidence") or ""))
        app.draft = Draft(indicator, text)

        def written(typed: str | None) -> None:
            if typed is None:
                app.draft = None
                return
            text = clean_text(typed)
            app.draft = Draft(indicator, text)  # until it is saved: a clash or a problem keeps it
            if not text and not before:
                app.draft = None
                self.say("No evidence was typed.")
                return
            edit = app.session.evidence(text) if text else app.session.clear_evidence()
            what = "the evidence" if text else "no evidence (u undoes it)"

            def again() -> None:
                self.edit_evidence(
                    text, seen=app.keeper.written(indicator), notice="Not saved yet: see above."
                )

            self.commit(
                edit, f"{indicator} has {what}.", "The evidence is as it was.", seen=seen, failed=again
            )
            if app.draft is not None and app.draft.text == text and not self._deciding():
                app.draft = None

        def typing(text: str) -> None:
            app.draft = Draft(indicator, text)

        title = f"Evidence for {app.framework.named(indicator)}"
        self.app.push_screen(EvidenceDialog(title, text, typing, notice=notice), written)

    def _deciding(self) -> bool:
        """Whether a question about a clash or a problem is open (what was typed is still needed)."""
        return any(isinstance(screen, conflicts.ChoiceDialog) for screen in self.app.screen_stack)

    def action_actions(self, at: int | None = None, notice: str = "", typed: NewAction | None = None) -> None:
        """A new action's form; the actions so far are listed in it, one Shift+Tab away, to change."""
        app = self.session_app
        indicator = self.indicator
        rating = app.file.rating(indicator)
        actions = rating.actions if rating is not None else ()
        seen = app.keeper.written(indicator)
        name = app.framework.named(indicator)

        def typing(new: NewAction | None, unread: str) -> None:
            app.action_draft = ActionDraft(indicator, new, unread) if new is not None else None

        app.action_draft = ActionDraft(indicator, typed) if typed is not None else None

        def given(answer: ActionAnswer | None) -> None:
            if answer is None or answer.action is None:
                app.action_draft = None
            if answer is None:
                return
            if answer.action is not None:
                new = answer.action
                draft = app.action_draft = ActionDraft(indicator, new)  # until it is saved

                def again() -> None:
                    self.action_actions(typed=new, notice="The new action was not saved yet: see above.")

                self.commit(
                    RatingEdit(indicator, add_actions=(new,)),
                    self._new_action_said(indicator, new, app.file.assessment.assessed_on),
                    "",
                    seen=seen,
                    failed=again,
                )
                if app.action_draft is draft and not self._deciding():
                    app.action_draft = None
            if answer.choice is not None and app.outcome is None:
                self._listed_action(answer.choice, seen if answer.action is None else "now")

        form = ActionForm(
            f"A new action for {name}",
            listed=actions,
            at=at,
            typed=typed,
            notice=notice,
            typing=typing,
            today=app.today,
            meant=self._meant_owner,
        )
        self.app.push_screen(form, given)

    def _listed_action(self, choice: ActionChoice, seen: Seen | Literal["now"]) -> None:
        """Edit, mark or delete one of the actions listed; then back to the list, to carry on."""
        app = self.session_app
        indicator = self.indicator
        rating = app.file.rating(indicator)
        actions = rating.actions if rating is not None else ()
        if not 0 <= choice.index < len(actions):
            return
        number, what = choice.index + 1, actions[choice.index].action

        def back() -> None:
            self.action_actions(at=choice.index, notice=self.said)

        def changed_meanwhile(_clash: Clash) -> None:
            self.action_actions(
                at=choice.index,
                notice="The actions were changed elsewhere just now, so nothing was changed: here they are.",
            )

        if choice.verb == "edit":
            self._edit_action(choice.index, then=back)
            return
        if choice.verb == "delete":
            edit = app.session.change_action(DeleteAction(choice.index))
            self.commit(
                edit,
                f"action {number} ({what}) is deleted; Esc, then u, undoes it.",
                "",
                seen=seen,
                clash=changed_meanwhile,
            )
        else:
            status: Literal["done", "dropped"] = "done" if choice.verb == "done" else "dropped"
            edit = app.session.change_action(ChangeAction(choice.index, status=status))
            self.commit(
                edit,
                f"action {number} ({what}) is marked {status}; Esc, then u, undoes it.",
                f"Action {number} ({what}) is marked {status} already: nothing changed.",
                seen=seen,
                clash=changed_meanwhile,
            )
        if app.outcome is None and not self._deciding():
            back()

    def _edit_action(self, index: int, then: Callable[[], None]) -> None:
        """The form for one of the actions listed; `then`, once it is closed."""
        app = self.session_app
        indicator = self.indicator
        rating = app.file.rating(indicator)
        if rating is None or not 0 <= index < len(rating.actions):
            return
        existing = rating.actions[index]
        seen = app.keeper.written(indicator)

        def given(answer: ActionAnswer | None) -> None:
            action = answer.action if answer is not None else None
            if action is not None:
                change = ChangeAction(
                    index, action.action, action.owner or CLEAR, action.due or CLEAR, action.status or CLEAR
                )
                early = early_due(action.due, app.file.assessment.assessed_on)
                self.commit(
                    app.session.change_action(change),
                    f"action {index + 1} of {indicator}." + (f" {early}" if early else ""),
                    f"Action {index + 1} is as it was.",
                    seen=seen,
                    clash=lambda clash: conflicts.action_changed_meanwhile(self, indicator, action, clash),
                )
            if app.outcome is None and not self._deciding():
                then()

        self.app.push_screen(
            ActionForm(f"Action {index + 1} for {indicator}", existing, meant=self._meant_owner), given
        )

    def _meant_owner(self, owner: str) -> str | None:
        """The participant an owner being typed is close to, without being them ("Maria Lopes")."""
        return meant_owner(owner, self.session_app.file.assessment.participants)

    # -- moving ------------------------------------------------------------------------------------

    def action_next(self) -> None:
        self._move(skip=False)

    def action_skip(self) -> None:
        self._move(skip=True)

    def _move(self, *, skip: bool) -> None:
        app = self.session_app
        session = app.session
        last = session.position + 1 >= session.total
        if last and not self.at_the_end:
            self.at_the_end = True
            self.say("This is the last indicator of the session: n again finishes, b goes back.")
            return
        unrated = app.file.stage(self.indicator) is None
        if skip or unrated:
            session.skip()
        else:
            session.next()
        if session.finished:
            app.finish(Outcome.FINISHED)
            return
        self.at_the_end = False
        self.say(session.back_to_earlier() or "")
        self.show_indicator()

    def action_back(self) -> None:
        if not self.session_app.session.back():
            self.say("This is the first indicator of the session: there is nothing to go back to.", "warning")
            return
        self.at_the_end = False
        self.say("")
        self.show_indicator()

    def action_go_to(self) -> None:
        app = self.session_app
        stages = app.file.stages
        choices = [
            (i.id, f"{i.id}  {i.name}  ({stage_label(app.framework, stages.get(i.id))})")
            for i in app.framework.indicators
        ]

        def chosen(indicator: str | None) -> None:
            if indicator is None:
                return
            app.session.go_to(indicator)
            self.at_the_end = False
            self.say("")
            self.show_indicator()

        self.app.push_screen(GoToDialog(app.framework, choices), chosen)

    def action_read(self) -> None:
        app = self.session_app

        def chosen(stage: int | None) -> None:
            if stage is not None:
                self.action_stage(stage)

        indicator = self.indicator
        rating = app.file.rating(indicator)
        more: list[tuple[str, str]] = []
        if rating is not None and rating.evidence:
            more.append(("The evidence", rating.evidence.strip()))
        if rating is not None and rating.actions:
            listed = (
                f"{n}. {describe_action(action, app.today)}"
                for n, action in enumerate(rating.actions, start=1)
            )
            more.append(("The actions", "\n".join(listed)))
        if app.earlier is not None:
            more.append(last_time(app.framework, app.earlier, indicator, rating))
        spelled = app.framework.abbreviations_in(indicator)
        if spelled:
            more.append(
                ("Abbreviations, as the rubric spells them out", "\n".join(said([pair]) for pair in spelled))
            )
        domain = app.framework.domain_of(indicator)
        about = [*domain.introduction[:1], *(f"• {question}" for question in domain.reflect)]
        if about:
            more.append((f"The domain: {domain.label}", "\n".join(about)))
        self.app.push_screen(ReaderDialog(app.framework, indicator, app.file.stage(indicator), more), chosen)

    def action_undo(self) -> None:
        app = self.session_app
        undoing = app.keeper.undo()
        self.noticed(app.keeper.noticed())
        if undoing is None:
            self.say("There is nothing to undo: no change was saved in this session yet.")
            return
        saved, attempt = undoing
        if saved.edit.indicator != self.indicator:
            app.session.go_to(saved.edit.indicator, shown=True)
        self.show_indicator()
        if isinstance(attempt, Done):
            self.say(undone(app.framework, saved), "saved")
        elif isinstance(attempt, Clash):
            conflicts.undo_clash(self, saved, attempt)
        else:
            self.problem(attempt)

    def action_help(self) -> None:
        self.app.push_screen(HelpDialog(self.session_app.framework))

    def action_quit_session(self) -> None:
        self.session_app.finish(Outcome.QUIT)


class AssessApp(App[None]):
    """`coalition assess` on the full screen. `live_votes` (off by default) shows the room's votes
    on the indicator in front: `run.room_votes` follows the `coalition room` session on the file.
    `today`, the session's day (by default the computer's), is the day actions fall overdue by."""

    TITLE = "coalition assess"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+c", "stop", "stop", show=False, priority=True),
        Binding("ctrl+d", "stop", "stop", show=False, priority=True),
    ]

    def __init__(
        self, opened: Opened, *, live_votes: LiveVotes | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__()
        self.opened = opened
        self.today = today or dt.date.today()
        self.keeper = SessionFile(opened.file)
        self.session = opened.session
        self.framework = opened.file.framework
        self.earlier = opened.earlier
        self.live_votes = live_votes
        self.outcome: Outcome | None = None  # None after the run: it crashed
        self.draft: Draft | None = None
        self.action_draft: ActionDraft | None = None
        self._problem_said: object = None
        self.keys = KeysInTurn(self)

    @property
    def file(self) -> AssessmentFile:
        """The file as the disk held it at the last look (someone else may save it too)."""
        return self.keeper.file

    @property
    def history(self) -> History:
        return self.keeper.history

    def get_driver_class(self) -> type[Driver]:
        from coalition_cli.cli.assess.screen.terminal import guarded

        return guarded(super().get_driver_class(), self.terminal_lost)

    async def on_event(self, event: events.Event) -> None:
        if not self.keys.held(event):  # a key typed ahead waits for the one before it (`keys.py`)
            await super().on_event(event)

    def on_mount(self) -> None:
        self.push_screen(IndicatorScreen(self.live_votes))
        self.run_worker(self.keys.hand_on(), name="keys in turn")
        self._signals_stop()
        self.set_interval(1.0, self.look_at_the_file)
        if not self.is_headless and sys.__stdin__ is not None and sys.__stdin__.isatty():
            self.set_interval(0.5, self._look_at_the_terminal)

    def _signals_stop(self) -> None:
        """A closed terminal (SIGHUP) and a polite kill (SIGTERM) end the session as Ctrl-C does:
        answers kept, the evidence being typed by the same rule."""
        import asyncio
        import contextlib
        import signal

        loop = asyncio.get_running_loop()
        for name, outcome in (("SIGHUP", Outcome.HUNG_UP), ("SIGTERM", Outcome.TERMINATED)):
            if hasattr(signal, name):
                with contextlib.suppress(
                    NotImplementedError, RuntimeError, ValueError
                ):  # not the main thread
                    loop.add_signal_handler(getattr(signal, name), self.finish, outcome)

    def _look_at_the_terminal(self) -> None:
        from coalition_cli.cli.assess.screen.terminal import terminal_gone

        if sys.__stdin__ is not None and terminal_gone(sys.__stdin__.fileno()):
            self.terminal_lost()

    def terminal_lost(self) -> None:
        """The terminal is gone (its output fails, or it hung up) though no signal said so."""
        if self.outcome is None:
            self.finish(Outcome.HUNG_UP)

    def look_at_the_file(self) -> None:
        """Every second: has someone else (the room, another laptop) saved the file?"""
        self.keeper.look()
        screen = next((s for s in self.screen_stack if isinstance(s, IndicatorScreen)), None)
        if screen is None or self.session.current is None:
            return
        screen.noticed(self.keeper.noticed())
        problem = self.keeper.problem
        if problem is not None and problem is not self._problem_said:
            screen.say(
                f"The file was changed elsewhere and cannot be saved now: {why_not_saved(problem)} "
                f"{what_to_do(problem)}",
                "warning",
            )
        elif problem is None and self._problem_said is not None:
            screen.say("The file can be saved again: it was fixed.", "saved")
        self._problem_said = problem

    def action_stop(self) -> None:
        self.finish(Outcome.INTERRUPTED)

    async def action_quit(self) -> None:
        """Textual's own quit key (Ctrl+Q) quits as q does."""
        self.finish(Outcome.QUIT)

    def finish(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.exit()

    def keep_draft(self) -> list[str]:
        """After an interruption: the evidence and the new action being typed, kept or printed by the
        sessions' one rule (`keeping`): what happened to each, for the facilitator."""
        evidence, self.draft = self.draft, None
        action, self.action_draft = self.action_draft, None
        notes = [
            keep_evidence(self.keeper, evidence.indicator, evidence.text) if evidence is not None else None,
            keep_action(self.keeper, action.indicator, action.action, action.unread)
            if action is not None
            else None,
        ]
        return [note for note in notes if note]
