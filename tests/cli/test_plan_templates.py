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
    assert "a Header has no field 'coalitoin' (did you mean 'coalition'?)" in message
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


# --- what a folder holds that the plan would skip (review s15 #2, #7, #8) ----------------------


def test_a_block_the_extended_template_does_not_have_stops_the_plan(tmp_path: Path) -> None:
    folder = _templates(
        tmp_path, {"plan.md.j2": '{% extends "coalition/plan.md.j2" %}\n{% block apendix %}X{% endblock %}\n'}
    )
    result = plan(SPRING, "--templates", folder)
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert "plan.md.j2, line 2: no block named 'apendix' in coalition/plan.md.j2" in message
    assert "(did you mean 'appendix'?)" in message and "its blocks: actions, appendix," in message


def test_a_block_placed_inside_a_block_can_be_filled_by_a_template_extending_it(tmp_path: Path) -> None:
    folder = _templates(
        tmp_path,
        {
            "base.md.j2": '{% extends "coalition/plan.md.j2" %}'
            "{% block appendix %}{{ super() }}{% block extra %}{% endblock %}{% endblock %}",
            "plan.md.j2": '{% extends "base.md.j2" %}{% block extra %}Ours{% endblock %}',
        },
    )
    text = plan_text(SPRING, "--templates", folder)
    assert text.rstrip().endswith("Ours") and "## Sources, scoring" in text


def test_files_the_plan_does_not_read_are_named(tmp_path: Path) -> None:
    folder = _templates(
        tmp_path,
        {
            "plan.md": "# forgot the .j2\n",
            "partials/_sumary.md.j2": "misspelt\n",
            "partials/_ours.md.j2": "## Ours\n",  # read: the plan includes it
            "partials/_priorities.md.j2": '{% include "partials/_ours.md.j2" %}\n',  # replaces ours
            "partials/_summary.html.j2": "for the other format\n",
            "notes.txt": "not a template\n",
        },
    )
    result = plan(SPRING, "--templates", folder)
    assert result.exit_code == 0, result.output
    assert "## Ours" in result.stdout
    notes = [" ".join(line.split()) for line in result.stderr.split("note: ") if "is not used" in line]
    assert notes == [
        f"{folder / 'plan.md'} is not used: did you mean plan.md.j2?",
        f"{folder / 'partials/_sumary.md.j2'} is not used: did you mean partials/_summary.md.j2?",
    ]


def test_a_folder_without_templates_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    result = plan(SPRING, "--templates", folder)
    assert result.exit_code == 0
    assert "holds no templates (files ending in .j2): the plan uses the bundled ones" in result.stderr


def test_a_byte_order_mark_is_not_part_of_the_page_and_latin_1_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "bom"
    folder.mkdir()
    (folder / "plan.html.j2").write_bytes(b"\xef\xbb\xbf<!DOCTYPE html>\n<title>{{ header.title }}</title>\n")
    html = plan_text(SPRING, "--templates", folder, "--format", "html", "-o", "-")
    assert html.startswith("<!DOCTYPE html>\n"), "no mark before the doctype: standards mode"
    (folder / "plan.html.j2").write_bytes("<p>café {{ header.title }}</p>\n".encode("latin-1"))
    result = plan(SPRING, "--templates", folder, "--format", "html", "-o", "-")
    assert result.exit_code == 2
    assert "plan.html.j2: not UTF-8 text (byte 0xe9 at position 6); save it as UTF-8" in " ".join(
        result.stderr.split()
    )


def test_the_brief_it_suggests_keeps_the_coalitions_templates(tmp_path: Path) -> None:
    """The short public version it offers, run as offered, has the same look (review s15 #8)."""
    import shlex

    folder = _templates(tmp_path, {"partials/_header.html.j2": "<h1>Our own header</h1>\n"})
    spring = tmp_path / "spring.yaml"
    spring.write_bytes(Path(SPRING).read_bytes())
    result = plan(spring, "--audience", "public", "--format", "html", "--templates", folder)
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if "For parents and phones" in line)
    command = shlex.split(line.split(": ", 1)[1])
    assert command[command.index("--templates") + 1] == str(folder)
    again = plan(*command[2:])
    assert again.exit_code == 0, again.output
    assert "<h1>Our own header</h1>" in (tmp_path / "spring.public-brief.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("printed", "said"),
    [
        ("abbreviations", "this prints a list as Python writes it: go through it, {% for item in … %}"),
        ("header", "this prints a whole Header as Python writes it: print its fields"),
        ("standing.since", "this prints None (the value is empty here): test it first, {% if … %}"),
        ("brief", "this prints False (a yes or no): test it"),
    ],
)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_python_notation_never_reaches_a_reader(tmp_path: Path, printed: str, said: str, fmt: str) -> None:
    """`(Abbreviation(short='WBL', …),)`, `None` or `False` printed into a plan (review s15 #5)."""
    folder = _templates(tmp_path, {f"plan.{fmt}.j2": f"# Plan\n\n{{{{ {printed} }}}}\n"})
    result = plan(SPRING, "--templates", folder, "--format", fmt, "-o", "-")
    assert result.exit_code == 2, result.output
    assert f"plan.{fmt}.j2, line 3: {said}" in " ".join(result.stderr.split())


@pytest.mark.parametrize(
    ("template", "said"),
    [
        (
            "{% for p in priorities %}{{ p.abbreviation }}{% endfor %}",
            "line 1: a Priority has no field 'abbreviation'; its fields: rank, id, name,",
        ),
        (
            "{% for p in priorities %}{{ p.reasn }}{% endfor %}",
            "a Priority has no field 'reasn' (did you mean 'reason'?)",
        ),
        (
            "{{ standing.since.label }}",
            "this value is empty here (None), so it has no 'label': test it first",
        ),
    ],
)
def test_a_missing_field_is_said_in_the_template_authors_words(
    tmp_path: Path, template: str, said: str
) -> None:
    """Not "'coalition_cli.core.plan.context.Priority object' has no attribute …" (review s15 #4)."""
    folder = _templates(tmp_path, {"plan.md.j2": template + "\n"})
    result = plan(SPRING, "--templates", folder)
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    assert said in message and "coalition_cli." not in message
    assert "README.md" in message  # where the records are documented, wherever the tool is installed


@pytest.mark.parametrize("extends", [False, True])
def test_a_template_too_large_to_read_is_a_usage_error(tmp_path: Path, extends: bool) -> None:
    """The folder's check before rendering once let Jinja's refusal out as a traceback."""
    text = "x" * 1_000_001
    files = (
        {"plan.md.j2": text}
        if not extends
        else {
            "base.md.j2": text,
            "plan.md.j2": '{% extends "base.md.j2" %}{% block appendix %}Ours{% endblock %}',
        }
    )
    result = plan(SPRING, "--templates", _templates(tmp_path, files))
    assert result.exit_code == 2, result.output
    assert "larger than 1,000,000 bytes" in " ".join(result.stderr.split())
    assert "Traceback" not in result.output
