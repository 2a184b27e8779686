"""Threat and order rules, round 16: cold sanctions a blind editor found missed because they were told in the plain
present, on a lapse in other verbs, or in plain words after a safe rewrite. Our own sentences and letters (other
areas, du, De and I form), each next to hard negatives that reuse the same verbs. The real pipeline with the learned
model switched off, so the rules alone are tested."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tone_families import families  # noqa: F401  (the fixture)

HEAD = "Greve Kommune\nTeknik og Miljø\nRådhusholmen 10, 2670 Greve\n\n"
END = "\n\nMed venlig hilsen\n\nAnne Berg\nSagsbehandler"
ROOT = Path(__file__).resolve().parents[2]


def letter(*paragraphs: str, greeting: str = "Kære Peter Holm") -> str:
    return HEAD + greeting + "\n\n" + "\n\n".join(paragraphs) + END


# ---------------------------------------------------------------- cold sanctions in other words: (letter, families)

BOTH = ("trussel", "raekkefoelge")
COLD = [
    # the reader's service stops, in the plain present, before the request it backs
    (letter("Tømningen af din container til haveaffald ophører den 1. april.",
            "Du skal betale 1.260 kr. for tømninger i januar og februar senest den 20. marts.",
            "Hvis du har svært ved at betale, kan du ringe til os på 43 97 97 00, så finder vi en løsning."), BOTH),
    (letter("Leveringen af vand i dunke til Dem ophører den 1. juni.", "De bedes betale 640 kr. for maj inden den 15. maj.",
            "Vi har ændret ruten for vognen.", "Ring til os på 43 97 97 00, hvis De har brug for hjælp til at betale.",
            greeting="Kære Karen Lund"), BOTH),
    # our work in the reader's place, charged to them, with no reason
    (letter("Vi har set, at der står haveaffald ved siden af containeren ved din carport.",
            "Haveaffald uden for containeren fjernes af kommunen, og udgiften påføres din næste affaldsregning.",
            "Husk at lukke låget efter tømning."), ("trussel",)),
    (letter("Manglende rydning af fortovet medfører, at kommunen rydder det og sender regningen til dig.",
            "Du bedes rydde fortovet ud for dit hus for sne senest kl. 7.00.",
            "Vi skriver til dig, fordi flere naboer er faldet på fortovet.",
            "Ring til os på 43 97 97 00, hvis du ikke selv kan rydde det."), BOTH),
    # ... with the request in the plain words of the safe rewrite ("Ryd …", which the tagger reads as a name)
    (letter("Manglende rydning af fortovet medfører, at kommunen rydder det og sender regningen til dig.",
            "Ryd fortovet ud for dit hus for sne senest kl. 7.00."), ("raekkefoelge",)),
    # the officialese and the plain words of the safe swaps, with help next to it but no reason
    (letter("Vi skrev til dig den 2. april om træet, der hænger ud over cykelstien.",
            "Efterkommes påbuddet ikke inden den 1. juni, iværksættes fældningen for din regning, og udgiften vil blive "
            "opkrævet sammen med ejendomsskatten.",
            "Ring til os på 43 97 97 00, hvis du ikke selv kan fælde træet, så finder vi en løsning."), ("trussel",)),
    (letter("Vi skrev til dig den 2. april om træet, der hænger ud over cykelstien.",
            "Følges påbuddet ikke inden den 1. juni, startes fældningen for din regning, og udgiften vil blive opkrævet "
            "sammen med ejendomsskatten.",
            "Ring til os på 43 97 97 00, hvis du ikke selv kan fælde træet, så finder vi en løsning."), ("trussel",)),
    # a lapse: the whole debt due at once, a loss or an escalation in other consequence verbs
    (letter("Vi har lavet en aftale med dig om at betale vandregningen i rater på 500 kr.",
            "Overholdes aftalen ikke, forfalder hele restbeløbet straks og overdrages til Gældsstyrelsen.",
            "Første rate skal være betalt den 1. juni."), BOTH),
    (letter("Vi har ikke fået regnskabet for foreningens lokaletilskud for 2024.",
            "Ved fortsat manglende regnskab vil tilskuddet til foreningen blive tilbageholdt.",
            "Regnskabet skal vi have senest den 1. maj.",
            "Ring til os på 43 97 97 00, hvis I har brug for hjælp til at lave regnskabet.", greeting="Kære bestyrelse"),
     BOTH),
    (letter("Ved næste udeblivelse vil sagen blive sendt videre til familierådgivningen.",
            "Oliver var ikke i børnehaven til sprogtesten den 3. og den 10. marts.",
            "Vi har brug for at se, hvordan det går med hans sprog, og vi har givet ham en ny tid den 24. marts kl. 9.00.",
            "Ring til børnehaven, hvis tiden ikke passer.", greeting="Kære Ida og Ole Holm"), BOTH),
]


@pytest.mark.parametrize("text,expected", COLD, ids=range(len(COLD)))
def test_cold_sanction_in_other_words_is_found(families, text, expected):
    got = families(text)
    assert set(expected) <= got, f"expected {expected}, got {sorted(got)}"


# ---------------------------------------------------------------- hard negatives: the same verbs, fairly told

@pytest.mark.parametrize("text", [
    # a consequence with its condition and a way out
    letter("Hvis vi ikke får dine lønsedler for marts, kan vi ikke beregne din boligstøtte. "
           "Ring til os, hvis du har svært ved at finde dem."),
    # a decision letter: what stops and why
    letter("Vi har besluttet, at din hjælp til rengøring stopper den 1. maj.",
           "Det er, fordi du nu selv kan gøre rent i din lejlighed.", "Du kan klage over afgørelsen."),
    letter("Din boligstøtte stopper den 1. juni.", "Det er, fordi du er flyttet til en anden kommune.",
           "Ring til os, hvis du har spørgsmål."),
    # news for everyone, and a stop with its reason and what comes instead
    letter("Ordningen med gratis morgensvømning i Greve Svømmehal ophører den 1. maj.",
           "Svømmehallen holder i stedet åbent for alle fra kl. 6.00."),
    letter("Ordningen med gratis kørsel til genbrugspladsen ophører den 1. maj, fordi kommunen har fået en ny "
           "affaldsbil, og du får i stedet afhentet dit storskrald hjemme."),
    # our work charged, with its reason and a way out next to it
    letter("Hvis hækken ikke er klippet inden den 1. juni, klipper vi den for din regning, fordi fortovet skal være "
           "frit for gående. Ring til os, hvis du ikke selv kan klippe den, så finder vi en løsning."),
    letter("Hvis hækken ikke er klippet inden den 1. juni, klipper vi den for din regning, fordi fortovet skal være "
           "frit for gående.", "Ring til os, hvis du ikke selv kan klippe den, så finder vi en løsning."),
    # a price for what the reader orders, a charge already made with its reason
    letter("Du kan bestille ekstra tømning af din container på kommunens hjemmeside.",
           "Prisen er 95 kr., og udgiften opkræves over din næste affaldsregning."),
    letter("Vi har fjernet affaldet ved din carport og sendt regningen til dig, fordi det stod på fortovet.",
           "Ring til os, hvis du mener, at det er en fejl."),
    # the appeal's next step, a loss on a lapse with help right after, a due date, an expiry
    letter("Du kan klage over afgørelsen.", "Hvis vi ikke giver dig medhold, vil klagen blive sendt videre til Ankestyrelsen."),
    letter("Ved fortsat manglende regnskab vil tilskuddet blive tilbageholdt. Ring til os, hvis I har brug for hjælp "
           "til regnskabet, så finder vi en løsning.", greeting="Kære bestyrelse"),
    letter("Beløbet forfalder til betaling den 1. maj.", "Du kan betale med Betalingsservice."),
    letter("Dit adgangskort til idrætshallen udløber den 1. maj.", "Du kan forny det i receptionen."),
])
def test_fair_consequence_is_no_threat(families, text):
    got = families(text)
    assert "trussel" not in got and "raekkefoelge" not in got


# ---------------------------------------------------------------- a safe rewrite never hides a tone finding

CORPUS_SUFFIXES = (".txt", ".md", ".html", ".docx")
COLD_LETTERS = [
    letter("Vi skrev til dig den 2. april om træet, der hænger ud over cykelstien.",
           "Efterkommes påbuddet ikke inden den 1. juni, iværksættes fældningen for din regning, og udgiften vil blive "
           "opkrævet sammen med ejendomsskatten.",
           "Ring til os på 43 97 97 00, hvis du ikke selv kan fælde træet, så finder vi en løsning."),
    letter("Leveringen af vand i dunke til Dem ophører den 1. juni.", "De bedes betale 640 kr. for maj inden den 15. maj.",
           "Ring til os på 43 97 97 00, hvis De har brug for hjælp til at betale.", greeting="Kære Karen Lund"),
    letter("Manglende rydning af fortovet medfører, at kommunen rydder det og sender regningen til dig.",
           "Du bedes rydde fortovet ud for dit hus for sne senest kl. 7.00."),
    letter("Såfremt regnskabet ikke fremsendes inden den 1. maj, vil tilskuddet til foreningen blive tilbageholdt.",
           "Regnskabet skal fremsendes til Kultur og Fritid.", greeting="Kære bestyrelse"),
    letter("Udeblivelse fra træningen uden afbud vil kunne medføre, at din plads på holdet bortfalder.",
           "Holdet træner i Greve Idrætscenter hver tirsdag kl. 17.00."),
]


# the corpus letters (officialese before and plain after), the good letters and the main template set; the other
# template sets hold few tone problems and would double the run time
CORPUS_DIRS = ("letters", "good-letters", "templates")


def _corpus_files() -> list[Path]:
    return sorted(p for d in CORPUS_DIRS for p in (ROOT / "corpora" / d).rglob("*")
                  if p.suffix in CORPUS_SUFFIXES and p.name != "README.md")


def _sentence(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind(". ", 0, pos) + 1, text.rfind("\n", 0, pos) + 1)
    m = re.compile(r"[.!?](\s|$)|\n").search(text, pos)
    return a, m.start() + 1 if m else len(text)


def _lost_tone_findings(source, nlp) -> list[tuple[str, str]]:
    """Tone findings of ``source`` that its safe rewrite no longer has in the same sentence (rule id + words).
    A lecture opener that a safe change itself rewrites or deletes ("Det bemærkes, at …") is the one exception:
    there the change removed the tone problem's words. A threat or an order finding has no exception."""
    from letterlab.rewrite.run import map_offset, rewrite_letter

    result = rewrite_letter(source, nlp=nlp)
    after = [g for g in result.after.findings if g.rule.startswith("anerkendende-tone.")]
    lost = []
    for f in result.before.findings:
        if not f.rule.startswith("anerkendende-tone."):
            continue
        family = f.rule.split(".", 1)[1]
        if family == "belaering" and any(s.start < f.end and f.start < s.end for s in result.applied):
            continue
        a, b = map_offset(f.start, result.applied), map_offset(f.end, result.applied, end=True)
        sa, sb = _sentence(result.text, a)
        if not any(g.rule == f.rule and g.start < max(b, sb) and min(a, sa) < g.end for g in after):
            lost.append((f.rule, result.before.text[f.start:f.end]))
    return lost


