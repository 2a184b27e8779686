"""Tone rules, round 12: the shapes a blind editor found missed, in our own sentences (other areas, du and De form),
each next to hard negatives that reuse the same words. The real pipeline; the learned model is switched off, so the
rules alone are tested (the model may catch some of these on its own, but not in every letter context)."""
from __future__ import annotations

import pytest

from tone_families import families  # noqa: F401  (the fixture)




@pytest.mark.parametrize("text", [
    # "burde" with any participle, either word order, also with a way out after it
    "Det burde du have tænkt på, før du tog imod pengene. Ring til os, hvis du vil aftale en afdragsordning.",
    "Skuret står for tæt på skel, og det burde De have undersøgt, før De byggede det.",
    "Du burde selv have tjekket din årsopgørelse.",
    # the reader ignored us
    "Du har ignoreret vores henvendelser om hækken, og vi sender derfor en regning for klipningen.",
    "De har set bort fra påbuddet om at fjerne skuret.",
    # "it cannot come as a surprise to you"
    "Vi har flere gange skrevet om reglerne for parkering, så det kan ikke komme bag på Dem.",
    "Reglerne står på vores hjemmeside, så det burde ikke komme som en overraskelse for dig.",
    # an expectation refused for the reader's own lateness
    "Du kan ikke forvente at få svar inden jul, når du først har sendt skemaet i dag.",
    "De kan ikke regne med at få bevilget tilskuddet, når De selv har valgt at købe stolen uden at spørge os.",
    # "heller ikke … selvom … indkaldt", with a way forward after it
    "Du kom heller ikke til samtalen i marts, selvom du var blevet indkaldt med et brev. Ring til os, så finder vi en ny tid.",
    "Vi kan se, at De heller ikke mødte op til lægeundersøgelsen, selvom De var blevet indkaldt i god tid. "
    "Kontakt os, så vi kan finde en ny tid.",
    # the reason for a decision that blames beyond the reason, or the cause of a mishap (no decision)
    "Vi har stoppet din ydelse. Det skyldes, at du endnu en gang ikke har sendt de papirer, vi bad om.",
    "Hjemmehjælperen kunne ikke komme ind i går. Det skyldes, at du ikke lukkede op, selvom vi havde ringet først.",
])
def test_reproach_shapes_are_flagged(families, text):
    assert "bebrejdelse" in families(text)


@pytest.mark.parametrize("text", [
    "Du burde have fået et nyt sygesikringskort i sidste uge. Skriv til os, hvis det ikke er kommet.",
    "Det burde vi have fortalt dig tidligere, og det beklager vi.",
    "Det burde De have ret til, og derfor ser vi på sagen igen.",
    "Du kan se bort fra rykkeren, hvis du allerede har betalt.",
    "Vi har set bort fra den sene indberetning, så du får fuld ydelse.",
    "Vi skriver allerede nu, så det ikke kommer bag på dig, når huslejen stiger i januar.",
    "Vi vil gerne fortælle om ændringen i god tid, så den ikke kommer bag på jer.",
    "Du kan ikke forvente at få svar inden jul, fordi vi har mange sager lige nu. "
    "Vi skriver til dig, så snart vi har set på sagen.",
    "Du kan forvente at få svar inden for fire uger, når du har sendt skemaet.",
    "Du blev indkaldt til en samtale den 3. maj. Kan du ikke komme, så ring til os og få en ny tid.",
    # the neutral reason for a decision of ours, even when it names what the reader did not send
    "Vi har stoppet din kontanthjælp fra 1. juni. Det skyldes, at du ikke har sendt os de kontoudtog, "
    "vi bad om i vores brev af 10. maj.",
    "Vi har afslået din ansøgning om tilskud til briller. Det er fordi du ikke har sendt os regningen fra optikeren, "
    "som vi bad om.",
    "Vi har nedsat Deres boligydelse, fordi De ikke har sendt os den nye lejekontrakt, som vi bad om i brevet af 3. marts.",
])
def test_same_words_without_reproach_stay_clean(families, text):
    assert "bebrejdelse" not in families(text)


def test_expected_to_manage_alone_is_a_lecture(families):
    assert "belaering" in families("Det må forventes, at en forælder selv sørger for, at barnet har madpakke med.")
    assert "belaering" in families("Man må forvente, at en grundejer selv holder øje med sine træer.")
    assert not families("Det må forventes, at sagsbehandlingen tager omkring otte uger.")


@pytest.mark.parametrize("text", [
    "Vi forventer, at De deltager i mødet, og et fravær vil indgå i vores vurdering af Deres sag.",
    "Gentager det sig, opkræver vi et gebyr på 300 kr., og vi fjerner cyklerne fra gården.",
    "Sker det en gang til, opkræver vi et gebyr på 500 kr. for oprydningen.",
    "Hvis hunden igen er løs på legepladsen, opkræver vi et gebyr på 1.000 kr.",
    "Står containeren igen på fortovet, tager vi den med væk for Deres regning.",
    "Har du ikke betalt for madservice, trækker vi beløbet i din pension, uden at du får besked først.",
    "Vi lukker for vandet, uden at De får yderligere besked.",
])
def test_threat_shapes_are_flagged(families, text):
    assert "trussel" in families(text)


@pytest.mark.parametrize("text", [
    "Dit fravær på grund af sygdom vil ikke indgå i vores vurdering af sagen.",
    "Hvis du ønsker en ekstra tømning igen, opkræver vi et gebyr på 300 kr. for kørslen.",
    "Hvis du igen har brug for en ekstra afhentning, opkræver vi 200 kr. for kørslen.",
    "Vi opkræver et gebyr på 150 kr. for et nyt sygesikringskort.",
    "Hvis storskraldet igen står ude efter tømningen, fjerner vi det gratis næste gang.",
    "Sker det igen, at beholderen ikke er tømt, så skriv til os, så tømmer vi den samme uge.",
    "Har du betalt for meget for pladsen, får du pengene tilbage, uden at du hører mere om det.",
    "Vi stopper ikke din hjælp, uden at du hører fra os først.",
])
def test_same_words_without_threat_stay_clean(families, text):
    assert "trussel" not in families(text)


def test_a_fee_already_charged_is_no_threat(families):
    got = families("De har ignoreret vores første rykker, og der er derfor pålagt et rykkergebyr på 100 kr.")
    assert "bebrejdelse" in got and "trussel" not in got


def test_absence_weighed_is_no_threat_when_the_letter_offers_a_way_out(families):
    text = ("Vi forventer, at De deltager i mødet, og et fravær vil indgå i vores vurdering af Deres sag. "
            "Ring til os, hvis De ikke kan komme, så finder vi en anden tid.")
    assert "trussel" not in families(text)


def test_the_round12_set_holds(nlp):
    from pathlib import Path

    from letterlab.evaluate_tone import evaluate

    result = evaluate(Path(__file__).resolve().parents[1] / "data" / "tone" / "recall12", nlp=nlp)["all"]
    assert result["false_alarm_share"] == 0.0
    assert result["overall"]["precision"] == 1.0 and result["overall"]["recall"] >= 0.95, result["overall"]
