"""The one core call: ``analyse(text_or_document, rules) -> Report``.

The CLI, the batch audit and the web app are thin doors onto this module and
hold no analysis logic of their own.
"""
from __future__ import annotations

import logging
import re
from letterlab import rxcache
from typing import Iterable, Iterator

from dataclasses import replace

from .checks.base import LetterContext, ensure_letter_extension
from .checks.privacy import mask_cprs
from .genres import detect_genre_parts
from .metrics import compute as compute_metrics
from .nlp.pipeline import load_pipeline, model_label, resolve_model_name
from .nlp.text import TEXT_KEY, find_placeholders
from .readers import Document, ReadError, read_text
from .rewrite.guard import guard_findings
from .report.model import CATEGORIES, SEVERITY_RANK, Finding, Report
from .ruleset import RuleSet, default_ruleset
from .scoring import overall
from .anatomy import Anatomy, COVERAGE_DESCRIPTION, COVERED_KINDS, NOTICES as ANATOMY_NOTICES, read_anatomy
from .structure import zones_of
from .suppress import apply_markers
from . import timelimit

log = logging.getLogger(__name__)

MAX_CHARS = 300_000   # about 150 pages; a letter is never this long
# Tokens the pipeline will see, at most (``token_estimate``). The pipeline (tok2vec and parser) costs
# about 0.1-0.2 ms of CPU per token on this machine, linearly since sentences are capped at
# ``nlp.segment.MAX_SENT`` tokens; the densest texts within the limits (one word or number a line,
# "1 " repeated, a table of numbers: ``benchmarks/bench_dense.py``) cost about 3 s at this many
# tokens on a quiet core, under the 5 s target (#15). 300,000 characters of prose have about
# 60,000 tokens, so a text over about 100,000 characters (50 pages) gets the ``too_many_words`` notice.
MAX_TOKENS = 20_000
TIME_LIMIT = 5.0      # seconds of analysis per letter, where this process can stop it (see ``timelimit``)
BATCH_CHARS = 50_000  # letters parsed together under one time limit hold at most this many characters in all

NOTICES = {
    "empty": "Teksten er tom. Indsæt et brev, eller vælg en fil.",
    "too_long": "Teksten er for lang. Letterlab læser højst {max} tegn ad gangen. Del teksten op.",
    "too_many_words": "Teksten har for mange ord og tegn. Letterlab læser højst {max} ord og tegn ad gangen. "
                      "Del teksten op.",
    "binary": "Teksten ligner ikke almindelig tekst. Den indeholder mange tegn, som ikke er bogstaver. Tjek, at du har valgt den rigtige fil.",
    "not_danish": "Teksten ser ikke ud til at være på dansk. Letterlab kan kun vurdere danske breve, så vi har ikke tjekket reglerne.",
    "placeholders_only": "Teksten består kun af flettefelter. Der er ingen tekst at vurdere.",
    "no_body": "Brevet har ingen brødtekst, kun fx en hilsen eller en underskrift. Derfor har det ingen samlet score.",
    "check_failed": "En af reglerne ({rule}) kunne ikke køre. Vi har tjekket de andre regler. Fortæl det til dem, der passer letterlab.",
    "too_slow": "Det tog for lang tid at tjekke brevet, så vi stoppede efter {limit} sekunder. Tjek, at det er et "
                "almindeligt brev, eller del det op i mindre dele.",
}

# Notices that mean the letter was not checked at all: every door reports them as a failure.
UNCHECKED = ("empty", "too_long", "too_many_words", "binary", "placeholders_only", "too_slow")
# Notices that mean the letter has no overall score (``scores["overall"]`` is None): the doors show no score.
UNSCORED = UNCHECKED + ("not_danish", "no_body")

# What becomes a token: a word, a punctuation mark (a run of 32 or more in tokens of up to 64, as
# ``nlp.guard`` cuts it), and whitespace other than one plain space (spaCy makes it a token).
_TOKEN_RE = rxcache.compile(r"\w+|[^\w\s]{32,64}|[^\w\s]|\s{2,}|[^\S ]")
_DA = set("og i at er det en til på som de med for ikke der af har vi du jeg den fra kan skal vil dig din dit dine eller men også os har blev bliver kommune".split())
_EN = set("the and of to is in that it for you with this are be was have not on your we will please can".split())


def notice(code: str, **kw) -> dict[str, str]:
    return {"code": code, "message": NOTICES[code].format(**kw)}


# Control characters other than \t \n \f \r, the replacement character and the private use area.
_BINARY_CHAR_RE = rxcache.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd\ue000-\uf8ff]")


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    bad = len(_BINARY_CHAR_RE.findall(sample))   # one scan in C, not a Python test per character
    return bad > max(5, len(sample) * 0.02)


