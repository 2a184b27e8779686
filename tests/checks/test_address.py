"""Address: De/Dem/Deres, man, undertegnede, "ansøgeren", and "kommunen" as the sender.

Hand-built Docs give the tags each decision needs; the annotated letters in
tests/data/annotated run the real pipeline end to end.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from letterlab.checks.base import LetterContext, ensure_letter_extension
from letterlab.core import analyse
from letterlab.ruleset import default_ruleset, load_rules

ROOT = Path(__file__).resolve().parents[2]
FIN = "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Act"
COM, NEUT, PLUR = "Gender=Com|Number=Sing", "Gender=Neut|Number=Sing", "Gender=Com|Number=Plur"


def run(doc, rule_id, rules=None):
    ensure_letter_extension()
    doc._.letter = LetterContext()
    return list((rules or default_ruleset()).get(rule_id).check(doc))


DU_HOUSE = """
[[override]]
id = "borgerrettet.de-form"
params = { consistent = "each" }
"""


def du_house_rules():
    """The rules of a municipality that writes du everywhere: every De form is a finding."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="letterlab-du-"))
    (folder / "hus.toml").write_text(DU_HOUSE, encoding="utf-8")
    return load_rules([folder])


DU_RULES = du_house_rules()


def run_each(doc):
    """The De form rule with a finding per formal form (the unit tests below check which forms and rewrites)."""
    return run(doc, "borgerrettet.de-form", DU_RULES)


def sugs(found):
    return [(f.text, f.suggestions[0].replacement, f.suggestions[0].safe) for f in found]


def build(make_doc, spec: str):
    """A Doc with one sentence per full stop: each token's head is its sentence's first token.

    (``make_doc``'s default heads make every token a root, and so a sentence of its own.)
    """
    words = spec.split()
    heads, deps, root = [], [], 0
    for i in range(len(words)):
        if i == 0 or words[i - 1].startswith("./"):
            root = i
        heads.append(root)
        deps.append("ROOT" if i == root else "dep")
    return make_doc(spec, heads=heads, deps=deps, sent_starts=[h == i for i, h in enumerate(heads)])


# --- De/Dem/Deres ------------------------------------------------------------------------------

@pytest.mark.parametrize("noun,expected", [
    (f"ansøgning/NOUN/{COM}", "din"),
    (f"hus/NOUN/{NEUT}", "dit"),
    (f"papirer/NOUN/{PLUR}", "dine"),
])
def test_deres_agrees_with_the_noun(make_doc, noun, expected):
    doc = build(make_doc, f"Vi/PRON har/AUX/{FIN} set/VERB Deres/DET {noun} ./PUNCT")
    assert sugs(run_each(doc)) == [("Deres", expected, True)]


def test_deres_looks_past_adjectives(make_doc):
    doc = build(make_doc, f"Vi/PRON har/AUX/{FIN} set/VERB Deres/DET nye/ADJ papirer/NOUN/{PLUR} ./PUNCT")
    assert sugs(run_each(doc)) == [("Deres", "dine", True)]


def test_deres_without_noun_morphology_is_not_safe(make_doc):
    # "et CV": the word list knows the gender ("din CV" was the old, wrong guess); no tagger morphology: not safe
    doc = build(make_doc, f"Vi/PRON har/AUX/{FIN} set/VERB Deres/DET CV/NOUN ./PUNCT")
    found = run_each(doc)
    assert sugs(found) == [("Deres", "dit", False)]
    assert "din, dit eller dine" in found[0].suggestions[0].note


