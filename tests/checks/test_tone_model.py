"""The learned tone model (letterlab/checks/tone_model.py) and its training (letterlab/tone_training.py)."""
from __future__ import annotations

import numpy as np
import pytest

from letterlab.checks import tone_model
from letterlab.checks.tone import tone_doc
from letterlab.checks.tone_model import DIM, MODEL_FAMILIES, ToneModel, sentence_features


def _flat(bias: float) -> ToneModel:
    """A model that scores every sentence alike: sigmoid(bias)."""
    return ToneModel({f: np.zeros(DIM, dtype=np.float32) for f in MODEL_FAMILIES}, {f: bias for f in MODEL_FAMILIES},
                     threshold=0.5)


COMMAND_DU = "Du/PRON//du skal/AUX/VerbForm=Fin|Tense=Pres/skulle ikke/ADV ringe/VERB/VerbForm=Inf igen/ADV ./PUNCT"
COMMAND_DE = "De/PRON//De skal/AUX/VerbForm=Fin|Tense=Pres/skulle ikke/ADV ringe/VERB/VerbForm=Inf igen/ADV ./PUNCT"


def test_the_shipped_model_loads_and_scores_a_hand_built_doc(make_doc):
    model = tone_model.current_model()
    assert model is not None, "letterlab/models/tone/tone-model.npz is missing"
    # MODEL_FAMILIES names every family a model file may hold; the shipped model has the four of TRAIN_FAMILIES
    from letterlab.tone_training import TRAIN_FAMILIES

    assert set(TRAIN_FAMILIES) <= set(model.families) <= set(MODEL_FAMILIES) and 0.0 < model.threshold < 1.0
    doc = make_doc("Send/VERB/Mood=Imp/sende papirerne/NOUN nu/ADV ./PUNCT Vi/PRON//vi hjælper/VERB/-/hjælpe gerne/ADV ./PUNCT",
                   sent_starts=[1, 0, 0, 0, 1, 0, 0, 0])
    td = tone_doc(doc)
    got = tone_model.scores(td, model)
    assert sorted(got) == [0, 1]
    for probs in got.values():
        assert set(probs) == set(model.families) and all(0.0 < p < 1.0 for p in probs.values())
    assert "c:imp_first" in sentence_features(td, 0) and "c:imp_first" not in sentence_features(td, 1)
    assert "c:ctx:help_next" in sentence_features(td, 0)


def test_the_form_of_address_is_invisible_to_the_model(make_doc):
    du, de = (tone_doc(make_doc(spec, heads=[1, 1, 1, 1, 1, 1], deps=["nsubj", "ROOT", "advmod", "xcomp", "advmod",
                                                                      "punct"]))
              for spec in (COMMAND_DU, COMMAND_DE))
    f_du, f_de = sorted(sentence_features(du, 0)), sorted(sentence_features(de, 0))
    assert f_du == f_de
    assert "c:subj2" in f_du and "c:neg_modal:skulle" in f_du


def test_a_model_file_round_trips(tmp_path):
    w = np.zeros(DIM, dtype=np.float32)
    w[[3, 77, DIM - 1]] = [0.5, -1.25, 2.0]
    model = ToneModel({f: w for f in MODEL_FAMILIES}, {f: -0.5 for f in MODEL_FAMILIES}, 0.7, {"version": "x"})
    model.save(tmp_path / "m.npz")
    back = ToneModel.load(tmp_path / "m.npz")
    assert back.threshold == 0.7 and back.meta == {"version": "x"}
    idx = np.array([3, 77, DIM - 1])
    assert back.score(idx) == pytest.approx(model.score(idx))


def test_a_broken_model_file_leaves_the_rules_alone(tmp_path, monkeypatch, caplog):
    bad = tmp_path / "tone-model.npz"
    bad.write_bytes(b"not a model")
    monkeypatch.setattr(tone_model, "MODEL_PATH", bad)
    tone_model._shipped.cache_clear()
    try:
        assert tone_model.current_model() is None
    finally:
        tone_model._shipped.cache_clear()


LETTER = """Fjordby Kommune
Rådhustorvet 1, 9999 Fjordby

Anna Jensen
Vejen 2, 9999 Fjordby

1. marts 2027

DIN HJÆLP STOPPER

Kære Anna Jensen

Vi har modtaget din ansøgning om hjælp til tandpleje. Din søster skrev til os i sidste uge:
"Vi bliver aldrig hørt, og I skal holde op med at true os."
Hvis du ikke sender lønsedlerne inden den 1. april, stopper vi din hjælp uden yderligere varsel.
«Fletfelt1» «Fletfelt2» «Fletfelt3»

Med venlig hilsen

Mette Skov
Sagsbehandler

Klagevejledning
Du kan klage over afgørelsen inden fire uger. Send klagen til os.
"""


