"""`fit`: text on one line of a given width, whole or visibly cut (cli/output/fitting.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from coalition_cli.cli.output.fitting import fit

EVIDENCE = "Forty-two employers hosted interns in January 2026. A database tracks placements."


def test_text_that_fits_is_whole() -> None:
    assert fit(EVIDENCE, len(EVIDENCE)) == EVIDENCE


def test_a_cut_is_at_a_word_and_marked() -> None:
    assert fit(EVIDENCE, 30) == "Forty-two employers hosted…"


def test_a_cut_at_the_end_of_a_sentence_does_not_look_like_the_end() -> None:
    cut = fit(EVIDENCE, 53)
    assert cut == "Forty-two employers hosted interns in January 2026…"
    assert ".…" not in cut


@given(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=120), st.integers(0, 100)
)
def test_never_wider_than_asked_and_never_silently_cut(text: str, width: int) -> None:
    shown = fit(text, width)
    assert cell_len(shown) <= max(width, 0) or cell_len(text) <= width
    if shown != text:
        assert shown.endswith("…") or width <= 0
        assert not shown.endswith(".…")
