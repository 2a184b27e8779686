"""The checks against letters a person annotated (tests/data/annotated): a regression guard.

The annotations list every passive verb form, officialese expression and
formal/impersonal address word. The thresholds sit a little under what the
bundled model reaches today (see docs/model.md) so that a real regression
fails while a one-word wobble does not.
"""
from __future__ import annotations

import tomllib

import pytest

from letterlab.evaluate_letters import evaluate_dir, gold_spans, score
from testutil import DATA

ANNOTATED = DATA / "annotated"


def test_annotations_occur_in_their_text():
    for path in ANNOTATED.glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for key in ("passives", "jargon", "address"):
            spans = gold_spans(data["text"], data.get(key, []))
            assert [data["text"][s:e] for s, e in spans] == data.get(key, [])


def test_score_counts_each_occurrence_once():
    spans = [(0, 5), (10, 15)]
    findings = [{"start": 1, "end": 3}, {"start": 2, "end": 4}, {"start": 20, "end": 25}]
    assert score(findings, spans) == (1, 2, 1)


@pytest.mark.model
def test_accuracy_on_annotated_letters(nlp):
    r = evaluate_dir(ANNOTATED)
    assert r["passives_in_plain_letters"] == 0
    assert r["passive"]["f1"] >= 0.88
    assert r["jargon"]["recall"] >= 0.9
    assert r["address"]["recall"] >= 0.9