def language_guess(text: str) -> str:
    """'da', 'other' or 'unknown' (too few words to tell), from function-word counts."""
    words = re.findall(r"[a-zæøåé]+", text[:20000].lower())
    if len(words) < 8:
        return "unknown"
    da = len(list(filter(_DA.__contains__, words)))
    en = len(list(filter(_EN.__contains__, words)))
    if da >= 2 and da >= en:
        return "da"
    if da / len(words) < 0.05:
        return "other"
    return "da" if da >= en else "other"


def token_estimate(text: str) -> int:
    """About as many tokens as the pipeline makes of ``text``, rather more than fewer: a date or an
    abbreviation ("1.5.2026", "bl.a.") counts each part, a stretch the tokenizer guard joins
    ("a:a:a:...") each piece. Whitespace tokens count: one word a line is two tokens a line."""
    return sum(1 for _ in _TOKEN_RE.finditer(text))


def precheck(text: str) -> dict[str, str] | None:
    """A notice when the text cannot be analysed at all (empty, too long, binary)."""
    if not text or not text.strip():
        return notice("empty")
    if len(text) > MAX_CHARS:
        return notice("too_long", max=f"{MAX_CHARS:,}".replace(",", "."))
    if len(text) > MAX_TOKENS and token_estimate(text) > MAX_TOKENS:
        return notice("too_many_words", max=f"{MAX_TOKENS:,}".replace(",", "."))
    if _looks_binary(text):
        return notice("binary")
    stripped = text
    for s, e in reversed(find_placeholders(text)):
        stripped = stripped[:s] + stripped[e:]
    if not re.search(r"[A-Za-zÆØÅæøåÉé]{2,}", stripped):
        # Words in another script (Greek, Cyrillic, ...) are text, just not Danish.
        return notice("not_danish" if re.search(r"[^\W\d_]{2,}", stripped) else "placeholders_only")
    return None


def _as_document(source: str | Document) -> Document | None:
    if isinstance(source, Document):
        return source
    try:
        return read_text(source)
    except ReadError:
        return None


def analyse(source: str | Document, rules: RuleSet | None = None, *, model: str | None = None,
            genre: str | None = None, profile: str | None = None, nlp=None,
            time_limit: float | None = TIME_LIMIT) -> Report:
    """Analyse one letter (pasted text or a read document) against ``rules``.

    A letter whose analysis takes longer than ``time_limit`` seconds is stopped and gets the
    ``too_slow`` notice and no scores (where this process can stop it: see ``analyse_many``).
    """
    return next(iter(analyse_many([source], rules, model=model, genre=genre, profile=profile, nlp=nlp,
                                  time_limit=time_limit)))


def analyse_many(sources: Iterable[str | Document], rules: RuleSet | None = None, *,
                 model: str | None = None, genre: str | None = None, profile: str | None = None,
                 nlp=None, batch_size: int = 16, time_limit: float | None = TIME_LIMIT) -> Iterator[Report]:
    """Analyse many letters, parsing them in batches with ``nlp.pipe``; yields reports in order.

    ``time_limit`` (seconds per letter; None: no limit) bounds the cost of every letter, whatever
    its content, when this process can stop its own work (the main thread: ``letterlab.timelimit``).
    Letters are then parsed in groups of at most ``BATCH_CHARS`` characters with the group's
    letters' limits added up; a group that runs out of time is run again one letter at a time, and
    a letter that runs out of time on its own gets the ``too_slow`` notice. Elsewhere (a web request
    thread) the caller bounds the time itself, e.g. with a worker process it can stop.
    """
    rules = rules or default_ruleset()
    prof = rules.profile(profile)
    nlp = nlp or load_pipeline(model)
    mlabel = model_label(resolve_model_name(model)) if nlp is None or model else _nlp_label(nlp)

    pending: list[tuple[int, Document]] = []
    results: dict[int, Report] = {}
    items = list(sources) if not isinstance(sources, list) else sources

    for i, src in enumerate(items):
        text = src.text if isinstance(src, Document) else src
        name = src.source if isinstance(src, Document) else None
        problem = precheck(text or "")
        if problem:
            results[i] = _unchecked(text or "", name, problem, rules, prof, mlabel)
            continue
        doc_in = _as_document(src)
        if doc_in is None:
            results[i] = _unchecked(text, name, notice("empty"), rules, prof, mlabel)
            continue
        pending.append((i, doc_in))

    run = _Run(nlp, rules, prof, genre, mlabel, batch_size)
    if pending and time_limit is not None and time_limit > 0 and timelimit.available():
        run.warm()
        for group in _groups(pending, batch_size):
            results.update(run.limited(group, time_limit))
    elif pending:
        results.update(run.group(pending))
    for i in range(len(items)):
        yield results[i]


