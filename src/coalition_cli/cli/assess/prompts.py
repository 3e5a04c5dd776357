"""The facilitator's side of `coalition assess`: what is shown and asked, one indicator at a time.

The state lives in `core.session.Session`; every answer is saved at once through
`core.editing.AssessmentFile`. Ctrl-C or the end of input at any prompt keeps every answer already
given, says where the session stopped and how to carry on, and exits 130.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shlex
import signal
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import typer
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from coalition_cli.core.editing.assessment_file import AssessmentFile, RatingConflictError
from coalition_cli.core.editing.rating_edits import RatingEdit, clean_line
from coalition_cli.core.errors import EXIT_INTERRUPTED, UsageError
from coalition_cli.core.loading.assessments import LoadedAssessment, load_assessment
from coalition_cli.core.model.assessment import Action, Participant
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.session import Command, Kind, Session, parse_command, parse_date
from coalition_cli.core.wording import plural

BAR_WIDTH = 30


@dataclass(frozen=True)
class AssessOptions:
    file: Path
    framework: str | None = None
    domains: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    revisit_all: bool = False
    start_at: str | None = None
    since: Path | None = None
    coalition: str | None = None
    date: str | None = None

    def command(self, *, start_at: str | None = None, revisit_all: bool = False) -> str:
        """The command that carries on this session, as the facilitator would type it."""
        words = ["coalition", "assess", str(self.file)]
        words += [part for domain in self.domains for part in ("--domain", domain)]
        words += [part for indicator in self.indicators for part in ("--indicator", indicator)]
        if self.revisit_all or revisit_all:
            words.append("--all")
        if self.since is not None:
            words += ["--since", str(self.since)]
        if start_at and list(self.indicators) != [start_at]:  # one indicator: nowhere else to start
            words += ["--start-at", start_at]
        return shlex.join(words)


def run(options: AssessOptions) -> None:
    """The whole `coalition assess` command, from opening (or creating) the file to the summary."""
    from coalition_cli.cli.console import stdout

    console = stdout()
    _enable_line_editing()
    if not options.file.exists():
        try:
            _create(console, options)
        except (KeyboardInterrupt, EOFError):
            console.print()
            console.print(f"Stopped. Nothing was created: {escape(str(options.file))} does not exist yet.")
            raise typer.Exit(EXIT_INTERRUPTED) from None
    elif options.coalition or options.date:
        console.print(
            f"[dim]{escape(str(options.file))} already exists: --coalition and --date are only used for a new file.[/]"
        )
    try:
        file = AssessmentFile(options.file)
        _check_framework(file, options.framework)
        earlier = _earlier(file, options.since)
        session = Session.plan(
            file.framework,
            file.stages,
            domains=options.domains,
            indicators=options.indicators,
            revisit_all=options.revisit_all,
            start_at=options.start_at,
        )
    except KeyboardInterrupt:
        console.print("Stopped before the first question: nothing was changed.")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    Walk(console, file, session, options, earlier).run()


def _earlier(file: AssessmentFile, since: Path | None) -> LoadedAssessment | None:
    """The earlier assessment of `--since`, checked like any other and of the same rubric."""
    if since is None:
        return None
    from coalition_cli.core.reports.score import framework_signature

    earlier = load_assessment(since)
    if framework_signature(earlier.framework) != framework_signature(file.framework):
        raise UsageError(
            f"{since} uses the framework {earlier.framework.id!r}, and {file.path} uses {file.framework.id!r}: "
            "their ratings cannot be put side by side"
        )
    return earlier


_line_editing = False


def _enable_line_editing() -> None:
    """Arrow keys and backspace behave at a real terminal (the input() behind the prompts uses it)."""
    global _line_editing
    if sys.stdin is not None and sys.stdin.isatty():
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401

            _line_editing = True


_NAME_HELP = "The coalition's name as reports should show it, for example: Riverside Pathways Coalition."
_DATE_HELP = "The day of this assessment, written year-month-day like 2026-03-14; press Enter for today."
_EVIDENCE_HELP = (
    "What shows the coalition is at this stage: meetings, documents, data. Type it in one or several "
    "lines; an empty line finishes. Press Enter at once to leave it out (or to keep what is there)."
)
_PARTICIPANT_HELP = "The name of someone taking part in this assessment; press Enter when everyone is listed."
_ORGANIZATION_HELP = "The organization they represent, for example: Riverside Unified School District."
_GROUP_HELP = "Which of the Guide's stakeholder groups their organization belongs to: "
_ACTION_HELP = (
    "Something the team will do to move forward, for example: Adopt the charter. Press Enter to move on."
)
_OWNER_HELP = "Who leads the action: a person or an organization. Press Enter to leave it out."
_DUE_HELP = "When the action is due, written year-month-day like 2026-06-30. Press Enter to leave it out."


def _create(console: Console, options: AssessOptions) -> None:
    """A new file, as `coalition init` writes it, after asking for what the options did not give."""
    from coalition_cli.core.editing.scaffold import NewAssessment, framework_reference, render
    from coalition_cli.core.editing.scaffold import parse_date as parse_option_date
    from coalition_cli.core.files.atomic import create_exclusive
    from coalition_cli.core.loading.frameworks import DEFAULT_FRAMEWORK, load_framework

    path = options.file
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise UsageError(f"cannot create {path}: the folder {folder} does not exist")
    reference = options.framework or DEFAULT_FRAMEWORK
    framework = load_framework(reference, relative_to=Path.cwd())
    reference = framework_reference(reference, relative_to=Path.cwd(), file=path)
    assessed_on = parse_option_date(options.date) if options.date else None
    console.print(f"[bold]{escape(str(path))}[/] does not exist yet: let's start a new assessment.")
    coalition = (options.coalition or "").strip()
    while not coalition:
        coalition = _answer(console, "Name of the coalition: ", _NAME_HELP).strip()
        if not coalition:
            console.print("The coalition needs a name, for example: Riverside Pathways Coalition.")
    while assessed_on is None:
        today = dt.date.today().isoformat()
        typed = _answer(
            console,
            f"Date of this assessment, year-month-day [dim](Enter for today, {today})[/]: ",
            _DATE_HELP,
        )
        try:
            assessed_on = parse_date(typed) or dt.date.today()
        except ValueError as error:
            console.print(escape(str(error)))
    # asked only with the name: a command line that gives --coalition is scripted, or knows its file
    people = _ask_participants(console) if not options.coalition else ()
    new = NewAssessment(reference, coalition, assessed_on, participants=people)
    try:
        create_exclusive(path, render(framework, new))
    except FileExistsError:
        raise UsageError(f"{path} was created by someone else just now; run the command again") from None
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None
    console.print(
        f"Created {escape(str(path))} for {escape(coalition)}, assessed on {assessed_on.isoformat()}."
    )


def _ask_participants(console: Console) -> tuple[Participant, ...]:
    """Who is in the room, for the plan's "who could lead" and the roster: optional, one at a time."""
    from coalition_cli.core.loading.frameworks import load_guide
    from coalition_cli.core.session import parse_group

    guide = load_guide()
    console.print(
        "Who is taking part? [dim](optional: a name, then their organization and stakeholder group; "
        "press Enter at the name when done)[/]"
    )
    listed = ", ".join(f"{n} {g.name}" for n, g in enumerate(guide.stakeholder_groups, start=1))
    people: list[Participant] = []
    while True:
        name = clean_line(_answer(console, "  Participant's name: ", _PARTICIPANT_HELP))
        if not name:
            return tuple(people)
        organization = clean_line(
            _answer(console, "    Organization [dim](optional)[/]: ", _ORGANIZATION_HELP)
        )
        if not people:
            console.print("    [dim]Stakeholder groups (the Guide's ten):[/]")
            for number, listed_group in enumerate(guide.stakeholder_groups, start=1):
                console.print(f"    [dim]{number:>2}  {escape(listed_group.name)}[/]")
        while True:
            typed = _answer(
                console, "    Stakeholder group, by number [dim](optional)[/]: ", _GROUP_HELP + listed
            )
            try:
                group = parse_group(guide, typed)
                break
            except ValueError as error:
                console.print(f"[yellow]{escape(str(error))}[/]")
        people.append(Participant(name=name, organization=organization or None, stakeholder_group=group))


