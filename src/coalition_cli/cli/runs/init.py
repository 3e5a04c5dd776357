"""`coalition init`'s run: a new assessment file written, or the next term rolled forward from the last."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coalition_cli.core.editing.carry import Carried


def init(
    file: Path,
    framework: str | None = None,
    coalition: str | None = None,
    date: str | None = None,
    term: str | None = None,
    facilitator: str | None = None,
    previous: Path | None = None,
    no_actions: bool = False,
) -> None:
    """Write a new assessment listing every indicator unrated, with the rubric as comments."""
    import shlex

    from coalition_cli.cli.console import note
    from coalition_cli.cli.output.messages import Messages
    from coalition_cli.core.dates import date_option_or_today
    from coalition_cli.core.editing.carry import carried_sentence
    from coalition_cli.core.editing.scaffold import (
        NewAssessment,
        framework_reference,
        refuse_outside,
        render,
        roll_forward,
        term_name,
    )
    from coalition_cli.core.errors import UsageError
    from coalition_cli.core.files.output import OutputFile
    from coalition_cli.core.loading.assessments import load_assessment
    from coalition_cli.core.loading.frameworks import DEFAULT_FRAMEWORK, load_framework
    from coalition_cli.core.wording import and_list, long_date, plural

    written = OutputFile(path=file, command="init", what="the new assessment", forceable=False, option=None)
    if no_actions and previous is None:
        raise UsageError("--no-actions goes with --from FILE: a new file has no actions to leave out")
    written.check()
    last = load_assessment(previous) if previous is not None else None
    carried: Carried | None = None
    if last is not None:
        rolled = roll_forward(
            file,
            last,
            assessed_on=date_option_or_today(date),
            framework=framework,
            coalition=coalition,
            term=term,
            facilitator=facilitator,
            no_actions=no_actions,
        )
        fw, new, carried, text = rolled.framework, rolled.new, rolled.carried, rolled.text
    else:
        if not coalition:
            raise UsageError(
                "give the coalition's name with --coalition NAME (or roll forward with --from FILE)"
            )
        reference = framework or DEFAULT_FRAMEWORK
        fw = load_framework(reference)
        new = NewAssessment(
            framework_reference(reference, relative_to=None, file=file),
            coalition,
            date_option_or_today(date),
            term,
            facilitator,
        )
        text = render(fw, new)
    refuse_outside(file, {"framework": new.framework_ref, "profile": new.profile_ref})
    written.write(text)
    said = Messages()
    said.say(
        ("✓", "green"),
        f" wrote {file}: {len(fw.indicators)} indicators to rate, "
        f"dated {long_date(new.assessed_on)}{' (today)' if date is None else ''}.",
    )
    if date is None:  # the plan, the lateness of actions and the order of terms go by it
        said.say(
            f"If the team meets on another day, write that day as assessed_on in {file} "
            "(or make the file with --date)."
        )
    # the stages on a line of their own: no number parted from its name where the line wraps
    said.say(f"Stages: {fw.stage_choices()}.")
    if last is not None and carried is not None:
        said.say(carried_sentence(term_name(last), carried, written=not no_actions))
        # the ratings start afresh each term; so do the team's targets and priorities, which a
        # facilitator might expect to be carried like the actions
        said.say("Stages, targets and priorities are set again this term.")
        if last.assessment.facilitator and not facilitator:
            said.say(
                f"The facilitator is {term_name(last)}'s ({last.assessment.facilitator}): change it "
                f"in {file} if someone else facilitates this time."
            )
        if last.assessment.participants:
            # written into the new term as they were: the plan names them as this term's, so say so
            names = [person.name for person in last.assessment.participants]
            shown = and_list(names if len(names) <= 4 else [*names[:3], f"{len(names) - 3} more"])
            said.say(
                f"The participants are {term_name(last)}'s ({shown}): change them in {file} "
                "if others are in the room this time."
            )
        if carried.left_out and not no_actions:
            ids = ", ".join(dict.fromkeys(action.indicator for action in carried.left_out))
            count = len(carried.left_out)
            note(
                f"{plural(count, 'open action')} of {term_name(last)} {'is' if count == 1 else 'are'} "
                f"under indicators this rubric does not have ({ids}): left in {previous} only"
            )
    since = f" --since {shlex.quote(str(previous))}" if previous is not None else ""
    seen = (
        " with last term's stages, targets and priorities beside each indicator"
        if previous is not None
        else ""
    )
    # the sentence wraps at words; the command has a line of its own, unbroken, to copy
    said.say(f"Next, rate them together{seen} (or edit the file by hand):")
    said.say("  ", (f"coalition assess {shlex.quote(str(file))}{since}", "bold"), wrap=False)
