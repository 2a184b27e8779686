"""Who acts, in the passive -> active rewrites that are offered as safe (review 11r).

A "der"-passive becomes "vi" safely only when nothing in the letter says that someone else acts: not an
"af" phrase that may name a person, not a third party the letter names as doing the same thing, not the
noun acted on (payments are made by payers), and not "vil ikke" (which turns into unwillingness). The
fixed formulas keep what the sentence is about and its force ("skal rettes til" is an instruction).

Own letters from other services than the review's; the real model runs end to end.
"""
from __future__ import annotations

from functools import lru_cache

import pytest

pytestmark = pytest.mark.model

HEAD = "Fjordby Kommune\nTeknik og Miljø\n\nKære Lene Madsen\n\n"
TAIL = "\n\nMed venlig hilsen\n\nOle Berg\nTeknik og Miljø\n"


@lru_cache(maxsize=None)
def _passive(body: str) -> tuple[tuple[str, str, bool, str], ...]:
    """(replaced text, replacement, safe, note) of every passive rewrite letterlab offers on the letter."""
    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline

    r = analyse(HEAD + body + TAIL, nlp=load_pipeline())
    return tuple((r.text[s.start:s.end], s.replacement, s.safe, s.note)
                 for f in r.findings if "passiv" in f.rule for s in f.suggestions)


def _safe_vi(body: str) -> list[tuple[str, str]]:
    return [(old, new) for old, new, safe, _ in _passive(body) if safe and new.lower().startswith("vi ")]


# ---------------------------------------------------------------- 1. someone else may act

@pytest.mark.parametrize("body", [
    # the noun acted on says who acts: payments are made by those who pay
    "Det viser kassens log, at der blev foretaget 40 indbetalinger i løbet af dagen.",
    "Der er i perioden modtaget boligstøtte, som du ikke havde ret til.",
    # an "af" phrase may name the one who acts
    "Der blev foretaget en vurdering af sygeplejersken i dit hjem den 4. maj 2026.",
    # the letter names a third party who does the same
    "Familiestyrelsen træffer afgørelse om børnetilskud. Der er endnu ikke truffet afgørelse i din sag.",
    "Familiestyrelsen udbetaler børnetilskud hver måned. Der er udbetalt børnetilskud for januar.",
    # "vil ikke" with "vi" reads as unwillingness
    "Der vil ikke blive udbetalt tilskud for april, fordi vi mangler kvitteringen.",
])
def test_a_der_passive_is_not_safely_vi_when_another_may_act(body):
    assert _safe_vi(body) == [], _passive(body)


def test_the_unsafe_rewrite_says_what_the_risk_is():
    notes = [note for _, new, safe, note in
             _passive("Familiestyrelsen træffer afgørelse om børnetilskud. Der er endnu ikke truffet afgørelse i "
                      "din sag.") if new.lower().startswith("vi ")]
    assert notes and all("en anden" in n for n in notes), notes


@pytest.mark.parametrize("body,old", [
    # the municipality clearly acts: these stay safe
    ("Vi har fået din klage. Der er truffet afgørelse om, at du får hjælp til trappelift.", "er truffet"),
    ("Der er foretaget en ny beregning af din boligydelse.", "foretaget"),
    ("Der vil blive foretaget en ny vurdering af din sag i juni.", "foretaget"),
    ("Der er ikke modtaget nogen indbetaling fra dig.", "modtaget"),
    # a third party does something else in the letter: it does not make the sender's own act unsafe
    ("Modregningen foretages af Skattestyrelsen. Der er foretaget en genberegning af din hjælp.", "foretaget"),
])
def test_a_der_passive_the_sender_surely_does_stays_safe(body, old):
    assert any(old in o for o, _ in _safe_vi(body)), _passive(body)


# ---------------------------------------------------------------- 2. contact formulas

@pytest.mark.parametrize("body", [
    "Spørgsmål om byggeriet bedes rettet til Hansen Entreprise A/S på telefon 40 50 60 70.",
    "Henvendelser om erstatning skal rettes til forsikringsselskabet og ikke til kommunen.",
])
def test_a_contact_formula_that_would_lose_the_topic_or_a_tail_is_not_offered(body):
    got = [(old, new) for old, new, _, _ in _passive(body) if "kontakte" in new]
    assert got == [], got


def test_an_instruction_to_contact_is_not_safely_an_offer():
    got = [(new, safe) for _, new, safe, _ in _passive("Klager over støj skal rettes til Borgerservice.")
           + _passive("Henvendelser skal rettes til Borgerservice.") if "kontakte" in new]
    assert not any(safe for _, safe in got), got


@pytest.mark.parametrize("body,new", [
    ("Eventuelle spørgsmål bedes rettet til undertegnede.", "Du er velkommen til at kontakte mig"),
    ("Henvendelse vedrørende sagen kan rettes til Borgerservice på telefon 72 10 10 10.",
     "Du kan kontakte Borgerservice"),
])
def test_a_contact_formula_without_a_topic_stays_safe(body, new):
    assert any(n == new and safe for _, n, safe, _ in _passive(body)), _passive(body)


# ---------------------------------------------------------------- 3. bedes, hermed, understreges

def test_bedes_that_gives_leave_becomes_kan_not_skal():
    got = [(new, safe) for old, new, safe, _ in
           _passive("Har du allerede sendt skemaet, bedes du se bort fra dette brev.") if old == "bedes"]
    assert got == [("kan", True)], got


def test_bedes_in_a_plain_condition_still_becomes_skal():
    got = [(new, safe) for old, new, safe, _ in
           _passive("Du er indkaldt til et møde om din sag den 4. maj 2026. Hvis du ikke kan komme til mødet, "
                    "bedes du give besked til kontoret senest dagen før.")
           if old == "bedes"]
    assert got == [("skal", True)], got


def test_a_rewrite_that_drops_hermed_after_a_modal_says_so():
    got = [(new, safe, note) for old, new, safe, note in
           _passive("Der skal hermed anmodes om dine bemærkninger til sagen.") if "hermed" in old]
    assert got and not any(safe for _, safe, _ in got) and all("hermed" in note for _, _, note in got), got


def test_vi_kan_understrege_is_not_safe():
    # review 16: "Vi kan understrege" turns "skal" into "kan" and keeps the lecturing: not offered at all
    got = [(new, safe) for _, new, safe, _ in _passive("Det understreges, at fristen ikke kan forlænges.")]
    assert not any("understrege" in new for new, _ in got), got


# ---------------------------------------------------------------- 4. the agent keeps its form

def test_a_polite_agent_keeps_its_capital():
    got = [new for _, new, _, _ in _passive("Vi har fået en attest, som ikke er blevet underskrevet af Dem.")]
    assert got and all(" de " not in f" {n} " for n in got), got


def test_an_agent_with_a_coordinated_af_phrase_is_not_moved():
    # "Ejeren afholder udgifterne til målingerne og ikke af kommunen": the second "af" would hang loose
    got = [new for _, new, _, _ in _passive("Udgifterne til målingerne afholdes af ejeren og ikke af kommunen.")]
    assert got == [], got


# ---------------------------------------------------------------- 5. a legal term is no plain swap

def test_underretning_to_besked_is_not_safe():
    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline

    r = analyse(HEAD + "Skolen vurderer nu, om der skal ske underretning til Familieafdelingen." + TAIL,
                nlp=load_pipeline())
    got = [(s.replacement, s.safe) for f in r.findings for s in f.suggestions
           if r.text[s.start:s.end].lower() == "underretning"]
    assert got and not any(safe for _, safe in got), got
