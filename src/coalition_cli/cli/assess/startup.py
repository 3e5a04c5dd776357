"""Before the first indicator: the file (opened, or created after asking), and who is taking part.

Asked line by line whichever session follows (line by line or full-screen), so that scripts, pipes
and the full screen start the same way: a name close to an existing assessment is questioned
before anything is created; a file that lists no participants asks who is in the room, and each
person is saved as soon as they are given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from coalition_cli.cli.assess.asking import answer, say, yes_or_no
from coalition_cli.core.editing.assessment_file import AssessmentFile
from coalition_cli.core.editing.rating_edits import AddParticipants, clean_line
from coalition_cli.core.errors import EXIT_INTERRUPTED, UsageError
from coalition_cli.core.frozen import frozen
from coalition_cli.core.loading.assessments import LoadedAssessment, load_assessment
from coalition_cli.core.model.assessment import Participant
from coalition_cli.core.model.guide import StakeholderGroup
from coalition_cli.core.session import Session, typed_date


@frozen
class AssessOptions:
    """What `coalition assess` was asked to do, once its arguments are read."""

    file: Path
    framework: str | None = None
    domains: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    revisit_all: bool = False
    start_at: str | None = None
    since: Path | None = None
    coalition: str | None = None
    date: str | None = None
    plain: bool = False

    def command(self, *, start_at: str | None = None, revisit_all: bool = False, whole: bool = False) -> str:
        """The command that carries on this session, as the facilitator would type it: its options
        (`--since` too, so that the next session shows last term beside each indicator). `whole`:
        over the whole rubric (every indicator still unrated), not narrowed as this one was."""
        words = ["coalition", "assess", str(self.file)]
        if not whole:
            words += [part for domain in self.domains for part in ("--domain", domain)]
            words += [part for indicator in self.indicators for part in ("--indicator", indicator)]
        if (self.revisit_all and not whole) or revisit_all:
            words.append("--all")
        if self.since is not None:
            words += ["--since", str(self.since)]
        if start_at and list(self.indicators) != [start_at]:  # one indicator: nowhere else to start
            words += ["--start-at", start_at]
        return shlex.join(words)


@dataclass
class Opened:
    """A session ready to walk: the file open for editing, the walk planned, last term's file."""

    options: AssessOptions
    file: AssessmentFile
    session: Session
    earlier: LoadedAssessment | None


_NAME_HELP = "The coalition's name as reports should show it, for example: Riverside Pathways Coalition."
_DATE_HELP = "The day of this assessment, written year-month-day like 2026-03-14; press Enter for today."
_TERM_HELP = "A label for the term or meeting, as reports should show it, e.g. Spring 2026; press Enter to leave it out."
_FACILITATOR_HELP = (
    "The name of whoever leads this assessment, as reports should show it; press Enter to leave it out."
)
_PARTICIPANT_HELP = "The name of someone taking part in this assessment; press Enter when everyone is listed."
_ORGANIZATION_HELP = "The organization they represent, for example: Riverside Unified School District."
_GROUP_HELP = (
    "Which of the Guide's stakeholder groups their organization belongs to: its number, a word of its name, "
    "or an everyday word for it (school, college, employer, chamber, union, city, nonprofit, church, "
    "parent, workforce board): "
)
_RENAME_HELP = (
    "y (or Enter) renames the .txt file to the name you typed and opens it; n starts a new assessment "
    "and leaves the .txt file as it is."
)
_MEANT_HELP = "y (or Enter) opens the file named; n starts a new assessment under the name you typed."


def open_session(console: Console, options: AssessOptions) -> Opened:
    """The file opened (after the questions a new one needs), the walk planned, participants asked."""
    created = False
    if not options.file.exists():
        options = _with_yaml_suffix(console, options)
    if not options.file.exists():
        try:
            _renamed_from_text(console, options.file)
            if not options.file.exists():
                options = _meant_file(console, options)
            if not options.file.exists():
                _create(console, options)
                created = True
        except (KeyboardInterrupt, EOFError):
            say(console, "", f"Stopped. Nothing was created: {escape(str(options.file))} does not exist yet.")
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
        say(console, "Stopped before the first question: nothing was changed.")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    # a new file whose name came on the command line (--coalition) is scripted: no questions
    scripted = created and bool(options.coalition)
    if session.queue and not file.assessment.participants and not scripted:
        try:
            _ask_participants(console, file)
        except (KeyboardInterrupt, EOFError):
            say(console, "", f"Stopped. Everyone listed so far is saved in {escape(str(file.path))}.")
            raise typer.Exit(EXIT_INTERRUPTED) from None
    return Opened(options, file, session, earlier)


