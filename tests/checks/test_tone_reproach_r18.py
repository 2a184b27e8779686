"""Tone rules, round 18: reproach and lecturing in shapes the earlier rounds missed. Our own sentences from other
areas (bibliotek, parkering, renovation, haver og hække, dagpleje, jobcenter), each next to hard negatives that reuse
the same words where nobody is blamed or lectured.

- bebrejdelse: the reader's account doubted or waved aside ("Vi har svært ved at tro på din forklaring", "…, og vi må
  derfor gå ud fra, at oplysningen ikke var korrekt", "At De efter eget udsagn …, er uden betydning"); a broken promise
  thrown back ("…, selv om De lovede at …"); the reader's conduct judged unfair to the others; a problem on private
  ground brushed off as not our job; "burde … være Dem bekendt" with the years of experience between; "selv om det
  tydeligt fremgik" in the past tense; our staff's finding counted ("Det er tredje gang, at … må konstatere …").
- belaering: the duty of a role told about "man" or about "the driver"/"the owner" ("Som grundejer har man pligt til
  …", "Det er bilistens ansvar at orientere sig …"), "Vi har flere gange gjort det klart for Dem, at …", "Det
  forventes, at De fremover selv …".
The real pipeline with the learned model switched off, so the rules alone are tested."""
from __future__ import annotations

import pytest

from test_tone_reproach_r17 import _family, letter     # ``tone_findings``: tests/checks/conftest.py


# ---------------------------------------------------------------- the reader's word doubted or waved aside

@pytest.mark.parametrize("paragraphs", [
    ("Vi har svært ved at tro på din forklaring om, at regningen aldrig nåede frem.",),
    ("Vi tvivler på Deres oplysning om, at hunden var i snor.",),
    ("Du skrev, at du havde afleveret bøgerne, men det kan biblioteket ikke se, og vi må derfor antage, at "
     "oplysningen ikke var rigtig.",),
    ("De oplyste i telefonen, at skuret var fjernet, men vi må gå ud fra, at Deres oplysninger ikke er korrekte.",),
    ("At De efter Deres eget udsagn kun holdt ind for at læsse af, er uden betydning for afgørelsen.",),
])
def test_doubted_account_is_reproach(tone_findings, paragraphs):
    assert _family(tone_findings(letter(*paragraphs)), "bebrejdelse")


@pytest.mark.parametrize("paragraphs", [
    ("Vi tvivler ikke på din forklaring, og vi har annulleret afgiften.",),
    ("Vi har ingen grund til at tvivle på din forklaring, og vi har derfor annulleret gebyret.",),
    ("Vi tror på din forklaring om, at brevet ikke nåede frem, og sender det igen.",),
    ("Vi må gå ud fra, at de oplysninger, vi fik fra Skat, ikke var korrekte, og vi har rettet dem.",),
    ("Hvis oplysningen ikke var korrekt, skal du skrive til os, så retter vi den.",),
    ("Vi kan ikke se betalingen endnu. Har du betalt, så send os gerne kvitteringen.",),
    ("Efter eget udsagn har du boet på adressen siden 2019, og det stemmer med folkeregistret.",),
    ("Det er uden betydning for din boligstøtte, at din søn flytter hjemmefra.",),
    ("Du oplyste, at du havde betalt, og vi har nu fundet betalingen. Tak for det.",),
])
def test_account_taken_fairly_is_no_reproach(tone_findings, paragraphs):
    assert not _family(tone_findings(letter(*paragraphs)), "bebrejdelse")


# ---------------------------------------------------------------- a broken promise, the others, not our job

