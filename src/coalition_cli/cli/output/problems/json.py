"""`--format json`: one document with the summary and every problem, for scripts (keys in docs/json.md)."""

from __future__ import annotations

import json
from typing import Any

from coalition_cli.cli.output.problems.base import Reporter, Run
from coalition_cli.cli.output.versioned import versioned


class JsonReporter(Reporter):
    statistics = True

    def report(self, run: Run) -> None:
        document: dict[str, Any] = versioned({"summary": run.summary.as_dict()})
        if run.statistics:
            document["statistics"] = [
                {"code": code, "severity": severity, "count": count} for code, severity, count in run.counts()
            ]
        else:
            document["problems"] = [problem.as_dict() for problem in run.problems]
        if run.suppressed:
            document["suppressed"] = [problem.as_dict() for problem in run.suppressed]
        self.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        self.stdout.flush()


REPORTER = JsonReporter
