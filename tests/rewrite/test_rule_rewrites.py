"""Every rule's ``rewrites`` examples: the rule's own suggestions turn ``input`` into ``output``.

``apply`` picks which of them: "safe" (only those marked safe) or "all"
(default). Runs the real pipeline, like the rules' flag/pass examples.
"""
from __future__ import annotations

import pytest

from letterlab.core import analyse
from letterlab.rewrite.apply import apply_suggestions, resolve_overlaps
from letterlab.ruleset import default_ruleset

RULES = default_ruleset().rules
CASES = [(r, rw) for r in RULES for rw in r.rewrites]


@pytest.mark.model
def test_rewrite_examples_exist_for_the_rewriting_rules():
    have = {r.id for r, _ in CASES}
    assert {"let-at-laese.passiv", "let-at-laese.lange-saetninger"} <= have


@pytest.mark.model
@pytest.mark.parametrize("rule,example", CASES, ids=[f"{r.id}-{i}" for i, (r, _) in enumerate(CASES)])
def test_rewrite_example(rule, example, nlp):
    report = analyse(example["input"], default_ruleset(), nlp=nlp, genre=rule.genres[0] if rule.genres else None)
    mode = example.get("apply", "all")
    sugg = [s for f in report.findings if f.rule == rule.id for s in f.suggestions if mode == "all" or s.safe]
    out = apply_suggestions(report.text, resolve_overlaps(sugg))
    assert out == example["output"], f"{rule.source}:{rule.line}: {rule.id} ({mode})"
