"""`coalition validate`: check assessment files for CI, pre-commit and people."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app
from coalition_cli.cli.output.formats import problem_format_option


def _codes(values: list[str] | None) -> tuple[str, ...] | None:
    """`--ignore a,b --ignore c` → (a, b, c)."""
    if values is None:
        return None
    return tuple(name.strip() for value in values for name in value.split(",") if name.strip())


@app.command()
def validate(
    paths: list[Path] = typer.Argument(
        ...,
        metavar="PATH",
        help="Assessment files, or folders to search for *.yaml / *.yml; - reads standard input.",
    ),
    strict: bool = typer.Option(False, "--strict", help="Every warning is an error (exit 1)."),
    output: str | None = problem_format_option(),
    framework: str | None = typer.Option(
        None,
        "--framework",
        metavar="ID|PATH",
        help="Check against this framework (bundled id or path) instead of each file's own.",
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, metavar="N", help="Worker processes (default: one per core)."
    ),
    skip_other_yaml: bool = typer.Option(
        False,
        "--skip-other-yaml",
        help="Skip named YAML files that are plainly not assessments, and those the settings exclude, "
        "as is always done for files found in folders. For pre-commit, which passes every changed YAML file.",
    ),
    select: list[str] | None = typer.Option(
        None, "--select", metavar="CODE", help="Report only these warning codes (errors always are)."
    ),
    ignore: list[str] | None = typer.Option(
        None,
        "--ignore",
        metavar="CODE",
        help="Do not report these warning codes (comma-separated or repeated).",
    ),
    exit_zero: bool = typer.Option(
        False,
        "--exit-zero",
        help="Exit 0 even when problems are found (2 still means a path cannot be read).",
    ),
    statistics: bool = typer.Option(
        False, "--statistics", help="Print how many problems of each code, not each problem (text, json)."
    ),
    show_suppressed: bool = typer.Option(
        False,
        "--show-suppressed",
        help="Also list the problems a `# coalition: ignore[code]` comment suppresses.",
    ),
    config: Path | None = typer.Option(
        None,
        "--config",
        metavar="PATH",
        help="Read the settings from this file (a .coalition.yaml or pyproject.toml).",
    ),
    isolated: bool = typer.Option(False, "--isolated", help="Read no settings file."),
    stdin_filename: str | None = typer.Option(
        None,
        "--stdin-filename",
        metavar="PATH",
        help="The name of the file read from standard input (-): for messages and its relative paths.",
    ),
) -> None:
    """Check assessment files and report every problem at file:line:col.

    Settings are read from the nearest .coalition.yaml, or pyproject.toml with a [tool.coalition]
    table, from the working folder up (see the README). Exit status: 0 no errors (warnings allowed
    unless --strict, or strict: true in the settings), 1 errors found (a framework that a file names
    but that cannot be found is one), 2 a path, the settings or the --framework given cannot be read
    or used.
    """
    from coalition_cli.cli.validation.files import Options, validate_files

    status = validate_files(
        Options(
            paths=paths,
            output=output,
            strict=strict,
            framework=framework,
            jobs=jobs,
            skip_other_yaml=skip_other_yaml,
            select=_codes(select),
            ignore=_codes(ignore) or (),
            exit_zero=exit_zero,
            statistics=statistics,
            show_suppressed=show_suppressed,
            config=config,
            isolated=isolated,
            stdin_filename=stdin_filename,
        )
    )
    if status:
        raise typer.Exit(status)
