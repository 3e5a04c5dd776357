"""How a session ends, line by line or after the full screen: what is saved, how to carry on, the scores."""

from __future__ import annotations

import contextlib
import shlex
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from coalition_cli.cli.assess.asking import say
from coalition_cli.cli.assess.startup import AssessOptions
from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.editing.rating_edits import RatingEdit
from coalition_cli.core.editing.session_file import SessionFile
from coalition_cli.core.session import Session
from coalition_cli.core.wording import plural


class Ending:
    """The last words of a session on the file `keeper` follows (as the disk holds it now: others may
    have saved it too), printed to `console` (which may have lost its terminal)."""

    def __init__(self, console: Console, keeper: SessionFile, options: AssessOptions) -> None:
        self.console, self.keeper, self.options = console, keeper, options

    @property
    def file(self) -> AssessmentFile:
        return self.keeper.file

    def rated(self) -> tuple[int, int]:
        return self.file.rated, len(self.file.framework.indicators)

    def stopped(self, reason: str, where: str | None, typed: Sequence[str] = ()) -> None:
        """`Stopped at C1.3 …. Every answer given is saved …`, what was not, the text being typed
        that could not be saved (`typed`, to paste in again), and the command that carries on."""
        rated, total = self.rated()
        path = escape(str(self.file.path))
        refused = self.keeper.not_saved()
        every = "Every other answer given" if refused else "Every answer given"
        if where is None:
            saved = f"{every} is saved in {path} ({rated} of {total} rated)."
            stopped = f"{reason}."
        else:
            name = self.file.framework.indicator(where).name
            saved = f"{every} is saved in {path}: {rated} of {total} indicators rated."
            stopped = f"{reason} at {escape(where)} {escape(name)}."
        if refused:
            say(self.console, "", stopped)
            self.not_saved(refused)
            say(self.console, saved)
        else:
            say(self.console, "", f"{stopped} {saved}")
        self.typed(typed)
        if where is not None:
            self.show_command("To carry on from there, run:", self.options.command(start_at=where))

    def not_saved(self, refused: Sequence[RatingEdit]) -> None:
        """The answers the file refused, by indicator, and why (the problem it has, if it still has
        one: to fix before carrying on)."""
        from coalition_cli.cli.assess.wording import answers_not_saved, what_to_do, why_not_saved

        listed = answers_not_saved(self.file.framework, refused)
        problem = self.keeper.problem
        if problem is not None:
            why = f"{why_not_saved(problem)} Fix it in an editor before carrying on."
        elif self.keeper.refusal is not None:
            why = f"When they were given: {why_not_saved(self.keeper.refusal)} {what_to_do(self.keeper.refusal)}"
        else:  # pragma: no cover - a refusal always has its reason
            why = ""
        say(self.console, f"[yellow]Not saved: {escape(listed)}.[/] {escape(why)}")

    def typed(self, notes: Sequence[str]) -> None:
        """What was being typed, saved or printed to paste in again (`keeping`)."""
        for note in notes:
            say(self.console, f"[dim]{escape(note)}[/]")

    def finished(self, session: Session) -> None:
        with contextlib.suppress(OSError):
            self.console.print()
            self.console.rule("Done")
        refused = self.keeper.not_saved()
        unsaved = {edit.indicator for edit in refused if edit.stage is not None}
        rated = sum(indicator not in unsaved for indicator in session.answered)
        say(self.console, f"You went through {plural(len(session.visited), 'indicator')} and rated {rated}.")
        if refused:
            self.not_saved(refused)
        self.summary()

    def summary(self) -> None:
        from coalition_cli.core.reports.document import stage_text
        from coalition_cli.core.scoring import score, shown

        fw = self.file.framework
        card = score(fw, self.file.stages)
        table = Table(title="Where the coalition stands", title_justify="left")
        table.add_column("Domain")
        table.add_column("Rated", justify="right", no_wrap=True)
        table.add_column("Score", justify="right", no_wrap=True)
        table.add_column("Stage", no_wrap=True)
        for domain in card.domains:
            table.add_row(
                escape(f"{domain.id} {domain.name}"),
                f"{domain.rated} of {domain.total}",
                shown(domain.exact) or "–",
                escape(stage_text(fw, domain.stage)),
            )
        table.add_section()
        table.add_row(
            "[bold]Overall[/]",
            f"{card.rated} of {card.total}",
            shown(card.exact) or "–",
            escape(stage_text(fw, card.stage)),
        )
        with contextlib.suppress(OSError):
            self.console.print(table)
        path = shlex.quote(str(self.file.path))
        unrated = [indicator.id for indicator in card.indicators if indicator.stage is None]
        if unrated:
            listed = ", ".join(unrated[:8]) + (", …" if len(unrated) > 8 else "")
            say(self.console, f"{plural(len(unrated), 'indicator')} not rated yet ({escape(listed)}).")
            self.show_command(
                f"To rate {'it' if len(unrated) == 1 else 'them'}, run:", self.options.command(whole=True)
            )
        self.show_command("Next, turn the ratings into an action plan:", f"coalition plan {path}")

    def show_command(self, intro: str, command: str) -> None:
        """A command on a line of its own, never broken, so it can be copied whole."""
        say(self.console, intro)
        with contextlib.suppress(OSError):
            self.console.print(f"  [bold]{escape(command)}[/]", soft_wrap=True)
