"""`coalition framework show ID` with an id typed nearly right: the id meant is suggested.

A facilitator types the separator wrong (`C1-1`, `C1 1`, `C1,1`), the case wrong (`c1.1`), or the
separator of another rubric (`A-3` for a rubric that writes `A.3`, and the other way round). The
suggestion is the id that differs only so, even where dropping the separators would make it look
like another id (`D1-1` is `D1.1`, not the domain `D11` of a rubric with twelve domains). The exit
status of an unknown id stays 2 (a usage error).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from coalition_cli.cli.app import app
from tests.support.custom_rubric import write_rubric

ENV = {"COLUMNS": "200"}


def _show(runner: CliRunner, item: str, *framework: str) -> tuple[int, str]:
    args = ["--no-color", "framework", "show", item]
    if framework:
        args += ["--framework", *framework]
    result = runner.invoke(app, args, env=ENV)
    return result.exit_code, " ".join(result.output.split())


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("C1-1", "C1.1"),
        ("C1 1", "C1.1"),
        ("c1.1", "C1.1"),
        ("C1,1", "C1.1"),
        ("C1_1", "C1.1"),
        ("c3-2", "C3.2"),
        ("c2", "C2"),
    ],
)
def test_a_wrong_separator_or_case_suggests_the_bundled_id(runner: CliRunner, typed: str, meant: str) -> None:
    code, said = _show(runner, typed)
    assert code == 2
    assert f"{typed!r} is not a domain or indicator of community-framework (did you mean {meant!r}?)" in said


def test_an_id_typed_with_a_slash_is_an_id_not_a_rubric_file(runner: CliRunner) -> None:
    # `C1/1` looks like a path, but names no file: it was read as a rubric that could not be found
    code, said = _show(runner, "C1/1")
    assert code == 2
    assert "'C1/1' is not a domain or indicator of community-framework (did you mean 'C1.1'?)" in said


def test_a_rubric_given_by_a_path_is_still_shown(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "rubrics"
    folder.mkdir()
    write_rubric(folder / "mine", domains={"A": ["A.1"]})  # a file without .yaml, named by its path
    monkeypatch.chdir(tmp_path)
    code, said = _show(runner, "rubrics/mine")
    assert code == 0
    assert "A.1" in said


def test_an_id_nothing_like_any_is_refused_without_a_suggestion(runner: CliRunner) -> None:
    code, said = _show(runner, "C8")
    assert code == 2
    assert "'C8' is not a domain or indicator of community-framework" in said
    assert "did you mean" not in said


def test_the_suggestion_is_given_with_json_output_too(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--no-color", "framework", "show", "c1-1", "--format", "json"], env=ENV)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "(did you mean 'C1.1'?)" in result.stderr


@pytest.fixture
def dotted(tmp_path: Path) -> Path:
    """A rubric that writes its ids `A.1`."""
    return write_rubric(tmp_path / "dotted.yaml", domains={"A": ["A.1", "A.2", "A.3"], "B": ["B.1"]})


@pytest.fixture
def dashed(tmp_path: Path) -> Path:
    """A rubric that writes its ids `A-1`."""
    return write_rubric(tmp_path / "dashed.yaml", domains={"A": ["A-1", "A-2", "A-3"], "B": ["B-1"]})


@pytest.mark.parametrize("typed", ["A-3", "a-3", "A 3", "a.3", "A_3"])
def test_a_rubric_with_dots_suggests_its_own_id(runner: CliRunner, dotted: Path, typed: str) -> None:
    code, said = _show(runner, typed, str(dotted))
    assert code == 2
    assert f"{typed!r} is not a domain or indicator of one-domain (did you mean 'A.3'?)" in said


@pytest.mark.parametrize("typed", ["A.3", "a.3", "A 3", "a-3", "A,3"])
def test_a_rubric_with_dashes_suggests_its_own_id(runner: CliRunner, dashed: Path, typed: str) -> None:
    code, said = _show(runner, typed, str(dashed))
    assert code == 2
    assert f"{typed!r} is not a domain or indicator of one-domain (did you mean 'A-3'?)" in said


def test_an_id_the_custom_rubric_does_not_have_is_not_suggested(runner: CliRunner, dotted: Path) -> None:
    code, said = _show(runner, "A-4", str(dotted))
    assert code == 2
    assert "'A-4' is not a domain or indicator of one-domain" in said
    assert "did you mean 'A.4'" not in said


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("D1-1", "D1.1"), ("d1 2", "D1.2"), ("D1,1", "D1.1"), ("D11-2", "D11.2"), ("d11", "D11")],
)
def test_twelve_domains_a_separator_is_not_taken_for_a_longer_id(
    runner: CliRunner, tmp_path: Path, typed: str, meant: str
) -> None:
    """`D1-1` and the domain `D11` are the same letters and digits: the separator says which is meant."""
    rubric = write_rubric(
        tmp_path / "twelve.yaml", domains={f"D{n}": [f"D{n}.1", f"D{n}.2"] for n in range(1, 13)}
    )
    code, said = _show(runner, typed, str(rubric))
    assert code == 2
    assert f"{typed!r} is not a domain or indicator of one-domain (did you mean {meant!r}?)" in said


def test_a_domain_named_like_an_indicator_without_its_dot_is_not_suggested_for_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Domains `A` and `A1`: `A-1` is the indicator A.1, not the domain A1."""
    rubric = write_rubric(tmp_path / "mixed.yaml", domains={"A": ["A.1", "A.2"], "A1": ["A1.1"]})
    code, said = _show(runner, "A-1", str(rubric))
    assert code == 2
    assert "(did you mean 'A.1'?)" in said
