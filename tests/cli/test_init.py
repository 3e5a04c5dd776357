"""`coalition init`: a new file that validates, never an overwrite, and rolling a term forward."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core.loading.assessments import load_assessment
from coalition_cli.core.wording import long_date
from tests.support.paths import FIXTURES


def test_init_writes_every_indicator_unrated_with_the_rubric_as_comments(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "spring.yaml"
    result = runner.invoke(
        app,
        [
            "init",
            str(target),
            "--coalition",
            "Riverside: Pathways",
            "--date",
            "2026-03-14",
            "--term",
            "Spring",
        ],
    )
    assert result.exit_code == 0, result.output
    text = target.read_text()
    assert "coalition: 'Riverside: Pathways'" in text  # quoted where YAML needs it
    assert text.count("    stage: null\n") == 22
    assert (
        "  C1.2:  # Operational Working Groups\n    # 1 Emerging: An informal group of diverse stakeholders"
        in text
    )
    assert all(len(line) <= 100 for line in text.splitlines() if line.lstrip().startswith("#"))
    loaded = load_assessment(target)
    assert loaded.assessment.coalition == "Riverside: Pathways"
    assert loaded.assessment.term == "Spring"
    assert set(loaded.stages.values()) == {None}
    report = json.loads(runner.invoke(app, ["validate", "--format", "json", str(target)]).stdout)
    assert report["summary"] == {
        "files": 1,
        "valid": 1,
        "errors": 0,
        "warnings": 22,
        "skipped": 0,
        "suppressed": 0,
        "excluded": 0,
    }


def test_the_header_says_when_text_needs_quotes_and_how_to_write_several_lines(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Review s12 #1 and #12: nothing in the file said that ` #` starts a comment (`owner: Teamsters
    Local #42` was read as 'Teamsters Local'), nor how to write evidence over several lines. Two short
    lines of the header say so, and its example reads as it says."""
    target = tmp_path / "spring.yaml"
    result = runner.invoke(app, ["init", str(target), "--coalition", "Lakeview", "--date", "2026-11-15"])
    assert result.exit_code == 0, result.output
    header = target.read_text(encoding="utf-8").split("framework:", 1)[0].splitlines()
    assert header[-2:] == [
        '# Quote text holding " #" or ": ", or starting with a symbol: owner: "Teamsters Local #42".',
        "# Evidence of several lines: `evidence: |`, then the lines indented below it.",
    ]
    assert len(header) <= 6 and all(len(line) <= 100 for line in header)
    from coalition_cli.core.yaml.source import parse_fast

    example = header[-2].rpartition(": ")[0].rpartition("symbol: ")[2] + ': "Teamsters Local #42"'
    assert parse_fast(example) == {"owner": "Teamsters Local #42"}
    assert parse_fast("evidence: |\n  Monthly meetings.\n  Minutes on the drive.\n") == {
        "evidence": "Monthly meetings.\nMinutes on the drive.\n"
    }


def test_init_refuses_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "spring.yaml"
    target.write_text("# our notes\n")
    result = runner.invoke(app, ["init", str(target), "--coalition", "X"])
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert target.read_text() == "# our notes\n"


