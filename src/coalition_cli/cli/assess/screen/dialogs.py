"""The full screen's dialogs: evidence, actions, target, go to, help, and every stage in full.

Each dialog only collects an answer and hands it back (`dismiss`); the session saves it, in one
place (`app.AssessApp.save`), so every answer goes through the same safe editor.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import ClassVar, Literal

from rich.console import RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, RadioButton, RadioSet, Static, TextArea
from textual.widgets.option_list import Option

from coalition_cli.cli.assess.screen.widgets import KeyBar
from coalition_cli.cli.assess.wording import describe_action, stage_label
from coalition_cli.core.editing.rating_edits import NewAction, clean_line
from coalition_cli.core.frozen import frozen
from coalition_cli.core.model.assessment import Action, ActionStatus
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.session import search_indicators, typed_due
from coalition_cli.core.wording import plural

_DIALOG_CSS = """
{name} {{
    align: center middle;
}}
{name} > Vertical {{
    width: 96%;
    max-width: 110;
    height: auto;
    max-height: 96%;
    border: thick $primary;
    background: $surface;
    padding: 0 1;
}}
{name} .title {{
    text-style: bold;
}}
{name} .hint {{
    color: $text-muted;
}}
{name} .problem {{
    color: $warning;
    text-style: bold;
}}
{name} .notice {{
    text-style: bold;
}}
{name} KeyBar {{
    dock: none;
    margin-top: 1;
}}
"""


def _css(name: str, extra: str = "") -> str:
    return _DIALOG_CSS.format(name=name) + extra


def stage_pressed(event: events.Key, framework: Framework) -> int | None:
    """The stage a key names, taken as a dialog's answer: the screen behind does not see the key."""
    character = event.character
    if not (character and character.isdigit() and int(character) in framework.stage_numbers):
        return None
    event.stop()
    event.prevent_default()
    return int(character)


# -- evidence --------------------------------------------------------------------------------------


class EvidenceDialog(ModalScreen[str]):
    """The evidence, typed or pasted, over as many lines and paragraphs as it takes. Esc saves: what was
    typed is never thrown away by a key (an emptied box removes the evidence; u undoes it)."""

    DEFAULT_CSS = _css("EvidenceDialog", "EvidenceDialog TextArea { height: 1fr; min-height: 5; }")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "save", "save and close", key_display="Esc"),
        Binding("ctrl+s", "save", "save", show=False),
        Binding("ctrl+l", "empty", "empty the box", key_display="Ctrl+L"),
    ]

    def __init__(
        self, title: str, text: str, typing: Callable[[str], None] | None = None, *, notice: str = ""
    ) -> None:
        super().__init__()
        self.title_text, self.text, self.typing, self.notice = title, text, typing, notice

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(escape(self.title_text), classes="title")
            if self.notice:
                yield Static(escape(self.notice), classes="problem")
            yield Static(
                "What shows the coalition is at this stage: meetings, documents, data. Type or paste; "
                "Enter starts a new line.",
                classes="hint",
            )
            yield TextArea(
                self.text, soft_wrap=True, show_line_numbers=False, tab_behavior="focus", id="evidence"
            )
            yield KeyBar()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def typed(self) -> str:
        return self.query_one(TextArea).text

    @on(TextArea.Changed)
    def _changed(self) -> None:
        if self.typing is not None:
            self.typing(self.typed)

    def action_save(self) -> None:
        self.dismiss(self.typed)

    def action_empty(self) -> None:
        self.query_one(TextArea).clear()


# -- actions ---------------------------------------------------------------------------------------


@frozen
class ActionChoice:
    """What to do to one of the actions listed: `edit` it, mark it `done` or `dropped`, or `delete` it."""

    verb: Literal["edit", "done", "dropped", "delete"]
    index: int


@frozen
class ActionAnswer:
    """What the action form hands back: the action typed (or None), and what to do to a listed one."""

    action: NewAction | None
    choice: ActionChoice | None = None


