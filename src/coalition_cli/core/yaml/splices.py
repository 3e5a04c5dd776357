"""Where things are written in a YAML text, and changes made at those places, byte for byte.

The tools of `splicing.py`: the node tree of a text with each node's position (composed by the C
parser), the layout a file already uses (its indentation), values rendered by ruamel.yaml as the
file would write them, the comments of a text, and `Splices`, a set of replacements at positions of
the original text applied back to front, so that every byte not replaced stays as it was.
"""

from __future__ import annotations

import bisect
import io
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Any

from coalition_cli.core.yaml import source as yamlsource

_NULL = "tag:yaml.org,2002:null"
_COMMENT = re.compile(r"(?<![^ \t\r\n])#[^\r\n]*")
"""A `#` at a line start or after a space, to the end of the line: a comment unless inside a value."""
_PROPERTY = re.compile(r"([&!])(\S*)[ \t]+")
"""An anchor (`&name`) or a tag (`!!int`) written before a value."""


class EditError(Exception):
    """The edit could not be made without disturbing the file (or an alias reuses the value). Nothing
    was written."""


class CannotSplice(Exception):
    """The layout is too unusual to splice into; the round-trip dump is used instead."""


@dataclass
class Layout:
    """How this file indents: a mapping's children, and a list's dashes under their key."""

    step: int = 2
    offset: int = 2


@dataclass
class Splices:
    """Replacements and insertions at positions of the original text, applied back to front."""

    text: str
    newline: str
    parts: dict[tuple[int, int], str] = field(default_factory=dict)

    def replace(self, start: int, end: int, new: str) -> None:
        self.parts[(start, end)] = self.parts.get((start, end), "") + new

    def insert_lines(self, position: int, lines: Sequence[str]) -> None:
        """Whole lines at a line start (a position from `line_after` or `line_start`)."""
        block = "".join(line + self.newline for line in lines)
        if position == len(self.text) and self.text and not self.text.endswith("\n"):
            block = self.newline + block
        self.replace(position, position, block)

    def apply(self) -> str:
        text = self.text
        last = len(text) + 1
        for (start, end), new in sorted(self.parts.items(), reverse=True):
            if end > last:
                raise CannotSplice("overlapping changes")
            text = text[:start] + new + text[end:]
            last = start
        return text

    def line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def line_after(self, index: int) -> int:
        """The start of the line after the one holding `index` (or `index` itself at a line start)."""
        if index > 0 and self.text[index - 1] == "\n":
            return index
        end = self.text.find("\n", index)
        return len(self.text) if end < 0 else end + 1

    def line_end(self, index: int) -> int:
        """Where the line holding `index` ends, before its line break."""
        end = self.text.find("\n", index)
        end = len(self.text) if end < 0 else end
        return end - 1 if end > 0 and self.text[end - 1] == "\r" else end

    def content_end(self, node: Any) -> int:
        """Where a value's own text ends: past a block scalar's last line, before blank lines after it."""
        from ruamel.yaml.nodes import ScalarNode

        if isinstance(node, ScalarNode):
            end: int = node.end_mark.index
            header = self.text[node.start_mark.index : self.line_end(node.start_mark.index)].split(maxsplit=1)
            if node.style in ("|", ">") and "+" not in header[0]:
                kept = self.text[node.start_mark.index : end].rstrip(" \t\r\n")
                return self.line_after(node.start_mark.index + len(kept))
            return end
        if getattr(node, "flow_style", False) or not node.value:
            return int(node.end_mark.index)
        last = node.value[-1]
        return self.value_end(*last) if isinstance(last, tuple) else self.content_end(last)

    def value_end(self, key_node: Any, value_node: Any) -> int:
        """Where the value of `key: value` ends; for an alias (`*name`), the alias, not what it repeats."""
        if is_alias(key_node, value_node):
            return self.alias_after(key_node.end_mark.index)[2]
        return self.content_end(value_node)

    def value_span(self, key_node: Any, value_node: Any) -> tuple[int, int]:
        """Where a scalar value's own text is: a whole alias, or the value past its anchor and tag (they
        stay). EditError if the value is anchored and an alias repeats it: changing one changes both."""
        if is_alias(key_node, value_node):
            _name, start, end = self.alias_after(key_node.end_mark.index)
            return start, end
        start, anchor = self._past_properties(value_node.start_mark.index)
        if anchor is not None:
            self._refuse_if_repeated(anchor, value_node.start_mark.index, str(key_node.value))
        return start, max(start, self.content_end(value_node))

    def alias_after(self, index: int) -> tuple[str, int, int]:
        """The first alias written after `index`: name, start, end."""
        found = next((alias for alias in self._properties[0] if alias[1] >= index), None)
        if found is None:
            raise CannotSplice("an alias could not be found")
        return found

    @cached_property
    def _properties(self) -> tuple[list[tuple[str, int, int]], list[tuple[str, int]]]:
        """Every alias (name, start, end) and every anchor (name, start) in the text, in order."""
        from ruamel.yaml.events import AliasEvent

        aliases: list[tuple[str, int, int]] = []
        anchors: list[tuple[str, int]] = []
        if "*" in self.text or "&" in self.text:
            for event in yamlsource.parse_events(self.text):
                name = getattr(event, "anchor", None)
                if isinstance(event, AliasEvent):
                    aliases.append((str(name), event.start_mark.index, event.end_mark.index))
                elif name is not None:
                    anchors.append((str(name), event.start_mark.index))
        return aliases, anchors

    def _past_properties(self, index: int) -> tuple[int, str | None]:
        """Where a value starts past its anchor and tag (kept as written), and its anchor's name."""
        anchor = None
        while match := _PROPERTY.match(self.text, index):
            if match.group(1) == "&":
                anchor = match.group(2)
            index = match.end()
        return index, anchor

    def _refuse_if_repeated(self, anchor: str, start: int, key: str) -> None:
        aliases, anchors = self._properties
        redefined = min((at for name, at in anchors if name == anchor and at > start), default=len(self.text))
        lines = [
            self.line_number(at) for name, at, _end in aliases if name == anchor and start < at < redefined
        ]
        if lines:
            where = ", ".join(str(line) for line in lines)
            raise EditError(
                f"the {key} on line {self.line_number(start)} is marked &{anchor}, and *{anchor} on line "
                f"{where} repeats it, so changing it would change that too; write the value out in place "
                f"of *{anchor} (or remove &{anchor}), then try again"
            )

    def line_number(self, index: int) -> int:
        return self.text.count("\n", 0, index) + 1

    def drop_token(self, node: Any) -> None:
        """Remove an inline value (`null`, `~`, `{}`, `[]`) and the spaces before it."""
        start, end = node.start_mark.index, node.end_mark.index
        if start == end:
            return
        while start > 0 and self.text[start - 1] in " \t":
            start -= 1
        self.replace(start, end, "")


