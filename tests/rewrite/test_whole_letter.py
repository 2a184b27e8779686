"""Whole letters through ``rewrite_letter`` with the real model: the targets of issue 13.

After ``--apply safe`` on the 14 officialese letters in tests/data/rewrite-letters and the corpus letters:
no letter in two forms of address, no new agreement error, no lost or changed fact, no CPR number.
(``benchmarks/eval_rewrites.py`` prints the same figures.)
"""
from __future__ import annotations

import pytest

from letterlab.checks.privacy import NOT_CPR_BEFORE, find_cpr
from letterlab.facts import diff_facts, extract_facts
from letterlab.rewrite.guard import agreement_errors, mixed_address
from letterlab.rewrite.run import rewrite_letter
from testutil import CORPUS, ROOT

LETTERS = sorted((ROOT / "tests" / "data" / "rewrite-letters").glob("*.txt")) + sorted(CORPUS.glob("*/before.txt"))

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def results(nlp):
    return {p: rewrite_letter(p.read_text(encoding="utf-8"), None, "safe", nlp=nlp) for p in LETTERS}


def test_the_new_letter_set_is_big_enough():
    assert len(list((ROOT / "tests" / "data" / "rewrite-letters").glob("*.txt"))) >= 12


def test_apply_safe_keeps_every_letter_whole(results):
    problems = []
    for path, r in results.items():
        before, after = r.before.text, r.text
        if mixed_address(after):
            problems.append((path.name, "mixed address"))
        new_errors = [e for e in agreement_errors(after) if e not in agreement_errors(before)]
        if new_errors:
            problems.append((path.name, new_errors))
        d = diff_facts(extract_facts(before), extract_facts(after))
        if d["missing"] or d["changed"]:
            problems.append((path.name, d))
        if find_cpr(after, NOT_CPR_BEFORE):
            problems.append((path.name, "CPR"))
        if r.guard:
            problems.append((path.name, r.guard))
    assert problems == []
    assert sum(len(r.applied) for r in results.values()) > 200      # the rewrite still does its work


def test_a_letter_mixing_de_and_du_comes_out_in_one_form(results):
    path = ROOT / "tests" / "data" / "rewrite-letters" / "09-blandet-tiltale-hjemmehjaelp.txt"
    r = results[path]
    assert mixed_address(r.before.text)
    assert not mixed_address(r.text)


def test_the_cpr_number_is_replaced_and_the_letter_says_to_remove_it(results):
    path = ROOT / "tests" / "data" / "rewrite-letters" / "07-cpr-skattefradrag.txt"
    r = results[path]
    assert find_cpr(r.before.text, NOT_CPR_BEFORE) and not find_cpr(r.text, NOT_CPR_BEFORE)
    assert "{cpr}" in r.text
    cpr = [f for f in r.before.findings if f.rule == "persondata.cpr"]
    assert cpr and "Fjern det" in cpr[0].message
    assert all("3321" not in s.replacement for s in r.offered)


def test_rewrite_says_what_it_did_not_change(results):
    r = results[ROOT / "tests" / "data" / "rewrite-letters" / "10-passiv-ukendt.txt"]
    rows = r.not_changed()
    assert rows and all(row["why"] for row in rows)
    assert any("hvem der" in row["why"] for row in rows)     # a passive with no known actor


def _passive_suggestions(nlp, text):
    from letterlab.core import analyse

    report = analyse(text, nlp=nlp)
    return report, [s.replacement for f in report.findings if f.category == "passive" for s in f.suggestions]


@pytest.mark.parametrize("text,wrong", [
    ("Der er den 3. marts 2026 foretaget en besigtigelse af landinspektør Jens Hald.", "Vi har"),
    ("Rydning af fortovet skal foretages inden kl. 7.", "Vi skal"),
    ("Tilskud kan gives til borgere over 65 år.", "Du kan give"),
    ("Du har haft en indtægt, som ikke er blevet oplyst over for kommunen.", "vi ikke har oplyst"),
])
def test_no_active_rewrite_with_a_wrong_actor(nlp, text, wrong):
    _, reps = _passive_suggestions(nlp, text)
    assert not any(wrong in r for r in reps), reps


def test_the_finding_says_why_there_is_no_active_rewrite(nlp):
    report, reps = _passive_suggestions(nlp, "Tilskud kan gives til borgere over 65 år.")
    msgs = [f.message for f in report.findings if f.category == "passive" and not f.suggestions]
    assert msgs and "Letterlab skriver ikke sætningen om til aktiv" in msgs[0]


def test_the_new_verb_takes_the_auxiliarys_place(nlp):
    _, reps = _passive_suggestions(nlp, "Tilladelsen blev bl.a. givet på grund af din alder.")
    assert not any(r.startswith("Vi bl.a.") for r in reps), reps
