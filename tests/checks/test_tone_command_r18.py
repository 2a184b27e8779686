"""Tone rules, round 18 (blind review 18's kommando, trussel and kold-afvisning misses, in shapes of our own from other
areas): a ban on a channel or form whose next paragraph gives a reason for something else, a third party's bare claim
on the reader's home, a fee or interest laid on the reader with no reason, the reader left to fend alone, a sanction on
a lapse with the help far below it, a second refusal in a reduction letter, contact in the case refused (a closed door,
not an order). Each next to hard negatives that use the same words with a reason, a purpose, a legal basis, help or a
way on. The real pipeline with the learned model switched off, so the rules alone are tested."""
from __future__ import annotations

import pytest


HEAD = "Nordby Kommune\nTeknik og Miljø\nTorvet 3, 4900 Nordby\n\n"
PERSON_END = "\n\nMed venlig hilsen\n\nKaren Holm\nSagsbehandler\nTlf. 44 55 66 77"


def letter(*paragraphs: str, end: str = PERSON_END) -> str:
    return HEAD + "Kære Ole Berg\n\n" + "\n\n".join(paragraphs) + end


# ``tone_findings``: tests/checks/conftest.py


def _on(found, family: str, words: str) -> list:
    return [f for f in found if f[0] == family and words.lower() in f[1].lower()]


# ---------------------------------------------------------------- kommando

@pytest.mark.parametrize("text,words", [
    # a channel banned; the next paragraph's "fordi" is the reason for its own rule, not for the ban
    (letter("Du kan søge om tilskud til fodterapi hos os.", "Lægeerklæringer modtages ikke i papirform.",
            "Husk, at vi kun kan give tilskud, hvis ansøgningen kommer før den 1. juni, fordi puljen bliver fordelt i juni."),
     "modtages ikke"),
    (letter("Du får refunderet din kørsel til genoptræning.", "Kørselsbilag modtages ikke pr. mail.",
            "Bilaget skal være underskrevet af fysioterapeuten, fordi vi skal kunne se, at du har været der."),
     "modtages ikke"),
    # a third party's bare claim on the reader's home
    (letter("Vi skifter din vandmåler i uge 14.", "Vandværket skal have fri adgang til måleren.",
            "Montøren kommer mellem kl. 8 og 15."), "Vandværket skal have fri adgang"),
    (letter("Skorstensfejningen i dit område er i maj.",
            "Skorstensfejeren skal have uhindret adgang til skorstenen og loftet.", "Fejningen tager en halv time."),
     "Skorstensfejeren skal have"),
    (letter("Vi renoverer kloakken i Skovvej i april.", "Der skal altid være fri adgang til stophanen.",
            "Arbejdet tager tre uger."), "Der skal altid være fri adgang"),
])
def test_bare_channel_ban_or_access_claim_is_a_command(tone_findings, text, words):
    assert _on(tone_findings(text), "kommando", words)


