"""The proof that a file is clean (core/checks/fastcheck.py): never claimed for a file the models fault,
made for the clean files people really write, and made from a shipped index that is kept current."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from coalition_cli.core.checks import fastcheck
from coalition_cli.core.checks.fast_index import SCRIPT, stale
from coalition_cli.core.checks.fastcheck import load_index, text_proven_clean
from coalition_cli.core.files.resources import framework_data_dir
from coalition_cli.core.loading.assessments import check_assessment
from coalition_cli.core.loading.frameworks import bundled_framework_ids
from tests.support.assessment_edits import IDS, clean_document, edit, edited_documents, yaml_text


def full_check(tmp_path: Path, text: str, *, strict: bool = False) -> list[str]:
    check = check_assessment(tmp_path / "assessment.yaml", text=text, strict=strict)
    return [f"{p.line}:{p.column} {p.severity.value} {p.code}: {p.message}" for p in check.problems]


# --- the shipped index ---------------------------------------------------------------------------


@pytest.mark.parametrize("framework_id", bundled_framework_ids())
def test_the_shipped_index_is_what_the_builder_makes_now(framework_id: str) -> None:
    reason = stale(framework_id)
    assert reason is None, f"{reason}: run `{SCRIPT}` and commit the index"
    assert load_index(framework_id) is not None


def test_a_changed_rubric_makes_its_index_unusable(tmp_path: Path) -> None:
    copied = tmp_path / "framework_data"
    shutil.copytree(framework_data_dir(), copied)
    assert load_index("community-framework", copied) is not None
    rubric = copied / "community-framework.yaml"
    rubric.write_text(rubric.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    load_index.cache_clear()
    assert load_index("community-framework", copied) is None
    assert not text_proven_clean(yaml_text(clean_document()), copied)


def test_another_rules_version_makes_the_index_unusable(monkeypatch: pytest.MonkeyPatch) -> None:
    load_index.cache_clear()
    monkeypatch.setattr(fastcheck, "RULES_VERSION", fastcheck.RULES_VERSION + 1)
    assert load_index("community-framework") is None
    assert not text_proven_clean(yaml_text(clean_document()))
    load_index.cache_clear()


def test_crlf_line_endings_in_the_rubric_leave_the_index_current(tmp_path: Path) -> None:
    """What git's autocrlf does to a checkout: the same rubric, so the same index."""
    copied = tmp_path / "framework_data"
    shutil.copytree(framework_data_dir(), copied)
    for name in ("community-framework.yaml", "coalition-guide.yaml"):
        path = copied / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    load_index.cache_clear()
    assert load_index("community-framework", copied) is not None
    assert text_proven_clean(yaml_text(clean_document()), copied)


def test_a_changed_guide_makes_the_index_unusable(tmp_path: Path) -> None:
    copied = tmp_path / "framework_data"
    shutil.copytree(framework_data_dir(), copied)
    (copied / "coalition-guide.yaml").write_text("stakeholder_groups: []\n", encoding="utf-8")
    load_index.cache_clear()
    assert load_index("community-framework", copied) is None


@pytest.mark.parametrize("reference", ["../community-framework", "Community-Framework", "nope", "x.yaml", ""])
def test_only_bundled_ids_with_an_index_are_looked_up(reference: str) -> None:
    assert load_index(reference) is None


# --- clean files are proven clean ----------------------------------------------------------------


def test_a_realistic_clean_file_is_proven_clean(tmp_path: Path) -> None:
    text = yaml_text(clean_document())
    assert full_check(tmp_path, text, strict=True) == []
    assert text_proven_clean(text)


