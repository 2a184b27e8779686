"""The message rules on shapes a careful editor does not flag (session 13), with hard negatives that stay flagged.

* handling-uden-frist: an offer of help whose "så"-clause says what the helper then does, a standing instruction
  that already says when (a time of day, a sick day), advice whose "så"-clause promises something quicker or
  easier. A duty without a date ("Du skal sende os dine lønsedler") is still flagged.
* budskab-foerst: letters to "I"/"jer"/"jeres" are read as letters to "du"; a subject line with content that names
  the late request's date, amount or act, or a first body sentence that states a decision, puts the message first;
  a "så kan du se ..." convenience instruction is never the message. Letters whose message really is buried
  (under a topic heading, after case process, also to "I") are still flagged.

The letters in tests/data/message_r13 and the sentences here are written for these tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from letterlab import analyse
from letterlab.checks import message
from letterlab.checks.base import LetterContext, ensure_letter_extension
from letterlab.nlp.pipeline import add_letter_components
from letterlab.ruleset import default_ruleset
from test_message_whole_letter import _message

DATA = Path(__file__).resolve().parents[1] / "data" / "message_r13"
PARAMS = {k: p.default for k, p in message.PARAMS.items() if k != "aspect"}


@pytest.fixture(scope="module")
def plain_nlp():
    return add_letter_components(spacy.blank("da"))


@pytest.fixture(scope="module")
def reports(nlp):
    rules = default_ruleset()
    return {p.stem: analyse(p.read_text(encoding="utf-8"), rules, nlp=nlp) for p in sorted(DATA.glob("*.txt"))}


def _rule_hits(report, rule):
    return [f for f in report.findings if f.rule == rule]


def _no_deadline(plain_nlp, text, genre="orientering"):
    doc = plain_nlp(text)
    ensure_letter_extension()
    doc._.letter = LetterContext(genre=genre)
    return [f.text for f in default_ruleset().get("klart-budskab.handling-uden-frist").check(doc)]


# --- handling-uden-frist: requests that need no date -------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    # an offer of help: the helper acts next; the number or address before it holds dots
    "Ring til din visitator, Hanne Dahl, på tlf. 72 44 20 10, så går hun beregningen igennem med dig.",
    "Ring til din kontaktperson, Birgitte Lund, på telefon 72 44 19 00, så fortæller hun dig, hvem der kommer.",
    "Skriv til os på gaeld@fjordby.dk, så laver vi en afdragsordning sammen med dig.",
    "Kontakt vejlederen på vejledning@fjordby.dk, så finder han en tid til jer.",
    # a standing instruction that already says when
    "Husk at melde afbud i appen om morgenen, så personalet ved, at Ida ikke kommer.",
    "Husk at melde sygdom til holdlederen inden kl. 8 på første sygedag.",
    # advice: the "så"-clause promises something quicker or easier
    "Husk at sende en erklæring fra din øjenlæge med, så kan vi hurtigere behandle din ansøgning.",
    "Husk at sende billeder af skaden med, så går det hurtigere for os at vurdere den.",
    "Husk at vedlægge en udtalelse fra din fysioterapeut, så kan vi nemmere vurdere, hvad du har brug for.",
])
def test_an_offer_a_standing_instruction_or_advice_needs_no_deadline(plain_nlp, sentence):
    assert _no_deadline(plain_nlp, sentence) == []


@pytest.mark.parametrize("sentence", [
    # duties with no date stay flagged, whatever follows "så"
    "Du skal sende os dine lønsedler.",
    "Send os en kopi af din lejekontrakt, så vi kan beregne din boligstøtte.",
    "Du skal udfylde skemaet om fravær, så vi kan registrere det rigtigt.",
    "Du skal sende os lægeerklæringen, så kan vi behandle din sag hurtigere.",
    "Ring til jobcentret på tlf. 72 10 44 00, så du ikke mister din ydelse.",
    "Husk at sende os dine kontoudtog for marts.",
    # a plain request with a reason: not advice, not a convenience
    "Send os dine kontoudtog for marts, så vi kan se, om du har ret til hjælp.",
    "Send os dine lønsedler, så kan vi behandle din sag hurtigere.",
])
def test_a_duty_without_a_date_is_still_flagged(plain_nlp, sentence):
    assert _no_deadline(plain_nlp, sentence) != []


@pytest.mark.parametrize("name", ["offer_help3", "offer_help4", "offer_help5", "standing", "advice"])
def test_whole_letters_with_offers_and_advice_get_no_deadline_finding(reports, name):
    assert _rule_hits(reports[name], "klart-budskab.handling-uden-frist") == []


@pytest.mark.parametrize("name", ["duty_neg", "duty_neg2", "late_dec1"])
def test_whole_letters_with_a_duty_and_no_date_are_flagged(reports, name):
    assert _rule_hits(reports[name], "klart-budskab.handling-uden-frist") != []


# --- the reader as "I" ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, cls", [
    ("I får tilladelse til at bygge et udhus på 18 m² på Mosevej 3.", "decision"),
    ("I kan ikke få tilskud til klassens lejrtur.", "decision"),
    ("Derfor får I et tilskud på 4.000 kr. til jeres forening.", "decision"),
    ("Vi har sagt ja til jeres ansøgning om en legeplads.", "decision"),
    ("Jeres ansøgning om lokaletilskud er modtaget.", "receipt"),
])
def test_plural_you_is_read_as_the_reader(sentence, cls):
    assert cls in message.classify(sentence, PARAMS)


@pytest.mark.parametrize("sentence", [
    # the preposition "i" and "I" before a noun at the start are no reader
    "I januar holder biblioteket lukket om lørdagen.",
    "I alt har 14 foreninger søgt tilskud i år.",
    "Vi har talt med skolen om turen i foråret.",
    "I dag får børnene frugt i pausen.",
])
def test_the_preposition_i_is_no_reader(sentence):
    assert "decision" not in message.classify(sentence, PARAMS)


@pytest.mark.parametrize("name", ["i_hens", "i_club", "i_refuse"])
def test_letters_to_i_have_their_message_first(reports, name):
    r = reports[name]
    assert _rule_hits(r, "klart-budskab.budskab-foerst") == []
    assert r.message["first"] is True and r.message["act"] == "decision"


def test_a_letter_to_i_with_a_buried_refusal_is_still_late(reports):
    r = reports["neg_late2"]
    hits = _rule_hits(r, "klart-budskab.budskab-foerst")
    assert [f.severity for f in hits] == ["warning"]
    assert hits[0].text.startswith("I får ikke tilskud")


# --- budskab-foerst: the heading or the first sentence already says it --------------------------------------------

@pytest.mark.parametrize("name", ["late_pay1", "late_pay2", "late_dec1", "late_side6"])
def test_a_heading_or_first_sentence_that_states_the_message_is_first(reports, name):
    r = reports[name]
    assert _rule_hits(r, "klart-budskab.budskab-foerst") == []
    assert r.message["first"] is not False


@pytest.mark.parametrize("name", ["neg_late1", "neg_late3", "duty_neg2"])
def test_a_message_under_a_topic_heading_after_background_is_still_late(reports, name):
    assert [f.severity for f in _rule_hits(reports[name], "klart-budskab.budskab-foerst")] == ["warning"]


def test_a_convenience_instruction_is_never_the_message(reports):
    r = reports["late_side6"]
    text = (DATA / "late_side6.txt").read_text(encoding="utf-8")
    assert not text[r.message["start"]:r.message["end"]].startswith("Skriv din adresse")


def test_a_first_sentence_decision_with_an_optional_tail_is_the_message(plain_nlp):
    text = ("Ændring i din hjemmehjælp\n\nKære Jytte Bang\n\n"
            "Hjælpen til tøjvask stopper fra den 1. maj 2027, fordi du nu har fået en vaskemaskine, og du kan også "
            "få hjælp til at tømme den.\n\nVi har besøgt dig den 3. april 2027 og talt med dig og din datter om, "
            "hvordan du klarer dig i hverdagen.\n\nDu skal aflevere hjemmeplejens nøgle til din hjemmehjælper.\n")
    first, at, found = _message(plain_nlp, text, "anmodning")
    assert first is True and at.startswith("Hjælpen til tøjvask stopper") and found == []


def test_a_first_sentence_on_a_condition_does_not_count(plain_nlp):
    # "Du kan få ..., hvis ..." tells a rule, not this letter's decision: the late request stays late
    text = ("Om tilskud til tandpleje\n\nKære Jakob Holm\n\n"
            "Du kan få tilskud til tandpleje, hvis du har en lav indkomst og ikke har penge til at betale selv.\n\n"
            "Vi har set på dine papirer fra banken og på din lejekontrakt, og vi har talt med din tandlæge om "
            "behandlingen.\n\nDu skal sende os din årsopgørelse for 2026 senest den 1. juni 2027.\n")
    first, at, found = _message(plain_nlp, text, "anmodning")
    assert first is False and at.startswith("Du skal sende os din årsopgørelse") and len(found) == 1


def test_a_sanction_first_in_a_summons_does_not_count_as_its_message(plain_nlp):
    # a summons' message is the summons; a first sentence with a decision word that tells what staying away leads
    # to is no decision stated up front (and the letter is read without an error)
    text = ("Indkaldelse til møde\n\nKære Lars Mikkelsen\n\n"
            "Det skal understreges, at fravær fra mødet uden gyldig grund vil medføre, at Deres hjælp nedsættes fra "
            "den dag, De udebliver, og at sagen sendes videre til Ydelsesteamet.\n\n"
            "De indkaldes til møde i Borgerservice om Deres boligsag torsdag den 4. marts 2027 kl. 10.00.\n")
    for genre in ("indkaldelse",):
        first, at, found = _message(plain_nlp, text, genre)
        assert first is False and at.startswith("De indkaldes") and len(found) == 1, genre


@pytest.mark.parametrize("genre", ["indkaldelse", "afgoerelse", "opkraevning", "anmodning", "orientering", None])
def test_the_message_rules_run_in_every_genre(plain_nlp, genre):
    text = ("Ny ordning\n\nKære Eva Berg\n\nHjælpen til indkøb ophører fra den 1. marts 2027.\n\n"
            "Vi har talt med dig og din søn om, hvordan du klarer dig, og vi har set på dine papirer fra lægen.\n\n"
            "Du skal aflevere nøglekortet til din hjemmehjælper. Ring til Lene, så gennemgår hun det med dig.\n")
    doc = plain_nlp(text)
    ensure_letter_extension()
    doc._.letter = LetterContext(genre=genre)
    rules = default_ruleset()
    for rid in ("klart-budskab.budskab-foerst", "klart-budskab.overskrift", "klart-budskab.forsinket-indledning",
                "klart-budskab.handling-uden-frist"):
        list(rules.get(rid).check(doc))
    assert doc._.letter.metrics["message"]["first"] is not False or genre == "indkaldelse"


def test_a_decision_with_a_so_that_you_can_clause_is_still_a_message(plain_nlp):
    # only an instruction in the imperative is a convenience; a decision with "så du kan se ..." stays the message
    text = ("Om din adgang til Min Plan\n\nKære Tove Krag\n\n"
            "Du får adgang til portalen Min Plan fra den 1. april 2027, så du kan se dine aftaler med jobcentret.\n\n"
            "Vi har talt med din jobkonsulent om dit forløb.\n")
    first, at, found = _message(plain_nlp, text, "afgoerelse")
    assert first is True and at.startswith("Du får adgang") and found == []


def test_a_heading_of_case_process_does_not_state_the_request(plain_nlp):
    text = ("Vi har sendt din sag til Udbetaling Danmark den 3. maj 2027\n\nKære Ali Haddad\n\n"
            "Vi har gennemgået dine papirer og talt med din tidligere arbejdsgiver om din ansættelse, og vi har også "
            "set på dine lønsedler fra de sidste tre år.\n\n"
            "Vi beder dig sende os din lejekontrakt senest den 3. maj 2027.\n")
    first, at, found = _message(plain_nlp, text, "anmodning")
    assert first is False and at.startswith("Vi beder dig sende") and len(found) == 1
