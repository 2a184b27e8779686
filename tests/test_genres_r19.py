"""Whole-letter genre shapes from blind review 20, in letters of our own.

An order to put right what an inspection found, on pain of enforcement, is a decision (a påbud) even when it asks
politely and never says "påbud"; a subject line's label counts after its field name ("Emne: Indkaldelse ..."); a
reader's own request handled and turned down is a decision; a
side wish turned down in a letter about something else leaves it information. And the reasons of a refusal may be the
law's condition told in the passive ("kan efter § ... kun ydes til ...").

The letters are written for these tests (invented places, names and numbers). Each new shape has hard negatives:
real requests for papers, real reminders, a general campaign letter, a notice of an order still to come.
"""
from __future__ import annotations

import pytest

from test_genres_r16 import findings, genre

HEAD = "Ravnsø Kommune\nTorvet 3\n4700 Ravnsø\n\n"
SIGN = "\n\nMed venlig hilsen\n\nPia Lund\nTeknik og Miljø\nTlf. 55 10 20 30\n"

# --- 1. an order to put something right ------------------------------------------------------------------------------

ORDERS = [
    # farm: a manure tank without a cover, done by the municipality at the owner's cost
    HEAD + "Emne: Overdækning af gyllebeholder på Bakkegården\n\nKære Søren Vang\n\nVed tilsynet på Bakkegården den "
    "4. marts 2026 konstaterede vi, at gyllebeholderen mod nord ikke har et fast låg.\n\nBeholderen skal være "
    "overdækket senest den 1. maj 2026. Er den ikke det, lader kommunen arbejdet udføre for ejendommens regning."
    + SIGN,
    # building: a carport over the boundary, with the police as the next step
    HEAD + "Vedr.: Carport på Lindevej 12\n\nKære Helle Berg\n\nDet er konstateret, at carporten på Lindevej 12 står "
    "1,2 meter inde på naboens grund.\n\nVi beder Dem flytte carporten, så den står på Deres egen grund, senest den "
    "30. september 2026. Sker det ikke, overgives sagen til politiet." + SIGN,
    # an association's playground: closed for use if the faults are not mended
    HEAD + "Emne: Legepladsen i Fælleshaven\n\nTil bestyrelsen for Grundejerforeningen Fælleshaven\n\nVed eftersynet "
    "af legepladsen den 12. maj 2026 blev der fundet to fejl: gyngestativet er rådnet i bunden, og faldunderlaget "
    "under klatrestativet mangler.\n\nFejlene skal være rettet senest den 15. juni 2026. Ellers bliver legepladsen "
    "lukket for brug, indtil de er rettet." + SIGN,
]


@pytest.mark.parametrize("text", ORDERS)
def test_an_order_to_put_right_what_an_inspection_found_is_a_decision(text):
    assert genre(text) == "afgoerelse"


ORDER_LOOKALIKES = [
    # a request for papers after a review of the case: no enforcement, so a request
    (HEAD + "Emne: Vi mangler dine lønsedler\n\nKære Ali Demir\n\nVed gennemgangen af din sag har vi konstateret, at vi "
     "mangler dine lønsedler for marts og april.\n\nVi beder dig sende dem til os senest den 20. maj 2026. Hvis vi ikke "
     "får dem, kan vi ikke behandle din ansøgning om boligstøtte." + SIGN, "anmodning"),
    # a reminder of a bill: sending it on for collection is no order
    (HEAD + "Emne: Påmindelse om betaling\n\nKære Ole Krog\n\nVi har konstateret, at regningen for rottebekæmpelse på "
     "450 kr. stadig ikke er betalt. Betal senest den 10. juni 2026. Ellers sender vi kravet til inddrivelse hos "
     "Gældsstyrelsen." + SIGN, "paamindelse"),
    # a notice of an order still to come, with a chance to answer first: a hearing
    (HEAD + "Emne: Varsel om påbud – gyllebeholder på Bakkegården\n\nKære Søren Vang\n\nVed tilsynet den 4. marts "
     "2026 konstaterede vi, at gyllebeholderen ikke har et fast låg. Kommunen varsler hermed påbud om, at beholderen "
     "skal overdækkes. Ellers udføres arbejdet for ejendommens regning.\n\nDu kan komme med bemærkninger senest den "
     "1. april 2026." + SIGN, "partshoering"),
]


