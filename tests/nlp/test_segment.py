"""Letter-aware sentence boundaries: the hand-written letter cases, and the rules one by one."""
from __future__ import annotations

import re
import numpy
import tomllib
from pathlib import Path

import pytest

from letterlab.nlp.segment import BULLET_RE, break_decision, content_sents, find_placeholders

CASES = tomllib.loads((Path(__file__).parent.parent / "data" / "segmentation" / "cases.toml")
                      .read_text(encoding="utf-8"))["case"]


def _strip_marker(s: str) -> str:
    m = BULLET_RE.match(s)
    return s[m.end():] if m else s


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_letter_case(case, nlp):
    doc = nlp(case["text"])
    got = [_strip_marker(case["text"][s:e]).strip() for s, e in content_sents(doc)]
    got = [g for g in got if g]
    assert got == case["sentences"]


def test_enough_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("text,gap,expected", [
    ("Afgørelse om boligstøtte\n\nKære Anne", "\n\n", True),
    ("Vi har talt med dig om\nsagen i går.", "\n", False),
    ("Du skal sende:\n- lønsedler", "\n", True),
    ("- lønsedler\n- kontoudtog", "\n", True),
    ("Med venlig hilsen\nOle Hansen", "\n", True),
    ("Kære Peter Hansen,\nTak for din besked.", "\n", True),
    ("Vi har i dag modtaget en besked fra din læge, og vi har talt med\nAnne Jensen om sagen.", "\n", None),
])
def test_break_decision(text, gap, expected):
    i = text.index(gap)
    assert break_decision(text, i, i + len(gap)) is expected


def test_placeholders_found():
    text = "Kære {navn} og {{ barn }}, «Adresse» [Sagsnummer] <<Beløb>> {} [1]"
    spans = [text[s:e] for s, e in find_placeholders(text)]
    assert spans == ["{navn}", "{{ barn }}", "«Adresse»", "[Sagsnummer]", "<<Beløb>>"]



def test_percent_fields_are_placeholders_but_per_cent_signs_are_not():
    text = "Vi lægger asfalt på %VEJNAVN% fra den %START_DATO%. Det er 50 % af vejen, 20% i alt, %a%b%."
    assert [text[s:e] for s, e in find_placeholders(text)] == ["%VEJNAVN%", "%START_DATO%"]


@pytest.mark.model
def test_placeholder_is_one_token_and_offsets_stay(nlp):
    text = "Kære «Navn på barn»\n\nVi ses {dato} kl. 10.00."
    doc = nlp(text)
    ph = [t for t in doc if t._.placeholder]
    assert [t.text for t in ph] == ["«Navn på barn»", "{dato}"]
    assert doc.text == text
    for t in doc:
        assert text[t.idx:t.idx + len(t.text)] == t.text


def test_segmenter_presets_sentence_starts():
    """The component alone (no model): what it decides, and what it leaves to the parser (None)."""
    import spacy

    from letterlab.nlp.segment import segmenter_component

    text = ("Kære Anne\n\nDu får 500 kr. Pengene kommer kl. 10 jf. § 3. Vi ses den 12. november. vi tales ved.\n"
            "- ansøgning\n- «bilag»  \n\nMed venlig hilsen\nOle")
    doc = segmenter_component(spacy.blank("da").make_doc(text))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Kære", "Du", "Pengene", "Vi", "-", "-", "Med", "Ole"]
    assert [t.text for t in doc if t.is_sent_start is None] == ["vi"]
    assert all(t.is_sent_start is False for t in doc if t.is_space)
    assert [text[s:e] for s, e in content_sents(doc)] == [
        "Kære Anne", "Du får 500 kr.", "Pengene kommer kl. 10 jf. § 3.", "Vi ses den 12. november. vi tales ved.",
        "- ansøgning", "- «bilag»", "Med venlig hilsen", "Ole"]


def test_doc_text_is_kept_on_the_doc():
    import spacy

    from letterlab.nlp.segment import TEXT_KEY, doc_text

    doc = spacy.blank("da").make_doc("Kære Anne\n\nTak.")
    assert doc_text(doc) == doc.text == doc.user_data[TEXT_KEY]
    assert doc_text(doc) is doc_text(doc)


def test_bang_merge_fields_are_placeholders_and_exclamations_are_not():
    text = "Hej !forælder. Husk madpakke til !elev (!klasse) på tirsdag! Ja!Nej ! slut"
    assert [text[s:e] for s, e in find_placeholders(text)] == ["!forælder", "!elev", "!klasse"]


