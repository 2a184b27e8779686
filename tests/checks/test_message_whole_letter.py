"""The message of a whole letter, read as an editor reads it (shapes met in corpora/templates-heldout8).

A receipt in the passive with a long name for the reader's letter, a request in officialese ("skal være
... i hænde", "skal indbetales senest") and a request to upload.
The sentences are written for these tests; a tagger-free pipeline reads them (word order and phrases decide).
"""
from __future__ import annotations

import pytest
import spacy

from letterlab.checks import message
from letterlab.checks.base import LetterContext, ensure_letter_extension
from letterlab.nlp.pipeline import add_letter_components
from letterlab.ruleset import default_ruleset

PARAMS = {k: p.default for k, p in message.PARAMS.items() if k != "aspect"}


@pytest.fixture(scope="module")
def plain_nlp():
    return add_letter_components(spacy.blank("da"))


def _message(plain_nlp, text, genre):
    doc = plain_nlp(text)
    ensure_letter_extension()
    doc._.letter = LetterContext(genre=genre)
    found = list(default_ruleset().get("klart-budskab.budskab-foerst").check(doc))
    m = doc._.letter.metrics["message"]
    start = m["position"]["start"] if m["position"] else None
    return m["first"], (text[start:] if start is not None else None), found


# --- the classes of one sentence ----------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    # the reader's letter as the subject of a passive, with a long name, in the De form
    "Deres ansøgning om parkeringstilladelse af 2. februar er modtaget.",
    "Din klage over larm fra byggepladsen på Skolevej er nu modtaget og sendt videre til Miljø.",
    "Deres indberetning for 4. kvartal er blevet registreret under sagsnummer «Sagsnr».",
])
def test_a_passive_receipt_with_a_long_subject_is_a_receipt(sentence):
    assert "receipt" in message.classify(sentence, PARAMS)


@pytest.mark.parametrize("sentence", [
    "Dine papirer er ikke modtaget endnu.",          # nothing received: not a receipt
    "Ansøgningen blev sendt til Udbetaling Danmark den 3. maj.",
])
def test_what_has_not_come_or_was_sent_on_is_no_receipt(sentence):
    assert "receipt" not in message.classify(sentence, PARAMS)


@pytest.mark.parametrize("sentence", [
    # something that must reach us, in officialese
    "Ansøgningsskemaet skal være Borgerservice i hænde senest den 12. marts.",
    "Det udfyldte skema skal senest fredag være os i hænde.",
    # a task in the passive with its deadline, in either order
    "Regningen på 310 kr. skal betales senest den 20. juni til kontonummeret nedenfor.",
    "Skemaet skal inden den 1. maj sendes til Jobcentret.",
    # uploading and reporting are requests too
    "Upload kvitteringerne på borger.dk senest den 9. april.",
    "Indberet jeres medlemstal i foreningsportalen senest den 31. marts.",
])
def test_requests_in_officialese_and_self_service(sentence):
    assert "action" in message.classify(sentence, PARAMS)


@pytest.mark.parametrize("sentence", [
    "Prisen skal betales kontant ved levering.",        # a rule of the service, no date to meet
    "Upload af filer sker via Byg og Miljø.",            # the noun, not the imperative
    "Kontingentet skal ikke betales, før holdet er fuldt.",
])
def test_a_rule_or_a_noun_is_no_request(sentence):
    assert "action" not in message.classify(sentence, PARAMS)


# --- the message of the whole letter ------------------------------------------------------------

RECEIPT_DE_FORM = (
    "Emne: Kvittering for Deres henvendelse\n\nKære «Navn»\n\n"
    "Deres henvendelse af «Dato» om tilskud til briller er modtaget og registreret under sagsnummer «Sagsnr».\n\n"
    "Sagsbehandlingstiden er for tiden otte uger.\n\nMed venlig hilsen\n\nBorgerservice\n")


def test_a_receipt_in_the_passive_is_the_message_of_a_receipt(plain_nlp):
    first, at, found = _message(plain_nlp, RECEIPT_DE_FORM, "kvittering")
    assert first is True and at.startswith("Deres henvendelse af") and found == []


REMINDER_IN_HAENDE = (
    "Manglende lejekontrakt\n\nKære «Navn»\n\n"
    "Vi har tidligere skrevet til Dem om Deres ansøgning om boligstøtte, og vi har endnu ikke modtaget kontrakten.\n\n"
    "Uden kontrakten kan ansøgningen ikke behandles, og sagen står stille.\n\n"
    "Lejekontrakten skal være Ydelseskontoret i hænde senest den «Frist».\n\n"
    "Med venlig hilsen\n\nYdelseskontoret\n")


def test_a_request_in_officialese_late_in_a_reminder_is_its_message_and_not_first(plain_nlp):
    first, at, found = _message(plain_nlp, REMINDER_IN_HAENDE, "paamindelse")
    assert first is False and at.startswith("Lejekontrakten skal være") and len(found) == 1


BILL_IN_PASSIVE = (
    "Kære «Navn»\n\n"
    "Der fremsendes hermed opkrævning for madservice i perioden «Periode», i alt 1.240 kr.\n\n"
    "Beløbet skal indbetales senest den «Forfaldsdato» på konto 1234 5678901234.\n\n"
    "Med venlig hilsen\n\nMadservice\n")


def test_a_payment_asked_in_the_passive_is_the_message_of_a_bill(plain_nlp):
    _, at, _ = _message(plain_nlp, BILL_IN_PASSIVE, "opkraevning")
    assert at.startswith("Beløbet skal indbetales")


@pytest.mark.parametrize("sentence", [
    "Vi henter dit storskrald i uge «Uge».",
    "Skraldebilen kommer i uge {{ uge.nummer }} med de nye beholdere.",
])
def test_a_week_given_by_a_merge_field_is_news(sentence):
    assert "news" in message.classify(sentence, PARAMS)


NOTICE_WEEK_FIELD = (
    "Nye affaldsbeholdere\n\nKære grundejer\n\n"
    "Vi kommer med to nye beholdere til madaffald og papir i uge «Uge». Den gamle beholder tager vi med.\n\n"
    "Med venlig hilsen\n\nAffald og Genbrug\n")


def test_a_notice_whose_news_has_a_week_field_has_its_message_first(plain_nlp):
    first, at, found = _message(plain_nlp, NOTICE_WEEK_FIELD, "orientering")
    assert first is True and at.startswith("Vi kommer med") and found == []


# --- a summons whose subject line gives the day and the hour (review 11) -------------------------

SUMMONS = ("Lindby Kommune\nTræningscentret\n\n{subject}\n\nKære Ole\n\nVi har fået din plan fra sygehuset. "
           "Planen siger, at du skal træne to gange om ugen i otte uger. Du træner på et hold med seks andre. "
           "Her er tid og sted:\n\nTid: Onsdag den 9. juni kl. 9.30-10.30\n"
           "Sted: Træningscentret, Skovvej 4\n\nTag tøj med, som du kan bevæge dig i.\n\nVenlig hilsen\nAnne Berg\n")


def test_a_subject_line_with_the_day_and_the_hour_is_the_summons(plain_nlp):
    first, where, found = _message(plain_nlp, SUMMONS.format(subject="Din første træning er onsdag den 9. juni kl. 9.30"),
                                   "indkaldelse")
    assert first and where.startswith("Din første træning") and found == []


def test_a_subject_line_without_the_hour_leaves_the_time_line_as_the_message(plain_nlp):
    first, where, _ = _message(plain_nlp, SUMMONS.format(subject="Genoptræning efter din operation"), "indkaldelse")
    assert where is not None and not where.startswith("Genoptræning")