@pytest.mark.parametrize("text,expected", ORDER_LOOKALIKES)
def test_requests_reminders_and_notices_with_a_finding_keep_their_genre(text, expected):
    assert genre(text) == expected


def test_a_campaign_letter_about_a_duty_with_no_finding_is_no_order():
    text = (HEAD + "Emne: Klip hækken ud mod fortovet\n\nKære grundejer\n\nHver sommer gennemgår vi vejene i "
            "kommunen. Hække ud mod fortov og vej skal være klippet, så man kan gå forbi. Hvis en hæk ikke er klippet "
            "senest den 1. juli, kan kommunen lade arbejdet udføre for ejerens regning.\n\nDu kan aflevere haveaffald "
            "gratis på genbrugspladsen." + SIGN)
    assert genre(text) != "afgoerelse"


# --- 2. the subject's label after its field name --------------------------------------------------------------------

def test_a_summons_labelled_after_emne_stays_a_summons_despite_a_missing_paper():
    text = (HEAD + "Emne: Indkaldelse til samtale om dit ressourceforløb\n\nKære Mia Holm\n\nKommer du ikke, kan det "
            "få betydning for din ydelse.\n\nDu er indkaldt til samtale tirsdag den 9. juni 2026 kl. 10.00 i "
            "Jobcenter Ravnsø, Torvet 3. Vi har stadig ikke modtaget din lægeerklæring, så tag den med." + SIGN)
    assert genre(text) == "indkaldelse"


@pytest.mark.parametrize("text", [
    HEAD + "Emne: Påmindelse om din samtale den 9. juni\n\nKære Mia Holm\n\nVi minder dig om, at du har en samtale i "
    "Jobcenter Ravnsø tirsdag den 9. juni 2026 kl. 10.00. Vi har stadig ikke modtaget din lægeerklæring." + SIGN,
    HEAD + "Vedr.: Rykker for tilmelding til skolestart\n\nKære forældre\n\nVi har endnu ikke modtaget jeres "
    "tilmelding af Oskar til skolestart. Tilmeld ham senest den 1. februar 2026 på Pladsportalen." + SIGN,
])
def test_a_real_reminder_labelled_after_its_field_name_stays_a_reminder(text):
    assert genre(text) == "paamindelse"


# --- 3. a place not found, a request handled ------------------------------------------------------------------------

# a place not found yet (information); the reader's own request handled and turned down;
# a side wish turned down in a letter about new times, and a wish turned down with an appeal guide
ONE_SHAPE_EACH = {
    "place not found yet": (HEAD + "Emne: Ida står på ventelisten\n\nKære forældre til Ida\n\nVi har endnu ikke "
                            "fundet en plads til Ida i de dagplejer, I har ønsket. Hun er nummer 4 på ventelisten, og vi "
                            "skriver til jer, så snart der er en plads." + SIGN, "orientering"),
    "request handled": (HEAD + "Vedr.: Anmodning om ekstra støttetimer til Malthe\n\nKære forældre til Malthe\n\n"
                        "Vi har behandlet jeres anmodning, og der bevilges ikke ekstra støttetimer i dette skoleår."
                        "\n\nSkolen vurderer, at Malthe får den hjælp, han har brug for, i klassen.\n\n"
                        "Klagevejledning\nHvis I er uenige, kan I klage til Børne- og Skoleforvaltningen senest fire "
                        "uger efter, at I har fået brevet." + SIGN, "afgoerelse"),
    "side wish": (HEAD + "Ny køreplan for flexturen til dagcentret\n\nKære Bent Holm\n\nFra mandag den 2. marts "
                  "2026 henter flexbussen dig mellem kl. 8.30 og kl. 9.00 i stedet for kl. 9.30.\n\nDit ønske om at "
                  "blive hentet som den sidste på ruten kan desværre ikke imødekommes.\n\nRing til os, hvis du har "
                  "spørgsmål." + SIGN, "orientering"),
    "wish refused with a guide": (HEAD + "Emne: Svar på jeres ønske om skoleskift\n\nKære forældre til Asta\n\n"
                                  "Vi kan ikke imødekomme jeres ønske om, at Asta skifter til Bakkeskolen, fordi der "
                                  "ikke er plads i 4. klasse.\n\nKlagevejledning\nHvis I er uenige i afgørelsen, "
                                  "kan I klage til Børne- og Skoleforvaltningen senest fire uger efter, at I har fået "
                                  "brevet." + SIGN, "afgoerelse"),
}


