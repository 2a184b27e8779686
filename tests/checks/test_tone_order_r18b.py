"""The order family (``anerkendende-tone.raekkefoelge``), round 18b: the threat before the request it backs when the
request is not an imperative (a passive with a deadline, "De bedes …", "Du kan betale via …", a summons' time and
place), an "unless" clause on paying first, and the request, then a certain or cold sanction, then the help only in a
later paragraph ("Ved fornyet overtrædelse opkræves …"). Each shape next to hard negatives in the same words: the
request first and a consequence we cannot help, a threat answered at once, the reader's own choice or changed
situation, a hearing, a schedule, a decision with its reason. Shapes and sentences of our own (opkrævning, fritid,
jobcenter, hjælpemidler, vej og park, bibliotek, hundehold, SFO). The real pipeline with the learned model switched
off, so the rules alone are tested."""
from __future__ import annotations

import pytest

# ``tone_findings``: tests/checks/conftest.py


def letter(*paragraphs: str, sender: str = "Borgerservice") -> str:
    return "Kære Mette Berg\n\n" + "\n\n".join(paragraphs) + f"\n\nMed venlig hilsen\nJonas Vestergaard\n{sender}"


def _order(found) -> list:
    return [f for f in found if f[0] == "raekkefoelge"]


THREAT_THEN_REQUEST = [
    # the request as a passive with a deadline
    "Hvis regningen ikke er betalt, sender vi kravet til inddrivelse. Beløbet på 1.480 kr. for tandplejen skal betales "
    "senest den 20. juni.",
    "Tilskuddet til briller bliver krævet tilbage, hvis vi ikke får kvitteringen. Kvitteringen skal sendes til os "
    "senest den 1. oktober.",
    "Frokostordningen bliver opsagt, hvis betalingen for marts ikke er modtaget. Beløbet på 560 kr. bedes indbetalt "
    "senest den 10. april.",
    # the way to do it
    "Vandet bliver lukket den 1. december, hvis restancen ikke er betalt. Du kan betale via MobilePay på 12345 eller "
    "på konto 1234-5678901.",
    # the summons' time and place; a cut in the benefit in the plain order
    "Din kontanthjælp bliver nedsat, hvis du ikke kommer til samtalen. Samtalen er torsdag den 6. juni kl. 9.30 i "
    "Jobcenteret, Torvet 2.",
    # "unless" the reader pays, then the amount and the deadline
    "Din madordning bliver stoppet, medmindre du betaler det skyldige beløb. Beløbet er 740 kr. og skal betales "
    "senest den 1. april.",
    "Din parkeringslicens bliver inddraget, medmindre du betaler gebyret. Gebyret er 300 kr. og skal betales senest "
    "den 15. maj.",
]


@pytest.mark.parametrize("text", THREAT_THEN_REQUEST)
def test_threat_before_the_request_in_other_words(tone_findings, text):
    assert _order(tone_findings(text))


REQUEST_THREAT_HELP_LATER = [
    letter("Hækken ud mod cykelstien på Birkevej 12 er vokset ud over stien.",
           "De skal klippe hækken tilbage til skellet senest den 1. juli.",
           "Hvis hækken ikke er klippet, udfører kommunen arbejdet uden videre for Deres regning.",
           "Vi ved, at det kan være et stort arbejde. Vi vil gerne hjælpe Dem med at finde en gartner, der kan "
           "gøre det. Ring til Jonas på 70 12 12 12.", sender="Vej og Park"),
    letter("Du skal aflevere biblioteksbøgerne senest fredag.",
           "Ved gentagen overskridelse af lånetiden spærres dit lånerkort.",
           "Hvis du har svært ved at komme på biblioteket, kan vi hjælpe dig. Vi kan sende en bogbus forbi eller "
           "hente bøgerne hos dig.", sender="Biblioteket"),
    letter("Hunden skal holdes i snor i parken.",
           "Ved fornyet overtrædelse opkræves et gebyr på 500 kr.",
           "Vi vil gerne hjælpe dig med at finde en hundeskov i nærheden, hvor hunden må løbe frit. Ring til os på "
           "70 44 44 44.", sender="Park og Natur"),
]


@pytest.mark.parametrize("text", REQUEST_THREAT_HELP_LATER)
def test_request_then_threat_then_help_in_a_later_paragraph(tone_findings, text):
    assert _order(tone_findings(text))


