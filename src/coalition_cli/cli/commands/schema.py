"""`coalition schema`: the JSON Schema of the assessment format, for editors and check-jsonschema."""

from __future__ import annotations

from pathlib import Path

import typer

from coalition_cli.cli.app import app


@app.command()
def schema(
    framework: str = typer.Option("community-framework", "--framework", help="Bundled framework id or path."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file instead of printing."
    ),
) -> None:
    """Print the JSON Schema (draft 2020-12) of assessment files for a framework.

    Use it in an editor with a first line `# yaml-language-server: $schema=coalition.schema.json`,
    or in CI with `check-jsonschema --schemafile coalition.schema.json FILE...`.
    """
    import json

    from coalition_cli.core.checks.schema import assessment_schema
    from coalition_cli.core.errors import UsageError
    from coalition_cli.core.files.atomic import write_atomic
    from coalition_cli.core.loading.frameworks import load_framework, load_guide

    text = json.dumps(
        assessment_schema(load_framework(framework, relative_to=None), load_guide()),
        indent=2,
        ensure_ascii=False,
    )
    if output is None:
        typer.echo(text)
        return
    try:
        write_atomic(output, text + "\n")
    except OSError as error:
        raise UsageError(f"cannot write {output}: {error.strerror or error}") from None
    typer.echo(f"wrote {output}", err=True)
