"""`coalition framework list|show|validate`: the rubrics the tool knows, and checking a custom one."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from coalition_cli.cli.app import app
from coalition_cli.cli.output.formats import problem_format_option

if TYPE_CHECKING:
    from coalition_cli.core.model.framework import Framework
    from coalition_cli.core.problems import Problem

framework_app = typer.Typer(help="List, show and check rubrics (frameworks).", no_args_is_help=True)
app.add_typer(framework_app, name="framework")


class ShowFormat(str, Enum):
    text = "text"
    json = "json"


@framework_app.command("list")
def list_frameworks(
    output: ShowFormat = typer.Option(ShowFormat.text, "--format", "-f", help="text, or json (for scripts)."),
) -> None:
    """List the bundled frameworks."""
    from rich.table import Table

    from coalition_cli.cli.console import stdout
    from coalition_cli.core.loading.frameworks import bundled_framework_ids, load_framework

    frameworks = [load_framework(framework_id) for framework_id in bundled_framework_ids()]
    if output is ShowFormat.json:
        import json

        listed = [
            {
                "id": fw.id,
                "title": fw.title,
                "published": fw.published,
                "domains": len(fw.domains),
                "indicators": len(fw.indicators),
                "stages": [{"number": stage.number, "name": stage.name} for stage in fw.stages],
            }
            for fw in frameworks
        ]
        from coalition_cli.cli.console import write_stdout
        from coalition_cli.cli.output.versioned import versioned

        write_stdout(json.dumps(versioned({"frameworks": listed}), indent=2, ensure_ascii=False) + "\n")
        return
    table = Table("id", "title", "contents", box=None)
    for fw in frameworks:
        title = f"{fw.title} ({fw.published})" if fw.published else fw.title
        table.add_row(fw.id, title, _contents(fw))
    stdout().print(table)


@framework_app.command("show")
def show(
    item: str | None = typer.Argument(
        None,
        metavar="ID",
        help="A domain or indicator id (C2, C1.1), or a framework id or path. Default: the whole framework.",
    ),
    framework: str = typer.Option(
        "community-framework", "--framework", metavar="ID|PATH", help="Bundled framework id or path."
    ),
    output: ShowFormat = typer.Option(
        ShowFormat.text, "--format", "-f", help="text, or json (the parsed framework)."
    ),
) -> None:
    """Show a framework, one of its domains, or one indicator with its stage descriptors."""
    from coalition_cli.cli.console import stdout
    from coalition_cli.cli.output.framework_view import render_domain, render_framework, render_indicator
    from coalition_cli.core.errors import UsageError
    from coalition_cli.core.loading.frameworks import bundled_framework_ids, load_framework
    from coalition_cli.core.suggest import did_you_mean

    if item is not None and (item in bundled_framework_ids() or _names_a_rubric_file(item)):
        framework, item = item, None
    fw = load_framework(framework, relative_to=None)
    if item is not None and not fw.has_indicator(item) and item not in {d.id for d in fw.domains}:
        ids = [d.id for d in fw.domains] + [i.id for i in fw.indicators]
        raise UsageError(f"{item!r} is not a domain or indicator of {fw.id}{did_you_mean(item, ids)}")
    if output is ShowFormat.json:
        import json

        from coalition_cli.cli.console import write_stdout
        from coalition_cli.cli.output.versioned import versioned
        from coalition_cli.core.model.base import as_data

        if item is None:
            shown = {"framework": as_data(fw)}
        elif fw.has_indicator(item):
            shown = {"indicator": as_data(fw.indicator(item))}
        else:
            shown = {"domain": as_data(fw.domain(item))}
        write_stdout(json.dumps(versioned(shown), indent=2, ensure_ascii=False) + "\n")
        return
    console = stdout()
    if item is None:
        render_framework(fw, console)
    elif fw.has_indicator(item):
        render_indicator(fw, fw.indicator(item), console)
    else:
        render_domain(fw, fw.domain(item), console)


@framework_app.command("validate")
def validate_framework(
    path: Path = typer.Argument(
        ..., metavar="PATH", help="A rubric YAML file of the same shape as the bundled one."
    ),
    output: str | None = problem_format_option(),
) -> None:
    """Check a custom rubric: structure, unique ids, one descriptor per stage, stages numbered 1..N.

    Problems are shown as `coalition validate` shows them, in the same formats. Exit status: 0 the
    rubric is valid, 1 it has problems, 2 it cannot be read (a missing file, a folder).
    """
    from coalition_cli.cli.output.problems import DEFAULT, default_format

    chosen = output if output is not None else default_format()
    if chosen == DEFAULT:
        _validate_as_text(path)
    else:
        _validate_as(path, chosen)


def _validate_as_text(path: Path) -> None:
    """`✓ PATH: framework 'x' is valid: …`, or each problem and `✗ PATH: N problems; …` (exit 1)."""
    from coalition_cli.cli.console import stdout
    from coalition_cli.cli.output.problems.text import print_problems
    from coalition_cli.core.errors import EXIT_PROBLEMS
    from coalition_cli.core.wording import plural

    console = stdout()
    fw, problems, unlisted = _check_rubric(path)
    if fw is None:
        from coalition_cli.cli.output.problems import Summary

        print_problems(problems, console)
        counted = Summary.of(problems, files=1, valid=0, skipped=0, unlisted=unlisted)
        count = counted.errors + counted.warnings  # past the 100 listed too
        console.print(
            f"[red]✗[/] {path}: {plural(count, 'problem')}; this is not a usable framework",
            soft_wrap=True,
        )
        raise typer.Exit(EXIT_PROBLEMS)
    console.print(f"[green]✓[/] {path}: framework {fw.id!r} is valid: {_contents(fw)} ({fw.stage_choices()})")


def _validate_as(path: Path, output: str) -> None:
    """The rubric's problems as `coalition validate` prints a file's in that format (one file
    checked); a rubric that cannot be read is one `unreadable` problem, as validate's missing file is."""
    from coalition_cli.cli.output.problems import Run, Summary, report_validation
    from coalition_cli.core import codes
    from coalition_cli.core.codes import DEFAULT_POLICY
    from coalition_cli.core.errors import EXIT_OK, EXIT_PROBLEMS, FrameworkError, UsageError
    from coalition_cli.core.problems import Problem

    file = str(path)
    unlisted = (0, 0)
    try:
        fw, problems, unlisted = _check_rubric(path)
        status = EXIT_PROBLEMS if fw is None else EXIT_OK
    except (UsageError, FrameworkError) as error:
        problems = [Problem.of(file, 1, 1, codes.UNREADABLE, error.message, DEFAULT_POLICY)]
        fw, status = None, error.exit_code
    summary = Summary.of(problems, files=1, valid=int(fw is not None), skipped=0, unlisted=unlisted)
    report_validation(Run(problems, summary, checked=[file]), output)
    if status != EXIT_OK:
        raise typer.Exit(status)