@pytest.mark.parametrize("noun,expected", [
    # the tagger copies the possessor's plural onto the noun: the word list decides
    (f"bopæl/NOUN/Gender=Neut|Number=Plur", "din"),
    (f"ledsager/NOUN/Gender=Com|Number=Plur/ledsag", "din"),
    (f"NemKonto/NOUN/Gender=Neut|Number=Sing", "din"),
    # the same form in singular and plural: the number such a noun nearly always has in a letter
    (f"økonomiske/ADJ forhold/NOUN/Gender=Neut|Number=Sing", "dine"),
    (f"lån/NOUN/Gender=Neut|Number=Plur", "dit"),
    (f"sygdomsforløb/NOUN/Gender=Neut|Number=Plur", "dit"),
])
def test_deres_agreement_from_the_word_list(make_doc, noun, expected):
    doc = build(make_doc, f"Vi/PRON har/AUX/{FIN} set/VERB Deres/DET {noun} ./PUNCT")
    assert [(f.text, f.suggestions[0].replacement) for f in run_each(doc)] == [("Deres", expected)]


def test_deres_before_an_unknown_noun_without_morphology_gets_no_guess(make_doc):
    doc = build(make_doc, f"Vi/PRON har/AUX/{FIN} set/VERB Deres/DET xyzzy/NOUN ./PUNCT")
    found = run_each(doc)
    assert [f.text for f in found] == ["Deres"] and found[0].suggestions == ()
    assert "dit" in found[0].message and "dine" in found[0].message


def test_dem_becomes_dig(make_doc):
    doc = build(make_doc, f"Vi/PRON sender/VERB/{FIN} Dem/PRON svar/NOUN ./PUNCT")
    assert sugs(run_each(doc)) == [("Dem", "dig", True)]


@pytest.mark.parametrize("spec", [
    f"De/PRON skal/AUX/{FIN} have/VERB mad/NOUN ./PUNCT",
    f"De/DET unge/ADJ kommer/VERB/{FIN} kl./NOUN 10/NUM ./PUNCT",
    f"De/DET nye/ADJ regler/NOUN/{PLUR} gælder/VERB/{FIN} ./PUNCT",
])
def test_sentence_initial_de_without_evidence_is_they(make_doc, spec):
    assert run_each(build(make_doc, spec)) == []


def test_sentence_initial_de_with_evidence_elsewhere(make_doc):
    spec = (f"Vi/PRON kender/VERB/{FIN} Deres/DET søn/NOUN/{COM} ./PUNCT "
            f"De/PRON skal/AUX/{FIN} komme/VERB ./PUNCT "
            f"De/DET unge/ADJ kommer/VERB/{FIN} ./PUNCT")
    found = run_each(build(make_doc, spec))
    assert sugs(found) == [("Deres", "din", True), ("De", "Du", True)]


def test_de_after_a_sentence_about_her_children_is_they(make_doc):
    spec = (f"Vi/PRON kender/VERB/{FIN} Deres/DET søn/NOUN/{COM} ./PUNCT "
            f"Hendes/DET børn/NOUN/Number=Plur arbejder/VERB/{FIN} ./PUNCT "
            f"De/PRON bor/VERB/{FIN} i/ADP Aarhus/PROPN ./PUNCT")
    found = run_each(build(make_doc, spec))
    assert [f.text for f in found] == ["Deres"]


@pytest.mark.parametrize("spec", [
    "De/PRON bedes/VERB/Voice=Pass ringe/VERB ./PUNCT",
    f"De/PRON/Polite=Form skal/AUX/{FIN} ringe/VERB ./PUNCT",
    f"Hvis/SCONJ De/PRON har/AUX/{FIN} spørgsmål/NOUN ./PUNCT",
])
def test_formal_de_with_its_own_evidence(make_doc, spec):
    found = run_each(build(make_doc, spec))
    assert [f.text for f in found] == ["De"]
    assert found[0].suggestions[0].replacement in ("Du", "du")
    assert found[0].suggestions[0].replacement == ("Du" if spec.startswith("De") else "du")


