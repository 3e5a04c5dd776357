"""The network view for an intermediary supporting many coalitions: `coalition summary`.

Every file is checked in a worker process (the same check as `coalition validate`, C parser,
positions only for problems) and comes back as a small `NetworkEntry` (`network_entry`). Then, per coalition (by name,
ignoring case and spacing), the latest assessment is kept: the one with the latest `assessed_on`;
among files of that same date, the first by file name. From those come a coalitions × domains
heatmap, the distribution of stages per indicator, and the indicators where the network is weakest.

Folders are searched for *.yaml / *.yml; YAML files there that are plainly not assessments (and
coalition profiles) are skipped. Files with errors are left out of the numbers and listed, so the
exit status is 1.
All the files summarized together must use one framework: pick one with `--framework` otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from coalition_cli.core.errors import InvalidFileError, UsageError
from coalition_cli.core.loading.assessments import LoadedAssessment, Read
from coalition_cli.core.loading.frameworks import framework_path, load_framework, looks_like_path
from coalition_cli.core.loading.outcome import FileOutcome
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.model.profile import CoalitionProfile
from coalition_cli.core.reports.document import (
    NO_VALUE,
    Cell,
    Column,
    Document,
    Heading,
    Line,
    score_cell,
    stage_cell,
    stage_text,
    table,
)
from coalition_cli.core.reports.report import Report
from coalition_cli.core.reports.scorecard import (
    SCORECARD_CSV_HEADER,
    ScoredFile,
    domain_json,
    overall_json,
    scorecard_csv_rows,
)
from coalition_cli.core.scoring import as_number, score, shown
from coalition_cli.core.wording import plural

WEAKEST = 5
"""How many of the network's weakest indicators to list, unless told otherwise."""


@dataclass(frozen=True)
class NetworkEntry:
    """A valid assessment as the summary needs it: a few strings and numbers, cheap to pickle."""

    file: str
    coalition: str
    assessed_on: dt.date
    term: str | None
    framework_id: str
    framework_key: str
    """A bundled framework's id, or the resolved path of a framework file."""
    stages: dict[str, int | None] = field(default_factory=dict)
    targets: dict[str, int | None] = field(default_factory=dict)


def network_entry(outcome: FileOutcome[Read]) -> FileOutcome[NetworkEntry]:
    """What a worker sends back for one file (module level, small): how it went, and a valid
    assessment's entry. A file with errors is listed and left out; a coalition profile is skipped."""
    loaded = outcome.value
    if isinstance(loaded, CoalitionProfile) and not outcome.has_errors:
        return FileOutcome(outcome.file, skipped=True)
    if outcome.has_errors or not isinstance(loaded, LoadedAssessment):
        return outcome.with_value(None)
    assessment = loaded.assessment
    reference = assessment.framework
    key = (
        str(framework_path(reference, loaded.path.parent).resolve())
        if looks_like_path(reference)
        else reference
    )
    entry = NetworkEntry(
        outcome.file,
        assessment.coalition,
        assessment.assessed_on,
        assessment.term,
        loaded.framework.id,
        key,
        loaded.stages,
        loaded.targets,
    )
    return outcome.with_value(entry)


def left_out(outcome: FileOutcome[NetworkEntry]) -> bool:
    """A file read but left out of the numbers: it has errors."""
    return outcome.value is None and not outcome.skipped and outcome.unreadable is None


def in_brief(outcome: FileOutcome[NetworkEntry]) -> str:
    """`3 problems; first: line 4: …`, for the list of files left out."""
    errors = [problem for problem in outcome.problems if problem.is_error]
    first = f"; first: line {errors[0].line}: {errors[0].message}" if errors else ""
    return f"{plural(len(errors), 'problem')}{first}"


@dataclass(frozen=True, kw_only=True)
class CoalitionLatest:
    latest: ScoredFile
    assessments: int
    """How many of the files read are this coalition's."""
    same_day: int
    """How many files share the latest date (1 unless raters' files sit beside the consensus)."""


