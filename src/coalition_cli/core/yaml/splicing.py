"""Editing an assessment's text the way a careful person would: touching only what changes.

An edit changes one indicator's rating (its stage, evidence, target or priority, set or removed;
its actions added, changed, put back or deleted) or adds participants. The new text is made by
*splicing*: the file is composed (not loaded) to learn where each node starts and ends, only the
changed values are rendered with ruamel.yaml, and they replace or join the original text at those
positions. Every other byte stays as it was: comments, key order, quoting, blank lines, CRLF line
endings and a byte-order mark. Where the file's layout is too unusual to splice (a flow-style
`ratings:` mapping), a ruamel.yaml round-trip dump is tried instead.

Either way the result is parsed again and must hold exactly the data expected (the old data with
this one rating, or the participants, changed), keep every comment (a comment on a line that is
removed stays, on a line of its own), and leave every line outside the edited part as it was; else
the edit is refused with EditError rather than made.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from coalition_cli.core.editing.rating_edits import (
    ACTION_FIELDS,
    CLEAR,
    AddParticipants,
    ChangeAction,
    DeleteAction,
    Edit,
    InsertAction,
    RatingEdit,
    with_action_op,
)
from coalition_cli.core.frozen import frozen
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.model.stages import numbered_stage, written_stage
from coalition_cli.core.yaml import source as yamlsource
from coalition_cli.core.yaml import text as yamltext
from coalition_cli.core.yaml.splices import (
    CannotSplice,
    EditError,
    Layout,
    Splices,
    comment_spans,
    comments,
    find,
    is_block_mapping,
    is_empty_flow,
    is_null,
    key_region,
    layout_of,
    nodes,
    render,
    starts_its_line,
)

__all__ = ["EditError", "edit_text"]

_FIELD_ORDER = ("stage", "evidence", "target", "priority", "notes", "links", "actions")
"""The order a person would write a rating's keys in: a new key is inserted where it belongs."""
_TOP_ORDER = (
    "framework",
    "coalition",
    "assessed_on",
    "term",
    "facilitator",
    "participants",
    "profile",
    "notes",
    "ratings",
)
"""The assessment's own keys in the model's order, for a `participants:` key added to a file."""
_DASH = re.compile(r"[ \t]*-[ \t]+")
"""What comes before a list item on its line, when the list is written one item per dash."""


class _Removed:
    """The key goes: what a `CLEAR` (or the last action deleted) writes, and reads back as absent."""

    def __repr__(self) -> str:
        return "<removed>"


_REMOVE = _Removed()


@frozen
class _Append:
    """Items written at the end of a list (rendered values)."""

    items: tuple[dict[str, Any], ...]


@frozen
class _Insert:
    """An action to add to a rating's list, at `index`."""

    index: int
    item: dict[str, Any]


@frozen
class _Delete:
    """The action at `index` of a rating's list, to remove."""

    index: int


@frozen
class _ChangeItem:
    """Keys of one list item set to new (rendered) values, or `_REMOVE`d."""

    index: int
    fields: dict[str, Any]


_ListOp = _Append | _Insert | _Delete | _ChangeItem


@frozen
class _Change:
    """One key of a rating (or of the file's top) to set, and what reading it back must give."""

    key: str
    written: Any  # what to render: a value, `_REMOVE`, or for actions one `_ListOp`
    parsed: Any  # what parse_fast must read back (`_REMOVE`: no such key); for actions, the whole list


def edit_text(text: str, edits: Iterable[Edit], framework: Framework) -> str:
    """`text` with the edits made, every other byte as it was. Raises EditError if it cannot be done."""
    for edit in edits:
        if isinstance(edit, AddParticipants):
            text = _add_participants(text, edit)
            continue
        for step in _steps(edit):
            text = _edit_one(text, step, framework)
    return text


def _steps(edit: RatingEdit) -> Iterator[RatingEdit]:
    """An edit in steps of one list operation at most: each is made, and proven, on the text before it."""
    if not edit.action_ops:
        yield edit
        return
    fields_only = replace(edit, add_actions=(), action_ops=())
    if not fields_only.is_empty:
        yield fields_only
    for op in edit.action_ops:
        yield RatingEdit(edit.indicator, action_ops=(op,))
    if edit.add_actions:
        yield RatingEdit(edit.indicator, add_actions=edit.add_actions)


