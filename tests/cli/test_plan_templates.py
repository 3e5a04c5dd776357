"""A coalition's own templates: overrides by file name, the sandbox, and clear errors with file and line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.support.plan import HOSTILE, SPRING, at_root, plan, plan_text  # noqa: F401

pytestmark = pytest.mark.usefixtures("at_root")


def _templates(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "our-templates"
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def test_one_partial_is_overridden_by_file_name(tmp_path: Path) -> None:
    folder = _templates(
        tmp_path,
        {"partials/_priorities.md.j2": "## Our focus\n\n{{ priorities|map(attribute='id')|join(', ') }}\n"},
    )
    text = plan_text(SPRING, "--templates", folder)
    assert "## Our focus\n\nC1.2, C4.1, C4.2, C7.1, C6.1\n" in text
    assert "## The priorities in detail" not in text
    assert "## Summary" in text and "## Domain by domain" in text, "the rest is ours"


def test_a_user_template_can_extend_ours_and_replace_one_block(tmp_path: Path) -> None:
    folder = _templates(
        tmp_path,
        {
            "plan.html.j2": '{% extends "coalition/plan.html.j2" %}'
            "{% block appendix %}<p>Prepared for {{ header.coalition }}.</p>{% endblock %}"
        },
    )
    html = plan_text(HOSTILE, "--templates", folder, "--format", "html", "-o", "-")
    assert "<p>Prepared for Evil &lt;b&gt;Coalition&lt;/b&gt; | {{ 7*7 }}.</p>" in html, (
        "autoescaped: .html.j2"
    )
    assert '<h2 id="appendix-h">' not in html  # the block replaced (the contents still link to it)
    assert '<h2 id="priorities-h">The priorities in detail</h2>' in html


def test_user_markdown_templates_escape_values_too(tmp_path: Path) -> None:
    folder = _templates(tmp_path, {"plan.md.j2": "# {{ header.coalition }}\n"})
    text = plan_text(HOSTILE, "--templates", folder)
    assert text.endswith("# Evil \\<b\\>Coalition\\</b\\> \\| {{ 7\\*7 }}\n")


def test_a_sandbox_escape_fails_cleanly(tmp_path: Path) -> None:
    folder = _templates(
        tmp_path, {"plan.md.j2": "# Plan\n\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n"}
    )
    result = plan(SPRING, "--templates", folder)
    assert result.exit_code == 2
    assert "plan.md.j2, line 3" in result.output
    assert "sandbox" in result.output and "__class__" in result.output
    assert "Traceback" not in result.output


def test_a_typo_names_the_file_and_line(tmp_path: Path) -> None:
    folder = _templates(tmp_path, {"plan.md.j2": "# {{ header.title }}\n\n\n{{ header.coalitoin }}\n"})
    result = plan(SPRING, "--templates", folder)
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert f"{folder.name}/plan.md.j2, line 4: " in message
    assert "has no attribute 'coalitoin'" in message
    assert "templates/README.md" in message, "the hint says where the names are documented"
    assert "Traceback" not in result.output


def test_a_typo_in_a_partial_names_the_partial(tmp_path: Path) -> None:
    folder = _templates(tmp_path, {"partials/_unrated.md.j2": "## Not yet rated\n{{ unrated_commands }}\n"})
    result = plan(SPRING, "--templates", folder)
    assert result.exit_code == 2
    assert "partials/_unrated.md.j2, line 2: 'unrated_commands' is undefined" in " ".join(
        result.output.split()
    )


def test_a_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    folder = _templates(tmp_path, {"plan.html.j2": "<h1>x</h1>\n{% if %}\n"})
    result = plan(SPRING, "--templates", folder, "--format", "html", "-o", "-")
    assert result.exit_code == 2
    assert "plan.html.j2, line 2: template syntax error" in " ".join(result.output.split())


def test_a_missing_include_and_a_runtime_error_are_usage_errors(tmp_path: Path) -> None:
    folder = _templates(tmp_path, {"plan.md.j2": '{% include "partials/_nope.md.j2" %}\n'})
    result = plan(SPRING, "--templates", folder)
    assert result.exit_code == 2
    assert "plan.md.j2, line 1: template 'partials/_nope.md.j2' not found" in " ".join(result.output.split())
    folder = _templates(tmp_path, {"plan.md.j2": "# x\n{{ focus / 0 }}\n"})
    result = plan(SPRING, "--templates", folder)
    assert result.exit_code == 2 and "line 2: ZeroDivisionError" in " ".join(result.output.split())


@pytest.mark.parametrize("expression", ["'a' * 10**9", "[0] * 10**9", "10 ** 100000000"])
def test_a_template_cannot_eat_all_the_memory(tmp_path: Path, expression: str) -> None:
    folder = _templates(tmp_path, {"plan.md.j2": f"{{{{ {expression} }}}}\n"})
    started = time.perf_counter()
    result = plan(SPRING, "--templates", folder)
    assert time.perf_counter() - started < 5
    assert result.exit_code == 2
    assert "sandbox refused" in result.output


def test_the_bundled_templates_are_found_under_the_coalition_prefix_only_for_extends(tmp_path: Path) -> None:
    folder = _templates(tmp_path, {"plan.md.j2": '{% include "coalition/partials/_appendix.md.j2" %}'})
    text = plan_text(SPRING, "--templates", folder)
    assert text.splitlines()[1] == "## Sources, scoring and glossary"