@dataclass(frozen=True, kw_only=True)
class IndicatorSpread:
    """How the coalitions stand on one indicator, counting each coalition's latest assessment."""

    id: str
    name: str
    domain_id: str
    counts: tuple[int, ...]
    """Coalitions at each stage, from stage 1 up."""
    not_rated: int

    @property
    def rated(self) -> int:
        return sum(self.counts)

    @property
    def mean(self) -> Fraction | None:
        rated = self.rated
        total = sum(stage * count for stage, count in enumerate(self.counts, start=1))
        return Fraction(total, rated) if rated else None


@dataclass(frozen=True, kw_only=True)
class Network(Report):
    """The report of `summary`: each coalition's latest assessment, and the network's numbers."""

    framework: Framework
    coalitions: tuple[CoalitionLatest, ...]
    indicators: tuple[IndicatorSpread, ...]
    files: int
    skipped: int
    invalid: tuple[FileOutcome[NetworkEntry], ...]
    other_framework: int = 0
    """Valid files left out because they use another framework than the one asked for."""
    weakest_count: int = WEAKEST
    """How many of the weakest indicators the report lists (`--weakest`)."""
    csv_header = SCORECARD_CSV_HEADER
    """The `score` rows of each coalition's latest assessment."""

    def weakest(self) -> list[IndicatorSpread]:
        """The `weakest_count` indicators with the lowest average stage; ties: more coalitions at
        stage 1, then framework order."""
        order = {indicator.id: index for index, indicator in enumerate(self.framework.indicators)}
        rated = [indicator for indicator in self.indicators if indicator.mean is not None]
        rated.sort(key=lambda i: (i.mean, -i.counts[0], order[i.id]))
        return rated[: self.weakest_count]

    @property
    def assessments(self) -> int:
        return sum(coalition.assessments for coalition in self.coalitions)

    # --- as a report ---------------------------------------------------------------------------

    def data(self) -> dict[str, Any]:
        fw = self.framework
        return {
            "framework": {"id": fw.id, "title": fw.title},
            "files": {
                "read": self.files,
                "assessments": self.assessments,
                "skipped": self.skipped,
                "invalid": len(self.invalid),
                "other_framework": self.other_framework,
            },
            "coalitions": [
                {
                    "coalition": item.latest.coalition,
                    "file": item.latest.file,
                    "assessed_on": item.latest.assessed_on.isoformat(),
                    "assessments": item.assessments,
                    "overall": overall_json(item.latest.card),
                    "domains": [domain_json(domain) for domain in item.latest.card.domains],
                }
                for item in self.coalitions
            ],
            "indicators": [_indicator_json(fw, indicator) for indicator in self.indicators],
            "weakest": [_indicator_json(fw, indicator) for indicator in self.weakest()],
            "invalid_files": [{"file": item.file, "problems": in_brief(item)} for item in self.invalid],
        }

    def csv_rows(self) -> Iterator[list[object]]:
        for coalition in self.coalitions:
            yield from scorecard_csv_rows(coalition.latest)

    def document(self) -> Document:
        fw = self.framework
        document: Document = [Heading(f"Network summary: {fw.title}"), *_overview(self)]
        if not self.coalitions:
            return document
        heat_rows = [
            [
                Cell(item.latest.coalition),
                Cell(item.latest.assessed_on.isoformat()),
                score_cell(
                    fw, item.latest.card.exact, text=shown(item.latest.card.exact) or NO_VALUE, fill=True
                ),
            ]
            + [
                score_cell(fw, domain.exact, text=shown(domain.exact) or NO_VALUE, fill=True)
                for domain in item.latest.card.domains
            ]
            for item in self.coalitions
        ]
        domain_columns = [Column(domain.id, align="center", nowrap=True) for domain in fw.domains]
        document += [
            table(
                "Domain scores of each coalition's latest assessment",
                [
                    Column("Coalition"),
                    Column("Assessed", nowrap=True),
                    Column("Overall", align="center", nowrap=True),
                    *domain_columns,
                ],
                heat_rows,
            ),
            Line(
                "Domains: " + "; ".join(f"{domain.id} {domain.name}" for domain in fw.domains), tone="muted"
            ),
            table(
                "Key: a score's stage",
                [str(stage.number) for stage in fw.stages],
                [[stage_cell(fw, stage.number, text=stage.name, fill=True) for stage in fw.stages]],
            ),
        ]
        stage_columns = [
            Column(stage_text(fw, stage.number), align="right", narrow=True) for stage in fw.stages
        ]
        document.append(
            table(
                "How many coalitions are at each stage, per indicator",
                [
                    Column("Indicator"),
                    *stage_columns,
                    Column("Not rated", align="right", narrow=True),
                    Column("Average", align="right"),
                ],
                [
                    [Cell(f"{i.id} {i.name}")]
                    + [Cell(str(count), tone="muted" if not count else None) for count in i.counts]
                    + [
                        Cell(str(i.not_rated), tone="muted" if not i.not_rated else None),
                        score_cell(fw, i.mean, text=shown(i.mean)),
                    ]
                    for i in self.indicators
                ],
            )
        )
        lowest = fw.stages[0].name
        document.append(
            table(
                "Where the network is weakest (lowest average stage)",
                [
                    Column("Indicator", nowrap=True),
                    Column("Name"),
                    Column("Domain"),
                    Column("Average", align="right", nowrap=True),
                    Column(f"At {lowest}", align="right", nowrap=True),
                    Column("Rated by", align="right", nowrap=True),
                ],
                [
                    [
                        Cell(i.id),
                        Cell(i.name),
                        Cell(fw.domain(i.domain_id).name),
                        score_cell(fw, i.mean, text=shown(i.mean)),
                        Cell(str(i.counts[0])),
                        Cell(plural(i.rated, "coalition")),
                    ]
                    for i in self.weakest()
                ],
            )
        )
        return document


