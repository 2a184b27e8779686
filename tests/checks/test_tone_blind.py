"""The tone rules on the editors' sets (tests/data/tone-heldout, -heldout2): regression guards at what is reached.

Each set was written by an editor who never saw the rules. Both were blind until tone4, which used them as
development sets (their misses read, the causes fixed with new examples of its own; see their READMEs); a third
blind set judges that work. The guards sit a little below the measured figures and stop a change that makes
tone worse.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from letterlab.checks.tone import FAMILIES
from letterlab.evaluate_tone import evaluate, load_examples

pytestmark = pytest.mark.model

DATA = Path(__file__).resolve().parents[1] / "data"
# set -> (min precision, min recall, max false-alarm share on respectful examples), all examples together
GUARDS = {
    "tone-heldout": (0.98, 0.95, 0.02),       # after tone9: 1.000 / 0.984 / 0 % (tone4: 1.000 / 0.945 / 0 %)
    "tone-heldout2": (0.97, 0.92, 0.02),      # after tone9: 0.993 / 0.952 / 0 % (tone4: 0.992 / 0.870 / 0 %)
    # third editor: first contact on b68b0b2 0.927 / 0.514 / 2.6 %, after tone4 0.931 / 0.543 / 1.7 %,
    # after tone9 0.948 / 0.844 / 1.7 % (its misses read, in the model's training data)
    "tone-heldout3": (0.92, 0.80, 0.025),
    # fourth editor, blind until session 8: first contact on 17d3fd8 0.894 / 0.627 / 4.2 %; main after session 8
    # 0.901 / 0.677 / 4.2 %. A development set since tone9 (misses read, in the training data): 0.961 / 0.925 / 0 %
    "tone-heldout4": (0.93, 0.88, 0.02),
    # fifth editor, blind (nobody has read its misses): first contact on 1887f69 0.847 / 0.753 / 5.8 %; main after
    # session 9 (tone9 merged) 0.857 / 0.778 / 5.8 %; session 10 (the model trained on eight writers and four
    # families, prec10's false alarms fixed on editors 6 and 8): 0.872 / 0.796 / 3.8 %; unchanged in session 11 (a
    # model trained on eleven writers gave 0.867 / 0.802 / 4.5 % and was not kept, see docs/tone.md). Keep it
    # unread: it judges tone work done on the other sets.
    "tone-heldout5": (0.86, 0.78, 0.045),
    # editors 6-8 (session 10), blind when written; first contact on 6c8c2e0: 0.868 / 0.641 / 4.3 %,
    # 0.865 / 0.713 / 1.8 %, 0.889 / 0.606 / 4.9 %. Measured, then read and in the model's training data
    # (development sets); after session 10: 0.924 / 0.788 / 0.6 %, 0.886 / 0.867 / 1.8 %, 0.961 / 0.742 / 0 %
    "tone-heldout6": (0.90, 0.77, 0.02),
    "tone-heldout7": (0.87, 0.85, 0.025),
    "tone-heldout8": (0.94, 0.72, 0.015),
    # editors 9-11 (session 11), blind when written; first contact on 250d637: 0.901 / 0.715 / 0 %,
    # 0.870 / 0.541 / 2.5 %, 0.894 / 0.659 / 2.4 %; whole letters 18/22, 11/21, 20/25 families found. Not read and not
    # in the model's training data (like -heldout5): the session-11 kommando and raekkefoelge work used only their
    # figures, which then were 0.907 / 0.760 / 0 %, 0.871 / 0.546 / 2.5 %, 0.896 / 0.670 / 2.4 %
    "tone-heldout9": (0.90, 0.75, 0.01),
    "tone-heldout10": (0.87, 0.54, 0.03),
    "tone-heldout11": (0.89, 0.66, 0.03),
    # editor 12 (session 14), blind when written (Borgerservice, Teknik & Miljø, Ældre & Handicap; du, De and I):
    # first contact on 6573464 0.880 / 0.839 / 2.8 %, whole letters 27/29 marks found. Not read, not in the model's
    # training data.
    "tone-heldout12": (0.87, 0.82, 0.035),
    # editor 13 (session 16), blind when written (Ulvsø Kommune; tandpleje, fripladstilskud, vintertjeneste,
    # beredskab, bibliotek …; du, De and I): first contact on 79930ba 0.858 / 0.728 / 4.3 %, whole letters 18/25
    # marks found. Not read, not in the model's training data.
    "tone-heldout13": (0.84, 0.70, 0.05),
}


@pytest.fixture(params=sorted(GUARDS))
def blind(request):
    return request.param


def test_the_blind_set_covers_every_family_with_hard_negatives(blind):
    examples = load_examples(DATA / blind)
    assert len(examples) >= 190
    assert sum(1 for e in examples if not e["expect"]) >= 90
    assert {f for e in examples for f in e["expect"]} == set(FAMILIES)


def test_blind_precision_recall_and_false_alarms_do_not_fall(blind, nlp):
    result = evaluate(DATA / blind, nlp=nlp)
    min_p, min_r, max_fa = GUARDS[blind]
    overall = result["all"]["overall"]
    assert overall["precision"] >= min_p, overall
    assert overall["recall"] >= min_r, overall
    assert result["all"]["false_alarm_share"] <= max_fa, result["all"]
