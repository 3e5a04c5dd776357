"""The code registry (core/codes.py) is the one list of problem codes: the README's table is made from
it, every code has a place that raises it, every check raises only what it declares, and the fast
path rules out every code an assessment can get."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from coalition_cli.core import codes
from coalition_cli.core.checks import comments, fastcheck, structure
from coalition_cli.core.checks.base import Check, Kind, Subject
from coalition_cli.core.checks.registry import CHECKS, checks_for
from coalition_cli.core.codes import CODES, Code, Family, Policy, Severity
from coalition_cli.core.loading import profiles
from coalition_cli.core.loading.assessments import FRAMEWORK_CODES
from coalition_cli.core.loading.frameworks import load_framework, load_guide
from coalition_cli.core.yaml import source as yamlsource
from tests.support.paths import EXAMPLES, FIXTURES, ROOT, SRC

BEGIN, END = "<!-- codes: begin (tests/unit/test_codes.py) -->", "<!-- codes: end -->"


def code_table() -> str:
    """The README's table of codes, as the registry says."""
    rows = ["| code | kind of problem | severity | what it means |", "| --- | --- | --- | --- |"]
    for code in CODES.values():
        rows.append(f"| `{code.name}` | {code.family.value} | {code.severity.value} | {code.summary} |")
    return "\n".join(rows)


def test_the_readme_lists_exactly_the_registered_codes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert BEGIN in readme and END in readme, f"the README needs the markers {BEGIN} and {END}"
    shown = readme.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    expected = code_table()
    assert shown == expected, (
        f"the README's table of codes differs from core/codes.py; it should read:\n{expected}"
    )


def test_codes_are_listed_by_family_and_named_in_kebab_case() -> None:
    families = [code.family for code in CODES.values()]
    assert families == sorted(families, key=list(Family).index)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", name) for name in CODES)
    assert all(code.summary and "\n" not in code.summary for code in CODES.values())


def test_strict_makes_every_warning_an_error() -> None:
    """yamllint's --strict: no warning passes (it once promoted only not-rated, issue 15 #4)."""
    strict, relaxed = Policy(strict=True), Policy()
    changed = {code.name for code in CODES.values() if strict.severity(code) != relaxed.severity(code)}
    assert changed == {code.name for code in CODES.values() if code.severity is Severity.WARNING}
    assert {"not-rated", "target-not-above-stage"} <= changed
    assert all(strict.severity(code) is Severity.ERROR for code in CODES.values())


def test_only_warnings_can_be_turned_off_or_relaxed() -> None:
    from coalition_cli.core.codes import Level, Setting

    policy = Policy(levels=tuple(Setting(name, Level.IGNORE) for name in CODES))
    assert {code.name for code in CODES.values() if not policy.reports(code)} == {
        code.name for code in CODES.values() if code.adjustable
    }
    relaxed = Policy(levels=tuple(Setting(name, Level.WARNING) for name in CODES))
    assert all(relaxed.severity(code) is code.severity for code in CODES.values())
    raised = Policy(levels=(Setting("not-rated", Level.ERROR),))
    assert raised.severity(codes.NOT_RATED) is Severity.ERROR
    selected = Policy(select=frozenset({"not-rated"}))
    assert selected.reports(codes.NOT_RATED) and selected.reports(codes.UNKNOWN_KEY)
    assert not selected.reports(codes.TARGET_NOT_ABOVE_STAGE)


def test_a_code_turned_off_says_what_turned_it_off() -> None:
    """What an unused suppression of a code turned off names (review s11 #4b): the last setting given."""
    from coalition_cli.core.codes import Level, Setting

    policies = [
        Policy(),
        Policy(levels=(Setting("not-rated", Level.IGNORE, ".coalition.yaml"),)),
        Policy(
            levels=(Setting("not-rated", Level.IGNORE, "a.toml"), Setting("not-rated", Level.ERROR, "--x"))
        ),
        Policy(select=frozenset({"target-not-above-stage"}), selected_by="pyproject.toml"),
        Policy(levels=tuple(Setting(name, Level.IGNORE) for name in CODES)),
    ]
    for policy in policies:
        assert all((policy.turned_off(code) is None) == policy.reports(code) for code in CODES.values())
    said = [policy.turned_off(codes.NOT_RATED) for policy in policies]
    assert said == [
        None,
        "not-rated is ignored by .coalition.yaml",
        None,
        "not-rated is not among the codes selected by pyproject.toml",
        "not-rated is ignored in this run",
    ]


