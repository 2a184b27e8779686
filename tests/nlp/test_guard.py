"""The tokenizer guard: bounded work on punctuation runs, doc.text unchanged, ordinary text untouched."""
from __future__ import annotations

import pytest

from letterlab.nlp.guard import MAX_URL, PIECE, GuardedTokenizer, pieces, risky

HOSTILE = [
    "Svar" + "=" * 6000,
    "Kære Anna" + '"' * 5000 + " ok",
    "x " + ".," * 3000 + "\n\nHej",
    "a:" * 4000,
    "(" * 5000 + "a",
    "Vi skriver" + "»" * 5000 + "  \n  dobbelt  mellemrum",
    # looks like a web address, so it was left whole: 8,000 tokens, time quadratic in its length
    # (fuzz seed 1, input 2341: 28,000 characters, 6 s in the tokenizer and 8 s in the pipeline)
    "Se www.fjordby.dk" + "a:" * 4000 + "/affald. Tak",
    # "_" is a word character to ``re`` but a suffix to spaCy: 60,000 of them took over 30 s
    "Navn: " + "_" * 6000 + " Dato: " + "_" * 3000,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_pipeline_tokenizer_bounds_pathological_runs_and_keeps_text(nlp, text):
    doc = nlp.tokenizer(text)
    assert doc.text == text
    # Without the guard each punctuation character is its own token (thousands); with it a run
    # is cut into tokens of PIECE characters.
    assert len(doc) <= len(text) // PIECE + 10


def test_ordinary_text_is_tokenized_as_before(nlp):
    text = ("Kære Anna\n\nDu får hjælp til din husleje fra den 1. maj, jf. § 34, stk. 2. Læs mere på "
            "https://www.kk.dk/borger/affald-og-genbrug?x=1&y=2 eller skriv til os.\n\n"
            "--------------------------------\nMed venlig hilsen\nKommunen »Borgerservice«")
    inner = nlp.tokenizer.inner if isinstance(nlp.tokenizer, GuardedTokenizer) else nlp.tokenizer
    assert [(t.text, t.whitespace_) for t in nlp.tokenizer(text)] == [(t.text, t.whitespace_) for t in inner(text)]


def test_guard_on_a_blank_pipeline_keeps_offsets():
    import spacy

    nlp = spacy.blank("da")
    guarded = GuardedTokenizer(nlp.tokenizer)
    for text in HOSTILE + ["a " + "!" * 40 + " b", "!" * 40 + " ", " " + "?" * 33]:
        doc = guarded(text)
        assert doc.text == text
        for tok in doc:
            assert text[tok.idx:tok.idx + len(tok.text)] == tok.text


def test_risky_and_pieces():
    assert risky("a" + "=" * 40)
    assert not risky("=" * 10)                                        # short: the tokenizer copes
    assert not risky("https://www.kk.dk/borger/affald-og-genbrug?x=1&y=2")
    assert not risky("https://www.kk.dk/borger/" + "affald-og-genbrug/" * 25)      # 468 characters
    assert risky("https://www.kk.dk/borger/" + "a:" * MAX_URL)                     # no address is that long
    assert pieces("Svar" + "=" * 70) == ["Svar", "=" * PIECE, "=" * 6]
    assert "".join(pieces("a:" * 100)) == "a:" * 100
    assert max(len(p) for p in pieces("a:" * 100)) <= PIECE
