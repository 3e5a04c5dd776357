"""Why the YAML reader stopped at a hand-edited file, in the words of whoever edited it.

The reader says what it expected where it stopped, which is often a line after the one that was
changed, and in its own terms: evidence continued on a line of its own is "could not find expected
':'" on the next indicator's line; an apostrophe inside '…' is "did not find expected key"; a line
pushed to the left margin is "mapping values are not allowed" on the line below it; a Word bullet
`* ` is "while scanning an alias". A coordinator editing in Notepad or Word cannot act on these.
`explained` looks at the lines around where the reader stopped for the slips people make, and names
the line that was changed, what went wrong, and what to type instead; any other complaint keeps
the reader's own words after a plain reading of them.

Every explanation ends by saying that the rest of the file is checked once this is fixed: the reader
stops at the first mistake, so the next one only shows then.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from ruamel.yaml.error import YAMLError

from coalition_cli.core import lookalikes
from coalition_cli.core.wording import clipped, printable, quoted
from coalition_cli.core.yaml.text import LINE_BREAKS, typed_in_quotes

REST = "the rest of the file is checked once this is fixed"
"""Said after every problem that stops the reader: a file with two mistakes shows the second then."""


class Explained(NamedTuple):
    message: str
    line: int
    column: int


class _Stop(NamedTuple):
    """Where and why the reader stopped: its words, its marks (1-based), and the file's lines."""

    problem: str
    context: str
    kind: str
    """The error's class: ScannerError, ParserError, ConstructorError…"""
    line: int
    column: int
    opened: tuple[int, int] | None
    """Where what the reader was reading began (its context mark), if it says."""
    lines: list[str]
    text: str
    events: Callable[[str], Iterable[Any]]


def explained(error: Any, text: str, events: Callable[[str], Iterable[Any]]) -> Explained:
    """The problem the reader's `error` (a MarkedYAMLError) is, worded for whoever edited `text`.
    `events` reads the text as the parser's events (for what came just before it stopped)."""
    mark = error.problem_mark or error.context_mark
    line, column = _within(text, mark) if mark is not None else (1, 1)
    opened = error.context_mark
    stop = _Stop(
        problem=str(error.problem or "not valid YAML"),
        context=str(error.context or ""),
        kind=type(error).__name__,
        line=line,
        column=column,
        opened=(opened.line + 1, opened.column + 1) if opened is not None else None,
        lines=LINE_BREAKS.split(text),
        text=text,
        events=events,
    )
    for diagnosis in _DIAGNOSES:
        found = diagnosis(stop)
        if found is not None:
            message, line, column = found
            return Explained(f"not valid YAML: {message} ({REST})", line, column)
    return Explained(f"not valid YAML: {_reader_words(stop)}", stop.line, stop.column)


Found = tuple[str, int, int] | None
"""A diagnosis: the message (after "not valid YAML: "), and the line and column it is about."""


def _tab(stop: _Stop) -> Found:
    if _char_at(stop, stop.line, stop.column) == "\t" or "\\t" in stop.problem:
        return "a tab is used for indentation; indent with spaces", stop.line, stop.column
    return None


def _second_document(stop: _Stop) -> Found:
    if "single document" in stop.context:
        return (
            "the file holds more than one YAML document (a second '---' line); an assessment is one document",
            stop.line,
            stop.column,
        )
    return None


def _unclosed_quote(stop: _Stop) -> Found:
    """A quotation mark never closed, at the mark itself: the reader only finds out at the end of the
    file, a line no editor or CI annotation should send anyone to, and its words ("found unexpected end
    of stream") tell a facilitator nothing."""
    if "end of stream" not in stop.problem or "quoted scalar" not in stop.context or stop.opened is None:
        return None
    line, column = stop.opened
    return _never_closed(_char_at(stop, line, column)), line, column


