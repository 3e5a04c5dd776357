"""The sandbox's quicker way to read plain data (`BudgetSandbox.getattr`) answers as Jinja's own does.

A plan rendered with it is the plan rendered with Jinja's checks on every attribute, byte for byte;
what Jinja refuses (a private name, a method that changes a list, `str.format` padded too wide) is
still refused, on the plan's records as on anything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from coalition_cli.core.plan.sandbox import BudgetSandbox
from tests.support.plan import FALL, HOSTILE, SPRING, at_root, plan_text

__all__ = ["at_root"]


@pytest.mark.usefixtures("at_root")
@pytest.mark.parametrize(
    "args",
    [
        (SPRING, "--since", FALL),
        (SPRING, "--since", FALL, "--format", "html", "-o", "-"),
        (SPRING, "--audience", "public", "--format", "html", "-o", "-"),
        (HOSTILE,),
        (HOSTILE, "--format", "html", "-o", "-"),
    ],
    ids=["md", "html", "public", "hostile-md", "hostile-html"],
)
def test_a_plan_is_the_same_as_with_jinjas_checks_on_every_read(
    args: tuple[str | Path, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = plan_text(*args)
    monkeypatch.setattr(BudgetSandbox, "getattr", ImmutableSandboxedEnvironment.getattr)
    assert plan_text(*args) == quick


@dataclass(frozen=True)
class _Record:
    name: str
    _hidden: str = "secret"


@pytest.mark.parametrize(
    ("template", "refusal"),
    [
        ("{{ record._hidden }}", "'_hidden'"),
        ("{{ record.__class__ }}", "'__class__'"),
        ("{{ record.name.__class__ }}", "'__class__'"),
        ("{{ items.append(1) }}", "'append' of 'list'"),
        ('{{ "{:>99999}".format(record.name) }}', "pad a field"),
    ],
)
def test_what_jinja_refuses_is_still_refused(template: str, refusal: str) -> None:
    env = BudgetSandbox(undefined=StrictUndefined)  # as the plan's: a refusal is an error, not a blank
    env.from_string("{{ record.name }}").render(record=_Record("x"), items=[])  # the verdicts, once asked
    with pytest.raises(SecurityError, match=refusal):
        env.from_string(template).render(record=_Record("x"), items=[])


def test_plain_data_is_read_as_written() -> None:
    env = BudgetSandbox()
    assert env.from_string("{{ record.name }}|{{ record.name.upper() }}").render(record=_Record("a")) == "a|A"
