"""From individual raters' files to a proposed consensus, and a draft consensus file to edit in the meeting.

- A rater is named by the file's `facilitator` or, without one, by the file name; two files with the
  same name are told apart by their file names.
- Per indicator: each rater's stage, the spread (highest − lowest stage given), and the proposed
  stage: the lower median of the stages given (the middle one, or the lower of the two middle ones),
  so no proposal is higher than half of the raters said. A spread of 2 or more is flagged
  "discuss first" (any spread on a rubric of two stages, where 2 cannot happen). Raters who left an
  indicator unrated are left out of its numbers.
- Raters' files must use the same framework (otherwise: a usage error, exit 2). Files that name
  different coalitions or terms, or dates more than a month apart, are used anyway with a warning:
  a rater may abbreviate a name, but the facilitator should know.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from coalition_cli.core.editing.scaffold import framework_reference, participant_lines
from coalition_cli.core.errors import UsageError
from coalition_cli.core.frozen import frozen
from coalition_cli.core.loading.assessments import LoadedAssessment, one_framework
from coalition_cli.core.model.assessment import Participant
from coalition_cli.core.model.framework import Framework
from coalition_cli.core.reports.document import (
    NO_VALUE,
    Cell,
    Column,
    Document,
    Heading,
    Line,
    score_from,
    stage_cell,
    stage_text,
    table,
)
from coalition_cli.core.reports.report import Report
from coalition_cli.core.scoring import Scorecard, as_number, score
from coalition_cli.core.wording import coalition_key, plural
from coalition_cli.core.yaml import text as yamltext

DISCUSS_SPREAD = 2
"""Raters this many stages apart or more should talk before agreeing (see `discuss_from`)."""
FLAG = "discuss first"
SAME_TERM_DAYS = 31
"""Raters' files dated further apart than this are probably not the same term."""


def discuss_from(fw: Framework) -> int:
    """The spread flagged "discuss first": `DISCUSS_SPREAD`, or less on a rubric too short to have it."""
    return max(1, min(DISCUSS_SPREAD, len(fw.stages) - 1))


def disagreeing_raters(level: int) -> str:
    """Who is flagged, in words: "raters 2 or more stages apart", or "raters who disagree" at level 1."""
    return "raters who disagree" if level == 1 else f"raters {level} or more stages apart"


def lower_median(values: Sequence[int]) -> int | None:
    """The middle value, or the lower of the two middle ones; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


CONSENSUS_CSV_HEADER = (
    "coalition",
    "indicator",
    "indicator_name",
    "domain",
    "rater",
    "file",
    "stage",
    "stage_name",
    "evidence",
    "spread",
    "proposed",
    "flag",
)
"""One row per indicator and rater."""


@frozen(kw_only=True)
class Rater:
    """One person's assessment file in a consensus, under the name the table gives them."""

    name: str
    loaded: LoadedAssessment

    @property
    def file(self) -> str:
        return str(self.loaded.path)


@frozen(kw_only=True)
class IndicatorConsensus:
    """One indicator across the raters: each one's stage, evidence and target, and how far apart they are."""

    id: str
    name: str
    domain_id: str
    stages: tuple[int | None, ...]
    """One per rater, in the raters' order; None where a rater did not rate it."""
    evidence: tuple[str | None, ...]
    targets: tuple[int | None, ...]
    discuss_from: int
    """The spread from which the raters should talk first: it depends on the rubric (`discuss_from`)."""

    @property
    def given(self) -> list[int]:
        return [stage for stage in self.stages if stage is not None]

    @property
    def spread(self) -> int | None:
        given = self.given
        return max(given) - min(given) if given else None

    @property
    def proposed(self) -> int | None:
        return lower_median(self.given)

    @property
    def flag(self) -> str | None:
        spread = self.spread
        return FLAG if spread is not None and spread >= self.discuss_from else None