def _unchecked(text: str, name: str | None, problem: dict, rules: RuleSet, prof, mlabel: str) -> Report:
    return Report(text=text, findings=[], scores={}, source=name, model=mlabel, ruleset_version=rules.version,
                  notices=[problem], profile=prof.id)


def _groups(pending: list[tuple[int, Document]], batch_size: int) -> Iterator[list[tuple[int, Document]]]:
    """Consecutive letters of at most ``BATCH_CHARS`` characters in all (a longer letter on its own)."""
    group: list[tuple[int, Document]] = []
    size = 0
    for item in pending:
        n = len(item[1].text)
        if group and (size + n > BATCH_CHARS or len(group) >= batch_size):
            yield group
            group, size = [], 0
        group.append(item)
        size += n
    if group:
        yield group


_warmed: set[tuple[int, int]] = set()
WARM_UP_TEXT = "Kære Anna\n\nDu får hjælp til din husleje fra den 1. maj. Vi udbetaler pengene hver måned."


class _Run:
    """One ``analyse_many`` call's pipeline, rules and options."""

    def __init__(self, nlp, rules: RuleSet, prof, genre: str | None, mlabel: str, batch_size: int):
        self.nlp, self.rules, self.prof, self.genre, self.mlabel = nlp, rules, prof, genre, mlabel
        self.batch_size = batch_size

    def group(self, group: list[tuple[int, Document]]) -> dict[int, Report]:
        out = {}
        parsed = self.nlp.pipe((d.text for _, d in group), batch_size=self.batch_size)
        for (i, document), doc in zip(group, parsed):
            doc.user_data.setdefault(TEXT_KEY, document.text)   # = doc.text (spaCy keeps every character)
            out[i] = _analyse_doc(doc, document, self.rules, self.prof, self.genre, self.mlabel)
        return out

    def warm(self) -> None:
        """A first, unlimited analysis in this process: what the pipeline and the rules set up on
        first use (word lists, indexes) is never cut off half-way by a time limit."""
        key = (id(self.nlp), id(self.rules))
        if key not in _warmed:
            self.group([(0, read_text(WARM_UP_TEXT))])
            _warmed.add(key)
            from .workerproc import settle_gc

            settle_gc()     # what the rules set up on first use lives as long as the process

    def limited(self, group: list[tuple[int, Document]], seconds: float) -> dict[int, Report]:
        try:
            with timelimit.limit(seconds * len(group)):
                return self.group(group)
        except timelimit.TooSlow:
            pass
        if len(group) > 1:          # one letter at a time: only the slow one is stopped
            out: dict[int, Report] = {}
            for item in group:
                out.update(self.limited([item], seconds))
            return out
        i, document = group[0]
        log.info("an analysis passed the time limit of %g s", seconds)   # the notice tells the user
        slow = notice("too_slow", limit=f"{seconds:g}".replace(".", ","))
        return {i: _unchecked(document.text, document.source, slow, self.rules, self.prof, self.mlabel)}


def _nlp_label(nlp) -> str:
    meta = getattr(nlp, "meta", {}) or {}
    name = f"{meta.get('lang', 'da')}_{meta.get('name', 'pipeline')}"
    return "letterlab_da (indbygget)" if meta.get("name") == "letterlab_da" else name


