"""Word swaps that touch a preposition (review prec12a): "fremgår af" -> "står i" with a coordinated "og af"
after it is not safe, and a rate ("kr. pr. dag") gets "om dagen", not "fra", "om" or "per"."""
from __future__ import annotations

import pytest

from letterlab.core import analyse
from letterlab.ruleset import default_ruleset


def _suggestions(nlp, text, word):
    report = analyse(text, default_ruleset(), nlp=nlp)
    return [(s.replacement, s.safe) for f in report.findings if f.text.lower().startswith(word)
            for s in f.suggestions]


@pytest.mark.model
def test_fremgaar_af_with_og_af_after_it_is_not_safe(nlp):
    text = "Det fremgår af din lejekontrakt og af kvitteringen fra udlejer, at du har betalt depositum."
    sugs = _suggestions(nlp, text, "fremgår")
    assert sugs and all(not safe for _, safe in sugs)


@pytest.mark.model
def test_fremgaar_af_alone_stays_safe(nlp):
    text = "Det fremgår af din lejekontrakt, at du har betalt depositum."
    assert ("står i", True) in _suggestions(nlp, text, "fremgår")


@pytest.mark.model
@pytest.mark.parametrize("text,word,expected", [
    ("En plads i dagplejen koster 95 kr. pr. dag.", "pr. dag", "om dagen"),
    ("Du får 250 kr. pr. uge til kost.", "pr. uge", "om ugen"),
    ("Hjemmeplejen kommer tre gange pr. døgn.", "pr. døgn", "i døgnet"),
])
def test_a_rate_gets_om_dagen(nlp, text, word, expected):
    sugs = _suggestions(nlp, text, word)
    assert [r for r, _ in sugs] == [expected]


@pytest.mark.model
def test_pr_dags_dato_is_from_today_not_a_rate_and_no_safe_swap_breaks_it(nlp):
    """"pr. dags dato" (from today) is not the rate "pr. dag" in another form, and the safe swap of
    "dags dato" -> "i dag" must not leave "pr. i dag"."""
    from letterlab.rewrite.run import rewrite_letter

    text = "Du får hjælpen pr. dags dato. En plads koster 95 kr. pr. dag."
    report = analyse(text, default_ruleset(), nlp=nlp)
    by_text = {f.text.lower(): [s.replacement for s in f.suggestions] for f in report.findings}
    assert by_text.get("pr. dags dato") == ["i dag", "fra i dag"]
    assert "pr. dags" not in by_text and "dags dato" not in by_text
    assert "pr. i dag" not in rewrite_letter(text, default_ruleset(), "safe", nlp=nlp).text