@frozen(kw_only=True)
class Consensus(Report):
    """The report of `consensus`, and what its draft file is written from."""

    framework: Framework
    raters: tuple[Rater, ...]
    indicators: tuple[IndicatorConsensus, ...]
    coalition: str
    assessed_on: dt.date
    term: str | None
    warnings: tuple[str, ...] = ()
    csv_header = CONSENSUS_CSV_HEADER

    @property
    def discuss_from(self) -> int:
        return discuss_from(self.framework)

    @property
    def flagged(self) -> list[IndicatorConsensus]:
        return [indicator for indicator in self.indicators if indicator.flag]

    def discussion_order(self) -> list[IndicatorConsensus]:
        """Flagged indicators first (widest spread first), then the rest, each in framework order."""
        flagged = sorted(self.flagged, key=lambda indicator: -(indicator.spread or 0))
        return flagged + [indicator for indicator in self.indicators if not indicator.flag]

    def proposal(self) -> Scorecard:
        """The scores the team would get by accepting every proposed stage."""
        return score(self.framework, {indicator.id: indicator.proposed for indicator in self.indicators})

    def _proposed_score(self) -> str:
        """`2.50 Beginning, from 3 of 8 indicators` when few have a proposal, as `score` says it."""
        card = self.proposal()
        return score_from(self.framework, card.exact, card.rated, card.total)

    # --- as a report ---------------------------------------------------------------------------

    def data(self) -> dict[str, Any]:
        names = [rater.name for rater in self.raters]
        proposal = self.proposal()
        return {
            "coalition": self.coalition,
            "assessed_on": self.assessed_on.isoformat(),
            "term": self.term,
            "framework": self.framework.id,
            "raters": [{"name": rater.name, "file": rater.file} for rater in self.raters],
            "flagged": len(self.flagged),
            "discuss_from": self.discuss_from,
            "proposed_overall": {
                "score": as_number(proposal.exact),
                "stage": proposal.stage,
                "stage_name": proposal.stage_name,
            },
            "indicators": [
                {
                    "id": indicator.id,
                    "name": indicator.name,
                    "domain": indicator.domain_id,
                    "ratings": dict(zip(names, indicator.stages, strict=True)),
                    "spread": indicator.spread,
                    "proposed": indicator.proposed,
                    "flag": indicator.flag,
                    "evidence": dict(zip(names, indicator.evidence, strict=True)),
                }
                for indicator in self.indicators
            ],
        }

    def csv_rows(self) -> Iterator[list[object]]:
        fw = self.framework
        for indicator in self.indicators:
            for rater, stage, evidence in zip(self.raters, indicator.stages, indicator.evidence, strict=True):
                yield [
                    self.coalition,
                    indicator.id,
                    indicator.name,
                    indicator.domain_id,
                    rater.name,
                    rater.file,
                    stage,
                    None if stage is None else fw.stage_name(stage),
                    evidence,
                    indicator.spread,
                    indicator.proposed,
                    indicator.flag,
                ]

    def document(self) -> Document:
        fw = self.framework
        flagged = len(self.flagged)
        labels = rater_labels([rater.name for rater in self.raters])
        rows = []
        for indicator in self.discussion_order():
            given = (
                [Cell(stages_given(fw, indicator.stages))]
                if labels is None
                else [
                    stage_cell(fw, stage, text=str(stage))
                    if stage is not None
                    else Cell(NO_VALUE, tone="muted")
                    for stage in indicator.stages
                ]
            )
            rows.append(
                [
                    Cell(f"{indicator.id} {indicator.name}"),
                    *given,
                    Cell(
                        NO_VALUE if indicator.spread is None else str(indicator.spread),
                        tone="bad" if indicator.flag else None,
                    ),
                    stage_cell(fw, indicator.proposed),
                    # "discuss" under "Note": the lines above say "discuss first"; the word fits 80 columns
                    Cell("discuss", tone="bad") if indicator.flag else Cell(""),
                ]
            )
        term = f" ({self.term})" if self.term else ""
        columns = [
            Column("Indicator"),
            *(
                [Column("Stages given", nowrap=True)]
                if labels is None
                else [Column(label, align="center", narrow=True) for label in labels]
            ),
            Column("Spread", align="center", nowrap=True),
            Column("Proposed", nowrap=True),
            Column("Note", nowrap=True),
        ]
        return [
            Heading(f"Consensus for {self.coalition}, {self.assessed_on.isoformat()}{term}"),
            Line(
                f"{plural(len(self.raters), 'rater')}: "
                + ", ".join(
                    rater.name if label == rater.name else f"{label} {rater.name}"
                    for label, rater in zip(labels or [r.name for r in self.raters], self.raters, strict=True)
                )
                + (
                    " (too many for a column each: the table counts the stages given, as 2×5 for five "
                    "raters at stage 2; each rater's stage is in the CSV and JSON output and the draft)"
                    if labels is None
                    else ""
                )
            ),
            Line(
                f"{flagged} of {plural(len(self.indicators), 'indicator')} to discuss first "
                f"({disagreeing_raters(self.discuss_from)}); they are listed first.",
                tone="strong" if flagged else None,
            ),
            Line("Proposed stage: the lower median of the raters' stages (— means not rated)."),
            Line(f"Accepting every proposal gives an overall score of {self._proposed_score()}."),
            table("Ratings by indicator", columns, rows),
        ]


