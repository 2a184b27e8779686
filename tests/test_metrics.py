"""LIX and sentence figures against texts counted by hand."""
from __future__ import annotations

import pytest

from letterlab.metrics import is_word, lix_band, sentence_bounds, word_letters
from letterlab.core import analyse
from letterlab.nlp.table import token_table

LETTER = """Afgørelse om boligstøtte

Kære Anne

Du får boligstøtte fra 1. december 2026. Vi udbetaler 1.250,00 kr. hver måned, jf. § 3.

Med venlig hilsen
Ole"""
# By hand, subject line and body (salutation, closing and signature left out; letterlab.anatomy.COVERED_KINDS):
# 0) Afgørelse om boligstøtte                   -> 3 words, long: Afgørelse, boligstøtte
# 1) Du får boligstøtte fra december            -> 5 words, long: boligstøtte, december
# 2) Vi udbetaler kr. hver måned jf.            -> 6 words, long: udbetaler
# numbers (1., 2026, 1.250,00, 3) and § are not words.
# LIX = 14/3 + 100*5/14 = 40.38


@pytest.mark.model
def test_lix_counted_by_hand(nlp):
    r = analyse(LETTER, nlp=nlp)
    s = r.scores
    assert (s["words"], s["sentences"], s["long_words"]) == (14, 3, 5)
    assert s["lix"] == pytest.approx(40.4, abs=0.05)
    assert s["lix_band"] == "middel"
    assert s["mean_sentence_length"] == 4.7
    assert s["max_sentence_length"] == 6


@pytest.mark.model
def test_placeholders_and_addresses_are_not_words(nlp):
    text = "Hej\n\nDu kan skrive til {{sagsbehandler}} på post@fjordby.dk eller www.fjordby.dk i dag."
    # words: Du kan skrive til på eller i dag -> 8, long: skrive? no (6) -> 0
    r = analyse(text, nlp=nlp)
    assert r.scores["words"] == 8
    assert r.scores["long_words"] == 0
    assert r.scores["lix"] == pytest.approx(8.0)


@pytest.mark.model
def test_bullets_count_as_sentences(nlp):
    text = "Kære Anne\n\nDu skal sende:\n- lønsedler\n- kontoudtog fra banken"
    r = analyse(text, nlp=nlp)
    # "Du skal sende:" / "lønsedler" / "kontoudtog fra banken"
    assert r.scores["sentences"] == 3
    assert r.scores["words"] == 7
    assert r.scores["long_words"] == 2   # lønsedler, kontoudtog


@pytest.mark.parametrize("lix,band", [(None, None), (20, "meget let"), (24.4, "meget let"), (25, "let"),
                                      (34, "let"), (35, "middel"), (44.4, "middel"), (45, "svær"),
                                      (54, "svær"), (55, "meget svær"), (70, "meget svær")])
def test_lix_bands(lix, band):
    assert lix_band(lix) == band


@pytest.mark.parametrize("parsed", [False, True])
def test_sentence_bounds_are_those_of_doc_sents(make_doc, parsed):
    spec = "Du/PRON får/VERB støtte/NOUN ./PUNCT Ring/VERB til/ADP os/PRON ./PUNCT Tak/NOUN"
    n = len(spec.split())
    kw = {"heads": [0] * 4 + [4] * 4 + [8], "deps": ["ROOT"] * n} if parsed else {
        "sent_starts": [i in (0, 4, 8) for i in range(n)]}
    doc = make_doc(spec, **kw)
    assert sentence_bounds(doc) == [(s.start, s.end) for s in doc.sents]
    one = make_doc("Tak/NOUN ./PUNCT")          # one sentence, no parse: read through doc.sents
    assert sentence_bounds(one) == [(0, 2)]


def test_word_letters_agree_with_is_word(make_doc):
    doc = make_doc("CPR-nummer/NOUN 12./NUM §/SYM post@fjordby.dk/X f.eks./ADV ,/PUNCT boligstøtte/NOUN")
    t = token_table(doc)
    assert [word_letters(t, i) >= 0 for i in range(len(doc))] == [is_word(tok) for tok in doc]
    assert [word_letters(t, i) for i in range(len(doc))] == [9, -1, -1, -1, 4, -1, 11]
