"""Carrying open actions into a new term: whatever the text, what is written reads back the same."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition_cli.core.editing.carry import carried_actions, rendered
from coalition_cli.core.loading.assessments import load_assessment
from coalition_cli.core.loading.frameworks import load_framework
from coalition_cli.core.model.assessment import Action
from coalition_cli.core.model.base import validated
from coalition_cli.core.yaml import source as yamlsource

FRAMEWORK = load_framework("community-framework")

typed = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("ab Z09:#-'\"{}[],&*!|>%@`?\n\t\\")),
        st.sampled_from(["é", "✓", "—", "“", "\u2028", "\x85", "\ufeff", "😀"]),
    ),
    min_size=1,
    max_size=40,
)
actions = st.builds(
    Action,
    action=typed,
    owner=st.one_of(st.none(), typed),
    due=st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))),
    status=st.one_of(st.none(), st.sampled_from(["planned", "in-progress"])),
)


def _read(lines: list[str]) -> list[Action]:
    data = yamlsource.parse_fast("actions:\n" + "\n".join(lines) + "\n")
    return [validated(Action, item) for item in data["actions"]]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(action=actions)
def test_an_action_written_out_reads_back_the_same(action: Action) -> None:
    assert _read(rendered(action)) == [action]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    written=st.lists(actions, min_size=1, max_size=3), indent=st.sampled_from(["    ", "      ", "        "])
)
def test_actions_copied_from_any_indentation_read_back_the_same(
    tmp_path_factory: object, written: list[Action], indent: str
) -> None:
    folder: Path = tmp_path_factory.mktemp("carry")  # type: ignore[attr-defined]
    items = [indent + line[6:] if line else line for action in written for line in rendered(action)]
    last = folder / "last.yaml"
    last.write_text(
        "framework: community-framework\ncoalition: X\nassessed_on: 2026-03-01\nratings:\n"
        "  C1.1:\n    stage: 2\n    actions:\n" + "\n".join(items) + "\n",
        encoding="utf-8",
    )
    carried = carried_actions(load_assessment(last), FRAMEWORK)
    assert _read(carried.lines("C1.1")) == written


def test_a_line_reading_hash_in_an_action_s_text_is_not_taken_for_a_comment_above_the_next(
    tmp_path: Path,
) -> None:
    """Found by the property above: an action whose text ends with a line `#` gave that line again,
    as a comment, above the next action carried over."""
    last = tmp_path / "last.yaml"
    last.write_text(
        "framework: community-framework\ncoalition: X\nassessed_on: 2026-03-01\nratings:\n  C1.1:\n"
        "    stage: 2\n    actions:\n    - action: |-\n        0\n        #\n    # call first\n    - action: '0'\n",
        encoding="utf-8",
    )
    carried = carried_actions(load_assessment(last), FRAMEWORK).by_indicator["C1.1"]
    assert [item.action.action for item in carried] == ["0\n#", "0"]
    assert carried[1].lines == ("      # call first", "      - action: '0'")