@pytest.mark.model
def test_a_bang_merge_field_neither_ends_a_sentence_nor_shouts(nlp):
    from letterlab.core import analyse

    text = ("Madpakker til !elev\n\nKære !forælder\n\nHusk at give !elev en madpakke med på turen til !sted den !dato, "
            "for vi spiser frokost i skoven.\n\nVenlig hilsen\n\nSkolens kontor")
    report = analyse(text, nlp=nlp)
    assert [f.rule for f in report.findings if f.text.startswith("!")] == []
    start, end = text.index("Husk"), text.index("skoven.") + len("skoven.")
    assert [(s, e) for s, e in report.sentences if start <= s < end] == [(start, end)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Du har fået hjælp til rengøring hver uge. Hjælpen blev bevilget i maj.",
    "Du kan se beregningen i vedlagte bilag. Ring til os, hvis noget er uklart.",
])
def test_a_sentence_may_end_with_uge_or_bilag(nlp, text):
    doc = nlp(text)
    assert len(list(doc.sents)) == 2


@pytest.mark.model
@pytest.mark.parametrize("text, n", [
    ("Kommunen indfører pr. 1. april 2027 en ny affaldsordning. Den gælder alle husstande.", 2),   # "pr." + a date
    ("Du får 1.200 kr. pr. måned fra den 1. juni.", 1),
    ("Huslejen stiger med 3 pct. Det er mindre end sidste år.", 2),                             # "pct." may end one
    ("Ventetiden er p.t. 14 uger for en plads. Vi skriver, når der er plads.", 2),             # "p.t." = "for now"
])
def test_pr_and_pct_are_abbreviations(nlp, text, n):
    assert len(list(nlp(text).sents)) == n


def _starts(doc) -> list[int]:
    return [t.i for t in doc if t.is_sent_start]


def test_no_sentence_is_longer_than_max_sent_and_the_cut_prefers_a_comma_or_a_line_break():
    """#15: one 'sentence' of thousands of tokens cost the parser time quadratic in its length. The
    segmenter presets a start so that no sentence holds more than MAX_SENT tokens (whitespace included)."""
    import spacy

    from letterlab.nlp import segment

    nlp = spacy.blank("da")
    limit = segment.MAX_SENT
    words = "vi har modtaget din ansøgning om boligstøtte og vil behandle den".split()
    shapes = {
        "one sentence": " ".join(words[i % len(words)] for i in range(5 * limit)),
        "one word a line": "\n".join(words[i % len(words)] for i in range(5 * limit)),
        "with commas": " ".join(words[i % len(words)] + ("," if i % 40 == 39 else "") for i in range(5 * limit)),
    }
    for name, text in shapes.items():
        doc = segment.segmenter_component(nlp.make_doc(text))
        starts = _starts(doc) + [len(doc)]
        assert max(b - a for a, b in zip(starts, starts[1:])) <= limit, name
        assert len(starts) - 1 >= len(doc) // limit, name
        assert all(t.is_sent_start is False for t in doc if t.is_space), name
        assert doc.text == text
    # a cut goes after a comma in the second half of the stretch, when there is one
    doc = segment.segmenter_component(nlp.make_doc(shapes["with commas"]))
    assert all(doc[i - 1].text == "," for i in _starts(doc)[1:])
    # after a line break when the stretch has one
    doc = segment.segmenter_component(nlp.make_doc(shapes["one word a line"]))
    assert all("\n" in doc[i - 1].text for i in _starts(doc)[1:])


def test_letters_are_segmented_as_before_the_cap():
    """Sentences of ordinary length are never cut: the cap changes nothing below MAX_SENT tokens."""
    import spacy

    from letterlab.nlp import segment

    nlp = spacy.blank("da")
    text = ("Kære Anne\n\n" + "Du får 500 kr. Pengene kommer kl. 10 jf. § 3, og vi ses den 12. november. " * 40
            + "\nvi tales ved\n- ansøgning\n\nMed venlig hilsen\nOle")
    doc = segment.segmenter_component(nlp.make_doc(text))
    assert len(doc) > segment.MAX_SENT
    capped = [t.is_sent_start for t in doc]
    new = numpy.array([1 if s else (-1 if s is False else 0) for s in capped], dtype=numpy.int64)
    before = new.copy()
    idx, ends = [t.idx for t in doc], [t.idx + len(t) for t in doc]
    assert segment.cap_sentences(new, text, idx, ends, [int(t.is_space) for t in doc]) == 0
    assert (new == before).all()
