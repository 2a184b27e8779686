"""Session 13: whole-letter verdicts for readers addressed as "I", prognoses that are no deadlines, and
"træffe afgørelse om" as a fixed phrase of case work.

The letters are written for these tests (invented places, names and numbers).
"""
from __future__ import annotations

import pytest
import spacy

from letterlab.checks import genre
from letterlab.checks.base import LetterContext, ensure_letter_extension
from letterlab.core import analyse
from letterlab.genres import detect_genre
from letterlab.nlp.pipeline import add_letter_components
from letterlab.ruleset import default_ruleset

GUIDE_RULES = ("genre.klagevejledning", "genre.klagefrist")


@pytest.fixture(scope="module")
def plain_nlp():
    return add_letter_components(spacy.blank("da"))


def run(plain_nlp, text, rule_id, genre_name="afgoerelse"):
    doc = plain_nlp(text)
    ensure_letter_extension()
    doc._.letter = LetterContext(genre=genre_name)
    return list(default_ruleset().get(rule_id).check(doc))


def guide_findings(plain_nlp, text):
    return {rid: [f.text for f in run(plain_nlp, text, rid)] for rid in GUIDE_RULES}


# --- a full grant to "I" needs no appeal guide, as a full grant to "du" needs none --------------------------

GRANT_I = """I får tilskud til Jonas' lejrskole

Kære Hanne og Peter Lund

Vi har godkendt jeres ansøgning om tilskud til Jonas' lejrskole på Bornholm. I får 1.800 kr., og det er det, I har søgt om.

Tilskuddet dækker ikke lommepenge. Vi sender pengene til jeres NemKonto."""

GRANT_RAMP = """I får en rampe ved hoveddøren

Kære Ida og Karl Bech

Vi har bevilget jeres ansøgning om en rampe ved hoveddøren. I får det, som I har søgt om.

Kommunen dækker ikke vedligeholdelse af rampen. En håndværker ringer til jer inden jul."""


@pytest.mark.parametrize("text", [GRANT_I, GRANT_RAMP])
def test_full_grant_to_i_needs_no_appeal_guide(plain_nlp, text):
    assert guide_findings(plain_nlp, text) == {rid: [] for rid in GUIDE_RULES}


def test_full_grant_to_du_still_needs_no_appeal_guide(plain_nlp):
    text = (GRANT_I.replace("Hanne og Peter Lund", "Hanne Lund").replace("I får 1.800", "Du får 1.800")
            .replace("I har søgt", "du har søgt").replace("jeres", "din").replace("I får tilskud", "Du får tilskud"))
    assert guide_findings(plain_nlp, text) == {rid: [] for rid in GUIDE_RULES}


# hard negatives: a refusal or a partial grant to "I" without an appeal guide still gets the errors
REFUSAL_I = """I får ikke plads i Fritidsklubben Kastanjen

Kære Mette og Lars Holm

Vi har sagt nej til jeres ansøgning om plads i Fritidsklubben Kastanjen til Oscar, fordi der ikke er ledige pladser. Reglerne står i dagtilbudsloven § 23.

Har I spørgsmål, er I velkomne til at ringe til mig."""

PARTIAL_I = """Tilskud til jeres trappelift

Kære Ulla og Bent Krogh

I har søgt om 6.000 kr. til en ny trappelift. I får 4.000 kr., fordi en enklere lift kan dække jeres behov. Reglerne står i lov om social service § 116.

Vi sender pengene til jeres NemKonto."""


@pytest.mark.parametrize("text", [REFUSAL_I, PARTIAL_I])
def test_refusal_or_partial_grant_to_i_without_guide_gets_the_errors(plain_nlp, text):
    found = guide_findings(plain_nlp, text)
    assert all(len(v) == 1 for v in found.values()), found


def test_refusal_to_i_is_read_as_a_decision():
    assert detect_genre(REFUSAL_I)[0] == "afgoerelse"
    # the same verdict as the letter to "du"
    du = REFUSAL_I.replace("Mette og Lars Holm", "Mette Holm").replace("I får ikke", "Du får ikke").replace(
        "jeres", "din").replace("Har I spørgsmål, er I", "Har du spørgsmål, er du")
    assert detect_genre(du)[0] == "afgoerelse"


def test_refusal_to_i_with_a_guide_passes(plain_nlp):
    text = REFUSAL_I.replace("\n\nHar I spørgsmål", (
        "\n\nKlagevejledning\n\nI kan klage til Børne- og Ungeudvalget. Send jeres klage til os senest 4 uger efter, "
        "at I har fået brevet.\n\nHar I spørgsmål"))
    assert guide_findings(plain_nlp, text) == {rid: [] for rid in GUIDE_RULES}


