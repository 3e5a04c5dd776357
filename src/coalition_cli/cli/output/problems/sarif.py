"""`--format sarif`: SARIF 2.1.0, the format GitHub code scanning uploads (`github/codeql-action/upload-sarif`).

One run of one tool: every registered code is a rule (its summary the description, its default
severity the level), and every problem a result at its file, line and column. Files are named by
URIs relative to the working folder (`%SRCROOT%`), as code scanning wants them: run validate from the
repository's root. Suppressed problems (`--show-suppressed`) are results with an in-source
suppression, which code scanning shows as dismissed. Tested against the published SARIF 2.1.0 JSON
Schema (tests/fixtures/sarif/).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from coalition_cli.cli.output.problems.base import Reporter, Run
from coalition_cli.core.codes import CODES
from coalition_cli.core.problems import Problem

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
ROOT = "%SRCROOT%"
_LEVEL = {"error": "error", "warning": "warning"}


def artifact(file: str) -> dict[str, str]:
    """A file as SARIF names it: a relative URI under %SRCROOT%, or an absolute file: URI."""
    path = Path(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(path.as_posix(), safe="/"), "uriBaseId": ROOT}


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": code.name,
            "shortDescription": {"text": code.summary},
            "defaultConfiguration": {"level": _LEVEL[code.severity.value]},
            "properties": {"family": code.family.value},
        }
        for code in CODES.values()
    ]


def result(problem: Problem, index: dict[str, int], *, suppressed: bool = False) -> dict[str, Any]:
    found: dict[str, Any] = {
        "ruleId": problem.code,
        "level": _LEVEL[problem.severity.value],
        "message": {"text": problem.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact(problem.file),
                    "region": {"startLine": problem.line, "startColumn": problem.column},
                }
            }
        ],
    }
    if problem.code in index:
        found["ruleIndex"] = index[problem.code]
    if suppressed:
        found["suppressions"] = [{"kind": "inSource"}]
    return found


def sarif_log(run: Run) -> dict[str, Any]:
    from coalition_cli import __version__

    rules = _rules()
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    results = [result(problem, index) for problem in run.problems]
    results += [result(problem, index, suppressed=True) for problem in run.suppressed]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "coalition",
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {ROOT: {"uri": Path.cwd().as_uri() + "/"}},
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


class SarifReporter(Reporter):
    def report(self, run: Run) -> None:
        self.stdout.write(json.dumps(sarif_log(run), indent=2, ensure_ascii=False) + "\n")
        self.stdout.flush()


REPORTER = SarifReporter
