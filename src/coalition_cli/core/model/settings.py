"""A repository's settings for `coalition validate`: `.coalition.yaml`, or `[tool.coalition]` in pyproject.toml.

```yaml
# .coalition.yaml
exclude: [drafts/, "archive/*.yaml"]   # gitignore patterns, relative to this file
framework: rubrics/our-rubric.yaml     # the rubric to assume (as --framework), relative to this file
ignore: [target-not-above-stage]       # codes to turn off (warnings only)
select: [not-rated]                    # report only these warning codes (errors always are)
strict: true                           # every warning is an error, as --strict
severity:                              # a severity per code: error, warning or ignore
  not-rated: error
```

Which codes exist and which may be relaxed is checked by `core/checks/settings.py`, so a problem in
this file is located and coded like a problem in any other.
"""

# Annotations are evaluated by Python as the classes are made (no `from __future__ import
# annotations`): reading a document without Pydantic (core/model/building.py) reads them as types.

from dataclasses import field
from typing import Annotated

from coalition_cli.core.codes import Level
from coalition_cli.core.model.base import Before, Strict, model


def _one_or_more(value: object) -> object:
    """`select: not-rated` is `select: [not-rated]`, as `--select not-rated` is."""
    return [value] if isinstance(value, str) else value


Names = Annotated[list[str], Before(_one_or_more)]


@model
class Settings:
    """A repository's settings for `coalition validate`."""

    exclude: Names = field(default_factory=list)
    framework: str | None = None
    ignore: Names = field(default_factory=list)
    select: Names | None = None
    """Only these warning codes are reported (None: all); `--select` on the command line replaces it."""
    strict: Annotated[bool, Strict()] = False
    """true or false only, as in the assessment format."""
    severity: dict[str, Level] = field(default_factory=dict)
