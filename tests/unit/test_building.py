"""A document the shipped index finds to have the models' shape is made without Pydantic, into
exactly what Pydantic makes of it (core/model/building.py), and commands reading valid files never
import Pydantic.

The agreement is tested on every assessment and profile in the examples and fixtures, then as a
property over edited assessments and profiles (the edits of tests/support/assessment_edits.py, which
keep many documents valid and break many others in every way the models refuse).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings

from coalition_cli.core.checks.fastcheck import assessment_conforms, profile_conforms
from coalition_cli.core.codes import Policy
from coalition_cli.core.files.discovery import Target
from coalition_cli.core.loading.assessments import BUILT_AT_MOST, MODELS, PYDANTIC_ONLY, ModelsReading
from coalition_cli.core.loading.pipeline import check_target
from coalition_cli.core.model.assessment import Action, Assessment, Rating
from coalition_cli.core.model.base import as_data, validated
from coalition_cli.core.model.building import NotBuilt, built
from coalition_cli.core.model.profile import CoalitionProfile
from coalition_cli.core.yaml import source as yamlsource
from tests.support.assessment_edits import (
    clean_document,
    clean_profile,
    edited_documents,
    edited_profiles,
    yaml_text,
)
from tests.support.paths import ROOT
from tests.support.processes import environment

EXAMPLES = sorted((ROOT / "examples").rglob("*.yaml")) + sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))


def _documents() -> list[tuple[Path, Any]]:
    found = []
    for path in EXAMPLES:
        try:
            data = yamlsource.parse_fast(path.read_text(encoding="utf-8"))
        except Exception:  # a fixture that is meant not to parse
            continue
        if isinstance(data, dict):
            found.append((path, data))
    return found


def _same_as_pydantic(model: type[Any], data: dict[str, Any]) -> bool:
    """Whether `built` makes what Pydantic makes of a document the index passes; False when `built`
    declines (then Pydantic reads it, which is never wrong)."""
    try:
        made = built(model, data)
    except NotBuilt:
        return False
    expected = validated(model, data)
    assert made == expected
    assert repr(made) == repr(expected)  # the same types inside, not only equal values (1 == True)
    assert as_data(made) == as_data(expected)
    return True


def test_every_example_and_fixture_that_conforms_is_built_as_pydantic_builds_it() -> None:
    built_count = 0
    for path, data in _documents():
        if "members" in data and "ratings" not in data:
            if profile_conforms(data):
                built_count += _same_as_pydantic(CoalitionProfile, data)
        elif assessment_conforms(data):
            assert _same_as_pydantic(Assessment, data), f"{path} conforms but was not built"
            built_count += 1
    assert built_count >= 10  # the examples' terms, raters and profile, and many fixtures


def test_what_is_built_holds_the_models_values_not_the_text() -> None:
    document = clean_document()
    document["ratings"]["C1.1"] = {
        "stage": "developing",
        "target": 3,
        "priority": True,
        "actions": [{"action": "Adopt the charter", "due": "2026-06-30", "status": "planned"}],
    }
    document["participants"] = None  # written as a bare `participants:`
    assert assessment_conforms(document)
    made = built(Assessment, document)
    rating = made.ratings["C1.1"]
    assert isinstance(rating, Rating) and rating.stage == "developing" and rating.target == 3
    assert rating.actions == (Action(action="Adopt the charter", due=dt.date(2026, 6, 30), status="planned"),)
    assert made.participants == () and isinstance(made.assessed_on, dt.date)
    assert made == validated(Assessment, document)


def test_a_date_the_calendar_does_not_have_is_left_to_pydantic() -> None:
    document = clean_document()
    document["assessed_on"] = "2026-02-30"  # the schema's pattern takes it; only the model refuses it
    with pytest.raises(NotBuilt):
        built(Assessment, document)


def test_a_value_of_another_type_is_left_to_pydantic() -> None:
    with pytest.raises(NotBuilt):
        built(Action, {"action": 12})
    with pytest.raises(NotBuilt):
        built(Rating, {"priority": "yes"})


_PROPERTY = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _built_if_passed(model: type[Any], conforms: Any, written: dict[str, Any]) -> None:
    data = yamlsource.parse_fast(yaml_text(written))
    if conforms(data):
        event("built" if _same_as_pydantic(model, data) else "declined")
    else:
        event("left to Pydantic")


@_PROPERTY
@given(document=edited_documents())
def test_any_edited_assessment_the_index_passes_is_built_as_pydantic_builds_it(
    document: dict[str, Any],
) -> None:
    _built_if_passed(Assessment, assessment_conforms, document)


@_PROPERTY
@given(profile=edited_profiles())
def test_any_edited_profile_the_index_passes_is_built_as_pydantic_builds_it(profile: dict[str, Any]) -> None:
    _built_if_passed(CoalitionProfile, profile_conforms, profile)


@_PROPERTY
@given(document=edited_documents())
def test_loading_by_the_index_gives_what_loading_by_pydantic_gives(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    path = tmp_path / "assessment.yaml"
    path.write_text(yaml_text(document), encoding="utf-8")
    quick = check_target(ModelsReading(), Target(path), policy=Policy())  # a new process's reading
    reference = check_target(PYDANTIC_ONLY, Target(path), policy=Policy())
    assert quick is not None and reference is not None
    assert quick.located == reference.located
    assert quick.value == reference.value


def test_a_process_reading_many_documents_has_pydantic_read_them_past_a_point(tmp_path: Path) -> None:
    """Past BUILT_AT_MOST documents, Pydantic (imported once) reads each faster than the builder:
    the outcome is the same either way."""
    path = tmp_path / "assessment.yaml"
    path.write_text(yaml_text(clean_document()), encoding="utf-8")
    reading = ModelsReading()
    made = [check_target(reading, Target(path), policy=Policy()) for _ in range(BUILT_AT_MOST + 2)]
    assert reading.offered_to_the_builder == BUILT_AT_MOST  # then no more
    values = [outcome.value for outcome in made if outcome is not None]
    assert len(values) == BUILT_AT_MOST + 2 and all(value == values[0] for value in values)
    assert MODELS is not PYDANTIC_ONLY


@pytest.mark.parametrize(("count", "pydantic"), [(3, False), (BUILT_AT_MOST + 1, True)])
def test_many_files_are_read_by_pydantic_from_the_first(tmp_path: Path, count: int, pydantic: bool) -> None:
    """Imported before the workers start, Pydantic is imported once for all of them."""
    for number in range(count):
        (tmp_path / f"{number:03}.yaml").write_text(yaml_text(clean_document()), encoding="utf-8")
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from coalition_cli.core.files.discovery import Target\n"
        "from coalition_cli.core.loading.assessments import check_all\n"
        f"targets = [Target(path) for path in sorted(Path({str(tmp_path)!r}).glob('*.yaml'))][:{count}]\n"
        "outcomes = check_all(targets, lambda outcome: outcome, jobs=1)\n"
        "assert all(outcome.value is not None for outcome in outcomes)\n"
        "print('pydantic.main' in sys.modules)\n"
    )
    for _ in range(2):  # the first run may check the bundled rubric again (a cold cache), with Pydantic
        result = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=environment(), check=False
        )
    assert result.stdout.strip() == str(pydantic), result.stderr[-2000:]


def test_as_data_is_what_pydantic_dumps() -> None:
    """`as_data` writes a model as Pydantic's `dump_python(mode="json")` does, without Pydantic."""
    from coalition_cli.core.loading.frameworks import load_framework, load_guide
    from coalition_cli.core.model.base import adapter

    framework = load_framework("community-framework")
    values: list[Any] = [framework, load_guide(), *framework.domains, *framework.indicators]
    for _path, data in _documents():
        if "ratings" in data and assessment_conforms(data):
            values.append(validated(Assessment, data))
        elif "members" in data and profile_conforms(data):
            values.append(validated(CoalitionProfile, data))
    document = clean_document()
    document["ratings"]["C1.1"] = None  # a rating left empty: kept as null, with or without Nones
    values.append(validated(Assessment, document))
    assert len(values) > 40
    for value in values:
        for exclude_none in (False, True):
            expected = adapter(type(value)).dump_python(value, mode="json", exclude_none=exclude_none)
            assert as_data(value, exclude_none=exclude_none) == expected


