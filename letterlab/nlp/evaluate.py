"""``letterlab model evaluate FILE``: score a pipeline on a CoNLL-X (DDT) or CoNLL-U (UD) file.

The text is fed with the gold tokenisation (words and spaces), so the scores
measure tagging, morphology, lemmas, sentence boundaries and parsing, not
tokenisation. Consecutive sentences of one source document (DDT ids like
``0008-da-s2``; otherwise runs of 10) form one text, so sentence boundaries
are tested too. DDT files are mapped to UD style first (see
:mod:`letterlab.nlp.conll`), so a UD-trained pipeline and the bundled one are
scored on the same terms.

Scores:

* ``pos_acc``: UPOS accuracy. ``morph_acc``: the whole feature set matches.
* ``voice_p/r/f``: the Voice feature over all tokens that carry it in gold
  or prediction (as spaCy's per-feature score). ``passive_p/r/f``: tokens with
  ``Voice=Pass`` only (s-passives).
* ``passive_clause_p/r/f``: letterlab's passive check (s-passive and
  blive + participle; the være-passive is left out because the treebanks do
  not mark it) against gold passives: ``Voice=Pass`` verbs plus participles
  whose auxiliary is "blive" (UD: an ``aux`` child with lemma blive, as this
  UD release has no ``aux:pass``; DDT: blive heading the participle via
  ``vobj``). Counted on the participle or s-verb.
* ``lemma_acc``: lower-cased lemma matches.
* ``sents_p/r/f``: sentence starts (not counting each text's first token).
* ``uas``/``las``: only where the pipeline's labels compare with the gold
  labels (most gold labels are in the parser's label set); otherwise null.
* ``words_per_second``: the whole pipeline on one process with ``nlp.pipe``.
"""
from __future__ import annotations

import time
from pathlib import Path

from .conll import load_ud_style
from .training.train import group_sentences


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def _feats(s: str) -> dict[str, str]:
    out = {}
    for part in (s or "").split("|"):
        if "=" in part:
            k, v = part.split("=", 1)
            out[k] = v
    return out


def evaluate(path: str | Path, nlp, model_name: str = "") -> dict:
    """Score ``nlp`` on the treebank at ``path``; returns the JSON-ready result."""
    from spacy.tokens import Doc

    sents, fmt = load_ud_style(path)
    per_doc = 10
    if not any(s.doc_id for s in sents):
        groups = [sents[i:i + per_doc] for i in range(0, len(sents), per_doc)]
    else:
        groups = group_sentences(sents, per_doc)
    docs, golds = [], []
    for g in groups:
        words, spaces, gold = [], [], []
        offset = 0
        for si, s in enumerate(g):
            for i, t in enumerate(s.tokens):
                words.append(t.form)
                last = si == len(g) - 1 and i == len(s.tokens) - 1
                spaces.append(False if last else (t.space_after or i == len(s.tokens) - 1))
                gold.append((t, i == 0, offset + t.head - 1 if t.head else offset + i))
            offset += len(s.tokens)
        docs.append(Doc(nlp.vocab, words=words, spaces=spaces))
        golds.append(gold)

    n_words = sum(len(d) for d in docs)
    t0 = time.perf_counter()
    preds = list(nlp.pipe(docs, batch_size=64))
    took = time.perf_counter() - t0

    parser_labels = set()
    for name in ("parser",):
        if name in nlp.pipe_names:
            parser_labels = set(nlp.get_pipe(name).labels)
    gold_labels = {t.dep for g in golds for t, _, _ in g}
    labels_compare = bool(parser_labels) and len(gold_labels & (parser_labels | {"ROOT"})) / max(1, len(gold_labels)) >= 0.8

    tot = pos = morph = lemma = 0
    v_tp = v_fp = v_fn = 0
    p_tp = p_fp = p_fn = 0
    s_tp = s_fp = s_fn = 0
    uas = las = dep_tot = 0
    for doc, gold in zip(preds, golds):
        for tok, (g, g_start, g_head) in zip(doc, gold):
            tot += 1
            pos += tok.pos_ == g.upos
            pf, gf = _feats(str(tok.morph)), _feats(g.feats)
            morph += pf == gf
            lemma += tok.lemma_.lower() == g.lemma.lower()
            pv, gv = pf.get("Voice"), gf.get("Voice")
            if pv and gv:
                if pv == gv:
                    v_tp += 1
                else:
                    v_fp += 1
                    v_fn += 1
            elif pv:
                v_fp += 1
            elif gv:
                v_fn += 1
            pp, gp = pv == "Pass", gv == "Pass"
            p_tp += pp and gp
            p_fp += pp and not gp
            p_fn += gp and not pp
            if tok.i > 0:
                ps = bool(tok.is_sent_start)
                s_tp += ps and g_start
                s_fp += ps and not g_start
                s_fn += g_start and not ps
            if g.upos != "PUNCT":
                dep_tot += 1
                if tok.head.i == g_head:
                    uas += 1
                    if tok.dep_.lower() == g.dep.lower():
                        las += 1
    c_tp, c_fp, c_fn = _passive_clauses(preds, golds, sents_by_group(groups))
    vp, vr, vf = _prf(v_tp, v_fp, v_fn)
    pp_, pr, pf_ = _prf(p_tp, p_fp, p_fn)
    sp, sr, sf = _prf(s_tp, s_fp, s_fn)
    meta = nlp.meta or {}
    return {
        "model": model_name or f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}",
        "file": str(path),
        "format": fmt,
        "sentences": len(sents),
        "tokens": tot,
        "pos_acc": round(pos / tot, 4),
        "morph_acc": round(morph / tot, 4),
        "voice_p": vp, "voice_r": vr, "voice_f": vf,
        "passive_p": pp_, "passive_r": pr, "passive_f": pf_,
        **dict(zip(("passive_clause_p", "passive_clause_r", "passive_clause_f"), _prf(c_tp, c_fp, c_fn))),
        "lemma_acc": round(lemma / tot, 4),
        "sents_p": sp, "sents_r": sr, "sents_f": sf,
        "uas": round(uas / dep_tot, 4) if labels_compare and dep_tot else None,
        "las": round(las / dep_tot, 4) if labels_compare and dep_tot else None,
        "words_per_second": round(n_words / took) if took else None,
        "pipeline": list(nlp.pipe_names),
    }


def sents_by_group(groups):
    return groups


def _gold_passive_indices(group) -> set[int]:
    """Doc-level token indices of gold passives in one group of sentences."""
    out: set[int] = set()
    offset = 0
    for s in group:
        toks = s.tokens
        for t in toks:
            f = _feats(t.feats)
            if f.get("Voice") == "Pass":
                out.add(offset + t.id - 1)
            elif f.get("VerbForm") == "Part":
                kids = [k for k in toks if k.head == t.id]
                if any(k.lemma.lower() == "blive" and k.dep.startswith("aux") for k in kids):
                    out.add(offset + t.id - 1)
                elif t.head and toks[t.head - 1].lemma.lower() == "blive" and t.dep == "vobj":
                    out.add(offset + t.id - 1)
        offset += len(toks)
    return out


def _passive_clauses(preds, golds, groups) -> tuple[int, int, int]:
    from ..checks.passive import PARAMS, find_passives

    params = {k: p.default for k, p in PARAMS.items()}
    params["vaere_passive"] = False
    tp = fp = fn = 0
    for doc, group in zip(preds, groups):
        gold = _gold_passive_indices(group)
        pred = {tok.i for _, _, _, tok in find_passives(doc, params)}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return tp, fp, fn
