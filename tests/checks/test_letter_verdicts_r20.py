"""Whole-letter verdicts on shapes a blind editor found wrong in review 20, with hard negatives that stay as they were.

* handling-uden-frist: a deadline relative to the reader's own next step ("inden du flytter", "før De bestiller",
  "før I går i gang") is a deadline; "inden i kuverten" and "før i tiden" are not;
* budskab-foerst: a request on the condition that the plan fails ("Bliver du syg, så ring ...") is never the message;
  a bill's due date in officialese ("Beløbet forfalder til betaling den ...") is a request to pay; the answer to the
  reader's request in the impersonal passive ("..., og der bevilges ikke ...") is a decision;
* kancellisprog: a word inside a law's official title ("lov om ... af visse fordringer") or a quotation cannot be
  rewritten;
* kontaktperson: a case detail whose value is an unfilled merge field ("Sagsbehandler: «Sagsbehandler»") names
  nobody.

The letters and sentences here are written for these tests.
"""
from __future__ import annotations

import pytest

from letterlab.checks import message as M
from letterlab.core import analyse
from test_message_r16 import _deadline_findings
from test_message_whole_letter import _message, plain_nlp  # noqa: F401 (plain_nlp is a fixture)

PARAMS = {k: v.default for k, v in M.PARAMS.items()}


# --- handling-uden-frist: a relative deadline --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Vi har godkendt din ansøgning om en ny carport.\n\nDu skal sende os en tegning af taget, inden du går i gang.\n",
    "Deres bolig er tildelt fra 1. maj.\n\nDe skal udfylde skemaet om husdyr, før De flytter ind.\n",
    "I har fået plads i Solsikken.\n\nI skal sende os lægens erklæring, før I bestiller madordningen.\n",
    "Du kan få tilskud til høreapparatet.\n\nDu skal sende os tilbuddet fra klinikken, så snart du har fået det.\n",
])
def test_a_deadline_relative_to_the_readers_next_step(plain_nlp, text):
    assert [f.text for f in _deadline_findings(plain_nlp, text)] == []


@pytest.mark.parametrize("text, flagged", [
    ("Vi mangler dine papirer.\n\nDu skal sende os kopien af lejekontrakten.\n",
     "Du skal sende os kopien af lejekontrakten."),
    ("Vi mangler dine papirer.\n\nDu skal sende os kopien, som du gjorde før i tiden.\n",
     "Du skal sende os kopien, som du gjorde før i tiden."),
    ("Vi mangler dine papirer.\n\nDu skal sende os kopien, der ligger inden i mappen.\n",
     "Du skal sende os kopien, der ligger inden i mappen."),
])
def test_no_relative_deadline_is_still_flagged(plain_nlp, text, flagged):
    assert flagged in [f.text for f in _deadline_findings(plain_nlp, text)]


# --- budskab-foerst --------------------------------------------------------------------------------------------------

SUMMONS = """Emne: Samtale om dit forløb

Kære Lars Holm

Vi holder jævnligt samtaler med alle i ressourceforløb.

Du er indkaldt til en opfølgningssamtale torsdag den 6. maj 2027 kl. 10 i Jobcenter Ørby, Torvet 3.

{fallback}

Med venlig hilsen
Jobcenter Ørby
"""


@pytest.mark.parametrize("fallback", [
    "Bliver du syg, så ring til os på 72 10 44 00 inden kl. 9.",
    "Kan du ikke komme, skal du skrive til os i Digital Post.",
    "Passer tiden ikke, skal du ringe til os på 72 10 44 00, så finder vi en anden.",
])
def test_a_fallback_on_a_condition_is_never_the_message(plain_nlp, fallback):
    first, at, found = _message(plain_nlp, SUMMONS.format(fallback=fallback), "paamindelse")
    assert at is None or not at.startswith(fallback[:12])


@pytest.mark.parametrize("sentence", [
    "Bliver du syg, så ring til os inden kl. 9.",
    "Er barnet forhindret, skal I sende en sms.",
    "Har du spørgsmål, skal du ringe til mig.",
    "Kan I ikke komme, så skriv til os.",
    "Hvis du bliver syg, skal du ringe til os.",
])
def test_the_fallback_shape(sentence):
    assert M._fallback_on_condition(M._clean(sentence))


