"""A room session as anonymous rater files: one valid assessment per phone, for `consensus` and `score`.

Each device that voted becomes `participant-01.yaml` (numbered in the order they first voted), with
the stage it gave each indicator it voted on (a "don't know" is an unrated indicator), its sentence of
evidence, and the stakeholder group it said it speaks for. No name, no address, no time: nothing
that was not asked for. The only files ever replaced are the session's own earlier export (a phone
keeps its number, and its file starts with the same comment): exported again after another evening,
they are brought up to date.
"""

from __future__ import annotations

import re
from functools import partial
from itertools import takewhile
from pathlib import Path

from coalition_cli.core.editing.scaffold import framework_reference
from coalition_cli.core.errors import UsageError, WriteError
from coalition_cli.core.files.output import OutputFile, starts_with
from coalition_cli.core.frozen import frozen
from coalition_cli.core.loading.assessments import LoadedAssessment
from coalition_cli.core.room.journal import journal_path, read_journal
from coalition_cli.core.room.state import Ballot, RoomState
from coalition_cli.core.room.tally import guide_groups
from coalition_cli.core.wording import plural
from coalition_cli.core.yaml import text as yamltext


def session_state(loaded: LoadedAssessment) -> RoomState:
    """The room session of an assessment as its journal says (UsageError when there is none)."""
    path = journal_path(loaded.path)
    if not path.exists():
        raise UsageError(
            f"{loaded.path} has no room session yet (no {path.name} beside it)",
            hint=f"run one with `coalition room {loaded.path}`",
        )
    return RoomState(loaded.framework, guide_groups()).apply_all(read_journal(path))


def rater_files(loaded: LoadedAssessment, state: RoomState, folder: Path) -> dict[Path, str]:
    """The file of each device that voted, by path in `folder`."""
    width = max(2, len(str(len(state.devices))))
    files: dict[Path, str] = {}
    for device, number in state.devices.items():
        ballots = {
            indicator.id: state.ballots[indicator.id][device]
            for indicator in loaded.framework.indicators
            if device in state.ballots.get(indicator.id, {})
        }
        path = folder / f"participant-{number:0{width}d}.yaml"
        files[path] = _rater_text(loaded, path, number, ballots)
    return files


@frozen
class Exported:
    """The rater files written, and how many of them replaced the session's own earlier export."""

    written: tuple[Path, ...]
    updated: int


def export_raters(loaded: LoadedAssessment, folder: Path) -> Exported:
    """Write every device's rater file into `folder` (made if need be). Refuses to replace any file
    but the session's own earlier export, which it brings up to date."""
    files = rater_files(loaded, session_state(loaded), folder)
    if not files:
        raise UsageError(f"nobody has voted yet in the room session of {loaded.path}")
    present = [path for path in files if path.exists() or path.is_symlink()]
    taken = [str(path) for path in present if not _exported(path, files[path])]
    if taken:
        raise UsageError(
            f"{plural(len(taken), 'file')} would be replaced: {', '.join(taken[:3])}"
            + (" …" if len(taken) > 3 else "")
            + " (not this session's own earlier export)",
            hint=f"export into a folder of its own, like {_free_folder(folder)}",
        )
    _no_other_term(loaded, folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(f"cannot write into {folder}: {error.strerror or error}") from None
    for path, text in files.items():  # one that appeared meanwhile stops the export there
        OutputFile(
            path=path,
            command="room",
            what="the rater file",
            ours=partial(_exported, text=text),
            option=None,
        ).write(text)
    return Exported(tuple(files), len(present))


def _exported(path: Path, text: str) -> bool:
    """Whether `path` is this session's own earlier export of the file `text` now is: it starts with
    the same comment (the same participant of the same assessment and coalition)."""
    header = "".join(takewhile(lambda line: line.startswith("#"), text.splitlines(keepends=True)))
    return starts_with(path, re.compile(r"\A" + re.escape(header)), lines=header.count("\n"))


def _free_folder(folder: Path) -> Path:
    """A folder beside `folder` that does not exist yet (`raters/spring-2`): where an export works."""
    for number in range(2, 1000):
        free = folder.with_name(f"{folder.name}-{number}")
        if not free.exists():
            return free
    return folder / "room"


def _no_other_term(loaded: LoadedAssessment, folder: Path) -> None:
    """Refuse a folder that holds assessments of another day: `consensus` on the folder would mix
    two terms' raters (its warning comes after the export, and the proposals are wrong for both).
    Files of the same day are welcome: raters who wrote their own files beside the phones."""
    from coalition_cli.core.errors import CoalitionError
    from coalition_cli.core.loading.assessments import load_assessment

    day = loaded.assessment.assessed_on
    other = []
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        try:
            found = load_assessment(path)
        except CoalitionError:
            continue  # not an assessment (or not a valid one): consensus reports it itself
        if found.assessment.assessed_on != day:
            other.append(path.name)
    if other:
        raise UsageError(
            f"{folder} already holds {plural(len(other), 'assessment')} of another day "
            f"({', '.join(other[:3])}{' …' if len(other) > 3 else ''}): consensus on the folder would mix "
            f"them with this session's ({loaded.assessment.assessed_on.isoformat()})",
            hint=f"export into a folder of this term's own, like {folder / loaded.path.stem}",
        )


def _rater_text(loaded: LoadedAssessment, path: Path, number: int, ballots: dict[str, Ballot]) -> str:
    assessment, fw = loaded.assessment, loaded.framework
    grouped = sorted((ballot for ballot in ballots.values() if ballot.group), key=lambda ballot: ballot.at)
    lines = yamltext.comment_lines(
        f"Anonymous participant {number} of the room session on {assessment.coalition}'s assessment "
        f"{loaded.path.name}: the stages this phone gave, exported by `coalition room --export`. "
        'A "don\'t know" is left unrated.',
        "",
    )
    reference = framework_reference(assessment.framework, relative_to=loaded.path.parent, file=path)
    lines += [
        f"framework: {yamltext.scalar(reference)}",
        f"coalition: {yamltext.scalar(assessment.coalition)}",
        f"assessed_on: {assessment.assessed_on.isoformat()}",
    ]
    if assessment.term:
        lines.append(f"term: {yamltext.scalar(assessment.term)}")
    if grouped:  # the group this phone gave last
        lines += [
            "participants:",
            f"  - name: Anonymous participant {number}",
            f"    stakeholder_group: {yamltext.scalar(str(grouped[-1].group))}",
        ]
    lines.append("ratings:")
    for indicator, ballot in ballots.items():
        lines.append(f"  {indicator}:  # {fw.indicator(indicator).name}")
        if ballot.stage is None:
            lines.append("    stage: null  # don't know")
        else:
            lines.append(f"    stage: {ballot.stage}  # {fw.stage_name(ballot.stage)}")
        if ballot.evidence:
            lines.append(f"    evidence: {yamltext.scalar(ballot.evidence)}")
    return "\n".join(lines) + "\n"
