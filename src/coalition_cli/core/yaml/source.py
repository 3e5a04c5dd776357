"""Reading YAML safely: text checks before parsing, one fast C parse to plain data, and positions kept.

A file is read once with ruamel.yaml's C-accelerated safe loader: its parser makes the node tree,
whose nodes know their line and column, and plain dicts and lists are built straight from it
(`parse_document`). The tree is kept beside the data, so a file with problems points each at the
key or value it concerns (`Locator`) without being parsed a second time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.main import CParser
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

from coalition_cli.core import codes
from coalition_cli.core.codes import Code
from coalition_cli.core.files.regular import read_regular
from coalition_cli.core.problems import Finding, Path_
from coalition_cli.core.wording import clipped, printable, quoted

MAX_BYTES = 2 * 1024 * 1024
"""An assessment is a few kilobytes and a large rubric a few hundred; past this a file is refused unread."""

MAX_TEXT = MAX_BYTES
"""The characters a document may hold with its aliases expanded (each value counts one more): no
more than the file itself may hold, so only text repeated by aliases can reach it."""

MAX_VALUES = 250_000
"""Keys, values and items in one document. The bundled rubric has about 1,500 and a rubric of
10,000 indicators about 150,000; a file of a million one-character items would take the parser
alone half a minute."""

MAX_DEPTH = 64
"""No document of ours nests deeper than ~6 levels; deep nesting is a sign of junk or an attack."""

CODES = (
    codes.TOO_LARGE,
    codes.BINARY_FILE,
    codes.ENCODING,
    codes.MERGE_CONFLICT,
    codes.SYNTAX,
    codes.DUPLICATE_KEY,
    codes.ALIAS,
    codes.TOO_DEEP,
    codes.TOO_MANY_VALUES,
)
"""What reading, parsing and walking the text may report (before any model sees the document)."""


@cache
def _conflict_marker() -> re.Pattern[str]:
    """A marker line as git writes it: a label after a space, or nothing, up to the line's end; in a file
    with CRLF line endings git ends its marker lines with a carriage return too."""
    return re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |\r?$)", re.MULTILINE)


_MARKER_TEXTS = ("<" * 7, "=" * 7, ">" * 7, "|" * 7)
"""What every marker line holds: a text without any of them has none."""


class TextProblem(Exception):
    """The bytes cannot be YAML text at all; carries a 1-based position and a stable code."""

    def __init__(self, code: Code, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.column = code, message, line, column


class SyntaxProblem(TextProblem):
    """The YAML parser rejected the text."""


class ConflictMarkers(TextProblem):
    """A half-merged file: one problem for each conflict git left in it (at its `<<<<<<<` line), and one
    for each marker line outside a conflict, so all are reported. `places` holds them as (line,
    message); the first is the exception's own."""

    def __init__(self, places: list[tuple[int, str]]) -> None:
        super().__init__(codes.MERGE_CONFLICT, places[0][1], places[0][0], 1)
        self.places = places


_RESOLVE = "keep what each side should keep (both changes, or one of them) and delete the marker lines"
"""Right in the usual case (one branch rated C1.3 up, the other added an action to it: keep both)
and when both sides changed one value (keep one)."""


@cache
def _key_line() -> re.Pattern[str]:
    """A line that starts a `key:` (possibly as a list's item), and its indentation; the key unquoted."""
    return re.compile(r"""([ \t]*)(?:-[ \t]+)*(?:"([^"]*)"|'([^']*)'|([^\s#'"][^:#]*?))[ \t]*:(?:[ \t]|$)""")


