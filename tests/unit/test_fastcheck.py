"""Checking against the shipped index (core/loading/indexed.py) agrees with the models, to the byte.

Where the index answers, a file gets exactly the problems the models give it (the same lines,
columns, severities, codes and words, the same suppressed and uncounted ones); where it cannot tell,
it says so and the models check the file. The agreement is tested problem by problem, then as a
property over edited assessments and profiles; the index itself is what the builder makes now.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from coalition_cli.core.checks import fastcheck
from coalition_cli.core.checks.fast_index import SCRIPT, index_names, stale
from coalition_cli.core.checks.fastcheck import GUIDE_INDEX, load_guide_index, load_index
from coalition_cli.core.codes import Level, Policy, Setting
from coalition_cli.core.files.discovery import Target
from coalition_cli.core.files.resources import framework_data_dir
from coalition_cli.core.loading.assessments import PYDANTIC_ONLY as MODELS
from coalition_cli.core.loading.indexed import INDEX
from coalition_cli.core.loading.outcome import FileOutcome
from coalition_cli.core.loading.pipeline import check_target
from tests.support.assessment_edits import (
    clean_document,
    clean_profile,
    edit,
    edited_documents,
    edited_profiles,
    yaml_text,
)
from tests.support.custom_rubric import write_rubric

ASSESSMENT = "assessment.yaml"


def _seen(outcome: FileOutcome[Any]) -> tuple[Any, ...]:
    """All of an outcome that validate reports (not the value, which only the models make)."""
    located = outcome.located
    return (outcome.file, outcome.skipped, outcome.unreadable, *located)


def both(
    folder: Path,
    text: str | bytes | None = None,
    *,
    name: str = ASSESSMENT,
    strict: bool = False,
    policy: Policy | None = None,
    **kwargs: Any,
) -> tuple[tuple[Any, ...] | None, tuple[Any, ...]]:
    """What the index and the models make of a file (written first, when `text` is given), checked
    with `policy` (else one as strict as said)."""
    path = folder / name
    if text is not None:
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    target = Target(path, from_folder=kwargs.pop("from_folder", False))
    policy = policy if policy is not None else Policy(strict=strict)
    indexed = check_target(INDEX, target, policy=policy, **kwargs)
    modelled = check_target(MODELS, target, policy=policy, **kwargs)
    assert modelled is not None
    return (_seen(indexed) if indexed is not None else None), _seen(modelled)


def agree(folder: Path, text: str | bytes | None = None, **kwargs: Any) -> tuple[Any, ...]:
    """The outcome, when the index answered and agrees with the models (else the test fails)."""
    indexed, modelled = both(folder, text, **kwargs)
    assert indexed is not None, "the index should have answered"
    assert indexed == modelled
    return indexed


def codes_of(seen: tuple[Any, ...]) -> list[str]:
    return [problem.code for problem in seen[3]]


def changed(change: Any, document: dict[str, Any] | None = None) -> str:
    document = document if document is not None else clean_document()
    change(document)
    return yaml_text(document)


# --- the shipped index ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", index_names())
def test_the_shipped_index_is_what_the_builder_makes_now(name: str) -> None:
    reason = stale(name)
    assert reason is None, f"{reason}: run `{SCRIPT}` and commit the index"
    assert (load_guide_index() if name == GUIDE_INDEX else load_index(name)) is not None


def _copied(tmp_path: Path) -> Path:
    copied = tmp_path / "framework_data"
    shutil.copytree(framework_data_dir(), copied)
    load_index.cache_clear()
    load_guide_index.cache_clear()
    return copied


def test_a_changed_rubric_makes_its_index_unusable(tmp_path: Path) -> None:
    copied = _copied(tmp_path)
    assert load_index("community-framework", copied) is not None
    rubric = copied / "community-framework.yaml"
    rubric.write_text(rubric.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    load_index.cache_clear()
    assert load_index("community-framework", copied) is None


def test_a_changed_guide_makes_both_indexes_unusable(tmp_path: Path) -> None:
    copied = _copied(tmp_path)
    (copied / "coalition-guide.yaml").write_text("stakeholder_groups: []\n", encoding="utf-8")
    assert load_index("community-framework", copied) is None
    assert load_guide_index(copied) is None


def test_another_rules_version_makes_the_index_unusable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    load_index.cache_clear()
    load_guide_index.cache_clear()
    monkeypatch.setattr(fastcheck, "RULES_VERSION", fastcheck.RULES_VERSION + 1)
    assert load_index("community-framework") is None
    assert load_guide_index() is None
    indexed, _ = both(tmp_path, yaml_text(clean_document()))
    assert indexed is None  # the models check the file
    load_index.cache_clear()
    load_guide_index.cache_clear()


def test_crlf_line_endings_in_the_data_leave_the_indexes_current(tmp_path: Path) -> None:
    """What git's autocrlf does to a checkout: the same rubric, so the same index."""
    copied = _copied(tmp_path)
    for name in ("community-framework.yaml", "coalition-guide.yaml"):
        path = copied / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert load_index("community-framework", copied) is not None
    assert load_guide_index(copied) is not None


