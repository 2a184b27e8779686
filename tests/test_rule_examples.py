"""Every rule's own examples: each 'flag' sentence gets a finding from that rule, each 'pass' none.

Runs the real pipeline, because the examples are what communications staff
write and read: whole sentences, not hand-built Docs.
"""
from __future__ import annotations

import pytest

from letterlab.core import analyse
from letterlab.ruleset import default_ruleset

RULES = default_ruleset().rules


def _ids(rule_and_text):
    return rule_and_text


@pytest.mark.model
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_examples(rule):
    assert rule.examples["flag"], f"{rule.id} has no examples that must be flagged"
    assert rule.examples["pass"], f"{rule.id} has no examples that must pass"


CASES = [(r, "flag", t) for r in RULES for t in r.examples["flag"]] + \
        [(r, "pass", t) for r in RULES for t in r.examples["pass"]]


@pytest.mark.model
@pytest.mark.parametrize("rule,expect,text", CASES,
                         ids=[f"{r.id}-{e}-{i}" for i, (r, e, _) in enumerate(CASES)])
def test_rule_example(rule, expect, text, nlp):
    rs = default_ruleset()
    report = analyse(text, rs, nlp=nlp, genre=rule.genres[0] if rule.genres else None)
    hits = [f for f in report.findings if f.rule == rule.id]
    if expect == "flag":
        assert hits, f"{rule.id} should flag: {text!r}"
    else:
        assert not hits, f"{rule.id} should not flag {text!r}, but found {[h.text for h in hits]}"
