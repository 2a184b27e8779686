"""Threat and lecture rules, round 17 (blind review 16b): a conditional sanction in everyday words (out of a service, a
place lost, the case passed on, someone else told about the reader, a cost put on the reader) told before any help; a
bare block of the reader's card or benefit as the letter's news, or the reader's service stopping, told before the
way out (the order rule); a duty put on the reader's family ("Det påhviler de
pårørende at …"). Our own sentences and letters from other areas (du, De and I form), each shape next to hard
negatives that use the same verbs fairly. The real pipeline with the learned model switched off, so the rules alone
are tested."""
from __future__ import annotations

import pytest

from tone_families import families  # noqa: F401  (the fixture)

HEAD = "Solrød Kommune\nBørn og Kultur\nSolrød Center 1, 2680 Solrød\n\n"
END = "\n\nMed venlig hilsen\n\nMarie Lund\nKonsulent"


def letter(*paragraphs: str, greeting: str = "Kære Line og Søren Holm") -> str:
    return HEAD + greeting + "\n\n" + "\n\n".join(paragraphs) + END


HELP_LATER = "Ring til mig på 56 18 20 00, hvis I har brug for hjælp, så finder vi en løsning sammen."

# ---------------------------------------------------------------- cold: (letter, family expected)

COLD = [
    # out of a service, with the help only in a later paragraph
    (letter("Sofie har ikke været til klaverundervisning de sidste tre tirsdage.",
            "Hvis Sofie ikke kommer til undervisningen de næste to gange, bliver hun meldt ud af musikskolen.",
            HELP_LATER), "trussel"),
    # the case passed on and the family told, with no help at all before it
    (letter("Jonas har været fraværende 14 dage i dette skoleår uden besked til skolen.",
            "Hvis Jonas fortsat ikke møder i skole, sender vi sagen videre til Børne- og Familieafdelingen.",
            HELP_LATER), "trussel"),
    (letter("Vi har indkaldt Dem til en opfølgningssamtale om Deres sygemelding den 4. juni.",
            "Deltager De ikke i samtalen, bliver Deres arbejdsgiver orienteret.",
            "Ring til mig på 56 18 20 00, hvis De ikke kan komme, så finder vi en anden tid.",
            greeting="Kære Bent Olsen"), "trussel"),
    # the matter passed on after a repeat, the help only in the next paragraph
    (letter("Vi har igen fået klager over, at din hund gøer i mange timer, når du ikke er hjemme.",
            "Sker det igen, bliver sagen sendt videre til Miljøtilsynet.",
            "Ring til os på 56 18 20 00, hvis du vil tale om, hvad du kan gøre.", greeting="Kære Per Dahl"), "trussel"),
    (letter("Malthe var ikke i fritidsklubben mandag og onsdag, og I havde ikke meldt afbud.",
            "Udebliver Malthe igen uden afbud, bliver han skrevet ud af klubben, og I må selv finde pasning om eftermiddagen.",
            HELP_LATER), "trussel"),
    # a cost left to the reader after a lapse (the sentence passive: "er ikke afleveret" is a lapse, not a state)
    (letter("Hvis madkassen ikke er afmeldt inden fredag kl. 12, må du selv betale for maden i ugen.",
            "Du kan afmelde den på solrod.dk.", "Ring til os, hvis du har spørgsmål.", greeting="Kære Per Dahl"),
     "trussel"),
    # a bare block as news, before the request and the way to lift it (the order rule)
    (letter("Dit parkeringskort til havnen er spærret.",
            "Du skal betale 800 kr. for 2025 senest den 1. maj.",
            "Når vi har fået pengene, kan du bruge kortet igen. Ring til os, hvis du har brug for hjælp til at betale.",
            greeting="Kære Per Dahl"), "raekkefoelge"),
    # the reader's service stops, told first with a capital possessive, before the request it backs
    (letter("Din hjælp til indkøb ophører den 1. maj.",
            "Du skal betale 240 kr. for april senest den 20. april.",
            "Ring til os på 56 18 20 00, hvis du har brug for hjælp til at betale.", greeting="Kære Per Dahl"),
     "raekkefoelge"),
    # a duty put on the reader's family
    (letter("Vi har modtaget opsigelsen af din mors bolig på Solgården.",
            "Det påhviler familien at aflevere nøglerne til boligen senest den 30. juni.", greeting="Kære Per Dahl"),
     "belaering"),
    (letter("Vi har fået besked om, at din far er død, og vi sender dig vores medfølelse.",
            "Det påhviler de efterladte at tømme lejligheden inden den 1. august.", greeting="Kære Per Dahl"),
     "belaering"),
]


