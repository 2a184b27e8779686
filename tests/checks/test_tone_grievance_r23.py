"""Tone rules, session 23: reproach and lecturing in a writer's own words. Our own sentences from other areas
(genbrug, tandpleje, vej og park, hjemmepleje, skole, bibliotek, byggesag, dagtilbud), each next to hard negatives
that reuse the same words fairly.

bebrejdelse:
- an old grievance brought up: told before "uden at" the reader reacted or it changed anything, "ikke første gang"
  about the reader's complaints or the trouble their things give (or alone, after the reader's lapse), a lapse
  "noteret" (``_old_grievance``);
- insinuation: "hvilket jo ikke passer med din …", "Du har jo også …", "Det er jo netop derfor, der er …",
  hindsight ("… kunne man vel have regnet ud"), the reader's sincerity doubted (``_insinuated_fault``);
- the others who cope set against the reader ("Andre … får det alligevel til at fungere", ``_others_cope``);
- our effort made the reader's fault, the reader's work judged "langt fra fyldestgørende" (``_effort_blamed``).
belaering (``_moral_advice``): "Man kommer ikke langt, hvis man ikke …", unasked advice about the reader's own affairs
("Måske kunne man overveje at tale med sin …"), "Det er vigtigt at huske på, at kommunens midler …", "… i stedet for
at gå direkte til kommunen", "… burde ikke være nogen hemmelighed".
The real pipeline with the learned model switched off, so the rules alone are tested."""
from __future__ import annotations

import pytest

from test_tone_reproach_r17 import _family, letter     # ``tone_findings``: tests/checks/conftest.py

REPROACH = [
    # an old grievance
    ("Du har tidligere fået en påmindelse om tandlægetiden uden at svare på den.",),
    ("Vi har allerede talt med dig om hækken to gange, uden at det har ført til nogen ændring.",),
    ("I har flere gange fået besked om parkeringen ved børnehaven uden at reagere.",),
    ("Det er ikke første gang, vi får en klage fra dig om skraldebilen.",),
    ("Det er ikke første gang, at grene fra Deres træ har givet gener på cykelstien.",),
    ("Din hund har igen været løs på legepladsen.", "Det er ikke første gang."),
    ("Vi har noteret os, at du tidligere har afbrudt to forløb hos misbrugscentret.",),
    ("Vi har noteret, at du igen kom for sent til holdtræningen, og vi forventer, at det ikke sker igen.",),
    ("Skemaet var desværre – som sidst – ikke underskrevet.",),
    ("Tilsynet har fundet rotter ved kompostbunken.", "Det er ikke første gang. Vi var der også i maj, og dengang "
     "blev du bedt om at dække bunken til."),
    ("Det er ikke første gang, der bliver klaget over trailerne på vejen, så det kan vel ikke komme bag på dig.",
     "Vi beder dig svare inden den 3. maj."),
    ("Kommunen bemærker, at De allerede har solgt bilen, inden De fik svar, og det må De selv stå inde for.",),
    # insinuation
    ("Du har jo også en el-scooter, som du fik bevilget sidste år.",),
    ("Hjemmeplejen har set dig gå tur med hunden, hvilket jo ikke passer med din oplysning om, at du ikke kan gå "
     "ud.",),
    ("Det er ærgerligt at få en bøde, men det er jo netop derfor, der står skilte ved skolen.",),
    ("At naboen ville klage over carporten, kunne man vel have regnet ud.",),
    ("Det havde været en fordel, hvis De havde læst lokalplanen, før De byggede skuret.",),
    ("Vi har svært ved at se, at du tager dit praktikforløb alvorligt.",),
    # others who cope
    ("Andre forældre i klassen har også job og små børn og når det alligevel.",),
    ("Det er en opgave, de fleste grundejere løfter uden problemer.",),
    # our effort
    ("Vi har allerede brugt flere timer på dit skema, og det var langt fra udfyldt korrekt.",),
    ("Din byggeansøgning var langt fra fyldestgørende.",),
]

