"""What a team configures once: repository settings, inline suppression, --select/--ignore,
--exit-zero, --statistics, and folders walked as git sees them."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.files import VALID_HEADER, full_ratings, write
from tests.support.processes import coalition

UNRATED_C11 = VALID_HEADER + full_ratings().replace("  C1.1:\n    stage: 2\n", "  C1.1:\n    stage: null\n")
"""Every indicator rated but C1.1: one `not-rated` warning, at 5:3."""

BROKEN = VALID_HEADER + "ratings: [\n"
"""Broken YAML that is plainly meant as an assessment: always reported where it is checked."""

LOW_TARGET = VALID_HEADER + full_ratings().replace(
    "  C1.1:\n    stage: 2\n", "  C1.1:\n    stage: 2\n    target: 1\n"
)
"""One `target-not-above-stage` warning, at 7:13."""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A repository folder as the working folder (settings are found from there up)."""
    root = tmp_path / "repo"
    root.mkdir()
    monkeypatch.chdir(root)
    yield root


def _json(runner: CliRunner, *args: str, input: str | None = None) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = runner.invoke(app, ["validate", "--format", "json", *args], input=input)
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else {}


def _codes(report: dict) -> list[tuple[int, int, str]]:  # type: ignore[type-arg]
    return [(p["line"], p["column"], p["code"]) for p in report.get("problems", [])]


# --- settings ---------------------------------------------------------------------------------------