def _edit_one(text: str, edit: RatingEdit, framework: Framework) -> str:
    before = yamlsource.parse_fast(text)
    if not isinstance(before, dict):
        raise EditError("the file is not a mapping")
    ratings = before.get("ratings")
    if ratings is not None and not isinstance(ratings, dict):
        raise EditError("ratings is not a mapping")
    current = (ratings or {}).get(edit.indicator)
    current = current if isinstance(current, dict) else {}
    changes = _changes(framework, edit, current)
    if not changes:
        return text
    expected = copy.deepcopy(before)
    if expected.get("ratings") is None:  # absent, or written empty (`ratings:`, `ratings: ~`)
        expected["ratings"] = {}
    rating = dict(current)
    for change in changes:
        if change.parsed is _REMOVE:
            rating.pop(change.key, None)
        else:
            rating[change.key] = change.parsed
    expected["ratings"][edit.indicator] = rating
    region = _rating_region(text, edit.indicator)
    reason = "its data would not read back as intended"
    for attempt in (_splice, _roundtrip):
        try:
            result = attempt(text, edit.indicator, changes, framework)
        except CannotSplice:
            continue
        if _normal(_parsed(result)) == _normal(expected):
            disturbed = _disturbance(text, result, region, edit.indicator)
            if disturbed is None:
                return result
            reason = disturbed
    root = nodes(text)
    found = find(root, "ratings") if is_block_mapping(root) else None
    if found is not None and getattr(found[1], "flow_style", False):
        # a flow mapping ({C1.1: {stage: 2}, …}) can only be rewritten whole, which moves other lines
        reason += "; write ratings: as one indicator per line (block style) and try again"
    raise EditError(f"could not write the change to {edit.indicator} without disturbing the file: {reason}")


def _normal(data: Any) -> Any:
    """Parsed data with a rating emptied of every key read as no rating at all (`C1.4:` is `null`)."""
    if isinstance(data, dict) and isinstance(data.get("ratings"), dict):
        ratings = {key: value if value != {} else None for key, value in data["ratings"].items()}
        return {**data, "ratings": ratings}
    return data


def _changes(framework: Framework, edit: RatingEdit, current: dict[str, Any]) -> list[_Change]:
    changes = []
    for key in ("stage", "target"):
        wanted = getattr(edit, key)
        if wanted is CLEAR:
            if key == "stage" and current.get("stage") is not None:
                changes.append(_Change("stage", None, None))  # `stage: null`: not rated, as init writes it
            elif key == "target" and "target" in current:
                changes.append(_Change("target", _REMOVE, _REMOVE))
        elif wanted is not None:
            # a target follows the way the stage is written (a number, or a name in its case)
            style = current.get(key) if current.get(key) is not None else current.get("stage")
            value = _stage_as_written(framework, wanted, style)
            if current.get(key) != value:
                changes.append(_Change(key, value, value))
    for key in ("evidence", "priority"):
        wanted = getattr(edit, key)
        if wanted is CLEAR:
            if key in current:
                changes.append(_Change(key, _REMOVE, _REMOVE))
        elif wanted is not None and (key not in current or current[key] != wanted):
            changes.append(_Change(key, _styled(wanted) if isinstance(wanted, str) else wanted, wanted))
    actions = _actions_change(edit, current)
    if actions is not None:
        changes.append(actions)
    # new keys due at one place (before `actions:`) go in in the order a person writes them
    return sorted(changes, key=lambda change: _rank(change.key))


def _actions_change(edit: RatingEdit, current: dict[str, Any]) -> _Change | None:
    existing = current.get("actions") or []
    if not isinstance(existing, list):
        raise EditError("actions is not a list")
    if edit.add_actions:
        items = tuple(_written_item(action.written()) for action in edit.add_actions)
        return _Change("actions", _Append(items), [*existing, *(a.parsed() for a in edit.add_actions)])
    if not edit.action_ops:
        return None
    (op,) = edit.action_ops  # one at a time: see _steps
    try:
        after = with_action_op(existing, op)
    except IndexError:
        raise EditError(f"{edit.indicator} has no action number {op.index + 1}") from None
    if after == existing:
        return None
    written: _ListOp
    if isinstance(op, InsertAction):
        item = _written_item(op.action.written())
        written = _Append((item,)) if op.index == len(existing) else _Insert(op.index, item)
    elif isinstance(op, DeleteAction):
        written = _Delete(op.index)
    else:
        new, old = after[op.index], existing[op.index]
        written = _ChangeItem(
            op.index,
            {
                key: _written_value(op, key) if key in new else _REMOVE
                for key in ACTION_FIELDS
                if new.get(key) != old.get(key) or (key in new) != (key in old)
            },
        )
    return _Change("actions", written, after if after else _REMOVE)  # no actions left: the key goes


