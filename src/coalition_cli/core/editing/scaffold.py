"""New assessment files: every indicator listed unrated, with the rubric written in as YAML comments.

Someone editing by hand sees each stage descriptor right above the line they fill in; rolling a new
term forward from the last one keeps the coalition and participants, shows last term's stages, and
carries its open actions over under their indicators, as written (`carry.py`).
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coalition_cli.core.frozen import frozen
from coalition_cli.core.loading.assessments import LoadedAssessment
from coalition_cli.core.loading.frameworks import framework_path, looks_like_path
from coalition_cli.core.model.assessment import Participant
from coalition_cli.core.model.base import as_data
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.model.values import CLOSED
from coalition_cli.core.yaml import text as yamltext

if TYPE_CHECKING:
    from coalition_cli.core.editing.carry import Carried


@frozen
class NewAssessment:
    """What a new assessment file starts with, before anyone rates."""

    framework_ref: str
    coalition: str
    assessed_on: dt.date
    term: str | None = None
    facilitator: str | None = None
    profile_ref: str | None = None
    """The shared coalition.yaml, as a path from the new file's folder."""
    participants: tuple[Participant, ...] = ()
    """Who takes part, when known (asked by `assess`); else last term's, with `--from`."""


def framework_reference(reference: str, *, relative_to: Path | None, file: Path) -> str:
    """The `framework:` to write into `file` for a reference read relative to the folder `relative_to`
    (a file's folder: the reference is that file's), or typed by the user (None: from the working folder).

    A bundled id stays as it is. A path is rewritten to reach the same rubric from the file's own
    folder (a file's reference is read relative to the file), or made absolute when the two share
    nothing but the root, where a relative path would be fragile.
    """
    if not looks_like_path(reference):
        return reference
    return path_from(file, framework_path(reference, relative_to=relative_to))


def refuse_outside(file: Path, references: dict[str, str | None]) -> None:
    """UsageError, before anything is written, for a new `file` whose `framework:` or `profile:` (by
    key) leads outside its repository: every command that reads the file would refuse to follow it
    (unless its folder is allowed, as with `--allow-outside` here)."""
    import shlex

    from coalition_cli.core.errors import UsageError
    from coalition_cli.core.files.references import ReferenceRefused, repository_of, resolve_reference
    from coalition_cli.core.loading.frameworks import looks_like_path

    for key, reference in references.items():
        if reference is None or (key == "framework" and not looks_like_path(reference)):
            continue
        try:
            resolve_reference(reference, file.parent)
        except ReferenceRefused as refused:
            if not refused.outside:
                continue
            what = "rubric" if key == "framework" else "coalition profile"
            repository = repository_of(file.parent)
            folder = Path(os.path.realpath(file.parent / reference)).parent
            in_git = (repository / ".git").exists()
            where = "the git repository of" if in_git else "the folder of"
            ways = [f"keep the {what} in {repository}"]
            if not in_git:
                both = Path(os.path.commonpath([repository, folder]))
                ways.append(
                    f"make one git repository of a folder holding both (`git init {shlex.quote(str(both))}`)"
                )
            ways.append(
                f"allow its folder: `coalition --allow-outside {shlex.quote(str(folder))} init …`, and on every "
                "command after (or set COALITION_ALLOW_OUTSIDE)"
            )
            raise UsageError(
                f"the {what} {reference} is outside {repository}, {where} {file}"
                f"{'' if in_git else ' (which is in no git repository)'}, and every command reading {file} "
                "would refuse to follow it: nothing was written",
                hint=", or ".join([", ".join(ways[:-1]), ways[-1]]) if len(ways) > 2 else " or ".join(ways),
            ) from None


def path_from(file: Path, target: Path) -> str:
    """How `file` names `target`: relative to the file's folder, or absolute when the two share
    nothing but the root, where a relative path would be fragile."""
    target, folder = target.resolve(), file.resolve().parent
    if os.path.commonpath([target, folder]) == target.anchor:
        return str(target)
    return Path(os.path.relpath(target, folder)).as_posix()


