"""When someone else saved the same answer meanwhile, or a save failed: the facilitator decides.

The room saved C2.4's stage while the facilitator was typing its evidence; a colleague's laptop
marked an action done. Changes to other parts of the rating are merged without a word
(`core.editing.session_file`); these are the rest. Each question shows what the file says now and
what the facilitator gave, and offers one key per way out. Esc always takes the way that loses
nothing: typed text goes back into its box. The session never ends over it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from coalition_cli.cli.assess.screen.dialogs import ChoiceDialog
from coalition_cli.cli.assess.wording import (
    ELSEWHERE,
    describe_action,
    part_given,
    part_now,
    undone,
    what_to_do,
    why_not_saved,
)
from coalition_cli.core.editing.history import Saved
from coalition_cli.core.editing.rating_edits import NewAction, RatingEdit
from coalition_cli.core.editing.session_file import Clash, Done, Failed
from coalition_cli.core.errors import CoalitionError

if TYPE_CHECKING:
    from coalition_cli.cli.assess.screen.app import IndicatorScreen

__all__ = ["ChoiceDialog", "action_changed_meanwhile", "decide", "show_problem", "undo_clash"]


def _quoted(text: str, style: str = "") -> Padding:
    """Words quoted in a question, indented on every line, wrapped or their own: a wrapped line at
    the left edge read as a new line of the question."""
    return Padding(Text(text, style=style), (0, 0, 0, 2))


def decide(screen: IndicatorScreen, edit: RatingEdit, clash: Clash, said: str, unchanged: str) -> None:
    """Someone else changed the part of the rating this change replaces: theirs, mine, or both."""
    app = screen.session_app
    fw = app.framework
    indicator = edit.indicator
    parts = sorted(clash.parts)
    lines: list[RenderableType] = [Text(f"{indicator} was changed {ELSEWHERE} while you were at it.\n")]
    for number, part in enumerate(parts):
        lines += [
            *([Text("")] if number else []),
            Text(f"The file now says, for the {part}:", style="bold"),
            _quoted(part_now(fw, part, clash.now)),
            Text("You gave:", style="bold"),
            _quoted(part_given(fw, part, edit)),
        ]
    body = Group(*lines)
    typed = edit.evidence if isinstance(edit.evidence, str) and edit.evidence else None
    theirs = part_now(fw, "evidence", clash.now) if "evidence" in clash.parts else ""
    if typed is not None and "evidence" in clash.parts and theirs != "none":
        both = f"{theirs}\n\n{typed}"
        choices = [
            ("e", "edit both in the box"),
            ("b", "keep both, theirs first"),
            ("y", "yours in place of theirs"),
            ("t", "keep theirs, drop yours"),
        ]

        def chosen(key: str | None) -> None:
            if key == "e":
                screen.edit_evidence(
                    both, seen=clash.now, notice="Theirs, then yours: Esc saves the box as it is."
                )
            elif key == "b":
                screen.commit(
                    RatingEdit(indicator, evidence=both),
                    f"{indicator} keeps both texts of evidence, theirs first.",
                    "",
                    seen=clash.now,
                )
            elif key == "y":
                screen.commit(edit, said, unchanged, seen=clash.now)
            else:
                app.draft = None
                screen.say(f"{indicator} keeps the evidence saved {ELSEWHERE}; yours was left out.")

        screen.app.push_screen(
            ChoiceDialog(f"{indicator}: the evidence was changed meanwhile", body, choices, "e"), chosen
        )
        return
    mine = ", ".join(part_given(fw, part, edit) for part in parts)
    now = ", ".join(part_now(fw, part, clash.now) for part in parts)
    choices = [("y", f"make it yours ({mine})"), ("t", f"keep what the file says ({now})")]

    def decided(key: str | None) -> None:
        if key == "y":
            screen.commit(edit, said, unchanged, seen=clash.now)
        else:
            app.draft = None
            screen.say(f"{indicator} keeps what was saved {ELSEWHERE}: {now}.")

    screen.app.push_screen(ChoiceDialog(f"{indicator} was changed meanwhile", body, choices, "t"), decided)


def action_changed_meanwhile(
    screen: IndicatorScreen, indicator: str, action: NewAction, clash: Clash
) -> None:
    """An action being edited, while its list changed elsewhere (its number may be another's now)."""
    body = Group(
        Text(
            f"The actions of {indicator} were changed {ELSEWHERE} while you edited one, so the one you "
            "edited may have another number now. What you typed:\n"
        ),
        _quoted(action.action, style="bold"),
    )
    choices = [("a", "add what you typed as a new action"), ("l", "leave it, and look at the list")]

    def chosen(key: str | None) -> None:
        if key == "l":
            screen.action_actions()
            return
        screen.commit(
            RatingEdit(indicator, add_actions=(action,)),
            f"a new action for {indicator}: {describe_action(action)}.",
            "",
            seen=clash.now,
        )

    screen.app.push_screen(
        ChoiceDialog(f"{indicator}: the actions were changed meanwhile", body, choices, "a"), chosen
    )


def undo_clash(screen: IndicatorScreen, saved: Saved, clash: Clash) -> None:
    """The last change was changed again by someone else since: undoing would overwrite theirs."""
    app = screen.session_app
    fw = app.framework
    indicator = saved.edit.indicator
    now = ", ".join(f"the {part} is {part_now(fw, part, clash.now)}" for part in sorted(clash.parts))
    body = Text(
        f"Since your change, {indicator} was changed {ELSEWHERE}: {now}. Undoing would overwrite that."
    )
    choices = [("y", "undo anyway"), ("t", "keep theirs (your change can no longer be undone)")]

    def chosen(key: str | None) -> None:
        if key == "y":
            attempt = app.keeper.force_undo()
            screen.show_indicator()
            if isinstance(attempt, Done):
                screen.say(undone(fw, saved), "saved")
            elif isinstance(attempt, Failed):
                screen.problem(attempt)
        else:
            app.keeper.forget_last()
            screen.say(f"{indicator} keeps what was saved {ELSEWHERE}; u now undoes the change before.")

    screen.app.push_screen(
        ChoiceDialog(f"Undo: {indicator} was changed meanwhile", body, choices, "t"), chosen
    )


def show_problem(screen: IndicatorScreen, error: CoalitionError, then: object = None) -> None:
    """Why a save failed and what to do; Esc goes on (with `then`: back to the box, text kept)."""
    body = Text(why_not_saved(error))
    todo = what_to_do(error)
    if todo:
        body.append(f"\n\n{todo}", style="italic")
    if then is not None:
        body.append("\n\nWhat you typed is kept: it goes back into its box.")

    def closed(_key: str | None) -> None:
        if callable(then):
            then()

    screen.app.push_screen(ChoiceDialog("Not saved", body, [], ""), closed)
