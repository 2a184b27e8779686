"""Tone rules, round 17b: reproach and lecturing in other words than the stock phrases, and three shapes that are
no tone problem. Our own letters and sentences from other areas (boligstøtte, storskrald, hjælpemidler, dagpleje,
vinterbekæmpelse), each next to hard negatives that reuse the same words.

- bebrejdelse: the reader's omission told as the reason for their present trouble, doubting ("Det kan da ikke være
  så svært …"), the reader's child or life dismissed as not our job, the reader's own choice as the reason not to
  help, "De kendte udmærket reglerne", our list of the reader's failings ("Vi har desværre oplevet, at I ikke har …").
- belaering: "Manglende kendskab til … fritager Dem ikke", the duty of the reader's role told as a reminder with no
  way to do it and no help.
- No finding: the reason a hearing (partshøring) must give for the decision it plans; "Vi fastholder X." followed by
  the seen or measured facts; a partial grant whose refusal is explained later in the letter.
The real pipeline with the learned model switched off, so the rules alone are tested."""
from __future__ import annotations

import pytest


HEAD = "Nordby Kommune\nTeknik og Miljø\nTorvet 3, 4900 Nordby\n\n"
PERSON_END = "\n\nMed venlig hilsen\n\nKaren Holm\nSagsbehandler, tlf. 44 55 66 12"


def letter(*paragraphs: str) -> str:
    return HEAD + "Kære Ole Berg\n\n" + "\n\n".join(paragraphs) + PERSON_END


# ``tone_findings``: tests/checks/conftest.py


def _family(found, family: str) -> list:
    return [f for f in found if f[0] == family]


# ---------------------------------------------------------------- a hearing's reason is no reproach

HEARING = ("Kommunen påtænker at standse Deres boligstøtte fra den 1. juni, fordi De ikke sendte den nye lejekontrakt, "
           "som vi bad om i april.")


FACTS = ("Brevet om lejekontrakten blev sendt den 3. april til Deres adresse på Skovvej. Kontrakten viser den husleje, "
         "som boligstøtten bliver regnet ud fra.")
ASK_VIEW = ("Inden vi træffer afgørelse, vil vi gerne høre, hvad De mener. Skriv til os senest den 20. maj, eller ring, "
            "hvis De hellere vil fortælle det.")


def test_hearing_reason_is_no_reproach(tone_findings):
    text = letter(HEARING, FACTS, ASK_VIEW)
    assert not _family(tone_findings(text), "bebrejdelse")


@pytest.mark.parametrize("first", [
    # blame beyond the reason stays blame
    "Kommunen påtænker at standse Deres boligstøtte fra den 1. juni, fordi De endnu en gang ikke har sendt "
    "lejekontrakten.",
])
def test_blame_next_to_a_hearing_stays(tone_findings, first):
    text = letter(first, FACTS, ASK_VIEW)
    assert _family(tone_findings(text), "bebrejdelse")


# ---------------------------------------------------------------- "Vi fastholder X." and the facts right after

KEEP = "Tak for din mail af 2. marts, hvor du klager over gebyret for afhentning af storskrald."
OWN_WAY = "Gebyret skal betales senest den 31. marts."


def test_kept_with_measured_facts_is_not_cold(tone_findings):
    text = letter(KEEP, "Vi fastholder gebyret. Ifølge chaufførens registrering stod der 14 sække ved skellet, altså "
                        "mere end de 8 sække, som ordningen dækker.", OWN_WAY)
    assert not _family(tone_findings(text), "kold-afvisning")


@pytest.mark.parametrize("facts", [
    "Vi fastholder gebyret. Du bestilte afhentningen den 20. februar.",      # facts, but not what decides it
    "Vi fastholder gebyret.",
])
def test_kept_without_its_reason_stays_cold(tone_findings, facts):
    assert _family(tone_findings(letter(KEEP, facts, OWN_WAY)), "kold-afvisning")


# ---------------------------------------------------------------- a partial grant explained later

def test_partial_grant_explained_later_is_not_cold(tone_findings):
    text = letter("Du har søgt om en badestol, et toiletforhøjer og en trappelift. Vi har bevilget badestolen og "
                  "toiletforhøjeren, men vi kan ikke bevilge trappeliften.",
                  "Badestol og toiletforhøjer\nHjælpemidlerne bliver leveret i uge 12, og depotet ringer dagen før.",
                  "Trappelift\nVi kan ikke bevilge en trappelift, fordi ergoterapeuten vurderer, at du kan klare "
                  "trappen med de to gelændere, vi satte op sidste år.", OWN_WAY)
    assert not _family(tone_findings(text), "kold-afvisning")