@pytest.mark.parametrize("sentence", [
    "Ved besøget så vi, at skuret stadig stod der, selv om De i marts lovede at fjerne det.",
    "Hækken er igen vokset ud over fortovet, selvom du lovede at klippe den hver sommer.",
    "Haven fremstår meget forsømt, og det er ikke rimeligt over for naboerne.",
    "Det er ikke rimeligt over for de andre forældre, at du henter Sofie for sent hver dag.",
    "Det er ikke kommunens opgave at fjerne væltede træer på privat grund.",
    "Det burde efter så mange år som vognmand være Dem bekendt, at læssepladsen er lukket om natten.",
    "Det burde efterhånden være dig bekendt, at containeren kun må stå der i tre dage.",
    "Vi fik ikke svar, selv om det tydeligt fremgik af vores brev, at fristen var den 1. maj.",
    "Det er tredje gang i år, at skraldemanden må konstatere fejlsortering i din beholder.",
])
def test_reproach_in_new_shapes(tone_findings, sentence):
    assert _family(tone_findings(letter(sentence)), "bebrejdelse")


@pytest.mark.parametrize("paragraphs", [
    ("Ved tilsynet så vi, at porten stod åben.",),
    ("Selv om du lovede at sende papirerne, forstår vi godt, at det har været en svær tid.",),
    ("Selv om du har aftalt en ny tid, skal du stadig sende skemaet.",),
    ("Vi ved godt, at det ikke er rimeligt over for dig at vente så længe.",),
    ("Det ville ikke være rimeligt over for de andre på ventelisten, hvis vi gav én ansøger forrang.",),
    ("Der er forsømt vedligeholdelse i kommunens bygning, og det er ikke rimeligt over for lejerne, og vi retter det "
     "nu.",),
    ("Det er kommunens opgave at rydde sne på cykelstierne.",),
    ("Det er ikke kommunens opgave at rydde private fællesveje, men du kan få en liste over firmaer hos os.",),
    ("Det er ikke kommunens opgave at vedligeholde private fællesveje.", "Det er grundejerne på vejen, der har "
     "ansvaret."),
    ("Det burde efter planen være dig bekendt senest i maj, hvem der får pladsen.",),
    ("Det er tredje gang, at vi holder borgermøde om den nye skole.",),
])
def test_same_words_without_reproach(tone_findings, paragraphs):
    assert not _family(tone_findings(letter(*paragraphs)), "bebrejdelse")


# ---------------------------------------------------------------- lecturing

@pytest.mark.parametrize("sentence", [
    "Som grundejer har man pligt til at rydde sne på fortovet.",
    "En parkeringstilladelse er ikke et frikort, og man har som beboer pligt til at holde sig inden for båsene.",
    "Det er bilistens ansvar at orientere sig om parkeringsreglerne.",
    "Det er ejerens ansvar at holde sin hund i snor i parken.",
    "Som lejer har man selv ansvaret for at holde sit afløb rent.",
    "Vi har gentagne gange gjort det klart for Dem, at affaldet skal sorteres.",
    "Det forventes, at du fremover selv sørger for at bestille medicinen.",
])
def test_lecture_in_new_shapes(tone_findings, sentence):
    assert _family(tone_findings(letter(sentence)), "belaering")


@pytest.mark.parametrize("sentence", [
    "Som grundejer har man ret til at klage over afgørelsen.",
    "Som pårørende har man ikke pligt til at hjælpe med rengøringen.",
    "Som grundejer har man pligt til at rydde sne på fortovet, men vi kan hjælpe dig med at finde en snerydder.",
    "Som plejefamilie har man pligt til at deltage i kurset, og vi sørger for, at I får betaling for dagen.",
    "Ifølge færdselsloven har man som fører pligt til at standse for fodgængere.",
    "Det er udlejerens ansvar at udbedre fugtskaden i lejligheden.",
    "Det er sagsbehandlerens ansvar at sikre sig, at sagen er oplyst.",
    "Det er dit ansvar at melde ændringer, og vi hjælper gerne, hvis du er i tvivl.",
    "Som modtager af boligstøtte har du pligt til at melde ændringer, og det kan du gøre på borger.dk.",
    "Vi håber, at vi nu har gjort det klart for dig, hvad der skal ske.",
    "Vi har tidligere gjort det klart for dig, at du kan få hjælp til at søge.",
    "Det forventes, at du selv kan vælge tidspunktet for besøget.",
])
def test_same_words_without_lecture(tone_findings, sentence):
    assert not _family(tone_findings(letter(sentence)), "belaering")