def _check_framework(file: AssessmentFile, requested: str | None) -> None:
    if requested is None:
        return
    from coalition_cli.core.loading.frameworks import load_framework

    wanted = load_framework(requested, relative_to=Path.cwd())
    if wanted.id != file.framework.id:
        raise UsageError(
            f"{file.path} is an assessment against {file.framework.id!r}, not {wanted.id!r}",
            hint="--framework only chooses the framework of a new file; leave it out to carry on with this one",
        )


def _answer(console: Console, prompt: str, help_text: str) -> str:
    """An answer typed at a prompt; `?` shows what the prompt wants and asks again (never saved)."""
    while True:
        typed = _ask(console, prompt)
        if typed.strip() != "?":
            return typed
        console.print(f"[dim]{escape(help_text)}[/]")


def _ask(console: Console, prompt: str) -> str:
    if not _line_editing:
        return console.input(prompt)
    # With readline, input() must print the prompt itself: a prompt printed before it is unknown to
    # readline, which then writes over it and loses the newline after an empty answer. Colour
    # codes are marked zero-width (\x01…\x02) so readline counts the prompt's width right.
    with console.capture() as captured:
        console.print(prompt, end="")
    return input(re.sub(r"(\x1b\[[0-9;]*m)", "\x01\\1\x02", captured.get()))


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Let a save finish before a Ctrl-C pressed during it takes effect."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pressed: list[int] = []

    def hold(signum: int, _frame: FrameType | None) -> None:
        pressed.append(signum)

    previous = signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        raise KeyboardInterrupt