def test_a_letter_in_de_throughout_gets_one_note(make_doc):
    spec = (f"De/PRON/Polite=Form får/VERB/{FIN} en/DET plads/NOUN/{COM} ./PUNCT "
            f"Vi/PRON ringer/VERB/{FIN} til/ADP Dem/PRON i/ADP morgen/NOUN ./PUNCT "
            f"Hvis/SCONJ Deres/DET adresse/NOUN/{COM} ændrer/VERB/{FIN} sig/PRON ,/PUNCT ring/VERB/Mood=Imp ./PUNCT")
    found = run(build(make_doc, spec), "borgerrettet.de-form")
    assert [(f.text, f.severity) for f in found] == [("De", "info")]
    assert "hele vejen" in found[0].message
    # the one-word suggestions are one switch for the whole letter, and the message says so
    assert "alle 3 steder på én gang" in found[0].message
    # the note offers the switch for the whole letter, never as safe: the writer chooses the register
    assert [(s.replacement, s.safe) for s in found[0].suggestions] == [("Du", False), ("dig", False), ("din", False)]
    assert all("hele brevet" in s.note for s in found[0].suggestions)
    # a municipality that writes du everywhere still gets every form, with its rewrite
    assert sugs(run_each(build(make_doc, spec))) == [("De", "Du", True), ("Dem", "dig", True), ("Deres", "din", True)]


def test_de_next_to_du_is_a_mix_and_every_form_counts(make_doc):
    spec = (f"Vi/PRON ringer/VERB/{FIN} til/ADP Dem/PRON i/ADP morgen/NOUN ./PUNCT "
            f"Så/ADV kan/AUX/{FIN} du/PRON stille/VERB spørgsmål/NOUN ./PUNCT")
    found = run(build(make_doc, spec), "borgerrettet.de-form")
    assert [(f.text, f.severity) for f in found] == [("Dem", "warning")]
    assert sugs(found) == [("Dem", "dig", True)]
    # the mix is the problem, and the finding names it
    assert "blander" in found[0].message
    # a letter in De throughout is no mix
    spec = f"Vi/PRON ringer/VERB/{FIN} til/ADP Dem/PRON i/ADP morgen/NOUN ./PUNCT"
    assert all("blander" not in f.message for f in run_each(build(make_doc, spec)))


def test_de_in_a_name_is_not_formal(make_doc):
    doc = build(make_doc, f"Han/PRON spiller/VERB/{FIN} i/ADP De/DET Blå/ADJ Drenge/NOUN ./PUNCT")
    assert run_each(doc) == []


# --- man, undertegnede, ansøger ----------------------------------------------------------------

def test_man_gets_an_unsafe_du(make_doc):
    doc = build(make_doc, f"Man/PRON skal/AUX/{FIN} give/VERB besked/NOUN ./PUNCT")
    found = run(doc, "borgerrettet.man")
    assert sugs(found) == [("Man", "Du", False)]


def test_one_finding_per_sentence_turns_every_man_into_du(make_doc):
    # one remark for the sentence; its rewrite changes every "man" at once, so no "du ... man" is left
    doc = build(make_doc, f"Hvis/SCONJ man/PRON flytter/VERB/{FIN} ,/PUNCT skal/AUX/{FIN} man/PRON give/VERB besked/NOUN ./PUNCT")
    [f] = run(doc, "borgerrettet.man")
    s = f.suggestions[0]
    assert (f.text, s.safe) == ("man", False)
    assert doc.text[:s.start] + s.replacement + doc.text[s.end:] == "Hvis du flytter, skal du give besked."
    assert 'Ret alle "man"' in f.message


def test_man_and_sig_in_one_sentence_is_one_finding(make_doc):
    doc = build(make_doc, f"Man/PRON får/VERB/{FIN} kun/ADV tilskud/NOUN ,/PUNCT hvis/SCONJ man/PRON ikke/ADV "
                          f"selv/ADV kan/AUX/{FIN} betale/VERB for/ADP sin/DET medicin/NOUN ./PUNCT")
    [f] = run(doc, "borgerrettet.man")
    assert (f.text, f.suggestions) == ("Man", ())
    assert '"sig" og "sin"' in f.message