def coalition_key(name: str) -> str:
    return " ".join(name.casefold().split())


def build_network(
    files: Sequence[FileOutcome[NetworkEntry]], *, framework: str | None = None, weakest: int = WEAKEST
) -> Network:
    """The latest assessment per coalition and the network's numbers, listing the `weakest` indicators.

    Raises UsageError if there is nothing to sum up."""
    valid = [item.value for item in files if item.value is not None]
    by_framework: dict[str, list[NetworkEntry]] = defaultdict(list)
    for item in valid:
        by_framework[item.framework_key].append(item)
    if framework is not None:
        chosen, named = _chosen(by_framework, framework)
        if not chosen and valid:
            used = ", ".join(sorted({item.framework_id for item in valid}))
            raise UsageError(f"no file uses the framework {named}; these files use: {used}")
    elif len(by_framework) > 1:
        used = "; ".join(
            f"{items[0].framework_id}: {plural(len(items), 'file')}"
            for items in sorted(by_framework.values(), key=len, reverse=True)
        )
        raise UsageError(
            f"these files use {len(by_framework)} different frameworks ({used}); a summary covers one",
            hint="choose one with --framework ID",
        )
    else:
        chosen = list(by_framework)
    if not chosen:
        raise _nothing_to_summarize(files)
    key = chosen[0]
    fw = load_framework(key)
    mine = by_framework[key]
    coalitions = tuple(_latest(fw, group) for group in _by_coalition(mine))
    return Network(
        framework=fw,
        coalitions=coalitions,
        indicators=tuple(_spreads(fw, coalitions)),
        files=len(files),
        skipped=sum(item.skipped for item in files),
        invalid=tuple(item for item in files if left_out(item)),
        other_framework=len(valid) - len(mine),
        weakest_count=weakest,
    )


def _chosen(by_framework: dict[str, list[NetworkEntry]], framework: str) -> tuple[list[str], str]:
    """The framework keys `--framework` names, best match first, and how to name it in a message.

    A path is resolved the way an assessment's `framework:` is (from the current folder) and matches
    the files that use that rubric file, or another copy of it: the same framework id.
    """
    if not looks_like_path(framework):
        names = {framework}
        named = repr(framework)
    else:
        path = str(framework_path(framework).resolve())
        framework_id = load_framework(path).id
        names = {path, framework_id}
        named = f"{framework!r} (id {framework_id!r})"
    chosen = [key for key, items in by_framework.items() if names & {key, items[0].framework_id}]
    return sorted(chosen, key=lambda key: key not in names), named


