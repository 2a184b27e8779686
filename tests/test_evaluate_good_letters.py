"""Good plain letters come out (nearly) clean, and far above the officialese letters in the overall score.

The good letters (corpora/good-letters/) are written the way a skilled
plain-language writer writes; a careful editor would not remark on them. The
target of issue 11: no errors and at most one warning per good letter on
average, and the score gap to officialese kept wide.
"""
from __future__ import annotations

import pytest

from letterlab.evaluate_good_letters import GOOD_LETTERS, evaluate, good_letter_paths, summary

# Rule families whose false alarms on these letters belong to the letter-anatomy work
# (issue 11 items 1-4: message, heading, deadline, Tid/Sted, appeal guide after the signature).
# They are counted in test_issue_target_on_every_rule, not in the stricter test below.
ANATOMY_FAMILIES = ("klart-budskab.", "genre.")


@pytest.fixture(scope="module")
def result(nlp):
    return evaluate(nlp=nlp)


def test_the_set_has_enough_letters_in_several_formats():
    paths = good_letter_paths(GOOD_LETTERS)
    assert len(paths) >= 12
    assert {p.suffix for p in paths} == {".txt", ".md", ".docx"}


def test_summary_counts_per_letter():
    from letterlab.evaluate_good_letters import LetterResult

    good = [LetterResult("a", 95, {"error": 0, "warning": 2, "info": 1}),
            LetterResult("b", 90, {"error": 0, "warning": 0, "info": 0})]
    bad = [LetterResult("x", 30, {"error": 2, "warning": 9, "info": 3})]
    s = summary(good, bad)
    assert s["per_letter"] == {"info": 0.5, "warning": 1.0, "error": 0.0}
    assert s["good_scores"] == [90, 95] and s["officialese_scores"] == [30, 30] and s["gap"] == 60


@pytest.mark.model
def test_word_and_sentence_rules_are_quiet_on_good_letters(result):
    good = result["good"]
    mine = [[f for f in r.findings if not f["rule"].startswith(ANATOMY_FAMILIES)] for r in good]
    errors = [(r.name, f["rule"], f["text"]) for r, fs in zip(good, mine) for f in fs if f["severity"] == "error"]
    warnings = [(r.name, f["rule"], f["text"]) for r, fs in zip(good, mine) for f in fs if f["severity"] == "warning"]
    infos = sum(1 for fs in mine for f in fs if f["severity"] == "info")
    assert errors == []
    assert len(warnings) / len(good) <= 0.25, warnings
    assert infos / len(good) <= 1.0


@pytest.mark.model
def test_issue_target_on_every_rule(result):
    s = result["summary"]
    assert s["totals"]["error"] == 0
    assert s["per_letter"]["warning"] <= 1.0


@pytest.mark.model
def test_plain_letters_score_far_above_officialese(result):
    s = result["summary"]
    assert s["good_scores"][0] >= 88
    # 45 until session 10; 46 since "Når byggeriet er afsluttet" (a time clause of state) stopped counting as a
    # passive in the officialese carport letter: that finding was wrong, the letter is no better. 47 since session 14:
    # tone weighs 20 of the 100 points in the letter profile (was 10, taken from nominalisation, address, genre, privacy),
    # and the officialese road-works letter has no tone problem. The gap is the point.
    assert s["officialese_scores"][1] <= 47
    assert s["gap"] >= 45
