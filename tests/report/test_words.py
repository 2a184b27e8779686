"""The one Danish vocabulary every renderer uses (letterlab.report.words)."""
from __future__ import annotations

from types import SimpleNamespace

from letterlab.report.model import Finding
from letterlab.report.words import (count_summary, number, plural, quote, rule_severity_text, severity_counts,
                                    severity_labels, severity_word, sort_key)


def test_severity_words_singular_plural_and_labels():
    assert [severity_word(s) for s in ("error", "warning", "info")] == ["fejl", "advarsel", "tip"]
    assert [severity_word(s, 2) for s in ("error", "warning", "info")] == ["fejl", "advarsler", "tips"]
    assert severity_labels() == {"error": "Fejl", "warning": "Advarsel", "info": "Tip"}


def test_counts_and_summary_line():
    assert plural(1, "sætning", "sætninger") == "1 sætning"
    assert plural(2, "sætning", "sætninger") == "2 sætninger"
    counts = severity_counts(["error"] * 3 + ["warning"] * 12 + ["info"] * 4)
    assert count_summary(counts, 2) == "3 fejl, 12 advarsler, 4 tips i 2 breve"
    assert count_summary({"warning": 1, "info": 1}, 1) == "0 fejl, 1 advarsel, 1 tip i 1 brev"


def test_danish_numbers_and_quotes():
    assert number(1234.5, 1) == "1.234,5"
    assert number(0.25, 2) == "0,25"
    assert number(12000) == "12.000"
    assert number(None) == "–"
    assert quote("sendes") == "»sendes«"


def test_findings_sort_worst_first_then_in_reading_order():
    def f(sev, start):
        return Finding("r.x", "passive", sev, "m", start, start + 1, "x")

    fs = [f("info", 0), f("warning", 5), f("error", 9), f("warning", 2)]
    assert [(x.severity, x.start) for x in sorted(fs, key=sort_key)] == [
        ("error", 9), ("warning", 2), ("warning", 5), ("info", 0)]
    assert sorted([x.to_dict() for x in fs], key=sort_key)[0]["severity"] == "error"


def test_rule_severity_says_when_a_rule_can_raise_an_error():
    assert rule_severity_text(SimpleNamespace(severity="warning", params={"error_at": 55})) == "advarsel, kan blive fejl"
    assert rule_severity_text(SimpleNamespace(severity="warning", params={})) == "advarsel"
    assert rule_severity_text(SimpleNamespace(severity="error", params={"error": 35})) == "fejl"


def test_straight_quotes_become_the_one_quote_style():
    from letterlab.report.words import danish_quotes

    assert danish_quotes('Skriv "du" eller "vi" i stedet for "man".') == "Skriv »du« eller »vi« i stedet for »man«."
    assert danish_quotes('Et enkelt " bliver stående') == 'Et enkelt " bliver stående'


def test_coverage_sentence_is_rendered_when_the_core_gives_one():
    from letterlab.report.model import Report
    from letterlab.report.text import coverage_description, render_text

    said = "Scorerne gælder brevets brødtekst, ikke brevhoved og hilsen."
    assert coverage_description({"coverage": {"description": said}}) == said
    assert coverage_description({"coverage": None}) is None
    report = Report(text="Kære Anne", findings=[], scores={"lix": 20.0, "lix_band": "let", "overall": 90})
    assert said not in render_text(report)
    report.coverage = {"kinds": ["body"], "description": said}     # what the anatomy branch adds
    assert render_text(report).splitlines()[-1].endswith(said)
