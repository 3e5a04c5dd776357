"""`coalition init`: start a new assessment file, or roll a new term forward from the last one."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app


@app.command()
def init(
    file: Path = typer.Argument(
        ..., metavar="FILE", help="The new assessment file to write (it must not exist yet)."
    ),
    framework: str | None = typer.Option(
        None,
        "--framework",
        metavar="ID|PATH",
        help="Bundled framework id or path to a rubric YAML. Default: community-framework.",
    ),
    coalition: str | None = typer.Option(None, "--coalition", metavar="NAME", help="The coalition's name."),
    date: str | None = typer.Option(
        None, "--date", metavar="DATE", help="Date of the assessment, YYYY-MM-DD. Default: today."
    ),
    term: str | None = typer.Option(
        None, "--term", metavar="TERM", help='A label for the term, e.g. "Spring 2026".'
    ),
    facilitator: str | None = typer.Option(
        None, "--facilitator", metavar="NAME", help="Who facilitates the assessment."
    ),
    previous: Path | None = typer.Option(
        None,
        "--from",
        metavar="FILE",
        help="Last term's assessment: keep its coalition and participants, show its stages.",
    ),
) -> None:
    """Write a new assessment listing every indicator unrated, with the rubric as comments."""
    import shlex

    from rich.markup import escape

    from coalition_cli.cli.console import note, stdout
    from coalition_cli.core.editing.scaffold import (
        NewAssessment,
        date_option_or_today,
        framework_reference,
        outside_note,
        path_from,
        render,
    )
    from coalition_cli.core.errors import UsageError
    from coalition_cli.core.files.output import OutputFile
    from coalition_cli.core.loading.assessments import load_assessment
    from coalition_cli.core.loading.frameworks import DEFAULT_FRAMEWORK, load_framework

    written = OutputFile(path=file, command="init", what="the new assessment", forceable=False, option=None)
    written.check()
    last = load_assessment(previous) if previous is not None else None
    reference = framework or (last.assessment.framework if last else DEFAULT_FRAMEWORK)
    # the file's own reference is read from its folder; one typed here, from the working folder
    base = last.path.parent.resolve() if last and framework is None else None
    fw = load_framework(reference, relative_to=base)
    reference = framework_reference(reference, relative_to=base, file=file)
    name = coalition or (last.assessment.coalition if last else None)
    if not name:
        raise UsageError("give the coalition's name with --coalition NAME (or roll forward with --from FILE)")
    shared = last.assessment.profile if last is not None else None
    profile = (
        path_from(file, last.path.parent / shared) if last is not None and isinstance(shared, str) else None
    )
    new = NewAssessment(reference, name, date_option_or_today(date), term, facilitator, profile)
    written.write(render(fw, new, last))
    console = stdout()
    console.print(
        f"[green]✓[/] wrote {file}: {len(fw.indicators)} indicators to rate ({fw.stage_choices(unbroken=True)})."
    )
    outside = outside_note(file, {"framework": reference, "profile": profile})
    if outside is not None:
        note(outside)
    since = f" --since {shlex.quote(str(previous))}" if previous is not None else ""
    seen = " with last term's ratings beside each indicator" if previous is not None else ""
    # the sentence wraps at words; the command has a line of its own, unbroken, to copy
    console.print(f"Next, rate them together{seen} (or edit the file by hand):")
    console.print(
        f"  [bold]coalition assess {escape(shlex.quote(str(file)))}{escape(since)}[/]", soft_wrap=True
    )
