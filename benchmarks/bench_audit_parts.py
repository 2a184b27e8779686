"""Where an audit's CPU time per letter goes, part by part, in one process.

Runs the parts of an audit worker one after the other over the same letters
(a folder of .docx files, e.g. the one ``bench_audit.py --keep DIR`` leaves)
and reports CPU milliseconds per letter for each:

* ``read_docx``: ``read_document`` of each file;
* ``pipe_spacy``: the floor, ``nlp.pipe`` of the texts through the pipeline as
  ``spacy.load`` gives it;
* ``pipe_letterlab``: the same through ``load_pipeline`` (letter components,
  OpenBLAS ops);
* ``analyse_many``: the whole analysis (the pipe above plus the checks, scores
  and reading time);
* ``outputs``: what the audit makes of each report (summary row, report JSON,
  HTML section);
* ``start_up``: importing spaCy and loading the pipeline in a fresh process,
  paid once per worker.

The process runs numpy's BLAS on one thread, as letterlab's workers do.

Usage: python benchmarks/bench_audit_parts.py DIR [--n 300]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path


def cpu_ms_per(fn, n: int) -> float:
    c = time.process_time()
    fn()
    return round(1000 * (time.process_time() - c) / n, 2)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--model", default=None)
    a = ap.parse_args(argv)

    import numpy  # noqa: F401
    import spacy
    from threadpoolctl import threadpool_limits

    from letterlab.audit.html import render_section
    from letterlab.audit.runner import _report_dict
    from letterlab.audit.summary import summarise
    from letterlab.core import analyse_many
    from letterlab.nlp.pipeline import load_pipeline, resolve_model_name
    from letterlab.readers import read_document
    from letterlab.ruleset import default_ruleset

    threadpool_limits(limits=1)
    files = sorted(Path(a.dir).rglob("*.docx"))[: a.n]
    n = len(files)
    name = resolve_model_name(a.model)
    bare = spacy.load(name)
    nlp = load_pipeline(a.model)
    rules = default_ruleset()
    docs = [read_document(f) for f in files[:5]]
    list(analyse_many(docs, rules, nlp=nlp))  # warm up
    list(bare.pipe([d.text for d in docs]))

    out: dict = {"letters": n, "pipeline": name}
    documents: list = []
    out["read_docx"] = cpu_ms_per(lambda: documents.extend(read_document(f) for f in files), n)
    texts = [d.text for d in documents]
    out["pipe_spacy"] = cpu_ms_per(lambda: [None for _ in bare.pipe(texts, batch_size=16)], n)
    out["pipe_letterlab"] = cpu_ms_per(lambda: [None for _ in nlp.pipe(texts, batch_size=16)], n)
    reports: list = []
    out["analyse_many"] = cpu_ms_per(
        lambda: reports.extend(r for i in range(0, n, 12) for r in analyse_many(documents[i:i + 12], rules, nlp=nlp)), n)

    def outputs():
        for i, (f, r) in enumerate(zip(files, reports)):
            row = summarise(r)
            json.dumps(_report_dict(r), ensure_ascii=False)
            render_section(i, f.name, row, r, {})

    out["outputs"] = cpu_ms_per(outputs, n)
    code = f"import spacy; spacy.load({name!r})"
    c = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", "import resource, runpy, sys;" + code +
                           "; ru = resource.getrusage(resource.RUSAGE_SELF); print(ru.ru_utime + ru.ru_stime)"],
                          capture_output=True, text=True, check=True)
    out["start_up_cpu_s"] = round(float(proc.stdout.split()[-1]), 2)
    out["start_up_wall_s"] = round(time.perf_counter() - c, 2)
    out["analysis_over_pipe_spacy"] = round(out["analyse_many"] / out["pipe_spacy"], 3)
    out["worker_per_letter_over_pipe_spacy"] = round(
        (out["read_docx"] + out["analyse_many"] + out["outputs"]) / out["pipe_spacy"], 3)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
