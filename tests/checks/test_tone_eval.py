"""The tone rules on their evaluation set (tests/data/tone): precision ≥ 0.95 and recall ≥ 0.85."""
from __future__ import annotations

import pytest

from letterlab.checks.tone import FAMILIES
from letterlab.evaluate_tone import evaluate, load_examples

pytestmark = pytest.mark.model


def test_the_set_is_big_enough_and_mostly_respectful():
    examples = load_examples()
    assert len(examples) >= 150
    negatives = [e for e in examples if not e["expect"]]
    assert len(negatives) * 2 >= len(examples)
    assert {f for e in examples for f in e["expect"]} == set(FAMILIES)
    assert any(e["held_out"] for e in examples) and any(not e["held_out"] for e in examples)


@pytest.fixture(scope="module")
def result(nlp):
    return evaluate(nlp=nlp)


@pytest.mark.parametrize("part", ["tuned", "held_out"])
def test_precision_and_recall(result, part):
    overall = result[part]["overall"]
    assert overall["precision"] >= 0.95, result[part]
    assert overall["recall"] >= 0.85, result[part]


def test_false_alarms_on_respectful_sentences(result):
    assert result["all"]["false_alarm_share"] <= 0.05


def test_marked_problems_in_whole_letters(result):
    marked = result["marked_problems"]
    assert marked["marked"] >= 10
    assert marked["recall"] >= 0.8, marked
