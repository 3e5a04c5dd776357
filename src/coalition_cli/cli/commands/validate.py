"""`coalition validate`: check assessment files for CI, pre-commit and people."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app
from coalition_cli.cli.output.problems import DEFAULT, ProblemFormat


@app.command()
def validate(
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH", help="Assessment files, or folders to search for *.yaml / *.yml."
    ),
    strict: bool = typer.Option(False, "--strict", help="Treat indicators that are not rated yet as errors."),
    output: ProblemFormat = typer.Option(
        ProblemFormat(DEFAULT), "--format", "-f", help="How to print problems."
    ),
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
    from coalition_cli.cli.validation.files import validate_files

    status = validate_files(
        paths,
        strict=strict,
        output=output,
        framework=framework,
        jobs=jobs,
        skip_other_yaml=skip_other_yaml,
    )
    if status:
        raise typer.Exit(status)