_FIXED_COLUMNS = 16 + 8 + 14 + 9
"""What the table needs besides the raters' columns, at its narrowest: the indicator's first word or
two, the spread, the proposed stage, the note (each with its padding)."""


def rater_labels(names: Sequence[str], width: int = 80) -> list[str] | None:
    """The table's heading for each rater, so that the table fits `width` columns without breaking a
    word: the names, when each fits a column as wide as its longest word; else short labels, P1, P2 …
    (the line above the table says who each is); None when even those do not fit (a room of fifteen
    phones): then the table counts the stages given instead of a column per rater."""

    def needed(headings: Sequence[str]) -> int:
        return sum(max((len(word) for word in name.split()), default=1) + 2 for name in headings)

    if needed(names) + _FIXED_COLUMNS <= width:
        return list(names)
    labels = [f"P{number}" for number in range(1, len(names) + 1)]
    return labels if needed(labels) + _FIXED_COLUMNS <= width else None


def stages_given(framework: Framework, stages: Sequence[int | None]) -> str:
    """`1×5 2×6 3×3 —×1`: how many raters gave each stage (— not rated)."""
    counts = [f"{stage}×{stages.count(stage)}" for stage in framework.stage_numbers if stage in stages]
    if None in stages:
        counts.append(f"{NO_VALUE}×{stages.count(None)}")
    return " ".join(counts)


def rater_names(loaded: Sequence[LoadedAssessment]) -> list[str]:
    names = [item.label for item in loaded]
    names = [
        f"{name} ({item.path.stem})" if names.count(name) > 1 else name
        for name, item in zip(names, loaded, strict=True)
    ]
    return names if len(set(names)) == len(names) else [str(item.path) for item in loaded]


def build_consensus(loaded: Sequence[LoadedAssessment]) -> Consensus:
    if len(loaded) < 2:
        raise UsageError("consensus needs the files of at least two raters (one file per rater)")
    resolved = [item.path.resolve() for item in loaded]
    repeated = sorted(
        {str(item.path) for item, path in zip(loaded, resolved, strict=True) if resolved.count(path) > 1}
    )
    if repeated:
        raise UsageError(f"the same file is given more than once: {', '.join(repeated)}")
    fw = one_framework(loaded, "the raters' stages cannot be put side by side")
    raters = tuple(
        Rater(name=name, loaded=item) for name, item in zip(rater_names(loaded), loaded, strict=True)
    )
    level = discuss_from(fw)
    indicators = tuple(
        IndicatorConsensus(
            id=indicator.id,
            name=indicator.name,
            domain_id=fw.domain_of(indicator.id).id,
            stages=tuple(item.stage(indicator.id) for item in loaded),
            evidence=tuple(_evidence(item, indicator.id) for item in loaded),
            targets=tuple(item.target(indicator.id) for item in loaded),
            discuss_from=level,
        )
        for indicator in fw.indicators
    )
    coalitions = Counter(item.assessment.coalition for item in loaded)
    terms = sorted({item.assessment.term for item in loaded if item.assessment.term})
    dates = sorted(item.assessment.assessed_on for item in loaded)
    return Consensus(
        framework=fw,
        raters=raters,
        indicators=indicators,
        coalition=coalitions.most_common(1)[0][0],
        assessed_on=dates[-1],
        term=terms[0] if len(terms) == 1 else None,
        warnings=tuple(_warnings(loaded, coalitions, terms, dates)),
    )


def _evidence(item: LoadedAssessment, indicator_id: str) -> str | None:
    rating = item.assessment.rating(indicator_id)
    return rating.evidence if rating is not None else None


def _warnings(
    loaded: Sequence[LoadedAssessment], coalitions: Counter[str], terms: list[str], dates: list[dt.date]
) -> Iterator[str]:
    if len({coalition_key(name) for name in coalitions}) > 1:
        named = "; ".join(f"{name} ({plural(count, 'file')})" for name, count in coalitions.most_common())
        yield f"the raters' files name different coalitions: {named}; using {coalitions.most_common(1)[0][0]!r}"
    if len(terms) > 1:
        yield f"the raters' files name different terms ({', '.join(terms)}); a consensus is for one term"
    if (dates[-1] - dates[0]).days > SAME_TERM_DAYS:
        yield (
            f"the raters' files are dated from {dates[0].isoformat()} to {dates[-1].isoformat()}; "
            "a consensus is for one term"
        )


# --- the draft consensus file ----------------------------------------------------------------------


