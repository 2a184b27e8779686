"""The plain-text report: how a suggestion is shown on its finding's line."""
from __future__ import annotations

from letterlab.report.model import Suggestion
from letterlab.report.text import shown_suggestion


def _sug(text: str, old: str, new: str, kind: str) -> Suggestion:
    start = text.index(old)
    return Suggestion(start, start + len(old), new, kind=kind)


def test_a_split_is_shown_with_the_words_around_it():
    text = "Maden kommer kl. 11, og chaufføren kan ikke vente ved døren, hvis du ikke er hjemme."
    shown = shown_suggestion(text, _sug(text, ", og c", ". C", "split"))
    assert shown == "…kommer kl. 11. Chaufføren kan ikke…"


def test_a_split_that_ends_at_a_word_boundary_keeps_the_space():
    text = "Vi har fået dit brev, og vi svarer dig inden for to uger."
    shown = shown_suggestion(text, _sug(text, ", og vi", ". Vi", "split"))
    assert shown == "…fået dit brev. Vi svarer dig inden…"


def test_a_word_swap_is_shown_alone_on_one_line():
    text = "Såfremt du flytter,\nskal du give os besked."
    assert shown_suggestion(text, _sug(text, "Såfremt", "Hvis", "jargon")) == "Hvis"
    assert shown_suggestion(text, Suggestion(0, 19, "Hvis du\nflytter,", kind="jargon")) == "Hvis du flytter,"


def test_the_words_around_a_split_never_show_a_full_cpr_number():
    text = "Vi har dit CPR-nummer 010190-1234, og vi sender svaret inden for to uger."
    shown = shown_suggestion(text, _sug(text, ", og vi", ". Vi", "split"))
    assert "010190-1234" not in shown and "010190-****" in shown
