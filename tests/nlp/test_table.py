"""The token table holds the same values as spaCy's Token attributes."""
import pytest

from letterlab.nlp.table import token_table


def _expected(doc):
    return [
        (t.text, t.lower_, t.lemma_.lower(), t.pos_, t.tag_, t.dep_, t.head.i, t.idx, t.idx + len(t.text),
         bool(t.whitespace_), t.is_space, t.is_punct, t.is_sent_start is True, str(t.morph), t._.placeholder)
        for t in doc
    ]


def _rows(tab):
    return [
        (tab.text[i], tab.lower[i], tab.lemma[i], tab.pos[i], tab.tag[i], tab.dep[i], tab.head[i], tab.idx[i],
         tab.end[i], tab.ws[i], tab.space[i], tab.punct[i], tab.sent_start[i], tab.morph[i], tab.placeholder[i])
        for i in range(len(tab))
    ]


def test_hand_built_doc_with_parse(make_doc):
    doc = make_doc("Din/DET/Poss=Yes/din ansøgning/NOUN/Gender=Com behandles/VERB/Voice=Pass|Mood=Ind/behandle ./PUNCT",
                   heads=[1, 2, 2, 2], deps=["nmod:poss", "nsubj", "ROOT", "punct"])
    tab = token_table(doc)
    assert _rows(tab) == _expected(doc)
    assert tab.head == [1, 2, 2, 2]
    assert tab.feat(2, "Voice") == "Pass"
    assert tab.feats(0) == {"Poss": "Yes"}
    assert tab.feat(3, "Voice") is None


def test_children_follow_the_parse(make_doc):
    doc = make_doc("a/X b/X c/X d/X e/X", heads=[2, 2, 2, 2, 3], deps=["dep", "dep", "ROOT", "dep", "dep"])
    tab = token_table(doc)
    assert [tab.children(i) for i in range(len(doc))] == [[t.i for t in tok.children] for tok in doc]
    assert tab.children(2) == [0, 1, 3] and tab.children(3) == [4] and tab.children(0) == []


def test_placeholders_and_whitespace(blank_nlp):
    from spacy.tokens import Doc

    doc = Doc(blank_nlp.vocab, words=["Kære", "{navn}", "\n\n", "Tak", "."], spaces=[True, False, False, False, False],
              pos=["NOUN", "PROPN", "SPACE", "NOUN", "PUNCT"], sent_starts=[True, False, False, True, False])
    doc[1]._.placeholder = True
    tab = token_table(doc)
    assert _rows(tab) == _expected(doc)
    assert tab.placeholder == [False, True, False, False, False]
    assert tab.space[2] and not tab.space[3]
    assert tab.sent_start == [True, False, False, True, False]


def test_cached_per_doc_and_rebuilt_after_retokenising(make_doc):
    doc = make_doc("Vi sender et svar ./PUNCT")
    assert token_table(doc) is token_table(doc)
    with doc.retokenize() as retok:
        retok.merge(doc[1:3])
    tab = token_table(doc)
    assert tab.text == ["Vi", "sender et", "svar", "."]


@pytest.mark.model
def test_real_parse_matches_token_attributes(nlp):
    doc = nlp("Kære {navn}\n\nDin ansøgning er blevet behandlet, jf. § 12, stk. 2. Vi sender svaret kl. 10.00.")
    assert _rows(token_table(doc)) == _expected(doc)