@pytest.mark.model
def test_model_hits_pass_through_the_same_parts_and_suppression(nlp):
    """A model that flags every sentence may only mark body sentences the rule did not flag: never the
    letterhead, the heading, a quotation, a line of merge fields, the signature or the appeal guide."""
    from letterlab.core import analyse

    with tone_model.using(None):
        rules_only = analyse(LETTER, nlp=nlp)
    with tone_model.using(_flat(10.0)):
        report = analyse(LETTER, nlp=nlp)
    text = report.text
    added = [f for f in report.findings if f.rule.startswith("anerkendende-tone.")
             and (f.rule, f.start, f.end) not in {(g.rule, g.start, g.end) for g in rules_only.findings}]
    assert added, "a model that flags everything adds findings"
    body_a, body_b = text.index("Vi har modtaget"), text.index("Med venlig hilsen")
    threat = text.index("Hvis du ikke sender")
    rule_threat = [f for f in rules_only.findings if f.rule == "anerkendende-tone.trussel"]
    assert rule_threat and rule_threat[0].start >= threat
    for f in added:
        assert f.rule.split(".")[1] in MODEL_FAMILIES
        assert body_a <= f.start and f.end <= body_b, text[f.start:f.end]
        assert "Fletfelt" not in text[f.start:f.end] and "aldrig hørt" not in text[f.start:f.end], text[f.start:f.end]
        assert not f.suggestions
        assert not (f.rule == "anerkendende-tone.trussel" and f.start <= threat < f.end)   # the rule's sentence
    with tone_model.using(_flat(-10.0)):
        assert analyse(LETTER, nlp=nlp).findings == rules_only.findings


@pytest.mark.model
def test_training_is_deterministic_and_learns(nlp):
    from letterlab.evaluate_tone import load_examples
    from letterlab.tone_training import WRITERS, collect, train

    examples = load_examples(WRITERS["project"])[:60]
    data = list(zip(examples, collect(examples, nlp)))
    a, b = train(data), train(data)
    assert a.families and a.families == b.families
    for fam in a.families:
        assert np.array_equal(a.weights[fam], b.weights[fam]) and a.bias[fam] == b.bias[fam]
    assert any(np.count_nonzero(a.weights[f]) for f in a.families)
    other = train(data[:40])
    assert any(not np.array_equal(a.weights[f], other.weights[f]) for f in a.families)


def test_the_shipped_model_was_trained_on_the_current_data():
    from letterlab.tone_training import CANDIDATES, FLOOR, REVIEWS, VERSION, WRITERS, data_hash

    model = tone_model.current_model()
    assert model is not None
    sets = {**WRITERS, **CANDIDATES, **REVIEWS}
    # the writers the model names (the eight of WRITERS, or with --with-reviews the read reviews too)
    trained_on = {name: sets[name] for name in model.meta["writers"].split(",")}
    assert set(WRITERS) <= set(trained_on)
    assert model.meta["data_sha256"] == data_hash(trained_on), \
        "the tone data changed: python -m letterlab.tone_training --train"
    assert model.meta["version"] == VERSION
    assert model.threshold >= FLOOR
    # a family added later (session 22b: belaering) names its own writers and data
    for fam in model.families:
        if f"{fam}.writers" in model.meta:
            own = {name: sets[name] for name in model.meta[f"{fam}.writers"].split(",")}
            assert model.meta[f"{fam}.data_sha256"] == data_hash(own), \
                f"the tone data changed: retrain the {fam} model (docs/tone.md, Session 22)"
            assert model.threshold_of(fam) >= FLOOR


