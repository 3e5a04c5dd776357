"""validate's fast path (a plain command line read without Typer, cli/plain_lines.py), seen from outside: a plain command line is answered
before Typer loads, and files checked against the shipped index without Pydantic, with exactly the
output the models give (the full command with the index turned off); anything else goes to Typer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coalition_cli.cli.plain_lines import read
from tests.support.assessment_edits import clean_document, yaml_text
from tests.support.custom_rubric import write_rubric
from tests.support.files import VALID_HEADER, full_ratings
from tests.support.paths import EXAMPLES

FULL_COMMAND = "from coalition_cli.cli.app import app; app(prog_name='coalition')"
"""What the launcher runs when the fast path steps aside: the Typer app, all of it."""

MODELS_ONLY = """
from coalition_cli.core.loading import assessments, indexed
indexed.INDEX = assessments.MODELS  # every file checked by the models, as if there were no index
from coalition_cli.cli.app import app
app(prog_name='coalition')
"""
"""The full command with every file checked by the models: what the index must agree with."""

LAUNCHER = "from coalition_cli.cli.launch import main; main()"

PROBE = """
import sys
from coalition_cli.cli.launch import main
try:
    main()
finally:
    loaded = [name for name in ("typer", "pydantic", "rich", "jinja2") if name in sys.modules]
    sys.stderr.write("loaded: " + ",".join(loaded) + "\\n")
