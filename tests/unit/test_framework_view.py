"""The Rich renderings of a domain and an indicator, as read at an 80-column terminal."""

from __future__ import annotations

from rich.console import Console

from coalition_cli.cli.output.framework_view import bullets, descriptor_table, render_domain
from coalition_cli.core.model.framework import Framework


def _console() -> Console:
    return Console(width=80, record=True, color_system=None, force_terminal=False)


def _lines(console: Console) -> list[str]:
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_long_bullets_wrap_under_their_own_text(framework: Framework) -> None:
    console = _console()
    domain = max(framework.domains, key=lambda d: max(map(len, (*d.reflect, *d.foundational_steps))))
    render_domain(framework, domain, console)
    lines = _lines(console)
    for heading, items in (
        ("Reflect on your practice", domain.reflect),
        ("Foundational steps", domain.foundational_steps),
    ):
        start = lines.index(heading) + 1
        block = lines[start : lines.index("", start)]
        assert sum(line.startswith("  • ") for line in block) == len(items)
        assert all(line.startswith(("  • ", "    ")) for line in block)  # never back at column 0
    assert any(line.startswith("    ") for line in lines), "some item is long enough to wrap at 80 columns"


def test_the_descriptors_have_a_blank_line_between_stages_and_none_after_the_last(
    framework: Framework,
) -> None:
    console = _console()
    indicator = framework.indicators[0]
    console.print(descriptor_table(framework, indicator))
    lines = _lines(console)
    assert lines[-1] != ""
    starts = [n for n, line in enumerate(lines) if line[:1].isdigit()]
    assert [lines[n].split()[0] for n in starts] == [str(stage.number) for stage in framework.stages]
    assert all(lines[n - 1] == "" for n in starts[1:])


def test_bullets_escape_markup() -> None:
    console = _console()
    console.print(bullets(["[bold]not markup[/]"]))
    assert _lines(console) == ["  • [bold]not markup[/]"]