def _written_value(op: ChangeAction, key: str) -> Any:
    value = getattr(op, key)
    return _styled(value) if isinstance(value, str) else value


def _written_item(item: dict[str, Any]) -> dict[str, Any]:
    return {key: _styled(value) if isinstance(value, str) else value for key, value in item.items()}


def _stage_as_written(framework: Framework, number: int, current: Any) -> int | str:
    """A number, unless this rating's stage is already written as a name (then a name, in its case)
    or as both (`2 Developing`: then both, `3 Advancing`)."""
    if not isinstance(current, str) or isinstance(written_stage(current), int):
        return number
    numbered = numbered_stage(current)
    named = numbered[1] if numbered is not None else current
    name = framework.stage_name(number)
    if named.islower():
        name = name.lower()
    elif named.isupper():
        name = name.upper()
    return f"{number} {name}" if numbered is not None else name


def _styled(text: str, *, flow: bool = False) -> Any:
    """User text as ruamel.yaml should write it, quoted by the one rule of `yamltext`: several lines
    as a literal block where a block holds them as they are, else one line, plain or quoted."""
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        LiteralScalarString,
        SingleQuotedScalarString,
    )

    if not flow and "\n" in text and yamltext.fits_literal_block(text):
        return LiteralScalarString(text)
    style = yamltext.style(text, flow=flow)
    if style == "plain":
        return text
    return SingleQuotedScalarString(text) if style == "single" else DoubleQuotedScalarString(text)


def _parsed(text: str) -> Any:
    try:
        return yamlsource.parse_fast(text)
    except yamlsource.TextProblem:
        return None


def _disturbance(before: str, after: str, region: tuple[int, int], what: str) -> str | None:
    """What an edit would disturb besides its own part of the file (None: nothing), so that no way of
    making it, splice or dump, can lose a comment or rewrite another rating unnoticed."""
    start, end = region
    head, tail = before[:start], before[end:]
    if not (after.startswith(head) and after.endswith(tail) and len(after) >= len(head) + len(tail)):
        return f"lines outside {what} would change"
    if comments(before) - comments(after):
        return "a comment would be lost"
    return None


def _rating_region(text: str, indicator: str) -> tuple[int, int]:
    """The lines an edit of `indicator` may change: its entry, else `ratings:` (where it is added),
    else the whole file."""
    root = nodes(text)
    found = find(root, "ratings") if is_block_mapping(root) else None
    if found is None:
        return 0, len(text)
    if is_block_mapping(found[1]):
        entry = find(found[1], indicator)
        if entry is not None:
            found = entry
    return key_region(Splices(text, "\n"), *found)