def _never_closed(mark: str, until: int | None = None) -> str:
    """What a quotation mark not closed where its text ends does; `until`: the line the reader found
    a mark that closes it on (in a comment, or an apostrophe)."""
    shown = f" ({mark})" if mark in ("'", '"') else ""
    closing = f"the closing {mark}" if shown else "the closing quotation mark"
    if until is None:
        return (
            f"this quotation mark{shown} is never closed, so the lines after it are read as its text; "
            f"add {closing} where the text ends"
        )
    return (
        f"this quotation mark{shown} is not closed on its line, so the lines after it are read as its "
        f"text, up to the {mark} on line {until}; add {closing} where the text ends"
    )


def _lookalike(stop: _Stop) -> Found:
    """A no-break space for indentation or after a ':', a full-width colon, or a value in typographic
    quotes, on the line the reader stopped at or the line with content before it (the reader takes
    `\u00a0\u00a0evidence: x` for a key at the margin, and stops on the line after it)."""
    for index in _near(stop):
        line = stop.lines[index]
        body = line.lstrip(" ")
        if body and body[0] in lookalikes.SPACES:
            column = len(line) - len(body) + 1
            return (
                f"{_space(body[0])} is used for indentation on this line; indent with ordinary spaces",
                index + 1,
                column,
            )
        key = _key_value(line)
        if key is None:
            colon = _LOOKALIKE_COLON.match(line[:_LONGEST])
            if colon is not None:
                return lookalikes.described("："), index + 1, colon.end()
            spaced = _SPACE_AFTER_COLON.match(line[:_LONGEST])
            if spaced is not None:
                return (
                    f"{_space(spaced.group(2))} follows the ':' on this line; type an ordinary space",
                    index + 1,
                    spaced.end(1) + 1,
                )
            continue
        kind = lookalikes.enclosing(key.group("value") or "")
        if index + 1 == stop.line and kind is not None:
            value = key.group("value")
            return (
                f"{kind.what}, which YAML does not read as quotes: type straight ones instead"
                f"{_as_written(key, _quoted(value[1:-1]))}",
                index + 1,
                key.start("value") + 1,
            )
    return None


def _space(char: str) -> str:
    return f"a no-break space (U+{ord(char):04X}, pasted from Word or Outlook)"


def _squeezed_key(stop: _Stop) -> Found:
    """The most common slip in a hand-edited file, `stage:2`, at the line it is on: the reader reads
    `stage:2` as text, not as a key and a value, and only stumbles on the next ':' (or on its own line,
    when it is the last). Looks at the reported line and the line with content before it."""
    if not any(phrase in stop.problem for phrase in _AFTER_A_KEY):
        return None
    for index in _near(stop):
        match = (
            _SQUEEZED.fullmatch(stop.lines[index].rstrip()) if len(stop.lines[index]) <= _LONGEST else None
        )
        if match is not None:
            before_key, key, value = match.groups()
            return (
                f"no space after the ':' in {quoted(f'{key}:{value}')}: "
                f"write {quoted(f'{key}: {value}')}, with a space after the ':'",
                index + 1,
                len(before_key) + len(key) + 1,
            )
    return None


def _symbol_first(stop: _Stop) -> Found:
    """Text that starts with a character YAML keeps for itself (`* ` from a Word bullet, `> 80%`,
    `@Rosa`, `- `, `!important`): the reader stops at that character, where it starts a value."""
    for line, column in ((stop.opened or (0, 0)), (stop.line, stop.column)):
        char = _char_at(stop, line, column)
        if char not in _SYMBOLS:
            continue
        before = stop.lines[line - 1][: column - 1]
        key = _key_value(stop.lines[line - 1])
        if key is not None and key.start("value") == column - 1:
            value = key.group("value")
        elif _ITEM.fullmatch(before) and char not in "-?|>":
            value = stop.lines[line - 1][column - 1 :].rstrip()
            key = None
        else:
            continue
        return (
            f"text cannot start with {char} here: put the whole value in quotes"
            f"{_as_written(key, _quoted(value))}",
            line,
            column,
        )
    return None


