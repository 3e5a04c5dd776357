"""A generated network of coalitions, with what every follow-up command should find in it.

`generate(root)` writes 36 coalitions (by default), two to five terms each, one folder per
coalition, and returns a `Network` of expectations computed from the generator's own plan, not from
the tool: which actions are overdue, carried over, vanished, done or dropped as of `AS_OF`; which
coalitions are stale; which files rate the linked pair C1.3 / C6.1 apart; which earlier targets the
next term reached; each coalition's region, cohort, latest date and overall score at each term.

What it plants, deterministically (a seeded `random.Random`):
- actions with known lives: done in a later term, carried over and still open (due later), carried
  over and overdue, overdue in the latest term only, vanished (open, then gone), dropped then cleaned
  out (not vanished), reworded under the same indicator, owner and due date (the same action);
- stale coalitions (last assessed over a year before `AS_OF`) and current ones;
- the linked pair rated apart in some latest terms (equal everywhere else);
- `region:` / `cohort:` on most coalitions (some say neither);
- coalition profiles (`coalition.yaml`) on a third, with members that have a single named
  representative who owns open actions;
- raters' files beside some consensus files (to be set aside), and with `troubles=True` one
  coalition with two consensus files on its latest date, one with raters' files and no consensus on
  its latest date, and one file with an error.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from coalition_cli.core.loading.frameworks import load_framework

AS_OF = dt.date(2026, 4, 20)
STALE_BEFORE = dt.date(2025, 4, 20)
"""A year before AS_OF: the default `--stale-after 1y`."""
TERM_DATES = [
    dt.date(2024, 3, 14),
    dt.date(2024, 9, 19),
    dt.date(2025, 3, 13),
    dt.date(2025, 9, 18),
    dt.date(2026, 3, 12),
]
FRAMEWORK = load_framework("community-framework")
IDS = [indicator.id for indicator in FRAMEWORK.indicators]
DOMAINS = [[indicator.id for indicator in domain.indicators] for domain in FRAMEWORK.domains]
REGIONS = ["North Valley", "Coastal", "Inland Empire"]
COHORTS = ["2024 cohort", "2025 cohort"]
PEOPLE = ["Ana Diaz", "Ben Okafor", "Carla Mendes", "Dev Patel", "Erin Walsh", "Farid Haddad"]
ORGANIZATIONS = [
    ("Unified School District", "k12-education", "Superintendent"),
    ("Community College", "postsecondary", "Dean of Workforce"),
    ("Chamber of Commerce", "business-organizations", "President and CEO"),
    ("Workforce Board", "workforce-economic-development", "Business Services Manager"),
    ("Family Center", "community-based-organizations", "Executive Director"),
    ("Parents for Pathways", "parent-student-advocacy", None),
]


@dataclass
class PlannedAction:
    """One action's life: its text, owner and status in each term it appears in (absent: not there)."""

    indicator: str
    owner: str | None
    due: dt.date
    texts: dict[int, str]
    statuses: dict[int, str | None]

    @property
    def text(self) -> str:
        return self.texts[max(self.texts)]


@dataclass
class CoalitionPlan:
    name: str
    folder: Path
    region: str | None
    cohort: str | None
    terms: list[dt.date]
    stages: list[dict[str, int | None]] = field(default_factory=list)
    targets: list[dict[str, int]] = field(default_factory=list)
    actions: list[PlannedAction] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    raters: list[Path] = field(default_factory=list)
    linked_apart: list[Path] = field(default_factory=list)
    profile: bool = False
    sole_representatives: dict[str, str] = field(default_factory=dict)
    """Member organization → its only named representative (who owns open actions)."""
    left_out: bool = False
    """Its latest date has two consensus files: its standing is unknown."""

    # --- what the tool should find, by the rules the README states -----------------------------

    @property
    def latest(self) -> dt.date:
        return self.terms[-1]

    @property
    def stale(self) -> bool:
        return self.latest < STALE_BEFORE

    def state(self, action: PlannedAction) -> str:
        last = len(self.terms) - 1
        seen = max(action.statuses)
        status = action.statuses[seen]
        if status in ("done", "dropped"):
            return status
        if seen != last:
            return "vanished"
        return "overdue" if action.due < AS_OF else "open"

    def carried_over(self, action: PlannedAction) -> bool:
        seen = sorted(action.statuses)
        return action.statuses[seen[-1]] not in ("done", "dropped") and any(
            action.statuses[term] not in ("done", "dropped") for term in seen[:-1]
        )

    def with_state(self, state: str) -> set[str]:
        return {action.text for action in self.actions if self.state(action) == state}

    @property
    def carried(self) -> set[str]:
        return {
            action.text
            for action in self.actions
            if self.carried_over(action) and self.state(action) != "vanished"
        }

    def open_by_owner(self) -> Counter[str]:
        return Counter(
            action.owner.split(" (")[0]
            for action in self.actions
            if action.owner and self.state(action) in ("open", "overdue")
        )

    def overall(self, term: int) -> Fraction | None:
        means = []
        for ids in DOMAINS:
            rated = [s for i in ids if (s := self.stages[term][i]) is not None]
            if rated:
                means.append(Fraction(sum(rated), len(rated)))
        return sum(means, Fraction(0)) / len(means) if means else None

    def targets_followed(self) -> list[tuple[int, str, int, int | None, bool]]:
        """(term, indicator, target, stage at the next term, reached) for every target before the last term."""
        found = []
        for term in range(len(self.terms) - 1):
            for indicator, target in self.targets[term].items():
                later = self.stages[term + 1][indicator]
                found.append((term, indicator, target, later, later is not None and later >= target))
        return found


