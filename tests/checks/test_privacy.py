"""Personal data: CPR numbers (masked in every finding), phone numbers and e-mail addresses."""
from __future__ import annotations

import json

import pytest
import spacy

from letterlab.checks import privacy
from letterlab.core import analyse
from letterlab.nlp.pipeline import add_letter_components
from letterlab.ruleset import default_ruleset


@pytest.fixture(scope="module")
def plain_nlp():
    """A tagger-free pipeline: privacy works on the text, so no model is needed."""
    return add_letter_components(spacy.blank("da"))


def _findings(text, rule_id, nlp):
    rs = default_ruleset()
    report = analyse(text, rs, nlp=nlp)
    return report, [f for f in report.findings if f.rule == rule_id]


@pytest.mark.parametrize("dd,mm,yy,ok", [
    ("01", "01", "90", True), ("29", "02", "04", True), ("29", "02", "00", True), ("31", "04", "90", False),
    ("00", "01", "90", False), ("15", "13", "90", False), ("32", "01", "90", False), ("30", "02", "96", False),
])
def test_valid_birth_date(dd, mm, yy, ok):
    assert privacy.valid_birth_date(dd, mm, yy) is ok


def test_mask_keeps_only_the_birth_date():
    assert privacy.mask_cpr("010190-1234") == "010190-****"
    assert privacy.mask_cpr("0101901234") == "010190****"


def test_find_cpr_with_and_without_dash():
    text = "CPR 010190-1234 og 2412851234, men ikke 310490-1234 eller kontonr. 0101901234."
    found = [t for _, _, t in privacy.find_cpr(text, privacy.NOT_CPR_BEFORE)]
    assert found == ["010190-1234", "2412851234"]


def test_cpr_finding_never_holds_the_full_number(plain_nlp):
    text = ("Kære Anne\n\nVi har registreret dig med CPR-nummer 010190-1234. Du får svar i næste uge, "
            "når vi har talt med din læge og din arbejdsgiver om dit forløb.")
    report, hits = _findings(text, "persondata.cpr", plain_nlp)
    assert len(hits) == 1
    f = hits[0]
    assert f.severity == "error"
    assert f.text == "010190-****"
    assert "1234" not in f.message and "010190-****" in f.message
    assert text[f.start:f.end] == "010190-1234"
    # Findings of the letter-level checks quote whole sentences; they mask the number too.
    mine = [g for g in report.findings if g.rule.split(".")[0] in ("persondata", "klart-budskab", "genre", "borgerrettet")]
    assert any(g.rule == "klart-budskab.overskrift" for g in mine)
    assert all("010190-1234" not in json.dumps(g.to_dict(), ensure_ascii=False) for g in mine)
    assert all("1234" not in s.replacement for s in f.suggestions)


def test_cpr_inside_placeholder_or_as_account_number_is_not_flagged(plain_nlp):
    _, hits = _findings("Dit CPR-nummer er {cpr}. Overfør til kontonr. 0101901234.", "persondata.cpr", plain_nlp)
    assert hits == []


@pytest.mark.parametrize("text,expected", [
    ("Ring på tlf. 72 10 44 00 i dag.", ["72 10 44 00"]),
    ("Ring på 72104400.", ["72104400"]),
    ("Ring på +45 21 43 65 87.", ["+45 21 43 65 87"]),
    ("Mobil: 2143 6587", ["2143 6587"]),
    ("Beløbet er 72 10 44 00 kr.", []),
    ("Dit sagsnummer er 72104400.", []),
    ("Sagsnr. 72104400", []),
    ("Mødet er den 12 11 2026.", []),
    ("Overfør 1.250,00 kr. til reg.nr. 1234, kontonr. 0001234567.", []),
    ("Ring på 12 34 56 78.", []),          # Danish numbers do not start with 1
    ("CPR 010190-1234.", []),
])
def test_find_phones(text, expected):
    assert [t for _, _, t in privacy.find_phones(text, privacy.NOT_PHONE_BEFORE)] == expected