@pytest.mark.parametrize("reference", ["../community-framework", "Community-Framework", "nope", "x.yaml", ""])
def test_only_bundled_ids_with_an_index_are_looked_up(reference: str) -> None:
    assert load_index(reference) is None


def test_the_index_words_stages_as_the_rubric_does() -> None:
    from coalition_cli.core.loading.frameworks import load_framework

    framework, index = load_framework("community-framework"), load_index("community-framework")
    assert index is not None
    assert index.stage_choices() == framework.stage_choices()
    assert [(i.id, i.name) for i in index.indicators] == [(i.id, i.name) for i in framework.indicators]
    assert [index.stage_name(n) for n in index.stage_numbers] == [s.name for s in framework.stages]
    assert [group.indicators for group in index.linked] == [group.indicators for group in framework.linked]


# --- where the index answers, it agrees with the models, problem by problem ------------------------


def test_a_realistic_clean_file(tmp_path: Path) -> None:
    assert agree(tmp_path, yaml_text(clean_document()), strict=True)[3] == ()


def test_block_yaml_with_comments_crlf_and_a_bom(tmp_path: Path) -> None:
    from tests.support.assessment_edits import IDS

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
    assert agree(tmp_path, "\ufeff" + "\r\n".join(lines) + "\r\n", strict=True)[3] == ()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["ratings"].pop("C7.2"), ["not-rated"]),
        (lambda d: d["ratings"].update({"C7.2": None}), ["not-rated"]),
        (lambda d: d["ratings"]["C7.2"].update({"stage": None}), ["not-rated"]),
        (lambda d: d.update({"ratings": None}), ["not-rated"] * 22),
        (lambda d: d["ratings"]["C1.2"].update({"target": 1}), ["target-not-above-stage"]),
        (lambda d: d["ratings"]["C1.1"].update({"target": " Emerging "}), ["target-not-above-stage"]),
        (lambda d: d["ratings"]["C1.1"].update({"stage": 5}), ["stage-out-of-range"]),
        (lambda d: d["ratings"]["C1.1"].update({"stage": "0"}), ["stage-out-of-range"]),
        (lambda d: d["ratings"]["C1.1"].update({"stage": "Emergin"}), ["unknown-stage"]),
        (lambda d: d["ratings"]["C1.1"].update({"target": "Tranforming"}), ["unknown-stage"]),
        (lambda d: d["ratings"].update({"C12": {"stage": 2}}), ["unknown-indicator"]),
        (
            lambda d: d["ratings"].update({"c7.2": d["ratings"].pop("C7.2")}),
            ["not-rated", "unknown-indicator"],
        ),
        (lambda d: d["participants"][0].update({"stakeholder_group": "k12"}), ["unknown-stakeholder-group"]),
        (lambda d: d["ratings"]["C6.1"].update({"stage": 4}), ["linked-indicators-differ"]),
        (lambda d: d["ratings"]["C1.3"].update({"stage": "emerging"}), ["linked-indicators-differ"]),
        (lambda d: d.update({"profile": {"members": []}}), ["no-members"]),
        (
            lambda d: d.update(
                {"profile": {"members": [{"organization": "A", "stakeholder_group": "civc"}]}}
            ),
            ["unknown-stakeholder-group"],
        ),
    ],
)
def test_warnings_and_rubric_errors_are_worded_as_the_models_word_them(
    tmp_path: Path, change: Any, expected: list[str]
) -> None:
    text = changed(change)
    assert sorted(codes_of(agree(tmp_path, text))) == sorted(expected)
    agree(tmp_path, text, strict=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["empty-file"]),
        ("- a list\n", ["not-a-mapping"]),
        ("framework: [unclosed\n", ["syntax"]),
        ("a:\n\tb: 1\n", ["syntax"]),
        ("<<<<<<< HEAD\nframework: community-framework\n=======\n>>>>>>> other\n", ["merge-conflict"]),
        ("framework: community-framework\n=======\n>>>>>>> other\n", ["merge-conflict"] * 2),
        ("base: &a {x: 1}\nother: *a\n", ["alias"]),
        ("a: b\n---\nc: d\n", ["syntax"]),
    ],
)
def test_text_problems_are_worded_as_the_models_word_them(
    tmp_path: Path, text: str, expected: list[str]
) -> None:
    assert codes_of(agree(tmp_path, text)) == expected


