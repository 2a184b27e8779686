"""Tone rules, round 17: refusals told in officialese ("… anses ikke for opfyldt", "Du henvises til …"), commands
and absolutes in the impersonal passive ("Der kan ikke forventes svar på …", "… skal bekræftes inden 24 timer",
"Ny ansøgning behandles tidligst …", "… påtager sig intet ansvar"), and the refusal letter that names nobody to ask
(signed by a unit only, no person, phone number or e-mail). Our own letters from other areas (fodterapi,
boligstøtte, skolekørsel, aflastning, svømmehal, parkering), each next to hard negatives that reuse the same words.
The real pipeline with the learned model switched off, so the rules alone are tested."""
from __future__ import annotations

import pytest

from letterlab.checks import tone
from letterlab.core import analyse

PREFIX = "anerkendende-tone."
HEAD = "Nordby Kommune\nSocialafdelingen\nTorvet 3, 4900 Nordby\n\n"
UNIT_END = "\n\nMed venlig hilsen\n\nSocialafdelingen\nNordby Kommune"
PERSON_END = "\n\nMed venlig hilsen\n\nKaren Holm\nSocialrådgiver"
APPEAL = ("\n\nKlagevejledning\nHvis du er uenig i afgørelsen, kan du klage. Klagen skal være modtaget senest 4 uger "
          "efter, at du har fået dette brev. Har du brug for hjælp til at skrive klagen, kan du få hjælp i Borgerservice "
          "på telefon 44 55 66 77.")


def letter(*paragraphs: str, end: str = PERSON_END, appeal: str = "") -> str:
    return HEAD + "Kære Ole Berg\n\n" + "\n\n".join(paragraphs) + end + appeal


@pytest.fixture
def tone_findings(nlp, monkeypatch):
    """(family, marked text, message) of the rules' tone findings, the learned model switched off."""
    monkeypatch.setattr(tone, "_model_findings", lambda *a, **k: iter(()))

    def run(text: str) -> list[tuple[str, str, str]]:
        return [(f.rule[len(PREFIX):], f.text, f.message) for f in analyse(text, nlp=nlp).findings
                if f.rule.startswith(PREFIX)]
    return run


def _on(found, family: str, words: str) -> list:
    return [f for f in found if f[0] == family and words in f[1]]


# ---------------------------------------------------------------- kold-afvisning: officialese

@pytest.mark.parametrize("text,words", [
    (letter("Din ansøgning om tilskud til fodterapi er afslået.",
            "Kriterierne i sundhedslovens regler om fodterapi anses ikke for opfyldt. Du kan klage over afgørelsen.",
            "Ring til os på 44 55 66 00, hvis du har spørgsmål."), "anses ikke for opfyldt"),
    (letter("Vi har behandlet din ansøgning om boligstøtte.",
            "Kommunen vurderer, at betingelserne for boligstøtte ikke er opfyldt.",
            "Du kan klage over afgørelsen."), "betingelserne for boligstøtte"),
    (letter("Vi kan ikke give dig tilskud til tandbehandling, fordi din indtægt er over grænsen.",
            "Du henvises til at søge hos din fagforening."), "henvises til"),
    (letter("Din ansøgning om aflastning i weekenden er afslået, fordi vi ikke har flere pladser i år.",
            "De henvises i stedet til private tilbud."), "henvises i stedet til"),
])
def test_officialese_refusal_is_cold(tone_findings, text, words):
    assert _on(tone_findings(text), "kold-afvisning", words)


@pytest.mark.parametrize("text", [
    # a reason in the sentence, the facts just before it, "derfor", a delay with a way on
    letter("Betingelserne for tilskud til fodterapi er ikke opfyldt, fordi du ikke har diabetes.",
           "Ring til os på 44 55 66 00, hvis du har spørgsmål."),
    letter("Du har ikke diabetes. Betingelserne for tilskud til fodterapi er derfor ikke opfyldt.",
           "Ring til os på 44 55 66 00, hvis du har spørgsmål."),
    letter("Du bor 3 km fra skolen, og din søn kan cykle på cykelstien hele vejen. Betingelserne for fri kørsel anses "
           "ikke for opfyldt.", "Ring til os på 44 55 66 00, hvis du har spørgsmål."),
    letter("Betingelserne for tilskuddet er ikke opfyldt endnu, men vi udbetaler det, når vi har fået din lønseddel."),
    letter("Hvis betingelserne ikke er opfyldt, skriver vi til dig igen."),
    # referred with help, to something to read, or with no refusal before it
    letter("Din ansøgning om hjemmehjælp er afslået, fordi du selv kan klare rengøringen.",
           "Du henvises til Frivilligcentret, der hjælper med indkøb; ring til dem på 44 55 66 11."),
    letter("Din ansøgning om boligstøtte er afslået, fordi din indtægt er over grænsen.",
           "De henvises til vedlagte vejledning om, hvordan vi regner indtægten ud."),
    letter("Tak for din henvendelse om parkering ved skolen.", "Du henvises til at parkere på pladsen bag hallen.",
           "Her er der altid plads om morgenen."),
])
def test_officialese_with_reason_help_or_no_refusal_is_not_flagged(tone_findings, text):
    assert not _on(tone_findings(text), "kold-afvisning", "opfyldt")
    assert not _on(tone_findings(text), "kold-afvisning", "henvises")


