"""Inflecting a replacement like the word it replaces, from hand-built tokens."""
from __future__ import annotations

import pytest

from letterlab.language.inflect import (_verb_paradigm, features, imperative, inflect, is_known_verb, is_strong_verb,
                                     verb_form, word_forms)

PRES_PASS = "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Pass"
PAST = "Mood=Ind|Tense=Past|VerbForm=Fin|Voice=Act"
PRES = "Mood=Ind|Tense=Pres|VerbForm=Fin|Voice=Act"
SUP = "Definite=Ind|Number=Sing|Tense=Past|VerbForm=Part"
PART_DEF = "Definite=Def|Tense=Past|VerbForm=Part"


def tok(make_doc, spec: str, i: int = 0):
    return make_doc(spec)[i]


@pytest.mark.parametrize("spec,replacement,expected", [
    (f"fremsendes/VERB/{PRES_PASS}/fremsende", "sende", "sendes"),
    (f"fremsendte/VERB/{PAST}/fremsende", "sende", "sendte"),
    (f"fremsendt/VERB/{SUP}/fremsende", "sende", "sendt"),
    (f"bevilges/VERB/{PRES_PASS}/bevilge", "give", "gives"),
    (f"bevilgede/VERB/{PAST}/bevilge", "give", "gav"),
    (f"bevilget/VERB/{SUP}/bevilge", "give", "givet"),
    (f"bevilgede/ADJ/{PART_DEF}/bevilge", "give", "givne"),
    (f"meddeler/VERB/{PRES}/meddele", "fortælle", "fortæller"),
    (f"meddelte/VERB/{PAST}/meddele", "fortælle", "fortalte"),
    (f"erlægges/VERB/{PRES_PASS}/erlægge", "betale", "betales"),
    (f"oppebærer/VERB/{PRES}/oppebære", "få", "får"),
    (f"udgjorde/VERB/{PAST}/udgøre", "være", "var"),
    (f"træffer/VERB/{PRES}/træffe", "afgøre", "afgør"),
    (f"truffet/VERB/{SUP}/træffe", "afgøre", "afgjort"),
    (f"foretog/VERB/{PAST}/foretage", "undersøge", "undersøgte"),
    (f"foretaget/VERB/{SUP}/foretage", "vurdere", "vurderet"),
    ("fremsend/VERB/Mood=Imp/fremsende", "sende", "send"),
    ("udfyld/VERB/Mood=Imp/udfylde", "fortælle", "fortæl"),
    ("fremsende/VERB/VerbForm=Inf/fremsende", "sende", "sende"),
    ("bevilges/VERB/VerbForm=Inf|Voice=Pass/bevilge", "give", "gives"),
    ("ophørende/VERB/Tense=Pres|VerbForm=Part/ophøre", "stoppe", "stoppende"),
])
def test_verbs(make_doc, spec, replacement, expected):
    assert inflect(replacement, tok(make_doc, spec)) == expected


@pytest.mark.parametrize("spec,replacement,expected", [
    ("anvendelse/NOUN/Definite=Ind|Gender=Com|Number=Sing/anvendelse", "brug", "brug"),
    ("anvendelsen/NOUN/Definite=Def|Gender=Com|Number=Sing/anvendelse", "brug", "brugen"),
    ("skrivelsen/NOUN/Definite=Def|Gender=Com|Number=Sing/skrivelse", "brev", "brevet"),
    ("skrivelser/NOUN/Definite=Ind|Gender=Com|Number=Plur/skrivelse", "brev", "breve"),
    ("skrivelserne/NOUN/Definite=Def|Gender=Com|Number=Plur/skrivelse", "brev", "brevene"),
    ("foranstaltningens/NOUN/Case=Gen|Definite=Def|Gender=Com|Number=Sing/foranstaltning", "indsats", "indsatsens"),
    ("forespørgsler/NOUN/Definite=Ind|Number=Plur/forespørgsel", "undersøgelse", "undersøgelser"),
])
def test_nouns(make_doc, spec, replacement, expected):
    assert inflect(replacement, tok(make_doc, spec)) == expected


def test_a_noun_without_a_known_plural_gives_none(make_doc):
    t = tok(make_doc, "anvendelser/NOUN/Definite=Ind|Gender=Com|Number=Plur/anvendelse")
    assert inflect("brug", t) is None
    assert inflect("blomkål", t) is None


@pytest.mark.parametrize("spec,expected", [
    ("fornøden/ADJ/Degree=Pos|Gender=Com|Number=Sing/fornøden", "nødvendig"),
    ("fornødent/ADJ/Degree=Pos|Gender=Neut|Number=Sing/fornøden", "nødvendigt"),
    ("fornødne/ADJ/Degree=Pos|Number=Plur/fornøden", "nødvendige"),
    ("fornødne/ADJ/Definite=Def|Degree=Pos|Number=Sing/fornøden", "nødvendige"),
])
def test_adjectives(make_doc, spec, expected):
    assert inflect("nødvendig", tok(make_doc, spec)) == expected