def test_bytes_that_are_not_text(tmp_path: Path) -> None:
    assert codes_of(agree(tmp_path, b"framework: \xff\n")) == ["encoding"]
    assert codes_of(agree(tmp_path, b"a: 1\n\x00\n")) == ["binary-file"]


def test_a_duplicate_key_beside_a_warning(tmp_path: Path) -> None:
    document = clean_document()
    del document["ratings"]["C7.2"]
    text = yaml_text(document)[:-1] + ', "coalition": "Again"}'
    assert sorted(codes_of(agree(tmp_path, text))) == ["duplicate-key", "not-rated"]


def test_suppressions_used_and_unused(tmp_path: Path) -> None:
    from tests.support.assessment_edits import IDS

    header = "framework: community-framework\ncoalition: Riverside\nassessed_on: 2026-03-14\nratings:\n"
    rated = "".join(f"  {indicator}: {{stage: 2}}\n" for indicator in IDS[:-1])
    seen = agree(tmp_path, header + rated + f"  {IDS[-1]}:  # coalition: ignore[not-rated]\n")
    assert codes_of(seen) == [] and [p.code for p in seen[4]] == ["not-rated"]
    unused = (
        header.replace("Riverside", "Riverside  # coalition: ignore[alias]")
        + rated
        + f"  {IDS[-1]}: {{stage: 1}}\n"
    )
    assert codes_of(agree(tmp_path, unused)) == ["unused-suppression"]


def test_a_suppression_of_a_code_turned_off_says_by_what(tmp_path: Path) -> None:
    """Review s11 #4b: the same words on both paths, naming what turned the code off."""
    from tests.support.assessment_edits import IDS

    header = "framework: community-framework\ncoalition: Riverside\nassessed_on: 2026-03-14\nratings:\n"
    rated = "".join(f"  {indicator}: {{stage: 2}}\n" for indicator in IDS[:-1])
    text = header + rated + f"  {IDS[-1]}:  # coalition: ignore[not-rated]\n"
    ignored = Policy(levels=(Setting("not-rated", Level.IGNORE, "pyproject.toml"),))
    unselected = Policy(select=frozenset({"unused-suppression"}), selected_by="--select")
    said = [agree(tmp_path, text, policy=policy)[3][0].message for policy in (ignored, unselected)]
    assert said == [
        "nothing to suppress: not-rated is ignored by pyproject.toml, so this comment need not name it",
        "nothing to suppress: not-rated is not among the codes selected by --select, so this comment need not name it",
    ]


