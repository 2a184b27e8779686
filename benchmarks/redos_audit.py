"""ReDoS audit: every regular expression letterlab uses, run against adversarial strings, growth measured.

Collects the patterns (issue #15):

* every pattern compiled while the package is imported (every module of ``letterlab`` and
  ``letterlab_web``), the rules are loaded (``rules/**/*.toml``) and a few letters of every genre are
  analysed and rewritten (``re._compile`` is watched, so ``re.search(r"...")`` inside a function
  counts too, with the file and line that compiled it);
* every pattern written as a plain string in a ``re.*`` call in ``letterlab/**/*.py`` that the runs
  above did not reach (read from the source with ``ast``).

Each pattern is run (``finditer`` to the end: the work of ``search``, ``findall``, ``sub`` and
``split``) on strings made of one unit repeated: single characters (letters, digits, spaces, line
breaks, punctuation, merge-field brackets «, {, [, <), pairs and short words ("a ", "a:", "Ja. ",
"{{a", ...), tiny paragraphs and sentences, and units built from the pattern itself: its literals,
a sample of the body of each repeat (``(\\w+ )*``, ``\\S*``) with a character that makes the match
fail, and a sample of each alternative. Every (pattern, string) is screened at ``--screen``
characters and twice that; one that grows faster than linearly is measured again at doubling sizes
up to 200,000 characters (or until one run passes ``--budget`` seconds, under
``letterlab.timelimit``). Every pattern also gets the 200,000-character single-character strings.

Prints the worst patterns (by the time their worst string would take at 200,000 characters), with
the time at n and 2n, the growth exponent and where the pattern comes from. Usage:

    python benchmarks/redos_audit.py [--top 25] [--json out.json] [--only SUBSTRING]
    python benchmarks/redos_audit.py --letters 60000     # the units as runs in a letter, end to end

The audit runs ``finditer`` from every position, the worst use; many patterns are only ever used
anchored (``match`` on one line or sentence), where a quadratic pattern costs one attempt. So
``--letters`` puts each unit the audit found slow into a letter and analyses it end to end: what is
slow there is reachable.

Not a test (timings on shared machines are noisy); the fixes it led to have bounded-cost tests.
"""
from __future__ import annotations

import argparse
import ast
import importlib
import json
import math
import os
import pkgutil
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

try:
    from re import _constants as C, _parser as P
except ImportError:  # pragma: no cover
    import sre_constants as C
    import sre_parse as P

BIG = 200_000

SINGLE = list("aAæ1 \n\t.,:;-–=\"'«»{}[]()<>/*§!?_&%@#+|\\~^$") + ["\u00a0", "\u200b", "é", "Ω"]
UNITS = ["a ", "a.", "a. ", "a:", "a-", "a,", "1.", "1 ", ". ", ", ", "\n\n", "a\n", "{{", "{a", "{{a",
         "«a", "«a»", "<<", "<<a", "[a", "[[", "${", "a b", "A. ", "1-", "den ", " - ", "ab cd. ", "Ja. ",
         "Ja.\n\n", "Ab\n", "aA", "a1", "1a", "a1.", "-a", "a'", "a=", "a\"", "a(", "a)", "a/", "www.a",
         "a.b,c", "Aa ", "AB ", "A ", " a", "a  ", "aa ", "Du ", "du skal ", "og ", "at ", "ikke ",
         "1.000 ", "1. maj ", "den 1. ", "§ 1, ", "stk. ", "kr. ", "jf. "]
ABSOLUTE = ["a", " ", ".", "\n", "a ", "Ja. ", "«", "{", "["]


# -- collecting -----------------------------------------------------------------------------------

def _origin() -> str:
    f = sys._getframe(2)
    while f is not None:
        fn = f.f_code.co_filename
        if not (fn.endswith(("/re.py", "functools.py", "prefilter.py")) or "/re/" in fn):
            try:
                rel = str(Path(fn).resolve().relative_to(ROOT))
            except ValueError:
                rel = fn
            return f"{rel}:{f.f_lineno}"
        f = f.f_back
    return "?"


def collect(analyse_letters: bool = True) -> dict[tuple[str, int], str]:
    """{(pattern, flags): where it was compiled first}."""
    seen: dict[tuple[str, int], str] = {}
    real = re._compile

    def watch(pattern, flags):
        if isinstance(pattern, str):
            key = (pattern, int(flags))
            if key not in seen:
                where = _origin()
                if "/site-packages/" not in where and "/lib/python" not in where and "<frozen" not in where:
                    seen[key] = where
        return real(pattern, flags)

    re._compile = watch
    re.purge()
    try:
        for pkg in ("letterlab", "letterlab_web"):
            try:
                mod = importlib.import_module(pkg)
            except ImportError:
                continue
            for info in pkgutil.walk_packages(mod.__path__, pkg + "."):
                if ".training" in info.name or info.name.endswith("__main__"):
                    continue
                try:
                    importlib.import_module(info.name)
                except Exception:  # noqa: BLE001 - an optional module that needs more set-up
                    pass
        from letterlab.ruleset import default_ruleset

        rules = default_ruleset()
        if analyse_letters:
            _exercise(rules)
    finally:
        re._compile = real
    _static(seen)
    _toml_origins(seen)
    return seen