def _splice(text: str, indicator: str, changes: list[_Change], framework: Framework) -> str:
    from ruamel.yaml.nodes import MappingNode

    root = nodes(text)
    if not is_block_mapping(root) and not _is_flow_mapping(root):
        raise CannotSplice("the top level is not a mapping")
    edits = Splices(text, "\r\n" if "\r\n" in text else "\n")
    layout = layout_of(root)
    added = [change for change in changes if change.parsed is not _REMOVE]  # nothing to remove in a new entry
    entry_value = {change.key: _rendered(change.written) for change in added}
    found = find(root, "ratings")
    if found is None and _is_flow_mapping(root):
        _insert_flow_pair(
            edits, root, f"ratings: {{{_flow_entry(indicator, entry_value)}}}", len(root.value) - 1
        )
        return edits.apply()
    if found is None:
        edits.insert_lines(len(text), render("ratings", {indicator: entry_value}, layout))
        return edits.apply()
    ratings_key, ratings = found
    if _is_flow_mapping(ratings):  # `ratings: {C1.1: {stage: 2}, …}`: it stays flow, its lines as they are
        entry = find(ratings, indicator)
        if entry is None:
            after = _flow_position(ratings, indicator, framework)
            _insert_flow_pair(edits, ratings, _flow_entry(indicator, entry_value), after)
        elif isinstance(entry[1], MappingNode):
            _change_flow(edits, entry[1], changes, layout)
        else:
            raise CannotSplice("the rating is not a mapping")
        return edits.apply()
    if is_empty_flow(ratings) or is_null(ratings):  # `ratings: {}`, `ratings:`, `ratings: ~`
        edits.drop_token(ratings)
        position = edits.line_after(max(ratings_key.end_mark.index, ratings.end_mark.index))
        edits.insert_lines(
            position, render(indicator, entry_value, layout, ratings_key.start_mark.column + layout.step)
        )
        return edits.apply()
    if not is_block_mapping(ratings):
        raise CannotSplice("ratings is not a block mapping")
    column = ratings.value[0][0].start_mark.column
    entry = find(ratings, indicator)
    if entry is None:
        position = _entry_position(edits, ratings, indicator, framework)
        edits.insert_lines(position, render(indicator, entry_value, layout, column))
    elif is_null(entry[1]):
        key_node, value_node = entry
        edits.drop_token(value_node)
        position = edits.line_after(max(key_node.end_mark.index, value_node.end_mark.index))
        lines = [
            line
            for change in added
            for line in render(change.key, _rendered(change.written), layout, column + layout.step)
        ]
        edits.insert_lines(position, lines)
    elif isinstance(entry[1], MappingNode) and is_block_mapping(entry[1]):
        for change in changes:
            _change_field(edits, entry[1], change, layout)
    elif isinstance(entry[1], MappingNode):  # written in flow style, `C1.1: {stage: 2}`: it stays so
        _change_flow(edits, entry[1], changes, layout)
    else:
        raise CannotSplice("the rating is not a block mapping")
    return edits.apply()


def _is_flow_mapping(node: Any) -> bool:
    from ruamel.yaml.nodes import MappingNode

    return isinstance(node, MappingNode) and bool(node.flow_style) and bool(node.value)


def _flow_entry(indicator: str, value: dict[str, Any]) -> str:
    """`C1.2: {stage: 3, evidence: e}` on one line. CannotSplice for what needs lines (actions)."""
    parts = []
    for key, item in value.items():
        rendered = render(key, _for_flow(item), Layout())
        if len(rendered) != 1:
            raise CannotSplice("a flow-style value became several lines")
        parts.append(rendered[0])
    render(indicator, None, Layout())  # CannotSplice for an id that would need quotes
    return f"{indicator}: {{{', '.join(parts)}}}"


def _flow_position(ratings: Any, indicator: str, framework: Framework) -> int:
    """The index of the entry a new rating follows in a flow mapping (-1: it goes first), by the framework's order."""
    order = {item.id: index for index, item in enumerate(framework.indicators)}
    rank = order.get(indicator, len(order))
    later = [
        i for i, (key_node, _v) in enumerate(ratings.value) if order.get(key_node.value, len(order)) > rank
    ]
    return later[0] - 1 if later else len(ratings.value) - 1


def _insert_flow_pair(edits: Splices, mapping: Any, rendered: str, after: int) -> None:
    """Add `key: value` to a non-empty flow mapping after its entry number `after` (-1: first), laid out as
    its entries are: one a line at their column when they are so written, else `, ` between them."""
    pairs = mapping.value
    neighbour = pairs[max(after, 0)][0]
    separator = ", "
    if len(pairs) > 1 and starts_its_line(edits, pairs[-1][0]):
        separator = "," + edits.newline + " " * pairs[-1][0].start_mark.column
    if after < 0:
        position = neighbour.start_mark.index
        edits.replace(position, position, rendered + separator)
    else:
        position = edits.value_end(*pairs[after])
        edits.replace(position, position, separator + rendered)


def _rendered(written: Any) -> Any:
    """A change's value as a new key holds it: a list operation on no list is the items it adds."""
    if isinstance(written, _Append):
        return list(written.items)
    if isinstance(written, _Insert):
        return [written.item]
    return written


