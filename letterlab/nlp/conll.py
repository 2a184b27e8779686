"""Read DDT (CoNLL-X) and UD (CoNLL-U) treebanks and map DDT annotation to UD style.

The bundled pipeline is trained on the Danish Dependency Treebank, whose
original annotation uses PAROLE tags and DDT relations. The checks are written
against UD conventions (UPOS, UD features) so they work the same on the bundled
pipeline and on any UD-trained Danish pipeline (da_core_news_*, DaCy). This
module is the one place where that mapping lives.

Mapping choices (checked against ``ud-ddt-dev.conllu``, which holds the same
sentences as ``ddt-dev.conll``; see ``letterlab model mapping-check``):

* UPOS from the PAROLE coarse tag, refined by lemma and tree context:
  VA/VE -> AUX for have/blive/modals heading a verb (``vobj``) and for være
  heading a verb or a predicative; AN -> ADV when it modifies a verb, adjective
  or adverb; PD/PI -> DET when they head a noun (``nobj``), else PRON;
  U "at" -> PART, "der"/relative "som" -> PRON, other "som" -> ADP.
* Features: DDT ``voice=passive`` -> ``Voice=Pass`` (s-passive), mood, tense,
  participles -> ``VerbForm=Part``, definiteness, gender, number, genitive
  case, degree, person, possessor number, reflexivity and ``register=polite``
  (De/Dem/Deres) -> ``Polite=Form``.
* Relations: renamed to UD where the DDT label is one-to-one (subj->nsubj,
  dobj->obj, iobj, pnct->punct, coord->cc, conj, expl, voc->vocative); all
  others keep their DDT names and the tree keeps DDT's function-word heads
  (a determiner heads its noun via ``nobj``, ``blive`` heads its participle
  via ``vobj``).
* DDT multi-word tokens such as ``i_alt`` are split into words; the parts
  after the first attach to it with ``fixed``.
* About a quarter of DDT sentences have several roots (secondary
  dependencies of particles and prepositions). The root with the largest
  subtree stays root; every other root attaches to the nearest verb outside
  its own subtree (else the main root), as ``punct`` for punctuation,
  ``conj`` for verbs and ``mod`` otherwise.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

AUX_LEMMAS = {"have", "blive", "kunne", "skulle", "ville", "måtte", "burde", "turde", "gide"}

DEP_MAP = {
    "subj": "nsubj",
    "dobj": "obj",
    "iobj": "iobj",
    "pnct": "punct",
    "coord": "cc",
    "conj": "conj",
    "expl": "expl",
    "voc": "vocative",
    "ROOT": "ROOT",
}


@dataclass
class Token:
    id: int
    form: str
    lemma: str
    upos: str
    tag: str
    feats: str
    head: int
    dep: str
    space_after: bool = True


@dataclass
class Sentence:
    sent_id: str
    tokens: list[Token] = field(default_factory=list)
    text: str | None = None

    @property
    def doc_id(self) -> str:
        """Document id: DDT ids look like ``0008-da-s2``; UD dev ids have none."""
        m = re.match(r"(.+)-s\d+$", self.sent_id)
        return m.group(1) if m else ""


def _parse_feats(feats: str) -> dict[str, str]:
    out: dict[str, str] = {}
    if feats in ("_", ""):
        return out
    for part in feats.split("|"):
        if "=" in part:
            k, v = part.split("=", 1)
            out[k] = v
    return out


def read_conll(path: str | Path) -> tuple[list[Sentence], str]:
    """Read a CoNLL-X or CoNLL-U file. Returns the sentences and ``"conllx"`` or ``"conllu"``.

    CoNLL-U multi-word ranges (``1-2``) and empty nodes (``1.1``) are skipped;
    the syntactic words are kept.
    """
    sents: list[Sentence] = []
    cur = Sentence(sent_id=str(0))
    n = 0
    is_u = False
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                if cur.tokens:
                    sents.append(cur)
                n += 1
                cur = Sentence(sent_id=str(n))
                continue
            if line.startswith("#"):
                m = re.match(r"#\s*sent_id\s*=\s*(.+)", line)
                if m:
                    cur.sent_id = m.group(1).strip()
                m = re.match(r"#\s*text\s*=\s*(.*)", line)
                if m:
                    cur.text = m.group(1)
                    is_u = True
                continue
            cols = line.split("\t")
            if len(cols) < 8:
                raise ValueError(f"{path}: line has {len(cols)} columns, expected 10: {line[:60]!r}")
            if "-" in cols[0] or "." in cols[0]:
                is_u = True
                continue
            misc = cols[9] if len(cols) > 9 else "_"
            tok = Token(
                id=int(cols[0]),
                form=cols[1],
                lemma=cols[2],
                upos=cols[3],
                tag=cols[4],
                feats=cols[5],
                head=int(cols[6]) if cols[6] not in ("_", "") else 0,
                dep=cols[7],
                space_after="SpaceAfter=No" not in misc,
            )
            cur.tokens.append(tok)
    if cur.tokens:
        sents.append(cur)
    if not is_u:
        # UD files carry UPOS (all caps words like NOUN); DDT carries PAROLE tags.
        upos = {t.upos for s in sents[:50] for t in s.tokens}
        is_u = bool(upos & {"NOUN", "VERB", "PUNCT", "ADP"})
    return sents, ("conllu" if is_u else "conllx")


def _children(sent: Sentence) -> dict[int, list[Token]]:
    ch: dict[int, list[Token]] = {}
    for t in sent.tokens:
        ch.setdefault(t.head, []).append(t)
    return ch


# Predicatives after which UD treats "være" as a copula (AUX); with a prepositional
# or clausal predicative UD keeps "være" a VERB.
_NOMINAL_PRED = {"NC", "NP", "AN", "AO", "AC", "PP", "PD", "PI", "PO", "PT", "PC"}


def ddt_upos(tok: Token, sent: Sentence, children: dict[int, list[Token]]) -> str:
    """UPOS for a DDT token (PAROLE coarse tag in ``tok.upos``)."""
    c = tok.upos
    lemma = tok.lemma.lower()
    kids = children.get(tok.id, [])
    kid_deps = {k.dep for k in kids}
    head = sent.tokens[tok.head - 1] if tok.head > 0 else None
    if c == "NC":
        return "NOUN"
    if c == "NP":
        return "PROPN"
    if c in ("VA", "VE"):
        if lemma in AUX_LEMMAS and "vobj" in kid_deps and any(
            k.upos in ("VA", "VE") for k in kids if k.dep == "vobj"
        ):
            return "AUX"
        if lemma == "være" and (
            "vobj" in kid_deps
            or any(k.dep == "pred" and k.upos in _NOMINAL_PRED for k in kids)
        ):
            return "AUX"
        return "VERB"
    if c == "AN":
        if tok.dep in ("mod", "aobj") and head is not None and head.upos in ("VA", "VE", "AN", "RG"):
            return "ADV"
        return "ADJ"
    if c == "AO":
        return "ADJ"
    if c == "AC":
        return "NUM"
    if c in ("PD", "PI"):
        return "DET" if "nobj" in kid_deps else "PRON"
    if c == "PO":
        return "DET"
    if c in ("PP", "PT", "PC"):
        return "PRON"
    if c == "RG":
        return "ADV"
    if c == "SP":
        return "ADP"
    if c == "CC":
        return "CCONJ"
    if c == "CS":
        return "ADP" if lemma == "end" else "SCONJ"
    if c == "U":
        if lemma == "at":
            return "PART"
        if lemma == "der":
            return "PRON"
        if lemma == "som":
            return "PRON" if tok.dep in ("subj", "dobj") else "ADP"
        return "PART"
    if c == "I":
        return "INTJ"
    if c == "XP":
        return "PUNCT"
    if c in ("XS", "XR"):
        return "SYM"
    return "X"


_VAL = {
    "gender": {"common": "Com", "neuter": "Neut"},
    "number": {"sing": "Sing", "plur": "Plur"},
    "def": {"def": "Def", "indef": "Ind"},
    "definiteness": {"def": "Def", "indef": "Ind"},
    "degree": {"pos": "Pos", "comp": "Cmp", "sup": "Sup"},
    "tense": {"present": "Pres", "past": "Past"},
    "voice": {"active": "Act", "passive": "Pass"},
    "person": {"1": "1", "2": "2", "3": "3"},
}


def ddt_feats(tok: Token, upos: str) -> str:
    """UD feature string for a DDT token, given its mapped UPOS."""
    f = _parse_feats(tok.feats)
    out: dict[str, str] = {}
    c = tok.upos

    def put(ud: str, ddt: str, table: str | None = None) -> None:
        v = f.get(ddt)
        if v is None:
            return
        mapped = _VAL[table or ddt].get(v)
        if mapped:
            out[ud] = mapped

    if c in ("NC", "NP"):
        if f.get("case") == "gen":
            out["Case"] = "Gen"
        if c == "NC":
            put("Gender", "gender")
            put("Number", "number")
            put("Definite", "def")
    elif c == "AN":
        put("Degree", "degree")
        if upos == "ADJ":
            put("Gender", "gender")
            put("Number", "number")
            put("Definite", "def")
    elif c == "AO":
        out["NumType"] = "Ord"
    elif c == "AC":
        out["NumType"] = "Card"
    elif c in ("VA", "VE"):
        mood = f.get("mood")
        if mood == "indic":
            out["Mood"] = "Ind"
            out["VerbForm"] = "Fin"
        elif mood == "imper":
            out["Mood"] = "Imp"
        elif mood == "infin":
            out["VerbForm"] = "Inf"
        elif mood == "partic":
            out["VerbForm"] = "Part"
        elif mood == "gerund":
            out["VerbForm"] = "Ger"
        put("Tense", "tense")
        if mood == "partic":
            out.setdefault("Tense", "Past")
            put("Number", "number")
            put("Definite", "definiteness")
        else:
            put("Voice", "voice")
    elif c in ("PP", "PD", "PI", "PT", "PC", "PO"):
        out["PronType"] = {"PP": "Prs", "PD": "Dem", "PI": "Ind", "PT": "Int,Rel", "PC": "Rcp", "PO": "Prs"}[c]
        put("Person", "person")
        put("Gender", "gender")
        put("Number", "number")
        # UD_Danish-DDT marks unmarked personal pronouns (det, den, dem) as Acc.
        if f.get("case") == "nom":
            out["Case"] = "Nom"
        elif upos == "PRON" and f.get("case") == "unmarked" and (
            c == "PP" or tok.form.lower() in ("den", "det")
        ):
            out["Case"] = "Acc"
        if c == "PO":
            out["Poss"] = "Yes"
            ps = f.get("possessor")
            if ps in ("sing", "plur"):
                out["Number[psor]"] = _VAL["number"][ps]
        if f.get("reflexive") == "yes":
            out["Reflex"] = "Yes"
        if f.get("register") in ("polite", "formal"):
            out["Polite"] = "Form"
    elif c == "SP":
        out["AdpType"] = "Prep"
    elif c == "U" and tok.lemma.lower() in ("at", "som", "der"):
        # UD_Danish-DDT carries PartType=Inf on "at" and, by convention, on som/der.
        out["PartType"] = "Inf"
    elif c == "XF":
        out["Foreign"] = "Yes"
    if not out:
        return ""
    return "|".join(f"{k}={out[k]}" for k in sorted(out, key=str.lower))


def _descendants(root: int, children: dict[int, list[Token]]) -> set[int]:
    seen: set[int] = set()
    stack = [root]
    while stack:
        n = stack.pop()
        for k in children.get(n, []):
            if k.id not in seen:
                seen.add(k.id)
                stack.append(k.id)
    return seen


def fix_roots(sent: Sentence) -> None:
    """Make a DDT sentence one tree: keep the biggest root, attach the others (in place)."""
    roots = [t for t in sent.tokens if t.head == 0]
    if len(roots) <= 1:
        if roots:
            roots[0].dep = "ROOT"
        return
    children = _children(sent)
    sizes = {r.id: len(_descendants(r.id, children)) for r in roots}
    main = max(roots, key=lambda r: (sizes[r.id], r.upos in ("VA", "VE"), -r.id))
    main.dep = "ROOT"
    for r in roots:
        if r is main:
            continue
        sub = _descendants(r.id, children) | {r.id}
        verbs = [t for t in sent.tokens if t.upos in ("VA", "VE") and t.id not in sub]
        target = None
        if verbs:
            left = [v for v in verbs if v.id < r.id]
            target = left[-1] if left else verbs[0]
        r.head = target.id if target else main.id
        r.dep = "punct" if r.upos == "XP" else ("conj" if r.upos in ("VA", "VE") else "mod")
        children = _children(sent)


def split_multiword(sent: Sentence) -> Sentence:
    """Split DDT tokens like ``i_alt`` into words; later parts attach to the first with ``fixed``."""
    if not any("_" in t.form and t.form.strip("_") for t in sent.tokens):
        return sent
    new_id: dict[int, int] = {}
    out: list[Token] = []
    parts_of: list[tuple[Token, list[str], list[str]]] = []
    for t in sent.tokens:
        forms = [p for p in t.form.split("_") if p] or [t.form]
        lemmas = [p for p in t.lemma.split("_") if p]
        if len(lemmas) != len(forms):
            lemmas = [f.lower() for f in forms]
        new_id[t.id] = len(out) + 1
        for i, f in enumerate(forms):
            out.append(Token(len(out) + 1, f, lemmas[i], t.upos, t.tag, t.feats if i == 0 else t.feats,
                             t.head, t.dep, t.space_after if i == len(forms) - 1 else True))
        parts_of.append((t, forms, lemmas))
    # remap heads
    idx = 0
    for t, forms, _ in parts_of:
        first = out[idx]
        first.head = new_id[t.head] if t.head else 0
        for j in range(1, len(forms)):
            out[idx + j].head = first.id
            out[idx + j].dep = "fixed"
        idx += len(forms)
    return Sentence(sent.sent_id, out, sent.text)


def ddt_to_ud(sent: Sentence) -> Sentence:
    """A copy of a DDT sentence in letterlab's UD-style annotation (see the module docstring)."""
    s = Sentence(sent.sent_id, [Token(**vars(t)) for t in sent.tokens], sent.text)
    fix_roots(s)
    children = _children(s)
    mapped = []
    for t in s.tokens:
        upos = ddt_upos(t, s, children)
        mapped.append((upos, ddt_feats(t, upos)))
    for t, (upos, feats) in zip(s.tokens, mapped):
        t.tag = t.tag  # PAROLE tag stays in tag_
        t.upos = upos
        t.feats = feats
        if t.dep != "ROOT":
            t.dep = DEP_MAP.get(t.dep, t.dep)
    s = split_multiword(s)
    for t in s.tokens:
        if t.dep != "fixed" and t.head == 0:
            t.dep = "ROOT"
    # Spaces are not in CoNLL-X: no space before punctuation that closes.
    for i, t in enumerate(s.tokens[:-1]):
        nxt = s.tokens[i + 1].form
        if nxt in {".", ",", ":", ";", "!", "?", ")", "'"} or t.form in {"(",}:
            t.space_after = False
    return s


def load_ud_style(path: str | Path) -> tuple[list[Sentence], str]:
    """Read a treebank and return it in UD style, whatever its format."""
    sents, fmt = read_conll(path)
    if fmt == "conllx":
        sents = [ddt_to_ud(s) for s in sents]
    else:
        for s in sents:
            for t in s.tokens:
                if t.feats == "_":
                    t.feats = ""
    return sents, fmt
