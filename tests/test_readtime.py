"""Reading time and RIX through textstat (letterlab/readtime.py), and letterlab's LIX against textstat's."""
from __future__ import annotations

import subprocess
import sys

import pytest

from letterlab import readtime
from letterlab.core import analyse


@pytest.mark.parametrize("seconds, text", [
    (0, "under 1 minut"), (44, "under 1 minut"), (45, "ca. 1 minut"), (89, "ca. 1 minut"),
    (90, "ca. 2 minutter"), (149, "ca. 2 minutter"), (150, "ca. 3 minutter"), (600, "ca. 10 minutter"),
    (660, "ca. 10 minutter"), (780, "ca. 15 minutter"), (None, None),
])
def test_reading_time_is_said_in_whole_minutes(seconds, text):
    assert readtime.reading_time_text(seconds) == text


def test_the_reading_speed_is_200_words_a_minute_of_danish_letter_text():
    words = 200
    seconds = words * readtime.CHARACTERS_PER_WORD * readtime.MS_PER_CHARACTER / 1000
    assert 59 <= seconds <= 61


def test_textstat_loads_without_importing_nltk():
    code = ("import sys; from letterlab import readtime; ts = readtime._load_textstat();"
            "r = ts.rix('Der er mange lange ordforbindelser her. Og endnu flere kommunale ansøgninger.');"
            "print('nltk' in sys.modules, r)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.split() == ["False", "1.5"]


# Plain running text: every sentence has three words or more (textstat skips shorter ones),
# and there are no abbreviations, numbers, dates or headings.
PLAIN = ("Vi har modtaget din ansøgning om hjælp til husleje. Du får svar fra os inden for kort tid. "
         "Hvis du har spørgsmål, er du velkommen til at ringe til kommunen.\n\n"
         "Vi skal bruge dine lønsedler fra de seneste måneder. Send dem gennem Digital Post. "
         "Uden lønsedlerne kan vi ikke beregne, hvor meget du kan få.")


@pytest.mark.model
def test_letterlab_lix_agrees_with_textstat_on_plain_sentences(ruleset, nlp):
    textstat = readtime._load_textstat()
    scores = analyse(PLAIN, ruleset, nlp=nlp).scores
    assert scores["sentences"] == 6
    assert scores["lix"] == round(textstat.lix(PLAIN), 1)


@pytest.mark.model
def test_they_differ_where_textstat_does_not_know_danish_letters(ruleset, nlp):
    # "bl.a.", "jf." and "1. maj" end a sentence for textstat; letterlab's segmentation keeps them inside one.
    text = PLAIN + "\n\nDu skal bl.a. sende os en kopi af lejekontrakten, jf. reglerne, senest den 1. maj."
    textstat = readtime._load_textstat()
    scores = analyse(text, ruleset, nlp=nlp).scores
    assert scores["sentences"] == 7
    assert textstat.sentence_count(text) != 7
    assert scores["lix"] != round(textstat.lix(text), 1)


@pytest.mark.model
def test_rix_sees_letterlabs_words_and_sentences(ruleset, nlp):
    text = PLAIN + "\n\nDu skal bl.a. sende os en kopi af CPR-kortet, jf. reglerne, senest den 1. maj."
    scores = analyse(text, ruleset, nlp=nlp).scores
    # every sentence has three words or more, so textstat counts the same sentences and long words
    assert scores["rix"] == round(scores["long_words"] / scores["sentences"], 1)


@pytest.mark.model
def test_cleaned_text_keeps_only_the_letters_of_each_word(nlp):
    from letterlab.metrics import sentence_infos
    from letterlab.structure import letter_zones

    doc = nlp("Du skal bl.a. sende CPR-kortet inden den 1. maj 2026.")
    infos = sentence_infos(doc, letter_zones(doc))
    assert readtime.cleaned_text(doc, infos) == "Du skal bla sende CPRkortet inden den maj."
    assert readtime.covered_text(doc, infos) == "Du skal bl.a. sende CPR-kortet inden den 1. maj 2026 ."


@pytest.mark.model
def test_reading_time_covers_the_scored_sentences_and_no_text_stays_in_textstat(ruleset, nlp):
    textstat = readtime._load_textstat()
    readtime._forget()      # what the tests before this one gave textstat directly
    long_letter = "Kære Anna\n\n" + "\n\n".join([PLAIN] * 6) + "\n\nMed venlig hilsen\nBo Hansen"
    s = analyse(long_letter, ruleset, nlp=nlp).scores
    chars = sum(len(w) for w in "\n\n".join([PLAIN] * 6).split())
    assert s["reading_seconds"] == round(chars * readtime.MS_PER_CHARACTER / 1000)
    assert s["reading_time"] == readtime.reading_time_text(s["reading_seconds"])
    assert all(fn.cache_info().currsize == 0 for fn in readtime._caches)
    assert textstat.backend.metrics.rix.cache_info().currsize == 0


@pytest.mark.model
def test_letterlabs_counts_give_what_textstat_gives_on_every_corpus_letter(nlp):
    """``figures`` computes reading time and RIX from letterlab's counts; textstat over the text must agree."""
    from pathlib import Path

    from letterlab.anatomy import COVERED_KINDS, read_anatomy
    from letterlab.metrics import sentence_infos
    from letterlab.readers import read_document
    from letterlab.structure import zones_of

    root = Path(__file__).resolve().parent.parent / "corpora"
    paths = sorted(p for p in root.rglob("*") if p.suffix in (".txt", ".md", ".docx"))
    odd = ["Kære Anna\n\nDu får 1.250\u00a0kr. den 1.\tmaj.\n\nJa.\n\nNej tak.\n\nVi betaler\u2003huslejen.",
           "Overskrift\n\nEt ord.\n\nTo ord her.", "{navn}"]
    seen_rix = 0
    for source in [read_document(p) for p in paths] + odd:
        text = source if isinstance(source, str) else source.text
        doc = nlp(text)
        anatomy = read_anatomy(text, () if isinstance(source, str) else source.blocks)
        infos = sentence_infos(doc, zones_of(anatomy), anatomy.parts)
        for sentences in ([s for s in infos if s.part in COVERED_KINDS and s.words > 0], infos, infos[:1], []):
            assert readtime.figures(doc, sentences) == readtime.textstat_figures(doc, sentences), text[:60]
            assert all(fn.cache_info().currsize == 0 for fn in readtime._caches)
            seen_rix += readtime.figures(doc, sentences)["rix"] is not None
    assert len(paths) > 20 and seen_rix > 60


def test_rix_from_the_counts_metrics_has_is_rix_of_the_sentences():
    # metrics.compute passes the counts it already has (its sentences all have a word); the same RIX
    import random

    from letterlab.metrics import SentenceInfo

    rnd = random.Random(7)
    for _ in range(300):
        sents = []
        for _ in range(rnd.randint(0, 12)):
            words = rnd.choice([1, 2, 3, 5, 9, 20])
            sents.append(SentenceInfo(0, 1, words, rnd.randint(0, words), "body", 0, 1))
        lengths = [s.words for s in sents]
        got = readtime.rix_from_counts(sum(s.long_words for s in sents), len(sents), sum(1 for x in lengths if x <= 2))
        assert got == readtime.rix_of(sents)
    assert readtime.rix_of([]) is None and readtime.rix_from_counts(0, 0, 0) is None
