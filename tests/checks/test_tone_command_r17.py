"""Tone rules, round 17b (blind review 17's misses, in shapes of our own from other areas): bare bans and gates with
nobody named ("Hunde kan ikke medbringes.", "Kvitteringer efter denne dato accepteres ikke."), a service done only on
the reader's condition ("… udføres kun, hvis du …"), the reader told to put right alone ("Du skal selv ompakke …"),
every field of a form ordered; the talk closed ("… ikke yderligere korrespondance …"), the general rules as the only
answer after a refusal, a decision's basis told as the law only; and "no more reminders" in a letter that asks for
money. Each next to hard negatives that reuse the same words with a reason, a purpose, help or a way on. The real
pipeline with the learned model switched off, so the rules alone are tested."""
from __future__ import annotations

import pytest


HEAD = "Nordby Kommune\nKultur og Fritid\nTorvet 3, 4900 Nordby\n\n"
PERSON_END = "\n\nMed venlig hilsen\n\nKaren Holm\nSagsbehandler"
UNIT_END = "\n\nMed venlig hilsen\n\nYdelseskontoret\nNordby Kommune"


def letter(*paragraphs: str, end: str = PERSON_END) -> str:
    return HEAD + "Kære Ole Berg\n\n" + "\n\n".join(paragraphs) + end


# ``tone_findings``: tests/checks/conftest.py


def _on(found, family: str, words: str) -> list:
    return [f for f in found if f[0] == family and words.lower() in f[1].lower()]


# ---------------------------------------------------------------- kommando

@pytest.mark.parametrize("text,words", [
    (letter("Velkommen til sommerens svømmeskole i Nordby Hallen.", "Hunde kan ikke medbringes.",
            "Vi glæder os til at se dig."), "Hunde kan ikke medbringes"),
    (letter("Tak for din tilmelding til udflugten med seniorklubben.", "Barnevogne kan ikke tages med i bussen.",
            "Vi kører fra rådhuset kl. 9."), "Barnevogne kan ikke"),
    (letter("Refusion af udgifter til kørsel sker en gang om måneden.",
            "Kvitteringer efter denne dato accepteres ikke.", "Vi udbetaler pengene den 10. i måneden."),
     "Kvitteringer efter denne dato"),
    (letter("Du får vinduespudsning hver 8. uge.", "Vinduespudsningen udføres kun, hvis du har ryddet vindueskarmene.",
            "Vinduespudseren kommer om formiddagen."), "udføres kun"),
    (letter("Vi har ikke tømt din container til haveaffald, fordi der lå sten i den.",
            "Du skal selv ompakke haveaffaldet.", "Containeren tømmes igen om 14 dage."), "Du skal selv ompakke"),
    (letter("Vedlagt er ansøgningen om friplads i fritidsklubben.", "Alle rubrikker i blanketten skal udfyldes.",
            "Send blanketten til os senest den 1. august."), "Alle rubrikker"),
])
def test_bare_ban_gate_or_order_is_a_command(tone_findings, text, words):
    assert _on(tone_findings(text), "kommando", words)


@pytest.mark.parametrize("text,words", [
    # a reason, a purpose, an alternative or help in the sentence or right after it
    (letter("Velkommen til sommerens svømmeskole.", "Hunde kan ikke medbringes af hensyn til gæster med allergi."),
     "Hunde"),
    (letter("Velkommen til sommerens svømmeskole.", "Hunde kan ikke medbringes, fordi vandet skal holdes rent."),
     "Hunde"),
    (letter("Tak for din tilmelding til udflugten.", "Barnevogne kan ikke tages med i bussen, men du kan låne en "
            "klapvogn på stedet."), "Barnevogne"),
    (letter("Tak for din tilmelding til koncerten.", "Barnevogne kan ikke tages med ind i salen.",
            "Der er plads til dem i garderoben."), "Barnevogne"),
    (letter("Refusion af udgifter sker en gang om måneden.", "Kvitteringer efter denne dato accepteres ikke, fordi "
            "regnskabet for året er lukket."), "Kvitteringer"),
    (letter("Du får vinduespudsning hver 8. uge.", "Vinduespudsningen udføres kun, hvis du har ryddet "
            "vindueskarmene, så vinduespudseren ikke kommer til at vælte noget."), "udføres kun"),
    (letter("Vi har ikke tømt din container, fordi der lå sten i den.", "Du skal selv ompakke haveaffaldet. Ring til "
            "os, hvis du vil have hjælp til at se, hvad der må komme i containeren."), "ompakke"),
    (letter("Vedlagt er ansøgningen om friplads.", "Alle rubrikker i blanketten skal udfyldes, så vi kan beregne "
            "tilskuddet."), "Alle rubrikker"),
    (letter("Vedlagt er ansøgningen om friplads.", "Alle rubrikker i blanketten skal udfyldes. Hvis en rubrik ikke "
            "passer på jer, så skriv en streg."), "Alle rubrikker"),
    # the reader's own thing, a price told as a fact, a benefit's rule, an unrelated help in the next paragraph
    # does not clear, but these are no bans
    (letter("Tak for din tilmelding.", "Din hund kan ikke medbringes."), "kan ikke medbringes"),
    (letter("Du har fået bevilget kørsel til genoptræning.", "Du skal selv betale for turen hjem."), "Du skal selv"),
    (letter("Du kan søge tilskud til briller.", "Tilskuddet udbetales kun, hvis du sender kvitteringen."),
     "udbetales kun"),
])
def test_with_reason_way_on_or_no_ban_is_not_a_command(tone_findings, text, words):
    assert not _on(tone_findings(text), "kommando", words)