def render(
    framework: Framework,
    new: NewAssessment,
    previous: LoadedAssessment | None = None,
    carried: Carried | None = None,
) -> str:
    """The text of a new assessment file, which validates (with not-rated warnings).

    `carried`: last term's open actions to write under their indicators (`carry.carried_actions`);
    without them, `previous`'s open actions are only shown as comments."""
    lines = [
        *yamltext.comment_lines(
            f"Self-assessment of {new.coalition} against {framework.title} ({framework.id}).", ""
        ),
        "# Rate each indicator with a stage number or name.",
        *yamltext.comment_lines("Stages: " + framework.stage_choices() + ".", ""),
        "# `stage: null` means not rated yet. Check the file with: coalition validate <this file>",
        '# Quote text holding " #" or ": ", or starting with a symbol: owner: "Teamsters Local #42".',
        "# Evidence of several lines: `evidence: |`, then the lines indented below it.",
    ]
    if previous is not None:
        lines += yamltext.comment_lines(
            f"Rolled forward from {previous.path.name} ({previous.assessment.assessed_on.isoformat()}): "
            "last term's stages, evidence and notes are shown as comments; confirm or change each stage.",
            "",
        )
    if previous is not None and carried:
        lines += yamltext.comment_lines(
            f"{_its_open_actions(len(carried))}, as written: mark each done "
            "or dropped as the team decides, or keep it going.",
            "",
        )
    lines += [
        f"framework: {yamltext.scalar(new.framework_ref)}",
        f"coalition: {yamltext.scalar(new.coalition)}",
    ]
    if new.profile_ref:
        lines.append(f"profile: {yamltext.scalar(new.profile_ref)}")
    lines += [f"assessed_on: {new.assessed_on.isoformat()}"]
    if new.term:
        lines.append(f"term: {yamltext.scalar(new.term)}")
    for key in ("region", "cohort"):  # where the coalition sits in a network: the same every term
        value = getattr(previous.assessment, key) if previous is not None else None
        if value:
            lines.append(f"{key}: {yamltext.scalar(value)}")
    if new.facilitator:
        lines.append(f"facilitator: {yamltext.scalar(new.facilitator)}")
    lines += _participants(new.participants or (previous.assessment.participants if previous else ()))
    if previous is not None and previous.assessment.notes and previous.assessment.notes.strip():
        # where this term's `notes:` would go: last term's words, shown, not made this term's
        lines += yamltext.comment_lines(
            previous.assessment.notes.strip(), "", first="Last term's notes: ", rest="  "
        )
    lines.append("ratings:")
    for domain in framework.domains:
        lines.append("")
        lines.append(f"  # ── {domain.label} " + "─" * max(3, 70 - len(domain.id) - len(domain.name)))
        for indicator in domain.indicators:
            lines.append(f"  {indicator.id}:  # {indicator.name}")
            for stage in framework.stages:
                label = f"{stage.label}: "
                for number, paragraph in enumerate(indicator.descriptor(stage.number)):
                    first = label if number == 0 else " " * len(label)
                    lines += yamltext.comment_lines(paragraph, "    ", first=first, rest=" " * len(label))
            lines += _last_term(framework, indicator.id, previous, carrying=carried is not None)
            lines.append("    stage: null")
            if previous is not None and carried is not None and (items := carried.lines(indicator.id)):
                lines += yamltext.comment_lines(
                    f"Carried over from {term_name(previous)} (not done or dropped there):", "    "
                )
                lines += ["    actions:", *items]
    return "\n".join(lines) + "\n"


@frozen
class RolledForward:
    """A new term's file made from the last one (`init --from`)."""

    text: str
    framework: Framework
    new: NewAssessment
    carried: Carried
    """Last term's open actions: written under their indicators unless `no_actions`."""


