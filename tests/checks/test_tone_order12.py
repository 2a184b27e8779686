"""The order family (``anerkendende-tone.raekkefoelge``), letter level: after the facts, the letter's first word to
the reader is the threat, in a paragraph of its own, and the help or the way forward comes only in a later paragraph.

Whole letters in De- and du-form written for this file (opkrævning, dagtilbud, affald, parkering, madservice), each
with respectful variants of the same matter: the help or the request first, the way out in the threat's own
paragraph or the sentence after it, a consequence that is only information, or only a "Har De spørgsmål" closing.
Real pipeline.
"""
from __future__ import annotations

import pytest

from letterlab.core import analyse

ORDER = "anerkendende-tone.raekkefoelge"


def _letter(name: str, unit: str, *paragraphs: str) -> str:
    return f"Kære {name}\n\n" + "\n\n".join(paragraphs) + f"\n\nMed venlig hilsen\n\n{unit}\nStrandby Kommune"


def _order_found(nlp, text: str) -> bool:
    return any(f.rule == ORDER for f in analyse(text, nlp=nlp).findings)

# the threat's paragraph stands before the help or the way forward
THREAT_PARAGRAPH_FIRST = {
    "rykker_de": _letter("Hans Jensen", "Opkrævningen",
        "Vi har endnu ikke modtaget betaling for regningen på 1.240 kr. for rottebekæmpelse, som forfaldt den "
        "1. april.",
        "Hvis beløbet ikke er betalt senest den 15. maj, sendes kravet til inkasso. Det vil give ekstra "
        "omkostninger for Dem.",
        "Beløbet kan betales med MobilePay eller overføres til konto 1234-5678901.",
        "Kontakt os, hvis De ikke kan betale hele beløbet på én gang. Så kan vi lave en aftale om afdrag."),
    "rykker_de2": _letter("Inge Madsen", "Opkrævningen",
        "Deres regning for vinterbekæmpelse på Fasanvej 4 er ikke betalt. Beløbet er 2.150 kr.",
        "Betaler De ikke inden den 10. juni, overdrager vi kravet til Gældsstyrelsen, og der bliver lagt "
        "renter og gebyrer oven i.",
        "Ønsker De at lave en betalingsaftale, er De velkommen til at ringe til os på 44 12 34 56."),
    "dagtilbud_de": _letter("Mette Holm", "Pladsanvisningen",
        "Vi har ikke modtaget betaling for Deres datters plads i børnehaven Solsikken for marts og april.",
        "Hvis restancen ikke er betalt inden den 1. juni, mister De pladsen, og Deres datter bliver meldt ud "
        "af børnehaven.",
        "De kan beholde pladsen ved at betale beløbet eller ved at lave en betalingsaftale med os. Ring til "
        "pladsanvisningen på 44 20 30 40."),
    "dagtilbud_de2": _letter("Peter Lund", "Dagplejekontoret",
        "Deres søn Oskar har ikke været i dagplejen siden den 3. marts, og vi har ikke hørt fra Dem.",
        "Pladsen bliver opsagt og givet til et andet barn, hvis vi ikke hører fra Dem inden den 20. marts.",
        "Ønsker De at beholde pladsen, skal De blot give dagplejekontoret besked. Vi kan også tale om, "
        "hvordan Oskar kan komme godt i gang igen."),
    "affald_de": _letter("Jens Berg", "Affald og Genbrug",
        "Ved tømningen den 3. maj var der byggeaffald i Deres beholder til restaffald.",
        "Sker det igen, opkræver vi et gebyr på 350 kr., og beholderen bliver ikke tømt.",
        "I affaldsguiden på kommunens hjemmeside kan De se, hvordan De sorterer affaldet. Ring til Affald og "
        "Genbrug på 44 55 66 77, hvis De er i tvivl."),
    "affald_du": _letter("Sara", "Affald og Genbrug",
        "Vi har set, at der står tre sække med haveaffald ved din carport ud mod fortovet.",
        "Hvis sækkene ikke er fjernet inden den 20. juni, fjerner vi dem for din regning.",
        "Du kan aflevere haveaffald gratis på genbrugspladsen, eller bestille afhentning på kommunens "
        "hjemmeside. Ring til os, hvis du har spørgsmål."),
    "parkering_de": _letter("Ole Krogh", "Vej og Park",
        "Deres campingvogn har stået på parkeringspladsen ved Torvet i mere end fire uger.",
        "Hvis vognen ikke er flyttet inden den 1. juli, fjerner vi den for Deres regning.",
        "De kan søge om tilladelse til at parkere vognen i længere tid på kommunens hjemmeside. Ring gerne "
        "til os på 44 33 22 11, hvis De har spørgsmål."),
    "parkering_de2": _letter("Lis Winther", "Parkering",
        "De har holdt i beboerzonen på Kirkestræde flere gange uden en beboerlicens.",
        "Parkerer De igen i zonen uden licens, får De en afgift på 510 kr., og bilen bliver fjernet for Deres "
        "regning.",
        "Som beboer kan De søge en beboerlicens på kommunens hjemmeside. Den koster 200 kr. om året."),
    "madservice_de": _letter("Erna Poulsen", "Madservice",
        "Vi har endnu ikke modtaget betaling for Deres madservice for februar og marts, i alt 2.860 kr.",
        "Hvis beløbet ikke er betalt senest den 1. maj, bliver leveringen af mad stoppet uden yderligere "
        "varsel, og kravet sendes til inkasso.",
        "Vi vil gerne hjælpe Dem med at lave en betalingsaftale, så De kan blive ved med at få maden. Ring "
        "til os på 44 66 77 88."),
    "madservice_du": _letter("Karl", "Hjemmeplejen",
        "Du skylder 1.720 kr. for madservice i januar og februar.",
        "Betaler du ikke beløbet, stopper vi leveringen af dine måltider fra den 1. april. Kravet bliver også "
        "sendt til inddrivelse.",
        "Du kan lave en aftale om at betale i mindre rater. Kontakt Tina i hjemmeplejens kontor på 44 77 88 "
        "99."),
}

