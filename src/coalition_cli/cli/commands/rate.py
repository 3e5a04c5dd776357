"""`coalition rate`: set ratings from the command line, without prompts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from coalition_cli.cli.app import app

if TYPE_CHECKING:
    from coalition_cli.core.model.framework import Framework


@app.command()
def rate(
    file: Path = typer.Argument(..., metavar="FILE", help="The assessment file to change."),
    ratings: list[str] = typer.Argument(
        ..., metavar="ID=STAGE", help="Ratings to set: an indicator id, =, and a stage number or name."
    ),
    evidence: str | None = typer.Option(
        None,
        "--evidence",
        metavar="TEXT",
        help="Evidence to record with the rating(s), replacing what is there.",
    ),
) -> None:
    """Set ratings without prompts: `coalition rate riverside.yaml C1.1=3 C2.4=developing` (or `C2.4=dev`).

    The file is checked first (a file with problems is not changed), every rating is checked against
    the framework, and the file is saved in one safe step, changing only those ratings' lines.
    """
    from rich.markup import escape

    from coalition_cli.cli.console import stdout
    from coalition_cli.core.editing.assessment_file import AssessmentFile
    from coalition_cli.core.editing.rating_edits import RatingEdit, clean_text
    from coalition_cli.core.errors import ReadError

    if not file.exists():
        raise ReadError(
            f"{file} does not exist",
            hint=f"start it with `coalition assess {file}` (asks as it goes) or `coalition init {file}`",
        )
    assessment = AssessmentFile(file)
    fw = assessment.framework
    wanted = _parse(fw, ratings, shown_with=_show_command(file, assessment.assessment.framework))
    note = clean_text(evidence) if evidence is not None else ""
    before = {indicator: assessment.stage(indicator) for indicator in wanted}
    changed = assessment.apply(
        *(RatingEdit(indicator, stage=stage, evidence=note or None) for indicator, stage in wanted.items())
    )
    console = stdout()
    for indicator, stage in wanted.items():
        old = before[indicator]
        was = "was not rated" if old is None else f"was {old} {fw.stage_name(old)}"
        if old == stage:
            was = "unchanged"
        name = fw.indicator(indicator).name
        console.print(f"{escape(indicator)} {escape(name)}: {stage} {escape(fw.stage_name(stage))} ({was})")
    if changed:
        console.print(f"[green]Saved[/] {escape(str(file))}.")
    else:
        console.print(f"Nothing to change: {escape(str(file))} already says this.")


def _show_command(file: Path, reference: str) -> str:
    """The command that shows this file's rubric, typed from the working folder."""
    import os
    import shlex

    from coalition_cli.core.loading.frameworks import DEFAULT_FRAMEWORK, framework_path, looks_like_path

    if reference == DEFAULT_FRAMEWORK:
        return "coalition framework show"
    if looks_like_path(reference):
        reference = os.path.relpath(framework_path(reference, relative_to=file.parent))
    return f"coalition framework show --framework {shlex.quote(reference)}"


def _parse(fw: Framework, assignments: list[str], *, shown_with: str) -> dict[str, int]:
    """The ratings asked for; every mistake is reported at once, as a usage error."""
    from coalition_cli.core.errors import UsageError
    from coalition_cli.core.session import parse_assignments

    wanted, mistakes = parse_assignments(fw, assignments)
    if mistakes:
        raise UsageError(
            "nothing was changed, because:\n  " + "\n  ".join(mistakes),
            hint=f"stages: {fw.stage_choices()}; `{shown_with}` lists the indicators",
        )
    return wanted