"""


def _python(code: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=60
    )


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.yaml"
    path.write_text(yaml_text(clean_document()), encoding="utf-8")
    return path


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """Errors the rubric checks find (a stage name misspelt, a stage out of range, an unknown id)."""
    document = clean_document()
    document["ratings"]["C1.1"]["stage"] = "Emergin"
    document["ratings"]["C1.2"]["target"] = 7
    document["ratings"]["C12"] = {"stage": 2}
    path = tmp_path / "broken.yaml"
    path.write_text(yaml_text(document), encoding="utf-8")
    return path


@pytest.fixture
def misdated(tmp_path: Path) -> Path:
    """Errors only the models explain (no such date; a real date with a one-digit month)."""
    document = clean_document()
    document["assessed_on"] = "2026-02-30"
    document["ratings"]["C1.1"]["actions"][0]["due"] = "2026-6-30"
    path = tmp_path / "misdated.yaml"
    path.write_text(yaml_text(document), encoding="utf-8")
    return path


@pytest.fixture
def rubric(tmp_path: Path) -> Path:
    """A custom rubric (3 domains, 8 indicators, 5 stages) with one indicator short of a descriptor:
    validate checks it as a rubric, by the models (the index holds no rubric's shape)."""
    domains = {"G": ["G1", "G2", "G3"], "Y": ["Y1", "Y2", "Y3"], "W": ["W1", "W2"]}
    path = write_rubric(tmp_path / "youth-rubric.yaml", stages=("A", "B", "C", "D", "E"), domains=domains)
    path.write_text(path.read_text(encoding="utf-8").replace(", 5: Stage 5 of W2.", ""), encoding="utf-8")
    return path


@pytest.fixture
def riverside(tmp_path: Path) -> Path:
    """The Riverside example (two terms sharing a coalition.yaml, raters), in a repository of its own."""
    folder = tmp_path / "riverside"
    shutil.copytree(EXAMPLES / "riverside", folder)
    (folder / ".git").mkdir()
    return folder


@pytest.fixture
def emptied(tmp_path: Path) -> Path:
    """A file whose last action and last link were deleted by hand, leaving the bare keys."""
    ratings = full_ratings().replace(
        "  C1.1:\n    stage: 2\n", "  C1.1:\n    stage: 2\n    links:\n    actions:\n"
    )
    assert "    actions:\n" in ratings
    header = (
        "framework: community-framework\ncoalition: Riverside Pathways Coalition\nassessed_on: 2026-03-14\n"
    )
    path = tmp_path / "emptied.yaml"
    path.write_text(header + ratings, encoding="utf-8")
    return path


@pytest.fixture
def cut(tmp_path: Path) -> Path:
    """Review s12 #1: text that a comment cut short, typed by hand (`#42`), in an assessment and in the
    coalition.yaml it names (one cut suppressed by a comment)."""
    folder = tmp_path / "cut"
    folder.mkdir()
    typed = (
        "  C1.2:\n    stage: 2\n    evidence: Working groups meet monthly #1 priority is data\n"
        "    actions:\n      - action: Draft a charter with partner #3 (hospital)\n"
        "        owner: Teamsters Local #42  # coalition: ignore[text-cut-by-comment]\n"
    )
    ratings = full_ratings().replace("  C1.2:\n    stage: 2\n", typed)
    assert typed in ratings
    path = folder / "cut.yaml"
    path.write_text(VALID_HEADER + "profile: coalition.yaml\n" + ratings, encoding="utf-8")
    (folder / "coalition.yaml").write_text(
        "name: Riverside Pathways Coalition\nmembers:\n  - organization: Teamsters Local #42\n"
        "    stakeholder_group: labor-unions\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def unrated(tmp_path: Path) -> Path:
    document = clean_document()
    del document["ratings"]["C7.2"]
    path = tmp_path / "unrated.yaml"
    path.write_text(yaml_text(document), encoding="utf-8")
    return path


def test_a_clean_file_is_answered_without_typer_or_pydantic(clean: Path) -> None:
    result = _python(PROBE, "validate", str(clean), cwd=clean.parent)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "✓ 1 file checked, 1 valid\nloaded: \n"


def test_a_bare_actions_or_links_key_is_none_yet_on_both_paths(emptied: Path) -> None:
    for code in (PROBE, MODELS_ONLY):
        result = _python(code, "validate", str(emptied), cwd=emptied.parent)
        assert (result.returncode, result.stderr.partition("loaded: ")[0]) == (
            0,
            "✓ 1 file checked, 1 valid\n",
        )


@pytest.mark.parametrize("name", ["unrated", "broken", "riverside", "cut"])
def test_files_with_problems_or_a_profile_are_answered_without_typer_or_pydantic(
    name: str, unrated: Path, broken: Path, riverside: Path, cut: Path
) -> None:
    path = {"unrated": unrated, "broken": broken, "riverside": riverside / "2026-03-spring.yaml", "cut": cut}[
        name
    ]
    result = _python(PROBE, "validate", str(path), cwd=path.parent)
    assert result.returncode == (1 if name == "broken" else 0), result.stderr
    assert result.stderr.endswith("loaded: \n"), result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{clean}"],
        ["validate", "{clean}", "{clean}"],
        ["validate", "--strict", "{clean}"],
        ["validate", "{clean}", "--format", "json"],
        ["validate", "--format=github", "{clean}"],
        ["validate", "-f", "json", "--skip-other-yaml", "{clean}"],
        ["--no-color", "validate", "{clean}"],
        ["validate", "{clean}", "--no-color"],
        ["validate", "{unrated}"],
        ["validate", "--strict", "{unrated}"],
        ["validate", "{clean}", "{unrated}", "{broken}"],
        ["validate", "{broken}", "--format", "json"],
        ["validate", "-f", "github", "{broken}", "{clean}"],
        ["validate", "-f", "sarif", "{broken}", "{unrated}"],
        ["validate", "-f", "junit", "{broken}"],
        ["validate", "{broken}", "--no-color"],
        ["validate", "{misdated}", "{unrated}"],  # one file for the models, one for the index
        ["validate", "."],  # folders are walked
        ["validate", "riverside"],
        ["validate", "riverside/2026-03-spring.yaml", "riverside/coalition.yaml", "-f", "json"],
        ["validate", *["{clean}"] * 20, "{unrated}"],
        ["validate", "{emptied}"],
        ["validate", "{rubric}"],  # a rubric: checked as one, by the models
        ["validate", "{rubric}", "{clean}", "-f", "json"],
        ["validate", "--skip-other-yaml", "-f", "junit", "{rubric}"],
        ["validate", "-f", "sarif", "{rubric}", "{broken}"],
        ["validate", "-f", "github", "{rubric}"],
        ["validate", "{cut}"],  # text a comment cut short (review s12 #1), in every format
        ["validate", "--strict", "{cut}", "-f", "json"],
        ["validate", "-f", "github", "{cut}"],
        ["validate", "-f", "sarif", "{cut}"],
        ["validate", "-f", "junit", "{cut}"],
        ["validate", "cut"],
    ],
)
def test_the_fast_path_prints_what_the_models_print(
    clean: Path,
    unrated: Path,
    broken: Path,
    misdated: Path,
    emptied: Path,
    riverside: Path,
    rubric: Path,
    cut: Path,
    args: list[str],
) -> None:
    names = {
        "cut": "cut/cut.yaml",
        "clean": clean.name,
        "unrated": unrated.name,
        "broken": broken.name,
        "misdated": misdated.name,
        "emptied": emptied.name,
        "rubric": rubric.name,
    }
    argv = [arg.format(**names) for arg in args]
    fast = _python(PROBE, *argv, cwd=clean.parent)
    full = _python(MODELS_ONLY, *argv, cwd=clean.parent)
    assert "typer" not in fast.stderr.rpartition("loaded: ")[2], fast.stderr  # the fast path did answer
    assert (fast.returncode, fast.stdout, fast.stderr.rpartition("loaded: ")[0]) == (
        full.returncode,
        full.stdout,
        full.stderr,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{clean}", "missing.yaml"],
        ["validate", "--format", "xml", "{clean}"],
        ["validate", "--framework", "community-framework", "{clean}"],
        ["validate"],
    ],
)
def test_other_command_lines_read_as_the_full_command(
    clean: Path, unrated: Path, broken: Path, args: list[str]
) -> None:
    argv = [
        arg.format(clean=clean.name, unrated=unrated.name, broken=broken.name, folder=".") for arg in args
    ]
    launched = _python(LAUNCHER, *argv, cwd=clean.parent)
    full = _python(FULL_COMMAND, *argv, cwd=clean.parent)
    assert (launched.returncode, launched.stdout, launched.stderr) == (
        full.returncode,
        full.stdout,
        full.stderr,
    )


