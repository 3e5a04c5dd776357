"""What the team answered for the indicator in front, as the full screen shows it under the stages.

At a projector's 80×24 each part gets one line, fitted to the width so that what matters most in
it stays in view (the count of more actions, of last term's open ones) and a cut is marked `…`;
`e`, `a` and `r` show everything. A taller screen shows every part whole.
"""

from __future__ import annotations

import datetime as dt

from rich.cells import cell_len
from rich.text import Text

from coalition_cli.cli.assess.wording import (
    action_counts,
    describe_action,
    earlier_rating,
    not_carried,
    stage_label,
    when_assessed,
)
from coalition_cli.cli.output.fitting import fit
from coalition_cli.core.frozen import frozen
from coalition_cli.core.loading.assessments import LoadedAssessment
from coalition_cli.core.model.assessment import Action, Rating
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.model.stages import parse_stage
from coalition_cli.core.model.values import CLOSED
from coalition_cli.core.wording import plural

ROOMY_HEIGHT = 32
"""From this many rows on, the answers show whole: the evidence wrapped, every action listed."""

_SHOWN_ACTIONS = 6


@frozen
class LastTime:
    """What `--since`'s assessment said of the indicator: when, its stage, evidence and open actions."""

    when: str
    stage: int | None
    rated: str
    """Its stage with its target and priority, for a screen with room for them (`earlier_rating`)."""
    evidence: str = ""
    open: tuple[Action, ...] = ()