def test_man_far_apart_in_a_long_sentence_gets_the_remark_alone(make_doc):
    gap = " ".join(["og/CCONJ hjælp/NOUN til/ADP briller/NOUN"] * 6)
    doc = build(make_doc, f"Man/PRON kan/AUX/{FIN} få/VERB tilskud/NOUN {gap} ,/PUNCT hvis/SCONJ man/PRON søger/VERB/{FIN} ./PUNCT")
    [f] = run(doc, "borgerrettet.man")
    assert (f.text, f.suggestions) == ("Man", ())
    assert 'Ret alle "man"' in f.message


def test_man_in_two_sentences_is_two_findings(make_doc):
    doc = build(make_doc, f"Man/PRON skal/AUX/{FIN} ringe/VERB ./PUNCT Man/PRON kan/AUX/{FIN} også/ADV skrive/VERB ./PUNCT")
    assert sugs(run(doc, "borgerrettet.man")) == [("Man", "Du", False), ("Man", "Du", False)]


@pytest.mark.parametrize("spec,expected", [
    ("Ring/VERB til/ADP undertegnede/ADV ./PUNCT", ("undertegnede", "mig", True)),
    (f"Undertegnede/VERB har/AUX/{FIN} talt/VERB med/ADP din/DET læge/NOUN ./PUNCT", ("Undertegnede", "Jeg", True)),
    (f"Derfor/ADV skal/AUX/{FIN} undertegnede/ADV hermed/ADV meddele/VERB ./PUNCT", ("undertegnede", "jeg", True)),
    (f"Du/PRON kan/AUX/{FIN} kontakte/VERB undertegnede/ADV ./PUNCT", ("undertegnede", "mig", True)),
])
def test_undertegnede_jeg_or_mig(make_doc, spec, expected):
    assert sugs(run(build(make_doc, spec), "borgerrettet.undertegnede")) == [expected]


def test_undertegnede_as_adjective_is_left_alone(make_doc):
    doc = build(make_doc, f"Den/DET undertegnede/ADJ aftale/NOUN/{COM} gælder/VERB/{FIN} ./PUNCT")
    assert run(doc, "borgerrettet.undertegnede") == []


@pytest.mark.parametrize("spec,expected", [
    (f"Ansøger/NOUN skal/AUX/{FIN} sende/VERB lønsedler/NOUN ./PUNCT", [("Ansøger", "Du", False)]),
    (f"De/PRON ansøger/VERB/{FIN} om/ADP hjælp/NOUN ./PUNCT", []),
    (f"Vi/PRON har/AUX/{FIN} talt/VERB med/ADP borgeren/NOUN ./PUNCT", [("borgeren", "dig", False)]),
    (f"Borgerens/NOUN/Case=Gen økonomi/NOUN er/AUX/{FIN} god/ADJ ./PUNCT", [("Borgerens", "Din", False)]),
    (f"Den/DET pågældende/ADJ har/AUX/{FIN} ikke/ADV svaret/VERB ./PUNCT", [("Den pågældende", "Du", False)]),
    (f"Vi/PRON ser/VERB/{FIN} på/ADP den/DET pågældende/ADJ periode/NOUN ./PUNCT", []),
    ("Skriv/VERB det/PRON i/ADP feltet/NOUN til/ADP modtageren/NOUN ./PUNCT", []),
])
def test_impersonal_reader(make_doc, spec, expected):
    assert sugs(run(build(make_doc, spec), "borgerrettet.upersonlig")) == expected


@pytest.mark.parametrize("spec", [
    # "Du har oplyst, at hun ..." would be wrong: the rest of the sentence still says "hun"
    f"Ansøger/NOUN har/AUX/{FIN} oplyst/VERB ,/PUNCT at/SCONJ hun/PRON ikke/ADV kan/AUX/{FIN} køre/VERB ./PUNCT",
    # "kun borgeren, der bor ..." means anyone who lives there, not the reader
    f"Kun/ADV borgeren/NOUN ,/PUNCT der/PRON bor/VERB/{FIN} her/ADV ,/PUNCT har/AUX/{FIN} ret/NOUN ./PUNCT",
])
def test_impersonal_reader_without_a_one_word_rewrite(make_doc, spec):
    found = run(build(make_doc, spec), "borgerrettet.upersonlig")
    assert len(found) == 1 and found[0].suggestions == ()


