"""The report commands that read files and print one report: `score`, `compare`, `consensus`, `roster`."""

from __future__ import annotations

from pathlib import Path

from coalition_cli.cli.output.formats import DEFAULT


def score(files: list[Path], output: str = DEFAULT) -> None:
    from coalition_cli.cli.output.formats import emit
    from coalition_cli.core.loading.assessments import load_all
    from coalition_cli.core.reports.score import ScoreReport

    emit(ScoreReport.of(load_all(files)), output)


def compare(files: list[Path], output: str = DEFAULT) -> None:
    from coalition_cli.cli.console import warn
    from coalition_cli.cli.output.formats import emit
    from coalition_cli.core.loading.assessments import load_all
    from coalition_cli.core.reports.comparison import build_comparison

    comparison = build_comparison(load_all(files))
    for message in comparison.warnings:
        warn(message)
    emit(comparison, output)


def consensus(files: list[Path], out: Path | None = None, force: bool = False, output: str = DEFAULT) -> None:
    import shlex

    from coalition_cli.cli.console import note, warn
    from coalition_cli.cli.output.formats import emit
    from coalition_cli.core.files.output import OutputFile
    from coalition_cli.core.loading.assessments import load_all
    from coalition_cli.core.reports.consensus import build_consensus, draft_text

    draft = None
    if out is not None:
        # a draft is the team's to edit once written: only --force replaces an existing file
        draft = OutputFile(path=out, command="consensus", what="the draft", force=force, inputs=tuple(files))
        draft.check()
    result = build_consensus(load_all(files))
    for message in result.warnings:
        warn(message)
    if draft is not None:  # the draft first: a closed pipe on the table (`| head`) must not lose it
        draft.write(draft_text(result, draft.path))
        note(
            f"draft consensus written to {draft.path}; edit it in the meeting, "
            f"then run `coalition validate {shlex.quote(str(draft.path))}`"
        )
    emit(result, output)


def roster(file: Path, output: str = DEFAULT) -> None:
    from coalition_cli.cli.console import note
    from coalition_cli.cli.output.formats import emit
    from coalition_cli.core.loading.roster import load_roster

    report = load_roster(file)
    emit(report, output)
    # for the facilitator, not in the roster its readers get
    if report.profile_file:
        note(f"profile read from {report.profile_file}")
    missing = report.to_record()
    if missing:
        lines = "\n".join(f"  {element}: {how}" for element, how in missing)
        note(f"to complete the roster, record in {report.profile_file or file}:\n{lines}")
    if not report.gaps_known and report.guide_tags_apply:
        note("run `coalition roster` on an assessment file to see the gaps each role could help with")
