"""The tone check's quick paths answer as the plain ones do, on generated letters (session 14):
``tone_model.sentence_index`` (remembered feature indices) and ``ToneDoc.hits`` for anchored patterns
(one literal test for all the sentences)."""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from letterlab import core
from letterlab.checks import tone, tone_model
from letterlab.checks.tone import tone_doc
from letterlab.checks.tone_rx import Pre

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def docs(nlp, ruleset, monkeypatch_module):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_audit import HEADINGS, corpus_sentences
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    rnd = random.Random(14)
    sents = corpus_sentences()
    texts = []
    for _ in range(12):
        paras = [rnd.choice(HEADINGS), "Kære {navn}"]
        paras += [" ".join(rnd.choice(sents) for _ in range(rnd.randint(2, 4))) for _ in range(rnd.randint(3, 7))]
        texts.append("\n\n".join(paras + ["Med venlig hilsen"]))
    got = []
    analyse_doc = core._analyse_doc

    def keep(doc, *args, **kwargs):
        got.append(doc)
        return analyse_doc(doc, *args, **kwargs)

    monkeypatch_module.setattr(core, "_analyse_doc", keep)
    list(core.analyse_many(texts, ruleset, nlp=nlp))
    monkeypatch_module.undo()
    return got


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def _fresh(doc):
    doc.user_data.pop("letterlab_tone", None)
    return tone_doc(doc)


def test_sentence_index_is_the_hash_of_the_feature_names(docs):
    n = 0
    for doc in docs:
        td = _fresh(doc)
        for k in range(len(td.sents)):
            want = tone_model.hashed(tone_model.sentence_features(td, k))
            got = tone_model.sentence_index(td, k)
            assert got.dtype == want.dtype and got.tolist() == want.tolist()
            n += len(got) > 0
    assert n > 50


def test_anchored_patterns_find_what_a_scan_of_each_sentence_finds(docs, ruleset):
    anchored = [v for v in vars(tone).values() if isinstance(v, Pre) and v.pattern.startswith("^")]
    for rule in ruleset.rules:
        if rule.kind == "tone":
            anchored += [p for p in tone._compiled(rule, "triggers") if p.pattern.startswith("^")]
    assert len(anchored) > 10
    found = 0
    for doc in docs:
        td = _fresh(doc)
        for p in anchored:
            want = {}
            for k, s in enumerate(td.sents):
                for m in p.rx.finditer(s.low):
                    if not td.quoted(s.start + m.start()):
                        want.setdefault(k, []).append((m.start(), m.end(), m.group(0)))
            got = {k: [(h.a, h.b, h.g) for h in hits] for k, hits in td.hits([p]).items()}
            assert got == want, p.pattern
            found += bool(got)
    assert found


def test_a_guarded_pattern_answers_as_the_pattern():
    for pattern in (r"\binkasso\b", r"\b(inkasso|fogedret)\b", r"^\W*(du|de) skal\b", r"\bikke\b|\bingen\b"):
        p, rx = Pre(re.compile(pattern)), re.compile(pattern)
        assert p.needs
        for text in ("", "sagen går til inkasso.", "du skal ikke betale.", "de skal gå til fogedretten", "ingen"):
            for args in ((), (3,), (0, 5)):
                assert repr(p.search(text, *args)) == repr(rx.search(text, *args))
                assert repr(p.match(text, *args)) == repr(rx.match(text, *args))
                assert [m.span() for m in p.finditer(text, *args)] == [m.span() for m in rx.finditer(text, *args)]