def roll_forward(
    file: Path,
    last: LoadedAssessment,
    *,
    assessed_on: dt.date,
    framework: str | None = None,
    coalition: str | None = None,
    term: str | None = None,
    facilitator: str | None = None,
    no_actions: bool = False,
) -> RolledForward:
    """The text of `file`, the term after `last`: its rubric (unless `framework`, typed from the working
    folder), coalition, participants and shared profile, last term's stages as comments, and its open
    actions carried over (`no_actions`: shown as comments only)."""
    from coalition_cli.core.editing.carry import carried_actions
    from coalition_cli.core.loading.frameworks import load_framework

    reference = framework or last.assessment.framework
    # the file's own reference is read from its folder; one typed here, from the working folder
    base = last.path.parent.resolve() if framework is None else None
    rubric = load_framework(reference, relative_to=base)
    shared = last.assessment.profile
    profile = path_from(file, last.path.parent / shared) if isinstance(shared, str) else None
    new = NewAssessment(
        framework_reference(reference, relative_to=base, file=file),
        coalition or last.assessment.coalition,
        assessed_on,
        term,
        facilitator or last.assessment.facilitator,  # most often the same each term: said, and kept
        profile,
    )
    carried = carried_actions(last, rubric)
    text = render(rubric, new, last, None if no_actions else carried)
    return RolledForward(_written_like(last, text), rubric, new, carried)


def _written_like(last: LoadedAssessment, text: str) -> str:
    """The new term's text with the line endings and byte-order mark of the last term's file: a team
    whose editor writes CRLF (or a BOM) gets a file like the ones it has, and a diff of the two terms
    that shows what changed, not every line."""
    if "\r\n" in last.text:
        text = text.replace("\n", "\r\n")
    try:
        with last.path.open("rb") as stream:
            bom = stream.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8
    except OSError:
        bom = False
    return "\ufeff" + text if bom else text


def term_name(assessment: LoadedAssessment) -> str:
    """How a term is named to the people in it: its `term:`, else its file and date."""
    written = assessment.assessment
    return written.term or f"{assessment.path.name} ({written.assessed_on.isoformat()})"


def _its_open_actions(count: int) -> str:
    if count == 1:
        return "Its open action is carried over under its indicator"
    return f"Its {count} open actions are carried over, each under its indicator"


def _participants(people: Sequence[Participant]) -> list[str]:
    if not people:
        return ["participants: []  # who took part: - name: …, organization: …, stakeholder_group: …"]
    return ["participants:", *(line for person in people for line in participant_lines(person))]


def participant_lines(person: Participant) -> list[str]:
    """One item of the `participants:` list, its keys in the model's order, each value quoted as needed."""
    fields: dict[str, Any] = as_data(person, exclude_none=True)
    return [
        f"  {'  ' if index else '- '}{key}: {yamltext.scalar(str(value))}"
        for index, (key, value) in enumerate(fields.items())
    ]


def _last_term(
    framework: Framework, indicator_id: str, previous: LoadedAssessment | None, *, carrying: bool = False
) -> list[str]:
    if previous is None:
        return []
    stage = previous.stage(indicator_id)
    when = previous.assessment.assessed_on.isoformat()
    rating = previous.assessment.rating(indicator_id)
    target = previous.target(indicator_id)
    aims = [
        *([f"target {target} {framework.stage_name(target)}"] if target is not None else []),
        *(["a priority"] if rating is not None and rating.priority else []),
    ]  # what the team set itself: set again this term, so said beside the stage it set them from
    said = f"{stage} {framework.stage_name(stage)}" if stage is not None else "not rated"
    lines = [f"    # Last term ({when}): {'; '.join([said, *aims])}."]
    if stage is not None and rating is not None and rating.evidence:
        lines += yamltext.comment_lines(rating.evidence.strip(), "    ", first="Evidence then: ", rest="  ")
    if rating is not None and rating.notes and rating.notes.strip():  # why it was not rated, too
        lines += yamltext.comment_lines(rating.notes.strip(), "    ", first="Notes then: ", rest="  ")
    if stage is None:
        return lines
    if rating is not None and not carrying:  # carried ones are written out below the stage
        for action in rating.actions:
            if action.status not in CLOSED:
                owner = f" ({action.owner})" if action.owner else ""
                lines += yamltext.comment_lines(
                    f"{action.action}{owner}", "    ", first="Open action: ", rest="  "
                )
    return lines