@dataclass
class Network:
    root: Path
    coalitions: dict[str, CoalitionPlan]
    invalid: list[Path] = field(default_factory=list)
    same_date: list[Path] = field(default_factory=list)
    """The files of the coalition with two consensus files on one date."""
    awaiting_consensus: list[Path] = field(default_factory=list)
    """Raters' files dated after their coalition's latest consensus, with no consensus of their own."""

    @property
    def summarized(self) -> list[CoalitionPlan]:
        return [plan for plan in self.coalitions.values() if not plan.left_out]

    def all_with_state(self, state: str) -> set[tuple[str, str]]:
        return {(plan.name, text) for plan in self.summarized for text in plan.with_state(state)}


def generate(root: Path, coalitions: int = 36, *, troubles: bool = True, seed: int = 14) -> Network:
    rng = random.Random(seed)
    network = Network(root=root, coalitions={})
    for number in range(coalitions):
        plan = _plan(root, number, rng)
        _write(plan, rng, raters=number % 6 == 2)
        network.coalitions[plan.name] = plan
    if troubles:
        _troubles(network, rng)
    return network


def _plan(root: Path, number: int, rng: random.Random) -> CoalitionPlan:
    name = f"{rng.choice(['Lake', 'River', 'Hill', 'Mesa', 'Harbor', 'Prairie'])} Pathways {number:02}"
    count = 2 + number % 4  # 2 to 5 terms
    # stale (number % 5 == 0): the last term is 2024-09 or 2025-03; else 2026-03 or 2025-09
    end = 1 + number % 2 if number % 5 == 0 else 4 if number % 5 != 3 else 3
    count = min(count, end + 1)
    terms = TERM_DATES[end + 1 - count : end + 1]
    region = None if number % 7 == 0 else REGIONS[number % 3]
    cohort = None if number % 7 == 0 else COHORTS[number % 2]
    plan = CoalitionPlan(
        name=name, folder=root / f"c{number:02}", region=region, cohort=cohort, terms=list(terms)
    )
    for _ in range(count):
        stages: dict[str, int | None] = {
            i: rng.choice([1, 1, 2, 2, 3, 4]) if rng.random() > 0.08 else None for i in IDS
        }
        stages["C6.1"] = stages["C1.3"]  # linked: the same practice
        plan.stages.append(stages)
        plan.targets.append(
            {i: s + 1 for i, s in stages.items() if s is not None and s < 4 and rng.random() < 0.3}
        )
    if number % 4 == 1:  # the linked pair rated apart in the latest term
        latest = plan.stages[-1]
        latest["C1.3"] = 2
        latest["C6.1"] = 4
        plan.targets[-1].pop("C1.3", None)
        plan.targets[-1].pop("C6.1", None)
    plan.profile = number % 3 == 0
    plan.actions = _actions(plan, rng)
    return plan


def _owner(plan: CoalitionPlan, rng: random.Random) -> str:
    person = rng.choice(PEOPLE)
    if rng.random() < 0.5:
        organization = rng.choice(ORGANIZATIONS)[0]
        return f"{person} ({plan.name.split()[0]} {organization})"
    return person


