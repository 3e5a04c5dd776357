"""Rich renderings of a framework, a domain and an indicator, shared by `framework show` and `assess`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from coalition_cli.core.model.abbreviations import said
from coalition_cli.core.model.framework import Domain, Framework, Indicator

if TYPE_CHECKING:
    from rich.console import Console


def render_framework(fw: Framework, console: Console) -> None:
    console.print(f"[bold]{escape(fw.title)}[/] [dim]({escape(fw.id)})[/]")
    if fw.publisher or fw.published:
        console.print(escape(", ".join(x for x in (fw.publisher, fw.published) if x)))
    console.print("Stages: " + escape(fw.stage_choices()))
    for domain in fw.domains:
        console.print()
        console.print(f"[bold]{escape(domain.id)} {escape(domain.name)}[/]")
        for indicator in domain.indicators:
            console.print(f"  {escape(indicator.id):<6} {escape(indicator.name)}")
    if fw.attribution:
        console.print()
        console.print(f"[dim]{escape(fw.attribution)}[/]")


def render_domain(fw: Framework, domain: Domain, console: Console, *, brief: bool = False) -> None:
    console.print(f"[bold]{escape(domain.id)} {escape(domain.name)}[/]")
    paragraphs = domain.introduction[:1] if brief else domain.introduction
    for paragraph in paragraphs:
        console.print(escape(paragraph))
        console.print()
    if domain.reflect:
        console.print("[bold]Reflect on your practice[/]")
        console.print(bullets(domain.reflect))
    if domain.foundational_steps and not brief:
        console.print()
        console.print("[bold]Foundational steps[/]")
        console.print(bullets(domain.foundational_steps))
    if not brief:
        console.print()
        for indicator in domain.indicators:
            console.print(f"  {escape(indicator.id):<6} {escape(indicator.name)}")


def descriptor_table(fw: Framework, indicator: Indicator, *, current: int | None = None) -> Table:
    """The stage descriptors, numbered, one row each: readable at 80 columns, wrapped, never cut."""
    table = Table(show_header=False, box=None, padding=(0, 1, 0, 0), expand=False)
    table.add_column("stage", no_wrap=True, style="bold")
    table.add_column("descriptor", overflow="fold")
    for index, stage in enumerate(fw.stages):
        if index:
            table.add_row()  # a blank line between stages; row padding would leave one after the last too
        label = Text(stage.label)
        if current == stage.number:
            label.append(" ◀ now", style="cyan")
        table.add_row(label, "\n\n".join(indicator.descriptor(stage.number)))
    return table


def bullets(items: Iterable[str]) -> Table:
    """A bulleted list whose long items wrap under their own text, not back under the bullet."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for item in items:
        grid.add_row("  •", escape(item))
    return grid


def render_indicator(fw: Framework, indicator: Indicator, console: Console) -> None:
    domain = fw.domain_of(indicator.id)
    title = indicator.label
    aliases = f"also called: {', '.join(indicator.aliases)}" if indicator.aliases else None
    console.print(
        Panel(
            descriptor_table(fw, indicator),
            title=escape(title),
            subtitle=escape(domain.label),
            title_align="left",
        )
    )
    if aliases:
        console.print(f"[dim]{escape(aliases)}[/]")
    spelled = said(fw.abbreviations_in(indicator.id))
    if spelled:
        console.print(escape(spelled))
