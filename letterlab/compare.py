"""Before/after: how two reports of the same letter differ, per score, per category and per rule.

``compare_reports(before, after)`` returns the JSON the web page renders
(schema version 1.0; keep the shape stable and bump the version on any
incompatible change)::

    {"schema_version": "1.0",
     "overall": {"before": int|None, "after": int|None, "change": int|None},
     "scores": {name: {"before", "after", "change", "better": bool|None}},
     "categories": [{"category", "title", "before", "after", "change", "verdict"}],
     "rules": [{"rule", "title", "before", "after", "change", "verdict"}],
     "message_first": {"before": bool|None, "after": bool|None, "better": bool|None},
     "reading_time": {"before": str|None, "after": str|None},
     "guard": [{"check", "category", "message"}],
     "facts": {...}}

``guard`` lists what the after version breaks (``rewrite.guard.letter_guard``:
mixed address, agreement, lost facts, a CPR number). A category with a
failed guard never shows as better: its verdict becomes "ikke bedre" and the
row gets a ``guard`` message. ``facts`` is ``letterlab.facts.facts_check``:
the facts of the before version that the after version lost or changed.

``scores`` holds lix, mean_sentence_length, max_sentence_length,
passive_share, jargon_count, words and sentences. ``change`` is after minus
before. ``better`` is true when the change helps the reader (lower LIX,
shorter sentences, fewer passives and jargon words), false when it hurts,
and None when the score has no good direction (words, sentences) or a value
is missing. ``verdict`` is "bedre" (fewer findings), "værre" (more) or
"uændret". ``categories`` lists every category, in the report's order, so the
page always shows the same rows; ``rules`` lists the rules that found
something in either letter. ``reading_time`` is the reading time as a reader
says it ("ca. 2 minutter", letterlab/readtime.py); its seconds are
``scores.reading_seconds``, a score with no good direction.
"""
from __future__ import annotations

from typing import Any

from .report.model import CATEGORIES, CATEGORY_TITLES, Report

SCHEMA_VERSION = "1.0"

# score name: True when a lower value is better, None when neither is
SCORES = {
    "lix": True,
    "mean_sentence_length": True,
    "max_sentence_length": True,
    "passive_share": True,
    "jargon_count": True,
    "words": None,
    "sentences": None,
    "reading_seconds": None,
}
SCORE_TITLES = {
    "lix": "LIX", "mean_sentence_length": "Ord i en sætning (gennemsnit)", "max_sentence_length": "Længste sætning (ord)",
    "passive_share": "Andel passiv", "jargon_count": "Kancellisprog (antal)", "words": "Ord",
    "sentences": "Sætninger", "reading_seconds": "Læsetid (sekunder)",
}


def _num(v):
    return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _change(before, after):
    if before is None or after is None:
        return None
    d = after - before
    return round(d, 3) if isinstance(d, float) else d


def verdict(before: int, after: int) -> str:
    """"bedre" when there are fewer findings after, "værre" when more, else "uændret"."""
    if after < before:
        return "bedre"
    if after > before:
        return "værre"
    return "uændret"


def _counts(report: Report) -> dict[str, int]:
    out = {c: 0 for c in CATEGORIES}
    for f in report.findings:
        out[f.category] = out.get(f.category, 0) + 1
    return out


def _rule_counts(report: Report) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in report.findings:
        out[f.rule] = out.get(f.rule, 0) + 1
    return out


def _rule_titles(rules) -> dict[str, str]:
    if rules is None:
        try:
            from .ruleset import default_ruleset

            rules = default_ruleset()
        except Exception:  # titles are a nicety; the ids still say which rule it is
            return {}
    return {r.id: r.title for r in rules.rules}


NOT_BETTER = "ikke bedre"


