"""What `summary` and `actions` say on standard error about the files they leave out or set aside."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coalition_cli.core.loading.outcome import FileOutcome
    from coalition_cli.core.reports.network.coalitions import SameDate
    from coalition_cli.core.reports.network.entries import NetworkEntry

SHOWN = 10
"""Files with problems named one by one; the rest are counted."""


def say_files_read(notes: Sequence[str]) -> None:
    """A note for each of the report's counts of files (read, set aside, skipped): the report itself is
    for its readers, who are told of coalitions, not files; the facilitator sees these whatever the format."""
    from coalition_cli.cli.console import note

    for line in notes:
        note(line)


def say_left_out(same_date: Sequence[SameDate], invalid: Sequence[FileOutcome[NetworkEntry]]) -> None:
    """A note for raters' files waiting for their consensus, a warning for each same-date conflict and
    each file left out with errors (the first `SHOWN`), and how to see their problems."""
    from coalition_cli.cli.console import note, warn
    from coalition_cli.core.reports.network.entries import in_brief

    for item in same_date:
        (note if item.raters_only else warn)(item.message())
    for outcome in invalid[:SHOWN]:
        warn(f"{outcome.file}: {in_brief(outcome)}; left out")
    if len(invalid) > SHOWN:
        warn(f"... and {len(invalid) - SHOWN} more files with problems; left out")
    if invalid:
        note("run `coalition validate` on the files left out to see every problem")
