"""Long words on hand-built Docs: compounds are flagged, names of laws and agencies and web addresses are not."""
from __future__ import annotations

from types import SimpleNamespace

from spacy.tokens import Doc

from letterlab.checks.long_word import PARAMS, check

DEFAULTS = {k: p.default for k, p in PARAMS.items()}


def flagged(doc, **params):
    rule = SimpleNamespace(id="let-at-laese.lange-ord", category="readability", severity="info",
                           message="Ordet er meget langt.", explanation="", params={**DEFAULTS, **params})
    return [f.text for f in check(doc, rule)]


def test_long_compound_is_flagged(make_doc):
    doc = make_doc("Du/PRON får/VERB en/DET boligstøttegenberegningsoversigt/NOUN ./PUNCT")
    assert flagged(doc) == ["boligstøttegenberegningsoversigt"]


def test_short_name_of_a_regulation_is_a_name_but_its_topic_is_not(make_doc):
    # a decision cites its basis by the regulation's short name, which the writer cannot split
    doc = make_doc("Du/PRON får/VERB lov/NOUN efter/ADP husdyrgødningsbekendtgørelsen/NOUN og/CCONJ "
                   "spildevandsbekendtgørelsens/NOUN §/NOUN 5/NUM ./PUNCT")
    assert flagged(doc) == []
    doc = make_doc("Vi/PRON ser/VERB på/ADP husdyrgødningsopbevaringen/NOUN ./PUNCT")
    assert flagged(doc) == ["husdyrgødningsopbevaringen"]


def test_law_short_name_and_agency_name_are_not_flagged(make_doc):
    doc = make_doc("Reglerne/NOUN står/VERB i/ADP miljøbeskyttelsesloven/NOUN og/CCONJ "
                   "databeskyttelsesforordningen/NOUN ./PUNCT")
    assert flagged(doc) == []
    doc = make_doc("Arbejdsskadestyrelsen/PROPN har/AUX svaret/VERB ./PUNCT")
    assert flagged(doc) == []


def test_capitalised_name_inside_a_sentence_is_not_flagged(make_doc):
    doc = make_doc("Du/PRON kan/AUX klage/VERB til/ADP Beskæftigelsesministeriet/PROPN ./PUNCT")
    assert flagged(doc) == []


def test_word_in_a_law_title_is_not_flagged_but_the_same_word_elsewhere_is(make_doc):
    doc = make_doc("Det/PRON står/VERB i/ADP lov/NOUN om/ADP en/DET aktiv/ADJ beskæftigelsesindsats/NOUN ./PUNCT "
                   "Vi/PRON styrker/VERB beskæftigelsesindsatsen/NOUN ./PUNCT",
                   sent_starts=[i in (0, 9) for i in range(13)])
    assert flagged(doc) == ["beskæftigelsesindsatsen"]


def test_web_address_is_not_a_long_word(blank_nlp):
    # built directly: the make_doc spec splits on "/"
    doc = Doc(blank_nlp.vocab, words=["Log", "ind", "på", "fjordby.dk/pladsanvisningen", "."],
              spaces=[True, True, True, False, False], pos=["VERB", "ADV", "ADP", "X", "PUNCT"],
              sent_starts=[True, False, False, False, False])
    assert flagged(doc) == []


def test_names_and_endings_come_from_the_rule_file(make_doc):
    doc = make_doc("Kontakt/VERB sygedagpengeopfølgningsenheden/NOUN ./PUNCT")
    assert flagged(doc) == ["sygedagpengeopfølgningsenheden"]
    assert flagged(doc, names=["sygedagpengeopfølgningsenheden"]) == []
    assert flagged(doc, name_endings=["enheden"]) == []


def test_the_name_of_a_paper_the_reader_holds_is_not_flagged(make_doc):
    doc = make_doc("Tag/VERB handicapledsagerbeviset/NOUN og/CCONJ ejendomsvurderingsattesten/NOUN med/ADV ./PUNCT")
    assert flagged(doc) == []
    # a long word that names no paper is still flagged
    doc = make_doc("Vi/PRON laver/VERB en/DET sygedagpengeopfølgningsplan/NOUN ./PUNCT")
    assert flagged(doc) == ["sygedagpengeopfølgningsplan"]
