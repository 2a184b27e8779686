"""Passive findings, review 14: a copula with a noun, a reply envelope's formula, one passive found once.

* "For et skur er vederlaget 900 kr.": the copula, a definite noun the tagger took for a participle, and an
  amount. No verb has that participle, so it is no passive ("Der er fjernet 3 træer" still is).
* "Svarkuverten er frankeret", "Porto er betalt": the fixed words on a reply envelope; the sender paid, there is
  no one to name ("Gebyret er betalt" is still a finding).
* "Er den tømt, renset eller fyldt med sand?": participles that share one auxiliary are one passive, reported
  once, not once for each overlapping span.

Own sentences from other services than the review's; hand-built Docs, so the shape is in the tags.
"""
from __future__ import annotations

import pytest

from test_passive_r13 import ACTIVE, FIN_PRES, PART, _found as _found_r13


def _found(make_doc, spec: str) -> list[str]:
    return _found_r13(make_doc, f"{ACTIVE} {spec}")


@pytest.mark.parametrize("spec", [
    f"For/ADP et/DET skur/NOUN er/AUX/{FIN_PRES}/være vederlaget/VERB/{PART}/vederlage 900/NUM kr./NOUN ./PUNCT",
    f"Til/ADP kolonihaven/NOUN er/AUX/{FIN_PRES}/være kontingentet/VERB/{PART}/kontingente 450/NUM kr./NOUN "
    f"om/ADP året/NOUN ./PUNCT",
])
def test_a_copula_with_a_noun_and_an_amount_is_no_passive(make_doc, spec):
    assert _found(make_doc, spec) == []


@pytest.mark.parametrize("spec,span", [
    # an impersonal passive before a number: a participle all the same
    (f"Der/ADV er/AUX/{FIN_PRES}/være fjernet/VERB/{PART}/fjerne 3/NUM træer/NOUN ./PUNCT", "er fjernet"),
    # a participle the word lists know, before an amount
    (f"Din/DET husleje/NOUN er/AUX/{FIN_PRES}/være nedsat/VERB/{PART}/nedsætte 300/NUM kr./NOUN ./PUNCT",
     "er nedsat"),
])
def test_a_participle_before_a_number_is_still_a_passive(make_doc, spec, span):
    assert _found(make_doc, spec) == [span]


@pytest.mark.parametrize("spec", [
    f"Svarkuverten/NOUN er/AUX/{FIN_PRES}/være frankeret/VERB/{PART}/frankere ./PUNCT",
    f"Porto/NOUN er/AUX/{FIN_PRES}/være betalt/VERB/{PART}/betale ./PUNCT",
])
def test_the_reply_envelopes_formula_is_no_finding(make_doc, spec):
    assert _found(make_doc, spec) == []


def test_a_paid_fee_is_still_a_finding(make_doc):
    spec = f"Gebyret/NOUN er/AUX/{FIN_PRES}/være betalt/VERB/{PART}/betale ./PUNCT"
    assert _found(make_doc, spec) == ["er betalt"]


def test_participles_sharing_one_auxiliary_are_one_passive(make_doc):
    spec = (f"Er/AUX/{FIN_PRES}/være brønden/NOUN tømt/VERB/{PART}/tømme ,/PUNCT renset/VERB/{PART}/rense "
            f"eller/CCONJ lukket/VERB/{PART}/lukke ?/PUNCT")
    assert _found(make_doc, spec) == ["Er brønden tømt"]


def test_two_auxiliaries_are_two_passives(make_doc):
    spec = (f"Brønden/NOUN er/AUX/{FIN_PRES}/være tømt/VERB/{PART}/tømme ,/PUNCT og/CCONJ låget/NOUN "
            f"er/AUX/{FIN_PRES}/være renset/VERB/{PART}/rense ./PUNCT")
    assert _found(make_doc, spec) == ["er tømt", "er renset"]
