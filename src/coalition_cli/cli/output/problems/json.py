"""`--format json`: one document with the summary and every problem, for scripts."""

from __future__ import annotations

import json
from collections.abc import Sequence

from coalition_cli.cli.output.problems.base import Reporter, Summary
from coalition_cli.core.problems import Problem


class JsonReporter(Reporter):
    def report(self, problems: Sequence[Problem], summary: Summary) -> None:
        document = {"summary": summary.as_dict(), "problems": [problem.as_dict() for problem in problems]}
        self.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        self.stdout.flush()


REPORTER = JsonReporter