def test_an_inline_profile_is_built_too() -> None:
    document = clean_document()
    document["profile"] = clean_profile()
    assert assessment_conforms(document)
    made = built(Assessment, document)
    assert isinstance(made.profile, CoalitionProfile)
    assert made == validated(Assessment, document)


@pytest.mark.parametrize(
    "arguments",
    [
        ["score", "2026-03-spring.yaml"],
        ["compare", "2025-09-fall.yaml", "2026-03-spring.yaml"],
        ["plan", "2026-03-spring.yaml", "--since", "2025-09-fall.yaml"],
        ["roster", "2026-03-spring.yaml"],
        ["validate", "2026-03-spring.yaml"],
    ],
)
def test_commands_reading_valid_files_do_not_import_pydantic(arguments: list[str]) -> None:
    """(The launcher puts a stand-in for Pydantic's plugin loader in place, not Pydantic itself.)"""
    probe = (
        "import sys, runpy\n"
        "from coalition_cli.cli.launch import main\n"
        f"sys.argv = ['coalition', *{arguments!r}]\n"
        "try:\n    main()\n"
        "except SystemExit as stop:\n    code = stop.code\n"
        "loaded = sorted(name for name in ('pydantic', 'pydantic.main', 'pydantic_core') if name in sys.modules)\n"
        "sys.stderr.write('PYDANTIC:' + ','.join(loaded) + '\\n')\n"
    )
    folder = ROOT / "examples" / "riverside"
    for _ in range(2):  # the first run may check the bundled rubric again (a cold cache), with Pydantic
        result = subprocess.run(
            [sys.executable, "-c", probe],
            cwd=folder,
            capture_output=True,
            text=True,
            env=environment(),
            check=False,
        )
    marker = [line for line in result.stderr.splitlines() if line.startswith("PYDANTIC:")]
    assert marker == ["PYDANTIC:"], result.stderr[-2000:]