def _continued(stop: _Stop) -> Found:
    """A line of text with no `key:` (the reader stops where it looked for the ':', on the next line):
    most often evidence continued on a line of its own, at the same indentation, as one types on."""
    if "could not find expected ':'" not in stop.problem:
        return None
    line, column = stop.opened or (stop.line, stop.column)
    if not 0 < line <= len(stop.lines) or _key_value(stop.lines[line - 1]) is not None:
        return None
    index = _content_before(stop.lines, line - 1)
    key = _key_value(stop.lines[index]) if index is not None else None
    value = key.group("value") if key is not None else None
    name = _key_name(key) if key is not None else ""
    if key is None or not value or value[0] in "&*!{[" or " " not in stop.lines[line - 1].strip():
        # a line of one word is a key cut short or missing its ':' (`    evide` at the end of a file)
        return "this line has no ':'; write it as 'key: value'", line, column
    assert index is not None
    indent = key.start("key") + 2
    if value.split("#")[0].strip() in _BLOCK_INDICATORS:
        return (
            f"the lines of a text under '{name}: {value[0]}' (line {index + 1}) must be indented "
            f"further than {quoted(name)}: indent this line and the others by {indent} spaces",
            line,
            column,
        )
    return (
        f"this line has no ':', so it reads as more of the {name} on line {index + 1}; to write a text "
        f"over several lines, write '{name}: |' and put each of its lines under it, indented by "
        f"{indent} spaces",
        line,
        column,
    )


def _colon_in_value(stop: _Stop) -> Found:
    """`: ` inside a value (`evidence: Note: we met`): the reader stops at the second ':'."""
    if "mapping values are not allowed" not in stop.problem:
        return None
    key = _key_value(stop.lines[stop.line - 1])
    if key is None or key.group("value") is None or stop.column - 1 <= key.start("value"):
        return None
    value = key.group("value")
    text = "if it is all text, " if _a_key_elsewhere(stop, value) else ""
    return (
        f"this value holds ': ', which YAML reads as the start of another key: {text}put the whole "
        f"value in quotes{_as_written(key, _quoted(value))}",
        stop.line,
        key.start("value") + 1,
    )


def _out_of_line(stop: _Stop) -> Found:
    """A `key:` line the reader took as more of the value on the line before it, because it is indented
    further (the reader stops at its ':'). Either that line before it was pushed to the left (further
    left than the lines on both sides of it: the one to fix), or this one to the right."""
    if "mapping values are not allowed" not in stop.problem:
        return None
    here = stop.lines[stop.line - 1]
    key = _key_value(here)
    if key is None or here.find(":", key.end("key")) != stop.column - 1:
        return None
    index = _content_before(stop.lines, stop.line - 1)
    before = _key_value(stop.lines[index]) if index is not None else None
    if index is None or before is None or not before.group("value"):
        return None
    left, right = before.start("key"), key.start("key")
    if left >= right:
        return None
    above = _content_before(stop.lines, index)
    further = _key_column(stop.lines[above]) if above is not None else 0
    if above is not None and further > left:
        opens = _key_value(stop.lines[above])
        if opens is not None and not opens.group("value"):  # `  C1.1:`: its lines come under it
            like = f"under line {above + 1} ({further + 2} spaces)"
        else:
            like = f"like line {above + 1} ({further} spaces)"
        return (
            f"this line starts further left than the lines above and below it, so the line after it "
            f"reads as more of its text: indent it {like}",
            index + 1,
            left + 1,
        )
    return (
        f"this line is indented further than line {index + 1} above it, so it reads as more of that "
        f"line's text: indent it like line {index + 1} ({left} spaces)",
        stop.line,
        right + 1,
    )


def _key_column(line: str) -> int:
    """Where a line's key starts (after any `- `), or its text."""
    key = _key_value(line)
    return key.start("key") if key is not None else _indent(line)


