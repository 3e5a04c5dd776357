"""Helpers for the plan tests (no tests here).

- `plan(*args)`: run `coalition plan` from the repository root (so paths in the plan are relative).
- `golden(name, text)`: compare with tests/golden/plan/NAME; `pytest --update-golden` rewrites the file.
- `Outline`: the structure of an HTML document (headings, tables, links, sources, scripts, ids).
- `gfm_tables(markdown)`: the tables of a Markdown document as a real GFM renderer sees them.
- `decode_png(data)`: pixels of a PNG, with the standard library only.
- `command_lines(text)`, `local_paths(text)`: what a document for readers must not hold.
- `riverside_with_actions(folder, added)`: the Riverside example's two terms in a folder, with
  actions added to spring by `coalition rate`, as a coordinator adds them between meetings.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from coalition_cli.cli.app import app
from tests.support.golden import assert_golden
from tests.support.paths import ROOT

FIXTURES = Path("tests/fixtures/plan")
GOLDEN = ROOT / "tests" / "golden" / "plan"
SPRING, FALL, HOSTILE = FIXTURES / "spring.yaml", FIXTURES / "fall.yaml", FIXTURES / "hostile.yaml"
RIVERSIDE = Path("examples/riverside")
RIVERSIDE_SPRING, RIVERSIDE_FALL = RIVERSIDE / "2026-03-spring.yaml", RIVERSIDE / "2025-09-fall.yaml"


_COMMAND_LINE = re.compile(
    r"\bcoalition (?:init|assess|room|rate|validate|score|compare|consensus|summary|plan|roster|schema|framework)"
    r"\b[^\n<]*?(?: --?[a-z]|\.ya?ml\b|\.html?\b)"
)
"""A command line: `coalition <command>` followed on its line by an option or a file (not prose such as
"helping the coalition assess progress", which the Framework writes)."""
_LOCAL_PATH = re.compile(r"[\w./~-]*\.(?:ya?ml|jsonl|json)\b|(?<![\w.])(?:\./|\.\./|~/|/[a-z]+/)[\w./-]+")


def command_lines(text: str) -> list[str]:
    """Every command line in a document, outside its generator marker (an HTML comment)."""
    return _COMMAND_LINE.findall(_without_marker(text))


def local_paths(text: str) -> list[str]:
    """Every file name or local path in a document (assessment, profile and data files, absolute or
    relative folders), outside its generator marker."""
    return [found for found in _LOCAL_PATH.findall(_without_marker(text)) if "://" not in found]


def _without_marker(text: str) -> str:
    from coalition_cli.core.plan.rendering import MARKER

    # the links a coalition recorded are addresses, not local paths
    return re.sub(r"https?://\S+", "", text.replace(MARKER, ""))


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so file names in the plans (and goldens) are relative."""
    monkeypatch.chdir(ROOT)
    return ROOT


def plan(*args: str | Path) -> Result:
    """`coalition plan ARGS`, made on the assessment's own day unless ARGS give `--as-of`: a plan is
    dated (today by default), and these tests must not change with the calendar."""
    words = [str(arg) for arg in args]
    if "--as-of" not in words and words and (day := assessed_on(words[0])) is not None:
        words += ["--as-of", day]
    return CliRunner().invoke(app, ["--no-color", "plan", *words])


def assessed_on(path: str) -> str | None:
    """The `assessed_on:` of an assessment file, as written; None when there is no such file or line."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    found = re.search(r"^assessed_on:\s*['\"]?(\d{4}-\d{2}-\d{2})", text, re.MULTILINE)
    return found.group(1) if found else None


def plan_text(*args: str | Path) -> str:
    result = plan(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


def golden(name: str, text: str) -> None:
    """The text must equal tests/golden/plan/NAME (see tests/support/golden.py)."""
    assert_golden(f"plan/{name}", text)


@dataclass
class Table:
    caption: str = ""
    rows: list[list[tuple[str, dict[str, str | None]]]] = field(default_factory=list)
    """Each row's cells as (tag, attributes): tag is th or td."""
    texts: list[list[str]] = field(default_factory=list)


