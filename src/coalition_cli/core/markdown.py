"""Markdown text: user text made literal, for the reports' Markdown and the plan's templates alike.

`markdown_escape` is the one escaper. What a person wrote (a coalition's name, a file name, evidence)
shows as exactly that text in GitHub-flavoured Markdown: nothing in it can start emphasis, code, a
link, raw HTML, strikethrough, a table cell or a block. Its control characters, which no reader sees
and a terminal acts on, are left out (`wording.for_readers`). The other helpers build Markdown on purpose
(paragraphs, a code span, a link) and mark their result as `MarkdownText`, which the escaper leaves
alone, so a value is never escaped twice.
"""

from __future__ import annotations

import re
from functools import lru_cache

from coalition_cli.core.wording import for_readers, web_address

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_AS_ENTITIES = str.maketrans(
    {
        "<": "&lt;",
        ">": "&gt;",
        "\\": "\\\\",
        "|": "\\|",
        "*": "\\*",
        "_": "\\_",
        "`": "\\`",
        "[": "\\[",
        "]": "\\]",
        "~": "\\~",
    }
)
_LINE_START = re.compile(r"^(\s*)(#|[+=-](?=[\s+=-]|$)|\d{1,9}[.)](?=\s|$))")
_CLOSING_HASHES = re.compile(r"(?<=[ \t])#(?=#*[ \t]*$)")
_SPACE = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"\r|\n")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_INERT = re.compile(r"(?:[^\W_]|[,;:'’\"()!?%/@.—–])+(?: (?:[^\W_]|[,;:'’\"()!?%/@.—–])+)*")
"""Words (letters and digits) and punctuation that mean nothing to Markdown, one space apart: every
step of the escape leaves such text as it is (but a list number at its start, `_LINE_START`)."""


class MarkdownText(str):
    """Text that is already Markdown: `markdown_escape` returns it as it is."""

    __slots__ = ()


def markdown_escape(value: object, *, exact_spacing: bool = False, entities: bool = False) -> MarkdownText:
    """User text as inline GitHub Markdown that shows exactly the text: one line, nothing active.

    Escapes what would start emphasis, code, links, raw HTML, a table cell (`|`) or strikethrough,
    a leading `#`, `-`, `+`, `=` or `1.` that could open a block (a heading, a list, a rule), and a
    trailing ` #` that would close a heading (and vanish), so the text is safe in a paragraph, a
    heading, a list item or a table cell. Line breaks become
    spaces. An already-Markdown value (`MarkdownText`) is returned as it is.

    Two choices differ between the documents, on purpose:

    - `exact_spacing`: keep every space and tab as written (a report's cell shows a file or a
      coalition name exactly: two spaces are not one). Without it, runs of whitespace fold into one
      space, so a YAML block of evidence reads as one line and can never indent a code block inside
      a list item (the plan's templates).
    - `entities`: write `<` and `>` as HTML entities, which every Markdown renderer reads (the
      reports' Markdown is pasted into issue trackers, wikis and chat tools). Without it they get a
      backslash, which GitHub reads and which keeps the plan's source readable for the people who
      review it in git. Both render as the same text. Either way an `&` is escaped only where it
      would start an entity (`&amp;` becomes `&amp;amp;` or `\\&amp;`): "Parents & Families" stays
      as written, also where the Markdown is read as plain text (pasted into an email).
    """
    if isinstance(value, MarkdownText):
        return value
    return _escaped(str(value), exact_spacing, entities)


@lru_cache(maxsize=4096)
def _escaped(text: str, exact_spacing: bool, entities: bool) -> MarkdownText:
    """`markdown_escape` of a text: a plan escapes a few hundred texts over a thousand times (stage
    and domain names, dates), so each is escaped once; and words with single spaces and punctuation
    that means nothing to Markdown (most of them) are already their own escape."""
    if _INERT.fullmatch(text) and not _LINE_START.match(text):
        return MarkdownText(text)
    return _escape(text, exact_spacing, entities)


def _escape(text: str, exact_spacing: bool, entities: bool) -> MarkdownText:
    """Every step of the escape (`markdown_escape` says what each is for)."""
    text = for_readers(text)
    text = _LINE_BREAK.sub(" ", text) if exact_spacing else _SPACE.sub(" ", text)
    if entities:
        text = _ENTITY.sub("&amp;", text).translate(_AS_ENTITIES)
    else:
        text = _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", text))
    match = _LINE_START.match(text)
    if match:
        marker = match.group(2)
        escaped = marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker
        text = match.group(1) + escaped + text[match.end() :]
    return MarkdownText(_CLOSING_HASHES.sub(r"\\#", text, count=1))


def markdown_paragraphs(value: object, indent: int = 0) -> MarkdownText:
    """User text as escaped Markdown paragraphs (split at blank lines), indented for list items.

    A single line break inside a paragraph stays a line break (a GFM hard break, `\\` at the end of
    the line), so evidence written as a list of lines reads as one.
    """
    margin = " " * indent
    paragraphs = []
    for part in _PARAGRAPH_BREAK.split(for_readers(str(value))):  # (a form feed: a space, not a line break)
        lines = [markdown_escape(line.strip()) for line in part.splitlines() if line.strip()]
        if lines:
            paragraphs.append(("\\\n" + margin).join(lines))
    return MarkdownText(("\n\n" + margin).join(paragraphs))


def markdown_code(value: object) -> MarkdownText:
    """Text as a code span, fenced with enough backticks for the backticks it holds."""
    text = _SPACE.sub(" ", for_readers(str(value))).strip()
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return MarkdownText(f"{fence}{pad}{text}{pad}{fence}")


def markdown_link(text: object, href: object = None) -> MarkdownText:
    """A link when `href` is a web address a document may link to (`wording.web_address`: http, https or
    mailto, nothing in it that could hide where it leads); else the text, as a coalition's template may
    pass any value."""
    if not isinstance(href, str) or not web_address(href):
        return markdown_escape(text)
    if str(text) == href:
        return MarkdownText(f"<{href}>")
    return MarkdownText(f"[{markdown_escape(text)}](<{href}>)")