def _list_item_line(stop: _Stop) -> Found:
    """A line of a list item (`owner:` under `- action:`) indented back to the item's `- `."""
    if stop.kind != "ParserError" or "block collection" not in stop.context or stop.opened is None:
        return None
    item_line = stop.lines[stop.opened[0] - 1]
    item = _ITEM_KEY.match(item_line) if len(item_line) <= _LONGEST else None
    if item is None or _indent(stop.lines[stop.line - 1]) != stop.opened[1] - 1:
        return None
    return (
        f"this line lines up with the '- ' on line {stop.opened[0]} but does not start with '- ': to be "
        f"part of that item, indent it like {quoted(item.group(2))} on line {stop.opened[0]} "
        f"({item.end(1)} spaces)",
        stop.line,
        stop.column,
    )


def _ended_early(stop: _Stop) -> Found:
    """Text after a value the reader has read to its end, on the same line: a quote inside '…' or "…"
    that ends it early (`'The board's minutes'`), a quote never closed on its line that the reader
    closed lines further on, or a value that starts with `[` or `{` (`[draft] charter`)."""
    if stop.kind != "ParserError" or not any(phrase in stop.problem for phrase in _NO_KEY):
        return None
    last, flow = _last_value(stop)
    if flow is not None and flow.end_mark.line + 1 == stop.line:
        line, column = flow.start_mark.line + 1, flow.start_mark.column + 1
        char = _char_at(stop, line, column)
        key = _key_value(stop.lines[line - 1])
        if key is not None and key.start("value") == column - 1 and char in ("[", "{"):
            return (
                f"text cannot start with {char} here: put the whole value in quotes"
                f"{_as_written(key, _quoted(key.group('value')))}",
                line,
                column,
            )
        return None
    if last is None or last.style not in ("'", '"') or last.end_mark.line + 1 != stop.line:
        return None
    start, end = last.start_mark.line + 1, last.end_mark.line + 1
    mark = last.style
    between = stop.lines[end - 1][last.end_mark.column : stop.column - 1]
    if between.strip():
        return None
    spanned = [*stop.lines[start : end - 1], stop.lines[end - 1][: last.end_mark.column - 1]]
    if start != end and any(_key_value(line) or line.lstrip().startswith("#") for line in spanned):
        return _never_closed(mark, end), start, last.start_mark.column + 1
    key = _key_value(stop.lines[start - 1])
    if (
        key is None
        or start != end
        or key.group("value") is None
        or key.start("value") != last.start_mark.column
    ):
        key = None
    value = key.group("value") if key is not None else ""
    # the whole rest of the line, ` #` and all: what was meant as the quoted text may hold one
    whole = stop.lines[start - 1][key.start("value") :].rstrip() if key is not None else ""
    if key is not None and not _closes(whole, mark) and not _closes(value, mark):
        # `"monthly" meetings`: text in quotes, then more text
        return (
            f"the text in quotes ends at this {mark}, and more text follows it: put the whole value in "
            f"quotes{_as_written(key, _quoted(value))}",
            end,
            last.end_mark.column,
        )
    if mark == "'":
        words = "a ' inside '…' ends the text there: write it twice ('') or put the text in double quotes"
    else:
        words = 'a " inside "…" ends the text there: put the text in single quotes instead'
    suggestion = ""
    if key is not None:
        inner = whole[1:-1] if _closes(whole, mark) else value[1:-1]
        suggestion = _as_written(key, _quoted(inner), comment=False)
    return f"{words}{suggestion}", end, last.end_mark.column


def _closes(text: str, mark: str) -> bool:
    """Whether a value that opens with the quotation mark `mark` ends with it too."""
    return len(text) > 1 and text[0] == mark and text[-1] == mark


def _last_value(stop: _Stop) -> tuple[Any, Any]:
    """The last scalar the parser read before it stopped, and the flow collection (`[…]`, `{…}`) it
    closed last, if that came after it."""
    last = flow = None
    opened: list[Any] = []
    try:
        for event in stop.events(stop.text):
            kind = type(event).__name__
            if kind == "ScalarEvent":
                last, flow = event, None
            elif kind in ("SequenceStartEvent", "MappingStartEvent"):
                opened.append(event)
            elif kind in ("SequenceEndEvent", "MappingEndEvent"):
                began = opened.pop() if opened else None
                if began is not None and began.flow_style:
                    flow = _Span(began.start_mark, event.end_mark)
    except (YAMLError, ValueError):
        pass  # the error the reader stopped at, again
    return last, flow