@pytest.mark.parametrize("name", ONE_SHAPE_EACH)
def test_one_letter_of_each_shape_gets_its_genre(name):
    text, expected = ONE_SHAPE_EACH[name]
    assert genre(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a request that names itself in the subject stays a request
    (HEAD + "Vedr.: Anmodning om dokumentation for udgifter\n\nKære Jonas Friis\n\nVi beder dig sende kvitteringer "
     "for dine udgifter til medicin senest den 1. juli 2026, så vi kan behandle din ansøgning om helbredstillæg."
     + SIGN, "anmodning"),
    # a receipt says the request will be handled
    (HEAD + "Emne: Vi har fået jeres anmodning\n\nKære forældre til Malthe\n\nTak for jeres anmodning om ekstra "
     "støttetimer. Vi behandler jeres anmodning, og I får svar senest den 20. august 2026." + SIGN, "kvittering"),
])
def test_requests_and_receipts_about_a_request_keep_their_genre(text, expected):
    assert genre(text) == expected


# --- 5. the reasons of a refusal: the law's condition in the passive ------------------------------------------------

REFUSAL = (HEAD + "Emne: Tilskud til høreapparat\n\nKære Erik Lund\n\nDin ansøgning om tilskud til et nyt høreapparat "
           "er ikke imødekommet.\n\nDu har købt høreapparatet den 3. april 2026.\n\nTilskuddet kan efter "
           "sundhedslovens § 74 kun ydes til høreapparater, som en øre-næse-halslæge har anbefalet, før de blev købt. "
           "Din anbefaling er dateret den 20. april 2026.\n\nKlagevejledning\nHvis du er uenig i afgørelsen, kan du "
           "klage til Sundhed og Omsorg senest fire uger efter, at du har fået brevet. Send klagen med Digital Post."
           + SIGN)


def test_the_laws_condition_in_the_passive_is_a_reason(nlp):
    assert findings(nlp, REFUSAL, "genre.afgoerelse-begrundelse", "afgoerelse") == []


def test_a_refusal_that_only_says_how_to_appeal_still_lacks_a_reason(nlp):
    text = REFUSAL.replace("Tilskuddet kan efter sundhedslovens § 74 kun ydes til høreapparater, som en "
                           "øre-næse-halslæge har anbefalet, før de blev købt. Din anbefaling er dateret den 20. april "
                           "2026.", "Du kan kun klage skriftligt.")
    assert text != REFUSAL
    assert len(findings(nlp, text, "genre.afgoerelse-begrundelse", "afgoerelse")) == 1


# --- 6. a place granted, with the old place ending as the new one begins --------------------------------------------

PLACE = (HEAD + "Emne: Ida kan begynde i Børnehaven Spiren den 1. august\n\nKære forældre til Ida\n\nVi har fundet en "
         "plads til Ida i Børnehaven Spiren, som I ønskede, og hun kan begynde mandag den 3. august 2026.\n\nIdas plads i "
         "Dagplejen Solbær stopper samtidig den 31. juli 2026.\n\nSvar os senest den 1. juni 2026, om I vil tage imod "
         "pladsen." + SIGN)


