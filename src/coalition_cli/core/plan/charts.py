"""The HTML plan's charts: domain score bars (inline SVG) and a stage heatmap of the indicators (HTML).

The bars are a self-contained `<svg role="img">` with a title and a description, drawn from the
plan's plain data; every text in it is escaped. Colour never carries meaning alone: cells and bars
also carry the stage's name or the score, and the plan repeats the numbers in tables.

Drawn to be read on a phone and on paper:

- The bars' scale runs from the rubric's first stage to its top stage (a score cannot be below the
  first stage, so a scale from 0 would make every score look larger than it is): the first gridline
  is the first stage, and every bar starts there.
- Gridlines run only beside the bars, never through a label; each domain's name and score sit on a
  line of their own above its bars.
- The earlier term (`--since`) has a bar of its own under the current one, so an unchanged domain
  shows both; a score on the first stage still shows a short mark.
- A score from part of its domain's indicators, and a change between terms that rated different
  indicators, say so under the bars in the words of the plan's tables ("1 of 3 rated", "change:
  2 indicators rated in one term only"): a bar alone would show them as the whole domain's.
- The chart is drawn 360 units wide with 12- and 13-unit text, so on a phone's 350 CSS pixels its
  text stays above 11 pixels; the page never scales it above its natural size by more than a third.
- The heatmap is HTML, not SVG: each cell names its indicator and wraps on a phone, and prints whole.

Stage colours run from light to dark blue, interpolated for any number of stages; each fill gets the
text colour (near-black or white) with the higher WCAG contrast, which is always at least 4.5:1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from coalition_cli.core.plan.context import StageInfo
from coalition_cli.core.wording import clipped

if TYPE_CHECKING:
    from coalition_cli.core.model.framework import Framework
    from coalition_cli.core.plan.context import DomainStanding, Glance, Standing

LIGHT = (0xDB, 0xE9, 0xF6)
DARK = (0x08, 0x30, 0x6B)
INK = "#111827"
PAPER = "#ffffff"
MUTED = "#4b5563"
NOW = "#3b6fb6"
"""The current term's bars (5:1 against white, as graphics need 3:1)."""
BEFORE = "#6b7280"
"""The earlier term's thinner bars (4.8:1 against white)."""
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def _hex(rgb: Sequence[float]) -> str:
    return "#" + "".join(f"{round(channel):02x}" for channel in rgb)


def _luminance(colour: str) -> float:
    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two `#rrggbb` colours (1 to 21)."""
    a, b = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def stage_palette(framework: Framework) -> tuple[StageInfo, ...]:
    """Each stage with its fill (light for the first stage, dark for the top) and a readable text colour."""
    count = len(framework.stages)
    result = []
    for index, stage in enumerate(framework.stages):
        t = index / (count - 1) if count > 1 else 1.0
        fill = _hex([light + (dark - light) * t for light, dark in zip(LIGHT, DARK, strict=True)])
        text = INK if contrast(fill, INK) >= contrast(fill, PAPER) else PAPER
        result.append(StageInfo(number=stage.number, name=stage.name, fill=fill, text=text))
    return tuple(result)


def _svg(name: str, width: int, height: int, title: str, description: str, body: list[str]) -> Markup:
    head = (
        f'<svg class="chart chart-{name}" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-labelledby="{name}-title {name}-desc" font-family="{escape(FONT)}" font-size="13">'
        f'<title id="{name}-title">{escape(title)}</title><desc id="{name}-desc">{escape(description)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")


def _text(x: float, y: float, content: str, **attributes: str | float) -> str:
    extra = "".join(f' {key.replace("_", "-")}="{escape(str(value))}"' for key, value in attributes.items())
    return f'<text x="{x:g}" y="{y:g}"{extra}>{escape(content)}</text>'


def _width(text: str, size: float) -> float:
    """A generous estimate of a text's width in a sans-serif font (0.6 em a character)."""
    return len(text) * size * 0.6


WIDTH = 360
"""The bars' width in SVG units: a phone's column (350 CSS pixels) shows the text at about its size."""
MIN_MARK = 3.0
"""The width of a bar whose score sits on the first stage: short, but there."""


