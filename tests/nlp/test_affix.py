"""letterlab.AffixHashEmbed.v1: MultiHashEmbed plus hash embeddings of longer word endings."""
from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.tokens import Doc
from spacy.util import registry

from letterlab.nlp import affix


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("da").vocab


def _doc(vocab, words):
    return Doc(vocab, words=words)


def test_endings_share_a_feature_only_when_the_ending_matches(vocab):
    doc = _doc(vocab, ["behandlende", "Kendende", "ende", "huset", "husets"])
    feats = affix._ending_hashes(doc, (4, 5))
    assert feats.shape == (5, 2) and feats.dtype == numpy.uint64
    # "behandlende" and "Kendende" (lower-cased) end in "ende" and "lende"/"dende"
    assert feats[0, 0] == feats[1, 0]
    assert feats[0, 1] != feats[1, 1]
    # a word no longer than the ending is marked, so "ende" alone is not the ending "ende"
    assert feats[2, 0] != feats[0, 0]
    assert feats[3, 0] != feats[4, 0]


def test_extractor_adds_one_column_per_ending_after_the_attributes(vocab):
    doc = _doc(vocab, ["Vi", "behandler", "din", "ansøgning", "."])
    model = affix.EndingExtractor(["NORM", "SUFFIX"], [4, 5])
    (cols,), _ = model([doc], False)
    assert cols.shape == (5, 4)
    assert cols[:, :2].tolist() == doc.to_array(["NORM", "SUFFIX"]).tolist()
    assert cols[:, 2:].tolist() == affix._ending_hashes(doc, (4, 5)).tolist()


def test_architecture_is_registered_and_embeds_each_token(vocab):
    make = registry.architectures.get("letterlab.AffixHashEmbed.v1")
    model = make(width=16, attrs=["NORM", "PREFIX", "SUFFIX", "SHAPE"], rows=[50, 20, 20, 10],
                 ending_lengths=[4, 5], ending_rows=[20, 20])
    docs = [_doc(vocab, ["Kære", "Anne"]), _doc(vocab, ["Du", "får", "hjælp", "."])]
    model.initialize(X=docs)
    out = model.predict(docs)
    assert [o.shape for o in out] == [(2, 16), (4, 16)]
    # the embedding depends on the ending: two words differing only in their last letters differ
    a, b = model.predict([_doc(vocab, ["behandlingen"]), _doc(vocab, ["behandlende"])])
    assert not numpy.allclose(a, b)


def test_mismatched_rows_are_refused():
    with pytest.raises(ValueError):
        affix.AffixHashEmbed(width=8, attrs=["NORM"], rows=[10, 10], ending_lengths=[4], ending_rows=[10])
    with pytest.raises(ValueError):
        affix.AffixHashEmbed(width=8, attrs=["NORM"], rows=[10], ending_lengths=[4, 5], ending_rows=[10])
