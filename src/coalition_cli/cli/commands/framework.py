"""`coalition framework list|show|validate`: the rubrics the tool knows, and checking a custom one."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from coalition_cli.cli.app import app

if TYPE_CHECKING:
    from coalition_cli.core.model.framework import Framework

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
    framework: str = typer.Option("community-framework", "--framework", help="Bundled framework id or path."),
    output: ShowFormat = typer.Option(
        ShowFormat.text, "--format", "-f", help="text, or json (the parsed framework)."
    ),
) -> None:
    """Show a framework, one of its domains, or one indicator with its stage descriptors."""
    from coalition_cli.cli.console import stdout
    from coalition_cli.cli.output.framework_view import render_domain, render_framework, render_indicator
    from coalition_cli.core.errors import UsageError
    from coalition_cli.core.loading.frameworks import bundled_framework_ids, load_framework, looks_like_path
    from coalition_cli.core.suggest import did_you_mean

    if item is not None and (item in bundled_framework_ids() or looks_like_path(item)):
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
) -> None:
    """Check a custom rubric: structure, unique ids, one descriptor per stage, stages numbered 1..N."""
    import os

    from coalition_cli.cli.console import stdout
    from coalition_cli.cli.output.problems.text import print_problems
    from coalition_cli.core.errors import EXIT_PROBLEMS, FrameworkError, UsageError
    from coalition_cli.core.loading.frameworks import load_framework, looks_like_path
    from coalition_cli.core.wording import plural

    console = stdout()
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give a rubric YAML file")
    if path.exists() and not path.is_file():
        raise UsageError(f"{path} is not a regular file; give a rubric YAML file")
    reference = str(path) if looks_like_path(str(path)) else os.path.join(".", path)  # noqa: PTH118 (Path would drop the "./")
    try:
        fw = load_framework(reference, relative_to=None)
    except FrameworkError as error:
        if not error.problems:
            raise
        print_problems(error.problems, console)
        count = len(error.problems)
        console.print(
            f"[red]✗[/] {path}: {plural(count, 'problem')}; this is not a usable framework",
            soft_wrap=True,
        )
        raise typer.Exit(EXIT_PROBLEMS) from None
    console.print(f"[green]✓[/] {path}: framework {fw.id!r} is valid: {_contents(fw)} ({fw.stage_choices()})")


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
