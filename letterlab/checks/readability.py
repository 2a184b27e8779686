"""LIX for the whole letter against the profile's target (kind ``lix``).

The figure itself is computed once in :mod:`letterlab.metrics` (formula and
counting rules are documented there); this check turns it into a finding on
the letter's body when it is above the target.
"""
from __future__ import annotations

from typing import Iterator

from .base import Param, letter, make_finding

PARAMS = {
    "target": Param((int, float), default=None, min=10, max=70,
                    help="LIX-mål; uden værdi bruges profilens lix_target"),
    "error_at": Param((int, float), default=55, min=20, max=90, help="LIX, hvor det bliver en fejl"),
    "min_words": Param(int, default=40, min=0, max=1000, help="så få ord giver ikke et pålideligt LIX"),
}


def check(doc, rule) -> Iterator:
    ctx = letter(doc)
    m = ctx.metrics
    lix = m.get("lix")
    if lix is None or m.get("words", 0) < rule.params["min_words"]:
        return
    target = rule.params["target"] or (ctx.profile.lix_target if ctx.profile else 40)
    if round(lix) <= target:
        return
    body = [s for s in m.get("sentence_infos", []) if s.zone == "body" and s.words]
    if not body:
        return
    severity = "error" if round(lix) >= rule.params["error_at"] else rule.severity
    msg = f"{rule.message} LIX er {round(lix)} ({m.get('lix_band')}). Målet er højst {round(target)}."
    yield make_finding(rule, doc, body[0].start, body[-1].end, message=msg, severity=severity)