def _conflicts(text: str, markers: dict[int, str]) -> list[tuple[int, str]]:
    """What git left: each conflict (from `<<<<<<<` to `>>>>>>>`, its `|||||||` and `=======` lines
    within) as one problem at its first line, naming the indicator or key it is in; a marker line outside
    a conflict as a problem of its own.

    A half-merged file does not parse, so where a conflict is comes from the text: the keys that enclose
    its first line of content, by indentation. One pass keeps the keys that enclose the line it is on
    (each `key:` line closes those indented as far or further), so a file of many conflicts costs no
    more than one of a few."""
    places: list[tuple[int, str]] = []
    enclosing: list[tuple[int, str]] = []  # (indentation, key), indented further and further
    opened: tuple[int, list[tuple[int, str]]] | None = None  # the conflict's first line, its outer keys
    waiting: int | None = None  # where, once its first line of content says how far it is indented
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        kind = markers.get(number)
        if kind == "<":
            if opened is not None:
                places.append((opened[0], _conflict_message(opened[0], None, opened[1])))
            # all a place is named by: the top-level key and the one below it
            opened, waiting = (number, list(enclosing[:2])), number
            continue
        if kind is not None:
            if opened is None:
                places.append((number, f"git merge-conflict marker: {_RESOLVE}"))
            elif kind == ">":
                places.append((opened[0], _conflict_message(opened[0], number, opened[1])))
                opened = waiting = None
            continue
        stripped = line.lstrip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        if waiting is not None and opened is not None:
            opened = (opened[0], [entry for entry in opened[1] if entry[0] < indent])
            waiting = None
        found = _key_line().match(line)
        if found is not None:
            while enclosing and enclosing[-1][0] >= indent:
                enclosing.pop()
            enclosing.append((indent, next(key for key in found.group(2, 3, 4) if key is not None)))
    if opened is not None:
        places.append((opened[0], _conflict_message(opened[0], None, opened[1])))
    return places


def _conflict_message(first: int, last: int | None, outer: list[tuple[int, str]]) -> str:
    """`a git merge conflict in C1.3 (lines 144 to 150): …`: in the indicator, else in the top-level
    key, that encloses it (`outer`, the keys enclosing its first line of content)."""
    where = ""
    if outer and outer[0][0] == 0:
        key = outer[1][1] if outer[0][1] == "ratings" and len(outer) > 1 else outer[0][1]
        where = f" in {printable(clipped(key, 40))}"
    span = f" (lines {first} to {last})" if last is not None else ""
    return f"a git merge conflict{where}{span}: {_RESOLVE}"


def read_text(path: Path) -> str:
    """Read a file as YAML text; refuse what is too large, binary, not UTF-8, or half-merged.

    Raises OSError for unreadable paths (NotARegularFile for a FIFO, a device, a system file) and
    TextProblem for content that is not usable text.
    """
    return decode_bytes(read_regular(path, MAX_BYTES + 1))


def decode_bytes(data: bytes) -> str:
    """The bytes of a file (or of standard input) as YAML text. Raises TextProblem."""
    if len(data) > MAX_BYTES:
        raise TextProblem(
            codes.TOO_LARGE,
            f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB; an assessment file is a few kilobytes",
        )
    return decode(data)


def decode(data: bytes) -> str:
    if b"\x00" in data:
        if _utf16(data):
            raise TextProblem(codes.ENCODING, _UTF16)
        line, column = _position_of(data, data.index(b"\x00"))
        raise TextProblem(codes.BINARY_FILE, "this is a binary file, not YAML text", line, column)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _position_of(data, error.start)
        raise TextProblem(
            codes.ENCODING,
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x}); save it as UTF-8",
            line,
            column,
        ) from None
    if any(marker in text for marker in _MARKER_TEXTS):  # a substring search is 50 times the speed
        markers: dict[int, str] = {}
        line, counted = 1, 0
        for found in _conflict_marker().finditer(text):
            line += text.count("\n", counted, found.start())
            counted = found.start()
            markers[line] = found.group(1)[0]
        if markers:
            raise ConflictMarkers(_conflicts(text, markers))
    return text


_UTF16 = (
    "this file is saved as UTF-16 (what Notepad and Word call 'Unicode'); save it as UTF-8 "
    "(in Notepad: File, Save as, Encoding: UTF-8)"
)


