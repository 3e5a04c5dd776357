"""What the team answered for the indicator in front, as the full screen shows it under the stages."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from coalition_cli.cli.assess.wording import describe_action, open_actions, stage_label
from coalition_cli.core.loading.assessments import LoadedAssessment
from coalition_cli.core.model.assessment import Rating
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.model.stages import parse_stage

ROOMY_HEIGHT = 32
"""From this many rows on, the answers show whole: the evidence wrapped, every action listed."""

_SHOWN_ACTIONS = 6


@dataclass(frozen=True)
class LastTime:
    """What `--since`'s assessment said of the indicator: when, and the stage it gave."""

    when: str
    stage: int | None


@dataclass(frozen=True)
class Answers:
    framework: Framework
    rating: Rating | None
    stage: int | None
    linked: tuple[str, int] | None = None
    """A linked indicator rated otherwise, and its stage: `=` copies it."""
    earlier: LastTime | None = None

    def lines(self) -> Text:
        """A line each, for 80×24 (cut with `…`: e and a show the whole)."""
        evidence = self._evidence()
        first = evidence.splitlines()[0] if evidence else ""
        actions = self.rating.actions if self.rating is not None else ()
        rest = f" · and {len(actions) - 1} more (a)" if len(actions) > 1 else ""
        return Text("\n").join(
            [
                *self._head(),
                Text.assemble(
                    ("Evidence ", "bold"),
                    first + (" …" if evidence != first else "") if evidence else _none("e"),
                ),
                Text.assemble(
                    ("Actions ", "bold"), f"1. {describe_action(actions[0])}{rest}" if actions else _none("a")
                ),
            ]
        )

    def whole(self) -> Text:
        """The evidence whole (wrapped) and every action listed, for a larger screen."""
        evidence = " ".join(self._evidence().split())
        lines = [*self._head(), Text.assemble(("Evidence ", "bold"), evidence or _none("e"))]
        actions = self.rating.actions if self.rating is not None else ()
        if not actions:
            return Text("\n").join([*lines, Text.assemble(("Actions ", "bold"), _none("a"))])
        lines.append(Text("Actions", style="bold"))
        lines += [
            Text(f"  {n}. {describe_action(a)}") for n, a in enumerate(actions[:_SHOWN_ACTIONS], start=1)
        ]
        if len(actions) > _SHOWN_ACTIONS:
            lines.append(Text(f"  and {len(actions) - _SHOWN_ACTIONS} more (a)"))
        return Text("\n").join(lines)

    def _evidence(self) -> str:
        return (self.rating.evidence or "").strip() if self.rating is not None else ""

    def _head(self) -> list[Text]:
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
            said = f"to {other} (the same descriptors), at {stage_label(fw, stage)}: press = for the same"
            lines.append(Text.assemble(("Linked ", "bold"), said))
        if self.earlier is not None:
            lines.append(
                Text.assemble(
                    ("Last time ", "bold"), f"({self.earlier.when}) {stage_label(fw, self.earlier.stage)}"
                )
            )
        return lines


def _none(key: str) -> tuple[str, str]:
    return (f"none yet ({key})", "italic")


def _when(earlier: LoadedAssessment) -> str:
    return earlier.assessment.term or earlier.assessment.assessed_on.isoformat()


def last_time_stage(earlier: LoadedAssessment | None, indicator: str) -> LastTime | None:
    return LastTime(_when(earlier), earlier.stage(indicator)) if earlier is not None else None


def last_time(framework: Framework, earlier: LoadedAssessment, indicator: str) -> tuple[str, str]:
    """What `--since`'s assessment said in full (its stage, evidence and the actions it left open),
    as a heading and a text."""
    before = earlier.assessment.rating(indicator)
    said = [stage_label(framework, earlier.stage(indicator))]
    if before is not None and before.evidence:
        said.append(before.evidence.strip())
    said += [f"Not marked done: {describe_action(action)}" for action in open_actions(before)]
    return f"Last time ({_when(earlier)})", "\n".join(said)
