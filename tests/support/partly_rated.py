"""A coalition whose latest term is rated in part, as a reviewer made it (review s11, item 1):
Riverside's Fall 2025 and Spring 2026 (every indicator rated), then a Fall 2026 that rates 14 of 22
and leaves C2.4 C3.3 C4.2 C4.3 C5.3 C6.1 C6.3 C7.2 unrated. Overall 1.44 → 1.68 → 2.00, "+0.56",
mostly made by the indicators left out."""

from __future__ import annotations

from pathlib import Path

from tests.support.scoring import CF_IDS, write_assessment

FALL_2025 = dict(zip(CF_IDS, [2, 2, 1, 2, 2, 2, 1, 1, 2, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 2], strict=True))
SPRING_2026 = dict(
    zip(CF_IDS, [3, 2, 2, 2, 2, 2, 1, 1, 2, 2, 2, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2, 2], strict=True)
)
UNRATED = ("C2.4", "C3.3", "C4.2", "C4.3", "C5.3", "C6.1", "C6.3", "C7.2")
FALL_2026 = {
    **SPRING_2026,
    "C1.3": 3,
    "C2.1": 3,
    "C7.1": 3,
    **dict.fromkeys(UNRATED),
}
NAME = "Riverside Pathways Coalition"
TERMS = (
    ("2025-09-18", "Fall 2025", FALL_2025),
    ("2026-03-14", "Spring 2026", SPRING_2026),
    ("2026-10-15", "Fall 2026", FALL_2026),
)


def write_partly_rated(folder: Path) -> Path:
    """The three terms as files in `folder`, named by date."""
    for day, term, stages in TERMS:
        write_assessment(folder / f"{day}.yaml", stages, coalition=NAME, assessed_on=day, term=term)
    return folder
