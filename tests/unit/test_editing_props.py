"""Property tests: any edit to any rating reads back as intended, validates, and stays in its entry."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition_cli.core.checks.rubric import rubric_findings
from coalition_cli.core.editing.rating_edits import NewAction, RatingEdit, clean_line, clean_text
from coalition_cli.core.editing.scaffold import NewAssessment, render
from coalition_cli.core.loading.documents import check_text
from coalition_cli.core.loading.frameworks import load_framework
from coalition_cli.core.model.assessment import Assessment
from coalition_cli.core.model.guide import Guide
from coalition_cli.core.yaml import source as yamlsource
from coalition_cli.core.yaml.splicing import edit_text
from tests.support.editing import COMMENTED, assert_confined

FRAMEWORK = load_framework("community-framework")
IDS = [indicator.id for indicator in FRAMEWORK.indicators]

TEXTS = {
    "commented": COMMENTED.read_text(encoding="utf-8"),
    "commented-crlf": COMMENTED.read_text(encoding="utf-8").replace("\n", "\r\n"),
    "init": render(FRAMEWORK, NewAssessment("community-framework", "Riverside", dt.date(2026, 3, 14))),
    "bare": "framework: community-framework\ncoalition: Riverside\nassessed_on: 2026-03-14\n",
}

# Text people type, and the characters that trip YAML writers up.
typed = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("ab Z09:#-'\"{}[],&*!|>%@`?\n\t\\")),
        st.sampled_from(["é", "✓", "—", "“", "\u2028", "\x85", "\ufeff", "😀"]),
    ),
    max_size=40,
)
actions = st.builds(
    NewAction,
    action=typed.map(clean_line).filter(bool),
    owner=st.one_of(st.none(), typed.map(clean_line).filter(bool)),
    due=st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))),
)
edits = st.builds(
    RatingEdit,
    indicator=st.sampled_from(IDS),
    stage=st.one_of(st.none(), st.integers(1, 4)),
    evidence=st.one_of(st.none(), typed.map(clean_text).filter(bool), typed.filter(bool)),  # typed, or raw
    add_actions=st.lists(actions, max_size=2).map(tuple),
)


def validates(text: str, guide: Guide) -> bool:
    checked = check_text(
        text,
        Assessment,
        label="x",
        extra=lambda _m, data: rubric_findings(data, FRAMEWORK, guide, strict=False),
    )
    return checked.model is not None and not checked.has_errors


EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "150"))  # raise it for a longer hunt


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(TEXTS)), edit=edits)
def test_any_edit_reads_back_validates_and_stays_in_its_entry(name: str, edit: RatingEdit) -> None:
    from coalition_cli.core.loading.frameworks import load_guide

    before = TEXTS[name]
    after = edit_text(before, [edit], FRAMEWORK)
    assert validates(after, load_guide())
    if "\r\n" in before:
        assert "\n" not in after.replace("\r\n", "")
    if name != "bare":
        assert_confined(before, after, edit.indicator)
    old = (yamlsource.parse_fast(before).get("ratings") or {}).get(edit.indicator) or {}
    new = yamlsource.parse_fast(after).get("ratings", {}).get(edit.indicator) or {}
    if edit.stage is not None:
        written = new["stage"]
        assert written == edit.stage or FRAMEWORK.stage_from_name(str(written)).number == edit.stage  # type: ignore[union-attr]
    if edit.evidence is not None:
        assert new["evidence"] == edit.evidence
    assert new.get("actions", []) == [*(old.get("actions") or []), *(a.parsed() for a in edit.add_actions)]
    untouched = {key: value for key, value in old.items() if key not in ("stage", "evidence", "actions")}
    assert {key: new[key] for key in untouched} == untouched


def test_the_property_texts_are_valid_to_begin_with(tmp_path: Path) -> None:
    from coalition_cli.core.loading.frameworks import load_guide

    for text in TEXTS.values():
        assert validates(text, load_guide())
