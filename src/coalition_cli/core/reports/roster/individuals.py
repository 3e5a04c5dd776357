"""Members that rest on one person: a single named representative who owns open actions.

The Guide's Step 6: the coalition "cannot depend solely on the involvement and commitment of a
limited number of individuals". When a member lists one representative and that person, or the
member itself, owns open actions in the assessment, the roster says so: if that person moves on,
those actions have no one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from coalition_cli.core.frozen import frozen
from coalition_cli.core.model.profile import CoalitionProfile
from coalition_cli.core.reports.actions.owners import names_organization, names_person
from coalition_cli.core.reports.actions.register import ActionRecord
from coalition_cli.core.wording import long_date, plural

GUIDE_WORDS = "cannot depend solely on the involvement and commitment of a limited number of individuals"


@frozen(kw_only=True)
class SoleRepresentative:
    """An organization that rests on one person, and the open actions that person owns."""

    organization: str
    representative: str
    title: str | None
    open_actions: tuple[str, ...]
    """`Hire the WBL coordinator (C1.3, due 2026-04-30)` for each open action they own (as JSON gives them)."""
    message: str
    open_actions_for_readers: tuple[str, ...] = ()
    """The same for the roster's readers: `Hire the WBL coordinator (C1.3 Work-based Learning
    Leadership, due 30 April 2026)` (not in JSON)."""

    @property
    def situation(self) -> str:
        """`Riverside Regional Medical Center has one named representative, Angela Ruiz, who owns 2
        open actions.`: the message without the Guide's words (the roster says them once for all)."""
        return situation(self.organization, self.representative, len(self.open_actions))


def situation(organization: str, representative: str, owned: int) -> str:
    return f"{organization} has one named representative, {representative}, who owns {plural(owned, 'open action')}."


def sole_representatives(
    profile: CoalitionProfile,
    actions: Sequence[ActionRecord],
    indicator_names: Mapping[str, str] | None = None,
) -> tuple[SoleRepresentative, ...]:
    """Each member with one named representative that owns open actions (as the person or the member);
    `indicator_names` name the actions' indicators for the roster's readers."""
    names = indicator_names or {}
    found = []
    open_actions = [action for action in actions if action.open and action.owner]
    for member in profile.members:
        if len(member.representatives) != 1:
            continue
        person = member.representatives[0]
        owned = [
            action
            for action in open_actions
            if action.owner is not None
            and (
                names_person(action.owner, person.name)
                or names_organization(action.owner, member.organization)
            )
        ]
        if not owned:
            continue
        described = tuple(
            f"{action.action} ({action.indicator}"
            + (f", due {action.due.isoformat()})" if action.due else ")")
            for action in owned
        )
        found.append(
            SoleRepresentative(
                organization=member.organization,
                representative=person.name,
                title=person.title,
                open_actions=described,
                open_actions_for_readers=tuple(_for_readers(action, names) for action in owned),
                message=(
                    f"{situation(member.organization, person.name, len(owned))} As the Guide puts it, the "
                    f"coalition “{GUIDE_WORDS}”: name a second representative who knows this work."
                ),
            )
        )
    return tuple(found)


def _for_readers(action: ActionRecord, names: Mapping[str, str]) -> str:
    """`Hire the WBL coordinator (C1.3 Work-based Learning Leadership, due 30 April 2026)`."""
    indicator = (
        f"{action.indicator} {names[action.indicator]}" if action.indicator in names else action.indicator
    )
    return f"{action.action} ({indicator}" + (f", due {long_date(action.due)})" if action.due else ")")
