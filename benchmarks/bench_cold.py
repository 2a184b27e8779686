"""Cold start: ``letterlab check`` of one ~400-word letter against its floor, as a user runs it.

The floor is a fresh interpreter that imports spaCy and loads the same pipeline
(``python -c "import spacy; spacy.load(PIPELINE)"``): a command that analyses a
letter cannot do less. The command runs as installed (``.venv/bin/letterlab``,
the console script next to this interpreter), in the environment this script
was started with: no thread variables are set here.

The two are run interleaved (floor, command, floor, command, ...) ``--rounds``
times, so a busy machine slows both alike; the script reports the median wall
time and CPU time of each and their ratios.

Usage: python benchmarks/bench_cold.py [--rounds 10] [--words 400] [--model NAME_OR_PATH]
Prints one JSON object. Not a test: timings on shared machines are noisy.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchutil import corpus_texts, letter_of_about, script_path


def _run(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``cmd``; its output is thrown away."""
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[0]} failed: {proc.stderr.decode(errors='replace')}")
    return wall, (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--words", type=int, default=400)
    ap.add_argument("--model", default=None)
    a = ap.parse_args(argv)

    from letterlab.nlp.pipeline import resolve_model_name

    pipeline = resolve_model_name(a.model)
    letter = letter_of_about(a.words, corpus_texts())
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp:
        path = Path(tmp) / "brev.txt"
        path.write_text(letter, encoding="utf-8")
        floor = [sys.executable, "-c", f"import spacy; spacy.load({pipeline!r})"]
        command = [script_path("letterlab"), "check", str(path)] + (["--model", a.model] if a.model else [])
        _run(floor), _run(command)   # warm the file cache
        runs = {"floor": [], "check": []}
        for _ in range(a.rounds):
            runs["floor"].append(_run(floor))
            runs["check"].append(_run(command))

    def med(name: str, k: int) -> float:
        return statistics.median(r[k] for r in runs[name])

    wall_ratios = sorted(c[0] / f[0] for f, c in zip(runs["floor"], runs["check"]))
    result = {
        "pipeline": pipeline,
        "letter_words": len(letter.split()),
        "rounds": a.rounds,
        "floor_cmd": " ".join(floor),
        "check_cmd": " ".join(command),
        "floor_wall_s_median": round(med("floor", 0), 3),
        "check_wall_s_median": round(med("check", 0), 3),
        "floor_cpu_s_median": round(med("floor", 1), 3),
        "check_cpu_s_median": round(med("check", 1), 3),
        "wall_ratio_of_medians": round(med("check", 0) / med("floor", 0), 3),
        "wall_ratio_paired_median": round(statistics.median(wall_ratios), 3),
        "cpu_ratio_of_medians": round(med("check", 1) / med("floor", 1), 3),
        "target_ratio": 1.25,
        "thread_variables_set": sorted(k for k in os.environ if k.endswith("_NUM_THREADS")),
        "loadavg_1min": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