def _actions(plan: CoalitionPlan, rng: random.Random) -> list[PlannedAction]:
    last = len(plan.terms) - 1
    later = AS_OF + dt.timedelta(days=rng.randint(10, 200))
    earlier = AS_OF - dt.timedelta(days=rng.randint(3, 150))
    actions: list[PlannedAction] = []

    def add(
        label: str,
        statuses: dict[int, str | None],
        due: dt.date,
        *,
        owner: str | None = "",
        texts: dict[int, str] | None = None,
    ) -> None:
        text = f"{label} ({plan.name})"
        # one day apart: two actions of one owner under one indicator due the same day would read as
        # one action reworded (the register's second rule), which is not what is planted here
        shift = dt.timedelta(days=len(actions))
        actions.append(
            PlannedAction(
                indicator=rng.choice(IDS),
                owner=_owner(plan, rng) if owner == "" else owner,
                due=due + shift if due > AS_OF else due - shift,
                texts=texts or dict.fromkeys(statuses, text),
                statuses=statuses,
            )
        )

    add("Publish the term's minutes", {last: "in-progress"}, later)
    add("Send the data request to the district", {last: "planned"}, earlier)  # overdue, new
    add("Confirm the spring meeting dates", {last: None}, later, owner=None)  # open, no owner
    if last >= 1:
        add("Draft the coalition charter", {last - 1: "planned", last: "done"}, earlier)
        add("Recruit ten internship hosts", {last - 1: "planned", last: "in-progress"}, later)  # carried
        add(
            "Map the dual-enrollment courses", {last - 1: "in-progress", last: "planned"}, earlier
        )  # carried, overdue
        add("Host the employer breakfast", {last - 1: "planned"}, earlier)  # vanished
        add("Pilot the shared dashboard", {last - 1: "dropped"}, earlier)  # dropped, then cleaned out
        reworded = {
            last - 1: f"Agree on the equity check ({plan.name})",
            last: f"Agree on the equity checklist for working groups ({plan.name})",
        }
        add("", {last - 1: "planned", last: "in-progress"}, later, texts=reworded)  # reworded, carried
    if last >= 2:
        add("Sign the data-sharing agreement", {0: "planned", 1: "in-progress"}, earlier)  # vanished long ago
        add(
            "Adopt the master plan", dict.fromkeys(range(last + 1), "in-progress"), later
        )  # carried every term
    return actions


def _write(plan: CoalitionPlan, rng: random.Random, *, raters: bool) -> None:
    plan.folder.mkdir(parents=True, exist_ok=True)
    if plan.profile:
        _write_profile(plan)
    for term, day in enumerate(plan.terms):
        path = plan.folder / f"{day.isoformat()}.yaml"
        path.write_text(_assessment(plan, term), encoding="utf-8")
        plan.files.append(path)
        if term == len(plan.terms) - 1 and plan.stages[term]["C1.3"] != plan.stages[term]["C6.1"]:
            plan.linked_apart.append(path)
    if raters:  # raters' files beside the latest consensus
        for rater in ("Ana Diaz", "Ben Okafor"):
            path = plan.folder / "raters" / f"{plan.latest.isoformat()}-{rater.split()[0].lower()}.yaml"
            path.parent.mkdir(exist_ok=True)
            stages = {i: rng.choice([1, 2, 3, 4]) for i in IDS}
            stages["C6.1"] = stages["C1.3"]
            path.write_text(
                _yaml(
                    plan,
                    plan.latest - dt.timedelta(days=rng.choice([0, 5])),
                    stages,
                    {},
                    [],
                    facilitator=rater,
                    participants=[(rater, "k12-education")],
                ),
                encoding="utf-8",
            )
            plan.raters.append(path)


def _assessment(plan: CoalitionPlan, term: int) -> str:
    actions = [
        (action.indicator, action.texts[term], action.owner, action.due, action.statuses[term])
        for action in plan.actions
        if term in action.statuses
    ]
    return _yaml(
        plan,
        plan.terms[term],
        plan.stages[term],
        plan.targets[term],
        actions,
        facilitator="Dana Whitfield",
        participants=[
            ("Dana Whitfield", "community-based-organizations"),
            ("Maria Lopez", "k12-education"),
            ("Sam Ortiz", "business-organizations"),
        ][: 2 + term % 2],
    )