FAIR = [
    # our letters named neutrally, an overview, the reader's own good reasons
    ("Vi har tidligere sendt dig et brev den 4. marts om din boligstøtte.",),
    ("Det er ikke første gang, vi skriver om denne sag, så her er et overblik over den.",),
    ("Det er ikke første gang, at du søger om tilskud, så du kender skemaet.",),
    ("Det er ikke første gang, du oplever problemer med at logge på, og det beklager vi.",),
    ("Tak for din ansøgning.", "Det er ikke første gang."),
    ("Du har tidligere fået tilskud til briller uden at skulle søge igen.",),
    ("Vi har tidligere talt med jer om Emils skolevej, uden at vi fandt en løsning, og derfor foreslår vi et møde.",),
    ("Vi har noteret, at du ikke kan komme den 3. maj, og vi sender dig en ny tid.",),
    ("Vi har noteret os, at du ikke har deltaget i de to sidste møder med din mentor.",),
    ("Skemaet var ikke underskrevet, så vi sender det retur.",),
    ("Det er ikke første gang, at du har problemer med at logge på, så vi sender dig en kode med posten.",),
    ("Vi har besøgt dig i dag.", "Det er ikke første gang. Vi ses igen om en måned."),
    ("Det må du selv bestemme, og vi hjælper gerne.",),
    # "jo" in friendly speech, a right, empathy
    ("Du er jo velkommen til at ringe, hvis du har spørgsmål.",),
    ("Du har jo også ret til at klage over afgørelsen.",),
    ("I har jo også travlt med flytningen, så vi giver jer en uge mere.",),
    ("Beløbet stemmer ikke med din lønseddel, så vi har rettet det.",),
    ("Det er jo netop derfor, vi har lavet en ny vejledning.",),
    ("Det kunne du jo ikke have vidst, og vi har derfor annulleret gebyret.",),
    ("Det kunne vi godt have forudset, og det beklager vi.",),
    ("Det havde været en fordel, hvis vi havde sendt brevet tidligere.",),
    ("Vi har svært ved at se, hvordan vi kan hjælpe dig, før vi kender din økonomi.",),
    # others as an offer or reassurance
    ("Andre forældre har haft glæde af kurset, og du kan tilmelde dig på skolens hjemmeside.",),
    ("De fleste børn vænner sig hurtigt til den nye stue.",),
    ("De fleste klarer skemaet uden problemer, men ring endelig, hvis du vil have hjælp.",),
    # our own effort or our own work
    ("Vi har brugt ekstra tid på din sag, fordi vi ville være sikre på, at du får det rigtige beløb.",),
    ("Vores vejledning var langt fra god nok, og det beklager vi.",),
    ("Vi har allerede brugt tid på at se på din sag, og vi regner med at være færdige i næste uge.",),
]

LECTURE = [
    ("Man kommer ikke langt i skolen, hvis man ikke laver sine lektier.",),
    ("Måske kunne man overveje at spørge sin familie om hjælp til haven.",),
    ("Det er vigtigt at huske på, at kommunens budget skal dække alle borgere.",),
    ("Vi vil anbefale, at du selv taler med udlejeren i stedet for at gå direkte til os.",),
    ("Reglerne står på hjemmesiden, så det burde ikke være nogen hemmelighed.",),
    ("Der er lang ventetid på en plads i aflastning. Det bør I have forståelse for.",),
    ("Vi forventer, at du næste gang afleverer bøgerne til tiden.",),
]

NO_LECTURE = [
    ("Man kan overveje at søge om enkeltydelse, hvis udgiften er uforudset.",),
    ("Måske kunne man også søge om et tilskud til briller.",),
    ("Man kunne overveje at holde mødet hjemme hos jer.",),
    ("Man kommer ikke langt i bil i den gamle bydel, så tag gerne bussen.",),
    ("Det er vigtigt, at du tager medicinen hver dag, så du ikke får ondt.",),
    ("Det er vigtigt at huske på, at du kan klage over afgørelsen.",),
    ("Det er vigtigt at huske, at man kan klage over afgørelsen.",),
    ("Du kan også skrive til os på mail i stedet for at ringe til os.",),
    ("Det er ingen hemmelighed, at vi mangler pædagoger i år.",),
    ("Man skal huske at medbringe sit sygesikringskort, når man kommer til tandlægen.",),
    ("Vi har forståelse for, at ventetiden er lang, og vi beklager den.",),
    ("Vi forventer, at du får svar inden for fire uger.",),
    ("Vi forventer at kunne give dig en tid næste gang, vi har ledige pladser.",),
]


@pytest.mark.parametrize("paragraphs", REPROACH)
def test_reproach_shape_is_found(tone_findings, paragraphs):
    assert _family(tone_findings(letter(*paragraphs)), "bebrejdelse")


@pytest.mark.parametrize("paragraphs", FAIR)
def test_same_words_without_reproach(tone_findings, paragraphs):
    assert not _family(tone_findings(letter(*paragraphs)), "bebrejdelse")


@pytest.mark.parametrize("paragraphs", LECTURE)
def test_lecture_shape_is_found(tone_findings, paragraphs):
    assert _family(tone_findings(letter(*paragraphs)), "belaering")


@pytest.mark.parametrize("paragraphs", NO_LECTURE)
def test_same_words_without_lecture(tone_findings, paragraphs):
    assert not _family(tone_findings(letter(*paragraphs)), "belaering")
