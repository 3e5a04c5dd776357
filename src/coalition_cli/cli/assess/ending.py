"""How a session ends, line by line or after the full screen: what is saved, how to carry on, the scores."""

from __future__ import annotations

import contextlib
import shlex

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from coalition_cli.cli.assess.asking import say
from coalition_cli.cli.assess.startup import AssessOptions
from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.session import Session
from coalition_cli.core.wording import plural


class Ending:
    """The last words of a session on `file`, printed to `console` (which may have lost its terminal)."""

    def __init__(self, console: Console, file: AssessmentFile, options: AssessOptions) -> None:
        self.console, self.file, self.options = console, file, options

    def rated(self) -> tuple[int, int]:
        return self.file.rated, len(self.file.framework.indicators)

    def stopped(self, reason: str, where: str | None) -> None:
        """`Stopped at C1.3 …. Every answer given is saved …`, and the command that carries on."""
        rated, total = self.rated()
        path = escape(str(self.file.path))
        if where is None:
            say(self.console, "", f"{reason}. Every answer is saved in {path} ({rated} of {total} rated).")
            return
        name = self.file.framework.indicator(where).name
        say(
            self.console,
            "",
            f"{reason} at {escape(where)} {escape(name)}. "
            f"Every answer given is saved in {path}: {rated} of {total} indicators rated.",
        )
        self.show_command("To carry on from there, run:", self.options.command(start_at=where))

    def finished(self, session: Session) -> None:
        with contextlib.suppress(OSError):
            self.console.print()
            self.console.rule("Done")
        say(
            self.console,
            f"You went through {plural(len(session.visited), 'indicator')} and rated {len(session.answered)}.",
        )
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
                f"To rate {'it' if len(unrated) == 1 else 'them'}, run:", f"coalition assess {path}"
            )
        self.show_command("Next, turn the ratings into an action plan:", f"coalition plan {path}")

    def show_command(self, intro: str, command: str) -> None:
        """A command on a line of its own, never broken, so it can be copied whole."""
        say(self.console, intro)
        with contextlib.suppress(OSError):
            self.console.print(f"  [bold]{escape(command)}[/]", soft_wrap=True)