def _nothing_to_summarize(files: Sequence[FileOutcome[NetworkEntry]]) -> Exception:
    invalid = [item.file for item in files if left_out(item)]
    if invalid:
        listed = ", ".join(invalid[:10]) + (f" and {len(invalid) - 10} more" if len(invalid) > 10 else "")
        return InvalidFileError(
            f"no valid assessment to summarize: {plural(len(invalid), 'file')} with problems ({listed})",
            problems=[],
            hint="run `coalition validate` on them to see the problems",
        )
    return UsageError(
        f"no assessment files found ({plural(len(files), 'YAML file')} looked at)",
        hint="give assessment files, or folders that hold them",
    )


def _by_coalition(items: Sequence[NetworkEntry]) -> list[list[NetworkEntry]]:
    groups: dict[str, list[NetworkEntry]] = defaultdict(list)
    for item in items:
        groups[coalition_key(item.coalition)].append(item)
    return [groups[name] for name in sorted(groups)]


def _latest(fw: Framework, group: list[NetworkEntry]) -> CoalitionLatest:
    # A term just rolled forward (`init --from`) has nothing rated yet; it would hide the coalition's
    # real standing, so the latest assessment is the latest with at least one rating, when there is one.
    rated = [item for item in group if any(stage is not None for stage in item.stages.values())]
    candidates = rated or group
    newest = max(item.assessed_on for item in candidates if item.assessed_on is not None)
    same_day = sorted((item for item in candidates if item.assessed_on == newest), key=lambda item: item.file)
    latest = same_day[0]
    scored = ScoredFile(
        file=latest.file,
        coalition=latest.coalition,
        assessed_on=newest,
        term=latest.term,
        framework=fw,
        card=score(fw, latest.stages, latest.targets),
    )
    return CoalitionLatest(latest=scored, assessments=len(group), same_day=len(same_day))


def _spreads(fw: Framework, coalitions: Sequence[CoalitionLatest]) -> Iterator[IndicatorSpread]:
    for position, indicator in enumerate(fw.indicators):
        counts = [0] * len(fw.stages)
        not_rated = 0
        for coalition in coalitions:
            stage = coalition.latest.card.indicators[position].stage
            if stage is None:
                not_rated += 1
            else:
                counts[stage - 1] += 1
        yield IndicatorSpread(
            id=indicator.id,
            name=indicator.name,
            domain_id=fw.domain_of(indicator.id).id,
            counts=tuple(counts),
            not_rated=not_rated,
        )


# --- the report's parts ---------------------------------------------------------------------------


def _indicator_json(fw: Framework, indicator: IndicatorSpread) -> dict[str, Any]:
    return {
        "id": indicator.id,
        "name": indicator.name,
        "domain": indicator.domain_id,
        "stages": [
            {"stage": stage.number, "name": stage.name, "coalitions": count}
            for stage, count in zip(fw.stages, indicator.counts, strict=True)
        ],
        "not_rated": indicator.not_rated,
        "mean": as_number(indicator.mean),
    }


def _overview(network: Network) -> Iterator[Line]:
    dates = [item.latest.assessed_on for item in network.coalitions]
    span = f"; latest assessments dated {min(dates).isoformat()} to {max(dates).isoformat()}" if dates else ""
    yield Line(
        f"{plural(len(network.coalitions), 'coalition')}, {plural(network.assessments, 'assessment file')} read{span}",
        tone="strong",
    )
    if network.skipped:
        yield Line(f"{plural(network.skipped, 'YAML file')} skipped: not assessments", tone="muted")
    if network.other_framework:
        yield Line(f"{plural(network.other_framework, 'file')} left out: another framework", tone="muted")
    if network.invalid:
        yield Line(
            f"{plural(len(network.invalid), 'file')} left out because of problems: run `coalition validate` on them",
            tone="bad",
        )


def same_day_note(network: Network) -> str | None:
    """A note when some coalitions have several files on their latest date (say, raters' files)."""
    tied = [item for item in network.coalitions if item.same_day > 1]
    if not tied:
        return None
    example = tied[0]
    return (
        f"{plural(len(tied), 'coalition')} {'has' if len(tied) == 1 else 'have'} several files on the latest date "
        f"(e.g. {example.latest.coalition}: {example.same_day} files); the first by file name was used "
        f"({example.latest.file}). Keep raters' files out of the folders you summarize."
    )