class ActionList(OptionList):
    """The actions already listed, one Shift+Tab above the form's boxes: the only place where letter
    keys are commands (d done, x dropped), so that typing a new action never changes an old one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "mark('done')", "mark done"),
        Binding("x", "mark('dropped')", "mark dropped"),
        Binding("delete", "mark('delete')", "delete", key_display="Del"),
    ]

    class Chosen(Message):
        def __init__(self, choice: ActionChoice) -> None:
            super().__init__()
            self.choice = choice

    def action_mark(self, verb: Literal["done", "dropped", "delete"]) -> None:
        if self.highlighted is not None:
            self.post_message(self.Chosen(ActionChoice(verb, self.highlighted)))

    @on(OptionList.OptionSelected)
    def _edit(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(ActionChoice("edit", event.option_index)))


class StatusChoice(RadioSet):
    """How far along the action is; Enter takes the highlighted one and saves (it is the last box)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "choose", "choose and save", show=False)]

    class Chosen(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def action_choose(self) -> None:
        buttons = list(self.query(RadioButton))
        highlighted = next((n for n, button in enumerate(buttons) if button.has_class("-selected")), None)
        index = highlighted if highlighted is not None else self.pressed_index
        if index >= 0:
            buttons[index].value = True
        self.post_message(self.Chosen(index))


class StatusButton(RadioButton):
    """One of the statuses to choose from, marked ● when chosen and ○ when not: Textual's radio
    button tells them apart by colour alone, which a projector washes out and some eyes cannot see."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # Textual reads the class attribute here
        return "●" if self.value else "○"


_STATUSES: tuple[tuple[ActionStatus | None, str], ...] = (
    (None, "not said"),
    ("planned", "planned"),
    ("in-progress", "in progress"),
    ("done", "done"),
    ("dropped", "dropped"),
)


LISTED_ROWS = 5
"""Rows for the actions so far, at most, with the line saying how many more there are when they do
not all show: a long list scrolls, above the new action's boxes."""


class ActionForm(ModalScreen[ActionAnswer | None]):
    """One action: what, who leads it, by when, how far along. Esc (or Enter in the last box) saves.

    A new action's form also lists the indicator's actions so far, one Shift+Tab above the boxes,
    to change, mark or delete one; what is typed in the boxes is only ever the new action's text.
    """

    DEFAULT_CSS = _css(
        "ActionForm",
        """
        ActionForm Horizontal { height: 1; margin-top: 1; }
        ActionForm .label { width: 26; }
        ActionForm Input { width: 1fr; }
        ActionForm .what { margin-top: 1; }
        ActionForm ActionList { height: auto; }
        ActionForm #more { height: 1; text-wrap: nowrap; text-overflow: ellipsis; display: none; }
        ActionForm StatusChoice { layout: horizontal; height: auto; width: 100%; }
        ActionForm StatusChoice RadioButton { width: auto; }
        """,
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "save", "save and close", key_display="Esc"),
        Binding("ctrl+s", "save", "save", show=False),
    ]

    def __init__(
        self,
        title: str,
        action: Action | None = None,
        *,
        listed: Sequence[Action] = (),
        at: int | None = None,
        typed: NewAction | None = None,
        notice: str = "",
        typing: Callable[[NewAction | None, str], None] | None = None,
        today: dt.date | None = None,
        meant: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.meant = meant  # the participant an owner being typed is close to ("Maria Lopes"), or None
        self._suggested: str | None = None
        self.title_text, self.action = title, action
        self.listed = tuple(listed)
        self.today = today  # the session's day: a listed action past due then says "overdue"
        # a listed action to keep highlighted after changing one, one Shift+Tab away: the focus goes to
        # the new action's box, never the list, whose letters are commands (typing "Send …" there
        # after an edit marked an action done)
        self.at = at
        self.typed = typed  # what was typed before, when the form is opened again (a save refused)
        self.notice = notice
        self.typing = typing  # told of the new action as it is typed, to keep it if the session stops
        self._warned = False  # an owner or a date without the action's words: said once

    def compose(self) -> ComposeResult:
        action = self.typed or self.action
        due = action.due.isoformat() if action and action.due else ""
        with Vertical(id="form"):
            yield Static(escape(self.title_text), classes="title")
            if self.notice:
                yield Static(escape(self.notice), classes="notice")
            if self.listed:
                yield Static(
                    "Its actions so far (Shift+Tab to them: Enter edits, d done, x dropped, Del deletes):",
                    classes="hint",
                )
                listed = ActionList(
                    *(
                        Option(Text(f"{number}. {describe_action(listed, self.today)}"))
                        for number, listed in enumerate(self.listed, start=1)
                    ),
                    compact=True,
                )
                listed.styles.max_height = LISTED_ROWS  # fewer when the form needs them (`_fit_list`)
                yield listed
                yield Static(id="more", classes="hint")
            # the action's words have the dialog's whole width (72 columns at 80×24, not 46 beside a
            # label): a typical action is read whole while it is typed. The label's row is taken from
            # the list above (5 rows high, not 6), so the form is no taller.
            yield Static("What will the team do?", classes="what")
            yield Input(
                action.action if action else "",
                placeholder="like: Adopt the charter",
                id="what",
                compact=True,
                select_on_focus=False,
            )
            with Horizontal():
                yield Static("Who leads it? (optional)", classes="label")
                yield Input(
                    action.owner or "" if action else "",
                    placeholder="a person or an organization",
                    id="owner",
                    compact=True,
                    select_on_focus=False,
                )
            with Horizontal():
                yield Static("Due date (optional)", classes="label")
                yield Input(
                    due,
                    placeholder="year-month-day, like 2026-06-30",
                    id="due",
                    compact=True,
                    select_on_focus=False,
                )
            yield Static("How far along? (Tab to here, then ← → and Enter)", classes="hint")
            with StatusChoice(id="status", compact=True):
                current = action.status if action else None
                for status, label in _STATUSES:
                    yield StatusButton(label, value=status == current, compact=True)
            yield Static("", classes="problem", id="problem")
            yield KeyBar(lead=[("Tab", "next box"), ("Enter", "next box, or save at the last")])

    def on_mount(self) -> None:
        if self.at is not None and self.listed:
            self.query_one(ActionList).highlighted = min(self.at, len(self.listed) - 1)
        self.query_one("#what", Input).focus()
        if self.listed:  # a problem said, a notice, a new width: what the form holds changed height
            self.watch(self.query_one("#form"), "virtual_size", self._refit, init=False)
            self.watch(self.query_one(ActionList), "scroll_y", self._say_more, init=False)
        self._refit()

    def on_resize(self) -> None:
        self._refit()

    def _refit(self, _size: object = None) -> None:
        self.call_after_refresh(self._fit_list)  # once the form is laid out

    def _fit_list(self) -> None:
        """The actions so far take the rows the form leaves them (`LISTED_ROWS` at most, one at
        least): the boxes, a problem with the due date and the keys stay in view. At 80×24 a date's
        problem had pushed the keys out of the form. When they do not all show, a line under them
        says how many more there are (three actions showed one and a half, and nothing said a third
        was there), and the list ends after the last one it shows whole, when one fits."""
        listed = self._listed_shown()
        if listed is None:
            return
        form = self.query_one("#form", Vertical)
        more = self.query_one("#more", Static)
        limit = form.styles.max_height
        if limit is None:
            return
        rows = int(limit.resolve(self.size, self.app.size)) - form.styles.gutter.height
        mine = listed.outer_size.height + (more.outer_size.height if more.display else 0)
        room = min(LISTED_ROWS, rows - (form.virtual_size.height - mine))  # whatever the list's height
        sizes = list(Counter(index for index, _line in listed._lines).values())  # rows of each action
        cut = sum(sizes) > room
        height = max(room - 1 if cut else room, 1)
        whole = list(accumulate(sizes))
        if cut and whole[0] <= height:
            height = max(shown for shown in whole if shown <= height)
        listed.styles.max_height = height
        more.display = cut
        self.call_after_refresh(self._say_more)

    def _listed_shown(self) -> ActionList | None:
        """The list of actions so far; None without one, or once the form is closed (a key typed
        ahead can close it before a measure asked for meanwhile is taken)."""
        return next(iter(self.query(ActionList)), None) if self.listed and self.is_attached else None

    def _say_more(self, _scrolled: object = None) -> None:
        """ "↓ 1 more action below (Shift+Tab, then ↑ ↓)": the actions the list does not show whole."""
        listed = self._listed_shown()
        if listed is None:
            return
        rows = [index for index, _line in listed._lines]  # the action on each row of the list
        top = round(listed.scroll_y)
        above = len(set(rows[:top]))
        below = len(set(rows[top + listed.scrollable_content_region.height :]))
        said = [f"↑ {plural(above, 'more action')} above"] if above else []
        said += [f"↓ {plural(below, 'more action')} below"] if below else []
        keys = "↑ ↓" if listed.has_focus else "Shift+Tab, then ↑ ↓"
        self.query_one("#more", Static).update(f"{', '.join(said)} ({keys})" if said else "")

    @on(Input.Submitted)
    def _next_or_save(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "due" and not self._due_ok():
            return
        if event.input.id == "owner" and self._suggested is not None:
            event.input.value = self._suggested  # Enter takes the participant's name
        self.focus_next()

    @on(Input.Changed, "#owner")
    def _suggest_owner(self, event: Input.Changed) -> None:
        """An owner close to a participant's name without being it ("Maria Lopes") is offered the
        name: Enter takes it, Tab (or Esc) keeps what was typed. The actions register would count
        the two spellings as two people."""
        meant = self.meant(event.value) if self.meant is not None and event.value.strip() else None
        if meant is not None:
            self._problem(f"Did you mean {meant}? Enter takes it; Tab keeps what you typed.")
        elif self._suggested is not None:
            self._problem("")
        self._suggested = meant

    @on(Input.Blurred, "#owner")
    def _owner_left(self) -> None:
        if self._suggested is not None:
            self._suggested = None
            self._problem("")

    @on(Input.Blurred, "#due")
    def _check_due(self) -> None:
        self._due_ok()

    @on(Input.Blurred)
    def _from_the_start(self, event: Input.Blurred) -> None:
        """A box left for another shows its words from the first (a long one had stayed scrolled to
        its end, cut mid-word at the left): the room checks what was typed from this view. Not when
        the terminal itself loses the focus (the facilitator looks at a browser): the typing goes on
        where it was when they come back."""
        if self.app.app_focus:
            event.input.cursor_position = 0

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Back in a box, the cursor is after its words: typing adds to them (Textual's own way selects
        them all, and the next key replaced a whole action)."""
        if isinstance(event.widget, Input):
            event.widget.cursor_position = len(event.widget.value)
        self._say_more()  # the keys that reach the actions not shown, from where the focus is

    @on(Input.Changed)
    @on(RadioSet.Changed)
    def _changed(self) -> None:
        if self.typing is not None:
            self.typing(*self._so_far())

    def _so_far(self) -> tuple[NewAction | None, str]:
        """The new action as far as it is typed (None without its words), and the due date's text
        when it does not read as a date yet (the action is then without one)."""
        what = clean_line(self.query_one("#what", Input).value)
        if not what:
            return None, ""
        due_text = self.query_one("#due", Input).value.strip()
        try:
            due, unread = typed_due(due_text), ""
        except ValueError:
            due, unread = None, due_text
        owner = clean_line(self.query_one("#owner", Input).value) or None
        pressed = self.query_one(StatusChoice).pressed_index
        return NewAction(what, owner, due, _STATUSES[pressed][0] if pressed >= 0 else None), unread

    def _due_ok(self) -> bool:
        """Whether the due date reads as a date (said at once, not only at the end)."""
        try:
            typed_due(self.query_one("#due", Input).value)
        except ValueError as error:
            self._problem(str(error))
            return False
        self._problem("")
        return True

    @on(StatusChoice.Chosen)
    def _chosen(self, event: StatusChoice.Chosen) -> None:
        self._save(event.index)

    @on(ActionList.Chosen)
    def _listed(self, event: ActionList.Chosen) -> None:
        typed = self._typed(self.query_one(StatusChoice).pressed_index)
        if isinstance(typed, str):
            return  # a bad due date in the new action: said, and kept for correcting
        self.dismiss(ActionAnswer(typed, event.choice))

    def action_save(self) -> None:
        self._save(self.query_one(StatusChoice).pressed_index)

    def _save(self, pressed: int) -> None:
        typed = self._typed(pressed)
        if isinstance(typed, str):
            return
        if typed is None and self.action is not None:
            self._problem("An action needs a few words; to remove it, press Del in the list of actions.")
            return
        if typed is None and self._others_typed() and not self._warned:
            self._warned = True  # said once: Esc again closes, and what the boxes hold is let go
            self._problem("Not saved: type what the team will do, or Esc again to close without it.")
            self.query_one("#what", Input).focus()
            return
        self.dismiss(ActionAnswer(typed) if typed is not None else None)

    def _others_typed(self) -> bool:
        """Whether a new action's owner or due date is typed (its words are not)."""
        return any(self.query_one(f"#{box}", Input).value.strip() for box in ("owner", "due"))

    def _typed(self, pressed: int) -> NewAction | str | None:
        """The action in the boxes; None when nothing is typed; the problem (said) with the due date."""
        what = clean_line(self.query_one("#what", Input).value)
        if not what:
            return None
        try:
            due = typed_due(self.query_one("#due", Input).value)
        except ValueError as error:
            self._problem(str(error))
            self.query_one("#due", Input).focus()
            return str(error)
        owner = clean_line(self.query_one("#owner", Input).value) or None
        status = _STATUSES[pressed][0] if pressed >= 0 else None
        return NewAction(what, owner, due, status)

    def _problem(self, message: str) -> None:
        self.query_one("#problem", Static).update(escape(message))


# -- target, go to ---------------------------------------------------------------------------------


class TargetDialog(ModalScreen[int | Literal["none", "cancel"]]):
    """The stage the team aims for next: one key."""

    DEFAULT_CSS = _css("TargetDialog")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("0,delete,backspace", "pick('none')", "no target", key_display="0"),
        Binding("escape", "pick('cancel')", "cancel", key_display="Esc"),
    ]

    def __init__(self, framework: Framework, indicator: str, stage: int | None, target: int | None) -> None:
        super().__init__()
        self.framework, self.indicator, self.stage, self.target = framework, indicator, stage, target

    def compose(self) -> ComposeResult:
        fw = self.framework
        with Vertical():
            yield Static(
                f"Target for {escape(self.indicator)}: the stage the team aims for next", classes="title"
            )
            now = f"Now at {stage_label(fw, self.stage)}" if self.stage is not None else "Not rated yet"
            aim = f"; the target is {stage_label(fw, self.target)}" if self.target is not None else ""
            yield Static(escape(f"{now}{aim}."), classes="hint")
            yield Static(escape(f"Press 1 to {fw.top_stage}: {fw.stage_choices()}."))
            yield KeyBar(lead=[(f"1–{fw.top_stage}", "target")])

    def on_key(self, event: events.Key) -> None:
        stage = stage_pressed(event, self.framework)
        if stage is not None:
            self.dismiss(stage)

    def action_pick(self, choice: Literal["none", "cancel"]) -> None:
        self.dismiss(choice)


_FOUND_WHERE = {
    "glossary": "No name has these words; by the rubric's glossary, they are about these:",
    "stages": "No name has these words; the stages of these indicators do:",
    "nowhere": "No indicator has these words: try another word, or an id like C6.2.",
}
"""What the go-to list says above itself when it lists no indicator by its name."""


class GoToDialog(ModalScreen[str | None]):
    """Any indicator, by typing its id (or part of its name) and Enter, or choosing it from the list."""

    DEFAULT_CSS = _css(
        "GoToDialog",
        "GoToDialog OptionList { height: auto; max-height: 14; } GoToDialog #found-where { display: none; }",
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "cancel", key_display="Esc"),
        Binding("down", "move(1)", "next", show=False),
        Binding("up", "move(-1)", "previous", show=False),
    ]

    def __init__(self, framework: Framework, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.framework = framework
        self.choices = choices  # (id, what the list shows)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Go to an indicator", classes="title")
            yield Input(placeholder="type its id, like C6.2, or part of its name", id="typed")
            yield Static("", id="found-where", classes="hint")
            yield OptionList(*(Option(Text(shown), id=indicator) for indicator, shown in self.choices))
            yield KeyBar(lead=[("Enter", "go"), ("↑ ↓", "choose")])

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.query_one(OptionList).highlighted = 0

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        ids, where = search_indicators(self.framework, event.value)  # as `g` finds them line by line
        found = set(ids)
        said = _FOUND_WHERE.get(where, "")
        hint = self.query_one("#found-where", Static)
        hint.update(said)
        hint.display = bool(said)
        options = self.query_one(OptionList)
        options.clear_options()
        matches = [(i, shown) for i, shown in self.choices if i in found]
        options.add_options(Option(Text(shown), id=i) for i, shown in matches)
        options.highlighted = 0 if matches else None

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.highlighted = ((options.highlighted or 0) + step) % options.option_count

    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def _go(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None and options.option_count:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def action_close(self) -> None:
        self.dismiss(None)


# -- a decision -----------------------------------------------------------------------------------


class ChoiceDialog(ModalScreen[str]):
    """A question the facilitator answers with one key: what to do when someone else saved the same
    indicator meanwhile, or a save could not be made. Esc gives `safe` (the choice that loses nothing)."""

    DEFAULT_CSS = _css("ChoiceDialog", "ChoiceDialog VerticalScroll { height: auto; max-height: 12; }")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "pick_safe", "close", show=False)]

    def __init__(
        self, title: str, body: RenderableType, choices: Sequence[tuple[str, str]], safe: str
    ) -> None:
        super().__init__()
        self.title_text, self.body = title, body
        self.choices = list(choices)  # (key, what it does)
        self.safe = safe

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(escape(self.title_text), classes="title")
            with VerticalScroll():
                yield Static(self.body)
            way_out = dict(self.choices).get(self.safe, "close")
            yield KeyBar(lead=[*self.choices, ("Esc", way_out)])

    def on_key(self, event: events.Key) -> None:
        keys = {key for key, _what in self.choices}
        if event.key in keys or event.key == "enter":
            event.stop()
            event.prevent_default()
            self.dismiss(self.safe if event.key == "enter" else event.key)

    def action_pick_safe(self) -> None:
        self.dismiss(self.safe)