@pytest.mark.parametrize(
    ("argv", "files", "output", "no_color"),
    [
        (["validate", "a.yaml"], ["a.yaml"], None, False),
        (["--no-color", "validate", "a.yaml", "b.yml"], ["a.yaml", "b.yml"], None, True),
        (["validate", "-f", "github", "a.yaml", "--strict"], ["a.yaml"], "github", False),
        (["validate", "--format=json", "a.yaml"], ["a.yaml"], "json", False),
    ],
)
def test_plain_command_lines_are_understood(
    argv: list[str], files: list[str], output: str | None, no_color: bool
) -> None:
    line = read(argv)
    assert line is not None and line.command == "validate"
    assert (line.values["paths"], line.values.get("output"), line.no_color) == (
        [Path(f) for f in files],
        output,
        no_color,
    )


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["validate"],
        ["validate", "--help"],
        ["validate", "-h"],
        ["validate", "--jobs", "2", "a.yaml"],
        ["validate", "-j2", "a.yaml"],
        ["validate", "--framework", "x", "a.yaml"],
        ["validate", "--", "a.yaml"],
        ["validate", "--format", "json", "--format", "text", "a.yaml"],
        ["validate", "--format", "JSON", "a.yaml"],
        ["validate", "-fjson", "a.yaml"],
        ["validate", "--format"],
        ["validate", "--strict=yes", "a.yaml"],
        ["--version"],
        ["--no-color"],
    ],
)
def test_other_command_lines_are_left_to_typer(argv: list[str]) -> None:
    assert read(argv) is None


def test_many_files_are_answered_without_pydantic(clean: Path, unrated: Path) -> None:
    """No cliff: the 17th file, or the 100th, is checked as the first was."""
    argv = ["validate", *[clean.name] * 99, unrated.name]
    result = _python(PROBE, *argv, cwd=clean.parent)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "✓ 100 files checked, 100 valid, 1 warning\nloaded: \n"


def test_a_folder_is_walked_without_typer_or_pydantic(clean: Path, unrated: Path) -> None:
    result = _python(PROBE, "validate", ".", cwd=clean.parent)
    assert result.returncode == 0, result.stderr
    assert "unrated.yaml" in result.stdout
    assert result.stderr.endswith("loaded: \n")


def test_text_a_comment_cut_short_is_reported_at_its_hash_on_the_fast_path(cut: Path) -> None:
    """Review s12 #1: `validate` called such a file valid without a word."""
    result = _python(PROBE, "validate", "cut.yaml", cwd=cut.parent)
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stdout.splitlines() if "text-cut-by-comment" in line]
    assert said == [
        "cut.yaml:10:43: warning C1.2 evidence: the text after ' #' is read as a comment, so the evidence is "
        "'Working groups meet monthly'; put the whole value in quotes: "
        '"Working groups meet monthly #1 priority is data" [text-cut-by-comment]',
        "cut.yaml:12:46: warning C1.2, action 1, action: the text after ' #' is read as a comment, so the "
        "action is 'Draft a charter with partner'; put the whole value in quotes: "
        '"Draft a charter with partner #3 (hospital)" [text-cut-by-comment]',
        "coalition.yaml:3:35: warning member 1 (Teamsters Local), organization: the text after ' #' is read "
        "as a comment, so the organization is 'Teamsters Local'; put the whole value in quotes: "
        '"Teamsters Local #42" [text-cut-by-comment]',
    ]
    assert result.stderr == "✓ 1 file checked, 1 valid, 3 warnings, 1 suppressed\nloaded: \n"


def test_a_file_only_the_models_explain_loads_them(misdated: Path) -> None:
    result = _python(PROBE, "validate", misdated.name, cwd=misdated.parent)
    assert result.returncode == 1
    assert "2026-02-30" in result.stdout and result.stderr.endswith("loaded: pydantic\n")
    assert "write the month and day with two digits: 2026-06-30 (got '2026-6-30')" in result.stdout