class Walk:
    """One run through the session's indicators at the terminal."""

    def __init__(
        self,
        console: Console,
        file: AssessmentFile,
        session: Session,
        options: AssessOptions,
        earlier: LoadedAssessment | None = None,
    ) -> None:
        self.console = console
        self.file = file
        self.session = session
        self.options = options
        self.framework: Framework = file.framework
        self.earlier = earlier

    # -- the session as a whole --------------------------------------------------------------

    def run(self) -> None:
        console, session = self.console, self.session
        if not session.queue:
            self._nothing_to_do()
            return
        rated = sum(stage is not None for stage in self.file.stages.values())
        console.print(
            f"Assessing [bold]{escape(self.file.assessment.coalition)}[/] against the "
            f"{escape(self.framework.title)}: {plural(session.total, 'indicator')} to go through "
            f"({rated} of {len(self.framework.indicators)} rated so far)."
        )
        console.print(
            f"Every answer is saved in {escape(str(self.file.path))} as soon as you give it. "
            "Type ? at any question for help; press Ctrl-C to stop at any time."
        )
        try:
            while not session.finished:
                self._indicator()
        except (KeyboardInterrupt, EOFError) as interruption:
            self._stopped(end_of_input=isinstance(interruption, EOFError))
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except RatingConflictError as error:
            error.hint = f"look at the file, then answer again with: {self.options.command(start_at=error.indicators[0])}"
            raise
        if session.stopped:
            self._quit()
        else:
            self._finished()

    def _save(self, edit: RatingEdit | None) -> bool:
        """Save one answer now; False when it changes nothing (then nothing is written)."""
        if edit is None:
            return False
        with _interrupts_held():
            return self.file.apply(edit)

    def _nothing_to_do(self) -> None:
        stages = self.file.stages
        rated = sum(stage is not None for stage in stages.values())
        if self.options.domains or self.options.indicators or self.options.start_at:
            self.console.print("Every indicator you asked for is already rated.")
        else:
            self.console.print(f"Every indicator is already rated ({rated} of {len(stages)}).")
        self._show_command("To go through them again, run:", self.options.command(revisit_all=True))
        self._summary()

    # -- one indicator -----------------------------------------------------------------------

    def _indicator(self) -> None:
        session, fw = self.session, self.framework
        indicator_id = session.current
        assert indicator_id is not None
        domain = session.domain_to_introduce()
        if domain is not None:
            self._introduce(domain.id)
        self._show(indicator_id)
        command = self._ask_stage(indicator_id)
        if command.kind is Kind.SKIP:
            self.console.print(f"Skipped {indicator_id}: it stays as it was.")
            session.skip()
        elif command.kind is Kind.BACK:
            if not session.back():
                self.console.print(
                    "This is the first indicator of the session: there is nothing to go back to."
                )
        elif command.kind is Kind.QUIT:
            session.stop()
        elif command.stage is not None:
            stage = f"{command.stage} {escape(fw.stage_name(command.stage))}"
            if self._save(session.choose(command.stage)):
                self.console.print(f"[green]Saved:[/] {indicator_id} is at stage {stage}.")
            else:
                self.console.print(f"Kept: {indicator_id} stays at stage {stage}.")
            self._ask_evidence(indicator_id)
            self._ask_actions(indicator_id)
            session.next()

    def _introduce(self, domain_id: str) -> None:
        from coalition_cli.cli.output.framework_view import render_domain

        self.console.print()
        self.console.rule(f"Domain {escape(domain_id)}", style="dim")
        render_domain(self.framework, self.framework.domain(domain_id), self.console, brief=True)

    def _show(self, indicator_id: str) -> None:
        from coalition_cli.cli.output.framework_view import bullets, descriptor_table

        console, session, fw = self.console, self.session, self.framework
        domain = fw.domain_of(indicator_id)
        indicator = fw.indicator(indicator_id)
        stage = self.file.stage(indicator_id)
        console.print()
        # where the indicator stands in the framework, and how much of the framework is rated: both
        # stay true across a resumed or narrowed session ("Indicator 7 of 22 · C2 …")
        place = [i.id for i in fw.indicators].index(indicator_id) + 1
        console.rule(f"Indicator {place} of {len(fw.indicators)} · {escape(domain.id)} {escape(domain.name)}")
        rated, total = self._rated()
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
                title=escape(f"{indicator.id} {indicator.name}"),
                title_align="left",
                # repeated at the panel's foot: a long indicator scrolls the header off a projected screen
                subtitle=escape(f"Indicator {place} of {len(fw.indicators)} · {domain.id} {domain.name}"),
                subtitle_align="right",
            )
        )
        rating = self.file.rating(indicator_id)
        if stage is not None:
            console.print(f"Rated now: {stage} {escape(fw.stage_name(stage))}.")
        if rating is not None and rating.evidence:
            console.print("Evidence so far:")
            console.print(Padding(escape(rating.evidence), (0, 0, 0, 2)))
        if rating is not None and rating.actions:
            console.print("Actions so far:")
            console.print(bullets(_describe_action(action) for action in rating.actions))
        if self.earlier is not None:
            self._show_earlier(indicator_id, self.earlier)

    def _show_earlier(self, indicator_id: str, earlier: LoadedAssessment) -> None:
        """What last term's assessment said, so the room can see what changed since."""
        from coalition_cli.cli.output.framework_view import bullets

        console, fw = self.console, self.framework
        when = earlier.assessment.term or earlier.assessment.assessed_on.isoformat()
        stage = earlier.stage(indicator_id)
        rated = f"{stage} {fw.stage_name(stage)}" if stage is not None else "not rated"
        console.print(f"[bold]Last time[/] ({escape(when)}): {escape(rated)}.")
        rating = earlier.assessment.rating(indicator_id)
        if rating is not None and rating.evidence:
            console.print(Padding(escape(rating.evidence), (0, 0, 0, 2)), style="dim")
        open_actions = [a for a in rating.actions if a.status not in ("done", "dropped")] if rating else []
        if open_actions:
            console.print("Its actions not marked done:")
            console.print(bullets(_describe_action(action) for action in open_actions))

    def _ask_stage(self, indicator_id: str) -> Command:
        fw = self.framework
        default = self.file.stage(indicator_id)
        keep = f", Enter keeps {default}" if default is not None else ""
        prompt = f"[bold]Stage for {escape(indicator_id)}[/] [dim](1-{fw.top_stage} or a name; s skip, b back, ? help, q quit{keep})[/]: "
        while True:
            command = parse_command(fw, _ask(self.console, prompt), default)
            if command.kind is Kind.HELP:
                self._help()
            elif command.kind is Kind.INVALID:
                self.console.print(f"[yellow]{escape(command.message)}[/]")
            else:
                return command

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
        table.add_row("b", "go back to the previous indicator")
        table.add_row("q", "stop here; every answer is already saved")
        table.add_row("Ctrl-C", "stop at any moment, also without losing answers")
        self.console.print(table)
        self.console.print(
            "After the stage you can add evidence (what shows it) and actions (what the team will do next); "
            "press Enter to leave them out."
        )

    def _ask_evidence(self, indicator_id: str) -> None:
        rating = self.file.rating(indicator_id)
        if rating is not None and rating.evidence:
            self.console.print(
                "[dim]Evidence: press Enter to keep what is there, or type new evidence to replace it; "
                "an empty line finishes.[/]"
            )
        else:
            self.console.print(
                "[dim]Evidence (optional): what shows the coalition is at this stage? Several lines are fine; "
                "an empty line finishes. Press Enter now to leave it out.[/]"
            )
        lines: list[str] = []
        try:
            line = _answer(self.console, "Evidence: ", _EVIDENCE_HELP)
            while line.strip():
                lines.append(line)
                line = _answer(
                    self.console, "  … [dim](another line, or Enter to finish)[/] ", _EVIDENCE_HELP
                )
        except (KeyboardInterrupt, EOFError):
            # unfinished evidence is kept only where it replaces nothing: Ctrl-C is a way out, and
            # must not swap what the file says for half a sentence
            if rating is not None and rating.evidence:
                if lines:
                    self.console.print(
                        "\n[dim]The evidence being typed was not saved; the earlier evidence stays.[/]"
                    )
            else:
                self._save(self.session.evidence("\n".join(lines)))
            raise
        edit = self.session.evidence("\n".join(lines))
        if self._save(edit):
            self.console.print("[green]Saved[/] the evidence.")

    def _ask_actions(self, indicator_id: str) -> None:
        console = self.console
        console.print(
            "[dim]Actions (optional): what will the team do to move forward? Press Enter to move on.[/]"
        )
        prompt = "Action: "
        while True:
            what = _answer(console, prompt, _ACTION_HELP).strip()
            if not what:
                return
            owner = ""
            due: dt.date | None = None
            try:
                owner = _answer(console, "  Who will lead it? [dim](optional)[/]: ", _OWNER_HELP)
                due = self._ask_due()
            except (KeyboardInterrupt, EOFError):
                # the action is kept, as far as it was given
                self._save(self.session.action(what, owner, due))
                raise
            self._save(self.session.action(what, owner, due))
            console.print(f"[green]Saved[/] the action for {escape(indicator_id)}.")
            prompt = "Another action [dim](Enter to move on)[/]: "

    def _ask_due(self) -> dt.date | None:
        while True:
            typed = _answer(self.console, "  Due date, year-month-day [dim](optional)[/]: ", _DUE_HELP)
            try:
                return parse_date(typed)
            except ValueError as error:
                self.console.print(f"[yellow]{escape(str(error))}[/]")

    # -- the end -----------------------------------------------------------------------------

    def _stopped(self, *, end_of_input: bool) -> None:
        console, session = self.console, self.session
        console.print()
        reason = "Stopped (end of input)" if end_of_input else "Stopped"
        where = session.current
        rated, total = self._rated()
        if where is None:
            console.print(
                f"{reason}. Every answer is saved in {escape(str(self.file.path))} ({rated} of {total} rated)."
            )
            return
        name = self.framework.indicator(where).name
        console.print(
            f"{reason} at {escape(where)} {escape(name)}. "
            f"Every answer given is saved in {escape(str(self.file.path))}: {rated} of {total} indicators rated."
        )
        self._resume_hint(where)

    def _resume_hint(self, where: str | None) -> None:
        if where is not None:
            self._show_command("To carry on from there, run:", self.options.command(start_at=where))

    def _quit(self) -> None:
        rated, total = self._rated()
        self.console.print(
            f"Stopped. Every answer is saved in {escape(str(self.file.path))}: {rated} of {total} indicators rated."
        )
        self._resume_hint(self.session.where)

    def _finished(self) -> None:
        self.console.print()
        self.console.rule("Done")
        answered = len(self.session.answered)
        self.console.print(
            f"You went through {plural(self.session.total, 'indicator')} and rated {answered}."
        )
        self._summary()

    def _rated(self) -> tuple[int, int]:
        stages = self.file.stages
        return sum(stage is not None for stage in stages.values()), len(stages)

    def _summary(self) -> None:
        from coalition_cli.core.reports.document import stage_text
        from coalition_cli.core.scoring import score, shown

        console, fw = self.console, self.framework
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
        console.print(table)
        path = shlex.quote(str(self.file.path))
        unrated = [indicator.id for indicator in card.indicators if indicator.stage is None]
        if unrated:
            listed = ", ".join(unrated[:8]) + (", …" if len(unrated) > 8 else "")
            console.print(f"{plural(len(unrated), 'indicator')} not rated yet ({escape(listed)}).")
            self._show_command(
                f"To rate {'it' if len(unrated) == 1 else 'them'}, run:", f"coalition assess {path}"
            )
        self._show_command("Next, turn the ratings into an action plan:", f"coalition plan {path}")

    def _show_command(self, intro: str, command: str) -> None:
        """A command on a line of its own, never broken, so it can be copied whole."""
        self.console.print(intro)
        self.console.print(f"  [bold]{escape(command)}[/]", soft_wrap=True)


def _describe_action(action: Action) -> str:
    due = f"due {action.due.isoformat()}" if action.due else None
    details = [part for part in (action.owner, due, action.status) if part]
    return f"{action.action} ({', '.join(details)})" if details else action.action