def test_the_shipped_model_holds_a_belaering_model_on_its_own_threshold_and_features():
    """Session 22b: the four families as shipped in session 19 (feature set 1, threshold 0.74, the eight writers)
    and a belaering model beside them: feature set 2, its own threshold from the leave-one-writer-out run,
    trained on the read reviews too."""
    from letterlab.tone_training import FLOOR, REVIEWS

    model = tone_model.current_model()
    assert model is not None and "belaering" in model.families
    assert model.threshold_of("belaering") >= FLOOR and model.family_features["belaering"] == 2
    for fam in ("trussel", "bebrejdelse", "kommando", "kold-afvisning"):
        assert model.threshold_of(fam) == model.threshold == 0.74 and model.family_features[fam] == 1
    # trained on every read review but the ones converted after session 22b (reviews 25 and 26, session 23: not
    # retrained); a review added later fails here until it is trained on or named below
    later = {"editor25", "editor26"}
    assert later <= set(REVIEWS)
    assert set(REVIEWS) - later <= set(model.meta["belaering.writers"].split(","))
    assert not later & set(model.meta["belaering.writers"].split(","))
    assert "editor21" not in model.meta["writers"].split(",")
    assert not later & set(model.meta["writers"].split(","))


# leave one writer out, at the shipped threshold: pooled over the seven editors (1-4, 6-8)
# measured in session 10: rules 0.941 / 0.726 / 0.6 %, rules + model 0.935 / 0.776 / 0.9 % (see docs/tone.md);
# over editors 1-4 alone it was 0.971 / 0.826 and 0.972 / 0.863: the rules were tuned on those four
POOLED_GUARD = {"min_precision": 0.92, "min_recall": 0.76, "max_false_alarms": 0.02}


@pytest.mark.model
def test_cross_writer_figures_do_not_fall(nlp):
    from letterlab.tone_training import cross_writer, load_all

    result = cross_writer(load_all(nlp))
    pooled = result["sets"]["pooled"]
    rules, model = pooled["rules"], pooled["model"]
    assert model["overall"]["precision"] >= POOLED_GUARD["min_precision"], model["overall"]
    assert model["overall"]["recall"] >= POOLED_GUARD["min_recall"], model["overall"]
    assert model["false_alarm_share"] <= POOLED_GUARD["max_false_alarms"]
    assert model["overall"]["recall"] > rules["overall"]["recall"]
    assert model["letters"]["found"] >= rules["letters"]["found"]


# feature set 2 (session 22): cues that name a class of words or a construction, not one writer's words
GROUP_DUTY = ("Som/ADP lejer/NOUN/Number=Sing|Definite=Ind har/VERB/Tense=Pres|VerbForm=Fin/have man/PRON//man "
              "pligt/NOUN/Number=Sing|Definite=Ind til/ADP at/PART holde/VERB/VerbForm=Inf haven/NOUN/Definite=Def "
              "ren/ADJ ./PUNCT")
OWN_DUTY = ("Vi/PRON//vi har/VERB/Tense=Pres|VerbForm=Fin/have pligt/NOUN/Number=Sing|Definite=Ind til/ADP at/PART "
            "hjælpe/VERB/VerbForm=Inf dig/PRON//du med/ADP haven/NOUN/Definite=Def ./PUNCT")
POINT_SET_ASIDE = ("Dine/DET//din bemærkninger/NOUN/Number=Plur|Definite=Ind/bemærkning ændrer/VERB/Tense=Pres|VerbForm=Fin/ændre "
                   "ikke/ADV på/ADP vurderingen/NOUN/Definite=Def/vurdering ./PUNCT")
POINT_WEIGHED = ("Dine/DET//din bemærkninger/NOUN/Number=Plur|Definite=Ind/bemærkning har/VERB/Tense=Pres|VerbForm=Fin/have "
                 "ændret/VERB/VerbForm=Part/ændre vurderingen/NOUN/Definite=Def/vurdering ./PUNCT")


def _cues(doc, fs):
    return {f for f in sentence_features(tone_doc(doc), 0, fs) if f.startswith("c:g:")}


def test_feature_set_2_names_a_duty_told_about_anyone_not_our_own(make_doc):
    group = _cues(make_doc(GROUP_DUTY, heads=[1, 2, 2, 2, 2, 7, 7, 4, 7, 7, 2],
                           deps=["case", "obl", "ROOT", "nsubj", "obj", "mark", "mark", "acl", "obj", "xcomp",
                                 "punct"]), 2)
    own = _cues(make_doc(OWN_DUTY, heads=[1, 1, 1, 4, 4, 2, 4, 8, 4, 1],
                         deps=["nsubj", "ROOT", "obj", "mark", "mark", "acl", "obj", "case", "obl", "punct"]), 2)
    assert {"c:g:man_subj", "c:g:generic", "c:g:generic&resp"} <= group
    assert not {c for c in own if "generic" in c or "man" in c}


