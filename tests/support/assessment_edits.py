"""Assessment and profile documents for property tests: realistic clean ones, and strategies that edit them.

Most edits write a value that may well be valid for its key, so many edited files stay clean and
properties about clean files are tested on them, not only on files that plainly fail.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import strategies as st

from coalition_cli.core.loading.frameworks import load_framework

IDS = [indicator.id for indicator in load_framework("community-framework").indicators]


def clean_document() -> dict[str, Any]:
    """A realistic consensus assessment with nothing to report: every indicator rated, targets above."""
    ratings: dict[str, Any] = {}
    for n, indicator in enumerate(IDS):
        stage = n % 3 + 1
        ratings[indicator] = {"stage": stage, "evidence": f"Minutes of the {n + 1}th meeting."}
    ratings["C1.1"] |= {
        "target": 3,
        "priority": True,
        "notes": "Charter vote in May.",
        "links": ["https://example.org/charter.pdf"],
        "actions": [
            {"action": "Adopt the charter", "owner": "Chamber of Commerce", "due": "2026-06-30"},
            {"action": "Publish minutes", "status": "in-progress"},
        ],
    }
    ratings["C2.1"] = {"stage": "developing", "target": "Advancing", "evidence": None, "links": []}
    return {
        "framework": "community-framework",
        "coalition": "Riverside Pathways Coalition",
        "assessed_on": "2026-03-14",
        "term": "Spring 2026",
        "facilitator": "Dana Whitfield",
        "participants": [
            {"name": "Maria Lopez", "organization": "Riverside USD", "stakeholder_group": "k12-education"},
            {"name": "Sam Ortiz", "role": "co-chair", "stakeholder_group": None},
        ],
        "notes": None,
        "ratings": ratings,
    }


def yaml_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)  # JSON is YAML: what matters here is the data


TRICKY = [
    None, True, False, 0, 1, 2, 3, 4, 5, -1, 2.0, 2.5, "", " ", "x", "1", "2", " 3 ", "02", "4\n",
    "Emerging", "ADVANCING", " developing ", "Transforming ", "Emergin", "２", "٣", "ǅeveloping",
    "2026-03-14", "2026-02-30", "2026-3-14", " 2026-03-14", "20260314", "2026-03-14T09:00",
    "k12-education", "K12-Education", "planned", "Done", "community-framework", "coalition.yaml",
    [], {}, ["x"], [1], [None], {"action": "A"}, {"action": ""}, {"a": 1}, [{"action": "A"}],
]  # fmt: skip

KEYS = ["framework", "coalition", "assessed_on", "term", "facilitator", "participants", "profile",
        "notes", "ratings", "extra", "stage", "target", "evidence", "priority", "links", "actions",
        "action", "owner", "due", "status", "name", "organization", "stakeholder_group", "role",
        "C1.1", "C1.3", "C6.1", "C7.2", "C12", 3, True]  # fmt: skip


def _containers(value: Any) -> list[Any]:
    found = [value] if isinstance(value, (dict, list)) else []
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    for child in children:
        found += _containers(child)
    return found


STAGES = [1, 2, 3, 4, "3", " 4 ", "Emerging", "ADVANCING", " developing ", "transforming", None]
ODD_STAGES = [0, 5, -1, True, 2.0, "02", "２", "Emergin", "", "4\n", [], {}]
TEXTS = ["x", "Riverside Pathways Coalition", " ", "ǅ", None]
ODD_TEXTS = ["", 3, True, 2.5, [], {}, ["x"]]
DATES = ["2026-03-14", "2024-02-29", None]
ODD_DATES = ["2026-02-30", "2026-3-14", " 2026-03-14", "20260314", "2026-03-14T09:00", 20260314]
BY_KEY: dict[str, list[Any]] = {
    "stage": STAGES,
    "target": STAGES,
    "assessed_on": DATES,
    "due": DATES,
    "priority": [True, False],
    "status": ["planned", "in-progress", "done", "dropped", None, "In Progress", "DONE", "complete", "open"],
    "stakeholder_group": ["k12-education", "postsecondary", "civic", None],
    "links": [[], ["https://example.org"], ["a", "b"]],
    "actions": [[], [{"action": "A"}], [{"action": "A", "owner": None, "due": "2026-07-01"}]],
    "participants": [None, [], [{"name": "Ana"}]],
    "ratings": [None, {}],
}
"""Values that may well be valid for a key; any key can also get one of TRICKY or the odd ones."""
RATINGS = [{"stage": 2}, {"stage": "advancing", "target": 4, "priority": False}, {"stage": 1, "links": []}]


Pick = Callable[[Sequence[Any]], Any]
"""Chooses one of the options: hypothesis's draw in properties, a seeded random.choice elsewhere."""