def test_a_determiner_agrees_with_its_noun(make_doc):
    doc = make_doc("nærværende/ADJ/-/nærværende brev/NOUN/Gender=Neut|Number=Sing|Definite=Ind")
    assert inflect("denne", doc[0], source_lemma="nærværende") == "dette"
    doc = make_doc("nærværende/ADJ/-/nærværende afgørelse/NOUN/Gender=Com|Number=Sing|Definite=Ind")
    assert inflect("denne", doc[0], source_lemma="nærværende") == "denne"


def test_an_unknown_determiner_agreement_gives_none(make_doc):
    doc = make_doc("for/ADP nærværende/ADJ/-/nærværende")
    assert inflect("denne", doc[1], source_lemma="nærværende") is None


def test_multi_word_replacement_inflects_the_verb(make_doc):
    t = tok(make_doc, f"underrettede/VERB/{PAST}/underrette")
    assert inflect("give besked", t) == "gav besked"
    t = tok(make_doc, f"påregnes/VERB/{PRES_PASS}/påregne")
    assert inflect("regne med", t) == "regnes med"


def test_uninflected_source_returns_the_replacement_as_is(make_doc):
    t = tok(make_doc, "Såfremt/SCONJ/-/såfremt")
    assert inflect("hvis", t, source_lemma="såfremt") == "hvis"


def test_no_morphology_uses_the_form_in_the_source_paradigm(make_doc):
    assert inflect("sende", tok(make_doc, "fremsendes/X/-/fremsendes"), pos="VERB", source_lemma="fremsende") == "sendes"
    assert inflect("give", tok(make_doc, "bevilget/X"), pos="VERB", source_lemma="bevilge") == "givet"
    assert inflect("sende", tok(make_doc, "fremsendte/VERB"), source_lemma="fremsende") == "sendte"
    assert inflect("brug", tok(make_doc, "anvendelsen/NOUN"), source_lemma="anvendelse") == "brugen"


def test_morphology_that_contradicts_the_form_is_overruled(make_doc):
    # the tagger calls "fremsendt" a past tense; the form says participle
    t = tok(make_doc, f"fremsendt/VERB/{PAST}/fremsende")
    assert inflect("sende", t, pos="VERB", source_lemma="fremsende") == "sendt"


def test_unknown_verb_class_gives_none_for_the_past(make_doc):
    t = tok(make_doc, f"fremsendte/VERB/{PAST}/fremsende")
    assert inflect("glide", t) is None          # "glede" or "gled"? not in the tables
    assert inflect("glide", tok(make_doc, f"fremsender/VERB/{PRES}/fremsende")) == "glider"


def test_strong_past_passive_is_not_guessed(make_doc):
    t = tok(make_doc, "bevilgedes/VERB/Tense=Past|VerbForm=Fin|Voice=Pass/bevilge")
    assert inflect("give", t) is None
    assert inflect("sende", t) == "sendtes"


def test_proper_case_of_a_capitalised_replacement_is_kept(make_doc):
    assert inflect("Digital Post", tok(make_doc, "eboks/NOUN/-/eboks"), source_lemma="eboks") == "Digital Post"


@pytest.mark.parametrize("lemma,slot,expected", [
    ("gå", "pres_pass", "gås"), ("se", "imp", "se"), ("ske", "past", "skete"), ("bestemme", "past", "bestemte"),
    ("imødese", "past", "imødeså"), ("skyldes", "pres", "skyldes"), ("udvide", "pres", "udvider"),
    ("tillade", "sup", "tilladt"), ("vurdere", "past", "vurderede"), ("kontakte", "imp", "kontakt"),
])
def test_verb_forms(lemma, slot, expected):
    assert verb_form(lemma, slot) == expected


def test_imperative_drops_a_doubled_consonant():
    assert imperative("fortælle") == "fortæl"
    assert imperative("tjekke") == "tjek"
    assert imperative("bruge") == "brug"


def test_word_forms_cover_irregular_and_regular_forms():
    assert {"truffet", "traf", "træffer", "træffes"} <= word_forms("træffe", "VERB")
    assert {"fremsendes", "fremsendte", "fremsendt"} <= word_forms("fremsende")
    assert {"anvendelsen", "anvendelser", "anvendelserne"} <= word_forms("anvendelse")
    assert word_forms("såfremt") == {"såfremt"}


def test_verb_classes():
    assert is_known_verb("sende") and is_known_verb("afgøre") and not is_known_verb("glide")
    assert is_strong_verb("gøre") and is_strong_verb("afgøre") and not is_strong_verb("sende")


def test_cached_paradigms_are_read_only():
    para = _verb_paradigm("sende")
    assert para is _verb_paradigm("sende")
    with pytest.raises(TypeError):
        para["past"] = {"x"}          # type: ignore[index]
    assert isinstance(para["past"], frozenset)
    forms = word_forms("sende", "VERB")
    forms.add("x")                     # the caller's own set, not the cached one
    assert "x" not in word_forms("sende", "VERB")


def test_a_multi_valued_feature_reads_its_first_value(make_doc):
    t = tok(make_doc, "nærværende/ADJ/Gender=Com,Neut|Number=Sing/nærværende")
    assert features(t)["Gender"] == "Com"