def test_partial_grant_left_unexplained_stays_cold(tone_findings):
    # the reason later is about something else
    text = letter("Du har søgt om en badestol, et toiletforhøjer og en trappelift. Vi har bevilget badestolen og "
                  "toiletforhøjeren, men vi kan ikke bevilge trappeliften.",
                  "Badestol og toiletforhøjer\nHjælpemidlerne bliver leveret i uge 12, og depotet ringer dagen før.",
                  "Rollator\nVi kan ikke bevilge en ny rollator, fordi den, du har, kun er to år gammel.", OWN_WAY)
    assert _family(tone_findings(text), "kold-afvisning")


# ---------------------------------------------------------------- the duty of the reader's role

@pytest.mark.parametrize("text", [
    letter("Vi har fået flere klager over hunde uden snor i Bøgeparken.",
           "Som hundeejer har De pligt til at holde hunden i snor i parken. Det er ikke parkbetjentenes opgave at "
           "holde øje med Deres hund."),
    letter("Hækken ud mod Skolevej er vokset ind over fortovet.",
           "Som ejer af grunden er De forpligtet til at holde den klippet."),
])
def test_role_duty_as_reminder_is_lecture(tone_findings, text):
    assert _family(tone_findings(text), "belaering")


@pytest.mark.parametrize("text", [
    letter("Som forælder har du pligt til at melde dit barn syg. Det gør du i Aula, og kontoret hjælper gerne, hvis "
           "du ikke kan logge på."),
    letter("Som hundeejer har De pligt til at holde hunden i snor i parken, og De kan få en gratis snor i "
           "Borgerservice."),
    letter("Dagplejen har pligt til at give besked, hvis et barn bliver sygt i løbet af dagen."),
])
def test_plain_duty_with_a_way_is_no_lecture(tone_findings, text):
    assert not _family(tone_findings(text), "belaering")


# ---------------------------------------------------------------- reproach in other words

@pytest.mark.parametrize("sentence", [
    "Det har De ikke gjort, og det er derfor, De nu skal betale hele beløbet tilbage.",
    "Det kan ikke være så svært at huske at sætte skraldespanden ud om tirsdagen.",
    "Det er vel ikke for meget forlangt, at hunden holdes i snor.",
    "Det er ikke klubbens opgave at vække Magnus om morgenen.",
    "Det har De selv valgt, og så må De også selv betale for det.",
    "De vidste fuldt ud, at De skulle melde flytningen.",
    "Vi har oplevet, at du ikke har meldt afbud til tandplejen, og at du heller ikke har svaret på vores sms.",
])
def test_reproach_in_other_words(tone_findings, sentence):
    assert _family(tone_findings(letter(sentence)), "bebrejdelse")


@pytest.mark.parametrize("sentence", [
    "Du har ikke fået et nyt sygesikringskort, og det er grunden til, at vi skriver til dig nu.",
    "Det kan være svært at finde rundt i reglerne, så ring gerne til os.",
    "Det er ikke skolens opgave at give medicin, men sundhedsplejersken kan hjælpe jer.",
    "Vi tager hensyn til, at De selv har valgt at bo hjemme, og tilpasser hjælpen til det.",
    "Du kender udmærket dit barn, og vi vil gerne høre dine ønsker til forløbet.",
    "Vi har set, at du ikke har hentet dit nye pas endnu. Du kan hente det i Borgerservice.",
    "Vi har registreret, at du ikke har betalt for marts, og at beløbet nu er 1.200 kr.",
    "Vi har desværre oplevet, at du ikke har fået hjælp til tiden, og det beklager vi.",
])
def test_same_words_without_reproach(tone_findings, sentence):
    assert not _family(tone_findings(letter(sentence)), "bebrejdelse")


@pytest.mark.parametrize("sentence,flag", [
    ("Uvidenhed om fristen fritager ikke for gebyret.", True),
    ("Sygdom fritager dig ikke for pligten til at melde flytning.", True),
    ("Opsigelse af pladsen fritager ikke for betaling af restancen, som du kan betale i rater.", False),
    ("Hvis du har manglende kendskab til reglerne, kan du læse mere på borger.dk.", False),
])
def test_not_knowing_the_rules(tone_findings, sentence, flag):
    assert bool(_family(tone_findings(letter(sentence)), "belaering")) is flag
