"""Tone rules, round 13: the shapes a blind editor found missed, in our own sentences and letters (other areas, du
and De form), each next to hard negatives that reuse the same words. The real pipeline with the learned model
switched off, so the rules alone are tested."""
from __future__ import annotations

import pytest

from tone_families import families  # noqa: F401  (the fixture)

# a closing line that offers contact far from the sanction: the letter has a way out, the sentence none
CLOSING = "\n\nHar du spørgsmål, er du velkommen til at ringe til os på 44 55 66 77.\n\nMed venlig hilsen\n\nAnne Berg"


# a letterhead with the office's phone number (not a next step the letter's text offers)
HEAD = "Greve Kommune\nSocial og Sundhed\nRådhusholmen 10, 2670 Greve\nTlf. 43 97 97 97\n\n"
PLAIN_END = "\n\nMed venlig hilsen\n\nAnne Berg"


def letter(*paragraphs: str, closing: str = CLOSING, head: str = "") -> str:
    return head + "Kære Peter Holm\n\n" + "\n\n".join(paragraphs) + closing


# ---------------------------------------------------------------- trussel: a cold loss, no way out near it

@pytest.mark.parametrize("text", [
    # an inverted condition, a plain present-tense verb of loss, the reader's benefit, place or case as subject/object
    letter("Vi mangler stadig din lejekontrakt.",
           "Indsender du ikke kontrakten inden den 1. juni 2025, bortfalder din boligstøtte fra samme dato."),
    letter("Kontingentet for foråret er ikke betalt.",
           "Betales kontingentet ikke inden fredag, slettes dit barn fra holdet i svømmeklubben."),
    letter("Du har lånt tre bøger, som skulle være afleveret i marts.",
           "Afleveres bøgerne ikke inden den 15. april, mister du dit lånerkort."),
    letter("Vi har ikke fået lægeerklæringen fra dig.",
           "Modtager vi ikke erklæringen senest den 3. juni 2025, standses din ledighedsydelse."),
    # a charge or a loss announced for a repeat, in the impersonal passive
    "Ved gentagelse pålægges ejeren en afgift på 600 kr. for afhentningen.",
    "Ved næste overtrædelse inddrages din tilladelse til at sælge fra standen.",
    "Ved gentagen udeblivelse opkræves et gebyr på 250 kr. for tandlægetiden.",
])
def test_cold_loss_is_a_threat(families, text):
    assert "trussel" in families(text)


@pytest.mark.parametrize("text", [
    # the same with the reason and a way out right after it
    letter("Indsender du ikke kontrakten inden den 1. juni 2025, bortfalder din boligstøtte fra samme dato. "
           "Ring til os, hvis du har brug for mere tid."),
    letter("Afleveres bøgerne ikke inden den 15. april, mister du dit lånerkort. "
           "Kontakt biblioteket, hvis du har brug for at låne dem længere."),
    # a decision with its reason, news, a schedule, the reader's own choice, nothing lost
    "Din boligstøtte bortfalder fra den 1. juni, fordi du er flyttet til en anden kommune.",
    "Ønsker du ikke længere pladsen, opsiges den med en måneds varsel.",
    "Ved gentagelse af prøven opkræves intet gebyr.",
    "Ved næste besøg tager sygeplejersken en blodprøve.",
    # a price for what the reader chooses, not a sanction
    "Ved gentagelse af køreprøven opkræves et gebyr på 300 kr.",
    "Ved betaling med kort opkræves et gebyr på 5 kr.",
    "Ved fraflytning mister du ikke retten til depositummet.",
    "Flytter du til en anden kommune, ophører din bevilling her, og den nye kommune overtager sagen. "
    "Ring til os, hvis du vil vide mere.",
])
def test_same_words_without_a_threat_stay_clean(families, text):
    assert "trussel" not in families(text)


# ---------------------------------------------------------------- kold-afvisning

@pytest.mark.parametrize("text", [
    # a bare refusal: the next sentence's "derfor" points back at the refusal, it gives no reason for it
    letter("Vi har modtaget din ansøgning af 4. marts 2025 om tilskud til en ny kørestol.",
           "Din ansøgning kan ikke imødekommes.",
           "Du skal derfor selv betale for stolen.", closing=PLAIN_END, head=HEAD),
    letter("Tak for dit brev af 2. april 2025 om vejbidraget.",
           "Din indsigelse imødekommes ikke.",
           "Beløbet skal derfor betales senest den 1. maj 2025.", closing=PLAIN_END, head=HEAD),
    # no longer eligible, with no reason anywhere
    letter("Du er ikke længere berettiget til kørsel til træning.", closing=PLAIN_END),
    "De er ikke mere berettiget til tilskud til tandpleje.",
])
def test_bare_refusal_is_cold(families, text):
    assert "kold-afvisning" in families(text)


@pytest.mark.parametrize("text", [
    # the reason after "derfor" in the same sentence, or a reason sentence after the refusal
    letter("Din ansøgning kan ikke imødekommes. Din indtægt er over grænsen, og derfor kan vi ikke give tilskud.",
           closing=PLAIN_END, head=HEAD),
    letter("Din ansøgning kan ikke imødekommes. Det skyldes, at stolen ikke er nødvendig for, at du kan klare dig.",
           "Du skal derfor selv betale for den.", closing=PLAIN_END, head=HEAD),
    "Du er ikke længere berettiget til kørsel til træning, fordi genoptræningen er afsluttet.",
    "Hvis du ikke længere er berettiget til hjælpen, skriver vi til dig.",
    "Du er stadig berettiget til kørsel til træning.",
    # a possible refusal, not the decision, with "derfor" after it
    "Det kan være, at vi ikke kan give tilskud til hele rejsen. Derfor vil vi gerne tale med dig om, hvad du har brug for.",
])
def test_refusal_with_reason_stays_clean(families, text):
    assert "kold-afvisning" not in families(text)


# ---------------------------------------------------------------- belaering: "Det påhviler <rollen> at … sig"

@pytest.mark.parametrize("text", [
    "Det påhviler bygherren at sikre sig, at byggeriet følger tilladelsen.",
    "Det påhviler bilisten selv at holde sig orienteret om vejarbejdet.",
    "Det påhviler hundeholderen at holde sin hund i snor i parken.",
])
def test_duty_on_the_readers_role_is_lecturing(families, text):
    assert "belaering" in families(text)


@pytest.mark.parametrize("text", [
    "Det påhviler kommunen at behandle din sag hurtigt.",
    "Det påhviler arbejdsgiveren at betale dig løn under sygdom i de første 30 dage.",
    "Det påhviler udlejeren at udbedre fugtskaden i lejligheden.",
    "Det påhviler forvaltningen at sikre sig, at du får den hjælp, du har ret til.",
])
def test_duty_on_others_stays_clean(families, text):
    assert "belaering" not in families(text)