# -- reading -------------------------------------------------------------------------------------


class ReaderDialog(ModalScreen[int | None]):
    """Every stage of the indicator in full, to read before choosing; a stage key chooses from here."""

    DEFAULT_CSS = _css("ReaderDialog", "ReaderDialog VerticalScroll { height: 1fr; }")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,r,q", "close", "close", key_display="Esc")]

    def __init__(
        self, framework: Framework, indicator: str, current: int | None, more: Sequence[tuple[str, str]] = ()
    ) -> None:
        super().__init__()
        self.framework, self.indicator, self.current = framework, indicator, current
        self.more = more  # (heading, text): the team's evidence, last term's answers

    def compose(self) -> ComposeResult:
        from coalition_cli.cli.output.framework_view import descriptor_table

        fw = self.framework
        indicator = fw.indicator(self.indicator)
        with Vertical():
            yield Static(escape(f"{indicator.label}, in full"), classes="title")
            with VerticalScroll(id="reading"):
                yield Static(descriptor_table(fw, indicator, current=self.current))
                for heading, text in self.more:
                    yield Static(Text.assemble("\n", (heading, "bold"), "\n", text))
            yield KeyBar(lead=[("↑ ↓ PgUp PgDn", "scroll"), (f"1–{fw.top_stage}", "choose a stage")])

    def on_mount(self) -> None:
        self.query_one("#reading").focus()

    def on_key(self, event: events.Key) -> None:
        stage = stage_pressed(event, self.framework)
        if stage is not None:
            self.dismiss(stage)

    def action_close(self) -> None:
        self.dismiss(None)


