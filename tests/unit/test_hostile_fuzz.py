"""Fuzzing the shapes of the adversarial trial (deep nesting, aliases, duplicate keys, long and hostile
scalars, many items, control characters), bounded to a few seconds: checking never raises, every
problem is located, at most 100 are listed (and one line that counts the rest), each prints as one
line, and the text bound on nesting is never below the real depth."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.error import YAMLError

from coalition_cli.cli.output.problems.text import format_problem
from coalition_cli.core.loading.assessments import check_assessment
from coalition_cli.core.problems import MAX_PROBLEMS_PER_FILE
from coalition_cli.core.yaml import source as yamlsource
from tests.support.files import VALID_HEADER

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

HOSTILE = st.sampled_from(
    ["\n::warning file=a,line=1::INJECTED", "\x1b]0;pwned\x07", "\x1b[2J", "\u202e", "\u200b", "\r", "\x00"]
)
TEXT = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.builds(lambda a, b: a + b, st.text(max_size=5), HOSTILE),
    st.integers(1, 5000).map(lambda n: "x" * n),
)


def _scalar(value: str) -> str:
    return json.dumps(value)  # a double-quoted YAML scalar: any text, control characters escaped


def _nested(depth: int, flow: bool) -> str:
    return "[" * depth + "1" + "]" * depth if flow else "- " * depth + "x"


@st.composite
def hostile_documents(draw: st.DrawFn) -> str:
    parts = [VALID_HEADER]
    shapes = draw(st.lists(st.integers(0, 7), min_size=1, max_size=4))
    for shape in shapes:
        if shape == 0:  # deep nesting, flow or block
            parts.append("notes: " + _nested(draw(st.integers(1, 3000)), draw(st.booleans())) + "\n")
        elif shape == 1:  # one value aliased many times
            value, count = draw(TEXT), draw(st.integers(1, 300))
            items = "".join("  - {name: P, organization: O, stakeholder_group: *v}\n" for _ in range(count))
            parts.append(f"facilitator: &v {_scalar(value)}\nparticipants:\n{items}")
        elif shape == 2:  # duplicate keys
            keys = [f"k{n}: 1\n" for n in range(draw(st.integers(1, 400)))]
            parts.append("".join(keys) * 2)
        elif shape == 3:  # unknown keys with hostile names
            for _ in range(draw(st.integers(1, 150))):
                parts.append(f"{_scalar(draw(TEXT) or 'k')}: {_scalar(draw(TEXT))}\n")
        elif shape == 4:  # ratings with hostile keys and stages
            lines = [
                f"  {_scalar(draw(TEXT) or 'C')}: {{stage: {_scalar(draw(TEXT))}}}\n"
                for _ in range(draw(st.integers(1, 50)))
            ]
            parts.append("ratings:\n" + "".join(lines))
        elif shape == 5:  # many tiny items
            parts.append("participants: [" + ",".join(["1"] * draw(st.integers(1, 20_000))) + "]\n")
        elif shape == 6:  # a hostile framework or profile reference
            key = draw(st.sampled_from(["framework", "profile"]))
            parts.append(f"{key}: {_scalar(draw(TEXT))}\n")
        else:  # container aliases (billion laughs)
            parts.append("a: &a [1, 2]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n")
    return "".join(parts)


@FUZZ
@given(hostile_documents())
def test_hostile_documents_are_checked_without_crashing_and_reported_in_lines(text: str) -> None:
    outcome = check_assessment(Path("hostile.yaml"), text=text)
    problems = list(outcome.problems)
    assert problems, "every one of these shapes has something to report"
    assert len(problems) <= MAX_PROBLEMS_PER_FILE + 1
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1
        line = format_problem(problem)
        assert "\n" not in line and "\r" not in line and "\x1b" not in line, line
        assert len(line) < 2_000


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["[", "]", "{", "}", "- ", "a: ", "? ", "\n", "  ", "x", ", ", "&a ", "*a", "'['", "#[\n"]
        ),
        max_size=80,
    )
)
def test_the_nesting_bound_is_never_below_the_real_depth(pieces: list[str]) -> None:
    text = "".join(pieces)
    depth = deepest = 0
    try:
        for event in yamlsource._fast_yaml().parse(text):
            kind = type(event).__name__
            if kind in ("MappingStartEvent", "SequenceStartEvent"):
                depth += 1
                deepest = max(deepest, depth)
            elif kind in ("MappingEndEvent", "SequenceEndEvent"):
                depth -= 1
    except YAMLError:
        pass  # the depth reached before the error still counts: the parser got that deep
    assert yamlsource.nesting_bound(text) >= deepest