def _framework_reference(consensus: Consensus, out: Path) -> str:
    """The first rater's framework reference, as the draft in `out` must write it."""
    first = consensus.raters[0].loaded
    return framework_reference(first.assessment.framework, relative_to=first.path.parent, file=out)


def draft_text(consensus: Consensus, out: Path) -> str:
    """A valid assessment with the proposed stages, each rater's stage and evidence in comments."""
    fw = consensus.framework
    lines = _draft_header(consensus, out)
    lines.append("ratings:")
    for domain in fw.domains:
        lines.append(f"  # ---------------------------------------------------------------- {domain.label}")
        for indicator in (i for i in consensus.indicators if i.domain_id == domain.id):
            lines.extend(_draft_rating(consensus, indicator))
    return "\n".join(lines) + "\n"


def _draft_header(consensus: Consensus, out: Path) -> list[str]:
    term = f", {consensus.term}" if consensus.term else ""
    lines = yamltext.comment_lines(f"DRAFT consensus assessment: {consensus.coalition}{term}", "")
    lines += yamltext.comment_lines(
        f"Made by `coalition consensus` from the files of {plural(len(consensus.raters), 'rater')}:", ""
    )
    for rater in consensus.raters:
        lines += yamltext.comment_lines(f"{rater.name} ({rater.file})", "", first="  ", rest="    ")
    lines.append("#")
    lines += yamltext.comment_lines(
        "Each stage below is a PROPOSAL: the lower median of the raters' stages (the middle one, or the "
        "lower of the two middle ones). Indicators marked DISCUSS FIRST have "
        f"{disagreeing_raters(consensus.discuss_from)}: talk them through before agreeing. The comments "
        "under each indicator show what every rater said. In the meeting, agree each stage, write the "
        "evidence, then check the file with",
        "",
    )
    lines += yamltext.comment_lines(f"coalition validate {out.name}", "", first="  ")
    if consensus.warnings:
        lines.append("#")
        for warning in consensus.warnings:
            lines += yamltext.comment_lines(f"Warning: {warning}", "")
    lines += [
        f"framework: {yamltext.scalar(_framework_reference(consensus, out))}",
        f"coalition: {yamltext.scalar(consensus.coalition)}",
        f"assessed_on: {consensus.assessed_on.isoformat()}   # the date of the consensus meeting",
    ]
    if consensus.term:
        lines.append(f"term: {yamltext.scalar(consensus.term)}")
    lines.append("# facilitator: who ran the meeting")
    lines.extend(_draft_participants(consensus))
    return lines


def _draft_participants(consensus: Consensus) -> list[str]:
    seen: set[tuple[str, str]] = set()
    lines: list[str] = []
    names: set[str] = set()
    for rater in consensus.raters:
        for person in rater.loaded.assessment.participants:
            key = (person.name.casefold(), (person.organization or "").casefold())
            if key in seen:
                continue
            seen.add(key)
            names.add(person.name.casefold())
            lines += participant_lines(person)
    for rater in consensus.raters:
        # a rater whose file lists no participants still took part
        facilitator = rater.loaded.assessment.facilitator
        if facilitator and facilitator.casefold() not in names:
            names.add(facilitator.casefold())
            lines += participant_lines(Participant(name=facilitator))
    return ["participants:", *lines] if lines else []


def _draft_rating(consensus: Consensus, indicator: IndicatorConsensus) -> list[str]:
    fw = consensus.framework
    lines = [f"  {indicator.id}:"]
    lines += yamltext.comment_lines(indicator.name, "    ")
    if indicator.flag:
        low, high = min(indicator.given), max(indicator.given)
        lines += yamltext.comment_lines(
            f"DISCUSS FIRST: the raters are {plural(high - low, 'stage')} apart "
            f"({stage_text(fw, low)} to {stage_text(fw, high)})",
            "    ",
        )
    for rater, stage, evidence, target in zip(
        consensus.raters, indicator.stages, indicator.evidence, indicator.targets, strict=True
    ):
        said = stage_text(fw, stage) + (f" (target {stage_text(fw, target)})" if target is not None else "")
        lines += yamltext.comment_lines(f"{rater.name}: {said}", "    ", first="  ")
        if evidence:
            lines += yamltext.comment_lines(evidence, "    ", first="    ", rest="    ")
    if indicator.proposed is None:
        lines.append("    stage: null   # no rater rated this indicator")
    else:
        lines.append(f"    stage: {indicator.proposed}   # proposed: {stage_text(fw, indicator.proposed)}")
    lines.append("    evidence:   # what the team agrees on")
    return lines
