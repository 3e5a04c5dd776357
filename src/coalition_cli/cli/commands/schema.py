"""`coalition schema`: the JSON Schema of the assessment format, for editors and check-jsonschema."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from coalition_cli.cli.app import app

_OUR_SCHEMA = re.compile(r'^\s*"title": "coalition assessment \(', re.MULTILINE)
"""How a schema this command wrote starts (its title, `checks.schema.assessment_schema`)."""


@app.command()
def schema(
    framework: str = typer.Option(
        "community-framework", "--framework", metavar="ID|PATH", help="Bundled framework id or path."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write to this file instead of printing."
    ),
    force: bool = typer.Option(
        False, "--force", help="With -o: replace a file that is not a schema coalition wrote."
    ),
) -> None:
    """Print the JSON Schema (draft 2020-12) of assessment files for a framework.

    Use it in an editor with a first line `# yaml-language-server: $schema=coalition.schema.json`,
    or in CI with `check-jsonschema --schemafile coalition.schema.json FILE...`. With -o, a schema
    coalition wrote is replaced (to follow a new version of the rubric); another file only with --force.
    """
    import json

    from coalition_cli.core.checks.schema import assessment_schema
    from coalition_cli.core.files.output import OutputFile, starts_with
    from coalition_cli.core.loading.frameworks import load_framework, load_guide, looks_like_path

    written = None
    if output is not None:
        written = OutputFile(
            path=output,
            command="schema",
            what="the schema",
            force=force,
            ours=lambda path: starts_with(path, _OUR_SCHEMA),
        )
        written.check()
    text = json.dumps(
        assessment_schema(
            load_framework(framework, relative_to=None),
            load_guide(),
            rubric_path=framework if looks_like_path(framework) else None,
        ),
        indent=2,
        ensure_ascii=False,
    )
    if written is None:
        typer.echo(text)
        return
    written.write(text + "\n")
    typer.echo(f"wrote {output}", err=True)
