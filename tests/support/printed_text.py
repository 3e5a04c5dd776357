"""Text to print, for the property tests that hold what a command writes without Rich to what Rich
prints: words to wrap at, a long path and a longer word to fold, markup-like brackets and
backslashes, wide and combining characters, control codes, and runs of spaces."""

from __future__ import annotations

from hypothesis import strategies as st

PIECES = st.sampled_from(
    [
        *"ab Z09.,:;()[]/\\-_'\"“”’é界",
        "word ",
        "a-long-unbroken-path/to/some/2026-03-spring.yaml",
        "x" * 45,
        "[/]",
        "[bold]",
        "\\[",
        "\n",
        "   ",
        "\x1b",
        "\r",
        "\u202e",
        "e\u0301",
        "\x00",
        "\u3000",
    ]
)


def texts(pieces: int) -> st.SearchStrategy[str]:
    """Texts of up to `pieces` pieces."""
    return st.lists(PIECES, max_size=pieces).map("".join)