RAISED_OUTSIDE_CHECKS: dict[str, tuple[Code, ...]] = {
    "yaml/source.py (reading and parsing)": yamlsource.CODES,
    "checks/structure.py (the model stage)": structure.CODES,
    "loading/assessments.py (the framework stage)": FRAMEWORK_CODES,
    "loading/profiles.py (the profile stage)": profiles.CODES,
    "loading/documents.py (the cap)": (codes.TOO_MANY_PROBLEMS,),
    "cli/validation/files.py (a path that cannot be read)": (codes.UNREADABLE,),
    "core/suppressions.py (a comment that suppresses nothing)": (codes.UNUSED_SUPPRESSION,),
    "checks/comments.py (text a comment cut short, beside the checks)": comments.CODES,
}


def test_every_code_has_a_place_that_raises_it() -> None:
    declared = {code for check in CHECKS for code in check.codes}
    declared |= {code for raised in RAISED_OUTSIDE_CHECKS.values() for code in raised}
    assert declared == set(CODES.values())


def test_no_code_is_written_as_a_string_in_the_source() -> None:
    """A code is always `codes.NAME`: a string would escape the registry (and a typo, every test)."""
    names = "|".join(re.escape(name) for name in CODES if "-" in name)
    literal = re.compile(rf"""["']({names})["']""")
    found = [
        f"{path.relative_to(SRC)}: {match.group(0)}"
        for path in sorted(SRC.rglob("*.py"))
        if path.name != "codes.py"
        for match in literal.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_fast_path_rules_out_every_code_an_assessment_can_get() -> None:
    """A new check of the files validate reads (assessments, profiles, rubrics) must say how the fast
    path rules it out (fastcheck.STANDS_IN_FOR), or a file it fires on could be proven clean."""
    kinds = (Kind.ASSESSMENT, Kind.PROFILE, Kind.FRAMEWORK)
    reachable = {code for kind in kinds for check in checks_for(kind) for code in check.codes}
    reachable |= {code for raised in RAISED_OUTSIDE_CHECKS.values() for code in raised}
    ruled_out = {code for covered in fastcheck.STANDS_IN_FOR.values() for code in covered}
    assert reachable - ruled_out == set()


def _documents() -> list[tuple[Kind, Path]]:
    found: list[tuple[Kind, Path]] = []
    for path in sorted([*FIXTURES.rglob("*.yaml"), *EXAMPLES.rglob("*.yaml")]):
        data = yamlsource.parse_fast(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            continue
        kind = (
            Kind.FRAMEWORK
            if "domains" in data
            else Kind.PROFILE
            if profiles.looks_like_profile(data)
            else Kind.ASSESSMENT
        )
        found.append((kind, path))
    return found


@pytest.mark.parametrize(("kind", "path"), _documents(), ids=lambda value: getattr(value, "name", str(value)))
def test_each_check_raises_only_the_codes_it_declares(kind: Kind, path: Path) -> None:
    data: dict[str, Any] = yamlsource.parse_fast(path.read_text(encoding="utf-8"))
    framework = load_framework("community-framework")
    subject = Subject(data, framework, load_guide())
    for check in checks_for(kind):
        _assert_declared(check, subject)


def _assert_declared(check: Check, subject: Subject) -> None:
    raised = {finding.code for finding in check.run(subject)}
    assert raised <= set(check.codes), f"{check.id} raised {raised - set(check.codes)} without declaring them"


def test_the_checks_find_something_in_the_broken_fixtures() -> None:
    """So that the test above holds the checks to something."""
    raised = set()
    for kind, path in _documents():
        data = yamlsource.parse_fast(path.read_text(encoding="utf-8"))
        subject = Subject(data, load_framework("community-framework"), load_guide())
        raised |= {finding.code for check in checks_for(kind) for finding in check.run(subject)}
    assert len(raised) >= 8, raised


def test_check_ids_name_their_family_module() -> None:
    for check in CHECKS:
        family = check.id.split(".")[0]
        module = Path(check.run.__code__.co_filename).stem
        assert family == module, f"{check.id} is defined in {module}.py"