def _names_a_rubric_file(item: str) -> bool:
    """`framework show my-rubric.yaml` or `rubrics/mine`, but not `C1/1`: an id typed with a slash is
    an id (and did-you-mean finds C1.1), unless a file of that name is there."""
    from coalition_cli.core.loading.frameworks import looks_like_path

    return looks_like_path(item) and (item.endswith((".yaml", ".yml")) or Path(item).exists())


def _check_rubric(path: Path) -> tuple[Framework | None, list[Problem], tuple[int, int]]:
    """The rubric, or None, its problems (located under PATH as given; at most 100 listed) and the
    errors and warnings past them. Raises UsageError or FrameworkError when the file cannot be read
    at all: a folder, a missing file."""
    import os

    from coalition_cli.core.errors import FrameworkError, UsageError
    from coalition_cli.core.loading.frameworks import load_framework, looks_like_path

    if path.is_dir():
        raise UsageError(f"{path} is a folder; give a rubric YAML file")
    if path.exists() and not path.is_file():
        raise UsageError(f"{path} is not a regular file; give a rubric YAML file")
    reference = str(path) if looks_like_path(str(path)) else os.path.join(".", path)  # noqa: PTH118 (Path would drop the "./")
    try:
        return load_framework(reference, relative_to=None), [], (0, 0)
    except FrameworkError as error:
        if not error.problems:
            raise
        return None, list(error.problems), error.unlisted


def _contents(fw: Framework) -> str:
    """`7 domains, 22 indicators, 4 stages`, or `1 domain, …` for a small rubric."""
    from coalition_cli.core.wording import plural

    return ", ".join(
        [
            plural(len(fw.domains), "domain"),
            plural(len(fw.indicators), "indicator"),
            plural(len(fw.stages), "stage"),
        ]
    )
