"""Last term's open actions, carried into a new term's file exactly as their owners wrote them.

A coalition's commitments outlive the term they were made in: `init --from` writes every action of
the last file that is still open (planned, in progress, or no status; not done, not dropped) under
the same indicator of the new file, so the register follows it as carried over (and overdue, once
past its due date) rather than losing it as vanished.

Each action is copied as its own lines of the last file, re-indented: a folded long text, quotes and
comments on and above the action stay as they were. When those lines cannot stand on their own
(an alias, a flow list, a layout we do not recognise), or would not read back as the same action,
the action's four fields are written out instead; so what is carried always reads back exactly as
the last term's file says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from coalition_cli.core.frozen import frozen
from coalition_cli.core.model.assessment import Action
from coalition_cli.core.model.building import built
from coalition_cli.core.model.values import CLOSED
from coalition_cli.core.yaml import text as yamltext

if TYPE_CHECKING:
    from coalition_cli.core.loading.assessments import LoadedAssessment
    from coalition_cli.core.model.framework import Framework
    from coalition_cli.core.yaml.splices import Splices

ITEM_INDENT = 6
"""Where a carried action's `-` goes: under `    actions:` of `  C1.1:`, as `init` lays a file out."""

_DASH = re.compile(r"( *)- +")
"""What may stand before an action's first key on its line: its dash, and nothing else."""


@frozen
class CarriedAction:
    """An open action of last term's, as `init --from` writes it into the new file."""

    indicator: str
    action: Action
    lines: tuple[str, ...]
    """The action as an item of `actions:` in the new file, its dash at `ITEM_INDENT`."""


@frozen
class Carried:
    """The open actions of last term's file, by indicator, in the file's order."""

    by_indicator: Mapping[str, tuple[CarriedAction, ...]]
    left_out: tuple[CarriedAction, ...] = ()
    """Open actions under indicators the new file's rubric does not have (its rubric changed)."""

    def __len__(self) -> int:
        return sum(len(actions) for actions in self.by_indicator.values())

    def lines(self, indicator: str) -> list[str]:
        return [line for carried in self.by_indicator.get(indicator, ()) for line in carried.lines]


def carried_sentence(when: str, carried: Carried, *, written: bool) -> str:
    """What became of last term's open actions (`when` names the term), in one sentence."""
    from coalition_cli.core.wording import plural

    if not carried:
        return f"{when} left no open actions to carry over."
    if not written:
        return f"Left out {plural(len(carried), 'open action')} of {when} (--no-actions): they are shown as comments."
    under = "under its indicator" if len(carried) == 1 else "each under its indicator"
    return f"Carried over {plural(len(carried), 'open action')} from {when}, {under}."


def is_open(action: Action) -> bool:
    return action.status not in CLOSED


def carried_actions(previous: LoadedAssessment, framework: Framework) -> Carried:
    """Every open action of `previous`, as lines for the new file; those under indicators that
    `framework` (the new file's rubric) does not have are set apart in `left_out`."""
    known = {indicator.id for indicator in framework.indicators}
    by_indicator: dict[str, tuple[CarriedAction, ...]] = {}
    left_out: list[CarriedAction] = []
    for carried in _open_actions(previous):
        if carried.indicator in known:
            by_indicator[carried.indicator] = (*by_indicator.get(carried.indicator, ()), carried)
        else:
            left_out.append(carried)
    return Carried(by_indicator, tuple(left_out))


def _open_actions(previous: LoadedAssessment) -> Iterator[CarriedAction]:
    items = _action_items(previous.text)
    for indicator, rating in previous.assessment.ratings.items():
        if rating is None:
            continue
        written = items.get(indicator, [])
        for index, action in enumerate(rating.actions):
            if not is_open(action):
                continue
            lines = written[index] if index < len(written) else None
            if lines is None or not _reads_back(lines, action):
                lines = rendered(action)
            yield CarriedAction(indicator, action, tuple(lines))


