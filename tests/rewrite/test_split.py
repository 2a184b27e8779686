"""Splitting long sentences: both halves grammatical and capitalised, only at safe points."""
from __future__ import annotations

import pytest

from letterlab.rewrite.apply import apply_suggestions
from letterlab.rewrite.split import main_clause, split_suggestions

FIN = "Mood=Ind|Tense=Pres|VerbForm=Fin"
FIN_PAST = "Mood=Ind|Tense=Past|VerbForm=Fin"


def _split(doc):
    sugg = split_suggestions(doc, 0, len(doc.text))
    return apply_suggestions(doc.text, sugg), sugg


def test_og_between_main_clauses(make_doc):
    doc = make_doc(f"Vi/PRON/Case=Nom har/AUX/{FIN} læst/VERB/VerbForm=Part din/DET ansøgning/NOUN grundigt/ADV ,/PUNCT "
                   f"og/CCONJ der/PRON må/AUX/{FIN} påregnes/VERB en/DET uges/NOUN ventetid/NOUN ./PUNCT",
                   heads=[1, 1, 1, 4, 2, 2, 1, 1, 9, 1, 9, 12, 12, 10, 1],
                   deps=["nsubj", "ROOT", "vobj", "obj", "nobj", "mod", "punct", "coord", "expl", "conj", "vobj",
                         "obj", "nobj", "nobj", "punct"])
    text, sugg = _split(doc)
    assert text == "Vi har læst din ansøgning grundigt. Der må påregnes en uges ventetid."
    assert len(sugg) == 1 and sugg[0].safe and sugg[0].kind == "split"


def test_men_is_kept(make_doc):
    doc = make_doc(f"Vi/PRON/Case=Nom har/AUX/{FIN} læst/VERB din/DET ansøgning/NOUN grundigt/ADV ,/PUNCT men/CCONJ "
                   f"vi/PRON/Case=Nom kan/AUX/{FIN} ikke/ADV hjælpe/VERB dig/PRON ./PUNCT",
                   heads=[1, 1, 1, 4, 2, 2, 1, 1, 9, 1, 9, 9, 11, 1],
                   deps=["nsubj", "ROOT", "vobj", "obj", "nobj", "mod", "punct", "coord", "nsubj", "conj", "mod",
                         "vobj", "obj", "punct"])
    text, _ = _split(doc)
    assert text == "Vi har læst din ansøgning grundigt. Men vi kan ikke hjælpe dig."


def test_og_at_is_not_a_main_clause(make_doc):
    doc = make_doc(f"Vi/PRON/Case=Nom har/AUX/{FIN} lagt/VERB vægt/NOUN på/ADP din/DET økonomi/NOUN ,/PUNCT og/CCONJ "
                   f"at/SCONJ du/PRON/Case=Nom har/AUX/{FIN} to/NUM børn/NOUN ./PUNCT")
    text, sugg = _split(doc)
    assert sugg == () and text == doc.text


def test_hvilket_becomes_det(make_doc):
    doc = make_doc(f"Du/PRON/Case=Nom har/AUX/{FIN} ikke/ADV betalt/VERB huslejen/NOUN for/ADP august/NOUN ,/PUNCT "
                   f"hvilket/PRON kan/AUX/{FIN} betyde/VERB en/DET rykker/NOUN ./PUNCT")
    text, sugg = _split(doc)
    assert text == "Du har ikke betalt huslejen for august. Det kan betyde en rykker."
    assert sugg[0].safe


def test_hvorfor_gets_main_clause_word_order(make_doc):
    doc = make_doc(f"Udgiften/NOUN er/AUX/{FIN} ikke/ADV en/DET følge/NOUN af/ADP sygdommen/NOUN ,/PUNCT "
                   f"hvorfor/ADV den/PRON ikke/ADV kan/AUX/{FIN} dækkes/VERB af/ADP os/PRON ./PUNCT",
                   heads=[1, 1, 1, 4, 1, 4, 5, 1, 1, 11, 11, 8, 11, 12, 13, 1],
                   deps=["nsubj", "ROOT", "mod", "pred", "nobj", "pobj", "nobj", "punct", "mod", "nsubj", "mod",
                         "vobj", "vobj", "pobj", "nobj", "punct"])
    text, sugg = _split(doc)
    assert text == "Udgiften er ikke en følge af sygdommen. Derfor kan den ikke dækkes af os."
    assert not sugg[0].safe


def test_main_clause_needs_subject_and_finite_verb(make_doc):
    doc = make_doc(f"der/PRON må/AUX/{FIN} påregnes/VERB en/DET times/NOUN ventetid/NOUN")
    assert main_clause(list(doc))
    doc = make_doc("at/SCONJ du/PRON/Case=Nom har/AUX/Mood=Ind|VerbForm=Fin to/NUM børn/NOUN")
    assert not main_clause(list(doc))
    doc = make_doc(f"udfyldt/VERB/VerbForm=Part skemaet/NOUN via/ADP borger.dk/PROPN i/ADP dag/NOUN")
    assert not main_clause(list(doc))


@pytest.mark.model
def test_real_pipeline_split(nlp):
    text = ("Samtalen vil finde sted torsdag den 12. november 2026 kl. 10.00 i Jobcenter Fjordby på Havnegade 4, "
            "og der må påregnes en varighed af cirka en time, så du skal sætte god tid af.")
    doc = nlp(text)
    out = apply_suggestions(text, split_suggestions(doc, 0, len(text)))
    assert out.startswith("Samtalen vil finde sted torsdag den 12. november 2026 kl. 10.00 i Jobcenter Fjordby på "
                          "Havnegade 4. Der må påregnes")


@pytest.mark.model
def test_no_split_inside_a_frame_with_a_second_at_clause(nlp):
    # "Det bemærkes, at X, idet Y, men at Z": "men at Z" belongs to "Det bemærkes", so ". Det skyldes, at Y,
    # men at Z" would say that Z is a reason
    text = ("Det bemærkes, at det ikke har været muligt at give Ida plads i Børnehaven Kastanjen, idet samtlige "
            "pladser i institutionen er besat, men at Ida fortsat vil være skrevet op, hvis du ønsker det.")
    doc = nlp(text)
    assert [s.replacement for s in split_suggestions(doc, 0, len(text)) if "skyldes" in s.replacement] == []


@pytest.mark.model
def test_idet_with_i_saa_fald_is_no_reason(nlp):
    # "..., idet Visitationen i så fald vil ..." is a consequence: ". Det skyldes, at" would make it a cause
    text = ("Klagen bedes sendt til Visitationen inden 4 uger efter modtagelsen af afgørelsen, idet Visitationen "
            "i så fald vil foretage en genvurdering af sagen, før den eventuelt sendes videre til Ankestyrelsen.")
    doc = nlp(text)
    assert [s for s in split_suggestions(doc, 0, len(text)) if "skyldes" in s.replacement] == []
