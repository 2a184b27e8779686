"""The core call on good and bad input: a result or a clear Danish notice, never a traceback."""
from __future__ import annotations

import random

import pytest

from letterlab.core import MAX_CHARS, analyse, analyse_many, language_guess
from letterlab.readers import read_text

pytestmark = pytest.mark.model


def codes(report):
    return [n["code"] for n in report.notices]


@pytest.mark.parametrize("text", ["", "   \n\t  \n"])
def test_empty(text, nlp):
    r = analyse(text, nlp=nlp)
    assert codes(r) == ["empty"]
    assert r.findings == [] and "tom" in r.notices[0]["message"]


def test_huge_input_is_refused_clearly(nlp):
    text = "Du får boligstøtte fra 1. maj. " * (5_000_000 // 31)
    assert len(text) > MAX_CHARS
    r = analyse(text, nlp=nlp)
    assert codes(r) == ["too_long"]
    assert "for lang" in r.notices[0]["message"]


def test_binary_junk(nlp):
    rnd = random.Random(1)
    junk = bytes(rnd.randrange(256) for _ in range(4000)).decode("latin-1")
    r = analyse(junk, nlp=nlp)
    assert codes(r) == ["binary"]


def test_placeholder_only(nlp):
    r = analyse("{navn}\n\n«Adresse» {{dato}}", nlp=nlp)
    assert codes(r) == ["placeholders_only"]


def test_english_text_gets_a_notice_and_no_findings(nlp):
    text = ("Dear Mr Smith, we have received your application and it will be processed within "
            "four weeks. Please contact us if you have any questions about the decision.")
    r = analyse(text, nlp=nlp)
    assert "not_danish" in codes(r)
    assert r.findings == []
    assert r.scores["overall"] is None


def test_danish_is_danish():
    assert language_guess("Du får boligstøtte fra 1. maj, og vi sender pengene til din konto.") == "da"
    assert language_guess("Hej") == "unknown"


def test_findings_point_into_the_text(nlp):
    text = "Afgørelse\n\nKære Anne\n\nDin ansøgning behandles af kommunen. Pengene vil blive udbetalt i maj."
    r = analyse(text, nlp=nlp)
    assert r.findings
    for f in r.findings:
        assert text[f.start:f.end] == f.text
        for s in f.suggestions:
            assert 0 <= s.start <= s.end <= len(text)


def test_placeholders_are_names_not_findings(nlp):
    text = "Kære {navn}\n\nDu får {{ydelse_med_et_meget_langt_navn_der_ikke_er_et_ord}} fra 1. maj."
    r = analyse(text, nlp=nlp)
    assert not [f for f in r.findings if "{" in f.text and f.category != "readability"]


def test_analyse_many_keeps_order_and_isolates_bad_input(nlp):
    texts = ["Du får boligstøtte fra 1. maj. Vi sender pengene til din konto.", "", "Ansøgningen behandles."]
    reports = list(analyse_many(texts, nlp=nlp))
    assert [r.text for r in reports] == texts
    assert codes(reports[1]) == ["empty"]
    assert any(f.category == "passive" for f in reports[2].findings)


def test_document_input_keeps_blocks(nlp):
    doc = read_text("Afgørelse om boligstøtte\n\nKære Anne\n\nDu får boligstøtte.")
    r = analyse(doc, nlp=nlp)
    assert r.blocks[0]["kind"] == "heading"
    assert r.genre in ("afgoerelse", "orientering")