def test_phone_and_email_findings_are_info_with_placeholder_advice(plain_nlp):
    text = "Vi har dit telefonnummer 72 10 44 00 og din e-mail mette.lund@example.com. Skriv ikke til {email}."
    _, phones = _findings(text, "persondata.telefon", plain_nlp)
    _, mails = _findings(text, "persondata.email", plain_nlp)
    assert [(f.text, f.severity) for f in phones] == [("72 10 44 00", "info")]
    assert [(f.text, f.severity) for f in mails] == [("mette.lund@example.com", "info")]
    # replacing the number with {telefon} would lose it: the placeholder is advice in the message, not a suggestion
    assert phones[0].suggestions == () and "{telefon}" in phones[0].message
    assert mails[0].suggestions == () and "{email}" in mails[0].message


def test_privacy_findings_offer_no_content_losing_suggestion(plain_nlp):
    text = "Vi har registreret dig med CPR-nummer 010190-1234. Dit nummer er 72 10 44 00 og din mail a@b.dk."
    for rule in ("persondata.telefon", "persondata.email"):
        _, hits = _findings(text, rule, plain_nlp)
        assert hits and all(f.suggestions == () for f in hits)
    _, [cpr] = _findings(text, "persondata.cpr", plain_nlp)
    assert "{cpr}" in cpr.message and "1234" not in cpr.message
    # a CPR number is the one thing a rewrite should take out (#13): its suggestion is the merge field, never the number
    assert [(s.replacement, s.kind) for s in cpr.suggestions] == [("{cpr}", "privacy")]


def test_find_emails_ignores_web_addresses():
    found = [t for _, _, t in privacy.find_emails("Se www.fjordby.dk/affald eller skriv til affald@fjordby.dk.")]
    assert found == ["affald@fjordby.dk"]


SENDER_LETTER = """Fjordby Kommune
Borgerservice
Telefon 72 10 10 10
borgerservice@fjordby.dk

Din nye adresse

Kære Anders

Du har oplyst, at dit nye mobilnummer er 21 43 65 87, og at din mail er anders.m@example.com.
Ring til mig på 72 10 10 42, eller skriv til mig på lone.berg@fjordby.dk, hvis noget er forkert.

Med venlig hilsen

Lone Berg
Direkte telefon: 72 10 10 42
E-mail: lone.berg@fjordby.dk
"""


def test_senders_own_contact_data_is_not_flagged_the_citizens_is(plain_nlp):
    report, phones = _findings(SENDER_LETTER, "persondata.telefon", plain_nlp)
    mails = [f for f in report.findings if f.rule == "persondata.email"]
    assert [f.text for f in phones] == ["21 43 65 87"]
    assert [f.text for f in mails] == ["anders.m@example.com"]


def test_sender_contact_can_be_switched_on_for_templates(plain_nlp, tmp_path):
    from letterlab.ruleset import load_rules

    (tmp_path / "skabeloner.toml").write_text(
        '[[override]]\nid = "persondata"\nparams = { sender_contact = true }\n', encoding="utf-8")
    rules = load_rules([tmp_path])
    report = analyse(SENDER_LETTER, rules, nlp=plain_nlp)
    phones = [f.text for f in report.findings if f.rule == "persondata.telefon"]
    mails = [f.text for f in report.findings if f.rule == "persondata.email"]
    assert phones == ["72 10 10 10", "21 43 65 87", "72 10 10 42", "72 10 10 42"]
    assert len(mails) == 4


def test_an_email_goes_to_its_readers_address_on_its_header_line(plain_nlp):
    head = ("Fra: Pladsanvisningen <plads@havnby.dk>\nTil: sofie.munk@mail.dk\nDato: 3. december 2026\n"
            "Emne: Vi har fået din ansøgning\n\nKære Sofie\n\n")
    _, mails = _findings(head + "Tak for din ansøgning om plads til Ida.", "persondata.email", plain_nlp)
    assert mails == []
    # the same address in the body is the citizen's data, as before
    _, mails = _findings(head + "Du har oplyst din e-mail sofie.munk@mail.dk i ansøgningen.", "persondata.email", plain_nlp)
    assert [f.text for f in mails] == ["sofie.munk@mail.dk"]