# the same matters in a good order, or with the consequence answered at once, or only informative
HELP_FIRST_OR_ANSWERED = {
    "rykker_help_first": _letter("Hans Jensen", "Opkrævningen",
        "Vi har endnu ikke modtaget betaling for regningen på 1.240 kr. for rottebekæmpelse, som forfaldt den "
        "1. april.",
        "Beløbet kan betales med MobilePay eller overføres til konto 1234-5678901. Kontakt os, hvis De ikke "
        "kan betale hele beløbet på én gang. Så kan vi lave en aftale om afdrag.",
        "Hvis vi hverken har fået betalingen eller hørt fra Dem inden den 15. maj, sendes kravet til inkasso."),
    "rykker_way_out_next": _letter("Inge Madsen", "Opkrævningen",
        "Deres regning for vinterbekæmpelse på Fasanvej 4 er ikke betalt. Beløbet er 2.150 kr.",
        "Betaler De ikke inden den 10. juni, overdrager vi kravet til Gældsstyrelsen. Det kan De undgå ved at "
        "ringe til os og lave en betalingsaftale.",
        "Vi træffes på 44 12 34 56 alle hverdage."),
    "dagtilbud_request_first": _letter("Mette Holm", "Pladsanvisningen",
        "Vi har ikke modtaget betaling for Deres datters plads i børnehaven Solsikken for marts og april.",
        "Vi beder Dem betale beløbet inden den 1. juni, eller ringe til os, så vi kan lave en "
        "betalingsaftale. Pladsanvisningen har telefon 44 20 30 40.",
        "Hvis vi ikke hører fra Dem, mister De pladsen."),
    "dagtilbud_informative": _letter("Peter Lund", "Pladsanvisningen",
        "Deres søn Oskar har fået plads i børnehaven Solsikken fra den 1. august.",
        "Hvis De flytter fra kommunen, ophører pladsen ved udgangen af den måned, De flytter. Pladsen kan "
        "siges op med en måneds varsel.",
        "Ring til pladsanvisningen på 44 20 30 40, hvis De har spørgsmål."),
    "affald_help_first": _letter("Jens Berg", "Affald og Genbrug",
        "Ved tømningen den 3. maj var der byggeaffald i Deres beholder til restaffald.",
        "I affaldsguiden på kommunens hjemmeside kan De se, hvordan De sorterer affaldet. Ring til Affald og "
        "Genbrug på 44 55 66 77, hvis De er i tvivl.",
        "Er der igen byggeaffald i beholderen, opkræver vi et gebyr på 350 kr."),
    "affald_fee_info": _letter("Sara", "Affald og Genbrug",
        "Fra den 1. januar opkræver vi et gebyr på 120 kr. for hver ekstra tømning af din beholder.",
        "Du bestiller ekstra tømning på kommunens hjemmeside eller ved at ringe til os på 44 55 66 77.",
        "Tømning efter den faste plan koster ikke ekstra."),
    "parkering_permit_first": _letter("Ole Krogh", "Vej og Park",
        "Deres campingvogn har stået på parkeringspladsen ved Torvet i mere end fire uger.",
        "De kan søge om tilladelse til at parkere vognen i længere tid på kommunens hjemmeside. Ring gerne "
        "til os på 44 33 22 11, hvis De har spørgsmål.",
        "Står vognen der uden tilladelse efter den 1. juli, fjerner vi den for Deres regning."),
    "parkering_same_sentence": _letter("Lis Winther", "Parkering",
        "De har holdt i beboerzonen på Kirkestræde flere gange uden en beboerlicens.",
        "Hvis De ikke har søgt en beboerlicens inden den 1. juni, får De en afgift, næste gang De holder i "
        "zonen. Licensen søger De på kommunens hjemmeside, og vi hjælper gerne, hvis De ringer på 44 33 22 "
        "11.",
        "Licensen koster 200 kr. om året."),
    "madservice_plan_first": _letter("Erna Poulsen", "Madservice",
        "Vi har endnu ikke modtaget betaling for Deres madservice for februar og marts, i alt 2.860 kr.",
        "Vi vil gerne hjælpe Dem med at lave en betalingsaftale, så De kan blive ved med at få maden. Ring "
        "til os på 44 66 77 88.",
        "Hvis vi ikke har fået betalingen eller hørt fra Dem inden den 1. maj, bliver leveringen stoppet, og "
        "kravet sendes til inkasso."),
    "madservice_reason_next": _letter("Karl", "Hjemmeplejen",
        "Du skylder 1.720 kr. for madservice i januar og februar.",
        "Betaler du ikke beløbet, stopper vi leveringen af dine måltider fra den 1. april. Det kan du undgå "
        "ved at lave en aftale om at betale i mindre rater.",
        "Kontakt Tina i hjemmeplejens kontor på 44 77 88 99."),
    "dagtilbud_decision": _letter("Mette Holm", "Pladsanvisningen",
        "Deres datters plads i børnehaven Solsikken ophører den 31. juli, fordi hun begynder i skole den 1. "
        "august.",
        "De skal ikke gøre noget. Betalingen stopper af sig selv.",
        "Ring til pladsanvisningen på 44 20 30 40, hvis De har spørgsmål."),
    "parkering_info_fine": _letter("Ole Krogh", "Vej og Park",
        "Tak for Deres ansøgning om en beboerlicens til Kirkestræde. De får licensen fra den 1. maj.",
        "Licensen gælder kun i zone B. Holder De i zone A, kan De få en afgift som alle andre bilister.",
        "Ring gerne til os på 44 33 22 11, hvis De har spørgsmål."),
    "rykker_answered_next_par": _letter("Inge Madsen", "Opkrævningen",
        "Deres regning for vinterbekæmpelse på Fasanvej 4 er ikke betalt. Beløbet er 2.150 kr.",
        "Betaler De ikke inden den 10. juni, sender vi kravet til inkasso.",
        "Det kan De undgå ved at betale eller ved at ringe til os og lave en aftale om afdrag på 44 12 34 56."),
    "parkering_generic_close": _letter("Ole Krogh", "Vej og Park",
        "Deres campingvogn har stået på parkeringspladsen ved Torvet i mere end fire uger. Det er mere end de "
        "14 dage, skiltet tillader.",
        "Hvis vognen ikke er flyttet inden den 1. juli, fjerner vi den for Deres regning.",
        "Har De spørgsmål, er De velkommen til at ringe til os på 44 33 22 11."),
    "madservice_request_first": _letter("Erna Poulsen", "Madservice",
        "Vi har endnu ikke modtaget betaling for Deres madservice for februar og marts, i alt 2.860 kr. Vi "
        "beder Dem betale beløbet inden den 1. maj.",
        "Hvis beløbet ikke er betalt, bliver leveringen stoppet.",
        "Ring til os på 44 66 77 88, hvis De har svært ved at betale. Så laver vi en betalingsaftale."),
    "affald_same_par_help": _letter("Jens Berg", "Affald og Genbrug",
        "Ved tømningen den 3. maj var der byggeaffald i Deres beholder til restaffald.",
        "Sker det igen, opkræver vi et gebyr på 350 kr. Ring til os på 44 55 66 77, hvis De er i tvivl om, "
        "hvordan De sorterer.",
        "Byggeaffald kan afleveres gratis på genbrugspladsen."),
    # a request before the threat in the passive, a change in the reader's situation, a risk ("kan")
    "rykker_passive_request_first": _letter("Hans Jensen", "Opkrævningen",
        "Vi har endnu ikke modtaget betaling for regningen på 1.240 kr. for rottebekæmpelse. Beløbet bedes "
        "indbetalt senest den 15. maj.",
        "Hvis beløbet ikke er betalt, sendes kravet til inkasso.",
        "Kontakt os, hvis De ikke kan betale hele beløbet på én gang."),
    "parkering_passive_request_first": _letter("Ole Krogh", "Vej og Park",
        "Deres campingvogn har stået på parkeringspladsen ved Torvet i mere end fire uger. Vognen skal "
        "flyttes inden den 1. juli.",
        "Hvis den ikke er flyttet, fjerner vi den for Deres regning.",
        "De kan søge om tilladelse til at parkere vognen i længere tid på kommunens hjemmeside."),
    "madservice_state_change": _letter("Erna Poulsen", "Madservice",
        "De får madservice tre dage om ugen, fordi De har svært ved at lave mad selv.",
        "Hvis De ikke længere har brug for hjælp til maden, stopper leveringen.",
        "De kan altid ringe til visitationen på 44 66 77 88 og få talt om Deres behov."),
    "dagtilbud_hedged": _letter("Mette Holm", "Pladsanvisningen",
        "Vi har ikke modtaget betaling for Deres datters plads i børnehaven Solsikken for marts og april.",
        "Hvis restancen ikke bliver betalt, kan De miste pladsen.",
        "De kan beholde pladsen ved at betale beløbet eller ved at lave en betalingsaftale med os."),
}


@pytest.mark.parametrize("name", THREAT_PARAGRAPH_FIRST)
def test_the_threat_paragraph_before_the_help(nlp, name):
    assert _order_found(nlp, THREAT_PARAGRAPH_FIRST[name])


@pytest.mark.parametrize("name", HELP_FIRST_OR_ANSWERED)
def test_help_first_or_the_threat_answered_is_silent(nlp, name):
    assert not _order_found(nlp, HELP_FIRST_OR_ANSWERED[name])
