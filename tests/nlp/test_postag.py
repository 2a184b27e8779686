"""Word classes re-derived from the parse: AUX/VERB, ADV/ADJ and DET/PRON, in token order."""
from __future__ import annotations

from letterlab.nlp.postag import pos_from_parse


def _pos(doc):
    return [t.pos_ for t in pos_from_parse(doc)]


def test_modal_adverb_and_determiner(make_doc):
    doc = make_doc("Han/PRON kan/VERB/-/kunne komme/VERB hurtigt/ADJ/Degree=Pos den/PRON/PronType=Dem dag/NOUN",
                   heads=[1, 1, 1, 2, 2, 4], deps=["subj", "ROOT", "vobj", "mod", "dobj", "nobj"])
    assert _pos(doc) == ["PRON", "AUX", "VERB", "ADV", "DET", "NOUN"]


def test_vaere_with_nominal_predicative_and_back(make_doc):
    doc = make_doc("Det/DET/PronType=Dem er/AUX/-/være godt/ADJ/Degree=Pos ,/PUNCT han/PRON er/AUX/-/være her/ADV",
                   heads=[1, 1, 1, 1, 5, 1, 5], deps=["subj", "ROOT", "pred", "pnct", "subj", "conj", "mod"])
    # "godt" (pred) becomes ADJ, "Det" has no noun: PRON; the second "er" has no predicative: VERB
    assert _pos(doc) == ["PRON", "AUX", "ADJ", "PUNCT", "PRON", "VERB", "ADV"]


def test_rules_see_the_classes_already_rederived_before_them(make_doc):
    # "Hurtigt" is re-derived (ADV -> ADJ) before "er" looks at it, so "er" has a nominal predicative ...
    before = make_doc("Hurtigt/ADV/Degree=Pos er/VERB/-/være det/PRON",
                      heads=[1, 1, 1], deps=["pred", "ROOT", "subj"])
    assert _pos(before) == ["ADJ", "AUX", "PRON"]
    # ... but after "er" it is still ADV when "er" is decided.
    after = make_doc("Det/PRON er/VERB/-/være hurtigt/ADV/Degree=Pos",
                     heads=[1, 1, 1], deps=["subj", "ROOT", "pred"])
    assert _pos(after) == ["PRON", "VERB", "ADJ"]


def test_no_parse_leaves_the_tags(make_doc):
    doc = make_doc("Det/PRON/PronType=Dem er/VERB/-/være godt/ADV/Degree=Pos")
    assert _pos(doc) == ["PRON", "VERB", "ADV"]
