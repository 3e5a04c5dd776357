"""The pieces of the full screen: the keys bar, the stage descriptors, and the room's live votes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from coalition_cli.cli.assess.screen.layout import share_rows
from coalition_cli.core.frozen import frozen
from coalition_cli.core.model.framework import Framework, Indicator
from coalition_cli.core.wording import plural

if TYPE_CHECKING:
    from coalition_cli.core.room.tally import LiveTally, Result

LABEL_GAP = 2
"""Spaces between the widest stage name and its descriptor: with one, `4 Transforming The broad-based
coalition…` read as one phrase on a projector."""
LABEL_WIDTH = 2 + len("4 Transforming") + LABEL_GAP
"""`▶ 4 Transforming` and the gap: the widest stage label of the bundled rubric, and the least."""
LABEL_WIDTH_MOST = 27
"""A rubric's longer stage names widen the label column up to this (at 80 columns, 52 are left
for the descriptor); a name longer still is cut in the label and given whole above its descriptor."""


def label_width(framework: Framework) -> int:
    """The label column's width for this rubric: `▶ `, the widest `N name`, and the gap."""
    widest = max(cell_len(f"{stage.number} {stage.name}") for stage in framework.stages)
    return min(max(LABEL_WIDTH, 2 + widest + LABEL_GAP), LABEL_WIDTH_MOST)


