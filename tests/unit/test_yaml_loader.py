"""The fast loader (core/yaml/source.py) reads every scalar as ruamel's own safe loader does.

It remembers each plain text's tag and each number's value between documents, builds one loader
class per process and does nothing for path resolvers; none of that may change what a file means.
"""

from __future__ import annotations

import math
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from coalition_cli.core.yaml import source as yamlsource

# Texts that are, or almost are, numbers, booleans, nulls, dates and the other implicit tags of YAML
# 1.1 and 1.2, and plain words.
_SIGNIFICANT = [*"0123456789+-._eExXoObB:TtZz ~<=!&*", "inf", "Inf", "nan", "NaN", "true", "True", "false"]
_KNOWN = [
    "0", "00", "017", "0o17", "0x1F", "0b101", "1_000", "-0", "+12", "1.5", "1.", ".5", "1e3", "1.5e-3",
    "1E+3", "+.inf", "-.INF", ".NaN", ".nan", "1:20", "1:20:30.5", "2026-03-14", "2026-03-14T09:00:00Z",
    "2026-3-4 9:00:00", "2026-03-14 09:00:00.5 +01:00", "true", "False", "TRUE", "tRue", "null", "Null",
    "NULL", "~", "", "<<", "=", "!", "&", "*", "yes", "No", "on", "OFF", "y", "٣", "２", "1,000",
    "Developing", "C1.1", "community-framework",
]  # fmt: skip
scalars = st.one_of(
    st.sampled_from(_KNOWN),
    st.lists(st.sampled_from(_SIGNIFICANT), max_size=8).map("".join),
    st.text(max_size=12),
)


class _TextDates(SafeConstructor):  # type: ignore[misc]
    """ruamel's safe constructor, keeping dates as text as the fast loader does (and nothing else)."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_scalar)


def _ruamel(text: str) -> Any:
    """The document as ruamel's C-accelerated safe loader reads it, resolver and constructors its own."""
    yaml = YAML(typ="safe")
    yaml.Constructor = _TextDates
    return yaml.load(text)


def _typed(value: Any) -> Any:
    """The value with the type of every part, so that 1, 1.0 and True differ (and NaN equals NaN)."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    if isinstance(value, float) and math.isnan(value):
        return (float, "nan")
    return (type(value), value)


def _read(read: Any, text: str) -> Any:
    try:
        return ("read", _typed(read(text)))
    except Exception:  # which exception differs (ours are worded); that both refuse matters
        return ("refused",)


@settings(max_examples=500, deadline=None)
@given(scalars)
def test_a_plain_text_gets_the_tag_ruamels_resolver_gives_it(value: str) -> None:
    ours = yamlsource._Resolver(version=None, loadumper=None)
    theirs = VersionedResolver(version=None, loadumper=None)
    expected = str(theirs.resolve(ScalarNode, value, (True, False)))
    assert str(ours.resolve(ScalarNode, value, (True, False))) == expected
    assert str(ours.resolve(ScalarNode, value, (True, False))) == expected  # remembered, the same
    assert str(ours.resolve(ScalarNode, value, (False, True))) == "tag:yaml.org,2002:str"  # quoted


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(scalars, min_size=1, max_size=6), st.booleans())
def test_a_document_of_scalars_reads_as_ruamels_safe_loader_reads_it(values: list[str], flow: bool) -> None:
    repeated = [*values, *values]  # the second time, from what the loader remembered
    if flow:
        text = "k: [" + ", ".join(repeated) + "]\n"
    else:
        text = "".join(f"k{n}: {value}\n" for n, value in enumerate(repeated))
    expected = _read(_ruamel, text)
    assert _read(yamlsource.parse_fast, text) == expected
    assert _read(yamlsource.parse_fast, text) == expected  # and again, everything remembered


def test_what_the_loader_remembers_is_bounded() -> None:
    words = [f"w{n}" for n in range(yamlsource._MEMO_SIZE + 500)]
    numbers = [str(n) for n in range(yamlsource._MEMO_SIZE + 500)]
    long = "x" * (yamlsource._MEMO_LENGTH + 1)
    for chunk in range(0, len(words), 5_000):
        pairs = zip(words[chunk : chunk + 5_000], numbers[chunk : chunk + 5_000], strict=True)
        document = "".join(f"- {w}\n- {n}\n" for w, n in pairs)
        assert yamlsource.parse_fast(document + f"- {long}\n")[-1] == long
    memo = yamlsource._MEMOS[(1, 2)]
    assert len(memo.tags) <= yamlsource._MEMO_SIZE
    assert len(memo.values) <= yamlsource._MEMO_SIZE
    assert long not in memo.tags


def test_no_path_resolvers_are_registered() -> None:
    """The loader skips ruamel's path resolvers (descend/ascend around every node): none may exist."""
    assert not yamlsource._Resolver.yaml_path_resolvers