def test_feature_set_2_names_the_readers_point_set_aside_not_weighed(make_doc):
    deps = ["det", "nsubj", "ROOT", "advmod", "case", "obl", "punct"]
    aside = _cues(make_doc(POINT_SET_ASIDE, heads=[1, 2, 2, 2, 5, 2, 2], deps=deps), 2)
    weighed = _cues(make_doc(POINT_WEIGHED, heads=[1, 3, 3, 3, 3, 3], deps=["det", "nsubj", "aux", "ROOT", "obj",
                                                                             "punct"]), 2)
    assert "c:g:point_dismissed" in aside
    assert "c:g:point" in weighed and not {c for c in weighed if "dismiss" in c}


def test_an_older_model_reads_the_features_it_was_trained_on(make_doc):
    """A model file without ``meta.features`` (sessions 10-21) gets feature set 1: none of set 2's cues."""
    doc = make_doc(POINT_SET_ASIDE, heads=[1, 2, 2, 2, 5, 2, 2],
                   deps=["det", "nsubj", "ROOT", "advmod", "case", "obl", "punct"])
    assert _flat(0.0).features == 1 and not _cues(doc, 1)
    td = tone_doc(doc)
    old = set(sentence_features(td, 0, 1))
    assert old < set(sentence_features(td, 0, 2))
    assert np.array_equal(tone_model.sentence_index(td, 0), tone_model.hashed(sorted(old)))


# session 22b: a family added to a model keeps its own threshold and feature set
def _one(fam: str, slots, bias: float, threshold: float, features: int = 1) -> ToneModel:
    w = np.zeros(DIM, dtype=np.float32)
    w[list(slots)] = 1.0
    return ToneModel({fam: w}, {fam: bias}, threshold, {"features": features} if features != 1 else {})


def test_an_added_family_keeps_its_own_threshold_and_feature_set(tmp_path):
    from letterlab.tone_training import add_families

    base = _one("trussel", [3], -1.0, 0.74)
    both = add_families(base, _one("belaering", [5], -1.0, 0.81, features=2))
    assert both.threshold == 0.74 and both.features == 1
    assert both.thresholds == {"trussel": 0.74, "belaering": 0.81}
    assert both.family_features == {"trussel": 1, "belaering": 2}
    assert [(fs, m.families) for fs, m in both.parts()] == [(1, ("trussel",)), (2, ("belaering",))]
    both.save(tmp_path / "m.npz")
    back = ToneModel.load(tmp_path / "m.npz")
    assert back.thresholds == both.thresholds and back.family_features == both.family_features
    assert back.threshold_of("belaering") == 0.81 and back.threshold_of("trussel") == 0.74
    assert back.meta["belaering.features"] == "2" and "features" not in back.meta
    # a model whose families share the model's threshold and set saves no per-family entries: older files
    # (none) load as before, one threshold and one feature set for every family
    base.save(tmp_path / "old.npz")
    with np.load(tmp_path / "old.npz") as z:
        assert not [k for k in z.files if k.endswith((".threshold", ".features"))]
    old = ToneModel.load(tmp_path / "old.npz")
    assert old.thresholds == {"trussel": 0.74} and old.parts() == [(1, old)]


def test_each_family_reads_its_own_feature_set_and_threshold(make_doc):
    """A mixed model scores a family on the features of its own set, and flags at its own threshold."""
    doc = make_doc(POINT_SET_ASIDE, heads=[1, 2, 2, 2, 5, 2, 2],
                   deps=["det", "nsubj", "ROOT", "advmod", "case", "obl", "punct"])
    td = tone_doc(doc)
    set2_only = sorted(set(tone_model.sentence_index(td, 0, 2)) - set(tone_model.sentence_index(td, 0, 1)))
    assert set2_only
    from letterlab.tone_training import add_families

    # the same weights on a slot only feature set 2 has: the set-2 family sees it, the set-1 family does not
    mixed = add_families(_one("trussel", set2_only, -1.0, 0.6), _one("belaering", set2_only, -1.0, 0.6, features=2))
    got = tone_model.scores(td, mixed)[0]
    assert got["trussel"] == pytest.approx(1 / (1 + np.exp(1.0)))
    assert got["belaering"] > 0.6 > got["trussel"]
    with tone_model.using(mixed):
        assert tone_model.model_hits(td, "belaering", set()) == [0]
        assert tone_model.model_hits(td, "trussel", set()) == []
    higher = add_families(_one("trussel", set2_only, -1.0, 0.6),
                          _one("belaering", set2_only, -1.0, got["belaering"] + 0.01, features=2))
    with tone_model.using(higher):
        assert tone_model.model_hits(td, "belaering", set()) == []