def test_man_with_a_reflexive_gets_no_one_word_rewrite(make_doc):
    doc = build(make_doc, f"Man/PRON skal/AUX/{FIN} henvende/VERB sig/PRON til/ADP os/PRON ./PUNCT")
    found = run(doc, "borgerrettet.man")
    assert len(found) == 1 and found[0].suggestions == ()


# --- kommunen as the sender --------------------------------------------------------------------

@pytest.mark.parametrize("spec,expected", [
    (f"Kommunen/NOUN har/AUX/{FIN} modtaget/VERB/VerbForm=Part din/DET ansøgning/NOUN ./PUNCT", ["Kommunen"]),
    (f"Derfor/ADV har/AUX/{FIN} kommunen/NOUN besluttet/VERB/VerbForm=Part at/PART hjælpe/VERB ./PUNCT",
     ["kommunen"]),
    (f"Fjordby/PROPN Kommune/NOUN skal/AUX/{FIN} bruge/VERB flere/ADJ oplysninger/NOUN ./PUNCT",
     ["Fjordby Kommune"]),
    (f"Vi/PRON skriver/VERB/{FIN} ,/PUNCT fordi/SCONJ kommunen/NOUN har/AUX/{FIN} nye/ADJ regler/NOUN ./PUNCT",
     ["kommunen"]),
    (f"Du/PRON kan/AUX/{FIN} klage/VERB til/ADP kommunen/NOUN ./PUNCT", []),
    (f"Kommunens/NOUN/Case=Gen regler/NOUN gælder/VERB/{FIN} ./PUNCT", []),
    (f"Du/PRON kontakter/VERB/{FIN} kommunen/NOUN hurtigst/ADV muligt/ADJ ./PUNCT", []),
    ("Kontakt/VERB/Mood=Imp kommunen/NOUN i/ADP dag/NOUN ./PUNCT", []),
])
def test_kommunen_as_subject(make_doc, spec, expected):
    found = run(build(make_doc, spec), "borgerrettet.kommunen-som-afsender")
    assert [f.text for f in found] == expected
    assert all(f.severity == "info" and '"vi"' in f.message.lower() for f in found)
    # "Fjordby Kommune" -> "Vi" drops a name, which a rewrite never does (the rewrite would filter it out):
    # the finding says to write "vi", the suggestion is offered only where nothing is lost
    assert all([s.replacement.lower() for s in f.suggestions] == ([] if " " in f.text else ["vi"]) for f in found)


def test_kommunen_in_a_rule_of_law_is_not_the_sender(make_doc):
    rule_next = (f"Kommunen/NOUN kan/AUX/{FIN} give/VERB tilskud/NOUN til/ADP briller/NOUN ./PUNCT "
                 f"Det/PRON står/VERB/{FIN} i/ADP serviceloven/NOUN ./PUNCT")
    # a law in a later sentence that is not about where the rule stands does not count
    other = (f"Kommunen/NOUN kan/AUX/{FIN} give/VERB tilskud/NOUN til/ADP briller/NOUN ./PUNCT "
             f"Du/PRON kan/AUX/{FIN} læse/VERB serviceloven/NOUN ./PUNCT")
    assert [f.text for f in run(build(make_doc, other), "borgerrettet.kommunen-som-afsender")] == ["Kommunen"]
    assert run(build(make_doc, rule_next), "borgerrettet.kommunen-som-afsender") == []
    rule_same = (f"Kommunen/NOUN må/AUX/{FIN} kun/ADV betale/VERB efter/ADP §/NOUN 100/NUM ./PUNCT")
    assert run(build(make_doc, rule_same), "borgerrettet.kommunen-som-afsender") == []
    may_only = f"Kommunen/NOUN må/AUX/{FIN} kun/ADV betale/VERB for/ADP en/DET rampe/NOUN ./PUNCT"
    assert run(build(make_doc, may_only), "borgerrettet.kommunen-som-afsender") == []
    # the office's own decision, with no rule cited, is still "vi"
    own = (f"Kommunen/NOUN kan/AUX/{FIN} ikke/ADV give/VERB tilskud/NOUN til/ADP briller/NOUN ./PUNCT "
           f"Ring/VERB/Mood=Imp til/ADP os/PRON ./PUNCT")
    assert [f.text for f in run(build(make_doc, own), "borgerrettet.kommunen-som-afsender")] == ["Kommunen"]
    # the office announcing itself, with a law cited later on: still "vi"
    announce = (f"Kommunen/NOUN skal/AUX/{FIN} hermed/ADV bekræfte/VERB din/DET ansøgning/NOUN efter/ADP "
                f"serviceloven/NOUN ./PUNCT")
    assert [f.text for f in run(build(make_doc, announce), "borgerrettet.kommunen-som-afsender")] == ["Kommunen"]


