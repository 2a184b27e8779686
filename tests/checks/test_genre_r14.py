"""Session 14: the legal basis as the last line of the appeal guide, reasons told as facts and rules, others'
complaints that are no appeal guide, and a notice of an order or a receipt that is no decision.

The letters are written for these tests (invented places, names and numbers).
"""
from __future__ import annotations

import pytest

from letterlab.anatomy import read_anatomy
from letterlab.genres import detect_genre_parts
from test_genre_r13 import plain_nlp, run  # noqa: F401 (plain_nlp is a fixture)


def genre_of(text: str) -> str:
    return detect_genre_parts(text, read_anatomy(text).parts)[0]


# --- the legal basis as the last line of the appeal guide ----------------------------------------------------

REFUSAL = """Du kan ikke få tilskud til en ny cykel

Kære Bente Lind

Du kan ikke få tilskud til en ny el-cykel, fordi du kan bruge Flextrafik til dine ture til træning.

Med venlig hilsen

Ole Dam
Hjælpemidler

Klagevejledning
Du kan klage over afgørelsen til Solbæk Kommune senest 4 uger efter, at du har fået brevet. Send din klage til os.

{last}"""


@pytest.mark.parametrize("last", [
    "Afgørelsen er truffet efter lov om social service § 113.",
    "Afgørelsen er truffet efter reglerne i serviceloven § 112.",
])
def test_legal_basis_as_last_line_of_the_appeal_guide_counts(plain_nlp, last):
    assert run(plain_nlp, REFUSAL.replace("{last}", last), "genre.afgoerelse-regler") == []


@pytest.mark.parametrize("last", [
    # the appeal's own rules are not the decision's
    "Ankestyrelsen behandler klagen efter retssikkerhedslovens § 67.",
    "Du kan læse om din ret til at klage i retssikkerhedsloven § 60.",
])
def test_rules_of_the_appeal_itself_do_not_count(plain_nlp, last):
    assert len(run(plain_nlp, REFUSAL.replace("{last}", last), "genre.afgoerelse-regler")) == 1


# --- reasons told as facts and rules ----------------------------------------------------------------------

PARTIAL = """Du får hjælp til en del af dine briller

Kære Per Holt

Du får hjælp til en del af dine nye briller. Vi betaler 1.400 kr. af de 2.300 kr., som brillerne koster.

Det får du ikke hjælp til
{reason}

Klagevejledning
Du kan klage over afgørelsen til Solbæk Kommune senest 4 uger efter, at du har fået brevet."""


@pytest.mark.parametrize("reason", [
    "Du får ikke hjælp til glas med solfilter (900 kr.). Din øjenlæge skriver, at almindelige glas er nok til dit syn.",
    "Du får ikke hjælp til solfilteret. Vi kan kun betale for den del af brillerne, der er nødvendig for dit syn.",
    "Du får ikke hjælp til solfilteret. Reglerne siger, at kommunen kun betaler for det nødvendige.",
    "Du får ikke hjælp til solfilteret. Optikeren har vurderet, at almindelige glas er nok.",
])
def test_reason_as_facts_and_rules_counts(plain_nlp, reason):
    assert run(plain_nlp, PARTIAL.replace("{reason}", reason), "genre.afgoerelse-begrundelse") == []


@pytest.mark.parametrize("reason", [
    # the reader's own words are the application, not its answer
    "Du får ikke hjælp til solfilteret. Du skriver, at du gerne vil have glas med solfilter.",
    # a reason for a later step, not for the decision
    "Du får ikke hjælp til solfilteret. Send en ny regning, hvis du søger igen, fordi vi skal se den nye pris.",
    "Du får ikke hjælp til solfilteret. Hvis din øjenlæge senere vurderer, at du har brug for det, kan du søge igen.",
])
def test_no_reason_for_the_decision_is_still_found(plain_nlp, reason):
    assert len(run(plain_nlp, PARTIAL.replace("{reason}", reason), "genre.afgoerelse-begrundelse")) == 1


COLD_REFUSAL = """Afgørelse om tilskud til flytning

Kære Lise Krog

Din ansøgning om tilskud til flytning er afslået, jf. lov om aktiv socialpolitik § 85.

Du skal vedlægge en kopi af lejekontrakten, hvis du søger igen senere, fordi vi skal kunne se huslejen.

Med venlig hilsen

Borgerservice

Klagevejledning
Du kan klage over afgørelsen inden 4 uger. Send klagen til Solbæk Kommune."""


