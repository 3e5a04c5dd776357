"""Text a comment cut short: in YAML, ` #` starts a comment, in the middle of an unquoted value too.

`owner: Teamsters Local #42` is read as the owner 'Teamsters Local' and a comment, `#42`: the file
is valid, and without this check nothing would say that the rest of the text was dropped. The
tool's own writes quote such text; this is for the file edited by hand.

Comments are the team's to write, beside any value (`stage: 3  # up from 1`, which `rate` keeps), so
the warning is for what is most likely a cut text, and for nothing else:

- the value is unquoted (plain) text, of a field people write words in (`TEXT_FIELDS`: evidence,
  notes, an action and its owner, names, titles, labels), not an id, a stage, a date, a status, a
  link or a path, beside which a comment is ordinary YAML (and a cut would be a wrong value anyway);
- the comment follows the value on its line, after spaces or tabs only;
- its `#` is followed by a character other than a space (`#42`, `#1`, `#3`). `# note`, with a space
  after the hash, is how the tool, `init` and people write comments (yamllint's `comments` rule asks
  it of every comment), and stays a comment, silently;
- it is not a `# coalition: ignore[…]` comment, whose own line it may share.

Found on the parse's node tree (every scalar knows its style and where it ends), after one scan of
the text: a file with no ` #` followed by a character other than a space (nearly all) costs nothing
more. Not a registered check (core/checks/registry.py): those read the data, which holds no comments.
No Pydantic here: validate's fast path runs it too (core/loading/pipeline.py), so both ways print it
alike.
"""

from __future__ import annotations

import re
from typing import Any, TypeAlias

from coalition_cli.core import codes
from coalition_cli.core.checks.base import Kind
from coalition_cli.core.problems import LOCATED_AT_MOST, Path_, Placed

CODES = (codes.TEXT_CUT_BY_COMMENT,)
"""What this stage may report (run by the pipeline beside the checks, on the parse)."""


Fields: TypeAlias = dict[str, "Fields | str"]
"""Where a document holds free text, as nested mappings of its keys: `*` stands for any key, `[]` for
a list's items. A text is what names the value found there in a message ("the owner is"); under
`""`, the text a place may hold instead of a mapping (a representative written as a name alone).
(Plain dictionaries: making a class here took validate's fast path up to a millisecond.)"""

_NAME = "the name is"

_PROFILE: Fields = {
    "name": _NAME,
    "members": {
        "[]": {
            "organization": "the organization is",
            "representatives": {"[]": {"": _NAME, "name": _NAME, "title": "the title is"}},
            "committees": {"[]": "the committee is"},
        }
    },
    "reporting": {"[]": "the line is"},
    "committees": {"[]": {"name": _NAME, "focus": "the focus is"}},
}
"""A coalition profile's free text (core/model/profile.py): every text but the Guide's ids
(`stakeholder_group`, `partner_kind`) and the choices (`role`, `commitment`, meetings, `charter`…)."""

_ASSESSMENT: Fields = {
    "coalition": "the coalition's name is",
    "term": "the term is",
    "region": "the region is",
    "cohort": "the cohort is",
    "facilitator": "the facilitator is",
    "notes": "the notes are",
    "participants": {"[]": {"name": _NAME, "organization": "the organization is", "role": "the role is"}},
    "profile": _PROFILE,
    "ratings": {
        "*": {
            "evidence": "the evidence is",
            "notes": "the notes are",
            "actions": {"[]": {"action": "the action is", "owner": "the owner is"}},
        }
    },
}
"""An assessment's free text (core/model/assessment.py): every text but `framework:` and `profile:`
given as paths, indicator ids, stages and targets, dates, statuses, stakeholder groups and links."""

TEXT_FIELDS: dict[Kind, Fields] = {Kind.ASSESSMENT: _ASSESSMENT, Kind.PROFILE: _PROFILE}
"""The documents people write text in, by hand; a rubric is data, and the Guide is the tool's own."""

_HASH = re.compile(r"#\S")
"""A `#` not followed by a space: a scan that jumps from one `#` to the next, 0.01 ms for the Riverside
example (a pattern that starts with the space before the `#` takes 0.17, where the parse takes 3)."""

_COMMENT_AFTER = r"[ \t]+(#\S[^\r\n\x85\u2028\u2029]*)"
"""A comment right after a value, to the end of its line, whose `#` is not followed by a space.
(Compiled by `re`, once, when a file has a `#` of the kind: it takes half a millisecond.)"""

_SUPPRESSION = r"(?:^|[ \t])#[ \t]*coalition:[ \t]*ignore\b"
"""A `# coalition: ignore[…]` comment (core/suppressions.py): never taken for text."""