def edit(
    document: dict[str, Any], pick: Pick, keys: Sequence[Any] = KEYS, by_key: dict[str, list[Any]] = BY_KEY
) -> dict[str, Any]:
    """A few edits to the document: a value replaced, a key added or removed, a list item changed.
    `keys`: keys an edit may add; `by_key`: values that may well be valid for each key."""
    for _ in range(pick(range(1, 5))):
        target = pick(_containers(document))
        if isinstance(target, dict):
            known = list(target)
            key = pick(known if known and pick(range(4)) else keys)
            if pick(range(6)) == 0 and key in target:
                del target[key]
                continue
        elif target:
            key = pick(range(len(target)))
        else:
            target.append(copy.deepcopy(pick(TRICKY)))  # never the shared constant: edits mutate it
            continue
        likely = RATINGS if key in IDS else by_key.get(key, TEXTS) if isinstance(key, str) else TEXTS
        pool = pick([likely, likely, likely, ODD_STAGES, ODD_TEXTS, ODD_DATES, TRICKY])
        target[key] = copy.deepcopy(pick(pool))
    return document


@st.composite
def edited_documents(draw: st.DrawFn) -> dict[str, Any]:
    return edit(clean_document(), lambda options: draw(st.sampled_from(options)))


def clean_profile() -> dict[str, Any]:
    """A realistic coalition.yaml with nothing to report: members of several groups, committees."""
    return {
        "name": "Riverside Pathways Coalition",
        "members": [
            {
                "organization": "Riverside USD",
                "stakeholder_group": "k12-education",
                "role": "co-chair",
                "commitment": "organizational",
                "representatives": [{"name": "Teresa Alvarez", "title": "Superintendent"}, "Maria Lopez"],
                "committees": ["Data"],
            },
            {
                "organization": "Riverside Workforce Board",
                "stakeholder_group": "workforce-economic-development",
                "partner_kind": "workforce-boards",
                "role": "executive-committee",
                "committees": ["Data", "Employer Engagement"],
            },
            {"organization": "Carpenters Local 1208", "stakeholder_group": "labor-unions", "role": "member"},
        ],
        "meetings": {"coalition": "monthly", "executive_committee": "every-other-week"},
        "charter": "yes",
        "membership_definition": True,
        "master_plan": "draft",
        "reporting": ["Working groups report at every steering meeting"],
        "committees": [{"name": "Data", "meets": "monthly"}, {"name": "Employer Engagement", "focus": "WBL"}],
    }


PROFILE_KEYS = ["name", "members", "meetings", "charter", "membership_definition", "master_plan",
                "reporting", "committees", "organization", "stakeholder_group", "partner_kind", "role",
                "commitment", "representatives", "title", "focus", "meets", "coalition",
                "executive_committee", "extra", 3]  # fmt: skip

PROFILE_BY_KEY: dict[str, list[Any]] = {
    "name": ["Riverside Pathways Coalition", "Other Coalition", "Data", None],
    "stakeholder_group": ["k12-education", "postsecondary", "civic", "labor-unions", "k12"],
    "partner_kind": ["workforce-boards", "labor-unions", "business-industry", "parent-groups", "nope", None],
    "role": ["chair", "co-chair", "executive-committee", "working-group", "member", "Chair"],
    "commitment": ["organizational", "individual", None],
    "representatives": [[], ["Ana"], [{"name": "Ana", "title": None}], [""]],
    "committees": [[], ["Data"], ["Data", "Data"], ["Finance"], [{"name": "Data"}], [{"name": "data "}]],
    "meets": ["monthly", "quarterly", "daily", None],
    "coalition": ["weekly", "irregular", None],
    "executive_committee": ["monthly", None],
    "charter": ["yes", "draft", "no", True, False, None, "Yes"],
    "membership_definition": ["yes", "no", None],
    "master_plan": ["draft", None],
    "reporting": [None, [], ["Monthly"]],
    "members": [[], [{"organization": "A", "stakeholder_group": "civic"}]],
}
"""Values that may well be valid for a profile's keys (and a few that are not)."""


@st.composite
def edited_profiles(draw: st.DrawFn) -> dict[str, Any]:
    pick: Pick = lambda options: draw(st.sampled_from(options))  # noqa: E731
    return edit(clean_profile(), pick, PROFILE_KEYS, PROFILE_BY_KEY)