def test_partial_grant_to_i_is_less_than_asked():
    assert genre._less_than_asked("i har søgt om 6.000 kr. til en lift. i får 4.000 kr. til den.")
    assert genre._less_than_asked("i har søgt om 6.000 kr. til en lift. vi giver jer 4.000 kr.")
    assert not genre._less_than_asked("i har søgt om 6.000 kr. til en lift. i får 6.000 kr.")


@pytest.mark.model
def test_grant_and_refusal_to_i_end_to_end(nlp):
    letter = "Ringsted Kommune\nSkole og Dagtilbud\n\nDato: 2. november 2026\n\n{}\n\nMed venlig hilsen\n\nAnne Vang\n"
    grant = analyse(letter.format(GRANT_I), default_ruleset(), nlp=nlp)
    assert [f.rule for f in grant.findings if f.category == "genre"] == []
    refusal = analyse(letter.format(REFUSAL_I), default_ruleset(), nlp=nlp)
    assert refusal.genre == "afgoerelse"
    assert sorted(f.rule for f in refusal.findings if f.category == "genre") == list(GUIDE_RULES[::-1])


# --- a period in someone's prognosis is not a deadline for the reader ---------------------------------------

@pytest.mark.parametrize("sentence", [
    "Vi har fået oplyst, at din læge ikke forventer, at du kan vende tilbage til arbejdet inden for 6 uger.",
    "Jobcentret vurderer, at De kan starte i et fleksjob inden for 3 måneder.",
    "Fysioterapeuten regner med, at du kan gå uden stok inden for 4 uger.",
    "Speciallægen regner med, at I kan klare jer uden hjemmehjælp inden for 4 uger.",
])
def test_prognosis_period_is_no_deadline(plain_nlp, sentence):
    assert run(plain_nlp, sentence, "genre.frist-uden-start", "orientering") == []


@pytest.mark.parametrize("sentence", [
    # a request wrapped as an expectation is still a deadline the reader must meet
    "Vi forventer, at du sender os lægeerklæringen inden 8 dage.",
    "Vi forventer, at De kan sende os dokumentationen inden 14 dage.",
    "Du skal sende os en ny lægeerklæring inden 8 dage.",
    "I skal fjerne trailerne fra vejen inden 14 dage.",
    "Vi forventer, at I har fjernet hegnet inden for 4 uger, og I skal betale gebyret inden 14 dage.",
])
def test_deadline_for_the_reader_is_still_flagged(plain_nlp, sentence):
    assert len(run(plain_nlp, sentence, "genre.frist-uden-start", "orientering")) == 1


# --- "træffe afgørelse om" is fixed case-work language ------------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Hvis vi ikke hører fra dig, vil vi træffe afgørelse om, at du skal betale 2.300 kr. tilbage.",
    "Herefter træffer Teknik og Miljø afgørelse om, at jeres carport skal flyttes.",
    "Vi har truffet afgørelse om din boligstøtte.",
])
def test_traeffe_afgoerelse_om_gets_no_nominalisation(nlp, text):
    report = analyse(text, default_ruleset(), nlp=nlp)
    assert [f.text for f in report.findings if f.rule == "let-at-laese.nominaliseringer"] == []


@pytest.mark.model
def test_traeffe_afgoerelse_i_sagen_is_still_flagged(nlp):
    report = analyse("Kommunen har truffet afgørelse i din sag om hjælp til bad.", default_ruleset(), nlp=nlp)
    hits = [f for f in report.findings if f.rule == "let-at-laese.nominaliseringer"]
    assert [f.text for f in hits] == ["truffet afgørelse i"]


# --- review 18: what we send the reader within a period is our promise, not the reader's deadline ----------------

@pytest.mark.parametrize("sentence", [
    "Dit nye sundhedskort bliver sendt til din Digital Post inden for en uge.",
    "Jeres parkeringslicens bliver sendt ud til jer inden 5 hverdage.",
    "Vi sender dit nye pas til din adresse inden for 14 dage.",
    "Tilskuddet bliver udbetalt til din konto inden 10 dage.",
])
def test_what_we_send_within_a_period_is_no_deadline(plain_nlp, sentence):
    assert run(plain_nlp, sentence, "genre.frist-uden-start", "orientering") == []


@pytest.mark.parametrize("sentence", [
    # the reader sends, or what is sent goes elsewhere: still the reader's deadline
    "Skemaet skal sendes til os inden for 14 dage.",
    "Vi sender dig et skema, som du skal sende tilbage inden 8 dage.",
    "Kravet bliver sendt til inddrivelse, hvis du ikke betaler inden 14 dage.",
    "Du skal sende dit gamle kort til din sagsbehandler inden for en uge.",
])
def test_what_the_reader_sends_within_a_period_is_still_flagged(plain_nlp, sentence):
    assert len(run(plain_nlp, sentence, "genre.frist-uden-start", "orientering")) == 1