class _Span(NamedTuple):
    start_mark: Any
    end_mark: Any


def _reader_words(stop: _Stop) -> str:
    """The reader's complaint, after what it most often means (for the complaints this module has no
    better diagnosis of)."""
    context = f" ({stop.context})" if stop.context else ""
    plain = next((words for phrase, words in _PLAIN_WORDS if phrase in stop.problem), None)
    if plain is None:
        return f"{stop.problem}{context} ({REST})"
    unclosed = ("did not find expected ','", "found unexpected end of stream")
    if any(phrase in stop.problem for phrase in unclosed) and stop.opened is not None:
        plain += f" (it opens on line {stop.opened[0]})"
    return f"{plain} ({REST}); the YAML reader says: {stop.problem}"


_DIAGNOSES: tuple[Callable[[_Stop], Found], ...] = (
    _tab,
    _second_document,
    _unclosed_quote,
    _lookalike,
    _squeezed_key,
    _symbol_first,
    _continued,
    _colon_in_value,
    _out_of_line,
    _list_item_line,
    _ended_early,
)
"""In order: the first that recognises the slip words it."""


_PLAIN_WORDS = (
    (
        "mapping values are not allowed",
        "a ':' where none can be: a line indented too far, or a value holding ': ' that needs quotes",
    ),
    ("could not find expected ':'", "a line that is not 'key: value' (a missing ':'?)"),
    ("did not find expected key", "this line is indented differently from the lines above it"),
    ("expected <block end>", "this line is indented differently from the lines above it"),
    ("did not find expected ',' or '}'", "a '{' that is never closed with '}'"),
    ("did not find expected ',' or ']'", "a '[' that is never closed with ']'"),
    ("found undefined alias", "an alias (*name) with no anchor (&name) before it"),
    ("found unexpected end of stream", "a quotation mark that is never closed"),
    ("found unknown escape character", "a backslash inside double quotes: use single quotes instead"),
)
"""What the YAML reader's most common complaints mean, in words a facilitator can act on."""

_AFTER_A_KEY = ("mapping values are not allowed", "could not find expected ':'", "did not find expected key")
"""What the reader says on the line after `stage:2` (or on its own line, when it is the last)."""

_NO_KEY = ("did not find expected key", "expected <block end>")
"""What the C and the pure-Python readers say at text after a value that has ended."""

_SQUEEZED = re.compile(r"([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w.-]*):([^\s:/\\#].*)")
"""`key:value` with no space after the ':' (not `https://…` nor `C:\\…`)."""

_KEY_VALUE = re.compile(
    r"""(?P<indent> *)(?:- +)*"""
    r"""(?P<key>"[^"\n]*"|'[^'\n]*'|[^\s#'"\-?:,\[\]{}][^:#\n]*?|-[^\s:#][^:#\n]*?) *:"""
    r"""(?: +(?P<value>[^ #\n].*?))?(?P<comment> +#.*)? *$"""
)
"""A `key: value` line (possibly a list's item, `- key: value`): its key and, if any, its value and
its comment, as written. The key ends at the first ': ', so a value holding ': ' is all value."""

_WORD_THEN_COLON = re.compile(r"([A-Za-z_][\w.-]*):")
"""A value that starts `stage: …`, which may be a key put on the line of another by mistake."""


def _a_key_elsewhere(stop: _Stop, value: str) -> bool:
    """Whether a value starts with a word and ': ' that is a key on a line of its own elsewhere in the
    file (`C1.3: stage: 2`), rather than text (`Note: we met`)."""
    word = _WORD_THEN_COLON.match(value)
    if word is None or not word.group(1).islower():  # the format's keys are lowercase; `Note:` is text
        return False
    key = re.compile(rf"[ \t]*(?:- +)?{re.escape(word.group(1))}:(?:[ \t]|$)")
    return any(key.match(line) for line in stop.lines)