class KeyBar(Static):
    """The keys of the screen in front, wrapped onto as many lines as the width needs: on a projector
    every key stays in view (a one-line footer would push some off the right edge)."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        background: $panel;
        color: $text;
        padding: 0 1;
    }
    """

    def __init__(self, lead: Sequence[tuple[str, str]] = (), **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.lead = list(lead)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._show()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self._show()

    def on_resize(self) -> None:
        self._show()

    def _show(self) -> None:
        pairs = list(self.lead)
        seen: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and enabled and binding.action not in seen:
                seen.add(binding.action)
                pairs.append((binding.key_display or self.app.get_key_display(binding), binding.description))
        self.update(key_lines(pairs, self.size.width - 2 if self.size.width > 2 else 78))


def key_lines(pairs: Sequence[tuple[str, str]], width: int) -> Text:
    """`key word` pairs packed into lines of `width`, a pair never parted across two lines."""
    text = Text()
    used = 0
    for key, label in pairs:
        size = cell_len(key) + 2 + 1 + cell_len(label)
        if used and used + 2 + size > width:
            text.append("\n")
            used = 0
        elif used:
            text.append("  ")
            used += 2
        text.append(f" {key} ", style="bold reverse")
        text.append(f" {label}")
        used += size
    return text


@frozen
class StageView:
    """What one stage row shows: its number and name, its descriptor, and whether it is the answer."""

    number: int
    name: str
    text: str
    current: bool = False
    label_width: int = LABEL_WIDTH


def stage_views(framework: Framework, indicator: Indicator, current: int | None) -> list[StageView]:
    width = label_width(framework)
    views = []
    for stage in framework.stages:
        text = "\n".join(indicator.descriptor(stage.number))
        if cell_len(f"{stage.number} {stage.name}") > width - 2 - LABEL_GAP:  # cut in the label: whole here
            text = f"{stage.name}:\n{text}"
        views.append(StageView(stage.number, stage.name, text, stage.number == current, width))
    return views


class StageRow(Horizontal):
    """One stage: its label on the left, its descriptor on the right, scrolled when it is longer than
    the rows it gets (a scroll bar, and `↓ more` under the label, say so)."""

    DEFAULT_CSS = f"""
    StageRow {{
        height: 1;
    }}
    StageRow.-current {{
        background: $primary 35%;
    }}
    StageRow .stage-label {{
        width: {LABEL_WIDTH};
        text-style: bold;
    }}
    StageRow VerticalScroll {{
        width: 1fr;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
    }}
    StageRow VerticalScroll:focus {{
        background: $accent 30%;
    }}
    """

    def __init__(self, view: StageView, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.view = view
        self.cut = False

    def compose(self) -> ComposeResult:
        label = Static(classes="stage-label")
        label.styles.width = self.view.label_width
        yield label
        with VerticalScroll(can_focus=True):
            yield Static(self.view.text, classes="stage-text", markup=False)

    @property
    def label(self) -> Static:
        return self.query_one(".stage-label", Static)

    @property
    def body(self) -> Static:
        return self.query_one(".stage-text", Static)

    @property
    def scroller(self) -> VerticalScroll:
        return self.query_one(VerticalScroll)

    def show(self, view: StageView) -> None:
        self.view = view
        self.set_class(view.current, "-current")
        self.body.update(view.text)
        self.scroller.scroll_home(animate=False)
        self._label()

    def needed_rows(self, width: int) -> int:
        """How many rows the descriptor takes at this width (the label column and scroll bar aside)."""
        text_width = max(width - self.view.label_width - 1, 10)
        return self.body.get_content_height(Size(text_width, 0), Size(text_width, 0), text_width)

    def fit(self, rows: int, needed: int) -> None:
        self.styles.height = rows
        self.cut = needed > rows
        self._label()

    def _label(self) -> None:
        view = self.view
        label = Text(f"{'▶' if view.current else ' '} {view.number} {view.name}")
        rows = self.styles.height.value if self.styles.height is not None else 1
        marked = self.cut and rows < 2  # one row: the mark goes beside the name, which gives way
        label.truncate(view.label_width - LABEL_GAP - (2 if marked else 0), overflow="ellipsis")
        if self.cut:
            label.append(" ↓" if marked else "\n  ↓ more", style="not bold italic")
        self.label.update(label)


class StagesPanel(Vertical):
    """Every stage of the indicator, sharing the rows the screen leaves them (`layout.share_rows`)."""

    DEFAULT_CSS = """
    StagesPanel {
        height: 1fr;
    }
    """

    def __init__(self, views: Sequence[StageView], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._views = list(views)

    def compose(self) -> ComposeResult:
        for view in self._views:
            yield StageRow(view)

    @property
    def rows(self) -> list[StageRow]:
        return list(self.query(StageRow))

    def show(self, views: Sequence[StageView]) -> None:
        self._views = list(views)
        for row, view in zip(self.rows, views, strict=True):
            row.show(view)
        self.call_after_refresh(self.fit)

    def on_resize(self) -> None:
        self.fit()

    def fit(self) -> None:
        rows = self.rows
        if not rows or not self.size.height:
            return
        needs = [row.needed_rows(self.size.width) for row in rows]
        heights = share_rows(needs, self.size.height)
        if sum(needs) + len(needs) - 1 <= self.size.height:  # room to spare: a blank line between stages
            heights = [need + (index < len(needs) - 1) for index, need in enumerate(needs)]
        for row, height, need in zip(rows, heights, needs, strict=True):
            row.fit(height, need)


LiveVotes = Callable[[str], "LiveTally | None"]
"""Where the room line reads the room's live count, seen from the indicator in front (`run.room_votes`:
the `coalition room` session on the same file, while it runs): the count of the indicator the room is
on, which may be another one, or of the one in front while the room has opened none; None when there
is nothing to show."""


class RoomLine(Static):
    """What the room is doing, on one line under where the session stands, refreshed every second:
    which indicator it is voting on when that is not the one in front, how many phones voted while
    voting is open, and once the facilitator revealed it, the room's result in plain words. Shown
    only while a `coalition room` session runs on the file: a closed room takes no row, and says
    nothing that is no longer true."""

    DEFAULT_CSS = """
    RoomLine {
        height: 1;
        padding: 0 1;
        background: $boost;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, votes: LiveVotes, framework: Framework, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.votes, self.framework = votes, framework
        self.indicator: str | None = None
        self.found: LiveTally | None = None

    def on_mount(self) -> None:
        self.display = False
        self.set_interval(1.0, self.refresh_votes)

    def on_resize(self) -> None:
        self._show()

    def follow(self, indicator: str | None) -> None:
        self.indicator = indicator
        self.refresh_votes()

    def refresh_votes(self) -> None:
        self.found = self.votes(self.indicator) if self.indicator else None
        self.display = self.found is not None
        self._show()

    def _show(self) -> None:
        if self.found is not None and self.indicator is not None:
            self.update(room_line(self.framework, self.found, self.indicator, max(self.size.width - 2, 20)))


def room_line(framework: Framework, found: LiveTally, here: str, width: int) -> Text:
    """The room's count in one line of `width`, the longest way of saying it that fits, in words a
    facilitator reads at a glance: about `found` (the indicator the room is on), named when it is not
    `here` (the one on the screen)."""
    ways = _room_ways(framework, found, here)
    head, rest = next((way for way in ways if cell_len(way[0] + way[1]) <= width), ways[-1])
    return Text.assemble(
        (head, "bold"), rest
    )  # bold start only (`Text(head, style=…) + …` is bold throughout)


def _room_ways(framework: Framework, found: LiveTally, here: str) -> list[tuple[str, str]]:
    """Ways of saying what the room is doing, longest first: (the bold start, the rest)."""
    elsewhere = found.indicator != here
    named = framework.named(found.indicator)
    phones = f"{plural(found.voted, 'phone')} voted" if found.voted else "no votes yet"
    unknown = f" ({found.dont_know} don't know)" if found.dont_know else ""
    if found.result is not None:
        starts = [f"The room is on {found.indicator}:", f"The room on {found.indicator}:"]
        return [
            (start, f" {said}")
            for said in _result_ways(framework, found.result)
            for start in (starts if elsewhere else ["The room:"])
        ]
    if found.open:
        if elsewhere:
            return [(f"The room is voting on {named}", f" ({phones}{unknown})"),
                    (f"The room is voting on {found.indicator}", f" ({phones})")]  # fmt: skip
        return [("The room is voting on this indicator:", f" {phones}{unknown}"),
                ("The room is voting:", f" {phones}")]  # fmt: skip
    if not found.current and not found.voted:
        return [("The room", " has not opened an indicator yet")]
    if elsewhere:
        return [(f"The room is on {named}:", f" voting is closed ({phones})"),
                (f"The room is on {found.indicator}:", f" voting is closed ({phones})")]  # fmt: skip
    return [("The room:", f" {phones}{unknown}; voting closed, result not shown yet"),
            ("The room:", f" {phones}{unknown}; voting is closed"),
            ("The room:", f" {phones}; voting is closed")]  # fmt: skip


def _result_ways(framework: Framework, result: Result) -> list[str]:
    """A revealed result, longest first: "3 votes, from 1 Emerging to 3 Advancing; proposed 2
    Developing; discuss first" (the flag is `coalition consensus`'s, as the presenter's)."""
    from coalition_cli.core.reports.consensus import FLAG

    votes = plural(result.voted, "vote")
    unknown = f" ({result.dont_know} don't know)" if result.dont_know else ""
    low, high = result.lowest, result.highest
    if low is None or high is None or result.proposed is None:
        return [f"{votes}, none could say which stage", f"{votes}, all don't know"]
    if low == high:
        return [f"{votes}{unknown}, all for {low.number} {low.name}", f"{votes}, all for {low.number}"]
    proposed = stage_name(framework, result.proposed)
    flag = f"; {FLAG}" if result.flagged else ""
    named = f"from {low.number} {low.name} to {high.number} {high.name}"
    numbers = f"from {low.number} to {high.number}"
    return [
        f"{votes}{unknown}, {named}; proposed {proposed}{flag}",
        f"{votes}, {named}; proposed {proposed}{flag}",
        f"{votes}{unknown}, {numbers}; proposed {proposed}{flag}",
        f"{votes}, {numbers}; proposed {proposed}{flag}",
        f"{votes}, {numbers}; proposed {result.proposed}{flag}",
    ]


def stage_name(framework: Framework, stage: int) -> str:
    return f"{stage} {framework.stage_name(stage)}"
