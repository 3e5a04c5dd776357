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

# Annotations are evaluated by Python as the classes are made: as strings (`from __future__ import
# annotations`), Pydantic would compile and evaluate each one itself, a fifth of making the models.

from typing import Annotated

from pydantic import BeforeValidator, Field, StrictBool

from coalition_cli.core.codes import Level
from coalition_cli.core.model.base import Model


def _one_or_more(value: object) -> object:
    """`select: not-rated` is `select: [not-rated]`, as `--select not-rated` is."""
    return [value] if isinstance(value, str) else value


Names = Annotated[list[str], BeforeValidator(_one_or_more)]


class Settings(Model):
    exclude: Names = Field(default_factory=list)
    framework: str | None = None
    ignore: Names = Field(default_factory=list)
    select: Names | None = None
    """Only these warning codes are reported (None: all); `--select` on the command line replaces it."""
    strict: StrictBool = False
    """true or false only, as in the assessment format."""
    severity: dict[str, Level] = Field(default_factory=dict)
