"""`--format github`: GitHub Actions workflow commands, so each problem shows on its line of a pull request."""

from __future__ import annotations

from coalition_cli.cli.output.problems.base import Reporter, Run
from coalition_cli.cli.output.problems.text import summary_line
from coalition_cli.core.problems import Problem


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, *, suppressed: bool = False) -> str:
    """`::error file=F,line=L,col=C,title=CODE::message`, escaped as GitHub requires; a suppressed
    problem (`--show-suppressed`) is a `::notice`, its message ending in "(suppressed)"."""
    level = "notice" if suppressed else "error" if problem.is_error else "warning"
    properties = ",".join(
        [
            f"file={_escape_property(problem.file)}",
            f"line={problem.line}",
            f"col={problem.column}",
            f"title={_escape_property(problem.code)}",
        ]
    )
    message = f"{problem.message} (suppressed)" if suppressed else problem.message
    return f"::{level} {properties}::{_escape_data(message)}"


class GithubReporter(Reporter):
    """Annotations on standard output, and the summary line on standard error, where the job's log
    shows it; a run that found no file at all is also a warning annotation, so a mistyped folder
    shows on the run's page, not only in its log."""

    def report(self, run: Run) -> None:
        lines = [annotation(problem) for problem in run.problems]
        lines += [annotation(problem, suppressed=True) for problem in run.suppressed]
        summary = run.summary
        if summary.nothing_found:
            message = summary_line(summary, color=False).removeprefix("! ")
            lines.append(f"::warning title={_escape_property('coalition validate')}::{_escape_data(message)}")
        if lines:
            self.stdout.write("\n".join(lines) + "\n")
        self.stdout.flush()
        self.stderr.write(summary_line(summary, color=False, settings=run.settings) + "\n")
        self.stderr.flush()


REPORTER = GithubReporter
