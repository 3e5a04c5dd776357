"""Where a room session's journal lives: beside the assessment, same name (`spring-2026.yaml` gets
`spring-2026.room.jsonl`). Apart from the journal's machinery, because every plan asks whether its
assessment had a session, and most had none: they need nothing else of the room.
"""

from __future__ import annotations

from pathlib import Path

JOURNAL_SUFFIX = ".room.jsonl"


def journal_path(assessment: Path) -> Path:
    """Where the journal of an assessment's room session lives: beside it, same name."""
    return assessment.with_name(assessment.stem + JOURNAL_SUFFIX)