SUPPRESSED = VALID_HEADER + full_ratings().replace(
    "  C1.1:\n    stage: 2\n", "  C1.1:  # coalition: ignore[not-rated]\n"
)
"""C1.1 not rated, with a comment on its line suppressing that."""


@pytest.mark.parametrize(
    ("settings", "text", "status"),
    [
        ((".coalition.yaml", "ignore: [not-rated]\n"), SUPPRESSED, 0),
        (("pyproject.toml", '[tool.coalition]\nignore = ["not-rated"]\nstrict = true\n'), SUPPRESSED, 1),
        (("pyproject.toml", '[tool.coalition]\nselect = ["unused-suppression"]\n'), SUPPRESSED, 0),
        (None, SUPPRESSED.replace("community-framework", "no-such-framework"), 1),
        (None, SUPPRESSED.replace("coalition:", "\tcoalition:"), 1),
    ],
)
def test_the_fast_path_words_suppressions_as_the_models_do(
    tmp_path: Path, settings: tuple[str, str] | None, text: str, status: int
) -> None:
    """Review s11 #4: a comment whose code the settings turn off is worded by the settings; one whose
    check could not run (no rubric, no YAML) is not judged. The same words on both paths."""
    if settings is not None:
        (tmp_path / settings[0]).write_text(settings[1], encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    fast = _python(PROBE, "validate", "a.yaml", cwd=tmp_path)
    full = _python(MODELS_ONLY, "validate", "a.yaml", cwd=tmp_path)
    assert "typer" not in fast.stderr.rpartition("loaded: ")[2], fast.stderr
    assert (fast.returncode, fast.stdout, fast.stderr.rpartition("loaded: ")[0]) == (
        full.returncode,
        full.stdout,
        full.stderr,
    )
    assert full.returncode == status
    said = [line for line in full.stdout.splitlines() if "[unused-suppression]" in line]
    if settings is None:
        assert said == []
    else:
        assert said == [
            f"a.yaml:5:10: {'error' if status else 'warning'} nothing to suppress: not-rated is "
            f"{'not among the codes selected' if 'select' in settings[1] else 'ignored'} by {settings[0]}, "
            "so this comment need not name it [unused-suppression]"
        ]


HAND_EDITS = {
    "continued": (
        "    stage: 2\n",
        "    stage: 2\n    evidence: Working groups meet monthly.\n    Minutes are on the drive.\n",
    ),
    "apostrophe": ("    stage: 2\n", "    stage: 2\n    evidence: 'The board's minutes'\n"),
    "bullet": ("    stage: 2\n", "    stage: 2\n    evidence: * Monthly meetings\n"),
    "no-break-space": ("    stage: 2\n", "\u00a0\u00a0\u00a0\u00a0stage: 2\n"),
    "margin": ("    stage: 2\n", "stage: 2\n"),
    "curly-stage": ("    stage: 2\n", "    stage: “2”\n"),
    "curly-name": (
        "coalition: Riverside Pathways Coalition\n",
        "coalition: “Riverside Pathways Coalition”\n",
    ),
}
"""Review s12's hand edits, each to the first indicator of a file: the syntax errors are the parse
stage's, the same on both paths; a stage in typographic quotes is the rubric check's, a name in them
the typography check's."""


@pytest.mark.parametrize("output", ["text", "json", "github"])
def test_hand_edits_are_worded_the_same_on_both_paths(tmp_path: Path, output: str) -> None:
    folder = tmp_path / "edits"
    folder.mkdir()
    for name, (old, new) in HAND_EDITS.items():
        (folder / f"{name}.yaml").write_text(
            (VALID_HEADER + full_ratings()).replace(old, new, 1), encoding="utf-8"
        )
    (folder / "notepad-unicode.yaml").write_text(VALID_HEADER + full_ratings(), encoding="utf-16")
    argv = ["validate", "--format", output, "edits"]
    fast = _python(PROBE, *argv, cwd=tmp_path)
    full = _python(MODELS_ONLY, *argv, cwd=tmp_path)
    assert "typer" not in fast.stderr.rpartition("loaded: ")[2], fast.stderr
    assert (fast.returncode, fast.stdout, fast.stderr.rpartition("loaded: ")[0]) == (
        full.returncode,
        full.stdout,
        full.stderr,
    )
    assert fast.returncode == 1
    if output == "text":
        said = {line.split(":")[0]: line for line in fast.stdout.splitlines()}
        assert "reads as more of the evidence on line 7" in said["edits/continued.yaml"]
        assert "saved as UTF-16" in said["edits/notepad-unicode.yaml"]
        assert "typographic (curly) quotes" in said["edits/curly-stage.yaml"]
        assert "[typographic-quotes]" in said["edits/curly-name.yaml"]