_KEPT_SHOWN = 50
"""Characters of the text kept shown at most (its end, where it was cut)."""
_FIX_SHOWN = 90
"""Characters of the quoted value shown at most (its start and its end)."""


_Cut: TypeAlias = tuple[int, int, str, str, str, Path_]
"""A text a comment cut short: the line and column of the comment's `#`, the text kept, the whole text
as typed (the comment up to a suppression after it), how a message names it, and where it is."""


_READ_AS_COMMENT = "the text after ' #' is read as a comment"
"""All a cut past the first LOCATED_AT_MOST in a file says (as other findings past them: only counted)."""


def cut_texts(kind: Kind, text: str | None, nodes: Any, data: Any) -> tuple[Placed, ...]:
    """Where a comment cut a text value of a document of this kind short, each at the comment's `#`.

    `nodes`: the parse's node tree (None: parsed again here, where a comment may be one), `data`: the
    document it made (for the messages' places)."""
    fields = TEXT_FIELDS.get(kind)
    if fields is None or not text or not _may_have_cut(text):
        return ()
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    from coalition_cli.core.yaml import source as yamlsource

    if nodes is None:
        try:
            nodes = yamlsource.parse_nodes(text)
        except yamlsource.TextProblem:
            return ()
    found: dict[tuple[int, int], _Cut] = {}  # by place: an alias (*name) is its anchor's value
    stack: list[tuple[Any, Fields | str, Path_]] = [(nodes, fields, ())]
    while stack:
        node, here, path = stack.pop()
        if isinstance(node, ScalarNode):
            noun = here if isinstance(here, str) else here.get("")
            if isinstance(noun, str):
                cut = _cut(node, noun, path, text)
                if cut is not None:
                    found[cut[:2]] = cut
        elif isinstance(here, str):
            continue  # a list or a mapping where text belongs: the model says so
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(key, ScalarNode) and key.value not in ("", "[]"):
                    inner = here.get(key.value, here.get("*"))
                    if inner is not None:
                        stack.append((value, inner, (*path, key.value)))
        elif isinstance(node, SequenceNode) and "[]" in here:
            items = here["[]"]
            stack.extend((item, items, (*path, index)) for index, item in enumerate(node.value))
    return tuple(
        Placed(
            cut[0],
            cut[1],
            codes.TEXT_CUT_BY_COMMENT,
            _said(cut, data) if number < LOCATED_AT_MOST else _READ_AS_COMMENT,
        )
        for number, cut in enumerate(sorted(found.values()))
    )


def _may_have_cut(text: str) -> bool:
    """Whether the text holds a comment whose `#` is not followed by a space (one scan, nearly always
    finding no `#` of the kind)."""
    return any(found.start() and text[found.start() - 1] in " \t" for found in _HASH.finditer(text))


def _cut(node: Any, noun: str, path: Path_, text: str) -> _Cut | None:
    """The comment that cut this value short, if one did (see the module's rules)."""
    if node.style not in ("", None):
        return None  # quoted, or a block (`|`, `>`): what follows is a comment, written as one
    end = node.end_mark  # where the value ends: its `index` counts characters, as Python's does
    after = re.compile(_COMMENT_AFTER).match(text, end.index)
    if after is None:
        return None
    comment = after.group(1).rstrip()
    suppression = re.search(_SUPPRESSION, comment, re.IGNORECASE)
    if suppression is not None:
        if suppression.start() == 0:
            return None
        comment = comment[: suppression.start()].rstrip()
    kept: str = node.value
    whole = kept + text[end.index : after.start(1)] + comment if kept else comment
    column = end.column + after.start(1) - end.index + 1
    return (end.line + 1, column, kept, whole, noun, path)


def _said(cut: _Cut, data: Any) -> str:
    """`C1.2, action 1, owner: the text after ' #' is read as a comment, so the owner is 'Teamsters
    Local'; put the whole value in quotes: "Teamsters Local #42"`."""
    from coalition_cli.core.checks.structure import place_of
    from coalition_cli.core.wording import printable, quoted
    from coalition_cli.core.yaml.text import typed_in_quotes

    _, _, kept, whole, noun, path = cut
    shown = quoted(kept if len(kept) <= _KEPT_SHOWN else "…" + kept[1 - _KEPT_SHOWN :], _KEPT_SHOWN)
    fix = typed_in_quotes(whole)
    if len(fix) > _FIX_SHOWN:
        half = (_FIX_SHOWN - 3) // 2
        fix = f"{fix[:half].rstrip()} … {fix[-half:].lstrip()}"
    return printable(
        f"{place_of(path, data)}: {_READ_AS_COMMENT}, so {noun} {shown if kept else 'empty'}; "
        f"put the whole value in quotes: {fix}"
    )