def _exercise(rules) -> None:
    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline
    from letterlab.rewrite.run import rewrite_letter
    from letterlab.readers import read_document

    nlp = load_pipeline()
    files = sorted((ROOT / "corpora" / "letters").glob("*/*.txt"))
    files += sorted((ROOT / "corpora" / "templates").glob("*.*"))[:20]
    for i, p in enumerate(files):
        try:
            doc = read_document(str(p))
        except Exception:  # noqa: BLE001
            continue
        for genre in (None,) if i % 5 else (None, "afgoerelse", "partshoering", "indkaldelse", "anmodning"):
            try:
                analyse(doc, rules, nlp=nlp, genre=genre, time_limit=None)
            except Exception:  # noqa: BLE001
                pass
        if i % 4 == 0:
            try:
                rewrite_letter(doc, rules, mode="all", nlp=nlp)
            except Exception:  # noqa: BLE001
                pass


_RE_FUNCS = {"compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split", "Rx",
             "AnyOf"}


def _static(seen: dict) -> None:
    """Literal patterns in ``re.*(...)`` calls that the runs did not compile."""
    have = {p for p, _ in seen}
    for path in sorted((ROOT / "letterlab").rglob("*.py")) + sorted((ROOT / "web").rglob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name not in _RE_FUNCS:
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value not in have:
                try:
                    re.compile(arg.value)
                except re.error:
                    continue
                seen[(arg.value, 0)] = f"{path.relative_to(ROOT)}:{node.lineno} (static)"
                have.add(arg.value)


def _toml_strings() -> list[tuple[str, str]]:
    import tomllib

    out = []

    def walk(x, where):
        if isinstance(x, str):
            if len(x) >= 4:
                out.append((x, where))
        elif isinstance(x, dict):
            for v in x.values():
                walk(v, where)
        elif isinstance(x, list):
            for v in x:
                walk(v, where)

    for p in sorted((ROOT / "rules").rglob("*.toml")):
        walk(tomllib.loads(p.read_text(encoding="utf-8")), str(p.relative_to(ROOT)))
    return out


def _toml_origins(seen: dict) -> None:
    strings = [(s, w) for s, w in _toml_strings() if any(ch in s for ch in "\\()[]|?*+")]
    for key, where in list(seen.items()):
        for s, w in strings:
            if s in key[0]:
                seen[key] = f"{w} (via {where})"
                break


# -- adversarial strings --------------------------------------------------------------------------

_CAT = {C.CATEGORY_DIGIT: "1", C.CATEGORY_NOT_DIGIT: "a", C.CATEGORY_SPACE: " ", C.CATEGORY_NOT_SPACE: "a",
        C.CATEGORY_WORD: "a", C.CATEGORY_NOT_WORD: ".", C.CATEGORY_LINEBREAK: "\n",
        C.CATEGORY_NOT_LINEBREAK: "a"}
_CANDIDATES = "a1 .\n-:,«{[<=\"'A"


def _in_set(items, ch: str) -> bool:
    try:
        return re.fullmatch(_set_source(items), ch) is not None
    except (re.error, TypeError):
        return False


def _set_source(items) -> str:
    parts, neg = [], False
    for op, av in items:
        if op is C.NEGATE:
            neg = True
        elif op is C.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is C.RANGE:
            parts.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is C.CATEGORY:
            parts.append({C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
                          C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}.get(av, "a"))
    return "[" + ("^" if neg else "") + "".join(parts) + "]"


def _char_for(op, av) -> str:
    if op is C.LITERAL:
        return chr(av)
    if op is C.NOT_LITERAL:
        return "a" if chr(av) != "a" else "b"
    if op is C.ANY:
        return "a"
    if op is C.CATEGORY:
        return _CAT.get(av, "a")
    if op is C.IN:
        for ch in _CANDIDATES:
            if _in_set(av, ch):
                return ch
        for op2, av2 in av:
            if op2 is C.LITERAL:
                return chr(av2)
            if op2 is C.RANGE:
                return chr(av2[0])
        return "a"
    return ""


def sample(items, depth: int = 0) -> str:
    """A short string the parsed sequence matches (best effort)."""
    if depth > 20:
        return ""
    out = []
    for op, av in items:
        ch = _char_for(op, av)
        if ch:
            out.append(ch)
        elif op is C.BRANCH:
            out.append(sample(av[1][0], depth + 1))
        elif op is C.SUBPATTERN:
            out.append(sample(av[3], depth + 1))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            lo = av[0]
            out.append(sample(av[2], depth + 1) * max(lo, 1))
        elif op is getattr(C, "ATOMIC_GROUP", None):
            out.append(sample(av, depth + 1))
    return "".join(out)


def derived_units(pattern: str, flags: int) -> list[str]:
    """Units made from the pattern: its literals, repeat bodies (with a failing end), alternatives."""
    try:
        parsed = P.parse(pattern, flags)
    except Exception:  # noqa: BLE001
        return []
    units: set[str] = set()

    def walk(items, depth=0):
        if depth > 30:
            return
        run = []
        for op, av in list(items) + [(None, None)]:
            if op is C.LITERAL:
                run.append(chr(av))
                continue
            if len(run) >= 2:
                lit = "".join(run)
                units.update({lit, lit + " ", lit[:-1]})
            run = []
            if op is C.BRANCH:
                for alt in av[1][:12]:
                    s = sample(alt)
                    if s:
                        units.update({s, s + " "})
                    walk(alt, depth + 1)
            elif op is C.SUBPATTERN:
                walk(av[3], depth + 1)
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
                if av[1] > 1:
                    body = sample(av[2])
                    if body:
                        units.update({body, body + " ", body + "\x01"})
                walk(av[2], depth + 1)
            elif op in (C.ASSERT, C.ASSERT_NOT):
                walk(av[1], depth + 1)
    walk(parsed)
    whole = sample(parsed)
    if whole:
        units.update({whole, whole + " ", whole[:-1]})
    return sorted(u for u in units if u and len(u) <= 200)


def make(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


# -- measuring ------------------------------------------------------------------------------------

def run_once(rx: re.Pattern, s: str, budget: float) -> float:
    """Seconds for ``finditer`` to the end (``math.inf`` when it passed ``budget``)."""
    from letterlab import timelimit

    t = time.perf_counter()
    try:
        with timelimit.limit(budget):
            for _ in rx.finditer(s):
                pass
    except timelimit.TooSlow:
        return math.inf
    return time.perf_counter() - t


def timed(rx, s, budget, reps=1) -> float:
    return min(run_once(rx, s, budget) for _ in range(reps))


def audit_pattern(pattern: str, flags: int, screen: int, budget: float, ratio: float, grow: int = 2) -> dict:
    rx = re.compile(pattern, flags)
    units = list(dict.fromkeys(SINGLE + UNITS + derived_units(pattern, flags)))
    worst = {"at_200k_s": 0.0, "unit": "", "n": screen, "t_n": 0.0, "t_2n": 0.0, "exponent": 1.0}
    suspects = []
    for unit in units:
        a = timed(rx, make(unit, screen), budget)
        b = timed(rx, make(unit, 2 * screen), budget)
        if b == math.inf or (b > 2e-4 and b / max(a, 1e-9) > ratio):
            suspects.append((b, unit))
            continue
        if b * (BIG / (2 * screen)) > worst["at_200k_s"]:
            worst = {"unit": unit, "n": screen, "t_n": a, "t_2n": b, "exponent": _exp(a, b),
                     "at_200k_s": b * (BIG / (2 * screen))}
    # the strings that grew fastest at the screening size: doubled until they cost real time
    for _, unit in sorted(suspects, reverse=True)[:grow]:
        res = _grow(rx, unit, screen, budget)
        res["unit"] = unit
        if res["at_200k_s"] >= worst["at_200k_s"]:
            worst = res
    worst["suspects"] = len(suspects)
    grown = {u for _, u in suspects}
    for unit in ABSOLUTE:          # 200,000 characters of one character: the size limit's worst
        if unit in grown:
            continue
        t = timed(rx, make(unit, BIG), budget)
        if t > worst["at_200k_s"]:
            t_n = timed(rx, make(unit, BIG // 2), budget)
            worst = {"unit": unit, "n": BIG // 2, "t_n": t_n, "t_2n": t, "exponent": _exp(t_n, t),
                     "at_200k_s": t, "suspects": worst["suspects"]}
    return worst


def _exp(a: float, b: float) -> float:
    if a == math.inf or b == math.inf:
        return math.inf
    if a < 2e-5 or b < 2e-5:
        return 1.0
    return round(math.log2(b / a), 2)


def _grow(rx, unit: str, n: int, budget: float) -> dict:
    """Double the size until a run takes over ``budget``/4 or the string reaches 200,000 characters."""
    t_n = timed(rx, make(unit, n), budget, reps=3)
    while True:
        t_2n = timed(rx, make(unit, 2 * n), budget, reps=1 if t_n > 0.05 else 3)
        if t_2n == math.inf or t_2n > budget / 4 or 4 * n > BIG:
            break
        n, t_n = 2 * n, t_2n
    e = _exp(t_n, t_2n)
    if t_2n == math.inf:
        at = math.inf
    else:
        at = t_2n * (BIG / (2 * n)) ** max(e, 1.0)
    return {"n": n, "t_n": t_n, "t_2n": t_2n, "exponent": e, "at_200k_s": at}


LETTER_UNITS = ["\n", " ", "\u00a0", "1.", "_", "{", "{{", "»", "“", "=", "@", "[[", "<<", "`", "1-", "'", "\n\n",
                "  ", "1", "\t", " \n", "–", "a_", "a:", "${"]


def letters(n: int, units: list[str], limit: float) -> list[dict]:
    """Each unit as an ``n``-character run in a short letter (in its body, and before it), analysed end
    to end under ``limit`` seconds: which runs the whole analysis, not one pattern, finds slow."""
    import cProfile
    import pstats

    from letterlab.core import analyse
    from letterlab.nlp.pipeline import load_pipeline
    from letterlab.ruleset import default_ruleset

    nlp, rules = load_pipeline(), default_ruleset()
    analyse("Kære Anna\n\nDu får hjælp.", rules, nlp=nlp)
    out = []
    for unit in units:
        run = unit * (n // len(unit))
        for where, text in (("body", "Kære Anna\n\nVi har brug for dine papirer. " + run + " Send dem senest den 1. maj."
                                      "\n\nMed venlig hilsen\nBo"),
                            ("start", run + "Kære Anna\n\nVi har brug for dine papirer.")):
            prof = cProfile.Profile()
            t = time.perf_counter()
            prof.enable()
            report = analyse(text, rules, nlp=nlp, time_limit=limit)
            prof.disable()
            took = time.perf_counter() - t
            own = sorted(((v[2], f"{Path(k[0]).name}:{k[1]}:{k[2]}") for k, v in pstats.Stats(prof).stats.items()),
                         reverse=True)[:3]
            out.append({"unit": unit, "where": where, "s": round(took, 2), "notices": [x["code"] for x in report.notices],
                        "slowest_own": [[name, round(sec, 2)] for sec, name in own]})
            print(f"{unit!r:8} {where:5} {took:6.2f} s {out[-1]['notices']} "
                  + " ".join(f"{name}={sec:.2f}" for sec, name in own), flush=True)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--screen", type=int, default=2000, help="screening size n (and 2n)")
    ap.add_argument("--budget", type=float, default=4.0, help="seconds before one run is stopped")
    ap.add_argument("--ratio", type=float, default=3.0, help="t(2n)/t(n) above which growth is measured further")
    ap.add_argument("--only", default=None, help="audit only patterns containing this text")
    ap.add_argument("--no-letters", action="store_true", help="collect patterns without analysing letters")
    ap.add_argument("--json", default=None, help="write every pattern's result here")
    ap.add_argument("--letters", type=int, default=0,
                    help="instead: analyse letters with an N-character run of each unit, end to end")
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if args.letters:
        rows = letters(args.letters, LETTER_UNITS, 30.0)
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
        return 0
    t0 = time.time()
    patterns = collect(not args.no_letters)
    if args.only:
        patterns = {k: v for k, v in patterns.items() if args.only in k[0]}
    print(f"{len(patterns)} patterns collected in {time.time() - t0:.0f} s", file=sys.stderr, flush=True)
    results = []
    for i, ((pattern, flags), where) in enumerate(sorted(patterns.items(), key=lambda kv: kv[1])):
        if i and i % 100 == 0:
            print(f"{i} patterns audited, {time.time() - t0:.0f} s", file=sys.stderr, flush=True)
        try:
            w = audit_pattern(pattern, flags, args.screen, args.budget, args.ratio)
        except re.error:
            continue
        results.append({"pattern": pattern, "flags": flags, "where": where, **w})
    results.sort(key=lambda r: r["at_200k_s"], reverse=True)
    print(f"{len(results)} patterns audited in {time.time() - t0:.0f} s; worst first "
          f"(seconds for one finditer over n and 2n characters of the unit repeated):")
    for r in results[:args.top]:
        at = "stopped" if r["at_200k_s"] == math.inf else f"{r['at_200k_s']:.3g} s"
        print(f"- {at:>10} at 200,000 | n={r['n']:>6}: {r['t_n']:.4f} s, 2n: {r['t_2n']:.4f} s, "
              f"exponent {r['exponent']} | unit {r['unit']!r:.24} | {r['where']}\n    {r['pattern'][:160]!r}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
