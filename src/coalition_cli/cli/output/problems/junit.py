"""`--format junit`: JUnit XML, the test report GitLab (`artifacts:reports:junit`) and Jenkins read.

One test suite, `coalition validate`; one test case per file checked, which fails when the file has
errors (every problem of the file in the failure's text, one `file:line:col: …` line each) and
passes otherwise, its warnings in `system-out`. A file that cannot be read is an `error`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from xml.etree import ElementTree

from coalition_cli.cli.output.problems.base import Reporter, Run
from coalition_cli.cli.output.problems.text import format_problem
from coalition_cli.core import codes
from coalition_cli.core.problems import Problem

SUITE = "coalition validate"

_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold at all, even escaped: shown as \\xNN instead. (All but tab, line
feed, carriage return, U+0020-U+D7FF, U+E000-U+FFFD and U+10000-U+10FFFF: said that way round, the
class takes the regular-expression compiler 3 ms.)"""


def _xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda match: f"\\x{ord(match.group(0)):02x}", text)


def junit_xml(run: Run) -> str:
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in run.problems:
        by_file[problem.file].append(problem)
    files = list(dict.fromkeys([*run.checked, *by_file]))
    suites = ElementTree.Element("testsuites", name=SUITE)
    suite = ElementTree.SubElement(suites, "testsuite", name=SUITE)
    failures = errors = 0
    for file in files:
        case = ElementTree.SubElement(suite, "testcase", name=_xml_text(file), classname="coalition.validate")
        problems = by_file.get(file, [])
        listed = _xml_text("\n".join(format_problem(problem) for problem in problems))
        unreadable = [p for p in problems if p.code == codes.UNREADABLE.name]
        failed = [p for p in problems if p.is_error]
        if unreadable:
            errors += 1
            node = ElementTree.SubElement(
                case, "error", message=_xml_text(unreadable[0].message), type=codes.UNREADABLE.name
            )
            node.text = listed
        elif failed:
            failures += 1
            first = failed[0]
            message = _xml_text(f"{_count(failed)}: {first.message}")
            node = ElementTree.SubElement(case, "failure", message=message, type=first.code)
            node.text = listed
        elif problems:
            ElementTree.SubElement(case, "system-out").text = listed
    for element in (suites, suite):
        element.set("tests", str(len(files)))
        element.set("failures", str(failures))
        element.set("errors", str(errors))
    ElementTree.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(suites, encoding="unicode") + "\n"
    )


def _count(errors: Sequence[Problem]) -> str:
    return "1 error" if len(errors) == 1 else f"{len(errors)} errors"


class JunitReporter(Reporter):
    def report(self, run: Run) -> None:
        self.stdout.write(junit_xml(run))
        self.stdout.flush()


REPORTER = JunitReporter