def domain_bars(standing: Standing, stages: Sequence[StageInfo], current_label: str = "") -> Markup:
    """One bar per domain on the rubric's scale (first stage to top stage); with `--since`, a thinner
    bar under it for the earlier score."""
    left, right = 12.0, 12.0
    plot = WIDTH - left - right
    first, top = stages[0].number, stages[-1].number
    since = standing.since

    def x(value: float) -> float:
        if top == first:
            return left + plot
        return left + plot * (value - first) / (top - first)

    rows = _label_rows(stages, x, 12)
    axis = 20 + 15 * rows
    row = 50 if since else 42
    body: list[str] = []
    y = axis
    for index, stage in enumerate(stages):
        gx = x(stage.number)
        anchor = _anchor(index, len(stages))
        body.append(_text(gx, 14, str(stage.number), font_weight="bold", fill=INK, text_anchor=anchor))
        if rows:
            body.append(
                _text(gx, 29 + 14 * (index % rows), stage.name, fill=MUTED, font_size=12, text_anchor=anchor)
            )
    for domain in standing.domains:
        notes = domain_notes(domain)
        score = f"{domain.score_text} ({domain.change_text})" if domain.change_text else domain.score_text
        room = plot - _width(score, 13) - 8
        name = f"{domain.id} {domain.name}"
        body.append(_text(left, y + 14, clipped(name, max(int(room / (13 * 0.6)), 8)), fill=INK))
        body.append(_text(WIDTH - right, y + 14, score, fill=INK, font_weight="bold", text_anchor="end"))
        lane_top, lane_bottom = y + 19, y + (44 if since else 38)
        for stage in stages:
            gx = x(stage.number)
            body.append(
                f'<line class="grid" data-stage="{stage.number}" x1="{gx:.1f}" y1="{lane_top}" '
                f'x2="{gx:.1f}" y2="{lane_bottom}" stroke="#9ca3af" stroke-dasharray="2 2"/>'
            )
        if domain.score is None or domain.stage is None:
            body.append(
                _text(left + 4, y + 33, "not rated yet", fill=MUTED, font_style="italic", font_size=12)
            )
        else:
            body.append(
                _bar("bar", domain.id, x(first), y + 21, max(x(domain.score) - x(first), MIN_MARK), 16, NOW)
            )
            if domain.previous_score is not None:
                width = max(x(domain.previous_score) - x(first), MIN_MARK)
                body.append(_bar("bar-before", domain.id, x(first), y + 39, width, 5, BEFORE))
        for line, note in enumerate(notes):
            body.append(_text(left, lane_bottom + 14 + NOTE_LINE * line, note, fill=MUTED, font_size=12))
        y += row + NOTE_LINE * len(notes)
    height = y + (24 if since else 4)
    if since:
        # the key: both terms on one line when their names fit, else one a line ("Spring 2026
        # steering committee retreat" beside "Fall 2025 kickoff" ran off the chart), each clipped
        # to the chart's width
        fits = int((plot - 20) / (12 * 0.6))
        now_label, then_label = clipped(current_label or "now", fits), clipped(since.label, fits)
        later = left + 32 + _width(now_label, 12)
        one_line = later + 20 + _width(then_label, 12) <= WIDTH - right
        height += 0 if one_line else 16
        ly = height - (10 if one_line else 26)
        body.append(_bar("key", "now", left, ly - 9, 14, 10, NOW))
        body.append(_text(left + 20, ly, now_label, fill=INK, font_size=12))
        kx, ky = (later, ly) if one_line else (left, ly + 16)
        body.append(_bar("key", "before", kx, ky - 6, 14, 5, BEFORE))
        body.append(_text(kx + 20, ky, then_label, fill=INK, font_size=12))
    description = "; ".join(
        f"{d.name}: {d.score_text}"
        + (f" ({d.change_text} since {since.label})" if since and d.change_text else "")
        + "".join(f", {note}" for note in domain_notes(d))
        for d in standing.domains
    )
    names = ", ".join(f"{stage.number} {stage.name}" for stage in stages)
    title = f"Domain scores on the rubric's scale, from stage {first} to stage {top} ({names})"
    return _svg("domain-bars", WIDTH, height, title, description + ".", body)


NOTE_LINE = 15
"""The height of a line of notes under a domain's bars."""


def domain_notes(domain: DomainStanding) -> list[str]:
    """What the plan's tables say beside a domain's score and change, said under its bars: "1 of 3
    rated" (`DomainStanding.score_note`) and "change: 2 indicators rated in one term only"
    (`change_note`), each on a line of its own; none when the score comes from all its indicators."""
    notes = [domain.score_note] if domain.score_note else []
    if domain.change_note:
        notes.append(f"change: {domain.change_note}")
    return notes


def _anchor(index: int, count: int) -> str:
    """Stage labels sit centred on their gridline; the first starts at it and the last ends at it."""
    return "start" if index == 0 else "end" if index == count - 1 else "middle"


def _label_rows(stages: Sequence[StageInfo], x: Callable[[float], float], size: float) -> int:
    """How many rows the stage names need so that none overlaps another: 1, or 2 (staggered), or 0
    (too many stages for their names: numbers only, the names are in the chart's title)."""
    spans = []
    for index, stage in enumerate(stages):
        width, gx = _width(stage.name, size), x(stage.number)
        anchor = _anchor(index, len(stages))
        start = gx if anchor == "start" else gx - width if anchor == "end" else gx - width / 2
        spans.append((start, start + width))
    for rows in (1, 2):
        if all(
            spans[i][1] + 6 <= spans[j][0]
            for i in range(len(spans))
            for j in range(i + rows, len(spans), rows)
            if j - i == rows
        ):
            return rows
    return 0


def _bar(kind: str, name: str, x: float, y: float, width: float, height: float, fill: str) -> str:
    return (
        f'<rect class="{kind}" data-for="{escape(name)}" x="{x:.1f}" y="{y:g}" width="{width:.1f}" '
        f'height="{height:g}" fill="{fill}" stroke="{INK}" stroke-width="0.75"/>'
    )


def stage_heatmap(glance: Sequence[Glance], domains: Sequence[DomainStanding]) -> Markup:
    """Every indicator as a cell in its domain's row, coloured and labelled by its stage, naming it."""
    rows = []
    for domain in domains:
        cells = []
        for cell in (g for g in glance if g.domain_id == domain.id):
            stage = f"stage-{cell.stage}" if cell.stage is not None else "stage-none"
            change = ""
            if cell.change is not None and cell.change.kind in ("advanced", "declined", "newly rated"):
                change = f' <span class="cell-change">{escape(cell.change.change_text)}</span>'
            status = escape(cell.stage_name) if cell.stage_name else "not rated"
            cells.append(
                f'<li class="cell {stage}"><span class="cell-id">{escape(cell.id)}</span> '
                f'<span class="cell-name">{escape(cell.name)}</span> '
                f'<span class="cell-stage">{status}{change}</span></li>'
            )
        rows.append(
            f'<div class="heatmap-row"><p class="heatmap-domain">{escape(domain.id)} {escape(domain.name)}</p>'
            f'<ul class="heatmap-cells">{"".join(cells)}</ul></div>'
        )
    return Markup(f'<div class="heatmap">{"".join(rows)}</div>')