def test_block_yaml_with_comments_crlf_and_a_bom_is_proven_clean(tmp_path: Path) -> None:
    lines = [
        "# yaml-language-server: $schema=coalition.schema.json",
        "framework: community-framework   # the bundled rubric",
        "coalition: Riverside Pathways Coalition",
        "assessed_on: 2026-03-14",
        "participants:",
        "ratings:",
    ]
    for indicator in IDS:
        lines += [f"  {indicator}:  # a comment", "    stage: Developing", "    target: 3"]
    text = "\ufeff" + "\r\n".join(lines) + "\r\n"
    path = tmp_path / "block.yaml"
    path.write_bytes(text.encode("utf-8"))
    assert check_assessment(path, strict=True).problems == ()
    from coalition_cli.core.checks.fastcheck import file_proven_clean

    assert file_proven_clean(path)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda d: d["ratings"].pop("C7.2"), "an indicator not rated yet is a warning"),
        (lambda d: d["ratings"].update({"C7.2": None}), "a null rating is not rated"),
        (lambda d: d["ratings"]["C7.2"].update({"stage": None}), "a null stage is not rated"),
        (lambda d: d["ratings"]["C1.2"].update({"target": 1}), "a target below the stage (2) is a warning"),
        (lambda d: d["ratings"]["C1.2"].update({"target": "emerging"}), "the same, written as a name"),
        (
            lambda d: d["ratings"]["C1.1"].update({"target": 1}),
            "a target equal to the stage (1) is a warning",
        ),
        (lambda d: d["ratings"]["C1.1"].update({"target": " Emerging "}), "the same, written as a name"),
        (lambda d: d.update({"profile": "coalition.yaml"}), "a profile is another file to check"),
        (lambda d: d.update({"framework": "../framework_data/community-framework.yaml"}), "a rubric path"),
        (lambda d: d.update({"assessed_on": "2026-02-30"}), "no such date"),
        (lambda d: d.update({"colaition": "x"}), "an unknown key"),
        (lambda d: d["ratings"].update({"C12": {"stage": 2}}), "an unknown indicator"),
        (lambda d: d["ratings"]["C1.1"].update({"stage": 5}), "a stage out of range"),
        (lambda d: d["ratings"]["C1.1"].update({"stage": "Emergin"}), "an unknown stage name"),
        (lambda d: d["ratings"]["C1.1"].update({"priority": "yes"}), "a priority that is not true/false"),
        (lambda d: d["participants"][0].update({"stakeholder_group": "k12"}), "an unknown group"),
        (lambda d: d["ratings"]["C1.1"]["actions"][0].update({"status": "Done"}), "an unknown status"),
        (lambda d: d["ratings"]["C6.1"].update({"stage": 4}), "linked indicators (C1.3 is 3) rated apart"),
        (lambda d: d["ratings"]["C1.3"].update({"stage": "emerging"}), "the same, written as a name"),
    ],
)
def test_files_with_something_to_report_are_never_proven_clean(tmp_path: Path, change: Any, why: str) -> None:
    document = clean_document()
    change(document)
    text = yaml_text(document)
    assert full_check(tmp_path, text), why
    assert not text_proven_clean(text), why


@pytest.mark.parametrize(
    "text",
    [
        "",
        "- a list\n",
        "framework: community-framework\nframework: community-framework\n",
        "<<<<<<< HEAD\nframework: community-framework\n=======\n>>>>>>> other\n",
        "base: &a {x: 1}\nother: *a\n",
        "framework: [unclosed\n",
    ],
)
def test_text_that_is_not_plainly_an_assessment_is_left_to_the_models(text: str) -> None:
    assert not text_proven_clean(text)


# --- never a false "clean": the property ---------------------------------------------------------


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=edited_documents(), strict=st.booleans())
def test_a_file_proven_clean_has_nothing_to_report(
    tmp_path: Path, document: dict[str, Any], strict: bool
) -> None:
    text = yaml_text(document)
    clean = text_proven_clean(text)
    event("proven clean" if clean else "left to the models")
    if clean:
        assert full_check(tmp_path, text, strict=strict) == []


def test_the_edits_leave_many_files_clean() -> None:
    """The property above means something only if many edited files are proven clean."""
    rng = random.Random(2026)
    outcomes = [text_proven_clean(yaml_text(edit(clean_document(), rng.choice))) for _ in range(300)]
    assert sum(outcomes) >= len(outcomes) // 10
