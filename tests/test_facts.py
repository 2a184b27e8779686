"""The facts check between two versions of a letter (letterlab/facts.py).

The pair set is built here from real letters (tests/data/rewrite-letters and the corpus before-letters):
each planted change (a dropped amount, a changed date, a removed appeal guide, a refusal turned into a
grant, ...) must be found, with the right kind; each agreeing pair (the same letter with plain-language
word swaps that keep every fact) must give no report at all.
"""
from __future__ import annotations

import re

import pytest

from letterlab.facts import decision_of, diff_facts, extract_facts, facts_check
from testutil import ROOT

LETTERS = sorted((ROOT / "tests" / "data" / "rewrite-letters").glob("*.txt")) + \
    sorted((ROOT / "corpora" / "letters").glob("*/before.txt"))


def _read(p):
    return p.read_text(encoding="utf-8")


# ---- planted changes: (name, kind the check must report, mutate(text) -> new text or None when n/a)

def _first(rx, text):
    return re.search(rx, text)


def _once(rx, t):
    """The first match of ``rx`` whose text occurs once in ``t`` (dropping one of two mentions keeps the fact)."""
    return next((m for m in re.finditer(rx, t) if t.count(m.group(0)) == 1), None)


def drop_amount(t):
    m = _once(r"\d{1,3}(?:\.\d{3})*(?:,\d{2})? kr\.", t)
    return t[:m.start()] + "et beløb" + t[m.end():] if m else None


def change_amount(t):
    m = _first(r"(\d{1,3}(?:\.\d{3})*)(,\d{2})? kr\.", t)
    if not m:
        return None
    old = int(m.group(1).replace(".", ""))
    new = f"{old + 100:,}".replace(",", ".")
    return t[:m.start(1)] + new + t[m.end(1):]


def change_date(t):
    m = _first(r"\b(\d{1,2})\. (januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|"
               r"december) (\d{4})", t)
    if not m:
        return None
    day = int(m.group(1))
    return t[:m.start(1)] + str(day % 27 + 1) + t[m.end(1):]


def drop_date(t):
    m = _first(r"(?:den )?\b\d{1,2}\. (?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|"
               r"november|december) \d{4}", t)
    if not m or len(re.findall(re.escape(m.group(0).removeprefix("den ")), t)) > 1:
        return None
    return t[:m.start()] + "snarest" + t[m.end():]


def drop_appeal(t):
    m = _first(r"\n(Klagevejledning|Sådan klager du)\n[\s\S]*?(?=\n(?:Med venlig hilsen|Venlig hilsen)|\Z)", t)
    return t[:m.start()] + "\n" + t[m.end():] if m else None


def change_appeal_deadline(t):
    m = _first(r"inden 4 uger", t)
    return t[:m.start()] + "inden 8 uger" + t[m.end():] if m and "klag" in t.lower() else None


def refusal_to_grant(t):
    if decision_of(t) != "refused":
        return None
    new = re.sub(r"ikke kan imødekommes", "kan imødekommes", t)
    new = re.sub(r"De ikke opfylder", "De opfylder", new)
    new = re.sub(r"får (du |De )?afslag", "får ja", new)
    new = re.sub(r"\bafslag\b", "bevilling", new)
    new = re.sub(r"ikke er opfyldt", "er opfyldt", new)
    return new if new != t else None


def grant_to_refusal(t):
    if decision_of(t) != "granted":
        return None
    new = re.sub(r"\b(er|blev) imødekommet\b", r"\1 ikke imødekommet", t)
    new = re.sub(r"\bDer bevilges\b", "Der bevilges ikke", new)
    new = re.sub(r"\bDe bevilges\b", "De bevilges ikke", new)
    return new if new != t else None


def drop_paragraph(t):
    m = _first(r"[, ]*§ ?\d+(?: ?[a-z]\b)?(?:, stk\. \d+)?(?:, nr\. \d+)?", t)
    if not m or len(re.findall(re.escape(m.group(0).strip(", ")), t)) > 1:
        return None
    return t[:m.start()] + t[m.end():]


