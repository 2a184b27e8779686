"""Tone rules, round 12b: the shapes a second blind editor found missed, in our own sentences (other areas, du and De
form), each next to hard negatives that reuse the same words. The real pipeline with the learned model switched off,
so the rules alone are tested."""
from __future__ import annotations

from pathlib import Path

import pytest

from letterlab.checks import tone
from tone_families import families  # noqa: F401  (the fixture)




@pytest.mark.parametrize("text", [
    # a refusal followed only by a request and a threat on the reader's failure: the "hvis … ikke" is no reason
    "Vi fastholder prisen for madservice, fordi byrådet har fastsat den for alle. Din anmodning om at få beløbet for "
    "april tilbage kan ikke imødekommes. Beløbet skal betales. Hvis beløbet ikke er betalt senest den 1. juni, sender "
    "vi det til inkasso, men du kan ringe til os på 44 12 34 56 og aftale en betalingsordning.",
    "Vi har set på Deres ansøgning om et nyt skur. Vi ser ikke anledning til at mødes om sagen. Skuret skal fjernes "
    "inden den 1. august. Fjernes skuret ikke, vil vi give Dem et påbud. De er velkommen til at ringe til os på 44 55 66 77.",
    # the door shut for good, even with a reason for the decision itself
    "Din ansøgning om ekstra aflastning er afslået, fordi du allerede får det højeste antal døgn. Der er ikke grundlag "
    "for at se på sagen igen, uanset hvor mange gange du skriver.",
    "Vi kan ikke ændre afgørelsen om Deres friplads, uanset hvad De sender af papirer, fordi fristen er overskredet.",
    "Du får hjælp hver anden uge, fordi du selv kan lægge tøjet sammen. Du kan ikke forvente mere hjælp fra kommunen.",
    "De har fået det antal timer med støttekontaktperson, som vi kan give. De skal ikke forvente flere timer.",
    # the impersonal decision with nothing after it
    "Kære Jens\n\nDu har søgt om tilskud til en ny cykel. Der gives afslag.\n\nMed venlig hilsen\nHjælpemidler",
])
def test_cold_refusals_are_flagged(families, text):
    assert "kold-afvisning" in families(text)


@pytest.mark.parametrize("text", [
    "Vi har set på din klage over fritidspas. Vi fastholder afgørelsen, fordi din indtægt er over grænsen. "
    "Vi ser ikke anledning til at ændre den. Ring til os, hvis du har spørgsmål.",
    "Vi kan ikke give dig tilskud til briller. Hvis du ikke har fået briller i år, kan du søge igen til januar, "
    "fordi tilskuddet gælder et kalenderår.",
    "Du kan få hjælp til indkøb, uanset hvor mange gange om ugen du har brug for det.",
    "Du er velkommen til at ringe til os, uanset hvor mange gange du har spørgsmål.",
    "Du kan forvente mere hjælp, hvis dit behov ændrer sig. Ring til visitationen, så kommer vi på besøg.",
    "Du kan ikke forvente at få svar før efter sommerferien, fordi vi har mange sager. "
    "Vi skriver til dig, så snart vi har set på din ansøgning.",
    "Du har søgt om tilskud til en ny cykel. Der gives afslag, fordi cyklen ikke er et hjælpemiddel, men et almindeligt "
    "forbrugsgode. Ring til mig, hvis du vil tale om andre muligheder.",
    "Vi kan ikke ændre afgørelsen, men du kan klage til Ankestyrelsen inden fire uger.",
])
def test_same_words_without_a_cold_refusal_stay_clean(families, text):
    assert "kold-afvisning" not in families(text)