RESPECTFUL = [
    # the request first, and a consequence we cannot help or a reminder after it
    "Send lønsedlerne senest den 1. maj. Hvis vi ikke får dem, kan vi ikke beregne din boligstøtte.",
    "Beløbet på 1.480 kr. skal betales senest den 20. juni. Hvis det ikke er betalt, sender vi en rykker. Ring til "
    "os, hvis du har brug for en betalingsaftale.",
    # the threat answered at once by help
    "Hvis De ikke sender tegningerne inden fristen, bliver sagen afgjort på det foreliggende grundlag. Ring til os, "
    "hvis De har brug for mere tid.",
    # the reader's own wish or changed situation, a consequence we cannot help, a negated one
    "Hvis du ikke længere ønsker madservice, stopper vi leverancen. Du kan give besked til os på 70 22 33 44.",
    "Hvis du ikke længere har brug for rollatoren, bliver den hentet. Du kan aflevere den i Hjælpemiddeldepotet.",
    "Vi lukker din sag, hvis du ikke længere bor i kommunen. Du kan sende os din nye adresse på mail.",
    "Hvis du ikke betaler, kan vi ikke sende varerne. Du kan betale via MobilePay på 12345.",
    "Din plads bliver ikke opsagt, hvis du betaler inden fredag. Du kan betale via MobilePay på 12345.",
    "Hvis du ikke kan komme til samtalen, flytter vi den. Samtalen er tirsdag den 4. marts kl. 10 i Jobcenteret.",
    # a hearing, a default ending, a decision with its reason, our own promise
    "Hvis vi ikke hører fra dig inden den 1. maj, træffer vi afgørelse ud fra de oplysninger, vi har. Du kan sende "
    "dine bemærkninger til os på mail.",
    "Pladsen i SFO ophører automatisk ved udgangen af juli, medmindre I søger om forlængelse. Ansøgningen skal "
    "sendes senest den 1. juni.",
    "Din boligstøtte bliver nedsat, fordi din indkomst er steget. Beløbet for januar skal betales tilbage senest den "
    "1. marts.",
    "Din plads i dagplejen ophører, når Emil starter i børnehave den 1. august. Du skal ikke gøre noget.",
    # the request, a hedged consequence answered in its paragraph, help later
    letter("Traileren på græsrabatten skal være fjernet senest den 1. juni, fordi rabatten skal slås.",
           "Hvis traileren ikke er fjernet, kan vi blive nødt til at fjerne den. Det vil vi helst undgå.",
           "Vi vil gerne hjælpe Dem med at finde en lovlig parkeringsplads. Ring til Jonas på 70 12 12 12."),
    letter("Du skal aflevere biblioteksbøgerne senest fredag.",
           "Hvis du ikke afleverer dem, kan vi ikke låne dem ud til andre.",
           "Hvis du har svært ved at komme på biblioteket, kan vi hjælpe dig. Vi kan hente bøgerne hos dig."),
    letter("Betal 1.200 kr. for madservice senest den 1. juni.",
           "Hvis beløbet ikke er betalt, stopper vi madservicen. Ring til os, hvis du har svært ved at betale, så "
           "finder vi en løsning.",
           "Vi ved, at det kan være en stor regning. Du kan også søge om hjælp hos Ydelsesservice."),
    # the request, a plain next step or our own step, help later
    letter("Send os lønsedlerne for marts og april senest den 15. maj.",
           "Hvis vi ikke har fået dem, sender vi dig en påmindelse.",
           "Har du spørgsmål, er du velkommen til at ringe til os på 70 44 44 44."),
    letter("Vi har brug for en kopi af din lejekontrakt senest den 1. juni.",
           "Hvis vi ikke har modtaget den, sender vi dig en påmindelse. Du kan også aflevere den i Borgerservice.",
           "Vi vil gerne hjælpe dig med at finde kontrakten frem. Ring til Hanne på 70 21 21 21."),
    letter("Du skal give hjemmeplejen adgang til din lejlighed, når de kommer.",
           "Hvis vi ikke træffer dig hjemme, ringer vi til dig for at høre, om alt er i orden.",
           "Vi vil gerne hjælpe dig med at finde et fast tidspunkt, der passer dig. Ring til Hanne på 70 21 21 21."),
]


@pytest.mark.parametrize("text", RESPECTFUL)
def test_good_order_and_no_threat_stay_quiet(tone_findings, text):
    assert not _order(tone_findings(text))