@pytest.mark.parametrize("sentence", [
    # a reader who has not acted: the request itself
    "Har du ikke betalt endnu, skal du betale senest den 1. juni.",
    "Hvis du vil beholde pladsen, skal du betale senest den 1. marts.",
    "Er du enig i forslaget, skal du ikke gøre noget.",
    "Du skal ringe til os, hvis du bliver syg.",
])
def test_no_fallback_shape(sentence):
    assert not M._fallback_on_condition(M._clean(sentence))


@pytest.mark.parametrize("sentence", [
    "Kontingentet forfalder til betaling den 1. april 2027.",
    "Beløbet forfalder den 15. juni 2027.",
    "Havelejen forfalder til betaling d. 1. marts 2027.",
])
def test_a_bills_due_date_is_a_request(sentence):
    assert "action" in M.classify(sentence, PARAMS)


@pytest.mark.parametrize("sentence", [
    "Garantien forfalder, når boligen er solgt.",
    "Renterne forfalder hvert kvartal.",
])
def test_no_due_date_no_request(sentence):
    assert "action" not in M.classify(sentence, PARAMS)


@pytest.mark.parametrize("sentence", [
    "Vi har behandlet din anmodning, og der bevilges ikke flere timer til rengøring.",
    "Visitationen har set på Deres ansøgning om en el-scooter, og der ydes ikke tilskud til den.",
])
def test_a_passive_refusal_of_the_readers_request_is_a_decision(sentence):
    assert "decision" in M.classify(sentence, PARAMS)


@pytest.mark.parametrize("sentence", [
    "Der ydes ikke tilskud til briller efter de almindelige regler.",
    "Hvis din ansøgning kommer for sent, udbetales der ikke noget for den måned.",
])
def test_a_rule_or_a_condition_is_no_passive_refusal(sentence):
    assert "decision" not in M.classify(sentence, PARAMS)


# --- kancellisprog: a law's title and a quotation ---------------------------------------------------------------

KANCELLI = "faelles-skriftsprog.kancellisprog"


def _kancelli(nlp, text: str) -> list[str]:
    return [f.text.lower() for f in analyse(text, nlp=nlp).findings if f.rule == KANCELLI]


@pytest.mark.parametrize("text, word", [
    ("Vi opkræver gebyret efter § 6 i lov om opkrævning og inddrivelse af visse fordringer.", "fordringer"),
    ("Reglerne står i bekendtgørelse om inddrivelse af fordringer hos kommunerne.", "fordringer"),
    ('Du skrev til os: "Jeg vil fremsende papirerne i næste uge."', "fremsende"),
])
def test_a_law_title_or_a_quotation_is_not_rewritten(nlp, text, word):
    assert word not in _kancelli(nlp, text)


@pytest.mark.parametrize("text, word", [
    ("Efter lov om social service skal vi fremsende afgørelsen til dig.", "fremsende"),
    ("Kommunen har fordringer på dig efter loven.", "fordringer"),
    ("Vi kan ikke give tilskud, fordi dine fordringer er for store.", "fordringer"),
])
def test_the_same_words_outside_a_title_are_still_flagged(nlp, text, word):
    assert word in _kancelli(nlp, text)


# --- kontaktperson: an unfilled merge field in the case details ----------------------------------------------------

PERSON = "klart-budskab.kontaktperson"
DETAILS = ("Vestby Kommune\nBørn og Familie\nRådhusgade 2, 6100 Vestby\nTelefon 76 10 20 40\n\n"
           "CPR-nr.: {{cpr}}\nSagsbehandler: {who}\nDato: 3. maj 2027\n\n"
           "Du får ikke tilskud til ferie med Emil\n\nKære Tina Bech\n\n"
           "Du har søgt om tilskud til en ferie med Emil. Vi kan ikke give dig tilskud, fordi ferien ikke er en del "
           "af Emils handleplan. Tilskud til ferie gives kun, når handleplanen nævner det."
           "\n\nMed venlig hilsen\n\nBørn og Familie\nVestby Kommune")


def _person(nlp, text):
    return [f.text for f in analyse(text, nlp=nlp).findings if f.rule == PERSON]


@pytest.mark.parametrize("who", ["«Sagsbehandler»", "[Sagsbehandler]", "{{sagsbehandler}}"])
def test_an_unfilled_case_detail_names_nobody(nlp, who):
    assert _person(nlp, DETAILS.format(who=who)) == ["Børn og Familie"]


@pytest.mark.parametrize("who", ["Lone Friis", "Lone Friis, direkte 76 10 20 41"])
def test_a_filled_case_detail_names_someone(nlp, who):
    assert _person(nlp, DETAILS.format(who=who)) == []