@pytest.mark.parametrize("text", COLD_LETTERS, ids=range(len(COLD_LETTERS)))
def test_safe_rewrite_keeps_the_threat_in_cold_letters(families, nlp, text):
    assert {"trussel", "raekkefoelge"} & families(text), "a cold test letter must have a threat finding to keep"
    assert _lost_tone_findings(text, nlp) == []


@pytest.mark.model
def test_safe_rewrite_keeps_tone_findings_in_the_corpus(families, nlp):
    from letterlab.core import analyse
    from letterlab.readers import read_document

    lost = {}
    for path in _corpus_files():
        doc = read_document(path)
        if not any(f.rule.startswith("anerkendende-tone.") for f in analyse(doc, nlp=nlp).findings):
            continue
        got = _lost_tone_findings(doc, nlp)
        if got:
            lost[str(path.relative_to(ROOT))] = got
    assert lost == {}


# ---------------------------------------------------------------- round 16, after the blind judges

@pytest.mark.model
def test_a_threat_with_help_further_down_is_not_told_there_is_no_help(nlp):
    from letterlab.core import analyse
    text = ("Om din samtale\n\nKære Ole\n\nKommer du ikke til samtalen den 4. maj, stopper din ydelse.\n\n"
            "Vi ved, at det kan være svært at komme. Ring til mig på 72 34 56 78, hvis du har brug for hjælp til at "
            "komme, så finder vi en løsning.\n\nMed venlig hilsen\nAnne Holm\n")
    msgs = [f.message for f in analyse(text, nlp=nlp).findings if f.rule == "anerkendende-tone.trussel"]
    assert msgs and not any("ingen hjælp" in m for m in msgs)


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "Vi ved, at et krav om tilbagebetaling kan være svært at betale på én gang.",
    "Vi forstår godt, at det er hårdt, at din hjælp bliver nedsat.",
])
def test_an_acknowledgement_of_the_burden_is_no_threat(nlp, sentence):
    from letterlab.core import analyse
    text = f"Om dit tilskud\n\nKære Anna\n\n{sentence} Du kan betale i rater, og du kan ringe til mig på 72 34 56 78.\n"
    assert [f for f in analyse(text, nlp=nlp).findings if f.rule == "anerkendende-tone.trussel"] == []