@pytest.mark.parametrize("text, family", [
    ("Vi har skrevet til dig om tilmeldingen flere gange, og det burde du vide efter to år i ordningen.", "bebrejdelse"),
    ("Reglerne for parkering i gården burde De kende som lejer.", "bebrejdelse"),
    # the tone sets file "Som forælder er det Deres ansvar, at …" under bebrejdelse, so it goes there
    ("Som lejer er det Deres ansvar, at opgangen holdes fri for cykler.", "bebrejdelse"),
    ("Som forælder er det dit ansvar, at barnet har idrætstøj med.", "bebrejdelse"),
    ("Husk, at det er jer og ikke klubben, der skal hente børnene kl. 17.", "belaering"),
    ("Det er Dem, der har ansvaret for, at fortovet er ryddet for sne.", "belaering"),
    ("Det påhviler alle grundejere selv at holde øje med, om træerne vokser ud over vejen.", "belaering"),
    ("Vi bad om lægeerklæringen den 3. marts, men du har åbenbart valgt ikke at svare.", "bebrejdelse"),
    ("De har valgt ikke at reagere på vores to breve om hækken.", "bebrejdelse"),
    ("Lukas er kommet for sent 11 gange siden jul, og det er simpelthen ikke i orden.", "bebrejdelse"),
    ("Tiderne for storskrald står i kalenderen, så der er ingen grund til at glemme dem.", "bebrejdelse"),
])
def test_plain_word_lectures_and_reproaches_are_flagged(families, text, family):
    assert family in families(text)


@pytest.mark.parametrize("text", [
    "Hvad burde du vide om din pension? Det kan du læse om på side 2.",
    "Det bør du vide, før du siger ja til tilbuddet: Du kan altid sige op med en måneds varsel.",
    "Som forælder har du ret til at se dit barns skolepapirer.",
    "Det er vores ansvar, at maden kommer til tiden, og det beklager vi, at den ikke gjorde i går.",
    "Det er dig, der bestemmer, om du vil have hjælpen om morgenen eller om aftenen.",
    "Det er dit ansvar at fortælle os, når du flytter, og du kan gøre det på borger.dk.",
    "Det påhviler kommunen at sørge for, at du får svar inden fire uger.",
    "Du har valgt ikke at deltage i forløbet, og det er helt i orden. Du kan altid ombestemme dig.",
    "Du har ventet tre uger på svar. Det er ikke i orden, og det beklager vi.",
    "Der er ingen grund til at bekymre sig. Vi ringer til dig, når vi har set på sagen.",
])
def test_same_words_said_respectfully_stay_clean(families, text):
    assert not families(text) & {"belaering", "bebrejdelse"}


@pytest.mark.parametrize("text", [
    "Modtager vi ikke lønsedlerne inden den 1. april, afgør vi ansøgningen ud fra de oplysninger, vi har, "
    "hvilket vil sige afslag.",
    "Hvis De ikke sender tegningerne inden fristen, vil sagen blive afgjort på det foreliggende grundlag, og det betyder "
    "afslag. Ring til os, hvis De har brug for mere tid.",
])
def test_the_refusal_as_the_threat_is_flagged(families, text):
    assert "trussel" in families(text)


def test_a_refusal_explained_is_no_threat(families):
    text = "Din indtægt er over grænsen for friplads, og det betyder afslag på tilskuddet. Ring til os, hvis din indtægt falder."
    assert "trussel" not in families(text)


@pytest.mark.parametrize("text", [
    "Det bemærkes, at din sag vil blive overført til Ydelseskontoret, når du fylder 67 år.",
    "Det bemærkes endvidere, at Deres bevilling fortsætter uændret, indtil vi har set på den nye lægeerklæring.",
])
def test_news_about_the_readers_case_after_det_bemaerkes_is_no_lecture(families, text):
    assert "belaering" not in families(text)


def test_det_bemaerkes_before_a_duty_is_still_a_lecture(families):
    assert "belaering" in families("Det bemærkes, at De har pligt til at melde ændringer i Deres indtægt.")


def test_the_round12b_set_holds(nlp, monkeypatch):
    from letterlab.evaluate_tone import evaluate

    monkeypatch.setattr(tone, "_model_findings", lambda *a, **k: iter(()))
    result = evaluate(Path(__file__).resolve().parents[1] / "data" / "tone" / "recall12b", nlp=nlp)["all"]
    assert result["false_alarm_share"] == 0.0
    # two "Som … er det Deres ansvar" sentences were written as belaering before the change; they are flagged as
    # bebrejdelse, the family the older tone sets give that shape
    assert result["overall"]["recall"] >= 0.9, result["overall"]
