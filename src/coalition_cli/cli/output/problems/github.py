"""`--format github`: GitHub Actions workflow commands, so each problem shows on its line of a pull request."""

from __future__ import annotations

from collections.abc import Sequence

from coalition_cli.cli.output.problems.base import Reporter, Summary
from coalition_cli.core.problems import Problem


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """`::error file=F,line=L,col=C,title=CODE::message`, escaped as GitHub requires."""
    level = "error" if problem.is_error else "warning"
    properties = ",".join(
        [
            f"file={_escape_property(problem.file)}",
            f"line={problem.line}",
            f"col={problem.column}",
            f"title={_escape_property(problem.code)}",
        ]
    )
    return f"::{level} {properties}::{_escape_data(problem.message)}"


class GithubReporter(Reporter):
    def report(self, problems: Sequence[Problem], summary: Summary) -> None:
        if problems:
            self.stdout.write("\n".join(annotation(problem) for problem in problems) + "\n")
        self.stdout.flush()


REPORTER = GithubReporter