class HelpDialog(ModalScreen[None]):
    """What every key does, in words; how to close it, first and last."""

    DEFAULT_CSS = _css(
        "HelpDialog", "HelpDialog > Vertical { height: 96%; } HelpDialog VerticalScroll { height: 1fr; }"
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "close", key_display="Esc")
    ]

    def __init__(self, framework: Framework) -> None:
        super().__init__()
        self.framework = framework

    def compose(self) -> ComposeResult:
        fw = self.framework
        table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
        table.add_column(no_wrap=True, style="bold")
        table.add_column()
        for key, what in help_rows(fw):
            table.add_row(key, what)
        with Vertical():
            yield Static("The keys (Esc closes this help)", classes="title")
            with VerticalScroll():
                yield Static(table)
            yield KeyBar(lead=[("↑ ↓", "scroll")])

    def action_close(self) -> None:
        self.dismiss(None)


def help_rows(framework: Framework) -> list[tuple[str, str]]:
    """Every key of the session and what it does (the help dialog, and the README's list)."""
    return [
        (
            f"1 to {framework.top_stage}",
            f"rate: the stage that best describes the coalition today ({framework.stage_choices()})",
        ),
        ("e", "evidence: what shows it (type or paste; several lines and paragraphs are fine)"),
        (
            "a",
            "a new action; Shift+Tab in it reaches the actions so far, to change, mark done or dropped, or delete one",
        ),
        ("t", "target: the stage the team aims for next"),
        ("p", "priority: work on this one first (the plan puts it at the top); p again to undo"),
        ("=", "the same stage as the linked indicator, when the rubric links one"),
        ("n  →", "next indicator"),
        ("b  ←", "back to where you were (after g, the indicator you came from), else the one before"),
        ("g", "go to any indicator"),
        (
            "r",
            "read everything in full: every stage, the evidence, the actions, last term's answers, the domain",
        ),
        ("Tab  ↑ ↓", "move to a stage and scroll its text"),
        ("u", "undo the last change"),
        ("?", "this help"),
        ("q", "stop here: every answer is already saved"),
        ("Ctrl+C", "stop at any moment, also without losing answers"),
        ("Esc", "close a box or this help (a box saves what it holds)"),
    ]