# ---------------------------------------------------------------- kold-afvisning

def test_closed_talk_is_cold_even_with_help_after_it(tone_findings):
    text = letter("Vi har set på din klage over prisen på madservice igen, og vi fastholder prisen, fordi byrådet "
                  "har fastsat den for alle.", "Kommunen fører ikke yderligere korrespondance i sagen.",
                  "Har du spørgsmål til betalingen, kan du ringe til mig på 44 55 66 77.")
    assert _on(tone_findings(text), "kold-afvisning", "yderligere korrespondance")


@pytest.mark.parametrize("text", [
    letter("Vi fastholder prisen på madservice, fordi byrådet har fastsat den for alle.",
           "Vi vil ikke føre yderligere korrespondance om prisen, men du er altid velkommen til at ringe til mig på "
           "44 55 66 77."),
    letter("Tak for dit brev. Du behøver ikke at skrive til os igen, for vi har rettet fejlen."),
    letter("Tak for dit brev om hegnet.", "Korrespondancen om sagen kan du se i Digital Post."),
])
def test_talk_kept_open_is_not_closed(tone_findings, text):
    assert not _on(tone_findings(text), "kold-afvisning", "korrespondance")


def test_general_rules_as_the_only_answer_is_cold(tone_findings):
    text = letter("Din ansøgning om tilskud til briller afslås, jf. aktivlovens § 82.",
                  "Vi henviser i øvrigt til de almindelige regler på nordby.dk.", end=UNIT_END)
    assert _on(tone_findings(text), "kold-afvisning", "henviser i øvrigt")


@pytest.mark.parametrize("text", [
    # a reason and a person to ask; no refusal before it
    letter("Din ansøgning om tilskud til briller er afslået, fordi din indtægt er over grænsen.",
           "Vi henviser til de almindelige regler på nordby.dk, hvor du kan se grænsen.",
           "Ring til mig på 44 55 66 77, hvis du har spørgsmål."),
    letter("Tak for din ansøgning om parkeringstilladelse.", "Vi henviser til de gældende regler på nordby.dk.",
           end=UNIT_END),
])
def test_general_rules_with_help_or_no_refusal_is_not_cold(tone_findings, text):
    assert not _on(tone_findings(text), "kold-afvisning", "henviser")


def test_law_as_the_only_basis_is_cold(tone_findings):
    text = letter("Din hjælp til indkøb nedsættes fra to gange til én gang om ugen fra den 1. maj.",
                  "Beslutningen er truffet efter servicelovens § 83 og kommunens serviceniveau for indkøb.",
                  "Du kan klage over afgørelsen.")
    assert _on(tone_findings(text), "kold-afvisning", "Beslutningen er truffet")


@pytest.mark.parametrize("text", [
    letter("Din hjælp til indkøb nedsættes fra to gange til én gang om ugen fra den 1. maj, fordi du nu får varerne "
           "bragt hjem fra købmanden.", "Beslutningen er truffet efter servicelovens § 83 og kommunens serviceniveau.",
           "Ring til mig, hvis du har spørgsmål."),
    letter("Din hjælp til indkøb nedsættes fra to gange til én gang om ugen fra den 1. maj.",
           "Afgørelsen er truffet efter servicelovens § 83.",
           "Vi har lagt vægt på, at du nu selv kan gå til købmanden, og at din datter handler ind om lørdagen."),
    letter("Vi har bevilget dig en rollator. Afgørelsen er truffet efter servicelovens § 112."),
])
def test_law_basis_with_a_plain_reason_or_a_grant_is_not_cold(tone_findings, text):
    assert not _on(tone_findings(text), "kold-afvisning", "er truffet")


# ---------------------------------------------------------------- trussel: no more reminders

def test_no_more_reminders_on_a_claim_is_a_threat(tone_findings):
    text = letter("Vi har endnu ikke modtaget betalingen for madservice for marts på 1.240 kr. Betal beløbet senest "
                  "den 15. april.", "Der sendes ikke flere påmindelser.",
                  "Prisen for madservice står på nordby.dk.")
    assert _on(tone_findings(text), "trussel", "Der sendes ikke flere påmindelser")


@pytest.mark.parametrize("text", [
    letter("Tak for din betaling af regningen for madservice. Der sendes ikke flere påmindelser."),
    letter("Vi har endnu ikke modtaget betalingen for madservice. Betal beløbet senest den 15. april.",
           "Der sendes ikke flere påmindelser.",
           "Kan du ikke betale det hele på én gang, kan du ringe til os og aftale en ordning."),
    letter("Vi har endnu ikke modtaget betalingen for madservice. Betal beløbet senest den 15. april. Vi sender ikke "
           "flere rykkere, men ring til os, hvis du ikke kan betale det hele."),
    letter("Betal regningen senest den 1. juni. Når du har betalt, sender vi ikke flere påmindelser."),
])
def test_no_more_reminders_after_payment_or_with_help_is_no_threat(tone_findings, text):
    assert not _on(tone_findings(text), "trussel", "påmindelser")
    assert not _on(tone_findings(text), "trussel", "rykkere")
