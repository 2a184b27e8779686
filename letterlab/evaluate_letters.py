"""Accuracy of the passive, jargon and address checks on annotated letters.

Reads ``tests/data/annotated/*.toml`` (text plus the passive verb forms,
jargon expressions and formal/impersonal address words a person marked, in
order of appearance) and compares them with what ``letterlab check --format
json`` reports. A finding counts as a hit when its span overlaps a marked
occurrence; each occurrence can be hit once.

Used by ``benchmarks/eval_letters.py`` and the accuracy tests.
"""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

from .evaluate_templates import find_spans

CATS = {"passives": "passive", "jargon": "jargon", "address": "address"}


# the gold strings are found the same way as the template set's
gold_spans = find_spans


def score(findings, spans):
    used = set()
    tp = 0
    for f in findings:
        hit = next((k for k, (s, e) in enumerate(spans) if k not in used and f["start"] < e and s < f["end"]), None)
        if hit is not None:
            used.add(hit)
            tp += 1
    return tp, len(findings) - tp, len(spans) - len(used)


def each_form_rules():
    """The default rules with a finding per formal De form (as for a municipality that writes du everywhere)."""
    from dataclasses import replace

    from letterlab.ruleset import RuleSet, _version, default_ruleset

    rs = default_ruleset()
    rules = [replace(r, params={**r.params, "consistent": "each"}) if r.id == "borgerrettet.de-form" else r
             for r in rs.rules]
    return RuleSet(rules, rs.profiles, rs.sources, _version(rules, rs.profiles))


def evaluate_dir(folder: Path, model: str | None = None, verbose: bool = False) -> dict:
    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline

    nlp = load_pipeline(model)
    rules = each_form_rules()
    totals = {c: [0, 0, 0] for c in CATS}
    plain_passives = 0
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        report = analyse(data["text"], rules, nlp=nlp).to_dict()
        for key, cat in CATS.items():
            spans = gold_spans(data["text"], data.get(key, []))
            found = [f for f in report["findings"] if f["category"] == cat]
            tp, fp, fn = score(found, spans)
            for i, v in enumerate((tp, fp, fn)):
                totals[key][i] += v
            if verbose and (fp or fn):
                missed = [data["text"][s:e] for s, e in spans
                          if not any(f["start"] < e and s < f["end"] for f in found)]
                extra = [f["text"] for f in found
                         if not any(f["start"] < e and s < f["end"] for s, e in spans)]
                print(f"{path.name} {key}: missed {missed} extra {extra}")
        if path.name.startswith("plain-"):
            plain_passives += sum(1 for f in report["findings"] if f["category"] == "passive")
    out = {}
    for key, (tp, fp, fn) in totals.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[CATS[key]] = {"precision": round(p, 3), "recall": round(r, 3),
                          "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}
    out["passives_in_plain_letters"] = plain_passives
    return out