def test_refusal_with_only_a_paragraph_gets_the_reason_finding(plain_nlp):
    assert len(run(plain_nlp, COLD_REFUSAL, "genre.afgoerelse-begrundelse")) == 1


# --- others' complaints are no appeal guide ---------------------------------------------------------------

ORDER = """Påbud om at fjerne affald fra grunden

Kære Mads Kjær

Du skal fjerne bunken af byggeaffald på din grund senest den 1. september 2026.

Vi har fået flere klager fra naboerne over rotter ved bunken. {complaint}

Med venlig hilsen

Teknik og Miljø"""


@pytest.mark.parametrize("complaint", [
    "Naboernes gentagne klager handler om lugt og rotter.",
    "Klagerne kom i juni og juli.",
])
def test_others_complaints_are_no_appeal_guide(plain_nlp, complaint):
    text = ORDER.replace("{complaint}", complaint)
    guide = run(plain_nlp, text, "genre.klagevejledning")
    # the letter has no guide at all: one finding that says so, at the heading, not "who"/"how" on the complaints
    assert len(guide) == 1 and guide[0].text.startswith("Påbud om at fjerne")
    deadline = run(plain_nlp, text, "genre.klagefrist")
    assert all("klage" not in f.text.lower() for f in deadline)


@pytest.mark.parametrize("sentence", [
    "Hvis du klager over påbuddet, skal klagen være hos os inden 4 uger.",
    "Hvis du inden 4 uger klager over påbuddet til Miljø- og Fødevareklagenævnet, venter vi med påbuddet.",
    "Hvis du inden fristens udløb klager over påbuddet, venter vi med det. Klagefristen er 4 uger.",
])
def test_an_appeal_sentence_in_the_body_is_still_the_guide(plain_nlp, sentence):
    text = ORDER.replace("{complaint}", sentence)
    assert run(plain_nlp, text, "genre.klagefrist") == []


# --- a notice of an order, and a receipt, are no decisions ----------------------------------------------

NOTICE = """Varsel om påbud: Rotter ved Deres udhus

Kære Hans Lund

Kommunen varsler hermed påbud om at fjerne brændestablen ved Deres udhus, fordi der er rotter i den.

Vi har fået klager fra naboerne, og vi vil gerne høre Deres side af sagen, før vi beslutter noget.

Fjerner De ikke brændet, vil kommunen udstede påbud. Giv os besked senest den 1. juli 2026.

Med venlig hilsen

Miljø"""

ORDER_GIVEN = """Påbud: Fjern brændestablen ved Deres udhus

Kære Hans Lund

Kommunen giver Dem hermed påbud om at fjerne brændestablen ved Deres udhus senest den 1. august 2026, fordi der er rotter i den.

Vi varslede påbuddet den 3. juni 2026, og vi har ikke hørt fra Dem.

Med venlig hilsen

Miljø

Klagevejledning
De kan klage over påbuddet til Miljø- og Fødevareklagenævnet inden 4 uger."""


def test_notice_of_an_order_is_a_hearing_not_a_decision():
    assert genre_of(NOTICE) == "partshoering"


def test_an_order_given_is_still_a_decision():
    assert genre_of(ORDER_GIVEN) == "afgoerelse"


RECEIPT = """Vi har modtaget din ansøgning om landzonetilladelse

Kære Tina Bak

Tak for din ansøgning om at bygge et maskinhus på 120 m² på Engvej 14. Vi modtog ansøgningen den 2. marts 2026.

Hvad sker der nu
Vi ser på ansøgningen inden for 3 uger. Mangler vi tegninger, skriver vi til dig.

Vi forventer, at du har en afgørelse senest den 15. april 2026.

Hvornår må du bygge
Du må først begynde at bygge, når du har fået landzonetilladelsen og byggetilladelsen.

Gebyr
Du får en regning på gebyret, når vi har truffet afgørelsen.

Med venlig hilsen

Plan og Byg"""

PERMIT = """Du får tilladelse til en ny overkørsel

Kære Tina Bak

Du får tilladelse til at lave en ny overkørsel til Birkevej 3. Vi har godkendt din ansøgning.

Du må begynde arbejdet, når du har fået denne tilladelse. Du får en regning på gebyret på 600 kr.

Med venlig hilsen

Vej og Park"""


def test_receipt_with_what_happens_next_is_a_receipt():
    assert genre_of(RECEIPT) == "kvittering"


def test_a_permit_is_still_a_decision():
    assert genre_of(PERMIT) == "afgoerelse"