def change_paragraph(t):
    m = _first(r"§ ?(\d+)", t)
    return t[:m.start(1)] + str(int(m.group(1)) + 1) + t[m.end(1):] if m else None


def drop_phone(t):
    m = _first(r"\b\d{2} \d{2} \d{2} \d{2}\b", t)
    if not m or t.count(m.group(0)) > 1:
        return None
    return t[:m.start()] + "vores hovednummer" + t[m.end():]


def drop_placeholder(t):
    m = _first(r"\{[a-zæøå]+\}|«[A-Za-zæøå]+»|\[[A-ZÆØÅ][a-zæøå]+\]", t)
    if not m or t.count(m.group(0)) > 1:
        return None
    return t[:m.start()] + "(udfyldes)" + t[m.end():]


def drop_law(t):
    """Every law name goes ("lov om ..." and "...loven"/"...lovens")."""
    if not re.search(r"lov om [a-zæøå]|[a-zæøå]{3,}loven?s?\b", t):
        return None
    new = re.sub(r"lov om [a-zæøå ]+?(?= §|,|\.|\n)", "loven", t)
    return re.sub(r"\b[a-zæøå]{3,}lov(?:en|ens)?\b", "loven", new)


def change_name(t):
    m = _first(r"\nKære ([A-ZÆØÅ][a-zæøå]+) ([A-ZÆØÅ][a-zæøå]+)\n", t)
    if not m or t.count(m.group(2)) > 1:
        return None
    return t[:m.start(2)] + "Andersen" + t[m.end(2):]


def drop_url(t):
    m = _first(r"www\.[\w./-]+\w", t)
    if not m or t.count(m.group(0)) > 1:
        return None
    return t[:m.start()] + "vores hjemmeside" + t[m.end():]


def change_case_number(t):
    m = _first(r"sagsnummer (\d[\d-]+\d)", t)
    return t[:m.start(1)] + m.group(1)[:-1] + "9" + t[m.end(1):] if m and not m.group(1).endswith("9") else None


PLANTS = [
    ("drop_amount", "amount", drop_amount), ("change_amount", "amount", change_amount),
    ("change_date", "date", change_date), ("drop_date", "date", drop_date),
    ("drop_appeal", "appeal", drop_appeal), ("change_appeal_deadline", "appeal_deadline", change_appeal_deadline),
    ("refusal_to_grant", "decision", refusal_to_grant), ("grant_to_refusal", "decision", grant_to_refusal),
    ("drop_paragraph", "paragraph", drop_paragraph), ("change_paragraph", "paragraph", change_paragraph),
    ("drop_phone", "phone", drop_phone), ("drop_placeholder", "placeholder", drop_placeholder),
    ("drop_law", "law", drop_law), ("change_name", "name", change_name), ("drop_url", "address", drop_url),
    ("change_case_number", "case", change_case_number),
]


def planted_pairs():
    out = []
    for path in LETTERS:
        text = _read(path)
        for name, kind, fn in PLANTS:
            new = fn(text)
            if new is not None and new != text:
                out.append(pytest.param(text, new, kind, id=f"{path.parent.name if path.name == 'before.txt' else path.stem}-{name}"))
    return out


PLANTED = planted_pairs()

# Plain-language swaps that keep every fact: what a good rewrite does.
SWAPS = [(r"\bSåfremt\b", "Hvis"), (r"\bsåfremt\b", "hvis"), (r"\bidet\b", "fordi"), (r"\bi henhold til\b", "efter"),
         (r"\bI henhold til\b", "Efter"), (r"\bvedrørende\b", "om"), (r"\bVedrørende\b", "Om"), (r"\bhermed \b", ""),
         (r"\bendvidere\b", "også"), (r"\bsamtlige\b", "alle"), (r"\bDe bedes\b", "Du skal"), (r"\bDem\b", "dig"),
         (r"\bnærværende\b", "dette"), (r"\bpr\. måned\b", "om måneden"), (r"\bDet bemærkes, at\b", "Bemærk, at"),
         (r"\bbenytte\b", "bruge"), (r"\bforinden\b", "før")]


