"""A coalition's own plan templates under a budget: what grows strings or numbers is refused with a
message, what spends CPU or memory is stopped by the limits of the child it renders in, and only
ordinary files inside the templates folder are read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coalition_cli.core.plan import sandbox
from tests.support.plan import SPRING, at_root, plan, plan_text  # noqa: F401

pytestmark = pytest.mark.usefixtures("at_root")


def _templates(tmp_path: Path, text: str, name: str = "plan.md.j2") -> Path:
    folder = tmp_path / "our-templates"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("template", "refusal"),
    [
        ("{{ (10**10000)**10000 }}", "more than 100,000 bits"),
        ("{{ lipsum(10**9) }}", "at most 20 lipsum paragraphs"),
        ('{{ "x"|indent(10**9) }}', "at most 1,000 characters of padding"),
        ('{{ "x"|center(10**9) }}', "at most 1,000 characters of padding"),
        ('{{ "x".ljust(10**9) }}', "pad text to more than 1,000 characters"),
        ('{{ range(100000)|join("x" * 99999) }}', "longer than 100,000"),
        ('{{ "%0999999999d" % 1 }}', "pad a field to 1,000 characters"),
        ('{{ "{:>999999999}".format(1) }}', "pad a field to 1,000 characters"),
        ('{{ "%-999999999s"|format("x") }}', "pad a field to 1,000 characters"),
        ('{{ "ab"|replace("", "x" * 99999) }}', "longer than 100,000"),
        (
            "{% set l = [1] %}{% for x in l %}{{ l.append(x) }}{% endfor %}",
            "'append' of 'list' object is unsafe",
        ),
        ("{% set s = 'x' * 60000 %}{{ s + s }}", "longer than 100,000"),
    ],
    ids=lambda value: value[:24],
)
def test_what_grows_text_or_numbers_is_refused_with_the_templates_line(
    tmp_path: Path, template: str, refusal: str
) -> None:
    result = plan(SPRING, "--templates", _templates(tmp_path, "# x\n" + template + "\n"))
    assert result.exit_code == 2, result.output
    flat = " ".join(result.output.split())
    assert "plan.md.j2, line 2: the template sandbox refused" in flat and refusal in flat


@pytest.mark.slow
@pytest.mark.skipif(not sandbox.can_limit(), reason="resource limits need fork")
def test_a_template_that_spins_is_stopped_by_its_cpu_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "CPU_SECONDS", 1)
    spin = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    result = plan(SPRING, "--templates", _templates(tmp_path, spin))
    assert result.exit_code == 2, result.output
    assert "plan.md.j2, line 1: the template used more than 1 second of CPU time" in " ".join(
        result.output.split()
    )


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="the memory limit is Linux's")
def test_a_template_that_hoards_memory_is_stopped_by_its_memory_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "MEMORY_BYTES", 64 * 1024 * 1024)
    hoard = '{% set ns = namespace(s="x") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}'
    result = plan(SPRING, "--templates", _templates(tmp_path, hoard))
    assert result.exit_code == 2, result.output
    assert "needed more than 64 MB of memory" in " ".join(result.output.split())


def test_a_symlink_out_of_the_templates_folder_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    folder = _templates(tmp_path, '{% include "partials/_secret.md.j2" %}\n')
    (folder / "partials").mkdir()
    (folder / "partials" / "_secret.md.j2").symlink_to(secret)
    result = plan(SPRING, "--templates", folder)
    assert "root:x:0:0" not in result.output
    assert result.exit_code == 2
    assert "template 'partials/_secret.md.j2' not found" in " ".join(result.output.split())


def test_a_symlink_inside_the_templates_folder_is_followed(tmp_path: Path) -> None:
    folder = _templates(tmp_path, "# Ours\n", name="real.md.j2")
    (folder / "plan.md.j2").symlink_to(folder / "real.md.j2")
    assert "# Ours" in plan_text(SPRING, "--templates", folder)


def test_templates_must_be_a_folder(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = plan(SPRING, "--templates", fifo)
    assert result.exit_code == 2
    assert "not a folder" in result.output


def test_a_users_template_renders_in_a_child_and_its_errors_come_back(tmp_path: Path) -> None:
    result = plan(SPRING, "--templates", _templates(tmp_path, "# x\n{{ nosuchfield }}\n"))
    assert result.exit_code == 2
    assert "plan.md.j2, line 2: 'nosuchfield' is undefined" in " ".join(result.output.split())