def _analyse_doc(doc, document: Document, rules: RuleSet, prof, genre: str | None, mlabel: str) -> Report:
    text = document.text
    try:
        anatomy = read_anatomy(text, document.blocks)
    except Exception as exc:    # an odd layout must never stop the analysis: read it as plain body
        log.error("anatomy failed: %s", type(exc).__name__)
        anatomy = Anatomy(())
    zones = zones_of(anatomy)
    metrics = compute_metrics(doc, zones, anatomy.parts)
    infos = metrics.pop("_sentence_infos")
    notices: list[dict[str, str]] = [{"code": "reader", "message": w} for w in document.warnings]
    notices.extend({"code": code, "message": ANATOMY_NOTICES[code]} for code in anatomy.notes)
    lang = language_guess(text)
    detected, genre_scores = detect_genre_parts(text, anatomy.parts)
    ctx = LetterContext(
        blocks=tuple(document.blocks), genre=genre or detected, genre_scores=genre_scores, profile=prof,
        placeholders=tuple(find_placeholders(text)),
        sentences=tuple((s.start, s.end) for s in infos), metrics={"zones": zones, "sentence_infos": infos, **metrics},
        parts=anatomy.parts, notes=anatomy.notes,
    )
    ensure_letter_extension()
    doc._.letter = ctx
    findings: list[Finding] = []
    if lang == "other":
        notices.append(notice("not_danish"))
    else:
        for rule in rules.active(ctx.genre):
            try:
                findings.extend(_in_parts(rule, rule.check(doc), ctx, anatomy.judgeable))
            except Exception as exc:  # one broken check must not lose the other findings
                log.error("check %s failed: %s", rule.id, type(exc).__name__)
                notices.append(notice("check_failed", rule=rule.id))
    findings = _drop_inside_placeholders(findings, ctx.placeholders)
    findings = apply_markers(text, findings, document.ignore)   # "letterlab: ignorer <regel-id>" markers
    findings = [_masked(f) for f in findings]
    findings = guard_findings(text, findings, rules, doc)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    scores = _scores(metrics, ctx, findings, prof)
    if lang == "other":
        scores["overall"] = None
    elif not scores.get("words"):      # "Kære Anna," alone: nothing to score, not a perfect letter
        scores["overall"] = None
        if "no_body" not in anatomy.notes:     # once: the anatomy may have said so already
            notices.append(notice("no_body"))
    return Report(
        text=text, findings=findings, scores=scores, source=document.source, genre=ctx.genre,
        profile=prof.id, model=mlabel, ruleset_version=rules.version, notices=notices,
        sentences=[(s.start, s.end) for s in infos],
        blocks=[{"start": b.start, "end": b.end, "kind": b.kind} for b in document.blocks],
        score_weights=dict(prof.weights),
        parts=[{"kind": p.kind, "start": p.start, "end": p.end} for p in anatomy.parts],
        message=_message_summary(ctx),
        appeal_guide=ctx.metrics.get("appeal_guide"),
        coverage={"kinds": list(COVERED_KINDS), "description": COVERAGE_DESCRIPTION},
    )


# Rules whose findings are verdicts about the whole letter: left out when the anatomy says the
# letter cannot be judged (only a letterhead, only merge fields, alternative outcomes side by side).
# (The heading verdict stays: a subject line can be judged even in an unfinished template.)
WHOLE_LETTER_ASPECTS = ("budskab-foerst", "forsinket-indledning", "handling-uden-frist")


def _in_parts(rule, found, ctx: LetterContext, judgeable: bool):
    """The rule's findings that lie in the parts it applies to (``Rule.applies_to``)."""
    if not judgeable and (rule.category == "genre" or rule.params.get("aspect") in WHOLE_LETTER_ASPECTS
                          or rule.kind == "contact"):
        for _ in found:     # run it all the same: the message rules store the letter's message figures
            pass
        return
    kinds = rule.applies_to
    for f in found:
        if ctx.part_at(f.start) in kinds:
            yield f


def _message_summary(ctx: LetterContext) -> dict:
    m = ctx.metrics.get("message") or {}
    pos = m.get("position") or {}
    return {"first": m.get("first"), "start": pos.get("start"), "end": pos.get("end"), "act": m.get("act")}


def _masked(f: Finding) -> Finding:
    """The report never echoes a full CPR number, whichever rule's span covers one."""
    masked = mask_cprs(f.text)
    return f if masked == f.text else replace(f, text=masked)


def _drop_inside_placeholders(findings: list[Finding], spans) -> list[Finding]:
    if not spans:
        return findings
    return [f for f in findings if not any(s <= f.start and f.end <= e for s, e in spans)]


def _scores(metrics: dict, ctx: LetterContext, findings: list[Finding], prof) -> dict:
    counts = {c: 0 for c in CATEGORIES}
    for f in findings:
        counts[f.category] = counts.get(f.category, 0) + 1
    passive = ctx.metrics.get("passive", {})
    message = ctx.metrics.get("message", {})
    scores = {k: v for k, v in metrics.items()}
    scores.update({
        "counts": counts,
        "passive_count": passive.get("count", counts["passive"]),
        "finite_verbs": passive.get("finite_verbs"),
        "passive_share": passive.get("share"),
        "jargon_count": counts["jargon"],
        "message_first": message.get("first"),
        "message_position": message.get("position"),
        "genre": ctx.genre,
        "lix_target": prof.lix_target,
    })
    total, penalties = overall(scores, findings, prof)
    scores["overall"] = total
    scores["penalties"] = penalties
    worst = max((SEVERITY_RANK[f.severity] for f in findings), default=-1)
    scores["worst_severity"] = None if worst < 0 else ("info", "warning", "error")[worst]
    return scores