@pytest.mark.parametrize("text,family", COLD, ids=range(len(COLD)))
def test_cold_sanction_in_everyday_words_is_found(families, text, family):
    assert family in families(text)


# ---------------------------------------------------------------- hard negatives: the same verbs, fairly told

FAIR = [
    # a reason and help right after it
    letter("Hvis Sofie ikke kommer til undervisningen de næste to gange, bliver hun meldt ud af musikskolen, fordi mange "
           "børn står på venteliste.", "Ring til mig, hvis der er noget, der gør det svært for hende at komme."),
    # the help comes first, then the consequence
    letter("Ring til os på 56 18 20 00, hvis I har brug for hjælp til at få Malthe af sted om morgenen.",
           "Udebliver Malthe igen uden afbud, bliver han skrevet ud af klubben."),
    # neutral information: a place falls free, the case passed on to help, the school calls the parents
    letter("Pladsen bliver ledig, når Malthe fylder 10 år, og så melder vi ham ud af fritidsklubben.",
           "I får et brev om fritidsklubben for de ældre børn i god tid."),
    letter("Vi sender sagen videre til Børne- og Familieafdelingen, så de kan hjælpe jer med at finde en aflastningsfamilie."),
    letter("Hvis Emma ikke er mødt i skole kl. 8.15, kontakter skolen jer samme morgen, så I ved, at hun ikke er kommet."),
    letter("Hvis du ikke kan komme til samtalen, kontakter vi din værge, så hun kan hjælpe dig med at finde en ny tid.",
           greeting="Kære Per Dahl"),
    # a fact we report, the reader's own wish, the appeal's next step
    letter("Vi har sendt sagen videre til Børne- og Familieafdelingen, fordi I bad om hjælp til Jonas."),
    letter("Hvis I ikke ønsker, at Emil skal fortsætte, melder vi ham ud af tandplejen, og I kan vælge en privat tandlæge."),
    letter("Hvis vi ikke giver dig medhold, sender vi sagen videre til Ankestyrelsen.", greeting="Kære Per Dahl"),
    # a charge with its reason, a condition that is a state, not a lapse
    letter("Hvis affaldet igen står på fortovet, fjerner vi det for din regning, fordi det spærrer for gående og "
           "barnevogne.", "Ring til os, hvis du har svært ved at komme af med det.", greeting="Kære Per Dahl"),
    letter("Hvis du ikke har et sundhedskort, må du selv betale for besøget og søge om at få pengene igen.",
           "Du kan bestille et nyt kort på borger.dk.", greeting="Kære Per Dahl"),
    # a block that protects the reader, a block with its way out, a block until the reader acts
    letter("Du har meldt dit betalingskort til svømmehallen stjålet.", "Dit gamle kort er spærret.",
           "Du får et nyt kort med posten i næste uge.", greeting="Kære Per Dahl"),
    letter("Dit parkeringskort er inddraget.", "Du kan få det igen, når bilen er synet.", greeting="Kære Per Dahl"),
    letter("Dit lånerkort er spærret, indtil du har afleveret de to bøger.", "Ring til os, hvis du har spørgsmål.",
           greeting="Kære Per Dahl"),
    # a duty that is not the reader's family's, or that is lifted from them
    letter("Det påhviler ikke de pårørende at betale for flytningen, det gør kommunen.", greeting="Kære Per Dahl"),
    letter("Det påhviler plejecentret at sørge for flytningen af dine møbler.", greeting="Kære Per Dahl"),
]


@pytest.mark.parametrize("text", FAIR, ids=range(len(FAIR)))
def test_fair_consequence_is_no_threat(families, text):
    got = families(text)
    assert not {"trussel", "belaering", "raekkefoelge"} & got, sorted(got)
