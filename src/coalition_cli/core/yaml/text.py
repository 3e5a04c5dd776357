"""Writing YAML by hand: user text as a scalar or as comment lines, read back exactly as written.

`init` and `consensus` write whole files line by line, and `editing` splices values into a file;
all three take their text from people (coalition names, evidence, a rater's notes), so a name with
a line break, a `#` or a Unicode line separator must never turn into YAML of its own. The C and the
pure-Python parsers disagree on some characters (NEL, U+2028, U+2029, a byte-order mark), so those
are only ever written as double-quoted escapes, never as themselves.
"""

from __future__ import annotations

import re
import textwrap
from typing import Literal

Style = Literal["plain", "single", "double"]

COMMENT_WIDTH = 100
"""Comment lines we write stay within this many characters (the rubric, a rater's evidence)."""

_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}
"""Words a YAML 1.1 or 1.2 reader takes for a boolean or null when written plain."""
_PLAIN = re.compile(r"""(?:\.{0,2}/)?[^\W\d_](?:[\w .,;'’"()/&+=*%@$~!?-]*[\w.)’"%!?])?""")
"""A letter first (no indicator, number or date), or a path (`../rubric.yaml`); no `:` or `#`
(`: ` and ` #` end a plain value), no space at the end: "Chair; co-chair", "Sign the MOU!"."""
_PLAIN_IN_FLOW = re.compile(r"""(?:\.{0,2}/)?[^\W\d_](?:[\w .;'’"()/&+=*%@$~!-]*[\w.)’"%!])?""")
"""As `_PLAIN`, without the comma that ends a value inside `{...}` or `[...]`, or a question mark
(the C parser reads `a?` there as the start of a key)."""
_NOT_ITSELF = "\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff"
"""Beside the control characters below U+0020 (tab and line feed among them), the characters some
parser does not read as themselves: the other control characters (NEL among them), the line and
paragraph separators U+2028 and U+2029, lone surrogates, the byte-order mark and the non-characters
U+FFFE and U+FFFF. Every other character is read as itself. (The classes below are written as "none
of these" rather than as the ranges of all the others, which say the same but take the regular
expression compiler 2-3 ms each, in every `init`, `rate` and `consensus`.)"""
_ONE_LINE = re.compile(f"[^\x00-\x1f{_NOT_ITSELF}]*")
"""What single quotes can hold."""
_LINES = re.compile(f"[^\x00-\x08\x0b-\x1f{_NOT_ITSELF}]*")
"""What a literal block can hold (a tab opening a line aside): as single quotes, and tabs and line feeds."""
_NOT_AS_ITSELF = re.compile(f"[\x00-\x1f{_NOT_ITSELF}]")
"""Escaped in double quotes; a space in a comment (where line breaks are split off first)."""
LINE_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
"""Every sequence a YAML parser (C or pure Python) ends a line at."""
_BREAK_ESCAPES = {"\r\n": "\\r\\n", "\r": "\\r", "\n": "\\n", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}
"""Line breaks as double-quoted escapes, so each is read back as the same character."""


def style(text: str, *, flow: bool = False) -> Style:
    """How one line of user text must be quoted: plain where that is unambiguous, else single quotes
    where every character can stand as itself, else double quotes with escapes.

    `flow`: the value goes inside `{...}` or `[...]`, where a comma ends a plain value.
    """
    plain = _PLAIN_IN_FLOW if flow else _PLAIN
    if plain.fullmatch(text) and text.casefold() not in _RESERVED:
        return "plain"
    return "single" if _ONE_LINE.fullmatch(text) else "double"


def scalar(text: str) -> str:
    """A YAML scalar on one line that any parser reads back as `text` (any text UTF-8 can hold)."""
    chosen = style(text)
    if chosen == "plain":
        return text
    if chosen == "single":
        return "'" + text.replace("'", "''") + "'"
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = LINE_BREAKS.sub(lambda m: _BREAK_ESCAPES[m.group()], escaped)
    escaped = _NOT_AS_ITSELF.sub(
        lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) <= 0xFFFF else f"\\U{ord(m.group()):08x}",
        escaped,
    )
    return f'"{escaped}"'


def typed_in_quotes(text: str) -> str:
    """One line of text in quotes, as someone editing the file would type it: in double quotes, which
    an apostrophe does not end ("the board's minutes"); as `scalar` quotes it when double quotes
    cannot hold it as it is (a `"` or a backslash, which they read as an escape, or a character only
    an escape can carry)."""
    if '"' in text or "\\" in text or not _ONE_LINE.fullmatch(text):
        written = scalar(text)
        return written if written[:1] in ("'", '"') else "'" + text.replace("'", "''") + "'"
    return f'"{text}"'


def fits_literal_block(text: str) -> bool:
    """Whether several lines of text can be written as a `|-` block and read back the same.

    A block cannot hold blank lines around the text, spaces at the end of a line, a tab opening a
    line, or any character that only an escape can carry.
    """
    if not _LINES.fullmatch(text) or text != text.strip("\n"):
        return False
    return all(line == line.rstrip() and not line.startswith("\t") for line in text.split("\n"))


def fold_points(text: str, width: int) -> list[int] | None:
    """Where one line of text breaks to be written as a folded block (`>-`) of lines of at most
    `width` characters (a word longer than that gets a line of its own), so that a reader joins it
    back the same: only at a single space between two words (not beside a no-break space). None when a folded block cannot hold
    it as it is (a line break, a tab, a space at either end, a character only an escape can carry)."""
    if not text or text != text.strip(" ") or "\t" in text or not _ONE_LINE.fullmatch(text):
        return None
    points: list[int] = []
    start, previous = 0, -1
    for index in range(1, len(text) - 1):
        if text[index] != " " or text[index - 1].isspace() or text[index + 1].isspace():
            continue
        if index - start > width and previous >= start:
            points.append(previous)
            start = previous + 1
        previous = index
    if len(text) - start > width and previous >= start:
        points.append(previous)
    return points


def comment_lines(text: str, indent: str, *, first: str = "", rest: str = "") -> list[str]:
    """Text as YAML comment lines within `COMMENT_WIDTH`: wrapped between words, every line break kept as a
    new comment line, and nothing YAML would refuse or read as a line break inside a comment."""
    lines: list[str] = []
    prefix = first
    for paragraph in LINE_BREAKS.split(text):
        paragraph = _NOT_AS_ITSELF.sub(" ", paragraph)
        wrapped = textwrap.wrap(
            paragraph,
            width=max(COMMENT_WIDTH - len(indent) - 2, len(first) + 1, len(rest) + 1),
            initial_indent=prefix,
            subsequent_indent=rest,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [prefix]
        lines += [f"{indent}# {piece}".rstrip() for piece in wrapped]
        prefix = rest
    return lines