def _action_items(text: str) -> dict[str, list[list[str] | None]]:
    """The lines of each action item of each rating, re-indented for the new file (None for an item
    that cannot be copied as lines), by indicator. Empty when the text cannot be composed."""
    from coalition_cli.core.yaml import splices

    try:
        root = splices.nodes(text)
    except Exception:  # the file was read and checked: this is only a safety net, rendering follows
        return {}
    lines = splices.Splices(text, "\n")
    found = splices.find(root, "ratings") if _is_mapping(root) else None
    if found is None or not _is_mapping(found[1]):
        return {}
    items: dict[str, list[list[str] | None]] = {}
    for key_node, rating in found[1].value:
        actions = splices.find(rating, "actions") if _is_mapping(rating) else None
        if actions is None or not _is_sequence(actions[1]):
            continue
        sequence = actions[1].value
        items[str(key_node.value)] = [
            _item_lines(lines, item, text_after=lines.content_end(sequence[n - 1]) if n else 0)
            for n, item in enumerate(sequence)
        ]
    return items


def _item_lines(text: Splices, item: Any, *, text_after: int) -> list[str] | None:
    """The item's lines, with the comments right above it: never a line of the item before it
    (`text_after` is where that ends), where a block of text may hold a line that reads `#`."""
    start = item.start_mark.index
    line_start = text.line_start(start)
    dash = _DASH.fullmatch(text.text[line_start:start])
    if dash is None:
        return None
    column = len(dash.group(1))
    end = text.content_end(item)
    end = end if end > line_start and text.text[end - 1] == "\n" else text.line_after(end)
    own = text.text[line_start:end].splitlines()
    above: list[str] = []
    before = text.text[text_after:line_start].splitlines()
    while before and _comment_at_least(before[-1], column):
        above.insert(0, before.pop())
    return [_shifted(line, ITEM_INDENT - column) for line in [*above, *own]]


def _comment_at_least(line: str, column: int) -> bool:
    stripped = line.lstrip(" ")
    return stripped.startswith("#") and len(line) - len(stripped) >= column


def _shifted(line: str, by: int) -> str:
    if not line.strip():
        return ""
    if by >= 0:
        return " " * by + line
    spaces = len(line) - len(line.lstrip(" "))
    return line[min(spaces, -by) :]


def _reads_back(lines: list[str], action: Action) -> bool:
    """Whether the copied lines, on their own, read as the same action (and nothing else). Made
    without Pydantic (equal to a valid action, the item is one), which `init --from` would otherwise
    import for this alone."""
    from coalition_cli.core.yaml.source import parse_fast

    try:
        data = parse_fast("actions:\n" + "\n".join(lines) + "\n")
        items = data["actions"]
        return len(items) == 1 and built(Action, items[0]) == action
    except Exception:  # any failure to read back means: write the fields out instead
        return False


def rendered(action: Action) -> list[str]:
    """An action's fields as an item of `actions:`, in the model's order, each value quoted as needed."""
    pad = " " * ITEM_INDENT
    lines = [f"{pad}- action: {_text(action.action, pad + '    ')}"]
    if action.owner is not None:
        lines.append(f"{pad}  owner: {_text(action.owner, pad + '    ')}")
    if action.due is not None:
        lines.append(f"{pad}  due: {action.due.isoformat()}")
    if action.status is not None:
        lines.append(f"{pad}  status: {action.status}")
    return "\n".join(lines).split("\n")  # a literal block's lines, one by one


def _text(value: str, indent: str) -> str:
    if "\n" in value and not value.startswith(" ") and yamltext.fits_literal_block(value):
        return "|-\n" + "\n".join(indent + line if line else "" for line in value.split("\n"))
    return yamltext.scalar(value)


def _is_mapping(node: Any) -> bool:
    from ruamel.yaml.nodes import MappingNode

    return isinstance(node, MappingNode)


def _is_sequence(node: Any) -> bool:
    from ruamel.yaml.nodes import SequenceNode

    return isinstance(node, SequenceNode)
