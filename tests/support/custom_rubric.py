"""A custom rubric of any shape, written to a file, for tests that nothing assumes the bundled one (no tests here)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

TWO_STAGES = ("Not yet", "Done")


def write_rubric(
    path: Path,
    *,
    stages: Sequence[str] = TWO_STAGES,
    domains: Mapping[str, Sequence[str]] | None = None,
    title: str = "One Domain",
    rubric_id: str = "one-domain",
) -> Path:
    """A valid rubric: `domains` maps each domain id to its indicator ids (default: D with D-a and D-b)."""
    lines = [f"id: {rubric_id}", f"title: {json.dumps(title)}", "stages:"]
    lines += [f"  - {{number: {n}, name: {json.dumps(name)}}}" for n, name in enumerate(stages, start=1)]
    lines.append("domains:")
    for domain, indicators in (domains or {"D": ["D-a", "D-b"]}).items():
        lines += [f"  - id: {domain}", f"    name: Domain {domain}", "    indicators:"]
        for indicator in indicators:
            descriptors = ", ".join(f"{n}: Stage {n} of {indicator}." for n in range(1, len(stages) + 1))
            lines.append(
                f"      - {{id: {indicator}, name: Indicator {indicator}, descriptors: {{{descriptors}}}}}"
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
