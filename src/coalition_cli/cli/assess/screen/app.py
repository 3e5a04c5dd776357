"""The full-screen session: one indicator at a time, everything the room needs on one screen.

At 80×24 the indicator's id and name, where the session stands, every stage (a long descriptor
scrolls, and says so), the current answers and the keys are in view together; a larger terminal
gives the descriptors more rows. Keys are commands; text goes only into the evidence and action
boxes, which a key opens. Every answer is saved the moment it is given, through the session's
`History` (the safe editor, with undo), in `AssessApp.save` and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar, Literal

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static

from coalition_cli.cli.assess.screen.answers import ROOMY_HEIGHT, Answers, last_time, last_time_stage
from coalition_cli.cli.assess.screen.dialogs import (
    ActionChoice,
    ActionForm,
    ActionsDialog,
    EvidenceDialog,
    GoToDialog,
    HelpDialog,
    ReaderDialog,
    TargetDialog,
)
from coalition_cli.cli.assess.screen.widgets import KeyBar, LiveVotes, RoomPanel, StagesPanel, stage_views
from coalition_cli.cli.assess.startup import Opened
from coalition_cli.cli.assess.wording import describe_action, stage_label, undone
from coalition_cli.core.editing.history import History, Saved
from coalition_cli.core.editing.rating_edits import (
    CLEAR,
    ChangeAction,
    DeleteAction,
    NewAction,
    RatingEdit,
    clean_text,
)
from coalition_cli.core.errors import CoalitionError
from coalition_cli.core.model.stages import parse_stage


class Outcome(Enum):
    FINISHED = "finished"
    QUIT = "quit"
    INTERRUPTED = "interrupted"
    HUNG_UP = "hung up"
    FAILED = "failed"


@dataclass
class Draft:
    """Evidence being typed: kept on Ctrl-C, a closed terminal or a crash only where the indicator
    had none (it never replaces what the file says with half a sentence)."""

    indicator: str
    text: str
    had_evidence: bool


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
    IndicatorScreen #title #name { width: 1fr; }
    IndicatorScreen #where { height: 1; padding: 0 1; }
    IndicatorScreen #where, IndicatorScreen #answers, IndicatorScreen #message {
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
    IndicatorScreen #message { height: 1; padding: 0 1; text-style: bold; }
    IndicatorScreen #message.-warning { color: $warning; }
    IndicatorScreen #message.-saved { color: $success; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"stage({n})", f"stage {n}", show=False) for n in range(1, 10)),
        Binding("e", "evidence", "evidence"),
        Binding("a", "actions", "actions"),
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
            yield RoomPanel(self.live_votes, app.framework, id="room")
        first = app.session.current or app.framework.indicators[0].id
        yield StagesPanel(stage_views(app.framework, app.framework.indicator(first), None), id="stages")
        yield Static(id="answers")
        yield Static(id="message")
        yield KeyBar(lead=[(f"1–{app.framework.top_stage}", "stage")])

    def on_mount(self) -> None:
        self.show_indicator()

    # -- what is shown -----------------------------------------------------------------------------

    @property
    def indicator(self) -> str:
        current = self.session_app.session.current
        assert current is not None
        return current

    def show_indicator(self) -> None:
        """Everything about the indicator in front, from the file as it is now."""
        app = self.session_app
        fw = app.framework
        indicator = fw.indicator(self.indicator)
        place = [i.id for i in fw.indicators].index(indicator.id) + 1
        self.query_one("#name", Static).update(Text(f"{indicator.id}  {indicator.name}"))
        self.query_one("#place", Static).update(f"Indicator {place} of {len(fw.indicators)}")
        self._show_where()
        self.query_one(StagesPanel).show(stage_views(fw, indicator, app.file.stage(indicator.id)))
        self._show_answers()
        if self.live_votes is not None:
            self.query_one(RoomPanel).follow(indicator.id)

    def on_resize(self) -> None:
        if self.session_app.session.current is not None:
            self._show_where()
            self._show_answers()

    def _show_where(self) -> None:
        """The domain and how far along: the longest way of saying it that fits the width."""
        app = self.session_app
        domain = app.framework.domain_of(self.indicator)
        rated = sum(stage is not None for stage in app.file.stages.values())
        total = len(app.framework.indicators)
        bar = "█" * round(10 * rated / total) + "░" * (10 - round(10 * rated / total))
        here = f"{app.session.position + 1} of {app.session.total} in this session"
        ways = [
            f"{domain.id} {domain.name} · {bar} {rated} of {total} rated · {here}",
            f"{domain.id} {domain.name} · {rated} of {total} rated · {here}",
            f"{domain.id} {domain.name} · {rated} of {total} rated",
        ]
        where = next((way for way in ways if len(way) <= self.size.width - 2), ways[-1])
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
            last_time_stage(app.earlier, indicator),
        )
        # a projector's 80×24 gets a line each (e and a show them whole); a larger screen shows more
        roomy = self.size.height >= ROOMY_HEIGHT
        answers = self.query_one("#answers", Static)
        answers.set_class(roomy, "-roomy")
        answers.update(said.whole() if roomy else said.lines())

    def say(self, message: str, kind: Literal["saved", "warning", "note"] = "note") -> None:
        widget = self.query_one("#message", Static)
        widget.set_class(kind == "saved", "-saved")
        widget.set_class(kind == "warning", "-warning")
        widget.update(Text(message, no_wrap=True, overflow="ellipsis"))

    def _after_save(self, message: str, saved: bool, unchanged: str) -> None:
        if saved:
            self.say(f"Saved: {message}", "saved")
        else:
            self.say(unchanged)
        self.at_the_end = False
        self.show_indicator()

    # -- answers -----------------------------------------------------------------------------------

    def action_stage(self, number: int) -> None:
        app = self.session_app
        fw = app.framework
        if number not in fw.stage_numbers:
            self.say(f"There is no stage {number}: press 1 to {fw.top_stage}.", "warning")
            return
        indicator = self.indicator
        label = stage_label(fw, number)
        saved = app.save(app.session.choose(number))
        then = " Then: e evidence, a action, n next."
        self._after_save(
            f"{indicator} is at stage {label}.{then}", saved, f"{indicator} stays at stage {label}."
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
        saved = app.save(app.session.priority(on))
        what = "a priority: the plan puts it first" if on else "no longer a priority"
        self._after_save(f"{self.indicator} is {what}.", saved, f"{self.indicator} is {what}.")

    def action_target(self) -> None:
        app = self.session_app
        indicator = self.indicator
        rating = app.file.rating(indicator)
        target = parse_stage(app.framework, rating.target) if rating is not None else None

        def chosen(choice: int | Literal["none", "cancel"] | None) -> None:
            if choice in (None, "cancel"):
                return
            stage = None if choice == "none" else int(choice)
            saved = app.save(app.session.target(stage))
            what = f"the target is {stage_label(app.framework, stage)}" if stage else "no target"
            self._after_save(f"for {indicator}, {what}.", saved, f"For {indicator}, {what} already.")
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
        indicator = self.indicator
        rating = app.file.rating(indicator)
        before = clean_text(rating.evidence or "") if rating is not None else ""
        app.draft = Draft(indicator, before, bool(before))

        def written(typed: str | None) -> None:
            app.draft = None
            if typed is None:
                return
            text = clean_text(typed)
            if not text and not before:
                self.say("No evidence was typed.")
                return
            edit = app.session.evidence(text) if text else app.session.clear_evidence()
            saved = app.save(edit)
            what = "the evidence" if text else "no evidence (u undoes it)"
            self._after_save(f"{indicator} has {what}.", saved, "The evidence is as it was.")

        def typing(text: str) -> None:
            if app.draft is not None:
                app.draft.text = text

        title = f"Evidence for {indicator} {app.framework.indicator(indicator).name}"
        self.app.push_screen(EvidenceDialog(title, before, typing), written)

    def action_actions(self) -> None:
        app = self.session_app
        indicator = self.indicator
        rating = app.file.rating(indicator)
        actions = rating.actions if rating is not None else ()
        name = f"{indicator} {app.framework.indicator(indicator).name}"
        if not actions:
            self._edit_action(None)
            return

        def chosen(command: ActionChoice | None) -> None:
            if command is None:
                return
            if command.verb in ("new", "edit"):
                self._edit_action(command.index, then=self.action_actions)
                return
            assert command.index is not None
            number = command.index + 1
            if command.verb == "delete":
                saved = app.save(app.session.change_action(DeleteAction(command.index)))
                self._after_save(f"action {number} of {indicator} is deleted (u undoes it).", saved, "")
            else:
                status: Literal["done", "dropped"] = "done" if command.verb == "done" else "dropped"
                saved = app.save(app.session.change_action(ChangeAction(command.index, status=status)))
                self._after_save(
                    f"action {number} of {indicator} is marked {command.verb}.",
                    saved,
                    f"Action {number} was {command.verb} already.",
                )
            if app.outcome is None:
                self.action_actions()  # back to the list, to carry on

        self.app.push_screen(ActionsDialog(f"Actions for {name}", actions), chosen)

    def _edit_action(self, index: int | None, then: Callable[[], None] | None = None) -> None:
        """The form for a new action (`index` None) or an existing one; `then`, once it is closed."""
        app = self.session_app
        indicator = self.indicator
        rating = app.file.rating(indicator)
        existing = rating.actions[index] if rating is not None and index is not None else None
        title = f"{'Action ' + str(index + 1) if index is not None else 'A new action'} for {indicator}"

        def given(action: NewAction | None) -> None:
            if action is not None and index is None:
                saved = app.save(RatingEdit(indicator, add_actions=(action,)))
                self._after_save(f"a new action for {indicator}.", saved, "")
            elif action is not None and index is not None:
                change = ChangeAction(
                    index, action.action, action.owner or CLEAR, action.due or CLEAR, action.status or CLEAR
                )
                saved = app.save(app.session.change_action(change))
                self._after_save(
                    f"action {index + 1} of {indicator}.", saved, f"Action {index + 1} is as it was."
                )
            if then is not None and app.outcome is None:
                then()

        self.app.push_screen(ActionForm(title, existing), given)

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
            self.say("This is the last indicator of the session: press n again to finish, or b to go back.")
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
        self.say("")
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

        self.app.push_screen(GoToDialog(choices), chosen)

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
            listed = (f"{n}. {describe_action(action)}" for n, action in enumerate(rating.actions, start=1))
            more.append(("The actions", "\n".join(listed)))
        if app.earlier is not None:
            more.append(last_time(app.framework, app.earlier, indicator))
        domain = app.framework.domain_of(indicator)
        about = [*domain.introduction[:1], *(f"• {question}" for question in domain.reflect)]
        if about:
            more.append((f"The domain: {domain.id} {domain.name}", "\n".join(about)))
        self.app.push_screen(ReaderDialog(app.framework, indicator, app.file.stage(indicator), more), chosen)

    def action_undo(self) -> None:
        app = self.session_app
        saved = app.undo()
        if saved is None:
            self.say("There is nothing to undo: no change was saved in this session yet.")
            return
        if saved.edit.indicator != self.indicator:
            app.session.go_to(saved.edit.indicator)
        self.show_indicator()
        self.say(undone(app.framework, saved), "saved")

    def action_help(self) -> None:
        self.app.push_screen(HelpDialog(self.session_app.framework))

    def action_quit_session(self) -> None:
        self.session_app.finish(Outcome.QUIT)


class AssessApp(App[None]):
    """`coalition assess` on the full screen. `live_votes` (off by default) shows the room's votes
    on the indicator in front, beside the stages: `coalition room` passes where to read them."""

    TITLE = "coalition assess"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+c", "stop", "stop", show=False, priority=True),
        Binding("ctrl+d", "stop", "stop", show=False, priority=True),
    ]

    def __init__(self, opened: Opened, *, live_votes: LiveVotes | None = None) -> None:
        super().__init__()
        self.opened = opened
        self.file = opened.file
        self.session = opened.session
        self.framework = opened.file.framework
        self.earlier = opened.earlier
        self.history = History(opened.file)
        self.live_votes = live_votes
        self.outcome: Outcome | None = None  # None after the run: it crashed
        self.failure: CoalitionError | None = None
        self.draft: Draft | None = None

    def on_mount(self) -> None:
        self.push_screen(IndicatorScreen(self.live_votes))
        self._hang_up_stops()

    def _hang_up_stops(self) -> None:
        """A closed terminal ends the session as Ctrl-C does: answers kept, a draft by the same rule."""
        import asyncio
        import contextlib
        import signal

        if hasattr(signal, "SIGHUP"):
            with contextlib.suppress(
                NotImplementedError, RuntimeError, ValueError
            ):  # not the main thread (tests)
                asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.finish, Outcome.HUNG_UP)

    def save(self, edit: RatingEdit | None) -> bool:
        """Save one answer now, through the safe editor; False when it changes nothing. A problem
        (someone else changed the same indicator meanwhile) ends the session with the message."""
        if edit is None:
            return False
        try:
            return self.history.apply(edit)
        except CoalitionError as error:
            self.failure = error
            self.finish(Outcome.FAILED)
            return False

    def undo(self) -> Saved | None:
        try:
            return self.history.undo()
        except CoalitionError as error:
            self.failure = error
            self.finish(Outcome.FAILED)
            return None

    def action_stop(self) -> None:
        self.finish(Outcome.INTERRUPTED)

    async def action_quit(self) -> None:
        """Textual's own quit key (Ctrl+Q) quits as q does."""
        self.finish(Outcome.QUIT)

    def finish(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.exit()

    def keep_draft(self) -> str | None:
        """After an interruption: the evidence being typed is saved where it replaces nothing. What
        happened to it, for the facilitator; None when nothing was being typed."""
        draft, self.draft = self.draft, None
        if draft is None:
            return None
        typed = clean_text(draft.text)
        rating = self.file.rating(draft.indicator)
        before = clean_text(rating.evidence or "") if rating is not None else ""
        if not typed or typed == before:
            return None
        if draft.had_evidence:
            return "The evidence being typed was not saved; the earlier evidence stays."
        self.history.apply(RatingEdit(draft.indicator, evidence=typed))
        return f"The evidence being typed for {draft.indicator} was saved."