def _entry_position(edits: Splices, ratings: Any, indicator: str, framework: Framework) -> int:
    """Where a new rating goes: after the last one that comes before it in the framework."""
    order = {item.id: index for index, item in enumerate(framework.indicators)}
    rank = order.get(indicator, len(order))
    entries = ratings.value
    for index, (key_node, _value) in enumerate(entries):
        if order.get(key_node.value, len(order)) > rank:
            if index == 0:
                return edits.line_start(key_node.start_mark.index)
            return edits.line_after(edits.content_end(entries[index - 1][1]))
    return edits.line_after(edits.content_end(entries[-1][1]))


def _rank(key: str, order: Sequence[str] = _FIELD_ORDER) -> int:
    return order.index(key) if key in order else len(order)


def _change_field(edits: Splices, rating: Any, change: _Change, layout: Layout) -> None:
    found = find(rating, change.key)
    if change.parsed is _REMOVE:
        if found is not None:
            _remove_key(edits, *found)
        return
    if change.key != "actions" or found is None:
        _set_key(edits, rating, change.key, _rendered(change.written), layout)
        return
    key_node, value_node = found
    _change_list(edits, key_node, value_node, change.written, layout, rating.value[0][0].start_mark.column)


def _set_key(
    edits: Splices, mapping: Any, key: str, value: Any, layout: Layout, order: Sequence[str] = _FIELD_ORDER
) -> None:
    """`key: value` in a block mapping: the value replaced in place, or a new key where it belongs."""
    from ruamel.yaml.nodes import ScalarNode

    column = mapping.value[0][0].start_mark.column
    found = find(mapping, key)
    if found is not None:
        key_node, value_node = found
        if not isinstance(value_node, ScalarNode):
            raise CannotSplice(f"{key} is not a single value")
        if value_node.style == ">":
            value = _folded(key, value, layout, column)
        elif value_node.style in ("'", '"'):
            value = _quoted_like(value, value_node.style)
        _replace_scalar(edits, key_node, value_node, render(key, value, layout, column))
        return
    keys = mapping.value
    later = next(
        (i for i, (k, _v) in enumerate(keys) if _rank(str(k.value), order) > _rank(key, order)), None
    )
    if later == 0 and not starts_its_line(edits, keys[0][0]):
        later = 1  # the first key shares its line with a list's dash: a new key goes after it
    if later == 0:
        position = edits.line_start(keys[0][0].start_mark.index)
    else:
        previous = keys[-1 if later is None else later - 1]
        position = edits.line_after(edits.value_end(*previous))
    edits.insert_lines(position, render(key, value, layout, column))


def _quoted_like(value: Any, quote: str) -> Any:
    """Text in place of a quoted value keeps the file's quotes where they can hold it: a team that
    quotes its evidence (`evidence: "…"`) finds it still quoted after `rate` or `assess` changed it.
    Single quotes give way to double quotes for what only an escape can carry; several lines stay
    a literal block."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    if type(value) is not str and not isinstance(value, (SingleQuotedScalarString, DoubleQuotedScalarString)):
        return value  # a number, a date, a literal block
    text = str(value)
    if quote == "'" and yamltext.style(text) != "double":
        return SingleQuotedScalarString(text)
    return DoubleQuotedScalarString(text)


def _folded(key: str, value: Any, layout: Layout, column: int) -> Any:
    """Text in place of a folded block (`>`, as evidence wrapped by hand usually is) stays a folded
    block when it is too long for one line, wrapped within the width the tool writes comments to: one
    line of 300 characters would make every later change to it a change of that whole line."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    if not isinstance(value, str) or isinstance(value, LiteralScalarString):
        return value
    text = str(value)
    if column + len(render(key, value, layout)[0]) <= yamltext.COMMENT_WIDTH:  # `key: value` fits its line
        return value
    points = yamltext.fold_points(text, yamltext.COMMENT_WIDTH - column - layout.step)
    if points is None:
        return value
    folded = FoldedScalarString(text)
    folded.fold_pos = points
    if _parsed("\n".join(render(key, folded, layout))) != {key: text}:
        return value  # not read back as written: one line, as before
    return folded