def agreeing_pairs():
    out = []
    for path in LETTERS:
        text = _read(path)
        new = text
        for rx, rep in SWAPS:
            new = re.sub(rx, rep, new)
        name = path.parent.name if path.name == "before.txt" else path.stem
        if new != text:
            out.append(pytest.param(text, new, id=name))
        # the body's paragraphs in another order (before the appeal guide and the closing) keep every fact too
        paras = text.split("\n\n")
        end = next((k for k, p in enumerate(paras) if re.match(r"(Klagevejledning|Med venlig hilsen|Venlig hilsen)", p)),
                   len(paras))
        body = paras[2:end]
        if len(body) > 2:
            out.append(pytest.param(text, "\n\n".join(paras[:2] + body[::-1] + paras[end:]), id=name + "-reordered"))
    return out


AGREEING = agreeing_pairs()


def test_the_pair_sets_are_big_enough():
    assert len(PLANTED) >= 50
    assert len({p.values[2] for p in PLANTED}) >= 12     # kinds of planted change
    assert len(AGREEING) >= 20


@pytest.mark.parametrize("before,after,kind", PLANTED)
def test_every_planted_change_is_found(before, after, kind):
    r = facts_check(before, after)
    kinds = {m["kind"] for m in r["missing"]} | {c["kind"] for c in r["changed"]}
    assert kind in kinds, (kind, r["missing"], r["changed"])
    if kind in ("appeal", "appeal_deadline", "decision", "paragraph", "law"):
        assert r["legal_warning"] and r["legal_warning"].startswith("Advarsel")


@pytest.mark.parametrize("before,after", AGREEING)
def test_nothing_is_reported_on_agreeing_pairs(before, after):
    r = facts_check(before, after)
    assert r["status"] == "ok"
    assert r["missing"] == [] and r["changed"] == [] and r["legal_warning"] is None


def test_normalised_values_count_as_the_same_fact():
    before = ("Du får 1.250,00 kr. fra den 1. november 2026 efter lov om social service § 112, stk. 1. "
              "Ring på tlf. 72 10 44 00.")
    after = ("Du får 1250 kr. fra 1/11 2026 efter servicelovens § 112, stk. 1. Ring på 72104400.")
    assert diff_facts(extract_facts(before), extract_facts(after)) == {"missing": [], "changed": []}


def test_a_changed_value_is_a_change_not_a_loss():
    r = facts_check("Du skal betale 1.250 kr. senest den 1. maj 2026.", "Du skal betale 1.250 kr. senest den 1. juni 2026.")
    assert r["missing"] == []
    assert [(c["kind"], c["before"], c["after"]) for c in r["changed"]] == [("date", "1. maj 2026", "1. juni 2026")]


def test_decision_kinds():
    assert decision_of("Din ansøgning om en el-scooter er bevilget.") == "granted"
    assert decision_of("Du kan ikke få en el-scooter, fordi betingelserne ikke er opfyldt.") == "refused"
    assert decision_of("Vi imødekommer din ansøgning delvist.") == "partly"
    assert decision_of("Hvis du ikke er enig, kan du klage.") is None


def test_cpr_numbers_are_not_facts_to_keep():
    r = facts_check("Sagen gælder CPR-nr. 010190-1234 og 500 kr.", "Sagen gælder CPR-nr. {cpr} og 500 kr.")
    assert r["missing"] == [] and r["changed"] == []


@pytest.mark.parametrize("before,after,status,word", [
    ("", "Et brev", "empty", "gamle"),
    ("Et brev", "   ", "empty", "nye"),
    ("", "", "empty", "nogen"),
    ("Du får 500 kr. den 1. maj 2026.", "Du får 500 kr. den 1. maj 2026.", "identical", "ens"),
    ("Vi har bevilget din ansøgning om hjælp til rengøring hver anden uge fra den 1. maj 2026.",
     "Affaldsbeholderen tømmes om tirsdagen i lige uger. Husk at stille spanden frem ved fortovskanten.",
     "unrelated", "ligner ikke"),
])
def test_bad_input_gets_a_clear_danish_result(before, after, status, word):
    r = facts_check(before, after)
    assert r["status"] == status
    assert word in r["message"]