ASSESSMENT_SUFFIXES = (".yaml", ".yml")


def _with_yaml_suffix(console: Console, options: AssessOptions) -> AssessOptions:
    """`spring-2026` names `spring-2026.yaml`: the file that exists, or the new one (`validate FOLDER`
    and `plan` look for .yaml files only, so a new file without the suffix would be left out)."""
    path = options.file
    if path.suffix.casefold() in ASSESSMENT_SUFFIXES:
        return options
    found = [path.with_name(path.name + suffix) for suffix in ASSESSMENT_SUFFIXES]
    named = next((candidate for candidate in found if candidate.exists()), found[0])
    # a path is never broken where Rich would wrap it (at its hyphens): the terminal wraps it whole
    console.print(f"[dim]Assessment files end in .yaml: this is {escape(str(named))}.[/]", soft_wrap=True)
    return dataclasses.replace(options, file=named)


def _renamed_from_text(console: Console, path: Path) -> None:
    """`spring-2027.yaml.txt` beside a `spring-2027.yaml` that is not there: offered to be renamed
    (`validate FOLDER`, `summary` and the pre-commit hook look for .yaml files only), not left beside a
    new, empty file of the name typed."""
    from coalition_cli.core.files.discovery import saved_as_text

    text = saved_as_text(path)
    if text is None:
        return
    console.print(
        f"There is no [bold]{escape(path.name)}[/], but [bold]{escape(text.name)}[/]: its name ends in "
        ".txt, as Notepad saves it.",
        soft_wrap=True,
    )
    question = (
        f"Rename it to {escape(path.name)} and open it? [dim](Enter or y: yes; n: start a new file)[/] "
    )
    if not yes_or_no(
        console, question, _RENAME_HELP, "Please answer y (rename and open it) or n (start a new file)."
    ):
        return
    try:
        text.rename(path)
    except OSError as error:
        raise UsageError(f"cannot rename {text} to {path.name}: {error.strerror or error}") from None
    console.print(f"Renamed {escape(text.name)} to {escape(path.name)}.", soft_wrap=True)


def _meant_file(console: Console, options: AssessOptions) -> AssessOptions:
    """A mistyped name close to an assessment in the same folder: ask which one is meant."""
    from coalition_cli.core.files.similar import similar_assessment

    similar = similar_assessment(options.file)
    if similar is None:
        return options
    console.print(
        f"There is no [bold]{escape(options.file.name)}[/], but [bold]{escape(similar.name)}[/] in the same "
        "folder is an assessment."
    )
    question = f"Did you mean {escape(similar.name)}? [dim](Enter or y: yes; n: start a new file)[/] "
    if yes_or_no(console, question, _MEANT_HELP, "Please answer y (open it) or n (start a new file)."):
        return dataclasses.replace(options, file=similar)
    return options


def _create(console: Console, options: AssessOptions) -> None:
    """A new file, as `coalition init` writes it, after asking for what the options did not give."""
    from coalition_cli.core.dates import date_option_or_today
    from coalition_cli.core.editing.scaffold import (
        NewAssessment,
        framework_reference,
        render,
    )
    from coalition_cli.core.files.atomic import create_exclusive
    from coalition_cli.core.loading.frameworks import DEFAULT_FRAMEWORK, load_framework

    path = options.file
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise UsageError(f"cannot create {path}: the folder {folder} does not exist")
    reference = options.framework or DEFAULT_FRAMEWORK
    framework = load_framework(reference)  # typed here: from the working folder
    reference = framework_reference(reference, relative_to=None, file=path)
    assessed_on = date_option_or_today(options.date) if options.date else None
    console.print(
        f"[bold]{escape(str(path))}[/] does not exist yet: let's start a new assessment.", soft_wrap=True
    )
    coalition = (options.coalition or "").strip()
    while not coalition:
        coalition = answer(console, "Name of the coalition: ", _NAME_HELP).strip()
        if not coalition:
            console.print("The coalition needs a name, for example: Riverside Pathways Coalition.")
    while assessed_on is None:
        day = dt.date.today()
        today = day.isoformat()
        typed = answer(
            console,
            f"Date of this assessment, year-month-day [dim](Enter for today, {today})[/]: ",
            _DATE_HELP,
        )
        try:
            assessed_on = typed_date(typed, when_empty=f" for today ({today})", example="2026-03-14")
        except ValueError as error:
            console.print(f"[yellow]{escape(str(error))}[/]")
            continue
        if assessed_on is None:
            assessed_on = day
        elif assessed_on.isoformat() != typed.strip():  # said back: `2026-3-14` is written 2026-03-14
            console.print(f"[green]→[/] {assessed_on.isoformat()}")
    term = facilitator = None
    if not options.coalition:  # asked with the name, as `coalition init --term --facilitator` takes them
        term = clean_line(answer(console, "Term [dim](optional, e.g. Spring 2026)[/]: ", _TERM_HELP)) or None
        facilitator = (
            clean_line(answer(console, "Who facilitates [dim](optional)[/]: ", _FACILITATOR_HELP)) or None
        )
    new = NewAssessment(reference, coalition, assessed_on, term=term, facilitator=facilitator)
    try:
        create_exclusive(path, render(framework, new))
    except FileExistsError:
        raise UsageError(f"{path} was created by someone else just now; run the command again") from None
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None
    console.print(
        f"Created {escape(str(path))} for {escape(coalition)}, assessed on {assessed_on.isoformat()}"
        + (f" ({escape(term)})." if term else ".")
    )