def _utf16(data: bytes) -> bool:
    """Text saved as UTF-16, as Notepad's "Unicode" (little-endian) and "Unicode big endian" save it,
    with a byte-order mark or without one. Without one, text in a Latin script has a zero byte in every
    other place, mostly: the second of each two (little-endian) or the first (`─`, U+2500, has a zero
    in the other); binary data has zeros anywhere, and is no text once read as UTF-16."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and not data.startswith(b"\xff\xfe\x00\x00"):
        encoding = "utf-16"
    elif len(data) % 2:
        return False
    else:
        sample = data[:4096]
        pairs = len(sample) // 2
        first, second = sample[0::2].count(0), sample[1::2].count(0)
        if second >= pairs / 2 and first <= pairs / 10:
            encoding = "utf-16-le"
        elif first >= pairs / 2 and second <= pairs / 10:
            encoding = "utf-16-be"
        else:
            return False
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return not _CONTROL.search(text)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters no text file holds (a tab and line breaks aside)."""


def _position_of(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


_STR = "tag:yaml.org,2002:str"

_MEMO_LENGTH = 40
"""Plain scalars up to this long have their tag and value remembered between documents: keys,
numbers, dates, ids, names. Longer ones (evidence, notes) are rarely written twice."""

_MEMO_SIZE = 20_000
"""Values remembered at most, so that reading 20,000 files of other words takes no more memory."""

_CONSTRUCTED_ONCE = frozenset(f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null"))
"""Tags whose value depends on the text alone (and the YAML version): made once per text."""


class _Memo:
    """What one YAML version makes of plain scalars: each text's tag, and its value for the tags of
    `_CONSTRUCTED_ONCE`. A 4 KB assessment repeats a few dozen keys and numbers 250 times; ruamel
    asks the resolver's regular expressions each time, and builds each number through its generic
    constructor, most of a valid file's load."""

    def __init__(self) -> None:
        self.tags: dict[str, Tag] = {}
        self.values: dict[tuple[str, str], Any] = {}
        self.resolvers: dict[Any, list[tuple[str, Any]]] | None = None
        """ruamel's (tag, regular expression) pairs for the version, by the first character of a text."""


_MEMOS: dict[Any, _Memo] = {}
"""One `_Memo` per YAML version (1.2 unless a `%YAML` directive says otherwise)."""

_TEXTS: dict[str, str] = {}
"""Each short text read, once: the keys, ids, names and dates of thousands of files are then one
object each, not one per file, in everything a command keeps of them (`summary` keeps 20,000 files'
ratings and actions) and in what worker processes send back (pickle writes a shared object once)."""


class _SafeConstructor(SafeConstructor):  # type: ignore[misc]
    """Builds plain data from the C parser's nodes; dates stay text.

    Dates stay text so a bad date is a located validation problem rather than a parser crash.
    `construct_document` is a direct walk over the nodes: ruamel's general constructor costs a
    third of a valid file's load. Numbers, booleans and null are made by ruamel's own constructors,
    once for each text (`_Memo`); other scalars with a tag of their own still go through ruamel's
    general constructor.
    """

    def construct_document(self, node: Any) -> Any:
        duplicates: list[TextProblem] = []
        self._text_left = MAX_TEXT
        self._seen_scalars: set[int] = set()
        self._repeated: Any = None
        self._made = _memo(self.resolver.processing_version).values
        data = self._build(node, {}, duplicates)
        return Document(data, tuple(duplicates), node)

    def _build(self, node: Any, built: dict[int, Any], duplicates: list[TextProblem]) -> Any:
        done = built.get(id(node))
        if done is not None:
            return done  # an alias: the same object again, which shared_or_too_deep refuses
        if isinstance(node, ScalarNode):
            # Count the value's characters (and one for the value itself) against MAX_TEXT, each time
            # an alias repeats it. Without aliases a file cannot hold more than it is long; with them,
            # one long text repeated a thousand times would make every later step (the models,
            # did-you-mean, a plan) a thousand times as long. (Written out here, not called: every
            # value of every file passes this way.)
            if id(node) in self._seen_scalars:
                self._repeated = node
            else:
                self._seen_scalars.add(id(node))
            self._text_left -= len(node.value) + 1
            if self._text_left < 0:
                raise SyntaxProblem(
                    codes.ALIAS,
                    f"YAML aliases (*name) repeat the value written here until the file holds more than "
                    f"{MAX_TEXT:,} characters: write shorter values out instead",
                    *_start(self._repeated or node),
                )
            tag = node.ctag
            name = tag.suffix if tag.handle is None else str(tag)
            if name == _STR:
                text: str = node.value
                if len(text) > _MEMO_LENGTH:
                    return text
                shared = _TEXTS.get(text)
                if shared is None and len(_TEXTS) < _MEMO_SIZE:
                    shared = _TEXTS[text] = text
                return shared if shared is not None else text
            if name in _CONSTRUCTED_ONCE:
                key = (name, node.value)
                made = self._made.get(key, _NOT_MADE)
                if made is _NOT_MADE:
                    made = self.construct_object(node, deep=True)
                    if len(node.value) <= _MEMO_LENGTH and len(self._made) < _MEMO_SIZE:
                        self._made[key] = made
                return made
            return self.construct_object(node, deep=True)
        if isinstance(node, SequenceNode):
            items: list[Any] = []
            built[id(node)] = items
            items.extend(self._build(child, built, duplicates) for child in node.value)
            return items
        mapping: dict[Any, Any] = {}
        built[id(node)] = mapping
        first_keys: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self._build(key_node, built, duplicates)
            if isinstance(key, (dict, list)):
                raise SyntaxProblem(
                    codes.SYNTAX,
                    "a key must be plain text, not a list or a mapping (the rest of the file is checked "
                    "once this is fixed)",
                    *_start(key_node),
                )
            if key in mapping:  # reported, and the first value kept, so checking can go on
                first = first_keys[key]
                duplicates.append(
                    SyntaxProblem(
                        codes.DUPLICATE_KEY,
                        f"duplicate key {quoted(str(key))} (first defined on line {first.start_mark.line + 1}): "
                        "keep only one",
                        *_start(key_node),
                    )
                )
                continue
            first_keys[key] = key_node
            mapping[key] = self._build(value_node, built, duplicates)
        return mapping


_NOT_MADE = object()


class Document(NamedTuple):
    """A parsed document: its plain data, its duplicate keys (the first value kept), and the node
    tree the data was built from, for lines and columns (None for an empty document)."""

    data: Any
    duplicates: tuple[TextProblem, ...] = ()
    nodes: Any = None


def _start(node: Any) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _timestamp_as_text(constructor: SafeConstructor, node: Any) -> Any:
    return constructor.construct_scalar(node)


_SafeConstructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def _memo(version: Any) -> _Memo:
    memo = _MEMOS.get(version)
    if memo is None:
        memo = _MEMOS[version] = _Memo()
    return memo


class _Resolver(VersionedResolver):  # type: ignore[misc]
    """ruamel's resolver, at a fraction of its cost: the tag of a plain scalar is remembered for
    each text (`_Memo`), the YAML version is looked up once per document (ruamel looks it up for
    every scalar, through a chain of failing attribute lookups), and nothing is done for path
    resolvers, which no loader here registers (ruamel's `add_path_resolver`): the C composer calls
    `descend_resolver` and `ascend_resolver` around every node."""

    _version: Any = None
    _tags: dict[str, Tag] | None = None
    _values = 0

    @property
    def processing_version(self) -> Any:
        if self._version is None:
            self._version = VersionedResolver.processing_version.fget(self)
        return self._version

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """A scalar's tag, as ruamel's resolver gives it (the same `Tag` object for the same text).
        Also counts the document's nodes as the parser makes them (one loader per parse), and stops
        the parse past MAX_VALUES, before it has read the rest."""
        self._values += 1
        if self._values > MAX_VALUES:
            raise TextProblem(
                codes.TOO_MANY_VALUES,
                f"the file holds more than {MAX_VALUES:,} keys, values and list items; "
                "an assessment holds a few hundred",
            )
        if kind is not ScalarNode:
            return self.DEFAULT_SEQUENCE_TAG if kind is SequenceNode else self.DEFAULT_MAPPING_TAG
        if not implicit[0]:
            return self.DEFAULT_SCALAR_TAG
        tags = self._tags
        if tags is None:
            tags = self._tags = _memo(self.processing_version).tags
        tag = tags.get(value)
        if tag is None:
            tag = self._plain_tag(value)
            if len(value) <= _MEMO_LENGTH and len(tags) < _MEMO_SIZE:
                tags[value] = tag
        return tag

    def _plain_tag(self, value: str) -> Tag:
        """The tag of a plain scalar, by ruamel's regular expressions for the document's version."""
        memo = _memo(self.processing_version)
        table = memo.resolvers
        if table is None:
            table = memo.resolvers = self.versioned_resolver
        for tag, regexp in (*table.get(value[:1], ()), *table.get(None, ())):
            if regexp.match(value):
                made = _TAGS.get(tag)
                return made if made is not None else _TAGS.setdefault(tag, Tag(suffix=tag))
        return self.DEFAULT_SCALAR_TAG


_TAGS: dict[str, Tag] = {}
"""The tags plain scalars resolve to (int, float, bool, null, timestamp…), one object each."""


if CParser is not None:

    class _Loader(CParser, _SafeConstructor, _Resolver):  # type: ignore[misc]
        """ruamel's C-accelerated safe loader for one text, as `YAML(typ="safe").load` builds it,
        but made once per process rather than as a new class for every file."""

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            self._parser = self._composer = self
            SafeConstructor.__init__(self, loader=self)
            self.allow_duplicate_keys = False  # duplicates are found by `_build`, not refused by ruamel
            VersionedResolver.__init__(self, version=None, loadumper=self)


@cache
def _fast_yaml() -> YAML:
    """One loader per process: building a YAML() looks for plugins on disk, 8% of a small file's load."""
    yaml = YAML(typ="safe")
    yaml.Constructor = _SafeConstructor
    yaml.Resolver = _Resolver
    return yaml


def _load(text: str, compose: bool = False) -> Any:
    """The document in `text` (or, with `compose`, its node tree), read by the C loader where installed."""
    if CParser is None:
        yaml = _fast_yaml()  # the pure-Python parser (no ruamel.yaml.clib, as on PyPy): ruamel's own way
        yaml.doc_infos.clear()  # the shared loader would otherwise keep one record per file read
        return yaml.compose(text) if compose else yaml.load(text)
    loader = _Loader(text)
    try:
        nodes = loader.get_single_node()  # as ruamel's get_single_data, the nodes kept
        if compose or nodes is None:
            return nodes
        return loader.construct_document(nodes)
    finally:
        loader.dispose()


def parse_fast(text: str) -> Any:
    """Parse with the C loader (where installed). Raises SyntaxProblem, duplicate keys included."""
    document = parse_document(text)
    if document.duplicates:
        raise document.duplicates[0]
    return document.data


def parse_document(text: str) -> Document:
    """Parse with the C loader; duplicate keys are returned (the first value kept), not raised,
    so that one duplicate does not hide every other problem in the file."""
    loaded = _guarded(lambda: _load(text), text)
    return loaded if isinstance(loaded, Document) else Document(loaded)


def parse_nodes(text: str) -> Any:
    """The C parser's node tree, where every node knows its line and column. Raises SyntaxProblem.

    Problems are located on it (a `Document` keeps the tree its data was built from): as fast as
    the parse itself, where a round-trip parse (the other way to get positions) is pure Python and
    ten times slower.
    """
    return _guarded(lambda: _load(text, compose=True), text)


def parse_events(text: str) -> Any:
    """The C parser's events (anchors and aliases among them), for the editor. Raises SyntaxProblem."""
    yaml = _fast_yaml()
    yaml.doc_infos.clear()
    return _guarded(lambda: list(yaml.parse(text)), text)


def _guarded(action: Callable[[], Any], text: str) -> Any:
    try:
        check_nesting(text)
        return action()
    except TextProblem:
        raise
    except MarkedYAMLError as error:
        raise _syntax_problem(error, text) from None
    except YAMLError as error:
        raise SyntaxProblem(codes.SYNTAX, f"not valid YAML: {error}") from None
    except RecursionError:
        raise SyntaxProblem(codes.TOO_DEEP, "the file nests too deeply to be an assessment") from None
    except ValueError as error:  # e.g. an integer too large to convert
        raise SyntaxProblem(codes.SYNTAX, f"not valid YAML: {error}") from None


SAFE_NESTING = 1000
"""Nesting the C parser takes safely. Its composer recurses in C, one frame per level, out of reach
of Python's recursion limit: 30,000 levels overflow the stack and kill the process (a segfault,
exit 139, no output), so deeper text must never reach it. A thousand levels take a few hundred
kilobytes of stack, safe in any thread."""

_BLOCK_START = re.compile(r"^[ \t]*(?:(?:[-?:]|[&!][^ \t\n]*)[ \t]+)*", re.MULTILINE)
"""A line's indentation and the indicators that open a block collection on it (`- - a`, `? `, `&x `)."""


def nesting_bound(text: str) -> int:
    """An upper bound of how deep the YAML in `text` nests, from the text alone, in linear time.

    Every flow collection opens with `[` or `{`, so there are no more nested flow levels than these
    characters. A block collection nested in another starts further right, except a list as a
    mapping's value, which may start in the same column: at most two levels a column, counted from
    each line's indentation and the indicators (`- `, `? `, `: `, anchors, tags) that follow it.
    """
    flow = text.count("[") + text.count("{")
    block = max(map(len, _BLOCK_START.findall(text)), default=0)
    return 2 * (block + 1) + flow


def check_nesting(text: str) -> None:
    """Raise SyntaxProblem (too-deep) before the parser sees text nesting more than MAX_DEPTH levels
    deep, wherever the parser could overflow the stack. Costs two string scans for a usual file;
    text that might nest past SAFE_NESTING is read as a stream of events first (libyaml's parser
    keeps its state on the heap), to find the exact depth and where it goes too deep."""
    if nesting_bound(text) <= SAFE_NESTING:
        return
    depth = 0
    try:
        for event in _fast_yaml().parse(text):
            kind = type(event).__name__
            if kind in ("MappingStartEvent", "SequenceStartEvent"):
                depth += 1
                if depth > MAX_DEPTH + 1:
                    raise SyntaxProblem(
                        codes.TOO_DEEP, f"the file nests more than {MAX_DEPTH} levels deep", *_start(event)
                    )
            elif kind in ("MappingEndEvent", "SequenceEndEvent"):
                depth -= 1
    except YAMLError:
        return  # not YAML: the parse itself reports where, at a depth it can take


def _syntax_problem(error: MarkedYAMLError, text: str) -> SyntaxProblem:
    """What the YAML reader refused, where, in plain words (core/yaml/mistakes.py); duplicate keys as
    such (the pure-Python reader refuses them itself)."""
    if type(error).__name__ == "DuplicateKeyError":
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        key = _duplicate_key_name(error)
        first = error.context_mark
        where = f" (first defined on line {first.line + 1})" if first is not None else ""
        return SyntaxProblem(codes.DUPLICATE_KEY, f"duplicate key {key}{where}: keep only one", line, column)
    from coalition_cli.core.yaml.mistakes import explained  # only for a file that does not parse

    said = explained(error, text, _events)
    return SyntaxProblem(codes.SYNTAX, said.message, said.line, said.column)


def _events(text: str) -> Any:
    yaml = _fast_yaml()
    yaml.doc_infos.clear()
    return yaml.parse(text)


def _duplicate_key_name(error: MarkedYAMLError) -> str:
    match = re.search(r'found duplicate key "([^"]*)"', str(error.problem or ""))
    return f"'{match.group(1)}'" if match else ""


def shared_or_too_deep(data: Any) -> Finding | None:
    """Refuse documents that reuse a mapping or list through YAML aliases, or nest too deeply.

    An alias of a single value (`*name` for a text) costs nothing and is allowed. Aliases of
    containers share objects, so a "billion laughs" file loads instantly but explodes when walked;
    one pass that visits each container once stops at the first reuse, at bounded cost. The pass
    keeps no paths (every valid file pays for it); the path of a problem is found afterwards.
    """
    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            return Finding(
                _path_to(data, node),
                codes.ALIAS,
                "a YAML alias (*name) may not repeat a mapping or a list in this file: write the value out",
            )
        if depth > MAX_DEPTH:
            return Finding(
                _path_to(data, node), codes.TOO_DEEP, f"the file nests more than {MAX_DEPTH} levels deep"
            )
        seen.add(id(node))
        for child in node.values() if isinstance(node, dict) else node:
            if isinstance(child, (dict, list)):
                stack.append((child, depth + 1))
    return None


def _path_to(data: Any, target: Any) -> Path_:
    """The path of the first place `target` appears (as reached by the same depth-first walk)."""
    stack: list[tuple[Any, Path_]] = [(data, ())]
    seen: set[int] = set()
    while stack:
        node, path = stack.pop()
        if node is target and (id(node) in seen or len(path) > MAX_DEPTH):
            return path
        seen.add(id(node))
        if len(path) > MAX_DEPTH:
            continue
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, child in items:
            if isinstance(child, (dict, list)):
                stack.append((child, (*path, key if isinstance(key, (str, int)) else str(key))))
    return ()


class Position(NamedTuple):
    line: int
    column: int


class Locator:
    """Lines and columns of findings in the node tree of `parse_nodes`.

    Each mapping's keys are indexed the first time a path goes through it, so locating any number of
    findings costs about one pass over the document (10,000 unknown keys once took half a minute,
    each found by reading the mapping from its top).
    """

    def __init__(self, root: Any) -> None:
        self._root = root
        self._keys: dict[int, dict[str, tuple[Any, Any]]] = {}

    def position(self, finding: Finding) -> Position:
        """The 1-based line and column of a finding's key or value.

        Walks the path as far as the document goes: a finding about a missing key carries its
        parent's path, and a path element that is not in the document (such as a Pydantic union tag)
        is skipped. An alias points at its anchor, where the value is written.
        """
        node = self._root
        position = Position(1, 1)
        for index, element in enumerate(finding.path):
            last = index == len(finding.path) - 1
            if isinstance(node, MappingNode):
                pair = self._pair(node, element)
                if pair is None:
                    continue
                key_node, node = pair
                mark = node.start_mark if (last and finding.at == "value") else key_node.start_mark
            elif (
                isinstance(node, SequenceNode) and isinstance(element, int) and 0 <= element < len(node.value)
            ):
                node = node.value[element]
                mark = node.start_mark
            else:
                continue
            position = Position(mark.line + 1, mark.column + 1)
        return position

    def _pair(self, node: Any, element: str | int) -> tuple[Any, Any] | None:
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for pair in node.value:
                if isinstance(pair[0], ScalarNode):
                    index.setdefault(pair[0].value, pair)  # the first of duplicate keys, as the data keeps
            self._keys[id(node)] = index
        return index.get(str(element))