# A number whose label names another kind of number is no phone number; a phone label keeps it one.
@pytest.mark.parametrize("text", [
    "Opgiv vores kreditornummer 86543210, når du betaler.",
    "Kreditor-nr.: 86543210",
    "Skriv kreditornr. 86543210 på overførslen.",
    "Parkeringsafgift nr. 88123457 er betalt.",
    "Rykkergebyr nr. 88123457 bortfalder.",
    "Faktura nr. 86543210 skal betales senest den 3. maj.",
    "Ordre nr. 86543210 er sendt.",
    "Vores P-nummer er 10123456.",
    "EAN-nummer 57980001",
    "CVR-nr. 29189838",
    "Dit medlemsnummer er 86543210.",
    "+71 < 000001234567891 + 86543210 <",
    "+73< +86543210<",
    "Nr. 86543210 er betalt.",
    "Betal med FI-kort +71<000001234567891 +86543210<",
])
def test_labelled_numbers_are_not_phones(text):
    assert privacy.find_phones(text, privacy.NOT_PHONE_BEFORE) == []


@pytest.mark.parametrize("text", [
    "Tlf. nr. 21436587",
    "Telefon nr.: 21 43 65 87",
    "Dit telefonnummer er 21436587.",
    "Mobilnr. 2143 6587",
    "Ring på nr. 21436587, hvis det haster.",
    "Vi har dit nummer 21436587 i sagen.",
    "Vagtnummer: 21436587",
    "Nummer: 21436587",
    "Ring til 21436587, og oplys kreditornummer 86543210.",
])
def test_phone_labels_keep_a_phone(text):
    found = [n for _, _, n in privacy.find_phones(text, privacy.NOT_PHONE_BEFORE)]
    assert len(found) == 1 and found[0].replace(" ", "").startswith("2143")


def test_fine_number_in_a_letter_is_not_flagged(plain_nlp):
    text = ("Kære Ole Berg\n\nDu skal betale parkeringsafgift nr. 88123457 senest den 1. juni 2026. Husk at skrive "
            "afgift nr. 88123457 på betalingen. Du kan betale med kreditornummer 86543210.\n\nMed venlig hilsen\n"
            "Fjordby Kommune")
    _, hits = _findings(text, "persondata.telefon", plain_nlp)
    assert hits == []


# --- review 12: a staff member's or an institution's work number is contact information --------------------

WORK_NUMBERS = """Plads i dagplejen

Kære Sara

Oskar får plads hos dagplejer Lotte Vang fra den 1. februar 2027.

Dagplejepædagog: Mads Friis, tlf. 76 42 61 20
Har du brug for råd om økonomi, kan du få gratis hjælp hos Gældsrådgivningen i Fjordby, telefon 56 14 22 90.
Lægevagten, tlf. 70 11 31 31

Vi har noteret, at du kan træffes på 21 43 65 87.
Mor: Sara Holm, tlf. 28 19 44 07
Mobil: 2290 1177
Oskars far har telefon 31 22 45 67.

Med venlig hilsen

Birgit Lund
Pladsanvisningen
"""


def test_staff_and_institution_numbers_are_contact_data_the_citizens_are_flagged(plain_nlp):
    report, phones = _findings(WORK_NUMBERS, "persondata.telefon", plain_nlp)
    assert [f.text for f in phones] == ["21 43 65 87", "28 19 44 07", "2290 1177", "31 22 45 67"]


@pytest.mark.parametrize("text,work", [
    ("Leder: Jonas Berg, tlf. 72 10 55 80", True),
    ("Kontakt evt. sundhedsplejerske Anne Bak, tlf. 72 10 45 31.", True),
    ("Du kan få råd hos Patientkontoret på 72 10 45 31.", True),
    ("Mor: Lise Hansen, tlf. 21 43 65 87", False),
    ("Tlf. nr. 2143 6587", False),
    ("Vi har fået hjælpen på 21 43 65 87.", False),
])
def test_work_contact_label(text, work):
    start = privacy.find_phones(text, privacy.NOT_PHONE_BEFORE)[0][0]
    assert privacy._work_contact(text, start) is work
