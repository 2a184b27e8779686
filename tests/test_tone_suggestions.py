"""Every rewrite letterlab offers on the corpus letters passes the tone rules.

A property over all suggestions (from every rule) on corpora/letters. A
suggestion fails when the words it adds set off a sentence-level tone rule,
on their own ("vi gør opmærksom på") or in their sentence (the sentence has
a tone rule after the rewrite that it did not have before). Suggestions that add no
words of their own (a sentence moved to the front, a word deleted) cannot
change the tone and are skipped.
"""
from __future__ import annotations

import re

import pytest

from letterlab.core import analyse, analyse_many
from letterlab.readers import read_document
from letterlab.ruleset import default_ruleset
from testutil import CORPUS

pytestmark = pytest.mark.model

LETTERS = sorted(p for pair in CORPUS.iterdir() if pair.is_dir() for p in pair.glob("*.txt"))
SENTENCE_LEVEL = {"anerkendende-tone." + f for f in ("trussel", "belaering", "bebrejdelse", "kommando", "raab")}
WORD = re.compile(r"\w+")


@pytest.fixture(scope="module")
def tone_only():
    rs = default_ruleset()
    return rs.with_switches(disable=[r.id for r in rs.rules if r.id not in SENTENCE_LEVEL])


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def _cases(report):
    text, seen = report.text, set()
    for f in report.findings:
        for s in f.suggestions:
            key = (s.start, s.end, s.replacement)
            if key in seen:
                continue
            seen.add(key)
            a, b = next(((x, y) for x, y in report.sentences if x <= s.start < y), (s.start, s.end))
            b = max(b, s.end)
            if not (_words(s.replacement) - _words(text[a:b])):
                continue        # adds no words of its own
            yield f.rule, s.replacement, text[a:b], text[a:s.start] + s.replacement + text[s.end:b], (s.start, s.end)


def _tone_rules(report) -> set[str]:
    return {f.rule for f in report.findings if f.rule in SENTENCE_LEVEL}


def _tone_count(report) -> int:
    return sum(1 for f in report.findings if f.rule in SENTENCE_LEVEL)


def _kept(rule: str, repl: str, span: tuple[int, int], report) -> bool:
    """Another rule's rewrite writes the words of a tone finding of the letter again ("Vi kan under ingen
    omstændigheder …" for "… kan under ingen omstændigheder …es"): it keeps the tone problem. Comparing the kinds of
    tone problem before and after misses it (the kind is not new in the sentence), and so may the rules on the
    rewritten sentence."""
    if rule.startswith("anerkendende-tone."):
        return False
    a, b = span
    return any(g.start < b and a < g.end and g.text.strip().lower() in repl.lower()
               for g in report.findings if g.rule in SENTENCE_LEVEL)


def _bad_suggestions(report, nlp, tone_only) -> list:
    cases = list(_cases(report))
    if not cases:
        return []
    texts = [c[1] for c in cases] + [c[2] for c in cases] + [c[3] for c in cases]
    reports = list(analyse_many(texts, tone_only, nlp=nlp))
    n = len(cases)
    bad = []
    for k, (rule, repl, _, new, span) in enumerate(cases):
        alone, before, after = reports[k], reports[n + k], reports[2 * n + k]
        # a new kind of tone problem, not the same one twice: splitting a long sentence with two threats
        # in it gives two sentences with one threat each
        if _tone_count(alone) or _tone_rules(after) - _tone_rules(before) or _kept(rule, repl, span, report):
            bad.append((rule, repl, new, [(g.rule, g.text) for g in alone.findings + after.findings]))
    return bad


@pytest.mark.parametrize("path", LETTERS, ids=[f"{p.parent.name}-{p.stem}" for p in LETTERS])
def test_every_suggestion_passes_the_tone_rules(path, nlp, tone_only):
    bad = _bad_suggestions(analyse(read_document(path), nlp=nlp), nlp, tone_only)
    assert not bad, bad


# round 14: the corpus has no passive or absolute that another rule rewrites while keeping the harsh words; these
# letters do (our own sentences in the shapes a blind editor found)
HARSH_LETTERS = [
    "Kære Peter Holm\n\nVi har modtaget din klage over vejbidraget. Klagen kan under ingen omstændigheder "
    "genoptages. Bevillingen til kørsel tilbagekaldes under ingen omstændigheder af forvaltningen.\n\n"
    "Med venlig hilsen\n\nAnne Berg",
    "Kære Ida Holm\n\nTak for din ansøgning om dispensation til carporten. Ansøgningen kan under ingen "
    "omstændigheder behandles, når fristen er overskredet. Hjælpen kan i intet tilfælde forlænges af "
    "visitationen.\n\nMed venlig hilsen\n\nAnne Berg",
]


@pytest.mark.parametrize("text", HARSH_LETTERS)
def test_no_suggestion_keeps_the_harsh_words(text, nlp, tone_only):
    bad = _bad_suggestions(analyse(text, nlp=nlp), nlp, tone_only)
    assert not bad, bad


def test_the_property_is_not_vacuous(nlp, tone_only):
    """The corpus offers rewrites, and a rewrite that lectures is caught."""
    assert any(list(_cases(analyse(read_document(p), nlp=nlp))) for p in LETTERS[:4])
    [alone] = analyse_many(["vi gør opmærksom på"], tone_only, nlp=nlp)
    assert _tone_count(alone)


BEFORE = [p for p in LETTERS if p.stem == "before"]


@pytest.mark.parametrize("path", BEFORE, ids=[p.parent.name for p in BEFORE])
def test_rewriting_a_letter_never_worsens_its_tone(path, nlp):
    """``letterlab rewrite --apply all``: no more tone findings after than before."""
    from letterlab.rewrite.run import rewrite_letter

    result = rewrite_letter(read_document(path), mode="all", nlp=nlp)
    before = sorted(f.rule for f in result.before.findings if f.category == "tone")
    after = sorted(f.rule for f in result.after.findings if f.category == "tone")
    assert len(after) <= len(before), (before, after)
    assert set(after) <= set(before), (before, after)
