"""What `coalition validate` does once its command line is read: check, print, and pick the exit status.

Both ways in end here, the Typer command and the plain command lines hooks, editors and CI use
(`validate [--strict] [--format F] [--skip-other-yaml] PATH...`, read without Typer by
`cli/plain_lines.py`), so the settings, the checks, the output and the exit codes are
written once. As in check-jsonschema, the command line is first turned into a plain object
(`Options`); `validate_files` runs it. Files are checked against the index shipped for their bundled
rubric (core/loading/indexed.py), each by the models only where the index cannot tell, so Pydantic
is imported only for such a file, a rubric given by path, or a settings file.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from coalition_cli.cli.output.problems import Run, Summary, default_format, report_validation
from coalition_cli.core import codes
from coalition_cli.core.codes import Level, Policy, Setting
from coalition_cli.core.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, ReadError, SettingsError, UsageError
from coalition_cli.core.files.discovery import STDIN, expand
from coalition_cli.core.loading.settings import (
    NO_SETTINGS,
    RepoSettings,
    find_settings,
    read_settings,
    settings_label,
)
from coalition_cli.core.problems import Problem


class Options(NamedTuple):
    """A validate command line, read (the Typer command's options, one for one)."""

    paths: Sequence[Path | str]
    output: str | None = None
    """None: `github` inside GitHub Actions, else `text`."""
    strict: bool = False
    framework: str | None = None
    jobs: int | None = None
    skip_other_yaml: bool = False
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    exit_zero: bool = False
    statistics: bool = False
    show_suppressed: bool = False
    config: Path | None = None
    isolated: bool = False
    stdin_filename: str | None = None


def validate_plain(
    paths: list[Path], output: str | None = None, strict: bool = False, skip_other_yaml: bool = False
) -> int:
    """A plain validate command line, read without Typer (`cli/plain_lines.py`): the exit status."""
    return validate_files(Options(paths, output=output, strict=strict, skip_other_yaml=skip_other_yaml))


def repository_settings(options: Options) -> RepoSettings:
    """The settings that apply: none with --isolated, the --config file, or the nearest found.
    Raises ReadError (a --config that cannot be read) or SettingsError (problems, located in the file)."""
    if options.isolated:
        if options.config is not None:
            raise UsageError("--config and --isolated cannot be used together")
        return NO_SETTINGS
    path = options.config if options.config is not None else find_settings()
    if path is None:
        return NO_SETTINGS
    if options.config is not None and not path.is_file():
        raise ReadError(f"cannot read the settings file {path}: no such file")
    outcome = read_settings(path)
    if outcome.unreadable is not None:
        raise ReadError(f"cannot read the settings file {path}: {outcome.unreadable}")
    if not outcome.usable:
        from coalition_cli.core.wording import fix_them, plural

        errors = [problem for problem in outcome.located.problems if problem.is_error]
        raise SettingsError(
            f"the settings in {settings_label(path)} have {plural(len(errors), 'problem')}; nothing was checked",
            problems=list(outcome.located.problems),
            hint=f"{fix_them(len(errors))}, or run with --isolated to check without any settings",
        )
    return outcome.settings


def run_policy(options: Options, settings: RepoSettings) -> Policy:
    """The run's policy: the settings' levels, then the command line's (which win); `--select`
    replaces the settings' `select`, and `--strict` or `strict: true` makes the run strict. Raises
    UsageError for a code that does not exist, or an error given to --ignore or --select."""
    from coalition_cli.core.checks.settings import code_problem

    for option, names in (("--ignore", options.ignore), ("--select", options.select or ())):
        for name in names:
            message = code_problem(name, relaxed=option == "--ignore", selected=option == "--select")
            if message is not None:
                raise UsageError(f"{option} {name}: {message}")
    levels = (*settings.levels, *(Setting(name, Level.IGNORE, "--ignore") for name in options.ignore))
    selected = options.select if options.select is not None else settings.select
    select = frozenset(selected) if selected is not None else None
    selected_by = "--select" if options.select is not None else settings.label
    strict = options.strict or settings.strict
    return Policy(strict=strict, levels=levels, select=select, selected_by=selected_by)


def validate_files(options: Options) -> int:
    """Check the files (folders are searched), print every problem, and return the exit status.

    Raises a CoalitionError before anything is printed when the command line or the settings cannot
    be used (a bad --framework, an unknown code, a settings file with problems).
    """
    from coalition_cli.core.loading.indexed import validate_all

    output = options.output if options.output is not None else default_format()
    if options.statistics:
        from coalition_cli.cli.output.problems import reporter

        if not reporter(output).statistics:
            raise UsageError(f"--statistics prints a count per code in the text or json format, not {output}")
    settings = repository_settings(options)
    policy = run_policy(options, settings)
    framework = options.framework if options.framework is not None else settings.framework
    if framework is not None:
        from coalition_cli.core.loading.frameworks import load_framework

        load_framework(framework, relative_to=None)  # a bad --framework is a usage error (exit 2)
    targets = expand(
        options.paths,
        skip_other_yaml=options.skip_other_yaml,
        exclusion=settings.exclusion,
        stdin_filename=options.stdin_filename,
    )
    excluded = sum(target.excluded for target in targets)
    targets = [target for target in targets if not target.excluded]
    stdin = _read_stdin() if any(target.stdin for target in targets) else None
    outcomes = validate_all(targets, policy=policy, framework=framework, jobs=options.jobs, stdin=stdin)

    problems: list[Problem] = []
    suppressed: list[Problem] = []
    for outcome in outcomes:
        if outcome.unreadable is not None:
            message = f"cannot read: {outcome.unreadable}"
            problems.append(Problem.of(outcome.file, 1, 1, codes.UNREADABLE, message, policy))
        problems.extend(outcome.problems)
        suppressed.extend(outcome.suppressed)
    # a shared coalition.yaml referenced by several assessments is reported once, not once per file
    problems = list(dict.fromkeys(problems))
    suppressed = list(dict.fromkeys(suppressed))
    checked = [outcome for outcome in outcomes if not outcome.skipped]
    summary = Summary.of(
        problems,
        files=len(checked),
        valid=sum(outcome.valid for outcome in checked),
        skipped=len(outcomes) - len(checked),
        unlisted=(sum(o.unlisted_errors for o in outcomes), sum(o.unlisted_warnings for o in outcomes)),
        suppressed=len(suppressed),
        excluded=excluded,
    )
    shown = suppressed if options.show_suppressed else []
    named = settings_label(settings.file) if settings.file is not None else None
    run = Run(problems, summary, shown, options.statistics, [outcome.file for outcome in checked], named)
    report_validation(run, output)

    if any(outcome.unreadable is not None for outcome in outcomes):
        return EXIT_USAGE
    return EXIT_PROBLEMS if summary.errors and not options.exit_zero else EXIT_OK


def _read_stdin() -> bytes:
    stream = sys.stdin
    if stream is None:
        raise ReadError(f"cannot read standard input ({STDIN}): it is closed")
    try:
        return stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
    except OSError as error:
        raise ReadError(f"cannot read standard input: {error.strerror or error}") from None