@lru_cache(maxsize=8)
def nodes(text: str) -> Any:
    """The text's node tree, from the C parser (positions at C speed). The same text is composed
    several times per edit (to splice, and to check what else changed), so the last few are kept."""
    return yamlsource.parse_nodes(text)


def find(mapping: Any, key: str) -> tuple[Any, Any] | None:
    for key_node, value_node in mapping.value:
        if getattr(key_node, "value", None) == key:
            return key_node, value_node
    return None


def is_block_mapping(node: Any) -> bool:
    from ruamel.yaml.nodes import MappingNode

    return isinstance(node, MappingNode) and not node.flow_style and bool(node.value)


def is_null(node: Any) -> bool:
    from ruamel.yaml.nodes import ScalarNode

    return isinstance(node, ScalarNode) and str(node.tag) == _NULL


def is_alias(key_node: Any, value_node: Any) -> bool:
    """Whether the value is an alias: composing puts the node it repeats there, written before the key."""
    return bool(value_node.start_mark.index < key_node.end_mark.index)


def is_empty_flow(node: Any) -> bool:
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    return isinstance(node, (MappingNode, SequenceNode)) and bool(node.flow_style) and not node.value


def starts_its_line(edits: Splices, node: Any) -> bool:
    index = node.start_mark.index
    return not edits.text[edits.line_start(index) : index].strip()


def key_region(lines: Splices, key_node: Any, value_node: Any) -> tuple[int, int]:
    """The whole lines of `key: value`."""
    return lines.line_start(key_node.start_mark.index), lines.line_after(
        lines.value_end(key_node, value_node)
    )


