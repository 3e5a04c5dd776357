"""validate's formats are the reporter modules of cli/output/problems/: nothing else lists them."""

from __future__ import annotations

import importlib
import io

from coalition_cli.cli.output.problems import FORMATS, Reporter, Run, Summary, reporter
from coalition_cli.core.codes import Severity
from coalition_cli.core.problems import Problem

PROBLEM = Problem("a.yaml", 3, 14, Severity.ERROR, "invalid-date", "assessed_on: no such date")


def test_every_reporter_module_is_a_format_and_text_comes_first() -> None:
    assert FORMATS == ("text", "github", "json", "junit", "sarif")
    for name in FORMATS:
        module = importlib.import_module(f"coalition_cli.cli.output.problems.{name}")
        assert issubclass(module.REPORTER, Reporter)
        assert type(reporter(name)) is module.REPORTER


def test_a_reporter_writes_to_the_streams_it_is_given() -> None:
    out, err = io.StringIO(), io.StringIO()
    summary = Summary.of([PROBLEM], files=1, valid=0, skipped=0)
    importlib.import_module("coalition_cli.cli.output.problems.text").REPORTER(out, err).report(
        Run([PROBLEM], summary)
    )
    assert out.getvalue() == "a.yaml:3:14: error assessed_on: no such date [invalid-date]\n"
    assert err.getvalue() == "✗ 1 file checked, 0 valid, 1 error\n"
