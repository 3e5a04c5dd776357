"""Wording shared by every output, kept free of heavy imports so the fastest paths can use it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from coalition_cli import __version__

if TYPE_CHECKING:
    import datetime as dt

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""Month names in English, for dates written the same in every locale ("14 March 2026")."""


GENERATOR = f"coalition {__version__}"
"""What made a document, as its generator tag (HTML) names it."""
MADE_WITH = f"the coalition self-assessment toolkit, version {__version__}"
"""What made a document, as its reader sees it ("Prepared with …"): the tool's name alone, "coalition",
would read as the coalition."""


def long_date(day: dt.date) -> str:
    """`14 March 2026`: a date as the documents for readers write it (the plan, the summary, the
    register, the roster), the same in every locale; files, JSON and CSV keep ISO dates."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def loose_key(text: str) -> str:
    """Text as two people may write the same name or term: any case, spaces between words single
    ("Riverside  pathways" is "Riverside Pathways")."""
    return " ".join(text.casefold().split())


_QUOTES = "\"'“”‘’„‚«»"


def coalition_key(name: str) -> str:
    """A coalition's name as compared between its files: `loose_key`, and the quotes a word processor
    put around it left off (“Lakeview Pathways” pasted from Word is Lakeview Pathways: validate
    warns about them, and `summary` counted the coalition twice)."""
    return loose_key(name.strip().strip(_QUOTES))


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 indicator`, `4 indicators`."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def fix_them(problems: int) -> str:
    """`fix it` after "has 1 problem", `fix them` after "has 2 problems": the start of a hint."""
    return "fix it" if problems == 1 else "fix them"


def and_list(items: Iterable[str]) -> str:
    """`A`, `A and B`, `A, B and C`."""
    names = list(items)
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


def names_list(items: Iterable[str]) -> str:
    """`and_list` for names that may hold a comma: `A, B and C`, but `A; B; and C` when one does, so
    that "City of Riverside, Office of the Mayor and Riverside Community Foundation" is not read as
    three organizations."""
    names = list(items)
    if len(names) < 2 or not any("," in name for name in names):
        return and_list(names)
    return "; ".join(names[:-1]) + "; and " + names[-1]


def clipped(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut and marked `…` (a chart's label, a line on a web page;
    the terminal's lines are fitted to cells by `cli.output.fitting.fit`)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quoted(text: str, limit: int = 60) -> str:
    """`text` quoted for a message, cut to `limit` characters: a key or a value in a file can be a
    megabyte long, and a message is read on one line."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def value_shown(value: object) -> str:
    """A value read from a file, as a message quotes what it got: text quoted, `true` and `false` as
    YAML writes them, "nothing" for an empty value (not Python's None), "a list" or "a mapping"
    rather than its contents; cut to 40 characters."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")
"""What must never reach a terminal or a log as it is: C0 and C1 control characters (ESC starts the
sequences that set a title, make a link or clear the screen; a line feed starts a new line, which
in a CI log can be a workflow command such as `::add-mask::`), and the invisible characters that
reorder or hide text (bidi controls, zero-width spaces, line and paragraph separators)."""

_UNSAFE_IN_LINES = re.compile(_UNSAFE.pattern.replace("\x00-\x1f", "\x00-\x08\x0b-\x1f"))
"""The same, but for line feeds and tabs: the layout of text of several lines."""

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@cache
def _unseen() -> tuple[re.Pattern[str], dict[int, str | None]]:
    """The control characters but tab, line feed and carriage return (C0, DEL, C1), and the bidi
    controls that reorder what follows them (embeddings, overrides, isolates), as a pattern; and what
    each becomes in a document: a space for those Python takes for one (a form feed copied from a
    PDF stood between two words), else nothing. Made at first use: most commands write no document."""
    codes = (*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))
    replaced = {code: (" " if chr(code).isspace() else None) for code in codes if chr(code) not in "\t\n\r"}
    return re.compile("[" + re.escape("".join(map(chr, replaced))) + "]"), replaced


def for_readers(text: str) -> str:
    """`text` for a document people read (a plan, a report's Markdown): its control characters left
    out. No reader sees them as text (`\\e[31m` from a YAML escape, a NUL, a bell), a terminal that
    shows the file acts on them, and HTML does not allow them; a bidi override shows what follows it
    backwards (evidence that reads otherwise, a link to `fdp.exe` shown as `exe.pdf`). Tabs and line
    breaks stay, and so do the invisible characters that belong to the text of right-to-left and
    joined scripts (the left-to-right and right-to-left marks, zero-width joiners)."""
    pattern, replaced = _unseen()
    return text.translate(replaced) if pattern.search(text) else text


@cache
def _web_address() -> re.Pattern[str]:
    return re.compile(r"(?:https?://|mailto:)[^\s<>\"'`]+", re.IGNORECASE)


def web_address(text: str) -> bool:
    """True for an address a document may link to: http, https or mailto, and nothing in it that could
    hide where it leads (a space, a quote or bracket, or what `printable` escapes: a control or
    invisible character)."""
    return _web_address().fullmatch(text) is not None and not _UNSAFE.search(text)


def printable(text: str, *, newlines: bool = False) -> str:
    """`text` safe to print: every control or invisible character shown as an escape (`\\x1b`,
    `\\n`, `\\u202e`), as Python's repr shows it. With `newlines`, line feeds and tabs are kept (a
    table cell, a CSV cell or a message of several lines); never in a line that must stay one line
    (a problem line of validate's text output, which a CI log shows)."""
    pattern = _UNSAFE_IN_LINES if newlines else _UNSAFE
    return pattern.sub(_escaped, text) if pattern.search(text) else text
