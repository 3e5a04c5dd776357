"""The bundled data: the Community Framework and the Guide, as the seeds have them."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from coalition_cli.core.loading.frameworks import bundled_framework_ids, load_guide
from coalition_cli.core.model.base import validated
from coalition_cli.core.model.framework import Framework
from tests.support.paths import ROOT

SEED = ROOT.parent / "shared" / "seeds" / "community-framework-2021.txt"


def test_shape_of_the_community_framework(framework: Framework) -> None:
    assert [d.id for d in framework.domains] == [f"C{n}" for n in range(1, 8)]
    assert len(framework.indicators) == 22
    assert framework.stage_choices() == "1 Emerging, 2 Developing, 3 Advancing, 4 Transforming"
    for domain in framework.domains:
        assert domain.introduction and domain.reflect and domain.foundational_steps and domain.overview
    for indicator in framework.indicators:
        assert sorted(indicator.descriptors) == [1, 2, 3, 4]
    assert framework.attribution and "ConnectED" in framework.attribution


def test_names_that_differ_in_the_seed_keep_the_rubric_name_and_an_alias(framework: Framework) -> None:
    assert framework.indicator("C1.2").name == "Operational Working Groups"
    assert framework.indicator("C1.2").aliases == ("Operational Leadership",)
    assert framework.indicator("C6.1").name == "WBL Leadership"
    assert framework.indicator("C6.1").aliases == ("WBL Intermediaries",)
    assert framework.indicator("C3.1").aliases == ("Student Success, Access, and Equity",)


def test_c13_and_c61_are_linked_because_the_seed_repeats_their_descriptors(framework: Framework) -> None:
    assert framework.linked_with("C6.1") == ("C1.3",)
    assert framework.linked_with("C1.3") == ("C6.1",)
    assert framework.linked_with("C1.1") == ()
    for group in framework.linked:  # a declared link in the bundled rubric is a true repetition
        texts = {tuple(sorted(framework.indicator(i).descriptors.items())) for i in group.indicators}
        assert len(texts) == 1, group.indicators


def test_the_frameworks_own_roles_quote_its_narrative_word_for_word(framework: Framework) -> None:
    """The work-based learning intermediary: the Framework's words, the project's link to C1.3, C6.1, C6.2."""
    (role,) = framework.roles
    assert role.serves == ("C1.3", "C6.1", "C6.2")
    section = next(s for s in framework.narrative if s.heading == role.source)
    assert role.quote in " ".join(section.text)
    assert [r.id for r in framework.roles_serving("C6.2")] == ["wbl-intermediary"]
    assert framework.roles_serving("C1.1") == ()


def test_multi_paragraph_descriptors_keep_their_paragraphs(framework: Framework) -> None:
    assert len(framework.indicator("C1.1").descriptor(3)) == 3
    assert len(framework.indicator("C6.2").descriptor(1)) == 3


def test_the_narrative_and_the_glossary_are_there(framework: Framework) -> None:
    assert [section.heading for section in framework.narrative] == [
        "Overview",
        "Broad-Based Coalition: Executive Leadership",
        "Broad-Based Coalition: Operational Working Groups",
        "Broad-Based Coalition: Work-Based Learning Leadership",
        "Reciprocal Accountability",
    ]
    assert len(framework.narrative[2].items) == 6  # the operating leadership's focus list
    terms = [entry.term for entry in framework.glossary]
    assert terms[0] == "Community of Practice" and terms[-1] == "Work-based Learning"
    assert len(terms) == len(set(terms)) == 13


@pytest.mark.skipif(not SEED.is_file(), reason="the seed texts are not beside this checkout")
def test_the_narrative_and_the_glossary_are_the_seeds_word_for_word(framework: Framework) -> None:
    lines = {line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()}
    for section in framework.narrative:
        assert section.heading in lines
        for paragraph in section.text:
            assert paragraph in lines, paragraph[:60]
        for item in section.items:
            assert f"- {item}" in lines, item[:60]
    for entry in framework.glossary:
        assert f"{entry.term}\t{entry.definition}" in lines, entry.term


@pytest.mark.skipif(not SEED.is_file(), reason="the seed texts are not beside this checkout")
def test_every_descriptor_is_the_seeds_word_for_word(framework: Framework) -> None:
    def norm(text: str) -> str:
        text = re.sub(r"<[^>]+>", " ", text)
        return re.sub(r"\s+([.,;:)])", r"\1", re.sub(r"\s+", " ", text)).strip()

    lines = SEED.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        match = re.match(r"^(C\d\.\d) ", line)
        if match and line.endswith("\t\t\t"):
            cells = lines[number + 1].split("\t")
            indicator = framework.indicator(match.group(1))
            for stage, cell in enumerate(cells, start=1):
                assert norm(" ".join(indicator.descriptor(stage))) == norm(cell), (indicator.id, stage)


def test_the_guide(framework: Framework) -> None:
    guide = load_guide()
    assert [g.id for g in guide.stakeholder_groups] == [
        "k12-education",
        "postsecondary",
        "corporations",
        "business-organizations",
        "labor-unions",
        "civic",
        "community-based-organizations",
        "faith-based-organizations",
        "parent-student-advocacy",
        "workforce-economic-development",
    ]
    assert [e.id for e in guide.formalization] == [
        "clear-definition",
        "designated-leaders",
        "formal-structure",
        "regular-meetings",
        "organizational-commitment",
        "master-plan",
    ]
    assert len(guide.functions) == 10
    tagged = {i for k in guide.partner_kinds for r in k.responsibilities for i in r.serves}
    tagged |= {i for f in guide.functions for i in f.serves}
    assert tagged <= {i.id for i in framework.indicators}
    kinds = {k.id for k in guide.partner_kinds}
    for group in guide.stakeholder_groups:
        assert set(group.partner_kinds) <= kinds
        for kind in group.partner_kinds:
            assert group.id in guide.partner_kind(kind).stakeholder_groups  # type: ignore[union-attr]


def test_framework_list_as_json(runner: CliRunner) -> None:
    import json

    listing = runner.invoke(app, ["framework", "list", "--format", "json"])
    assert listing.exit_code == 0, listing.output
    document = json.loads(listing.stdout)
    assert document["version"] == 1
    (entry,) = document["frameworks"]
    assert (entry["id"], entry["domains"], entry["indicators"]) == ("community-framework", 7, 22)
    assert [stage["name"] for stage in entry["stages"]] == [
        "Emerging",
        "Developing",
        "Advancing",
        "Transforming",
    ]


def test_show_of_an_unknown_id_is_a_usage_error_in_every_format(runner: CliRunner) -> None:
    for args in (["C9"], ["C9", "--format", "json"]):
        result = runner.invoke(app, ["framework", "show", *args])
        assert result.exit_code == 2, result.output
        assert "'C9' is not a domain or indicator of community-framework" in result.output


def test_framework_list_and_show(runner: CliRunner) -> None:
    listing = runner.invoke(app, ["framework", "list"])
    assert listing.exit_code == 0
    assert "community-framework" in listing.output
    assert bundled_framework_ids() == ["community-framework"]
    shown = runner.invoke(app, ["framework", "show", "C1.2"], env={"COLUMNS": "80"})
    assert shown.exit_code == 0
    assert "Operational Working Groups" in shown.output
    assert "4 Transforming" in shown.output
    assert max(len(line) for line in shown.output.splitlines()) <= 80
    assert shown.output.splitlines()[-1] == "PS: postsecondary · HS: high schools"  # C1.2 writes "HS to PS"
    wbl = runner.invoke(app, ["framework", "show", "C6.1"])
    assert wbl.output.splitlines()[-2:] == ["also called: WBL Intermediaries", "WBL: work-based learning"]
    assert runner.invoke(app, ["framework", "show", "C3.1"]).output.splitlines()[-1].startswith("also called")
    domain = runner.invoke(app, ["framework", "show", "C2"])
    assert "Reflect on your practice" in domain.output


def test_framework_show_json_is_the_parsed_framework(runner: CliRunner) -> None:
    result = runner.invoke(app, ["framework", "show", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["version"] == 1
    assert validated(Framework, data["framework"]).id == "community-framework"


def test_framework_show_unknown_id_suggests(runner: CliRunner) -> None:
    result = runner.invoke(app, ["framework", "show", "C12"])
    assert result.exit_code == 2
    assert "did you mean 'C1.2'?" in result.output


GUIDE_SEED = ROOT.parent / "shared" / "seeds" / "broad-based-coalition-guide.txt"


@pytest.mark.skipif(not GUIDE_SEED.is_file(), reason="the seed texts are not beside this checkout")
def test_the_guides_step_1_questions_and_step_3_commitments_are_the_seeds_word_for_word() -> None:
    seed = GUIDE_SEED.read_text(encoding="utf-8")
    plain = re.sub(r"\*\*|<sup>1</sup>", "", seed)
    guide = load_guide()
    assert guide.getting_started_intro and guide.getting_started_intro in plain
    assert guide.commitments_intro and guide.commitments_intro in plain
    for question in guide.getting_started:
        assert f"{question.name.upper()}: {question.question}" in plain
        assert question.note is None or question.note in plain
    for commitment in guide.commitments:
        assert f"- {commitment.name} {commitment.text}" in plain


def test_the_guides_step_1_and_step_3_are_data() -> None:
    guide = load_guide()
    assert [q.id for q in guide.getting_started] == ["lead-agency", "existing-structure"]
    assert [c.name for c in guide.commitments] == [
        "Common vision",
        "Commitment",
        "Responsibility",
        "Accountability",
    ]
    assert (
        guide.commitments_intro
        == "A Broad-Based Coalition consists of local and regional organizations that share:"
    )
