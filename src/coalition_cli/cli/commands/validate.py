"""`coalition validate`: check assessment files for CI, pre-commit and people."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app
from coalition_cli.cli.problem_output import ProblemFormat


@app.command()
def validate(
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH", help="Assessment files, or folders to search for *.yaml / *.yml."
    ),
    strict: bool = typer.Option(False, "--strict", help="Treat indicators that are not rated yet as errors."),
    output: ProblemFormat = typer.Option(ProblemFormat.text, "--format", "-f", help="How to print problems."),
    framework: str | None = typer.Option(
        None,
        "--framework",
        help="Check against this framework (bundled id or path) instead of each file's own.",
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Worker processes (default: one per core)."
    ),
    skip_other_yaml: bool = typer.Option(
        False,
        "--skip-other-yaml",
        help="Skip named YAML files that are plainly not assessments (no framework: or ratings: key), "
        "as is always done for files found in folders. For pre-commit, which passes every changed YAML file.",
    ),
) -> None:
    """Check assessment files and report every problem at file:line:col.

    Exit status: 0 no errors (warnings allowed unless --strict), 1 errors found (a framework that a
    file names but that cannot be found is one), 2 a path or the --framework given cannot be read.
    """
    from functools import partial

    from coalition_cli.cli.problem_output import report_validation, validation_summary
    from coalition_cli.core.batch import map_files
    from coalition_cli.core.discovery import expand
    from coalition_cli.core.errors import EXIT_PROBLEMS, EXIT_USAGE
    from coalition_cli.core.frameworks import load_framework
    from coalition_cli.core.problems import Problem, Severity
    from coalition_cli.core.validation import validate_target

    if framework is not None:
        load_framework(framework, relative_to=None)  # a bad --framework is a usage error (exit 2)
    targets = expand(paths, skip_other_yaml=skip_other_yaml)
    outcomes = map_files(partial(validate_target, strict=strict, framework=framework), targets, jobs=jobs)

    problems: list[Problem] = []
    for outcome in outcomes:
        if outcome.unreadable is not None:
            problems.append(
                Problem(
                    outcome.file, 1, 1, Severity.ERROR, "unreadable", f"cannot read: {outcome.unreadable}"
                )
            )
        problems.extend(outcome.problems)
    # a shared coalition.yaml referenced by several assessments is reported once, not once per file
    problems = list(dict.fromkeys(problems))
    checked = [outcome for outcome in outcomes if not outcome.skipped]
    summary = validation_summary(
        problems,
        files=len(checked),
        valid=sum(outcome.valid for outcome in checked),
        skipped=len(outcomes) - len(checked),
    )
    report_validation(problems, summary, output)

    if any(outcome.unreadable is not None for outcome in outcomes):
        raise typer.Exit(EXIT_USAGE)
    if summary["errors"]:
        raise typer.Exit(EXIT_PROBLEMS)
