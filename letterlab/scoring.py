"""The overall 0–100 score: 100 minus a penalty per category, with weights from the profile.

Each category's penalty is ``weight × badness``, where badness runs from 0 to 1:

* readability: how far LIX is above the profile's target, 15 points over = 1;
* passive: how far the share of passive finite verbs is above the profile's
  maximum, 0.25 over = 1;
* message: 1 for an error-level finding (no message up front), 0.5 for a
  warning, 0.25 for an info;
* tone: findings per letter weighted by severity, 3 warnings = 1 (one cold
  threat or lecture sets the tone of the whole letter, however long it is);
* the other categories: findings per 100 words weighted by severity (info
  0.25, warning 1, error 2), 4 per 100 words = 1.

The weights live in the profile files (``rules/profiler/*.toml``) and are
shown in every report, so the score can be explained.
"""
from __future__ import annotations

from .report.model import CATEGORIES, Finding

SEVERITY_WEIGHT = {"info": 0.25, "warning": 1.0, "error": 2.0}
PER_100_WORDS_FULL = 4.0
TONE_FULL = 3.0


def overall(scores: dict, findings: list[Finding], profile) -> tuple[int, dict[str, float]]:
    """The overall score and each category's penalty in points."""
    weights = profile.weights
    words = max(scores.get("words") or 0, 1)
    by_cat: dict[str, list[Finding]] = {c: [] for c in CATEGORIES}
    for f in findings:
        by_cat.setdefault(f.category, []).append(f)
    penalties: dict[str, float] = {}
    for cat in CATEGORIES:
        w = weights.get(cat, 0.0)
        if not w:
            continue
        if cat == "readability":
            lix = scores.get("lix")
            bad = 0.0 if lix is None else max(0.0, lix - profile.lix_target) / 15
            bad += 0.1 * sum(SEVERITY_WEIGHT[f.severity] for f in by_cat[cat] if f.rule.endswith("ord"))
        elif cat == "passive":
            share = scores.get("passive_share") or 0.0
            bad = max(0.0, share - profile.passive_max_share) / 0.25
        elif cat == "message":
            bad = max((SEVERITY_WEIGHT[f.severity] / 2 for f in by_cat[cat]), default=0.0)
        elif cat == "tone":
            bad = sum(SEVERITY_WEIGHT[f.severity] for f in by_cat[cat]) / TONE_FULL
        else:
            load = sum(SEVERITY_WEIGHT[f.severity] for f in by_cat[cat])
            bad = load / words * 100 / PER_100_WORDS_FULL
        penalties[cat] = round(w * min(1.0, bad), 1)
    return max(0, round(100 - sum(penalties.values()))), penalties
