"""compare_reports: the before/after JSON the web page renders (shape kept exactly)."""
from __future__ import annotations

import pytest

from letterlab.compare import CATEGORY_TITLES, compare_reports, render_compare_text, verdict
from letterlab.report.model import CATEGORIES, Finding, Report
from testutil import CORPUS


def _f(rule, category):
    return Finding(rule, category, "warning", "m", 0, 1, "x")


def _report(findings, **scores):
    base = {"lix": 50.0, "mean_sentence_length": 30.0, "max_sentence_length": 40, "passive_share": 0.4,
            "jargon_count": 5, "words": 200, "sentences": 8, "overall": 30, "message_first": False,
            "reading_seconds": 100, "reading_time": "ca. 2 minutter"}
    base.update(scores)
    return Report(text="x", findings=findings, scores=base)


def test_shape_and_verdicts():
    before = _report([_f("let-at-laese.passiv", "passive")] * 3 + [_f("faelles.jargon", "jargon")])
    after = _report([_f("let-at-laese.passiv", "passive")] + [_f("ny.regel", "address")] * 2,
                    lix=38.5, mean_sentence_length=14.0, max_sentence_length=22, passive_share=0.1, jargon_count=0,
                    words=180, sentences=13, overall=80, message_first=True, reading_seconds=70,
                    reading_time="ca. 1 minut")
    d = compare_reports(before, after)
    assert set(d) == {"schema_version", "overall", "scores", "categories", "rules", "message_first", "reading_time",
                      "guard", "facts"}
    assert d["schema_version"] == "1.0"
    assert d["overall"] == {"before": 30, "after": 80, "change": 50}
    assert set(d["scores"]) == {"lix", "mean_sentence_length", "max_sentence_length", "passive_share", "jargon_count",
                                "words", "sentences", "reading_seconds"}
    assert d["scores"]["lix"] == {"before": 50.0, "after": 38.5, "change": -11.5, "better": True}
    assert d["scores"]["words"]["better"] is None and d["scores"]["sentences"]["change"] == 5
    cats = {c["category"]: c for c in d["categories"]}
    assert [c["category"] for c in d["categories"]] == list(CATEGORIES)
    assert cats["passive"] == {"category": "passive", "title": "Passiv", "before": 3, "after": 1, "change": -2,
                               "verdict": "bedre"}
    assert cats["address"]["verdict"] == "værre" and cats["genre"]["verdict"] == "uændret"
    assert all(set(c) == {"category", "title", "before", "after", "change", "verdict"} for c in d["categories"])
    rules = {r["rule"]: r for r in d["rules"]}
    assert set(rules) == {"let-at-laese.passiv", "faelles.jargon", "ny.regel"}
    assert rules["let-at-laese.passiv"]["title"] == "Passiv"        # from the rule file
    assert rules["ny.regel"]["title"] == "ny.regel"                 # unknown rule: its id
    assert d["message_first"] == {"before": False, "after": True, "better": True}
    # reading time: shorter is not better by itself (like words); shown as the reader says it
    assert d["scores"]["reading_seconds"] == {"before": 100, "after": 70, "change": -30, "better": None}
    assert d["reading_time"] == {"before": "ca. 2 minutter", "after": "ca. 1 minut"}
    assert "Læsetid: ca. 2 minutter -> ca. 1 minut" in render_compare_text(d)


def test_missing_scores_give_none():
    d = compare_reports(Report("x", [], {}), Report("x", [], {"lix": None}))
    assert d["overall"] == {"before": None, "after": None, "change": None}
    assert d["scores"]["lix"] == {"before": None, "after": None, "change": None, "better": None}
    assert d["message_first"]["better"] is None


def test_titles_are_danish_and_text_renders():
    assert CATEGORY_TITLES["passive"] == "Passiv" and set(CATEGORY_TITLES) == set(CATEGORIES)
    assert verdict(2, 1) == "bedre" and verdict(1, 2) == "værre" and verdict(1, 1) == "uændret"
    text = render_compare_text(compare_reports(_report([_f("a.b", "passive")]), _report([])))
    assert "Passiv: 1 -> 0 (-1) bedre" in text


PAIRS = sorted(p.parent for p in CORPUS.glob("*/before.txt"))
# A phone number the letter must give is found in both versions; no rewrite can or should remove it.
NOT_WRITING = {"privacy"}


@pytest.mark.model
@pytest.mark.parametrize("folder", PAIRS, ids=lambda p: p.name)
def test_corpus_after_is_better_in_every_category_with_findings(folder, nlp):
    from letterlab.core import analyse

    before = analyse((folder / "before.txt").read_text(encoding="utf-8"), nlp=nlp)
    after = analyse((folder / "after.txt").read_text(encoding="utf-8"), nlp=nlp, genre=before.genre)
    d = compare_reports(before, after)
    # A category where the after version failed a guard (a lost fact: the hand-written after of letter 05
    # drops the law's name) may not show as better, and says why.
    worse = [(c["category"], c["before"], c["after"]) for c in d["categories"]
             if (c["before"] or c["after"]) and c["category"] not in NOT_WRITING and c["verdict"] != "bedre"
             and not (c["verdict"] == "ikke bedre" and c.get("guard"))]
    assert not worse
    for c in d["categories"]:
        if c.get("guard"):
            assert c["verdict"] != "bedre"
    assert d["overall"]["change"] > 0
    assert d["scores"]["lix"]["better"] is True


def test_a_category_whose_guard_failed_never_shows_as_better():
    before = _report([_f("genre.klagevejledning", "genre")] * 2 + [_f("persondata.cpr", "privacy")] * 2)
    before.text = "Du får 500 kr. den 1. maj 2026. Klagevejledning: Du kan klage inden 4 uger. CPR-nr. 010190-1234."
    after = _report([_f("persondata.cpr", "privacy")], overall=90)
    after.text = "Du får 500 kr. CPR-nr. 010190-1234."
    d = compare_reports(before, after)
    rows = {c["category"]: c for c in d["categories"]}
    assert rows["genre"]["verdict"] == "ikke bedre" and "mangler" in rows["genre"]["guard"]
    assert rows["privacy"]["verdict"] == "ikke bedre" and "CPR" in rows["privacy"]["guard"]
    assert {p["check"] for p in d["guard"]} == {"facts", "cpr"}
    assert d["facts"]["legal_warning"].startswith("Advarsel")
    text = render_compare_text(d)
    assert "Mangler: Dato: 1. maj 2026" in text and "Advarsel" in text