@dataclass
class Outline(HTMLParser):
    """What the structure checks need from an HTML page."""

    headings: list[tuple[int, str]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    tags: dict[str, int] = field(default_factory=dict)
    urls: list[tuple[str, str, str]] = field(default_factory=list)
    """(tag, attribute, value) for every href and src."""
    ids: list[str] = field(default_factory=list)
    event_handlers: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    _heading: int | None = None
    _text: list[str] = field(default_factory=list)
    _cell: list[str] | None = None
    _caption: bool = False

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        attributes = dict(attrs)
        for name, value in attrs:
            if name in ("href", "src", "xlink:href", "action", "formaction", "poster", "data"):
                self.urls.append((tag, name, value or ""))
            if name.startswith("on"):
                self.event_handlers.append(f"{tag} {name}")
            if name == "id" and value:
                self.ids.append(value)
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self._heading, self._text = int(tag[1]), []
        elif tag == "table":
            self.tables.append(Table())
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
            self.tables[-1].texts.append([])
        elif tag in ("th", "td") and self.tables and self.tables[-1].rows:
            self.tables[-1].rows[-1].append((tag, attributes))
            self._cell = []
        elif tag == "caption":
            self._caption = True

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and tag == f"h{self._heading}":
            self.headings.append((self._heading, " ".join("".join(self._text).split())))
            self._heading = None
        elif tag in ("th", "td") and self._cell is not None and self.tables and self.tables[-1].texts:
            self.tables[-1].texts[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "caption":
            self._caption = False

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._caption and self.tables:
            self.tables[-1].caption += data

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    parser.close()
    return parser


def gfm_tables(markdown: str) -> list[Table]:
    """Render with cmarkgfm (GitHub's own CommonMark + GFM) and read back the tables."""
    import cmarkgfm
    from cmarkgfm.cmark import Options

    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    return outline(html).tables


def gfm_html(markdown: str) -> str:
    import cmarkgfm
    from cmarkgfm.cmark import Options

    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def decode_png(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """(width, height, channels, rows) of an 8-bit, non-interlaced PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width = height = channels = 0
    compressed = b""
    for kind, chunk in _chunks(data):
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and interlace == 0, f"unsupported PNG: depth {depth}, interlace {interlace}"
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
        elif kind == b"IDAT":
            compressed += chunk
    raw = zlib.decompress(compressed)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            line[x] = (line[x] + _predict(kind, left, up, corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def _chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    position = 8
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        yield kind, data[position + 8 : position + 8 + length]
        position += 12 + length


def _predict(kind: int, left: int, up: int, corner: int) -> int:
    if kind == 0:
        return 0
    if kind == 1:
        return left
    if kind == 2:
        return up
    if kind == 3:
        return (left + up) // 2
    estimate = left + up - corner
    distances = (abs(estimate - left), abs(estimate - up), abs(estimate - corner))
    return (
        left
        if distances[0] <= distances[1] and distances[0] <= distances[2]
        else up
        if distances[1] <= distances[2]
        else corner
    )


def riverside_with_actions(folder: Path, added: list[tuple[str, str, str, str]]) -> Path:
    """The Riverside example's terms and profile in `folder`, each (indicator, action, owner, due) in
    `added` added to the spring term by `coalition rate`; the folder."""
    for name in ("2026-03-spring.yaml", "2025-09-fall.yaml", "coalition.yaml"):
        (folder / name).write_bytes((ROOT / "examples" / "riverside" / name).read_bytes())
    spring = folder / "2026-03-spring.yaml"
    for indicator, action, owner, due in added:
        args = ["rate", str(spring), indicator, "--action", action, "--owner", owner, "--due", due]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
    return folder