@pytest.mark.parametrize("text,words", [
    # a reason or a way on: in the same sentence, after "men", or in a next paragraph about the same thing
    (letter("Du kan betale for madservice på flere måder.",
            "Vi modtager ikke kontanter, men du kan betale med kort eller MobilePay."), "kontanter"),
    (letter("Du kan betale for madservice på flere måder.", "Kontanter modtages ikke.",
            "Vi tager kun imod kort, fordi kontanter er en risiko for chaufførerne."), "Kontanter"),
    (letter("Du kan søge om tilskud til fodterapi hos os.", "Lægeerklæringer modtages ikke i papirform.",
            "Papirskemaer kan ikke læses af vores system, fordi det kun tager imod digitale filer."), "modtages"),
    (letter("Du kan søge om tilskud til fodterapi hos os.", "Lægeerklæringer modtages ikke i papirform. Det er fordi "
            "vores system kun tager imod digitale filer."), "modtages"),
    # our duty of access with a purpose, help or the reader's own act
    (letter("Du skal give hjemmeplejen adgang, så vi kan hjælpe dig – ring, hvis du ikke er hjemme."), "adgang"),
    (letter("Vi skifter din vandmåler i uge 14.", "Vandværket skal have adgang til måleren, så vi kan skifte den."),
     "adgang"),
    (letter("Skorstensfejningen i dit område er i maj.", "Skorstensfejeren skal have adgang til skorstenen.",
            "Ring til os, hvis tidspunktet ikke passer, så finder vi en anden dag."), "adgang"),
    (letter("Du har fået en plads i bofællesskabet.", "Beboerne skal have adgang til fælleshaven hele året."), "adgang"),
    (letter("Du har fået en plads i bofællesskabet.", "Du skal have adgang til din bolig hele døgnet."), "adgang"),
    (letter("Hjemmeplejen skal have adgang til boligen, når du ikke selv kan lukke op, og derfor får du en nøgleboks."),
     "adgang"),
])
def test_channel_ban_or_access_with_reason_or_way_on_is_no_command(tone_findings, text, words):
    assert not _on(tone_findings(text), "kommando", words)


# ---------------------------------------------------------------- trussel

@pytest.mark.parametrize("text,words", [
    (letter("Vi har ikke modtaget betalingen for din plads i svømmeklubben.", "Der er pålagt et gebyr på 100 kr.",
            "Beløbet er nu 650 kr."), "Der er pålagt et gebyr"),
    (letter("Dit lån til depositum er ikke betalt tilbage til tiden.", "Der er tilskrevet renter af restancen.",
            "Restancen er nu 4.200 kr."), "Der er tilskrevet renter"),
    # the reader left to fend alone
    (letter("Du har fået tilbudt tre boliger.", "Siger du nej til den næste bolig, må du selv finde ud af, hvor du skal bo.",
            "Du kan ringe til mig, hvis du har spørgsmål."), "må du selv finde ud af"),
    (letter("Vi har set på din hjælp igen.",
            "Aftenbesøget stopper fra 1. juni, og så må du selv finde ud af, hvordan du kommer i seng.",
            "Morgenbesøget fortsætter som hidtil."), "må du selv finde ud af"),
    (letter("Du har en tid hos byggesagsbehandleren den 3. maj.", "Kommer du ikke til mødet, så er det dit eget problem."),
     "så er det dit eget problem"),
    # a sanction on a lapse, the help only further down
    (letter("Oliver har ikke været til svømmeundervisning de sidste tre gange.", "Det er vigtigt, at han deltager.",
            "Udebliver Oliver igen, bliver han udmeldt af holdet.", "Der bliver ikke sendt flere breve om det.",
            "Du er velkommen til at ringe til mig, hvis der er noget, der gør det svært for ham at komme."), "udmeldt"),
])
def test_bare_fee_abandonment_or_far_help_is_a_threat(tone_findings, text, words):
    assert _on(tone_findings(text), "trussel", words)