# ---------------------------------------------------------------- kommando: the impersonal passive

@pytest.mark.parametrize("sentence,words", [
    ("Der kan ikke forventes svar på mails om parkeringstilladelser.", "forventes svar"),
    ("Besked om ventetiden kan ikke forventes.", "kan ikke forventes"),
    ("Tilbuddet om aflastning skal bekræftes skriftligt inden 24 timer.", "inden 24 timer"),
    ("Pladsen i svømmehallen skal være betalt senest 12 timer før holdstart.", "12 timer"),
    ("Ny ansøgning om et handicapkøretøj behandles tidligst to år fra i dag.", "tidligst"),
    ("Ny ansøgning om et nyt hjælpemiddel kan tidligst behandles til sommer.", "tidligst"),
    ("Kommunen påtager sig intet ansvar for private flyttefirmaer.", "ansvar"),
])
def test_impersonal_order_is_a_command(tone_findings, sentence, words):
    assert _on(tone_findings(letter(sentence, "Ring til os på 44 55 66 00, hvis du har spørgsmål.")), "kommando", words)


@pytest.mark.parametrize("sentence", [
    "Du kan forvente svar fra os inden fire uger.",
    "Der kan ikke forventes svar i juli, fordi alle sagsbehandlere holder ferie.",
    "Urinprøven skal afleveres på laboratoriet inden 24 timer, så den stadig kan bruges.",
    "Skemaet skal sendes senest den 1. juni, fordi vi skal nå at beregne dit tilskud før sommerferien.",
    "Vi behandler din ansøgning om et handicapkøretøj, så snart vi har fået lægens udtalelse.",
    "Ny ansøgning kan tidligst behandles fra 1. januar, fordi puljen for i år er brugt op.",
    "Vi påtager os ansvaret for skaden på dit hegn og betaler reparationen.",
    "Du skal ikke betale noget, og vi sender svar inden 24 timer.",
])
def test_fair_sentences_with_the_same_verbs_are_no_command(tone_findings, sentence):
    assert not [f for f in tone_findings(letter(sentence, "Ring til os på 44 55 66 00, hvis du har spørgsmål."))
                if f[0] == "kommando"]


# ---------------------------------------------------------------- kold-afvisning: nobody to ask

NOBODY = "ingen medarbejder, intet telefonnummer"
REFUSAL = ("Du har søgt om en plads på svømmehallens morgenhold. Vi kan ikke give dig en plads, fordi holdet er fuldt.",
           "Du står på venteliste, og vi skriver til dig, når der bliver en plads.")


@pytest.mark.parametrize("text", [
    letter(*REFUSAL, end=UNIT_END),
    # the appeal guide's help to write the complaint is no one to ask about the decision
    letter(*REFUSAL, end=UNIT_END, appeal=APPEAL),
    # a reduction with no reason, signed by a unit: one finding, and it says both
    letter("Din hjælp til rengøring nedsættes til hver tredje uge.", "Ændringen gælder fra 1. maj.", end=UNIT_END),
])
def test_refusal_letter_with_nobody_to_ask_is_cold(tone_findings, text):
    found = [f for f in tone_findings(text) if f[0] == "kold-afvisning"]
    assert len(found) == 1 and NOBODY in found[0][2]


@pytest.mark.parametrize("text", [
    letter(*REFUSAL),                                                       # a named person signs
    letter(*REFUSAL, end=UNIT_END + "\nTelefon 44 55 66 00"),               # a phone number
    letter(*REFUSAL, end=UNIT_END + "\nsocial@nordby.dk"),                  # an e-mail
    letter(*REFUSAL, "Ring til Borgerservice, hvis du har spørgsmål.", end=UNIT_END),   # an offer to call
    letter(*REFUSAL, end=UNIT_END, appeal="\n\nKlagevejledning\nHar du spørgsmål til afgørelsen, kan du ringe til os "
                                          "på 44 55 66 00. Du kan klage inden 4 uger."),
    letter(*REFUSAL, end="\n\nMed venlig hilsen\n\nKaren Holm, Idrætsafdelingen\nNordby Kommune"),
    letter(*REFUSAL, end="\n\nMed venlig hilsen\n\n{sagsbehandler}\nIdrætsafdelingen"),   # a template's field
    # no refusal
    letter("Du har fået en plads på svømmehallens morgenhold. Holdet træner om tirsdagen kl. 7.",
           "Husk at tage badehætte med.", end=UNIT_END),
])
def test_named_contact_or_no_refusal_is_not_a_dead_end(tone_findings, text):
    assert not [f for f in tone_findings(text) if f[0] == "kold-afvisning" and NOBODY in f[2]]