def _ask_participants(console: Console, file: AssessmentFile) -> None:
    """Who is in the room, for the plan's "who could lead" and the roster: optional, one at a time,
    each saved in the file as soon as they are given."""
    from coalition_cli.core.loading.frameworks import load_guide
    from coalition_cli.core.stakeholder_groups import GroupUnclear, parse_group

    guide = load_guide()
    groups = guide.stakeholder_groups
    everyone = tuple(range(1, len(groups) + 1))
    console.print(
        "Who is taking part? [dim](optional: a name, then their organization and stakeholder group; "
        "press Enter at the name when done)[/]"
    )
    listed = ", ".join(f"{n} {g.name}" for n, g in enumerate(groups, start=1))
    count = 0
    while True:
        name = clean_line(answer(console, "  Participant's name: ", _PARTICIPANT_HELP))
        if not name:
            if count:
                console.print(f"[green]Saved[/] {count} {'person' if count == 1 else 'people'} taking part.")
            return
        organization = clean_line(
            answer(console, "    Organization [dim](optional)[/]: ", _ORGANIZATION_HELP)
        )
        if not count:
            console.print("    [dim]Stakeholder groups (the Guide's ten):[/]")
            console.print(_numbered(groups, everyone))
        while True:
            typed = answer(
                console,
                "    Stakeholder group, by number or a word for it [dim](optional)[/]: ",
                _GROUP_HELP + listed,
            )
            try:
                group = parse_group(guide, typed)
                break
            except GroupUnclear as error:
                # the list again, or the few it could be: after a miss or two it has scrolled away
                console.print(f"[yellow]{escape(str(error))}[/]")
                console.print(_numbered(groups, error.candidates or everyone))
        if group is not None:  # said back, so that a match by a word is seen
            ids = [listed_group.id for listed_group in groups]
            chosen = groups[ids.index(group)]
            said = Text.assemble(("→", "green"), f" {ids.index(group) + 1}")
            console.print(_hanging([(said, Text(chosen.name))]))
        person = Participant(name=name, organization=organization or None, stakeholder_group=group)
        file.apply(AddParticipants((person,)))
        count += 1


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


def _earlier(file: AssessmentFile, since: Path | None) -> LoadedAssessment | None:
    """The earlier assessment of `--since`, checked like any other and of the same rubric."""
    if since is None:
        return None
    from coalition_cli.core.loading.frameworks import framework_signature

    earlier = load_assessment(since)
    if framework_signature(earlier.framework) != framework_signature(file.framework):
        raise UsageError(
            f"{since} uses the framework {earlier.framework.id!r}, and {file.path} uses {file.framework.id!r}: "
            "their ratings cannot be put side by side"
        )
    return earlier


def _numbered(groups: Sequence[StakeholderGroup], numbers: Iterable[int]) -> Padding:
    """Stakeholder groups by their number in the Guide's list (from 1), dim: a reminder, not news."""
    return _hanging(
        (Text(str(number), style="dim"), Text(groups[number - 1].name, style="dim")) for number in numbers
    )


def _hanging(rows: Iterable[tuple[Text, Text]]) -> Padding:
    """Rows of a marker and a text, indented, whose long texts wrap under themselves rather than under
    the markers (at 80 columns the Guide's longer group names take two lines)."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right")
    grid.add_column()
    for marker, text in rows:
        grid.add_row(marker, text)
    return Padding(grid, (0, 0, 0, 4), expand=False)