def test_more_problems_than_are_listed(tmp_path: Path) -> None:
    document = clean_document()
    document["ratings"] = {f"C{n}": {"stage": 9} for n in range(150)}
    seen = agree(tmp_path, yaml_text(document))
    assert len(seen[3]) == 101 and seen[3][-1].code == "too-many-problems"


def test_a_folder_skips_what_is_plainly_not_an_assessment(tmp_path: Path) -> None:
    assert agree(tmp_path, "name: chart\nframework: nextjs\n", from_folder=True)[1] is True
    assert agree(tmp_path, "{{ not yaml\n", from_folder=True)[1] is True
    assert codes_of(agree(tmp_path, "ratings: [unclosed\n", from_folder=True)) == ["syntax"]


def test_an_unreadable_file(tmp_path: Path) -> None:
    assert agree(tmp_path, name="missing.yaml")[2] is not None


# --- coalition profiles: followed, and on their own -----------------------------------------------


def _with_profile(tmp_path: Path, profile: dict[str, Any] | str, entry: str = "coalition.yaml") -> str:
    text = profile if isinstance(profile, str) else yaml_text(profile)
    (tmp_path / "coalition.yaml").write_text(text, encoding="utf-8")
    document = clean_document()
    document["profile"] = entry
    return yaml_text(document)


def test_a_clean_profile_is_followed(tmp_path: Path) -> None:
    assert agree(tmp_path, _with_profile(tmp_path, clean_profile()), strict=True)[3] == ()


def test_the_riverside_example(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "riverside"
    for path in sorted(example.rglob("*.yaml")):
        seen = agree(path.parent, name=path.name, from_folder=True)
        assert seen[2] is None


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda p: p["members"][1].update({"partner_kind": "labor-unions"}), ["partner-kind-mismatch"]),
        (lambda p: p["members"][1].update({"partner_kind": "boards"}), ["unknown-partner-kind"]),
        (lambda p: p["members"][2].update({"organization": " riverside usd"}), ["duplicate-member"]),
        (lambda p: p["committees"].append({"name": "data"}), ["duplicate-committee"]),
        (lambda p: p["members"][0].update({"committees": ["Dta"]}), ["unknown-committee"]),
        (lambda p: p.update({"members": []}), ["no-members"]),
        (lambda p: p["members"][0].update({"stakeholder_group": "k-12"}), ["unknown-stakeholder-group"]),
        (lambda p: p.update({"name": "Another Coalition"}), ["profile-other-coalition"]),
    ],
)
def test_problems_of_a_profile_are_worded_as_the_models_word_them(
    tmp_path: Path, change: Any, expected: list[str]
) -> None:
    profile = clean_profile()
    change(profile)
    assert codes_of(agree(tmp_path, _with_profile(tmp_path, profile))) == expected
    assert codes_of(agree(tmp_path, name="coalition.yaml")) == [c for c in expected if "coalition" not in c]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("nowhere.yaml", ["profile-not-found"]),
        (".", ["profile-not-found"]),
        ("../../../../../../../etc/hosts", ["outside-repository"]),
        ("x" * 300, ["profile-not-found"]),
    ],
)
def test_a_profile_path_that_leads_nowhere(tmp_path: Path, entry: str, expected: list[str]) -> None:
    (tmp_path / ".git").mkdir()
    assert codes_of(agree(tmp_path, _with_profile(tmp_path, clean_profile(), entry))) == expected


def test_a_profile_that_does_not_parse(tmp_path: Path) -> None:
    seen = agree(tmp_path, _with_profile(tmp_path, "members: [unclosed\n"))
    assert [(p.file, p.code) for p in seen[3]] == [(str(tmp_path / "coalition.yaml"), "syntax")]