@pytest.mark.parametrize("rule", ["genre.afgoerelse-begrundelse", "genre.afgoerelse-regler", "genre.klagevejledning"])
def test_a_place_granted_while_the_old_one_ends_needs_no_refusal_parts(nlp, rule):
    assert findings(nlp, PLACE, rule, "afgoerelse") == []


def test_a_place_stopped_for_a_reason_is_still_a_refusal(nlp):
    text = PLACE.replace("Idas plads i Dagplejen Solbær stopper samtidig den 31. juli 2026.",
                         "Idas plads i Dagplejen Solbær stopper den 31. juli 2026, fordi I skylder betaling for tre "
                         "måneder.")
    assert text != PLACE
    assert len(findings(nlp, text, "genre.klagevejledning", "afgoerelse")) == 1


# --- 7. a timetable is no summons -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    # the times of a bus, with no meeting, visit or appointment
    (HEAD + "Emne: Rasmus kan køre med skolebussen\n\nKære forældre til Rasmus\n\nRasmus kan køre gratis med "
     "skolebussen fra den 11. august 2026. Bussen kører fra Kirkebyvej kl. 7.15 og kører hjem fra skolen kl. 13.05 "
     "og kl. 14.10."
     + SIGN, "orientering"),
    # a summons with one time and one meeting word keeps its genre
    (HEAD + "Emne: Samtale om Rasmus' skolestart\n\nKære forældre til Rasmus\n\nVi vil gerne holde et møde med jer "
     "tirsdag den 11. august 2026 kl. 8.15 på skolens kontor." + SIGN, "indkaldelse"),
    # a moved appointment: the two times open the letter, the meeting is told further down
    (HEAD + "Emne: Ny tid\n\nKære Inge Bak\n\nDin tid onsdag den 3. juni kl. 9.00 er flyttet til torsdag den 4. juni "
     "kl. 11.15.\n\nVi skal holde en samtale om din genoptræning i Træningscentret, Torvet 3. Kan du ikke komme, så "
     "ring til os." + SIGN, "indkaldelse"),
    # a home visit at a time keeps its genre
    (HEAD + "Emne: Besøg af hjemmeplejen\n\nKære Inge Bak\n\nVi kommer på besøg hos dig onsdag den 12. august 2026 "
     "kl. 10.00 for at tale om din hjælp. Hvis tiden ikke passer, kan du ringe til os kl. 8-9." + SIGN, "indkaldelse"),
])
def test_times_alone_are_a_timetable_not_a_summons(text, expected):
    assert genre(text) == expected


# --- 8. a case that waits for the reader; a grant once, as background ---------------------------------------------

@pytest.mark.parametrize("text,expected", [
    # the grant once, as the background of news: information
    (HEAD + "Emne: Nye regler for tilskud til fritidsaktiviteter\n\nKære Lene Bech\n\nDu har fået tilskud til Jonas' "
     "svømmeskole i år. Fra 1. januar 2027 søger man tilskuddet på kommunens hjemmeside i stedet for på papir."
     + SIGN, "orientering"),
    (HEAD + "Emne: Vi mangler et foto til dit parkeringskort\n\nKære Ib Kjær\n\nVi kan ikke færdigbehandle din "
     "ansøgning om parkeringskort til handicapbil endnu, fordi fotoet er utydeligt. Vi har brug for et nyt foto "
     "senest den 1. juni 2026." + SIGN, "anmodning"),
    # a case not handled because of the reader's situation is a refusal
    (HEAD + "Emne: Din ansøgning om parkeringskort\n\nKære Ib Kjær\n\nVi kan ikke behandle din ansøgning om "
     "parkeringskort, fordi du ikke bor i Ravnsø Kommune.\n\nKlagevejledning\nHvis du er uenig i afgørelsen, kan du "
     "klage til Ankestyrelsen senest fire uger efter, at du har fået brevet." + SIGN, "afgoerelse"),
])
def test_a_case_waiting_for_the_reader_is_a_request(text, expected):
    assert genre(text) == expected
