"""Inline SVG charts for the HTML plan: domain score bars and a stage heatmap of the indicators.

Each chart is a self-contained `<svg role="img">` with a title and a description, drawn from the
plan's plain data; every text in it is escaped. Colour never carries meaning alone: cells and bars
also carry the stage's name or the score, and the plan repeats the numbers in tables.

Stage colours run from light to dark blue, interpolated for any number of stages; each fill gets the
text colour (near-black or white) with the higher WCAG contrast, which is always at least 4.5:1.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from coalition_cli.core.plan.context import StageInfo
from coalition_cli.core.wording import plural

if TYPE_CHECKING:
    from coalition_cli.core.model.framework import Framework
    from coalition_cli.core.plan.context import DomainPlan, Glance, Standing

LIGHT = (0xDB, 0xE9, 0xF6)
DARK = (0x08, 0x30, 0x6B)
INK = "#111827"
PAPER = "#ffffff"
MUTED = "#4b5563"
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


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def domain_bars(standing: Standing, stages: Sequence[StageInfo]) -> Markup:
    """One horizontal bar per domain, its length the domain's score; a tick marks the `--since` score."""
    width, left, right, top_pad, row = 760, 16, 190, 44, 46
    top = standing.top_stage
    plot = width - left - right

    def x(value: float) -> float:
        return left + plot * value / top

    since = standing.since
    height = top_pad + row * len(standing.domains) + (26 if since else 6)
    body: list[str] = []
    for stage in stages:
        gx = x(stage.number)
        body.append(
            f'<line x1="{gx:g}" y1="30" x2="{gx:g}" y2="{height - (26 if since else 6):g}" stroke="#9ca3af" stroke-dasharray="3 3"/>'
        )
        body.append(_text(gx + 4, 14, f"{stage.number}", font_weight="bold", fill=INK))
        body.append(_text(gx + 4, 28, _clip(stage.name, 16), fill=MUTED, font_size=12))
    colours = {stage.number: stage for stage in stages}
    for index, domain in enumerate(standing.domains):
        y = top_pad + row * index
        body.append(_text(left, y + 12, _clip(f"{domain.id} {domain.name}", 60), fill=INK))
        if domain.score is None or domain.stage is None:
            body.append(_text(left, y + 32, "not rated yet", fill=MUTED, font_style="italic"))
            continue
        stage = colours[domain.stage]
        body.append(
            f'<rect x="{left}" y="{y + 18}" width="{x(domain.score) - left:.1f}" height="18" fill="{stage.fill}" '
            f'stroke="{INK}" stroke-width="0.75"/>'
        )
        label = f"{domain.score_text} {domain.stage_name}"
        if domain.change_text:
            label += f" ({domain.change_text})"
        body.append(_text(x(domain.score) + 6, y + 32, label, fill=INK))
        if domain.previous_score is not None:
            px = x(domain.previous_score)
            body.append(
                f'<line x1="{px:.1f}" y1="{y + 14}" x2="{px:.1f}" y2="{y + 40}" stroke="{INK}" stroke-width="2.5"/>'
            )
    description = "; ".join(
        f"{d.name}: {d.score_text}"
        + (f" ({d.change_text} since {since.label})" if since and d.change_text else "")
        for d in standing.domains
    )
    if since:
        ly = height - 10
        body.append(
            f'<line x1="{left}" y1="{ly - 10}" x2="{left}" y2="{ly + 4}" stroke="{INK}" stroke-width="2.5"/>'
        )
        body.append(
            _text(
                left + 8, ly, f"score at {since.label} ({since.assessed_on_long})", fill=MUTED, font_size=12
            )
        )
    title = f"Domain scores on a scale of 1 to {top}"
    return _svg("domain-bars", width, height, title, description + ".", body)


def stage_heatmap(
    glance: Sequence[Glance], domains: Sequence[DomainPlan], stages: Sequence[StageInfo]
) -> Markup:
    """A row per domain, a cell per indicator, coloured and labelled by its stage."""
    label_w, cell_w, cell_h, gap, top_pad = 250, 104, 46, 4, 6
    rows = [[g for g in glance if g.domain_id == d.id] for d in domains]
    columns = max((len(r) for r in rows), default=1)
    width = label_w + columns * (cell_w + gap)
    legend_y = top_pad + len(rows) * (cell_h + gap) + 8
    height = legend_y + 30
    colours = {stage.number: stage for stage in stages}
    body: list[str] = []
    for r, (domain, cells) in enumerate(zip(domains, rows, strict=True)):
        y = top_pad + r * (cell_h + gap)
        body.append(_text(0, y + cell_h / 2 + 5, _clip(f"{domain.id} {domain.name}", 34), fill=INK))
        for c, cell in enumerate(cells):
            x = label_w + c * (cell_w + gap)
            stage = colours.get(cell.stage) if cell.stage is not None else None
            fill, ink = (stage.fill, stage.text) if stage else (PAPER, INK)
            dash = "" if stage else ' stroke-dasharray="4 3"'
            tooltip = f"{cell.id} {cell.name}: " + (
                f"{cell.stage_name} (stage {cell.stage})" if stage else "not rated yet"
            )
            body.append(
                f'<g><title>{escape(tooltip)}</title><rect x="{x}" y="{y}" width="{cell_w}" height="{cell_h}" rx="4" '
                f'fill="{fill}" stroke="{INK}" stroke-width="0.75"{dash}/>'
            )
            body.append(_text(x + 8, y + 19, _clip(cell.id, 10), fill=ink, font_weight="bold"))
            if cell.change is not None and cell.change.kind in ("advanced", "declined", "newly rated"):
                body.append(
                    _text(
                        x + cell_w - 6,
                        y + 19,
                        cell.change.change_text,
                        fill=ink,
                        text_anchor="end",
                        font_size=12,
                    )
                )
            status = _clip(cell.stage_name, 14) if stage and cell.stage_name else "not rated"
            body.append(_text(x + 8, y + 37, status, fill=ink, font_size=12) + "</g>")
    x = 0
    for stage in stages:
        body.append(
            f'<rect x="{x}" y="{legend_y}" width="16" height="16" fill="{stage.fill}" stroke="{INK}" stroke-width="0.75"/>'
        )
        body.append(
            _text(x + 22, legend_y + 13, f"{stage.number} {_clip(stage.name, 14)}", fill=INK, font_size=12)
        )
        x += 140
    body.append(
        f'<rect x="{x}" y="{legend_y}" width="16" height="16" fill="{PAPER}" stroke="{INK}" stroke-width="0.75" stroke-dasharray="4 3"/>'
    )
    body.append(_text(x + 22, legend_y + 13, "not rated", fill=INK, font_size=12))
    rated = [g for g in glance if g.stage is not None]
    description = f"{len(rated)} of {plural(len(glance), 'indicator')} rated. " + "; ".join(
        f"{g.id}: {g.stage_name or 'not rated'}" for g in glance
    )
    return _svg(
        "stage-heatmap",
        max(width, x + 120),
        height,
        "Stage of each indicator, by domain",
        description + ".",
        body,
    )
