"""`coalition plan`'s run: the plan written for its readers, and what to run next told to the terminal."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from coalition_cli.core.wording import plural

if TYPE_CHECKING:
    from coalition_cli.core.plan.audience import PublicOwners
    from coalition_cli.core.plan.context import ActionRegister, Audience, PlanContext


class PlanFormat(str, Enum):
    """`--format`'s choices (the Typer command's and the plain command line's)."""

    md = "md"
    html = "html"


class PlanAudience(str, Enum):
    """`--audience`'s choices (the Typer command's and the plain command line's)."""

    coalition = "coalition"
    public = "public"


def plan(
    file: Path,
    output_format: str | None = None,
    output: str | None = None,
    since: Path | None = None,
    focus: int = 5,
    as_of: str | None = None,
    brief: bool = False,
    audience: Audience = "coalition",
    templates: Path | None = None,
    force: bool = False,
) -> None:
    """Write the plan (`output_format` md or html; None: from `output`'s suffix, else md)."""
    from coalition_cli.cli.console import warn
    from coalition_cli.core.as_of import before_assessment, made_by
    from coalition_cli.core.dates import date_option_or_today
    from coalition_cli.core.loading.assessments import load_assessment
    from coalition_cli.core.loading.frameworks import load_guide
    from coalition_cli.core.plan.build import build_plan
    from coalition_cli.core.plan.rendering import render_plan, written_by_us
    from coalition_cli.core.reports.comparison import since_comparison

    day = date_option_or_today(as_of)
    fmt = output_format or _format_from(output)
    target = _target(file, output, fmt, audience)
    written = None
    if target is not None:
        from coalition_cli.core.files.output import OutputFile

        inputs = (file, *([since] if since is not None else []))
        written = OutputFile(
            path=target, command="plan", what="the plan", force=force, inputs=inputs, ours=written_by_us
        )
        written.check()
    current = load_assessment(file)
    assessed_on = current.assessment.assessed_on
    if as_of is not None and not made_by(assessed_on, day):
        raise before_assessment(day, assessed_on, what="a plan")
    if as_of is None and day < assessed_on:
        from coalition_cli.core.wording import long_date

        warn(
            f"{file} is dated {long_date(assessed_on)}, after today ({long_date(day)}): the plan is "
            "dated that day, and overdue actions are counted then. If the date is wrong, correct its "
            "assessed_on."
        )
    comparison = None
    earlier = []
    if since is not None:
        earlier.append(load_assessment(since))
        comparison = since_comparison(earlier[0], current)
        for warning in comparison.warnings:
            warn(warning)
    context = build_plan(
        current,
        load_guide(),
        since=comparison,
        focus=focus,
        brief=brief,
        audience=audience,
        also_named=earlier,
        as_of=day,
    )
    unused = []
    if templates is not None:  # a block that would never show stops here; unused files are told below
        from coalition_cli.core.plan.rendering import check_templates

        unused = check_templates("html" if fmt == "html" else "md", templates)
    text = render_plan("html" if fmt == "html" else "md", context, templates)
    if unused:  # what of the folder the plan did not read: its author believes it did
        from coalition_cli.cli.console import note

        for sentence in unused:
            note(sentence)
    reminders = []
    if context.audience == "public":
        from coalition_cli.core.plan.audience import public_owners

        reminders = public_reminders(public_owners(current, *earlier))
    if context.register is not None and context.register.late_since_assessed:
        from coalition_cli.cli.console import note

        note(stale_statuses(context.register, file, dated=as_of is not None))

    if written is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        from coalition_cli.cli.console import note

        for reminder in reminders:  # the plan went to a pipe or a file: the reminder to the terminal
            note(reminder)
        if fmt == "md" and sys.stdout is not None and sys.stdout.isatty():
            # hundreds of lines of Markdown scrolled past: say how to keep it, and the page people read
            note(
                f"to keep the plan, write it to a file: coalition plan {shlex.quote(str(file))} -o plan.md, "
                "or --format html for a page that prints and reads on a phone"
            )
        return
    written.write(text)
    from coalition_cli.cli.output.messages import Messages
    from coalition_cli.core.plan.build import written_summary

    said = Messages()
    said.say(("✓", "green"), f" wrote {written.path}: {written_summary(context)}.")
    steps = next_steps(
        context,
        file,
        since=since,
        written=written.path,
        fmt=fmt,
        as_of=as_of,
        reminders=reminders,
        templates=templates,
    )
    for line in steps:
        said.say(f"  {line}", wrap=False)