def _remove_key(edits: Splices, key_node: Any, value_node: Any) -> None:
    """Remove `key: value` from a block mapping, whole lines; a comment on them stays, on its own line."""
    from ruamel.yaml.nodes import ScalarNode

    if not starts_its_line(edits, key_node):
        raise CannotSplice(f"{key_node.value} shares its line with something else")
    if isinstance(value_node, ScalarNode):
        edits.value_span(key_node, value_node)  # refuses a value that an alias repeats elsewhere
    start, end = key_region(edits, key_node, value_node)
    _remove_lines(edits, start, end, key_node.start_mark.column)


def _remove_lines(edits: Splices, start: int, end: int, column: int) -> None:
    kept = [edits.text[a:b].rstrip() for a, b in comment_spans(edits.text) if start <= a < end]
    edits.replace(start, end, "".join(" " * column + comment + edits.newline for comment in kept))


def _change_list(
    edits: Splices, key_node: Any, value_node: Any, op: _ListOp, layout: Layout, column: int
) -> None:
    """One operation on the list under `key:` (a block mapping's key at `column`), as written."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    if is_null(value_node) or is_empty_flow(value_node):  # `actions:`, `actions: []`: only adding is possible
        edits.drop_token(value_node)
        position = edits.line_after(max(key_node.end_mark.index, value_node.end_mark.index))
        edits.insert_lines(position, render(str(key_node.value), _rendered(op), layout, column)[1:])
        return
    if not isinstance(value_node, SequenceNode):
        raise CannotSplice(f"{key_node.value} is not a list")
    if value_node.flow_style:
        _reflow(edits, value_node, lambda items: _apply_list_op(items, _for_flow(op)))
        return
    shift = value_node.start_mark.column - layout.offset
    if shift < 0:
        raise CannotSplice("unexpected list indentation")
    items = value_node.value
    if isinstance(op, _Append):
        lines = render(str(key_node.value), list(op.items), layout, shift)[1:]
        edits.insert_lines(edits.line_after(edits.content_end(value_node)), lines)
        return
    item = items[op.index]
    start = edits.line_start(item.start_mark.index)
    if not _DASH.fullmatch(edits.text[start : item.start_mark.index]):
        raise CannotSplice("a list item does not start its line with a dash")
    if isinstance(op, _Insert):
        edits.insert_lines(start, render(str(key_node.value), [op.item], layout, shift)[1:])
    elif isinstance(op, _Delete):
        _remove_lines(edits, start, edits.line_after(edits.content_end(item)), value_node.start_mark.column)
    elif isinstance(item, MappingNode) and is_block_mapping(item):
        for key, value in op.fields.items():
            found = find(item, key)
            if value is _REMOVE:
                if found is not None:
                    _remove_key(edits, *found)
            else:
                _set_key(edits, item, key, value, layout, ACTION_FIELDS)
    elif isinstance(item, MappingNode):  # `- {action: Meet, owner: Dana}`
        _reflow(edits, item, lambda loaded: _set_fields(loaded, _for_flow(op.fields), ACTION_FIELDS))
    else:
        raise CannotSplice("a list item is not a mapping")


def _change_flow(edits: Splices, rating: Any, changes: list[_Change], layout: Layout) -> None:
    """Change a rating written in flow style: a value in place, a new key next to its neighbour, so line
    breaks and comments inside the braces stay. Actions, or a key removed, rewrite the braces, if they
    fit one line."""
    from ruamel.yaml.nodes import ScalarNode

    if any(change.key == "actions" or change.parsed is _REMOVE for change in changes):
        flow_changes = [_Change(change.key, _for_flow(change.written), change.parsed) for change in changes]
        _reflow(edits, rating, lambda loaded: _apply_changes(loaded, flow_changes))
        return
    for change in changes:
        rendered = render(change.key, _for_flow(change.written), Layout())
        if len(rendered) != 1:
            raise CannotSplice("a flow-style value became several lines")
        found = find(rating, change.key)
        if found is None:
            _insert_flow_key(edits, rating, change.key, rendered[0])
        elif isinstance(found[1], ScalarNode):
            _replace_scalar(edits, *found, rendered)
        else:
            raise CannotSplice(f"{change.key} is not a single value")


def _insert_flow_key(edits: Splices, rating: Any, key: str, rendered: str) -> None:
    """Add `key: value` to a flow mapping, after the key it follows in `_FIELD_ORDER`."""
    pairs = rating.value
    later = next((i for i, (k, _v) in enumerate(pairs) if _rank(str(k.value)) > _rank(key)), None)
    if not pairs:
        position = rating.start_mark.index + 1  # just inside `{`
        edits.replace(position, position, rendered)
    elif later == 0:
        position = pairs[0][0].start_mark.index
        edits.replace(position, position, rendered + ", ")
    else:
        position = edits.value_end(*pairs[-1 if later is None else later - 1])
        edits.replace(position, position, ", " + rendered)


def _replace_scalar(edits: Splices, key_node: Any, value_node: Any, lines: list[str]) -> None:
    """Put a newly rendered `key: value` in place of a scalar value, keeping a comment after it."""
    head = lines[0].lstrip()
    first = head[head.index(":") + 1 :].lstrip()
    rest = lines[1:]
    text = edits.text
    start, end = edits.value_span(key_node, value_node)
    if start == end:  # an empty value: write right after the colon
        start = end = text.index(":", key_node.end_mark.index) + 1
        first = " " + first
    if end > 0 and text[end - 1] == "\n":  # a block scalar: its span ends with a line break
        header = re.search(r"[ \t]+#.*", text[start : edits.line_end(start)])  # `>   # a comment`
        first += header.group().rstrip() if header else ""
        edits.replace(start, end, edits.newline.join([first, *rest]) + edits.newline)
        return
    if not rest:
        edits.replace(start, end, first)
        return
    line_end = edits.line_end(end)
    comment = text[end:line_end].rstrip()  # a comment after a one-line value moves to the first line
    edits.replace(start, line_end, edits.newline.join([first + comment, *rest]))


def _for_flow(value: Any) -> Any:
    """Values to write inside `{...}` or `[...]`, where a comma ends a plain value: text is styled again."""
    if isinstance(value, dict):
        return {key: _for_flow(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_for_flow(item) for item in value]
    if isinstance(value, str):
        return _styled(str(value), flow=True)
    if isinstance(value, _Append):
        return _Append(tuple(_for_flow(item) for item in value.items))
    if isinstance(value, _Insert):
        return _Insert(value.index, _for_flow(value.item))
    if isinstance(value, _ChangeItem):
        return _ChangeItem(value.index, {key: _for_flow(item) for key, item in value.fields.items()})
    return value


def _reflow(edits: Splices, node: Any, change: Callable[[Any], None]) -> None:
    """Rewrite one flow-style value (`{stage: 2}`, `[...]`) in flow style, with a change made."""
    start, end = node.start_mark.index, node.end_mark.index
    value = _roundtrip_yaml().load(edits.text[start:end])
    change(value)
    stream = io.StringIO()
    _roundtrip_yaml().dump(value, stream)
    rendered = stream.getvalue().strip()
    if "\n" in rendered:
        raise CannotSplice("a flow-style value became several lines")
    edits.replace(start, end, rendered)


def _apply_changes(rating: Any, changes: list[_Change]) -> None:
    """The changes made to a rating loaded with the round-trip loader."""
    from ruamel.yaml.comments import CommentedSeq

    for change in changes:
        if change.parsed is _REMOVE:
            rating.pop(change.key, None)
        elif change.key == "actions":
            if rating.get("actions") is None:
                _set_fields(rating, {"actions": CommentedSeq()}, _FIELD_ORDER)
            _apply_list_op(rating["actions"], change.written)
        else:
            _set_fields(rating, {change.key: change.written}, _FIELD_ORDER)


def _set_fields(mapping: Any, values: dict[str, Any], order: Sequence[str]) -> None:
    """Keys set in a round-trip mapping: in place, or inserted where `order` puts them; `_REMOVE`d."""
    for key, value in values.items():
        if value is _REMOVE:
            mapping.pop(key, None)
        elif key in mapping:
            mapping[key] = value
        else:
            keys = list(mapping)
            position = next(
                (i for i, k in enumerate(keys) if _rank(str(k), order) > _rank(key, order)), len(keys)
            )
            mapping.insert(position, key, value)


def _apply_list_op(items: Any, op: _ListOp) -> None:
    """One list operation on a list loaded with the round-trip loader."""
    from ruamel.yaml.comments import CommentedMap

    if isinstance(op, _Append):
        items.extend(CommentedMap(item) for item in op.items)
    elif isinstance(op, _Insert):
        items.insert(op.index, CommentedMap(op.item))
    elif isinstance(op, _Delete):
        del items[op.index]
    else:
        _set_fields(items[op.index], op.fields, ACTION_FIELDS)


@cache
def _roundtrip_yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 1_000_000
    yaml.brace_single_entry_mapping_in_flow_sequence = True  # keep `[{action: a}]` as written
    return yaml


def _roundtrip(text: str, indicator: str, changes: list[_Change], _framework: Framework) -> str:
    """The fallback: load with ruamel.yaml's round-trip loader, change the data, dump it all."""
    from ruamel.yaml.comments import CommentedMap

    def change(data: Any) -> None:
        ratings = data.get("ratings")
        if ratings is None:
            data["ratings"] = ratings = CommentedMap()
        entry = ratings.get(indicator)
        if entry is None:
            ratings[indicator] = entry = CommentedMap()
        _apply_changes(entry, changes)

    return _dumped_with(text, change)


