"""An assessment's participants against the Guide: each stakeholder group is one of the Guide's.

It needs only the Guide, so it runs even when the file's rubric cannot be found: every problem in
one run.
"""

from __future__ import annotations

from collections.abc import Iterator

from coalition_cli.core import codes
from coalition_cli.core.checks.base import Check, Kind, Subject
from coalition_cli.core.problems import Finding
from coalition_cli.core.suggest import Suggester
from coalition_cli.core.wording import quoted


def _groups(subject: Subject) -> Iterator[Finding]:
    participants, guide = subject.data.get("participants"), subject.guide
    if guide is None or not isinstance(participants, list):
        return
    groups = [group.id for group in guide.stakeholder_groups]
    meant = Suggester(groups)
    for index, participant in enumerate(participants):
        group = participant.get("stakeholder_group") if isinstance(participant, dict) else None
        if isinstance(group, str) and guide.stakeholder_group(group) is None:
            yield Finding(
                ("participants", index, "stakeholder_group"),
                codes.UNKNOWN_STAKEHOLDER_GROUP,
                f"unknown stakeholder group {quoted(group)}{meant.did_you_mean(group)}; "
                f"use one of: {', '.join(groups)}",
            )


CHECKS = (Check("participants.groups", Kind.ASSESSMENT, (codes.UNKNOWN_STAKEHOLDER_GROUP,), _groups),)