_LONGEST = 4_000
"""Lines longer than this are not looked at (the reader's own words are given): the patterns here
backtrack over long runs of spaces, and a hostile file's line can be two megabytes."""


def _key_value(line: str) -> re.Match[str] | None:
    return _KEY_VALUE.match(line) if len(line) <= _LONGEST else None


_ITEM = re.compile(r" *(?:- +)*")
"""What may come before a value that is a line's or a list item's only text."""

_ITEM_KEY = re.compile(r"( *- +)([^\s#:][^:#]*?) *:(?: |$)")
"""A list item's line, `- key: …`: its first key (group 2), indented by the length of group 1."""

_LOOKALIKE_COLON = re.compile(r" *(?:- +)*[^\s:#：][^:#：]*：")
"""A key ended by a full-width colon, `stage：`."""

_SPACE_AFTER_COLON = re.compile(f" *(?:- +)*[^\\s:#][^:#]*(:)([{lookalikes.SPACES}])")
"""`key:` followed by a no-break space, read as part of the key."""

_SYMBOLS = frozenset("*&!>|@`%-?")
"""Characters YAML keeps for itself at the start of a value (`[` and `{` start a list or a mapping)."""

_BLOCK_INDICATORS = frozenset(
    f"{style}{chomp}" for style in "|>" for chomp in ("", "-", "+", "1-", "2-", "-1", "-2", "1", "2")
)
"""`|`, `>-` and the like: the lines of text come under them."""


def _quoted(text: str) -> str:
    """`text` in quotes as the README says to type them (in double quotes, unless it holds a `"`),
    cut to 60 characters for a message."""
    return typed_in_quotes(clipped(text, 60))


def _as_written(key: re.Match[str] | None, value: str, *, comment: bool = True) -> str:
    """`, like this: evidence: '* Monthly meetings'` (the key as written, when there is one); nothing when
    a comment follows the value on its line, which might be part of the text (unless `comment` is
    False: `value` is all that was meant, what follows it a comment)."""
    if comment and key is not None and key.group("comment"):
        return ""
    return printable(
        f", like this: {key.group('key')}: {value}" if key is not None else f", like this: {value}"
    )


def _key_name(key: re.Match[str]) -> str:
    name = key.group("key")
    return name[1:-1] if name[:1] in "'\"" else name


def _near(stop: _Stop) -> list[int]:
    """The line the reader stopped at and the line with content before it (0-based), the earlier first."""
    here = stop.line - 1
    if not 0 <= here < len(stop.lines):
        return []
    before = _content_before(stop.lines, here)
    return [before, here] if before is not None else [here]


def _content_before(lines: list[str], index: int) -> int | None:
    """The last line before `index` (0-based) with something other than a comment on it."""
    for before in range(min(index, len(lines)) - 1, -1, -1):
        stripped = lines[before].strip(" \t")
        if stripped and not stripped.startswith("#"):
            return before
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _within(text: str, mark: Any) -> tuple[int, int]:
    """The 1-based line and column of a mark; at the end of a file that does not end with a line break
    (a file cut short: `    evide` as its last line), the end of that last line, where the reader
    puts a line the file does not have, and that no editor or pull request can show."""
    line, column = mark.line + 1, mark.column + 1
    if mark.index < len(text) or column > 1 or not text or text[-1] in _BREAKS:
        return line, column
    return line - 1, len(text) - max(text.rfind(char) for char in _BREAKS)


_BREAKS = "\n\r\x85\u2028\u2029"
"""The characters a YAML reader ends a line at."""


def _char_at(stop: _Stop, line: int, column: int) -> str:
    if 0 < line <= len(stop.lines) and 0 < column <= len(stop.lines[line - 1]):
        return stop.lines[line - 1][column - 1]
    return ""
