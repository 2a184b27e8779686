"""Make the word classes that the DDT→UD mapping derives from the tree agree with the parse.

Three UPOS distinctions in letterlab's training data are defined by tree
structure (see :mod:`letterlab.nlp.conll`): AUX vs VERB for være/have/blive
and the modals (AUX when they head a verb, or for være a nominal
predicative), ADV vs ADJ for adjectives (ADV when they modify a verb,
adjective or adverb) and DET vs PRON for demonstrative and indefinite
pronouns (DET when they head a noun). The tagger sees no tree, so
``letterlab_pos_from_parse`` re-derives these three from the predicted parse
with the same rules. It runs only on pipelines with DDT-style labels
(``vobj``, ``nobj``); UD-trained pipelines are left alone. On ddt-dev this
lifts UPOS accuracy by about half a point (docs/model.md).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .conll import AUX_LEMMAS

NOMINAL = {"NOUN", "PROPN", "ADJ", "NUM", "PRON", "DET"}


@Language.component("letterlab_pos_from_parse")
def pos_from_parse(doc: Doc) -> Doc:
    if not doc.has_annotation("DEP"):
        return doc
    for t in doc:
        pos = t.pos_
        if pos in ("VERB", "AUX"):
            lemma = t.lemma_.lower()
            if lemma in AUX_LEMMAS or lemma == "være":
                kids = list(t.children)
                aux = any(k.dep_ == "vobj" and k.pos_ in ("VERB", "AUX") for k in kids)
                if lemma == "være" and not aux:
                    aux = any(k.dep_ == "pred" and k.pos_ in NOMINAL for k in kids)
                t.pos_ = "AUX" if aux else "VERB"
        elif pos in ("ADJ", "ADV") and t.morph.get("Degree"):
            h = t.head
            adverbial = t.dep_ in ("mod", "aobj") and h is not t and h.pos_ in ("VERB", "AUX", "ADJ", "ADV")
            t.pos_ = "ADV" if adverbial else "ADJ"
        elif pos in ("PRON", "DET") and set(t.morph.get("PronType")) & {"Dem", "Ind"}:
            t.pos_ = "DET" if any(k.dep_ == "nobj" for k in t.children) else "PRON"
    return doc


def uses_ddt_labels(nlp) -> bool:
    if "parser" not in nlp.pipe_names:
        return False
    labels = set(nlp.get_pipe("parser").labels)
    return {"vobj", "nobj"} <= labels