# --- where the index cannot tell, it says so ------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update({"colaition": "x"}),
        lambda d: d.update({"assessed_on": "2026-02-30"}),
        lambda d: d.update({"assessed_on": "2026-3-14"}),
        lambda d: d["ratings"]["C1.1"]["actions"][0].update({"due": "2026-6-30"}),
        lambda d: d["ratings"]["C1.1"].update({"priority": "yes"}),
        lambda d: d["ratings"]["C1.1"].update({"stage": True}),
        lambda d: d["ratings"]["C1.1"]["actions"][0].update({"status": "complete"}),
        lambda d: d.update({"framework": "../framework_data/community-framework.yaml"}),
        lambda d: d.update({"framework": "comunity-framework"}),
        lambda d: d.update({"profile": " "}),
        lambda d: d.update({"profile": {"members": [{"organization": "A"}]}}),
    ],
)
def test_what_only_the_models_can_explain_is_left_to_them(tmp_path: Path, change: Any) -> None:
    indexed, modelled = both(tmp_path, changed(change))
    assert indexed is None and modelled[3]


def test_a_rubric_given_on_the_command_line_is_left_to_the_models(tmp_path: Path) -> None:
    indexed, _ = both(tmp_path, yaml_text(clean_document()), framework="community-framework")
    assert indexed is None


@pytest.mark.parametrize("from_folder", [False, True])
def test_a_rubric_file_is_left_to_the_models(tmp_path: Path, from_folder: bool) -> None:
    """Named or found in a folder, a rubric is checked as a rubric, by the models only."""
    path = write_rubric(tmp_path / "rubric.yaml", stages=("A", "B", "C"))
    path.write_text(path.read_text(encoding="utf-8").replace(", 3: Stage 3 of D-b.", ""), encoding="utf-8")
    indexed, modelled = both(tmp_path, name="rubric.yaml", from_folder=from_folder)
    assert indexed is None and codes_of(modelled) == ["missing-descriptor"]


def test_a_profile_the_model_refuses_leaves_the_assessment_to_the_models(tmp_path: Path) -> None:
    profile = clean_profile()
    profile["members"][0]["role"] = "chairman"
    indexed, modelled = both(tmp_path, _with_profile(tmp_path, profile))
    assert indexed is None and codes_of(modelled) == ["wrong-value"]


# --- the properties: never a different answer ------------------------------------------------------

_PROPERTY = settings(
    max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_PROPERTY
@given(document=edited_documents(), strict=st.booleans())
def test_the_index_and_the_models_agree_on_any_edited_assessment(
    tmp_path: Path, document: dict[str, Any], strict: bool
) -> None:
    indexed, modelled = both(tmp_path, yaml_text(document), strict=strict)
    event("answered by the index" if indexed is not None else "left to the models")
    if indexed is not None:
        assert indexed == modelled


@_PROPERTY
@given(profile=edited_profiles(), inline=st.booleans(), strict=st.booleans())
def test_the_index_and_the_models_agree_on_any_edited_profile(
    tmp_path: Path, profile: dict[str, Any], inline: bool, strict: bool
) -> None:
    document = clean_document()
    document["profile"] = profile if inline else "coalition.yaml"
    (tmp_path / "coalition.yaml").write_text(yaml_text(profile), encoding="utf-8")
    for name, text in (("coalition.yaml", None), (ASSESSMENT, yaml_text(document))):
        indexed, modelled = both(tmp_path, text, name=name, strict=strict)
        event(f"{name}: " + ("answered by the index" if indexed is not None else "left to the models"))
        if indexed is not None:
            assert indexed == modelled


def test_the_edits_leave_many_files_to_the_index(tmp_path: Path) -> None:
    """The properties above mean something only if the index answers for many edited files, with
    problems as well as without."""
    rng = random.Random(2026)
    answered = []
    for _ in range(200):
        indexed, _modelled = both(tmp_path, yaml_text(edit(clean_document(), rng.choice)))
        answered.append(indexed)
    found = [seen for seen in answered if seen is not None]
    assert len(found) >= len(answered) // 4
    assert sum(bool(seen[3]) for seen in found) >= len(found) // 4


def test_the_index_is_plain_json() -> None:
    """The fast path reads it with the json module alone; nothing in it needs Pydantic to read."""
    for name in index_names():
        stored = json.loads(
            (framework_data_dir() / "fast-check" / f"{name}.json").read_text(encoding="utf-8")
        )
        assert stored["rules_version"] == fastcheck.RULES_VERSION