def test_settings_in_dot_coalition_yaml_apply_from_a_subfolder(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(repo, "severity:\n  not-rated: error\nignore: [target-not-above-stage]\n", ".coalition.yaml")
    (repo / "terms").mkdir()
    write(repo / "terms", UNRATED_C11, "a.yaml")
    write(repo / "terms", LOW_TARGET, "b.yaml")
    monkeypatch.chdir(repo / "terms")
    status, report = _json(runner, ".")
    assert status == 1
    assert [(p["file"], p["severity"], p["code"]) for p in report["problems"]] == [
        ("a.yaml", "error", "not-rated")
    ]
    isolated, plain = _json(runner, "--isolated", ".")
    assert isolated == 0
    assert {p["code"] for p in plain["problems"]} == {"not-rated", "target-not-above-stage"}


def test_settings_in_pyproject_toml(runner: CliRunner, repo: Path) -> None:
    write(repo, '[project]\nname = "x"\n\n[tool.coalition]\nignore = ["not-rated"]\n', "pyproject.toml")
    write(repo, UNRATED_C11, "a.yaml")
    status, report = _json(runner, "a.yaml")
    assert (status, report["problems"]) == (0, [])


def test_a_pyproject_without_the_table_is_passed_over_for_one_further_up(
    runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(repo, "ignore: [not-rated]\n", ".coalition.yaml")
    (repo / "pkg").mkdir()
    write(repo / "pkg", '[project]\nname = "x"\n', "pyproject.toml")
    write(repo / "pkg", UNRATED_C11, "a.yaml")
    monkeypatch.chdir(repo / "pkg")
    assert _json(runner, "a.yaml") == (0, _json(runner, "a.yaml")[1])
    assert _json(runner, "a.yaml")[1]["problems"] == []


def test_config_names_the_settings_file(runner: CliRunner, repo: Path) -> None:
    write(repo, "ignore: [not-rated]\n", "ci-settings.yaml")
    write(repo, UNRATED_C11, "a.yaml")
    assert _json(runner, "--config", "ci-settings.yaml", "a.yaml")[1]["problems"] == []
    missing = runner.invoke(app, ["validate", "--config", "nope.yaml", "a.yaml"])
    assert missing.exit_code == 2
    assert "cannot read the settings file nope.yaml" in missing.output
    both = runner.invoke(app, ["validate", "--config", "ci-settings.yaml", "--isolated", "a.yaml"])
    assert both.exit_code == 2


def test_problems_in_a_yaml_settings_file_are_located_and_coded(runner: CliRunner, repo: Path) -> None:
    write(
        repo,
        "exclude: 5\nignore:\n  - not-rate\n  - unknown-key\nseverity:\n  not-rated: fatal\nfarmework: x\n",
        ".coalition.yaml",
    )
    write(repo, UNRATED_C11, "a.yaml")
    result = runner.invoke(app, ["--no-color", "validate", "a.yaml"])
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert (
        lines[0].startswith(".coalition.yaml:1:10: error exclude: must be a list")
        and "[wrong-type]" in lines[0]
    )
    assert lines[1].startswith(
        ".coalition.yaml:3:5: error unknown code 'not-rate' (did you mean 'not-rated'?)"
    )
    assert lines[2].startswith(
        ".coalition.yaml:4:5: error unknown-key cannot be turned off or made a warning"
    )
    assert (
        lines[3]
        == ".coalition.yaml:6:14: error severity, not-rated: must be one of 'error', 'warning' or 'ignore' (got 'fatal') [wrong-value]"
    )
    assert lines[4].startswith(".coalition.yaml:7:1: error unknown key 'farmework'")
    assert "the settings in .coalition.yaml have 5 problems; nothing was checked" in result.output


def test_problems_in_pyproject_settings_are_located_at_their_keys(runner: CliRunner, repo: Path) -> None:
    write(
        repo,
        '[project]\nname = "x"\n\n[tool.coalition]\nignore = ["not-rated", "syntax"]\n'
        'framework = "nope"\n\n[tool.coalition.severity]\nunknown-key = "warning"\n',
        "pyproject.toml",
    )
    write(repo, UNRATED_C11, "a.yaml")
    result = runner.invoke(app, ["--no-color", "validate", "a.yaml"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.startswith("pyproject.toml:")]
    assert [line.split(" error ")[0] for line in lines] == [
        "pyproject.toml:5:24:",
        "pyproject.toml:6:1:",
        "pyproject.toml:9:1:",
    ]
    assert lines[0].endswith("[wrong-value]") and lines[1].endswith("[unknown-framework]")
    inline = write(
        repo, '[tool.coalition]\nseverity = { not-rated = "error", syntax = "ignore" }\n', "pyproject.toml"
    )
    result = runner.invoke(app, ["--no-color", "validate", "a.yaml"])
    assert f"{inline.name}:2:35: error syntax cannot be turned off" in result.output
    broken = write(repo, "[tool.coalition]\nignore = [\n", "pyproject.toml")
    result = runner.invoke(app, ["--no-color", "validate", "a.yaml"])
    assert result.exit_code == 2
    assert f"{broken.name}:3:1: error not valid TOML" in result.output


def test_settings_exclude_folders_and_name_the_rubric(runner: CliRunner, repo: Path) -> None:
    rubric = (Path(__file__).parents[2] / "framework_data" / "community-framework.yaml").read_text(
        encoding="utf-8"
    )
    (repo / "rubrics").mkdir()
    (repo / "rubrics" / "ours.yaml").write_text(rubric, encoding="utf-8")
    write(repo, "exclude: [drafts/, '*.draft.yaml']\nframework: rubrics/ours.yaml\n", ".coalition.yaml")
    (repo / "drafts").mkdir()
    write(repo / "drafts", BROKEN, "broken.yaml")
    write(repo, BROKEN, "x.draft.yaml")
    text = VALID_HEADER.replace("community-framework", "somewhere-else") + full_ratings()
    write(repo, text, "term.yaml")
    status, report = _json(runner, ".")
    # term.yaml, and the rubric, checked as a rubric
    assert (status, report["summary"]["files"], report["problems"]) == (0, 2, [])
    # a file named on the command line is checked, excluded or not, unless pre-commit names it
    assert _json(runner, "drafts/broken.yaml")[0] == 1
    hook = runner.invoke(app, ["validate", "--skip-other-yaml", "drafts/broken.yaml"])
    assert hook.exit_code == 0
    assert hook.stderr == "! 0 files checked, 0 valid, 1 excluded by .coalition.yaml\n"


@pytest.mark.parametrize("settings", [".coalition.yaml", "pyproject.toml"])
def test_files_the_hook_names_and_the_settings_exclude_are_counted_as_excluded(
    runner: CliRunner, repo: Path, settings: str
) -> None:
    """pre-commit names a changed file the settings exclude: the run says the settings left it out
    (naming them), not that no YAML file was given; GitHub gets no 'no files found' warning."""
    if settings == "pyproject.toml":
        write(repo, '[tool.coalition]\nexclude = ["errs/"]\n', settings)
    else:
        write(repo, "exclude: [errs/]\n", settings)
    (repo / "errs").mkdir()
    write(repo / "errs", BROKEN, "many.yaml")
    write(repo, VALID_HEADER + full_ratings(), "term.yaml")
    hook = ["validate", "--skip-other-yaml", "errs/many.yaml"]
    result = runner.invoke(app, ["--no-color", *hook])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"! 0 files checked, 0 valid, 1 excluded by {settings}\n"
    both = runner.invoke(app, ["--no-color", *hook, "term.yaml"])
    assert both.stderr == f"✓ 1 file checked, 1 valid, 1 excluded by {settings}\n"
    github = runner.invoke(app, [*hook, "--format", "github"])
    assert (github.exit_code, github.stdout) == (0, "")
    assert github.stderr == f"! 0 files checked, 0 valid, 1 excluded by {settings}\n"
    status, report = _json(runner, *hook[1:])
    assert (status, report["summary"]["excluded"], report["summary"]["files"]) == (0, 1, 0)


def test_settings_turn_the_fast_path_aside(repo: Path) -> None:
    """A clean file with a settings file that makes a warning an error: the models see the settings."""
    write(repo, "severity:\n  not-rated: error\n", ".coalition.yaml")
    write(repo, UNRATED_C11, "a.yaml")
    result = coalition("validate", "a.yaml", cwd=repo)
    assert result.returncode == 1
    assert "a.yaml:5:3: error C1.1 Executive Leadership is not rated yet [not-rated]" in result.stdout


# --- inline suppression -----------------------------------------------------------------------------


def test_a_comment_suppresses_a_code_on_its_line(runner: CliRunner, repo: Path) -> None:
    text = UNRATED_C11.replace(
        "  C1.1:\n", "  C1.1:  # coalition: ignore[not-rated]  (waiting for the MOU)\n"
    )
    write(repo, text, "a.yaml")
    status, report = _json(runner, "--strict", "a.yaml")
    assert (status, report["problems"], report["summary"]["suppressed"]) == (0, [], 1)
    assert "suppressed" not in report
    shown = runner.invoke(app, ["--no-color", "validate", "--show-suppressed", "a.yaml"])
    assert (
        "a.yaml:5:3: warning C1.1 Executive Leadership is not rated yet [not-rated] (suppressed)"
        in shown.stdout
    )
    assert "1 suppressed" in shown.stderr
    assert _json(runner, "--show-suppressed", "a.yaml")[1]["suppressed"][0]["code"] == "not-rated"
    github = runner.invoke(app, ["validate", "--format", "github", "--show-suppressed", "a.yaml"])
    assert github.stdout == (  # a notice on the pull request (review s15 #7)
        "::notice file=a.yaml,line=5,col=3,title=not-rated::C1.1 Executive Leadership is not rated yet (suppressed)\n"
    )


@pytest.mark.parametrize(
    "comment",
    ["# Coalition: Ignore[Not-Rated]", "# COALITION: IGNORE[NOT-RATED]", "#coalition:ignore[not-rated]"],
)
def test_a_suppression_is_read_in_any_case(runner: CliRunner, repo: Path, comment: str) -> None:
    """`# Coalition: Ignore[Not-Rated]` neither suppressed nor was reported (review s15 #8)."""
    write(repo, UNRATED_C11.replace("  C1.1:\n", f"  C1.1:  {comment}\n"), "a.yaml")
    status, report = _json(runner, "--strict", "a.yaml")
    assert (status, report["problems"], report["summary"]["suppressed"]) == (0, [], 1)
    fast = coalition("validate", "--strict", "a.yaml", cwd=repo)  # validate's fast path, the same
    assert fast.returncode == 0 and "1 suppressed" in fast.stderr


def test_a_suppression_that_suppresses_nothing_is_flagged(runner: CliRunner, repo: Path) -> None:
    text = VALID_HEADER + full_ratings().replace(
        "  C1.2:\n", "  C1.2:  # coalition: ignore[not-rated, not-ratd]\n"
    ).replace("  C1.3:\n", "  C1.3:  # coalition: ignore\n")
    text = text.replace("coalition: Riverside", "coalition: Riverside  # coalition: ignore[unknown-key]")
    write(repo, text, "a.yaml")
    status, report = _json(runner, "a.yaml")
    assert status == 0
    messages = [(p["line"], p["column"], p["code"], p["message"]) for p in report["problems"]]
    assert messages == [
        (
            2,
            23,
            "unused-suppression",
            "unknown-key cannot be suppressed: it is an error, which makes the file unusable; fix it instead",
        ),
        (7, 10, "unused-suppression", "nothing to suppress: no not-rated problem on this line"),
        (7, 10, "unused-suppression", "unknown code 'not-ratd' in a suppression (did you mean 'not-rated'?)"),
        (
            9,
            10,
            "unused-suppression",
            "name the codes to suppress on this line, like `# coalition: ignore[not-rated]`",
        ),
    ]
    assert _json(runner, "--strict", "a.yaml")[0] == 1


def test_an_error_cannot_be_suppressed(runner: CliRunner, repo: Path) -> None:
    text = VALID_HEADER + full_ratings().replace(
        "    stage: 2\n", "    stage: 9  # coalition: ignore[stage-out-of-range]\n", 1
    )
    write(repo, text, "a.yaml")
    status, report = _json(runner, "a.yaml")
    assert status == 1
    assert {p["code"] for p in report["problems"]} == {"stage-out-of-range", "unused-suppression"}


SUPPRESSED_C11 = UNRATED_C11.replace(
    "  C1.1:\n", "  C1.1:  # coalition: ignore[not-rated]  (waiting for the MOU)\n"
)
"""C1.1 not rated, and a comment on its line (5:10) suppressing that."""


def _suppressions(report: dict) -> list[tuple[int, int, str, str]]:  # type: ignore[type-arg]
    return [
        (p["line"], p["column"], p["severity"], p["message"])
        for p in report.get("problems", [])
        if p["code"] == "unused-suppression"
    ]


def test_a_suppression_is_not_judged_while_the_rubric_cannot_be_read(runner: CliRunner, repo: Path) -> None:
    """Review s11 #4a: with the rubric invalid (or not found), the rubric checks do not run, so a
    comment suppressing not-rated on an unrated indicator is not "unused": its problem is there."""
    from tests.support.custom_rubric import write_rubric

    (repo / ".git").mkdir()
    rubric = write_rubric(repo / "rubrics" / "ours.yaml")
    rubric.write_text(
        rubric.read_text(encoding="utf-8").replace(", 2: Stage 2 of D-b.", ""), encoding="utf-8"
    )
    (repo / "terms").mkdir()
    assessment = (
        "framework: ../rubrics/ours.yaml\ncoalition: Riverside\nassessed_on: 2026-03-14\nratings:\n"
        "  D-a:\n    stage: 1\n  D-b:  # coalition: ignore[not-rated]\n"
    )
    write(repo / "terms", assessment, "a.yaml")
    write(repo, SUPPRESSED_C11.replace("community-framework", "no-such-framework"), "b.yaml")
    for name, code in (("terms/a.yaml", "invalid-framework"), ("b.yaml", "unknown-framework")):
        status, report = _json(runner, "--strict", name)
        assert (status, [p["code"] for p in report["problems"]]) == (1, [code])
    # once the rubric can be read, the comment is judged again: used, then unused
    write_rubric(repo / "rubrics" / "ours.yaml")
    status, report = _json(runner, "--strict", "terms/a.yaml")
    assert (status, report["problems"], report["summary"]["suppressed"]) == (0, [], 1)
    write(repo / "terms", assessment.replace("  D-b:  #", "  D-b:\n    stage: 2  #"), "a.yaml")
    assert _suppressions(_json(runner, "terms/a.yaml")[1]) == [
        (8, 15, "warning", "nothing to suppress: no not-rated problem on this line")
    ]


def test_a_suppression_is_not_judged_in_a_file_no_check_could_read(runner: CliRunner, repo: Path) -> None:
    """Nothing past the YAML is checked in a file that does not parse, nor the profile's coalition
    while the profile named cannot be read: comments for those codes are not called unused."""
    write(repo, SUPPRESSED_C11.replace("assessed_on", "\tassessed_on"), "tab.yaml")
    status, report = _json(runner, "--strict", "tab.yaml")
    assert (status, [p["code"] for p in report["problems"]]) == (1, ["syntax"])
    profiled = VALID_HEADER + "profile: coalition.yaml  # coalition: ignore[profile-other-coalition]\n"
    write(repo, profiled + full_ratings(), "c.yaml")
    status, report = _json(runner, "--strict", "c.yaml")
    assert (status, [p["code"] for p in report["problems"]]) == (1, ["profile-not-found"])
    write(
        repo,
        "name: Riverside Pathways Coalition\nmembers:\n  - organization: Library\n    stakeholder_group: community-based-organizations\n",
        "coalition.yaml",
    )
    status, report = _json(runner, "--strict", "c.yaml")
    assert _suppressions(report) == [
        (4, 26, "error", "nothing to suppress: no profile-other-coalition problem on this line")
    ]


@pytest.mark.parametrize(
    ("settings", "name", "said"),
    [
        ("ignore: [not-rated]\n", ".coalition.yaml", "not-rated is ignored by .coalition.yaml"),
        ("severity:\n  not-rated: ignore\n", ".coalition.yaml", "not-rated is ignored by .coalition.yaml"),
        (
            '[tool.coalition]\nignore = ["not-rated"]\n',
            "pyproject.toml",
            "not-rated is ignored by pyproject.toml",
        ),
        (
            "select: [target-not-above-stage, unused-suppression]\n",
            ".coalition.yaml",
            "not-rated is not among the codes selected by .coalition.yaml",
        ),
    ],
)
def test_a_suppression_of_a_code_the_settings_turn_off_names_them(
    runner: CliRunner, repo: Path, settings: str, name: str, said: str
) -> None:
    """Review s11 #4b: as ruff's unused-noqa says "non-enabled", the comment is reported as doing
    nothing because the settings turn its code off, not because the line has no such problem. It is
    still unused-suppression: a warning, an error when the run is strict."""
    write(repo, settings, name)
    write(repo, SUPPRESSED_C11, "a.yaml")
    expected = f"nothing to suppress: {said}, so this comment need not name it"
    status, report = _json(runner, "a.yaml")
    assert (status, _suppressions(report)) == (0, [(5, 10, "warning", expected)])
    status, report = _json(runner, "--strict", "a.yaml")
    assert (status, _suppressions(report)) == (1, [(5, 10, "error", expected)])


def test_a_suppression_of_a_code_the_command_line_turns_off_names_the_option(
    runner: CliRunner, repo: Path
) -> None:
    write(repo, SUPPRESSED_C11, "a.yaml")
    ignored = _json(runner, "--ignore", "not-rated", "a.yaml")
    unselected = _json(runner, "--select", "unused-suppression", "a.yaml")
    assert [_suppressions(report)[0][3] for _, report in (ignored, unselected)] == [
        "nothing to suppress: not-rated is ignored by --ignore, so this comment need not name it",
        "nothing to suppress: not-rated is not among the codes selected by --select, so this comment need not name it",
    ]


# --- --select, --ignore, --exit-zero, --statistics --------------------------------------------------


def test_select_and_ignore_by_code(runner: CliRunner, repo: Path) -> None:
    text = (
        UNRATED_C11.replace("  C1.2:\n    stage: 2\n", "  C1.2:\n    stage: 2\n    target: 1\n")
        + "colour: red\n"
    )
    write(repo, text, "a.yaml")
    everything = {p[2] for p in _codes(_json(runner, "a.yaml")[1])}
    assert everything == {"not-rated", "target-not-above-stage", "unknown-key"}
    assert {p[2] for p in _codes(_json(runner, "--select", "not-rated", "a.yaml")[1])} == {
        "not-rated",
        "unknown-key",
    }
    ignored = _json(runner, "--ignore", "not-rated,target-not-above-stage", "a.yaml")[1]
    assert {p[2] for p in _codes(ignored)} == {"unknown-key"}
    refused = runner.invoke(app, ["validate", "--ignore", "unknown-key", "a.yaml"])
    assert refused.exit_code == 2 and "unknown-key cannot be turned off" in refused.output
    typo = runner.invoke(app, ["validate", "--select", "not-ratd", "a.yaml"])
    assert typo.exit_code == 2 and "did you mean 'not-rated'?" in typo.output


def test_settings_make_the_run_strict_and_select_codes(runner: CliRunner, repo: Path) -> None:
    """`strict: true` and `select:` in the settings act as --strict and --select, so CI, pre-commit and
    a run at a desk agree; --select on the command line replaces the settings' list."""
    text = UNRATED_C11.replace("  C1.2:\n    stage: 2\n", "  C1.2:\n    stage: 2\n    target: 1\n")
    write(repo, text, "a.yaml")
    write(repo, "select: [target-not-above-stage]\n", ".coalition.yaml")
    status, report = _json(runner, "a.yaml")
    assert status == 0 and _codes(report) == [(9, 13, "target-not-above-stage")]
    assert report["problems"][0]["severity"] == "warning"
    status, report = _json(runner, "--select", "not-rated", "a.yaml")
    assert status == 0 and _codes(report) == [(5, 3, "not-rated")]

    write(repo, "strict: true\nselect: [target-not-above-stage]\n", ".coalition.yaml")
    status, report = _json(runner, "a.yaml")
    assert status == 1 and _codes(report) == [(9, 13, "target-not-above-stage")]
    assert report["problems"][0]["severity"] == "error"
    assert _json(runner, "--isolated", "a.yaml")[0] == 0

    write(repo, "[tool.coalition]\nstrict = true\n", "pyproject.toml")
    (repo / ".coalition.yaml").unlink()
    status, report = _json(runner, "a.yaml")
    assert status == 1 and {p["severity"] for p in report["problems"]} == {"error"}


def test_strict_and_select_settings_are_checked_where_they_are_written(runner: CliRunner, repo: Path) -> None:
    write(repo, "strict: yes\nselect:\n  - not-ratd\n", ".coalition.yaml")
    write(repo, UNRATED_C11, "a.yaml")
    result = runner.invoke(app, ["--no-color", "validate", "a.yaml"])
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0].startswith(".coalition.yaml:1:9: error strict: must be true or false"), lines[0]
    assert lines[1].startswith(
        ".coalition.yaml:3:5: error unknown code 'not-ratd' (did you mean 'not-rated'?)"
    )


def test_selecting_an_error_code_in_the_settings_is_a_located_problem(runner: CliRunner, repo: Path) -> None:
    """Errors are always reported, so `select: [unknown-key]` would do nothing while the team believes
    it chose something: it is refused at its line, and nothing is checked (exit 2)."""
    write(repo, "select:\n  - not-rated\n  - unknown-key\n", ".coalition.yaml")
    write(repo, UNRATED_C11, "a.yaml")
    result = runner.invoke(app, ["--no-color", "validate", "a.yaml"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:2] == [
        ".coalition.yaml:3:5: error unknown-key cannot be selected: it is an error, and errors are always "
        "reported; select names only the warning codes to report [wrong-value]",
        "error: the settings in .coalition.yaml have 1 problem; nothing was checked",
    ]
    write(repo, "select: too-many-problems\n", ".coalition.yaml")  # a warning, but always reported
    result = runner.invoke(app, ["--no-color", "validate", "a.yaml"])
    assert result.exit_code == 2
    assert ".coalition.yaml:1:9: error too-many-problems cannot be selected: it is always reported" in (
        result.stderr
    )
    # `severity:` is unchanged: any code may still be made an error
    write(repo, "select: [not-rated]\nseverity:\n  unknown-key: error\n", ".coalition.yaml")
    assert _json(runner, "a.yaml") == (0, _json(runner, "a.yaml")[1])
    assert _codes(_json(runner, "a.yaml")[1]) == [(5, 3, "not-rated")]

    (repo / ".coalition.yaml").unlink()
    write(repo, '[tool.coalition]\nselect = ["not-rated", "stage-out-of-range"]\n', "pyproject.toml")
    result = coalition("--no-color", "validate", "a.yaml", cwd=repo)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(
        "pyproject.toml:2:24: error stage-out-of-range cannot be selected: it is an error"
    )


def test_selecting_an_error_code_on_the_command_line_is_a_usage_error(runner: CliRunner, repo: Path) -> None:
    write(repo, UNRATED_C11, "a.yaml")
    result = runner.invoke(app, ["validate", "--isolated", "--select", "not-rated,unknown-key", "a.yaml"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: --select unknown-key: unknown-key cannot be selected: it is an error, and errors are "
        "always reported; select names only the warning codes to report"
    ]
    # a real process, as CI runs it: the exit status is 2, not 0 with the file passed
    process = coalition("validate", "--select", "stage-out-of-range", "a.yaml", cwd=repo)
    assert (process.returncode, process.stdout) == (2, "")
    assert "--select stage-out-of-range: stage-out-of-range cannot be selected" in process.stderr
    assert coalition("validate", "--select", "not-rated", "a.yaml", cwd=repo).returncode == 0


def test_exit_zero_reports_and_passes(runner: CliRunner, repo: Path) -> None:
    write(repo, VALID_HEADER + "colour: red\n", "a.yaml")
    result = runner.invoke(app, ["validate", "--exit-zero", "a.yaml"])
    assert result.exit_code == 0
    assert "[unknown-key]" in result.stdout
    missing = runner.invoke(app, ["validate", "--exit-zero", "missing.yaml"])
    assert missing.exit_code == 2


def test_statistics_count_each_code(runner: CliRunner, repo: Path) -> None:
    write(repo, VALID_HEADER + "colour: red\nshade: blue\n", "a.yaml")
    result = runner.invoke(app, ["--no-color", "validate", "--statistics", "a.yaml"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == ["22  warning  not-rated", " 2  error    unknown-key"]
    report = _json(runner, "--statistics", "a.yaml")[1]
    assert report["statistics"] == [
        {"code": "not-rated", "severity": "warning", "count": 22},
        {"code": "unknown-key", "severity": "error", "count": 2},
    ]
    assert "problems" not in report
    wrong = runner.invoke(app, ["validate", "--statistics", "--format", "sarif", "a.yaml"])
    assert wrong.exit_code == 2


# --- folders as git sees them -----------------------------------------------------------------------


def test_gitignored_files_are_not_walked(runner: CliRunner, repo: Path) -> None:
    (repo / ".git" / "info").mkdir(parents=True)
    (repo / ".git" / "info" / "exclude").write_text("local.yaml\n")
    (repo / ".gitignore").write_text("build/\n*.tmp.yaml\n")
    for folder in ("build", "terms", "terms/old"):
        (repo / folder).mkdir()
    (repo / "terms" / ".gitignore").write_text("old/*\n!old/keep.yaml\n")
    for path in ("build/x.yaml", "a.tmp.yaml", "local.yaml", "terms/old/gone.yaml"):
        write(repo, BROKEN, path)
    for path in ("terms/a.yaml", "terms/old/keep.yaml"):
        write(repo, VALID_HEADER + full_ratings(), path)
    status, report = _json(runner, ".")
    assert (status, report["summary"]["files"], report["problems"]) == (0, 2, [])
    named = _json(runner, "build/x.yaml")
    assert named[0] == 1  # a file named on the command line is checked, as git would `git add -f` it


def test_gitignore_is_read_only_inside_a_repository(runner: CliRunner, repo: Path) -> None:
    (repo / ".gitignore").write_text("*.yaml\n")
    write(repo, BROKEN, "a.yaml")
    assert _json(runner, ".")[0] == 1
    os.mkdir(repo / ".git")
    assert _json(runner, ".")[1]["summary"]["files"] == 0