def stale_statuses(register: ActionRegister, file: Path, *, dated: bool) -> str:
    """Said when the plan calls actions late that fell due after the assessment: their statuses were
    recorded before they were due, and a plan shared as it is says the coalition missed them all.
    `dated`: the plan's day was given (--as-of), so it is not offered again."""
    late = register.late_since_assessed
    them = "it" if late == 1 else "them"
    nearer = "" if dated else ", or date the plan nearer the meeting with --as-of"
    return (
        f"{plural(late, 'action')} fell due after the assessment ({register.assessed_on_long}); the "
        f"plan calls {them} late on {register.as_of_long} by the statuses recorded then. If some are "
        f"done, mark them so in {file.name} first (coalition rate, or assess){nearer}."
    )


PUBLIC_REMINDER = "Read the evidence before sharing: names the files do not list cannot be recognised."
"""Said after every public plan, written to a file or to standard output."""


OWNERS_NAMED = 8
"""How many withheld owners the terminal names; the rest are counted."""


def public_reminders(owners: PublicOwners) -> list[str]:
    """What to check before sharing a public plan: the evidence, and the words of owners' brackets it
    shows when they name no organization the files list; and the owners it does not name, with how to
    show their organization (their names are for this terminal, never for the plan)."""
    reminders = [PUBLIC_REMINDER]
    if owners.as_written:
        shown = "; ".join(owners.as_written)
        reminders = [
            f"Read the evidence, and the action owners shown as their brackets write them ({shown}), "
            "before sharing: names the files do not list cannot be recognised."
        ]
    if owners.withheld:
        count = len(owners.withheld)
        named = ", ".join(owners.withheld[:OWNERS_NAMED])
        if count > OWNERS_NAMED:
            named += f" and {count - OWNERS_NAMED} more"
        each = "it names" if count == 1 else "they name"
        reminders.append(
            f"The public plan shows {plural(count, 'action owner')} as “[name withheld]”, since {each} no "
            f"organization: {named}. To show an organization instead, write it in brackets after the "
            f"owner in the file, as in “{owners.withheld[0]} (Organization)”."
        )
    return reminders


def _format_from(output: str | None) -> str:
    if output is not None and Path(output).suffix.lower() in (".html", ".htm"):
        return "html"
    return "md"


def _target(file: Path, output: str | None, fmt: str, audience: str) -> Path | None:
    """Where the plan goes: None for stdout; HTML beside the assessment (FILE.public.html for the public)."""
    if output == "-":
        return None
    if output is not None:
        return Path(output)
    if fmt != "html":
        return None
    return file.with_suffix(".public.html" if audience == "public" else ".html")


def next_steps(
    context: PlanContext,
    file: Path,
    *,
    since: Path | None = None,
    written: Path | None = None,
    fmt: str = "md",
    as_of: str | None = None,
    reminders: Sequence[str] = (PUBLIC_REMINDER,),
    templates: Path | None = None,
) -> list[str]:
    """What to run next, for the terminal (the plan itself carries no command lines). After a whole
    public HTML plan (some 70 phone screens for the Riverside example), the brief for parents and
    phones, written beside it rather than over it."""
    from shlex import quote

    quoted = quote(str(file))
    steps = []
    if context.unrated:
        # assess goes through the indicators not rated yet by itself; naming a few is still handy
        few = len(context.unrated) <= 3
        ids = "".join(f" --indicator {quote(u.id)}" for u in context.unrated) if few else ""
        count = "the one" if len(context.unrated) == 1 else f"the {len(context.unrated)}"
        last = f" --since {quote(str(since))}" if since is not None else ""  # "Last time", beside each
        steps.append(f"Rate {count} not yet rated: coalition assess {quoted}{ids}{last}")
    if context.priorities_not_shown:
        more = context.focus + len(context.priorities_not_shown)
        steps.append(f"The team marked more priorities than --focus {context.focus}: add --focus {more}")
    if context.roster is not None:
        steps.append(f"Each member's sample roles: coalition roster {quoted}")
    if context.audience == "public":
        steps += reminders
        if fmt == "html" and not context.brief and written is not None:
            brief = written.with_name(_brief_name(written.name))
            earlier = f" --since {quote(str(since))}" if since is not None else ""
            earlier += f" --as-of {context.header.prepared_on}" if as_of is not None else ""
            # the same look as the whole plan: the coalition's own templates
            earlier += f" --templates {quote(str(templates))}" if templates is not None else ""
            steps.append(
                "For parents and phones, a shorter version (the summary and the priorities): "
                f"coalition plan {quoted}{earlier} --brief --audience public -o {quote(str(brief))}"
            )
    else:
        steps.append("To share outside the coalition: add --audience public (no names, no notes, no links)")
    return steps


def _brief_name(whole: str) -> str:
    """The public brief's file, beside the whole public plan: `spring.public.html` and `plan-public.html`
    give `spring.public-brief.html` and `plan-public-brief.html`; `plan.html` gives `plan.public-brief.html`."""
    stem = whole.removesuffix(".html")
    return (
        f"{stem}-brief.html"
        if stem.endswith((".public", "-public", "_public"))
        else f"{stem}.public-brief.html"
    )
