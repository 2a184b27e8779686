"""Properties over the corpus letters: a rewrite never loses content, and order never matters.

Content: every number, date, amount, § reference, name and placeholder in a
replaced span is in its replacement. Checked on every "before" letter and on
new letters that hypothesis puts together from their sentences.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from letterlab.rewrite.apply import all_suggestions, apply_suggestions, resolve_overlaps
from letterlab.rewrite.common import keeps_content, lost_content, protected_items
from letterlab.rewrite.message_first import message_first_suggestions
from testutil import CORPUS

BEFORE = sorted(CORPUS.glob("*/before.txt"))
MY_KINDS = {"passive", "split", "move", "heading"}


def test_protected_items():
    items = protected_items("Du får 1.250,00 kr. fra den 1. maj 2027 efter § 34, stk. 1. Ring til Mette Lund, {navn}.")
    for key in ("num:1.250,00", "num:1", "num:2027", "num:34", "month:maj", "§", "kr", "name:Mette", "name:Lund",
                "ph:{navn}"):
        assert items[key] >= 1, key
    # the formal pronouns and a word that starts a sentence are not names
    assert "name:Deres" not in protected_items("Vi har fået Deres brev. Tak for det.")
    assert "name:Tak" not in protected_items("Vi har fået Deres brev. Tak for det.")
    # an address that ends a sentence leaves its full stop: the next word starts a sentence, it is no name
    assert "name:Henvendelse" not in protected_items("Se www.fjordby.dk/affald. Henvendelse kan rettes hertil.")
    assert protected_items("Se www.fjordby.dk/affald.")["addr:www.fjordby.dk/affald"] == 1


def test_keeps_content():
    assert keeps_content("Pengene vil blive udbetalt den 1. maj", "Vi vil udbetale pengene den 1. maj")
    assert not keeps_content("inden 4 uger", "snart")
    assert sorted(lost_content("til Ankestyrelsen på tlf. 72 10 44 00", "til os")) == ["00", "10", "44", "72", "Ankestyrelsen"]
    assert not keeps_content("ring til {sagsbehandler}", "ring til os")
    assert not keeps_content("jf. § 34", "efter reglerne")
    assert not keeps_content("skriv til pladsanvisning@fjordby.dk", "skriv til {email}")
    assert not keeps_content("se www.fjordby.dk/affald", "se vores hjemmeside")
    assert keeps_content("se www.fjordby.dk/affald.", "Se www.fjordby.dk/affald")


@lru_cache(maxsize=None)
def _analysed(path):
    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline

    return analyse(path.read_text(encoding="utf-8"), nlp=load_pipeline())


def _check_content(report):
    text = report.text
    offered = all_suggestions(report, message_first_suggestions(report))
    for s in offered:
        assert keeps_content(text[s.start:s.end], s.replacement), (text[s.start:s.end], s.replacement)
    # the rewrite functions themselves never make a lossy suggestion (the filter above is a second guard)
    for f in report.findings:
        for s in f.suggestions:
            if s.kind in MY_KINDS:
                assert keeps_content(text[s.start:s.end], s.replacement), (f.rule, text[s.start:s.end], s.replacement)
    for s in message_first_suggestions(report):
        assert keeps_content(text[s.start:s.end], s.replacement)


@pytest.mark.model
@pytest.mark.parametrize("path", BEFORE, ids=lambda p: p.parent.name)
def test_no_content_lost_in_corpus_letters(path):
    _check_content(_analysed(path))


def _sentences(path):
    text = path.read_text(encoding="utf-8")
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    return [s for p in paras for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", p) if len(s.split()) > 3]


SENTENCES = [s for p in BEFORE for s in _sentences(p)]


@pytest.mark.model
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6), st.sampled_from(["Kære {navn}", "Kære Anne"]))
def test_no_content_lost_in_new_letters(sentences, salutation):
    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline

    text = "Om din sag\n\n" + salutation + "\n\n" + " ".join(sentences) + "\n\nMed venlig hilsen\n\nMette Lund\n"
    _check_content(analyse(text, nlp=load_pipeline()))


@pytest.mark.model
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(BEFORE), st.data())
def test_any_subset_of_real_suggestions_in_any_order(path, data):
    report = _analysed(path)
    usable = resolve_overlaps(all_suggestions(report))
    subset = data.draw(st.lists(st.sampled_from(usable), unique=True, max_size=len(usable)))
    a = apply_suggestions(report.text, data.draw(st.permutations(subset)))
    b = apply_suggestions(report.text, data.draw(st.permutations(subset)))
    assert a == b
    # the same as applying them one by one from the end
    text = report.text
    for s in sorted(subset, key=lambda s: s.start, reverse=True):
        text = text[:s.start] + s.replacement + text[s.end:]
    assert a == text


# --- every suggestion marked safe keeps the facts of its sentence and one form of address (review 7) ----------

SAFE_LETTERS = (BEFORE + sorted(CORPUS.glob("*/after.txt"))
                + sorted((CORPUS.parent / "good-letters").glob("*.txt"))
                + sorted((CORPUS.parent / "templates").glob("*.txt")))


def _safe_problems(report) -> list[tuple]:
    from letterlab.facts import diff_facts, extract_facts
    from letterlab.rewrite.guard import _sentence_window, mixed_address

    text = report.text
    safe = [s for s in all_suggestions(report) if s.safe]
    problems = []
    for s in safe:
        a, b = _sentence_window(text, s.start, s.end)
        before = text[a:b]
        after = text[a:s.start] + s.replacement + text[s.end:b]
        d = diff_facts(extract_facts(before, letter=False), extract_facts(after, letter=False))
        if d["missing"] or d["changed"]:
            problems.append(("facts", before, after))
        if not keeps_content(before, after):
            problems.append(("content", before, after))
        if mixed_address(apply_suggestions(text, [s])) and not mixed_address(text):
            problems.append(("address", text[s.start:s.end], s.replacement))
    chosen = resolve_overlaps(safe)
    if mixed_address(apply_suggestions(text, chosen)) and not mixed_address(text):
        problems.append(("address", "all safe suggestions together"))
    return problems


@pytest.mark.model
@pytest.mark.parametrize("path", SAFE_LETTERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_safe_suggestions_keep_facts_and_one_form_of_address(path):
    assert _safe_problems(_analysed(path)) == []