# --- end to end --------------------------------------------------------------------------------

ANNOTATED = sorted((ROOT / "tests" / "data" / "annotated").glob("*.toml"))


@pytest.mark.model
@pytest.mark.parametrize("path", ANNOTATED, ids=[p.stem for p in ANNOTATED])
def test_annotated_letters_address(path, nlp):
    """The hand-listed De/Dem/Deres, man, undertegnede and ansøger/borgeren forms, in order, and no others."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    report = analyse(data["text"], DU_RULES, nlp=nlp)
    got = [f.text for f in report.findings
           if f.category == "address" and f.rule != "borgerrettet.kommunen-som-afsender"]
    assert got == data["address"]


CORPUS = ROOT / "corpora" / "letters"
LETTERS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


@pytest.mark.model
@pytest.mark.parametrize("name", LETTERS)
def test_corpus_after_letters_say_du(name, nlp):
    text = (CORPUS / name / "after.txt").read_text(encoding="utf-8")
    report = analyse(text, default_ruleset(), nlp=nlp)
    assert [f.text for f in report.findings if f.category == "address"] == []


@pytest.mark.model
def test_corpus_before_letter_suggestions(nlp):
    text = (CORPUS / "05-jobsamtale-indkaldelse" / "before.txt").read_text(encoding="utf-8")
    report = analyse(text, DU_RULES, nlp=nlp)
    de_form = [f for f in report.findings if f.rule == "borgerrettet.de-form"]
    pairs = [(f.text, f.suggestions[0].replacement) for f in de_form]
    assert ("De", "du") in pairs and ("De", "De") not in pairs
    # "Deres opdaterede CV": the tagger gives "CV" no gender, so the suggestion is there but not safe.
    cv = next(f for f in de_form if text[f.end:].startswith(" opdaterede CV"))
    assert not cv.suggestions[0].safe and "dit" in cv.suggestions[0].note
    # "Deres kontanthjælp": the noun's gender decides the form; it is not safe all the same, because the
    # letter's De -> du plan is not (the CV above): the guard changes the whole letter or nothing.
    help_ = next(f for f in de_form if text[f.end:].startswith(" kontanthjælp"))
    assert (help_.suggestions[0].replacement, help_.suggestions[0].safe) == ("din", False)
    assert "hele brevet" in help_.suggestions[0].note
    undertegnede = [f for f in report.findings if f.rule == "borgerrettet.undertegnede"]
    assert [(f.text, f.suggestions[0].replacement) for f in undertegnede] == [("undertegnede", "mig")]


def test_positions_and_exception_spans(make_doc):
    from letterlab.checks.address import _exception_spans, _positions

    doc = make_doc("Man/PRON skriver/VERB feltet/NOUN til/ADP modtageren/NOUN ,/PUNCT man/PRON ./PUNCT")
    assert _positions(doc, {"man", "til"}) == [0, 3, 6]
    assert _exception_spans(doc, ["Feltet til modtageren", "til modt", "de grønne"]) == [(12, 33)]
    assert _exception_spans(doc, ["man"]) == [(0, 3), (35, 38)]