def _yaml(
    plan: CoalitionPlan,
    day: dt.date,
    stages: dict[str, int | None],
    targets: dict[str, int],
    actions: list[tuple[str, str, str | None, dt.date, str | None]],
    *,
    facilitator: str,
    participants: list[tuple[str, str]],
) -> str:
    lines = [
        f"# {plan.name}: assessment of {day.isoformat()} (generated for tests)",
        "framework: community-framework",
        f"coalition: {json.dumps(plan.name)}",
        f"assessed_on: {day.isoformat()}",
    ]
    if plan.region:
        lines.append(f"region: {json.dumps(plan.region)}")
    if plan.cohort:
        lines.append(f"cohort: {json.dumps(plan.cohort)}")
    if plan.profile and len(participants) > 1:
        lines.append("profile: coalition.yaml")
    lines.append(f"facilitator: {json.dumps(facilitator)}")
    lines.append("participants:")
    for name, group in participants:
        lines += [f"  - name: {json.dumps(name)}", f"    stakeholder_group: {group}"]
    lines.append("ratings:")
    by_indicator: dict[str, list[tuple[str, str | None, dt.date, str | None]]] = {}
    for indicator, text, owner, due, status in actions:
        by_indicator.setdefault(indicator, []).append((text, owner, due, status))
    for indicator in IDS:
        stage = stages[indicator]
        lines += [f"  {indicator}:", f"    stage: {'null' if stage is None else stage}"]
        if indicator in targets:
            lines.append(f"    target: {targets[indicator]}")
        if indicator in by_indicator:
            lines.append("    actions:")
            for text, owner, due, status in by_indicator[indicator]:
                lines.append(f"      - action: {json.dumps(text)}")
                if owner:
                    lines.append(f"        owner: {json.dumps(owner)}")
                lines.append(f"        due: {due.isoformat()}")
                if status:
                    lines.append(f"        status: {status}")
    return "\n".join(lines) + "\n"


def _write_profile(plan: CoalitionPlan) -> None:
    """Members from ORGANIZATIONS; the first owner of open actions who is a person gets a member of
    their own with them as its only named representative."""
    town = plan.name.split()[0]
    owners = [a.owner for a in plan.actions if a.owner and plan.state(a) in ("open", "overdue")]
    person = next((owner.split(" (")[0] for owner in owners), None)
    lines = [f"name: {json.dumps(plan.name)}", "members:"]
    for index, (organization, group, title) in enumerate(ORGANIZATIONS):
        full = f"{town} {organization}"
        role = "co-chair" if index < 2 else "executive-committee" if index < 4 else "member"
        lines += [
            f"  - organization: {json.dumps(full)}",
            f"    stakeholder_group: {group}",
            f"    role: {role}",
            "    commitment: organizational",
        ]
        if index == 3 and person:
            lines += ["    representatives:", f"      - name: {json.dumps(person)}", "        title: Manager"]
            plan.sole_representatives[full] = person
        elif title:
            lines += [
                "    representatives:",
                f"      - name: Chief of {json.dumps(full)[1:-1]}",
                f"        title: {title}",
                "      - name: Deputy",
                "        title: Deputy Director",
            ]
    lines += ["meetings:", "  coalition: quarterly", "charter: yes", "master_plan: draft"]
    (plan.folder / "coalition.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _troubles(network: Network, rng: random.Random) -> None:
    plans = list(network.coalitions.values())
    # two consensus files on one coalition's latest date
    doubled = plans[4]
    copy = doubled.folder / f"{doubled.latest.isoformat()}-copy.yaml"
    copy.write_text(
        _assessment(doubled, len(doubled.terms) - 1).replace("Dana Whitfield", "Sam Lee", 1), encoding="utf-8"
    )
    doubled.left_out = True
    network.same_date = [doubled.files[-1], copy]
    # raters' files and no consensus, after a coalition's latest consensus: it keeps its standing
    waiting = plans[6]
    day = AS_OF - dt.timedelta(days=6)
    for rater in ("Erin Walsh", "Farid Haddad"):
        path = waiting.folder / "raters" / f"{day.isoformat()}-{rater.split()[0].lower()}.yaml"
        path.parent.mkdir(exist_ok=True)
        stages: dict[str, int | None] = dict.fromkeys(IDS, 2)
        path.write_text(
            _yaml(waiting, day, stages, {}, [], facilitator=rater, participants=[(rater, "civic")]),
            encoding="utf-8",
        )
        network.awaiting_consensus.append(path)
    # a file with an error
    broken = plans[9].folder / "broken.yaml"
    broken.write_text(
        f"framework: community-framework\ncoalition: {json.dumps(plans[9].name)}\nassessed_on: 2026-02-30\n",
        encoding="utf-8",
    )
    network.invalid = [broken]
    del rng