@pytest.mark.parametrize("text,words", [
    (letter("Vi har ikke modtaget betalingen for din plads.",
            "Gebyret på 100 kr. er pålagt efter opkrævningslovens § 6. Ring, hvis du vil aftale en betalingsordning."),
     "pålagt"),
    (letter("Vi har ikke modtaget betalingen for din plads.", "Der er pålagt et gebyr på 100 kr. efter opkrævningslovens § 6."),
     "pålagt"),
    (letter("Vi har ikke modtaget betalingen for din plads.", "Der er pålagt et rykkergebyr på 100 kr.",
            "Ring til os, hvis du vil aftale en betalingsordning, så hjælper vi dig."), "pålagt"),
    (letter("Vi har modtaget din betaling for sent.", "Der er ikke pålagt gebyr, fordi det er første gang."), "pålagt"),
    (letter("Vi har modtaget din betaling for sent.", "Der er pålagt et gebyr på 100 kr., fordi betalingen kom efter fristen."),
     "pålagt"),
    (letter("Vi har behandlet din indsigelse.", "Kontrolafgiften er pålagt den 3. maj kl. 10 på Torvet, hvor man kun må "
            "holde i en time."), "pålagt"),
    (letter("Du kan selv finde ud af, hvilken dag der passer dig bedst."), "finde ud af"),
    (letter("Hvis du hellere vil køre selv, må du selv finde ud af, hvor du parkerer – der er gratis parkering ved hallen."),
     "finde ud af"),
    (letter("Du må selv bestemme, om du vil have en bisidder med til mødet."), "selv"),
    # help right after the sanction, or before it
    (letter("Oliver har ikke været til svømmeundervisning de sidste tre gange.", "Det er vigtigt, at han deltager.",
            "Udebliver Oliver igen, bliver han udmeldt af holdet.",
            "Ring til mig, hvis der er noget, der gør det svært for ham at komme."), "udmeldt"),
    (letter("Ring til mig, hvis der er noget, der gør det svært for Oliver at komme til svømning.",
            "Det er vigtigt, at han deltager.", "Udebliver Oliver igen, bliver han udmeldt af holdet.",
            "Holdet træner om tirsdagen."), "udmeldt"),
])
def test_fee_with_basis_or_help_and_choices_are_no_threat(tone_findings, text, words):
    assert not _on(tone_findings(text), "trussel", words)


# ---------------------------------------------------------------- kold-afvisning

REDUCTION = "Visitationen har besluttet, at din hjælp til indkøb nedsættes fra to gange til en gang om ugen fra 1. maj."


def test_second_refusal_in_a_reduction_letter_gets_its_own_finding(tone_findings):
    found = tone_findings(letter(REDUCTION, "Din ansøgning om hjælp til vinduespudsning kan ikke imødekommes.",
                                 "Afgørelsen er truffet efter servicelovens § 83.",
                                 "Du kan klage over afgørelsen inden fire uger."))
    assert _on(found, "kold-afvisning", "Din ansøgning om hjælp til vinduespudsning")


@pytest.mark.parametrize("second", [
    "Din ansøgning om hjælp til vinduespudsning kan ikke imødekommes, fordi vinduespudsning ikke er en del af den "
    "hjælp, kommunen kan give efter loven.",
    "Din ansøgning om hjælp til vinduespudsning kan ikke imødekommes. Vi har lagt vægt på, at du selv kan pudse "
    "vinduerne i stuen, og at din søn har tilbudt at tage resten.",
])
def test_second_refusal_with_its_own_reason_stays_quiet(tone_findings, second):
    found = tone_findings(letter(REDUCTION, second, "Du kan klage over afgørelsen inden fire uger."))
    assert not _on(found, "kold-afvisning", "vinduespudsning")


def test_contact_refused_in_the_case_is_a_closed_door_not_an_order(tone_findings):
    found = tone_findings(letter("Vi har behandlet din klage over tømningen af din container igen.",
                                 "Vi fastholder afgørelsen, fordi containeren stod bag en låst låge.",
                                 "Kommunen besvarer ikke flere breve om sagen."))
    assert _on(found, "kold-afvisning", "besvarer ikke flere breve")
    assert not _on(found, "kommando", "besvarer ikke flere breve")


def test_contact_refused_with_help_is_neither(tone_findings):
    found = tone_findings(letter("Vi har behandlet din klage over tømningen af din container igen.",
                                 "Vi fastholder afgørelsen, fordi containeren stod bag en låst låge.",
                                 "Vi modtager ikke yderligere henvendelser i denne sag, men du er velkommen til at ringe "
                                 "til mig, hvis du har spørgsmål."))
    assert not _on(found, "kold-afvisning", "henvendelser")
    assert not _on(found, "kommando", "henvendelser")