def _dumped_with(text: str, change: Callable[[Any], None]) -> str:
    newline = "\r\n" if "\r\n" in text else "\n"
    yaml = _roundtrip_yaml()
    try:
        data = yaml.load(text.replace("\r\n", "\n"))
    except Exception as error:  # the text was valid a moment ago; anything here is a bug
        raise EditError(f"could not re-read the file: {error}") from None
    change(data)
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue().replace("\n", newline)


# -- participants --------------------------------------------------------------------------------


def _add_participants(text: str, edit: AddParticipants) -> str:
    """People added to `participants:`, proven like a rating's edit: the data as intended, every
    comment kept, no line outside `participants:` changed."""
    if not edit.participants:
        return text
    before = yamlsource.parse_fast(text)
    if not isinstance(before, dict):
        raise EditError("the file is not a mapping")
    people = before.get("participants") or []
    if not isinstance(people, list):
        raise EditError("participants is not a list")
    expected = {**before, "participants": [*people, *edit.written()]}
    items = tuple(_written_item(person) for person in edit.written())
    region = _participants_region(text)
    reason = "its data would not read back as intended"
    for attempt in (_splice_participants, _dump_participants):
        try:
            result = attempt(text, items)
        except CannotSplice:
            continue
        if _parsed(result) == expected:
            disturbed = _disturbance(text, result, region, "participants")
            if disturbed is None:
                return result
            reason = disturbed
    raise EditError(f"could not add the participants without disturbing the file: {reason}")