def compare_reports(before: Report, after: Report, rules=None, guard: list[dict[str, str]] | None = None
                    ) -> dict[str, Any]:
    """The score change from ``before`` to ``after``, per score, category and rule (see the module doc)."""
    from .facts import facts_check
    from .rewrite.guard import letter_guard

    if guard is None:
        guard = letter_guard(before.text, after.text) if before.text.strip() and after.text.strip() else []
    sb, sa = before.scores or {}, after.scores or {}
    ob, oa = _num(sb.get("overall")), _num(sa.get("overall"))
    scores = {}
    for name, lower_better in SCORES.items():
        b, a = _num(sb.get(name)), _num(sa.get(name))
        change = _change(b, a)
        better = None
        if lower_better is not None and change is not None and change != 0:
            better = change < 0
        scores[name] = {"before": b, "after": a, "change": change, "better": better}
    cb, ca = _counts(before), _counts(after)
    categories = [{"category": c, "title": CATEGORY_TITLES.get(c, c), "before": cb.get(c, 0), "after": ca.get(c, 0),
                   "change": ca.get(c, 0) - cb.get(c, 0), "verdict": verdict(cb.get(c, 0), ca.get(c, 0))}
                  for c in CATEGORIES]
    failed: dict[str, str] = {}
    for p in guard:
        failed.setdefault(p["category"], p["message"])
    for row in categories:
        if row["category"] in failed:
            row["guard"] = failed[row["category"]]
            if row["verdict"] == "bedre":
                row["verdict"] = NOT_BETTER
    rb, ra = _rule_counts(before), _rule_counts(after)
    titles = _rule_titles(rules)
    rule_rows = [{"rule": r, "title": titles.get(r, r), "before": rb.get(r, 0), "after": ra.get(r, 0),
                  "change": ra.get(r, 0) - rb.get(r, 0), "verdict": verdict(rb.get(r, 0), ra.get(r, 0))}
                 for r in sorted(set(rb) | set(ra))]
    mb, ma = sb.get("message_first"), sa.get("message_first")
    m_better = None if mb is None or ma is None or mb == ma else bool(ma)
    return {
        "schema_version": SCHEMA_VERSION,
        "overall": {"before": ob, "after": oa, "change": _change(ob, oa)},
        "scores": scores,
        "categories": categories,
        "rules": rule_rows,
        "message_first": {"before": mb, "after": ma, "better": m_better},
        "reading_time": {"before": sb.get("reading_time"), "after": sa.get("reading_time")},
        "guard": list(guard),
        "facts": facts_check(before.text, after.text),
    }


def _fmt(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, bool):
        return "ja" if v else "nej"
    if isinstance(v, float):
        return f"{v:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return str(v)


def _signed(v) -> str:
    if v is None:
        return "–"
    s = _fmt(v)
    return s if s.startswith("-") or v == 0 else "+" + s


def render_compare_text(result: dict[str, Any], before_name: str = "før", after_name: str = "efter") -> str:
    """The comparison as plain Danish text: the scores, then each category and rule with findings."""
    out = [f"Før: {before_name}", f"Efter: {after_name}", ""]
    o = result["overall"]
    out.append(f"Samlet score: {_fmt(o['before'])} -> {_fmt(o['after'])} ({_signed(o['change'])})")
    for name, s in result["scores"].items():
        mark = {True: " bedre", False: " værre", None: ""}[s["better"]]
        out.append(f"  {SCORE_TITLES.get(name, name)}: {_fmt(s['before'])} -> {_fmt(s['after'])} "
                   f"({_signed(s['change'])}){mark}")
    m = result["message_first"]
    out.append(f"  Budskabet først: {_fmt(m['before'])} -> {_fmt(m['after'])}")
    rt = result.get("reading_time") or {}
    if rt.get("before") or rt.get("after"):
        out.append(f"  Læsetid: {rt.get('before') or '–'} -> {rt.get('after') or '–'}")
    if result.get("guard"):
        out.append("")
        out.append("Det nye brev har fejl, som scoren ikke viser:")
        out += [f"  {p['message']}" for p in result["guard"]]
    if result.get("facts"):
        from .facts import render_facts_text

        out.append("")
        out += render_facts_text(result["facts"])
    out.append("")
    out.append("Fund i hver kategori:")
    for c in result["categories"]:
        if c["before"] or c["after"]:
            out.append(f"  {c['title']}: {c['before']} -> {c['after']} ({_signed(c['change'])}) {c['verdict']}")
    out.append("")
    out.append("Fund for hver regel:")
    for r in result["rules"]:
        out.append(f"  {r['title']} ({r['rule']}): {r['before']} -> {r['after']} ({_signed(r['change'])}) {r['verdict']}")
    return "\n".join(out)