@frozen
class Answers:
    """What the session screen shows under an indicator: the rating so far, a linked indicator's stage, last
    term's answers."""

    framework: Framework
    rating: Rating | None
    stage: int | None
    linked: tuple[str, int] | None = None
    """A linked indicator rated otherwise, and its stage: `=` copies it."""
    earlier: LastTime | None = None
    today: dt.date | None = None
    """The session's day: the actions open and past due then are said to be overdue."""

    def lines(self, width: int = 78) -> Text:
        """A line each, for 80×24, each fitted to `width` (e, a and r show the whole)."""
        evidence = self._evidence()
        first = evidence.splitlines()[0] if evidence else ""
        actions = self.rating.actions if self.rating is not None else ()
        lines = self._head(width)
        if evidence:
            shown = first + (" …" if evidence != first else "")
            lines.append(Text.assemble(("Evidence ", "bold"), fit(shown, width - 9)))
        else:
            lines.append(Text.assemble(("Evidence ", "bold"), _none("e")))
        if actions:
            counts = f" · {action_counts(actions, self.today)} (a)"
            number, listed = next(  # the first still open: what the room has left to do
                ((n, a) for n, a in enumerate(actions, start=1) if a.status not in CLOSED), (1, actions[0])
            )
            room = width - 8 - cell_len(counts)
            lines.append(
                Text.assemble(
                    ("Actions ", "bold"),
                    fit(f"{number}. {describe_action(listed, self.today)}", room),
                    counts,
                )
            )
        else:
            lines.append(Text.assemble(("Actions ", "bold"), _none("a")))
        return Text("\n").join(lines)

    def whole(self, width: int = 118) -> Text:
        """The evidence whole (wrapped) and every action listed, for a larger screen."""
        evidence = " ".join(self._evidence().split())
        lines = [*self._head(width, whole=True), Text.assemble(("Evidence ", "bold"), evidence or _none("e"))]
        actions = self.rating.actions if self.rating is not None else ()
        if not actions:
            return Text("\n").join([*lines, Text.assemble(("Actions ", "bold"), _none("a"))])
        lines.append(Text("Actions", style="bold"))
        lines += [
            Text(f"  {n}. {describe_action(a, self.today)}")
            for n, a in enumerate(actions[:_SHOWN_ACTIONS], start=1)
        ]
        if len(actions) > _SHOWN_ACTIONS:
            lines.append(Text(f"  and {len(actions) - _SHOWN_ACTIONS} more (a)"))
        return Text("\n").join(lines)

    def _evidence(self) -> str:
        return (self.rating.evidence or "").strip() if self.rating is not None else ""

    def _head(self, width: int, *, whole: bool = False) -> list[Text]:
        fw, rating = self.framework, self.rating
        first = Text()
        first.append("Stage ", style="bold")
        if self.stage is None:
            first.append(f"not rated yet: press 1 to {fw.top_stage}", style="italic")
        else:
            first.append(stage_label(fw, self.stage))
        target = parse_stage(fw, rating.target) if rating is not None else None
        first.append("   Target ", style="bold")
        first.append(stage_label(fw, target) if target is not None else "none (t)")
        first.append("   Priority ", style="bold")
        first.append("yes ★" if rating is not None and rating.priority else "no (p)")
        lines = [first]
        if self.linked is not None:
            other, stage = self.linked
            ways = [
                f"{other} has the same descriptors and is at {stage_label(fw, stage)}: "
                "press = to give this one the same stage",
                f"{other} (same descriptors) is at {stage_label(fw, stage)}: = gives the same stage",
                f"{other} is at {stage_label(fw, stage)}: = gives the same",
            ]
            said = next((way for way in ways if cell_len(way) <= width - 7), ways[-1])
            lines.append(Text.assemble(("Linked ", "bold"), fit(said, width - 7)))
        if self.earlier is not None:
            lines += self._last_time(width, whole=whole)
        return lines

    def _last_time(self, width: int, *, whole: bool) -> list[Text]:
        """Last term's stage, evidence and the actions it left open: the start of each on one line
        at 80×24, all of it on a larger screen."""
        earlier = self.earlier
        assert earlier is not None
        fw = self.framework
        evidence = " ".join(earlier.evidence.split())
        left = len(earlier.open)
        if whole:
            head = f"({earlier.when}) {earlier.rated}"
            lines = [Text.assemble(("Last time ", "bold"), head + (f": {evidence}" if evidence else ""))]
            lines += [
                Text(f"  not marked done: {describe_action(action)}")
                for action in earlier.open[:_SHOWN_ACTIONS]
            ]
            if left > _SHOWN_ACTIONS:
                lines.append(Text(f"  and {left - _SHOWN_ACTIONS} more not marked done (r)"))
            return lines
        head = f"({earlier.when}) {stage_label(fw, earlier.stage)}"
        tail = f" · {plural(left, 'open action')} (r)" if left else ""
        room = width - 10 - cell_len(head) - cell_len(tail) - 5  # "Last time ", then ` · “…”`
        if evidence and room < 30:  # a narrow screen: the stage and the evidence before the term's name
            head = stage_label(fw, earlier.stage)
            room = width - 10 - cell_len(head) - cell_len(tail) - 5
        said = f" · “{fit(evidence, room)}”" if evidence and room >= 8 else ""
        return [Text.assemble(("Last time ", "bold"), head, said, tail)]


def _none(key: str) -> tuple[str, str]:
    return (f"none yet ({key})", "italic")


def last_time_of(
    earlier: LoadedAssessment | None, indicator: str, now: Rating | None = None
) -> LastTime | None:
    """What `--since`'s assessment said of `indicator`; None without `--since`. Its open actions
    leave out those already carried into this term's rating `now` (`init --from` carries them)."""
    if earlier is None:
        return None
    before = earlier.assessment.rating(indicator)
    evidence = (before.evidence or "").strip() if before is not None else ""
    return LastTime(
        when_assessed(earlier),
        earlier.stage(indicator),
        earlier_rating(earlier.framework, earlier, indicator),
        evidence,
        not_carried(before, now),
    )


def last_time(
    framework: Framework, earlier: LoadedAssessment, indicator: str, now: Rating | None = None
) -> tuple[str, str]:
    """What `--since`'s assessment said in full (its stage, evidence and the actions it left open
    that are not carried into `now`), as a heading and a text."""
    before = earlier.assessment.rating(indicator)
    said = [earlier_rating(framework, earlier, indicator)]
    if before is not None and before.evidence:
        said.append(before.evidence.strip())
    said += [f"Not marked done: {describe_action(action)}" for action in not_carried(before, now)]
    return f"Last time ({when_assessed(earlier)})", "\n".join(said)