def _participants_region(text: str) -> tuple[int, int]:
    root = nodes(text)
    if not is_block_mapping(root):
        return 0, len(text)
    edits = Splices(text, "\n")
    found = find(root, "participants")
    if found is not None:
        return key_region(edits, *found)
    position = _top_level_position(edits, root, "participants")
    return position, position


def _top_level_position(edits: Splices, root: Any, key: str) -> int:
    """Where a new top-level key goes: after the last key before it in the model's order."""
    pairs = root.value
    later = next(
        (i for i, (k, _v) in enumerate(pairs) if _rank(str(k.value), _TOP_ORDER) > _rank(key, _TOP_ORDER)),
        None,
    )
    if later == 0:
        return edits.line_start(pairs[0][0].start_mark.index)
    return edits.line_after(edits.value_end(*pairs[-1 if later is None else later - 1]))


def _splice_participants(text: str, items: tuple[dict[str, Any], ...]) -> str:
    root = nodes(text)
    if not is_block_mapping(root):
        raise CannotSplice("the top level is not a block mapping")
    edits = Splices(text, "\r\n" if "\r\n" in text else "\n")
    layout = layout_of(root)
    found = find(root, "participants")
    if found is None:
        position = _top_level_position(edits, root, "participants")
        edits.insert_lines(position, render("participants", list(items), layout))
    else:
        _change_list(edits, *found, _Append(items), layout, found[0].start_mark.column)
    return edits.apply()


def _dump_participants(text: str, items: tuple[dict[str, Any], ...]) -> str:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    def change(data: Any) -> None:
        if data.get("participants") is None:
            _set_fields(data, {"participants": CommentedSeq()}, _TOP_ORDER)
        data["participants"].extend(CommentedMap(item) for item in items)

    return _dumped_with(text, change)