def test_init_needs_a_name_and_a_real_date(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(app, ["init", str(tmp_path / "a.yaml")]).exit_code == 2
    bad = runner.invoke(app, ["init", str(tmp_path / "a.yaml"), "--coalition", "X", "--date", "2026-02-30"])
    assert bad.exit_code == 2
    assert "not a date" in bad.output
    assert not (tmp_path / "a.yaml").exists()


@pytest.mark.usefixtures("fixtures_allowed")
def test_init_from_last_term_keeps_coalition_and_participants(
    runner: CliRunner, tmp_path: Path, examples: Path
) -> None:
    fall = examples / "riverside" / "2025-09-fall.yaml"
    target = tmp_path / "next.yaml"
    result = runner.invoke(app, ["init", str(target), "--from", str(fall), "--date", "2026-09-17"])
    assert result.exit_code == 0, result.output
    new, old = load_assessment(target), load_assessment(fall)
    assert new.assessment.coalition == old.assessment.coalition
    assert new.assessment.participants == old.assessment.participants
    assert set(new.stages.values()) == {None}, "ratings are left for the team to confirm"
    text = target.read_text()
    c11 = old.stage("C1.1")
    assert c11 is not None
    assert f"    # Last term (2025-09-18): {c11} {old.framework.stage_name(c11)}." in text
    assert "Evidence then:" in text
    said = " ".join(result.output.split())
    assert "indicators to rate, dated 17 September 2026." in said and "(today)" not in said
    assert new.assessment.facilitator == old.assessment.facilitator is not None
    assert f"The facilitator is Fall 2025's ({old.assessment.facilitator}): change it in" in said


def test_init_from_last_term_says_the_teams_targets_and_priorities_beside_its_stages(
    runner: CliRunner, tmp_path: Path, examples: Path
) -> None:
    """They are set again each term: the comment says what the team set itself last time."""
    shutil.copytree(examples / "riverside", tmp_path / "riverside")  # next term beside the profile
    spring = tmp_path / "riverside" / "2026-03-spring.yaml"
    target = tmp_path / "riverside" / "next.yaml"
    result = runner.invoke(app, ["init", str(target), "--from", str(spring)])
    assert result.exit_code == 0, result.output
    text = target.read_text()
    assert "    # Last term (2026-03-14): 2 Developing; target 3 Advancing.\n" in text  # C1.2
    last = load_assessment(spring)
    marked = [i for i, rating in last.assessment.ratings.items() if rating.priority]
    assert marked and all(
        "; a priority.\n" in text.split(f"\n  {i}:", 1)[1].split("\n  C", 1)[0] for i in marked
    )
    said = " ".join(result.output.split())
    today = long_date(dt.date.today())
    assert f"dated {today} (today). If the team meets on another day, write that day as assessed_on" in said


@pytest.mark.usefixtures("fixtures_allowed")
def test_init_with_a_framework_path_keeps_it_relative_to_the_new_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    rubric = FIXTURES / "frameworks" / "tiny-rubric.yaml"
    first = tmp_path / "a" / "first.yaml"
    first.parent.mkdir()
    assert (
        runner.invoke(app, ["init", str(first), "--framework", str(rubric), "--coalition", "T"]).exit_code
        == 0
    )
    second = tmp_path / "b" / "second.yaml"
    second.parent.mkdir()
    result = runner.invoke(app, ["init", str(second), "--from", str(first)])
    assert result.exit_code == 0, result.output
    assert load_assessment(second).framework.id == "tiny-rubric"


def test_a_name_with_line_breaks_cannot_inject_yaml(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    result = runner.invoke(app, ["init", str(target), "--coalition", "Evil\nratings: oops\n# x"])
    assert result.exit_code == 0, result.output
    assert load_assessment(target).assessment.coalition == "Evil\nratings: oops\n# x"


def test_a_name_with_unicode_line_separators_cannot_inject_yaml(runner: CliRunner, tmp_path: Path) -> None:
    # U+2028 and NEL end a comment line for the YAML parser: they must not end the header comment
    for n, name in enumerate(["Evil\u2028x: 1", "Evil\x85ratings: oops", "Evil\ufeff\u2029term: 1"]):
        target = tmp_path / f"{n}.yaml"
        result = runner.invoke(app, ["init", str(target), "--coalition", name])
        assert result.exit_code == 0, result.output
        assert load_assessment(target).assessment.coalition == name


def test_last_terms_evidence_stays_in_its_comments_line_by_line(runner: CliRunner, tmp_path: Path) -> None:
    fall = tmp_path / "fall.yaml"
    assert runner.invoke(app, ["init", str(fall), "--coalition", "X", "--date", "2025-09-18"]).exit_code == 0
    text = fall.read_text(encoding="utf-8").replace(
        "    stage: null", '    stage: 2\n    evidence: "Minutes.\\nSurvey\\Lstage: 4"', 1
    )
    fall.write_text(text, encoding="utf-8")
    spring = tmp_path / "spring.yaml"
    result = runner.invoke(app, ["init", str(spring), "--from", str(fall), "--date", "2026-03-14"])
    assert result.exit_code == 0, result.output
    assert "    # Evidence then: Minutes.\n    #   Survey\n    #   stage: 4\n" in spring.read_text(
        encoding="utf-8"
    )
    assert set(load_assessment(spring).stages.values()) == {None}


def test_last_terms_notes_are_shown_as_comments_not_made_this_terms(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Review s11 #9: `init --from` left last term's notes out without a word, while it shows its
    stages and evidence. They are shown the same way, as comments: the file-wide notes where this
    term's would go, an indicator's beside its stage (also when it was not rated: often the reason)."""
    fall = tmp_path / "fall.yaml"
    assert runner.invoke(app, ["init", str(fall), "--coalition", "X", "--date", "2025-09-18"]).exit_code == 0
    text = fall.read_text(encoding="utf-8")
    text = text.replace(
        "    stage: null",
        "    stage: 2\n    evidence: Minutes.\n    notes: >\n      Revisit once the\n      council votes.",
        1,
    )
    text = text.replace("  C1.2:", "  C1.2:\n    notes: The survey comes back in May.", 1)
    text = text.replace(
        "ratings:\n", "notes: |\n  Held at the library.\n  Two partners absent.\nratings:\n", 1
    )
    fall.write_text(text, encoding="utf-8")
    last = load_assessment(fall)
    assert last.assessment.notes and last.assessment.ratings["C1.1"].notes
    spring = tmp_path / "spring.yaml"
    result = runner.invoke(app, ["init", str(spring), "--from", str(fall), "--date", "2026-03-14"])
    assert result.exit_code == 0, result.output
    written = spring.read_text(encoding="utf-8")
    assert "\n# Last term's notes: Held at the library.\n#   Two partners absent.\nratings:\n" in written
    assert (
        "    # Last term (2025-09-18): 2 Developing.\n    # Evidence then: Minutes.\n"
        "    # Notes then: Revisit once the council votes.\n    stage: null\n"
    ) in written
    assert (
        "    # Last term (2025-09-18): not rated.\n    # Notes then: The survey comes back in May.\n"
        in written
    )
    new = load_assessment(spring)
    assert new.assessment.notes is None and all(
        r is None or r.notes is None for r in new.assessment.ratings.values()
    )
    header = " ".join(line.lstrip("# ") for line in written.splitlines()[:8])
    assert "last term's stages, evidence and notes are shown as comments" in header


def test_a_relative_framework_path_is_rewritten_for_the_new_files_folder(
    runner: CliRunner, repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp_path = repository
    # the same rule as `assess` and `consensus -o` (scaffold.framework_reference): a file's reference
    # is read relative to the file, so `--framework rubrics/x.yaml` from here is `../rubrics/x.yaml` there
    rubric = FIXTURES / "frameworks" / "tiny-rubric.yaml"
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "tiny.yaml").write_bytes(rubric.read_bytes())
    (tmp_path / "terms").mkdir()
    monkeypatch.chdir(tmp_path)
    for framework in ("rubrics/tiny.yaml", "./rubrics/tiny.yaml"):
        target = tmp_path / "terms" / "spring.yaml"
        target.unlink(missing_ok=True)
        result = runner.invoke(
            app, ["init", "terms/spring.yaml", "--framework", framework, "--coalition", "T"]
        )
        assert result.exit_code == 0, result.output
        assert "\nframework: ../rubrics/tiny.yaml\n" in target.read_text()
        assert load_assessment(target).framework.id == "tiny-rubric"


def test_init_from_keeps_the_shared_profile_reachable_from_the_new_file(
    runner: CliRunner, repository: Path, examples: Path
) -> None:
    tmp_path = repository
    import shutil

    terms = tmp_path / "riverside"
    shutil.copytree(examples / "riverside", terms)
    target = terms / "next" / "2026-09.yaml"
    target.parent.mkdir()
    result = runner.invoke(app, ["init", str(target), "--from", str(terms / "2026-03-spring.yaml")])
    assert result.exit_code == 0, result.output
    assert "profile: ../coalition.yaml\n" in target.read_text()
    assert load_assessment(target).profile is not None


def test_multi_paragraph_descriptors_keep_their_paragraphs_in_comments(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "a.yaml"
    assert runner.invoke(app, ["init", str(target), "--coalition", "X"]).exit_code == 0
    block = target.read_text().split("  C1.1:", 1)[1].split("    stage: null", 1)[0]
    lines = [line[len("    # ") :] for line in block.splitlines()[1:]]
    third = next(i for i, line in enumerate(lines) if line.startswith("3 Advancing: "))
    paragraph_starts = [line for line in lines[third:] if line.startswith(" " * 13 + "The coalition")]
    assert paragraph_starts, "the second paragraph of stage 3 starts on its own comment line"


def test_init_from_carries_the_region_and_cohort(runner: CliRunner, tmp_path: Path, examples: Path) -> None:
    last = tmp_path / "last.yaml"
    text = (examples / "riverside" / "2026-03-spring.yaml").read_text(encoding="utf-8")
    last.write_text(
        text.replace("profile: coalition.yaml", 'region: "Inland Valley"\ncohort: 2025 cohort'),
        encoding="utf-8",
    )
    target = tmp_path / "next.yaml"
    result = runner.invoke(app, ["init", str(target), "--from", str(last), "--date", "2026-09-17"])
    assert result.exit_code == 0, result.output
    new = load_assessment(target).assessment
    assert (new.region, new.cohort) == ("Inland Valley", "2025 cohort")


def test_what_init_says_fits_80_columns_without_parting_a_stage_from_its_number(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Rich wraps at any space; at 80 columns '3' was left at a line's end and 'Advancing' began the
    next. The stages have a line of their own, the command too."""
    target = tmp_path / "a-rather-long-file-name-for-the-spring-term-of-2026.yaml"
    result = runner.invoke(app, ["init", str(target), "--coalition", "Riverside"], terminal_width=80)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "Stages: 1 Emerging, 2 Developing, 3 Advancing, 4 Transforming." in lines
    assert lines[-1].strip() == f"coalition assess {target}"