def layout_of(root: Any) -> Layout:
    """The indentation the file already uses, so new lines look like their neighbours."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    layout = Layout()
    found_step = found_offset = False
    stack = [root]
    while stack and not (found_step and found_offset):
        node = stack.pop()
        if not isinstance(node, MappingNode) or node.flow_style:
            if isinstance(node, SequenceNode) and not node.flow_style:
                stack.extend(node.value)
            continue
        for key_node, value_node in node.value:
            column = key_node.start_mark.column
            if (
                not found_step
                and is_block_mapping(value_node)
                and value_node.start_mark.line > key_node.start_mark.line
            ):
                layout.step, found_step = value_node.value[0][0].start_mark.column - column, True
            if (
                not found_offset
                and isinstance(value_node, SequenceNode)
                and not value_node.flow_style
                and value_node.value
            ):
                layout.offset, found_offset = value_node.start_mark.column - column, True
            stack.append(value_node)
    layout.step = max(layout.step, 1)
    layout.offset = max(layout.offset, 0)
    return layout


@cache
def _null_writing_representer() -> Any:
    """ruamel.yaml's representer, writing `null` as `null` (its own writes nothing after `key:`),
    as `init` does for a stage not rated yet. A subclass, so other dumps keep their defaults."""
    from ruamel.yaml.representer import RoundTripRepresenter

    class Representer(RoundTripRepresenter):  # type: ignore[misc]
        pass

    Representer.add_representer(
        type(None), lambda representer, _data: representer.represent_scalar(_NULL, "null")
    )
    return Representer


@cache
def _dumper(step: int, offset: int) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.Representer = _null_writing_representer()
    yaml.indent(mapping=step, sequence=offset + 2, offset=offset)
    yaml.width = 1_000_000
    yaml.allow_unicode = True
    return yaml


def render(key: str, value: Any, layout: Layout, indent: int = 0) -> list[str]:
    """`key: value` as YAML lines (no line breaks), indented by `indent` spaces."""
    stream = io.StringIO()
    _dumper(layout.step, layout.offset).dump({key: value}, stream)
    lines = stream.getvalue().rstrip("\n").split("\n")
    if not lines[0].startswith(f"{key}:"):
        raise CannotSplice(f"unexpected rendering of {key}")
    pad = " " * indent
    return [pad + line if line else line for line in lines]


def line_comment(text: str, path: Sequence[str]) -> str | None:
    """The comment at the end of the line that holds the value at `path` (keys from the root, as
    `("ratings", "C1.2", "stage")`), when that value is a scalar on one line: `# up from 1`. A change
    to the value keeps the comment, which may no longer be true. None when there is none."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode

    node: Any = nodes(text)
    value: Any = None
    for key in path:
        found = find(node, key) if isinstance(node, MappingNode) else None
        if found is None:
            return None
        node = value = found[1]
    if not isinstance(value, ScalarNode) or value.style in ("|", ">"):
        return None
    if value.start_mark.line != value.end_mark.line:
        return None
    end = value.end_mark.index
    line_end = text.find("\n", end)
    comment = _COMMENT.search(text[end : len(text) if line_end < 0 else line_end])
    return comment.group(0).rstrip() if comment is not None else None


def comments_kept(
    before: str,
    mapping: Sequence[str],
    old: dict[str, Any] | None,
    new: dict[str, Any] | None,
    keys: Sequence[str],
) -> list[tuple[str, str]]:
    """The (key, comment) of each of `keys` of the mapping at `mapping` in the text `before`, whose
    value changed from `old` to `new` (the mapping as read before and after an edit) and is still
    there, with the end-of-line comment every edit keeps beside it: "# up from 1" beside a new stage.
    Only `before` is composed, which the edit has just composed too (`nodes` keeps the last few)."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return []
    kept = []
    for key in keys:
        if key in old and key in new and old[key] != new[key]:
            comment = line_comment(before, (*mapping, key))
            if comment is not None:
                kept.append((key, comment))
    return kept


def comments(text: str) -> Counter[str]:
    """The text's comments, each as written: a `#` inside a value (quoted, or a block's line) is none."""
    return Counter(text[start:end].rstrip() for start, end in comment_spans(text))


def comment_spans(text: str) -> list[tuple[int, int]]:
    """Where each comment is, in order."""
    spans = sorted(_scalar_spans(text))
    starts = [start for start, _end in spans]
    found = []
    position = 0
    while (match := _COMMENT.search(text, position)) is not None:
        index = bisect.bisect_right(starts, match.start()) - 1
        if index >= 0 and spans[index][1] > match.start():
            # a `#` inside a value (`'a # b'   # note`): the line's comment, if any, comes after it
            position = spans[index][1]
            continue
        found.append(match.span())
        position = match.end()
    return found


def _scalar_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where each scalar (key or value) is written; a block scalar from the line after its `|` or `>`."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    lines = Splices(text, "\n")
    stack, seen = [nodes(text)], set()
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            start = node.start_mark.index
            if node.style in ("|", ">"):
                start = lines.line_after(start)
            yield start, node.end_mark.index
        elif isinstance(node, MappingNode):
            stack.extend(item for pair in node.value for item in pair)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
