"""What `coalition validate` does once its command line is read: check, print, and pick the exit status.

Both ways in end here, the Typer command and the fast path for plain command lines
(`cli/validation/fast_path.py`), so the checks, the output and the exit codes are written once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coalition_cli.cli.output.problems import DEFAULT, ProblemFormat, Summary, report_validation
from coalition_cli.core import codes
from coalition_cli.core.codes import Policy
from coalition_cli.core.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from coalition_cli.core.files.discovery import expand
from coalition_cli.core.loading.assessments import check_all
from coalition_cli.core.loading.frameworks import load_framework
from coalition_cli.core.loading.outcome import without_value
from coalition_cli.core.problems import Problem


def validate_files(
    paths: Sequence[Path],
    *,
    strict: bool = False,
    output: ProblemFormat | str = DEFAULT,
    framework: str | None = None,
    jobs: int | None = None,
    skip_other_yaml: bool = False,
) -> int:
    """Check the files (folders are searched), print every problem, and return the exit status.

    Raises FrameworkError when `framework` (the --framework option) cannot be used.
    """
    if framework is not None:
        load_framework(framework, relative_to=None)  # a bad --framework is a usage error (exit 2)
    targets = expand(paths, skip_other_yaml=skip_other_yaml)
    outcomes = check_all(targets, without_value, strict=strict, framework=framework, jobs=jobs)

    policy = Policy(strict=strict)
    problems: list[Problem] = []
    for outcome in outcomes:
        if outcome.unreadable is not None:
            message = f"cannot read: {outcome.unreadable}"
            problems.append(Problem.of(outcome.file, 1, 1, codes.UNREADABLE, message, policy))
        problems.extend(outcome.problems)
    # a shared coalition.yaml referenced by several assessments is reported once, not once per file
    problems = list(dict.fromkeys(problems))
    checked = [outcome for outcome in outcomes if not outcome.skipped]
    summary = Summary.of(
        problems,
        files=len(checked),
        valid=sum(outcome.valid for outcome in checked),
        skipped=len(outcomes) - len(checked),
    )
    report_validation(problems, summary, output)

    if any(outcome.unreadable is not None for outcome in outcomes):
        return EXIT_USAGE
    return EXIT_PROBLEMS if summary.errors else EXIT_OK
