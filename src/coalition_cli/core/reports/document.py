"""Reports as plain data: headings, lines and tables of cells that the CLI renders as Rich or Markdown.

Every report (`reports.report.Report`) gives its `document()` in these blocks, free of any terminal
concern; the CLI's `table` and `md` formats (`cli/output/formats/`) draw it as Rich tables or GitHub
Markdown. Cells carry meaning (a stage, good news, bad news), not colours.
The text helpers keep wording the same everywhere: "2.50 Developing", "2 Developing", "not rated".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import KW_ONLY
from fractions import Fraction
from typing import Literal

from coalition_cli.core.frozen import frozen
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.scoring import DomainScore, Scorecard, shown, stage_of
from coalition_cli.core.wording import plural

Tone = Literal["good", "bad", "warn", "muted", "strong"]
Align = Literal["left", "right", "center"]

NOT_RATED = "not rated"
NO_VALUE = "—"


@frozen
class Cell:
    """One table cell: its text, and what it means for colour (a tone, or a stage out of `top`)."""

    text: str
    _: KW_ONLY
    tone: Tone | None = None
    stage: int | None = None
    top: int = 0
    fill: bool = False
    """Colour the background by stage (a heatmap) rather than the text."""
    note: str = ""
    """A few words said beside the text (`1 of 3`: how many indicators a score comes from): under it on
    a terminal, where a table must fit 80 columns, and in brackets after it in Markdown."""


@frozen
class Column:
    """A table's column: its header, and how its values are aligned and wrapped."""

    header: str
    _: KW_ONLY
    align: Align = "left"
    nowrap: bool = False
    narrow: bool = False
    """Short values under a long header: on a terminal the header takes a line per word."""


@frozen(kw_only=True)
class Table:
    """A table of a report: the same rows printed in a terminal, Markdown, HTML or CSV."""

    title: str | None
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


@frozen
class Heading:
    """A heading of a report: level 1 for the report's title, 2 and 3 for its sections."""

    text: str
    _: KW_ONLY
    level: int = 1


@frozen
class Line:
    """A line of text in a report, with a tone for colour; `item`: one item of a list (lines in a row
    make one list: Markdown's `- `, an indented `- ` on a terminal)."""

    text: str
    _: KW_ONLY
    tone: Tone | None = None
    item: bool = False


Block = Heading | Line | Table
Document = list[Block]


def table(title: str | None, columns: Sequence[Column | str], rows: Iterable[Sequence[Cell | str]]) -> Table:
    """A table; plain strings become left-aligned columns and unstyled cells."""
    return Table(
        title=title,
        columns=tuple(c if isinstance(c, Column) else Column(c) for c in columns),
        rows=tuple(tuple(c if isinstance(c, Cell) else Cell(c) for c in row) for row in rows),
    )


def stage_text(framework: Framework, stage: int | None) -> str:
    """`2 Developing`, or `not rated`."""
    return NOT_RATED if stage is None else f"{stage} {framework.stage_name(stage)}"


def score_with_stage(framework: Framework, exact: Fraction | None) -> str:
    """A score and the name of its stage, `2.50 Developing`, or `not rated`."""
    stage = stage_of(framework, exact)
    if stage is None:
        return NOT_RATED
    return f"{shown(exact)} {framework.stage_name(stage)}"


FEW_RATED = Fraction(3, 4)
"""A score from fewer than three quarters of the indicators it could count says how many beside it
(`score_from`): a reader takes a headline score for the whole rubric, and 2.83 from 6 of 22 is not that."""


def few_rated(rated: int, total: int) -> bool:
    """True when a score comes from some, but fewer than `FEW_RATED`, of its `total` indicators."""
    return 0 < rated < total * FEW_RATED


def from_few(rated: int, total: int) -> str:
    """`from 6 of 22 indicators` when few are rated (`few_rated`), else "": said beside a score."""
    return f"from {rated} of {plural(total, 'indicator')}" if few_rated(rated, total) else ""


def few_of(rated: int, total: int) -> str:
    """`3 of 4 rated` when some but not all of a domain's indicators are rated, else "": said beside
    a domain's score. A domain has a handful of indicators, so one left out moves its score as much
    as a stage would (C2 at 1.50 with four rated reads 1.67 with its Emerging one left out), and a
    change since last term then compares different indicators."""
    return f"{rated} of {total} rated" if 0 < rated < total else ""


def rated_apart(then: DomainScore | Scorecard, now: DomainScore | Scorecard) -> str:
    """`C2.3 not rated this time`, `C7.2 rated for the first time`, or `3 indicators rated in one term
    only`: said beside a change of a domain's score, or of the overall score, when its two scores come
    from different indicators, so that a score raised by an Emerging rating left out is not read as
    progress; "" when they come from the same ones (or either is missing). `compare`, the plan and
    `summary`'s trends all say it so."""
    before = {i.id for i in then.indicators if i.stage is not None}
    after = {i.id for i in now.indicators if i.stage is not None}
    if before == after or not before or not after:
        return ""
    gone, new = sorted(before - after), sorted(after - before)
    if len(gone) + len(new) > 1:
        return f"{len(gone) + len(new)} indicators rated in one term only"
    return f"{gone[0]} not rated this time" if gone else f"{new[0]} rated for the first time"


def score_from(framework: Framework, exact: Fraction | None, rated: int, total: int) -> str:
    """`2.83 Developing, from 6 of 22 indicators` when few are rated (`few_rated`), else as
    `score_with_stage`: `2.83 Developing`."""
    text = score_with_stage(framework, exact)
    few = from_few(rated, total)
    return f"{text}, {few}" if exact is not None and few else text


def stage_cell(
    framework: Framework, stage: int | None, *, text: str | None = None, fill: bool = False
) -> Cell:
    if stage is None:
        return Cell(text if text is not None else NOT_RATED, tone="muted")
    label = text if text is not None else stage_text(framework, stage)
    return Cell(label, stage=stage, top=framework.top_stage, fill=fill)


def score_cell(
    framework: Framework, exact: Fraction | None, *, text: str | None = None, fill: bool = False
) -> Cell:
    """A score coloured by its stage; `text` overrides the default `2.50 Developing`."""
    stage = stage_of(framework, exact)
    if stage is None:
        return Cell(NOT_RATED if text is None else NO_VALUE, tone="muted")
    return stage_cell(
        framework, stage, text=text if text is not None else score_with_stage(framework, exact), fill=fill
    )


def bar(exact: Fraction | None, top: int, width: int = 10) -> str:
    """A bar as long as the score is high on the rubric's scale, from its first stage (empty) to its
    top one (full), as the plan's chart draws it: `█████░░░░░` for 2.5 of 4 (empty when there is no
    score). A bar from 0 would show the lowest score possible as a quarter full, or half of two stages."""
    if exact is None or top <= 0:
        return "░" * width
    share = Fraction(1) if top == 1 else (exact - 1) / (top - 1)
    filled = min(width, max(0, round(share * width)))
    return "█" * filled + "░" * (width - filled)


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def rated_text(rated: int, total: int) -> str:
    """`20 of 22 (91%)`."""
    return f"{rated} of {total} ({percent(rated, total)})"


def signed(value: Fraction | float, decimals: int = 0) -> str:
    """A change with its sign: `+1`, `−1` (a true minus), `+0.40`, `0`."""
    if value == 0:
        return "0" if decimals == 0 else f"{0:.{decimals}f}"
    text = f"{abs(float(value)):.{decimals}f}"
    return ("+" if value > 0 else "−") + text
