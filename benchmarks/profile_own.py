"""Where letterlab's own CPU time goes per letter, beside the pipeline's: for the audit and for the web API.

Letters: the corpus letters (before and after) and generated ones made like ``bench_audit.py``'s
(``--generated``, seeded), parsed once up front. Everything runs in this process with one BLAS thread.

* ``--path audit`` (default): ``core.analyse_many`` in chunks of 12, then what an audit worker makes
  of each report (cache record, the report rebuilt from it, summary row, report JSON, HTML section)
  and the pickled result it sends back;
* ``--path web``: ``POST /api/analyse`` through the real Flask app (``create_app`` with one in-process
  worker, the test client), which covers JSON decoding, the analysis, ``to_dict``, the safe
  suggestions and the JSON response; plus the pickle round trip of the report that a ``serve``
  worker sends to the server process.

Prints CPU milliseconds per letter by stage (timers, no profiler) and then, with ``--profile``, the
functions with most own time under cProfile (letterlab's own ones and spaCy's, separately).

Usage: python benchmarks/profile_own.py [--path audit|web] [--generated 150] [--profile] [--top 40]
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pickle
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")


def letters(generated: int) -> list[str]:
    from benchutil import corpus_texts
    from report_snapshot import generated_letters

    return corpus_texts() + [t for _, t in generated_letters(generated)]


class Clock:
    """CPU time per stage, summed over calls."""

    def __init__(self):
        self.ms = defaultdict(float)

    def wrap(self, owner, name: str, label: str):
        fn = getattr(owner, name)
        clock = self

        def timed(*a, **kw):
            c = time.process_time()
            try:
                return fn(*a, **kw)
            finally:
                clock.ms[label] += 1000 * (time.process_time() - c)

        setattr(owner, name, timed)


def stage_clocks(clock: Clock) -> None:
    """Time the stages of ``core._analyse_doc`` by wrapping the names it calls."""
    from letterlab import core

    for name, label in (("read_anatomy", "anatomy"), ("compute_metrics", "metrics (+ token table)"),
                        ("detect_genre_parts", "genre detection"), ("guard_findings", "rewrite guard"),
                        ("apply_markers", "suppress markers"), ("_scores", "scores"),
                        ("language_guess", "language guess"), ("precheck", "precheck")):
        clock.wrap(core, name, label)


def rule_clocks(clock: Clock, rules) -> None:
    """Time each rule's check (summed by kind)."""
    for rule in rules.rules:
        fn = rule.check
        label = f"rule {rule.kind}"

        def timed(doc, _fn=fn, _label=label):
            c = time.process_time()
            out = list(_fn(doc))
            clock.ms[_label] += 1000 * (time.process_time() - c)
            return out

        try:
            object.__setattr__(rule, "check", timed)
        except Exception:
            pass


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--path", choices=("audit", "web"), default="audit")
    ap.add_argument("--generated", type=int, default=150)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=40)
    a = ap.parse_args(argv)

    from letterlab.core import analyse_many
    from letterlab.nlp.pipeline import load_pipeline
    from letterlab.readers import read_text
    from letterlab.ruleset import default_ruleset

    texts = letters(a.generated)
    n = len(texts)
    nlp = load_pipeline()
    rules = default_ruleset()
    list(analyse_many([read_text(t) for t in texts[:4]], rules, nlp=nlp))   # warm up

    c = time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    pipe_ms = 1000 * (time.process_time() - c) / n
    out: dict = {"letters": n, "words": sum(len(t.split()) for t in texts) // n,
                 "pipe_ms_per_letter": round(pipe_ms, 2)}
    clock = Clock()
    prof = cProfile.Profile() if a.profile else None
    if a.path == "audit":
        from letterlab.audit import runner
        from letterlab.audit.cache import from_record, to_record
        from letterlab.audit.html import render_section
        from letterlab.audit.summary import summarise

        stage_clocks(clock)
        rule_clocks(clock, rules)
        docs = [read_text(t) for t in texts]
        c = time.process_time()
        if prof:
            prof.enable()
        results = []
        for i in range(0, n, 12):
            t0 = time.process_time()
            reports = list(analyse_many(docs[i:i + 12], rules, nlp=nlp))
            clock.ms["analyse_many (all)"] += 1000 * (time.process_time() - t0)
            for k, (d, r) in enumerate(zip(docs[i:i + 12], reports)):
                t0 = time.process_time()
                rec = to_record(r)
                rec_json = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
                r2 = from_record(rec, d.text, d.source, {})
                t1 = time.process_time()
                row = summarise(r2)
                rj = json.dumps(runner._report_dict(r2), ensure_ascii=False)
                t2 = time.process_time()
                sec = render_section(i + k, f"brev-{i + k}.docx", row, r2, {})
                t3 = time.process_time()
                blob = pickle.dumps({"row": row, "report_json": rj, "section": sec, "record_json": rec_json})
                t4 = time.process_time()
                results.append(len(blob))
                for label, v in (("out: cache record + rebuilt report", t1 - t0), ("out: summary + report JSON", t2 - t1),
                                 ("out: HTML section", t3 - t2), ("out: pickle result", t4 - t3)):
                    clock.ms[label] += 1000 * v
        if prof:
            prof.disable()
        total = 1000 * (time.process_time() - c) / n
        out["pickled_result_bytes_per_letter"] = sum(results) // n
    else:
        os.environ.setdefault("LETTERLAB_SECRET_KEY", "bench")
        from web.app import create_app

        app = create_app(workers=1) if "workers" in create_app.__code__.co_varnames else create_app()
        client = app.test_client()
        headers = {"X-Letterlab-Request": "1"}
        client.post("/api/analyse", json={"text": texts[0]}, headers=headers)
        from web import api as webapi
        from letterlab.report import model as rmodel

        clock.wrap(webapi, "run_analyse", "analyse (input + core)")
        clock.wrap(webapi, "page_report", "page_report (to_dict + safe suggestions)")
        clock.wrap(webapi, "jsonify", "jsonify (JSON response)")
        from letterlab.core import analyse
        import letterlab.core as core
        stage_clocks(clock)
        clock.wrap(core, "analyse_many", "core.analyse_many")
        c = time.process_time()
        if prof:
            prof.enable()
        for t in texts:
            resp = client.post("/api/analyse", json={"text": t}, headers=headers)
            assert resp.status_code == 200, resp.status_code
        if prof:
            prof.disable()
        total = 1000 * (time.process_time() - c) / n
        reports = [analyse(t, rules, nlp=nlp) for t in texts[:40]]
        c = time.process_time()
        size = 0
        for r in reports:
            blob = pickle.dumps(r)
            size += len(blob)
            pickle.loads(blob)
        out["pickle_roundtrip_ms_per_letter"] = round(1000 * (time.process_time() - c) / len(reports), 3)
        out["pickled_report_bytes"] = size // len(reports)
    out["total_ms_per_letter"] = round(total, 2)
    out["own_ms_per_letter (total - pipe)"] = round(total - pipe_ms, 2)
    out["stages_ms_per_letter"] = {k: round(v / n, 3) for k, v in sorted(clock.ms.items(), key=lambda kv: -kv[1])}
    print(json.dumps(out, indent=1, ensure_ascii=False))
    if prof:
        st = pstats.Stats(prof)
        own = defaultdict(float)
        cum = {}
        for (file, line, func), (cc, nc, tt, ct, callers) in st.stats.items():
            key = f"{Path(file).name}:{line}({func})"
            if "letterlab" in file or "/web/" in file:
                own[("letterlab", key)] += tt
            elif "spacy" in file or "thinc" in file:
                own[("spacy/thinc", key)] += tt
            else:
                own[("other", key)] += tt
            cum[key] = ct
        sums = defaultdict(float)
        for (grp, _), tt in own.items():
            sums[grp] += tt
        print("own time by group (ms per letter):", {g: round(1000 * v / n, 2) for g, v in sums.items()})
        for grp in ("letterlab", "other", "spacy/thinc"):
            print(f"\n-- {grp}: top own time (ms per letter), cumulative")
            items = sorted(((tt, k) for (g, k), tt in own.items() if g == grp), reverse=True)[: a.top]
            for tt, k in items:
                print(f"{1000 * tt / n:8.3f} {1000 * cum[k] / n:8.3f}  {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
